"""Document metadata: title, issuers, year, document type and region.

Rules read the title first (where Chinese official documents state all of
these: ``市教育局党委市教育局2019年工作要点``, ``2019年中华人民共和国国务院政府工作报告``)
and fall back on the opening of the text. The lexicons are data
(``data/meta.json``).
"""
from __future__ import annotations

import difflib
import json
import os
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Any, Optional

import regex

from . import numbering as patterns, places
from .chars import BULLETS, COLONS, COMMAS, SENTENCE_END, YEAR as _YEAR, strip_span
from ..model import Meta
from .numbering import chinese_to_int

#: lines of a table in an opening (指标\t2020年\t2025年, or a header cell 2020年 on its own line):
#: their years are columns, not the plan's
_TABLE_LINES = regex.compile(r"(?m)^(?:[^\n]*\t[^\n]*|\s*(?:19|20)\d{2}年\s*)$")
_YEAR_RANGE = regex.compile(r"(?<!\d)((?:19|20)\d{2})年?\s*[-—–~～至到]\s*((?:19|20)\d{2})年")
_CN_YEAR = regex.compile(r"([一二三四五六七八九〇零○]{4})年")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The metadata lexicons of ``data/meta.json``."""
    return json.loads(resources.files("policyparse").joinpath("data/meta.json").read_text("utf-8"))


def find_title(text: str) -> Optional[tuple[int, int]]:
    """The span of the document's title, if it opens the text.

    The first line is the title when it does not end a sentence or a clause,
    holds no full stop, does not start with an outline label (一、总体要求 is
    a heading), and is short (up
    to 80 characters, or up to 160 when it ends with a document-type word
    such as 工作要点 or 实施方案). In text without line breaks, the opening
    up to the first document-type word within 80 characters, if no
    punctuation comes before it (then it is a sentence, not a title).

    Example:
        >>> t = "市教育局2019年工作要点2019年全市教育工作的总体思路是：…"
        >>> t[slice(*find_title(t))]
        '市教育局2019年工作要点'
        >>> find_title("一、总体要求\\n1.抓好学习。") is None
        True
    """
    s, _ = strip_span(text, 0, len(text))
    nl = text.find("\n", s)
    while nl > s and _is_masthead_or_number(text[s:nl]):
        # the masthead (鞍山市立山区人民政府文件) and the document number printed above the
        # title are no part of it: the title is the first line after them
        s, _ = strip_span(text, nl + 1, len(text))
        nl = text.find("\n", s)
    if nl > s:
        line = text[s:nl].rstrip()
        # a line that ends a sentence or a clause, or holds a full stop, is prose (会上，校长…
        # 进行了部署。杨衡铭强调，), and one with tabs a table's row: neither is a title
        prose = (not line or line[-1] in SENTENCE_END + COLONS + COMMAS + "." or "。" in line or "\t" in line
                 or patterns.starts_with_label(line))
        if not prose and (len(line) <= 80 or (len(line) <= 160 and doc_type_of(line) and _ends_with_doc_type(line))):
            return s, s + len(line) + _title_lines_after(text, nl, line)
        if not prose or len(line) <= 80 or "\t" in line:
            return None
        # a long line of prose: a page flattened into lines, its title run into the text (below)
    head = text[s : s + 80]
    ends = [i + len(dt) for dt, _genre in lexicon()["doc_types"] if (i := head.find(dt)) >= 0]
    if not ends or patterns.starts_with_label(head):
        return None
    end = min(ends)
    title = head[:end]
    if any(ch in SENTENCE_END + COLONS + COMMAS for ch in title):
        return None
    # a title names a year, a body or a subject (关于…); a sentence that
    # mentions a 规划 does not ("为贯彻落实国家教育规划纲要精神，…")
    if not (_YEAR.search(title) or "关于" in title or split_organs(title[: -len(_doc_type_word(title))])):
        return None
    return s, s + end


#: lines a title may run on to after its first (国务院关于推动内蒙古高质量发展 / 奋力书写…新篇章的意见)
_TITLE_MORE_LINES = 2
#: the longest line a title runs on to
_TITLE_LINE_CHARS = 60


def _title_lines_after(text: str, nl: int, first: str) -> int:
    """How far a title whose first line ends at ``nl`` runs on: a title set on two or three
    lines (as official documents print a long one) continues while its first line does
    not end with a document-type word and one of the next lines does, each short, with
    no sentence or list mark and no outline label. The characters to add to the first
    line's end, line breaks included; 0 when it is one line.

    Example:
        >>> t = "国务院关于推动内蒙古高质量发展\\n奋力书写中国式现代化新篇章的意见\\n国发〔2023〕16号\\n"
        >>> t[slice(*find_title(t))]
        '国务院关于推动内蒙古高质量发展\\n奋力书写中国式现代化新篇章的意见'
        >>> find_title("市教育局2019年工作要点\\n一、总体要求\\n")
        (0, 13)
    """
    if _ends_with_doc_type(first):
        return 0
    end = nl
    for _ in range(_TITLE_MORE_LINES):
        start = end + 1
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        line = text[start:stop].strip()
        if (not line or len(line) > _TITLE_LINE_CHARS or patterns.starts_with_label(line)
                or any(ch in SENTENCE_END + COLONS + COMMAS + "；;" for ch in line) or is_document_number(line)):
            return 0
        end = stop
        if _ends_with_doc_type(line):
            return len(text[nl:end].rstrip())
    return 0


def _doc_type_word(title: str) -> str:
    return next(dt for dt, _genre in lexicon()["doc_types"] if title.endswith(dt))


#: a bracket after a title's genre word: its period or its status (…三年行动计划(2022—2024年), …方案（试行）)
_TITLE_BRACKET = regex.compile(r"[（(](?:\d{4}\s*[-—–－~～至到]+\s*\d{4}年?|试行|暂行|征求意见稿|修订稿?|草案)[）)]$")


def _ends_with_doc_type(line: str) -> bool:
    line = _TITLE_BRACKET.sub("", line.rstrip())
    return any(line.endswith(dt) for dt, _genre in lexicon()["doc_types"])


def doc_type_of(title: str) -> Optional[str]:
    """The genre a title names at its end (the latest, most specific match).

    Example:
        >>> doc_type_of("湖北省“十三五”时期教育发展规划"), doc_type_of("关于印发2020年工作要点的通知")
        ('规划', '通知')
    """
    found = None
    # a document cited in 《》 names its own genre, not the title's (2006年《政府工作报告》要求重点做好的工作事项)
    own = regex.sub(r"《[^《》]*》", lambda m: "〇" * len(m.group()), title) if "《" in title and not title.startswith("《") else title
    for dt, genre in lexicon()["doc_types"]:  # most specific first
        i = own.rfind(dt)
        if i >= 0 and (found is None or i + len(dt) > found[0]):
            found = (i + len(dt), genre)
    return found[1] if found else None


_FYP = regex.compile(r"(?:第([一二三四五六七八九十]{1,3})个五年|(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})五[”\"]?(?:时期|期间)?[\p{Han}]{0,12}?(?:规划|计划))")


def year_of(text: str, many: bool = False) -> Optional[int]:
    """The year a title or opening names: ``2019年``, ``二〇一九年``; for a
    five-year plan (第十四个五年规划, 十四五规划) or a period (2021-2025年) its
    first year. A target year (``到2035年``, ``2035年远景目标``) is not the
    document's year. Of several years, the first; with ``many`` (a title), the
    last: a title that names a review and a plan names the plan last
    (2023年工作总结及2024年工作计划).

    Example:
        >>> year_of("国民经济和社会发展第十四个五年规划和2035年远景目标纲要")
        2021
        >>> year_of("湖北省学前教育发展提升行动计划（2021-2025年）"), year_of("2023年工作总结及2024年工作计划", many=True)
        (2021, 2024)
    """
    m = _FYP.search(text)
    if m and (m.group(1) or m.group(2)) in lexicon()["five_year_plans"]:
        return lexicon()["five_year_plans"][m.group(1) or m.group(2)]
    years = []
    taken = -1
    for m in _YEAR_RANGE.finditer(text):
        years.append((m.start(), int(m.group(1))))  # 行动计划（2021-2025年）: a period, from its first year
        taken = max(taken, m.end())
    for m in _YEAR.finditer(text):
        if any(s <= m.start() < taken for s, _ in years) or (
                text[max(0, m.start() - 1) : m.start()] in ("到", "至") or text.startswith("远景", m.end())):
            continue
        years.append((m.start(), int(m.group(1))))
    if years:
        # 2023年工作总结及2024年工作计划: the plan is for the last year a title names
        return max(years)[1] if many else min(years)[1]
    m = _CN_YEAR.search(text)
    if m:
        return chinese_to_int(m.group(1))
    return None


def split_organs(s: str) -> list[str]:
    """Split a run of body names: ``市教育局党委市教育局`` → ``['市教育局党委', '市教育局']``.

    Example:
        >>> split_organs("中共中央、国务院")
        ['中共中央', '国务院']
    """
    lex = lexicon()
    suffixes = sorted(lex["organ_suffixes"], key=len, reverse=True)
    out: list[str] = []
    for chunk in regex.split(f"[{regex.escape(lex['title_separators'])}]+", s):
        pos = 0
        i = 0
        while i < len(chunk):
            hit = next((suf for suf in suffixes if chunk.startswith(suf, i)), None)
            if hit is None:
                i += 1
                continue
            j = i + len(hit)
            for ext in lex["organ_extensions"]:
                if chunk.startswith(ext, j):
                    j += len(ext)
                    break
            out.append(chunk[pos:j])
            if j < len(chunk) and chunk[j] in lex["connectors"]:
                j += 1
            pos = i = j
        rest = chunk[pos:].strip()
        if rest and out and len(rest) <= 2:
            out[-1] += rest
    return [o for o in out if o]


def issuers_and_region(title: str) -> tuple[list[str], Optional[str]]:
    """Issuing bodies and the region named in a title."""
    lex = lexicon()
    head = title
    m = _YEAR.search(head)
    dt = doc_type_of(head)
    cut = len(head)
    for term, genre in lexicon()["doc_types"]:
        if genre == dt and term in head:
            cut = min(cut, head.rfind(term))
    # the issuer part is what precedes the year, or the year and the document type
    # a document cited in 《》 is the subject, never the issuer (2023年区《政府工作报告》确定的…方案)
    # (a year after the document type, 政府工作报告(2022年), leaves the type out of the issuers)
    before_year = (head[: min(m.start(), cut)] if m else "").split("《")[0]
    after_year = (head[m.end() : cut] if m else head[:cut]).split("《")[0]
    about = head.find("关于")
    issued = regex.match(r"关于(?:印发|转发|下发|发布)?《([^》]{4,80})》", head)
    if about == 0 and issued:
        # 关于印发《XX市教育局2025年工作要点》的通知, no body before 关于: the issuers and region of
        # the document it issues
        return issuers_and_region(issued.group(1))
    if about > 0:
        # 安徽省人民政府关于实施《国务院关于…的决定》的意见: the issuers are named before 关于, the
        # bodies after it are the subject's
        cands = split_organs(head[:about])
    elif about == 0:
        cands = []  # 关于县人民政府…落实情况的通报: a title opening with 关于 names its subject, not its issuer
    else:
        cands = split_organs(before_year) or split_organs(after_year)
    if not cands and dt == "政府工作报告":
        # 上海市人民政府工作报告: the government of the place that precedes it
        place = (before_year or after_year).strip()
        place = place[:-2] if place.endswith("人民") else place
        if place:
            cands = [place + "人民政府"]
    region = None
    country = lex["country_name"]
    if country in head:
        region = country
        cands = [c.replace(country, "") or c for c in cands]
    if region is None and cands:
        region = region_of(cands[0])
    return [c for c in cands if c], region


@lru_cache(maxsize=1)
def _place_prefix() -> "regex.Pattern[str]":
    sufs = "|".join(sorted(lexicon()["region_suffixes"], key=len, reverse=True))
    # a place name holds no word of a body's name (局, 委, 党 …)
    char = r"(?:(?![局委厅部院办党校会组署府])\p{Han})"
    return regex.compile(rf"^(?:(?:{char}{{1,8}}?|XX)(?:{sufs}))+(?=[\p{{Han}}“\"《\d])")


def region_of(name: str) -> Optional[str]:
    """The place names that prefix a body's name.

    Example:
        >>> region_of("武汉市教育局"), region_of("北京市海淀区教育委员会"), region_of("市教育局")
        ('武汉市', '北京市海淀区', None)
        >>> region_of("中共温州市鹿城区委")
        '温州市鹿城区'
    """
    for party in lexicon()["party_prefixes"]:  # 中共温州市鹿城区委: the party's committee of a place
        if name.startswith(party) and len(name) > len(party) + 2:
            name = name[len(party):]
            break
    m = _place_prefix().match(name)
    if not m:
        return None
    place = m.group()
    # the shortest match of each component may stop inside a name (杭州 of 杭州市, a 州 being a
    # suffix too): the longest division (or chain of them) the name opens with is the place
    for end in range(min(len(name), _LONGEST_PLACE), len(place), -1):
        if places.is_division(name[:end]):
            return name[:end]
    # a one-character place (市, 区) is no place
    return place if len(place) >= 3 else None


#: the longest run of division names a body's name can open with (新疆维吾尔自治区伊犁哈萨克自治州 …)
_LONGEST_PLACE = 24


def region_in_text(text: str) -> Optional[str]:
    """The administrative division (province or prefecture level, written in
    full) most often named in the opening of a text, if named twice; a
    masked name (``XX市``) counts too. Names are those of
    :mod:`policyparse.ingest.places`, so 提升城市 or 代化强省 never count.

    Example:
        >>> region_in_text("贵州省各地推进城市更新，贵州省加快建设")
        '贵州省'
    """
    counts = Counter(name for name, _ in places.divisions_in(text[:20000]))
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 else None


@lru_cache(maxsize=1)
def _opening_patterns() -> tuple["regex.Pattern[str]", "regex.Pattern[str]"]:
    lex = lexicon()
    return regex.compile(lex["delivery_line"]), regex.compile(lex["delegate_line"])


def _place(name: Optional[str]) -> Optional[str]:
    """``name`` if it is an administrative division (or the country), else ``None``."""
    if not name:
        return None
    if name == lexicon()["country_name"] or places.is_division(name):
        return name
    return None


def delivery(text: str) -> tuple[Optional[int], Optional[str]]:
    """The year and the place of the line that says when and where a report
    was delivered (——2026年1月27日在贵州省第十四届人民代表大会第四次会议上),
    within the opening of ``text``.

    Example:
        >>> delivery("政府工作报告\\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上")
        (2026, '甘肃省')
        >>> delivery("政府工作报告\\n——在东乌珠穆沁旗第十六届人民代表大会第一次会议上")
        (None, '东乌珠穆沁旗')
    """
    m = _opening_patterns()[0].search(text[:1500])
    if not m:
        return None, None
    y = m.group("year")
    year = None if y is None else int(y) if y.isdigit() else chinese_to_int(y)
    return year, _place(m.group("place"))


#: a text speaking of its own place (我县, 我省): the level of the place it governs
_OWN_PLACE = regex.compile(r"我(省|市|区|县|旗|州)")

#: a review of a year opening a report (一、2008年工作回顾): the report is for the year after
_REVIEW_OF_YEAR = regex.compile(r"(?:^|\n)\s*(?:[一二三四五六七八九十]+、)?\s*((?:19|20)\d{2})年(?:政府)?工作(?:回顾|总结)")


def _after_review(opening: str) -> Optional[int]:
    """The year after the one whose review opens the text (一、2008年工作回顾 → 2009), or ``None``."""
    m = _REVIEW_OF_YEAR.search(opening)
    return int(m.group(1)) + 1 if m else None


#: a note of when a body adopted or amended the document, in brackets at its head ((2017年12月14日…委员长会议
#:原则通过 2018年4月17日…修改)): a date of its making, not the year it is for, when the text names that
_ADOPTION_NOTE = regex.compile(r"[（(][^（）()\n]{0,160}?(?:通过|批准|修订|修改|审议|印发)[^（）()\n]{0,80}[）)]")


def extract_meta(text: str, title_span: Optional[tuple[int, int]], source: Optional[str] = None) -> Meta:
    """Metadata of a normalised text whose title (if any) is at ``title_span``.

    The title names the year, issuers and region where it can; what it
    leaves open is read from the opening: the line that says when and where
    a report was delivered (its year is the plan's year), the delegate's
    words (我代表海南省人民政府). A region is kept only when it is an
    administrative division (:mod:`policyparse.ingest.places`).
    """
    # a title set on several lines is one title (its span keeps the line breaks)
    title = regex.sub(r"\s*\n\s*", "", text[title_span[0] : title_span[1]].strip()) if title_span else None
    number = None
    if title:
        title = regex.sub(lexicon()["title_marks"], "", title) or title  # 【转发】教育部2021年工作要点: a site's mark
        # a page's headline that opens with the document number (凌政办发[2020]35号凌海市…的通知)
        number = _DOC_NUMBER.match(title)
        if number and number.end() < len(title):
            title = title[number.end():].lstrip(" ：:")
        if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
            title = title[1:-1]  # 《北京市人民政府办公厅关于印发〈…〉的通知》: a page's headline quoting the title
    headline_year = int(number.group(1)) if number else None
    meta = Meta(title=title, source=source)
    cover = covered_document(text, title_span, title)
    signer = None
    if cover is not None:
        # a notice that issues a plan (…关于印发《2023年…工作要点》的通知): the plan is the document
        meta.notice, title, signer = cover
        meta.title = title
    if title:
        meta.doc_type = doc_type_of(title)
        # a year or five-year plan named in a document the title cites is that document's (昌吉州落实
        # 《自治区“十四五”…规划》实施方案): the title's own words first, the cited ones last
        meta.year = year_of(regex.sub(r"《[^《》]*》", "", title), many=True)
        meta.issuers, region = issuers_and_region(title)
        meta.region = _place(region)
    if cover is not None:
        # the notice's issuer issues the plan (a 转发 notice forwards another body's plan as its own)
        notice_issuers, notice_region = _notice_issuers(meta.notice) if meta.notice else ([], None)
        if notice_issuers or signer:
            meta.issuers = notice_issuers or [signer]
            meta.region = _place(notice_region) or _place(region_of(meta.issuers[0])) or meta.region
        if meta.year is None and meta.notice:
            meta.year = year_of(meta.notice, many=True)
    opening = text[title_span[1] if title_span else 0 :][:1500]
    said_year, said_place = delivery(opening)
    if meta.year is None:
        # the document's own number, on a line of its own under the title (杭政函〔2005〕39号), dates
        # it better than a year of its body (2007年，全市学前三年幼儿入园率达到96%以上)
        meta.year = (said_year or headline_year or _doc_number_year(opening[:300], own_line=True)
                     or _after_review(opening[:600])
                     or year_of(_ADOPTION_NOTE.sub("", _TABLE_LINES.sub("", opening[:300])))
                     or year_of(_TABLE_LINES.sub("", opening[:300])) or _doc_number_year(opening[:300]))
    if meta.year is None and title and "《" in title:
        meta.year = year_of(title, many=True)
    if meta.region is None:
        meta.region = said_place
    if meta.region is None and meta.issuers:
        meta.region = _place(region_of(meta.issuers[0]))
    if meta.region is None and title:
        meta.region = _place(region_of(title))  # XX市教育事业发展“十四五”规划
    if meta.region is None and title and "《" in title:
        # 省教育厅关于印发《湖北省学前教育发展提升行动计划》的通知: the place of the document it issues
        meta.region = _place(region_of(title[title.index("《") + 1:]))
    delegate = _opening_patterns()[1].search(opening)
    if meta.region is None and delegate:
        meta.region = _place(delegate.group("place"))
    own = _OWN_PLACE.search(opening)
    if meta.region is None and own:
        # 推进我县教育…，依据《修水县“十四五”规划编制工作方案》: the county a text calling itself 我县 names;
        # 结合我省实际…武汉市、襄阳市…下降18%: a province that names its cities, not itself
        meta.region = places.first_named(opening, own.group(1)) or (
            places.province_of_cities(text[:20000]) if own.group(1) == "省" else None)
    if meta.region is None:
        # the place a text names most, when it is of the level the text speaks as (我县, 我代表县人民政府):
        # a county's report naming its province often (广东省) is not the province's
        level = own.group(1) if own else (delegate.group("place") if delegate and len(delegate.group("place")) == 1
                                          else None)
        named = region_in_text(text)
        meta.region = named if named is None or level is None or named.endswith(level) else None
    if title_span and meta.region:
        # a masthead above the title names the place in full (鞍山市立山区人民政府文件 over 立山区人民政府…)
        for line in text[: title_span[0]][-500:].splitlines():
            fuller = _place(region_of(line.strip()))
            if fuller and fuller != meta.region and fuller.endswith(meta.region):
                meta.region = fuller
    if not meta.issuers and not title:
        # a page that begins at the addressees: the body signing above the date issues it
        signer = signer or _signer(text[: lexicon()["notice_search_chars"]])
        if signer:
            meta.issuers = [signer]
            meta.region = meta.region or _place(region_of(signer))
    if meta.region is None and meta.issuers and is_national(meta.issuers[0]):
        meta.region = lexicon()["country_name"]  # 教育部2023年工作要点: a ministry's plan is the country's
    if meta.region:
        meta.region = places.full_district(meta.region)  # 上城区 → 杭州市上城区: a district is known by its city
    if not meta.issuers and meta.doc_type == "政府工作报告":
        # the report of a government: the body the delegate speaks for (我代表省人民政府)
        body = delegate.group("place") if delegate else None
        speaker = regex.search(lexicon()["speaker_line"], opening)
        if body and _place(body):
            meta.issuers = [body + "人民政府"]
        elif meta.region and meta.region != lexicon()["country_name"]:
            meta.issuers = [meta.region + "人民政府"]
        elif speaker and speaker.group("body")[0] not in "省市区县州盟旗自":
            meta.issuers = [speaker.group("body")]  # 梅县人民政府县长 张文广 under the delivery line
    return meta


def is_national(body: str) -> bool:
    """Is ``body`` an organ of the central state (``data/meta.json``, ``national_issuers``)?

    Example:
        >>> is_national("教育部"), is_national("全国人大常委会"), is_national("市教育局"), is_national("组织部")
        (True, True, False, False)
    """
    lex = lexicon()["national_issuers"]
    if body.startswith(tuple(lex["prefixes"])):
        return True
    return (body.endswith(tuple(lex["ministry_suffixes"])) and len(body) <= 12 and body not in lex["not_ministries"]
            and not body.endswith(tuple(lex["not_ministries"])) and region_of(body) is None
            and body[0] not in "省市区县州盟旗镇乡村校院")


Cover = tuple[Optional[str], str, Optional[str]]


def covered_document(text: str, title_span: Optional[tuple[int, int]], title: Optional[str]) -> Optional[Cover]:
    """The document a notice issues, when the text opens with one: ``(notice, title, signer)``.

    Government sites publish a plan inside the notice that issues it: 浙江省卫生健康委关于印发
    2023年浙江省卫生健康工作要点的通知, the addressees, 现将…印发给你们, the signature, then the
    plan under its own title line. The plan is the document: ``title`` is its own title line
    (or its name as the notice gives it, when the page stops before it), ``notice`` the
    notice's title (``None`` when the page begins at the addressees), ``signer`` the body
    that signs the notice above its date (used when the notice has no title). The patterns
    are data (``notice_title``, ``notice_sentence`` in ``data/meta.json``).

    Example:
        >>> t = "浙江省卫生健康委关于印发2023年全省卫生健康工作要点的通知\\n各市卫生健康委：\\n现将…印发给你们。\\n2023年全省卫生健康工作要点\\n一、总体要求\\n"
        >>> covered_document(t, (0, 30), t[:30])
        ('浙江省卫生健康委关于印发2023年全省卫生健康工作要点的通知', '2023年全省卫生健康工作要点', None)
    """
    lex = lexicon()
    notice = None
    start = title_span[1] if title_span else 0
    m = regex.match(lex["notice_title"], title) if title else None
    if m and not m.group("genre") and not _ends_with_doc_type(m.group("inner").rstrip("》〉")):
        m = None  # 市政府印发…行动计划 (a headline without 的通知) only when what it issues is a plan
    if m:
        notice, inner = title, m.group("inner")
        said = regex.search(lex["notice_sentence"], text[start : start + lex["notice_search_chars"]])
        if said and inner[:1] not in "《〈" and _flat(said.group("inner")).endswith(_flat(inner)):
            inner = said.group("inner")  # 关于印发2016年工作要点的通知, 现将《市委教育工委…2016年工作要点》印发: the full name
    elif title is None:
        m = regex.search(lex["notice_sentence"], text[: lex["notice_search_chars"]])
        if not m:
            return None
        inner = m.group("inner")
    else:
        return None
    if inner[:1] in "《〈" and inner[-1:] in "》〉":
        inner = inner[1:-1]  # 关于印发《扬州市…实施意见》的通知: the name inside its marks
    elif inner[-1:] in "》〉" and (at := max(inner.rfind("《"), inner.rfind("〈"))) > 0:
        inner = inner[at + 1 : -1]  # 关于转发省教育厅《…》的通知: the name, not the body before it
    own = _own_title_line(text, start, start + lex["own_title_search_chars"], inner)
    return notice, own or inner, _signer(text[start : start + lex["notice_search_chars"]])


def _notice_issuers(notice: str) -> tuple[list[str], Optional[str]]:
    """The issuers and region of a notice's title: the bodies before 关于 (or before 印发 when it has no
    关于: 中共静安区委办公室 静安区人民政府办公室印发《…》的通知), else those of the document it issues."""
    m = regex.match(lexicon()["notice_title"], notice)
    head = m.group("issuer") if m else ""
    if head.strip() and "关于" not in notice:
        organs = split_organs(head)
        if organs:
            return organs, region_of(organs[0])
    return issuers_and_region(notice)


def _flat(s: str) -> str:
    """A title as titles are compared: no white space or quotation marks, one kind of dash and bracket."""
    s = regex.sub(r"[\s《》“”\"‘’]", "", s)
    return s.translate(str.maketrans({"—": "-", "－": "-", "–": "-", "―": "-", "（": "(", "）": ")", "〔": "(", "〕": ")"}))


def same_title(a: str, b: str) -> bool:
    """Do two writings name the same document (white space, quotation marks, dashes and brackets aside)?

    Example:
        >>> same_title("《丽水市工作方案(2023—2027年)》", "丽水市工作方案（2023-2027年）")
        True
    """
    return _flat(a) == _flat(b)


def _own_title_line(text: str, start: int, end: int, name: str) -> Optional[str]:
    """The line (or two lines) of ``text[start:end]`` that is the document's own title ``name``."""
    want = _flat(name)
    lines = [ln.strip().lstrip(BULLETS).strip() for ln in text[start:end].splitlines()]
    lines = [ln for ln in lines if ln]
    for i, ln in enumerate(lines):
        if _flat(ln) == want:
            return ln
        if i + 1 < len(lines) and _flat(ln + lines[i + 1]) == want and len(ln) < len(want):
            return ln + lines[i + 1]
    # the plan's own line may word its name a little apart from the notice (2023年浙江省… / 2023年全省…):
    # a short line of the same genre, no sentence, most of it alike
    genre = doc_type_of(name)
    for ln in lines:
        if (genre and len(ln) <= _TITLE_LINE_CHARS + 20 and _ends_with_doc_type(ln) and doc_type_of(ln) == genre
                and not any(ch in SENTENCE_END + COLONS + COMMAS for ch in ln) and "通知" not in ln
                and not regex.search(r"印发|发布|转发", ln)  # 劳动保障部发布2008年…工作要点: a news headline
                and difflib.SequenceMatcher(None, _flat(ln), want).ratio() >= _ALIKE):
            return ln
    return None


#: how alike (difflib's ratio) the plan's own title line and its name in the notice must be
_ALIKE = 0.7


def _signer(opening: str) -> Optional[str]:
    """The body that signs a notice: a line naming one body, right above a date line."""
    date = regex.compile(lexicon()["signature_date"])
    lines = [ln.strip() for ln in opening.splitlines() if ln.strip()]
    for ln, nxt in zip(lines, lines[1:]):
        if date.match(nxt) and len(ln) <= 30 and split_organs(ln) == [ln]:
            return ln
    return None


#: a document number under the title: 国发〔2023〕16号, 鄂教发[2019]3号 — its year is the year of issue
_DOC_NUMBER = regex.compile(r"\p{Han}{1,8}[〔\[［【（(]((?:19|20)\d{2})[〕\]］】）)]第?\d{1,4}号")


def _is_masthead_or_number(line: str) -> bool:
    """A masthead (中共XX市委文件, XX市人民政府办公室文件: a body's name and 文件), a body's name
    alone (淄博市人民政府办公室, printed above the notice it issues) or a document number on its own line."""
    ln = line.strip()
    if is_document_number(ln) or (len(ln) <= 30 and "".join(split_organs(ln)) == ln):
        return True
    end = next((w for w in lexicon()["masthead_ends"] if ln.endswith(w)), None)
    return end is not None and len(ln) <= 30 and bool(split_organs(ln[: -len(end)]))


def is_document_number(line: str) -> bool:
    """Is ``line`` a document number and nothing else (国发〔2023〕16号, （皖政[2001]85号））?

    Example:
        >>> is_document_number("扬发〔2019〕34号"), is_document_number("（皖政[2001]85号）"), is_document_number("扬州市人民政府")
        (True, True, False)
    """
    ln = line.strip().strip("（()）")
    return bool(_DOC_NUMBER.fullmatch(ln))


def _doc_number_year(opening: str, own_line: bool = False) -> Optional[int]:
    """The year of the document number in ``opening`` (国发〔2023〕16号 → 2023), if any;
    with ``own_line``, only of a number that is a line by itself (not one cited in a sentence).

    Example:
        >>> _doc_number_year("国发〔2023〕16号\\n各省、自治区人民政府："), _doc_number_year("抓好2023项工作")
        (2023, None)
        >>> _doc_number_year("按照（国办发〔2003〕13号）精神", own_line=True)
    """
    if own_line:
        m = regex.search(rf"(?m)^\s*{_DOC_NUMBER.pattern}\s*$", opening)
    else:
        m = _DOC_NUMBER.search(opening)
    return int(m.group(1)) if m else None


_BARE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_BARE_YEAR_IN_NAME = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?![\d年])")

#: the fields a file name can tell
NAME_FIELDS = ("year", "issuers", "region", "doc_type")


def meta_from_path(path: str | os.PathLike) -> dict[str, Any]:
    """Metadata a file's name and folder state: year, issuers, region, document type.

    The name (without extension) is read like a title (``武汉市教育局2020年工作要点``:
    issuer, region, year, genre); a bare four-digit year counts too
    (``gwr/2019.txt``, ``2020_工作要点.docx``), and so does a year in the
    parent folder's name (``2019/市教育局工作要点.txt``). A folder named in
    ``folder_aliases`` of ``data/meta.json`` (``gwr``) supplies what all its
    files share (a 政府工作报告 of the 国务院). Only the fields found are returned.

    Example:
        >>> meta_from_path("plans/武汉市教育局2020年工作要点.docx")
        {'year': 2020, 'issuers': ['武汉市教育局'], 'region': '武汉市', 'doc_type': '工作要点'}
        >>> meta_from_path("corpora/gwr/2019.txt")
        {'year': 2019, 'issuers': ['国务院'], 'region': '中华人民共和国', 'doc_type': '政府工作报告'}
    """
    p = PurePath(os.fspath(path))
    lex = lexicon()
    out: dict[str, Any] = {}
    stem = p.name.split(".")[0] if not p.name.startswith(".") else p.stem
    title = regex.sub(f"[{regex.escape(lex['name_separators'])}]+", "", stem)
    # a bare year (2020_湖北省教育厅_工作要点) is no part of a body's name
    bare = _BARE_YEAR_IN_NAME.search(title)
    if bare:
        title = title[: bare.start()] + title[bare.end():]
    if regex.search(r"\p{Han}", title):
        out["year"] = year_of(title, many=True) or (int(bare.group(1)) if bare else None)
        issuers, region = issuers_and_region(title)
        if issuers:
            out["issuers"] = issuers
        out["region"] = region or region_of(title)
        out["doc_type"] = doc_type_of(title)
    if out.get("year") is None:
        m = _BARE_YEAR.search(stem) or _BARE_YEAR.search(p.parent.name)
        out["year"] = int(m.group(1)) if m else None
    for folder in reversed(p.parent.parts):
        alias = lex["folder_aliases"].get(folder.lower())
        if alias:
            for key, value in alias.items():
                out.setdefault(key, None)
                if not out[key]:
                    out[key] = list(value) if isinstance(value, list) else value
            break
    return {k: out[k] for k in NAME_FIELDS if out.get(k)}


__all__ = ["meta_from_path", "extract_meta", "find_title", "covered_document", "same_title", "doc_type_of", "year_of", "split_organs", "issuers_and_region", "region_of"]
