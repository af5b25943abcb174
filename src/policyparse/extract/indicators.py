"""Indicator names made comparable across plans and years.

A target's ``indicator`` is written as the plan writes it: 国内生产总值增长 in
one year, 经济增长 in another, 减少农村贫困人口 here and 农村贫困人口减少 there.
:func:`canonical` reduces it to one name, by rules that are data
(``data/indicators.json``): opening time and scope words are dropped (今年,
全国) and framing before them (中央提出今年 …), words that name the target
rather than the measure (预期目标, 调控目标), modal and commitment words removed (要, 可以, 力争), a change verb
that opens the phrase is moved after what it changes, and known synonyms are
mapped to one name. :func:`similarity` compares two names after that, for
names that no rule makes equal (rapidfuzz's normalised Indel similarity, with
containment counted as a near match).

Example:
    >>> canonical("今年经济增长")
    '国内生产总值增长'
    >>> canonical("减少农村贫困人口")
    '农村贫困人口减少'
    >>> round(similarity("城镇调查失业率", "调查失业率"), 2)
    1.0
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ..data import load_json

#: Below this :func:`similarity` two indicators are not taken as the same.
MATCH_THRESHOLD = 0.75

#: A shorter name contained in a longer one (城镇新增就业 in 城镇新增就业人数) scores this much at least,
#: when it has at least :data:`MIN_CONTAINED` characters.
CONTAINED_SCORE = 0.85
MIN_CONTAINED = 4

_PUNCT = "，、；：“”‘’\"'（）()《》 \u3000·-－—"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data = load_json("indicators.json")
    synonyms = {}
    for name, variants in data["synonyms"].items():
        synonyms[name] = name
        for v in variants:
            synonyms[v] = name
    return {
        "prefixes": sorted(data["strip_prefixes"], key=len, reverse=True),
        "cut_after": data["cut_after"],
        "suffixes": sorted(data["strip_suffixes"], key=len, reverse=True),
        "words": sorted(data["strip_words"], key=len, reverse=True),
        "verbs": sorted(data["change_verbs"], key=len, reverse=True),
        "synonyms": synonyms,
    }


@lru_cache(maxsize=4096)
def canonical(indicator: Optional[str]) -> Optional[str]:
    """The canonical name of an indicator phrase (``None`` stays ``None``).

    Example:
        >>> canonical("居民消费价格总水平上涨")
        '居民消费价格涨幅'
        >>> canonical("城镇新增就业")
        '城镇新增就业'
    """
    if indicator is None:
        return None
    lex = _lexicon()
    name = "".join(ch for ch in indicator if ch not in _PUNCT)
    if name in lex["synonyms"]:
        return lex["synonyms"][name]
    for word in lex["cut_after"]:  # 中央提出今年经济增长 → 经济增长
        at = name.rfind(word)
        if 0 <= at and len(name) - at - len(word) >= 2:
            name = name[at + len(word):]
    name = name.lstrip("的")
    changed = True
    while changed:
        changed = False
        for suffix in lex["suffixes"]:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name, changed = name[: -len(suffix)], True
        for prefix in lex["prefixes"]:
            if name.startswith(prefix) and len(name) > len(prefix):
                name, changed = name[len(prefix):], True
    name = _strip_words(name, lex["words"], lex["verbs"])
    for verb in lex["verbs"]:
        if name.startswith(verb) and len(name) >= len(verb) + 2:
            name = name[len(verb):] + verb
            break
    return lex["synonyms"].get(name, name)


def named_base(base_period: Optional[str]) -> Optional[str]:
    """A quantity's comparison base when it is not the year before (比2002年 → 2002年; 比上年,
    同比 → ``None``): a change over a named base is not a yearly change.

    Example:
        >>> named_base("2002年"), named_base("上年"), named_base(None)
        ('2002年', None, None)
    """
    if not base_period or base_period in load_json("indicators.json")["yearly_bases"]:
        return None
    return base_period


def series_name(indicator: Optional[str], base_period: Optional[str] = None) -> Optional[str]:
    """The name of the series a quantity belongs to: its :func:`canonical` indicator, and a
    named comparison base after it in brackets (国内生产总值增长 with base 2002年 →
    国内生产总值增长（比2002年）), since the indicator leaves the base out (``base_period``).

    Example:
        >>> series_name("今年经济增长", "上年"), series_name("单位国内生产总值能耗下降", "2020年")
        ('国内生产总值增长', '单位国内生产总值能耗下降（比2020年）')
    """
    name = canonical(indicator)
    base = named_base(base_period)
    return f"{name}（比{base}）" if name and base else name


def _strip_words(name: str, words: list[str], verbs: list[str]) -> str:
    """Drop modal words at either end of the name or right before a change
    verb (再增加 → 增加); never inside a word (主要污染物 keeps its 要)."""
    changed = True
    while changed:
        changed = False
        for word in words:
            if name.startswith(word) and len(name) - len(word) >= 2:
                name, changed = name[len(word):], True
            elif name.endswith(word) and len(name) - len(word) >= 2:
                name, changed = name[: -len(word)], True
            else:
                for verb in verbs:
                    at = name.find(word + verb)
                    if at > 0:
                        name, changed = name[:at] + name[at + len(word):], True
                        break
            if changed:
                break
    return name


def similarity(a: Optional[str], b: Optional[str]) -> float:
    """How alike two indicator names are, from 0 to 1, after :func:`canonical`.

    Example:
        >>> similarity("经济增长", "国内生产总值增长")
        1.0
        >>> similarity("城镇新增就业", "城镇调查失业率") < MATCH_THRESHOLD
        True
    """
    from rapidfuzz.distance import Indel  # noqa: PLC0415 - loads on first comparison

    ca, cb = canonical(a), canonical(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    score = Indel.normalized_similarity(ca, cb)
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= MIN_CONTAINED and short in long_:
        score = max(score, CONTAINED_SCORE)
    return float(score)
