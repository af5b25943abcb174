"""Comparing two plans: what was added, dropped, kept, reworded or moved, and how the targets moved.

:func:`diff` aligns the outlines (:mod:`policyparse.compare.align`), reads what
changed inside each pair (the phrases added and removed; the lead verb, its
modifiers, the actors and the commitment strength), and matches the targets
of the two plans by indicator (:mod:`policyparse.compare.targets`). The result, a
:class:`PlanDiff`, prints as a table, renders as HTML in Jupyter, and
converts to JSON (:meth:`PlanDiff.to_dict`), pandas
(:meth:`PlanDiff.to_frame`), a standalone HTML report and a Markdown
summary (:mod:`policyparse.compare.report`).

Every record keeps the node ids and spans of both plans, so each change
can be found in each text.

Example:
    >>> import policyparse
    >>> old = policyparse.parse("2019年工作要点\\n一、重点任务\\n1.推进教育改革，确保覆盖率达到90%以上。\\n2.抓好理论学习。")
    >>> new = policyparse.parse("2020年工作要点\\n一、重点任务\\n1.深化教育改革，确保覆盖率达到95%以上。\\n2.抓好理论学习。")
    >>> d = policyparse.diff(old, new)
    >>> d.summary()
    {'unchanged': 2, 'reworded': 1}
    >>> [(c.field, c.old, c.new) for c in d.reworded[0].changes]
    [('verb', '推进', '深化')]
    >>> [(t.indicator, t.status, t.delta) for t in d.target_changes]
    [('覆盖率', 'changed', 5.0)]
"""
from __future__ import annotations

import difflib
from bisect import bisect_left
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Optional, Union

from .align import Pair, align_outlines, units
from ..model import Node, Plan, Span, Task, _record
from .targets import TargetChange, match_targets

#: Statuses of an alignment pair, in the order summaries list them.
STATUSES: tuple[str, ...] = ("unchanged", "reworded", "moved", "merged", "split", "added", "removed")


@dataclass
class Phrase:
    """A stretch of text added to (or removed from) a unit, with its span in
    the new (or old) plan's text."""

    text: str
    span: Span


@dataclass
class FieldChange:
    """A change of one reading of a unit: ``verb``, ``modifiers``, ``actors`` or ``commitment``."""

    field: str
    old: Any
    new: Any


@dataclass
class NodeChange(Pair):
    """One line of the alignment: an old unit, a new unit, or a pair of them.

    ``old``/``new`` are node ids, ``status`` unchanged, reworded, moved,
    merged, split, added or removed (see ``docs/schema.md``, Comparing
    plans); ``moved`` also marks a reworded pair that changed place (the
    fields of :class:`~policyparse.compare.align.Pair`). ``added`` and ``removed``
    are the phrases the new text has and the old text lost; ``changes`` the
    changes of verb, modifiers, actors and commitment.
    """

    old_label: Optional[str] = None
    new_label: Optional[str] = None
    old_heading: Optional[str] = None
    new_heading: Optional[str] = None
    old_span: Optional[Span] = None
    new_span: Optional[Span] = None
    added: list[Phrase] = field(default_factory=list)
    removed: list[Phrase] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class PlanDiff:
    """The comparison of two plans (build one with :func:`diff`)."""

    old: Plan
    new: Plan
    alignment: list[NodeChange]
    #: every target of either plan, paired by indicator
    target_changes: list[TargetChange]
    #: the pairs of ``target_changes`` in which a headline target (主要预期目标 …) takes part: the same
    #: objects, so a target has one status everywhere; ``headline_list`` says kept, entered or left
    headline_changes: list[TargetChange] = field(default_factory=list)

    # --- views -----------------------------------------------------------------------
    def summary(self, kind: Optional[str] = None) -> dict[str, int]:
        """How many alignment lines have each status (of one unit kind, or all)."""
        counts = Counter(c.status for c in self.alignment if kind is None or c.kind == kind)
        return {s: counts[s] for s in STATUSES if counts[s]}

    def of_status(self, status: str) -> list[NodeChange]:
        """The alignment lines with this status."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
        return [c for c in self.alignment if c.status == status]

    @property
    def reworded(self) -> list[NodeChange]:
        """The pairs whose text changed."""
        return self.of_status("reworded")

    @property
    def added(self) -> list[NodeChange]:
        return self.of_status("added")

    @property
    def removed(self) -> list[NodeChange]:
        return self.of_status("removed")

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.summary().items())
        moved = Counter(t.status for t in self.target_changes)
        targets = ", ".join(f"{k}={v}" for k, v in sorted(moved.items()))
        return (f"PlanDiff(old={self.old.meta.title!r}, new={self.new.meta.title!r}, "
                f"alignment: {counts}; targets: {targets})")

    # --- export ----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: ``old`` and ``new`` (their ``meta``), ``alignment``
        and ``target_changes`` (see ``docs/schema.md``, Comparing plans)."""
        return {
            "old": asdict(self.old.meta),
            "new": asdict(self.new.meta),
            "summary": self.summary(),
            "alignment": [_record(c) for c in self.alignment],
            "target_changes": [t.to_dict() for t in self.target_changes],
            "headline_changes": [t.to_dict() for t in self.headline_changes],
        }

    def to_frame(self, kind: str = "alignment") -> Any:
        """``alignment`` (one row per line) or ``targets`` (one row per target
        change) as a pandas DataFrame, spans as integer columns."""
        from .report import diff_frame  # noqa: PLC0415 - pandas loads only here

        return diff_frame(self, kind)

    def to_html(self) -> str:
        """A standalone HTML report: both texts side by side, changes highlighted."""
        from .report import html_report  # noqa: PLC0415

        return html_report(self)

    def to_markdown(self) -> str:
        """A Markdown summary: counts, target changes, reworded, added and removed units."""
        from .report import markdown_report  # noqa: PLC0415

        return markdown_report(self)

    def _repr_html_(self) -> str:
        from .report import html_summary  # noqa: PLC0415

        return html_summary(self)


PlanLike = Union[Plan, str, "os.PathLike[str]"]


def diff(old: PlanLike, new: PlanLike, *, threshold: Optional[float] = None, segmenter: str = "rjieba") -> PlanDiff:
    """Compare two plans (parsed plans, or paths of files to parse).

    Args:
        old, new: :class:`~policyparse.model.Plan` objects, or file paths
            (a ``str`` is a path; parse text with :func:`policyparse.parse` first).
        threshold: the cosine similarity from which units pair whatever
            else they resemble (default :data:`policyparse.compare.align.THRESHOLD`).
        segmenter: the segmenter used to cut reworded text into phrases.

    Example:
        >>> import policyparse
        >>> d = policyparse.diff(policyparse.parse("一、总体要求\\n1.抓好学习。"), policyparse.parse("一、总体要求\\n1.抓好学习。"))
        >>> d.summary()
        {'unchanged': 2}
    """
    from ..pipeline import as_plan  # noqa: PLC0415 - parsing loads only when paths are given

    old_plan, new_plan = as_plan(old, caller="diff"), as_plan(new, caller="diff")
    kwargs = {} if threshold is None else {"threshold": threshold}
    plan_units = (units(old_plan), units(new_plan))
    pairs = align_outlines(old_plan, new_plan, plan_units=plan_units, **kwargs)
    unit_ids = ({u.node.id for u in plan_units[0]}, {u.node.id for u in plan_units[1]})
    lines = [_describe(old_plan, new_plan, p, segmenter, unit_ids) for p in pairs]
    targets = match_targets(old_plan, new_plan)
    return PlanDiff(old_plan, new_plan, lines, targets, [t for t in targets if t.headline])


# --- what changed inside a pair -----------------------------------------------------------

def _describe(old: Plan, new: Plan, pair: Pair, segmenter: str, unit_ids: tuple[set[str], set[str]]) -> NodeChange:
    o = old.node(pair.old) if pair.old else None
    n = new.node(pair.new) if pair.new else None
    line = NodeChange(
        pair.old, pair.new, pair.kind, pair.status, pair.similarity, pair.moved,
        old_role=o.role if o else None, new_role=n.role if n else None,
        old_label=o.label if o else None, new_label=n.label if n else None,
        old_heading=_title(old, o), new_heading=_title(new, n),
        old_span=o.span if o else None, new_span=n.span if n else None,
    )
    if o is not None and n is not None and pair.status != "unchanged":
        os_, ns_ = _scope(old, o, unit_ids[0]), _scope(new, n, unit_ids[1])
        line.added, line.removed = phrase_changes(old.text, os_, new.text, ns_, segmenter=segmenter)
        line.changes = _field_changes(old, o, os_, new, n, ns_)
    return line


def _title(plan: Plan, node: Optional[Node]) -> Optional[str]:
    """A node's heading, or for a paragraph its first sentence (shortened)."""
    if node is None:
        return None
    if node.heading:
        return node.heading
    text = " ".join(plan.span_text(node).split())
    return text if len(text) <= 60 else text[:59] + "…"


def _scope(plan: Plan, node: Node, unit_ids: set[str]) -> Span:
    """The text of a unit whose changes are read: a unit with units below it
    is read in its heading (the preamble: its first sentence) only, its
    children being units of their own; a leaf unit in full; labels excluded."""
    start, end = node.span
    if node.label and plan.text.startswith(node.label, start):
        start += len(node.label)
    if any(c.id in unit_ids for c in _descendants(plan, node)):
        if node.heading_span:
            return (max(start, node.heading_span[0]), node.heading_span[1])
        first = next((c for c in _descendants(plan, node) if c.kind == "sentence"), None)
        return (start, min(end, first.span[1])) if first is not None and first.span[0] == start else (start, start)
    return (start, end)


def _descendants(plan: Plan, node: Node) -> list[Node]:
    out, todo = [], plan.children(node)
    while todo:
        child = todo.pop()
        out.append(child)
        todo.extend(plan.children(child))
    return out


def phrase_changes(old_text: str, old_span: Span, new_text: str, new_span: Span, *,
                   segmenter: str = "rjieba") -> tuple[list[Phrase], list[Phrase]]:
    """The phrases added to and removed from one stretch of text, word by word
    (difflib over the segmenter's words), with spans in each text.

    Example:
        >>> added, removed = phrase_changes("推进教育改革", (0, 6), "深化教育综合改革", (0, 8))
        >>> [p.text for p in added], [p.text for p in removed]
        (['深化', '综合改革'], ['推进', '改革'])
    """
    from ..extract.tokens import tokenize  # noqa: PLC0415

    (os_, oe), (ns, ne) = old_span, new_span
    while os_ < oe and ns < ne and old_text[os_] == new_text[ns]:  # the common ends need no words
        os_, ns = os_ + 1, ns + 1
    while oe > os_ and ne > ns and old_text[oe - 1] == new_text[ne - 1]:
        oe, ne = oe - 1, ne - 1
    # back off to a clause break, so the words at the edges are cut as in the whole text
    os_, ns = _back_to_break(old_text, os_, old_span[0], ns, new_span[0])
    oe, ne = _on_to_break(old_text, oe, old_span[1], ne, new_span[1], new_text)
    a = tokenize(old_text, os_, oe, segmenter=segmenter)
    b = tokenize(new_text, ns, ne, segmenter=segmenter)
    matcher = difflib.SequenceMatcher(None, [t.text for t in a], [t.text for t in b], autojunk=False)
    added, removed = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete") and i2 > i1:
            s, e = a[i1].start, a[i2 - 1].end
            removed.append(Phrase(old_text[s:e], (s, e)))
        if op in ("replace", "insert") and j2 > j1:
            s, e = b[j1].start, b[j2 - 1].end
            added.append(Phrase(new_text[s:e], (s, e)))
    return added, removed


_BREAKS = set("，。；：、！？,.;:!?\n")


def _back_to_break(old_text: str, o: int, o_floor: int, n: int, n_floor: int) -> tuple[int, int]:
    while o > o_floor and n > n_floor and old_text[o - 1] not in _BREAKS:
        o, n = o - 1, n - 1
    return o, n


def _on_to_break(old_text: str, o: int, o_ceil: int, n: int, n_ceil: int, new_text: str) -> tuple[int, int]:
    while o < o_ceil and n < n_ceil and old_text[o] not in _BREAKS:
        o, n = o + 1, n + 1
    return o, n


def _tasks(plan: Plan, span: Span) -> list[Task]:
    """The tasks inside ``span`` (tasks are in text order: found by bisection)."""
    starts = plan.__dict__.get("_task_starts")
    if starts is None or len(starts) != len(plan.tasks):
        starts = [t.span[0] for t in plan.tasks]
        plan.__dict__["_task_starts"] = starts
    i = bisect_left(starts, span[0])
    out = []
    while i < len(starts) and starts[i] < span[1]:
        if plan.tasks[i].span[1] <= span[1]:
            out.append(plan.tasks[i])
        i += 1
    return out


def _lead(plan: Plan, node: Node, span: Span) -> Optional[Task]:
    tasks = [t for t in _tasks(plan, span) if t.verb]
    return next((t for t in tasks if t.lead), tasks[0] if tasks else None)


def _actors(plan: Plan, span: Span) -> list[str]:
    names = {a.id: a.name for a in plan.actors}
    seen: dict[str, None] = {}
    for t in _tasks(plan, span):
        for ta in t.actors:
            if ta.role != "implicit":
                seen[f"{names.get(ta.actor, ta.actor)}（{ta.role}）"] = None
    return list(seen)


def _commitments(plan: Plan, span: Span) -> list[str]:
    found: dict[str, None] = {}
    for t in _tasks(plan, span):
        if t.commitment:
            found[t.commitment] = None
    return sorted(found)


def _field_changes(old: Plan, o: Node, os_: Span, new: Plan, n: Node, ns_: Span) -> list[FieldChange]:
    changes = []
    lo, ln = _lead(old, o, os_), _lead(new, n, ns_)
    if lo is not None and ln is not None:
        if lo.verb != ln.verb:
            changes.append(FieldChange("verb", lo.verb, ln.verb))
        if lo.modifiers != ln.modifiers:
            changes.append(FieldChange("modifiers", lo.modifiers, ln.modifiers))
    ao, an = _actors(old, os_), _actors(new, ns_)
    if ao != an:
        changes.append(FieldChange("actors", ao, an))
    co, cn = _commitments(old, os_), _commitments(new, ns_)
    if co != cn:
        changes.append(FieldChange("commitment", co, cn))
    return changes


__all__ = ["diff", "PlanDiff", "NodeChange", "Phrase", "FieldChange", "TargetChange", "phrase_changes"]
