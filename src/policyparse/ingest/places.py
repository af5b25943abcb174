"""China's administrative divisions, from a maintained package (cpca's adcodes).

A region read from a title or an opening (河北省, 北京市海淀区, 新疆维吾尔自治区)
is kept only when it is an administrative division, so that words which
merely end in 市 or 省 (提升城市, 代化强省) are never taken for places. The
names come from the table of the national administrative division codes that
the ``cpca`` package ships (``cpca/resources/adcodes.csv``); it is read
directly, without importing cpca (which builds a matcher and loads pandas).

A name masked in the source (``XX市``, as in the bundled plan) counts as a
place of the level its suffix names.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex

from ..errors import PolicyParseError

#: one Chinese character
_HAN = regex.compile(r"\p{Han}")

#: a masked place: XX followed by an administrative suffix that the data use
_MASKED = regex.compile(r"^(?:XX|××|某)(省|市|自治区|区|县|自治州|州|盟|旗)$")


@dataclass(frozen=True)
class Divisions:
    """The division names by level (1 province, 2 prefecture, 3 county)."""

    level: dict[str, int]
    suffixes: frozenset[str]


@lru_cache(maxsize=1)
def adcodes() -> tuple[tuple[str, str], ...]:
    """The rows of cpca's adcodes table as ``(adcode, name)``, in file order, read once for
    the regions here and the places of :func:`policyparse.extract.actors.place_names`."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise PolicyParseError(None, "the package cpca is missing (its administrative-division data check regions): "
                                     "pip install cpca")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        c_code, c_name = header.index("adcode"), header.index("name")
        return tuple((row[c_code], row[c_name]) for row in rows)


@lru_cache(maxsize=1)
def nations() -> tuple[str, ...]:
    """The names of China's 56 nationalities from cpca's table (``56_nations.csv``: 汉族, 土家族 …),
    and those of them that place names write without 族 (巴音郭楞蒙古自治州): what an autonomous
    division's name carries between its place and its suffix (湘西土家族苗族自治州)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise PolicyParseError(None, "the package cpca is missing (its administrative-division data check regions): "
                                     "pip install cpca")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "56_nations.csv"
    names = [n.strip() for n in path.read_text("utf-8").splitlines() if n.strip()]
    return tuple(sorted({*names, *(n[:-1] for n in names if n.endswith("族") and len(n) > 2)}, key=len, reverse=True))


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The names of cpca's adcodes table, each with its highest level."""
    level: dict[str, int] = {}
    for code, name in adcodes():
        name = name.strip()
        if not name or len(code) < 6:
            continue
        lvl = 1 if code[2:6] == "0000" else 2 if code[4:6] == "00" else 3
        if code[6:].strip("0"):
            continue  # townships and below
        level[name] = min(lvl, level.get(name, 9))
    suffix = regex.compile(r"(?:自治区|自治州|自治县|特别行政区|地区|[省市区县州盟旗])$")
    suffixes = frozenset(m.group() for name in level if (m := suffix.search(name)))
    return Divisions(level=level, suffixes=suffixes)


def division_chain(name: str) -> Optional[list[str]]:
    """``name`` split into administrative divisions from the top down, or
    ``None`` when it is not one (or a chain of them).

    Example:
        >>> division_chain("北京市海淀区"), division_chain("新疆维吾尔自治区")
        (['北京市', '海淀区'], ['新疆维吾尔自治区'])
        >>> division_chain("提升城市") is None, division_chain("XX市")
        (True, ['XX市'])
    """
    if _MASKED.match(name):
        return [name]
    d = divisions().level
    out: list[str] = []
    pos = 0
    while pos < len(name):
        for end in range(len(name), pos + 1, -1):  # the longest name first
            if name[pos:end] in d:
                out.append(name[pos:end])
                pos = end
                break
        else:
            return None
    return out or None


@lru_cache(maxsize=1)
def _district_parents() -> dict[str, str]:
    """Each district (…区) named once in the table, with the city it belongs to (the province for a
    municipality's districts: 静安区 → 上海市); districts named alike in several cities are left out."""
    names = dict(adcodes())
    seen: dict[str, list[str]] = {}
    for code, name in names.items():
        if len(code) >= 6 and code[4:6] != "00" and not code[6:].strip("0") and name.endswith("区") and name != "市辖区":
            seen.setdefault(name, []).append(code)
    out = {}
    for name, codes in seen.items():
        if len(codes) != 1:
            continue
        code = codes[0]
        city = names.get(code[:4] + "0" * (len(code) - 4), "")
        if not city or city == "市辖区":
            city = names.get(code[:2] + "0" * (len(code) - 2), "")
        if city:
            out[name] = city
    return out


def full_district(name: str) -> str:
    """A district named alone, with the city (or municipality) it belongs to, when the table names
    it once: a district is known by its city (上城区 → 杭州市上城区, 静安区 → 上海市静安区); anything
    else is returned as it is.

    Example:
        >>> full_district("静安区"), full_district("杭州市上城区"), full_district("鼓楼区"), full_district("昆山市")
        ('上海市静安区', '杭州市上城区', '鼓楼区', '昆山市')
    """
    city = _district_parents().get(name)
    return city + name if city else name


def is_division(name: Optional[str]) -> bool:
    """Is ``name`` an administrative division, or a chain of them (北京市海淀区)?

    Example:
        >>> is_division("河北省"), is_division("代化强省"), is_division("统一大市")
        (True, False, False)
    """
    return bool(name) and division_chain(name) is not None  # type: ignore[arg-type]


#: a masked province or city (XX市), found with the names by :func:`divisions_in`
_MASKED_UPPER = ("XX", "××")


@lru_cache(maxsize=1)
def _upper_levels() -> tuple[frozenset[str], tuple[int, ...], "re.Pattern[str]"]:
    """The province- and prefecture-level names of three characters or more, their lengths
    (longest first), and a pattern for where one can start (a first character followed by a
    second character of some name)."""
    names = frozenset(n for n, lvl in divisions().level.items() if lvl <= 2 and len(n) >= 3)
    firsts = "".join(sorted({n[0] for n in names} | {m[0] for m in _MASKED_UPPER}))
    seconds = "".join(sorted({n[1] for n in names} | {m[1] for m in _MASKED_UPPER}))
    return names, tuple(sorted({len(n) for n in names}, reverse=True)), re.compile(
        f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")


def divisions_in(text: str) -> list[tuple[str, int]]:
    """Province- and prefecture-level names written in full in ``text``, with their positions.

    Left to right, the longest name at each place, never overlapping (as an alternation of
    the names, longest first, would find them; the candidates are found in C and checked
    against the names, ten times faster than the alternation of 371 names).

    Example:
        >>> divisions_in("在贵州省第十四届人民代表大会上，推进城市更新")
        [('贵州省', 1)]
    """
    names, lengths, starts = _upper_levels()
    out: list[tuple[str, int]] = []
    pos = 0
    for m in starts.finditer(text):
        i = m.start()
        if i < pos:
            continue  # inside the last name found
        for n in lengths:
            word = text[i : i + n]
            if word in names:
                break
        else:
            word = text[i : i + 3]
            if word[:2] not in _MASKED_UPPER or word[2:] not in ("省", "市"):
                continue
        out.append((word, i))
        pos = i + len(word)
    return out


__all__ = ["adcodes", "division_chain", "divisions", "divisions_in", "is_division"]


def first_named(text: str, suffix: str) -> Optional[str]:
    """The first administrative division in ``text`` whose name ends with ``suffix`` (县, 市,
    区 …), written in full: where a text says 我县, the county it names first is its own.

    Example:
        >>> first_named("推进我县教育发展，依据《修水县“十四五”规划编制工作方案》", "县")
        '修水县'
        >>> first_named("我县被确定为“全国基层农技推广体系改革与建设示范县”", "县") is None
        True
    """
    level = divisions().level
    for m in regex.finditer(regex.escape(suffix), text):
        end = m.end()
        for start in range(max(0, end - 9), end - 1):  # the longest name first
            # a two-character name glued to a word before it ends that word (示范县, not 范县)
            if text[start:end] in level and not (end - start == 2 and start and _HAN.match(text[start - 1])):
                return text[start:end]
    return None


@lru_cache(maxsize=1)
def _province_of_city() -> dict[str, str]:
    """Each prefecture-level division named once in the table, with its province."""
    names = dict(adcodes())
    seen: dict[str, list[str]] = {}
    for code, name in names.items():
        if len(code) >= 6 and code[2:4] != "00" and code[4:].strip("0") == "" and name not in ("市辖区", "县"):
            seen.setdefault(name, []).append(code)
    out = {}
    for name, codes in seen.items():
        if len(codes) == 1:
            province = names.get(codes[0][:2] + "0" * (len(codes[0]) - 2), "")
            if province and province != name:
                out[name] = province
    return out


def province_of_cities(text: str) -> Optional[str]:
    """The province the prefecture-level cities written in full in ``text`` belong to, when
    most of them (at least two) belong to one: a provincial text that names its cities but
    not itself (我省; 武汉市、襄阳市、荆门市…下降18%).

    Example:
        >>> province_of_cities("其中，武汉市、襄阳市、荆门市下降18%；宜昌市、荆州市下降15%")
        '湖北省'
    """
    parents = _province_of_city()
    found = [parents[name] for name, _ in divisions_in(text) if name in parents]
    if len(found) < 2:
        return None
    best = max(set(found), key=found.count)
    return best if found.count(best) * 2 > len(found) else None
