"""A parsed plan as HTML, for Jupyter (``Plan._repr_html_``).

:func:`to_html` gives one self-contained fragment (inline CSS, no JavaScript):

* a header: title, year, genre, issuers and the counts of the outline and facts;
* the **outline**, collapsible: every numbered division (and the preamble) is a
  ``<details>`` element whose summary is its label and heading, closed, so a
  long report opens as its list of sections; inside, the division's own text
  with **targets**, **actors**' mentions, task **verbs** and cited **documents**
  marked (``<mark class="pp-target">`` …, the fact in a tooltip), then its
  subdivisions;
* a compact table of the **targets**.

Every piece of document text goes through :func:`html.escape`, so a plan whose
text contains markup (``<script>``) shows it as text. The size grows linearly
with the text: the text once, plus one short tag per fact.

Example:
    >>> import policyparse
    >>> html = to_html(policyparse.parse("一、总体要求\\n1.市教育局推进改革，确保覆盖率达到90%以上。"))
    >>> '<mark class="pp-target" title="覆盖率 ≥ 90 % (target, binding)">90%以上</mark>' in html
    True
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Optional

from ..model import HEADING_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Node, Plan, Quantity

#: the kinds shown as collapsible divisions; paragraphs, enumerations and sentences are text inside them
DIVISION_KINDS = ("preamble", *HEADING_KINDS)

#: the facts marked in the text, by CSS class, in the order they win an overlap (longer spans first anyway)
MARK_CLASSES = ("pp-target", "pp-doc", "pp-actor", "pp-verb")

_CSS = """
.pp-plan{font-family:inherit;line-height:1.6;max-width:60em}
.pp-plan .pp-head{font-weight:bold;font-size:1.1em}
.pp-plan .pp-meta{color:#555;margin-bottom:.4em}
.pp-plan details{margin-left:1.2em}
.pp-plan details>summary{cursor:pointer}
.pp-plan .pp-label{color:#666;margin-right:.3em}
.pp-plan .pp-count{color:#888;font-size:.85em;margin-left:.5em}
.pp-plan .pp-text{white-space:pre-wrap;margin:.2em 0 .2em 1.2em}
.pp-plan mark{padding:0 .1em;border-radius:.2em}
.pp-plan mark.pp-target{background:#fb9a99}
.pp-plan mark.pp-actor{background:#a6cee3}
.pp-plan mark.pp-verb{background:#b2df8a}
.pp-plan mark.pp-doc{background:#fdbf6f}
.pp-plan table{border-collapse:collapse;font-size:.9em;margin-top:.4em}
.pp-plan th,.pp-plan td{border-bottom:1px solid #ddd;padding:.1em .5em;text-align:left}
""".strip()

_SIGNS = {"=": "=", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈", "range": ""}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _value(q: "Quantity") -> str:
    if q.comparator == "range" and q.value_max is not None:
        return f"{q.value:g}-{q.value_max:g}"
    return f"{_SIGNS.get(q.comparator, q.comparator)} {q.value:g}"


def marks(plan: "Plan") -> list[tuple[int, int, str, str]]:
    """``(start, end, css_class, tooltip)`` for the facts marked in the text, without
    overlaps (of overlapping marks the longer is kept, as in the spaCy view)."""
    names = {a.id: a.name for a in plan.actors}
    found: list[tuple[int, int, str, str]] = []
    for q in plan.targets:
        tip = f"{q.indicator or '?'} {_value(q)} {q.unit or ''} (target{', ' + q.commitment if q.commitment else ''})"
        found.append((q.span[0], q.span[1], "pp-target", " ".join(tip.split())))
    for r in plan.references:
        if r.kind == "document":
            found.append((r.span[0], r.span[1], "pp-doc", "cited document"))
    for a in plan.actors:
        found.extend((s, e, "pp-actor", f"actor: {a.name} ({a.kind})") for s, e in a.mentions)
    for t in plan.tasks:
        if t.verb_span:
            # the issuer's implicit part in every task goes without saying
            who = ", ".join(f"{names.get(ta.actor, ta.actor)} {ta.role}" for ta in t.actors if ta.role != "implicit")
            found.append((t.verb_span[0], t.verb_span[1], "pp-verb", f"verb ({t.verb_class}){': ' + who if who else ''}"))
    rank = {c: i for i, c in enumerate(MARK_CLASSES)}
    found.sort(key=lambda m: (-(m[1] - m[0]), rank[m[2]], m[0]))
    kept: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for m in found:
        if all(m[1] <= s or m[0] >= e for s, e in taken):
            kept.append(m)
            taken.append((m[0], m[1]))
    return sorted(kept)


def _highlight(text: str, start: int, end: int, spans: list[tuple[int, int, str, str]]) -> str:
    """``text[start:end]`` escaped, with the marks that lie inside it."""
    out, pos = [], start
    for s, e, cls, tip in spans:
        if s < start or e > end:
            continue
        out.append(_e(text[pos:s]))
        out.append(f'<mark class="{cls}" title="{_e(tip)}">{_e(text[s:e])}</mark>')
        pos = e
    out.append(_e(text[pos:end]))
    return "".join(out)


def _summary(plan: "Plan", node: "Node", heading: str, n_tasks: int, n_targets: int) -> str:
    """The line a division shows when closed: its label, its heading (marked, as in the
    text) and how many tasks and targets it holds."""
    counts = f"{n_tasks} tasks" + (f", {n_targets} targets" if n_targets else "")
    label = node.label or f"[{node.kind}]"  # as in Plan.outline()
    return f'<span class="pp-label">{_e(label)}</span>{heading}<span class="pp-count">{counts}</span>'


def _outline(plan: "Plan", spans: list[tuple[int, int, str, str]]) -> str:
    from bisect import bisect_left, bisect_right  # noqa: PLC0415

    text = plan.text
    divisions = [n for n in plan.nodes if n.kind in DIVISION_KINDS]
    kids: dict[Optional[str], list["Node"]] = {}
    by_id = {n.id: n for n in plan.nodes}
    for n in divisions:
        parent = n.parent  # the nearest division above (a division never sits below a paragraph, but be safe)
        while parent is not None and by_id[parent].kind not in DIVISION_KINDS:
            parent = by_id[parent].parent
        kids.setdefault(parent, []).append(n)
    task_starts = sorted(t.span[0] for t in plan.tasks)
    target_starts = sorted(q.span[0] for q in plan.targets)
    span_starts = [s for s, *_ in spans]

    def count(starts: list[int], s: int, e: int) -> int:
        return bisect_left(starts, e) - bisect_left(starts, s)

    def body(s: int, e: int) -> str:
        if not text[s:e].strip():
            return ""
        return f'<div class="pp-text">{marked(s, e).strip()}</div>'

    def marked(s: int, e: int) -> str:
        lo, hi = bisect_left(span_starts, s), bisect_right(span_starts, e)
        return _highlight(text, s, e, spans[lo:hi])

    def render(node: "Node") -> str:
        s, e = node.span
        heading = marked(*node.heading_span) if node.heading_span else ""
        pos = node.heading_span[1] if node.heading_span else s + len(node.label or "")
        summary = _summary(plan, node, heading, count(task_starts, s, e), count(target_starts, s, e))
        parts = [f"<details><summary>{summary}</summary>"]
        for child in kids.get(node.id, []):
            parts.append(body(pos, child.span[0]))
            parts.append(render(child))
            pos = child.span[1]
        parts.append(body(pos, e))
        parts.append("</details>")
        return "".join(parts)

    return "".join(render(n) for n in kids.get(None, []))


def targets_table(plan: "Plan") -> str:
    """The targets as a compact HTML table: indicator, target, unit, commitment,
    deadline and the division it is in (escaped)."""
    if not plan.targets:
        return ""
    by_id = {n.id: n for n in plan.nodes}

    def where(node_id: str) -> str:
        node = by_id.get(node_id)
        while node is not None and node.kind not in HEADING_KINDS:
            node = by_id.get(node.parent) if node.parent else None
        return node.label or "" if node is not None else ""

    rows = "".join(
        f"<tr><td>{_e(q.id)}</td><td>{_e(q.indicator or '')}</td><td>{_e(_value(q))}</td><td>{_e(q.unit or '')}</td>"
        f"<td>{_e(q.commitment or '')}</td><td>{_e(q.deadline or '')}</td><td>{_e(where(q.node))}</td>"
        f"<td>{_e(q.surface)}</td></tr>"
        for q in plan.targets)
    return ("<table><thead><tr><th>id</th><th>indicator</th><th>target</th><th>unit</th><th>commitment</th>"
            f"<th>deadline</th><th>in</th><th>as written</th></tr></thead><tbody>{rows}</tbody></table>")


def to_html(plan: "Plan") -> str:
    """The plan as one self-contained HTML fragment (see the module docstring)."""
    m = plan.meta
    meta = " · ".join(_e(x) for x in (m.year, m.doc_type, "、".join(m.issuers), m.region) if x)
    heads = ", ".join(f"{len(plan.nodes_of(k))} {k}s" for k in HEADING_KINDS if plan.nodes_of(k))
    facts = (f"{len(plan.tasks)} tasks, {len(plan.targets)} targets, {len(plan.quantities)} quantities, "
             f"{len(plan.actors)} actors, {len(plan.references)} references")
    legend = ('<mark class="pp-target">target</mark> <mark class="pp-actor">actor</mark> '
              '<mark class="pp-verb">verb</mark> <mark class="pp-doc">document</mark>')
    parts = [
        f'<div class="pp-plan"><style>{_CSS}</style>',
        f'<div class="pp-head">{_e(m.title or m.source or "(untitled plan)")}</div>',
        f'<div class="pp-meta">{meta}{"<br>" if meta else ""}{_e(heads or "no numbered headings")}; {_e(facts)}<br>{legend}</div>',
        f"<details open><summary>Outline</summary>{_outline(plan, marks(plan))}</details>",
    ]
    if plan.targets:
        parts.append(f"<details open><summary>Targets ({len(plan.targets)})</summary>{targets_table(plan)}</details>")
    parts.append("</div>")
    return "".join(parts)
