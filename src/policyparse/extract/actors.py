"""Actors: the party and government bodies and institutions a plan names.

:func:`find_mentions` finds names by lexicon and by pattern
(``data/actors.json``): complete names (国务院, 中共中央, 市委, 市属高校),
and level or place + policy domain + body suffix (市 + 教育 + 局, 各区 + 教育
+ 局, XX + 教育 + 电视台, 市教育局 + 党委). Concatenated names split by
themselves (市委市政府 → 市委, 市政府). :func:`pivot_mentions` finds bodies
named only between a verb of support or guidance and their own action
(支持江岸区开展…, 推动市属高校…履行职责). :func:`canonical` normalises a name
(市人民政府 → 市政府) and :func:`kind_of` gives its kind. Names inside
《titles》 are part of the title, not actors of the plan.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

import regex

from ..data import alternation, load_json


@dataclass(frozen=True)
class Mention:
    """A body named in the text: as written (``text``), normalised (``name``), its kind and span."""

    text: str
    name: str
    kind: str
    start: int
    end: int
    collective: bool = False


def lexicon() -> dict:
    """The lexicon of ``data/actors.json``."""
    return load_json("actors.json")


_alt = alternation


def _pattern(place: bool = False) -> "regex.Pattern[str]":
    """The name pattern: level + domain + suffix, or a listed name. With ``place``,
    the pattern of a name opened by a named place (武汉市教育局, 北京市海淀区教育委员会),
    used to widen a match to the left (a lookbehind at every character is slow)."""
    lex = lexicon()
    guard = lex.get("suffix_not_before", {})
    suffixes = "|".join(regex.escape(s) + (f"(?![{regex.escape(guard[s])}])" if s in guard else "")
                        for s, _ in sorted(lex["suffixes"], key=lambda x: -len(x[0])))
    party = r"(?:党委|党组织|党组(?!织))"
    stems = f"(?:{_alt(lex['stems'])})(?:{suffixes}){party}?"
    if place:
        return regex.compile(rf"(?:中共)?\p{{Han}}{{2,4}}?(?:省|市|自治区|自治州|州|盟)(?:\p{{Han}}{{1,4}}?(?:区|县|市|旗))?{stems}")
    body = rf"(?:中共)?(?:{_alt(lex['region_prefixes'])})?{stems}"
    names = _alt(lex["names"])
    units = lex["units_of_bodies"]
    own = rf"(?:{_alt(units['heads'])})(?:{_alt(units['tails'])})"  # 委局机关, 局直属单位
    return regex.compile(rf"(?:{body}|(?:{names}){party}?|{own})")


_pattern = lru_cache(maxsize=2)(_pattern)


def _widen_to_place(text: str, s: int, e: int, lo: int) -> int:
    """Where a body's name really starts when a named place opens it (市教育局 in
    会同武汉市教育局 → 武汉市教育局): the longest widening that is a place-opened
    name and starts after a clause start, a non-Chinese character or a function word."""
    place = _pattern(place=True)
    after = lexicon()["place_after"]
    for k in range(min(10, s - lo), 1, -1):
        p = s - k
        if not place.fullmatch(text, p, e) or _leading_word(text, p, e):
            continue  # not a place-opened name, or one that swallows a verb (指导湖北省…)
        if p == lo or not regex.match(r"\p{Han}", text[p - 1]) or text[max(lo, p - 4):p].endswith(tuple(after)):
            return p
    return s


@lru_cache(maxsize=1)
def _not_actor() -> "regex.Pattern[str]":
    return regex.compile(rf"(?:{_alt(lexicon()['not_actors'])})")


@lru_cache(maxsize=1)
def _words_before_places() -> tuple[frozenset[str], ...]:
    """Words that can stand right before a body's name (verbs, adverbs, 会同, 在 …), by length."""
    verbs = load_json("verbs.json")
    words = set(lexicon()["place_after"]) | set(verbs["modifiers"]) | set(verbs.get("light_verbs", []))
    for group in verbs["verbs"].values():
        words |= set(group)
    return tuple(frozenset(w for w in words if len(w) == n) for n in (4, 3, 2, 1))


def _leading_word(text: str, s: int, e: int) -> int:
    """The length of a verb or function word a match starts with (0 when none), if a name is left after it."""
    for n, words in zip((4, 3, 2, 1), _words_before_places()):
        if e - s > n + 2 and text[s : s + n] in words:
            return n
    return 0


def canonical(name: str) -> str:
    """The normalised name of a body.

    Example:
        >>> canonical("市人民政府"), canonical("党中央"), canonical("市教育局")
        ('市政府', '中共中央', '市教育局')
    """
    return lexicon()["aliases"].get(name, name)


@lru_cache(maxsize=4096)
def kind_of(name: str) -> str:
    """The kind of a body from its name (``data/actors.json``).

    Example:
        >>> kind_of("市委"), kind_of("市旅游委"), kind_of("市教育局党委"), kind_of("江岸区"), kind_of("市属高校")
        ('party', 'department', 'party', 'district', 'school')
    """
    lex = lexicon()
    if name in lex["names"]:
        return lex["names"][name]
    for tail, kind in lex["units_of_bodies"]["tails"].items():
        if name.endswith(tail):
            return kind
    if name.endswith(("党委", "党组", "党组织", "工委", "纪委")) or name.startswith("中共"):
        return "party"
    for stem in lex["party_department_stems"]:
        if regex.search(rf"{stem}(?:部|委)$", name):
            return "party"
    for suffix, kind in lex["suffixes"]:
        if name.endswith(suffix):
            return kind
    if name.endswith(("区", "县", "市", "州", "省")):
        return "district"
    if name.endswith(("高校", "大学", "学院", "学校", "中学", "小学", "高中", "幼儿园")):
        return "school"
    return "institution"


def is_collective(name: str) -> bool:
    """Does the name stand for a set of bodies (各区教育局, 相关部门, 市属高校)?"""
    return name.startswith(tuple(lexicon()["collectives"]))


def _in_title(text: str, pos: int, lo: int, hi: int) -> bool:
    """Is ``pos`` inside a 《title》 opened after ``lo`` and closed before ``hi``?"""
    o = text.rfind("《", lo, pos)
    return o >= 0 and text.find("》", o, pos) < 0 and text.find("》", pos, hi) >= 0


def find_mentions(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[Mention]:
    """Yield the bodies named in ``text[start:end]`` by lexicon and pattern.

    Example:
        >>> [m.name for m in find_mentions("在市委市政府领导下，会同市旅游委和各区教育局推进")]
        ['市委', '市政府', '市旅游委', '各区教育局']
    """
    end = len(text) if end is None else end
    not_actor = _not_actor()
    for m in _pattern().finditer(text, start, end):
        s, e = m.span()
        if s > start and regex.match(r"\p{Han}", text[s - 1]):
            s = _widen_to_place(text, s, e, start)
        written = text[s:e]
        if _in_title(text, s, start, end):
            continue
        na = not_actor.match(text, s)
        if na and na.end() >= e:
            continue
        if text.startswith(("党委(党组)", "党委（党组）"), e - 2):
            e -= 2  # 直属单位党委(党组): the units, not one party committee
            written = text[s:e]
        name = canonical(written)
        yield Mention(written, name, kind_of(name), s, e, is_collective(name))


@lru_cache(maxsize=1)
def _any_pivot() -> "regex.Pattern[str]":
    return regex.compile(_alt(lexicon()["pivot_verbs"]))


@lru_cache(maxsize=8)
def _pivot_pattern(verbs: frozenset[str]) -> "regex.Pattern[str]":
    lex = lexicon()
    pivots = _alt(lex["pivot_verbs"])
    ends = _alt(lex["pivot_suffixes"])
    follow = _alt(verbs) if verbs else "开展"
    count = r"(?:\d+|[一二两三四五六七八九十百]+)(?:所|个|家|支)"
    return regex.compile(rf"(?P<verbs>(?:{pivots})+)(?:{count})?(?P<np>\p{{Han}}{{1,6}}?(?:{ends}))"
                         rf"(?=(?:积极|加快|主动|认真|切实|进一步|不断)?(?:{follow}))")


def pivot_mentions(text: str, start: int, end: int, verbs: frozenset[str]) -> Iterator[tuple[Mention, list[str]]]:
    """Bodies named between a verb of support or guidance and their own action,
    with the roles those verbs give (指导支持江岸区开展… → 江岸区, [guided, supported]).

    Example:
        >>> t = "指导支持江岸区开展国家教育现代化实验区工作"
        >>> [(m.name, roles) for m, roles in pivot_mentions(t, 0, len(t), frozenset({"开展"}))]
        [('江岸区', ['guided', 'supported'])]
    """
    lex = lexicon()
    if not _any_pivot().search(text, start, end):
        return  # most sentences have no verb of support or guidance: skip the long pattern
    not_actor = _not_actor()
    for m in _pivot_pattern(verbs).finditer(text, start, end):
        s, e = m.span("np")
        np = m.group("np")
        if not_actor.search(np) or _in_title(text, s, start, end):
            continue
        roles = []
        v = m.group("verbs")
        i = 0
        while i < len(v):
            for w in sorted(lex["pivot_verbs"], key=len, reverse=True):
                if v.startswith(w, i):
                    if lex["pivot_verbs"][w] not in roles:
                        roles.append(lex["pivot_verbs"][w])
                    i += len(w)
                    break
            else:
                i += 1
        name = canonical(np)
        yield Mention(np, name, kind_of(name), s, e, is_collective(name)), roles
