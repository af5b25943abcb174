"""The notebooks in notebooks/ run top to bottom, and are stored without outputs.

Every ``notebooks/*.ipynb`` is collected: adding a notebook is adding its file.
Each runs with nbclient in a kernel started with this interpreter (a kernelspec
written to a temporary JUPYTER_PATH, so a user's own ``python3`` kernel is never
picked up), from the ``notebooks/`` folder (paths in the notebooks are relative
to it: ``../corpora``, ``../../shared/corpora``), with the Agg backend.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from support import REPO

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


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_runs_top_to_bottom(path, kernel_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_path))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, with the cell and the traceback, on the first failing cell
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    if path.name == "01-parse-a-plan.ipynb":  # the plan displayed itself as HTML, then its tables
        html = [o["data"]["text/html"] for c in code for o in c.outputs if "text/html" in o.get("data", {})]
        assert html and html[0].startswith('<div class="pp-plan">') and len(html) >= 3


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (path.name, cell.source[:60])
    assert "widgets" not in nb.metadata and nb.metadata.get("kernelspec", {}).get("language") == "python"
