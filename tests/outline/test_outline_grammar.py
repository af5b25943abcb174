"""Numbering grammars on small synthetic plans: every label style, nesting,
enumerations, warnings, and what is not a heading."""
from __future__ import annotations

import sys
import subprocess

import policyparse
from policyparse.model import HEADING_KINDS


def outline(text: str):
    return outline_with_meta(text, None)


def outline_with_meta(text: str, meta):
    plan = policyparse.parse(text, meta=meta)
    return [(n.kind, n.label, n.ordinal, n.heading) for n in plan.nodes_of(*HEADING_KINDS)], plan


def test_all_levels_with_line_breaks():
    text = ("某市2020年教育工作要点\n第一部分 总体要求\n一、指导思想\n（一）坚持党的领导\n1.加强学习。深入学习。\n"
            "（1）开展培训。\n（2）组织宣讲。\n2.推进改革。\n（二）深化改革\n二、主要任务\n第二部分 保障措施\n一、加强组织\n")
    got, plan = outline(text)
    assert [k for k, *_ in got] == ["part", "section", "subsection", "item", "subitem", "subitem", "item",
                                    "subsection", "section", "part", "section"]
    assert got[0] == ("part", "第一部分", 1, "总体要求")
    assert got[4] == ("subitem", "（1）", 1, "开展培训")
    parents = {n.label + str(n.ordinal): plan.node(n.parent).label if n.parent else None for n in plan.nodes_of(*HEADING_KINDS)}
    assert parents["（1）1"] == "1."
    assert plan.meta.year == 2020 and plan.meta.doc_type == "工作要点"


def test_run_in_plan_without_line_breaks():
    text = ("工作要点总体思路是:坚持改革。一、加强党的建设1.抓好学习。开展宣讲活动90.5%以上。2.推进改革。"
            "二、推进教育现代化3.建设学校。完成2017—2020年计划。4.培养教师。")
    got, plan = outline(text)
    assert got == [("section", "一、", 1, "加强党的建设"), ("item", "1.", 1, "抓好学习"), ("item", "2.", 2, "推进改革"),
                   ("section", "二、", 2, "推进教育现代化"), ("item", "3.", 3, "建设学校"), ("item", "4.", 4, "培养教师")]


def test_alternative_label_styles():
    got, _ = outline("标题\n一.总则\n1、第一项任务。\n2、第二项任务。\n①细则甲。\n②细则乙。\n二.附则\n")
    assert [(k, lab) for k, lab, *_ in got] == [("section", "一."), ("item", "1、"), ("item", "2、"),
                                                ("subitem", "①"), ("subitem", "②"), ("section", "二.")]
    got, _ = outline("标题\n(一)总则\n(1)第一项。\n(2)第二项。\n(二)附则\n")
    assert [(k, lab) for k, lab, *_ in got] == [("section", "(一)"), ("item", "(1)"), ("item", "(2)"), ("section", "(二)")]


def test_numbers_inside_sentences_are_not_headings():
    text = ("工作要点\n一、总体要求\n学习十九大、十九届三中全会精神，坚决做到“两个维护”。启动第二期计划，完成2.76万亿元。"
            "一、二季度完成。第1.5版发布。\n二、主要任务\n推进改革。\n")
    got, _ = outline(text)
    assert [lab for _, lab, *_ in got] == ["一、", "二、"]


def test_skipped_and_repeated_numbers_are_warnings():
    _, plan = outline("标题\n一、甲\n1.任务甲。\n2.任务乙。\n4.任务丁。\n4.任务丁又一次。\n二、乙\n")
    codes = [w.code for w in plan.warnings]
    assert "skipped-number" in codes and "repeated-number" in codes
    assert [n.ordinal for n in plan.items] == [1, 2, 4, 4]
    skipped = next(w for w in plan.warnings if w.code == "skipped-number")
    assert plan.text[slice(*skipped.span)] == "4."


def test_enumerations_inside_a_paragraph():
    plan = policyparse.parse("标题\n一、任务\n重点抓好三件事：一是抓学习，提高认识；二是抓改革；三是抓落实。其他照常。\n")
    enums = plan.nodes_of("enumeration")
    assert [(e.label, e.ordinal, e.heading) for e in enums] == [("一是", 1, "抓学习"), ("二是", 2, "抓改革"), ("三是", 3, "抓落实")]
    assert plan.span_text(enums[-1]) == "三是抓落实。"
    para = plan.node(enums[0].parent)
    assert para.kind == "paragraph"
    plan = policyparse.parse("标题\n首先，统一思想。其次，完善制度。最后，狠抓落实。")
    assert [(e.ordinal, e.heading) for e in plan.nodes_of("enumeration")] == [(1, "统一思想"), (2, "完善制度"), (3, "狠抓落实")]
    plan = policyparse.parse("标题\n主要做法：第一，加强领导；第二，完善机制。")
    assert [(e.label, e.heading) for e in plan.nodes_of("enumeration")] == [("第一", "加强领导"), ("第二", "完善机制")]


def test_plan_without_numbering_is_a_preamble_tree():
    plan = policyparse.parse("关于做好工作的通知\n各单位要高度重视。认真组织实施。\n确保取得实效。")
    assert [n.kind for n in plan.nodes if n.parent is None] == ["preamble"]
    assert len(plan.nodes_of("paragraph")) == 2 and len(plan.nodes_of("sentence")) == 3
    assert any(w.code == "no-numbering" for w in plan.warnings)
    assert plan.meta.doc_type == "通知"


def test_meta_override():
    got, plan = outline_with_meta("一、总体要求\n1.抓好学习。\n2.推进改革。", {"year": 2021, "region": "武汉市"})
    assert plan.meta.year == 2021 and plan.meta.region == "武汉市"
    # the override changes the metadata only, not the outline
    assert got == [("section", "一、", 1, "总体要求"), ("item", "1.", 1, "抓好学习"), ("item", "2.", 2, "推进改革")]
    (section,) = plan.sections
    assert section.parent is None
    assert [(c.kind, c.label) for c in plan.children(section) if c.kind in HEADING_KINDS] == [("item", "1."), ("item", "2.")]
    assert [plan.span_text(i) for i in plan.items] == ["1.抓好学习。", "2.推进改革。"]
    assert plan.meta.title is None  # a heading line is not a title


def test_import_is_light():
    code = ("import sys, policyparse; "
            "heavy = [m for m in ('regex', 'numpy', 'cn2an', 'opencc', 'charset_normalizer', 'policyparse.pipeline') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_plan_repr_is_a_summary(bundled_plan):
    r = repr(bundled_plan)
    assert r.startswith("Plan(title='市教育局党委市教育局2019年工作要点', year=2019,")
    assert "sections=5" in r and "items=27" in r
    assert len(r) < 200


def test_a_heading_line_is_not_a_title():
    got, plan = outline("一、总体要求\n二、主要任务\n三、保障措施")
    assert plan.meta.title is None
    assert [lab for _, lab, *_ in got] == ["一、", "二、", "三、"]


def test_a_sentence_is_not_a_title():
    plan = policyparse.parse("为贯彻落实国家教育规划纲要精神，制定本方案。一、总体要求1.抓好学习。2.推进改革。")
    assert plan.meta.title is None and plan.meta.doc_type is None


def test_a_number_in_brackets_is_not_a_label():
    got, _ = outline("标题\n一、总体要求（见附件1）\n1.抓好学习。\n2.推进改革。")
    assert got == [("section", "一、", 1, "总体要求（见附件1）"), ("item", "1.", 1, "抓好学习"), ("item", "2.", 2, "推进改革")]


def test_an_item_label_before_a_year_is_a_label_not_a_decimal():
    """1.2017年政府工作报告: item 1. on a year (a university's study list), not the number 1.2017;
    1.2个百分点 stays a number."""
    got, _ = outline("XX大学党委2017年学习安排\n一、学习内容\n1.2017年政府工作报告；\n2.新学期工作会议讲话；\n"
                     "3.增长1.2个百分点的经验。\n")
    assert [g[:3] for g in got] == [("section", "一、", 1), ("item", "1.", 1), ("item", "2.", 2), ("item", "3.", 3)]


def test_a_title_repeated_on_its_own_line_is_debris():
    t = "市教育局2019年工作要点"
    plan = policyparse.parse(f"{t} {t} {t}\n一、总体要求\n1.抓好学习。\n二、保障措施\n2.加强领导。")
    assert plan.meta.title == t
    dropped = [w for w in plan.warnings if w.code == "dropped-debris"]
    assert len(dropped) == 1 and dropped[0].text.split() == [t, t]
    assert [n.label for n in plan.nodes_of("section", "item")] == ["一、", "1.", "二、", "2."]
