"""What a bare measure measures: the topic of its sentence.

A plan often names what it speaks of once, at the head of a sentence or in an
earlier clause, and then gives the figure with a generic measure noun alone:
煤炭……方面，抓好产能接续，产量稳定在13亿吨左右 (煤炭产量); 非常规天然气发展方面，
…，力争产量突破200亿立方米、投资超120亿元 (非常规天然气产量, 非常规天然气投资);
实施1000个以上省重点项目，年度完成投资1万亿元 (省重点项目年度完成投资).
:func:`bare_measure` tells such an indicator (the heads are ``generic_measures``
in ``data/quantities.json``), :func:`sentence_topic` finds the noun phrase the
sentence opens with, by the part of speech of its words, so that a verb phrase,
a place or a pronoun is never taken for what is measured.

Example:
    >>> bare_measure("年度完成投资"), bare_measure("产量增长"), bare_measure("煤炭产量")
    (True, True, False)
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional, Sequence

import regex

from ..data import alternation, load_json
from ..model import Quantity

#: the longest topic taken, in characters
MAX_TOPIC = 12


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_json("quantities.json")["generic_measures"]


@lru_cache(maxsize=1)
def _bare() -> "regex.Pattern[str]":
    lex = _lexicon()
    change = alternation(load_json("quantities.json")["change_verbs"])
    return regex.compile(rf"(?:{alternation(lex['time_words'])})?(?:{alternation(lex['heads'])})"
                         rf"(?:(?:{alternation(lex['adverbs'])})?(?:{change}))?")


@lru_cache(maxsize=1)
def _tail() -> "regex.Pattern[str]":
    lex = _lexicon()
    return regex.compile(rf"(?:{alternation(lex['heads'])})(?:{alternation(lex['adverbs'])})?$")


def measure_tail(phrase: str) -> str:
    """The generic measure a phrase ends with, its adverb kept (数字经济核心产业增加值年均 → 增加值年均),
    or ``""``: what the earlier items of a list share (制造业、数字经济核心产业增加值 → 制造业增加值).

    Example:
        >>> measure_tail("数字经济核心产业增加值年均"), measure_tail("制造业")
        ('增加值年均', '')
    """
    m = _tail().search(phrase)
    return m.group() if m and m.start() >= 2 else ""


#: a number restated as a target, after it (确定4.5%左右的增长目标; 5.5%左右的预期增长目标与…衔接)
_RESTATED = regex.compile(r"的?(?:宏观)?(?:预期|调控|主要)?(?P<change>增长|增速)?(?:预期|调控)?目标")


def restate(text: str, quantities: Sequence[Quantity]) -> None:
    """Give a target restated by its number (确定4.5%左右的增长目标) the indicator of the figure it
    restates: the last quantity before it in the document with the same value and unit and, when
    the restatement names a growth (增长目标), an indicator of growth (地区生产总值增长4.5%左右).
    ``quantities`` are in the order of the text; a restatement with no such figure is left as it is.

    Example:
        >>> from policyparse.extract.quantities import find_quantities
        >>> t = "预期目标是：地区生产总值增长4.5%左右。确定4.5%左右的增长目标，是积极稳妥的。"
        >>> qs = list(find_quantities(t, 0, len(t)))
        >>> restate(t, qs)
        >>> [q.indicator for q in qs]
        ['地区生产总值增长', '地区生产总值增长']
    """
    for i, q in enumerate(quantities):
        m = _RESTATED.match(text, q.span[1])
        if not m:
            continue
        for p in reversed(quantities[:i]):
            if (p.value, p.value_max, p.unit) != (q.value, q.value_max, q.unit) or not p.indicator \
                    or _RESTATED.match(text, p.span[1]):
                continue
            if m.group("change") and not p.indicator.endswith(("增长", "增速")):
                continue
            q.indicator, q.indicator_span = p.indicator, None
            break


def is_sector(phrase: str) -> bool:
    """Does ``phrase`` end with a sector's name (石化产业, 数字经济; not 城镇新增就业)?"""
    lex = _lexicon()
    return phrase.endswith(tuple(lex["sector_suffixes"])) and not phrase.endswith(tuple(lex["not_sectors"]))


def bare_measure(indicator: Optional[str]) -> bool:
    """Is ``indicator`` a generic measure alone (产量, 投资, 年度完成投资, 产值增长), naming no thing?"""
    return bool(indicator) and _bare().fullmatch(indicator or "") is not None


def _topic_phrase(tokens: Sequence, text: str) -> Optional[str]:
    """The noun phrase ``tokens`` (words of ``text``) make once the verbs that close them and the
    manner words before those verbs are cut (煤炭智能绿色安全开采 → 煤炭; 非常规天然气发展 →
    非常规天然气); ``None`` when what is left is no noun phrase, or only a place or a pronoun."""
    lex = _lexicon()
    manner = frozenset(lex["manner_words"])
    toks = [t for t in tokens if t.text.strip()]
    end = len(toks)
    cut = False
    while end > 0 and (toks[end - 1].pos in ("v", "vn", "vd", "vi") or toks[end - 1].text in manner
                       or (cut and toks[end - 1].pos in ("a", "an", "ad", "d"))):
        end -= 1
        cut = True
    toks = toks[:end]
    if not toks:
        return None
    nominal = tuple(lex["topic_tags"])
    if not all(t.pos.startswith(nominal) or t.text in "“”" for t in toks):
        return None
    if not toks[-1].pos.startswith(("n", "j")) or toks[-1].pos in lex["not_topic_tags"]:
        return None
    if all(t.pos in lex["not_topic_tags"] or t.text in "“”" for t in toks):
        return None  # 我省, 全市, 今年: a place, a pronoun or a time names no thing measured
    phrase = text[toks[0].start:toks[-1].end]
    if not 2 <= len(phrase) <= MAX_TOPIC or any(ch.isdigit() for ch in phrase):
        return None
    return phrase


def sentence_topic(text: str, clause: tuple[int, int], tags: Callable[[str, int, int], list]) -> Optional[str]:
    """The topic the first clause ``clause`` of a sentence opens with: a heading phrase
    (非常规天然气发展方面 → 非常规天然气), a noun phrase alone (轻工业，…) or a sector that is the
    subject of the clause's verb (石化产业加快转型升级 → 石化产业; ``sector_suffixes``); ``None`` when the clause opens with a verb,
    a place, a pronoun or a time. ``tags(text, start, end)`` cuts and tags a stretch."""
    lex = _lexicon()
    s, e = clause
    while s < e and text[s] in "，,、；;：: \u3000":
        s += 1
    while e > s and text[e - 1] in "，,、；;：: \u3000":
        e -= 1
    opener = regex.match(lex["openers"], text[s:e])
    if opener:
        s += opener.end()
    tokens = [t for t in tags(text, s, e) if t.text.strip()]
    if not tokens:
        return None
    heading = next((k for k, t in enumerate(tokens) if t.text in lex["topic_heads"]), None)
    if heading is not None and heading == len(tokens) - 1 and heading > 0:
        return _topic_phrase(tokens[:heading], text)
    nominal = tuple(lex["topic_tags"])
    k = 0
    while k < len(tokens) and (tokens[k].pos.startswith(nominal) and tokens[k].pos not in ("vn",) or tokens[k].text in "“”"):
        k += 1
    if k == len(tokens):
        return _topic_phrase(tokens, text)
    change = load_json("quantities.json")["change_verbs"]
    if k and tokens[k].pos in ("v", "d", "vd") and tokens[k].text not in change:  # 工业生产增长较快: a change said of a measure, no topic
        # only a sector is the topic of what follows (石化产业加快转型升级), not an agent (部区共建…中心);
        # a verb tagged a noun may stand between (新能源汽车产业提质|扩量)
        last = max((j for j in range(k) if is_sector(tokens[j].text)), default=-1)
        return _topic_phrase(tokens[:last + 1], text) if last >= 0 else None
    return None
