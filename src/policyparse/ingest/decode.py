"""Decoding the bytes of a plain-text file.

For plain text, byte-order marks are honoured; otherwise a file
that is valid UTF-8 is UTF-8, and anything else is identified by
charset-normalizer among the encodings Chinese documents use (GB18030, which
covers GBK and GB2312; Big5; UTF-16/32 without BOM).

Binary data (a PDF, a ZIP, an image, NUL bytes) is refused with a
:class:`~policyparse.PolicyParseError` naming the file.
"""
from __future__ import annotations

import codecs

from ..errors import PolicyParseError

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
    (b"PK\x03\x04", "a ZIP archive but not a readable Word file (a damaged or cut-short .docx, or another archive)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 file (legacy .doc is not supported; save it as .docx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
]


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
