"""policyparse: Chinese policy plans as data.

Parse a plan (工作要点, 政府工作报告, 规划, 实施方案 …) into its outline,
with every node carrying its character span in the text::

    >>> import policyparse
    >>> plan = policyparse.parse_file("corpora/edu-bureau-2019.txt")
    >>> plan.meta.title, len(plan.sections), len(plan.items)          
    ('市教育局党委市教育局2019年工作要点', 5, 27)

The package imports light: the pipeline and its dependencies (OpenCC,
charset-normalizer, …) load on first use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import PolicyParseError
from .model import SCHEMA_VERSION, Meta, Node, ParseWarning, Plan


__all__ = [
    "parse", "parse_file", "parse_many", "BatchResult", "read", "Document", "diff", "PlanDiff", "panel",
    "Plan", "Node", "Meta", "ParseWarning",
    "PolicyParseError", "SCHEMA_VERSION", "__version__",
]

if TYPE_CHECKING:  # pragma: no cover
    from .batch.runner import BatchResult, parse_many
    from .pipeline import parse, parse_file
    from .ingest.reader import Document, read
    from .compare.diff import PlanDiff, diff
    from .compare.series import panel

_LAZY = {"parse": "pipeline", "parse_file": "pipeline", "read": "ingest.reader", "Document": "ingest.reader",
         "diff": "compare.diff", "PlanDiff": "compare.diff", "panel": "compare.series",
         "parse_many": "batch.runner", "BatchResult": "batch.runner"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
