"""Character classes of Chinese official prose, and span helpers, shared by every stage.

Scraped and converted plans mix full-width Chinese punctuation with ASCII
punctuation, so each class holds both forms.
"""
from __future__ import annotations

import regex

#: ends a sentence: 。！？ (the ellipsis … also does, see :data:`ELLIPSIS`)
FULL_STOPS = "。！？!?"
#: ends a sentence or a semicolon clause: what may close a heading or a list item
SENTENCE_END = "。；！？;!?"
COLONS = "：:"
#: commas that separate clauses (the enumeration comma 、 separates words)
COMMAS = "，,"
ELLIPSIS = "…"
#: a year written in digits (2019年): its digits are group 1
YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})年")

#: list bullets a page puts before a line (• 发布时间：…)
BULLETS = "•●▪◆■·"
OPENERS = "《“「『（(〈【‘"
CLOSERS = "》”」』）)〉】’"


def is_thousands_comma(text: str, i: int) -> bool:
    """Is ``text[i]`` the comma of a number written 8,500 or 33，212 (a digit before, exactly three after)?

    Example:
        >>> is_thousands_comma("新建8,500公里", 3), is_thousands_comma("达到200,其中", 5)
        (True, False)
    """
    return (text[i] in ",，" and 0 < i and text[i - 1].isdigit() and text[i + 1 : i + 4].isdigit()
            and len(text[i + 1 : i + 4]) == 3 and not text[i + 4 : i + 5].isdigit())


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace around it.

    Example:
        >>> strip_span("  一、总体要求 \\n", 0, 10)
        (2, 8)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``: from after the previous line break to the next one.

    Example:
        >>> line_bounds("甲\\n乙丙\\n丁", 3)
        (2, 4)
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (end if end >= 0 else len(text))
