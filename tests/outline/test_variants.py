"""Restyled variants of the bundled plan must yield the gold outline.

The library is judged on restyled copies of documents it has never seen, so
these tests rebuild the bundled plan (corpora/edu-bureau-2019.txt, a scraped
one-line page) in other layouts, label styles, scripts and encodings, and
check that the outline stays exactly the gold one
(tests/gold/edu_bureau_2019_outline.json), apart from what a variant changes
on purpose (item labels, restarted ordinals, inserted subsections).

Every variant is built programmatically from the parsed original: the title,
the preamble, each section's heading text and each item's text are taken
from ``plan.raw_text`` through the nodes' ``raw_span`` (so they are the
file's own characters, not the normalised ones), then laid out again.

Labels and headings are compared after the library's normalisation: a
variant that writes ``１９．`` expects the label ``19.`` (what
``policyparse.ingest.normalize.normalize`` makes of it), and headings are always the
gold strings.
"""
from __future__ import annotations

import pytest

import policyparse
from policyparse.ingest.normalize import normalize
from support import HEADING_KINDS, assert_spans
from variants import VARIANTS, WRAP, parse_variant, render, source


def _outline(plan: policyparse.Plan) -> list[tuple]:
    out = []
    for n in plan.nodes_of(*HEADING_KINDS):
        path = []
        p = n.parent
        while p is not None:
            pn = plan.node(p)
            if pn.kind in HEADING_KINDS:
                path.append(pn.label)
            p = pn.parent
        out.append((n.kind, n.label, n.ordinal, "/".join(reversed(path)) or None, n.heading))
    return out


def _squash(s: str) -> str:
    return "".join(s.split())


# --- sanity of the variants themselves -------------------------------------------------
def test_source_is_the_gold_plan():
    src = source()
    assert len(src.sections) == 5
    assert [len(s.items) for s in src.sections] == [4, 7, 7, 7, 2]
    assert [i.num for s in src.sections for i in s.items] == list(range(1, 28))


WRAP_VARIANTS = [name for name in VARIANTS if name.startswith("3-")]


@pytest.mark.parametrize("name", WRAP_VARIANTS)
def test_wrap_variants_are_hard_wrapped_inside_words(name):
    text, _ = render(VARIANTS[name])
    lines = text.rstrip("\n").split("\n")
    assert max(len(ln) for ln in lines) == WRAP
    cuts = [(a[-1], b[0]) for a, b in zip(lines, lines[1:]) if len(a) >= WRAP - VARIANTS[name].first_short]
    assert sum(1 for x, y in cuts if "\u4e00" <= x <= "\u9fff" and "\u4e00" <= y <= "\u9fff") > 20


def test_wrap_variants_break_inside_90_5():
    cut = set()
    for name in WRAP_VARIANTS:
        lines = render(VARIANTS[name])[0].split("\n")
        for a, b in zip(lines, lines[1:]):
            for i in range(1, 5):
                if a.endswith("90.5%"[:i]) and b.startswith("90.5%"[i:]):
                    cut.add(i)
    assert cut == {1, 2, 3, 4}
    # and inside other numbers (2019, 2035, 10—15, 2017—2020)
    indented = render(VARIANTS["3-wrap38-indented"])[0].split("\n")
    assert any(a[-1].isdigit() and b[0].isdigit() for a, b in zip(indented, indented[1:]))


def test_variant_texts_differ_from_each_other():
    texts = {name: render(style)[0] for name, style in VARIANTS.items()}
    assert len(set(texts.values())) == len(texts)


# --- the variants ---------------------------------------------------------------------
@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_outline(name, tmp_path):
    style = VARIANTS[name]
    _, expected = render(style)
    plan = parse_variant(style, tmp_path)
    assert _outline(plan) == expected
    assert_spans(plan)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_spans(name, tmp_path):
    style = VARIANTS[name]
    plan = parse_variant(style, tmp_path)
    raw = plan.raw_text
    assert raw is not None
    assert raw == render(style)[0]
    assert_spans(plan)  # every node, of every kind
    bad = []
    for n in plan.nodes_of(*HEADING_KINDS):
        content = plan.text[slice(*n.span)]
        if not content.startswith(n.label):
            bad.append(("span does not start with the label", n.label, content[:20]))
        rs, re_ = n.raw_span
        again = _squash(normalize(raw[rs:re_], drop_debris=False).text)
        if again != _squash(content):
            bad.append(("raw_span does not normalise to the span", n.label, again[:30], _squash(content)[:30]))
        if n.heading is not None and plan.text[slice(*n.heading_span)] != n.heading:
            bad.append(("heading_span does not slice the heading", n.label, n.heading))
        if "责任编辑" in content or "打印本页" in content:
            bad.append(("page footer inside a heading node", n.label, content[-30:]))
    assert bad == []
