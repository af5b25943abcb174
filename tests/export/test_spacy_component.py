"""The spaCy component: found through its entry point, the same plan as parse(), facts as entities on the raw text."""
from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

import policyparse
from support import BUNDLED, gwr_path


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")
    nlp.add_pipe("policyparse")
    return nlp


def _quantities(plan):
    return [(q.id, q.kind, q.indicator, q.comparator, q.value, q.value_max, q.unit, q.span, q.raw_span)
            for q in plan.quantities]


def _check(doc, text: str) -> None:
    plan = policyparse.parse(text)
    got = doc._.plan
    assert doc.text == text  # the Doc keeps the raw text; the plan is over its normalised form
    assert got.text == plan.text and got.raw_text == text
    assert _quantities(got) == _quantities(plan) and got.targets
    assert [(t.id, t.verb, t.span) for t in got.tasks] == [(t.id, t.verb, t.span) for t in plan.tasks]
    # every target is a TARGET entity exactly where it is written in the raw text
    targets = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "TARGET"}
    assert targets == {q.raw_span for q in plan.targets}
    for e in doc.ents:
        assert e.label_ in {"ACTOR", "VERB", "TARGET", "DOC"}
    actors = {e.text for e in doc.ents if e.label_ == "ACTOR"}
    names = {n for a in plan.actors for n in (a.name, *a.aliases)}
    assert actors and all(_normal(a) in names for a in actors)


def test_the_bundled_plan_gives_the_same_targets_as_parse(nlp):
    text = policyparse.read(BUNDLED).text
    doc = nlp(text)
    _check(doc, text)
    assert [(q.indicator, q.comparator, q.value, q.unit) for q in doc._.plan.targets] == \
        [(q.indicator, q.comparator, q.value, q.unit) for q in policyparse.parse_file(BUNDLED).targets]
    verbs = [e.text for e in doc.ents if e.label_ == "VERB"]
    assert verbs[:3] == ["学习贯彻", "贯彻", "加强"]


def test_nlp_pipe_over_several_reports(nlp):
    texts = [policyparse.read(gwr_path(year)).text for year in (1984, 2018, 2019)]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert len(docs) == 3
    for doc, text in zip(docs, texts):
        _check(doc, text)
    assert [d._.plan.meta.year for d in docs] == [1984, 2018, 2019]


def test_word_tokens_and_config(nlp):
    """On a pipeline with word tokens (jieba) the facts snap outward to whole tokens;
    ``ents=False`` sets the plan only; an earlier entity is kept where no fact covers it."""
    words = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    words.add_pipe("policyparse", config={"segmenter": "pkuseg"})
    text = policyparse.read(gwr_path(2019)).text
    doc = words(text)
    plan = policyparse.parse(text, segmenter="pkuseg")
    assert _quantities(doc._.plan) == _quantities(plan)
    for e in doc.ents:
        if e.label_ == "TARGET":  # the token boundaries may widen it, never narrow or move it
            q = next(q for q in plan.targets if e.start_char <= q.raw_span[0] and q.raw_span[1] <= e.end_char)
            assert len(e.text) < len(q.surface) + 6

    bare = spacy.blank("zh")
    bare.add_pipe("policyparse", config={"ents": False})
    assert bare(text).ents == () and bare(text)._.plan.targets

    ruled = spacy.blank("zh")
    ruler = ruled.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "TIME", "pattern": "今年"}])
    ruled.add_pipe("policyparse")
    doc = ruled(text)
    assert "TIME" in {e.label_ for e in doc.ents} and "TARGET" in {e.label_ for e in doc.ents}


def test_found_through_the_entry_point_without_importing_policyparse():
    code = ("import sys, spacy; nlp = spacy.blank('zh'); nlp.add_pipe('policyparse'); "
            "doc = nlp('一、总体要求\\n1.确保覆盖率达到90%以上。'); "
            "print([(e.text, e.label_) for e in doc.ents], 'policyparse.export.spacy_component' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('确保', 'VERB'), ('90%以上', 'TARGET')] True"


def test_the_plan_view_and_the_component_agree(bundled_plan):
    """Plan.to_spacy (over the normalised text) and the component (over the raw text)
    show the same facts in the body of the plan."""
    view = bundled_plan.to_spacy()
    nlp = spacy.blank("zh")
    nlp.add_pipe("policyparse")
    doc = nlp(bundled_plan.raw_text)
    body, raw_body = bundled_plan.nodes[0].span[0], bundled_plan.nodes[0].raw_span[0]
    shown = [(e.label_, e.text) for e in view.ents if e.start_char >= body]
    assert len(shown) > 250
    assert shown == [(e.label_, _normal(e.text)) for e in doc.ents if e.start_char >= raw_body]


def _normal(text: str) -> str:
    from policyparse.ingest.normalize import normalize  # noqa: PLC0415

    return normalize(text, drop_debris=False).text


def test_plans_travel_between_processes_and_through_doc_bytes(nlp):
    """nlp.pipe(n_process=2) sends each Doc back from a worker, and Doc.to_bytes stores it:
    the plan goes through msgpack in its JSON form, with its raw text."""
    from spacy.tokens import Doc

    texts = [policyparse.read(BUNDLED).text, "一、总体要求\n1.确保覆盖率达到９０％以上。"]
    docs = list(nlp.pipe(texts, n_process=2))
    for doc, text in zip(docs, texts):
        plan = policyparse.parse(text)
        assert doc._.plan == plan and doc._.plan.raw_text == text
        assert {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "TARGET"} == \
            {q.raw_span for q in plan.targets}
    back = Doc(nlp.vocab).from_bytes(docs[1].to_bytes())
    assert back._.plan == docs[1]._.plan and back._.plan.targets[0].value == 90
    with pytest.raises(ValueError, match="no offset map"):
        back._.plan.raw_span(0, 1)


def test_a_pipeline_can_tokenise_with_the_extraction_backend(bundled_plan):
    """``policyparse.Tokenizer.v1`` (entry point ``spacy_tokenizers``) cuts the raw text with the
    backend extraction uses, tags included, and keeps it whole; with the component, the facts
    of the plan view and of the pipeline are the same on the body of the plan; Plan.to_spacy
    carries the same tags."""
    from policyparse.extract.tokens import tokenize  # noqa: PLC0415

    raw = bundled_plan.raw_text
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyparse.Tokenizer.v1"}}})
    doc = nlp(raw)
    assert doc.text == raw
    words = [(t.text, t.idx, t.tag_) for t in doc if not t.is_space]
    assert words == [(t.text, t.start, t.pos) for t in tokenize(raw)]
    assert {"v", "n", "nt"} <= {t.tag_ for t in doc}
    nlp.add_pipe("policyparse")
    doc = nlp(raw)
    raw_body = bundled_plan.nodes[0].raw_span[0]
    view = bundled_plan.to_spacy()
    body = bundled_plan.nodes[0].span[0]
    assert [(e.label_, e.text) for e in view.ents if e.start_char >= body] == \
        [(e.label_, _normal(e.text)) for e in doc.ents if e.start_char >= raw_body]
    tags = {(t.idx, t.idx + len(t.text)): t.tag_ for t in view}
    verbs = [tags.get(tuple(t.verb_span)) for t in bundled_plan.tasks if t.verb_span]
    assert sum(tag in ("v", "vn") for tag in verbs) > 0.9 * len(verbs)
