"""The package's data files: lexicons and rules, loaded once, on first use.

Rules and word lists live in ``policyparse/data/`` as JSON or text, not in
code, so a researcher can read and extend them without touching a module.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable


def data_path(name: str) -> Path:
    """The path of a data file shipped with the package (``data/<name>``).

    Example:
        >>> data_path("verbs.json").name
        'verbs.json'
    """
    return Path(str(resources.files("policyparse").joinpath("data", name)))


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first (so 委员会 wins over 委).

    Example:
        >>> alternation(["委", "委员会", "局"])
        '委员会|委|局'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """The parsed content of ``data/<name>`` (cached; treat it as read-only)."""
    return json.loads(data_path(name).read_text("utf-8"))
