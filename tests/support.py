"""Shared test helpers: where the corpora and the gold are, the kinds of nodes,
and the span invariants every parsed plan keeps.

Test modules import them from here (``from support import ...``; ``tests/`` is
on the path, see ``pythonpath`` in pyproject.toml) instead of redefining them.
The fixtures are in ``conftest.py``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import policyparse
from policyparse.model import HEADING_KINDS, Role
from policyparse.extract.quantities import drop_base

REPO = Path(__file__).resolve().parents[1]
#: ../shared/corpora beside the checkout (CI has it too); read in place, never copied
CORPORA = REPO.parent / "shared" / "corpora"
GWR = CORPORA / "gwr"
BUNDLED = REPO / "corpora" / "edu-bureau-2019.txt"
GOLD = Path(__file__).resolve().parent / "gold"

#: every kind a node can have; the numbered ones are policyparse.model.HEADING_KINDS
NODE_KINDS = ("preamble", *HEADING_KINDS, "enumeration", "paragraph", "sentence")

__all__ = ["REPO", "CORPORA", "GWR", "BUNDLED", "GOLD", "HEADING_KINDS", "NODE_KINDS", "gwr_path", "assert_spans", "assert_facts"]


def gwr_path(year: int | str) -> Path:
    """The Government Work Report of ``year``. Call it inside a test, never at import time."""
    path = GWR / f"{year}.txt"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: the shared corpora must sit beside the checkout (../shared/corpora)")
    return path


# --- the span invariant -------------------------------------------------------------------
_WS = re.compile(r"\s+")


def _squash(s: str) -> str:
    """``s`` without any whitespace: the only difference a raw slice may show after normalising."""
    return _WS.sub("", s)


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def assert_spans(plan: policyparse.Plan) -> None:
    """Every node of ``plan``, of every kind, keeps the span contract:

    * ``span`` is a non-empty slice of ``plan.text`` without surrounding whitespace;
    * a labelled node's span starts with its label;
    * ``raw_span`` is a non-empty slice of ``plan.raw_text`` without surrounding
      whitespace, and that raw slice,
      normalised on its own (``normalize(raw, drop_debris=False)``) after
      taking out what the plan's warnings record as dropped debris inside it
      (page chrome between a title and the body), is the node's text up to
      whitespace (nothing else is folded);
    * ``heading_span`` slices ``plan.text`` to ``heading`` (and is ``None``
      exactly when ``heading`` is), inside the node's span;
    * a child's ``span`` and ``raw_span`` lie inside its parent's, and the
      parent comes first.
    """
    from policyparse.ingest.normalize import normalize  # noqa: PLC0415

    text, raw = plan.text, plan.raw_text
    assert raw is not None, "assert_spans needs a parsed plan (one loaded from JSON has no raw_text)"
    cache: dict[str, str] = {}  # a long file repeats itself: normalise each distinct slice once

    def _normalised(raw_slice: str) -> str:
        if raw_slice not in cache:
            cache[raw_slice] = normalize(raw_slice, drop_debris=False).text
        return cache[raw_slice]

    dropped = sorted(w.raw_span for w in plan.warnings
                     if w.code in ("dropped-debris", "dropped-boilerplate") and w.raw_span is not None)

    def _kept(rs: int, re_: int) -> str:
        """The raw slice without the dropped debris that lies inside it."""
        out, pos = [], rs
        for ds, de in dropped:
            if rs <= ds and de <= re_:
                out.append(raw[pos:ds])
                pos = de
        out.append(raw[pos:re_])
        return "".join(out)

    by_id = {n.id: n for n in plan.nodes}
    order = {n.id: i for i, n in enumerate(plan.nodes)}
    bad: list[tuple] = []
    for n in plan.nodes:
        if n.kind not in NODE_KINDS:
            bad.append(("unknown kind", n))
        s, e = n.span
        if not (0 <= s < e <= len(text)):
            bad.append(("span out of the text or empty", n))
            continue
        content = text[s:e]
        if content != content.strip():
            bad.append(("span has surrounding whitespace", n, content[:20], content[-20:]))
        if n.label is not None and not content.startswith(n.label):
            bad.append(("span does not start with the label", n, content[:20]))
        rs, re_ = n.raw_span
        if not (0 <= rs < re_ <= len(raw)):
            bad.append(("raw_span out of raw_text or empty", n))
        else:
            if raw[rs:re_] != raw[rs:re_].strip():
                bad.append(("raw_span has surrounding whitespace", n, raw[rs:re_][:20], raw[rs:re_][-20:]))
            again = _normalised(_kept(rs, re_))
            if _squash(again) != _squash(content):
                bad.append(("raw slice does not normalise to the node's text", n, raw[rs:re_][:60], content[:60]))
        if (n.heading is None) != (n.heading_span is None):
            bad.append(("heading and heading_span disagree", n))
        elif n.heading is not None:
            hs, he = n.heading_span
            if not (0 <= hs < he <= len(text)) or text[hs:he] != n.heading:
                bad.append(("heading_span does not slice the heading", n, text[hs:he] if he > hs else None))
            if not _inside(n.heading_span, n.span):
                bad.append(("heading_span outside the node", n))
        if n.parent is not None:
            p = by_id.get(n.parent)
            if p is None:
                bad.append(("parent does not exist", n))
                continue
            if order[p.id] >= order[n.id]:
                bad.append(("parent after child", p, n))
            if not _inside(n.span, p.span):
                bad.append(("span outside the parent's", p, n))
            if not _inside(n.raw_span, p.raw_span):
                bad.append(("raw_span outside the parent's", p, n))
    assert bad == [], f"{len(bad)} span violations, first: {bad[:5]}"


def assert_facts(plan: policyparse.Plan) -> None:
    """Every extracted fact keeps the span contract and the graph is closed:

    * a task's ``span`` slices its ``text``; its verb and object spans lie inside it
      and slice ``verb`` and ``object``; its node holds it;
    * a quantity's ``span`` slices its ``surface`` inside its clause (``text``);
      its ``raw_span``, normalised, is the surface; a target has exactly one task,
      which holds it;
    * an actor's mentions slice its name or one of its aliases;
    * a reference's span slices 《title》 or “title”;
    * every edge joins records that exist, and every task is contained by a node.
    """
    from policyparse.ingest.normalize import normalize  # noqa: PLC0415

    text, raw = plan.text, plan.raw_text
    nodes = {n.id: n for n in plan.nodes}
    tasks = {t.id: t for t in plan.tasks}
    bad: list[tuple] = []
    for t in plan.tasks:
        if text[t.span[0]:t.span[1]] != t.text or not t.text.strip():
            bad.append(("task span does not slice its text", t))
        if t.verb_span and (text[slice(*t.verb_span)] != t.verb or not _inside(t.verb_span, t.span)):
            bad.append(("verb span", t))
        if t.object_span and (text[slice(*t.object_span)] != t.object or not _inside(t.object_span, t.span)):
            bad.append(("object span", t))
        if t.node not in nodes or not _inside(t.span, nodes[t.node].span):
            bad.append(("task outside its node", t))
        for ta in t.actors:
            if ta.role not in get_args(Role):
                bad.append(("unknown role", t, ta))
    for q in plan.quantities:
        if text[q.span[0]:q.span[1]] != q.surface or q.clause_span is None or not _inside(q.span, q.clause_span):
            bad.append(("quantity span", q))
        if text[slice(*q.clause_span)] != q.text:
            bad.append(("quantity clause", q))
        if raw is not None and _squash(normalize(raw[slice(*q.raw_span)], drop_debris=False).text) != _squash(q.surface):
            bad.append(("quantity raw_span", q, raw[slice(*q.raw_span)]))
        if q.indicator_span is not None and drop_base(text[slice(*q.indicator_span)]) != q.indicator:
            bad.append(("indicator span", q))  # the span may hold the base and plan words the indicator leaves out
        if (q.base_period_span is None) != (q.base_period is None) or (
                q.base_period_span is not None and text[slice(*q.base_period_span)] not in (q.base_period, "同比")):
            bad.append(("base period span", q))
        if q.kind == "target" and (q.task not in tasks or not _inside(q.span, tasks[q.task].span)):
            bad.append(("target without its task", q))
    for a in plan.actors:
        for s, e in a.mentions:
            if text[s:e] not in (a.name, *a.aliases):
                bad.append(("actor mention", a, text[s:e]))
    for r in plan.references:
        if text[slice(*r.span)][1:-1] != r.title:
            bad.append(("reference span", r))
    ids = set(nodes) | set(tasks) | {q.id for q in plan.quantities} | {a.id for a in plan.actors} | \
        {r.id for r in plan.references}
    contained = set()
    for edge in plan.edges:
        if edge.source not in ids or edge.target not in ids:
            bad.append(("dangling edge", edge))
        if edge.relation == "contains":
            contained.add(edge.target)
    if set(tasks) - contained:
        bad.append(("tasks no node contains", sorted(set(tasks) - contained)[:5]))
    targets_per_task = [e.target for e in plan.edges if e.relation == "has_target"]
    if len(targets_per_task) != len(set(targets_per_task)) or len(targets_per_task) != len(plan.targets):
        bad.append(("a target without exactly one task",))
    assert bad == [], f"{len(bad)} fact violations, first: {bad[:5]}"
