"""Quantities and numeric targets: 选树30所, 增长6%-6.5%, 1100万人以上, 百分之九十.

:func:`find_quantities` scans one sentence and yields a :class:`Quantity` for
every number that measures something, typed and read:

- **where a number is a quantity**: it has a unit (``data/quantities.json``:
  %, 所, 万人, 亿元 …) or is a fraction; years (2019年, 2017-2020年), ordinals
  (第十六届), numbers inside short quotations and 《titles》 (“两个维护”), numbers
  glued to Latin letters (5G, PM2.5), list restatements (等三项) and small
  Chinese counts that are part of a name (教师五项技能竞赛) are not;
- **how it compares**: prefix and suffix words (不低于, 以上, 左右, 多, X-Y);
- **what it measures** (``indicator``): the subject before the predicate
  (城镇新增就业, 国内生产总值增长) or, for a counted object, the noun phrase
  after the unit (选树30所“四星级”中小学智慧校园 → “四星级”中小学智慧校园);
  分别 distributes a list of subjects over a list of values;
- **its kind, measure, commitment strength and deadline** from the words
  around it; the conventions are documented in ``docs/schema.md``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional, cast

import regex

from ..ingest.chars import COLONS, COMMAS, OPENERS, SENTENCE_END, YEAR
from ..outline import segment
from ..model import Commitment, Comparator, Measure, Quantity, QuantityKind
from .topics import bare_measure, is_sector, measure_tail, sentence_topic
from .numbers import CHINESE_DIGITS, Number, as_number, compound, more_step, read_number, split_magnitude
from ..data import alternation, load_json

_CLAUSE_PUNCT = COMMAS + SENTENCE_END + COLONS
_LIST_BREAK = "和及与、"


@dataclass(frozen=True)
class Context:
    """What the caller knows about a sentence: the plan's year and whether the
    sentence reports results (a report's review section)."""

    year: Optional[int] = None
    review: bool = False
    #: the deadline a heading above the sentence sets (“十四五”时期主要目标任务 → 2025)
    deadline: Optional[int] = None


def lexicon() -> dict:
    """The lexicon of ``data/quantities.json``."""
    return load_json("quantities.json")


_alt = alternation


@lru_cache(maxsize=1)
def _patterns() -> dict[str, "regex.Pattern[str]"]:
    lex = lexicon()
    base_units = [u for group in lex["units"].values() for u in group]
    mags = _alt(lex["magnitudes"])
    # a unit character that starts a longer word is no unit: 14亿人口, 个人所得税, 所得
    guarded = []
    for u in sorted(set(base_units), key=len, reverse=True):
        stop = lex["unit_not_before"].get(u)
        guarded.append(regex.escape(u) + (f"(?![{regex.escape(stop)}])" if stop else ""))
    unit_alt = "|".join(guarded)
    # 年/月/周 count only where a duration or a period is meant: 3年内, 每2年, 半年以上, a 年限 of 11.5年
    period = r"(?:年|个?月|周|季度)"
    # 3万万亿: a magnitude before another is part of it, not the unit's end
    mag_chain = rf"(?:(?:万|亿)(?=万|亿))*(?:{mags})"
    # 2.2万多所, 3亿多, 2个多百分点: 多/余 after a magnitude still belongs to the number (an interval)
    # a rate per unit of time (10万吨/日, 2000人次/天): the time is part of the unit
    per_time = r"(?:(?<!%)/(?:日|天|年|小时|时|秒))?"
    unit = (rf"(?:个(?:多|余)百分点|(?:{mag_chain}(?:多|余)?)?(?:{unit_alt}){per_time}|年(?=内|以内|以上|以下|及以上)"
            # 平均受教育年限达到11.5年: years measure a span named as one (年限), not a date
            rf"|(?<=年限\p{{Han}}{{0,4}}[\d.]{{1,6}})年"
            # …受教育年限分别达到92%和13.5年: a number of years with a decimal is a span, never a date
            rf"|(?<=(?<![\d.])\d{{1,2}}\.\d{{1,2}})年(?![均度初末底中内])"
            rf"|(?<=每\s*[\d{CHINESE_DIGITS}]{{1,4}}){period}|(?<=翻\s*[一两二三四五六七八九十]{{1,2}})番"
            # 城乡居民收入比缩小至2.1∶1: a ratio to one, read as its first term (normalising made a ratio's
            # colon the ratio sign)
            rf"|(?<=\d)∶1(?![\d.∶:：])"
            rf"|{mag_chain}(?:多|余)?)")
    cn = f"[{CHINESE_DIGITS}]+"
    cn_number = f"[一二两三四五六七八九十][{CHINESE_DIGITS}]*"
    # a minus sign where no number comes before it (增长-6.8%, −3%, －0.5%; not the dash of 6%-6.5%)
    sign = r"(?:(?<![\d.%‰])[-−－](?=\.?\d))?"
    number = (rf"(?:{sign}(?:\d+(?:\.\d+)?亿零?\d+(?:\.\d+)?(?=(?:多|余)?万)"  # 4亿700万吨: one number
              rf"|\d+(?:[,，]{{1,2}}\d{{3}}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\d.])\.\d+)"  # 1,383; 1,,000; .5
              rf"|(?:百分之|千分之){cn}"
              rf"|(?:\d+|{cn})分之(?:\d+|{cn})|一半|半(?=年)|{cn_number})")
    # 节约10%: 约 ends the word 节约 and says nothing about the number
    not_after = lex["comparators"].get("prefix_not_after", {})
    pre = "|".join(rf"(?<![{regex.escape(not_after[w])}]){regex.escape(w)}" if w in not_after else regex.escape(w)
                   for w in sorted(lex["comparators"]["prefix"], key=len, reverse=True))
    suf = _alt(lex["comparators"]["suffix"])
    q = (rf"(?P<pre>{pre})?(?P<n1>{number})(?P<more1>多|余)?(?P<u1>{unit})?"
         rf"(?:(?P<sep>-|~|～|至|到)(?P<n2>{number})(?P<more2>多|余)?(?P<u2>{unit})?)?"
         rf"(?P<suf>{suf})?")
    return {
        "quantity": regex.compile(q),
        "unit": regex.compile(rf"(?P<mag>{mag_chain})?(?P<base>{_alt(base_units)})?"),
        "mag": regex.compile(mags),
        "change": regex.compile(rf"(?:{_alt(lex['change_verbs'])})(?:了|到|至)?$"),
        # a year in Arabic or Chinese digits (到一九九〇年, the reports before the 1990s)
        # … or a year that opens a sentence or a list element, set off by a comma (2007年，全市学前
        #三年幼儿入园率达到96%以上), the way opinions and implementation plans date their goals
        "deadline": regex.compile(r"(?:到|至|截至|截止到)(\d{4}|[〇○零一二三四五六七八九]{4})年"
                                  r"|(\d{4}|[〇○零一二三四五六七八九]{4})年(?:前|以前|之前|底|底前|末|年底)"
                                  r"|(?<![^\s。；！？：])(\d{4})年[，,]"),
        "period": regex.compile(r"(?:“|\"|')?(十[一二三四五六七八九]?五)(?:”|\"|')?(?:末|期间|时期|规划期|期末)"),
        "name_count": regex.compile(r"[个项种类大条支批方面]"),
        "cn_year": regex.compile(r"[〇○零一二三四五六七八九]{4}"),
        # 五次会议, 九届; a list of sessions: 九次、十次全会
        # 五届人大五次会议, 十三届二次全体（扩大）会议, 第十三次党代会: sessions are ordinals
        "session": regex.compile(r"次(?:[、和及与][一二三四五六七八九十\d]{1,3}次)*"
                                 r"(?:会议|全会|全体(?:[（(][^（）()]{1,4}[）)])?会议|代表大会|党代会)|届"),
        "quoted_head": regex.compile(r"“[^”]{1,12}”"),
        "vague_head": regex.compile(r"(?:[\p{Han}]{2})?(?:一批|一次|一轮|一届|一期)"),
        "list_split": regex.compile(r"和|及|与|、|以及"),
        "from_before": regex.compile(r"(?:从|由|现行)[\p{Han}]{0,6}$"),
        "to_after": regex.compile(r"(?:的)?[\p{Han}]{0,6}?(?:提高|增加|扩大|降低|减少|下降|上调|下调|调整|提升|增长|压减|降)?(?:到|至)"),
        "han": regex.compile(r"[\p{Han}]"),
        "unitless": regex.compile(
            rf"(?:{_alt(lex['unitless']['heads'])})\p{{Han}}{{0,{lex['unitless']['gap']}}}?(?:{_alt(lex['unitless']['verbs'])})$"),
        # 50平方公里以上建设用地面积达到…: a noun phrase ending in a measure of the number (data: measured_after)
        "measured_after": regex.compile(
            rf"的?[\p{{Han}}A-Za-z]{{0,12}}?(?:{_alt(lex['measured_after']['heads'])})(?:{_alt(lex['measured_after']['ends'])}|$)"),
        "forecast_of_base": regex.compile(lex["forecast_of_base"]),
        "looks_back": regex.compile(lex["looks_back"]),
        # 从3500元, 由每人每年240元, 由去年的1076亿元: where a subject's old value starts
        "from_number": regex.compile(rf"(?:从|由)(?:每\p{{Han}}|(?:去年|上年|目前|现在|原来|现行)的?"
                                     rf"|(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})年(?:底|末)?的?)*(?=[\d{CHINESE_DIGITS}]|$)"),
        "from_words": regex.compile(rf"(?:从|由)\p{{Han}}{{1,6}}?[\d{CHINESE_DIGITS}][\d{CHINESE_DIGITS}.，,]*[^\d{CHINESE_DIGITS}，,。；]{{0,4}}$"),
        "share": regex.compile(r"^(?:共|约|合计)?占"),
        # 完成预算数的92.49%, 为预算数的114.13%: a ratio to a plan, of the subject before
        "ratio": regex.compile(r"^(?:共|约|合计|只|仅)?(?=(?:完成了?|为|相当于)(?:原定的?|年度|全年)?\p{Han}{0,6}(?:计划|预算数?|任务)$)"),
        "ratio_tail": regex.compile(r"(?:完成了?|为|相当于)(?:原定的?|年度|全年)?\p{Han}{0,6}(?:计划|预算数?|任务)$"),
        # 制造业等行业现行16%的税率降至13%: the subject is the one before the current value and the head after it
        "current_value": regex.compile(rf"(?:现行|目前|当前|现在|原)的?[\d{CHINESE_DIGITS}.]+[^\d{CHINESE_DIGITS}，,、的]{{0,4}}的(?=\p{{Han}}{{1,8}}$)"),
        "change_tail": regex.compile(rf"(?:再|要|将)?(?:{_alt(lex['change_verbs'])})$"),
        "than_tail": regex.compile(r"(?:高|低|多|少)$"),
        "tail_verb": regex.compile(rf"(?:{_alt(lex['level_verbs'] + lex['change_verbs'])})(?:了|到|至|在)?$"),
    }


def _magnitude(unit: str) -> tuple[float, Optional[str]]:
    """Split a unit as written into its multiplier and base unit (万人 → 1e4, 人; 万吨/日 → 1e4, 吨/日)."""
    unit, slash, per = unit.partition("/")
    if slash:
        factor, base = _magnitude(unit)
        return factor, (base or unit) + slash + per
    m = _patterns()["unit"].fullmatch(unit)
    mags = lexicon()["magnitudes"]
    if not m:
        return 1.0, unit
    mag, base = m.group("mag"), m.group("base")
    factor = 1.0
    for part in _patterns()["mag"].findall(mag or ""):  # 万万亿: 1e4 × 1e12
        factor *= mags[part]
    return factor, base


def magnitude(unit: str) -> tuple[float, Optional[str]]:
    """A unit as written, split into its multiplier and its base unit.

    Example:
        >>> magnitude("万人"), magnitude("亿元"), magnitude("万吨/日")
        ((10000.0, '人'), (100000000.0, '元'), (10000.0, '吨/日'))
    """
    return _magnitude(unit)


def _unit_group(unit: str) -> Optional[str]:
    """The group of ``data/quantities.json`` units a unit belongs to (万千瓦 → physical)."""
    base = _magnitude(unit)[1] if unit else None
    for group, words in lexicon()["units"].items():
        if base in words:
            return group
    return None


def _is_year(text: str, m: "regex.Match[str]") -> bool:
    """2019年, 2017-2020年, 二〇一九年, 2019年度: a year or period, not a quantity."""
    after = text[m.end() : m.end() + 1]
    n1 = m.group("n1")
    digits_year = n1.isdigit() and len(n1) == 4 and 1900 <= int(n1) <= 2100
    if m.group("n2"):
        n2 = m.group("n2")
        if digits_year and n2.isdigit() and len(n2) == 4:
            return True
    if digits_year and (after == "年" or (m.group("u1") or "").startswith("年") or not m.group("u1")):
        return True
    if _patterns()["cn_year"].fullmatch(n1) and after == "年":
        return True
    return False


#: how far back (characters, within the sentence) a commitment or forecast marker reaches
MARKER_REACH = 400

_QUOTES = (("“", "”", 16), ("「", "」", 16), ("『", "』", 16), ("《", "》", 200), ("〈", "〉", 200), ("\"", "\"", 16))


def _inside_quote(text: str, start: int, lo: int, hi: int) -> bool:
    """Is ``start`` inside a short quotation (“两个维护”, 「两个维护」) or a 《title》,
    opened after ``lo`` and closed before ``hi`` (an unclosed bracket quotes nothing)?"""
    for opener, closer, limit in _QUOTES:
        o = text.rfind(opener, lo, start)
        if o < 0:
            continue
        if opener == "\"":
            if text.count("\"", lo, start) % 2 == 0:
                continue
        elif text.find(closer, o + 1, start) >= 0:
            continue
        close = text.find(closer, start, hi)
        if close >= 0 and close - o <= limit:
            return True
    return False


def _skip(text: str, m: "regex.Match[str]", lo: int, hi: int, verbs: frozenset[str]) -> bool:
    """Numbers that are not quantities (see the module docstring)."""
    s, e = m.start("n1"), m.end()
    before = text[s - 1] if s > lo else ""
    after = text[e] if e < len(text) else ""
    n1 = m.group("n1")
    unit = m.group("u2") or m.group("u1")
    if not unit and "分之" not in n1 and n1 != "一半" and not n1.startswith(("百分之", "千分之")) \
            and not _unitless_measure(text, m, lo, hi):
        return True  # a bare number (教育现代化2035, 十九大, 三中全会): most candidates end here
    if len(n1) > 15:
        return True  # a digit string, not an amount (a float could not even hold it)
    if before == "第" or (before and before.isascii() and before.isalpha()):
        return True  # 第十六届; PM2.5, M2
    if after and after.isascii() and after.isalpha() and not unit:
        return True  # 5G
    if (after == "." and not unit) or text.startswith("版", e) or text.startswith("周年", m.end("n1")):
        return True  # 3.0版, 40周年
    if _is_year(text, m):
        return True
    if _patterns()["session"].match(text, m.end("n1"), m.end("n1") + 12):
        return True  # 五届人大五次会议, 省委九届九次、十次全会: sessions are ordinals
    if _inside_quote(text, s, lo, hi):
        return True
    chinese = not any(ch.isdigit() for ch in n1)
    if text.startswith("等", s - 1) and s - 1 >= lo and _restates_list(text, s - 1, lo, n1, chinese):
        return True  # …等三项活动, 电子商务、…、售后服务等12个领域: the count restates the list before it
    if chinese:
        value = read_number(n1)
        if value is None and (unit or "").startswith("万"):
            value = compound(n1, "万")  # 七亿七千多万吨: 七亿七千 reads only with its 万
        if value is None:
            return True
        if n1 == "一" and not m.group("pre") and not (unit or "").startswith(("万", "亿", "倍", "番", "成")):
            return True  # 一个, 一项, 统一部署: an article, not a count (至少一人 is one: a comparator says so)
        u = unit or ""
        if value <= 10 and _patterns()["name_count"].fullmatch(u[:1] or "x") and len(u) <= 2:
            prev = _previous_word(text, s, lo, verbs)
            if not prev:
                return True  # 教师五项技能竞赛: a small count inside a name
        if value <= 10 and u in _KIND_COUNTS and _QUALIFIES_NUMBER.match(text, e, hi):
            return True  # 确保三类残疾儿童义务教育入学率达91%: the kinds qualify what the later number measures
    if after in "月日号时" and not (unit or "").endswith(("个月",)) and not unit:
        return True
    return False


def _restates_list(text: str, at: int, lo: int, n1: str, chinese: bool) -> bool:
    """Does the count after 等 at ``at`` restate the list before it, not count more than its examples?
    A few written in words do (…等三项活动), and so does a count no larger than the items listed
    (电子商务、现代物流、…、售后服务等12个领域); 洛阳等10个国家物流枢纽 and 北海等十四个沿海港口城市
    count what the names before 等 are examples of."""
    value = read_number(n1) if chinese else _float(n1)
    if value is None:
        return True
    if chinese and value <= 10:
        return True
    opening = max(text.rfind(c, lo, at) for c in _CLAUSE_PUNCT)
    items = text.count("、", opening + 1, at) + 1
    return items >= value


def _float(digits: str) -> Optional[float]:
    try:
        return float(digits.replace(",", "").replace("，", ""))
    except ValueError:
        return None


#: the classifiers of a count of kinds (三类残疾儿童, 两种…): before a number in its own clause, part of a name
_KIND_COUNTS = frozenset({"类", "种"})
#: the rest of a clause that gives a number: what a count of kinds before it qualifies
_QUALIFIES_NUMBER = regex.compile(r"[^，,；;。：:、\n]{2,30}?[\d０-９]")


def _unitless_measure(text: str, m: "regex.Match[str]", lo: int, hi: int) -> bool:
    """Is a bare Arabic number the level of a measure that has no unit (健康浙江发展指数达85,
    劣V类水体比例为0)? Only right after a level verb, before a comparator word or the clause's
    end, with a unitless measure's name before the verb (``unitless`` of ``data/quantities.json``)."""
    n1 = m.group("n1")
    if not n1[0].isdigit() or m.group("n2"):
        return False
    after = text[m.end() : m.end() + 1]
    if m.end() < hi and not (m.group("suf") or after in _CLAUSE_PUNCT):
        return False
    # the level verb may be the comparator word the number opens with (控制在0.011以内)
    return bool(_patterns()["unitless"].search(text, max(lo, m.start("n1") - 24), m.start("n1")))


def _previous_word(text: str, s: int, lo: int, verbs: frozenset[str]) -> bool:
    """Is the number preceded by a verb (新建两所), a level verb (达到), or a clause start?"""
    if s <= lo or text[s - 1] in _CLAUSE_PUNCT + OPENERS + " \n":
        return True
    for n in range(4, 0, -1):
        if s - n >= lo and (text[s - n : s] in verbs or text[s - n : s] in _level_words()):
            return True
    return False


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["level_verbs"] + lex["change_verbs"] + ["共", "有", "约", "近", "计", "再", "新增", "新建"])


def _comparator(m: "regex.Match[str]") -> str:
    lex = lexicon()["comparators"]
    if m.group("n2"):
        return "range"
    if m.group("suf"):
        return lex["suffix"][m.group("suf")]
    if m.group("more1") or any(c in (m.group("u1") or "") for c in "多余"):
        return ">"
    pre = m.group("pre")
    if pre:
        return lex["prefix"][pre] or "="
    return "="


@dataclass(frozen=True)
class Reading:
    """A number read with its unit: ``value``/``value_max`` in ``unit`` as written (多 and 余
    stripped); ``reversed`` when a range was written high to low (6%-5%) and has been ordered."""

    value: Number
    value_max: Optional[Number]
    unit: Optional[str]
    reversed: bool = False


def _unit_and_value(m: "regex.Match[str]") -> Reading:
    n1, n2 = m.group("n1"), m.group("n2")
    unit = m.group("u2") or m.group("u1") or None
    more = bool(m.group("more1") or m.group("more2"))
    if unit and ("多" in unit or "余" in unit):
        more = True
        unit = unit.replace("多", "").replace("余", "")
    v1 = read_number(n1)
    v2 = read_number(n2) if n2 else None
    if n1.startswith(("百分之", "千分之")):
        unit = "%" if n1.startswith("百") else "‰"
    elif "亿" in n1 and unit and unit.startswith("万") and not unit.startswith("万亿"):
        # 四亿零七百多万吨, 4亿700万吨: 4.07 亿吨, the 万 belongs to the lower part only
        whole = compound(n1, "万")
        if whole is not None:
            v1, unit = as_number(whole / 1e8), "亿" + unit[1:]
    elif not any(c.isdigit() for c in n1) and "分之" not in n1:
        head, tail = split_magnitude(n1)  # 一千万人 → 1000 万人, as 1000万人 is written
        if tail:
            v1 = read_number(head)
            unit = tail + (unit or "")
    assert v1 is not None
    if more and v2 is None:
        # 3000多亿 is 3000 to 4000 亿: one unit of the last digit written, counted in the unit's magnitude
        factor = _magnitude(unit)[0] if unit else 1.0
        step = more_step(as_number(v1 * factor)) / factor
        v2 = as_number(v1 + step)
    if unit == "成":  # 八成: 80 %
        v1, v2, unit = as_number(v1 * 10), (as_number(v2 * 10) if v2 is not None else None), "%"
    flipped = v2 is not None and v2 < v1
    if flipped:
        v1, v2 = v2, v1
    return Reading(v1, v2, unit, flipped)


_STRIP_HEAD = regex.compile(
    r"^(?:并|同时|其中|要求(?=\p{Han}{2})|要|将|把|计划(?=将|把|要|使|在|于)|再|进一步|使|让|从而|推动|促进|今年|全年|明年|年内|近几年|近年来|近年|今后几年|各区|各地|"
    r"确保|力争|争取|努力|力求|预计|拟|预期(?!性)|必须|坚决|务必|全面|实现|基本|稳步|逐步|持续|继续|总体|同比|其(?!他)|"
    r"比(?:去年|上年|前年|上一年|\d{4}年)(?:预算|同期|底)?|在[^，,；;]{0,12}基础上|"
    r"在(?![用建校职岗读线编])|对|对于|凡|则|即|\d{4}年|到\d{4}年|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、]|[“”《》\s]"
    r"|(?<=\p{Han})[，,](?=\p{Han}))+")
_STRIP_TAIL = regex.compile(r"(?:要|将|再|必须|拟按|拟|按|(?<=\p{Han}{2})预计|(?<=\p{Han}{2})预定|(?<=\p{Han}{2})安排|(?<=\p{Han}{2})是|(?<=\p{Han}{2})在|分别|同比|比上年|平均|(?<![平年])均|力争|争取|确保|进一步|继续|保持|稳定|基本|总体|也|都|共|累计|实际|的|从|由|现行"
                         r"|(?:已)?连续[\d一二两三四五六七八九十]+个?(?:年|月|季度)"
                         r"|(?:(?:到|至)|(?<![比较\d]))(?:(?:1[89]|20)\d\d)年(?:底|末)?(?:前)?)+$")  # 非常规天然气产量2030年达到…  # 群众安全感连续7年保持…

#: words that name a target rather than what it measures, a change kept (经济增长预期目标 → 经济增长,
#: 广义货币M2预期增长目标 → 广义货币M2增长)
_TARGET_WORDS = regex.compile(r"的?(?:宏观)?(?:预期|调控|主要|计划)?(增长|增速)?(?:预期|调控)?目标值?$")

#: what may stand between the clause start and a change verb without naming anything: an adverb
#: of the change, a base period, a year (…，年均增长5.7%; 实际增长19.6%; １９８４年增长14.5%): the
#: subject is the one before (:func:`find_quantities` borrows it)
_ADVERBIAL_ONLY = regex.compile(
    r"(?:(?:比|较)(?:去年|上年|前年|上一年|\d{4}年)(?:同期)?(?:决算数|预算数|预算执行数|执行数|实际数)?|年均|平均每年|平均|实际|累计|同比|分别|均|都|也|"
    r"扣除\p{Han}{0,6}?因素(?:后)?|按可比价格计算|\d{4}年|今年|去年|全年|上年|确保|力争|争取|努力)+")


@lru_cache(maxsize=1)
def _base_patterns() -> dict[str, "regex.Pattern[str]"]:
    """The comparison base of a change and the plan words before its verb (``base_period`` of
    ``data/quantities.json``): 比上年, 较2020年, 比“六五”期间, 与上年相比, 同比; 计划, 预计."""
    lex = lexicon()["base_period"]
    period = rf"(?:{'|'.join(lex['periods'])})(?:{_alt(lex['qualifiers'])})*"
    openers = _alt(lex["openers"])
    year = r"(?:(?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年"
    frames = "|".join(rf"{regex.escape(a)}(?P<base>{period}){regex.escape(b)}" for a, b in lex["frames"])
    base = (rf"(?:{year}(?=(?:{openers})))?(?:(?:{openers})(?P<base>{period})|{frames}"
            rf"|(?P<same>{_alt(list(lex['same_period']))})(?![例重率]))")  # not 同比例
    verbs = _alt(lexicon()["change_verbs"])
    plan = _alt(lex["plan_words"])
    return {
        "base": regex.compile(base),
        # 工业总产值计划增长: a plan word right before the change (or the end of a subject cut before it)
        "plan": regex.compile(rf"(?<=\p{{Han}})(?:{plan}|{'|'.join(lex['spans'])})(?=(?:实际|平均每年|平均|年均|累计)?(?:{verbs}))"),
        "plan_end": regex.compile(rf"(?<=\p{{Han}})(?:{plan})$"),
    }


def base_period(text: str, start: int, end: int) -> Optional[tuple[str, tuple[int, int]]]:
    """The last comparison base written in ``text[start:end]``, as written without its opener
    (比上年 → 上年, 较2020年 → 2020年, 比“六五”期间 → “六五”期间, 与上年相比 → 上年; 同比, which names
    no period, → 上年同期), with its span; ``None`` when there is none.

    Example:
        >>> t = "工商税收比1955年决算数增长14.26%"
        >>> base_period(t, 0, len(t))
        ('1955年决算数', (5, 13))
    """
    found = None
    for m in _base_patterns()["base"].finditer(text, start, end):
        found = m
    if found is None:
        return None
    if found.group("same"):
        return lexicon()["base_period"]["same_period"][found.group("same")], found.span("same")
    return found.group("base"), found.span("base")


def drop_base(phrase: str, at_verb: bool = False) -> str:
    """``phrase`` without its comparison bases and the plan words before a change verb: what an
    indicator is read as from its ``indicator_span`` (工商税收比1955年决算数增长 → 工商税收增长,
    工业总产值计划比上年增长 → 工业总产值增长). ``at_verb``: the phrase is a subject cut before its
    change verb, so a plan word at its end goes too (工业总产值计划 → 工业总产值).

    Example:
        >>> drop_base("全民所有制单位基本建设投资总规模比“六五”期间增加"), drop_base("能源生产计划", at_verb=True)
        ('全民所有制单位基本建设投资总规模增加', '能源生产')
    """
    pats = _base_patterns()
    out = pats["base"].sub("", phrase)
    out = _PLACE_YEAR.sub("", pats["plan"].sub("", out))  # 武汉市2017年细颗粒物…: a place's year
    if at_verb:
        out = pats["plan_end"].sub("", out)
    return out


@lru_cache(maxsize=1)
def _tag_backend() -> str:
    """The backend whose tags check an indicator: rjieba's, or Python jieba's when rjieba is
    not installed (the plan's own segmenter may tag nothing: pkuseg), as for bodies named by type."""
    from ..errors import PolicyParseError  # noqa: PLC0415
    from .tokens import get_segmenter  # noqa: PLC0415

    try:
        get_segmenter("rjieba")
        return "rjieba"
    except PolicyParseError:
        return "jieba"


def _tags(text: str, start: int = 0, end: Optional[int] = None) -> list:
    """``text[start:end]`` cut and tagged by :func:`_tag_backend` (offsets into ``text``)."""
    from .tokens import tokenize  # noqa: PLC0415

    return tokenize(text, start, end, segmenter=_tag_backend())


def _headed(phrase: str) -> Optional[str]:
    """``phrase`` as an indicator by the part of speech of its words (``headless`` of
    ``data/quantities.json``): trailing adverbs and conjunctions cut (招生数仍然 → 招生数);
    ``None`` when it names nothing: it opens, after adverbs, with a preposition, conjunction
    or particle (在…, 还向国家上缴, 或者更多一些, 等税收优惠政策), or has no word that can head a
    noun phrase but an adverb, numeral or time word (一律削减, 按期, 增加到一九八七年).

    Example:
        >>> _headed("招生数仍然"), _headed("一律削减"), _headed("国内生产总值增长")
        ('招生数', None, '国内生产总值增长')
    """
    lex = lexicon()["headless"]
    tokens = [t for t in _tags(phrase) if t.text.strip()]
    if not tokens:
        return phrase
    if tokens[0].text in lex["object_markers"] and len(tokens) >= 2:  # 把居民消费价格涨幅: 居民消费价格涨幅
        rest = _headed(phrase[tokens[1].start:])
        return rest

    def nominal(t: object) -> bool:
        return cast(str, getattr(t, "pos")).startswith(tuple(lex["nominal_prefixes"]))

    end = len(tokens)
    while end > 1 and tokens[end - 1].pos in lex["trailing"] and any(nominal(t) for t in tokens[: end - 1]):
        end -= 1
    first = 0
    while first < end - 1 and tokens[first].pos == "d":
        first += 1
    if tokens[first].pos in lex["opening"] and not (nominal(tokens[end - 1]) or tokens[end - 1].pos == "v"):
        return None
    if tokens[first].pos == "p" and first + 1 < end and tokens[first + 1].pos == "v":
        return None  # 向推进税率三档并两档…迈进: a preposition before a verb phrase opens no noun phrase
    kept = tokens[:end]
    # (a one-character numeral or measure word is often a mis-tag: 本年支出 gives 本 r, 年 m)
    if not any(nominal(t) for t in kept) and any(t.pos in lex["empty"] and (len(t.text) >= 2 or t.pos in ("d", "p", "c"))
                                                 for t in kept):
        return None
    return phrase[: tokens[end - 1].end]


def _tail_action(phrase: str) -> str:
    """The verb a phrase that names nothing ends with (一律削减 → 削减), or ``""``."""
    tokens = _tags(phrase)
    if not tokens or tokens[-1].pos != "v" or len(tokens[-1].text) < 2 or tokens[-1].text in lexicon()["level_verbs"]:
        return ""  # 达到, 保持: a level verb measures the subject itself
    return tokens[-1].text


def _tail_verb(before: str) -> tuple[str, str]:
    """Split the text before a number into (subject, predicate verb) when it ends with one."""
    m = _patterns()["tail_verb"].search(before)
    if not m:
        return before, ""
    return before[: m.start()], m.group()


def _trim_subject(subject: str) -> tuple[int, str]:
    """Strip scope words, commitment markers and fillers off a subject; returns (offset, text)."""
    head = _STRIP_HEAD.match(subject)
    off = head.end() if head else 0
    if off and off < len(subject) and subject[off] not in "，,、的“”《》 ":
        off = _word_start(subject, off)
    while subject.startswith("的", off):  # 今年的经济增长目标: 今年 goes, its 的 too
        off += 1
    for word in _NOUN_MODIFIERS:
        # 总体癌症五年生存率, 基本公共服务…: before a noun these words qualify it (before a verb they go)
        if off >= len(word) and subject.startswith(word, off - len(word)):
            nxt = _tags(subject[off : off + 8])
            if nxt and nxt[0].pos.startswith("n") and nxt[0].pos != "nr":
                off -= len(word)
            break
    disposal = _DISPOSAL.search(subject, off)
    if disposal:  # 石油工业近几年把总产量稳定在一亿吨: what 把 takes is what is measured
        off = disposal.end()
    dash = subject.rfind("——", off)
    if dash >= 0 and len(subject) - dash - 2 >= 2 and subject[:dash].endswith(("目标", "指标", "任务", "要求")):
        off = dash + 2  # 主要预期目标——地区生产总值增长: what a dash after the targets' name introduces
    rest = _STRIP_TAIL.sub("", subject[off:])
    rest = _PLACE_YEAR.sub("", rest, count=1)  # 武汉市2017年细颗粒物年均浓度: the place's measure, its year apart
    for opener, closer in ("“”", "《》"):  # “新三样”出口规模: the stripped opening quote comes back
        if off > 0 and subject[off - 1] == opener and rest.count(closer) > rest.count(opener):
            off, rest = off - 1, opener + rest
    return off, rest


#: the disposal marker 把 inside a subject, before the
#: thing measured: 石油工业近几年把总产量…, 全市把城镇登记失业率… (not 把握, 把关, 把脉)
_DISPOSAL = regex.compile(r"(?<=\p{Han})把(?![握关脉手])(?=\p{Han}{2})")

#: the year a place's goal is set for, between the place and the measure (武汉市2017年细颗粒物…)
_PLACE_YEAR = regex.compile(r"(?<=\p{Han}[市省区县州旗])(?:到|至)?(?:19|20)\d{2}年(?:底|末)?(?=\p{Han})")

#: words stripped off a subject's head as adverbs that, before a noun, belong to it
_NOUN_MODIFIERS = ("总体", "基本", "全面")


def _word_start(subject: str, off: int) -> int:
    """``off`` moved back to the start of the segmenter's word it falls inside: a head word
    stripped as an adverb may open a longer noun (基本 of 基本建设的建筑安装成本 stays)."""

    for t in _tags(subject[: off + 6]):
        if t.start < off < t.end:
            return t.start
    return off


def _object_after(text: str, e: int, clause_end: int, verbs: frozenset[str]) -> tuple[int, int]:
    """The noun phrase a count applies to: after the unit up to the clause end, a
    list break before another number, or the verb of a following predicate."""
    s = e
    while s < clause_end and text[s] in "的 ":
        s += 1
    if text.startswith(("）", ")"), s):
        return s, s  # …、通户道53.6公里）建设和完善任务: the last item of a bracket, nothing after it is its object
    # a leading quoted qualifier belongs to the thing counted (“四星级”中小学智慧校园), but no verb
    # inside it ends the phrase (“数字领航”企业)
    q = _patterns()["quoted_head"].match(text[s:clause_end])
    quoted_end = s + q.end() if q and q.end() < clause_end - s else s
    # a periodicity counts the action that follows: 每2年选树一批…成果奖
    lead = _patterns()["vague_head"].match(text[s:clause_end])
    if lead:
        s += lead.end()
    stop = clause_end
    skip_to = s
    for i in range(s, clause_end):
        if i < skip_to:
            continue
        ch = text[i]
        if ch in _LIST_BREAK and i + 1 < clause_end and (text[i + 1].isdigit() or text[i + 1] in CHINESE_DIGITS):
            stop = i
            break
        if ch in "(（":
            close = text.find("）" if ch == "（" else ")", i + 1, min(clause_end, i + 10))
            if i > s and close > i + 1 and close + 1 < clause_end and _patterns()["han"].match(text, close + 1) \
                    and not any(c.isdigit() for c in text[i:close]):
                skip_to = close + 1  # 乡镇（街道）区域养老服务中心: a bracket inside the phrase
                continue
        if ch in "，,；;。(（":
            stop = i
            break
    # cut before the verb of a following predicate (领航试点学校加强内涵建设)
    for i in range(max(s + 3, quoted_end), stop - 2):
        for n in (2, 3, 4):
            if text[i : i + n] in verbs and stop - (i + n) >= 3:
                if text[i + n] in "和及与、" or _NOUN_HEAD.search(text, i + n, stop):
                    continue  # 节能降碳改造和用能设备更新项目, 粮食产能提升重点县: a verb inside a noun phrase
                stop = i
                break
        else:
            continue
        break
    digit = next((i for i in range(s, stop) if text[i].isdigit()), -1)
    if digit > 0:  # 推进66个…重点县和豫东平原200万亩…: the second object has its own number
        conj = max(text.rfind(c, s, digit) for c in "和及与、")
        if conj - s >= 2:
            stop = conj
    while stop > s and text[stop - 1] in _LIST_BREAK:  # 推进2000个省级重点项目、完成投资…: no list mark at the end
        stop -= 1
    manner = _MANNER_TAIL.search(text, s, stop)  # 为70万妇女免费开展…: the adverb of the verb after it
    if manner and manner.start() - s >= 2:
        stop = manner.start()
    return s, stop


#: adverbs that end a counted object cut before its verb (…患者免费|提供, …企业优先|享受)
_MANNER_TAIL = regex.compile(r"(?:免费|全面|统一|集中|优先|全部|逐步|分别|共同|全额)$")


#: units of a duration (两年内, 半年以上): what follows counts nothing
_PERIODS = ("年", "月", "周", "天", "季度")

#: a counted object that is only a level or a grade (国家级, 省级), whose head comes later in the list
_LEVEL_ONLY = regex.compile(r"[\p{Han}]{1,4}级")
#: the level that opens a later item's object (区域级产业集群 → 产业集群)
_LEVEL_HEAD = regex.compile(r"[\p{Han}]{0,4}?级(?:以上|以下)?")


def _shared_head(text: str, obj: tuple[int, int], clause_end: int, verbs: frozenset[str]) -> str:
    """The head a level-only object (6个世界级、7个国家级、9个区域级产业集群) shares with the last item
    of its list; ``""`` when the object is more than a level or no later item gives a head."""
    if not _LEVEL_ONLY.fullmatch(text, obj[0], obj[1]):
        return ""
    pos = obj[1]
    for _ in range(8):  # the list's later items, to the first with a head
        if pos >= clause_end or text[pos] not in _LIST_BREAK:
            return ""
        nxt = _patterns()["quantity"].match(text, pos + 1, clause_end)
        if not nxt or nxt.end() == pos + 1:
            return ""
        s, e = _object_after(text, nxt.end(), clause_end, verbs)
        level = _LEVEL_HEAD.match(text, s, e)
        if level and e - level.end() >= 2:
            return text[level.end():e]
        if not _LEVEL_ONLY.fullmatch(text, s, e):
            return ""
        pos = e
    return ""


def _relative(text: str, s: int, clause_end: int) -> Optional[str]:
    """A counted object followed by its own predicate, as the gold reads it: the predicate
    made a relative clause (11家企业入选国家重点产业链链主企业 → 入选国家重点产业链链主企业的企业;
    71.3万监测对象稳定消除返贫致贫风险 → 稳定消除返贫致贫风险的监测对象). By part of speech:
    nouns, then a verb (``v``) with words after it, up to the clause or list end; ``None`` else."""

    stop = s
    while stop < clause_end and text[stop] not in "，,；;。(（、":
        stop += 1
    if stop - s < 5 or _NOUN_HEAD.search(text, s, stop):
        return None  # 基础研究重点项目, “两山”实践创新基地: one noun phrase, a verb inside it
    tokens = _tags(text, s, stop)
    nouns = 0
    for k, t in enumerate(tokens):
        if t.pos == "v" and nouns and k + 1 < len(tokens) and t.end - t.start >= 2:
            if any(x.pos == "p" or x.text.startswith(("在", "于", "向", "从")) for x in tokens[k + 1:]):
                return None  # 农业转移人口在城镇落户: a verb with a preposition after it modifies the noun
            if tokens[k + 1].text == "的":
                return None  # 政府举办的基层医疗卫生机构: a verb before 的 qualifies the noun after it
            if len(tokens) - k == 2 and tokens[-1].pos.startswith("n") and len(tokens[-1].text) <= 2:
                return None  # 省级产业链核心支撑企业: a verb and one short noun close a compound noun
            return text[t.start:stop] + "的" + text[s:t.start]
        if not (t.pos.startswith("n") or t.pos in ("j", "b", "a", "m", "q", "mq") or t.text in "“”"):
            return None
        nouns += t.pos.startswith("n") or t.pos == "j"
    return None


#: heads that end a noun phrase even when a verb stands inside it (…更新项目, …提升重点县)
_NOUN_HEAD = regex.compile(r"(?:项目|工程|基地|平台|中心|园区|示范区|先导区|重点县|产业链|集群)$")


#: a bracket that breaks down what was counted before it (…399.5公里（其中街道203.9公里、…）)
_BREAKDOWN = regex.compile(r"[（(]其中[：:，,]?")

#: the administrative levels, each a noun opening a subject (县（市、区）…)
_LEVEL_NAMES = frozenset("省市县区州旗盟乡镇村")


def _list_break(text: str, lo: int, hi: int) -> int:
    """The last list conjunction or 、 in ``text[lo:hi]`` outside brackets (三分之一县（市、区）PM2.5…:
    the 、 of the bracket lists levels, it opens no item), or -1."""
    end = hi
    while True:
        brk = max(text.rfind(c, lo, end) for c in _LIST_BREAK)
        if brk < 0:
            return -1
        after = text[brk:hi]
        if after.count("（") + after.count("(") >= after.count("）") + after.count(")"):
            return brk
        end = brk


def _indicator(text: str, m: "regex.Match[str]", clause: tuple[int, int],
               verbs: frozenset[str], prev_end: int = -1) -> tuple[Optional[str], Optional[tuple[int, int]], str]:
    """(indicator, its span, predicate verb) for the quantity matched by ``m``;
    ``prev_end`` is the end of the quantity before it in the clause, if any.

    The constructions: subject–number (城镇新增就业1100万人: the subject),
    verb–number–object (新增12家上市公司, 完成1000个…治理, 为10万名残疾人提供…:
    the object), from–to (标准由每人每年240元提高到280元: the subject before 由),
    a change (国内生产总值将比上年增长: the subject and its change verb, fillers
    such as 将, 要, 再, 比上年 left out). What is not a noun phrase — a bare verb,
    a time phrase, a fragment holding a number — is no indicator (:func:`_acceptable`).
    """
    cs, ce = clause
    start = m.start()
    listed = False
    if cs <= prev_end <= start:
        # the second of a list: 组建50对…项目组和40个… counts what follows it
        brk = _list_break(text, prev_end, start)
        breakdown = _BREAKDOWN.search(text, prev_end, start)
        if breakdown:  # 硬化399.5公里（其中街道203.9公里: the parts of what was counted before
            cs = breakdown.end()
        elif brk >= 0:
            cs, listed = brk + 1, True
        else:
            # 推动11个能源重点领域项目投资突破2000亿元: a count inside the subject, which follows it
            rest, level = _tail_verb(text[prev_end:start])
            words = _tags(rest.strip()) if len(rest.strip()) >= 3 else []
            # (三分之一县（市、区）PM2.5年均浓度保持在…: a level's name opens a subject as a noun does)
            # (完成197个村街巷硬化399.5公里: a noun phrase that the number directly follows measures it too)
            if (level in _KEEP_SUBJECT or level.rstrip("了到至在") in _KEEP_SUBJECT
                    or not level and not rest.rstrip().endswith(("至", "到", "为", "在"))) \
                    and _acceptable(rest.strip(), verbs) and words \
                    and (words[0].pos.startswith(("n", "j", "b")) or words[0].text in _LEVEL_NAMES) \
                    and _headed(rest.strip()) == rest.strip():
                cs = prev_end
    before = text[cs:start]
    subject, verb = _tail_verb(before)
    current = _patterns()["current_value"].search(subject)
    if current and current.start() >= 2:
        subject = subject[: current.start()] + subject[current.end():]
    base = _patterns()["from_number"].search(subject)
    if not base and verb.endswith(("到", "至")):
        # 起征点从月销售额3万元提高到10万元: what the old value is of (月销售额) may stand between 从 and it
        base = _patterns()["from_words"].search(subject)
    if base:  # 个税起征点从3500元提高到5000元: the subject ends before its old value
        subject = subject[: base.start()]
    bare = drop_base(subject.strip("，,、；; "), at_verb=True)
    if verb and bare != subject.strip("，,、；; ") and not bare or _ADVERBIAL_ONLY.fullmatch(bare) and verb:
        return None, None, verb  # 年均增长5.7%: the subject is the last one (find_quantities borrows it)
    off, core = _trim_subject(subject)
    core_start = cs + off
    stripped = _STRIP_TAIL.sub("", core.rstrip())
    named = _TARGET_WORDS.search(stripped)
    if named and named.start() >= 2:  # 广义货币M2预期增长目标拟定为13%: what is measured is 广义货币M2增长
        stripped = stripped[: named.start()] + (named.group(1) or "")
    obj = _object_after(text, m.end(), ce, verbs)
    has_object = obj[1] - obj[0] >= 2 and _acceptable(text[obj[0]:obj[1]], verbs) \
        and not text.startswith(("是", "为", "要", "将"), obj[0]) \
        and _headed(text[obj[0]:obj[1]]) is not None  # 7.5%左右是必要的, 10%或者更多一些: a predicate, no object
    base_verb = verb.rstrip("了到至在")
    # the count of an object: 选树30所…, 新增12家上市公司, 完成500所…改造, 为10万名残疾人提供…
    action = (len(stripped) < 2 or stripped in verbs or (stripped + verb) in verbs
              or (bool(verb) and stripped in _modifiers())  # 整体提升100所学校周边环境: an adverb, no subject
              or any(stripped[-n:] in verbs for n in (2, 3, 4) if len(stripped) >= n))
    # 赤字率拟按3%安排: a rate a subject is set by (按), not the count of what follows
    by_rate = before.rstrip().endswith("按")
    # (大型农贸批发市场完成不少于100万批次农产品快检: the work done, after 完成, is what is counted)
    # (把我国人口控制在12亿左右的目标: a level set, 控制在, measures the subject, not what follows)
    # (实施…行动和12个重点产业稳增长方案: after a list conjunction the number opens the next item)
    counted = has_object and (action or (len(stripped) <= 4 and not verb and not (m.group("pre") or "").endswith(("在", "到", "为"))) or not _acceptable(stripped, verbs)
                              or stripped.endswith(("、", "等")) or _ends_with_conjunction(stripped)
                              or base_verb == "完成" and _unit_group(m.group("u2") or m.group("u1") or "") != "time"
                              and not (m.group("u2") or m.group("u1") or "").endswith(_PERIODS)) \
        and base_verb not in _KEEP_SUBJECT and not by_rate
    if has_object and before.rstrip().endswith("共") and not m.group("pre") \
            and _unit_group(m.group("u2") or m.group("u1") or "") in ("count", "people"):
        # 启动杨柳青电厂、完成大港电厂共6台亚临界机组替代: what the total counts follows it
        return text[obj[0]:obj[1]], obj, verb
    if counted:
        unit = m.group("u2") or m.group("u1") or ""
        if stripped.endswith("等"):
            # 实施包头、阿拉善等6个…试点, 烟台、青岛…等14个沿海港口城市: what is counted follows the number, the
            # names before 等 are examples of it; a verb before them is the work done on it
            lead = _lead_verb(stripped, verbs)
            return lead + text[obj[0]:obj[1]], (None if lead else obj), verb
        service = _service_after(text, obj[0], ce) if before.rstrip().endswith("为") else None
        if service:  # 为70万妇女免费开展“两癌”筛查: the people and what is done for them
            return service[0] + service[1], None, verb
        if stripped and len(stripped) <= 6 and (stripped in verbs or stripped[-2:] in verbs) \
                and _unit_group(unit) in ("physical", "money"):
            # 提升改造210公里农村公路, 发行1000亿元长期国债: a length, an area or a sum measures the work done on the object
            # (底线是严守18亿亩耕地红线: the frame before 是 is no part of it)
            work = stripped[stripped.rindex("是") + 1:] if "是" in stripped[:-1] else stripped
            return (work if work in verbs else stripped) + text[obj[0]:obj[1]], None, verb
        if listed and not stripped and _unit_group(unit) in ("physical", "money"):
            # 提升改造210公里农村公路和120万平方米村内道路: the second item's work is the first's verb
            head = _STRIP_HEAD.match(text, clause[0], ce)
            first = text[head.end() if head else clause[0]:prev_end]
            lead = regex.match(r"\p{Han}{2,6}?(?=[\d" + CHINESE_DIGITS + "])", first)
            if lead and (lead.group() in verbs or lead.group()[-2:] in verbs):
                return lead.group() + text[obj[0]:obj[1]], None, verb
        # only a count that opens its clause (no verb before it: 新建10家省级概念验证中心 names a kind of centre)
        # (再有1000万贫困人口解决温饱问题: 有 only says there are such)
        # a share of what does something (确保95%以上学校建成职工书屋 → 建成职工书屋的学校)
        share = _unit_group(unit) == "percent" and unit in ("%", "‰") and len(stripped) < 2
        relative = _relative(text, obj[0], ce) if (len(stripped) < 2 or stripped.lstrip("再还又") == "有") and not verb \
            and (_unit_group(unit) not in ("time", "percent") or share) and not unit.endswith(_PERIODS) else None  # 两年内基本取消…
        if relative:  # 11家企业入选国家重点产业链链主企业: the companies that entered it
            return relative, None, verb
        head = _shared_head(text, obj, ce, verbs)
        if head:  # 培育6个世界级、7个国家级、9个区域级产业集群: 世界级产业集群
            return text[obj[0]:obj[1]] + head, None, verb
        return text[obj[0]:obj[1]], obj, verb
    if len(stripped) == 1 and not verb and before.strip() == stripped and _noun_char(stripped):
        # 纸520万吨；糖260万吨: a one-character product in a list of products and their amounts
        return stripped, (cs + before.index(stripped), cs + before.index(stripped) + 1), verb
    unit = m.group("u2") or m.group("u1") or ""
    if not verb and _unit_group(unit) == "people" and regex.search(r"(?:^|是)(?:对|为|给)\p{Han}", before):
        # 对上消化道癌高危人群开展内镜检查3万名: the people and the service done for them, as with 为
        people = regex.sub(r"^(?:对|为|给)", "", stripped)
        service = _service_after(people, 0, len(people))
        if service:
            return service[0] + service[1], None, verb
    if stripped in verbs or not _acceptable(stripped, verbs):
        return None, None, verb  # 投入1500万元: the verb alone names nothing; 比上年增加2.9万亿元: the last subject
    eq = stripped.rfind("等")
    if len(stripped) > 24 and eq > 0 and "、" in stripped[:eq] and len(stripped) - eq - 1 >= 2:
        # 用于电力、煤炭、…等重工业的支出: the examples before 等 are no part of a long subject
        stripped = _lead_verb(stripped, verbs) + stripped[eq + 1:]
    if _han_chars(stripped) > 24:
        # a long subject keeps its head, at most 24 Chinese characters (an abbreviation in brackets, (R&D),
        # counts for none), from a word's start
        cut = len(stripped) - _last_han_chars(stripped, 24)
        cut = max((t.start for t in _tags(stripped) if t.start <= cut), default=cut)
        stripped = stripped[cut:]
        core_start += cut
    if base_verb and base_verb in lexicon()["change_verbs"] and not verb.endswith(("到", "至")):
        # the subject and its change verb (国内生产总值增长; 收入实际增长); fillers left out (再, 要, 比上年)
        s = core_start
        e = cs + len(before) - (len(verb) - len(base_verb))
        written = text[s:e]
        lean = drop_base(_lean_subject(drop_base(subject[off:].rstrip(), at_verb=True)) + base_verb)
        if drop_base(written) == lean:  # the span may hold the base and plan words the indicator drops
            return lean, (s, e), verb
        return lean, None, verb
    if listed and not verb and not m.group("pre") and cs == prev_end + 1 and not _lead_verb(stripped, verbs):
        # 改造村卫生室1.7万家、农村危房6000户以上: the verb of a list of object–number items governs them all
        # (not an item with its own predicate: 新增…企业1357家、总数突破1万家)
        head = _STRIP_HEAD.match(text, clause[0], cs)
        first = text[head.end() if head else clause[0]:prev_end]
        lead = _lead_verb(first, verbs) if "、" not in first else ""
        if lead:
            return lead + stripped, None, verb
    if has_object and subject.rstrip().endswith("的") and base_verb not in _KEEP_SUBJECT:
        # 使符合减税政策的约8000万纳税人: the qualifier before the number stays with the object
        return stripped + "的" + text[obj[0]:obj[1]], None, verb
    if has_object and not verb and unit in ("%", "‰") and not text.startswith(("的", "和", "及", "与"), obj[0]):
        closing = _tags(stripped)
        if len(stripped) >= 4 and (closing[-1].pos == "v" and len(closing[-1].text) >= 2 and len(closing) >= 2
                                   or stripped[-2:] in verbs):
            # 优质公办幼儿园覆盖95%乡镇: a share of what the verb reaches
            return stripped + text[obj[0]:obj[1]], None, verb
    lead = _lead_verb(stripped, verbs)
    if has_object and not verb and lead and not text.startswith(("的", "和", "及", "与"), obj[0]) \
            and _unit_group(m.group("u2") or m.group("u1") or "") != "time" \
            and not (m.group("u2") or m.group("u1") or "").endswith(_PERIODS):
        # 实施法治化营商环境100项提升举措: the number stands inside the verb's object;
        # 新增荆州、孝感、黄冈3个过三千亿元城市: the places listed are examples of what is counted
        named = "、" in stripped[len(lead):] and _unit_group(m.group("u2") or m.group("u1") or "") == "count"
        return (lead if named else stripped) + text[obj[0]:obj[1]], None, verb
    if lead and "等" in stripped[len(lead):]:
        # 更新改造复康路等道路80条: the examples before 等 are no part of what is counted
        return lead + stripped[stripped.rindex("等") + 1:], None, verb
    span = (core_start, core_start + len(stripped))
    return stripped, (span if text[span[0]:span[1]] == stripped else None), verb


#: a time or modal word between a subject and the verb that closes its indicator (…款项年底前要清偿)
_INNER_FILLER = regex.compile(r"(?<=\p{Han}{2})(?:(?:年底前|年底|年内|今年|全年|当年)(?:要|将|拟)?|(?<!主|重|需|纲|摘|概|提)要|(?<![即必])将)(?=\p{Han}{2}$)")


def _han_chars(phrase: str) -> int:
    """How many Chinese characters ``phrase`` holds."""
    return len(_patterns()["han"].findall(phrase))


def _last_han_chars(phrase: str, n: int) -> int:
    """The length of the shortest tail of ``phrase`` holding ``n`` Chinese characters (all of it if fewer)."""
    seen = 0
    for i in range(len(phrase) - 1, -1, -1):
        seen += bool(_patterns()["han"].match(phrase[i]))
        if seen == n:
            return len(phrase) - i
    return len(phrase)


def _counted_action(text: str, clause: tuple[int, int], verbs: frozenset[str]) -> Optional[str]:
    """The action and object a clause counts (培养近五百万高级专门人才 → 培养高级专门人才): the verb
    right before its last number and the noun phrase after it; ``None`` when it has none."""
    cs, ce = clause
    last = None
    for m in _patterns()["quantity"].finditer(text, cs, ce):
        last = m
    if last is None:
        return None
    os_, oe = _object_after(text, last.end(), ce, verbs)
    obj = text[os_:oe]
    before = _tags(text, cs, last.start("n1"))
    while before and (before[-1].pos in ("d", "m") or len(before[-1].text) == 1):  # 共, 近, 约
        before.pop()
    verb = before[-1].text.lstrip("共再新") if before else ""  # 共培养 (tagged as one word)
    if len(obj) < 2 or len(verb) < 2 or not (verb in verbs or (before[-1].pos == "v" and verb == before[-1].text)) \
            or not _acceptable(obj, verbs) or _headed(obj) is None:
        return None
    return verb + obj


def _subject_before_verb(indicator: str) -> Optional[str]:
    """An indicator without the verbs that close it (城镇保障性住房基本建成 → 城镇保障性住房), or ``None``."""
    tokens = _tags(indicator)
    end = len(tokens)
    while end > 1 and tokens[end - 1].pos.startswith("v") and tokens[end - 1].pos != "vn":
        end -= 1
    if end == len(tokens):
        return None
    subject = _STRIP_TAIL.sub("", indicator[: tokens[end - 1].end])
    return subject if len(subject) >= 2 and _headed(subject) == subject else None


def _topic(text: str, clause: tuple[int, int]) -> Optional[str]:
    """The topic a sentence opens with when its first clause is a short noun phrase alone
    (轻工业，…; 基本建设，…), else ``None``."""
    phrase = text[clause[0]:clause[1]].strip("，,、；;： \u3000")
    if not 2 <= len(phrase) <= 6:
        return None
    tokens = _tags(phrase)
    if tokens and all(t.pos.startswith("n") or t.pos in ("vn", "j", "l") for t in tokens):
        return phrase
    return None


def _ends_with_conjunction(phrase: str) -> bool:
    """Does ``phrase`` end with a conjunction by its tag (…行动和; not 惠及, 参与)?"""
    if not phrase.endswith(("和", "及", "与", "以及")):
        return False
    tokens = _tags(phrase[-6:])
    return bool(tokens) and tokens[-1].pos == "c"


def _opening_verb(phrase: str, verbs: frozenset[str]) -> str:
    """The action verb a verb–object phrase opens with (建设亿元以上项目 → 建设), or ``""``."""
    tokens = _tags(phrase[:6])
    first = tokens[0] if tokens else None
    if first is None or len(first.text) < 2 or not (first.pos == "v" or first.text in verbs) or len(phrase) - len(first.text) < 2:
        return ""
    return first.text


def _opens_with_verb(text: str, clause: tuple[int, int], verbs: frozenset[str]) -> bool:
    """Does the clause open with an action verb (实施1000个省重点项目; not 据…的统计)?"""
    tokens = [t for t in _tags(text, clause[0], min(clause[1], clause[0] + 8)) if t.text.strip("，,、；; ")]
    return bool(tokens) and (tokens[0].pos == "v" or tokens[0].text in verbs)


def _scope_clause(clause: str) -> bool:
    """Is the clause a scope or circumstance opened by a preposition (从中央到地方, 在全国范围内)?"""
    tokens = _tags(clause.strip("，,、；; "))
    return bool(tokens) and tokens[0].pos == "p"


def _noun_char(ch: str) -> bool:
    """Is the single character ``ch`` a noun by its tag (纸, 糖; not 有, 达)?"""
    tokens = _tags(ch)
    return len(tokens) == 1 and bool(_patterns()["han"].match(ch)) and tokens[0].pos in ("n", "ng", "zg")


def _lead_verb(phrase: str, verbs: frozenset[str]) -> str:
    """The verb a phrase opens with, by part of speech or the verb lexicon, when a noun follows it
    (新培育智能工厂 → 新培育, 更新改造复康路 → 更新改造); ``""`` when it opens with anything else."""

    tokens = _tags(phrase) if len(phrase) >= 3 else []

    def verbal(k: int, noun_too: bool = False) -> bool:  # a verbal noun (监测对象) only after 新/再 (新培育)
        t, pos = tokens[k].text, tokens[k].pos
        return len(t) >= 2 and (pos in ("v", "vd", "vi") or (pos == "vn" and noun_too)
                                or (t in verbs and pos != "vn") or (len(t) == 4 and t[2:] in verbs))

    k = 0
    while k < len(tokens) and (verbal(k) or (tokens[k].text in ("新", "再") and k + 1 < len(tokens)
                                              and verbal(k + 1, noun_too=True))):
        k += 1 + (tokens[k].text in ("新", "再"))
    if k == 0 or k >= len(tokens) or tokens[k].pos[:1] in ("m", "q", "u", "x", "w", "p", "c", "d", "f", "r"):
        return ""
    return phrase[: tokens[k].start]


#: level verbs after which the subject, not what follows, is measured (粮食产量保持在1.3万亿斤以上)
#: (为 is not one: 为10万名残疾人提供… counts the object)
_KEEP_SUBJECT = frozenset({"保持在", "稳定在", "控制在", "达到", "达", "超过", "突破", "占"})

#: words between a subject and its change verb that are no part of the indicator (…将比上年增长, …要下降)
_CHANGE_FILLERS = regex.compile(
    r"(?:要|将|再|继续|扣除\p{Han}{0,6}?因素(?:后)?|按可比价格计算|按(?:去年|上年|前年)的?(?:实际)?(?:数额|数|水平|基数)|按|安排为|安排|拟|预期|也|都|进一步|力争|争取|确保|今年|全年|年内|年底前"
    r"|比(?:去年|上年|前年|上一年)(?:同期)?|(?:决算数|预算数|预算执行数|执行数))+$")

def _lean_subject(subject: str) -> str:
    """A subject without the fillers before its change verb, an adverb that qualifies the
    change kept (国营工业的劳动生产率将比上年 → 国营工业的劳动生产率; 成本将比上年平均 → 成本平均)."""
    adverb = ""
    while True:
        m = _ADVERB.search(subject)
        if m and m.start() >= 2:
            adverb = m.group() + adverb
            subject = subject[: m.start()]
            continue
        lean = _CHANGE_FILLERS.sub("", _STRIP_TAIL.sub("", subject))
        if lean == subject or len(lean) < 2:
            return (lean if len(lean) >= 2 else subject) + adverb
        subject = lean


_TIME_PHRASE = regex.compile(r"^(?:今后|以后|将来|此后|目前|当前|近期|今年|明年|年内|年底前?|[^，]{0,4}时间[^，]{0,2})$")


#: a number that qualifies the people or things a share counts (接受15年免费教育的比例, 60岁以上…的比例)
_INNER_SPEC = regex.compile(r"(?<!\d)\d{1,3}(?:\.\d+)?(?:年|周岁|岁|星级|A级|级|类)(?:以上|以下|及以上|及以下)?(?=\p{Han})")

#: an age that names a group of people (60周岁以上老年人口, 3岁以下婴幼儿): part of the indicator
_AGE_GROUP = regex.compile(r"(?<!\d)\d{1,3}(?:周岁|岁)(?:以上|以下|及以上|及以下)?(?=\p{Han})")

#: digits that are part of a name, not a number: PM2.5, M2, 5G, 世界500强
#: (and a short quoted name: “15分钟高品质生活服务圈”)
_NAMED_DIGITS = regex.compile(r"[A-Za-z_]+[\d.]*\d|\d+[A-Za-z]+|\d+强|“[^”\d]{0,8}\d[^”]{0,16}”")


@lru_cache(maxsize=1)
def _modifiers() -> frozenset[str]:
    """The adverbs of action verbs (``data/verbs.json``: 全面, 大力, 整体 …)."""
    return frozenset(load_json("verbs.json")["modifiers"])


@lru_cache(maxsize=1)
def _service_pattern() -> "regex.Pattern[str]":
    verbs = _alt(lexicon()["service_verbs"])
    return regex.compile(rf"(?:免费|无偿|统一|集中|定期|全面)*(?:{verbs})了?(?P<what>[^，,。；;：:！？]{{2,16}})")


def _service_after(text: str, start: int, end: int) -> Optional[tuple[str, str]]:
    """The people counted after 为 and what is done for them (为200万名中小学生开展心理健康测评 →
    中小学生, 心理健康测评), when a service verb follows the people; None otherwise."""
    m = _service_pattern().search(text, start + 1, end)
    if not m:
        return None
    people = text[start:m.start()]
    return (people, m.group("what").rstrip("的")) if len(people) >= 2 and "，" not in people else None


def _acceptable(phrase: str, verbs: frozenset[str]) -> bool:
    """Can ``phrase`` name what is measured? Not a bare verb or time phrase, not a fragment
    that holds a number or opens with list punctuation, at least two characters.

    Example:
        >>> v = frozenset({"筛选", "提供"})
        >>> _acceptable("上市公司", v), _acceptable("筛选", v), _acceptable("由去年的1076亿元", v), _acceptable("有", v)
        (True, False, False, False)
    """
    if len(phrase) < 2 or phrase in verbs or phrase[0] in "、，,；;：:的":
        return False
    plain = _AGE_GROUP.sub("", _NAMED_DIGITS.sub("", _BASE_YEAR.sub("", phrase)))  # 60周岁以上老年人口
    if phrase.endswith(tuple(lexicon()["rate_words"])):
        # the share of those a number qualifies: 残疾儿童少年接受15年免费教育的比例, 三星级以上…的比例
        plain = _INNER_SPEC.sub("", plain)
    if any(ch.isdigit() for ch in plain) or _TIME_PHRASE.match(phrase):
        return False
    return bool(_patterns()["han"].search(phrase))


def _distributed(text: str, clause: tuple[int, int], first: int, first_end: int = -1) -> Optional[list[str]]:
    """Subjects a list of values distributes over: after 分别 (能耗和二氧化碳排放分别降低 →
    [能耗, 二氧化碳排放]), or three or more subjects before values listed with 、
    (改造老旧供热、燃气、排水管网800公里、600公里、300公里). A head shared by the list
    is given to every subject (交通、水利、能源领域投资额 → 交通领域投资额 …; 改造老旧供热 … 管网).

    Example:
        >>> t = "改造老旧供热、燃气、排水管网800公里、600公里、300公里"
        >>> _distributed(t, (0, len(t)), 14, 19)
        ['改造老旧供热管网', '改造老旧燃气管网', '改造老旧排水管网']
    """
    cs, _ = clause
    before = text[cs:first]
    i = before.find("分别")
    if i < 0:
        listed = first_end >= 0 and text.startswith("、", first_end) and first_end + 1 < len(text) \
            and (text[first_end + 1].isdigit() or text[first_end + 1] in CHINESE_DIGITS)
        if not listed:
            return None
        i = len(before)
    _, subject = _trim_subject(before[:i])
    parts = [p for p in _patterns()["list_split"].split(subject) if p]
    if len(parts) == 1 and "分别" in before:
        # 城乡居民人均可支配收入分别增长7%、8%: one subject naming two groups is the two of them
        for word, pair in lexicon()["paired_words"].items():
            if word in subject:
                return [subject.replace(word, one, 1) for one in pair]
    if len(parts) < (2 if "分别" in before else 3):
        return None
    return _share_heads(parts)


#: a clause that gives the values of the subjects listed before for another year (2020年分别达到…)
_RELISTED = regex.compile(r"[，,；;\s]*(?:(?:到|至)?(?:19|20)\d{2}年(?:底|末)?[，,]?\s*)?分别")


def _lists_on(text: str, clause: tuple[int, int], m: "regex.Match[str]", change_verbs: Iterable[str]) -> bool:
    """Does the clause only give the change of the subjects listed before, as a list of values
    (…分别达6.9万元、3.4万元，增长4.2%、5.3%: 增长 and two values)?"""
    head = text[clause[0]:m.start()].strip("，, ")
    return head.rstrip("了到至") in change_verbs and text.startswith("、", m.end())


def _sector(phrase: str) -> bool:
    """Can ``phrase`` take a measure others share (制造业, 进出口; not 城镇新增就业, itself a measure)?
    A sector (``sector_suffixes`` of ``generic_measures``) or a short noun."""
    if is_sector(phrase):
        return True
    tokens = _tags(phrase)
    return len(phrase) <= 4 and bool(tokens) and all(t.pos.startswith(("n", "j")) for t in tokens)


def _product(phrase: str) -> bool:
    """A thing a measure of the list's last item can measure: nouns only, no measure of its own."""
    tokens = _tags(phrase)
    return (len(phrase) <= 8 and not measure_tail(phrase) and bool(tokens)
            and all(t.pos.startswith(("n", "j")) for t in tokens))


def _word_boundary(phrase: str, at: int, first: str) -> bool:
    """Whether ``phrase`` splits at ``at`` into a word parallel to ``first`` and a shared head: a word
    of the segmenter ends there, or the opening and ``first`` are each one noun (城镇 | 农村居民…)."""

    if any(t.end == at and t.end - t.start >= 2 for t in _tags(phrase)):
        return True
    one, other = _tags(phrase[:at]), _tags(first)
    return len(one) == len(other) == 1 and one[0].pos[:1] == other[0].pos[:1] == "n"


#: the longest middle item of a list whose items share the first's prefix (改造老旧 供热、燃气、排水管网);
#: longer ones share only the last's head (汽车用锂电池、太阳能电池、工业机器人 产量)
_SHARED_CORE_CHARS = 4


def _share_heads(parts: list[str]) -> list[str]:
    """Give every item of a list the prefix of its first item and the head of its last,
    when the middle items are all as long as each other and shorter than both ends."""
    if len(parts) >= 2 and all(len(p) == 1 for p in parts[:-1]) and len(parts[-1]) > 2:
        return [p + parts[-1][1:] for p in parts[:-1]] + [parts[-1]]  # 肉、奶产量 → 肉产量, 奶产量
    width = len(parts[0])
    if len(parts) == 2 and 2 <= width <= 4 and len(parts[-1]) >= width + 2 and _word_boundary(parts[-1], width, parts[0]):
        # 城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入; 美丽河湖、美丽海湾建成率 → 美丽河湖建成率
        # (not 能耗和二氧化碳排放: 二氧 is no word of its own)
        return [parts[0] + parts[-1][width:], parts[-1]]
    width = len(parts[1]) if len(parts) >= 3 else 0
    if len(parts) >= 3 and all(measure_tail(p) or p.endswith(tuple(lexicon()["rate_words"])) for p in parts[:-1]):
        return parts  # 学前三年毛入园率、义务教育巩固率、高中阶段毛入学率: each a whole name
    if (not width or any(len(p) != width for p in parts[1:-1]) or len(parts[0]) < width or len(parts[-1]) < width
            or (width > _SHARED_CORE_CHARS and not measure_tail(parts[-1]))):
        # (long items share only a measure: 太阳能电池、工业机器人产量, not 农村信用贷款、抵押贷款改革试点)
        # 制造业、数字经济核心产业增加值年均: a generic measure the last item ends with is every item's
        tail = measure_tail(parts[-1])
        if tail and len(parts) == 2:
            return [p if measure_tail(p) or not _sector(p) else p + tail for p in parts[:-1]] + [parts[-1]]
        if tail and all(_product(p) for p in parts[:-1]):
            return [p + tail for p in parts[:-1]] + [parts[-1]]  # 锂电池、太阳能电池、工业机器人产量
        return parts
    # the head starts at a word's end (装备制造业产业规模: 产业规模, not 业产业规模)
    end = next((t.end for t in _tags(parts[-1]) if t.end >= width), width)
    width = end if len(parts[-1]) - end >= 2 else width
    # the first item's prefix is every item's only before short middle items (改造老旧 供热、燃气、排水管网;
    # not 汽 of 汽车用锂电池、太阳能电池、工业机器人产量)
    prefix = parts[0][: max(0, len(parts[0]) - len(parts[1]))] if width <= _SHARED_CORE_CHARS else ""
    head = parts[-1][width:]
    cores = [parts[0][len(prefix):], *parts[1:-1], parts[-1][:width]]
    return [prefix + c + head for c in cores]


def _commitment(text: str, sent_start: int, pos: int, about: bool) -> Optional[str]:
    """The nearest commitment marker before ``pos`` in its sentence (左右 alone: expected).

    In a list of targets opened by a colon (主要预期目标是：A；B；C) a marker
    inside one element (控制在 in B) does not reach the next: only the
    element itself and the list's head (before its ``：``) are read. Without
    a colon, a marker reaches past ``；`` (赤字率拟按2.8%安排；财政赤字2.76万亿元).
    """
    window = text[max(sent_start, pos - MARKER_REACH) : pos]
    cut = window.rfind("；")
    colon = window.find("：")
    if 0 <= colon < cut:
        best = _nearest_marker(window[cut + 1:]) or _nearest_marker(window[:colon])
    else:
        best = _nearest_marker(window)
    if best is None and about:
        return "expected"  # 左右 alone states an expected level (创建10个左右)
    return best


def _nearest_marker(window: str) -> Optional[str]:
    best, best_pos = None, -1
    for strength, words in lexicon()["commitment"].items():
        for w in words:
            i = last_marker(window, w)
            if strength == "exploratory" and i >= 0 and not _at_clause_head(window, i):
                continue  # 试点 in 足球试点学校 names a kind of school, not a trial
            if i > best_pos:
                best, best_pos = strength, i
    return best


def _at_clause_head(window: str, i: int) -> bool:
    """Is position ``i`` at the head of its clause (after at most a short adverb)?"""
    head = i
    while head > 0 and window[head - 1] not in _CLAUSE_PUNCT:
        head -= 1
    return i - head <= 4


def last_marker(window: str, word: str) -> int:
    """Where ``word`` is last written in ``window`` as a marker, not inside a longer word
    (``not_markers``: 估计 in 评估计划, 拟 in 模拟, 预期 in 人均预期寿命); -1 when nowhere.

    Example:
        >>> last_marker("完善质量评估计划", "估计"), last_marker("拟按2.8%安排", "拟")
        (-1, 0)
    """
    i = window.rfind(word)
    while i >= 0:
        if not any(_covers(window, x, i, word) for x in _not_markers(word)):
            return i
        i = window.rfind(word, 0, i)
    return -1


@lru_cache(maxsize=256)
def _not_markers(word: str) -> tuple[str, ...]:
    return tuple(x for x in lexicon()["not_markers"] if word in x)


def _covers(window: str, longer: str, i: int, word: str) -> bool:
    """Does an occurrence of ``longer`` in ``window`` cover ``word`` at position ``i``?"""
    for k in range(len(longer) - len(word) + 1):
        if longer[k : k + len(word)] == word and window.startswith(longer, i - k):
            return True
    return False


_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _deadline_matches(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    """``(position, year)`` of every deadline written in ``text[start:end]``, in order."""
    p = _patterns()
    end = len(text) if end is None else end
    found = [(m.start(), int((m.group(1) or m.group(2) or m.group(3)).translate(_CN_YEAR_DIGITS)))
             for m in p["deadline"].finditer(text, start, end)]
    periods = lexicon()["periods"]
    found += [(m.start(), periods[m.group(1)]) for m in p["period"].finditer(text, start, end) if m.group(1) in periods]
    return sorted(found)


def deadlines_in(text: str) -> list[int]:
    """The deadline years a text states, in order: 到2020年, 2025年底前, “十四五”末 → 2025.

    Example:
        >>> deadlines_in("“十三五”时期发展成就和“十四五”时期主要目标任务"), deadlines_in("到2035年基本实现")
        ([2020, 2025], [2035])
    """
    return [y for _, y in _deadline_matches(text)]


def _deadlines_at(text: str, start: int, end: int, year: Optional[int]) -> list[tuple[int, int]]:
    """The deadlines of a sentence that can be deadlines of its targets (not before the plan's year)."""
    return [(pos, y) for pos, y in _deadline_matches(text, start, end) if year is None or y >= year]


def _nearest_deadline(text: str, deadlines: list[tuple[int, int]], pos: int, ctx: Context) -> Optional[int]:
    """The deadline written last before ``pos`` in its sentence (到2020年…90%，到2025年…95%),
    else the first after it in the same list element (up to the next ``；``),
    else the one a heading above sets."""
    before = [y for p, y in deadlines if p < pos]
    if before:
        return before[-1]
    stop = text.find("；", pos)
    after = [y for p, y in deadlines if stop < 0 or p < stop]
    return after[0] if after else ctx.deadline


def _kind(text: str, m: "regex.Match[str]", clause: tuple[int, int], sent: tuple[int, int], ctx: Context) -> str:
    cs, ce = clause
    s = m.start()
    lex = lexicon()
    if text[max(cs, s - 2) : s].endswith("每") or text[max(cs, s - 3) : s].endswith(("每隔",)):
        return "periodicity"
    before = text[cs:s]
    after = text[m.end() : ce]
    pats = _patterns()
    if pats["from_before"].search(before) and pats["to_after"].match(after):
        return "baseline"  # 从10万元提高到15万元; 现行16%的税率降至13%
    threshold = m.group("pre") in ("不足", "低于", "超过", "高于", "不到", "少于")
    if threshold and after.startswith("的"):
        return "condition"  # 比例不足50%的区
    unit = m.group("u2") or m.group("u1") or ""
    if unit in ("岁", "年", "个月") and m.group("suf") in ("以上", "以下", "及以上", "及以下") \
            and pats["han"].match(after):
        return "condition"  # 60岁以上人口, 失业半年以上人员
    if unit == "岁" and (after.lstrip("的").startswith(tuple(lex["age_groups"]))
                        or (m.group("n2") and pats["han"].match(after)
                            and not after.startswith(tuple(lex["change_verbs"]) + tuple(lex["level_verbs"])))):
        return "condition"  # an age group: 0-6岁儿童家长, 65岁老年人, 0-3岁早期教育
    if m.group("n2") and after.lstrip("的").startswith("部分"):
        return "condition"  # 年应纳税所得额100万元至300万元部分
    if m.group("suf") in ("以上", "以下", "及以上", "及以下") and _unit_group(unit) in ("money", "physical", "time") \
            and pats["han"].match(after.lstrip("的")) and not pats["measured_after"].match(after):
        return "condition"  # 30万千瓦以下煤电机组, 年收入10万元以下的家庭 (not 50平方公里以上建设用地面积达到…)
    window = text[max(sent[0], s - MARKER_REACH) : s]
    if any(_forecasts(window, w) for w in lex["forecast"]):
        years = [int(y) for y in YEAR.findall(window)]
        if ctx.review and not (ctx.year and years and years[-1] >= ctx.year):
            return "achieved"  # 预计2011年达到316亿元 in a review: the estimated result of the year just closed
        return "forecast"
    if ctx.review or text.startswith(tuple(lex["achieved_sentence"]), sent[0]) or continues_past(text, sent):
        return "achieved"
    if _looks_back(text, sent, cs):
        return "achieved"  # 两年来，…发行2100亿元长期国债 inside a division of tasks
    if ctx.year and (_opens_with_past(text, sent[0], ctx.year) or _opens_with_past(text, cs, ctx.year)) \
            and not any(w in text[sent[0]:sent[1]] for w in lex["future_words"]):
        return "achieved"  # 2007年产量达到50150万吨; 一九八五年末达到… (in a report of a later year)
    return "target"


def _forecasts(window: str, word: str) -> bool:
    """Is ``word`` (预计, 估计) written in ``window`` as a forecast of the number after it?
    Not when it is the estimate of the base a change is measured from (``forecast_of_base``:
    比1980年预计增加1，000万吨, 由今年预计的44%提高到45%): a plan for the year compares
    with the estimated figure of the year not yet closed, and its own figure is the plan's.

    Example:
        >>> _forecasts("比1980年预计增加", "预计"), _forecasts("今年预计增长", "预计")
        (False, True)
    """
    i = last_marker(window, word)
    return i >= 0 and not _patterns()["forecast_of_base"].search(window, 0, i)


def _looks_back(text: str, sent: tuple[int, int], clause_start: int) -> bool:
    """Does the sentence, or a clause of it up to the number's, open by looking back
    (``looks_back``: 两年来，… 已建成的主要有：…), with no future word in the sentence?

    Example:
        >>> t = "从国债投资的效果看，两年来通过财政发行2100亿元长期国债。"
        >>> _looks_back(t, (0, len(t)), 10), _looks_back("两年来，今年要增长8%。", (0, 12), 4)
        (True, False)
        >>> _looks_back("已建成的主要有：堤防6100公里。", (0, 18), 8)
        True
    """
    start, end = sent
    own = text[start:end]
    for w in lexicon()["future_not"]:  # 已建成的主要有: 主要 says no future
        own = own.replace(w, "")
    if any(w in own for w in lexicon()["future_words"]):
        return False
    pats = _patterns()
    if pats["looks_back"].match(text, start):
        return True
    for m in _CLAUSE_BREAK.finditer(text, start, clause_start):
        if pats["looks_back"].match(text, m.end()):
            return True
    return False


#: where a clause ends inside a sentence
_CLAUSE_BREAK = regex.compile(r"[，,；;：:]")


def continues_past(text: str, sent: tuple[int, int]) -> bool:
    """Does the sentence carry on the past of the sentence before it in its paragraph?
    A report's plan for the year may open by summing up the last one (过去一年，我们的各项工作
    取得了很大成绩。国内生产总值增长10.3%，…): a sentence with no time or future word of its
    own, right after one opened by a past marker (过去一年, 去年 …), reports results too.

    Example:
        >>> t = "过去一年，各项工作取得了很大成绩。国内生产总值增长10.3%。今年要增长8%左右。"
        >>> continues_past(t, (17, 30)), continues_past(t, (30, len(t)))
        (True, False)
    """
    lex = lexicon()
    start, end = sent
    own = text[start:end]
    if any(w in own for w in lex["future_words"]) or _OWN_TIME.match(own):
        return False
    para = text.rfind("\n", 0, start) + 1
    before = text[para:start].rstrip()
    if not before:
        return False
    prev = before[max(before.rfind(c, 0, len(before) - 1) for c in "。！？") + 1:].lstrip(" \u3000")
    return prev.startswith(tuple(lex["achieved_sentence"])) and not any(w in prev for w in lex["future_words"])


#: a sentence that opens with its own time (今年…, 到2025年…) does not carry on the one before
_OWN_TIME = regex.compile(r"[\s\u3000]*(?:今年|明年|今后|未来|到|(?:1[89]|20)\d\d年)")

_YEAR = regex.compile(r"((?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年")
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}


_OPENING_YEAR = regex.compile(r"(?:截至|截止|到|在)?(?:((?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年"
                              r"|“?(十[一二三四五六七八九]?五)”?(?:时期|期间|以来|规划))")


def _opens_with_past(text: str, pos: int, year: int) -> bool:
    """Does the sentence or clause at ``pos`` open with a year or five-year period before ``year``?
    (2007年产量达到…, 一九八五年末…, “十三五”时期… in a later report; not 比2018年增长…)

    Example:
        >>> _opens_with_past("一九八五年末达到一千六百二十三亿元", 0, 1986), _opens_with_past("比2018年增长10%", 0, 2019)
        (True, False)
    """
    m = _OPENING_YEAR.match(text, pos)
    if not m:
        return False
    if m.group(1):
        y = m.group(1)
        value = int(y) if y.isdigit() else int("".join(str(_DIGIT[c]) for c in y))
    else:
        value = lexicon()["periods"].get(m.group(2), year)
    return value < year


#: A comparison with a named year (比2002年), kept in an indicator borrowed from the clause before.
_BASE_YEAR = regex.compile(r"(?:比|较)(?:(?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年")

#: A clause that is a change alone before its number (比上年增长, 同比下降, 较2020年下降, 比1980年预计增加, 平均每年提高)
@lru_cache(maxsize=1)
def _bare_change() -> "regex.Pattern[str]":
    return regex.compile(
        rf"[，,、\s]*(?:即|都|均|也|又|再)?(?:{_base_patterns()['base'].pattern})?(?:{_alt(lexicon()['base_period']['plan_words'])})?"
        r"(?P<adv>实际|平均每年|年均|累计)?(?P<verb>增长|下降|提高|降低|增加|减少|上升)了?")


#: A clause that is a predicate alone before its number (力争控制在, 各地可降至, 要达到)
_BARE_PREDICATE = regex.compile(
    r"[，,、\s]*(?:力争|争取|确保|努力|要|将|可|各地|全年|今年|进一步)*"
    r"(?:控制在|降至|降到|下降到|降低到|提高到|提高至|提升到|提升至|增加到|达到|保持在|稳定在|不低于|不超过|左右)?")


def _subject_of(clause: str, verbs: frozenset[str]) -> Optional[str]:
    """What the clause before a bare predicate is about: its subject, before a comparison
    (确保物价上涨幅度比去年有明显回落 → 物价上涨幅度), or the object of its opening verb
    (下调城镇职工基本养老保险单位缴费比例 → 城镇职工基本养老保险单位缴费比例)."""
    _, subject = _trim_subject(clause)
    lead = _lead_verb(subject, verbs)
    subject = subject[len(lead):]
    cut = regex.search(r"比(?:去年|上年|前年|上一年|\d{4}年)|有(?:明显|所|较大)|已|要|将|继续|进一步", subject)
    if cut and cut.start() >= 2:
        subject = subject[: cut.start()]
    if not (2 <= len(subject) <= 24 and _acceptable(subject, verbs)):
        return None

    words = _tags(subject)  # a noun phrase: its last word a noun (经过努力 is none)
    # (a verb after 的 is nominalised: …事业的支出)
    nominal = len(words) >= 2 and words[-2].text == "的" and words[-1].pos == "v"
    # (a noun compound whose last word is tagged a verb: 行政经费预算, 财政支出)
    compound = len(words) >= 2 and words[-1].pos == "v" and (words[-2].pos.startswith("n") or words[-2].pos == "vn") \
        and words[-1].text not in _level_words()
    return subject if words and (words[-1].pos.startswith("n") or words[-1].pos in ("vn", "j", "l") or nominal
                                 or compound) else None


#: a character any number of the quantity pattern holds (its ``n1``: a digit, a Chinese numeral
#: or 半): a sentence without one (three in five) need not be scanned with the pattern
_NUMERAL = re.compile(rf"[\d{re.escape(CHINESE_DIGITS)}半]")

#: Words of a total that, alone before a number, count what the clause before does (…，合计6300名).
_TOTALS = frozenset({"合计", "共计", "总计", "总共", "共"})

#: Linking verbs that, alone before a number, leave its subject in the clause before.
_COPULAS = frozenset({"定为", "确定为", "为", "是", "调整为", "安排为", "预期为", "设定为"})


#: what separates the numbers of a list that share the unit of its last (0.8、0.7和0.3个百分点)
_LIST_GAPS = ("、", "和", "及", "与", "、和")


def _borrowed_units(text: str, found: list) -> dict[int, str]:
    """Bare numbers of a list whose last member carries the unit of them all (回落0.2和0.3个百分点,
    分别低0.8、0.7和0.3个百分点): their start, and that unit.

    Example:
        >>> t = "分别低0.8、0.7和0.3个百分点"
        >>> _borrowed_units(t, list(_patterns()["quantity"].finditer(t)))
        {3: '个百分点', 7: '个百分点'}
    """
    out: dict[int, str] = {}
    for i, m in enumerate(found):
        if m.group("u1") or m.group("u2") or m.group("n2") or not m.group("n1").replace(".", "").isdigit():
            continue
        if m.start() > 0 and (text[m.start() - 1].isascii() and text[m.start() - 1].isalnum() or text[m.start() - 1] == "第"):
            continue
        for j in range(i + 1, len(found)):
            if text[found[j - 1].end():found[j].start()] not in _LIST_GAPS:
                break
            unit = found[j].group("u2") or found[j].group("u1")
            if unit:
                out[m.start()] = unit
                break
    return out


def find_quantities(text: str, start: int, end: int, *, context: Context = Context(),
                    verbs: frozenset[str] = frozenset(),
                    notes: Optional[list[tuple[int, int, str]]] = None) -> Iterator[Quantity]:
    """Yield the quantities of the sentence ``text[start:end]``.

    ``verbs`` are the action verbs (from the verb lexicon) that tell a counted
    object (选树30所…) from a measured subject (就业1100万人). ``notes``, when
    given, receives ``(start, end, code)`` for what a reader should check: a
    range written high to low (``reversed-range``: 6%-5% is read 5 to 6).

    Example:
        >>> t = "力争全市学前三年教育毛入学率达到90.5%以上。"
        >>> q = next(find_quantities(t, 0, len(t)))
        >>> q.indicator, q.comparator, q.value, q.unit, q.measure, q.commitment
        ('全市学前三年教育毛入学率', '>=', 90.5, '%', 'rate', 'aspirational')
    """
    if not _NUMERAL.search(text, start, end):
        return  # every quantity has a digit or a Chinese numeral: most sentences have neither
    pats = _patterns()
    found = list(pats["quantity"].finditer(text, start, end))
    borrowed = _borrowed_units(text, found)
    matches = [m for m in found if m.start() in borrowed or not _skip(text, m, start, end, verbs)]
    if not matches:
        return
    clauses = segment.clauses(text, start, end)  # once per sentence: bisected for each number
    clause_starts = [c[0] for c in clauses]
    deadlines = _deadlines_at(text, start, end, context.year)
    shared: dict[tuple[int, int], list[str]] = {}
    shared_verb: dict[tuple[int, int], str] = {}
    prev_end: dict[tuple[int, int], int] = {}
    last: Optional[tuple[tuple[int, int], str, Optional[str]]] = None  # the previous quantity's clause, indicator, unit
    index_in_clause: dict[tuple[int, int], int] = {}
    listed_before: list[str] = []  # the subjects the last list of values in this sentence went to
    change_verbs = lexicon()["change_verbs"]
    relative_heads = frozenset(lexicon().get("relative_heads", ()))
    counted: Optional[tuple[tuple[int, int], int, str]] = None  # the last counted object: its clause, end, words
    listed: Optional[tuple] = None  # the last quantity: its clause, end, indicator, indicator span and verb
    for m in matches:
        k = bisect_right(clause_starts, m.start()) - 1
        clause = clauses[k] if k >= 0 and clauses[k][1] >= m.end() else (m.start(), m.end())
        reading = _unit_and_value(m)
        if m.start() in borrowed and reading.unit is None:
            reading = Reading(reading.value, reading.value_max, borrowed[m.start()], reading.reversed)
        v1, v2, unit = reading.value, reading.value_max, reading.unit
        if reading.reversed and notes is not None:
            notes.append((m.start(), m.end(), "reversed-range"))
        comparator = _comparator(m)
        factor, base_unit = _magnitude(unit) if unit else (1.0, None)
        if unit in ("%", "‰", "个百分点", "百分点"):
            factor, base_unit = 1.0, unit
        kind = _kind(text, m, clause, (start, end), context)
        prev = prev_end.get(clause, -1)
        indicator, ind_span, verb = _indicator(text, m, clause, verbs, prev)
        prev_end[clause] = m.end()
        if indicator and last is not None and last[0] == clause and 0 <= prev <= m.start() \
                and text[prev:m.start()].lstrip("、和及与") == indicator and len(indicator) <= 4 \
                and (indicator in verbs or indicator[-2:] in verbs
                     or all(t.pos in ("v", "vn", "vi") for t in _tags(indicator))):
            # 城镇保障性住房基本建成470万套、新开工630万套: a list item that is only an action has the
            # subject of the item before
            subject = _subject_before_verb(last[1])
            if subject:
                indicator, ind_span = subject + indicator, None
        rejected = ""  # a phrase that names nothing (一律削减): its subject is the one before
        if indicator:
            headed = _headed(indicator)
            if headed is None:
                rejected, indicator, ind_span = indicator, None, None
            elif headed != indicator:
                cut = len(indicator) - len(headed)
                if ind_span is not None and drop_base(text[ind_span[0]:ind_span[1] - cut]) == headed:
                    ind_span = (ind_span[0], ind_span[1] - cut)
                else:
                    ind_span = None
                indicator = headed
        elif k > 0:  # 一律削减10%, 还向国家上缴…: the words before the number in its clause name nothing
            prefix = text[clause[0]:m.start()].strip("，,、；; ")
            if len(prefix) >= 2 and _headed(prefix) is None:
                rejected = prefix
        if k > 0 and last is None and text[clause[0]:m.start()].strip("，, ") in _TOTALS \
                and _opens_with_verb(text, clauses[k - 1], verbs):
            # 资助残疾人大学生和困难残疾人家庭子女大学生，合计6300名: the total of what the clause before does
            _, action = _trim_subject(text[clauses[k - 1][0]:clauses[k - 1][1]].rstrip("，,、；： "))
            if 4 <= len(action) <= 30 and _acceptable(action, verbs):
                indicator, ind_span, rejected = action, None, ""
        if indicator is None and k > 0 and text[clause[0]:m.start()].strip("，, ") in _COPULAS:
            # 今年经济增长速度的宏观调控目标，定为百分之八至九: the subject is the clause before
            ps, pe = clauses[k - 1]
            off, subject = _trim_subject(text[ps:pe].rstrip("，,、；： "))
            if 2 <= len(subject) <= 30:
                indicator, ind_span = subject, (ps + off, ps + off + len(subject))
        elif indicator is None and k > 0 and last is None and _BARE_PREDICATE.fullmatch(text, clause[0], m.start("n1")):
            # 确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右; 下调…单位缴费比例，各地可降至16%:
            # a clause that is only a predicate measures the subject (or object) of the clause before
            ps, pe = clauses[k - 1]
            subject = _subject_of(text[ps:pe].rstrip("，,、；： "), verbs)
            if subject:
                indicator, ind_span = subject, None
        elif indicator and k > 0 and last is None and _share_rest(indicator, text, m) \
                and text[clause[0]:m.start()].lstrip("，,、 ").startswith(indicator[:2]):
            # 国家预算用在经济建设…的支出，共占本年支出总数的64.96%: a share of the subject of the clause before
            subject = _subject_of(text[clauses[k - 1][0]:clauses[k - 1][1]].rstrip("，,、；： "), verbs)
            if subject:
                indicator, ind_span = subject + _share_rest(indicator, text, m), None
        elif indicator is None and k > 0 and last is None:
            change = _bare_change().fullmatch(text, clause[0], m.start("n1"))
            subject = _subject_of(text[clauses[k - 1][0]:clauses[k - 1][1]].rstrip("，,、；： "), verbs) \
                if change or rejected else None
            if change and not subject:
                # 五年共培养近五百万高级专门人才，比“六五”期间增长一倍: the change of what the clause before counts
                subject = _counted_action(text, clauses[k - 1], verbs)
            if rejected and k > 1 and _scope_clause(text[clauses[k - 1][0]:clauses[k - 1][1]]):
                # 行政经费预算，从中央到地方，一律削减10%: a scope in between is no subject
                subject = _subject_of(text[clauses[k - 2][0]:clauses[k - 2][1]].rstrip("，,、；： "), verbs)
            if subject and change:  # PM2.5年均浓度…，较2020年下降25%: the change of the subject of the clause before
                indicator, ind_span = subject + (change.group("adv") or "") + change.group("verb"), None
            elif subject:
                # 行政经费…，一律削减10%: a clause whose words before the number name nothing measures the
                # subject of the clause before, with the action it ends with
                indicator, ind_span = subject + _tail_action(rejected), None
        if kind == "periodicity":
            os_, oe = _object_after(text, m.end(), clause[1], verbs)
            indicator, ind_span = (text[os_:oe], (os_, oe)) if oe > os_ else (None, None)
        subjects = shared.get(clause)
        if subjects is None:
            subjects = _distributed(text, clause, m.start(), m.end()) or []
            if not subjects and listed_before and (_lists_on(text, clause, m, change_verbs)
                                                   or _RELISTED.match(text, clause[0], m.start())):
                # 分别达6.9万元、3.4万元，增长4.2%、5.3%; …分别达到90%、99%；2020年分别达到98%、99%: the same
                # subjects, in order
                subjects = listed_before
            if subjects or "分别" not in text[m.end():clause[1]]:
                # (婴儿死亡率、5岁以下儿童死亡率分别…: a number inside the subjects, before 分别, decides nothing)
                shared[clause] = subjects
            shared_verb[clause] = verb
            if subjects:
                listed_before = subjects
        if subjects:
            n = index_in_clause.get(clause, 0)
            index_in_clause[clause] = n + 1
            verb = shared_verb[clause]  # 分别降低13.5%、18%: the verb before the first value is every value's
            if n < len(subjects):
                base_verb = verb.rstrip("了到至在")
                indicator = subjects[n] + (base_verb if base_verb in change_verbs else "")
                ind_span = None
                if base_verb not in change_verbs:
                    found = text.find(subjects[n], clause[0], m.start())
                    ind_span = (found, found + len(subjects[n])) if found >= 0 else None
        base_verb = verb.rstrip("了到至在")
        if indicator and last is not None and _share_rest(indicator, text, m):
            # 各项税收…，占本年预算收入的47.02%: a share of the last subject (X占Y); 完成预算数的92.49%
            indicator, ind_span = last[1] + _share_rest(indicator, text, m), None
        if indicator is None and last is not None and kind != "periodicity" and (
                last[0] == clause or bool(rejected) or _base_patterns()["base"].match(text[clause[0]:m.start()].lstrip("、，,和及与并"))
                or (last[2] == unit and base_verb not in change_verbs)
                or (base_verb in change_verbs and _ADVERBIAL_ONLY.sub(
                    "", drop_base(text[clause[0]:m.start()].lstrip("、，,和及与并")), count=1).startswith(verb))):
            # 政府债务总规模11.86万亿元、比上年增加2.9万亿元: the same indicator, its change;
            # 国内生产总值达到67.7万亿元，增长6.9%: a clause opening with its change verb has the last subject
            # (比2002年增长65.5%: the base year is the quantity's base_period, below)
            adverb = _ADVERB.search(text, clause[0], m.start() - len(verb)) if base_verb in change_verbs else None
            indicator = (last[1] + (adverb.group() if adverb and not last[1].endswith(adverb.group()) else "")
                         + (base_verb if base_verb in change_verbs else _tail_action(rejected) if rejected else ""))
            ind_span = None
        if indicator and last is None and k > 0 and indicator.startswith((*relative_heads, "总的")):
            # 轻工业，总产值比1980年预计增长8%; 基本建设，…，总的投资额控制在550亿元: a bare head measures
            # the topic the sentence opens with
            topic = _topic(text, clauses[0])
            if topic:
                indicator, ind_span = topic + indicator, None
        if indicator:  # 拖欠企业的款项年底前要清偿: a time or modal word before the closing verb
            inner = _INNER_FILLER.search(indicator)
            closing = _tags(indicator, inner.end()) if inner else []
            if len(closing) == 1 and closing[0].pos in ("v", "vn"):
                indicator, ind_span = indicator[: inner.start()] + indicator[inner.end():], None
        if indicator in relative_heads and last is not None:
            # 国内生产总值达到…，总量突破90万亿元: the head measures the subject before it
            indicator, ind_span = last[1] + indicator, None
        lead = _opening_verb(indicator, verbs) if indicator and text.startswith("的", m.end()) else ""
        if indicator and text.startswith("的", m.end()) and bare_measure(indicator[len(lead):]):
            # 抓好总投资2万亿元的389个省重点项目; 总投资410亿元的巨化硅氟新材料项目: the measure of what follows
            after = _patterns()["quantity"].match(text, m.end() + 1, clause[1])
            os_, oe = _object_after(text, after.end() if after and after.end() > m.end() + 1 else m.end(), clause[1], verbs)
            what = text[os_:oe]
            words = _tags(what)
            verb_at = next((t.start for k, t in enumerate(words) if k and t.pos == "v" and len(t.text) >= 2), len(what))
            what = what[:verb_at]  # …项目刷新…纪录: the noun phrase, without a predicate of its own
            if len(what) >= 2 and _acceptable(what, verbs) and _headed(what) == what:
                indicator, ind_span = what + indicator[len(lead):], None
        if indicator and (k > 0 or counted is not None) and bare_measure(indicator):
            # 实施1000个省重点项目，年度完成投资1万亿元; 煤炭……方面，…，产量稳定在13亿吨: a generic measure
            # alone measures the object counted in the clause before, or the topic the sentence opens with
            topic = None
            if counted is not None and (counted[0] == clause and counted[1] <= m.start()
                                        or counted[0] == clauses[k - 1] and _opens_with_verb(text, counted[0], verbs)):
                topic = counted[2]
            topic = topic or sentence_topic(text, clauses[0], _tags)
            if topic:
                indicator, ind_span = topic + indicator, None
        if indicator:  # what is measured, without the base it is compared with (比1955年, 同比) or plan words (计划)
            lean = drop_base(indicator)
            if lean != indicator:
                indicator = lean or None
                if ind_span is not None and drop_base(text[ind_span[0]:ind_span[1]]) != lean:
                    ind_span = None
        base = base_period(text, clause[0], m.start())
        one_char = indicator is not None and len(indicator) == 1 and ind_span is not None  # 纸520万吨
        if indicator and not one_char and not _acceptable(indicator, verbs | _level_words()):
            indicator, ind_span = None, None  # a fragment is no indicator (、创新驱动…等五大类)
        if indicator and kind not in ("baseline", "condition"):
            last = (clause, _base_indicator(indicator), unit)
        if indicator and ind_span is not None and (_unit_group(unit or "") == "count" or unit == "家"):
            # 实施1000个省重点项目, 建设亿元以上项目4000个: what a later bare measure is of
            lead = "" if ind_span[0] >= m.end() else _opening_verb(indicator, verbs)
            if ind_span[0] >= m.end() or lead:
                counted = (clause, m.end(), indicator[len(lead):])
        if listed is not None and listed[0] == clause and text[listed[1]:m.start()] in _LIST_GAPS and not subjects:
            # 回落0.2和0.3个百分点: a value listed right after another, nothing between, measures the same
            indicator, ind_span, verb = listed[2], listed[3], listed[4]
        listed = (clause, m.end(), indicator, ind_span, verb)
        measure = _measure(unit, verb, indicator, text, m, clause)
        commitment = _commitment(text, start, m.start("n1"), m.group("suf") in ("左右", "上下")) if kind == "target" else None
        deadline = _nearest_deadline(text, deadlines, m.start(), context) if kind == "target" else None
        s, e = m.span()
        yield Quantity(
            id="", node="", task=None, kind=cast(QuantityKind, kind), indicator=indicator,
            comparator=cast(Comparator, comparator), value=v1, value_max=v2, unit=unit,
            base_value=as_number(v1 * factor), base_unit=base_unit,
            measure=cast(Measure, measure), commitment=cast(Optional[Commitment], commitment), deadline=deadline,
            text=text[clause[0]:clause[1]], span=(s, e), surface=text[s:e],
            indicator_span=ind_span, clause_span=clause,
            base_period=base[0] if base else None, base_period_span=base[1] if base else None,
        )


#: an indicator that points back: this share (这个比重, 这一比例) names a measure written before
_DEMONSTRATIVE = regex.compile(r"^(?:这个|这一|此|该)(?P<head>\p{Han}{2,6})$")

#: how far back the measure a demonstrative points to may be written
DEMONSTRATIVE_REACH = 300


def resolve_demonstratives(text: str, quantities: Iterable[Quantity], verbs: frozenset[str] = frozenset()) -> None:
    """Give an indicator that points back (这个比重) the measure it points to: the phrase ending with
    the same head in the text before it, its clause's opening verb left out (在基本建设投资总额中，提高了
    职工住宅、科学文教卫生和城市建设等方面的投资比重。这个比重，…1980年将达到29% → 职工住宅、
    科学文教卫生和城市建设等方面的投资比重). Left as it is when no such phrase is near.

    Example:
        >>> t = "提高了职工住宅等方面的投资比重。这个比重，明年将达到29%。"
        >>> qs = list(find_quantities(t, 0, len(t)))
        >>> resolve_demonstratives(t, qs)
        >>> qs[0].indicator
        '职工住宅等方面的投资比重'
    """
    for q in quantities:
        m = _DEMONSTRATIVE.match(q.indicator or "")
        if not m or q.clause_span is None:
            continue
        head = m.group("head")
        written = text.rfind(q.indicator or "", max(0, q.clause_span[0] - 40), q.clause_span[1])
        end = written if written >= 0 else q.clause_span[0]
        lo = max(0, end - DEMONSTRATIVE_REACH)
        at = text.rfind(head, lo, end)
        if at < 0 or text[at - 2:at] in ("这个", "这一"):
            continue
        start = max(text.rfind(c, lo, at) for c in "，,。；;：:！？\n") + 1
        phrase = text[start:at + len(head)].strip()
        words = _tags(phrase)
        k = 0
        while k < len(words) - 1 and (words[k].pos in ("v", "vd", "d", "p", "ul", "uj", "u") or words[k].text in verbs
                                      or words[k].text == "了"):
            k += 1
        phrase = phrase[words[k].start:] if words else phrase
        if len(phrase) >= len(head) + 2 and _acceptable(phrase, verbs) and _headed(phrase) == phrase:
            q.indicator, q.indicator_span = phrase, None


def target_attributes(text: str, q: Quantity, sentence: tuple[int, int],
                      context: Context = Context()) -> tuple[Optional[str], Optional[int]]:
    """The commitment and deadline of ``q`` read as a target of the sentence ``sentence``
    (what :func:`find_quantities` gives a target; used when the kind model makes one).

    Example:
        >>> t = "力争到2025年覆盖率达到90%。"
        >>> q = next(find_quantities(t, 0, len(t)))
        >>> target_attributes(t, q, (0, len(t)), Context(year=2021))
        ('aspirational', 2025)
    """
    start, end = sentence
    s = q.span[0]
    n1 = s + next((i for i, ch in enumerate(q.surface) if ch.isdigit() or ch in CHINESE_DIGITS or ch == "."), 0)
    commitment = _commitment(text, start, n1, q.surface.endswith(("左右", "上下")))
    deadline = _nearest_deadline(text, _deadlines_at(text, start, end, context.year), s, context)
    return commitment, deadline


def _share_rest(indicator: str, text: str, m: "regex.Match[str]") -> str:
    """The share or ratio an indicator opens with, its adverb left out (共占本年支出总数 → 占本年支出总数;
    完成预算数, before 的N%: 完成预算数); ``""`` when it opens with none."""
    share = _patterns()["share"].match(indicator)
    if share:
        return indicator[share.end() - 1:]
    unit = m.group("u2") or m.group("u1") or ""
    ratio = _patterns()["ratio"].match(indicator)
    if ratio and unit in ("%", "‰") and text[:m.start()].endswith("的"):
        return indicator[ratio.end():]
    return ""


def _base_indicator(indicator: str) -> str:
    """An indicator without its trailing change verb, share or ratio to a plan (国内生产总值增长 → 国内生产总值;
    工业支出占经济建设费总数 → 工业支出; 全国工业总产值完成了原定计划 → 全国工业总产值)."""
    share = indicator.find("占")
    if share >= 2:
        indicator = indicator[:share]
    ratio = _patterns()["ratio_tail"].search(indicator)
    if ratio and ratio.start() >= 2:
        indicator = indicator[: ratio.start()]
    m = _patterns()["change_tail"].search(indicator)
    return indicator[: m.start()] if m and m.start() >= 2 else indicator


#: an adverb right before a change verb that belongs to the indicator (工业支出实际增长, 成本平均降低)
_ADVERB = regex.compile(r"(?:实际|平均每年|平均|年均|累计)$")


def _measure(unit: Optional[str], verb: str, indicator: Optional[str], text: str,
             m: "regex.Match[str]", clause: tuple[int, int]) -> str:
    lex = lexicon()
    base = verb.rstrip("了在")
    if unit in ("个百分点", "百分点"):
        return "change"
    if base and base in lex["change_verbs"]:
        return "change"
    if _patterns()["than_tail"].search(text[clause[0]:m.start()]) and "比" in text[clause[0]:m.start()]:
        return "change"
    if unit in ("%", "‰") or (unit is None and m.group("n1") and "分之" in m.group("n1")) or m.group("n1") == "一半":
        return "rate"
    if indicator and any(indicator.endswith(w) for w in lex["rate_words"]):
        return "rate"
    return "level"
