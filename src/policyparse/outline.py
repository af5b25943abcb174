"""The outline: numbered headings found in the text and built into a tree.

Chinese official documents number their divisions with a small set of
grammars (``data/numbering.json``): 第一部分, 一、, （一）, 1. / 1、, （1）, ① ….
Plans are often scraped without line breaks, so a label is recognised by
three kinds of evidence, not by line starts alone:

* **position**: at a line start (strong), after a sentence end (。；：！？)
  (medium), or right after a heading that has no final punctuation, as in
  ``…大力推进XX教育现代化1.抓好…`` (weak, accepted only there);
* **sequence**: labels of one family form runs 1, 2, 3 …; a run must start at
  1, and a lone label counts only at a line start. A skipped or repeated
  number is tolerated at a strong position and reported as a warning;
* **context**: the grammar excludes labels that are part of a word or number
  (``90.5%``, ``十九大、``, ``第二期``, ``一、二季度``).

Families are resolved from the top level down, so a weak-position label can
lean on the heading just found above it. The tree nests families in the order
they first appear (so a document whose top level is （一） and which lists
一、二、 inside one of them is nested that way); kinds follow the label style
(一、 section, （一） subsection, 1. item, （1） subitem; a （1） list with no
item level above it is the items), promoted where needed so
that a top-level division is a ``section`` (a top-level list numbered 1. or
（1） stays ``item``/``subitem``: nobody calls those sections) and a child is
always a level below its parent.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from .model import HEADING_KINDS, ParseWarning
from .patterns import Family, grammar

SENTENCE_END = "。；！？;!?"
#: characters after which a label is at a "sentence" position
_STRONG_BEFORE = set("。；！？：;!?:")
_CLOSERS = set("”’」』）)》】")
#: a weak-position label must follow a heading label within this many characters
MAX_HEADING_CHARS = 100
#: unnumbered paragraphs after a list item written as a sentence that make a
#: new numbering family a sibling list rather than the item's own sub-list
SIBLING_LIST_GAP = 2
SIBLING_LIST_GAP_AFTER_HEADING = 10
#: in text without line breaks, a line-only family (第一，…) is a division only
#: when its labels are this far apart on average
MIN_DIVISION_GAP = 200
#: a run of one family this much closer-set than the family's widest run is a list
LIST_GAP_RATIO = 0.25
#: … and whose members are at most this far apart on average (a paragraph each)
LIST_MAX_GAP = 300
#: a list of numbered paragraphs ends when the next number is this many times
#: further away than its members have been apart
LIST_BREAK_RATIO = 10
#: the longest line that counts as an unnumbered heading (结束语, 全面实现六五计划的主要措施)
UNNUMBERED_HEADING_CHARS = 25


@dataclass
class Label:
    """A numbering label found in the text."""

    family: Family
    start: int
    end: int
    num: int
    text: str
    strength: str  # "line" | "sentence" | "inline"
    flag: Optional[str] = None  # "skipped-number" | "repeated-number"
    list_depth: int = 0  # > 0: a numbered paragraph of a list inside a division (lists nest)

    @property
    def list_item(self) -> bool:
        return self.list_depth > 0

    @property
    def family_key(self) -> str:
        return self.family.name + ":list" * self.list_depth


@dataclass
class HeadingNode:
    """A numbered division before it becomes a :class:`~policyparse.model.Node`."""

    label: Label
    parent: Optional["HeadingNode"]
    kind: str = ""
    start: int = 0
    end: int = 0
    heading_start: int = 0
    heading_end: int = 0
    children: list["HeadingNode"] = field(default_factory=list)

    @property
    def depth(self) -> int:
        d, p = 0, self.parent
        while p is not None:
            d, p = d + 1, p.parent
        return d


def position_strength(text: str, pos: int) -> str:
    """How strongly the position before ``pos`` suggests a label starts there."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return "line"
    ch = text[i]
    if ch in _STRONG_BEFORE:
        return "sentence"
    if ch in _CLOSERS and i > 0 and text[i - 1] in _STRONG_BEFORE:
        return "sentence"
    return "inline"


def find_labels(text: str, region: tuple[int, int] | None = None) -> tuple[list[Label], list[ParseWarning]]:
    """All outline labels of ``text`` (optionally within ``region``), in document order."""
    lo, hi = region or (0, len(text))
    accepted: list[Label] = []
    warnings: list[ParseWarning] = []
    for family in grammar()["families"]:
        cands = []
        for m in family.regex.finditer(text, lo, hi):
            num = family.value(m.group("num"))
            if num is None or num == 0:
                continue
            cands.append(Label(family, m.start(), m.end(), num, m.group(), position_strength(text, m.start())))
        if not cands:
            continue
        runs = _runs(text, cands, accepted)
        for run in runs:
            accepted.extend(run)
        accepted.sort(key=lambda lab: lab.start)
    # a position can only carry one label: keep the higher-level family's
    out: list[Label] = []
    for lab in accepted:
        if out and lab.start < out[-1].end:
            continue
        out.append(lab)
    for lab in out:
        if lab.flag:
            what = "skipped" if lab.flag == "skipped-number" else "repeated"
            warnings.append(ParseWarning(
                code=lab.flag,
                message=f"numbering {what} at label {lab.text!r} ({lab.family.name})",
                span=(lab.start, lab.end), text=lab.text))
    return out, warnings


def _after_heading(text: str, c: Label, prev: Optional[Label]) -> bool:
    """Is ``c`` right after the heading label ``prev``, with no sentence end in between?"""
    if prev is None:
        return False
    gap = text[prev.end : c.start]
    return 0 < len(gap) <= MAX_HEADING_CHARS and not any(ch in SENTENCE_END or ch == "\n" for ch in gap)


def _after_heading_any(text: str, c: Label, accepted: list[Label]) -> bool:
    i = bisect_right([lab.start for lab in accepted], c.start) - 1
    return _after_heading(text, c, accepted[i] if i >= 0 else None)


def _runs(text: str, cands: list[Label], accepted: list[Label]) -> list[list[Label]]:
    """Choose the candidates of one family that form plausible numbered runs."""
    runs: list[list[Label]] = []
    expecting: dict[int, list[list[Label]]] = {}  # next number -> runs waiting for it
    accepted_starts = [lab.start for lab in accepted]
    last_member: Optional[Label] = None  # the latest label put in a run of this family
    has_lines = text.count("\n") >= 3
    # where the divisions of a higher level begin; a run-in list before them
    # is a table of contents ("这个报告分为五个部分：（1）…；（2）…。")
    first_division = accepted[0].start if accepted else -1

    def append(run: list[Label], c: Label) -> None:
        nonlocal last_member
        waiting = expecting.get(run[-1].num + 1, [])
        for k, w in enumerate(waiting):
            if w is run:  # identity, not list equality (that compares every label)
                del waiting[k]
                break
        run.append(c)
        expecting.setdefault(c.num + 1, []).append(run)
        last_member = c

    for c in cands:
        if c.family.line_only and c.strength != "line" and (has_lines or c.strength == "inline"):
            continue
        # the most recent run this label continues (an outer run goes on after
        # the lists nested inside it: 一、二、 [一、…四、] 三、)
        target = next((r for r in reversed(expecting.get(c.num, [])) if not _list_ended(text, r, c)), None)
        if c.strength == "inline":
            i = bisect_right(accepted_starts, c.start) - 1
            prev = accepted[i] if i >= 0 else None
            if last_member is not None and (prev is None or last_member.start > prev.start):
                prev = last_member
            # inline: right after a heading, or the next number of a run that
            # already has two members (a heading line whose line break was lost)
            if not (_after_heading(text, c, prev) or (target is not None and len(target) >= 2 and not c.family.line_only)):
                if c.num == 1 and target is None and not has_lines and not c.family.line_only:
                    # text without line breaks: a heading whose line ended without
                    # punctuation ("…提出意见一、2011年工作回顾"); kept only if
                    # later members of its run stand after a sentence end
                    runs.append([c])
                    expecting.setdefault(2, []).append(runs[-1])
                    last_member = c
                continue
        if target is not None:
            append(target, c)
            continue
        if c.num == 1:
            runs.append([c])
            expecting.setdefault(2, []).append(runs[-1])
            last_member = c
            continue
        if runs and c.strength != "inline" and not _list_ended(text, runs[-1], c):
            last = runs[-1][-1]
            if last.num < c.num <= last.num + 3:
                c.flag = "skipped-number"
                append(runs[-1], c)
            elif c.num == last.num:
                c.flag = "repeated-number"
                append(runs[-1], c)
    kept = [r for r in runs if len(r) >= 2 or (len(r) == 1 and r[0].strength == "line")]
    kept = [r for r in kept if not (r[0].strength == "inline" and not _after_heading_any(text, r[0], accepted)
                                    and not any(lab.strength != "inline" for lab in r[1:]))]
    # a line-only family found without line breaks: only runs whose members
    # are far apart are divisions; close ones are a run-in list
    kept = [r for r in kept if not (r[0].family.line_only and r[0].strength != "line" and not _division_like(text, r))]
    # a run inside one sentence is a run-in list ("计有以下四类：（一）…；（二）…。")
    # or a table of contents ("报告分六个部分：一、…；二、…。"), not divisions.
    # Without line breaks a list of paragraphs ending in "；" looks the same,
    # so there only a run that repeats another run's numbers (a table of
    # contents) is dropped
    kept = [r for r in kept if not (_within_sentence(text, r) and (has_lines or r[-1].start < first_division or any(
        s is not r and {lab.num for lab in r} <= {lab.num for lab in s} for s in kept)))]
    # where a family is laid out on lines, a run inside running text is a
    # mention (a table of contents sentence, a list), not a division
    if any(lab.strength == "line" for r in kept for lab in r):
        kept = [r for r in kept if any(lab.strength == "line" for lab in r)]
    # runs of one family may nest (a list between two divisions) but not
    # interleave: of two interleaving runs keep the longer one
    overlaps = _overlapping(kept)
    order = sorted(range(len(kept)), key=lambda k: (-len(kept[k]), kept[k][0].start))
    taken: set[int] = set()
    for k in order:
        if any(o in taken and _interleave(kept[k], kept[o]) for o in overlaps[k]):
            continue
        taken.add(k)
    chosen = [kept[k] for k in sorted(taken, key=lambda k: kept[k][0].start)]
    _mark_lists(text, chosen)
    return chosen


def _overlapping(runs: list[list[Label]]) -> list[list[int]]:
    """For each run, the runs whose extents overlap it (a sweep: runs nest
    rarely deeper than a few levels, so this is near-linear)."""
    order = sorted(range(len(runs)), key=lambda k: runs[k][0].start)
    out: list[list[int]] = [[] for _ in runs]
    active: list[int] = []
    for k in order:
        first = runs[k][0].start
        active = [a for a in active if runs[a][-1].start > first]
        for a in active:
            out[k].append(a)
            out[a].append(k)
        active.append(k)
    return out


def _interleave(a: list[Label], b: list[Label]) -> bool:
    """Do two runs interleave, rather than one lying apart from or between
    two consecutive members of the other?"""
    def inside_gap(inner: list[Label], outer: list[Label]) -> bool:
        if inner[-1].start < outer[0].start or inner[0].start > outer[-1].start:
            return True
        return _between_members(inner, outer)

    return not (inside_gap(a, b) or inside_gap(b, a))


def _list_ended(text: str, run: list[Label], c: Label) -> bool:
    """A list of numbered paragraphs does not go on many times further away
    than its members have been apart (1955: 一、…四、 in one subsection, a
    lone 五、 in another)."""
    if len(run) < 2 or c.strength != "line" or not all(
            lab.strength == "line" and _whole_sentence_line(text, lab) for lab in run):
        return False
    widest = max(b.start - a.start for a, b in zip(run, run[1:]))
    return c.start - run[-1].start > LIST_BREAK_RATIO * max(widest, 100)


def _mark_lists(text: str, runs: list[list[Label]]) -> None:
    """Mark runs that are numbered paragraphs inside a division, not divisions.

    When one family has several runs, a run of whole-sentence paragraphs whose
    labels are much closer together than the family's widest run is a list
    (1955: 一、…四、 measures inside （一）; 1988: numbered paragraphs before
    the sections). Its labels become the family's ``list`` variant, which
    nests under the division around it.
    """
    if len(runs) < 2:
        return
    gaps = [_gap(r) for r in runs]
    widest = max(gaps)
    overlaps = _overlapping(runs)
    for k, (r, g) in enumerate(zip(runs, gaps)):
        depth = sum(1 for o in overlaps[k] if _between_members(r, runs[o]))
        close_set = (len(r) >= 2 and g < LIST_GAP_RATIO * widest and g < LIST_MAX_GAP
                     and all(_whole_sentence_line(text, lab) for lab in r))
        if depth or close_set:
            for lab in r:
                lab.list_depth = max(depth, 1)


def _between_members(inner: list[Label], outer: list[Label]) -> bool:
    """Does ``inner`` lie between two consecutive members of ``outer``?"""
    lo, hi = inner[0].start, inner[-1].start
    if lo <= outer[0].start or hi >= outer[-1].start:
        return False
    i = bisect_right([lab.start for lab in outer], lo)
    return 0 < i < len(outer) and hi < outer[i].start


def _gap(run: list[Label]) -> float:
    return (run[-1].start - run[0].start) / max(1, len(run) - 1)


def _whole_sentence_line(text: str, lab: Label) -> bool:
    s, e = _line_of(text, lab.start)
    line = text[lab.end : e].strip()
    return bool(line) and line[-1] in SENTENCE_END + "”"


def _division_like(text: str, run: list[Label]) -> bool:
    """Labels far apart, each after a full stop: divisions, not a run-in list."""
    mean_gap = (run[-1].start - run[0].start) / max(1, len(run) - 1)
    after_stop = all(text[: lab.start].rstrip()[-1:] in "。！？" for lab in run[1:])
    return mean_gap >= MIN_DIVISION_GAP and after_stop


def _within_sentence(text: str, run: list[Label]) -> bool:
    return len(run) >= 2 and not any(ch in "。！？\n" for ch in text[run[0].start : run[-1].end])


def build_tree(text: str, labels: list[Label], body_end: int) -> list[HeadingNode]:
    """Nest labels into a tree of :class:`HeadingNode` (returns the top-level nodes)."""
    rank = {k: i for i, k in enumerate(HEADING_KINDS)}
    last_of_family: dict[str, int] = {}
    for lab in labels:
        last_of_family[lab.family_key] = lab.start
    first_of_family: dict[str, int] = {}
    for lab in labels:
        first_of_family.setdefault(lab.family_key, lab.start)
    roots: list[HeadingNode] = []
    stack: list[HeadingNode] = []
    for index, lab in enumerate(labels):
        fam = lab.family_key
        if lab.list_item and not any(s.label.family_key != fam for s in stack):
            continue  # a numbered list before any division: part of the preamble
        idx = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].label.family_key == fam), None)
        if idx is not None:
            del stack[idx:]
        elif stack and lab.start == first_of_family[fam] and _unnumbered_heading_between(text, stack[-1].label, lab):
            # a new numbering after an unnumbered heading line (1982: 六、…
            # 全面实现六五计划的主要措施 第一、…): a new top-level division
            stack.clear()
        elif len(stack) >= 2 and _is_sibling_list(text, stack[-1].label, lab, labels, index, {s.label.family_key for s in stack[:-1]}):
            # a new list after a nested list item written as a sentence and
            # several unnumbered paragraphs: a sibling of that item, not its child
            stack.pop()
        elif stack and lab.start == first_of_family[fam]:
            # a family seen for the first time that is canonically above every
            # family on the stack: a return to the top (the earlier labels were a
            # list in the preamble) when it spans most of what is left and the
            # bottom family does not come back; otherwise it nests (e.g. 一、
            # listed inside （二）)
            higher = all(rank[lab.family.kind] < rank[s.label.family.kind] for s in stack)
            bottom = stack[0].label.family_key
            spans_rest = (last_of_family[fam] - lab.start) > 0.5 * (body_end - lab.start)
            if higher and last_of_family[bottom] < lab.start and spans_rest:
                stack.clear()
        parent = stack[-1] if stack else None
        node = HeadingNode(label=lab, parent=parent)
        (parent.children if parent else roots).append(node)
        stack.append(node)
    _assign_kinds(roots, rank)
    _assign_extents(text, roots, body_end)
    return roots


_NOT_IN_HEADING = set("。！？；：，,;:!?")


def _unnumbered_heading_between(text: str, prev: Label, new: Label) -> bool:
    """Is there a heading line without a number between two labels?

    Such a line is short, has no punctuation, starts at the line start (no
    indentation) and stands between blank lines.
    """
    if new.strength != "line":
        return False
    region = text[prev.end : new.start]
    lines = region.split("\n")
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        s = ln.strip()
        if (s and ln == ln.lstrip() and len(s) <= UNNUMBERED_HEADING_CHARS
                and not any(ch in _NOT_IN_HEADING for ch in s)
                and not lines[i - 1].strip() and not lines[i + 1].strip()):
            return True
    return False


def _line_of(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (e if e >= 0 else len(text))


def _is_sibling_list(text: str, top: Label, new: Label, labels: list[Label], index: int, outer: set[str]) -> bool:
    """Is the new list ``new`` a sibling of ``top`` rather than inside it?

    It is when ``top`` is the last of its numbering within the division
    around it (families ``outer``) and a stretch of unnumbered text separates
    them: after a list item written as a sentence, a few paragraphs (1985:
    第一、… after the price list 一、…四、); after a heading line, many.
    """
    top_key = top.family_key
    for j in range(index + 1, len(labels)):  # up to the end of the division around them
        lab = labels[j]
        key = lab.family_key
        if key in outer:
            break
        if key == top_key and lab.num == top.num + 1:
            return False  # the top's numbering goes on after the new list: the list is inside it
    if top.strength == "line" and new.strength == "line":
        s, e = _line_of(text, top.start)
        line = text[top.end : e].strip()
        between = [ln for ln in text[e : new.start].split("\n") if ln.strip()]
        if line and line[-1] in SENTENCE_END:
            return len(between) >= SIBLING_LIST_GAP
        # a heading line: what follows is its content, unless the new list
        # comes only after a long stretch of text (2008: six lessons after
        # （三）'s eighteen paragraphs belong to the whole section)
        return len(between) >= SIBLING_LIST_GAP_AFTER_HEADING
    if "\n" in text[top.start : new.start]:
        return False
    # text without line breaks: the item is a sentence, then many more sentences
    h_start, h_end = heading_extent(text, top.end, new.start)
    if h_end >= len(text) or text[h_end : h_end + 1] not in tuple(SENTENCE_END):
        return False
    stops = sum(1 for ch in text[h_end + 1 : new.start] if ch in "。！？")
    return stops >= SIBLING_LIST_GAP * 3


def _assign_kinds(nodes: list[HeadingNode], rank: dict[str, int], parent_rank: Optional[int] = None) -> None:
    for n in nodes:
        canon = rank[n.label.family.kind]
        if n.label.family.kind == "part":
            r = rank["part"]
        elif parent_rank is None or parent_rank == rank["part"]:
            # a top-level division (or one right under a part) is a section,
            # unless it is an item-style list (1. 2. …)
            r = canon if canon >= rank["item"] else rank["section"]
        elif canon == rank["subitem"] and parent_rank < rank["item"]:
            r = rank["item"]  # （1） or ① straight under a section: the items of that section
        else:
            r = min(max(canon, parent_rank + 1), rank["subitem"])
        n.kind = HEADING_KINDS[r]
        _assign_kinds(n.children, rank, r)


def _assign_extents(text: str, roots: list[HeadingNode], body_end: int) -> None:
    flat: list[HeadingNode] = []

    def rec(ns: list[HeadingNode]) -> None:
        for n in ns:
            flat.append(n)
            rec(n.children)

    rec(roots)
    for i, n in enumerate(flat):
        n.start = n.label.start
        end = body_end
        depth = n.depth
        for m in flat[i + 1 :]:
            if m.depth <= depth:
                end = m.label.start
                break
        n.end = _rstrip(text, n.start, end)
        next_label = flat[i + 1].label.start if i + 1 < len(flat) else body_end
        n.heading_start, n.heading_end = heading_extent(text, n.label.end, min(n.end, next_label))


def heading_extent(text: str, start: int, limit: int) -> tuple[int, int]:
    """The heading after a label: to the line end, the first sentence end, a
    colon followed by more text, or the next label, whichever comes first."""
    s = start
    while s < limit and text[s] in " \t":
        s += 1
    e = s
    while e < limit:
        ch = text[e]
        if ch == "\n" or ch in SENTENCE_END:
            break
        if ch in "：:" and e + 1 < limit and text[e + 1] != "\n":
            break
        e += 1
    e = _rstrip(text, s, e)
    return s, e


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
