"""Assembling the plan's nodes: the outline tree and the text below it.

Each numbered division becomes a node; its own text (up to its first child)
is split into paragraphs, run-in enumerations and sentences
(:mod:`policyparse.outline.segment`), each a node with its span in the normalised
text and, mapped back, in the raw text.
"""
from __future__ import annotations

from sys import intern
from typing import Optional

from . import segment, tree
from .annex import Annex
from ..ingest.chars import strip_span
from ..model import Node, TextSource, packed_span
from ..ingest.normalize import Normalized


class NodeBuilder:
    """Turns heading trees and text regions into :class:`Node` records with ids.

    Nodes are collected in any order and numbered at the end in document
    order (by start, the longer span first, the shallower node first), so ids
    ``n0, n1, …`` follow the text. Raw spans are mapped for all nodes at once.
    """

    def __init__(self, norm: Normalized, with_sentences: bool):
        self.norm = norm
        self.text = norm.text
        self.with_sentences = with_sentences
        self._pending: list[_Pending] = []

    def _add(self, depth: int, *, parent: Optional["_Pending"], kind: str, label: Optional[str],
             ordinal: Optional[int], heading: Optional[str], span: tuple[int, int],
             heading_span: Optional[tuple[int, int]] = None) -> "_Pending":
        # a heading is always the text at its heading span (null with it): only the span is kept
        rec = _Pending(depth, parent, kind, label, ordinal, span, heading_span)
        self._pending.append(rec)
        return rec

    def preamble(self, start: int, end: int) -> None:
        s, e = strip_span(self.text, start, end)
        if e <= s:
            return
        rec = self._add(0, parent=None, kind="preamble", label=None, ordinal=None, heading=None, span=(s, e))
        self._body(rec, s, e, 1)

    def heading(self, h: tree.HeadingNode, parent: Optional["_Pending"]) -> None:
        depth = h.depth
        heading = self.text[h.heading_start : h.heading_end] or None
        rec = self._add(depth, parent=parent, kind=h.kind, label=h.label.text, ordinal=h.label.num,
                        heading=heading, span=(h.start, h.end),
                        heading_span=(h.heading_start, h.heading_end) if heading else None)
        own_end = h.children[0].start if h.children else h.end
        self._body(rec, h.label.end, own_end, depth + 1)
        for c in h.children:
            self.heading(c, rec)

    def annex(self, annex: "Annex", children: list[tree.HeadingNode]) -> None:
        """An annex as a top-level ``part`` (label 附件N, or null for 注释), its
        own text, and the divisions of its own numbering below it."""
        span = annex.heading_span
        rec = self._add(0, parent=None, kind="part", label=annex.label, ordinal=annex.ordinal,
                        heading=self.text[span[0] : span[1]] if span else None, span=(annex.start, annex.end),
                        heading_span=span)
        own_end = children[0].start if children else annex.end
        self._body(rec, annex.body_start, own_end, 1)
        for c in children:
            self.heading(c, rec)

    def _body(self, owner: "_Pending", start: int, end: int, depth: int) -> None:
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

    def _sentences(self, owner: "_Pending", start: int, end: int, depth: int) -> None:
        for ss, se in segment.sentences(self.text, start, end):
            self._add(depth, parent=owner, kind="sentence", label=None, ordinal=None, heading=None, span=(ss, se))

    def finish(self) -> list[Node]:
        pending = self._pending
        self._pending = []
        pending.sort(key=_Pending.order)
        for i, rec in enumerate(pending):
            rec.id = f"n{i}"
        counters: dict[tuple[Optional[str], str], int] = {}
        for rec in pending:
            if rec.ordinal is None:  # unnumbered: position among same-kind siblings
                parent = rec.parent
                key = (parent.id if parent is not None else None, rec.kind)
                counters[key] = rec.ordinal = counters.get(key, 0) + 1
        # raw spans mapped a block at a time, as the nodes are made (memory)
        raw_spans = self.norm.chain.iter_spans([rec.span for rec in pending])
        source = TextSource(self.text)  # headings are read from the text, not copied
        nodes = []
        for i, (rec, raw_span) in enumerate(zip(pending, raw_spans)):
            pending[i] = None  # type: ignore[call-overload]  # dropped as its node is made (memory)
            parent = rec.parent
            span = packed_span(rec.span)
            nodes.append(Node(
                id=rec.id,
                parent=parent.id if parent is not None else None,
                kind=rec.kind,  # type: ignore[arg-type]
                label=intern(rec.label) if rec.label else rec.label,  # a few dozen strings
                ordinal=rec.ordinal,  # type: ignore[arg-type]
                heading=source if rec.heading_span is not None else None,  # type: ignore[arg-type]
                span=span,
                raw_span=span if raw_span == rec.span else raw_span,  # one int for both when equal
                heading_span=rec.heading_span,
            ))
        return nodes


class _Pending:
    """A node before ids and ordinals are given (slotted: a large plan has many)."""

    __slots__ = ("depth", "parent", "kind", "label", "ordinal", "span", "heading_span", "id")

    def __init__(self, depth: int, parent: Optional["_Pending"], kind: str, label: Optional[str],
                 ordinal: Optional[int], span: tuple[int, int], heading_span: Optional[tuple[int, int]]) -> None:
        self.depth, self.parent, self.kind, self.label, self.ordinal = depth, parent, kind, label, ordinal
        self.span, self.heading_span = span, heading_span
        self.id = ""

    def order(self) -> tuple[int, int, int]:
        """Document order: by start, the longer span first, the shallower node first."""
        return (self.span[0], -self.span[1], self.depth)
