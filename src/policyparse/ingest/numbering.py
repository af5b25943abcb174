"""Shared patterns and numeral reading for the numbering grammars.

The grammars themselves are data (``data/numbering.json``); this module
compiles them once and reads numerals (一 → 1, 十一 → 11, ⑤ → 5).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import regex

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _small_numerals() -> dict[str, int]:
    """一 … 九十九 (and 两) as plans write them, with their values."""
    digits = "一二三四五六七八九"
    table = {d: i for i, d in enumerate(digits, 1)}
    table["两"] = 2
    for t, d in enumerate(digits, 1):
        tens = ("" if t == 1 else d) + "十"
        table[tens] = 10 * t
        table.update({tens + u: 10 * t + i for i, u in enumerate(digits, 1)})
    return table


#: the numerals most labels and counts are written with (一, 十一, 九十九, 两), read without
#: cn2an, whose import (it compiles its patterns and a city list of its ``proces``
#: dependency) costs more CPU than parsing a short plan; each value is cn2an's
#: (tests/ingest/test_numbering.py), and any other numeral goes to cn2an
SMALL_NUMERALS: dict[str, int] = _small_numerals()


@lru_cache(maxsize=4096)
def chinese_to_int(s: str) -> Optional[int]:
    """Read a Chinese numeral (cn2an): label numbers 一 … 九十九, 一百零五, and
    digit-by-digit years 二〇一九 (also written with ○).

    Example:
        >>> chinese_to_int("十一"), chinese_to_int("二十"), chinese_to_int("一百零五"), chinese_to_int("二○一九")
        (11, 20, 105, 2019)
        >>> chinese_to_int("第十") is None
        True
    """
    small = SMALL_NUMERALS.get(s)
    if small is not None:
        return small
    import cn2an  # noqa: PLC0415 - loaded on first use (about 0.15 s of CPU)

    try:
        value = cn2an.cn2an(s.replace("○", "〇"), "normal")
    except ValueError:
        return None
    return int(value) if value == int(value) else None


@dataclass(frozen=True)
class Family:
    """One numbering style (see ``data/numbering.json``)."""

    name: str
    kind: str
    regex: "regex.Pattern[str]"
    numerals: str
    words: tuple[tuple[str, int], ...] = ()
    line_only: bool = False
    standalone: bool = False
    no_inline: bool = False
    #: used only in text with line breaks (一是 at a line start is a heading; in one-line text, a run-in list)
    needs_lines: bool = False
    #: the fewest labels that make a run (a lone 一是 line is a paragraph, not a division)
    min_run: int = 1
    #: not a label when the next number follows on the same line (一是…二是… is a run-in list)
    not_run_in: bool = False

    def value(self, num: str) -> Optional[int]:
        """The number a label's ``num`` group stands for (十一 → 11, ⑤ → 5)."""
        if self.numerals == "arabic":
            return int(num)
        if self.numerals == "chinese":
            return chinese_to_int(num)
        if self.numerals == "circled":
            return _CIRCLED.index(num) + 1
        return dict(self.words).get(num)


def _compile(spec: dict) -> Family:
    pattern = spec["pattern"]
    if spec.get("before"):
        pattern = f"(?<!{spec['before']})" + pattern
    if spec.get("after"):
        pattern = pattern + f"(?!{spec['after']})"
    return Family(
        name=spec["name"],
        kind=spec.get("kind", "enumeration"),
        regex=regex.compile(pattern),
        numerals=spec["numerals"],
        words=tuple(spec.get("words", {}).items()),
        line_only=bool(spec.get("line_only", False)),
        standalone=bool(spec.get("standalone", False)),
        no_inline=bool(spec.get("no_inline", False)),
        needs_lines=bool(spec.get("needs_lines", False)),
        min_run=int(spec.get("min_run", 1)),
        not_run_in=bool(spec.get("not_run_in", False)),
    )


@lru_cache(maxsize=1)
def grammar() -> dict[str, list[Family]]:
    """The numbering grammar: ``{"families": [Family, ...], "enumerations": [Family, ...]}``."""
    raw = json.loads(resources.files("policyparse").joinpath("data/numbering.json").read_text("utf-8"))
    return {
        "families": [_compile(f) for f in raw["families"]],
        "enumerations": [_compile(f) for f in raw["enumerations"]],
    }


@lru_cache(maxsize=1)
def _line_label() -> "regex.Pattern[str]":
    alts = "|".join(f.regex.pattern for f in grammar()["families"])
    # group names repeat across alternatives; strip them for this combined test
    alts = alts.replace("?P<num>", "")
    return regex.compile(rf"^\s*(?:{alts})")


@lru_cache(maxsize=1)
def _bare_label() -> "regex.Pattern[str]":
    alts = "|".join(f.regex.pattern for f in grammar()["families"] if not f.standalone).replace("?P<num>", "")
    return regex.compile(rf"^\s*(?:{alts})\s*$")


def is_bare_label(line: str) -> bool:
    """Is this line nothing but a label (一、 on a line of its own)?"""
    return bool(_bare_label().match(line))


def starts_with_label(line: str) -> bool:
    """Does this line start with an outline label (一、 （一） 1. ① 第一部分 …)?"""
    return bool(_line_label().match(line))
