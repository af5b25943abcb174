"""find_mentions skips a sentence with no character a body's name can end with: that
character class must hold the last character of every match of the name pattern."""
from __future__ import annotations

import pytest

from policyparse.extract import actors
from support import BUNDLED, gwr_path


@pytest.mark.parametrize("year", [1985, 2013, 2019])
def test_every_name_ends_with_a_prefilter_character(year):
    text = gwr_path(year).read_text("utf-8") + BUNDLED.read_text("utf-8")
    ends = actors._last_chars()
    matches = list(actors._pattern().finditer(text))
    assert len(matches) > 50
    assert all(ends.fullmatch(text[m.end() - 1]) for m in matches)


def test_a_sentence_without_one_names_no_body():
    assert list(actors.find_mentions("推进高质量发展。")) == []
    assert [m.name for m in actors.find_mentions("会同市教育局推进")] == ["市教育局"]
