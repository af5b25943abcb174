"""A spaCy view of a parsed plan: a ``Doc`` whose entities are the extracted facts.

:func:`to_spacy` builds the ``Doc`` on a blank Chinese pipeline
(``spacy.blank("zh")``) from the package's own segmentation of the whole text
(the same backend as extraction, ``rjieba`` by default, domain dictionary
included; each token's ``tag_`` is its part-of-speech tag), with tokens cut
where a fact begins or ends, so every entity is exactly the fact's span:
``ACTOR`` (named bodies), ``VERB`` (task verbs), ``TARGET`` (quantities of kind
target) and ``DOC`` (cited documents). Entities may not overlap in spaCy;
where they would, the longer one is kept. ``spacy.displacy.render(doc,
style="ent")`` shows them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..extract.tokens import Token, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..model import Plan

#: entity labels, with a colour for each
LABELS = {"ACTOR": "#a6cee3", "VERB": "#b2df8a", "TARGET": "#fb9a99", "DOC": "#fdbf6f"}
#: options for ``spacy.displacy.render(doc, style="ent", options=DISPLACY_OPTIONS)``
DISPLACY_OPTIONS = {"ents": list(LABELS), "colors": LABELS}


@lru_cache(maxsize=1)
def blank_nlp() -> Any:
    """The blank Chinese pipeline (built once): only its vocabulary is used, the
    words come from :func:`policyparse.extract.tokens.tokenize`, so spaCy's own
    segmenter is its dependency-free ``char`` one (no second dictionary load)."""
    import spacy  # noqa: PLC0415 - heavy: only for the spaCy view

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})


def _tokens_covering(text: str, segmenter: str, cuts: set[int]) -> list[Token]:
    """Tokens over the whole text, whitespace included (so the Doc text equals the
    plan text), cut at the offsets in ``cuts`` (where entities begin and end)."""
    tokens = tokenize(text, segmenter=segmenter)
    out: list[Token] = []
    pos = 0
    for t in tokens:
        if t.start > pos:
            out.append(Token(text[pos : t.start], pos, t.start))
        s = t.start
        for c in sorted(c for c in cuts if t.start < c < t.end):
            out.append(Token(text[s:c], s, c, t.pos))
            s = c
        out.append(Token(text[s : t.end], s, t.end, t.pos))
        pos = t.end
    if pos < len(text):
        out.append(Token(text[pos:], pos, len(text)))
    return out


class PolicyParseTokenizer:
    """A spaCy tokenizer that cuts with a policyparse backend (``rjieba`` by default):
    the words extraction reads, with the domain dictionary, ``token.tag_`` set to
    the part-of-speech tag, whitespace kept as tokens (``doc.text`` is the text).

    Use it in a config as ``{"nlp": {"tokenizer": {"@tokenizers":
    "policyparse.Tokenizer.v1", "segmenter": "rjieba"}}}`` (registered through
    the ``spacy_tokenizers`` entry point), so a pipeline with the ``policyparse``
    component tokenises with the backend the component parses with.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyparse.Tokenizer.v1"}}})
        >>> [(t.text, t.tag_) for t in nlp("深入研究发展战略")]
        [('深入', 'd'), ('研究', 'v'), ('发展', 'v'), ('战略', 'n')]
    """

    def __init__(self, vocab: Any, segmenter: str = "rjieba") -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> "Doc":
        from spacy.tokens import Doc  # noqa: PLC0415

        tokens = _tokens_covering(text, self.segmenter, set())
        return Doc(self.vocab, words=[t.text for t in tokens], spaces=[False] * len(tokens),
                   tags=[t.pos for t in tokens])

    # spaCy saves and loads a pipeline's tokenizer with these; the segmenter is in the config
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "PolicyParseTokenizer":
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> "PolicyParseTokenizer":
        return self


def make_tokenizer(segmenter: str = "rjieba") -> Any:
    """The ``policyparse.Tokenizer.v1`` factory of spaCy's tokenizer registry (see :class:`PolicyParseTokenizer`)."""

    def create(nlp: Any) -> PolicyParseTokenizer:
        return PolicyParseTokenizer(nlp.vocab, segmenter)

    return create


def entity_spans(plan: "Plan") -> list[tuple[int, int, str]]:
    """``(start, end, label)`` for every fact the Doc shows as an entity (overlaps included)."""
    spans: list[tuple[int, int, str]] = []
    for a in plan.actors:
        spans.extend((s, e, "ACTOR") for s, e in a.mentions)
    for t in plan.tasks:
        if t.verb_span:
            spans.append((t.verb_span[0], t.verb_span[1], "VERB"))
    for q in plan.targets:
        spans.append((q.span[0], q.span[1], "TARGET"))
    for r in plan.references:
        if r.kind == "document":
            spans.append((r.span[0], r.span[1], "DOC"))
    return sorted(spans)


def to_spacy(plan: "Plan", *, segmenter: str = "rjieba") -> "Doc":
    """The plan as a spaCy ``Doc`` with ACTOR, VERB, TARGET and DOC entities.

    Its words are those of ``segmenter`` (the backend extraction uses, ``rjieba``
    by default), cut where a fact begins or ends; ``token.tag_`` is the POS tag.

    Example:
        >>> import policyparse
        >>> doc = policyparse.parse("市教育局2019年工作要点\\n一、重点工作\\n1.指导支持江岸区开展试点。").to_spacy()
        >>> [(e.text, e.label_) for e in doc.ents]
        [('市教育局', 'ACTOR'), ('指导', 'VERB'), ('江岸区', 'ACTOR')]
    """
    from spacy.tokens import Doc  # noqa: PLC0415
    from spacy.util import filter_spans  # noqa: PLC0415

    nlp = blank_nlp()
    spans = entity_spans(plan)
    tokens = _tokens_covering(plan.text, segmenter, {x for s, e, _ in spans for x in (s, e)})
    doc = Doc(nlp.vocab, words=[t.text for t in tokens], spaces=[False] * len(tokens), tags=[t.pos for t in tokens])
    ents = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="strict")
        if span is not None:
            ents.append(span)
    doc.ents = filter_spans(ents)
    return doc
