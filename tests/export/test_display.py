"""Plan._repr_html_: escaped, complete, collapsible, marked, and of a size that grows with the text."""
from __future__ import annotations

import html
import re

import policyparse
from policyparse.export.display import DIVISION_KINDS, marks
from support import gwr_path

TAG = re.compile(r"<[^>]+>")


def _outline_part(page: str) -> str:
    return page[page.index("<summary>Outline</summary>"):page.index("<summary>Targets")]


COUNTS = re.compile(r'<span class="pp-count">[^<]*</span>')


def _visible(fragment: str) -> str:
    """The document text a browser shows of a fragment (without the counts of
    tasks beside the headings), without whitespace."""
    return "".join(html.unescape(TAG.sub("", COUNTS.sub("", fragment))).split())


def test_document_text_is_escaped():
    text = ('关于<script>alert("x")</script>的工作要点\n一、总体要求<b>加粗</b>\n'
            '1.推进“<script>”改革，确保覆盖率达到90%以上。\n2.抓好<img src=x onerror="alert(1)">建设。')
    plan = policyparse.parse(text)
    page = plan._repr_html_()
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page  # the title, as text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "一、总体要求&lt;b&gt;加粗&lt;/b&gt;" not in page  # the label is apart from the heading …
    assert "总体要求&lt;b&gt;加粗&lt;/b&gt;" in page  # … which is escaped like the rest
    # nothing lost: every division's text is shown
    for node in plan.nodes_of("item"):
        assert "".join(plan.span_text(node).split()) in _visible(page)


def test_outline_is_collapsible_and_complete(bundled_plan):
    page = bundled_plan._repr_html_()
    divisions = bundled_plan.nodes_of(*DIVISION_KINDS)
    assert page.count("<details>") == len(divisions)  # closed: a plan opens as its list of sections
    assert page.count("<details open>") == 2  # the outline and the targets table
    assert page.count("<details") == page.count("</details>")
    shown = _visible(_outline_part(page))
    for node in divisions:  # the whole text of every division is there, in order
        assert "".join(bundled_plan.span_text(node).removeprefix(node.label or "").split()) in shown
    item = bundled_plan.items[0]
    assert f'<span class="pp-label">{item.label}</span>' in page


def test_facts_are_marked_inline(bundled_plan):
    page = bundled_plan._repr_html_()
    outline = _outline_part(page)
    body = bundled_plan.nodes[0].span[0]  # the title is in the header, unmarked
    kept = [m for m in marks(bundled_plan) if m[0] >= body]
    # counted from the plan's records, not from marks(): in this plan no two facts overlap,
    # so every target, actor mention and task verb of the body is marked once
    verbs = [t.verb_span for t in bundled_plan.tasks if t.verb_span and t.verb_span[0] >= body]
    mentions = [m for a in bundled_plan.actors for m in a.mentions if m[0] >= body]
    assert outline.count('<mark class="pp-target"') == len([q for q in bundled_plan.targets if q.span[0] >= body]) == 14
    assert outline.count('<mark class="pp-actor"') == len(mentions) > 10
    assert outline.count('<mark class="pp-verb"') == len(verbs) > 200
    # and each mark holds the text of its fact
    marked = re.findall(r'<mark class="pp-verb"[^>]*>([^<]*)</mark>', outline)
    assert sorted(marked) == sorted(bundled_plan.text[s:e] for s, e in verbs)
    assert len(kept) == len(verbs) + len(mentions) + 14 + sum(
        1 for r in bundled_plan.references if r.kind == "document" and r.span[0] >= body)
    assert '<mark class="pp-target" title="全市学前三年教育毛入学率 ≥ 90.5 % (target, aspirational)">90.5%以上</mark>' in outline
    assert re.search(r'<mark class="pp-verb" title="verb \([a-z_]+\): 市委 leader, 市政府 leader[^"]*">', outline)
    # marks never overlap
    kept_spans = sorted((s, e) for s, e, *_ in kept)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(kept_spans, kept_spans[1:]))


def test_targets_table(bundled_plan):
    page = bundled_plan._repr_html_()
    table = page[page.index("<summary>Targets (14)</summary>"):]
    assert table.count("<tr>") == 15  # header and one row per target
    assert "<td>全市学前三年教育毛入学率</td><td>≥ 90.5</td><td>%</td><td>aspirational</td>" in table
    assert "<td>10-15</td><td>所</td>" in table


def test_a_long_report_stays_proportionate():
    plan = policyparse.parse_file(gwr_path(2019))
    page = plan._repr_html_()
    size = len(page.encode("utf-8"))
    text = len(plan.text.encode("utf-8"))
    # the text once, escaped, plus a short tag per fact: well under three times the text
    assert text < size < 3 * text
    assert page.count("<details>") == len(plan.nodes_of(*DIVISION_KINDS))
