"""A parsed plan as a networkx graph, for network analysis and Gephi.

:func:`to_networkx` builds a ``networkx.MultiDiGraph`` from the plan's own
records and :attr:`Plan.edges <policyparse.model.Plan.edges>`, with one root:

* **nodes** have the record ids as keys (``doc`` for the root, ``n0`` … for the
  outline, ``t0`` … tasks, ``q0`` … quantities, ``a0`` … actors, ``r0`` …
  references) and a ``kind``: ``document``; the outline kind as it is
  (``preamble``, ``part``, ``section``, ``subsection``, ``item``, ``subitem``,
  ``enumeration``, ``paragraph``, ``sentence``); ``task``; ``target`` (a
  quantity of kind target); ``quantity`` (any other quantity: achieved,
  forecast …, its kind in ``quantity_kind``); ``actor``; ``reference``.
  Every node has a short readable ``label`` (what Gephi shows), and the
  record's fields as scalar attributes named as in the tables of
  :mod:`policyparse.export.tables` (spans as ``start``/``end``, ``raw_start`` …;
  lists joined with ``"；"``). A field whose name would clash is renamed:
  an outline node's numbering ``label`` is ``numbering``, an actor's ``kind``
  is ``actor_kind``, a reference's ``kind`` ``reference_kind``. Missing values
  (``None``) are left out, so every attribute is a string, number or bool.
* **edges** carry ``relation``: ``contains`` (document → top-level nodes,
  node → node, node → task, and node → quantity or reference for the few that
  belong to no task, so that nothing but unmentioned actors floats free), ``performs`` (actor → task, with ``role``),
  ``has_target`` (task → target), ``has_quantity`` (task → other quantity),
  ``cites`` (task → reference).

The graph keeps these invariants, which the tests check on real plans: the
root and the actors are its only sources; every task is reachable from the
root through ``contains``; every target has exactly
one incoming ``has_target`` edge; no edge points to a missing node.

networkx is imported on first use (``import policyparse`` stays light).

Example:
    >>> import policyparse
    >>> plan = policyparse.parse("一、总体要求\\n1.市教育局推进改革，确保覆盖率达到90%以上。")
    >>> g = plan.to_networkx()
    >>> g.nodes["doc"]["kind"], sorted({k for _, k in g.nodes(data="kind")})
    ('document', ['actor', 'document', 'item', 'paragraph', 'section', 'sentence', 'target', 'task'])
    >>> [(u, v, r) for u, v, r in g.edges(data="relation") if r == "has_target"]
    [('t1', 'q0', 'has_target')]
"""
from __future__ import annotations

import json
import os
from collections import Counter
from typing import TYPE_CHECKING, Any, Optional

from .tables import LIST_SEP, _flat
from ..outputs import atomic_open, atomic_path
from ..sanitize import xml_text

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from ..model import Plan

#: The id of the document root.
ROOT = "doc"

#: Node kinds besides the outline kinds.
FACT_KINDS: tuple[str, ...] = ("document", "task", "target", "quantity", "actor", "reference")

#: The relations of the graph's edges.
RELATIONS: tuple[str, ...] = ("contains", "performs", "has_target", "has_quantity", "cites")

_LABEL_WIDTH = 24


def _short(text: Optional[str], width: int = _LABEL_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes without missing values (GraphML has no null) and without the
    record's ``id``, which is the node's key."""
    return {k: v for k, v in attrs.items() if v is not None and k != "id"}


_COMPARATOR_SIGNS = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈"}


def _value_text(q: Any) -> str:
    def num(x: float) -> str:
        return f"{x:g}"

    if q.comparator == "range" and q.value_max is not None:
        value = f"{num(q.value)}-{num(q.value_max)}"
    else:
        value = _COMPARATOR_SIGNS.get(q.comparator, "") + num(q.value)
    return f"{value}{q.unit or ''}"


def node_attributes(plan: "Plan") -> dict[str, dict[str, Any]]:
    """The attributes of every graph node, by id (root first, then outline,
    tasks, quantities, actors, references), as the graph and its exports carry them."""
    meta = plan.meta
    out: dict[str, dict[str, Any]] = {
        ROOT: _scalars({
            "kind": "document",
            "label": _short(meta.title or meta.source or "document", 40),
            "title": meta.title, "year": meta.year, "issuers": LIST_SEP.join(meta.issuers),
            "doc_type": meta.doc_type, "region": meta.region, "source": meta.source,
            "start": 0, "end": len(plan.text),
        })
    }
    for n in plan.nodes:
        row = _flat(n)
        numbering = row.pop("label")
        if n.heading:
            label = f"{numbering or ''}{n.heading}"
        else:
            label = f"{numbering or ''}{plan.text[n.span[0]:n.span[1]]}"
        out[n.id] = _scalars({**row, "kind": n.kind, "numbering": numbering, "label": _short(label)})
    for t in plan.tasks:
        row = _flat(t, drop=("actors",))
        row["actors"] = LIST_SEP.join(a.actor for a in t.actors)
        head = f"{t.verb}{t.object or ''}" if t.verb else t.text
        out[t.id] = _scalars({**row, "kind": "task", "label": _short(head)})
    for q in plan.quantities:
        row = _flat(q)
        quantity_kind = row.pop("kind")
        kind = "target" if quantity_kind == "target" else "quantity"
        label = f"{q.indicator or '?'} {_value_text(q)}"
        out[q.id] = _scalars({**row, "kind": kind, "quantity_kind": quantity_kind, "label": _short(label)})
    for a in plan.actors:
        row = _flat(a, drop=("mentions",))
        actor_kind = row.pop("kind")
        row["mentions"] = len(a.mentions)
        if a.mentions:
            row["first_start"], row["first_end"] = a.mentions[0]
        out[a.id] = _scalars({**row, "kind": "actor", "actor_kind": actor_kind, "label": a.name})
    for r in plan.references:
        row = _flat(r)
        reference_kind = row.pop("kind")
        brackets = "《》" if reference_kind == "document" else "“”"
        label = brackets[0] + _short(r.title, _LABEL_WIDTH - 2) + brackets[1]
        out[r.id] = _scalars({**row, "kind": "reference", "reference_kind": reference_kind, "label": label})
    return out


def to_networkx(plan: "Plan") -> "nx.MultiDiGraph":
    """The plan as a ``networkx.MultiDiGraph`` rooted at the node ``doc``
    (see the module docstring for node kinds, attributes and relations).

    The graph's own attributes (``g.graph``) are the plan's metadata and
    ``schema_version``.
    """
    import networkx as nx  # noqa: PLC0415 - loads on first use

    graph = nx.MultiDiGraph()
    graph.graph.update(_scalars({
        "title": plan.meta.title, "year": plan.meta.year, "issuers": LIST_SEP.join(plan.meta.issuers),
        "doc_type": plan.meta.doc_type, "region": plan.meta.region, "source": plan.meta.source,
        "schema_version": plan.schema_version,
    }))
    for node_id, attrs in node_attributes(plan).items():
        graph.add_node(node_id, **attrs)
    for n in plan.nodes:
        if n.parent is None:
            graph.add_edge(ROOT, n.id, relation="contains")
    # a quantity or reference outside every task (an achieved figure stated without
    # an action verb) would float free: its node contains it, so it is placed too
    for q in plan.quantities:
        if q.task is None:
            graph.add_edge(q.node, q.id, relation="contains")
    for r in plan.references:
        if r.task is None:
            graph.add_edge(r.node, r.id, relation="contains")
    for e in plan.edges:
        for end in (e.source, e.target):
            if end not in graph:  # the plan's edges must join its records; say which one does not
                raise ValueError(f"edge {e.source} -{e.relation}-> {e.target}: no record {end!r} in this plan")
        graph.add_edge(e.source, e.target, **_scalars({"relation": e.relation, "role": e.role}))
    return graph


def counts(graph: "nx.MultiDiGraph") -> dict[str, dict[str, int]]:
    """Node counts by ``kind`` and edge counts by ``relation`` (and role, for ``performs``).

    Example:
        >>> import policyparse
        >>> counts(policyparse.parse("一、总体要求\\n1.推进改革。").to_networkx())["nodes"]
        {'document': 1, 'section': 1, 'paragraph': 2, 'sentence': 2, 'item': 1, 'task': 1}
    """
    nodes = Counter(kind for _, kind in graph.nodes(data="kind"))
    edges: Counter[str] = Counter()
    for _, _, data in graph.edges(data=True):
        edges[data["relation"]] += 1
        if data.get("role"):
            edges[f"performs:{data['role']}"] += 1
    return {"nodes": dict(nodes), "edges": dict(edges)}


def write_graphml(plan: "Plan", path: str | os.PathLike[str]) -> None:
    """Write the graph as GraphML (what Gephi, Cytoscape and networkx read).

    Text attributes lose the characters XML cannot hold (C0 controls of a
    scraped page: :func:`policyparse.sanitize.xml_text`); the file is written
    under a temporary name and renamed when complete, so a failure leaves no
    truncated file (:mod:`policyparse.outputs`).

    Raises:
        PolicyParseError: the disk refused the write.
    """
    import networkx as nx  # noqa: PLC0415

    graph = to_networkx(plan)
    for attrs in (graph.graph, *(a for _, a in graph.nodes(data=True)), *(a for *_, a in graph.edges(data=True))):
        for key, value in attrs.items():
            if isinstance(value, str):
                attrs[key] = xml_text(value)
    with atomic_path(path) as tmp:
        nx.write_graphml(graph, os.fspath(tmp))


def node_link(plan: "Plan") -> dict[str, Any]:
    """The graph as node-link data (``networkx.node_link_data`` with ``edges="edges"``),
    ready for ``json.dump`` and for ``networkx.node_link_graph(data, edges="edges")``."""
    import networkx as nx  # noqa: PLC0415

    return nx.node_link_data(to_networkx(plan), edges="edges")


def write_node_link(plan: "Plan", path: str | os.PathLike[str]) -> None:
    """Write the node-link data as one JSON file (UTF-8, Chinese kept as is), whole or not at all."""
    with atomic_open(path, "w") as f:
        json.dump(node_link(plan), f, ensure_ascii=False)
