"""The notebooks in notebooks/ run top to bottom, show their key results, and are stored without outputs.

Every ``notebooks/*.ipynb`` is collected: adding a notebook is adding its file.
Each runs with nbclient in a kernel started with this interpreter (a kernelspec
written to a temporary JUPYTER_PATH, so a user's own ``python3`` kernel is never
picked up), with the Agg backend, from a temporary ``notebooks/`` folder laid out
as in the checkout (``../corpora`` and ``../../shared/corpora`` are links to the
real ones): whatever a notebook writes (``diff-2018-2019.html``) lands there,
never in the source tree. The key results each notebook shows are asserted on
its outputs (``KEY_RESULTS``).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from support import CORPORA, REPO

NOTEBOOKS = REPO / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
KERNEL = "policyparse-tests"
#: seconds one cell may take (a notebook parsing many reports takes a while on 2 cores)
CELL_TIMEOUT = 900


@pytest.fixture(scope="module")
def kernel_path(tmp_path_factory) -> Path:
    """A JUPYTER_PATH whose only kernel runs ``sys.executable``, with Agg as matplotlib's backend."""
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "policyparse tests", "language": "python",
        "env": {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
    }), encoding="utf-8")
    return root


def test_there_are_notebooks():
    assert "01-parse-a-plan.ipynb" in [p.name for p in PATHS]


@pytest.fixture()
def workspace(tmp_path) -> Path:
    """``tmp/repo/notebooks`` to run in, with ``../corpora`` and ``../../shared/corpora`` linked in place."""
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    (repo / "corpora").symlink_to(REPO / "corpora", target_is_directory=True)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "corpora").symlink_to(CORPORA, target_is_directory=True)
    return repo / "notebooks"


def _shown(cell) -> str:
    """What a code cell shows: its printed text and the plain text of its results."""
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif "data" in o and "text/plain" in o["data"]:
            parts.append(o["data"]["text/plain"])
    return "\n".join(parts)


def _key_results_01(code: list, folder: Path) -> None:
    html = [o["data"]["text/html"] for c in code for o in c.outputs if "text/html" in o.get("data", {})]
    assert html and html[0].startswith('<div class="pp-plan">') and len(html) >= 3  # the plan, then its tables
    shown = [_shown(c) for c in code]
    kinds = next(t for t in shown if "Name: count" in t)
    assert re.search(r"\bsection\s+5\b", kinds) and re.search(r"\bitem\s+27\b", kinds)
    targets = next(c for c in code if "plan.to_frame(\"targets\")" in c.source)
    assert "学前三年教育毛入学率" in _shown(targets) and "90.5" in _shown(targets)
    graphml = next(c for c in code if "to_graphml" in c.source)
    assert _shown(graphml).strip() == "True"  # the GraphML read back has every node and edge
    ents = next(c for c in code if "nlp.add_pipe" in c.source)
    assert "'TARGET': 14" in _shown(ents)


def _key_results_02(code: list, folder: Path) -> None:
    shown = [_shown(c) for c in code]
    headline = next(c for c in code if 'to_frame("headline")' in c.source)
    assert re.search(r"国内生产总值增长\s+changed", _shown(headline))
    report = folder / "diff-2018-2019.html"
    assert report.read_text("utf-8").startswith("<!DOCTYPE html>")
    markdown = next(t for t in shown if t.startswith("# "))  # the Markdown summary printed under the report
    assert "2018" in markdown.split("\n")[0] and " → " in markdown.split("\n")[0] and "| units |" in markdown
    items = _shown(next(c for c in code if "items.status.value_counts()" in c.source))
    counts = {status: int(n) for status, n in re.findall(r"^(\w+)\s+(\d+)$", items, flags=re.M)}
    assert {"reworded", "added", "removed"} <= set(counts) and counts["reworded"] >= 10  # 2023 -> 2024 task items
    moved = _shown(next(c for c in code if 'd2.to_frame("targets")' in c.source))
    assert re.search(r"城镇新增就业\s+1200万人左右\s+1200万人以上\s+0\.0\s+comparator\s+kept", moved)
    gdp = next(c for c in code if 'series(panel, "经济增长")' in c.source)
    table = _shown(gdp)
    assert re.search(r"2019\s+\S+\s+range\s+6\.0\s+6\.5", table)  # 6%-6.5%
    assert re.search(r"2016\s+\S+\s+range\s+6\.5\s+7\.0\s+6\.7\s+True", table)
    trace = next(c for c in code if "achieved_plan" in c.source)
    assert "6.5%左右" in _shown(trace) and "6.6%" in _shown(trace)


KEY_RESULTS = {"01-parse-a-plan.ipynb": _key_results_01, "02-compare-years.ipynb": _key_results_02}


def test_every_notebook_has_its_key_results_checked():
    assert sorted(KEY_RESULTS) == [p.name for p in PATHS]


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_runs_top_to_bottom(path, kernel_path, monkeypatch, workspace):
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_path))
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(workspace)}})
    client.execute()  # raises CellExecutionError, with the cell and the traceback, on the first failing cell
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    KEY_RESULTS[path.name](code, workspace)
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before  # nothing written into the source tree


def test_parse_many_with_worker_processes_in_a_notebook(kernel_path, monkeypatch, workspace):
    """In a kernel, ``__main__`` is not a file: the spawned workers must start, and no progress bar
    is drawn unless asked (the kernel's stderr is not a terminal)."""
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_path))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import policyparse\n"
        "results = list(policyparse.parse_many(['../corpora/edu-bureau-2019.txt', '../corpora/nope.txt'], "
        "n_jobs=2, extract=False))\n"
        "[(r.ok, r.record['meta']['year'] if r.ok else r.message) for r in results]")]
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=KERNEL, resources={"metadata": {"path": str(workspace)}}).execute()
    (cell,) = nb.cells
    assert _shown(cell) == "[(True, 2019), (False, 'no such file')]"
    assert not [o for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"]


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (path.name, cell.source[:60])
    assert "widgets" not in nb.metadata and nb.metadata.get("kernelspec", {}).get("language") == "python"
