"""policyparse as a spaCy pipeline component.

Installed with the package and found by spaCy through the ``spacy_factories``
entry point, so no import is needed::

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("policyparse")            # config: segmenter, sentences, ents
    doc = nlp(text)
    doc._.plan                             # the parsed Plan (policyparse.parse(doc.text))
    [(e.text, e.label_) for e in doc.ents] # ACTOR, VERB, TARGET, DOC

The component parses ``doc.text`` with :func:`policyparse.parse`; the plan's
spans index its *normalised* text, so each fact is mapped back onto the Doc
through the plan's offset map (:meth:`Plan.raw_span`), which points into
``doc.text`` itself, and snapped to the Doc's tokens
(``alignment_mode="expand"``). Facts that would overlap each other or an entity
already on the Doc are resolved as in :func:`spacy.util.filter_spans` (the
longer wins), so entities set by earlier components are kept unless a longer
fact covers them. ``nlp.pipe`` works as usual, also with ``n_process`` > 1:
the plan travels between processes (and into ``Doc.to_bytes``/``DocBin``) in
its JSON form with its raw text, so a Doc read back has a ``doc._.plan``
equal to the original but without the offset map (as after
:meth:`Plan.from_json`: :meth:`Plan.raw_span` then asks for a new parse).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("zh")
    >>> _ = nlp.add_pipe("policyparse")
    >>> doc = nlp("一、总体要求\\n1.市教育局推进改革，确保覆盖率达到９０％以上。")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('市教育局', 'ACTOR'), ('推进', 'VERB'), ('确保', 'VERB'), ('９０％以上', 'TARGET')]
    >>> doc._.plan.targets[0].value
    90
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..model import Plan
from .spacy_view import entity_spans

if not Doc.has_extension("plan"):
    Doc.set_extension("plan", default=None)

#: the key that marks a serialised plan in msgpack data
_PLAN_KEY = "__policyparse_plan__"


@srsly.msgpack_encoders("policyparse_plan")
def _encode_plan(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    """A Plan in ``doc.user_data`` as msgpack-ready data: its JSON form and raw text."""
    if isinstance(obj, Plan):
        return {_PLAN_KEY: obj.to_dict(), "raw_text": obj.raw_text}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("policyparse_plan")
def _decode_plan(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    """The Plan back from :func:`_encode_plan` (without its offset map)."""
    if isinstance(obj, dict) and _PLAN_KEY in obj:
        plan = Plan.from_dict(obj[_PLAN_KEY])
        plan.raw_text = obj.get("raw_text")
        return plan
    return obj if chain is None else chain(obj)


class PolicyParseComponent:
    """Sets ``doc._.plan`` and adds the plan's facts to ``doc.ents``."""

    def __init__(self, name: str = "policyparse", *, segmenter: str = "rjieba", sentences: bool = True,
                 ents: bool = True):
        self.name = name
        self.segmenter = segmenter
        self.sentences = sentences
        self.ents = ents

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import parse  # noqa: PLC0415 - the pipeline loads on first use

        plan = parse(doc.text, sentences=self.sentences, segmenter=self.segmenter)
        doc._.plan = plan
        if self.ents and doc.text:
            doc.ents = filter_spans(list(doc.ents) + self.fact_spans(doc, plan))
        return doc

    @staticmethod
    def fact_spans(doc: Doc, plan: Any) -> list[Any]:
        """The plan's facts (ACTOR, VERB, TARGET, DOC) as spans of ``doc``
        (overlapping ones included; ``doc.ents`` gets them filtered)."""
        spans = []
        for start, end, label in entity_spans(plan):
            raw_start, raw_end = plan.raw_span(start, end)
            span: Optional[Any] = doc.char_span(raw_start, raw_end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        return spans


@Language.factory(
    "policyparse",
    default_config={"segmenter": "rjieba", "sentences": True, "ents": True},
)
def make_policyparse(nlp: Language, name: str, segmenter: str, sentences: bool, ents: bool) -> PolicyParseComponent:
    """The factory behind ``nlp.add_pipe("policyparse", config={...})``.

    ``segmenter``: the word segmenter for extraction (``rjieba``, the default, ``jieba`` or ``pkuseg``);
    ``sentences``: keep paragraph and sentence nodes in the plan's outline;
    ``ents``: add the facts to ``doc.ents`` (else only ``doc._.plan`` is set).
    """
    return PolicyParseComponent(name, segmenter=segmenter, sentences=sentences, ents=ents)
