"""``base_value``/``base_unit``: a quantity with its magnitude multiplied out.

It is what makes 2.76万亿元 and 27600亿元 the same amount when plans are
compared across years (``compare/targets.py``, ``compare/series.py``), so it
is held here on the reports' own sentences, by hand-computed values, by the
lexicon's magnitudes over every quantity of three reports, and through the
comparison that relies on it.
"""
from __future__ import annotations

import math

import pytest

import policyparse
from policyparse.data import load_json
from support import gwr_path


def quantities(sentence: str) -> list:
    """The quantities of ``sentence`` parsed as the one item of a plan."""
    return policyparse.parse("一、主要目标\n1." + sentence + "。").quantities

#: sentences of the 2019 report and what their quantity is, worked out by hand
HAND = [
    ("财政赤字2.76万亿元", "2.76万亿元", 2.76e12, "元"),
    ("今年拟安排地方政府专项债券2.15万亿元", "2.15万亿元", 2.15e12, "元"),
    ("城镇新增就业1100万人以上", "1100万人以上", 1.1e7, "人"),
    ("今年中央预算内投资安排5776亿元", "5776亿元", 5.776e11, "元"),
    ("粮食总产量保持在1.3万亿斤以上", "1.3万亿斤以上", 1.3e12, "斤"),
    ("新增高速铁路运营里程4100公里", "4100公里", 4100, "公里"),
    ("居民消费价格涨幅3%左右", "3%左右", 3, "%"),
]


@pytest.mark.parametrize("sentence, surface, base_value, base_unit", HAND, ids=[h[1] for h in HAND])
def test_base_value_of_report_sentences(sentence, surface, base_value, base_unit):
    assert sentence in gwr_path(2019).read_text("utf-8")  # the report's own words
    found = [q for q in quantities(sentence) if q.surface == surface]
    assert len(found) == 1, [q.surface for q in quantities(sentence)]
    q = found[0]
    assert math.isclose(q.base_value, base_value) and q.base_unit == base_unit


@pytest.mark.parametrize("year", [2010, 2016, 2019])
def test_base_value_is_the_value_times_the_magnitude_of_its_unit(year):
    magnitudes = load_json("quantities.json")["magnitudes"]
    plan = policyparse.parse_file(gwr_path(year))
    multiplied = 0
    for q in plan.quantities:
        unit = q.unit or ""
        prefix = max((m for m in magnitudes if unit.startswith(m)), key=len, default="")
        rest = unit[len(prefix):]
        assert math.isclose(q.base_value, q.value * (magnitudes[prefix] if prefix else 1)), q
        if rest:
            assert q.base_unit == rest, q
        multiplied += bool(prefix)
    assert multiplied >= 15  # the reports state money and people in 万, 亿, 万亿


def test_the_same_amount_in_another_magnitude_is_not_a_change():
    a = policyparse.parse("一、主要目标\n1.财政赤字2.76万亿元。\n2.城镇新增就业1100万人以上。")
    b = policyparse.parse("一、主要目标\n1.财政赤字27600亿元。\n2.城镇新增就业1200万人以上。")
    changes = {t.indicator: t for t in policyparse.diff(a, b).target_changes}
    assert changes["财政赤字"].status == "unchanged"
    assert changes["城镇新增就业"].status == "changed" and changes["城镇新增就业"].delta == 100
