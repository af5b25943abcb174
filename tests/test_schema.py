"""The JSON form of a plan: docs/plan.schema.json, the generator, the key contract, round trips."""
from __future__ import annotations

import ast
import copy
import dataclasses
import importlib.util
import json
import re
import subprocess
import sys

import jsonschema
import pytest

import policyparse
from policyparse import SCHEMA_VERSION, Plan
from policyparse.cli.main import main as cli_main
from policyparse.ingest.offsets import MapChain, OffsetMap
from support import BUNDLED, NODE_KINDS as _NODE_KINDS, REPO, assert_spans, gwr_path

SCHEMA_FILE = REPO / "docs" / "plan.schema.json"
GENERATOR = REPO / "scripts" / "gen_schema.py"

#: The contract: what Plan.to_dict() emits, in this order (see docs/schema.md).
PLAN_KEYS = ["schema_version", "meta", "text", "nodes", "tasks", "targets", "quantities",
             "actors", "references", "edges", "warnings"]
META_KEYS = ["title", "year", "issuers", "doc_type", "region", "source", "notice"]
NODE_KEYS = ["id", "parent", "kind", "label", "ordinal", "heading", "span", "raw_span", "heading_span", "role"]
WARNING_KEYS = ["code", "message", "span", "raw_span", "text"]
TASK_KEYS = ["id", "node", "verb", "verb_class", "modifiers", "object", "span", "text", "verb_span", "object_span",
             "commitment", "lead", "actors", "raw_span"]
QUANTITY_KEYS = ["id", "node", "task", "kind", "indicator", "comparator", "value", "value_max", "unit", "base_value",
                 "base_unit", "measure", "commitment", "deadline", "text", "span", "surface", "indicator_span",
                 "clause_span", "raw_span", "base_period", "base_period_span"]
ACTOR_KEYS = ["id", "name", "kind", "mentions", "aliases", "collective", "issuer"]
REFERENCE_KEYS = ["id", "node", "kind", "title", "span", "issuer", "task", "raw_span"]
EDGE_KEYS = ["source", "target", "relation", "role"]
NODE_KINDS = list(_NODE_KINDS)


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_schema", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen():
    return _load_generator()


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module", params=["bundled", "gwr-2019"])
def plan(request):
    path = BUNDLED if request.param == "bundled" else gwr_path(2019)
    assert path.is_file(), f"test corpus missing: {path}"
    return policyparse.parse_file(path)


@pytest.fixture(scope="module")
def small_plan():
    return policyparse.parse("2020年工作要点\n一、总体要求\n1.抓好学习。深入推进改革。")


# --- (a) real plans validate -----------------------------------------------------------------
def test_schema_is_valid_draft_2020_12(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_parsed_plans_validate(plan, validator):
    data = plan.to_dict()
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    # the corpora exercise the parts of the schema that matter
    assert len(data["nodes"]) > 100
    assert {n["kind"] for n in data["nodes"]} >= {"preamble", "section", "paragraph", "sentence"}
    assert data["warnings"], "expected at least one warning (dropped debris / boilerplate)"


def test_plan_validates_through_json_text(plan, validator):
    # what a consumer of the JSON file sees (tuples become arrays etc.)
    validator.validate(json.loads(plan.to_json()))


def test_small_plan_and_warnings_validate(small_plan, validator):
    validator.validate(small_plan.to_dict())
    unnumbered = policyparse.parse("只有一段话，没有编号。")
    assert [w.code for w in unnumbered.warnings] == ["no-numbering"]
    validator.validate(unnumbered.to_dict())
    skipped = policyparse.parse("2020年要点\n一、甲\n二、乙\n四、丁\n四、戊")
    assert [w.code for w in skipped.warnings] == ["skipped-number", "repeated-number"]
    validator.validate(skipped.to_dict())


@pytest.mark.parametrize("mutate, why", [
    (lambda d: d.update(raw_text="x"), "raw_text is not part of the JSON form"),
    (lambda d: d.pop("edges"), "every top-level key is required"),
    (lambda d: d.update(schema_version="0.9"), "schema_version is a const"),
    (lambda d: d["meta"].update(year="2020"), "year is an integer"),
    (lambda d: d["meta"].pop("region"), "meta keys are always present"),
    (lambda d: d["nodes"][0].update(kind="chapter"), "kind is an enum"),
    (lambda d: d["nodes"][0].update(span=[1, 2, 3]), "a span has two members"),
    (lambda d: d["nodes"][0].update(span=[1.5, 2]), "span members are integers"),
    (lambda d: d["nodes"][0].update(raw_span=None), "raw_span is not nullable on nodes"),
    (lambda d: d["nodes"][0].update(extra=1), "nodes are closed objects"),
    (lambda d: d["warnings"].append({"code": "x", "message": "y"}), "warning keys are always present"),
    (lambda d: d["tasks"].append("not an object"), "extraction lists hold objects"),
])
def test_schema_rejects_bad_documents(small_plan, validator, mutate, why):
    data = copy.deepcopy(small_plan.to_dict())
    validator.validate(data)
    mutate(data)
    assert not validator.is_valid(data), why


def test_schema_describes_kinds_and_version(schema):
    node = schema["$defs"]["Node"]
    assert node["properties"]["kind"]["enum"] == NODE_KINDS
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    span = schema["$defs"]["Span"]
    assert span["prefixItems"] == [{"type": "integer"}, {"type": "integer"}]
    assert span["minItems"] == span["maxItems"] == 2
    # titles and descriptions come from the dataclass docstrings
    for name in ("Meta", "Node", "ParseWarning"):
        assert schema["$defs"][name]["title"] == name
        assert schema["$defs"][name]["description"]
    assert "half-open" in span["description"]
    assert node["properties"]["kind"]["description"].startswith("kind is the structural role")


# --- (b) the file on disk is what the generator produces ---------------------------------------
def test_schema_file_is_generated(gen):
    on_disk = SCHEMA_FILE.read_text(encoding="utf-8")
    assert on_disk == gen.render_schema(), "docs/plan.schema.json is stale: run python scripts/gen_schema.py"
    assert json.loads(on_disk) == gen.build_schema()


def test_generator_check_mode(gen, tmp_path):
    assert subprocess.run([sys.executable, str(GENERATOR), "--check"], cwd=REPO).returncode == 0
    stale = tmp_path / "plan.schema.json"
    stale.write_text(gen.render_schema().replace(f'"{policyparse.SCHEMA_VERSION}"', '"0.0"'), encoding="utf-8")
    assert gen.main(["--check", "--output", str(stale)]) == 1
    assert gen.main(["--check", "--output", str(tmp_path / "missing.json")]) == 1
    fresh = tmp_path / "out" / "plan.schema.json"
    assert gen.main(["--output", str(fresh)]) == 0
    assert fresh.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")
    assert gen.main(["--check", "--output", str(fresh)]) == 0


def test_generator_follows_the_model(gen):
    # keys come from what to_dict emits, not from the dataclass fields (raw_text and offsets are not emitted)
    keys = gen.emitted_keys()
    assert keys[Plan] == PLAN_KEYS


_RAW_SENTINEL = "RAW-TEXT-SENTINEL-原文哨兵"
_NOT_SERIALISED = ("raw_text", "offsets")


def _all_keys(obj) -> set[str]:
    """Every key of every object in a JSON document, at any depth."""
    if isinstance(obj, dict):
        return set(obj) | {k for v in obj.values() for k in _all_keys(v)}
    if isinstance(obj, list):
        return {k for v in obj for k in _all_keys(v)}
    return set()


def test_raw_text_and_offsets_are_not_serialised(plan, small_plan):
    for p in (plan, small_plan):
        assert p.raw_text is not None and p.offsets is not None  # a parsed plan has both ...
        data = p.to_dict()
        for form in (data, json.loads(p.to_json()), json.loads(p.to_json(indent=2))):
            assert not _all_keys(form) & set(_NOT_SERIALISED)  # ... and neither is emitted
        # the serialised form does not depend on them at all
        without = dataclasses.replace(p, raw_text=None, offsets=None)
        other = dataclasses.replace(p, raw_text=_RAW_SENTINEL,
                                    offsets=MapChain([OffsetMap.identity(len(_RAW_SENTINEL))]))
        assert without.to_dict() == other.to_dict() == data
        assert without.to_json() == other.to_json() == p.to_json()
        assert _RAW_SENTINEL not in other.to_json() and _RAW_SENTINEL not in other.to_json(indent=2)
        # and a plan read back from JSON has neither
        loaded = Plan.from_json(p.to_json())
        assert loaded.raw_text is None and loaded.offsets is None


# --- (c) JSON round trip ------------------------------------------------------------------------
def test_json_round_trip(plan):
    again = Plan.from_json(plan.to_json())
    assert again.to_dict() == plan.to_dict()
    assert again.nodes == plan.nodes and again.warnings == plan.warnings and again.meta == plan.meta
    assert all(isinstance(n.span, tuple) for n in again.nodes)


def test_json_round_trip_indented(small_plan):
    assert Plan.from_json(small_plan.to_json(indent=2)).to_dict() == small_plan.to_dict()


# --- (d) the key contract -----------------------------------------------------------------------
def test_top_level_and_node_keys(plan, schema):
    data = plan.to_dict()
    assert list(data) == PLAN_KEYS
    assert "raw_text" not in data
    assert list(data["meta"]) == META_KEYS
    assert all(list(n) == NODE_KEYS for n in data["nodes"])
    assert all(list(w) == WARNING_KEYS for w in data["warnings"])
    # and the schema names exactly the same keys
    assert list(schema["properties"]) == PLAN_KEYS == schema["required"]
    assert list(schema["$defs"]["Meta"]["properties"]) == META_KEYS
    assert list(schema["$defs"]["Node"]["properties"]) == NODE_KEYS
    assert list(schema["$defs"]["ParseWarning"]["properties"]) == WARNING_KEYS
    for name, keys, records in (("Task", TASK_KEYS, data["tasks"]), ("Quantity", QUANTITY_KEYS, data["quantities"]),
                                ("Actor", ACTOR_KEYS, data["actors"]), ("Reference", REFERENCE_KEYS, data["references"]),
                                ("Edge", EDGE_KEYS, data["edges"])):
        assert records and all(list(r) == keys for r in records), name
        assert list(schema["$defs"][name]["properties"]) == keys, name
    assert all(list(q) == QUANTITY_KEYS for q in data["targets"])


def test_span_convention(plan):
    """Spans are half-open offsets: span into text, raw_span into the decoded file."""
    raw = plan.raw_text
    assert raw == policyparse.read(plan.meta.source).text
    for n in plan.nodes:
        s, e = n.span
        assert 0 <= s < e <= len(plan.text)
        if n.heading is not None:
            assert plan.text[slice(*n.heading_span)] == n.heading
        if n.label is not None:
            assert plan.text[s:].startswith(n.label)
    ids = [n["id"] for n in plan.to_dict()["nodes"]]
    assert ids == [f"n{i}" for i in range(len(ids))]
    assert_spans(plan)


# --- (e) the command line prints one JSON document ---------------------------------------------
def test_cli_json_is_one_document(capsys, validator):
    path = str(BUNDLED)
    assert cli_main(["parse", path, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    doc, end = json.JSONDecoder().raw_decode(out)
    assert out[end:] == "\n", "exactly one JSON document followed by a newline"
    assert isinstance(doc, dict)
    validator.validate(doc)
    assert doc == policyparse.parse_file(path).to_dict()


# --- docs/schema.md stays true -------------------------------------------------------------------
def test_docs_example_is_real_output(validator):
    """The JSON example in docs/schema.md is what policyparse.parse produces for its plan."""
    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    example = doc[doc.index("## Example"):]
    source = ast.literal_eval(re.search(r'policyparse\.parse\(("[^"]*")\)', example).group(1))
    shown = json.loads(re.search(r"```json\n(.*?)```", example, re.S).group(1))
    plan = policyparse.parse(source)
    assert shown == plan.to_dict()
    validator.validate(shown)
    # every field and warning code of the model is documented
    for key in PLAN_KEYS + META_KEYS + NODE_KEYS + WARNING_KEYS + NODE_KINDS:
        assert f"`{key}`" in doc, key
    for key in TASK_KEYS + QUANTITY_KEYS + ACTOR_KEYS + REFERENCE_KEYS + EDGE_KEYS:
        assert f"`{key}`" in doc, key
    for word in ("target", "achieved", "forecast", "condition", "periodicity", "baseline", "co-lead", "leader",
                 "review", "goals", "tasks", "self_governance", "explanation", "annex", "closing",
                 "supported", "guided", "implicit", "has_target", "cites", "performs"):
        assert f"`{word}`" in doc, word
    for code in ("skipped-number", "repeated-number", "dropped-debris", "dropped-boilerplate", "no-numbering"):
        assert f"`{code}`" in doc, code
