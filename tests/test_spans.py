"""Every node's span slices the normalised text to its content, and its raw
span slices the decoded file to the same content before normalisation
(``assert_spans`` in support.py), on real documents and on synthetic edge cases."""
from __future__ import annotations

import re

import pytest

import policyparse
from support import BUNDLED, HEADING_KINDS, assert_spans, gwr_path

#: resolved inside the tests, so that a missing corpus never fails at import time
DOCS = ["bundled", 1957, 1998, 2017, 2019]


def _path(doc):
    return BUNDLED if doc == "bundled" else gwr_path(doc)


@pytest.mark.parametrize("doc", DOCS, ids=str)
def test_spans_and_raw_spans(doc):
    path = _path(doc)
    plan = policyparse.parse_file(path)
    assert plan.raw_text == policyparse.read(path).text
    # every kind below the headings is there to be checked
    assert {n.kind for n in plan.nodes} >= {"preamble", "section", "paragraph", "sentence"}
    assert_spans(plan)


@pytest.mark.parametrize("doc", DOCS, ids=str)
def test_tree_is_well_formed(doc):
    plan = policyparse.parse_file(_path(doc))
    ids = [n.id for n in plan.nodes]
    assert ids == [f"n{i}" for i in range(len(ids))]
    by_id = {n.id: n for n in plan.nodes}
    starts = [n.span[0] for n in plan.nodes]
    assert starts == sorted(starts)  # document order
    for n in plan.nodes:
        if n.parent is None:
            continue
        p = by_id[n.parent]
        assert p.span[0] <= n.span[0] and n.span[1] <= p.span[1], (p, n)
        assert ids.index(p.id) < ids.index(n.id)
    # siblings do not overlap
    kids: dict = {}
    for n in plan.nodes:
        kids.setdefault(n.parent, []).append(n)
    for group in kids.values():
        for a, b in zip(group, group[1:]):
            assert a.span[1] <= b.span[0], (a, b)


def test_sentences_cover_the_body_of_the_bundled_plan(bundled_plan):
    covered = set()
    for n in bundled_plan.nodes_of("sentence"):
        covered.update(range(*n.span))
    first = bundled_plan.nodes_of("preamble")[0].span[0]
    body = [i for i in range(first, len(bundled_plan.text)) if not bundled_plan.text[i].isspace()]
    labels = set()
    for n in bundled_plan.nodes_of("section", "item"):
        labels.update(range(n.span[0], n.span[0] + len(n.label)))
    missing = [i for i in body if i not in covered and i not in labels]
    assert missing == []


def test_item_sentences_of_the_bundled_plan(bundled_plan):
    item1 = bundled_plan.items[0]
    sentences = [bundled_plan.span_text(s) for s in bundled_plan.nodes_of("sentence")
                 if item1.span[0] <= s.span[0] < item1.span[1]]
    assert sentences[0] == "抓好全国教育大会精神的学习宣传。"
    assert len(sentences) == 4
    assert sentences[-1].endswith("努力办人民满意的教育。")


def test_plan_maps_any_span_back_to_the_raw_text():
    plan = policyparse.parse_file(gwr_path(1998))
    assert_spans(plan)
    # "1 9 9 8 年" in the file is "1998年" in the text; find it with a regex
    m = re.search(r"关于1998年政府工作的建议", plan.text)
    rs, re_ = plan.raw_span(m.start(), m.end())
    assert plan.raw_text[rs:re_] == "关于1 9 9 8 年政府工作的建议"
    loaded = policyparse.Plan.from_json(plan.to_json())
    with pytest.raises(ValueError, match="no offset map"):
        loaded.raw_span(0, 1)


# --- synthetic edge cases -----------------------------------------------------------------------
PLAN_LINES = ["2020年工作要点", "一、总体要求", "1.抓好学习。深入推进改革。", "2.推进改革。", "二、保障措施", "3.加强领导。"]
PLAN_TEXT = "\n".join(PLAN_LINES)
PLAN_OUTLINE = [("section", "一、", 1, "总体要求"), ("item", "1.", 1, "抓好学习"), ("item", "2.", 2, "推进改革"),
                ("section", "二、", 2, "保障措施"), ("item", "3.", 3, "加强领导")]


def _outline(plan):
    return [(n.kind, n.label, n.ordinal, n.heading) for n in plan.nodes_of(*HEADING_KINDS)]


def _raw_of(plan, node) -> str:
    return plan.raw_text[slice(*node.raw_span)]


def test_cr_only_line_ends():
    raw = PLAN_TEXT.replace("\n", "\r") + "\r"
    plan = policyparse.parse(raw)
    assert_spans(plan)
    assert plan.text == PLAN_TEXT + "\n"
    assert plan.raw_text == raw
    assert _outline(plan) == PLAN_OUTLINE
    # one character for one: every raw span is the span, its text with CR for LF
    for n in plan.nodes:
        assert n.raw_span == n.span, n
        assert _raw_of(plan, n) == plan.span_text(n).replace("\n", "\r"), n
    item1 = plan.items[0]
    assert _raw_of(plan, item1) == "1.抓好学习。深入推进改革。"
    # a blank-line layout with CR only, and a word broken by a stray CR
    raw = "\r\r".join(PLAN_LINES).replace("深入推进", "深入推\r进") + "\r\r"
    plan = policyparse.parse(raw)
    assert_spans(plan)
    assert _outline(plan) == PLAN_OUTLINE
    assert plan.span_text(plan.items[0]) == "1.抓好学习。深入推进改革。"
    assert _raw_of(plan, plan.items[0]) == "1.抓好学习。深入推\r进改革。"


def test_html_entities():
    raw = ("2020年工作要点\n一、总体要求&nbsp;&nbsp;\n1.落实&ldquo;双减&rdquo;政策。&nbsp;加强管理。\n"
           "2.推进&ldquo;改革&rdquo;。\n二、保障措施\n3.加强领导。&nbsp;")
    plan = policyparse.parse(raw)
    assert_spans(plan)
    # (the space an entity left inside a line of prose goes, as a PDF's does: 政策。加强)
    assert plan.text == ("2020年工作要点\n一、总体要求  \n1.落实“双减”政策。加强管理。\n"
                         "2.推进“改革”。\n二、保障措施\n3.加强领导。 ")
    assert _outline(plan) == [("section", "一、", 1, "总体要求"), ("item", "1.", 1, "落实“双减”政策"),
                              ("item", "2.", 2, "推进“改革”"), ("section", "二、", 2, "保障措施"),
                              ("item", "3.", 3, "加强领导")]
    item1, item2, item3 = plan.items
    assert _raw_of(plan, item1) == "1.落实&ldquo;双减&rdquo;政策。&nbsp;加强管理。"
    assert _raw_of(plan, item2) == "2.推进&ldquo;改革&rdquo;。"
    assert _raw_of(plan, item3) == "3.加强领导。"  # the trailing &nbsp; is outside the node
    sentences = [(plan.span_text(s), _raw_of(plan, s)) for s in plan.nodes_of("sentence")
                 if item1.span[0] <= s.span[0] < item1.span[1]]
    assert sentences == [("落实“双减”政策。", "落实&ldquo;双减&rdquo;政策。"), ("加强管理。", "加强管理。")]
    assert plan.text[slice(*item1.heading_span)] == "落实“双减”政策"


def test_zero_width_characters_between_words():
    raw = ("2020年工作\u200b要点\n\u200b一、总体\u200b要求\n1.抓好\u200b学习。深入\u200c推进\u200d改革。\u200b\n"
           "2.推进\ufeff改革。\n二、保障\u2060措施\n3.加强\u00ad领导。\u200b")
    plan = policyparse.parse(raw)
    assert_spans(plan)
    assert plan.text == PLAN_TEXT
    assert plan.meta.title == "2020年工作要点"
    assert _outline(plan) == PLAN_OUTLINE
    item1 = plan.items[0]
    assert _raw_of(plan, item1) == "1.抓好\u200b学习。深入\u200c推进\u200d改革。"
    sec1 = plan.sections[0]
    assert _raw_of(plan, sec1).startswith("一、总体\u200b要求")  # the ZWSP before the label is not in the node
    assert plan.text[slice(*sec1.heading_span)] == "总体要求"


def test_title_only_text():
    for raw in ("2020年工作要点", "2020年工作要点\r\n", "\u200b2020年工作\u200b要点&nbsp;"):
        plan = policyparse.parse(raw)
        assert_spans(plan)
        assert plan.meta.title == "2020年工作要点" and plan.meta.year == 2020
        assert plan.nodes == []
        assert [w.code for w in plan.warnings] == ["no-numbering"]
        assert plan.raw_text == raw


def test_label_at_the_very_end_of_the_text():
    for raw, last in [
        ("2020年工作要点\n一、总体要求\n1.抓好学习。\n2.推进改革。\n二、", ("section", "二、", 2, None)),
        ("2020年工作要点\r\n一、总体要求\r\n1.抓好学习。\r\n2.推进改革。\r\n二、\r\n", ("section", "二、", 2, None)),
        ("2020年工作要点\n一、总体要求\n1.抓好学习。\n2.推进改革。\n二、&nbsp;\u200b", ("section", "二、", 2, None)),
        ("2020年工作要点\n一、总体要求\n1.抓好学习。\n2.", ("item", "2.", 2, None)),
    ]:
        plan = policyparse.parse(raw)
        assert_spans(plan)
        got = _outline(plan)
        assert got[-1] == last, raw
        end = plan.nodes_of(*HEADING_KINDS)[-1]
        assert plan.span_text(end) == last[1]
        assert _raw_of(plan, end) == last[1]
        assert end.heading_span is None
        assert plan.children(end) == []


def test_traditional_script():
    raw = "市教育局2019年工作要點\n一、總體要求\n1.抓好學習。深入推進改革，堅持穩中求進。\n2.加強黨的建設。\n二、保障措施\n3.加強組織領導。"
    plan = policyparse.parse(raw)
    assert_spans(plan)
    assert plan.text == ("市教育局2019年工作要点\n一、总体要求\n1.抓好学习。深入推进改革，坚持稳中求进。\n"
                         "2.加强党的建设。\n二、保障措施\n3.加强组织领导。")
    assert plan.meta.title == "市教育局2019年工作要点"
    assert _outline(plan) == [("section", "一、", 1, "总体要求"), ("item", "1.", 1, "抓好学习"),
                              ("item", "2.", 2, "加强党的建设"), ("section", "二、", 2, "保障措施"),
                              ("item", "3.", 3, "加强组织领导")]
    # character for character: the raw span of each node is its span, in the file's script
    for n in plan.nodes:
        assert n.raw_span == n.span, n
    assert _raw_of(plan, plan.items[1]) == "2.加強黨的建設。"


@pytest.mark.parametrize("layout", ["lines", "oneline"])
def test_debris_title_repeated_and_footer(layout):
    title = "市教育局2019年工作要点"
    sep = "\n" if layout == "lines" else ""
    body = sep.join(PLAN_LINES[1:])
    raw = sep.join([title] * 3 + [body, "责任编辑：张三"])
    plan = policyparse.parse(raw)
    assert_spans(plan)
    assert plan.text == title + sep + body
    assert plan.meta.title == title
    assert _outline(plan) == PLAN_OUTLINE
    codes = [w.code for w in plan.warnings]
    assert codes == ["dropped-debris", "dropped-boilerplate"]
    for w in plan.warnings:  # what was dropped is recorded where it was in the file
        assert _squash(raw[slice(*w.raw_span)]) == _squash(w.text)
    assert "责任编辑" in plan.warnings[1].text
    # the nodes map to the full copy of the text, after the repeated titles
    first = plan.nodes_of(*HEADING_KINDS)[0]
    assert first.raw_span[0] == raw.index("一、总体要求") >= 3 * len(title)
    assert all(n.raw_span[1] <= raw.index("责任编辑") for n in plan.nodes)


def _squash(s: str) -> str:
    return "".join(s.split())
