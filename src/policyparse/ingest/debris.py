"""Scraping debris: what a web page wraps around the document's real text.

Scraped plans often begin with the title several times and a truncated
summary, followed by ``本文内容:`` and the full text; scraped wiki pages end
with a licence footer. :func:`find` locates such debris (markers are data,
``data/debris.json``) and returns the edits that drop it, with a record of
each drop, so nothing is removed silently.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from importlib import resources

from . import meta
from .offsets import Edits

Found = tuple[str, tuple[int, int], str]

_WINDOW = 30


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The debris markers and limits of ``data/debris.json``."""
    return json.loads(resources.files("policyparse").joinpath("data/debris.json").read_text("utf-8"))


def find(text: str) -> tuple[Edits, list[Found]]:
    """Edits that drop the debris of ``text`` and what each one drops."""
    edits = Edits(text)
    found: list[Found] = []
    start = 0
    dup = _truncated_copy(text)
    if dup is not None:
        a, j = dup
        edits.replace(a, j, "")
        found.append(("dropped-debris", (a, j), "a truncated summary and repeated titles before the full text"))
        start = j
    rep = _repeated_title(text, start)
    if rep is not None:
        edits.replace(*rep, "")
        found.append(("dropped-debris", rep, "the title repeated"))
    foot = _footer(text)
    if foot is not None:
        edits.replace(*foot, "")
        found.append(("dropped-boilerplate", foot, "page boilerplate after the document (licence note, page tools)"))
    return edits, found


def _truncated_copy(text: str) -> tuple[int, int] | None:
    """``(a, j)``: text[a:j] is debris because the head repeats, truncated, what
    starts again in full at ``j``."""
    r = rules()
    head = min(len(text) // 2, r["max_summary_start"])
    min_rep = r["min_repeat_chars"]
    i = 0
    while i < head:
        w = text[i : i + _WINDOW]
        if len(w) < _WINDOW or w.isspace():
            break
        j = text.find(w, i + _WINDOW, min(len(text), i + 40000))
        if j < 0:
            i += 1
            continue
        k = _common_prefix(text, i, j)
        truncated = i + k <= j and i + k < len(text) and j + k < len(text)
        marker = any(m in text[i + k : j] for m in r["body_markers"])
        short = k <= r["max_summary_chars"]
        if truncated and short and k >= min_rep and (marker or k >= 2 * min_rep) and j <= len(text) // 2:
            while j < len(text) and text[j] in " \t\n:：,，。":
                j += 1  # the copy starts at a word, not at the punctuation before it
            title = meta.find_title(text)
            a = 0
            if title and not text.startswith(text[title[0] : title[1]], j):
                a = title[1]
            return (a, j)
        i += max(1, k // 2) if k >= _WINDOW else 1
    return None


def _common_prefix(text: str, i: int, j: int) -> int:
    n, limit, step = 0, len(text) - j, 64
    while n < limit and text[i + n : i + n + step] == text[j + n : j + n + step]:
        n += step  # whole chunks first, for speed
    n = min(n, limit)
    while n < limit and text[i + n] == text[j + n]:
        n += 1
    return n


def _repeated_title(text: str, start: int) -> tuple[int, int] | None:
    """A title repeated right after itself (``T T body``, ``T\\nT\\n``)."""
    title = meta.find_title(text[start:])
    if not title:
        return None
    t = text[start + title[0] : start + title[1]]
    copies = t.split()
    if len(copies) > 1 and len(set(copies)) == 1:
        # the title line itself is the title repeated: "T T T"
        t = copies[0]
        title = (title[0], title[0] + len(t))
    if len(t) < 6:
        return None
    pos = start + title[1]
    end = pos
    while True:
        p = end
        while p < len(text) and text[p] in " \t\n:：":
            p += 1
        if text.startswith(t, p):
            end = p + len(t)
        else:
            break
    return (start + title[1], end) if end > pos else None


def _footer(text: str) -> tuple[int, int] | None:
    r = rules()
    zone = max(int(len(text) * (1 - r["footer_zone"])), len(text) - r["max_footer_chars"])
    best = None
    for m in r["footer_markers"]:
        i = text.find(m, zone)
        if i >= 0 and (best is None or i < best):
            best = i
    if best is None:
        return None
    line_start = text.rfind("\n", 0, best) + 1
    if best - line_start > 40:
        line_start = best  # no line of its own (text without line breaks)
    s = line_start
    while s > 0 and text[s - 1].isspace():
        s -= 1
    return (s, len(text))
