"""Fixtures shared by the whole suite, and the check that the corpora are there.

The constants and helpers the tests import are in ``support.py``.
"""
from __future__ import annotations

import pytest

import policyparse
from support import BUNDLED, CORPORA


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop with one clear message, before any collection, when the shared corpora are absent."""
    if not CORPORA.is_dir():
        pytest.exit(
            f"../shared/corpora is missing beside the checkout: expected the folder {CORPORA} "
            "(the shared corpora are read in place; put the shared/ folder next to the repository)",
            returncode=1,
        )


@pytest.fixture(scope="session")
def bundled_plan() -> policyparse.Plan:
    return policyparse.parse_file(BUNDLED)
