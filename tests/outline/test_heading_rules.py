"""The documented rules of where a heading ends (``outline/tree.py``, ``heading_extent``).

"The heading after a label: to the line end, the first sentence end, a
colon followed by more text, or the next label, whichever comes first."
The colon rule is held on real text: the glossary of the 2026 report of
Jiangxi (名词解释) numbers its terms ``1.“2030启航计划”：面向2030年…``,
where the term is the heading and the definition its text.
"""
from __future__ import annotations

import regex

import policyparse
from policyparse.outline.tree import heading_extent
from support import CORPORA

JIANGXI = CORPORA / "provincial-2026" / "江西省.txt"
#: a numbered line whose term is followed by a full-width colon and more text
TERM = regex.compile(r"^(?P<label>\d+\.)(?P<term>[^。\n：]{2,40})：(?=\S)", regex.M)


def _terms(text: str) -> list[regex.Match]:
    found = list(TERM.finditer(text))
    assert len(found) >= 20, "the glossary of the Jiangxi report is where the colon rule is tested"
    return found


def test_a_colon_followed_by_text_ends_the_heading():
    plan = policyparse.parse_file(JIANGXI, extract=False, sentences=False)
    text = plan.text
    for m in _terms(text):
        line_end = text.find("\n", m.end())
        start, end = heading_extent(text, m.end("label"), line_end if line_end >= 0 else len(text))
        assert text[start:end] == m.group("term").strip()


def test_the_glossary_terms_are_the_headings_of_their_items():
    plan = policyparse.parse_file(JIANGXI, extract=False, sentences=False)
    by_start = {n.span[0]: n for n in plan.nodes if n.heading}
    terms = _terms(plan.text)
    headed = [(by_start[m.start()].heading, m.group("term").strip()) for m in terms if m.start() in by_start]
    assert len(headed) >= 0.9 * len(terms)
    assert all(heading == term for heading, term in headed), [h for h in headed if h[0] != h[1]][:3]


def test_a_colon_at_the_line_end_does_not_end_the_heading():
    text = "一、主要目标：\n到2025年，全面完成任务。"
    assert text[slice(*heading_extent(text, 2, text.index("\n")))] == "主要目标："
    text = "一、主要目标：稳增长。"
    assert text[slice(*heading_extent(text, 2, len(text)))] == "主要目标"


def test_a_space_ends_a_heading_run_into_its_text_on_a_flattened_page():
    """A planning commission's report scraped into one line per part: each heading is
    followed by a space and then its text. The heading ends at the space, even where the
    text opens with a year (2023年是…); a heading with a PDF's gap inside and nothing after
    it (一、2024 年工作要点) stays whole."""
    text = ("关于某市2023年计划执行情况与2024年计划草案的报告\n"
            "各位代表：受市人民政府委托，现提出报告，请予审议。 一、2023年国民经济和社会发展计划执行情况 "
            "2023年是全面贯彻党的二十大精神的开局之年，全市经济运行稳中有进。"
            "（一）产业结构持续优化 全年实现地区生产总值5200亿元，增长6.1%。"
            "（二）民生保障不断加强 城乡居民收入稳步增长，社会事业全面进步。"
            "二、2024年国民经济和社会发展计划草案 2024年是实现十四五规划目标任务的关键一年，"
            "地区生产总值预期增长6%左右。\n")
    plan = policyparse.parse(text)
    heads = [(n.label, n.heading) for n in plan.nodes_of("section", "subsection")]
    assert heads == [("一、", "2023年国民经济和社会发展计划执行情况"), ("（一）", "产业结构持续优化"),
                     ("（二）", "民生保障不断加强"), ("二、", "2024年国民经济和社会发展计划草案")]
    assert [n.role for n in plan.nodes_of("section")] == ["review", "goals"]  # a year's plan: its goals
    assert [(q.value, q.kind) for q in plan.quantities] == [(5200, "achieved"), (6.1, "achieved"), (6, "target")]
    lone = policyparse.parse("一、2024 年工作要点\n（一）加强党建。\n（二）推进改革。\n")
    assert lone.nodes_of("section")[0].heading == "2024 年工作要点"
