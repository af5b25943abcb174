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

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

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

#: one Chinese character (compiled once: it is asked before every name found)
_HAN_CHAR = regex.compile(r"\p{Han}")


def _pattern(place: bool = False) -> "regex.Pattern[str]":
    """The name pattern: level + domain + suffix, or a listed name. With ``place``,
    the pattern of a name opened by a named place (武汉市教育局, 北京市海淀区教育委员会),
    used to widen a match to the left (a lookbehind at every character is slow)."""
    lex = lexicon()
    guard = lex.get("suffix_not_before", {})
    suffixes = "|".join(regex.escape(s) + (f"(?![{regex.escape(guard[s])}])" if s in guard else "")
                        for s, _ in sorted(lex["suffixes"], key=lambda x: -len(x[0])))
    party = r"(?:党委|党组织|党组(?!织))"
    stem = _alt(lex["stems"])
    stems = f"(?:{stem})(?:和?(?:{stem})){{0,3}}(?:{suffixes}){party}?"  # 发改经信局, 文化和广电旅游体育局
    if place:
        return regex.compile(rf"(?:中共)?(?P<upper>\p{{Han}}{{2,4}}?(?:省|市|自治区|自治州|州|盟))"
                             rf"(?P<lower>\p{{Han}}{{1,4}}?(?:区|县|市|旗))?{stems}")
    body = rf"(?:中共)?(?:{_alt(lex['region_prefixes'])})?{stems}"
    names = _alt(lex["names"])
    units = lex["units_of_bodies"]
    own = rf"(?:{_alt(units['heads'])})(?:{_alt(units['tails'])})"  # 委局机关, 局直属单位
    # every match opens with 中 (中共), a region prefix, a stem, a listed name or a unit's head:
    # a lookahead for those characters first lets the standard library's ``re`` (which runs this
    # plain pattern as ``regex`` does: the same matches) reject most positions at once, three
    # times faster than ``regex`` without it (every sentence with a suffix's character is scanned)
    # 各区县人民政府, 各县（市、区）人民政府, 市县两级政府: the governments of levels, one collective name
    lv = lex["level_governments"]
    level = _alt(lv["levels"])
    levels = (rf"(?:全(?:省|市|区|县))?各?(?:{level})(?:(?:{level})|、(?:{level})|（(?:{level})(?:、(?:{level})){{0,3}}）){{1,4}}"
              rf"(?:两级|三级|四级|各级)?(?:{_alt(lv['bodies'])})"
              rf"|各(?:{level})(?:{_alt(lv['bodies'])})")
    openers = [lex["region_prefixes"], lex["stems"], lex["names"], units["heads"]]
    firsts = {"中", "全", "各"} | {w[0] for words in openers for w in words if w} | {x[0] for x in lv["levels"]}
    lead = f"(?=[{re.escape(''.join(sorted(firsts)))}])" if all(w for words in openers for w in words) else ""
    office = _alt(lex["office_tails"])  # 区委办公室, 县委组织部: a listed body's office, one body
    return re.compile(rf"{lead}(?:{levels}|{body}|(?:{names})(?:{party}|{office})?|{own})")  # type: ignore[return-value]


_pattern = lru_cache(maxsize=2)(_pattern)


@lru_cache(maxsize=1)
def _last_chars() -> "re.Pattern[str]":
    """Any character a match of :func:`_pattern` can end with (the last of a suffix, of a
    listed name, of a unit's tail, or of 党委/党组/党组织): a sentence without one names
    no body, and a third of the sentences of a report are skipped without running the pattern."""
    lex = lexicon()
    ends = {s[-1] for s, _ in lex["suffixes"]} | {n[-1] for n in lex["names"]}
    ends |= {t[-1] for t in lex["units_of_bodies"]["tails"]} | set("委组织")
    return re.compile(f"[{re.escape(''.join(sorted(ends)))}]")


def _widen_to_place(text: str, s: int, e: int, lo: int) -> int:
    """Where a body's name really starts when a named place opens it (市教育局 in
    会同武汉市教育局 → 武汉市教育局): the longest widening that is a place-opened
    name and starts after a clause start, a non-Chinese character or a function word."""
    place = _pattern(place=True)
    after = lexicon()["place_after"]
    for k in range(min(10, s - lo), 1, -1):
        p = s - k
        m = place.fullmatch(text, p, e)
        if not m or _leading_word(text, p, e) or not _is_place(m.group("upper"), m.group("lower")):
            continue  # not a place-opened name, one that swallows a verb (指导湖北省…) or words (本规划由市…)
        if p == lo or not _HAN_CHAR.match(text[p - 1]) or text[max(lo, p - 4):p].endswith(tuple(after)):
            return p
    return s


def _place_before_level(text: str, s: int, e: int, lo: int) -> int:
    """Where a government's name starts when what looked like levels (州市人民政府) ends a
    place's name (扬州市人民政府: 扬州市 is a division, 州 and 市 are not levels here); ``s`` when not so."""
    names = place_names()
    for j in (2, 1):  # the place's last characters inside the match: 州市 of 扬州市, 市 of 上海市
        for k in (3, 2, 1):
            p = s - k
            if p < lo or j > e - s - 2:
                continue
            if text[p:s + j] in names and (p == lo or not _HAN_CHAR.match(text[p - 1])
                                             or text[max(lo, p - 4):p].endswith(tuple(lexicon()["place_after"]))):
                return p
    return s


def _is_place(upper: str, lower: Optional[str]) -> bool:
    """Whether the opening of a name is a place: an administrative division of cpca's table
    (武汉市, 北京市 + 海淀区) or a masked one (XX市); 本规划由市 is not."""
    if upper.startswith(("XX", "××", "ＸＸ")):
        return True
    names = place_names()
    return upper in names and (lower is None or lower in names or lower.startswith(("XX", "××")))


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
    if not _last_chars().search(text, start, end):
        return
    not_actor = _not_actor()
    guard_after, guard_before = lexicon()["name_not_before"], lexicon()["name_not_after"]
    for m in _pattern().finditer(text, start, end):
        s, e = m.span()
        if s > start and _HAN_CHAR.match(text[s - 1]):
            s = _widen_to_place(text, s, e, start)
        if s > start and _HAN_CHAR.match(text[s - 1]):
            s = _place_before_level(text, s, e, start)
        written = text[s:e]
        if _in_title(text, s, start, end):
            continue
        na = not_actor.match(text, s)
        if na and na.end() >= e:
            continue
        if text.startswith(("党委(党组)", "党委（党组）"), e - 2):
            e -= 2  # 直属单位党委(党组): the units, not one party committee
            written = text[s:e]
        if text[e:e + 1] and text[e] in guard_after.get(written, "") or s > 0 and text[s - 1] in guard_before.get(written, ""):
            continue  # 各区域, 市县级, 省市县: a word or a list of levels, not the bodies
        name = canonical(written)
        yield Mention(written, name, kind_of(name), s, e, is_collective(name))


def organs(text: str, mentions: Iterable[Mention], end: int) -> list[Mention]:
    """A body's own organ named right after it (``and_its`` in ``data/actors.json``):
    省人大及其常委会 names 省人大 and 省人大常委会, the organ's mention being 及其常委会.

    Example:
        >>> t = "自觉接受省人大及其常委会监督"
        >>> [(m.text, m.name) for m in organs(t, [Mention("省人大", "省人大", "legislature", 4, 7)], len(t))]
        [('及其常委会', '省人大常委会')]
    """
    out = []
    for m in mentions:
        for tail, organ in lexicon()["and_its"].items():
            if text.startswith(tail, m.end, end):
                name = canonical(m.name + organ)
                out.append(Mention(tail, name, m.kind, m.end, m.end + len(tail), False))  # the body's own kind
    return out


@lru_cache(maxsize=1)
def _supervision() -> "regex.Pattern[str]":
    return regex.compile(r"接受(?P<list>[^，,。；;：:]{2,30}?)(?:的)?(?:民主|法律|工作|审计)?监督")


def supervisor_mentions(text: str, start: int, end: int, taken: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Bodies named by their function in a list of who supervises (``role_markers.supervisor.bodies``
    in ``data/actors.json``): 自觉接受纪检监察、司法、社会和舆论监督 names 纪检监察 and 司法;
    society and the press are no bodies; 强化审计监督 names 审计, 加强纪检监察、审计监督 both.

    Example:
        >>> t = "自觉接受纪检监察、司法、社会和舆论监督"
        >>> [m.name for m in supervisor_mentions(t, 0, len(t))]
        ['纪检监察', '司法']
    """
    bodies = lexicon()["role_markers"]["supervisor"]["bodies"]
    taken = list(taken)
    out = []
    spans = set()
    for m in _supervision().finditer(text, start, end):
        for item in regex.finditer(r"[^、和及与]+", m.group("list")):
            spans.add((m.start("list") + item.start(), item.group()))
    for m in _own_supervision().finditer(text, start, end):
        for item in regex.finditer(r"[^、和及与]+", m.group("list")):  # 强化审计监督, 加强纪检监察、审计监督
            spans.add((m.start("list") + item.start(), item.group()))
    for s, word in sorted(spans):
        if word in bodies and not any(a < s + len(word) and s < b for a, b in taken):
            out.append(Mention(word, word, bodies[word], s, s + len(word), False))
    return out


@lru_cache(maxsize=1)
def _own_supervision() -> "regex.Pattern[str]":
    bodies = _alt(lexicon()["role_markers"]["supervisor"]["bodies"])
    listed = rf"(?:{bodies})(?:[、和及与](?:{bodies}))*"
    return regex.compile(rf"(?<![\p{{Han}}])(?P<list>{listed})监督|(?<=[强化加强开展])(?P<list>{listed})监督")


@lru_cache(maxsize=1)
def _any_pivot() -> "re.Pattern[str]":
    """Any verb of support or guidance (a plain alternation of words: ``re`` runs it faster than ``regex``)."""
    return re.compile(_alt(lexicon()["pivot_verbs"]))


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
    with the roles those verbs give (指导支持江岸区开展… → 江岸区, [guided, lead, supported]:
    guided, it does the work it is guided to; supported).

    Example:
        >>> t = "指导支持江岸区开展国家教育现代化实验区工作"
        >>> [(m.name, roles) for m, roles in pivot_mentions(t, 0, len(t), frozenset({"开展"}))]
        [('江岸区', ['guided', 'lead', 'supported'])]
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
                    roles.extend(r for r in lex["pivot_verbs"][w] if r not in roles)
                    i += len(w)
                    break
            else:
                i += 1
        name = canonical(np)
        yield Mention(np, name, kind_of(name), s, e, is_collective(name)), roles


@lru_cache(maxsize=1)
def _head_pattern() -> "re.Pattern[str]":
    """The head words of bodies named by type (a plain alternation: ``re``, as :func:`_cue_pattern`)."""
    heads = sorted(lexicon()["type_heads"], key=len, reverse=True)
    return re.compile(_alt(heads))


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Place names of China's administrative divisions and their full names, from the
    adcodes table the cpca package ships (``cpca/resources/adcodes.csv``, read directly:
    importing cpca builds a matcher and loads pandas). Provinces and cities also go by
    their short names (苏州市 → 苏州, 广西壮族自治区 → 广西); districts and counties only by
    their full names (江岸区), as their short names are common words; autonomous prefectures and
    counties also by their place and level without their peoples (湘西州 for 湘西土家族苗族自治州,
    the nationalities from cpca's table: ``places.autonomous`` in ``data/actors.json``).

    Example:
        >>> names = place_names()
        >>> names["苏州"], names["江岸区"], "江岸" in names, names["湘西州"]
        ('苏州市', '江岸区', False, '湘西土家族苗族自治州')
    """
    import importlib.util

    from ..errors import PolicyParseError
    from ..ingest.places import adcodes, nations

    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise PolicyParseError(None, "the package cpca is missing (its administrative-division data name places "
                                     "as actors): pip install cpca")
    rule = lexicon()["places"]
    not_places = set(lexicon()["not_actors"])  # 城区 (阳泉市城区): a word before it is a county's name
    names: dict[str, str] = {}
    peoples = nations()
    for code, full in adcodes():  # the table read once for the regions of ingest.places and here
        if full in not_places:
            continue
        names.setdefault(full, full)
        for suffix, short_suffix in rule["autonomous"].items():
            if full.endswith(suffix):  # 湘西土家族苗族自治州 → 湘西州, 黔东南苗族侗族自治州 → 黔东南州
                place = full[: -len(suffix)]
                while (people := next((n for n in peoples if place.endswith(n) and len(place) > len(n) + 1), None)):
                    place = place[: -len(people)]
                if len(place) >= 2 and place != full[: -len(suffix)]:
                    names.setdefault(place + short_suffix, full)
        if code[4:6] != "00" and not code.startswith(("11", "12", "31", "50")):
            continue  # a county or district: its short name is often a common word (安宁, 新沂)
        for suffix in rule["short_suffixes"]:
            if full.endswith(suffix) and len(full) - len(suffix) >= 2:
                names.setdefault(full[: -len(suffix)], full)
                break
    return names


@lru_cache(maxsize=1)
def county_short_names() -> dict[str, str]:
    """The short names of counties, districts and county-level cities (临朐 for 临朐县, 博山 for
    博山区), with their full names: not places by themselves (:func:`place_names`: 安宁, 新建,
    中原 are common words), but taken by :func:`typed_mentions` as the next item of a list of
    places (滨州盐田虾、临朐鹅肝、博山猕猴桃).

    Example:
        >>> names = county_short_names()
        >>> names["临朐"], "苏州" in names
        ('临朐县', False)
    """
    from ..ingest.places import adcodes

    places = place_names()
    suffixes = lexicon()["places"]["full_only_suffixes"]
    out: dict[str, str] = {}
    for code, full in adcodes():
        if code[4:6] == "00" or code[6:].strip("0"):
            continue  # a province or a prefecture (they go by short names already), or a township
        for suffix in sorted(suffixes, key=len, reverse=True):
            if full.endswith(suffix) and len(full) - len(suffix) >= 2:
                short = full[: -len(suffix)]
                if short not in places:
                    out.setdefault(short, full)
                break
    for code, full in adcodes():
        if code[4:6] != "00" and not code[6:].strip("0") and full.endswith("市") and len(full) >= 3:
            out.setdefault(full[:-1], full)  # 永城市, 巩义市: county-level cities
    return {k: v for k, v in out.items() if k not in places}


_TERM = regex.compile(r"第[一二三四五六七八九十]+届")
_HAN = regex.compile(r"\p{Han}+")


@lru_cache(maxsize=1)
def _typed_words() -> dict:
    """The word sets :func:`typed_mentions` asks about, built once."""
    lex = lexicon()
    return {"mod_tags": frozenset(lex["type_modifier_tags"]), "stop": frozenset(lex["type_stop_words"]),
            "not_bodies": frozenset(lex["type_not_bodies"]), "before_bare": frozenset(lex["bare_after"]),
            "place_not_before": tuple(lex["place_not_before"]), "proper_heads": frozenset(lex["proper_heads"]), "proper_not": frozenset(lex["proper_not"]), "not_before": frozenset(lex["type_not_before"]),
            "verbish": frozenset().union(*_words_before_places()),
            "not_inside": frozenset(lex["type_not_inside"]), "not_whole": frozenset(lex["type_not_whole"]), "stationed": frozenset(lex["stationed"]),
            "stationed_only": frozenset(lex["stationed_only_heads"]),
            "route_before": frozenset(lex["place_not_after"]), "works": frozenset(lex["place_not_before"]),
            "project_list": regex.compile(lex["project_list"])}


def _next_in_list(tokens: list, i: int, places: set[int]) -> bool:
    """Is ``tokens[i]`` the next item of a list whose previous item opens with a place found
    (支持滨州盐田虾、临朐…: the previous item, opened by a mark or a verb, starts where a place
    was found)?"""
    if i < 2 or tokens[i - 1].text != "、" or tokens[i - 1].end != tokens[i].start:
        return False
    j = i - 2
    while j > 0 and tokens[j - 1].pos != "x" and not tokens[j - 1].pos.startswith("v") and i - j < 8:
        j -= 1
    return tokens[j].start in places


#: the tags of the proper-name words between a place and the work built there (镇江|谏壁|一线|船闸)
_PROPERISH = frozenset({"nr", "nrfg", "ns", "nz", "ng", "m", "eng"})
#: the tags of a word after a place that show the place is no modifier of it
_NOT_NAME = frozenset({"v", "vd", "p", "u", "ul", "uj", "uz", "d", "r", "c", "x", "y"})


def _site_of(text: str, tokens: list, place, k: int, hi: int, w: dict) -> bool:  # type: ignore[no-untyped-def]
    """Does the place token ``place``, followed by a noun (``tokens[k]``), name where a work or a project is, not
    a body: a piece of infrastructure named after it, a proper name on (镇江谏壁一线船闸,
    连云港徐圩港区), or an item of a list of projects, the list reached over nouns and 、 alone
    (长沙惠科新型显示、湘潭半导体智造…等百亿级项目: ``project_list`` in ``data/actors.json``)?"""
    if k >= len(tokens) or tokens[k].start != place.end or tokens[k].pos in _NOT_NAME:
        return False  # a verb, a function word or a mark after the place: it stands alone
    for t in tokens[k : k + 3]:
        if t.text in w["works"] and t is not tokens[k]:
            return True
        if t.pos not in _PROPERISH:
            break
    return _in_project_list(text, tokens, k, place.end, hi, w)


def _in_project_list(text: str, tokens: list, k: int, end: int, hi: int, w: dict) -> bool:
    """Is what ends at ``end`` (``tokens[k]`` next) an item of a list of projects, the list's end
    (…等重大项目) reached over the words of projects' names and 、 alone?"""
    for t in tokens[k:]:
        if t.text.startswith("等"):  # 等, or 等市 glued by the segmenter
            return w["project_list"].match(text, t.start, hi) is not None
        if t.start - end > 40 or t.pos in ("p", "u", "d", "r") or (t.pos == "x" and t.text != "、"):
            return False  # an item of the list: nouns, the verbs of a project's name (研发生产), 和 and 、
    return False


_COUNT = regex.compile(r"(?:\d+(?:\.\d+)?(?:[-—–~至]\d+(?:\.\d+)?)?|[一二两三四五六七八九十百千万]+)(?:多|余)?(?:个|家|所|座|支|批|类)")


@lru_cache(maxsize=1)
def _cue_pattern() -> "re.Pattern[str]":
    """The head and bare words, as one alternation (the standard library's ``re`` runs a plain
    alternation of words five times faster than ``regex``; both find the same matches)."""
    lex = lexicon()
    return re.compile(_alt(sorted({*lex["type_heads"], *lex["bare_bodies"]}, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    return frozenset(name[:2] for name in place_names())


@lru_cache(maxsize=1)
def _prefix_candidates() -> "re.Pattern[str]":
    """A character that begins a place name's first two characters and is followed by one
    that can be their second: where :func:`typed_cues` checks a pair (a quarter of the text's
    characters, found in C instead of a Python loop over all of them)."""
    pairs = [p for p in _place_prefixes() if len(p) == 2]
    firsts = "".join(sorted({p[0] for p in pairs}))
    seconds = "".join(sorted({p[1] for p in pairs}))
    return re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")


def typed_cues(text: str) -> list[int]:
    """Where in ``text`` a body named by type or place could be: the offsets of head and bare
    words and of the first two characters of place names, in order. A span without one has
    no such body, so it need not be segmented (:func:`typed_mentions` needs the tokens).

    Example:
        >>> typed_cues("推进公立医院建设。加快改革。支持淮安发展")
        [4, 16]
    """
    return _cues(text)[0]


def _cues(text: str) -> tuple[list[int], set[int]]:
    """:func:`typed_cues`, and the offsets of the head and bare words alone (what :func:`sure_cues` starts from)."""
    prefixes = _place_prefixes()
    words = {m.start() for m in _cue_pattern().finditer(text)}
    cues = set(words)
    cues.update(i for m in _prefix_candidates().finditer(text) if text[(i := m.start()) : i + 2] in prefixes)
    return sorted(cues), words


@lru_cache(maxsize=1)
def _place_lengths() -> tuple[int, ...]:
    """The lengths of the place names of two characters or more, longest first."""
    return tuple(sorted({len(n) for n in place_names() if len(n) >= 2}, reverse=True))


def typed_and_sure_cues(text: str) -> "tuple[array[int], array[int]]":
    """:func:`typed_cues` and :func:`sure_cues` of ``text``, its words scanned once; as arrays
    of machine integers (8 bytes an offset, not 36 in a list), which :func:`bisect.bisect_left`
    reads as it reads lists: extraction holds both for a whole plan."""
    cues, words = _cues(text)
    sure = array("q", _sure(text, cues, words))
    return array("q", cues), sure


def sure_cues(text: str, cues: list[int]) -> list[int]:
    """The cues of :func:`typed_cues` where a body can really be found: a head or bare word
    starts there, or a whole place name (not only its first two characters, 中山 of 中山市
    in 中山大学 or 和平 of 和平区 in 和平发展). A clause with none yields no body named by
    type or place (:func:`typed_mentions` takes a place only when it is a whole token, and a
    head or bare word is always a cue), so it need not be segmented.

    Example:
        >>> t = "推进公立医院建设。坚持和平发展。支持淮安发展"
        >>> typed_cues(t), sure_cues(t, typed_cues(t))
        ([4, 11, 18], [4, 18])
    """
    return _sure(text, cues, {m.start() for m in _cue_pattern().finditer(text)})


def _sure(text: str, cues: list[int], words: set[int]) -> list[int]:
    places = place_names()
    lengths = _place_lengths()
    sure = set(words)
    sure.update(i for i in cues if i not in words and any(text[i:i + n] in places for n in lengths))
    return sorted(sure)


def typed_mentions(text: str, tokens: list, taken: Iterable[tuple[int, int]] = (),
                   home: Optional[str] = None) -> list[Mention]:
    """Bodies named by their type or place, not by a listed name: a noun phrase whose head
    is a body word (``type_heads`` in ``data/actors.json``: 医院, 企业, 高中, 工会, 群团组织),
    widened to the left over the words that modify it as long as they are nouns, place names,
    abbreviations or distinguishing words (县域 普通高中, 公立医院, 专精特新 中小企业); a bare
    地方, 部门, 政府 or 党 standing as a noun (``bare_bodies``); a province or city of the
    administrative-division data (:func:`place_names`) standing by itself, not as the
    modifier of a noun (支持淮安、常州打造…). ``tokens`` are the segmenter's tagged tokens
    over the span (:func:`policyparse.extract.tokens.tokenize`); ``taken`` are spans already
    found by :func:`find_mentions`, left alone; ``home`` is the plan's own region (江苏省),
    which is where the plan acts, not one of its actors.

    Example:
        >>> from policyparse.extract.tokens import tokenize
        >>> t = "推进县域普通高中和公立医院建设，支持淮安、常州打造示范基地，加大对地方转移支付"
        >>> [m.name for m in typed_mentions(t, tokenize(t))]
        ['县域普通高中', '公立医院', '淮安', '常州', '地方']
    """
    return sorted(_typed(text, tokens, list(taken), home), key=lambda m: m.start)


def _typed(text: str, tokens: list, taken: list[tuple[int, int]], home: Optional[str]) -> Iterator[Mention]:
    if not tokens:
        return
    lex = lexicon()
    heads = lex["type_heads"]
    w = _typed_words()
    bare = lex["bare_bodies"]
    collectives = tuple(lex["collectives"])
    places = place_names()
    counties = county_short_names()
    found_places: set[int] = set()  # where the places found so far start
    home_names = {home, places.get(home or "", home)} if home else set()
    lo, hi = tokens[0].start, tokens[-1].end
    ends = {t.end: k for k, t in enumerate(tokens)}
    token_starts = [t.start for t in tokens]
    found: list[tuple[int, int]] = []
    by_start = {t.start: t for t in tokens}

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken) and not any(a < e and s < b for a, b in found)

    def good_modifier(t) -> bool:  # type: ignore[no-untyped-def]
        return (t.pos in w["mod_tags"] and t.text not in w["verbish"] and t.text not in w["stop"]
                and not _COUNT.search(t.text) and not t.text.startswith(("所", "个", "家", "座", "批"))
                and _HAN.fullmatch(t.text) is not None
                and not (t.pos == "a" and len(t.text) == 1))  # 稳企业: a one-character adjective is a verb here

    # bodies named by type: a head word ending at a token's end
    for m in _head_pattern().finditer(text, lo, hi):
        if m.end() not in ends:
            continue
        i, k = ends[m.end()], bisect_right(token_starts, m.start()) - 1
        if k < 0 or tokens[k].end <= m.start() or any(tokens[x].end != tokens[x + 1].start for x in range(k, i)):
            continue  # not inside the tokens (they may cover a span's clauses one by one)
        if k != i and tokens[k].start != m.start():
            continue  # 创新|区: the head starts inside a word it does not end with
        if k == i and tokens[i].pos in ("v", "vd", "d", "p", "c", "u", "r"):
            continue  # a head word that is a verb here (a head of two words, 社会|组织, is a noun whatever their tags)
        s = tokens[k].start
        if text[s:m.start()] in w["not_whole"]:
            continue  # 跨部门: across departments, a manner of working, not a body
        if text[s:m.start()] in w["not_inside"]:
            s = m.start()  # 与央企, 无央企: a word the segmenter glued to the head is no part of the name
        j = k - 1 if s == tokens[k].start else -1
        while j >= 0 and tokens[j].end == s and m.end() - tokens[j].start <= 12 and good_modifier(tokens[j]):
            s = tokens[j].start
            j -= 1
        if j >= 0 and tokens[j].end == s and tokens[j].text in collectives:
            s = tokens[j].start  # 各级 / 有关 / 相关 before the name: a collective
        elif j >= 0 and tokens[j].end == s and tokens[j].text in w["stationed"]:
            s = tokens[j].start  # 驻晋央企, 驻赣人民解放军: bodies stationed in the place, not the place's own
            j -= 1
        e = m.end()
        written = text[s:e]
        if m.group() in w["stationed_only"] and not any(written.startswith(x, i) for x in w["stationed"]
                                                          for i in range(len(written) - len(m.group()))):
            continue  # 单位 names a body only as the bodies stationed somewhere (中央驻湘单位)
        term = None
        if (s == tokens[k].start and j >= 1 and tokens[j].end == s and tokens[j - 1].end == tokens[j].start
                and _TERM.fullmatch(tokens[j].text) and tokens[j - 1].pos == "ns"):
            # 江苏省第十四届人民代表大会: the province's congress, named with its term
            s, term = tokens[j - 1].start, tokens[j - 1].text + text[tokens[k].start:e]
            written = text[s:e]
        if e in by_start and by_start[e].text in w["not_before"]:
            continue  # 高校毕业生, 大学科技园: people or a place of the body, not the body
        if (m.group() in w["proper_heads"] and e in by_start and (h := _head_pattern().match(text, e, hi))
                and h.end() in ends):
            continue  # 松原石化|园区: a firm's or a zone's word qualifies the next body word, the head
        if text.startswith(tuple(w["stationed"]), e, hi):
            continue  # 解放军|驻吉部队: the unit stationed there is the body, named on
        if i + 1 < len(tokens) and tokens[i + 1].start == e and _in_project_list(text, tokens, i + 1, e, hi, w):
            continue  # 布局东明石化、东营富海等重大项目: a project named after a firm or a body
        if s > lo and text[s - 1] in "一二两三四五六七八九十百千0123456789":
            continue  # 二十国集团, 3所高校…: a numbered name or a counted output
        if written in w["not_bodies"] or written in home_names or not free(s, e) or _in_title(text, s, lo, hi):
            continue
        name = term or canonical(written)
        kind = lex["names"].get(name) or heads[m.group()]
        found.append((s, e))
        # named by type, it stands for every body of the type (公立医院), unless a proper name
        # singles one out (苏州实验室, 河北港口集团)
        proper = any(t.pos in ("ns", "nz", "nr", "nt") and t.end <= m.start() for t in tokens[j + 1 : i + 1])
        if m.group() in w["proper_heads"] and not any(
                (t.pos in ("ns", "nr", "j") or t.text in places) and t.text not in w["proper_not"]
                and t.end <= m.start() for t in tokens[j + 1 : i + 1]):
            found.pop()
            continue  # 欠发达地区, 国家级示范区: a kind of zone, not a named one (胶东地区, 湘江科学城)
        yield Mention(written, name, kind, s, e, not proper and name not in lex["names"] or name.startswith(collectives))
    for i, tok in enumerate(tokens):
        word = tok.text
        ni = i + 1  # the token after this one
        if len(word) > 2 and word[:1] in w["not_inside"] and word[1:] in places and word not in places:
            # 对岳阳, 与南京: the segmenter glued a preposition to the place
            tok = tok._replace(text=word[1:], start=tok.start + 1)
            word = tok.text
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (after is not None and after.start == tok.end and len(after.text) == 1 and word + after.text in places
                and word + after.text not in bare):
            # 湘西|州: the segmenter cut the level off a place's name
            tok = tok._replace(text=word + after.text, end=after.end, pos="ns")
            word = tok.text
            ni = i + 2
        head = word.split("的", 1)[0] if len(word) > 3 and word.endswith("领导") and "的" in word[1:3] else ""
        if head and head in bare and bare[head][2] and free(tok.start, tok.start + len(head)):
            # 党的领导 as one token: the party that leads (not 党的建设, the party's building, a field of work)
            name, kind, _ = bare[head]
            yield Mention(head, name, kind, tok.start, tok.start + len(head), False)
            continue
        listed = word in counties and tok.pos in ("ns", "nr", "nz", "n", "j") and _next_in_list(tokens, i, found_places)
        if (word not in bare and word not in places and not listed) or not free(tok.start, tok.end):
            continue
        prev = tokens[i - 1] if i and tokens[i - 1].end == tok.start else None
        nxt = tokens[ni] if ni < len(tokens) and tokens[ni].start == tok.end else None
        if word in bare and tok.pos in ("n", "s", "nt", "j"):
            name, kind, modifier_ok = bare[word]
            if prev is not None and prev.text in w["before_bare"]:
                s = prev.start  # 一些地方, 有关部门: a body whatever follows
            elif not modifier_ok and nxt is not None and nxt.pos in ("n", "vn", "nz", "an", "j", "l"):
                continue  # 地方特色, 部门预算: a modifier, not a body
            else:
                s = tok.start
            yield Mention(text[s:tok.end], name, kind, s, tok.end, name == word and kind != "government")
            continue
        # a place standing by itself: not the modifier of a following noun, not a route (新沂至江都)
        if (listed or word in places) and len(word) >= 2 and word not in home_names and places.get(word) not in home_names:
            if text.startswith(w["place_not_before"], tok.end, hi):
                continue  # 新沂至江都, 长沙机场: a route, a piece of infrastructure (徐州区域中心城市 is the city's)
            if nxt is not None and _head_pattern().match(text, nxt.start, hi):
                continue  # XX西藏中学, 苏州实验室: the place opens a body's name; the body is the actor
            if prev is not None and (prev.text in w["route_before"] or prev.text in places):
                continue  # 从南京出发, 大同至天津, 江阴靖江: a place of a route
            if _site_of(text, tokens, tok, ni, hi, w):
                continue  # 镇江谏壁船闸, 湘潭半导体智造…等重大项目: the place of a work or a project
            if _in_title(text, tok.start, lo, hi):
                continue
            found.append((tok.start, tok.end))
            found_places.add(tok.start)
            yield Mention(word, word, "district", tok.start, tok.end, False)
