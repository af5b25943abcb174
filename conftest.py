"""Root conftest: the doctests in src/policyparse name files relative to the
repository root (``parse_file("corpora/edu-bureau-2019.txt")``), so each
doctest runs with the repository root as its working directory, whatever
directory pytest was started from. Other tests keep the caller's directory.

(The shared test helpers live in tests/conftest.py.)
"""
from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

ROOT = Path(__file__).resolve().parent

#: ``pytest /path/to/checkout`` with --doctest-modules would collect this file as a
#: doctest module too, importing it as a second module named ``conftest`` (the
#: name tests/conftest.py already has, and the tests import from): not a test file.
collect_ignore = ["conftest.py"]


@pytest.fixture(autouse=True)
def _doctests_run_in_the_repository_root(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if isinstance(request.node, DoctestItem):
        monkeypatch.chdir(ROOT)
