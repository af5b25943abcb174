"""Reading plan files into text.

:func:`read` turns a file into a :class:`Document`: the decoded text exactly as
in the file (line ends and all; ``raw_span`` offsets index it), with the
encoding that was detected. The format is told from the content
(:func:`policyparse.ingest.formats.sniff`): plain text, Word ``.docx``, PDF (its text
layer) or an HTML page (its article); for the last three the "decoded text"
is the text extracted from the file (:mod:`policyparse.ingest.formats`), one line
per paragraph. A legacy ``.doc`` and a PDF without a text layer are refused
with a clear error.

Plain text is decoded by :mod:`policyparse.ingest.decode`.

Anything that is not text raises :class:`PolicyParseError` naming the file and
the reason: a missing file, an empty file, a binary file, undecodable bytes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import PolicyParseError
from .decode import decode

@dataclass
class Document:
    """A file's text as decoded, before any normalisation.

    ``text`` is what ``raw_span`` offsets index; ``encoding`` the detected
    encoding (``None`` for .docx and .pdf, which are not decoded as a whole);
    ``source`` the path it came from; ``format`` what the file is:
    ``"text"``, ``"docx"``, ``"pdf"`` or ``"html"`` (told from its content).
    """

    text: str
    source: str
    encoding: Optional[str]
    format: str = "text"


def read(path: str | os.PathLike) -> Document:
    """Read a plan: plain text in any common encoding, .docx, .pdf or .html.

    Example:
        >>> doc = read("corpora/edu-bureau-2019.txt")
        >>> doc.encoding, doc.format
        ('utf-8', 'text')

    Raises:
        PolicyParseError: the file is missing, empty, binary, undecodable, a
            legacy .doc, a PDF without a text layer, or needs a format
            package that is not installed.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise PolicyParseError(repr(path), f"a path must be a str or os.PathLike, not {type(path).__name__}")
    p = Path(path)
    try:
        if not p.exists():
            raise PolicyParseError(p, "no such file")
        if p.is_dir():
            raise PolicyParseError(p, "is a directory, not a file")
        data = p.read_bytes()
    except OSError as exc:
        raise PolicyParseError(p, f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(data, str(p))


def read_bytes(data: bytes, source: str) -> Document:
    """Read the bytes of a plan file (as :func:`read` does); ``source`` names
    it in errors and, by its extension, settles an HTML fragment.

    Example:
        >>> read_bytes("一、总体要求".encode("gbk"), "plan.txt").text
        '一、总体要求'
    """
    if not data:
        raise PolicyParseError(source, "file is empty")
    from .formats import extract_text, sniff  # noqa: PLC0415

    fmt = sniff(data, source)
    if fmt == "text":
        text, encoding = decode(data, source=source)
        return Document(text=text, source=source, encoding=encoding, format="text")
    text, enc = extract_text(fmt, data, source)
    if not text.strip():
        raise PolicyParseError(source, f"is a {fmt} file without any text")
    return Document(text=text, source=source, encoding=enc, format=fmt)
