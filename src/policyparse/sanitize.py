"""Text made safe for the medium it is written to.

A plan's text comes from documents and web pages anyone can write, so every
export treats it as hostile:

* :func:`csv_cell` — a spreadsheet runs a cell that starts with ``=``, ``+``,
  ``-`` or ``@`` (or a tab or carriage return) as a formula ("CSV injection").
  Following the OWASP rule, such a text cell gets a leading apostrophe
  (``'``), which spreadsheets show as text; numbers are left alone, so a
  negative *number* stays a number. Strip the apostrophe when reading the
  CSV back into a program that does not evaluate formulas
  (``df[col].str.removeprefix("'")``) — or use the Parquet tables.
* :func:`markdown` — Markdown passes raw HTML through, so ``<``, ``>`` and
  ``&`` become entities and the characters of Markdown syntax (links,
  emphasis, tables) are escaped with a backslash: ``<script>``,
  ``<img onerror=…>`` and ``[x](javascript:…)`` arrive as text.
* :func:`terminal` — control characters (C0 but tab and line end, DEL, C1,
  and so escape sequences) and the bidirectional overrides are dropped from
  what is printed, so a document cannot move the cursor, retitle the window
  or reorder the line it is printed on.
* :func:`xml_text` — the characters XML 1.0 cannot hold (C0 controls other
  than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF)
  are dropped.

Example:
    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-6.8%"), csv_cell(-6.8), csv_cell("教育")
    ('\\'=HYPERLINK("http://x")', "'-6.8%", -6.8, '教育')
    >>> markdown("<script>alert(1)</script> [a](javascript:x)")
    '&lt;script&gt;alert\\\\(1\\\\)&lt;/script&gt; \\\\[a\\\\]\\\\(javascript:x\\\\)'
    >>> terminal("规划\\x1b]0;owned\\x07\\x1b[2J完")
    '规划]0;owned[2J完'
    >>> xml_text("a\\x00b\\x0bc")
    'abc'
"""
from __future__ import annotations

import html
from typing import Any

import regex

#: first characters a spreadsheet reads as the start of a formula (OWASP)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_TERMINAL_DROP = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_SYNTAX = regex.compile(r"([\\`*_\[\]()#|!{}~])")
_XML_DROP = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with ``'``; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_frame(frame: Any) -> Any:
    """A copy of a pandas DataFrame with :func:`csv_cell` applied to its text
    cells (column names included); number columns are untouched."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("string", "str"):
            out[column] = out[column].map(csv_cell)
    out.columns = [csv_cell(c) for c in out.columns]
    return out


def markdown(text: str) -> str:
    """Text for a Markdown document: HTML escaped, Markdown syntax escaped, on one line."""
    text = " ".join(terminal(text).split("\n"))
    return _MARKDOWN_SYNTAX.sub(r"\\\1", html.escape(text, quote=False))


def terminal(text: str) -> str:
    """Text with the characters that control a terminal (or reorder a line) dropped."""
    return _TERMINAL_DROP.sub("", text)


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold dropped."""
    return _XML_DROP.sub("", text)


__all__ = ["csv_cell", "csv_frame", "markdown", "terminal", "xml_text", "FORMULA_START"]
