"""The outline: numbering labels built into a tree of divisions.

:func:`build_tree` nests the labels found by :mod:`policyparse.outline.labels` in the
order their families first appear (so a document whose top level is （一）
and which lists 一、二、 inside one of them is nested that way), with a few
rules for what a stack cannot see: a new numbering after an unnumbered
heading line starts a new top level (1982); a list that follows the last
item of a division after a stretch of text is that item's sibling (1985,
2008); a list before any division belongs to the preamble.

Kinds follow the label style (一、 section, （一） subsection, 1. item, （1）
subitem; a （1） list with no item level above it is the items), promoted
where needed so that a top-level division is a ``section`` (a top-level list
numbered 1. or （1） stays ``item``/``subitem``: nobody calls those sections)
and a child is always a level below its parent. Each division's heading is
its title line or lead sentence (:func:`heading_extent`).
"""
from __future__ import annotations

import regex

from dataclasses import dataclass, field
from typing import Optional

from ..ingest.chars import COLONS, COMMAS, FULL_STOPS, SENTENCE_END, line_bounds, strip_span
from .labels import Label
from ..model import HEADING_KINDS

#: unnumbered paragraphs after a list item written as a sentence that make a
#: new numbering family a sibling list rather than the item's own sub-list
SIBLING_LIST_GAP = 2
SIBLING_LIST_GAP_AFTER_HEADING = 10
#: the longest line that counts as an unnumbered heading (结束语, 全面实现六五计划的主要措施)
UNNUMBERED_HEADING_CHARS = 25


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


def release(roots: list[HeadingNode]) -> None:
    """Unlink a tree once its nodes are built (each node's ``parent`` and ``children``,
    and ``roots``, emptied).

    A parent and its children refer to each other, so a tree is freed only by
    the cyclic collector, which the pipeline pauses while it builds a plan: an
    unreleased tree (four objects per heading, its labels' strings with them)
    stayed in memory through extraction (issue 15: memory flat in size).
    """
    stack = list(roots)
    while stack:
        n = stack.pop()
        stack.extend(n.children)
        n.children = []
        n.parent = None
    roots.clear()


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


_NOT_IN_HEADING = set(SENTENCE_END + COLONS + COMMAS)


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
        s, e = line_bounds(text, top.start)
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
    stops = sum(1 for ch in text[h_end + 1 : new.start] if ch in FULL_STOPS)
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
    """Each division runs from its label to the next label at its depth or
    above (or the end of the body); its heading is measured up to its first
    child."""
    # the nodes in document order with their depths (a loop: a recursive closure is a
    # cycle, which kept this list and the whole tree alive while the collector was paused)
    flat: list[tuple[int, HeadingNode]] = []
    todo: list[tuple[int, HeadingNode]] = [(0, n) for n in reversed(roots)]
    while todo:
        depth, n = todo.pop()
        flat.append((depth, n))
        todo.extend((depth + 1, c) for c in reversed(n.children))
    open_nodes: list[tuple[int, HeadingNode]] = []
    for depth, n in flat:
        while open_nodes and open_nodes[-1][0] >= depth:
            _close(text, open_nodes.pop()[1], n.label.start)
        open_nodes.append((depth, n))
    while open_nodes:
        _close(text, open_nodes.pop()[1], body_end)
    for i, (_, n) in enumerate(flat):
        next_label = flat[i + 1][1].label.start if i + 1 < len(flat) else body_end
        n.heading_start, n.heading_end = heading_extent(text, n.label.end, min(n.end, next_label))


def _close(text: str, n: HeadingNode, end: int) -> None:
    n.start = n.label.start
    n.end = strip_span(text, n.start, end)[1]


def heading_extent(text: str, start: int, limit: int) -> tuple[int, int]:
    """The heading after a label: to the line end, the first sentence end, a
    colon followed by more text, a space followed by a sentence of text (a page
    flattened into one line: 一、2007年计划执行情况 2007年是…), or the next label,
    whichever comes first."""
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
        if (ch == " " and 2 <= e - s <= _RUN_ON_HEADING_CHARS and _HAN.match(text, e - 1)
                and _RUN_ON_TEXT.match(text, e, limit)):
            break
        e += 1
    return strip_span(text, s, e)


#: the longest heading ended by a space before its text on a flattened page
_RUN_ON_HEADING_CHARS = 40
#: the gap and the text after such a heading: a sentence's first 12 characters
_RUN_ON_TEXT = regex.compile(r" +[\p{Han}\d“][^ \n。；！？!?;]{11}")
_HAN = regex.compile(r"[\p{Han}）)”]")
