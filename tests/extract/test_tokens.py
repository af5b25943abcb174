"""Segmentation backends: jieba (default, with the domain dictionary) and pkuseg."""
from __future__ import annotations

import pytest

import policyparse
from policyparse.errors import PolicyParseError
from policyparse.extract.tokens import align, domain_words, get_segmenter, tokenize

SENTENCE = "力争全市学前三年教育毛入学率达到90.5%以上,深入研究我市教育现代化中长期发展战略。"


@pytest.mark.parametrize("backend", ["jieba", "pkuseg"])
def test_tokens_carry_offsets_into_the_text(backend):
    text = "一、总体要求\n" + SENTENCE + "\n  选树30所“四星级”中小学智慧校园。"
    tokens = tokenize(text, 7, len(text), segmenter=backend)
    assert tokens[0].start == 7
    for t in tokens:
        assert text[t.start:t.end] == t.text and not t.text.isspace()
    assert "".join(t.text for t in tokens) == "".join(text[7:].split())


@pytest.mark.parametrize("backend", ["jieba", "pkuseg"])
def test_domain_dictionary_words_stay_whole(backend):
    words = [t.text for t in tokenize(SENTENCE, segmenter=backend)]
    assert "毛入学率" in words
    assert "深入" in words and "研究" in words  # the modifier and the verb apart


def test_jieba_backend_leaves_the_global_jieba_alone():
    import jieba  # noqa: PLC0415

    get_segmenter("jieba")
    assert jieba.dt is not get_segmenter("jieba")._tk


def test_domain_dictionary_is_data():
    words = {w for w, _, _ in domain_words()}
    assert {"毛入学率", "立德树人", "普惠性"} <= words


def test_unknown_segmenter_is_a_clear_error():
    with pytest.raises(PolicyParseError, match="unknown segmenter 'nope'"):
        policyparse.parse("XX市2019年工作要点\n一、工作\n1.选树30所学校。", segmenter="nope")


def test_align_rejects_a_backend_that_changes_the_text():
    with pytest.raises(PolicyParseError, match="not the text"):
        align("抓好学习", ["抓好", "学问"])


def test_pkuseg_backend_gives_the_same_facts_on_the_bundled_plan(bundled_plan):
    plan = policyparse.parse_file("corpora/edu-bureau-2019.txt", segmenter="pkuseg")
    assert [(q.span, q.value, q.unit) for q in plan.quantities] == \
        [(q.span, q.value, q.unit) for q in bundled_plan.quantities]
    leads_j = [t.verb for t in bundled_plan.tasks if t.lead]
    leads_p = [t.verb for t in plan.tasks if t.lead]
    same = sum(a == b for a, b in zip(leads_j, leads_p))
    assert len(leads_p) == len(leads_j) and same >= len(leads_j) - 2
