"""Annexes: the parts after a plan's body (附件1, 附件2：名词解释, 注释).

Reports and plans often end with annexes that carry their own numbering: a
list of 民生实事 numbered 1.–10., an annex with its own 一、…十、, a glossary
(名词解释) numbered 1.–13. or ［1］…. Read with the body, that numbering would
continue or restart the body's sections. So the annexes are cut off first:
each becomes a ``part`` of the outline (role ``annex``) whose numbering is
read inside it alone.

An annex opens on a line of its own (``附件``, ``附件2：名词解释``, or an
unlabelled ``注释`` / ``名词解释``), far enough into the text to follow the
body; the patterns are data (``annexes`` in ``data/numbering.json``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..ingest.chars import SENTENCE_END, strip_span
from ..ingest.numbering import chinese_to_int, starts_with_label
from ..data import load_json


@dataclass
class Annex:
    """One annex: where it starts and ends, its label (附件2, or ``None``), number and title."""

    start: int
    end: int
    label: Optional[str]
    ordinal: int
    heading_span: Optional[tuple[int, int]]
    #: where the annex's own text (after its label and title lines) begins
    body_start: int


@lru_cache(maxsize=1)
def _patterns() -> tuple["regex.Pattern[str]", "regex.Pattern[str]", int, float]:
    spec = load_json("numbering.json")["annexes"]
    return (regex.compile(spec["labelled"], regex.M), regex.compile(spec["unlabelled"], regex.M),
            int(spec["max_title_chars"]), float(spec["min_position"]))


def find_annexes(text: str, start: int, end: int) -> list[Annex]:
    """The annexes in ``text[start:end]``, in order; each runs to the next one or to ``end``.

    Example:
        >>> t = "一、总体要求\\n" + "推进改革。" * 20 + "\\n附件\\n2026年民生实事\\n1.新增学位1万个。\\n2.改造老旧小区。"
        >>> [(a.label, t[slice(*a.heading_span)]) for a in find_annexes(t, 0, len(t))]
        [('附件', '2026年民生实事')]
    """
    labelled, unlabelled, max_title, min_pos = _patterns()
    if "\n" not in text[start:end]:
        return []  # without line breaks no line stands on its own
    lo = start + int((end - start) * min_pos)
    found: list[tuple[int, regex.Match[str]]] = []
    for pattern in (labelled, unlabelled):
        for m in pattern.finditer(text, lo, end):
            found.append((m.start(), m))
    found.sort(key=lambda f: f[0])
    annexes: list[Annex] = []
    for k, (pos, m) in enumerate(found):
        s, line_end = strip_span(text, m.start(), m.end())
        label = m.groupdict().get("label")
        num = m.groupdict().get("num")
        ordinal = (int(num) if num and num.isdigit() else chinese_to_int(num) if num else None) or len(annexes) + 1
        title = m.group("title")
        body_start = m.end()
        if title:
            heading_span: Optional[tuple[int, int]] = (m.start("title"), m.end("title"))
        else:
            heading_span = _title_line(text, m.end(), end, max_title)
            if heading_span is not None:
                body_start = heading_span[1]
        annexes.append(Annex(start=s, end=end, label=label.strip() if label else None, ordinal=ordinal,
                             heading_span=heading_span, body_start=body_start))
    for a, b in zip(annexes, annexes[1:]):
        a.end = strip_span(text, a.start, b.start)[1]
    return annexes


def _title_line(text: str, pos: int, end: int, max_chars: int) -> Optional[tuple[int, int]]:
    """The next line after ``pos`` when it reads as an annex's title (short, no sentence, no label)."""
    nl = text.find("\n", pos, end)
    if nl < 0:
        return None
    stop = text.find("\n", nl + 1, end)
    s, e = strip_span(text, nl + 1, stop if stop >= 0 else end)
    line = text[s:e]
    if not line or len(line) > max_chars or any(ch in SENTENCE_END for ch in line) or starts_with_label(line):
        return None
    return s, e


__all__ = ["Annex", "find_annexes"]
