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
from . import outline, segment
from .errors import PolicyParseError
from .labels import find_labels
from .model import Node, ParseWarning, Plan
from .normalize import Normalized, normalize
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
    builder = _NodeBuilder(norm, with_sentences=sentences)
    first = roots[0].start if roots else body_end
    builder.preamble(body_start, first)
    for root in roots:
        builder.heading(root, None)
    plan = Plan(meta=info, text=t, nodes=builder.finish(), warnings=norm.warnings + warnings, raw_text=text)
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


class _NodeBuilder:
    """Turns heading trees and text regions into :class:`Node` records with ids."""

    def __init__(self, norm: Normalized, with_sentences: bool):
        self.norm = norm
        self.text = norm.text
        self.with_sentences = with_sentences
        self._pending: list[tuple[tuple[int, int, int], dict]] = []

    def _add(self, depth: int, **fields: Any) -> dict:
        rec = dict(fields)
        rec["_children"] = []
        self._pending.append(((fields["span"][0], -fields["span"][1], depth), rec))
        return rec

    def preamble(self, start: int, end: int) -> None:
        s, e = segment._strip(self.text, start, end)
        if e <= s:
            return
        rec = self._add(0, parent=None, kind="preamble", label=None, ordinal=None, heading=None, span=(s, e))
        self._body(rec, s, e, 1)

    def heading(self, h: outline.HeadingNode, parent: Optional[dict]) -> None:
        depth = h.depth
        heading = self.text[h.heading_start : h.heading_end] or None
        rec = self._add(depth, parent=parent, kind=h.kind, label=h.label.text, ordinal=h.label.num,
                        heading=heading, span=(h.start, h.end),
                        heading_span=(h.heading_start, h.heading_end) if heading else None)
        own_end = h.children[0].start if h.children else h.end
        self._body(rec, h.label.end, own_end, depth + 1)
        for c in h.children:
            self.heading(c, rec)

    def _body(self, owner: dict, start: int, end: int, depth: int) -> None:
        if not self.with_sentences:
            return
        for ps, pe in segment.paragraphs(self.text, start, end):
            para = self._add(depth, parent=owner, kind="paragraph", label=None, ordinal=None, heading=None, span=(ps, pe))
            pos = ps
            for en in segment.enumerations(self.text, ps, pe):
                self._sentences(para, pos, en.start, depth + 1)
                hs, he = segment.first_clause(self.text, en.marker_end, en.end)
                rec = self._add(depth + 1, parent=para, kind="enumeration", label=en.label, ordinal=en.ordinal,
                                heading=self.text[hs:he] or None, span=(en.start, en.end),
                                heading_span=(hs, he) if he > hs else None)
                self._sentences(rec, en.start, en.end, depth + 2)
                pos = en.end
            self._sentences(para, pos, pe, depth + 1)

    def _sentences(self, owner: dict, start: int, end: int, depth: int) -> None:
        for ss, se in segment.sentences(self.text, start, end):
            self._add(depth, parent=owner, kind="sentence", label=None, ordinal=None, heading=None, span=(ss, se))

    def finish(self) -> list[Node]:
        self._pending.sort(key=lambda p: p[0])
        for i, (_, rec) in enumerate(self._pending):
            rec["id"] = f"n{i}"
        counters: dict[tuple[Optional[str], str], int] = {}
        for _, rec in self._pending:
            if rec["ordinal"] is None:  # unnumbered: position among same-kind siblings
                parent = rec["parent"]
                key = (parent["id"] if parent is not None else None, rec["kind"])
                counters[key] = rec["ordinal"] = counters.get(key, 0) + 1
        raw_spans = self.norm.chain.spans(rec["span"] for _, rec in self._pending)
        nodes = []
        for (_, rec), raw_span in zip(self._pending, raw_spans):
            parent = rec["parent"]
            nodes.append(Node(
                id=rec["id"],
                parent=parent["id"] if parent is not None else None,
                kind=rec["kind"],
                label=rec["label"],
                ordinal=rec["ordinal"],
                heading=rec["heading"],
                span=rec["span"],
                raw_span=raw_span,
                heading_span=rec.get("heading_span"),
            ))
        return nodes
