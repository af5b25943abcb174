"""Comparing plans: the bundled plan against a copy edited inside the test.

The copy is rebuilt from the parsed outline with known edits (items moved
within and across sections, two reworded, one deleted, one added, one split
in two, one target raised, items renumbered throughout); the diff must
recover exactly those edits and nothing else.
"""
from __future__ import annotations

import json

import pytest

import policyparse
from policyparse.compare.diff import phrase_changes

from support import gwr_path


def _outline(plan):
    """The plan as editable parts: preamble, then per section its heading text and item bodies."""
    sections = []
    for s in plan.sections:
        items = [n for n in plan.children(s) if n.kind == "item"]
        head = plan.text[s.span[0] + len(s.label):items[0].span[0]]
        bodies = {n.heading: plan.text[n.span[0] + len(n.label):n.span[1]] for n in items}
        sections.append([s.label, head, bodies])
    return plan.text[:plan.sections[0].span[0]], sections


def _render(preamble, sections):
    out, k = [preamble], 0
    for label, head, bodies in sections:
        out.append(label + head)
        for body in bodies.values():
            k += 1
            out.append(f"{k}.{body}")
    return "".join(out)


@pytest.fixture(scope="module")
def edited(bundled_plan):
    preamble, sections = _outline(bundled_plan)
    one, two, three, four, five = (s[2] for s in sections)
    # moved within a section (to its end) and across sections
    one["深入研究我市教育现代化中长期发展战略"] = one.pop("深入研究我市教育现代化中长期发展战略")
    four["健全中小学生近视眼防控体系"] = three.pop("健全中小学生近视眼防控体系")
    # two reworded
    two["推进基层党建创新"] = two["推进基层党建创新"].replace("推进基层党建创新", "深化基层党建创新", 1)
    four["积极发展成人继续教育"] = four["积极发展成人继续教育"].replace(
        "积极发展成人继续教育。", "积极发展成人继续教育和社区教育。办好社区学院。", 1)
    # deleted, added
    del three["探索建立基础教育成果遴选机制"]
    five["加强教师队伍建设"] = "加强教师队伍建设。实施名师培养工程,建设一批名师工作室,培养骨干教师和学科带头人。"
    # split in two at a sentence boundary
    body = four["大力发展公益普惠性学前教育"]
    cut = body.index("。", len(body) // 2) + 1
    items = list(four.items())
    at = [k for k, _ in items].index("大力发展公益普惠性学前教育")
    items[at:at + 1] = [("a", body[:cut]), ("b", body[cut:])]
    sections[3][2] = dict(items)
    # a target raised
    sections[3][2]["促进普通高中优质特色多样化发展"] = sections[3][2]["促进普通高中优质特色多样化发展"].replace("98.5%", "99%", 1)
    text = _render(preamble, sections)
    return policyparse.parse(text, source="edited copy")


@pytest.fixture(scope="module")
def d(bundled_plan, edited):
    return policyparse.diff(bundled_plan, edited)


def _items(d, status):
    return sorted((c.old_heading, c.new_heading) for c in d.alignment if c.kind == "item" and c.status == status)


def test_the_edited_copy_was_built_as_intended(bundled_plan, edited):
    assert len(edited.items) == len(bundled_plan.items) + 1  # -1 deleted, +1 added, +1 from the split
    assert [n.label for n in edited.items] == [f"{k}." for k in range(1, 29)]


def test_items_moved(d):
    assert _items(d, "moved") == [("健全中小学生近视眼防控体系",) * 2, ("深入研究我市教育现代化中长期发展战略",) * 2]


def test_items_reworded_with_their_changes(d):
    reworded = {c.old_heading: c for c in d.reworded if c.kind == "item"}
    assert sorted(reworded) == ["促进普通高中优质特色多样化发展", "推进基层党建创新", "积极发展成人继续教育"]
    party = reworded["推进基层党建创新"]
    assert party.new_heading == "深化基层党建创新" and not party.moved
    assert [(c.field, c.old, c.new) for c in party.changes] == [("verb", "推进", "深化")]
    assert [p.text for p in party.added] == ["深化"] and [p.text for p in party.removed] == ["推进"]
    adult = reworded["积极发展成人继续教育"]
    assert "".join(p.text for p in adult.added) == "和社区教育。办好社区学院"
    assert adult.removed == []
    for c in d.reworded:  # every phrase carries its span in its own text
        for p in c.added:
            assert d.new.text[p.span[0]:p.span[1]] == p.text
        for p in c.removed:
            assert d.old.text[p.span[0]:p.span[1]] == p.text
    assert 0.3 < party.similarity < 1


def test_item_removed_added_and_split(d, edited):
    assert _items(d, "removed") == [("探索建立基础教育成果遴选机制", None)]
    assert _items(d, "added") == [(None, "加强教师队伍建设")]
    split = [c for c in d.alignment if c.status == "split"]
    assert {c.old_heading for c in split} == {"大力发展公益普惠性学前教育"}
    halves = sorted(edited.node(c.new).span for c in split)
    assert len(halves) == 2 and halves[0][1] == halves[1][0]


def test_everything_else_unchanged(d, bundled_plan):
    assert d.summary("section") == {"unchanged": 5}
    assert d.summary("item") == {"unchanged": 20, "reworded": 3, "moved": 2, "split": 2, "added": 1, "removed": 1}
    assert d.summary("preamble") == {"unchanged": 1}


def test_the_raised_target(d):
    changed = [t for t in d.target_changes if t.status != "unchanged"]
    assert [(t.indicator, t.old.surface, t.new.surface, t.delta, t.changes) for t in changed] == [
        ("高中阶段教育毛入学率", "98.5%", "99%", 0.5, ["value"])]  # 确保高中阶段教育毛入学率达到98.5%
    assert len(d.target_changes) == 14


def test_json_has_the_documented_keys(d):
    data = json.loads(json.dumps(d.to_dict(), ensure_ascii=False))
    assert set(data) >= {"old", "new", "alignment", "target_changes"}
    assert data["old"]["title"] == data["new"]["title"] == "市教育局党委市教育局2019年工作要点"
    line = data["alignment"][0]
    assert set(line) >= {"old", "new", "status", "similarity"}
    change = next(t for t in data["target_changes"] if t["status"] == "changed")
    assert change["old"]["value"] == 98.5 and change["new"]["value"] == 99 and change["delta"] == 0.5


def test_a_plan_against_itself_is_all_unchanged(bundled_plan):
    d = policyparse.diff(bundled_plan, bundled_plan)
    assert set(d.summary()) == {"unchanged"}
    assert {t.status for t in d.target_changes} == {"unchanged"}


def test_phrases_are_words_with_spans():
    added, removed = phrase_changes("推进教育改革", (0, 6), "深化教育改革", (0, 6))
    assert [(p.text, p.span) for p in added] == [("深化", (0, 2))]
    assert [(p.text, p.span) for p in removed] == [("推进", (0, 2))]


def test_diff_takes_paths_and_refuses_other_things():
    d = policyparse.diff(gwr_path(2018), gwr_path(2019))
    assert d.old.meta.year == 2018 and d.new.meta.year == 2019
    with pytest.raises(TypeError, match="parsed plans or file paths"):
        policyparse.diff(1, 2)


# --- restyled copies: a diff sees content, not layout ------------------------------------------
from variants import LINES, VARIANTS, parse_variant  # noqa: E402

LAYOUT_ONLY = [n for n in VARIANTS if n.split("-")[0] in {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}]


@pytest.fixture(scope="module")
def lines_plan(tmp_path_factory):
    return parse_variant(LINES, tmp_path_factory.mktemp("lines"))


@pytest.mark.parametrize("name", LAYOUT_ONLY)
def test_restyled_copy_is_unchanged(lines_plan, name, tmp_path):
    """Line breaks, wrapping, label styles, full-width digits, traditional script,
    encodings, scraping debris, renumbering and an inserted grouping level change
    no item and no target."""
    d = policyparse.diff(lines_plan, parse_variant(VARIANTS[name], tmp_path))
    assert d.summary("item") == {"unchanged": 27}
    assert d.summary("section") == {"unchanged": 5}
    assert {t.status for t in d.target_changes} == {"unchanged"} and len(d.target_changes) == 14


def test_removed_sections_leave_items_in_place(lines_plan, tmp_path):
    d = policyparse.diff(lines_plan, parse_variant(VARIANTS["10-no-sections-lines"], tmp_path))
    assert d.summary("section") == {"removed": 5}
    assert d.summary("item") == {"unchanged": 27}


def test_added_sentences_are_the_added_phrases(lines_plan, tmp_path):
    d = policyparse.diff(lines_plan, parse_variant(VARIANTS["11-noise-lines"], tmp_path))
    assert d.summary("item") == {"reworded": 27}
    assert all(not c.removed and c.added for c in d.alignment if c.kind == "item")
    assert "".join(p.text for c in d.alignment if c.kind == "item" for p in c.added).count("新中国成立70周年") >= 1


def test_plans_without_numbered_headings_align_paragraph_by_paragraph():
    old = policyparse.parse("各位代表：\n去年国内生产总值增长10%。\n今年要推进改革，国内生产总值增长8%左右。\n我们一定能完成任务。")
    new = policyparse.parse("各位代表：\n去年国内生产总值增长9%。\n今年要深化改革，国内生产总值增长7%左右。\n"
                            "要加强环境保护。\n我们一定能完成任务。")
    d = policyparse.diff(old, new)
    lines = [(c.status, c.old_heading, c.new_heading) for c in d.alignment if c.kind == "paragraph"]
    assert ("unchanged", "我们一定能完成任务。", "我们一定能完成任务。") in lines
    assert ("added", None, "要加强环境保护。") in lines
    assert d.summary("preamble") == {"unchanged": 1}  # its first paragraph; the others are units of their own
    reform = next(c for c in d.alignment if c.kind == "paragraph" and "改革" in (c.new_heading or ""))
    assert [(f.field, f.old, f.new) for f in reform.changes] == [("verb", "推进", "深化")]
    growth = next(t for t in d.target_changes if t.status == "changed")
    assert (growth.old.value, growth.new.value, growth.delta) == (8, 7, -1)
