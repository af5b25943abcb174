"""The package's data files: lexicons and rules, loaded once, on first use.

Rules and word lists live in ``policyparse/data/`` as JSON or text, not in
code, so a researcher can read and extend them without touching a module.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(name: str) -> Path:
    """The path of a data file shipped with the package (``data/<name>``).

    Example:
        >>> data_path("verbs.json").name
        'verbs.json'
    """
    return Path(str(resources.files("policyparse").joinpath("data", name)))


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """The parsed content of ``data/<name>`` (cached; treat it as read-only)."""
    return json.loads(data_path(name).read_text("utf-8"))
