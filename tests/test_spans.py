"""Every node's span slices the normalised text to its content, and its raw
span slices the decoded file to the same content before normalisation."""
from __future__ import annotations

import pytest

import policyparse
from policyparse.normalize import normalize
from conftest import BUNDLED, gwr_path

DOCS = [BUNDLED, gwr_path(1957), gwr_path(1998), gwr_path(2017), gwr_path(2019)]


def _squash(s: str) -> str:
    return "".join(s.split())


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_spans_and_raw_spans(path):
    plan = policyparse.parse_file(path)
    raw = plan.raw_text
    assert raw == policyparse.read(path).text
    for n in plan.nodes:
        s, e = n.span
        assert 0 <= s < e <= len(plan.text), n
        content = plan.text[s:e]
        assert content == content.strip(), n  # no surrounding whitespace
        if n.kind == "sentence" or n.label:
            rs, re_ = n.raw_span
            assert 0 <= rs < re_ <= len(raw)
            # the raw slice normalises to the same content
            assert _squash(normalize(raw[rs:re_], drop_debris=False).text) == _squash(content), n
        if n.heading is not None:
            hs, he = n.heading_span
            assert plan.text[hs:he] == n.heading


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_tree_is_well_formed(path):
    plan = policyparse.parse_file(path)
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
    # "1 9 9 8 年" in the file is "1998年" in the text; find it with a regex
    import re

    m = re.search(r"关于1998年政府工作的建议", plan.text)
    rs, re_ = plan.raw_span(m.start(), m.end())
    assert plan.raw_text[rs:re_] == "关于1 9 9 8 年政府工作的建议"
    loaded = policyparse.Plan.from_json(plan.to_json())
    with pytest.raises(ValueError, match="no offset map"):
        loaded.raw_span(0, 1)
