"""Section roles: what each division of a plan is for.

A Government Work Report reviews the past year (``review``), sets the year's
goals (``goals``), lists the work (``tasks``), turns to the government's own
conduct (``self_governance``) and ends with an appeal (``closing``); a work
plan (工作要点) is mostly ``tasks``; some documents carry an ``explanation``
(关于《…》的说明) or an ``annex`` (附件, 民生实事, 名词解释). The text before
the first division is the ``preamble``. Extraction needs this: a number in a
review is a result, the same number in the tasks a target.

Roles are decided by rules over the words of headings, kept as data in
``data/roles.json``:

* a top-level division takes the role of the first rule whose words occur in
  its heading, else in the opening of its text, else the default (``tasks``);
* after the document's last numbered heading, Government Work Reports go on
  in unnumbered divisions, each opened by an address to the delegates
  (各位代表！) or a heading line such as 结束语; such a division takes the role
  of the cue word found first in its opening (让我们… → ``closing``,
  政府自身建设 → ``self_governance``, 民族/国防/外交 → ``tasks``);
* a top-level division whose heading and opening name no role, with
  subsections that do (第一章 开启现代化建设新征程: 第一节 发展环境, 第二节 主要目标),
  is divided by them: each subsection opens a division of its role (or the
  default);
* every node takes the role of the division its start lies in, so a
  sentence inherits the role of its section.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import regex

from ..data import alternation, load_json
from ..ingest.chars import FULL_STOPS, SENTENCE_END, YEAR
from ..ingest.numbering import starts_with_label
from ..model import HEADING_KINDS, Node

ROLES_FILE = "roles.json"


@dataclass(frozen=True)
class _Rule:
    role: str
    regex: "regex.Pattern[str]"


@dataclass(frozen=True)
class _Rules:
    heading: tuple[_Rule, ...]
    tail: tuple[_Rule, ...]
    default: str
    opening_chars: int
    tail_chars: int
    tail_start: "regex.Pattern[str]"
    roles: tuple[str, ...]
    max_heading_line_chars: int


def _rule(spec: dict) -> _Rule:
    parts = list(spec.get("patterns", []))
    if spec.get("words"):
        parts.append(alternation(spec["words"]))
    return _Rule(spec["role"], regex.compile("|".join(f"(?:{p})" for p in parts)))


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The role rules of ``data/roles.json``, compiled once."""
    data = load_json(ROLES_FILE)
    # an unnumbered division opens at a line start or after a sentence end
    opener = f"(?:{data['address']}|(?:{alternation(data['closing_headings'])})[ \\t]*(?=\\n|$))"
    tail_start = regex.compile(f"(?:^|(?<=[\\n{regex.escape(FULL_STOPS)}]))[ \\t]*(?P<open>{opener})", regex.M)
    return _Rules(
        heading=tuple(_rule(s) for s in data["heading"]),
        tail=tuple(_rule(s) for s in data["tail"]),
        default=data["default"],
        opening_chars=int(data["opening_chars"]),
        tail_chars=int(data["tail_chars"]),
        tail_start=tail_start,
        roles=tuple(data["roles"]),
        max_heading_line_chars=int(data["max_heading_line_chars"]),
    )


def heading_role(heading: str) -> Optional[str]:
    """The role the words of a division's heading give, or ``None``.

    Example:
        >>> heading_role("一、2018年工作回顾"), heading_role("二、“十五五”时期主要目标任务")
        ('review', 'goals')
        >>> heading_role("三、2026年重点工作"), heading_role("加快建设现代化产业体系") is None
        ('tasks', True)
    """
    for rule in rules().heading:
        if rule.regex.search(heading):
            return rule.role
    return None


def tail_role(opening: str) -> Optional[str]:
    """The role of an unnumbered division from its opening: the role of the
    cue word that occurs first (ties: the earlier rule), or ``None``.

    Example:
        >>> tail_role("各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围")
        'closing'
        >>> tail_role("各位代表！新的形势和任务，对政府工作提出了新的更高要求。各级政府要")
        'self_governance'
    """
    best: Optional[tuple[int, int, str]] = None
    for k, rule in enumerate(rules().tail):
        m = rule.regex.search(opening)
        if m and (best is None or (m.start(), k) < best[:2]):
            best = (m.start(), k, rule.role)
    return best[2] if best else None


def _opening(text: str, start: int, chars: int) -> str:
    """The first ``chars`` characters from ``start``, line breaks and all."""
    return text[start : start + chars]


def _first_sentence(text: str, start: int, chars: int) -> str:
    """The first sentence from ``start`` (at most ``chars`` characters)."""
    m = _SENTENCE.search(text, start, start + chars)
    return text[start : m.end() if m else start + chars]


_SENTENCE = regex.compile(f"[{regex.escape(SENTENCE_END)}\\n]")


def default_role(title: Optional[str]) -> str:
    """The role of a division whose heading and opening name none: ``tasks``, or ``review`` in a
    document whose title says it reports what was done (``review_titles`` of ``data/roles.json``).

    Example:
        >>> default_role("关于县人民政府2020年工作任务分工三季度落实情况的通报"), default_role("2019年工作要点")
        ('review', 'tasks')
        >>> default_role("关于深圳市2015年国民经济和社会发展计划执行情况与2016年计划（草案）的报告")
        'tasks'
    """
    spec = load_json(ROLES_FILE)["review_titles"]
    for word in spec["words"]:
        at = (title or "").find(word)
        if at >= 0 and not any(w in title[at + len(word):] for w in spec["unless_after"]):  # type: ignore[index]
            return "review"
    return rules().default


def reviews_then_plans(title: Optional[str]) -> bool:
    """Does ``title`` name a review and then a plan (…2021年工作总结及2022年工作计划)? Its divisions
    are then a review until one names the plan's tasks or goals.

    Example:
        >>> reviews_then_plans("牛车湾村2021年工作总结及2022年工作计划"), reviews_then_plans("2022年工作计划")
        (True, False)
    """
    spec = load_json(ROLES_FILE)["review_titles"]
    for word in spec["words"]:
        at = (title or "").find(word)
        if at >= 0 and any(w in title[at + len(word):] for w in spec["unless_after"]):  # type: ignore[index]
            return True
    return False


def division_starts(text: str, nodes: Sequence[Node], default: Optional[str] = None,
                    then: Optional[str] = None, plan_year: Optional[int] = None) -> list[tuple[int, str]]:
    """Where each division starts and its role, in text order: the top-level
    nodes and the unnumbered divisions after the last numbered heading. A division
    nothing names takes ``default``, or ``then`` once a division has named tasks or
    goals (a review, then a plan); there, a heading naming a year before ``plan_year``
    (2016年主要工作 before 2017年工作安排) is the review's.

    Example:
        >>> from policyparse import parse
        >>> plan = parse("一、2018年工作回顾\\n经济平稳。\\n二、2019年重点工作\\n推进改革。\\n"
        ...              "各位代表！\\n让我们团结奋斗。", extract=False)
        >>> [(plan.text[s:s + 5], role) for s, role in division_starts(plan.text, plan.nodes)]
        [('一、201', 'review'), ('二、201', 'tasks'), ('各位代表！', 'closing')]
    """
    r = rules()
    default = default or r.default
    starts: list[tuple[int, str]] = []
    children: dict[Optional[str], list[Node]] = {}
    for n in nodes:
        children.setdefault(n.parent, []).append(n)
    main_end = None  # where the first annex begins: the body's tail ends there
    weak: dict[int, str] = {}  # starts whose role is only the default: a list's or a section's
    for n in children.get(None, []):
        if n.kind == "preamble":
            starts.append((n.span[0], "preamble"))
            continue
        role = heading_role((n.label or "") + (n.heading or "")) if n.kind == "part" else heading_role(n.heading or "")
        if then is not None and plan_year and any(int(y) < plan_year for y in YEAR.findall(n.heading or "")):
            role = "review"
        if role == "annex" and main_end is None:
            main_end = n.span[0]
        if role is None:
            body = n.heading_span[1] if n.heading_span else n.span[0]
            role = heading_role(_first_sentence(text, body, r.opening_chars))
        if role is None:
            role = default
            # a list at the top level (一是…) may stand under an unnumbered heading line, and so may
            # a section nothing names under a review's (2009年工作回顾 over 一、经济实力进一步增强)
            weak[n.span[0]] = "list" if n.kind in ("item", "subitem") else "section"
        elif then is not None and role in ("tasks", "goals"):
            default = then  # 二、2022年工作计划 in a 总结及计划: the plan has begun
        starts.append((n.span[0], role))
    end = main_end if main_end is not None else max((n.span[1] for n in nodes), default=0)
    starts = _with_subdivisions(nodes, children, starts)
    starts = _with_unnumbered_headings(text, nodes, starts, weak, end)
    headings = [n for n in nodes if n.kind in HEADING_KINDS and n.span[0] < end]
    if headings:
        last = max(headings, key=lambda n: n.span[0])
        tail_from = last.heading_span[1] if last.heading_span else last.span[0] + len(last.label or "")
        for m in r.tail_start.finditer(text, tail_from, end):
            opening = _opening(text, m.start("open"), r.tail_chars)
            role = "closing" if m.group("open").strip() in load_json(ROLES_FILE)["closing_headings"] else tail_role(opening)
            if role is not None and role != starts[-1][1]:
                starts.append((m.start("open"), role))
    starts.sort(key=lambda s: s[0])
    return starts


#: the roles a subsection may open (a review, the goals) and the longest heading that opens one
_SUB_ROLES = ("review", "goals")
_SUB_HEADING_CHARS = 16


@lru_cache(maxsize=1)
def _ending_rules() -> tuple[_Rule, ...]:
    return tuple(_Rule(r.role, regex.compile(f"(?:{r.regex.pattern})[ \t\u3000]*$")) for r in rules().heading)


def _ending_role(heading: str) -> Optional[str]:
    """The role of the first rule whose words end ``heading``, or ``None``.

    Example:
        >>> _ending_role("发展环境"), _ending_role("加快发展基础工业的主要举措") is None
        ('review', True)
    """
    return next((r.role for r in _ending_rules() if r.regex.search(heading)), None)


def _with_subdivisions(nodes: Sequence[Node], children: dict[Optional[str], list[Node]],
                       starts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Divide a top-level division whose heading and opening name no role by its subsections when
    some of them name one (a five-year plan's 第一章 开启现代化建设新征程 over 第一节 发展环境, a
    review, and 第二节 主要目标, the goals): each subsection opens a division, of the role its
    heading names when that is a review or the goals, else of the default."""
    role_at = dict(starts)
    out = list(starts)
    for n in children.get(None, []):
        if n.kind not in ("part", "section") or role_at.get(n.span[0]) != rules().default:
            continue
        if heading_role(n.heading or "") is not None:
            continue  # the heading itself says tasks (重点任务): its subsections are tasks too
        subs = [c for c in children.get(n.id, []) if c.kind == "subsection"]
        # a short heading that ends with the name of the part (发展环境, “十四五”时期发展成就, 主要目标), not
        # a task whose words happen to hold a cue (加快发展基础工业的主要举措, 坚持…的指导思想)
        found = [(c, _ending_role(c.heading or "") if len(c.heading or "") <= _SUB_HEADING_CHARS else None)
                 for c in subs]
        if not any(role in _SUB_ROLES for _, role in found):
            continue
        for c, role in found:
            out.append((c.span[0], role if role in _SUB_ROLES else rules().default))
    return sorted(out)


def _with_unnumbered_headings(text: str, nodes: Sequence[Node], starts: list[tuple[int, str]], weak: dict[int, str],
                              end: int) -> list[tuple[int, str]]:
    """Add the unnumbered heading lines that open divisions outside the
    numbered sections (甘肃 2026: “十四五”时期工作回顾, “十五五”时期的主要目标任务,
    2026年重点工作 over lists 一是…, （一）…). Such a line stands alone, is
    short, has no punctuation and names a role; the top-level nodes after it
    that are lists (items) with only the default role take its role, and so do the sections
    nothing names after a review's line (梅县 2010: 2009年工作回顾 over 一、经济实力进一步增强).
    ``weak`` maps the start of each such node to its kind (``list`` or ``section``)."""
    r = rules()
    covered = sorted(n.span for n in nodes if n.kind in ("part", "section", "subsection"))
    # a position lies in one of the covered spans when the furthest end of those that
    # start at or before it is past it (a bisect: a scan of all of them for every line
    # was quadratic in a page of many sections and short lines)
    cover_starts = [s for s, _ in covered]
    furthest: list[int] = []
    for _, e in covered:
        furthest.append(max(e, furthest[-1]) if furthest else e)
    # a numbering that starts again (一、 after 二、): an unnumbered line before it, inside the last
    # section's span, heads the new series (2010年工作安排 over the second 一、)
    numbered = sorted((n.span[0], n.ordinal) for n in nodes if n.parent is None and n.kind in ("part", "section"))
    restarts = [pos for i, (pos, ordinal) in enumerate(numbered) if i and ordinal == 1]
    node_starts = sorted(n.span[0] for n in nodes if n.kind in HEADING_KINDS)
    found: list[tuple[int, str]] = []
    for m in _HEADING_LINE.finditer(text, 0, end):
        line = m.group(1)
        k = bisect_right(cover_starts, m.start(1)) - 1
        if len(line) > r.max_heading_line_chars or starts_with_label(line):
            continue
        if k >= 0 and furthest[k] > m.start(1):
            nxt = next((p for p in restarts if p > m.start(1)), None)
            if (nxt is None or nxt - m.end(1) > _SERIES_INTRO_CHARS
                    or bisect_right(node_starts, m.start(1)) != bisect_right(node_starts, nxt - 1)):
                continue  # inside a section, and no new series of sections follows it soon
        role = heading_role(line)
        if role is not None and role != "annex":
            found.append((m.start(1), role))
    if not found:
        return starts
    merged: list[tuple[int, str, bool]] = sorted([(s, role, False) for s, role in starts] + [(s, role, True) for s, role in found])
    out: list[tuple[int, str]] = []
    after_line = False  # the last division kept was opened by an unnumbered heading line
    for pos, role, is_line in merged:
        # 一是… under “十五五”时期的主要目标任务, 一、经济实力进一步增强 under 2009年工作回顾: the line's role goes on
        if not is_line and after_line and (weak.get(pos) == "list" or weak.get(pos) == "section" and out[-1][1] == "review"):
            continue
        out.append((pos, role))
        after_line = is_line or (after_line and pos in weak)
    return out


#: how far after an unnumbered line inside a section a new series of sections must start for the
#: line to head it (2010年工作安排, a paragraph on the year, then 一、…)
_SERIES_INTRO_CHARS = 600

#: a line of its own between two lines, without punctuation or a label
_HEADING_LINE = regex.compile(r"(?<=\n)[ \t\u3000]*([^\s。，、；：！？,;:!?][^\n。，、；：！？,;:!?]*?)[ \t\u3000]*(?=\n)")


def assign_roles(text: str, nodes: Sequence[Node], title: Optional[str] = None) -> None:
    """Set ``role`` on every node: the role of the division its start lies in
    (see the module docstring); nodes before any division are ``preamble``;
    ``title`` (the document's) sets the role of divisions nothing else names (:func:`default_role`)."""
    years = [int(y) for y in YEAR.findall(title or "")]
    starts = (division_starts(text, nodes, "review", rules().default, max(years, default=None))
              if reviews_then_plans(title) else division_starts(text, nodes, default_role(title)))
    positions = [s for s, _ in starts]
    for n in nodes:
        i = bisect_right(positions, n.span[0]) - 1
        n.role = starts[i][1] if i >= 0 else "preamble"  # type: ignore[assignment]
