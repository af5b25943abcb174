"""Section roles (outline/roles.py) against the hand section roles of
tests/gold/labels/*.json, national and provincial reports and the bundled plan.

The floors are the accuracies measured when the rules were written; the test
documents (split "test") were not looked at while writing them and are held
to their own floors.
"""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

import policyparse
from policyparse.evaluation import RoleScore, score_section_roles
from policyparse.outline.roles import division_starts, heading_role
from support import CORPORA, GOLD

LABELS = sorted(p for p in (GOLD / "labels").glob("*.json") if "sections" in json.loads(p.read_text("utf-8")))


@lru_cache(maxsize=None)
def _score(name: str) -> tuple[str, RoleScore]:
    gold = json.loads((GOLD / "labels" / name).read_text("utf-8"))
    plan = policyparse.parse_file(CORPORA / gold["source"], extract=False)
    return gold["split"], score_section_roles(plan, gold["sections"])


def _total(split: str) -> RoleScore:
    total = RoleScore()
    for path in LABELS:
        s, score = _score(path.name)
        if s == split:
            total.sections += score.sections
            total.sections_right += score.sections_right
            total.paragraphs += score.paragraphs
            total.paragraphs_right += score.paragraphs_right
            total.errors += [f"{path.stem}: {e}" for e in score.errors]
    return total


def test_labels_cover_both_splits():
    splits = {json.loads(p.read_text("utf-8"))["split"] for p in LABELS}
    assert splits == {"train", "test", "test-1980s"} and len(LABELS) >= 17


def test_roles_on_train_documents():
    total = _total("train")
    assert total.sections >= 70
    assert total.section_accuracy >= 0.98, total.errors
    assert total.paragraph_accuracy >= 0.97, total.errors


def test_roles_on_held_out_documents():
    """prov-fujian, prov-guizhou, gwr-2008, gwr-2021: never used to write the rules."""
    total = _total("test")
    assert total.sections >= 20
    assert total.section_accuracy >= 0.9, total.errors
    assert total.paragraph_accuracy >= 0.95, total.errors


def test_every_node_has_a_role_inherited_from_its_division():
    plan = policyparse.parse_file(CORPORA / "provincial-2026" / "河北省.txt", extract=False)
    assert all(n.role in ("preamble", "review", "goals", "tasks", "self_governance", "closing") for n in plan.nodes)
    by_id = {n.id: n for n in plan.nodes}
    for n in plan.nodes:
        if n.parent is not None and n.kind not in ("paragraph", "sentence"):
            assert n.role == by_id[n.parent].role, n  # headings inherit; only a tail paragraph can open a new division
    sections = plan.sections
    assert [s.role for s in sections] == ["review", "goals", "tasks"]
    closing = next(n for n in plan.nodes_of("paragraph") if plan.span_text(n).startswith("各位代表！实干托举梦想"))
    assert closing.role == "closing"
    own = next(n for n in plan.nodes_of("paragraph") if plan.span_text(n).startswith("各位代表，踏上新征程"))
    assert own.role == "self_governance"


def test_work_plan_body_is_tasks_and_opening_is_preamble(bundled_plan):
    assert {n.role for n in bundled_plan.sections} == {"tasks"}
    assert {n.role for n in bundled_plan.nodes_of("preamble")} == {"preamble"}


@pytest.mark.parametrize("heading,role", [
    ("一、2018年工作回顾", "review"),
    ("二、“十三五”时期发展成就和“十四五”时期主要目标任务", "goals"),
    ("四、努力建设让人民满意的法治型服务型政府", "self_governance"),
    ("附件1", "annex"),
    ("关于《2026年国民经济和社会发展计划》的说明", "explanation"),
    ("三、2026年重点工作安排", "tasks"),
    # a five-year plan's chapters
    ("第一章 发展基础", "review"),
    ("今后五年的主要任务", "goals"),
    ("二、“七五”时期的基本任务和主要建设方针", "goals"),
    ("一、国民经济在调整、改革、整顿、提高中取得了新的进展", "review"),
    ("二、努力取得新的成绩", None),
])
def test_heading_words(heading, role):
    assert heading_role(heading) == role


def test_role_in_json_tables_and_graph():
    plan = policyparse.parse_file(CORPORA / "gwr" / "2019.txt", extract=False)
    again = policyparse.Plan.from_json(plan.to_json())
    assert [n.role for n in again.nodes] == [n.role for n in plan.nodes]
    frame = plan.to_frame("nodes")
    assert list(frame.loc[frame["kind"] == "section", "role"]) == ["review", "goals", "tasks"]
    graph = plan.to_networkx()
    assert {graph.nodes[n.id]["role"] for n in plan.sections} == {"review", "goals", "tasks"}
    roles = [r for _, r in division_starts(plan.text, plan.nodes)]
    assert roles[-1] == "closing" and "self_governance" in roles


def test_unnumbered_heading_lines_open_divisions():
    """甘肃 2026 heads its three parts with unnumbered lines (“十四五”时期工作回顾,
    “十五五”时期的主要目标任务, 2026年重点工作) over lists 一是… and （一）…."""
    plan = policyparse.parse_file(CORPORA / "provincial-2026" / "甘肃省.txt", extract=False)

    def role_at(words: str) -> str:
        return next(n.role for n in plan.nodes_of("paragraph") if plan.span_text(n).startswith(words))

    assert role_at("“十四五”时期是甘肃发展极不寻常") == "review"
    assert role_at("“十五五”时期是我国基本实现") == "goals"
    assert {n.role for n in plan.nodes if n.parent is None and n.label and n.label.endswith("是")} == {"goals"}
    assert {n.role for n in plan.sections} == {"tasks"}  # （一）…（八） under 2026年重点工作
    assert role_at("各位代表！蓝图绘就") == "closing"
    # a numbered section keeps its own role after such a line (内蒙古: 一、 under “十五五”时期主要目标和2026年重点工作)
    plan = policyparse.parse_file(CORPORA / "provincial-2026" / "内蒙古自治区.txt", extract=False)
    assert [s.role for s in plan.sections if s.parent is None] == ["tasks"] * 4


def test_subsections_that_name_their_role_divide_a_chapter_that_names_none():
    """A five-year plan's first chapter (开启现代化建设新征程) holds its review (发展环境) and its goals
    (主要目标): numbers there are results and targets, not tasks. A chapter whose heading names its
    role keeps it; a long subsection heading with a cue word inside (加快发展基础工业) names none."""
    plan = policyparse.parse("XX市国民经济和社会发展第十五个五年规划纲要\n第一章 开启现代化建设新征程\n"
                             "第一节 发展环境\n“十四五”时期，全市地区生产总值年均增长6.2%。\n"
                             "第二节 主要目标\n到2030年，常住人口城镇化率达到72%。\n"
                             "第三节 加快发展基础工业的主要举措\n建成智能工厂50家。\n"
                             "第二章 建设现代化产业体系\n第一节 推动制造业高端化\n建成数字化车间200个。\n")
    assert [(n.heading, n.role) for n in plan.nodes_of("subsection")] == [
        ("发展环境", "review"), ("主要目标", "goals"), ("加快发展基础工业的主要举措", "tasks"),
        ("推动制造业高端化", "tasks")]
    assert [(q.surface, q.kind) for q in plan.quantities] == [
        ("6.2%", "achieved"), ("72%", "target"), ("50家", "target"), ("200个", "target")]


def test_a_chapter_on_how_a_sector_developed_in_a_year_is_a_review():
    """A province's yearly report on agriculture opens with the year's situation
    (一、2023年农业发展情况): a review, and its growth figures are results, not targets."""
    text = ("一、2023年农业发展情况\n（一）农业总产值稳定增长\n"
            "2023年全省农林牧渔业总产值3200亿元，增长4.1%。粮食总产量1250万吨，增长1.8%。\n"
            "二、2024年工作安排\n（一）稳定粮食生产\n粮食总产量稳定在1250万吨以上。\n")
    plan = policyparse.parse(text)
    assert [n.role for n in plan.nodes_of("section")] == ["review", "tasks"]
    assert [(q.value, q.kind) for q in plan.quantities] == [
        (3200, "achieved"), (4.1, "achieved"), (1250, "achieved"), (1.8, "achieved"), (1250, "target")]


def test_a_summary_and_plan_reviews_until_its_plan_begins():
    """A street office's 2016年工作总结和2017年工作安排: its divisions are a review, a part on its
    year's main work included (2016年主要工作, though 主要工作 names tasks elsewhere), until the
    plan begins (2017年工作安排); a village's 工作总结及工作计划 whose first parts name nothing
    (一、产业发展：…) reviews them too."""
    plan = policyparse.parse("五角场街道办事处2016年工作总结和2017年工作安排\n一、2016年主要工作\n完成社区实事项目10项。\n"
                             "二、存在问题\n三、2017年工作安排\n新建社区服务中心2个。\n四、保障措施\n")
    assert [n.role for n in plan.nodes_of("section")] == ["review", "review", "tasks", "tasks"]
    assert [(q.value, q.kind) for q in plan.quantities] == [(10, "achieved"), (2, "target")]
    village = policyparse.parse("某村2021年工作总结及2022年工作计划\n一、产业发展：村内有优质稻种植500余亩，新建养殖基地1个。\n"
                                "二、2022年工作计划\n新建冷库2座。\n")
    assert [n.role for n in village.nodes_of("section")] == ["review", "tasks"]
    assert [q.kind for q in village.quantities] == ["achieved", "achieved", "target"]


def test_sections_nothing_names_under_an_unnumbered_review_line_review():
    """A county's report heads its review with a line of its own (2009年工作回顾) over numbered
    sections whose headings name no role (一、经济实力进一步增强，…): they review, and their
    figures are results; the plan's line (2010年工作安排) opens the tasks."""
    text = ("政府工作报告\n各位代表：\n现在，我代表县人民政府向大会作政府工作报告，请予审议。\n2009年工作回顾\n"
            "2009年，全县生产总值实现107.86亿元，增长10.5%。\n"
            "一、经济实力进一步增强，发展质量有新提高\n工业发展后劲增强。全年实现工业总产值120.56亿元，增长8.7%。\n"
            "二、社会事业全面进步\n新建农村公路120公里。\n"
            "2010年工作安排\n一、加快工业发展\n全年工业增加值增长12%以上。\n")
    plan = policyparse.parse(text)
    assert [n.role for n in plan.sections] == ["review", "review", "tasks"]
    kind = {q.surface: q.kind for q in plan.quantities}
    assert kind["120.56亿元"] == kind["120公里"] == "achieved" and kind["12%以上"] == "target"
