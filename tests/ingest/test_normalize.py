"""Normalisation: each step, and the offset map back to the raw text.

The offset-map property checked throughout: for a span ``[s, e)`` of the
normalised text, ``raw[raw_span(s, e)]`` normalises back to the same content
(whitespace aside, since whether a line break is stray depends on the whole
document, and a range dash aside at the very edge of a span, since ``—``
becomes ``-`` only between two numbers).
"""
from __future__ import annotations

import bisect
import importlib
import random
import re

import pytest

import policyparse
from policyparse.ingest.normalize import ZERO_WIDTH, normalize
from support import BUNDLED, HEADING_KINDS, assert_spans, gwr_path

#: the module itself (``policyparse.ingest.normalize`` the attribute could one day be the function)
normalize_mod = importlib.import_module("policyparse.ingest.normalize")

_WS = re.compile(r"\s+")
#: range dashes and 至 become "-" only with a number on each side, which may lie
#: outside a span: compare them as one symbol
# a range dash or a ratio's colon depends on the text around it: a span cut next to it may normalise apart
_DASHES = str.maketrans({**{c: "-" for c in "—－–～~〜‒―至"}, **{c: "∶" for c in ":："}})


def _gwr(year: str) -> str:
    return gwr_path(year).read_text(encoding="utf-8")


def _content(s: str) -> str:
    return _WS.sub("", s).translate(_DASHES)


def check_span(n, s: int, e: int) -> None:
    rs, re_ = n.raw_span(s, e)
    assert 0 <= rs <= re_ <= len(n.raw), (s, e, rs, re_)
    back = normalize(n.raw[rs:re_], drop_debris=False).text
    assert _content(back) == _content(n.text[s:e]), (s, e, n.raw[rs:re_], n.text[s:e])


def check_all_spans(raw: str):
    """Every span of a short text maps back to raw text that normalises to it."""
    n = normalize(raw)
    for s in range(len(n.text)):
        for e in range(s + 1, len(n.text) + 1):
            check_span(n, s, e)
    assert n.raw_span(0, len(n.text))[0] <= len(raw) and n.raw_span(0, len(n.text))[1] <= len(raw)
    return n


# --- width -----------------------------------------------------------------------------------

def test_full_width_digits_letters_percent_become_half_width():
    raw = "２０１９年ＧＤＰ增长６．５％左右，ａｂｃ。"
    n = check_all_spans(raw)
    assert n.text == "2019年GDP增长6.5%左右，abc。"
    assert n.raw_span(0, 4) == (0, 4)


def test_full_width_report_1956_has_no_full_width_left():
    raw = _gwr("1956")
    assert sum(raw.count(c) for c in "０１２３４５６７８９％") > 1000
    n = normalize(raw)
    assert not any(c in n.text for c in "０１２３４５６７８９％ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")
    # full-width Chinese punctuation is not "width": it stays
    assert "，" in n.text and "：" in n.text


# --- ranges ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("新建幼儿园10—15所。", "新建幼儿园10-15所。"),
    ("增长6%－6.5%。", "增长6%-6.5%。"),
    ("2017至2020年", "2017-2020年"),
    ("招聘5～8个", "招聘5-8个"),
    ("增长１０％～１５％", "增长10%-15%"),
])
def test_range_dashes_become_hyphen(raw, expected):
    n = check_all_spans(raw)
    assert n.text == expected


@pytest.mark.parametrize("raw", [
    "至少新建10所幼儿园。",
    "每年3次至少5次。",
    "有的地方甚至出现倒退。",
    "提高到8%甚至10%。",
    "——经济运行保持在合理区间。\n\n——经济结构不断优化。",
    "2018年至今，成效显著。",
    "每千人口托位数增至4.5个。",  # 增至, 降至, 缩小至: what a number becomes, no range
    "由10降至8。",
])
def test_words_and_dash_bullets_are_untouched(raw):
    n = check_all_spans(raw)
    assert n.text == raw


@pytest.mark.parametrize("raw, expected", [
    ("城乡居民收入比收窄至2：1以内。", "城乡居民收入比收窄至2∶1以内。"),
    ("农业总产值之比突破1:1。", "农业总产值之比突破1∶1。"),
    ("会议于上午10:10开始，比分3:1。", "会议于上午10:10开始，比分3∶1。"),
    ("会议定于10:1开始。", "会议定于10:1开始。"),
])
def test_a_ratio_colon_after_bi_becomes_the_ratio_sign(raw, expected):
    n = check_all_spans(raw)
    assert n.text == expected


def test_shenzhi_after_a_measure_word_is_not_a_range():
    # 甚至 ("even") between two quantities is a word, not a range marker
    raw = "每校增加10人甚至20人。"
    n = check_all_spans(raw)
    assert n.text == raw


def test_dash_bullets_in_a_report_untouched():
    raw = _gwr("2019")
    n = normalize(raw)
    assert raw.count("\n——") == n.text.count("\n——") >= 5
    assert "国内生产总值增长6%-6.5%" in n.text


# --- invisible characters ---------------------------------------------------------------------

def test_zero_width_characters_removed():
    raw = "劳动\u200b生产\u200c率\u200d提高\ufeff了\u2060。"
    n = check_all_spans(raw)
    assert n.text == "劳动生产率提高了。"
    assert n.raw_span(0, 3) == (0, 4)  # 劳动生 spans the ZWSP between 动 and 生


def test_no_zero_width_left_in_real_reports():
    for year in ("2017", "1957", "2021"):
        raw = _gwr(year)
        assert "\u200b" in raw
        assert not any(c in normalize(raw).text for c in ZERO_WIDTH)


def test_word_split_by_zero_width_line_is_rejoined():
    raw = "第一段。\n\n提高劳动生\n\u200b\n产率。\n\n第三段。\n\n第四段。\n\n第五段。"
    n = check_all_spans(raw)
    assert n.text == "第一段。\n\n提高劳动生产率。\n\n第三段。\n\n第四段。\n\n第五段。"


def test_word_split_by_zero_width_line_rejoined_in_real_report():
    raw = _gwr("2021")
    assert "劳动生\n\u200b\n产率" in raw
    t = normalize(raw).text
    i = t.index("全员劳动生")
    assert t[i : i + 19] == "全员劳动生产率增长高于国内生产总值增长"


# --- line breaks ------------------------------------------------------------------------------

BLANK_LINE_DOC = (
    "各位代表：\n\n"
    "稳健的货币政策要松紧适度。\n\n"
    "广义货币M\n2\n和社会融资规模增速要与国内生产总值名义增速相匹配。\n\n"
    "细颗粒物（PM\n2.5\n）浓度继续下降。\n\n"
    "加强生态环境保护。\n\n"
    "推进污染防治。\n\n"
    "第七段。"
)


def test_subscripts_rejoined_into_their_paragraph():
    n = check_all_spans(BLANK_LINE_DOC)
    paras = n.text.split("\n\n")
    assert len(paras) == 7
    assert not any("\n" in p for p in paras)
    assert paras[1] == "稳健的货币政策要松紧适度。"
    assert paras[2].startswith("广义货币M") and paras[2].endswith("和社会融资规模增速要与国内生产总值名义增速相匹配。")
    assert paras[3].startswith("细颗粒物（PM") and paras[3].endswith("）浓度继续下降。")
    assert paras[6] == "第七段。"


def test_subscripts_rejoined_without_a_space():
    # M₂ and PM₂.₅ are one token each; a space inside them is wrong
    paras = normalize(BLANK_LINE_DOC).text.split("\n\n")
    assert paras[2].startswith("广义货币M2和社会融资规模"), paras[2]
    assert paras[3] == "细颗粒物（PM2.5）浓度继续下降。"


def test_subscripts_rejoined_in_real_report():
    raw = _gwr("2019")
    assert "广义货币M\n2\n和" in raw
    t = normalize(raw).text
    assert re.search(r"广义货币M ?2和社会融资规模", t)
    assert not re.search(r"[A-Z]\n+\d", t)  # no subscript left on its own line
    assert re.search(r"细颗粒物（PM ?2\.5）浓度", t)


def test_blank_line_paragraphs_stay_separate():
    raw = "一、总体要求\n\n坚持稳中求进\n\n二、主要任务\n\n加强学习，推进改革。\n\n抓好落实"
    n = check_all_spans(raw)
    assert n.text == raw
    # blank-line style: a single break inside a paragraph is stray, a blank line is not
    raw2 = "各位代表：\n\n第一段开头\n接着写完。\n\n第二段开头\n接着写完。\n\n第三段。\n\n第四段。"
    assert normalize(raw2).text == "各位代表：\n\n第一段开头接着写完。\n\n第二段开头接着写完。\n\n第三段。\n\n第四段。"


def test_one_paragraph_per_line_keeps_line_breaks():
    raw = ("2020年工作要点\n一、总体要求\n坚持稳中求进工作总基调。\n二、主要任务\n"
           "加强学习，推进改革。\n抓好落实，确保实效。\n三、保障措施\n加强组织领导")
    n = check_all_spans(raw)
    assert n.text == raw


def test_one_paragraph_per_line_real_report_keeps_its_paragraphs():
    raw = _gwr("2019")
    raw = raw[: raw.index("本作品是")].rstrip()
    per_line = re.sub(r"\n\s*\n+", "\n", raw)
    lines = per_line.split("\n")
    out = normalize(per_line, drop_debris=False).text.split("\n")
    # only the two （PM / 2.5 / ） fragments (an open bracket) are joined
    assert len(out) == len(lines) - 4
    joined = {i for i, ln in enumerate(lines) if ln.endswith("（PM")}
    joined |= {i + 1 for i in joined} | {i + 2 for i in joined}
    assert len(joined) == 6
    kept = [normalize(ln).text for i, ln in enumerate(lines) if i not in joined]
    assert [ln for ln in out if "PM" not in ln] == kept


# --- spaced digits, script ----------------------------------------------------------------------

def test_spaced_digits_joined():
    n = check_all_spans("1 9 9 8 年")
    assert n.text == "1998年"
    assert normalize("在１ ９ ９ ８ 年３ 月召开").text == "在1998年3月召开"


def test_traditional_to_simplified():
    raw = "國務院關於發展經濟的報告，堅持穩中求進。"
    n = check_all_spans(raw)
    assert n.text == "国务院关于发展经济的报告，坚持稳中求进。"
    assert normalize(raw, to_simplified=False).text == raw


def test_traditional_report_1954_simplified():
    raw = _gwr("1954")
    assert "經濟" in raw
    t = normalize(raw).text
    assert "經濟" not in t and "经济" in t
    assert len(t) <= len(raw)


class _LengthChangingT2S:
    """OpenCC t2s, except that one word comes out with another length
    (``檔案`` → ``档案馆``, ``報告`` → ``报``): a phrase conversion that
    changes the length of its line, which ``to_simplified_script`` must align."""

    def __init__(self, word: str, replacement: str):
        import opencc

        self.real = opencc.OpenCC("t2s")
        self.word, self.replacement = word, replacement

    def convert(self, text: str) -> str:
        out = self.real.convert(text)
        return out.replace(self.real.convert(self.word), self.replacement) if self.word in text else out


#: the words changed by the fake are in the item 1 line only; the item 2 line
#: holds 乾隆, which only a phrase conversion keeps (乾 alone becomes 干)
FALLBACK_RAW = ("2020年工作要點\n一、總體要求\n1.整理歷年檔案和報告。加強管理。\n"
                "2.推進教育現代化，研究乾隆年間的歷史。\n二、保障措施\n3.加強組織領導。")


@pytest.mark.parametrize("word, replacement, heading", [
    ("檔案", "档案馆", "整理历年档案馆和报告"), ("報告", "报", "整理历年档案和报")], ids=["longer", "shorter"])
def test_simplified_script_keeps_phrases_when_a_conversion_changes_length(monkeypatch, word, replacement, heading):
    fake = _LengthChangingT2S(word, replacement)
    monkeypatch.setattr(normalize_mod, "_t2s", lambda: fake)
    raw = FALLBACK_RAW
    assert len(fake.convert(raw)) != len(raw)  # the fake really changes the length

    n = normalize(raw)
    # the whole text is converted as OpenCC converts it, phrases and all
    assert n.text == fake.convert(raw)
    assert "研究乾隆年间的历史。" in n.text and replacement in n.text
    # the changed word maps back to the word in the raw text, and the text
    # around it character for character
    i = n.text.index(replacement)
    assert raw[slice(*n.raw_span(i, i + len(replacement)))] == word
    j = raw.index(word)
    assert n.raw_span(0, i) == (0, j)
    tail = len(n.text) - (i + len(replacement))
    assert n.raw_span(i + len(replacement), len(n.text)) == (j + len(word), len(raw))
    # every span whose ends are not inside the changed word maps back to raw
    # text that normalises to it (nor inside 乾隆, which OpenCC converts only whole)
    inside = set(range(i + 1, i + len(replacement)))
    cut = n.text.index("乾隆") + 1
    for s in range(len(n.text)):
        for e in range(s + 1, len(n.text) + 1):
            if s not in inside and e not in inside and cut not in (s, e):
                check_span(n, s, e)
    assert tail > 0

    # and through the parser: every node keeps the span contract
    plan = policyparse.parse(raw)
    assert_spans(plan)
    assert plan.text == n.text
    assert [(x.kind, x.label, x.heading) for x in plan.nodes_of(*HEADING_KINDS)] == [
        ("section", "一、", "总体要求"), ("item", "1.", heading),
        ("item", "2.", "推进教育现代化，研究乾隆年间的历史"),
        ("section", "二、", "保障措施"), ("item", "3.", "加强组织领导")]
    assert plan.raw_text[slice(*plan.items[0].raw_span)] == raw.split("\n")[2]


# --- offset map on real texts ---------------------------------------------------------------------

@pytest.mark.parametrize("year", ["2017", "1957"])
def test_offset_map_random_spans_real_reports(year):
    raw = _gwr(year)
    assert "\u200b" in raw
    n = normalize(raw)
    assert n.text != raw
    rng = random.Random(int(year))
    for _ in range(1500):
        s = rng.randrange(len(n.text))
        e = min(len(n.text), s + rng.randrange(1, 300))
        check_span(n, s, e)


@pytest.mark.parametrize("year", ["2017", "1957"])
def test_offset_map_around_removed_zero_width(year):
    raw = _gwr(year)
    n = normalize(raw)
    starts = [n.raw_span(i, i + 1)[0] for i in range(len(n.text))]
    zws = [m.start() for m in re.finditer("\u200b", raw)]
    assert len(zws) > 30
    for z in zws:
        i = bisect.bisect_left(starts, z)  # first normalised character after the ZWSP
        if i == 0 or i >= len(n.text):
            continue
        for s, e in [(i - 1, i + 1), (max(0, i - 10), min(len(n.text), i + 10)), (i, min(len(n.text), i + 5))]:
            rs, re_ = n.raw_span(s, e)
            check_span(n, s, e)
            if s < i:  # the span crosses the removed character: its raw text contains it
                assert rs <= z < re_, (s, e, rs, re_, z)


@pytest.mark.parametrize("year", ["2017", "1957"])
def test_offset_map_is_monotone_and_total(year):
    raw = _gwr(year)
    n = normalize(raw)
    prev = (0, 0)
    for i in range(len(n.text)):
        rs, re_ = n.raw_span(i, i + 1)
        assert rs >= prev[0] and re_ >= prev[1] and rs < re_
        prev = (rs, re_)
        if i % 5 == 0:
            check_span(n, i, i + 1)
    rs, re_ = n.raw_span(0, len(n.text))
    assert raw[:rs].strip() == "" and re_ <= len(raw)


# --- debris ----------------------------------------------------------------------------------------

def test_bundled_plan_debris_dropped_and_recorded():
    raw = BUNDLED.read_text(encoding="utf-8")
    n = normalize(raw)
    debris = [w for w in n.warnings if w.code == "dropped-debris"]
    assert len(debris) == 1
    w = debris[0]
    assert "本文内容" in w.text
    assert "本文内容" not in n.text
    title = "市教育局党委市教育局2019年工作要点"
    assert n.text.startswith(title + "2019年全市教育工作的总体思路是")
    assert n.text.count(title) == 1 < raw.count(title)
    # the truncated summary ("…坚持以人民为中心的发" then the title again) is gone
    assert "的发市教育局" in raw and "的发市教育局" not in n.text
    rs, re_ = w.raw_span
    assert raw[rs:re_] == w.text and raw[re_:].startswith(title)
    # the plan records it too
    plan = policyparse.parse(raw)
    assert [x.code for x in plan.warnings] == ["dropped-debris"]
    assert normalize(raw, drop_debris=False).text.count(title) == raw.count(title)


def test_wikisource_footer_dropped_and_recorded():
    raw = _gwr("2019")
    n = normalize(raw)
    foot = [w for w in n.warnings if w.code == "dropped-boilerplate"]
    assert len(foot) == 1
    assert "本作品是中华人民共和国的" in foot[0].text and "Public domain" in foot[0].text
    assert "本作品" not in n.text and "Public domain" not in n.text and "维基文库" not in n.text
    assert n.text.rstrip().endswith("实现中华民族伟大复兴的中国梦不懈奋斗！")
    rs, re_ = foot[0].raw_span
    assert re_ == len(raw) and "本作品是中华人民共和国的" in raw[rs:re_]
    assert "不懈奋斗！" not in raw[rs:re_]


def test_html_character_references_left_by_scraping():
    raw = "一、总体要求&nbsp;&nbsp;\n1.落实&ldquo;双减&rdquo;政策。&#12288;R&amp;D投入增长5%。"
    n = normalize(raw)
    assert n.text == "一、总体要求  \n1.落实“双减”政策。 R&D投入增长5%。"
    s = n.text.index("“双减”")
    assert raw[slice(*n.raw_span(s, s + 4))] == "&ldquo;双减&rdquo;"


def test_html_markup_left_in_a_text_file_becomes_lines_and_is_recorded():
    raw = ("<p>现将方案印发给你们，请认真贯彻执行。</p><p><br/></p>"
           "<p style=\"text-indent:2em\"><strong>一、总体要求</strong></p>"
           "<p>到2025年，<span>全市</span>普惠性幼儿园覆盖率达到85%以上。</p>")
    n = normalize(raw)
    lines = [ln.strip() for ln in n.text.split("\n") if ln.strip()]
    assert lines == ["现将方案印发给你们，请认真贯彻执行。", "一、总体要求",
                     "到2025年，全市普惠性幼儿园覆盖率达到85%以上。"]
    assert "<" not in n.text
    s = n.text.index("全市普惠性")
    # the span of the words maps back over the inline tag between them
    assert raw[slice(*n.raw_span(s, s + 5))] == "全市</span>普惠性"
    tags = [w for w in n.warnings if w.code == "dropped-debris" and "HTML tags" in w.message]
    assert len(tags) == 1 and raw[slice(*tags[0].raw_span)] == "<p>"


def test_a_few_angle_brackets_in_prose_are_not_markup():
    raw = "一、目标\n<b>重点</b>：PM2.5浓度<35微克/立方米，比值<1。"
    n = normalize(raw)
    assert "<b>重点</b>" in n.text and "<35" in n.text
    assert not any("HTML tags" in w.message for w in n.warnings)


def test_separate_numbers_are_not_joined():
    # only the spaced-digit style of typeset reports is joined, never a table's numbers
    for text in ("人均预期寿命（岁） 76.34 77.3 预期性", "指标 2015 2020", "PM2.5 10微克", "表1 2020年"):
        assert normalize(text).text == text
    assert normalize("7 4 7 7 2 亿元，1 9 9 3 年3 月").text == "74772亿元，1993年3月"


def test_escaped_line_ends_become_line_breaks():
    assert normalize("标题&#13;&#10;一、甲").text == "标题\n一、甲"


def test_spans_one_by_one_and_vectorised_agree():
    """MapChain.spans maps a short list span by span and a long one with numpy: the same spans."""
    raw = gwr_path(1985).read_text("utf-8")[:20000]
    rng = random.Random(7)
    lines = raw.split("\n")
    # CRLF, zero-width spaces, full-width digits, entities and broken lines: many maps with many segments
    raw = "\r\n".join(l[: len(l) // 2] + "\u200b" + l[len(l) // 2:] + ("&amp;" if i % 5 == 0 else "")
                      + ("１２" if i % 3 == 0 else "") for i, l in enumerate(lines))
    norm = normalize(raw)
    assert len(norm.chain.maps) >= 2
    n = len(norm.text)
    spans = [(s, s + rng.randint(0, 40)) for s in (rng.randint(0, n) for _ in range(300))]
    spans += [(0, 0), (0, n), (n, n), (n - 1, n), (5, 3)]
    assert norm.chain.spans(spans) == norm.chain._spans_array(spans) == [norm.chain.span(s, e) for s, e in spans]


def test_a_printed_page_s_number_between_lines_is_dropped_and_recorded():
    """The text layer of a PDF puts the page's number (— 2 —) between the lines of a paragraph: it is
    dropped, recorded, and never read as the end of a range (培训10 — 2 — was 10-2)."""
    raw = "1.全年开展专题培训10\n— 2 —\n场次。\n2.创建示范校20所。\n- 3 -\n二、推进教育改革\n"
    n = normalize(raw)
    assert "— 2 —" not in n.text and "- 3 -" not in n.text and "10-2" not in n.text
    assert [w.text for w in n.warnings] == ["— 2 —\n", "- 3 -\n"]
    assert [raw[slice(*w.raw_span)] for w in n.warnings] == ["— 2 —\n", "- 3 -\n"]
    assert "- 3 -" in normalize(raw, drop_debris=False).text
    at = n.text.index("场次")
    assert raw[slice(*n.raw_span(at, at + 2))] == "场次"


def test_a_figure_wrapped_onto_the_next_line_rejoins_the_words_that_take_it():
    """A work plan copied from a paged document, one paragraph per line but for a line
    cut after 达到: the figure and its indicator are one sentence again. A heading that
    ends in such a word (三、2026年工作安排) keeps its line, and so does a line of prose
    followed by a year that opens the next paragraph."""
    text = ("教育部2023年工作计划\n一、重点工作\n1.实施学前教育普及普惠行动,学前教育毛入园率达到\n90%以上。\n"
            "二、2026年工作目标\n2026年是“十五五”开局之年。\n")
    out = normalize(text).text
    assert "毛入园率达到90%以上。" in out
    assert "二、2026年工作目标\n2026年是" in out
    plan = policyparse.parse(text)
    [target] = plan.targets
    assert (target.indicator, target.value, target.comparator) == ("学前教育毛入园率", 90, ">=")
    s, e = plan.raw_span(*target.span)
    assert text[s:e] == "90%以上"  # the span still points at the raw file


def test_a_mirror_site_s_pinyin_glosses_leave_the_text_and_are_recorded():
    """Mirror sites put a pinyin gloss after characters (關(guān)于印發(fā)): dropped, so names are whole
    again (市發(fā)改委 → 市发改委), with one warning; latin words in brackets are no glosses."""
    raw = "關(guān)于印發(fā)工作事項的通知\n（一）加快建設(shè)產業基地。（牽頭單位：市發(fā)改委）\nPM2.5(ppm)降低(5%)。\n"
    n = normalize(raw)
    assert n.text.startswith("关于印发工作事项的通知\n") and "市发改委" in n.text
    assert "PM2.5(ppm)降低(5%)" in n.text
    (w,) = [w for w in n.warnings if "pinyin" in w.message]
    assert w.text == "(guān)" and raw[slice(*w.raw_span)] == "(guān)" and w.message.startswith("4 pinyin")
    s = n.text.index("市发改委")
    assert raw[slice(*n.raw_span(s, s + 4))] == "市發(fā)改委"


def test_a_pdf_text_layer_s_spaces_in_prose_go_and_its_wrapped_lines_rejoin():
    """A city's work plan taken from a PDF: lines wrapped at one width, ASCII commas, and
    spaces beside figures and between spaced-out characters. The figures meet their units
    (达到 120 所 → 120所: a count, not a lost number), a line cut inside a word rejoins the
    next though it holds spaces and ASCII commas (no table row), and a slogan's two halves
    keep the space between them."""
    raw = ("某市2025年教育工作要点\n"
           "2025 年,全市教育系统坚持立德树人,全面落实市 委 九 届 五 次 全 会 部署 ,\n"
           "紧紧围绕“学在本市 成才四方”工作思路,推进教育高质量发展。\n"
           "1.扩大优质资源。学前三年毛入园率达到 95.5%以上,普惠性幼儿\n"
           "园覆盖率达到 90%,特色学校达到 120 所,普通高中招生人数达到\n"
           "8.6 万人,义务教育巩固率保持 100%。全市新增资源教室 25 个。\n")
    n = normalize(raw)
    assert "2025年,全市教育系统" in n.text and "市委九届五次全会部署," in n.text
    assert "普惠性幼儿园覆盖率达到90%,特色学校达到120所,普通高中招生人数达到8.6万人," in n.text
    assert "“学在本市 成才四方”" in n.text
    plan = policyparse.parse(raw)
    got = {(q.indicator, q.value, q.unit) for q in plan.targets}
    assert {("普惠性幼儿园覆盖率", 90, "%"), ("特色学校", 120, "所"), ("普通高中招生人数", 8.6, "万人")} <= got
    target = next(q for q in plan.targets if q.unit == "所")
    assert raw[slice(*plan.raw_span(*target.span))] == "120 所"  # the span still points at the raw file


def test_a_spaced_digit_report_joins_its_short_numbers_and_decimals_too():
    """A typeset report spaces every digit (1 9 9 7 年): its two-digit numbers and decimals
    are spaced too (从4 5 个减少到3 1 个, 1 .2 亿门), and they are whole numbers again, not
    a lone 5 or 2 read off their last digit."""
    raw = ("1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，比1 9 9 2 年增长5 8 .6 %，电话交换机总容量达到1 .2 亿门。"
           "机构改革后，部门从4 5 个减少到3 1 个。人均居住面积增加到8 .7 平方米。\n")
    text = normalize(raw).text
    assert "1997年国内生产总值达到74772亿元" in text
    assert "1.2亿门" in text and "从45个减少到31个" in text and "8.7平方米" in text
