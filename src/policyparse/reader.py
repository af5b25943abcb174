"""Reading plan files into text.

:func:`read` turns a file into a :class:`Document`: the decoded text exactly as
in the file (line ends and all; ``raw_span`` offsets index it), with the
encoding that was detected. The format is told from the content
(:func:`policyparse.formats.sniff`): plain text, Word ``.docx``, PDF (its text
layer) or an HTML page (its article); for the last three the "decoded text"
is the text extracted from the file (:mod:`policyparse.formats`), one line
per paragraph. A legacy ``.doc`` and a PDF without a text layer are refused
with a clear error.

For plain text, byte-order marks are honoured; otherwise a file
that is valid UTF-8 is UTF-8, and anything else is identified by
charset-normalizer among the encodings Chinese documents use (GB18030, which
covers GBK and GB2312; Big5; UTF-16/32 without BOM).

Anything that is not text raises :class:`PolicyParseError` naming the file and
the reason: a missing file, an empty file, a binary file, undecodable bytes.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import PolicyParseError

#: Encodings tried by the detector when a file is not UTF-8 and has no BOM.
CANDIDATE_ENCODINGS = ["gb18030", "big5", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

_MAGIC = [
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP container (e.g. .docx)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 file (legacy .doc is not supported; save it as .docx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
]


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


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a text file; return ``(text, encoding)``.

    Raises:
        PolicyParseError: empty, binary or undecodable input.
    """
    if not data:
        raise PolicyParseError(source, "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), source), enc
            except UnicodeDecodeError:
                raise PolicyParseError(source, f"starts with a {enc} byte-order mark but is not valid {enc}") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise PolicyParseError(source, f"is {what}, not plain text")
    try:
        return _check_text(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # noqa: PLC0415 - only needed for non-UTF-8 files

    # UTF-16/32 text without a BOM always has NUL bytes (ASCII digits, line
    # ends); without any, only the multi-byte Chinese encodings are candidates
    candidates = CANDIDATE_ENCODINGS if b"\x00" in data else [e for e in CANDIDATE_ENCODINGS if not e.startswith("utf")]
    best = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
    if best is not None:
        try:
            return _check_text(data.decode(best.encoding), source), best.encoding
        except UnicodeDecodeError:
            pass
    # the detector can abstain on valid text (few characters, rare code points
    # such as 〇 or U+200B); a strict decode is still decisive
    for enc in ("gb18030", "big5"):
        try:
            return _check_text(data.decode(enc), source), enc
        except UnicodeDecodeError:
            continue
    if b"\x00" in data:
        raise PolicyParseError(source, "is a binary file, not text")
    raise PolicyParseError(source, "undecodable: not UTF-8, GB18030, Big5 or UTF-16/32 text")


def _check_text(text: str, source: str) -> str:
    """Reject decoded 'text' that is really binary data."""
    sample = text[:65536]
    control = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f\v")
    if "\x00" in sample or control > max(8, len(sample) // 100):
        raise PolicyParseError(source, "is a binary file, not text")
    return text
