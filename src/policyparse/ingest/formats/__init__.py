"""Readers for the formats plans are published in besides plain text.

:func:`sniff` tells a file's format from its bytes (not its name): a ZIP
container holding ``word/document.xml`` is Word (.docx), ``%PDF`` a PDF, an
OLE2 container a legacy Word .doc (refused with a clear error), and text that
opens with ``<!DOCTYPE html`` or ``<html`` an HTML page. Each format has its
own small module (:mod:`.docx`, :mod:`.pdf`, :mod:`.html`) that turns the
file into text with paragraph breaks as newlines; that text is what
``raw_span`` offsets index for such a file.

The libraries they use are the ``formats`` extra (``pip install
'policyparse[formats]'``); a missing one raises :class:`PolicyParseError`
saying which extra to install.

Example:
    >>> sniff(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff("<!DOCTYPE html><html><body>…</body></html>".encode())
    'html'
    >>> sniff("一、总体要求".encode())
    'text'
"""
from __future__ import annotations

import importlib
import io
import zipfile
from types import ModuleType
from typing import TYPE_CHECKING, Literal, Optional

from ...errors import PolicyParseError

if TYPE_CHECKING:  # pragma: no cover
    from ..limits import LimitsLike

Format = Literal["text", "docx", "pdf", "html"]

#: the leading bytes of containers no reader handles, and what to say about them
_REFUSED = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is a legacy Word .doc (OLE2) file, which is not supported; save it as .docx"),
]

_HTML_OPENINGS = ("<!doctype html", "<html")


def sniff(data: bytes, name: Optional[str] = None) -> Format:
    """The format of a file's bytes: ``"docx"``, ``"pdf"``, ``"html"`` or ``"text"``.

    The content decides; the name (``.html``/``.htm``) only settles text that
    starts with a tag but declares neither ``<!DOCTYPE html>`` nor ``<html>``
    (a page fragment). Anything else that is not text is left to the text
    reader, which names what it is (an image, an archive …).

    Raises:
        PolicyParseError: for a legacy Word .doc file.
    """
    for magic, reason in _REFUSED:
        if data.startswith(magic):
            raise PolicyParseError(name, reason)
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    head = _ascii_head(data)
    if head.startswith(_HTML_OPENINGS) or (head.startswith("<?xml") and "<html" in head):
        return "html"
    if head.startswith("<!--") and "<html" in head:
        return "html"
    if name and name.lower().endswith((".html", ".htm", ".shtml", ".xhtml")) and head.startswith("<"):
        return "html"
    return "text"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except Exception:  # noqa: BLE001 - a broken archive (any of zipfile's many errors) is not Word; the text reader names it
        return False


def _ascii_head(data: bytes) -> str:
    """The opening of a file, lower-cased, with a BOM, NUL bytes (UTF-16) and leading space removed."""
    head = data[:2048]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return head.replace(b"\x00", b"").decode("latin-1").lstrip().lower()


def require(module: str, package: str, source: Optional[str]) -> ModuleType:
    """Import an optional dependency, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise PolicyParseError(
            source, f"reading this format needs the package {package!r}: "
                    "pip install 'policyparse[formats]'") from None


def extract_text(fmt: Format, data: bytes, source: str, limits: "LimitsLike" = None,
                 notes: Optional[list[str]] = None) -> tuple[str, Optional[str]]:
    """The text of a docx, pdf or html file, and the encoding it was decoded from (html only).

    ``limits`` (:class:`~policyparse.ingest.limits.Limits`) bound the work a
    file may ask for; ``notes`` receives what a format library logged about
    the file."""
    if fmt == "docx":
        from . import docx  # noqa: PLC0415

        return docx.docx_text(data, source, limits), None
    if fmt == "pdf":
        from . import pdf  # noqa: PLC0415

        return pdf.pdf_text(data, source, limits, notes), None
    if fmt == "html":
        from ..decode import decode  # noqa: PLC0415
        from . import html  # noqa: PLC0415

        markup, encoding = decode(data, source=source)
        return html.html_text(markup, source), encoding
    raise ValueError(f"no reader for format {fmt!r}")


__all__ = ["Format", "sniff", "extract_text", "require"]
