"""Paragraphs, enumerations and sentences inside one outline node's own text.

Functions here take the normalised text and a region ``[start, end)`` and
return spans; they know nothing about the outline. Paragraphs are separated by
line breaks. Sentences end at 。！？ (with any closing quotes or brackets
after them) or at a paragraph end. Enumerations are the run-in lists of
Chinese official prose: 一是…二是…, 第一，…第二，…, 首先…其次…最后; a run
must start at its first marker and go on in order, and each marker must
open a clause.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..ingest.chars import CLOSERS, COLONS, COMMAS, ELLIPSIS, FULL_STOPS, SENTENCE_END, is_thousands_comma, strip_span
from ..ingest.numbering import grammar

_SENT_END = regex.compile(f"[{regex.escape(FULL_STOPS + ELLIPSIS)}]+[{regex.escape(CLOSERS)}]*")
_CLAUSE_OPEN = set(COMMAS + SENTENCE_END + COLONS)
_CLAUSE_END = regex.compile(f"[{regex.escape(COMMAS + SENTENCE_END + COLONS)}]")


def paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines in ``[start, end)``, stripped of whitespace."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = nl if nl >= 0 else end
        s, e = strip_span(text, pos, stop)
        if e > s:
            yield s, e
        pos = stop + 1


_CLOSE_BRACKET = regex.compile(r"[）)〕】]")

#: how far a bracket may stand from a full stop inside it for the stop to end no sentence
_NOTE_REACH = 160


def _inside_bracket(text: str, pos: int, stop: int, end: int) -> bool:
    """Is the full stop ending at ``stop`` inside a bracket opened since ``pos`` and closed soon
    after it (（市生态环境局牵头，…，县（市、区）政府负责落实。以下均需…落实，不再列出）)? A note
    is one sentence: it closes the item before it, and its parts are read together."""
    lo = max(pos, stop - _NOTE_REACH)
    if not any(b in text[lo:stop] for b in "（(〔【"):
        return False
    depth = 0
    for ch in text[lo:stop]:
        if ch in "（(〔【":
            depth += 1
        elif ch in "）)〕】":
            depth = max(0, depth - 1)
    if depth <= 0:
        return False
    close = _CLOSE_BRACKET.search(text, stop, min(end, stop + _NOTE_REACH))
    return close is not None


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans in ``[start, end)`` (a region inside one paragraph). A full stop inside a
    bracket that closes soon after it ends no sentence.

    Example:
        >>> t = "落实准入条件。（市生态环境局牵头，县（市、区）政府负责落实。以下均需县（市、区）政府落实）"
        >>> [t[s:e] for s, e in sentences(t, 0, len(t))]
        ['落实准入条件。', '（市生态环境局牵头，县（市、区）政府负责落实。以下均需县（市、区）政府落实）']
    """
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if _inside_bracket(text, pos, m.end(), end):
            continue
        s, e = strip_span(text, pos, m.end())
        if e > s:
            yield s, e
        pos = m.end()
    s, e = strip_span(text, pos, end)
    if e > s:
        yield s, e


@dataclass
class Enumeration:
    """One member of a run-in list: its marker and its extent."""

    label: str
    ordinal: int
    start: int
    end: int
    marker_end: int


def enumerations(text: str, start: int, end: int) -> list[Enumeration]:
    """Run-in enumerations in a paragraph ``[start, end)``, best run first found.

    Example:
        >>> t = "重点做好三件事：一是抓学习；二是抓改革。其他工作照常。"
        >>> [(e.label, t[e.start:e.end]) for e in enumerations(t, 0, len(t))]
        [('一是', '一是抓学习；'), ('二是', '二是抓改革。')]
    """
    best: list[regex.Match] = []
    for family in grammar()["enumerations"]:
        marks: list[regex.Match] = []
        expected = 1
        for m in family.regex.finditer(text, start, end):
            if m.start() > start and text[m.start() - 1] not in _CLAUSE_OPEN:
                continue
            value = family.value(m.group("num"))
            if value == expected:
                marks.append(m)
                expected += 1
            elif value == 99 and expected > 2:  # 最后 closes a 首先 … 其次 … run
                marks.append(m)
                break
        if len(marks) >= 2 and (not best or marks[0].start() < best[0].start()):
            best = marks
    out = []
    for i, m in enumerate(best):
        if i + 1 < len(best):
            stop = best[i + 1].start()
        else:
            sent = _SENT_END.search(text, m.end(), end)
            stop = sent.end() if sent else end
        s, e = strip_span(text, m.start(), stop)
        out.append(Enumeration(m.group(), i + 1, s, e, m.end()))  # runs go 1, 2, 3 … in order
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence: the pieces between ，；： (stripped, non-empty).

    The enumeration comma 、 joins words, not clauses; a comma inside a number
    (8,500, 33，212) ends nothing.

    Example:
        >>> t = "新建8,500公里，改建3000公里；完善体系"
        >>> [t[s:e] for s, e in clauses(t, 0, len(t))]
        ['新建8,500公里', '改建3000公里', '完善体系']
    """
    return list(_clauses(text, start, end))


@lru_cache(maxsize=8)
def _clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """:func:`clauses`, kept for the last few sentences: extraction asks for a sentence's
    clauses twice (its tasks, its quantities), and a string's hash is computed once."""
    out = []
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if is_thousands_comma(text, m.start()):
            continue  # 8,500公里 is one number
        s, e = strip_span(text, pos, m.start())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = strip_span(text, pos, end)
    if e > s:
        out.append((s, e))
    return tuple(out)


def first_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the first clause (up to ，；。 …) of ``[start, end)``."""
    while start < end and text[start] in "，,、：: \t":
        start += 1  # the punctuation after a marker (第一，…) opens no clause
    m = _CLAUSE_END.search(text, start, end)
    return strip_span(text, start, m.start() if m else end)
