"""The pipeline: read → normalise → outline → segment → assemble the plan.

:func:`parse` and :func:`parse_file` are the entry points; each stage lives
in its own module and this one only wires them together, top to bottom.
"""
from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Optional

import regex

from .ingest import meta as meta_mod
from .outline import tree
from .outline.assemble import NodeBuilder
from .errors import PolicyParseError
from .outline.annex import find_annexes
from .names import readable
from .outline.labels import find_labels
from .outline.roles import assign_roles
from .model import ParseWarning, Plan
from .ingest.normalize import normalize
from .ingest.reader import read


def parse(
    text: str,
    *,
    source: Optional[str] = None,
    meta: Optional[dict[str, Any]] = None,
    drop_debris: bool = True,
    to_simplified: bool = True,
    sentences: bool = True,
    extract: bool = True,
    segmenter: str = "rjieba",
    defaults: Optional[dict[str, Any]] = None,
) -> Plan:
    """Parse the text of a plan into a :class:`~policyparse.model.Plan`.

    Args:
        text: the document text as decoded (``raw_span`` offsets index it).
        source: where the text came from (recorded in ``meta.source``).
        meta: values that override the detected metadata, e.g. ``{"year": 2020}``.
        defaults: metadata used only where the text states none (what
            :func:`parse_file` reads from a file's name); each field so
            filled is reported in a ``meta-from-name`` warning.
        drop_debris: drop scraping debris (repeated titles, truncated
            summaries, page footers); each drop is recorded in ``warnings``.
        to_simplified: convert traditional characters to simplified.
        sentences: add paragraph, enumeration and sentence nodes below the headings.
        extract: find tasks, quantities, actors and references (the outline
            alone is about three times faster).
        segmenter: the word segmenter for extraction: ``"rjieba"`` (default;
            jieba in Rust, with part-of-speech tags), ``"jieba"`` (Python
            jieba, the same words but for the differences in
            ``docs/segmenters.md``, about ten times slower) or ``"pkuseg"``
            (about ten times slower than jieba; see
            :mod:`policyparse.extract.tokens`), or a name given to
            :func:`policyparse.extract.tokens.register_segmenter`.

    Example:
        >>> plan = parse("2020年工作要点\\n一、总体要求\\n1.抓好学习。深入推进改革。")
        >>> [(n.kind, n.label, n.heading) for n in plan.nodes_of("section", "item")]
        [('section', '一、', '总体要求'), ('item', '1.', '抓好学习')]

    Raises:
        PolicyParseError: the text is not a string, is empty or only
            whitespace, holds unpaired surrogates (text decoded with errors
            ignored), or ``meta`` names an unknown field or a wrong type.
    """
    if not isinstance(text, str):
        raise PolicyParseError(source, f"expected text (str), got {type(text).__name__}")
    if _SURROGATE.search(text):
        raise PolicyParseError(source, "contains unpaired surrogate code points (text decoded with errors='surrogateescape'?)")
    overrides = _check_meta(meta, source)
    fallbacks = _check_meta(defaults, source)
    with _gc_paused():
        plan = _parse(text, source=source, meta=overrides, defaults=fallbacks, drop_debris=drop_debris,
                      to_simplified=to_simplified, sentences=sentences)
        if extract:
            from .extract.run import extract as run_extraction  # noqa: PLC0415 - loads the segmenter

            try:
                run_extraction(plan, segmenter=segmenter)
            except PolicyParseError as exc:
                raise PolicyParseError(source, exc.reason) from exc
        return plan


_SURROGATE = regex.compile("[\ud800-\udfff]")
#: the metadata a caller may override, with the types each accepts
_META_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str, type(None)), "year": (int, type(None)), "issuers": (list,),
    "doc_type": (str, type(None)), "region": (str, type(None)), "source": (str, type(None)),
    "notice": (str, type(None)),
}


def _check_meta(meta: Optional[dict[str, Any]], source: Optional[str]) -> dict[str, Any]:
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise PolicyParseError(source, f"meta must be a dict of metadata fields, got {type(meta).__name__}")
    for key, value in meta.items():
        if key not in _META_TYPES:
            raise PolicyParseError(source, f"unknown metadata field {key!r} (fields: {', '.join(_META_TYPES)})")
        if not isinstance(value, _META_TYPES[key]) or (key == "year" and isinstance(value, bool)):
            raise PolicyParseError(source, f"metadata field {key!r} cannot be {value!r}")
        if key == "issuers" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise PolicyParseError(source, "metadata field 'issuers' must be a list of strings")
    return dict(meta)


_gc_lock = threading.Lock()
_gc_pauses = 0  # parses running with the collector paused, in all threads
_gc_was_enabled = False  # the collector's state before the first of them


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a plan is built.

    A parse allocates many small, mostly acyclic records; with the collector
    on, its full passes over a growing heap make the parse of a 20 MB file
    measurably superlinear (benchmarks/bench_parse.py). Anything cyclic is
    collected as soon as the collector resumes.

    The collector is one switch for the whole interpreter, so threads share
    the pause: the first parse to start records whether it was on and turns
    it off, the last to finish turns it back on if it was. Saving and
    restoring it per thread would let one thread restore "off" (as it found
    it, paused by another) after the other had finished, leaving the user's
    collector off for good.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _parse(text: str, *, source: Optional[str], meta: dict[str, Any], defaults: dict[str, Any], drop_debris: bool,
           to_simplified: bool, sentences: bool) -> Plan:
    if not text.strip():
        raise PolicyParseError(source, "contains no text (empty or only whitespace)")
    norm = normalize(text, drop_debris=drop_debris, to_simplified=to_simplified)
    t = norm.text
    if not t.strip():
        raise PolicyParseError(source, "contains no text, only invisible characters or scraping debris")
    title_span = meta_mod.find_title(t)
    info = meta_mod.extract_meta(t, title_span, source=source)
    filled = [key for key, value in defaults.items() if value and not getattr(info, key)]
    for key in filled:
        setattr(info, key, defaults[key])
    for key, value in meta.items():
        setattr(info, key, value)
    body_start = title_span[1] if title_span else 0
    body_end = len(t.rstrip())
    # annexes (附件, 名词解释) are read apart, so their numbering never restarts the body's
    annexes = find_annexes(t, body_start, body_end)
    if info.title and annexes:
        # a notice's 附件 that is the plan itself (附件 / XX市教育局2024年工作要点 / 一、…): the document, no annex
        annexes = [a for a in annexes if a.heading_span is None
                   or not meta_mod.same_title(t[a.heading_span[0]:a.heading_span[1]], info.title)]
    main_end = len(t[: annexes[0].start].rstrip()) if annexes else body_end
    labels, warnings = find_labels(t, (body_start, main_end))
    roots = tree.build_tree(t, labels, main_end)
    builder = NodeBuilder(norm, with_sentences=sentences)
    first = roots[0].start if roots else main_end
    builder.preamble(body_start, first)
    for root in roots:
        builder.heading(root, None)
    # the trees and their labels are freed as soon as they are read, not by the collector
    # this parse pauses, and before the nodes are made (memory)
    has_roots = bool(roots)
    tree.release(roots)
    del labels
    for annex in annexes:
        annex_labels, annex_warnings = find_labels(t, (annex.body_start, annex.end))
        warnings += annex_warnings
        annex_roots = tree.build_tree(t, annex_labels, annex.end)
        builder.annex(annex, annex_roots)
        tree.release(annex_roots)
    nodes = builder.finish()
    assign_roles(t, nodes, info.title)
    plan = Plan(meta=info, text=t, nodes=nodes, warnings=norm.warnings + warnings, raw_text=text,
                offsets=norm.chain)
    # the nodes' headings are read from the text and their labels interned already
    # (NodeBuilder.finish): no share_text pass over them
    filled = [key for key in filled if key not in meta]
    if filled:
        plan.warnings.append(ParseWarning(code="meta-from-name", message=(
            f"the text does not state its {', '.join(filled)}: taken from the file name "
            f"({', '.join(f'{k}={defaults[k]!r}' for k in filled)})")))
    if not has_roots:
        message = ("no numbered headings found; the text is one preamble" if plan.nodes
                   else "no numbered headings and no text after the title")
        plan.warnings.append(ParseWarning(code="no-numbering", message=message))
    for w in plan.warnings:
        if w.span is not None and w.raw_span is None:
            w.raw_span = norm.raw_span(*w.span)
    return plan


def parse_file(
    path: str | os.PathLike,
    *,
    meta: Optional[dict[str, Any]] = None,
    drop_debris: bool = True,
    to_simplified: bool = True,
    sentences: bool = True,
    extract: bool = True,
    segmenter: str = "rjieba",
    meta_from_name: bool = True,
    limits: Optional[Any] = None,
) -> Plan:
    """Read a file (text in any common encoding, .docx, .pdf, .html) and
    parse it; the options are those of :func:`parse`.

    Metadata comes, in this order of precedence, from ``meta`` (the caller),
    the text (its title and opening), and the file's name and folder
    (:func:`policyparse.ingest.meta.meta_from_path`: ``gwr/2019.txt``,
    ``武汉市教育局2020年工作要点.docx``), which fills only what the text leaves
    empty; ``meta_from_name=False`` turns the last off.

    ``limits`` raise (or lower) the readers' limits, e.g.
    ``limits={"max_pdf_pages": 20000}`` (see :mod:`policyparse.ingest.limits`);
    what a format library reported about the file comes first in
    ``plan.warnings`` (code ``reader-warning``).

    Example:
        >>> plan = parse_file("corpora/edu-bureau-2019.txt")
        >>> len(plan.items)
        27

    Raises:
        PolicyParseError: naming the file, when it cannot be read or parsed.
    """
    doc = read(path, limits=limits)
    # a name in any bytes (a GBK name from a Windows zip) is recorded readably,
    # so the plan's JSON is valid UTF-8 (policyparse.names)
    source = readable(doc.source)
    defaults = meta_mod.meta_from_path(source) if meta_from_name else None
    plan = parse(doc.text, source=source, meta=meta, drop_debris=drop_debris, to_simplified=to_simplified,
                 sentences=sentences, extract=extract, segmenter=segmenter, defaults=defaults)
    plan.warnings[:0] = doc.warnings
    return plan


def as_plan(obj: "Plan | str | os.PathLike[str]", *, caller: str) -> Plan:
    """``obj`` if it is a parsed plan, else the plan parsed from the file it names
    (for functions that take either, like :func:`policyparse.diff`)."""
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, (str, os.PathLike)):
        return parse_file(obj)
    raise TypeError(f"{caller}() takes parsed plans or file paths, not {type(obj).__name__}")
