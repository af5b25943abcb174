"""Rendering a :class:`~policyparse.compare.diff.PlanDiff`: tables, a standalone HTML report, Markdown.

The HTML report shows both texts side by side, one row per alignment line,
with the phrases added and removed highlighted, and links every value to its
place: each unit and target carries an anchor (``#old-n12``, ``#new-q40``)
in the full texts printed at the end of the report. All document text goes
through :func:`html.escape`, quotes included, so a scraped page holding
``<script>`` shows it as text. The Markdown summary escapes the same way
(:func:`policyparse.sanitize.markdown`): HTML becomes entities and Markdown
syntax is escaped, so neither a tag nor a ``javascript:`` link survives.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Optional

from ..model import Plan, Span
from ..sanitize import markdown as _md

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .diff import NodeChange, Phrase, PlanDiff
    from .targets import TargetChange


def _esc(text: Optional[str]) -> str:
    return html.escape(text or "", quote=True)


# --- tables -------------------------------------------------------------------------------

def diff_frame(d: "PlanDiff", kind: str = "alignment") -> "pd.DataFrame":
    """The alignment (``alignment``) or the target changes (``targets``,
    ``headline``) as a DataFrame; spans as ``old_start``/``old_end``/``new_start``/``new_end``."""
    import pandas as pd  # noqa: PLC0415

    if kind == "alignment":
        rows = [{
            "old": c.old, "new": c.new, "kind": c.kind, "status": c.status, "similarity": c.similarity,
            "moved": c.moved, "old_role": c.old_role, "new_role": c.new_role,
            "old_label": c.old_label, "new_label": c.new_label,
            "old_heading": c.old_heading, "new_heading": c.new_heading,
            **_span_columns("old", c.old_span), **_span_columns("new", c.new_span),
            "added": "；".join(p.text for p in c.added), "removed": "；".join(p.text for p in c.removed),
            "changes": "；".join(f"{f.field}: {_fmt(f.old)} → {_fmt(f.new)}" for f in c.changes),
        } for c in d.alignment]
        frame = pd.DataFrame(rows)
    elif kind in ("targets", "headline"):
        changes = d.target_changes if kind == "targets" else d.headline_changes
        frame = pd.DataFrame([_target_row(t) for t in changes])
    else:
        raise ValueError(f"unknown table {kind!r}: choose alignment, targets or headline")
    for column in frame.columns:
        if column.endswith(("_start", "_end")):
            frame[column] = frame[column].astype("Int64")
    return frame


def _span_columns(prefix: str, span: Optional[Span]) -> dict[str, Optional[int]]:
    return {f"{prefix}_start": span[0] if span else None, f"{prefix}_end": span[1] if span else None}


def _target_row(t: "TargetChange") -> dict[str, Any]:
    row: dict[str, Any] = {"indicator": t.indicator, "status": t.status, "headline": t.headline,
                           "headline_list": t.headline_list}
    for side, q in (("old", t.old), ("new", t.new)):
        row[f"{side}_id"] = q.id if q else None
        row[f"{side}_text"] = q.surface if q else None
        row[f"{side}_comparator"] = q.comparator if q else None
        row[f"{side}_value"] = q.value if q else None
        row[f"{side}_value_max"] = q.value_max if q else None
        row[f"{side}_unit"] = q.unit if q else None
        row[f"{side}_commitment"] = q.commitment if q else None
        row.update(_span_columns(side, q.span if q else None))
    row["delta"] = t.delta
    row["changes"] = "；".join(t.changes)
    return row


def _fmt(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value)) or "—"
    return "—" if value is None else str(value)


def status_text(t: "TargetChange") -> str:
    """A target's status as every table of a report shows it: the status, the fields that
    changed, and how it stands to the headline lists when it entered or left them.

    Example:
        >>> from policyparse.compare.targets import TargetChange
        >>> status_text(TargetChange("农村贫困人口减少", "changed", None, None, changes=["commitment"], headline_list="entered"))
        'changed (commitment); entered the headline list'
    """
    text = t.status + (f" ({', '.join(t.changes)})" if t.changes else "")
    if t.headline_list in ("entered", "left"):
        text += f"; {t.headline_list} the headline list"
    return text


def target_table(changes: list["TargetChange"]) -> list[list[str]]:
    """Rows of text for a target-change table: indicator, status, old, new, delta."""
    rows = []
    for t in changes:
        delta = "" if t.delta is None else f"{t.delta:+g}"
        rows.append([t.indicator, status_text(t), t.old.surface if t.old else "—", t.new.surface if t.new else "—",
                     delta])
    return rows


# --- Markdown -----------------------------------------------------------------------------

def markdown_report(d: "PlanDiff") -> str:
    """A Markdown summary of a diff: counts, headline and all target changes, reworded, added and removed units."""
    old, new = _name(d.old), _name(d.new)
    out = [f"# {_md(old)} → {_md(new)}", ""]
    out.append("| status | " + " | ".join(d.summary()) + " |")
    out.append("|---|" + "---|" * len(d.summary()))
    out.append("| units | " + " | ".join(str(v) for v in d.summary().values()) + " |")
    for title, changes in (("Headline targets", d.headline_changes),
                           ("All targets", [t for t in d.target_changes if t.status != "unchanged"])):
        if not changes:
            continue
        out += ["", f"## {title}", "", "| indicator | status | old | new | Δ |", "|---|---|---|---|---|"]
        out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in target_table(changes)]
    for status in ("reworded", "moved", "merged", "split", "added", "removed"):
        lines = [c for c in d.alignment if c.status == status]
        if not lines:
            continue
        out += ["", f"## {status.capitalize()} ({len(lines)})", ""]
        for c in lines:
            head = f"{c.old_label or ''}{c.old_heading or ''}" if c.new is None else f"{c.new_label or ''}{c.new_heading or ''}"
            if c.old and c.new and c.old_heading != c.new_heading:
                head = f"{c.old_label or ''}{c.old_heading} → {c.new_label or ''}{c.new_heading}"
            extra = []
            if c.added:
                extra.append("+" + "、".join(p.text for p in c.added[:6]))
            if c.removed:
                extra.append("−" + "、".join(p.text for p in c.removed[:6]))
            extra += [f"{f.field}: {_fmt(f.old)} → {_fmt(f.new)}" for f in c.changes]
            out.append(f"- *{c.kind}* {_md(head)}" + (f" ({_md('; '.join(extra))})" if extra else ""))
    return "\n".join(out) + "\n"


def _name(plan: Plan) -> str:
    return plan.meta.title or plan.meta.source or "plan"


# --- HTML ---------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1.5em;line-height:1.6}
table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top}
th{background:#f4f4f4}.st{font-weight:bold;white-space:nowrap}
.unchanged{color:#666}.reworded{background:#fffbe6}.moved{background:#eef6ff}.added{background:#e9f9ee}
.removed{background:#fdecec}.merged,.split{background:#f3ecff}.changed{background:#fffbe6}
ins{background:#b7efc5;text-decoration:none}del{background:#f7c1c1}
pre.doc{white-space:pre-wrap;border:1px solid #ddd;padding:8px;max-height:30em;overflow:auto}
.cols{display:flex;gap:1em}.cols>div{flex:1;min-width:0}
"""


def html_summary(d: "PlanDiff") -> str:
    """A compact HTML view for Jupyter: counts and the headline (or all changed) targets."""
    counts = "".join(f"<td class='{s}'>{s} {n}</td>" for s, n in d.summary().items())
    changes = d.headline_changes or [t for t in d.target_changes if t.status != "unchanged"]
    rows = "".join(
        f"<tr class='{_esc(t.status)}'><td>{_esc(t.indicator)}</td><td>{_esc(status_text(t))}</td>"
        f"<td>{_esc(t.old.surface if t.old else '—')}</td><td>{_esc(t.new.surface if t.new else '—')}</td>"
        f"<td>{'' if t.delta is None else f'{t.delta:+g}'}</td></tr>" for t in changes)
    return (f"<div><style>{_CSS}</style><b>{_esc(_name(d.old))} → {_esc(_name(d.new))}</b>"
            f"<table><tr>{counts}</tr></table>"
            f"<table><tr><th>indicator</th><th>status</th><th>old</th><th>new</th><th>Δ</th></tr>{rows}</table></div>")


def html_report(d: "PlanDiff") -> str:
    """A standalone HTML page: summary, target changes, the alignment side by side, both texts."""
    old, new = _name(d.old), _name(d.new)
    parts = [
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>",
        f"<title>{_esc(old)} → {_esc(new)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_esc(old)} → {_esc(new)}</h1>",
        html_summary(d),
        "<h2>All target changes</h2>",
        _target_html(d),
        "<h2>Alignment</h2><table><tr><th>status</th><th>similarity</th>"
        f"<th>{_esc(old)}</th><th>{_esc(new)}</th><th>changes</th></tr>",
    ]
    for c in d.alignment:
        parts.append(_line_html(d, c))
    parts.append("</table><h2>Texts</h2><div class='cols'>")
    parts.append(f"<div><h3>{_esc(old)}</h3>{_anchored_text(d.old, 'old')}</div>")
    parts.append(f"<div><h3>{_esc(new)}</h3>{_anchored_text(d.new, 'new')}</div></div></body></html>")
    return "".join(parts)


def _target_html(d: "PlanDiff") -> str:
    rows = []
    for t in d.target_changes:
        old = f"<a href='#old-{t.old.id}'>{_esc(t.old.surface)}</a> <small>{_esc(t.old.text)}</small>" if t.old else "—"
        new = f"<a href='#new-{t.new.id}'>{_esc(t.new.surface)}</a> <small>{_esc(t.new.text)}</small>" if t.new else "—"
        delta = "" if t.delta is None else f"{t.delta:+g}"
        rows.append(f"<tr class='{_esc(t.status)}'><td>{_esc(t.indicator)}</td><td class='st'>{_esc(status_text(t))}</td>"
                    f"<td>{old}</td><td>{new}</td><td>{delta}</td><td>{_esc('、'.join(t.changes))}</td></tr>")
    return ("<table><tr><th>indicator</th><th>status</th><th>old</th><th>new</th><th>Δ</th><th>fields</th></tr>"
            + "".join(rows) + "</table>")


def _line_html(d: "PlanDiff", c: "NodeChange") -> str:
    sim = "" if c.similarity is None else f"{c.similarity:.2f}"
    old = _side_html(d.old, "old", c.old, c.old_label, c.old_span, c.removed, "del") if c.old else "—"
    new = _side_html(d.new, "new", c.new, c.new_label, c.new_span, c.added, "ins") if c.new else "—"
    changes = "<br>".join(f"{_esc(f.field)}: {_esc(_fmt(f.old))} → {_esc(_fmt(f.new))}" for f in c.changes)
    status = c.status + (" (moved)" if c.moved and c.status != "moved" else "")
    return (f"<tr class='{_esc(c.status)}'><td class='st'>{_esc(status)}<br><small>{_esc(c.kind)}</small></td>"
            f"<td>{sim}</td><td>{old}</td><td>{new}</td><td>{changes}</td></tr>")


def _side_html(plan: Plan, side: str, node_id: str, label: Optional[str], span: Optional[Span],
               phrases: list["Phrase"], tag: str) -> str:
    """A unit's text (shortened), with the changed phrases marked, linked to its place in the full text."""
    assert span is not None
    s, e = span
    node = plan.node(node_id)
    if node.heading_span is not None and node.kind not in ("item", "subitem"):
        s, e = node.heading_span  # a section is shown by its heading: its units have lines of their own
    out, pos = [], s
    for p in sorted(phrases, key=lambda p: p.span):
        if p.span[0] < pos or p.span[1] > e:
            continue
        out.append(_esc(plan.text[pos:p.span[0]]))
        out.append(f"<{tag}>{_esc(p.text)}</{tag}>")
        pos = p.span[1]
    out.append(_esc(plan.text[pos:e]))
    body = "".join(out)
    return f"<a href='#{side}-{node_id}'>{_esc(label or node.kind)}</a> {body}"


def _anchored_text(plan: Plan, side: str) -> str:
    """The full text with an anchor at each unit and target, every character escaped."""
    from .align import units  # noqa: PLC0415

    marks: dict[int, list[str]] = {}
    for u in units(plan):
        marks.setdefault(u.node.span[0], []).append(f"{side}-{u.node.id}")
    for q in plan.targets:
        marks.setdefault(q.span[0], []).append(f"{side}-{q.id}")
    out, pos = [], 0
    for at in sorted(marks):
        out.append(_esc(plan.text[pos:at]))
        out.extend(f"<a id='{a}'></a>" for a in marks[at])
        pos = at
    out.append(_esc(plan.text[pos:]))
    return "<pre class='doc'>" + "".join(out) + "</pre>"
