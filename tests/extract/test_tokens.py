"""Segmentation backends: rjieba (default), jieba and pkuseg, with the domain dictionary; POS tags; loading once."""
from __future__ import annotations

import pytest

import policyparse
from policyparse.errors import PolicyParseError
import threading

from policyparse.extract.tokens import (RJiebaSegmenter, align, domain_words, get_segmenter, is_pos, pos_class,
                                        register_segmenter, tokenize)
from support import BUNDLED

SENTENCE = "力争全市学前三年教育毛入学率达到90.5%以上,深入研究我市教育现代化中长期发展战略。"


@pytest.mark.parametrize("backend", ["rjieba", "jieba", "pkuseg"])
def test_tokens_carry_offsets_into_the_text(backend):
    text = "一、总体要求\n" + SENTENCE + "\n  选树30所“四星级”中小学智慧校园。"
    tokens = tokenize(text, 7, len(text), segmenter=backend)
    assert tokens[0].start == 7
    for t in tokens:
        assert text[t.start:t.end] == t.text and not t.text.isspace()
    assert "".join(t.text for t in tokens) == "".join(text[7:].split())


@pytest.mark.parametrize("backend", ["rjieba", "jieba", "pkuseg"])
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


def test_rjieba_is_the_default_and_leaves_the_global_rjieba_alone():
    plan = policyparse.parse("XX市2019年工作要点\n一、工作\n1.力争毛入学率达到90%。")
    assert plan.tasks  # parsed with the default backend
    assert [t.text for t in tokenize(SENTENCE)] == [t.text for t in tokenize(SENTENCE, segmenter="rjieba")]
    import rjieba  # noqa: PLC0415 - the user's own rjieba, imported after ours was built

    assert "毛入学率" in [t.text for t in tokenize(SENTENCE, segmenter="rjieba")]
    assert not rjieba.has_word("毛入学率")  # the domain dictionary went into a private Jieba only


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_tokens_carry_part_of_speech_tags(backend):
    toks = {t.text: t.pos for t in tokenize("深入研究我市教育现代化中长期发展战略，由市财政局牵头，在北京召开会议。",
                                            segmenter=backend)}
    assert toks["深入"] == "d" and toks["研究"] == "v"  # the domain dictionary's tags win over jieba's (v, vn)
    assert toks["财政局"] == "nt" and toks["北京"] == "ns" and toks["战略"] == "n"
    assert toks["，"] == "x"


def test_both_jieba_backends_tag_the_bundled_plan_alike():
    """Same words; the same tag for every dictionary word. A word outside the dictionary is
    tagged by jieba-rs's HMM tagger and left ``x`` by the jieba backend (docs/segmenters.md)."""
    text = BUNDLED.read_text("utf-8")
    r = tokenize(text, segmenter="rjieba")
    j = tokenize(text, segmenter="jieba")
    assert [(t.text, t.start) for t in r] == [(t.text, t.start) for t in j]
    known = get_segmenter("rjieba")._jb.has_word
    differ = [(a.text, a.pos, b.pos) for a, b in zip(r, j) if a.pos != b.pos]
    assert all(not known(w) and pj == "x" for w, _, pj in differ), differ
    assert len(differ) < 0.01 * len(r)


def test_task_verbs_are_tagged_as_verbs_on_the_bundled_plan(bundled_plan):
    """The tags agree with the verb lexicon: most words extraction takes as a task's verb are tagged v/vn."""
    text = bundled_plan.text
    tags = {(t.start, t.end): t for t in tokenize(text)}
    verbs = [tags[t.verb_span] for t in bundled_plan.tasks if t.verb_span and t.verb_span in tags]
    assert len(verbs) > 150
    share = sum(is_pos(t, "verb") for t in verbs) / len(verbs)
    assert share > 0.9, [t for t in verbs if not is_pos(t, "verb")]


def test_pos_classes_are_data_and_unknown_ones_are_errors():
    assert {"v", "vn"} <= pos_class("verb") and {"n", "nt", "ns"} <= pos_class("noun")
    assert pos_class("organisation") == {"nt"}
    with pytest.raises(PolicyParseError, match="unknown part-of-speech class 'verbs'"):
        pos_class("verbs")


def test_ten_threads_load_the_segmenter_once():
    """The first use from many threads at once builds the backend (a dictionary load) once."""
    built = []

    def factory():
        built.append(threading.get_ident())
        return RJiebaSegmenter()

    register_segmenter("rjieba-threads", factory)
    text = BUNDLED.read_text("utf-8")[:2000]
    start = threading.Barrier(10)
    results: list[list[tuple[str, int, str]]] = []
    errors: list[BaseException] = []

    def work():
        try:
            start.wait()
            results.append([(t.text, t.start, t.pos) for t in tokenize(text, segmenter="rjieba-threads")])
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(built) == 1
    assert len(results) == 10 and all(r == results[0] for r in results)
    assert results[0] == [(t.text, t.start, t.pos) for t in tokenize(text)]


def test_a_missing_rjieba_is_a_clear_error():
    """Without rjieba the default backend says how to install it (or to choose jieba), in one line."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = ("import sys; sys.modules['rjieba'] = None\n"
            "import policyparse\n"
            "try:\n"
            "    policyparse.parse('XX市2019年工作要点\\n一、工作\\n1.选树30所学校。')\n"
            "except policyparse.PolicyParseError as exc:\n"
            "    print(exc.reason)\n"
            "print(len(policyparse.parse('XX市2019年工作要点\\n一、工作\\n1.选树30所学校。', segmenter='jieba').tasks))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "segmenter 'rjieba' is not installed: run `pip install rjieba` (or choose segmenter='jieba')"
    assert int(out[1]) >= 1
