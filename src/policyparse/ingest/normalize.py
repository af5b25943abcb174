"""Normalising raw text into the text every span indexes.

:func:`normalize` runs a fixed sequence of small steps. Each step is a
function ``str -> (str, OffsetMap)`` so the result keeps a map from every
normalised offset back to the raw text (:class:`~policyparse.ingest.offsets.MapChain`).

Steps, in order:

1. HTML markup left in a text file by scraping (``<p>…</p><p><strong>一、…</strong></p>``:
   at least five tags) goes, a block's tag becoming a line break; character references
   (``&nbsp;``, ``&ldquo;``) become their characters; CRLF and CR line ends become LF;
2. page numbers of printed pages on lines of their own (``— 2 —``) are dropped
   and recorded;
3. script: traditional characters become simplified (OpenCC ``t2s``);
4. stray line breaks: a word or sentence broken by a single line break
   (``劳动生\\n\\u200b\\n产率``, ``PM\\n2.5\\n）``, a link on its own line in a
   scraped page) is rejoined; paragraph breaks stay;
5. invisible characters: zero-width spaces and joiners, BOMs, soft hyphens
   are removed; width: full-width digits, letters and ``％`` become half-width, the
   ideographic space a plain space; spaced digits: ``1 9 9 8 年`` becomes ``1998年``;
   gaps in prose: a space a PDF's text layer leaves inside a
   sentence (达到 250 所, 市 委 十 届) is dropped, a table's rows keep theirs;
6. ranges and ratios: the dash between two numbers (— － – ～ ~ 至) becomes ``-``,
   the colon of a ratio after 比 (2：1) the ratio sign ``∶``;
7. debris: scraping debris (a repeated title, a truncated summary before the
   full text, a licence footer) is dropped and recorded (:mod:`policyparse.ingest.debris`).

Example:
    >>> n = normalize("２０１９年\\r\\n目标１０％～１５％")
    >>> n.text
    '2019年\\n目标10%-15%'
    >>> n.raw_span(0, 4)
    (0, 4)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

import regex

from . import debris, meta, numbering as patterns
from .chars import CLOSERS, COLONS, COMMAS, ELLIPSIS, OPENERS, SENTENCE_END
from ..model import ParseWarning
from .offsets import Edits, MapChain, OffsetMap

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"


@dataclass
class Normalized:
    """The normalised text, its map back to the raw text, and what was dropped."""

    text: str
    raw: str
    chain: MapChain
    warnings: list[ParseWarning] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span that normalised span ``[start, end)`` came from."""
        return self.chain.span(start, end)


Step = Callable[[str], "tuple[str, OffsetMap]"]


def normalize(raw: str, *, drop_debris: bool = True, to_simplified: bool = True) -> Normalized:
    """Normalise ``raw`` text; see the module docstring for the steps."""
    chain = MapChain()
    text = raw
    steps: list[Step] = [
        strip_embedded_tags,
        unescape_entities,
        fix_line_ends,
        *([drop_page_numbers, drop_pinyin_glosses] if drop_debris else []),
        # the script first, so that the lines a break joins or keeps are judged on simplified
        # words (發布日期 is the page's 发布日期 line, 揚發〔2019〕34號 its document number)
        *([to_simplified_script] if to_simplified else []),
        rejoin_broken_lines,
        remove_invisible,
        to_half_width,
        join_spaced_digits,
        close_prose_gaps,
        unify_range_dashes,
    ]
    warnings: list[ParseWarning] = []
    for step in steps:
        if step is drop_page_numbers:  # debris, recorded where it stood in the raw text
            warnings += [ParseWarning(code="dropped-debris", message="a page number of a printed page (— 2 —)",
                                      raw_span=chain.span(pm.start(), pm.end()), text=pm.group())
                         for pm in _PAGE_NUMBER.finditer(text)]
        if step is strip_embedded_tags:
            tags = _embedded_tags(text)
            if tags:
                warnings.append(ParseWarning(
                    code="dropped-debris", text=tags[0].group(), raw_span=chain.span(tags[0].start(), tags[0].end()),
                    message=f"{len(tags)} HTML tags left in the text by scraping (<p>, <strong>), the first here"))
        if step is drop_pinyin_glosses:
            glosses = list(_PINYIN_GLOSS.finditer(text))
            if glosses:
                first = glosses[0]
                warnings.append(ParseWarning(
                    code="dropped-debris", text=first.group(),
                    raw_span=chain.span(first.start(), first.end()),
                    message=f"{len(glosses)} pinyin glosses a mirror site put after characters (關(guān)于), the first here"))
        text, m = step(text)
        chain.add(m)
    if drop_debris:
        edits, found = debris.find(text)
        if found:
            text_before = text
            text, m = edits.apply()
            before_drop = MapChain(list(chain.maps))  # dropped spans index the text before the drop
            chain.add(m)
            for code, (s, e), message in found:
                warnings.append(ParseWarning(code=code, message=message, raw_span=before_drop.span(s, e),
                                             text=text_before[s:e]))
    return Normalized(text=text, raw=raw, chain=chain, warnings=warnings)


# --- 1. line ends ------------------------------------------------------------------------
#: a printed page's number on a line of its own (— 2 —, - 3 -, －12－), as the text layer of a PDF
#: puts it between the lines of a paragraph
_PAGE_NUMBER = regex.compile(r"(?m)^[ \t\u3000]*[-—–－‒―]{1,2}[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－‒―]{1,2}[ \t\u3000]*\n")


def drop_page_numbers(text: str) -> tuple[str, OffsetMap]:
    """Drop the page numbers of printed pages (``— 2 —`` on its own line), so the paragraph they cut
    is rejoined (培训10\\n— 2 —\\n场次 → 培训10场次) and no range dash is read into them."""
    e = Edits(text)
    for m in _PAGE_NUMBER.finditer(text):
        e.replace(m.start(), m.end(), "")
    return e.apply()


#: a pinyin gloss a mirror site puts in brackets after a character (關(guān)于, 印發(fā)): lower-case
#: latin letters with a tone mark, right after a Han character
#: (儿【ér】 in square brackets, 古浪làng 县 bare), or a note of its reading or its traditional form
#: (二(读:èr), 公办(繁体:辦), 公办《繁体:辦》)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = regex.compile(
    rf"(?<=\p{{Han}})(?:[(（【](?=[a-zü]{{0,6}}[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）】]"
    rf"|(?=[a-zü]{{0,6}}[{_TONED}])[a-zü{_TONED}]{{1,7}}[ \u3000]?(?=\p{{Han}})"
    rf"|[(（【《\[](?:读|繁体|繁|拼音)[:：][^()（）【】《》\[\]\n]{{1,8}}[)）】》\]])")


#: what every gloss holds: a tone mark or a note's word (a quick test before the pattern)
_GLOSS_HINT = regex.compile(rf"[{_TONED}]|读[:：]|繁体?[:：]|拼音[:：]")


def drop_pinyin_glosses(text: str) -> tuple[str, OffsetMap]:
    """Drop the pinyin glosses of a mirror site (關(guān)于印發(fā) → 關于印發): they cut words and names
    (市發(fā)改委 is 市發改委) and are no part of the document. A gloss needs a tone mark, so a
    bracketed word in latin letters (PM2.5, (ppm)) is never one; so does a note of a reading or of
    the traditional form such sites add (二(读:èr), 公办(繁体:辦)).

    Example:
        >>> drop_pinyin_glosses("新建公办(繁体:辦)幼儿园，古浪làng 县4所，关(guān)于")[0]
        '新建公办幼儿园，古浪县4所，关于'
    """
    if not _GLOSS_HINT.search(text):
        return text, OffsetMap.identity(len(text))
    e = Edits(text)
    e.sub(_PINYIN_GLOSS, "")
    return e.apply()


_CR = regex.compile(r"\r\n?")


def fix_line_ends(text: str) -> tuple[str, OffsetMap]:
    if "\r" not in text:
        return text, OffsetMap.identity(len(text))
    e = Edits(text)
    e.sub(_CR, "\n")
    return e.apply()


# --- 1a. HTML markup left in a text file ---------------------------------------------------
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>\n]{0,300}?)?\s*/?>")
#: tags whose content is a block: each becomes a line break
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "tr", "table", "tbody", "thead", "ul", "ol", "dd", "dt", "dl",
                         "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "hr", "pre"})
#: tags inside a line: each goes
_INLINE_TAGS = frozenset({"strong", "b", "span", "font", "em", "i", "u", "a", "td", "th", "sub", "sup", "img",
                          "small", "big", "label", "center", "o:p"})
#: fewer tags than this are no markup (a lone <b> in prose, a comparison written <5)
_MIN_TAGS = 5


def _embedded_tags(text: str) -> list["regex.Match[str]"]:
    """The HTML tags of a text file's markup, when it has at least :data:`_MIN_TAGS` of them."""
    if text.count("<") < _MIN_TAGS:
        return []
    tags = [m for m in _TAG.finditer(text) if m.group(2).lower() in _BLOCK_TAGS | _INLINE_TAGS]
    return tags if len(tags) >= _MIN_TAGS else []


def strip_embedded_tags(text: str) -> tuple[str, OffsetMap]:
    """Drop the HTML markup a scraper left in a text file (``<p> 一、指导思想</p>``): a block's tag
    becomes a line break, an inline tag goes. An HTML page read as such never gets here with its
    tags (:mod:`policyparse.ingest.formats.html` takes its article's text).

    Example:
        >>> t = "<p>现将方案印发给你们。</p><p><br/></p><p><strong>一、指导思想</strong></p><p>坚持</p>"
        >>> strip_embedded_tags(t)[0].split()
        ['现将方案印发给你们。', '一、指导思想', '坚持']
    """
    tags = _embedded_tags(text)
    if not tags:
        return text, OffsetMap.identity(len(text))
    e = Edits(text)
    for m in tags:
        e.replace(m.start(), m.end(), "\n" if m.group(2).lower() in _BLOCK_TAGS else "")
    return e.apply()


# --- 1b. HTML character references ---------------------------------------------------
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> tuple[str, OffsetMap]:
    """``&nbsp;`` ``&ldquo;`` ``&#12288;`` left in scraped text become the characters they name."""
    if "&" not in text:
        return text, OffsetMap.identity(len(text))
    import html  # noqa: PLC0415

    e = Edits(text)
    e.sub(_ENTITY, lambda m: html.unescape(m.group()))
    return e.apply()


# --- 2. stray line breaks ---------------------------------------------------------------
_BREAK_RUN = regex.compile(rf"[ \t\u3000\u00a0{ZERO_WIDTH}]*\n[\s{ZERO_WIDTH}]*")
_TERMINAL = set(SENTENCE_END + COLONS + ELLIPSIS)
_CONTINUATION_START = set(CLOSERS + COMMAS + "、" + SENTENCE_END + COLONS + "%.")


#: the longest addressee line (市政府研究室：, 各区人民政府，市政府各委、办、局：) kept apart from a title above it
_ADDRESSEE_CHARS = 60


#: how far into the text a title line is looked for (the top of a page: chrome, then the title),
#: the longest such title line, and the longest heading line kept apart under it
_HEAD_CHARS = 400
_TITLE_CHARS = 60
_HEADING_CHARS = 16


def _title_line(line: str) -> bool:
    """A short line ending with a document-type word and holding no sentence (…学校工作计划)."""
    return (len(line) <= _TITLE_CHARS and meta._ends_with_doc_type(line)
            and not any(c in line for c in SENTENCE_END + COMMAS))


def rejoin_broken_lines(text: str) -> tuple[str, OffsetMap]:
    """Remove line breaks that split a word or sentence; keep paragraph breaks.

    Documents separate paragraphs either by blank lines (then a single line
    break inside a paragraph is always stray, as in scraped wiki pages) or one
    paragraph per line (then a break is stray only with positive evidence: an
    unclosed bracket or quote, a line that continues with closing
    punctuation, a zero-width-only line between two halves of a word, a
    figure cut from the words that take it (毛入园率达到 / 90%以上), or a
    hard-wrapped line as long as its neighbours).
    """
    runs = list(_BREAK_RUN.finditer(text))
    if not runs:
        return text, OffsetMap.identity(len(text))
    infos = []
    singles = doubles = 0
    for m in runs:
        run = m.group()
        lines = run.split("\n")
        interior = lines[1:-1]
        zw_lines = sum(1 for ln in interior if ln.strip(" \t\u3000\u00a0" + ZERO_WIDTH) == "" and any(c in ZERO_WIDTH for c in ln))
        effective = run.count("\n") - zw_lines
        infos.append((m, effective, zw_lines))
        if m.start() > 0 and m.end() < len(text):
            if effective == 1:
                singles += 1
            else:
                doubles += 1
    blank_style = doubles >= singles
    width = _wrap_width(text)
    e = Edits(text)
    for i, (m, effective, zw_lines) in enumerate(infos):
        if effective != 1 or m.start() == 0 or m.end() == len(text):
            continue
        prev_line_start = text.rfind("\n", 0, m.start()) + 1
        prev_line = text[prev_line_start : m.start()].strip()
        next_end = text.find("\n", m.end())
        next_line = text[m.end() : next_end if next_end >= 0 else len(text)].strip()
        if not prev_line or not next_line:
            continue
        if (m.start() < _HEAD_CHARS and _title_line(prev_line) and len(next_line) <= _HEADING_CHARS
                and not any(c in next_line for c in SENTENCE_END + COMMAS) and not _title_line(prev_line + next_line)):
            continue  # a title line at the top (…学校工作计划) and a heading under it (指导思想): two lines
        if _join(prev_line, next_line, blank_style, zw_lines, width):
            sep = " " if _latin_words_meet(prev_line, next_line) else ""
            e.replace(m.start(), m.end(), sep)
    return e.apply()


_LATIN_END = regex.compile(r"[A-Za-z]{2,}$")
_LATIN_START = regex.compile(r"^[A-Za-z]{2,}")


def _latin_words_meet(prev: str, nxt: str) -> bool:
    """Two Latin words on either side of the break ("Public\ndomain") keep a
    space; letters of a code or masked name ("X\nX", "PM\n2.5") do not."""
    return bool(_LATIN_END.search(prev) and _LATIN_START.match(nxt))


def _width_of(line: str) -> int:
    """A line's length without its spaces: a PDF's text layer spaces some lines out
    (市 委 十 届), which fill no more of the width for it."""
    return len(line.strip()) - line.strip().count(" ")


def _wrap_width(text: str) -> int:
    """The width a hard-wrapped text (a PDF text layer) is wrapped at, or 0.

    A wrapped text has most of its lines at one width; a text with one
    paragraph per line has lines of every length.
    """
    lengths = sorted(_width_of(ln) for ln in text.split("\n") if ln.strip())
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if n >= 0.85 * width)
    return width if 20 <= width <= 120 and near >= 0.4 * len(lengths) else 0


#: a mark of running text: a comma (not one of thousands: 1,000), full stop or semicolon; a
#: table's row has none
_PROSE_MARK = regex.compile(r"[，。；;]|,(?!\d)")

#: the longest line taken for a row of cells
_ROW_CHARS = 80
#: a gap of spaces between two cells of a row (学前教育毛入园率（%） 88 92 预期性), next to Chinese or a digit
_CELL_GAP = regex.compile(r"[\p{Han}\d%）)][ ]+(?=[\p{Han}\d<>〔])")


def _is_cell_row(line: str) -> bool:
    """A short line of three or more cells separated by spaces (a table of a PDF's text
    layer): Chinese prose has no such gaps, but for those of spaced digits (1 9 9 8 年),
    and a row has no comma (of either width), full stop or semicolon."""
    if line.count(" ") < 2 or len(line) > _ROW_CHARS or _PROSE_MARK.search(line):
        return False
    return len(_CELL_GAP.findall(_SPACED_RUN.sub("0", line))) >= 2


@lru_cache(maxsize=1)
def _number_takers() -> tuple[str, ...]:
    """Words a figure always follows (``data/lines.json``)."""
    from ..data import load_json  # noqa: PLC0415

    return tuple(load_json("lines.json")["number_takers"])


def _join(prev: str, nxt: str, blank_style: bool, zw_lines: int, width: int) -> bool:
    if "\t" in prev or "\t" in nxt or _is_cell_row(prev) or _is_cell_row(nxt):
        return False  # a row of a table (cells separated by tabs, as the readers write them, or spaces) is a line of its own
    if patterns.is_bare_label(prev) and not patterns.starts_with_label(nxt):
        return True  # a label on a line of its own belongs to the next line
    if patterns.starts_with_label(nxt) or nxt.startswith(("——", "—", "附件", "附表")):
        return False
    if debris.is_chrome_line(prev) or debris.is_chrome_line(nxt):
        return False  # a page's 日期/来源 line or breadcrumb is a line of its own, never the rest of a title
    if meta.is_document_number(prev) or meta.is_document_number(nxt):
        return False  # 扬发〔2019〕34号 under a title is a line of its own
    if prev.endswith(("|", "｜")) and nxt.startswith(("|", "｜")):
        return False  # | 1 | … | / | 2 | … |: the rows of a table written with bars
    if nxt[-1] in COLONS and len(nxt) <= _ADDRESSEE_CHARS and meta.doc_type_of(prev):
        return False  # …工作计划的报告 / 市政府研究室：: a title, then the addressees, each a line of its own
    opened = sum(prev.count(c) for c in OPENERS + "〔") > sum(prev.count(c) for c in CLOSERS + "〕")
    if nxt[0] in _CONTINUATION_START or opened:
        return True
    if prev[-1] in _TERMINAL or prev[-1] in CLOSERS:
        return False
    if nxt[0].isdigit() and prev.endswith(_number_takers()) \
            and not (patterns.starts_with_label(prev) and not any(c in prev for c in COMMAS)):
        return True  # 学前教育毛入园率达到 / 90%以上: a figure cut from the words that take it
    if blank_style or zw_lines:
        return True  # paragraphs are separated by blank lines: a single break is stray
    # one paragraph per line: a line is broken only where the text is hard-wrapped
    # and the line fills (most of) the width, a heading line included
    return width > 0 and 0.75 * width <= _width_of(prev) <= width + 2


# --- 3. invisible characters -----------------------------------------------------------
_INVISIBLE = regex.compile(f"[{ZERO_WIDTH}]+")


def remove_invisible(text: str) -> tuple[str, OffsetMap]:
    e = Edits(text)
    e.sub(_INVISIBLE, "")
    return e.apply()


# --- 4. width ----------------------------------------------------------------------------
# full-width digits, Latin letters, ％ and a few signs that occur inside numbers
_WIDE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_WIDE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_WIDE.update({"％": "%", "．": ".", "＋": "+", "／": "/", "＝": "=", "＜": "<", "＞": ">",
              "\u3000": " ", "\u00a0": " "})
_WIDE_TABLE = str.maketrans(_WIDE)


_WIDE_RUN = regex.compile("[" + regex.escape("".join(_WIDE)) + "]+")


def to_half_width(text: str) -> tuple[str, OffsetMap]:
    """Character-for-character, so the offset map is the identity.

    Only the runs of wide characters are translated: ``str.translate`` over
    a whole 20 MB text is several times slower than finding the few runs.
    """
    out = _WIDE_RUN.sub(lambda m: m.group().translate(_WIDE_TABLE), text)
    return out, OffsetMap.identity(len(text))


# --- 5. spaced digits ----------------------------------------------------------------------
#: three or more single digits with spaces between them: the spaced-digit style
#: of some typeset reports ("1 9 9 8 年", "7 4 7 7 2 亿元")
_SPACED_RUN = regex.compile(r"(?<![\d.])\d(?: \d){2,}(?![\d.])")  # not tabs: 5\t6\t7 are a table's cells
_GAP_IN_RUN = regex.compile(r"[ \t]+")
#: a text with this many runs of spaced digits is written that way throughout
_SPACED_STYLE_RUNS = 3
#: in such a text, any number with spaces between its digits and around its point (2 2, 1 .1)
_SPACED_NUMBER = regex.compile(r"(?<![\d.])\d(?:[ ]\d|[ ]?\.[ ]?\d)+(?![\d.])")
#: in a spaced-digit text, the space between a number and its unit ("3 月")
_SPACED_UNIT = regex.compile(r"(?<=\d)[ \t]+(?=[年月日%万亿千百])")


def join_spaced_digits(text: str) -> tuple[str, OffsetMap]:
    """``1 9 9 8 年3 月`` → ``1998年3月``, only in a text written that way.

    A text with three or more such runs is spaced throughout: its two-digit numbers and
    decimals are joined too (``4 0 个`` → ``40个``, ``1 .1 亿门`` → ``1.1亿门``).
    Separate numbers stay apart (``76.34 77.3``, ``2015 2020`` in a table).
    """
    runs = list(_SPACED_RUN.finditer(text))
    if not runs:
        return text, OffsetMap.identity(len(text))
    if len(runs) >= _SPACED_STYLE_RUNS:  # the text's style: its short numbers are spaced too (4 0 个, 1 .1 亿门)
        runs = list(_SPACED_NUMBER.finditer(text))
    e = Edits(text)
    for m in runs:
        for g in _GAP_IN_RUN.finditer(text, m.start(), m.end()):
            e.replace(g.start(), g.end(), "")
    e.sub(_SPACED_UNIT, "")
    return e.apply()


# --- 5b. gaps in prose ---------------------------------------------------------------------
#: spaces between Chinese, figures and Chinese punctuation: Chinese prose has none, but the
#: text layer of a PDF puts them beside figures, commas and between spaced characters
#: (two numbers keep theirs)
_PROSE_GAP = regex.compile(r"(?<=[\p{Han}\d%，,。；;、：])[ ]{1,3}(?=[\p{Han}\d%，,。；;、])(?<!\d[ ]{1,3}(?=\d))"
                           r"(?<!\p{Han}{2}[ ]{1,3}(?=\p{Han}{2}))")


#: the gap that ends a heading run into its text on a flattened page (一、2007年计划执行情况
#: 2007年是…): the outline ends the heading there (:func:`policyparse.outline.tree.heading_extent`)
_HEADING_GAP = regex.compile(
    r"(?:^|(?<=\n)|(?<=[。；！？!?;][ ]*))(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"[^ \n。；！？!?;，,：:]{2,40}(?P<gap>[ ]+)(?=[\p{Han}\d“][^ \n。；！？!?;]{11})")


#: characters set apart one by one (政 府 工 作 报 告, a title or a table's header spaced out)
_SPACED_OUT = regex.compile(r"(?<!\p{Han})\p{Han}(?: \p{Han}){3,}(?!\p{Han})")


def close_prose_gaps(text: str) -> tuple[str, OffsetMap]:
    """``特色学校达到 250 所，`` → ``特色学校达到250所，`` in a line of running text.

    Only short gaps, only between Chinese characters, figures and punctuation, and only on a line
    with sentence punctuation and no cells (tabs, bars): two numbers stay apart
    (``76.34 77.3``), a title line keeps the space between its issuers, a table row its
    gaps, and a heading run into its text on a flattened page the gap that ends it
    (``一、2007年计划执行情况 2007年是…``). Between two words of Chinese only a spaced-out
    character goes (``市 委 十 届``): a slogan's halves stay apart (``好客山东 好品山东``).
    On any other line, only four or more characters set apart one by one are closed up
    (``政 府 工 作 报 告``).

    Example:
        >>> close_prose_gaps("普通高中招生人数达到 9.5 万人，特色学校 40 所。")[0]
        '普通高中招生人数达到9.5万人，特色学校40所。'
    """
    e = Edits(text)
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if " " in line and "\t" not in line and "|" not in line and "｜" not in line:
            if _PROSE_MARK.search(line):
                kept = {h.start("gap") for h in _HEADING_GAP.finditer(text, pos, end)}
                for g in _PROSE_GAP.finditer(text, pos, end):
                    if g.start() not in kept:
                        e.replace(g.start(), g.end(), "")
            else:
                for run in _SPACED_OUT.finditer(text, pos, end):
                    for g in regex.finditer(" ", run.group()):
                        e.replace(run.start() + g.start(), run.start() + g.end(), "")
        pos = end + 1
    return e.apply()


# --- 6. script -----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # noqa: PLC0415 - loaded on first use

    return opencc.OpenCC("t2s")


def to_simplified_script(text: str) -> tuple[str, OffsetMap]:
    """Traditional to simplified (OpenCC t2s); simplified text is left unchanged.

    OpenCC converts phrases as well as characters. Where a phrase conversion
    changes the length of a line, the line's conversion is aligned with the
    line (difflib) so that only the changed runs are replacements in the
    offset map, and the whole text keeps phrase-level conversion.
    """
    conv = _t2s().convert
    out = conv(text)
    if len(out) == len(text):
        return out, OffsetMap.identity(len(text))
    import difflib  # noqa: PLC0415 - rare: only when a conversion changes a length

    e = Edits(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        new = conv(line)
        if len(new) == len(line):
            e.replace(pos, pos + len(line), new)
        else:
            ops = difflib.SequenceMatcher(None, line, new, autojunk=False).get_opcodes()
            for tag, i1, i2, j1, j2 in ops:
                if tag != "equal":
                    e.replace(pos + i1, pos + i2, new[j1:j2])
        pos += len(line)
    return e.apply()


# --- 7. range dashes ----------------------------------------------------------------------
_RANGE = regex.compile(
    r"(?<=\d(?:\.\d+)?\s*(?:%|‰|[年月日]|[\p{Han}]{1,2})?)\s*(?:[—－–～~〜‒―]{1,2}|(?<![甚乃直以截])(?<!"
    # 2.9∶1缩小至2.52∶1, 由10降至8: 至 after a change verb says what a number becomes, no range
    r"缩小|收窄|扩大|提高|提升|增长|增加|下降|降低|减少|上升|压缩|压减|调整|控制|[降升增减达]"
    r")至)\s*(?=\d)"
)


#: a colon written as the sign of a ratio to one, after 比 (收入比收窄至2：1以内, 之比突破1:1): a colon
#: elsewhere ends a clause, the ratio sign does not
_RATIO_COLON = regex.compile(r"(?<=比\p{Han}{0,8}\d+(?:\.\d+)?)[:：](?=1(?![\d.]))")


def unify_range_dashes(text: str) -> tuple[str, OffsetMap]:
    """``10—15所``, ``6%－6.5%``, ``2017至2020年`` → one ASCII ``-`` between the numbers; a
    ratio's colon (城乡居民收入比2：1) → the ratio sign ``∶``."""
    e = Edits(text)
    for m in _RANGE.finditer(text):
        e.replace(m.start(), m.end(), "-")
    for m in _RATIO_COLON.finditer(text):
        e.replace(m.start(), m.end(), "∶")
    return e.apply()
