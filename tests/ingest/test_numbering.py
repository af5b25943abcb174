"""The numerals read without cn2an (a fast path that saves its import) read as cn2an reads them."""
from __future__ import annotations

import cn2an

from policyparse.extract.numbers import read_chinese
from policyparse.ingest.numbering import SMALL_NUMERALS, chinese_to_int


def test_small_numerals_are_cn2an_values():
    assert len(SMALL_NUMERALS) == 100  # 一 … 九十九 and 两
    for numeral, value in SMALL_NUMERALS.items():
        assert cn2an.cn2an(numeral, "normal") == value, numeral
        assert chinese_to_int(numeral) == value
        assert read_chinese(numeral) == value and isinstance(read_chinese(numeral), int)


def test_other_numerals_still_go_to_cn2an():
    assert chinese_to_int("一百零五") == 105 and chinese_to_int("二○一九") == 2019
    assert read_chinese("二千八百万") == 28000000 and read_chinese("七点八") == 7.8
    assert chinese_to_int("第十") is None and read_chinese("第十") is None
