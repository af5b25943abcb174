"""The limits a reader checks before it inflates, parses or loops.

A hostile or broken file can ask a reader for far more work than its size
suggests: a 3 MB ``.docx`` whose ``word/document.xml`` inflates to 1 GB, XML
nested thousands of levels deep, a PDF that declares a million pages, a Word
list whose numbering starts at 999,999,999,999 (rendered as letters or Roman
numerals, that is a string or a loop the size of the number). Each reader
checks the relevant limit *before* doing the work, and a file over a limit is
refused with a :class:`~policyparse.PolicyParseError` that names the limit and
how to raise it::

    plan.docx: word/document.xml inflates to 1024 MB, over the limit
    max_zip_member_mb=64; raise it with limits={'max_zip_member_mb': N}
    (command line: --limit max_zip_member_mb=N)

The defaults are far above what real plans need (the largest Government Work
Report is under 100 KB of text; a long five-year plan's ``document.xml`` is a
few MB) and keep the memory of reading a file under 10 MB below about 500 MB
(``benchmarks/hostile_sweep.py`` measures it). Limits are passed explicitly
(``read(path, limits=...)``, ``parse_file``, ``parse_many``, ``--limit``), never
set globally, so threads with different limits do not interfere.

Example:
    >>> Limits.of({"max_pdf_pages": 10}).max_pdf_pages
    10
    >>> Limits().max_zip_ratio
    100.0
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Mapping, Optional, Union

from ..errors import PolicyParseError


@dataclass(frozen=True)
class Limits:
    """The limits of the readers; every field can be raised (or lowered).

    Attributes:
        max_file_mb: the size of a file read from disk (any format).
        max_zip_member_mb: the inflated size of one part of a ``.docx`` (a ZIP).
        max_zip_total_mb: the inflated size of all parts of a ``.docx`` together.
        max_zip_ratio: inflated size over compressed size of one part larger
            than 1 MB inflated (real Word XML compresses 5-20 times; a zip
            bomb 1000 times).
        max_zip_members: the number of parts of a ``.docx``.
        max_xml_depth: the nesting depth of elements in an XML part (Word
            nests a table in a table in about ten levels); above 256 it has
            no effect, as libxml2 (and so python-docx) stops there.
        max_pdf_pages: the pages of a PDF.
        max_list_number: a value of Word list numbering (a start or a counter);
            Word's own dialog stops at 32767.
    """

    max_file_mb: float = 512.0
    max_zip_member_mb: float = 64.0
    max_zip_total_mb: float = 128.0
    max_zip_ratio: float = 100.0
    max_zip_members: int = 10_000
    max_xml_depth: int = 128
    max_pdf_pages: int = 5_000
    max_list_number: int = 32_767

    @classmethod
    def of(cls, value: "LimitsLike", source: Optional[str] = None) -> "Limits":
        """``value`` as :class:`Limits`: ``None`` gives the defaults, a mapping
        overrides the named fields.

        Raises:
            PolicyParseError: an unknown limit name or a value that is not a
                positive number.
        """
        if value is None:
            return cls()
        if isinstance(value, Limits):
            return value
        if not isinstance(value, Mapping):
            raise PolicyParseError(source or "limits", f"limits must be a dict of limit names to numbers, "
                                                       f"not {type(value).__name__}")
        names = {f.name: f.type for f in fields(cls)}
        changes: dict[str, Any] = {}
        for name, number in value.items():
            if name not in names:
                raise PolicyParseError(source or "limits", f"unknown limit {name!r} (limits: {', '.join(names)})")
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not number > 0:
                raise PolicyParseError(source or "limits", f"limit {name} must be a positive number, not {number!r}")
            changes[name] = int(number) if names[name] in (int, "int") else float(number)
        return replace(cls(), **changes)

    def exceeded(self, source: Optional[str], what: str, name: str) -> PolicyParseError:
        """The error for ``what`` being over the limit ``name``.

        Example:
            >>> print(Limits().exceeded("a.pdf", "the PDF has 9000 pages", "max_pdf_pages"))
            a.pdf: the PDF has 9000 pages, over the limit max_pdf_pages=5000; raise it with limits={'max_pdf_pages': N} (command line: --limit max_pdf_pages=N)
        """
        value = getattr(self, name)
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return PolicyParseError(source, f"{what}, over the limit {name}={shown}; raise it with "
                                        f"limits={{'{name}': N}} (command line: --limit {name}=N)")


#: what the ``limits`` arguments accept
LimitsLike = Union[Limits, Mapping[str, float], None]

MB = 1024 * 1024


def megabytes(nbytes: float) -> str:
    """A size for an error message: whole MB from 10 MB up, three digits below.

    Example:
        >>> megabytes(1024 * MB), megabytes(14270)
        ('1024 MB', '0.0136 MB')
    """
    value = nbytes / MB
    return f"{value:.0f} MB" if value >= 10 else f"{value:.3g} MB"


def parse_limit_option(text: str) -> tuple[str, float]:
    """One ``--limit NAME=N`` option as ``(name, number)``.

    Example:
        >>> parse_limit_option("max_pdf_pages=20000")
        ('max_pdf_pages', 20000.0)

    Raises:
        ValueError: not ``NAME=N``, an unknown name or not a positive number
            (argparse reports it as a usage error).
    """
    name, sep, number = text.partition("=")
    names = [f.name for f in fields(Limits)]
    if not sep or name.strip() not in names:
        raise ValueError(f"expected NAME=N with NAME one of {', '.join(names)}, not {text!r}")
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"{name}: {number!r} is not a number") from None
    if not value > 0:
        raise ValueError(f"{name}: the limit must be positive, not {number}")
    return name.strip(), value


__all__ = ["Limits", "LimitsLike", "MB", "megabytes", "parse_limit_option"]
