"""The task graph: invariants on real plans, GraphML and node-link round trips."""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

import policyparse
from policyparse.export.graph import ROOT
from support import NODE_KINDS, gwr_path

KINDS = {"document", *NODE_KINDS, "task", "target", "quantity", "actor", "reference"}


@pytest.fixture(scope="module")
def reports():
    return {year: policyparse.parse_file(gwr_path(year)) for year in (1984, 2019)}


def _plans(bundled_plan, reports):
    return [("bundled", bundled_plan)] + [(f"GWR {y}", p) for y, p in reports.items()]


def assert_graph_invariants(plan: policyparse.Plan, g: nx.MultiDiGraph) -> None:
    """Rooted, closed, typed: what the issue asks of every plan's graph."""
    assert g.nodes[ROOT]["kind"] == "document" and g.in_degree(ROOT) == 0
    kinds = dict(g.nodes(data="kind"))
    # the only sources: everything but the actors hangs below the root
    assert {n for n, d in g.in_degree() if d == 0} == {ROOT} | {a.id for a in plan.actors}
    assert set(kinds.values()) <= KINDS and None not in kinds.values()
    # the node count is the records' count: no node created by a dangling edge, none missing
    assert g.number_of_nodes() == 1 + len(plan.nodes) + len(plan.tasks) + len(plan.quantities) + \
        len(plan.actors) + len(plan.references)
    placed = [r for r in (*plan.quantities, *plan.references) if r.task is None]  # contained by their node
    assert g.number_of_edges() == len(plan.edges) + sum(1 for n in plan.nodes if n.parent is None) + len(placed)
    # every task reachable from the root through `contains` alone
    contains = nx.DiGraph((u, v) for u, v, r in g.edges(data="relation") if r == "contains")
    reachable = nx.descendants(contains, ROOT)
    tasks = {n for n, k in kinds.items() if k == "task"}
    assert tasks and tasks <= reachable
    # and every other record below the root (targets, quantities, references through their task)
    assert set(kinds) - {a.id for a in plan.actors} == nx.descendants(g, ROOT) | {ROOT}
    # every target has exactly one incoming has_target edge, from a task
    targets = [n for n, k in kinds.items() if k == "target"]
    assert len(targets) == len(plan.targets)
    for q in targets:
        into = [(u, r) for u, _, r in g.in_edges(q, data="relation")]
        assert len(into) == 1 and into[0][1] == "has_target" and kinds[into[0][0]] == "task", (q, into)
    # every edge is typed, its ends have the kinds its relation joins
    ends = {"contains": ({"document", *NODE_KINDS}, {*NODE_KINDS, "task", "quantity", "reference"}), "performs": ({"actor"}, {"task"}),
            "has_target": ({"task"}, {"target"}), "has_quantity": ({"task"}, {"quantity"}),
            "cites": ({"task"}, {"reference"})}
    for u, v, data in g.edges(data=True):
        sources, targets_ = ends[data["relation"]]
        assert kinds[u] in sources and kinds[v] in targets_, (u, v, data)
        assert ("role" in data) == (data["relation"] == "performs")


def test_graph_invariants_on_the_bundled_plan_and_two_reports(bundled_plan, reports):
    for name, plan in _plans(bundled_plan, reports):
        g = plan.to_networkx()
        assert_graph_invariants(plan, g)
        assert plan.tasks and plan.targets, name


def test_bundled_plan_graph_counts(bundled_plan):
    g = bundled_plan.to_networkx()
    kinds = Counter(k for _, k in g.nodes(data="kind"))
    assert kinds["document"] == 1 and kinds["section"] == 5 and kinds["item"] == 27
    assert kinds["target"] == 14 and kinds["task"] == len(bundled_plan.tasks)
    relations = Counter(r for _, _, r in g.edges(data="relation"))
    assert relations["has_target"] == 14
    assert relations["performs"] == sum(len(t.actors) for t in bundled_plan.tasks)
    # the roles are on the edges: the 市委 and 市政府 lead (在…领导下) the item on 教育大会 follow-up
    leaders = {g.nodes[u]["name"] for u, _, d in g.edges(data=True) if d.get("role") == "leader"}
    assert {"市委", "市政府"} <= leaders


def test_attributes_are_the_records_fields_with_readable_labels(bundled_plan):
    g = bundled_plan.to_networkx()
    item = bundled_plan.items[0]
    attrs = g.nodes[item.id]
    assert attrs["kind"] == "item" and attrs["numbering"] == "1." and attrs["heading"] == item.heading
    assert (attrs["start"], attrs["end"]) == item.span and attrs["label"].startswith("1.抓好")
    target = bundled_plan.targets[7]
    attrs = g.nodes[target.id]
    assert (attrs["kind"], attrs["quantity_kind"], attrs["comparator"], attrs["value"]) == ("target", "target", ">=", 90.5)
    assert attrs["label"] == "全市学前三年教育毛入学率 ≥90.5%"
    assert bundled_plan.text[attrs["start"]:attrs["end"]] == target.surface
    issuer = g.nodes["a0"]
    assert issuer["kind"] == "actor" and issuer["actor_kind"] and issuer["issuer"] is True
    reference = next(n for n, k in g.nodes(data="kind") if k == "reference")
    assert g.nodes[reference]["label"].startswith(("《", "“"))
    for _, data in g.nodes(data=True):  # GraphML-ready: scalars only, no missing values
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data


def test_graphml_round_trip_keeps_every_node_and_edge(bundled_plan, reports, tmp_path):
    for name, plan in _plans(bundled_plan, reports):
        g = plan.to_networkx()
        path = tmp_path / f"{name}.graphml"
        plan.to_graphml(path)
        back = nx.read_graphml(path, force_multigraph=True)
        assert back.is_directed() and back.is_multigraph()
        assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
        assert Counter(k for _, k in back.nodes(data="kind")) == Counter(k for _, k in g.nodes(data="kind"))
        assert Counter((u, v, r) for u, v, r in back.edges(data="relation")) == \
            Counter((u, v, r) for u, v, r in g.edges(data="relation"))
        assert back.nodes["a0"]["label"] == g.nodes["a0"]["label"]
        assert back.graph["title"] == plan.meta.title


def test_node_link_json_round_trip(bundled_plan, tmp_path):
    path = tmp_path / "plan.json"
    bundled_plan.to_node_link_json(path)
    data = json.loads(path.read_text("utf-8"))
    assert set(data) >= {"nodes", "edges", "directed", "multigraph", "graph"}
    back = nx.node_link_graph(data, edges="edges")
    g = bundled_plan.to_networkx()
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    assert dict(back.nodes(data="kind")) == dict(g.nodes(data="kind"))


def test_a_dangling_edge_is_reported_not_drawn():
    plan = policyparse.parse("一、总体要求\n1.推进改革。")
    plan.edges.append(type(plan.edges[0])(source="a9", target=plan.tasks[0].id, relation="performs", role="lead"))
    with pytest.raises(ValueError, match="no record 'a9'"):
        plan.to_networkx()
