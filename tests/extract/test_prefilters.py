"""The shortcuts extraction takes for speed find what the long way finds, on real text.

Each skips work where a cheap test says nothing can be found (issue 12): the
name pattern run by ``re`` behind a lookahead for its opening characters, the
quantity pattern skipped in a sentence with no numeral, the clauses segmented
for bodies named by type only where a sure cue is, clause heads cut untagged.
Each test runs the shortcut and the long way over whole reports and the
bundled plan and asks for the same result.
"""
from __future__ import annotations

import pytest
import regex

import policyparse
from policyparse.extract import actors, quantities, tasks, tokens
from policyparse.extract.run import _typed_in, units
from support import BUNDLED, gwr_path

YEARS = [1985, 2013, 2019]


def _text(year: int) -> str:
    return gwr_path(year).read_text("utf-8") + "\n" + BUNDLED.read_text("utf-8")


@pytest.mark.parametrize("year", YEARS)
def test_the_name_pattern_in_re_finds_what_regex_finds(year):
    text = _text(year)
    fast = actors._pattern()
    lead = fast.pattern.index("(?:")  # the lookahead for the opening characters comes first
    slow = regex.compile(fast.pattern[lead:])
    found = [m.span() for m in fast.finditer(text)]
    assert len(found) > 50
    assert found == [m.span() for m in slow.finditer(text)]


@pytest.mark.parametrize("year", YEARS)
def test_every_quantity_match_holds_a_numeral(year):
    text = _text(year)
    matches = list(quantities._patterns()["quantity"].finditer(text))
    assert len(matches) > 100
    assert all(quantities._NUMERAL.search(m.group()) for m in matches)


@pytest.mark.parametrize("year", YEARS)
def test_typed_bodies_are_the_same_with_sure_cues(year):
    plan = policyparse.parse(gwr_path(year).read_text("utf-8"), extract=False)
    text = plan.text
    cues, sure = actors.typed_and_sure_cues(text)
    assert list(cues) == actors.typed_cues(text) and list(sure) == actors.sure_cues(text, list(cues))
    assert len(sure) < len(cues)  # the shortcut skips something
    found = 0
    for _, s, e in units(plan):
        with_sure = _typed_in(text, s, e, cues, [], None, "rjieba", sure)
        assert with_sure == _typed_in(text, s, e, cues, [], None, "rjieba")
        found += len(with_sure)
    assert found > 20


@pytest.mark.parametrize("year", YEARS)
def test_untagged_heads_have_the_tagged_words(year):
    text = _text(year)
    checked = 0
    for s, e in [(s, e) for s, e in _sentences(text)][:400]:
        stop = tasks.head_end(text, s, e)
        if stop is None:
            continue
        tagged = tokens.tokenize(text, s, stop)
        untagged = tokens.words(text, s, stop)
        assert [(t.text, t.start, t.end) for t in untagged] == [(t.text, t.start, t.end) for t in tagged]
        assert tasks._tagged(text, list(untagged), (s, stop), "rjieba") == tagged
        checked += 1
    assert checked > 100


def _sentences(text: str):
    start = 0
    for m in regex.finditer(r"[。；\n]", text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()


def test_a_split_word_stays_untagged_when_tags_are_asked_for_again():
    text = "深入研究我市教育发展战略"
    toks = tokens.words(text)
    first = toks[0]
    assert len(first.text) >= 2 and all(t.pos == "" for t in toks)
    pieces = [tokens.Token(first.text[:1], first.start, first.start + 1),
              tokens.Token(first.text[1:], first.start + 1, first.end)]
    tagged = tasks._tagged(text, pieces + toks[1:], (0, len(text)), "rjieba")
    assert [t.pos for t in tagged[:2]] == ["", ""]  # as _split_compound makes them
    assert tagged[2:] == tokens.tokenize(text)[1:]


def test_references_in_a_sentence_without_an_opener_are_none():
    from policyparse.extract.references import find_references

    assert list(find_references("推进高质量发展。", 0, 8)) == []
    t = "完善“三通两平台”建设。"
    assert [r.title for r in find_references(t, 0, len(t))] == ["三通两平台"]
