"""Tables: one row per record, ids and spans as columns, frames that join without loss."""
from __future__ import annotations

import pytest

import policyparse
from policyparse.export.tables import TABLES


@pytest.fixture(scope="module")
def frames(bundled_plan):
    return bundled_plan.frames()


def test_one_row_per_record(bundled_plan, frames):
    assert list(frames) == list(TABLES)
    assert len(frames["nodes"]) == len(bundled_plan.nodes)
    assert len(frames["tasks"]) == len(bundled_plan.tasks)
    assert len(frames["roles"]) == sum(len(t.actors) for t in bundled_plan.tasks)
    assert len(frames["targets"]) == len(bundled_plan.targets) == 14
    assert len(frames["quantities"]) == len(bundled_plan.quantities)
    assert len(frames["actors"]) == len(bundled_plan.actors)
    assert len(frames["references"]) == len(bundled_plan.references)
    assert len(frames["edges"]) == len(bundled_plan.edges)


def test_spans_are_columns_that_slice_the_text(bundled_plan, frames):
    text = bundled_plan.text
    for row in frames["tasks"].itertuples():
        assert text[row.start:row.end] == row.text
        if isinstance(row.verb, str):
            assert text[row.verb_start:row.verb_end] == row.verb
    for row in frames["targets"].itertuples():
        assert text[row.start:row.end] == row.surface
    for row in frames["nodes"].itertuples():
        assert (row.start, row.end) == bundled_plan.node(row.id).span
    assert str(frames["nodes"]["start"].dtype) == "Int64"


def test_frames_join_on_ids_without_loss(frames):
    tasks, nodes, roles, actors, targets = (frames[k] for k in ("tasks", "nodes", "roles", "actors", "targets"))
    joined = tasks.merge(nodes[["id", "kind"]], left_on="node", right_on="id", how="left",
                         suffixes=("", "_node"), validate="many_to_one", indicator=True)
    assert (joined["_merge"] == "both").all() and len(joined) == len(tasks)
    who = roles.merge(actors[["id", "name"]], left_on="actor", right_on="id", how="left", indicator=True)
    assert (who["_merge"] == "both").all()
    assert set(who[who.role == "implicit"].name) == {"市教育局党委", "市教育局"}
    assert set(who[who.role == "lead"].name) >= {"市委", "市政府"}
    assert targets["task"].isin(tasks["id"]).all()


def test_empty_plan_has_the_same_columns(frames):
    empty = policyparse.parse("一、总体要求", extract=False)
    for kind in TABLES:
        assert list(empty.to_frame(kind).columns) == list(frames[kind].columns), kind
        assert empty.to_frame(kind).empty or kind == "nodes"


def test_unknown_table_is_a_clear_error(bundled_plan):
    with pytest.raises(ValueError, match="unknown table 'target'.*targets"):
        bundled_plan.to_frame("target")
