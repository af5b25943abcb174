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
