"""Numbering labels: where the divisions of a plan are numbered.

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
  (``90.5%``, ``十九大、``, ``第二期``, ``一、二季度``), and runs that sit
  inside one sentence are run-in lists or tables of contents.

Families are resolved from the top level down, so a weak-position label can
lean on the heading just found above it. Runs of one family that lie
between two members of another run, or that are set much closer than the
family's divisions, are *lists* of numbered paragraphs (``Label.list_depth``):
:mod:`policyparse.outline.tree` nests them inside the division around them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from ..ingest.chars import CLOSERS, COLONS, FULL_STOPS, SENTENCE_END, line_bounds
from ..model import ParseWarning
from ..ingest.numbering import Family, grammar

#: characters after which a label is at a "sentence" position
_STRONG_BEFORE = set(SENTENCE_END + COLONS)
_CLOSERS = set(CLOSERS)
#: a weak-position label must follow a heading label within this many characters
MAX_HEADING_CHARS = 100
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
        if family.not_run_in:
            cands = _not_run_in(text, cands)
        if not cands or (family.needs_lines and text.count("\n", lo, hi) < 3):
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


def _not_run_in(text: str, cands: list[Label]) -> list[Label]:
    """The candidates whose next number does not follow on the same line (一是…二是… is a run-in list)."""
    out = []
    for i, c in enumerate(cands):
        _, line_end = line_bounds(text, c.start)
        nxt = next((d for d in cands[i + 1 :] if d.start >= line_end or d.num == c.num + 1), None)
        if nxt is None or nxt.start >= line_end:
            out.append(c)
    return out


def _after_heading(text: str, c: Label, prev: Optional[Label]) -> bool:
    """Is ``c`` right after the heading label ``prev``, with no sentence end in between?"""
    if prev is None:
        return False
    gap = text[prev.end : c.start]
    return 0 < len(gap) <= MAX_HEADING_CHARS and not any(ch in SENTENCE_END or ch == "\n" for ch in gap)


def _after_heading_any(text: str, c: Label, accepted: list[Label], starts: list[int]) -> bool:
    """:func:`_after_heading` for the nearest accepted label before ``c`` (``starts``: their starts)."""
    i = bisect_right(starts, c.start) - 1
    return _after_heading(text, c, accepted[i] if i >= 0 else None)


def _at_least_lines(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` line breaks, without counting them all: the
    labels of each annex are found apart, and counting the whole text for each made a
    page of many annexes quadratic."""
    pos = -1
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return False
    return True


def _runs(text: str, cands: list[Label], accepted: list[Label]) -> list[list[Label]]:
    """Choose the candidates of one family that form plausible numbered runs."""
    has_lines = _at_least_lines(text, 3)
    runs = _sequence(text, cands, accepted, has_lines)
    starts = [lab.start for lab in accepted]
    kept = [r for r in runs if _confirmed(text, r, accepted, starts)]
    kept = [r for r in kept if not _run_in(text, r, kept, accepted, has_lines)]
    # where a family is laid out on lines, a run inside running text is a
    # mention (a table of contents sentence, a list), not a division
    if any(lab.strength == "line" for r in kept for lab in r):
        kept = [r for r in kept if any(lab.strength == "line" for lab in r)]
    chosen = _without_interleaving(kept)
    _mark_lists(text, chosen)
    return chosen


def _sequence(text: str, cands: list[Label], accepted: list[Label], has_lines: bool) -> list[list[Label]]:
    """Group candidates into runs 1, 2, 3 …, each label joining the most recent
    run that expects its number (an outer run goes on after the lists nested
    inside it: 一、二、 [一、…四、] 三、)."""
    runs: list[list[Label]] = []
    expecting: dict[int, list[list[Label]]] = {}  # next number -> runs waiting for it
    accepted_starts = [lab.start for lab in accepted]
    last_member: Optional[Label] = None  # the latest label put in a run of this family
    ended: dict[int, list] = {}  # what _list_ended knows of each run

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

    def start(c: Label) -> None:
        nonlocal last_member
        runs.append([c])
        expecting.setdefault(2, []).append(runs[-1])
        last_member = c

    for c in cands:
        if c.family.line_only and c.strength != "line" and (has_lines or c.strength == "inline"):
            continue
        if c.family.no_inline and c.strength == "inline":
            continue
        target = next((r for r in reversed(expecting.get(c.num, [])) if not _list_ended(text, r, c, ended)), None)
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
                    # punctuation ("…提出意见一、2011年工作回顾"), to be confirmed
                    start(c)
                continue
        if target is not None:
            append(target, c)
        elif c.num == 1:
            start(c)
        elif runs and c.strength != "inline" and not _list_ended(text, runs[-1], c, ended):
            last = runs[-1][-1]
            if last.num < c.num <= last.num + 3:
                c.flag = "skipped-number"
                append(runs[-1], c)
            elif c.num == last.num:
                c.flag = "repeated-number"
                append(runs[-1], c)
    return runs


def _confirmed(text: str, run: list[Label], accepted: list[Label], starts: list[int]) -> bool:
    """Is a run evidence enough? A lone label only at a line start; a run that
    starts inline only right after a heading or with later members after a
    sentence end; a line-only family (第一，) without line breaks only when
    its labels are far apart, each after a full stop."""
    if len(run) == 1 and run[0].strength != "line":
        return False
    if len(run) < run[0].family.min_run:
        return False
    if (run[0].strength == "inline" and not _after_heading_any(text, run[0], accepted, starts)
            and not any(lab.strength != "inline" for lab in run[1:])):
        return False
    if run[0].family.line_only and run[0].strength != "line" and not _division_like(text, run):
        return False
    return True


def _run_in(text: str, run: list[Label], runs: list[list[Label]], accepted: list[Label], has_lines: bool) -> bool:
    """Is a run a run-in list ("计有以下四类：（一）…；（二）…。") or a table of
    contents ("报告分六个部分：一、…；二、…。") inside one sentence?

    Without line breaks a list of paragraphs ending in "；" looks the same, so
    there only a run before the first division of a higher level, or one that
    repeats another run's numbers, counts as a table of contents.
    """
    if not _within_sentence(text, run):
        return False
    if has_lines:
        return True
    first_division = accepted[0].start if accepted else -1
    nums = {lab.num for lab in run}
    return run[-1].start < first_division or any(s is not run and nums <= {lab.num for lab in s} for s in runs)


def _without_interleaving(runs: list[list[Label]]) -> list[list[Label]]:
    """Runs of one family may nest (a list between two divisions) but not
    interleave: of two interleaving runs keep the longer one."""
    overlaps = _overlapping(runs)
    order = sorted(range(len(runs)), key=lambda k: (-len(runs[k]), runs[k][0].start))
    taken: set[int] = set()
    for k in order:
        if any(o in taken and _interleave(runs[k], runs[o]) for o in overlaps[k]):
            continue
        taken.add(k)
    return [runs[k] for k in sorted(taken, key=lambda k: runs[k][0].start)]


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


def _list_ended(text: str, run: list[Label], c: Label, memo: Optional[dict[int, list]] = None) -> bool:
    """A list of numbered paragraphs does not go on many times further away
    than its members have been apart (1955: 一、…四、 in one subsection, a
    lone 五、 in another).

    ``memo`` (by ``id(run)``: members seen, all whole-sentence lines, widest gap) keeps
    what a run's members give, for runs that only grow: without it every candidate
    rescanned its run, quadratic in a long list (100,000 items)."""
    if len(run) < 2 or c.strength != "line":
        return False
    state = memo.get(id(run)) if memo is not None else None
    if state is None or state[0] > len(run) or state[3] is not run:
        state = [0, True, 0, run]
        if memo is not None:
            memo[id(run)] = state
    for k in range(state[0], len(run)):
        lab = run[k]
        if state[1] and not (lab.strength == "line" and _whole_sentence_line(text, lab)):
            state[1] = False
        if k:
            state[2] = max(state[2], lab.start - run[k - 1].start)
    state[0] = len(run)
    if not state[1]:
        return False
    return c.start - run[-1].start > LIST_BREAK_RATIO * max(state[2], 100)


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
    i = bisect_right(outer, lo, key=lambda lab: lab.start)
    return 0 < i < len(outer) and hi < outer[i].start


def _gap(run: list[Label]) -> float:
    return (run[-1].start - run[0].start) / max(1, len(run) - 1)


def _whole_sentence_line(text: str, lab: Label) -> bool:
    s, e = line_bounds(text, lab.start)
    line = text[lab.end : e].strip()
    return bool(line) and line[-1] in SENTENCE_END + "”"


def _division_like(text: str, run: list[Label]) -> bool:
    """Labels far apart, each after a full stop: divisions, not a run-in list."""
    return _gap(run) >= MIN_DIVISION_GAP and all(_char_before(text, lab.start) in FULL_STOPS for lab in run[1:])


def _char_before(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ("" at the start)."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _within_sentence(text: str, run: list[Label]) -> bool:
    return len(run) >= 2 and not any(ch in FULL_STOPS or ch == "\n" for ch in text[run[0].start : run[-1].end])
