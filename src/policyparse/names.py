"""File names in any bytes: a readable name for the data, the exact name kept.

On POSIX a file name is bytes. Python gives names that are not UTF-8 (GBK
names unpacked from a Windows zip archive are common) as ``str`` with lone
surrogates (``surrogateescape``), which cannot be written as UTF-8: JSON or
CSV holding them is invalid or fails half-written. Every output therefore
carries a *readable* name, always valid Unicode, and where that is not the
exact name, the exact bytes beside it:

* :func:`readable` — the name as text: itself when it is valid; else its
  bytes read as GB18030 (a superset of GBK) when they are valid GB18030;
  else UTF-8 with each undecodable byte shown as ``\\xNN``;
* :func:`exact_bytes` — ``None`` for a valid name, else its bytes, stored as
  base64 (:func:`encode_bytes`) under ``source_bytes``;
* :func:`from_record` — the name a record was made from, as ``os.fsdecode``
  gives it (what ``os.listdir`` returns), so a resumed batch matches it.

Example:
    >>> gbk = os.fsdecode("工作要点2019.txt".encode("gbk"))
    >>> readable(gbk), encode_bytes(exact_bytes(gbk))
    ('工作要点2019.txt', 'uaTX99KqteMyMDE5LnR4dA==')
    >>> from_record({"source": readable(gbk), "source_bytes": encode_bytes(exact_bytes(gbk))}) == gbk
    True
    >>> readable("plan.txt"), exact_bytes("plan.txt")
    ('plan.txt', None)
"""
from __future__ import annotations

import base64
import os
from typing import Any, Mapping, Optional, Union

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


def _raw(name: PathLike) -> bytes:
    return os.fsencode(name)


def is_valid(name: PathLike) -> bool:
    """Whether ``name`` is valid Unicode text (no lone surrogates, UTF-8 bytes).

    Example:
        >>> is_valid("规划.txt"), is_valid(b"\\xb9\\xe6.txt")
        (True, False)
    """
    if isinstance(name, (bytes, bytearray)):
        try:
            bytes(name).decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    text = os.fspath(name)
    if isinstance(text, bytes):
        return is_valid(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def readable(name: PathLike) -> str:
    """The name as valid Unicode text (see the module docstring).

    Example:
        >>> readable(b"\\xff\\xfe.txt")
        '\\\\xff\\\\xfe.txt'
    """
    if is_valid(name):
        text = os.fspath(name)
        return text.decode("utf-8") if isinstance(text, bytes) else text
    raw = _raw(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def clean_text(text: str) -> str:
    """``text`` with each lone surrogate (an undecodable byte of a name quoted
    in a message) shown as ``\\xNN``, so it can be written as UTF-8.

    Example:
        >>> clean_text(os.fsdecode(b"\\xb9.txt: file is empty"))
        '\\\\xb9.txt: file is empty'
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def exact_bytes(name: PathLike) -> Optional[bytes]:
    """The name's bytes when :func:`readable` is not the name itself, else ``None``."""
    return None if is_valid(name) else _raw(name)


def encode_bytes(raw: Optional[bytes]) -> Optional[str]:
    """Bytes as base64 text for a JSON field (``None`` stays ``None``)."""
    return None if raw is None else base64.b64encode(raw).decode("ascii")


def source_fields(name: PathLike) -> dict[str, str]:
    """``{"source": readable}``, plus ``"source_bytes"`` (base64) when the
    name is not valid text: the fields a record names its file with.

    Example:
        >>> source_fields("a.txt")
        {'source': 'a.txt'}
    """
    out = {"source": readable(name)}
    raw = exact_bytes(name)
    if raw is not None:
        out["source_bytes"] = encode_bytes(raw)  # type: ignore[assignment]
    return out


def from_record(record: Mapping[str, Any]) -> str:
    """The file name a record was made from, as :func:`os.fsdecode` gives it."""
    raw = record.get("source_bytes")
    if raw:
        return os.fsdecode(base64.b64decode(raw))
    return record["source"]


__all__ = ["is_valid", "readable", "clean_text", "exact_bytes", "encode_bytes", "source_fields", "from_record"]
