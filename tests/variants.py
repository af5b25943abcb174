"""Restyled copies of the bundled plan: the same items under other numbering,
layouts, widths, wrapping and page noise, each with the outline it must give.

Used by ``outline/test_variants.py`` (every copy parses to the same outline) and
``compare/test_diff.py`` (every copy diffs as unchanged).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

import policyparse
from policyparse.ingest.normalize import normalize
from support import BUNDLED, GOLD


PLAN_GOLD = json.loads((GOLD / "edu_bureau_2019_outline.json").read_text("utf-8"))
CN_NUM = "一二三四五六七八九十"
FOOTER = "责任编辑：张三 【打印本页】【关闭窗口】"
#: headings of the subsections variant 9 inserts (two groups per section)
GROUP_HEADINGS = ("夯实基础工作", "突出重点任务")
#: sentences with numbers that look like labels but are not (variant 11);
#: each starts with the tricky token so that it also sits at a sentence or
#: line start, the strongest label position
NOISE = (
    "2019年是新中国成立70周年。",
    "十九大、十九届二中全会精神要落实到位。",
    "第二期建设工程同步推进。",
    "1.5倍的经费增长目标已经实现。",
    "3、4月份开展专项督查。",
    "一、二季度完成全年任务的60%。",
    "PM2.5监测设备进校园。",
    "（2017—2020年）行动计划全面收官。",
)
WRAP = 38


# --- the original, taken apart --------------------------------------------------------
@dataclass(frozen=True)
class Item:
    num: int  # 1..27, continuous as in the original
    body: str  # raw text after the label: the lead sentence and the rest
    heading: str  # gold heading


@dataclass(frozen=True)
class Section:
    num: int
    head: str  # raw heading text after the label
    heading: str  # gold heading
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Source:
    title: str
    preamble: str
    sections: tuple[Section, ...]


@lru_cache(maxsize=1)
def source() -> Source:
    """The bundled plan taken apart into raw title, preamble, section heads and items."""
    plan = policyparse.parse_file(BUNDLED)
    raw = plan.raw_text
    gold_secs = PLAN_GOLD["sections"]
    gold_items = PLAN_GOLD["items"]
    assert [(s.label, s.heading) for s in plan.sections] == [(g["label"], g["heading"]) for g in gold_secs]
    assert [(i.label, i.heading) for i in plan.items] == [(g["label"], g["heading"]) for g in gold_items]
    (pre,) = plan.nodes_of("preamble")
    preamble = raw[slice(*pre.raw_span)]
    assert preamble.startswith(PLAN_GOLD["preamble_starts_with"])
    sections = []
    for s, g in zip(plan.sections, gold_secs):
        kids = [k for k in plan.children(s) if k.kind == "item"]
        head = raw[s.raw_span[0] : kids[0].raw_span[0]]
        assert head.startswith(s.label)
        items = []
        for k in kids:
            text = raw[slice(*k.raw_span)]
            assert text.startswith(k.label)
            gi = gold_items[k.ordinal - 1]
            assert gi["section"] == g["ordinal"]
            items.append(Item(num=k.ordinal, body=text[len(k.label) :], heading=gi["heading"]))
        sections.append(Section(num=s.ordinal, head=head[len(s.label) :], heading=g["heading"], items=tuple(items)))
    title = plan.meta.title
    assert title and raw.startswith(title)
    return Source(title=title, preamble=preamble, sections=tuple(sections))


# --- restyling ------------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    layout: str = "lines"  # lines | blank | oneline | wrap
    indent: str = ""  # before every paragraph
    #: wrap layout: the first line of a paragraph holds this many characters
    #: fewer (a first-line indent the PDF text layer does not reproduce)
    first_short: int = 0
    item_label: str = "{n}."  # format of an item label ({n}: the number)
    restart: bool = False  # item numbers restart at 1 in each section
    section_labels: bool = True  # False: no 一、 headings at all
    unlabelled_heads: bool = False  # with section_labels=False: keep the heading text as a plain line
    groups: bool = False  # insert （一）（二） subsections in each section
    title_copies: int = 1
    footer: bool = False
    noise: bool = False
    fullwidth: bool = False  # digits, '.' and '%' full-width everywhere
    script: Optional[str] = None  # an OpenCC config (s2t, s2tw) applied to the whole text
    encoding: Optional[str] = None  # write a file in this encoding and parse_file it
    crlf: bool = False


def _split_lead(body: str) -> tuple[str, str]:
    i = body.index("。") + 1
    return body[:i], body[i:]


def paragraphs_and_expected(style: Style) -> tuple[list[str], list[tuple]]:
    """The paragraphs of the restyled plan and the outline it must yield.

    The outline is a list of ``(kind, label, ordinal, parent path, heading)``
    where the parent path is the labels of the ancestors joined by '/'.
    """
    src = source()
    paras: list[str] = [src.title] * style.title_copies
    expected: list[tuple] = []
    preamble = src.preamble
    if style.noise:
        preamble += NOISE[5] + NOISE[0]  # 一、二季度 right before 一、
    paras.append(preamble)
    noise_at = 0
    item_index = 0
    for sec in src.sections:
        sec_label = f"{CN_NUM[sec.num - 1]}、"
        path: list[str] = []
        if style.section_labels:
            paras.append(sec_label + sec.head)
            expected.append(("section", sec_label, sec.num, None, sec.heading))
            path = [sec_label]
        elif style.unlabelled_heads:
            paras.append(sec.head)
        n = len(sec.items)
        split = math.ceil(n / 2)
        for k, item in enumerate(sec.items):
            item_path = path
            if style.groups and k in (0, split):
                g = 1 if k == 0 else 2
                g_label = f"（{CN_NUM[g - 1]}）"
                paras.append(g_label + GROUP_HEADINGS[g - 1])
                expected.append(("subsection", g_label, g, "/".join(path) or None, GROUP_HEADINGS[g - 1]))
                group_path = path + [g_label]
            if style.groups:
                item_path = group_path
            num = k + 1 if style.restart else item.num
            label = style.item_label.format(n=num)
            body = item.body
            if style.noise:
                lead, rest = _split_lead(body)
                if item_index % 2 == 0:  # a noise sentence right after the lead sentence
                    body = lead + NOISE[noise_at % len(NOISE)] + rest
                    noise_at += 1
            paras.append(label + body)
            if style.noise and item_index % 2 == 1:  # a noise paragraph of its own
                paras.append(NOISE[noise_at % len(NOISE)])
                noise_at += 1
            want_label = normalize(_widen(label) if style.fullwidth else label, drop_debris=False).text
            expected.append(("item", want_label, num, "/".join(item_path) or None, item.heading))
            item_index += 1
    if style.footer:
        paras.append(FOOTER)
    return paras, expected


_WIDEN = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789.%"}


def _widen(text: str) -> str:
    return text.translate(_WIDEN)


def _wrap(paragraph: str, width: int, first_short: int = 0) -> list[str]:
    """Cut a paragraph into lines of ``width`` characters, anywhere (inside words and numbers)."""
    first = width - first_short
    lines = [paragraph[:first]]
    lines += [paragraph[i : i + width] for i in range(first, len(paragraph), width)]
    return [ln for ln in lines if ln]


def render(style: Style) -> tuple[str, list[tuple]]:
    paras, expected = paragraphs_and_expected(style)
    paras = [style.indent + p for p in paras]
    if style.layout == "lines":
        text = "\n".join(paras) + "\n"
    elif style.layout == "blank":
        text = "\n\n".join(paras) + "\n"
    elif style.layout == "oneline":
        text = "".join(paras)
    elif style.layout == "wrap":
        text = "\n".join(line for p in paras for line in _wrap(p, WRAP, style.first_short)) + "\n"
    else:  # pragma: no cover
        raise ValueError(style.layout)
    if style.fullwidth:
        text = _widen(text)
    if style.script:
        import opencc

        text = opencc.OpenCC(style.script).convert(text)
    if style.crlf:
        text = text.replace("\n", "\r\n")
    return text, expected


def parse_variant(style: Style, tmp_path) -> policyparse.Plan:
    text, _ = render(style)
    if style.encoding is None:
        return policyparse.parse(text)
    path = tmp_path / f"variant-{style.encoding}.txt"
    path.write_bytes(text.encode(style.encoding))  # strict: the variant must be encodable
    doc = policyparse.read(path)
    assert doc.text == text, f"decoded as {doc.encoding}, not as the {style.encoding} it was written in"
    return policyparse.parse_file(path)


LINES = Style()
ONELINE = Style(layout="oneline")

VARIANTS: dict[str, Style] = {
    # control: the same text rebuilt as one line without the scraping debris
    "0-oneline-rebuilt": ONELINE,
    # 1. one paragraph per line
    "1-lines": LINES,
    # 2. Word/HTML export: blank lines between paragraphs, 　　 indents
    "2-blank-lines-indented": Style(layout="blank", indent="\u3000\u3000"),
    # 3. PDF text layer: hard-wrapped at 38 characters, breaking anywhere
    "3-wrap38": Style(layout="wrap"),
    "3-wrap38-indented": Style(layout="wrap", indent="\u3000\u3000"),
    # first lines 5..8 characters shorter: the breaks fall at each point inside
    # "90.5%" (90.5|% 90.|5% 90|.5% 9|0.5%), see test_wrap_variants_break_inside_90_5
    **{f"3-wrap38-first-line-{WRAP - k}": Style(layout="wrap", first_short=k) for k in (5, 6, 7, 8)},
    # 4. item label styles: 1、  （1）  1．
    "4-label-ideographic-comma-lines": replace(LINES, item_label="{n}、"),
    "4-label-ideographic-comma-oneline": replace(ONELINE, item_label="{n}、"),
    "4-label-paren-lines": replace(LINES, item_label="（{n}）"),
    "4-label-paren-oneline": replace(ONELINE, item_label="（{n}）"),
    "4-label-fullwidth-dot-lines": replace(LINES, item_label="{n}．"),
    "4-label-fullwidth-dot-oneline": replace(ONELINE, item_label="{n}．"),
    # 5. full-width digits, dots and percent signs everywhere
    "5-fullwidth-lines": replace(LINES, fullwidth=True),
    "5-fullwidth-oneline": replace(ONELINE, fullwidth=True),
    # 6. traditional script, other encodings, CRLF
    "6-trad-s2t-utf8-lines": replace(LINES, script="s2t", encoding="utf-8"),
    "6-trad-s2t-utf8-oneline": replace(ONELINE, script="s2t", encoding="utf-8"),
    # Big5 cannot encode OpenCC's s2t variants 爲 啓 羣; s2tw writes 為 啟 群
    "6-trad-s2tw-big5-lines": replace(LINES, script="s2tw", encoding="big5"),
    "6-trad-s2tw-big5-oneline": replace(ONELINE, script="s2tw", encoding="big5"),
    "6-gbk-crlf-lines": replace(LINES, encoding="gbk", crlf=True),
    # 7. scraping debris: the title three times, a page footer
    "7-title3-footer-lines": replace(LINES, title_copies=3, footer=True),
    "7-title3-footer-oneline": replace(ONELINE, title_copies=3, footer=True),
    # 8. items numbered again from 1 in each section
    "8-restart-lines": replace(LINES, restart=True),
    "8-restart-oneline": replace(ONELINE, restart=True),
    # 9. （一）（二） subsections inserted in each section
    "9-subsections-lines": replace(LINES, groups=True),
    "9-subsections-oneline": replace(ONELINE, groups=True),
    # 10. no section labels: a top-level list 1..27 after the preamble
    "10-no-sections-lines": replace(LINES, section_labels=False),
    "10-no-sections-unlabelled-heads-lines": replace(LINES, section_labels=False, unlabelled_heads=True),
    # 11. numbers in sentences that must not become headings
    "11-noise-lines": replace(LINES, noise=True),
    "11-noise-oneline": replace(ONELINE, noise=True),
}
