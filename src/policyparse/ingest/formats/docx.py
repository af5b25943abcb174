"""Word (.docx) files to text, with list numbering rendered as text.

Chinese plans written in Word often number their headings with Word's list
formatting rather than typed characters: the paragraph ``总体要求`` shows as
``一、总体要求`` because its numbering definition (``word/numbering.xml``)
says level 1 counts in Chinese numerals with the text ``%1、``. The outline
parser needs those labels, so they are computed here, as Word does: each
paragraph's list (``w:numPr``, directly or through its paragraph style) and
level, a counter per list and level (a deeper level restarts when a higher one
advances), the level's number format (``decimal`` 1, ``chineseCounting`` 一,
``ideographTraditional`` 甲, ``decimalEnclosedCircle`` ① …) and its text
template (``%1、``, ``（%2）``, ``%3.``). Bullets give no label.

The text is the body's paragraphs in order, one per line, with table rows as
lines of tab-separated cells.

A ``.docx`` is a ZIP of XML parts, so before python-docx inflates and parses
anything the package is checked against the :class:`~policyparse.ingest.limits.Limits`:
the number of parts, each part's inflated size and compression ratio, and
the total (from the ZIP directory, which also caps what is inflated); then
each XML part is streamed once through a pull parser that keeps no tree, to
check its nesting depth and refuse a DTD (Office Open XML forbids one; it is
how entity bombs are built). List numbering values are checked too: a start
of 999,999,999,999 in letters or Roman numerals would be a string or a loop
that size. A file over a limit is refused naming the limit; any other broken
part (a non-number ``w:start``, a list level outside Word's 0-8, a wrong root
element) is a :class:`~policyparse.PolicyParseError` naming the file.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any, Optional

from ...errors import PolicyParseError
from ..limits import MB, Limits, LimitsLike, megabytes
from . import require

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_numeral(n: int) -> str:
    """``n`` in Chinese numerals as list numbering writes them.

    Example:
        >>> [chinese_numeral(n) for n in (1, 10, 12, 20, 35, 100)]
        ['一', '十', '十二', '二十', '三十五', '一百']
    """
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    import cn2an  # noqa: PLC0415

    return str(cn2an.an2cn(n))


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter value in a Word number format (``w:numFmt``).

    Example:
        >>> format_number(3, "chineseCounting"), format_number(3, "decimalEnclosedCircle"), format_number(3, "lowerRoman")
        ('三', '③', 'iii')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "chineseLegalSimplified", "ideographDigital", "japaneseCounting"):
        return chinese_numeral(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _DIZHI[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal and anything unknown


@dataclass(frozen=True)
class _Values:
    """Reads the numbers of the numbering XML, refusing what is not a number,
    a list level outside Word's 0-8 or a value over ``max_list_number``."""

    source: str
    limits: Limits

    def number(self, element: Any, what: str, default: str) -> int:
        raw = element.get(f"{_W}val", default) if what != "w:ilvl" else element.get(f"{_W}ilvl", default)
        return self.checked(raw, what)

    def checked(self, raw: Optional[str], what: str) -> int:
        try:
            n = int(str(raw).strip())
        except ValueError:
            raise PolicyParseError(self.source, f"is a malformed Word file: list numbering {what}={raw!r} "
                                                "is not a whole number") from None
        if what == "w:ilvl":
            if not 0 <= n < _LEVELS:
                raise PolicyParseError(self.source, f"is a malformed Word file: list level {what}={n} "
                                                    f"is outside Word's levels 0-{_LEVELS - 1}")
            return n
        if n < 0:
            raise PolicyParseError(self.source, f"is a malformed Word file: list numbering {what}={n} is negative")
        if n > self.limits.max_list_number:
            raise self.limits.exceeded(self.source, f"a Word list numbers from {n}", "max_list_number")
        return n


#: list levels in Word (w:ilvl 0-8)
_LEVELS = 9


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # w:isLgl: the numbers of higher levels shown as decimal


@dataclass
class _Numbering:
    """The numbering definitions of a document: list id → level → format."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    #: list id → level → start override
    starts: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[Optional[int]]] = field(default_factory=dict)
    values: Optional[_Values] = None

    @classmethod
    def from_part(cls, element: Any, values: _Values) -> "_Numbering":
        abstract: dict[str, dict[int, _Level]] = {}
        for an in element.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in an.iter(f"{_W}lvl"):
                level = _Level()
                for tag, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                    node = lvl.find(f"{_W}{tag}")
                    if node is not None and node.get(f"{_W}val") is not None:
                        setattr(level, attr, node.get(f"{_W}val"))
                start = lvl.find(f"{_W}start")
                if start is not None:
                    level.start = values.number(start, "w:start", "1")
                level.legal = lvl.find(f"{_W}isLgl") is not None
                levels[values.number(lvl, "w:ilvl", "0")] = level
            abstract[an.get(f"{_W}abstractNumId", "")] = levels
        out = cls(values=values)
        for num in element.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            out.levels[num_id] = abstract.get(ref.get(f"{_W}val", ""), {})
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    level = values.number(override, "w:ilvl", "0")
                    out.starts.setdefault(num_id, {})[level] = values.number(start, "w:startOverride", "1")
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``num_id`` at ``ilvl`` and render the label."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * _LEVELS)
        start = self.starts.get(num_id, {}).get(ilvl, levels[ilvl].start)
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        if self.values is not None and counters[ilvl] > self.values.limits.max_list_number:  # type: ignore[operator]
            raise self.values.limits.exceeded(self.values.source, f"a Word list counts to {counters[ilvl]}",
                                              "max_list_number")
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for k in range(ilvl + 1):
            if f"%{k + 1}" in text:
                value = counters[k] if counters[k] is not None else self.starts.get(num_id, {}).get(k, levels.get(k, _Level()).start)
                fmt = "decimal" if level.legal and k < ilvl else levels.get(k, _Level()).fmt
                text = text.replace(f"%{k + 1}", format_number(value, fmt))  # type: ignore[arg-type]
        return text


def _num_pr(p_pr: Any, values: _Values) -> Optional[tuple[Optional[str], Optional[int]]]:
    if p_pr is None:
        return None
    num_pr = p_pr.find(f"{_W}numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val") if num_id is not None else None,
            values.checked(ilvl.get(f"{_W}val", "0"), "w:ilvl") if ilvl is not None else None)


def _style_numbering(document: Any, values: _Values) -> dict[str, tuple[Optional[str], Optional[int]]]:
    """Paragraph style id → the list it numbers with (following ``basedOn``)."""
    own: dict[str, tuple[Optional[str], Optional[int]]] = {}
    based: dict[str, str] = {}
    try:
        styles = document.styles.element
    except (AttributeError, KeyError, NotImplementedError):
        return {}
    for style in styles.iter(f"{_W}style"):
        sid = style.get(f"{_W}styleId")
        if sid is None:
            continue
        pr = _num_pr(style.find(f"{_W}pPr"), values)
        if pr is not None:
            own[sid] = pr
        base = style.find(f"{_W}basedOn")
        if base is not None:
            based[sid] = base.get(f"{_W}val", "")
    out: dict[str, tuple[Optional[str], Optional[int]]] = {}
    for sid in set(own) | set(based):
        seen, cur = set(), sid
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur, "")
        if cur in own:
            out[sid] = own[cur]
    return out


#: the parts python-docx parses as XML
_XML_PARTS = (".xml", ".rels")
#: ``<!DOCTYPE`` in UTF-8 and UTF-16 (a DTD must come before the root element, so in the first chunk)
_DOCTYPE = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
#: libxml2's own depth limit without XML_PARSE_HUGE (python-docx's parser stops there too)
_LIBXML_DEPTH = 256


def check_package(data: bytes, source: str, limits: Limits) -> None:
    """Check a .docx against the limits before anything is inflated into memory.

    The sizes come from the ZIP directory; :mod:`zipfile` never inflates a
    part past its declared size (a lying size fails the CRC check), so the
    check bounds what python-docx reads. Each XML part is then streamed once
    to check its depth and that it declares no DTD.

    Raises:
        PolicyParseError: a limit is exceeded, or the ZIP or an XML part is broken.
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except Exception as exc:  # noqa: BLE001 - zipfile raises many kinds on a broken archive
        raise PolicyParseError(source, f"is not a readable Word .docx file ({type(exc).__name__}: {exc})") from None
    if len(infos) > limits.max_zip_members:
        raise limits.exceeded(source, f"the .docx holds {len(infos)} parts", "max_zip_members")
    total = 0
    for info in infos:
        size = info.file_size
        if size > limits.max_zip_member_mb * MB:
            raise limits.exceeded(source, f"{info.filename} inflates to {megabytes(size)}", "max_zip_member_mb")
        if size > MB and size > limits.max_zip_ratio * max(info.compress_size, 1):
            raise limits.exceeded(source, f"{info.filename} inflates {size / max(info.compress_size, 1):.0f} times "
                                          "its compressed size", "max_zip_ratio")
        total += size
    if total > limits.max_zip_total_mb * MB:
        raise limits.exceeded(source, f"the parts of the .docx inflate to {megabytes(total)}", "max_zip_total_mb")
    for info in infos:
        if info.filename.lower().endswith(_XML_PARTS):
            _check_xml(package, info, source, limits)


def _check_xml(package: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, limits: Limits) -> None:
    """Stream one XML part through a pull parser that drops each element once
    read (memory stays flat), checking depth and refusing a DTD."""
    from lxml import etree  # noqa: PLC0415 - python-docx needs lxml anyway

    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False, load_dtd=False,
                                 no_network=True, huge_tree=False)
    depth, first = 0, True
    dtd = PolicyParseError(source, f"is not a Word .docx file: {info.filename} declares a DTD, which Office Open "
                                   "XML forbids (it is how entity bombs and external entities get in)")
    try:
        with package.open(info) as stream:
            while chunk := stream.read(1 << 16):
                if first and any(mark in chunk for mark in _DOCTYPE):  # before the parser expands anything
                    raise dtd
                parser.feed(chunk)
                for event, element in parser.read_events():
                    if event == "end":
                        depth -= 1
                        element.clear()
                        while element.getprevious() is not None:
                            del element.getparent()[0]
                        continue
                    depth += 1
                    if first:
                        first = False
                        if element.getroottree().docinfo.doctype:
                            raise dtd
                    if depth > limits.max_xml_depth:
                        raise limits.exceeded(source, f"{info.filename} nests elements more than "
                                                      f"{limits.max_xml_depth} deep", "max_xml_depth")
            parser.close()
    except PolicyParseError:
        raise
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():  # libxml2 stops at 256 levels, which a single chunk can reach
            raise limits.exceeded(source, f"{info.filename} nests elements more than "
                                          f"{min(limits.max_xml_depth, _LIBXML_DEPTH)} deep", "max_xml_depth") from None
        if "entit" in str(exc).lower():
            raise dtd from None
        raise PolicyParseError(source, f"is not a readable Word .docx file ({info.filename}: "
                                       f"XMLSyntaxError: {exc})") from None
    except Exception as exc:  # noqa: BLE001 - zipfile, zlib and lxml raise many kinds on a broken part
        raise PolicyParseError(source, f"is not a readable Word .docx file ({info.filename}: "
                                       f"{type(exc).__name__}: {exc})") from None


def docx_text(data: bytes, source: str, limits: LimitsLike = None) -> str:
    """The text of a .docx file: one line per paragraph, list numbering as text.

    Example:
        >>> import io, docx
        >>> document = docx.Document()
        >>> for line in ("2020年工作要点", "一、总体要求"):
        ...     _ = document.add_paragraph(line)
        >>> buffer = io.BytesIO()
        >>> document.save(buffer)
        >>> docx_text(buffer.getvalue(), "plan.docx")
        '2020年工作要点\\n一、总体要求'

    Raises:
        PolicyParseError: the file is over a limit (naming it) or is not a
            readable Word document.
    """
    checked = Limits.of(limits, source)
    docx = require("docx", "python-docx", source)
    check_package(data, source, checked)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise PolicyParseError(source, f"is not a readable Word .docx file ({type(exc).__name__}: {exc})") from None
    try:
        return _document_text(document, _Values(source, checked))
    except PolicyParseError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed part fails deep inside python-docx
        raise PolicyParseError(source, f"is a malformed Word .docx file ({type(exc).__name__}: {exc})") from None


def _document_text(document: Any, values: _Values) -> str:
    if document.element.tag != f"{_W}document" or document.element.find(f"{_W}body") is None:
        raise PolicyParseError(values.source, "is a malformed Word .docx file: word/document.xml has no "
                                              "w:document root holding a w:body")
    try:
        numbering_part = document.part.numbering_part
    except (KeyError, NotImplementedError, AttributeError):
        numbering = _Numbering(values=values)
    else:
        numbering = _Numbering.from_part(numbering_part.element, values)
    by_style = _style_numbering(document, values)
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_paragraph(block, numbering, by_style, values))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(p.text for p in cell.paragraphs) for cell in row.cells]
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _paragraph(p: Any, numbering: _Numbering, by_style: dict[str, tuple[Optional[str], Optional[int]]],
               values: _Values) -> str:
    p_pr = p._p.pPr
    direct = _num_pr(p_pr, values)
    style_id = None
    if p_pr is not None and p_pr.find(f"{_W}pStyle") is not None:
        style_id = p_pr.find(f"{_W}pStyle").get(f"{_W}val")
    inherited = by_style.get(style_id or "Normal")
    num_id = (direct[0] if direct and direct[0] is not None else None) or (inherited[0] if inherited else None)
    ilvl = (direct[1] if direct and direct[1] is not None else None)
    if ilvl is None:
        ilvl = inherited[1] if inherited and inherited[1] is not None else 0
    label = numbering.label(num_id, ilvl) if num_id else ""
    return label + p.text


__all__ = ["docx_text", "check_package", "chinese_numeral", "format_number"]
