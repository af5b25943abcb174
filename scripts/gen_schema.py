#!/usr/bin/env python3
"""Generate ``docs/plan.schema.json`` (JSON Schema draft 2020-12) from the document model.

The schema is derived from :mod:`policyparse.model`, never written by hand:

* which keys an object has, and in what order, is read off what
  ``Plan.to_dict()`` actually emits for a sample plan (so ``Plan.raw_text``,
  which is not serialised, is left out, and a field added to a dataclass but
  not to ``to_dict`` cannot slip into the schema unnoticed);
* each key's JSON type comes from the dataclass field's type hint
  (``typing.get_type_hints``): ``Optional[X]`` is ``X`` or ``null``,
  ``tuple[int, int]`` (a span) an array of two integers, ``Literal[...]`` an
  enum, a nested dataclass a ``$ref`` into ``$defs``;
* ``schema_version`` is a ``const`` equal to ``policyparse.SCHEMA_VERSION``;
* titles and descriptions come from the dataclass docstrings: the class
  docstring describes the object, and a field is described by a ``#:``
  comment above it or else by the docstring clause that begins with its name
  (````kind`` is the structural role …``).

Every emitted key is always present (``to_dict`` writes ``null`` rather than
leaving a key out), so all keys are ``required`` and objects are closed
(``additionalProperties: false``). ``targets`` is not a field but a view of
``quantities`` (those of kind ``target``) that ``to_dict`` writes out too.

Usage::

    python scripts/gen_schema.py            # write docs/plan.schema.json
    python scripts/gen_schema.py --check    # exit 1 if the file on disk is stale
"""
from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Optional, Union

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "docs" / "plan.schema.json"

try:
    from policyparse import model
except ImportError:  # running from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
    from policyparse import model

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SPAN: Any = tuple[int, int]


# --- docstrings -------------------------------------------------------------------------------
def _plain(text: str) -> str:
    """Docstring reST made plain: ``x`` and :role:`x` become x, whitespace collapsed."""
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", text)
    text = re.sub(r"``([^`]+)``", r"\1", text)
    return " ".join(text.split())


def _paragraphs(doc: Optional[str]) -> list[str]:
    """The prose paragraphs of a docstring (an ``Example:`` section and what follows is dropped)."""
    if not doc:
        return []
    out = []
    for para in re.split(r"\n\s*\n", inspect.cleandoc(doc)):
        if para.lstrip().startswith((">>>", "Example:", "Examples:")):
            break
        out.append(para)
    return out


def class_description(cls: type) -> str:
    return _plain("\n\n".join(_paragraphs(cls.__doc__)))


def _comment_docs(cls: type) -> dict[str, str]:
    """Sphinx-style ``#:`` comments directly above ``name: type`` lines of a class body."""
    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):
        return {}
    docs: dict[str, str] = {}
    pending: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        m = re.match(r"([A-Za-z_]\w*)\s*:", stripped)
        if m and pending:
            docs[m.group(1)] = _plain(" ".join(pending))
        pending = []
    return docs


def field_descriptions(cls: type, names: list[str]) -> dict[str, str]:
    """Per-field descriptions: a ``#:`` comment above the field, else the docstring
    clause that starts with ````name````, else the first clause that mentions ````name````."""
    body = " ".join(" ".join(p.split()) for p in _paragraphs(cls.__doc__)[1:])
    # a clause starts with ``name`` at the start of the text or after "; ", ", ", ". " or ": "
    starts = sorted(
        (m.start(), name)
        for name in names
        for m in [re.search(rf"(?:^|(?<=[;,.:] ))``{re.escape(name)}``", body)]
        if m
    )
    clauses: dict[str, str] = {}
    for i, (pos, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(body)
        clause = body[pos:end]
        stop = re.search(r"; |\. ", clause)  # a clause also ends at "; " or a sentence end
        clause = clause[: stop.start() if stop else len(clause)].rstrip(" ,;")
        if clause.endswith(".") and not clause.endswith("..."):
            clause = clause[:-1]
        clauses[name] = clause
    docs = _comment_docs(cls)
    for name in names:
        if name in docs:
            continue
        if name in clauses:
            docs[name] = _plain(clauses[name])
            continue
        mention = next((c for c in clauses.values() if f"``{name}``" in c), None)
        if mention is not None:
            docs[name] = _plain(mention)
    return docs


def span_description() -> str:
    """The span convention, as the model's module docstring states it."""
    for para in _paragraphs(model.__doc__):
        if "half-open" in para:
            return _plain(para)
    return "Half-open [start, end) character offsets."


# --- types --------------------------------------------------------------------------------------
def type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a field's type hint (as ``to_dict`` serialises it)."""
    if tp == SPAN:
        return {"$ref": "#/$defs/Span"}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        alts = [type_schema(a, defs) for a in members]
        if type(None) in args:
            alts.append({"type": "null"})
        return alts[0] if len(alts) == 1 else {"anyOf": alts}
    if origin is Literal:
        kinds = {type(a) for a in args}
        if kinds != {str}:
            raise TypeError(f"only string literals are supported, got {tp!r}")
        return {"type": "string", "enum": list(args)}
    if origin is list:
        return {"type": "array", "items": type_schema(args[0], defs)}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": type_schema(args[0], defs)}
        return {"type": "array", "prefixItems": [type_schema(a, defs) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if origin is dict:
        if args and args[0] is not str:
            raise TypeError(f"JSON object keys must be strings, got {tp!r}")
        return {"type": "object"}
    if tp is Any:
        return {}
    if dataclasses.is_dataclass(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON Schema mapping for type {tp!r}")


def _sample_value(tp: Any) -> Any:
    """Some value of type ``tp`` (to build a sample instance whose ``to_dict`` keys we read)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        return None if type(None) in args else _sample_value(args[0])
    if origin is Literal:
        return args[0]
    if origin is tuple:
        return tuple(_sample_value(a) for a in args if a is not Ellipsis)
    if origin in (list, dict):
        return origin()
    if dataclasses.is_dataclass(tp):
        return sample(tp)
    return {str: "", int: 0, float: 0.0, bool: False}.get(tp)


def sample(cls: type) -> Any:
    """An instance of dataclass ``cls`` with every field set (defaults where they exist)."""
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kwargs[f.name] = _sample_value(hints[f.name])
    return cls(**kwargs)


def emitted_keys() -> dict[type, list[str]]:
    """The keys ``Plan.to_dict()`` writes for each dataclass of the model, in order."""
    plan = sample(model.Plan)
    plan.nodes = [sample(model.Node)]
    plan.warnings = [sample(model.ParseWarning)]
    task = sample(model.Task)
    task.actors = [sample(model.TaskActor)]
    plan.tasks = [task]
    plan.quantities = [sample(model.Quantity)]
    plan.actors = [sample(model.Actor)]
    plan.references = [sample(model.Reference)]
    plan.edges = [sample(model.Edge)]
    d = plan.to_dict()
    return {
        model.Plan: list(d),
        model.Meta: list(d["meta"]),
        model.Node: list(d["nodes"][0]),
        model.ParseWarning: list(d["warnings"][0]),
        model.Task: list(d["tasks"][0]),
        model.TaskActor: list(d["tasks"][0]["actors"][0]),
        model.Quantity: list(d["quantities"][0]),
        model.Actor: list(d["actors"][0]),
        model.Reference: list(d["references"][0]),
        model.Edge: list(d["edges"][0]),
    }


#: keys ``to_dict`` writes that are views, not fields: their schema and description
VIEWS: dict[str, tuple[dict[str, Any], str]] = {
    "targets": ({"type": "array", "items": {"$ref": "#/$defs/Quantity"}},
                "The quantities of kind target (the plan's numeric commitments), in text order: "
                "the same records as in quantities."),
}


def object_schema(cls: type, keys: list[str], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    field_names = [f.name for f in dataclasses.fields(cls)]
    unknown = [k for k in keys if k not in field_names and not (cls is model.Plan and k in VIEWS)]
    if unknown:
        raise SystemExit(f"gen_schema: {cls.__name__}.to_dict emits keys that are not fields: {unknown}")
    docs = field_descriptions(cls, field_names)
    props: dict[str, Any] = {}
    for name in keys:
        if name not in hints:
            schema_, description = VIEWS[name]
            props[name] = {"description": description, **schema_}
            continue
        prop = type_schema(hints[name], defs)
        if name in docs:
            prop = {"description": docs[name], **prop}
        props[name] = prop
    schema: dict[str, Any] = {"title": cls.__name__}
    desc = class_description(cls)
    if desc:
        schema["description"] = desc
    schema.update({"type": "object", "properties": props, "required": list(keys), "additionalProperties": False})
    return schema


# --- the schema ---------------------------------------------------------------------------------
def build_schema() -> dict[str, Any]:
    """The JSON Schema of ``Plan.to_dict()`` output."""
    keys = emitted_keys()
    defs: dict[str, Any] = {
        "Span": {
            "title": "Span",
            "description": span_description(),
            "type": "array",
            "prefixItems": [{"type": "integer"}, {"type": "integer"}],
            "minItems": 2,
            "maxItems": 2,
        },
    }
    for cls in (model.Meta, model.Node, model.ParseWarning, model.Task, model.TaskActor, model.Quantity,
                model.Actor, model.Reference, model.Edge):
        defs[cls.__name__] = object_schema(cls, keys[cls], defs)
    plan = object_schema(model.Plan, keys[model.Plan], defs)
    plan["properties"]["schema_version"]["const"] = model.SCHEMA_VERSION
    return {"$schema": DIALECT, **plan, "$defs": defs}


def render_schema() -> str:
    """The exact text of ``docs/plan.schema.json``."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Generate docs/plan.schema.json from policyparse.model.")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the file differs from what would be generated")
    ap.add_argument("-o", "--output", type=Path, default=SCHEMA_PATH, help=f"schema file (default: {SCHEMA_PATH.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    text = render_schema()
    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except FileNotFoundError:
            print(f"gen_schema: {args.output} does not exist; run python scripts/gen_schema.py", file=sys.stderr)
            return 1
        if current != text:
            print(f"gen_schema: {args.output} is out of date; run python scripts/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
