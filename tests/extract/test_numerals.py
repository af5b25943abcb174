"""Numerals as plans write them: signs, reversed ranges, Chinese 亿/万 compounds, 多/余 intervals, 成, 番.

The Chinese compounds and multiples are read where the Government Work
Reports write them (1980, 1985, 2023), in place; signs and malformed digits
(which the reports do not happen to contain) on short phrases of the same shape.
"""
from __future__ import annotations

import pytest

import policyparse
from policyparse.evaluation import locate
from support import gwr_path


def _read(phrase: str):
    plan = policyparse.parse("XX市2026年工作要点\n一、重点工作\n1." + phrase + "。")
    return plan, [(q.surface, q.value, q.value_max, q.unit, q.comparator) for q in plan.quantities]


@pytest.mark.parametrize("phrase,surface,value,value_max,unit,comparator", [
    ("地区生产总值增长-6.8%", "-6.8%", -6.8, None, "%", "="),
    ("赤字率-2.8%左右", "-2.8%左右", -2.8, None, "%", "~"),
    ("居民消费价格下降－０．５％", "－0.5%", -0.5, None, "%", "="),
    ("出口增长−3%", "−3%", -3, None, "%", "="),
    ("利率下调.5%", ".5%", 0.5, None, "%", "="),
    ("新增就业1,,000人", "1,,000人", 1000, None, "人", "="),
    ("投资规模3万万亿元", "3万万亿元", 3, None, "万万亿元", "="),
    ("建成4亿700万吨产能", "4亿700万吨", 4.07, None, "亿吨", "="),
    ("投资3000多亿元", "3000多亿元", 3000, 4000, "亿元", ">"),
    ("新建学校2.2万多所", "2.2万多所", 2.2, 2.3, "万所", ">"),
    ("提高2个多百分点", "2个多百分点", 2, 3, "个百分点", ">"),
    ("增加10亿余元", "10亿余元", 10, 20, "亿元", ">"),
    ("覆盖八成以上农户", "八成以上", 80, None, "%", ">="),
])
def test_signs_and_shapes(phrase, surface, value, value_max, unit, comparator):
    _, found = _read(phrase)
    assert found == [(surface, value, value_max, unit, comparator)]


def test_the_sign_is_not_taken_from_a_range_dash():
    _, found = _read("国内生产总值增长6%-6.5%，所得额100万元-300万元部分")
    assert found[0][1:3] == (6, 6.5)
    assert found[1][1:3] == (100, 300)


@pytest.mark.parametrize("phrase,surface", [("增长6%—5%", "6%-5%"), ("降低5至3%", "5-3%")])
def test_a_reversed_range_is_ordered_and_flagged(phrase, surface):
    plan, found = _read(phrase)
    assert [f[:3] for f in found] == [(surface, min(found[0][1:3]), max(found[0][1:3]))]
    assert found[0][1] < found[0][2]
    flagged = [w for w in plan.warnings if w.code == "reversed-range"]
    assert [w.text for w in flagged] == [surface]
    assert plan.text[slice(*flagged[0].span)] == surface


@pytest.fixture(scope="module")
def gwr1985() -> policyparse.Plan:
    return policyparse.parse_file(gwr_path(1985))


def _at(plan: policyparse.Plan, anchor: str, surface: str):
    """The quantity whose raw span is the surface inside the one occurrence of ``anchor`` in the raw file."""
    start, end = locate(plan.raw_text, anchor, surface)
    hits = [q for q in plan.quantities if q.raw_span == (start, end)]
    assert len(hits) == 1, (surface, [(q.surface, q.raw_span) for q in plan.quantities if abs(q.raw_span[0] - start) < 20])
    return hits[0]


@pytest.mark.parametrize("anchor,surface,value,value_max,base_value", [
    ("粮食产量达到四亿零七百多万吨", "四亿零七百多万吨", 4.07, 4.08, 407_000_000),
    ("原煤产量达到七亿七千多万吨", "七亿七千多万吨", 7.7, 7.8, 770_000_000),
    ("原油达到一亿一千四百多万吨", "一亿一千四百多万吨", 1.14, 1.15, 114_000_000),
])
def test_chinese_compounds_are_one_number(gwr1985, anchor, surface, value, value_max, base_value):
    q = _at(gwr1985, anchor, surface)
    assert (q.value, q.value_max, q.unit, q.comparator, q.base_value, q.base_unit) == (
        value, value_max, "亿吨", ">", base_value, "吨")


def test_doubling_is_a_multiple(gwr1985):
    q = _at(gwr1985, "工农业年总产值翻两番", "两番")
    assert (q.value, q.unit, q.kind) == (2, "番", "target")


@pytest.mark.parametrize("year,anchor,surface,value", [
    (1980, "夏粮减产一成以上", "一成以上", 10),
    (2023, "重污染天数下降超过五成", "超过五成", 50),
])
def test_cheng_is_tens_of_percent(year, anchor, surface, value):
    plan = policyparse.parse_file(gwr_path(year))
    q = _at(plan, anchor, surface)
    assert (q.value, q.unit) == (value, "%")


def test_cheng_inside_words_is_no_number():
    _, found = _read("把不平衡变成平衡，使统一成为全体的统一")
    assert found == []
