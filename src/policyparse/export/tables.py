"""A parsed plan as pandas tables, one row per record, ready to join.

Every table has the record's ``id`` and its spans as integer columns
(``start``/``end`` for the record's own span, ``raw_start``/``raw_end`` in
the decoded file, ``<name>_start``/``<name>_end`` for the others), so a row
can always be traced back to the text. Rows refer to each other by id:
``tasks.node`` → ``nodes.id``, ``roles.task`` → ``tasks.id``,
``roles.actor`` → ``actors.id``, ``quantities.task`` → ``tasks.id``.

Lists become one string joined by ``"；"`` (a full-width semicolon never
occurs inside a name), so every cell is a scalar and the tables write to CSV
and Parquet as they are.

Example:
    >>> import policyparse
    >>> plan = policyparse.parse("一、总体要求\\n1.市教育局会同市财政局推进改革，确保覆盖率达到90%以上。")
    >>> plan.to_frame("targets")[["indicator", "comparator", "value", "unit", "commitment"]].to_dict("records")
    [{'indicator': '覆盖率', 'comparator': '>=', 'value': 90.0, 'unit': '%', 'commitment': 'binding'}]
    >>> sorted(plan.frames())
    ['actors', 'edges', 'nodes', 'quantities', 'references', 'roles', 'targets', 'tasks']
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

from ..model import field_names

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..model import Plan

#: The tables :func:`frames` returns, in the order they are built.
TABLES: tuple[str, ...] = ("nodes", "tasks", "roles", "targets", "quantities", "actors", "references", "edges")

#: The joiner for list fields.
LIST_SEP = "；"


def _spans(row: dict[str, Any], spans: Iterable[tuple[str, Optional[tuple[int, int]]]]) -> dict[str, Any]:
    for name, span in spans:
        prefix = "" if name == "span" else name.removesuffix("_span") + "_"
        row[f"{prefix}start"] = span[0] if span is not None else None
        row[f"{prefix}end"] = span[1] if span is not None else None
    return row


_SPAN_FIELDS = {"span", "raw_span", "heading_span", "indicator_span", "clause_span", "verb_span", "object_span",
                "base_period_span"}


def _flat(record: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's fields as scalars: spans split into start/end, lists joined."""
    row: dict[str, Any] = {}
    spans = []
    # a shallow read of the fields: the values kept are scalars, spans and
    # lists of strings (dataclasses.asdict's deep copy made this the slowest
    # step of writing a batch's Parquet tables)
    for key in field_names(type(record)):
        value = getattr(record, key)
        if key in drop:
            continue
        if key in _SPAN_FIELDS:
            spans.append((key, value))
        elif isinstance(value, list):
            row[key] = LIST_SEP.join(map(str, value))
        else:
            row[key] = value
    return _spans(row, spans)


def _nodes(plan: "Plan") -> list[dict[str, Any]]:
    depth = {n.id: d for d, n in plan.walk()}
    return [{**_flat(n), "depth": depth.get(n.id)} for n in plan.nodes]


def _tasks(plan: "Plan") -> list[dict[str, Any]]:
    rows = []
    for t in plan.tasks:
        row = _flat(t, drop=("actors",))
        row["actors"] = LIST_SEP.join(a.actor for a in t.actors)
        rows.append(row)
    return rows


def _roles(plan: "Plan") -> list[dict[str, Any]]:
    return [_spans({"task": t.id, "actor": a.actor, "role": a.role}, [("span", a.span)])
            for t in plan.tasks for a in t.actors]


def _actors(plan: "Plan") -> list[dict[str, Any]]:
    rows = []
    for a in plan.actors:
        row = _flat(a, drop=("mentions",))
        row["mentions"] = len(a.mentions)
        rows.append(_spans(row, [("first_span", a.mentions[0] if a.mentions else None)]))
    return rows


_BUILDERS: dict[str, Callable[["Plan"], list[dict[str, Any]]]] = {
    "nodes": _nodes,
    "tasks": _tasks,
    "roles": _roles,
    "targets": lambda plan: [_flat(q) for q in plan.targets],
    "quantities": lambda plan: [_flat(q) for q in plan.quantities],
    "actors": _actors,
    "references": lambda plan: [_flat(r) for r in plan.references],
    "edges": lambda plan: [_flat(e) for e in plan.edges],
}

_INT_SUFFIXES = ("start", "end")


def to_frame(plan: "Plan", kind: str) -> "pd.DataFrame":
    """One table of ``plan`` (one of :data:`TABLES`) as a DataFrame.

    Span columns are nullable integers (``Int64``), so a missing span is
    ``<NA>`` rather than turning the column into floats.
    """
    import pandas as pd  # noqa: PLC0415 - pandas loads on first use

    if kind not in _BUILDERS:
        raise ValueError(f"unknown table {kind!r}: choose one of {', '.join(TABLES)}")
    rows = _BUILDERS[kind](plan)
    frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=_columns(kind))
    for column in frame.columns:
        if column.endswith(_INT_SUFFIXES) or column in ("ordinal", "depth", "deadline", "mentions"):
            frame[column] = frame[column].astype("Int64")
        elif column in ("value", "value_max", "base_value"):
            frame[column] = frame[column].astype("float64")
    return frame


def frames(plan: "Plan") -> dict[str, "pd.DataFrame"]:
    """Every table of ``plan``, by name (see :data:`TABLES`)."""
    return {kind: to_frame(plan, kind) for kind in TABLES}


def _columns(kind: str) -> list[str]:
    """The columns of a table, for a plan that has no rows of it."""
    from dataclasses import fields  # noqa: PLC0415

    from .. import model  # noqa: PLC0415

    if kind == "roles":
        return ["task", "actor", "role", "start", "end"]
    cls, drop, extra = {
        "nodes": (model.Node, (), ["depth"]),
        "tasks": (model.Task, ("actors",), ["actors"]),
        "targets": (model.Quantity, (), []),
        "quantities": (model.Quantity, (), []),
        "actors": (model.Actor, ("mentions",), ["mentions", "first_start", "first_end"]),
        "references": (model.Reference, (), []),
        "edges": (model.Edge, (), []),
    }[kind]
    names = [f.name for f in fields(cls) if f.name not in drop]
    plain = [n for n in names if n not in _SPAN_FIELDS]
    spans = [c for n in names if n in _SPAN_FIELDS
             for c in ((f"{'' if n == 'span' else n.removesuffix('_span') + '_'}{end}") for end in _INT_SUFFIXES)]
    return plain + spans + extra
