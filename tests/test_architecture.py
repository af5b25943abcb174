"""The package is laid out by pipeline stage, and dependencies run one way.

Each sub-package of ``src/policyparse`` is a stage with a rank; a module may
import from its own stage and from stages of a lower rank, never from one
above it (DEVELOPERS.md draws the map). Imports under ``if TYPE_CHECKING:``
are annotations only and do not count. The model is the one exception, by
design: its convenience methods (``Plan.to_frame``, ``to_networkx``,
``_repr_html_``, ``to_spacy``) import the export stage inside the method, so
``import policyparse.model`` loads no view.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import REPO

PACKAGE = REPO / "src" / "policyparse"

#: stage -> rank; a module imports only from stages of its rank or lower
RANKS = {
    "_version": 0, "errors": 0, "model": 0, "data": 0, "names": 0, "outputs": 0, "sanitize": 0,
    "ingest": 1,
    "outline": 2,
    "extract": 3,
    "pipeline": 4,
    "compare": 5, "export": 5, "evaluation": 5,
    "batch": 6,
    "cli": 7,
    "__init__": 8,
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _stage(module: str) -> str:
    return module.split(".")[0] if module else "__init__"


def _under_type_checking(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _in_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return True
    return False


def imports() -> list[tuple[str, str, bool, int]]:
    """(importing module, imported policyparse module, inside a function, line) for every runtime import."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        is_pkg = path.name == "__init__.py"
        package = module if is_pkg else module.rpartition(".")[0]
        if module == "__init__":
            package = ""
        tree = ast.parse(path.read_text("utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or _under_type_checking(node, parents):
                continue
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                prefix = ".".join([*base, *(node.module.split(".") if node.module else [])])
                for alias in node.names:  # `from . import tables` names a module
                    sub = f"{prefix}.{alias.name}" if prefix else alias.name
                    is_module = (PACKAGE / Path(*sub.split("."))).with_suffix(".py").exists() or (PACKAGE / Path(*sub.split("."))).is_dir()
                    targets.append(sub if is_module else prefix)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("policyparse"):
                targets.append(node.module.removeprefix("policyparse").lstrip("."))
            elif isinstance(node, ast.Import):
                targets += [a.name.removeprefix("policyparse").lstrip(".") for a in node.names if a.name.startswith("policyparse")]
            for target in targets:
                found.append((module, target, _in_function(node, parents), node.lineno))
    return found


def test_every_module_belongs_to_a_stage():
    stages = {_stage(_module_name(p)) for p in PACKAGE.rglob("*.py")}
    assert stages <= set(RANKS), f"modules outside any stage: {sorted(stages - set(RANKS))}; add the stage to RANKS and to DEVELOPERS.md"


def test_no_module_imports_from_a_stage_above_its_own():
    upward = []
    for module, target, in_function, line in imports():
        src, dst = _stage(module), _stage(target)
        if src == "model" and dst == "export" and in_function:
            continue  # the Plan's convenience methods delegate lazily to the views
        if RANKS[dst] > RANKS[src] or (RANKS[dst] == RANKS[src] > 0 and dst != src):  # the base (rank 0) is one stage
            upward.append(f"{module}:{line} imports {target}")
    assert upward == [], "imports against the pipeline's direction:\n" + "\n".join(upward)


def test_module_level_imports_have_no_cycle():
    graph: dict[str, set[str]] = {}
    for module, target, in_function, _ in imports():
        if not in_function and target and target != module:
            graph.setdefault(module, set()).add(target)
    seen: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, path: list[str]) -> bool:
        seen[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if seen.get(nxt) == 1:
                cycle.extend(path[path.index(nxt):] + [node, nxt] if nxt in path else [node, nxt])
                return True
            if nxt not in seen and visit(nxt, path + [node]):
                return True
        seen[node] = 2
        return False

    for start in sorted(graph):
        if start not in seen and visit(start, []):
            break
    assert cycle == [], f"an import cycle at module level: {' -> '.join(cycle)}"


@pytest.mark.parametrize("forbidden", [("compare.report", "compare.diff"), ("ingest.formats", "ingest.reader")])
def test_named_circles_stay_broken(forbidden):
    """The three circles of the old flat layout: the views import the model but the
    model imports no view at module level; report does not import diff back at run
    time; formats does not import the reader back."""
    importer, imported = forbidden
    back = [(m, t, line) for m, t, _, line in imports() if m == importer and t == imported]
    assert back == []
    model_views = [(t, line) for m, t, in_function, line in imports() if m == "model" and _stage(t) == "export" and not in_function]
    assert model_views == []
