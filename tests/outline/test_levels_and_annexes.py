"""Heading lines opened by 一是/二是 as a level, and annexes as parts of their own.

Read on the provincial 2026 reports (宁夏: 一是 lines under sections and
subsections; 江西, 内蒙古: an annex numbered 1. …; 海南: an unlabelled 注释
numbered ［1］ …) and on an annexed document assembled from real texts.
"""
from __future__ import annotations

import re

import pytest

import policyparse
from support import CORPORA, assert_spans

PROVINCIAL = CORPORA / "provincial-2026"


@pytest.fixture(scope="module")
def ningxia() -> policyparse.Plan:
    return policyparse.parse_file(PROVINCIAL / "宁夏回族自治区.txt", extract=False)


def _line_starts(text: str, pattern: str) -> list[str]:
    return re.findall(pattern, text, re.M)


def test_shi_lines_are_a_level(ningxia):
    raw = (PROVINCIAL / "宁夏回族自治区.txt").read_text("utf-8")
    # every 一是…十是 that opens a line of the file is a heading node, none is lost
    opened = _line_starts(raw, r"^[ \t\u3000]*([一二三四五六七八九十]是)")
    shi = [n for n in ningxia.nodes if n.label and n.label.endswith("是") and n.kind != "enumeration"]
    assert [n.label for n in shi] == opened and len(shi) >= 40
    sections = {n.id: n for n in ningxia.sections}
    subsections = {n.id: n for n in ningxia.nodes_of("subsection")}
    # in the review (一、) and the five-year goals (二、) they divide the section; in 三、 its subsections
    first = [n for n in shi if n.parent in sections and sections[n.parent].label == "一、"]
    assert [n.label for n in first] == ["一是", "二是", "三是", "四是", "五是"]
    assert first[0].heading == "突出打好“六个攻坚战”，经济高质量发展跃上新台阶"
    assert all(n.kind == "item" for n in shi)
    under_sub = [n for n in shi if n.parent in subsections]
    assert {subsections[n.parent].label for n in under_sub} == {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）"}
    # the paragraphs after a 一是 line belong to it
    kids = ningxia.children(first[0])
    assert len([k for k in kids if k.kind == "paragraph"]) >= 3
    assert_spans(ningxia)


def test_run_in_shi_stays_an_enumeration():
    """一是…二是… inside one paragraph is a run-in list, not headings (1978: 其原因：一是社会制度腐败，二是经济技术落后)."""
    plan = policyparse.parse_file(CORPORA / "gwr" / "1978.txt", extract=False)
    shi = [n for n in plan.nodes if n.label in ("一是", "二是")]
    assert [(n.kind, plan.node(n.parent).kind) for n in shi] == [("enumeration", "paragraph")] * 2
    one_line = "一、总体要求\n" + "今年要做好三件事：一是稳增长。二是促改革。三是惠民生。\n" * 2 + "二、重点工作\n推进改革。\n"
    plan = policyparse.parse(one_line, extract=False)
    assert not [n for n in plan.nodes if n.label and n.label.endswith("是") and n.kind != "enumeration"]


def test_lone_shi_line_is_no_level():
    plan = policyparse.parse("一、总体要求\n一是稳增长，这是首要任务。\n其他工作照常推进。\n二、重点工作\n推进改革。\n", extract=False)
    assert [n.label for n in plan.nodes_of(*policyparse.model.HEADING_KINDS)] == ["一、", "二、"]


#: 江西's glossary item 21. begins with a digit (21.5+2就业之家): read as the decimal 21.5, not a label, it
#: stays in item 20 (a limit of the label grammar, not of annexes); 20.2026年… is a label before a year
@pytest.mark.parametrize("name,items", [("江西省", [*range(1, 21), *range(22, 27)]), ("内蒙古自治区", list(range(1, 11)))])
def test_annex_of_a_report_is_a_part(name, items):
    plan = policyparse.parse_file(PROVINCIAL / f"{name}.txt", extract=False)
    parts = plan.nodes_of("part")
    assert len(parts) == 1 and parts[0].label == "附件" and parts[0].role == "annex"
    annex = parts[0]
    own = [n for n in plan.nodes_of("item") if n.parent == annex.id]
    assert [n.ordinal for n in own] == items
    # the body's sections end before the annex and hold none of its items
    assert all(s.span[1] <= annex.span[0] for s in plan.sections)
    assert not [n for n in plan.nodes_of("item") if n.span[0] >= annex.span[0] and n.parent != annex.id]
    assert all(n.role == "annex" for n in plan.nodes if n.span[0] >= annex.span[0])
    assert_spans(plan)


def test_unlabelled_glossary_is_an_annex():
    plan = policyparse.parse_file(PROVINCIAL / "海南省.txt", extract=False)
    part = plan.nodes_of("part")[-1]
    assert part.label is None and part.heading == "注释" and part.role == "annex"
    assert plan.span_text(part).count("［") >= 28
    assert [s.label for s in plan.sections] == ["一、", "二、", "三、", "四、"]
    # the closing appeal before the annex is still read as the closing
    closing = next(n for n in plan.nodes_of("paragraph") if plan.span_text(n).startswith("各位代表，新的蓝图已经绘就"))
    assert closing.role == "closing"


def test_annex_numbering_does_not_restart_the_sections():
    """A report followed by 附件1 with its own 一、… and 附件2 名词解释 with 1. …
    (the annexes are real texts: the 2019 national report's part 二 and 江西's glossary)."""
    body = (PROVINCIAL / "河北省.txt").read_text("utf-8").split("相关报道")[0].rstrip()
    gwr = (CORPORA / "gwr" / "2019.txt").read_text("utf-8")
    annex1 = gwr[gwr.index("二、2019年经济社会发展总体要求和政策取向") : gwr.index("三、2019年政府工作任务")].replace("二、", "一、", 1)
    jiangxi = (PROVINCIAL / "江西省.txt").read_text("utf-8")
    glossary = jiangxi[jiangxi.index("1.“2030启航计划”") : jiangxi.index("相关报道")].rstrip()
    text = f"{body}\n附件1\n2019年政策取向\n{annex1}\n附件2：名词解释\n{glossary}\n"
    plan = policyparse.parse(text, extract=False)
    alone = policyparse.parse(body, extract=False)
    assert [(s.label, s.heading) for s in plan.sections if not s.parent] == [(s.label, s.heading) for s in alone.sections]
    parts = plan.nodes_of("part")
    assert [(p.label, p.ordinal, p.heading) for p in parts] == [("附件1", 1, "2019年政策取向"), ("附件2", 2, "名词解释")]
    first_sections = [n for n in plan.sections if n.parent == parts[0].id]
    assert [n.label for n in first_sections] == ["一、"]
    glossary_items = [n for n in plan.nodes_of("item") if n.parent == parts[1].id]
    assert [n.ordinal for n in glossary_items] == [*range(1, 21), *range(22, 27)]
    assert {n.role for n in plan.nodes if n.span[0] >= parts[0].span[0]} == {"annex"}
    assert_spans(plan)
