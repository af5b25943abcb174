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
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, Optional

from ...errors import PolicyParseError
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

    @classmethod
    def from_part(cls, element: Any) -> "_Numbering":
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
                    level.start = int(start.get(f"{_W}val", "1"))
                level.legal = lvl.find(f"{_W}isLgl") is not None
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = level
            abstract[an.get(f"{_W}abstractNumId", "")] = levels
        out = cls()
        for num in element.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            out.levels[num_id] = abstract.get(ref.get(f"{_W}val", ""), {})
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    out.starts.setdefault(num_id, {})[int(override.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val", "1"))
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``num_id`` at ``ilvl`` and render the label."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        start = self.starts.get(num_id, {}).get(ilvl, levels[ilvl].start)
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
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


def _num_pr(p_pr: Any) -> Optional[tuple[Optional[str], Optional[int]]]:
    if p_pr is None:
        return None
    num_pr = p_pr.find(f"{_W}numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val") if num_id is not None else None,
            int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else None)


def _style_numbering(document: Any) -> dict[str, tuple[Optional[str], Optional[int]]]:
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
        pr = _num_pr(style.find(f"{_W}pPr"))
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


def docx_text(data: bytes, source: str) -> str:
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
        PolicyParseError: the file is not a readable Word document.
    """
    docx = require("docx", "python-docx", source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise PolicyParseError(source, f"is not a readable Word .docx file ({type(exc).__name__}: {exc})") from None
    try:
        numbering = _Numbering.from_part(document.part.numbering_part.element)
    except (KeyError, NotImplementedError, AttributeError):
        numbering = _Numbering()
    by_style = _style_numbering(document)
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_paragraph(block, numbering, by_style))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(p.text for p in cell.paragraphs) for cell in row.cells]
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _paragraph(p: Any, numbering: _Numbering, by_style: dict[str, tuple[Optional[str], Optional[int]]]) -> str:
    p_pr = p._p.pPr
    direct = _num_pr(p_pr)
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


__all__ = ["docx_text", "chinese_numeral", "format_number"]
