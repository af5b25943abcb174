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
the reason: a missing file, an empty file, a binary file, undecodable bytes,
a file that is not a regular file (``/dev/zero``, a FIFO, a socket: refused
before reading, so nothing blocks or fills memory), a file over a limit of
:mod:`policyparse.ingest.limits` (its size, a .docx part's inflated size,
XML depth, PDF pages, Word list values; the error names the limit and how
to raise it).

What a format library logs about a file it repaired while reading (pypdf's
"EOF marker not found") is kept in ``Document.warnings`` as ``reader-warning``
entries, which :func:`policyparse.parse_file` adds to ``plan.warnings``.
"""
from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import PolicyParseError
from ..model import ParseWarning
from .decode import decode
from .limits import MB, Limits, LimitsLike, megabytes

@dataclass
class Document:
    """A file's text as decoded, before any normalisation.

    ``text`` is what ``raw_span`` offsets index; ``encoding`` the detected
    encoding (``None`` for .docx and .pdf, which are not decoded as a whole);
    ``source`` the path it came from; ``format`` what the file is:
    ``"text"``, ``"docx"``, ``"pdf"`` or ``"html"`` (told from its content);
    ``warnings`` what the format's library reported about the file.
    """

    text: str
    source: str
    encoding: Optional[str]
    format: str = "text"
    warnings: list[ParseWarning] = field(default_factory=list)


def read(path: str | os.PathLike, *, limits: LimitsLike = None) -> Document:
    """Read a plan: plain text in any common encoding, .docx, .pdf or .html.

    Example:
        >>> doc = read("corpora/edu-bureau-2019.txt")
        >>> doc.encoding, doc.format
        ('utf-8', 'text')

    ``limits`` (a :class:`~policyparse.ingest.limits.Limits` or a dict such
    as ``{"max_pdf_pages": 20000}``) raise or lower the readers' limits.

    Raises:
        PolicyParseError: the file is missing, not a regular file, empty,
            binary, undecodable, a legacy .doc, a PDF without a text layer,
            over a limit, or needs a format package that is not installed.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise PolicyParseError(repr(path), f"a path must be a str or os.PathLike, not {type(path).__name__}")
    checked = Limits.of(limits, os.fspath(path) if isinstance(path, (str, os.PathLike)) else None)
    data = read_file_bytes(path, checked)
    return read_bytes(data, str(Path(path)), limits=checked)


def read_file_bytes(path: str | os.PathLike, limits: LimitsLike = None) -> bytes:
    """The bytes of a regular file, at most ``max_file_mb`` of them.

    The file is opened without blocking and checked to be a regular file
    before a byte is read: ``/dev/zero`` would fill memory and a FIFO block
    forever.

    Example:
        >>> len(read_file_bytes("corpora/edu-bureau-2019.txt")) > 1000
        True
        >>> read_file_bytes("/dev/zero")
        Traceback (most recent call last):
        ...
        policyparse.errors.PolicyParseError: /dev/zero: is a character device, not a regular file; give a plan file

    Raises:
        PolicyParseError: missing, a directory, not a regular file, over
            ``max_file_mb``, or unreadable.
    """
    checked = Limits.of(limits)
    p = Path(path)
    fd = -1
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PolicyParseError(p, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise PolicyParseError(p, f"is {_file_kind(info.st_mode)}, not a regular file; give a plan file")
        cap = int(checked.max_file_mb * MB)
        if info.st_size > cap:
            raise checked.exceeded(p, f"the file has {megabytes(info.st_size)}", "max_file_mb")
        with os.fdopen(fd, "rb") as f:
            fd = -1  # closed by f
            data = _read_at_most(f, info.st_size, cap + 1)
        if len(data) > cap:  # it grew after the check
            raise checked.exceeded(p, f"the file has more than {checked.max_file_mb:g} MB", "max_file_mb")
        return data
    except FileNotFoundError:
        raise PolicyParseError(p, "no such file") from None
    except IsADirectoryError:
        raise PolicyParseError(p, "is a directory, not a file") from None
    except OSError as exc:
        raise PolicyParseError(p, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # a NUL byte in the name
        raise PolicyParseError(repr(os.fspath(path)), f"is not a usable file name ({exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _read_at_most(f: "io.BufferedReader", size: int, most: int) -> bytes:
    """The file's bytes, at most ``most``: its stated ``size`` in one read, then
    any more (a file that grew, a /proc file that states 0) in 1 MB reads.
    ``f.read(most)`` would allocate ``most`` bytes up front (512 MB by default)."""
    data = f.read(min(size, most) + 1)
    if len(data) <= size:
        return data
    chunks = [data]
    total = len(data)
    while total < most and (chunk := f.read(min(MB, most - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"


def read_bytes(data: bytes, source: str, *, limits: LimitsLike = None) -> Document:
    """Read the bytes of a plan file (as :func:`read` does); ``source`` names
    it in errors and, by its extension, settles an HTML fragment.

    Example:
        >>> read_bytes("一、总体要求".encode("gbk"), "plan.txt").text
        '一、总体要求'
    """
    if not data:
        raise PolicyParseError(source, "file is empty")
    checked = Limits.of(limits, source)
    if len(data) > checked.max_file_mb * MB:
        raise checked.exceeded(source, f"the file has {megabytes(len(data))}", "max_file_mb")
    from .formats import extract_text, sniff  # noqa: PLC0415

    fmt = sniff(data, source)
    if fmt == "text":
        text, encoding = decode(data, source=source)
        return Document(text=text, source=source, encoding=encoding, format="text")
    notes: list[str] = []
    text, enc = extract_text(fmt, data, source, checked, notes)
    if not text.strip():
        raise PolicyParseError(source, f"is a {fmt} file without any text")
    warnings = [ParseWarning(code="reader-warning", message=f"{fmt} reader: {note}") for note in dict.fromkeys(notes)]
    return Document(text=text, source=source, encoding=enc, format=fmt, warnings=warnings)
