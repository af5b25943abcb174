"""PDF files to text: the text layer, without page furniture.

The text of each page comes from its text layer (pypdf); there is no OCR, so
a page without text (a scan) raises :class:`PolicyParseError` when the whole
file has none. What the pages repeat is dropped: a line at the top or the
bottom of most pages (a running header such as ``XX市人民政府文件`` or a
footer), compared with its digits masked so ``第3页`` and ``第4页`` count as
the same line, and page numbers (``- 3 -``, ``3``, ``第3页 共9页``, ``3/9``)
at the top or bottom of a page.

Lines are wrapped in a PDF; a line is joined to the next (without a space:
Chinese has none) when it runs nearly to the text width and the next line
does not start a paragraph, so a paragraph comes back as one line, as in the
text file it was typeset from. Where the text layer keeps the typed indent of
Chinese paragraphs (two ideographic spaces), the indent starts a paragraph;
where it does not, a full line ending a sentence (。！？；：) is taken to end
its paragraph, so a paragraph whose line happens to break right after a full
stop comes back as two. The rules are data (``data/pdf.json``).

A PDF with more pages than ``max_pdf_pages`` (:mod:`policyparse.ingest.limits`)
is refused before any page is read. What pypdf logs about a broken file it
still reads ("EOF marker not found") is returned as notes (the plan's
``reader-warning`` entries), not printed. An AES-encrypted PDF (even one
that opens without a password) needs the ``cryptography`` package, which
pypdf uses for AES; without it the error says so.
"""
from __future__ import annotations

import io
import json
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

import regex

from ...errors import PolicyParseError
from ..limits import Limits, LimitsLike
from . import require
from .notes import collecting


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The rules of ``data/pdf.json``."""
    return json.loads(resources.files("policyparse").joinpath("data/pdf.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _page_number() -> "regex.Pattern[str]":
    return regex.compile("|".join(f"(?:{p})" for p in rules()["page_number_patterns"]))


def _width(line: str) -> float:
    """A line's width in ems: wide (CJK) characters count 1, others half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line)


def _mask(line: str) -> str:
    return regex.sub(r"\d+", "#", "".join(line.split()))


def pdf_text(data: bytes, source: str, limits: LimitsLike = None, notes: Optional[list[str]] = None) -> str:
    """The text of a PDF's text layer, headers, footers and page numbers removed.

    ``notes`` receives what pypdf logs about the file (repairs it made).

    Raises:
        PolicyParseError: the file is not a readable PDF, has more pages than
            ``max_pdf_pages``, is encrypted with a password or with AES while
            ``cryptography`` is missing, or has no text layer (a scan: OCR is
            not supported).
    """
    checked = Limits.of(limits, source)
    pypdf = require("pypdf", "pypdf", source)
    with collecting(notes if notes is not None else [], "pypdf"):
        pages = _pages(pypdf, data, source, checked)
    page_lines = [[ln.rstrip() for ln in p.splitlines() if ln.strip()] for p in pages]
    if not any(page_lines):
        raise PolicyParseError(source, "has no text layer (scanned PDF?); OCR is not supported")
    return "\n".join(_join_wrapped(_strip_furniture(page_lines)))


def _pages(pypdf: Any, data: bytes, source: str, limits: Limits) -> list[str]:
    """The text layer of each page."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _decrypt(reader, source)
        declared = _declared_pages(reader)  # before pypdf walks a million-page tree
        if declared > limits.max_pdf_pages:
            raise limits.exceeded(source, f"the PDF declares {declared} pages", "max_pdf_pages")
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise limits.exceeded(source, f"the PDF has {count} pages", "max_pdf_pages")
        return [(page.extract_text() or "") for page in reader.pages]
    except PolicyParseError:
        raise
    except pypdf.errors.DependencyError:
        raise PolicyParseError(source, _AES) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        raise PolicyParseError(source, f"is not a readable PDF ({type(exc).__name__}: {exc})") from None


def _declared_pages(reader: Any) -> int:
    """The page count the page tree's root declares (``/Count``), 0 if it has none."""
    try:
        return int(reader.trailer["/Root"].get_object()["/Pages"].get_object().get("/Count", 0))
    except Exception:  # noqa: BLE001 - a broken tree is left to pypdf to report
        return 0


_AES = ("is a PDF encrypted with AES; reading it needs the package 'cryptography': "
        "pip install 'policyparse[crypto]'")


def _decrypt(reader: Any, source: str) -> None:
    """Open an encrypted PDF with the empty password (as viewers do), or say what it needs."""
    if _uses_aes(reader) and not _has_cryptography():
        raise PolicyParseError(source, _AES)
    try:
        opened = reader.decrypt("")
    except Exception:  # noqa: BLE001 - pypdf raises several kinds for a wrong password
        opened = 0
    if not opened:
        raise PolicyParseError(source, "is an encrypted PDF that needs a password") from None


def _uses_aes(reader: Any) -> bool:
    """Whether the encryption dictionary names AES (``/V`` 4 with ``AESV2``, ``/V`` 5 ``AESV3``)."""
    try:
        encrypt = reader.trailer["/Encrypt"].get_object()
        if int(encrypt.get("/V", 0)) >= 5:
            return True
        filters = encrypt.get("/CF")
        filters = filters.get_object() if filters is not None else {}
        return any(str(f.get_object().get("/CFM", "")) in ("/AESV2", "/AESV3") for f in filters.values())
    except Exception:  # noqa: BLE001 - a broken dictionary is left to decrypt() to report
        return False


def _has_cryptography() -> bool:
    """Whether pypdf found an AES provider (``cryptography``, or ``pycryptodome``)."""
    try:
        from pypdf._crypt_providers import crypt_provider  # noqa: PLC0415

        return crypt_provider[0] != "local_crypt_fallback"
    except (ImportError, AttributeError, IndexError, TypeError):
        try:
            import cryptography  # noqa: F401, PLC0415
        except ImportError:
            return False
        return True


def _strip_furniture(pages: list[list[str]]) -> list[str]:
    """The lines of all pages in order, without running headers, footers and page numbers."""
    r = rules()
    depth = r["furniture_lines"]
    repeated: set[str] = set()
    if len(pages) >= r["min_pages_for_repeats"]:
        counts: Counter[str] = Counter()
        for lines in pages:
            edge = {_mask(x) for x in lines[:depth] + lines[-depth:]}
            counts.update(edge)
        repeated = {k for k, n in counts.items() if n >= max(2, r["repeat_share"] * len(pages))}
    out: list[str] = []
    number = _page_number()
    for lines in pages:
        keep = list(lines)
        # drop from each end while the edge line is furniture
        for _ in range(depth):
            if keep and (_mask(keep[0]) in repeated or number.fullmatch(keep[0].strip())):
                keep.pop(0)
            if keep and (_mask(keep[-1]) in repeated or number.fullmatch(keep[-1].strip())):
                keep.pop()
        out.extend(keep)
    return out


def _indented(line: str) -> bool:
    """Whether a line starts with a typed indent (两个全角空格, as Chinese paragraphs do)."""
    lead = len(line) - len(line.lstrip())
    return line[:1] == "\u3000" or lead >= 2


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join the lines a paragraph was wrapped into (see the module's docstring)."""
    if not lines:
        return lines
    r = rules()
    stripped = [x.strip() for x in lines]
    widths = sorted(_width(x) for x in stripped)
    # the text width: the width most long lines reach (a high percentile, not the one odd long line)
    full = widths[int(0.9 * (len(widths) - 1))]
    # a document that indents its paragraphs says where each starts; otherwise
    # a full line that ends a sentence is taken to end its paragraph
    # the lines that surely start a paragraph: the first, and those after a short line
    starts = [lines[0]] + [lines[i] for i in range(1, len(lines)) if _width(stripped[i - 1]) < r["full_line_share"] * full]
    indents = sum(map(_indented, starts)) >= r["indented_share"] * len(starts)
    out: list[str] = []
    for i, line in enumerate(stripped):
        if i > 0 and _continues(stripped[i - 1], lines[i], full, indents, r):
            out[-1] += line
        else:
            out.append(line)
    return out


def _continues(previous: str, raw_line: str, full: float, indents: bool, r: dict[str, Any]) -> bool:
    if _width(previous) < r["full_line_share"] * full:
        return False
    if indents:
        return not _indented(raw_line)
    # a closing quote or bracket after a full stop still ends the paragraph (…。”)
    last = previous.rstrip(r["closers"])[-1:] or previous[-1]
    return last not in r["paragraph_end"]


__all__ = ["pdf_text"]
