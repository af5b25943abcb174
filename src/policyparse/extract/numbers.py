"""Reading numbers as Chinese plans write them: 1100, 1,383, 6.5, 一千, 两, 百分之九十, 三分之一,
-2.8, .5, 四亿零七百万, 4亿700万, and the interval of 3000多亿.

Only the reading lives here; where a number is a quantity (and not a year, an
ordinal or part of a name) is decided in :mod:`policyparse.extract.quantities`.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Optional, Union

from ..ingest.numbering import SMALL_NUMERALS

Number = Union[int, float]

#: characters of Chinese numerals (with 〇/零 for digit-by-digit writing and 点 for decimals)
CHINESE_DIGITS = "零〇○一二两三四五六七八九十百千万亿点"
#: trailing magnitudes split off a Chinese numeral so 一千万人 reads as 1000 万人, like 1000万人
MAGNITUDE_TAILS = ("万亿", "亿", "万")
#: minus signs as plans write them (ASCII, U+2212, full width): 增长-6.8%, −3%, －0.5%
MINUS = "-−－"


def as_number(value: float) -> Number:
    """An int when the value is whole (1100.0 → 1100; 1.14 × 1e8 too, whose float is
    113999999.99999999), else the float rounded to 10 digits."""
    if not math.isfinite(value):
        return value  # a digit string longer than a float can hold
    if abs(value) < 1e15 and abs(value - round(value)) <= 1e-9 * abs(value):
        return int(round(value))
    return round(value, 10)


@lru_cache(maxsize=4096)
def read_chinese(s: str) -> Optional[Number]:
    """Read a Chinese numeral through cn2an; ``None`` when it is not one.

    Example:
        >>> read_chinese("一千"), read_chinese("两"), read_chinese("七点八"), read_chinese("三分之一")
        (1000, 2, 7.8, 0.3333333333)
    """
    if "分之" in s:
        den, _, num = s.partition("分之")
        d, n = read_chinese(den), read_chinese(num)
        return as_number(n / d) if d and n is not None else None
    if s == "半":
        return 0.5
    if s == "一半":
        return 0.5
    small = SMALL_NUMERALS.get(s)  # 一, 两, 十五: no need to load cn2an
    if small is not None:
        return small
    import cn2an  # noqa: PLC0415 - loaded on first use

    try:
        value = cn2an.cn2an(s.replace("○", "〇"), "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return as_number(float(value))


@lru_cache(maxsize=8192)
def read_number(s: str) -> Optional[Number]:
    """Read an Arabic or Chinese number as written in a plan (cached: the same few thousand
    numerals recur, and a Chinese one costs a failed ``float`` first).

    Example:
        >>> read_number("1,383"), read_number("6.5"), read_number("百分之九十"), read_number("3分之1")
        (1383, 6.5, 90, 0.3333333333)
    """
    s = s.strip()
    if not s:
        return None
    if s[0] in MINUS and len(s) > 1:
        v = read_number(s[1:])
        return None if v is None else as_number(-v)
    if s.startswith(("百分之", "千分之")):
        return read_number(s[3:])
    if "分之" in s:
        den, _, num = s.partition("分之")
        d, n = read_number(den), read_number(num)
        return as_number(n / d) if d and n is not None else None
    ascii_form = s.replace(",", "").replace("，", "")  # 1,383; a doubled comma (1,,000) too
    try:
        return as_number(float(ascii_form))
    except ValueError:
        return read_chinese(s)


def split_magnitude(numeral: str) -> tuple[str, str]:
    """Split a trailing 万/亿/万亿 off a Chinese numeral (一千万 → 一千, 万), when what is left reads.

    Example:
        >>> split_magnitude("一千万"), split_magnitude("十万"), split_magnitude("一万")
        (('一千', '万'), ('十', '万'), ('一', '万'))
    """
    for tail in MAGNITUDE_TAILS:
        if numeral.endswith(tail) and len(numeral) > len(tail):
            head = numeral[: -len(tail)]
            if read_chinese(head) is not None:
                return head, tail
    return numeral, ""


def compound(numeral: str, magnitude: str) -> Optional[Number]:
    """The whole of a number whose lower part carries its own magnitude: 四亿零七百 with 万
    is 4亿 + 700万 (not 400000700 万), 4亿700 with 万 is the same, as a plain number.

    Example:
        >>> compound("四亿零七百", "万"), compound("4亿700", "万"), compound("七亿七千", "万")
        (407000000, 407000000, 770000000)
    """
    if "亿" not in numeral or magnitude != "万":
        return None
    high, _, low = numeral.partition("亿")
    h = read_number(high)
    lo = read_number(low.lstrip("零〇○")) if low.strip("零〇○") else 0
    if h is None or lo is None:
        return None
    return as_number(h * 1e8 + lo * 1e4)


def more_step(total: float) -> Number:
    """The width of the interval of 多/余 after a number whose whole is ``total``: one unit
    of its last written digit (3000多 → 1000, 3690多 → 10, 2.2多 → 0.1, 十多 → 10).

    Example:
        >>> more_step(3000), more_step(3690), more_step(2.2), more_step(407000000)
        (1000, 10, 0.1, 1000000)
    """
    if total == int(total):
        n = int(abs(total))
        step = 1
        while n and n % 10 == 0 and step < 10 ** 14:
            n //= 10
            step *= 10
        return step
    decimals = len(repr(float(abs(total))).split(".")[1].rstrip("0"))
    return as_number(10.0 ** -decimals)
