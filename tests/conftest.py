"""Shared fixtures: where the corpora are, and the bundled plan parsed once."""
from __future__ import annotations

from pathlib import Path

import pytest

import policyparse

REPO = Path(__file__).resolve().parents[1]
#: ../shared/corpora beside the checkout (CI has it too); read in place, never copied
SHARED = REPO.parent / "shared" / "corpora"
GWR = SHARED / "gwr"
BUNDLED = REPO / "corpora" / "edu-bureau-2019.txt"
GOLD = Path(__file__).resolve().parent / "gold"


def gwr_path(year: int | str) -> Path:
    path = GWR / f"{year}.txt"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: the shared corpora must sit beside the checkout (../shared/corpora)")
    return path


@pytest.fixture(scope="session")
def bundled_plan() -> policyparse.Plan:
    return policyparse.parse_file(BUNDLED)
