"""The pipeline: read → normalise → outline → segment → assemble the plan.

:func:`parse` and :func:`parse_file` are the entry points; each stage lives
in its own module and this one only wires them together, top to bottom.
"""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from . import meta as meta_mod
from . import outline
from .assemble import NodeBuilder
from .errors import PolicyParseError
from .labels import find_labels
from .model import ParseWarning, Plan
from .normalize import normalize
from .reader import read


def parse(
    text: str,
    *,
    source: Optional[str] = None,
    meta: Optional[dict[str, Any]] = None,
    drop_debris: bool = True,
    to_simplified: bool = True,
    sentences: bool = True,
) -> Plan:
    """Parse the text of a plan into a :class:`~policyparse.model.Plan`.

    Args:
        text: the document text as decoded (``raw_span`` offsets index it).
        source: where the text came from (recorded in ``meta.source``).
        meta: values that override the detected metadata, e.g. ``{"year": 2020}``.
        drop_debris: drop scraping debris (repeated titles, truncated
            summaries, page footers); each drop is recorded in ``warnings``.
        to_simplified: convert traditional characters to simplified.
        sentences: add paragraph, enumeration and sentence nodes below the headings.

    Example:
        >>> plan = parse("2020年工作要点\\n一、总体要求\\n1.抓好学习。深入推进改革。")
        >>> [(n.kind, n.label, n.heading) for n in plan.nodes_of("section", "item")]
        [('section', '一、', '总体要求'), ('item', '1.', '抓好学习')]

    Raises:
        PolicyParseError: the text is empty or only whitespace.
    """
    if not isinstance(text, str):
        raise PolicyParseError(source, f"expected text (str), got {type(text).__name__}")
    with _gc_paused():
        return _parse(text, source=source, meta=meta, drop_debris=drop_debris,
                      to_simplified=to_simplified, sentences=sentences)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a plan is built.

    A parse allocates many small, mostly acyclic records; with the collector
    on, its full passes over a growing heap make the parse of a 20 MB file
    measurably superlinear (benchmarks/bench_parse.py). Anything cyclic is
    collected as soon as the collector resumes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, *, source: Optional[str], meta: Optional[dict[str, Any]], drop_debris: bool,
           to_simplified: bool, sentences: bool) -> Plan:
    if not text.strip():
        raise PolicyParseError(source, "contains no text (empty or only whitespace)")
    norm = normalize(text, drop_debris=drop_debris, to_simplified=to_simplified)
    t = norm.text
    if not t.strip():
        raise PolicyParseError(source, "contains no text after normalisation")
    title_span = meta_mod.find_title(t)
    info = meta_mod.extract_meta(t, title_span, source=source)
    if meta:
        for key, value in meta.items():
            if not hasattr(info, key):
                raise PolicyParseError(source, f"unknown metadata field {key!r}")
            setattr(info, key, value)
    body_start = title_span[1] if title_span else 0
    body_end = len(t.rstrip())
    labels, warnings = find_labels(t, (body_start, body_end))
    roots = outline.build_tree(t, labels, body_end)
    builder = NodeBuilder(norm, with_sentences=sentences)
    first = roots[0].start if roots else body_end
    builder.preamble(body_start, first)
    for root in roots:
        builder.heading(root, None)
    plan = Plan(meta=info, text=t, nodes=builder.finish(), warnings=norm.warnings + warnings, raw_text=text,
                offsets=norm.chain)
    if not roots:
        plan.warnings.append(ParseWarning(code="no-numbering", message="no numbered headings found; the text is one preamble"))
    for w in plan.warnings:
        if w.span is not None and w.raw_span is None:
            w.raw_span = norm.raw_span(*w.span)
    return plan


def parse_file(path: str | os.PathLike, **options: Any) -> Plan:
    """Read a file (any common encoding) and parse it; see :func:`parse` for options.

    Example:
        >>> plan = parse_file("corpora/edu-bureau-2019.txt")
        >>> len(plan.items)
        27
    """
    doc = read(path)
    options.setdefault("source", doc.source)
    try:
        return parse(doc.text, **options)
    except PolicyParseError as exc:
        raise PolicyParseError(doc.source, exc.reason) from None
