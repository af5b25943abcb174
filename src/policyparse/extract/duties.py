"""Responsibility annotations: the units a plan makes answerable for an item.

Implementation plans (实施方案) and many work plans (工作要点) do not write who
does a task into its sentence; they close the item with the units
responsible, under a label:

    新建幼儿园20所。（责任单位：市教育局、市财政局）
    加强教师队伍建设。（牵头单位：市教育局；配合单位：市人社局、市编办）

The label says the role (``data/actors.json``, ``duty_labels``): 牵头单位 and
责任单位 make the units listed ``lead``, 配合单位 and 协办单位 ``support``; after
a 牵头单位 in the same annotation, 责任单位 lists the units answerable with the
lead, ``support``. A note without a label names the role after each list
(（市教育局牵头，市财政局配合）, （市教育局负责）): it is read when every part of it
is such a list and every name a body.
Every name in the list is a body whether or not the lexicon knows it
(基础教育处, 督导室: the label says so). :func:`find_duties` finds the
annotations of a sentence; :mod:`policyparse.extract.run` gives their roles
to the tasks of the item they close.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

import regex

from .actors import Mention, canonical, is_collective, kind_of, lexicon

__all__ = ["Duty", "bodies_in", "chain_lines", "duty_role", "find_duties", "first_listed_leads", "first_listed_since"]


@dataclass(frozen=True)
class Duty:
    """One label and its list: ``span`` from the label to the end of the list."""

    span: tuple[int, int]
    role: str
    bodies: tuple[Mention, ...]


@lru_cache(maxsize=1)
def _patterns() -> tuple["regex.Pattern[str]", "regex.Pattern[str]", dict[str, str], int]:
    spec = lexicon()["duty_labels"]
    labels = spec["labels"]
    alt = "|".join(regex.escape(w) for w in sorted(labels, key=len, reverse=True))
    # the list runs to the end of the bracket, clause or line, or to the next label
    label = regex.compile(rf"(?:主要|具体)?(?P<label>{alt})\s*[：:]\s*(?P<list>(?:(?!{alt})[^（）()【】〔〕\[\]；;。\n])*)")
    split = regex.compile(spec["separators"])
    return label, split, labels, int(spec["max_name_chars"])


@lru_cache(maxsize=1)
def _after_lead() -> tuple[dict[str, str], "regex.Pattern[str]"]:
    spec = lexicon()["duty_labels"]
    return spec["after_lead"], regex.compile(spec["name_tail"])


@dataclass(frozen=True)
class _BracketRules:
    note: "regex.Pattern[str]"
    part: "regex.Pattern[str]"
    time_limit: "regex.Pattern[str]"
    remark: "regex.Pattern[str]"
    roles: dict[str, str]
    after_lead: dict[str, str]
    body_ends: tuple[str, ...]


@lru_cache(maxsize=1)
def _bracket() -> _BracketRules:
    spec = lexicon()["duty_labels"]
    roles = spec["bracket_roles"]
    alt = "|".join(regex.escape(w) for w in sorted(roles, key=len, reverse=True))
    return _BracketRules(
        # a note may hold one bracket of its own: 县（市、区）政府负责落实
        # (〔市生态环境局牵头，…〕, 【…】: the square brackets of some plans)
        note=regex.compile(r"[（(〔【](?P<body>(?:[^（）()〔〕【】\n]|[（(][^（）()\n]{1,12}[）)]){2,160})[）)〕】]"),
        part=regex.compile(rf"(?:由)?(?P<list>.+?)(?:(?:按|按照|根据)(?:各自)?(?:职责|职能)(?:分工)?)?(?:具体)?(?P<role>{alt})"),
        time_limit=regex.compile(spec["bracket_time_limit"]),
        remark=regex.compile(spec["bracket_remarks"]),
        roles=roles, after_lead=spec["bracket_after_lead"], body_ends=tuple(spec["bracket_body_ends"]))


#: a bracket closing a body's name with the bodies that stand for it where it has none (（管委会）)
_ALTERNATIVE = regex.compile(r"[（(][^（）()]{1,10}[）)]$")


def _is_body(name: str, ends: tuple[str, ...]) -> bool:
    """A name a note without a label may list: a body of the lexicon or one named so (…处, …室);
    a bracket after it names the bodies that stand for it elsewhere (区人民政府（管委会）)."""
    name = _ALTERNATIVE.sub("", name) or name
    return kind_of(name) != "institution" or name in lexicon()["names"] or name.endswith(ends)


def _bracket_duties(text: str, start: int, end: int) -> Iterator[Duty]:
    """（市教育局牵头，市财政局、市自然资源局配合）, （市教育局负责）: notes whose every part is a
    list of bodies closed by a word of their role (``duty_labels``, ``bracket_roles``).

    After a part closed by 牵头, 负责 and its like give the units answerable with the
    lead, ``support`` (（财政部牵头，国家发展改革委、人民银行等按职责分工负责）, the form of
    the State Council's division of a report's work among departments). A part that only
    sets a time limit (年内持续推进, 2026年12月底前完成) or remarks on the notes (下同,
    以下均需县（市、区）政府落实，不再列出) belongs to the note: it is neither a list nor a
    reason to read the note as prose.
    """
    rules = _bracket()
    for m in rules.note.finditer(text, start, end):
        pos, found, led = m.start("body"), [], False
        for piece in regex.split(r"[，,；;。]", m.group("body")):
            if found and (not piece.strip() or rules.remark.fullmatch(piece.strip())):  # 以下均需…落实, 下同: a remark
                pos += len(piece) + 1
                continue
            if found and rules.time_limit.fullmatch(piece.strip()):
                last = found[-1]
                found[-1] = Duty((last.span[0], pos + len(piece)), last.role, last.bodies)
                pos += len(piece) + 1
                continue
            p = rules.part.fullmatch(piece)
            if p is None:
                break
            bodies = bodies_in(text, pos + p.start("list"), pos + p.end("list"))
            if not bodies or not all(_is_body(b.name, rules.body_ends) for b in bodies):
                break
            word = p.group("role")
            role = rules.after_lead.get(word, rules.roles[word]) if led else rules.roles[word]
            led = led or word.startswith("牵头")
            found.append(Duty((pos, pos + len(piece)), role, bodies))
            pos += len(piece) + 1
        else:
            yield from found


def find_duties(text: str, start: int, end: int) -> Iterator[Duty]:
    """The responsibility annotations in ``text[start:end]``, with the bodies each lists.

    Example:
        >>> t = "新建幼儿园20所。（牵头单位：市教育局；配合单位：市财政局、基础教育处等）"
        >>> [(d.role, [m.name for m in d.bodies]) for d in find_duties(t, 0, len(t))]
        [('lead', ['市教育局']), ('support', ['市财政局', '基础教育处'])]
        >>> t = "新建幼儿园10所。（市教育局牵头，市财政局、市自然资源局配合）"
        >>> [(d.role, [m.name for m in d.bodies]) for d in find_duties(t, 0, len(t))]
        [('lead', ['市教育局']), ('support', ['市财政局', '市自然资源局'])]
        >>> t = "（财政部牵头，国家发展改革委、人民银行等按职责分工负责，年内持续推进）"
        >>> [(d.role, [m.name for m in d.bodies]) for d in find_duties(t, 0, len(t))]
        [('lead', ['财政部']), ('support', ['国家发展改革委', '人民银行'])]
        >>> t = "（牵头单位：市教育局；责任单位：市财政局，各区县政府按职责分工负责）"
        >>> [(d.role, [m.name for m in d.bodies]) for d in find_duties(t, 0, len(t))]
        [('lead', ['市教育局']), ('support', ['市财政局', '各区县政府'])]
    """
    label, _, labels, _ = _patterns()
    span = text[start:end]
    labelled = False
    if "：" in span or ":" in span:  # every labelled annotation has its colon
        after_lead, _ = _after_lead()
        lead_at = -1  # where the last label of leads ended
        found: list[Duty] = []
        for m in label.finditer(text, start, end):
            labelled = True
            role = labels[m.group("label")]
            # （牵头单位：市教育局；责任单位：市财政局）: after the leads of the same annotation (no bracket
            # or line between), 责任单位 lists the units answerable with them
            if lead_at >= 0 and not regex.search(r"[（）()【】\n]", text[lead_at:m.start()]):
                role = after_lead.get(m.group("label"), role)
            if m.group("label").startswith("牵头"):
                lead_at = m.end("list")
            bodies = bodies_in(text, m.start("list"), m.end("list"))
            if bodies:
                found.append(Duty((m.start(), m.end("list")), role, bodies))
        yield from _with_time_limits(text, found, end)
    if not labelled and any(b in span for b in "（(〔【"):  # a note without a label has its brackets
        yield from _bracket_duties(text, start, end)


def _with_time_limits(text: str, duties: list[Duty], end: int) -> list[Duty]:
    """``duties`` with the time limit that closes an annotation (；完成时限：2024年12月底) taken
    into the span of the list before it: it is part of the note, and no task."""
    if not duties:
        return duties
    time_label = _time_label()
    out = list(duties)
    for i, d in enumerate(out):
        m = time_label.match(text, d.span[1], end)
        if m:
            out[i] = Duty((d.span[0], m.end()), d.role, d.bodies)
    return out


@lru_cache(maxsize=1)
def _time_label() -> "regex.Pattern[str]":
    words = sorted(lexicon()["duty_labels"]["time_labels"], key=len, reverse=True)
    alt = "|".join(regex.escape(w) for w in words)
    return regex.compile(rf"[；;，,\s]*(?:{alt})\s*[：:][^（）()【】\[\]；;。\n]*")


def chain_lines(text: str, duties: list[Duty]) -> list[Duty]:
    """``duties`` (in text order) with the labels set on lines of their own read as one
    annotation: 牵头单位：区发改局 / 责任单位：立山经济开发区 on the next line, nothing else between,
    gives the units of 责任单位 the role they have after leads (``after_lead``), as in
    （牵头单位：…；责任单位：…）.

    Example:
        >>> t = "牵头单位:区发改局\\n\\n责任单位:立山经济开发区"
        >>> ds = list(find_duties(t, 0, 9)) + list(find_duties(t, 11, len(t)))
        >>> [d.role for d in ds], [d.role for d in chain_lines(t, ds)]
        (['lead', 'lead'], ['lead', 'support'])
    """
    label, _, _, _ = _patterns()
    after_lead, _ = _after_lead()
    out: list[Duty] = []
    lead_end = -1
    for d in duties:
        m = label.match(text, d.span[0])
        name = m.group("label") if m else ""
        if lead_end >= 0 and not text[lead_end:d.span[0]].strip(" \t\u3000\n;；。") and name in after_lead:
            d = Duty(d.span, after_lead[name], d.bodies)
        out.append(d)
        lead_end = d.span[1] if name.startswith("牵头") else -1
    return out


@lru_cache(maxsize=1)
def _first_listed() -> "regex.Pattern[str]":
    return regex.compile(lexicon()["duty_labels"]["first_listed_leads"])


def first_listed_since(text: str) -> int:
    """Where the note or line that states the first-listed-leads convention opens, or -1."""
    stated = _first_listed().search(text)
    if not stated:
        return -1
    return max(0, *(text.rfind(c, 0, stated.start()) for c in "（(\n"))


def first_listed_leads(text: str, duties: list[Duty], since: Optional[int] = None) -> list[Duty]:
    """``duties`` (in text order) read by the convention of Chinese government plans that the
    unit listed first leads: a list of units answerable together has its first unit ``lead``
    and the others ``support``. A plan may state it (列第一位者为牵头单位，下同; 排在第一位的为
    牵头单位): from the note or line where it is stated on, every such list is read so, with a
    label (责任单位：A、B) or without (（A、B、C等负责）). Where no plan states it, a labelled list
    of responsible units (责任单位, 责任科室, 负责部门 …: a lead label other than 牵头) is
    read so still, as plans write it and readers take it; a note without a label is not. A
    list that names its lead (牵头单位：A、B) is left as it is.
    ``since`` is :func:`first_listed_since` of ``text``, when known.

    Example:
        >>> t = "（市发改委、市财政局等负责，列第一位者为牵头单位，下同）……（市商务局、市农业局等负责）"
        >>> ds = first_listed_leads(t, list(find_duties(t, 0, len(t))))
        >>> [(d.role, [m.name for m in d.bodies]) for d in ds]
        [('lead', ['市发改委']), ('support', ['市财政局']), ('lead', ['市商务局']), ('support', ['市农业局'])]
        >>> t = "加强队伍建设。（责任单位：市教育局、市人社局）推进集团化办学。（市教育局、市财政局负责）"
        >>> at = t.index("推进")
        >>> ds = first_listed_leads(t, list(find_duties(t, 0, at)) + list(find_duties(t, at, len(t))))
        >>> [(d.role, [m.name for m in d.bodies]) for d in ds]
        [('lead', ['市教育局']), ('support', ['市人社局']), ('lead', ['市教育局', '市财政局'])]
    """
    opens = first_listed_since(text) if since is None else since  # the note or line that states it
    label = _patterns()[0]
    out: list[Duty] = []
    for d in duties:
        if d.role != "lead" or len(d.bodies) < 2 or "牵头" in text[d.span[0]:d.span[1]]:
            out.append(d)
            continue
        stated = 0 <= opens < d.span[1]
        if not stated and not label.match(text, d.span[0]):
            out.append(d)
            continue
        first, rest = d.bodies[0], d.bodies[1:]
        out.append(Duty((d.span[0], first.end), "lead", (first,)))
        out.append(Duty((first.end, d.span[1]), "support", rest))  # one block with the lead
    return out


def bodies_in(text: str, start: int, end: int) -> tuple[Mention, ...]:
    """The bodies of a list of responsible units, ``text[start:end]`` (市财政局、基础教育处等):
    every name is a body, whether or not the lexicon knows it.

    Example:
        >>> t = "市教育局、各区人民政府等"
        >>> [m.name for m in bodies_in(t, 0, len(t))]
        ['市教育局', '各区人民政府']
    """
    _, split, _, longest = _patterns()
    remark = _bracket().remark
    bodies = []
    pos = start
    for piece in split.split(text[start:end]):
        s = text.find(piece, pos, end) if piece else -1
        if s < 0:
            continue
        pos = s + len(piece)
        name = piece.strip(" \u3000\t")
        lead = piece.find(name)
        name = _after_lead()[1].sub("", name)  # 市财政局等单位, 各区县政府按职责分工负责
        if not name or len(name) > longest or not regex.match(r"\p{Han}", name) or remark.fullmatch(name):
            continue  # (以下均需各县市区落实，不再逐一列出: a remark on the notes, no body)
        s += lead
        normal = canonical(name)
        bodies.append(Mention(name, normal, kind_of(normal), s, s + len(name), is_collective(normal)))
    return tuple(bodies)


def duty_role(label: str) -> "str | None":
    """The role a label of responsible units gives them (牵头单位 → lead, 配合单位 → support), or None."""
    return _patterns()[2].get(label)
