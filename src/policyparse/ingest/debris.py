"""Scraping debris: what a web page wraps around the document's real text.

Scraped plans often begin with the title several times and a truncated
summary, followed by ``本文内容:`` and the full text; scraped wiki pages end
with a licence footer; news and government pages wrap the document in page
chrome (下载 打印 全屏 收藏 【字号：加大 还原 减小】, breadcrumbs, 来源/时间
lines, photo captions) and end with share buttons and 相关报道. :func:`find` locates such debris (markers are data,
``data/debris.json``) and returns the edits that drop it, with a record of
each drop, so nothing is removed silently.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from importlib import resources

import regex

from . import meta
from .chars import BULLETS
from .offsets import Edits

Found = tuple[str, tuple[int, int], str]

_WINDOW = 30


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The debris markers and limits of ``data/debris.json``."""
    return json.loads(resources.files("policyparse").joinpath("data/debris.json").read_text("utf-8"))


def find(text: str) -> tuple[Edits, list[Found]]:
    """Edits that drop the debris of ``text`` and what each one drops."""
    edits = Edits(text)
    found: list[Found] = []
    start = 0
    foot = _footer(text)
    chrome = [c for c in page_chrome(text) if foot is None or c[1][1] <= foot[0]]
    dup = _truncated_copy(text)
    if dup is not None and any(a < dup[0] < j or a < dup[1] < j for _c, (a, j), _w in chrome):
        dup = None  # a summary that would cut a line of chrome in two is no summary
    if dup is not None:  # the chrome inside the summary's span goes with it
        chrome = [c for c in chrome if not dup[0] <= c[1][0] < dup[1]]
    for _code, (a, j), _what in sorted(chrome + ([("dropped-debris", dup, "")] if dup else []), key=lambda c: c[1]):
        edits.replace(a, j, "")
    found.extend(chrome)
    if dup is not None:
        found.append(("dropped-debris", dup, "a truncated summary and repeated titles before the full text"))
        start = dup[1]
    if chrome:
        # the head's chrome is gone (and a summary after it): the title is not repeated after chrome
        return _with_footer(edits, sorted(found, key=lambda f: f[1]), foot)
    rep = _repeated_title(text, start)
    if rep is not None:
        edits.replace(*rep, "")
        found.append(("dropped-debris", rep, "the title repeated"))
    return _with_footer(edits, found, foot)


def _with_footer(edits: Edits, found: list[Found], foot: tuple[int, int] | None) -> tuple[Edits, list[Found]]:
    if foot is not None:
        edits.replace(*foot, "")
        found.append(("dropped-boilerplate", foot, "page boilerplate after the document (licence note, page tools, related reports)"))
    # a document site's page marks left in the running text (第1页共18页): anywhere, never prose
    taken = [span for _, span, _ in found]
    for m in _page_marks().finditer(edits.text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            edits.replace(m.start(), m.end(), "")
            found.append(("dropped-debris", (m.start(), m.end()), "a page mark of a document site (第1页共18页)"))
    found.sort(key=lambda f: f[1])
    return edits, found


@lru_cache(maxsize=1)
def _page_marks() -> "regex.Pattern[str]":
    return regex.compile(rules()["page_marks"])


@lru_cache(maxsize=1)
def _chrome_rules() -> dict[str, Any]:
    c = dict(rules()["page_chrome"])
    c["lines"] = {_canon(x) for x in c["lines"]}
    c["prefixes"] = tuple(_canon(x) for x in c["prefixes"])
    c["notice_prefixes"] = tuple(_canon(x) for x in c["notice_prefixes"])
    c["label_lines"] = {_canon(x) for x in c["label_lines"]}
    c["breadcrumb_starts"] = {_canon(x) for x in c["breadcrumb_starts"]}
    c["timestamp"] = regex.compile(c["timestamp"])
    c["controls"] = regex.compile(c["controls"])
    c["control_tail"] = regex.compile(c["control_tail"])
    c["counters"] = regex.compile(c["counters"])
    c["captions"] = regex.compile("|".join(f"(?:{x})" for x in c["captions"]))
    c["head_captions"] = regex.compile("|".join(f"(?:{x})" for x in c["head_captions"]))
    c["body_openers"] = regex.compile(c["body_openers"])
    c["subtitle"] = regex.compile(c["subtitle"])
    c["site_name"] = regex.compile(c["site_name"])
    c["watermark"] = regex.compile(c["watermark"])
    # a label, its characters perhaps spaced out (索 引 号), then a colon, a bar or a space
    c["info_row"] = regex.compile("(?:" + "|".join(r"\s*".join(map(regex.escape, w)) for w in c["info_labels"])
                                  + r")\s*(?:[：:|｜]|\s)")
    c["home_starts"] = {s + h for s in c["breadcrumb_starts"] for h in c["home_words"]}
    c["separator_start"] = regex.compile("(?:" + "|".join(regex.escape(s) for s in c["breadcrumb_separators"]) + ")+")
    return c


_SPACES = regex.compile(r"\s+")


def _canon(line: str) -> str:
    """A line as chrome is compared: stripped, colons full-width, spaces of any width removed,
    a list bullet before it too (• 发布时间：…, - 信息来源：…)."""
    line = _DASH_BULLET.sub("", line)
    return _SPACES.sub("", line).replace(":", "：").lstrip(BULLETS)


#: a hyphen set as a list bullet, a space after it (- 信息来源:市政府)
_DASH_BULLET = regex.compile(r"^[ \t\u3000]*[-－][ \t\u3000]+")


def page_chrome(text: str) -> list[Found]:
    """The page chrome of a scraped web page: what the page, not the document, says.

    In the head of the text (the lines before the body opens with an address
    or a numbered heading): menus and font-size controls, breadcrumbs,
    来源/时间 lines with their values, timestamps, and a page headline stacked
    above the document's own title line; anywhere: photo captions and
    credits (…作政府工作报告。本报记者 霍艳恩摄). Each run of adjacent chrome
    lines is one drop; the markers are data (``page_chrome`` in ``data/debris.json``).

    Example:
        >>> t = "下载\\n打印\\n【字号：加大\\n减小】\\n2026年河北省政府工作报告\\n来源：河北日报\\n各位代表：\\n现在……"
        >>> [t[a:b] for _, (a, b), _ in page_chrome(t)]
        ['下载\\n打印\\n【字号：加大\\n减小】\\n', '来源：河北日报\\n']
    """
    c = _chrome_rules()
    lines: list[tuple[int, int, str]] = []  # start, end (after the line break), canonical form
    pos = 0
    for raw in text.splitlines(keepends=True):
        lines.append((pos, pos + len(raw), _canon(raw)))
        pos += len(raw)
    drop: dict[int, str] = {}  # line index -> why
    head_end = min(len(lines), c["head_lines"])
    for i in range(head_end):
        if c["body_openers"].match(lines[i][2]):
            head_end = i
            break
    crumbs = False
    title_like: list[int] = []
    for i in range(head_end):
        ln = lines[i][2]
        if not ln:
            continue
        prev = lines[i - 1][2] if i else ""
        if ln in c["breadcrumb_starts"] or ln in c["home_starts"]:
            crumbs = True  # 当前位置： / 当前位置：首页, its items on the next lines
            drop[i] = "chrome"
        elif crumbs and len(ln) <= c["max_breadcrumb_chars"] and (
                c["separator_start"].match(ln) or ln.endswith(tuple(c["breadcrumb_separators"]))):
            drop[i] = "chrome"  # >> 政务公开 >> 政策文件; 舟山市人力资源和社会保障局> 法定主动公开内容> 规划计划>
        elif len(ln) <= c["max_info_chars"] and c["info_row"].match(text, lines[i][0]):
            # a government site's table of the document's particulars (索引号 …, 发布机构 …), and the
            # site's category above its first row (计划总结)
            drop[i] = "chrome"
            for j in range(i):
                if j not in drop and 0 < len(lines[j][2]) <= c["max_category_chars"] and not regex.search(r"\d", lines[j][2]):
                    drop[j] = "chrome"
            crumbs = False
        elif len(ln) <= c["max_breadcrumb_chars"] and _one_line_crumbs(ln, c):
            # a breadcrumb on one line (当前位置:文档库 › 教育局2020年工作要点), the site's name before it
            # when a wrapped line was joined to it; the short lines above it that are no title are
            # the site's header too (文档库 最新最全的文档下载)
            drop[i] = "chrome"
            for j in range(i):
                if j not in drop and lines[j][2] and len(lines[j][2]) <= c["max_line_chars"] and not _title_like(lines[j][2]):
                    drop[j] = "chrome"
        elif crumbs and (ln == ">" or prev in (">",) or ln == prev or ln in c["lines"]):
            drop[i] = "chrome"
        elif (ln in c["lines"] or c["timestamp"].match(ln) or c["controls"].match(ln) or c["counters"].match(ln)
              or (len(ln) <= c["max_line_chars"] and ln.startswith(c["prefixes"]))
              or (len(ln) <= c["max_caption_chars"] and ln.startswith(c["notice_prefixes"]))):
            drop[i] = "chrome"
            crumbs = False
        elif prev in c["label_lines"] and i - 1 in drop and len(ln) <= c["max_label_value_chars"] and not _title_like(ln):
            drop[i] = "chrome"  # the value of a label line (来源：\n宁夏日报客户端)
        elif not title_like and c["site_name"].match(ln):
            drop[i] = "chrome"  # the site's name above the document (绿色圃中小学教育网)
        else:
            crumbs = False
            if _title_like(ln):
                title_like.append(i)
    # a short line said twice before the document's title line is the site's header (广东南方职业学院-…)
    first_title = min(title_like, default=head_end)
    seen: dict[str, int] = {}
    for i in range(first_title):
        ln = lines[i][2]
        if not ln or i in drop:
            continue
        if len(ln) > c["max_line_chars"]:
            break  # the text has begun: a short line said twice after it is a table's cell (市发改委)
        if ln in seen:
            drop[i] = drop[seen[ln]] = "chrome"
        seen.setdefault(ln, i)
    # a page headline above the document's own title line and its subtitle,
    kept = [i for i in range(head_end) if i not in drop and lines[i][2]]
    # (only amid chrome: a corpus that puts a title line above the document's own keeps it)
    if (len(title_like) >= 2 and kept[:2] == title_like[:2] and len(kept) > 2 and c["subtitle"].match(lines[kept[2]][2])
            and any(title_like[0] < i < title_like[1] for i in drop)):
        drop[title_like[0]] = "headline"
    for i, (a, b, ln) in enumerate(lines):
        if (i not in drop and ln and len(ln) <= c["max_caption_chars"]
                and (c["captions"].search(ln) or c["watermark"].match(ln)
                     or (i < head_end and c["head_captions"].search(ln)))):
            drop[i] = "caption"
    whys = {"chrome": "page chrome (menus, font-size controls, breadcrumbs, 来源/时间 lines)",
            "headline": "the page's headline above the document's own title",
            "caption": "a photo caption or a site's watermark"}
    # a font-size control run on to the end of a line of the head (市教育局2018年工作要点 字号:[ ])
    tails = {}
    for i in range(head_end):
        if i not in drop and lines[i][2]:
            a, b, _ = lines[i]
            m = c["control_tail"].search(text, a, b)
            if m and m.start() > a:
                tails[i] = (m.start(), m.end())
    out: list[Found] = []
    for i in sorted(set(drop) | set(tails)):
        if i in tails:
            out.append(("dropped-debris", tails[i], whys["chrome"]))
            continue
        a, b, _ = lines[i]
        why = whys[drop[i]]
        if out and out[-1][1][1] == a and out[-1][2] == why:
            out[-1] = (out[-1][0], (out[-1][1][0], b), why)
        else:
            out.append(("dropped-debris", (a, b), why))
    return out


def is_chrome_line(line: str) -> bool:
    """Is ``line`` (stripped) a line of page chrome by its opening: a 来源/发布时间/日期 line or a
    breadcrumb, or one that ends with a breadcrumb's separator (…规划计划> 专项规划>), or a
    control's word alone (返回, 开始检索)?
    (:mod:`policyparse.ingest.normalize` never joins one to its neighbour.)

    Example:
        >>> is_chrome_line("日期:2017-01-20  发布人:思政课部"), is_chrome_line("国家教育事业发展“十三五”规划")
        (True, False)
    """
    c = _chrome_rules()
    ln = _canon(line)
    return bool(ln) and len(ln) <= c["max_breadcrumb_chars"] and (
        ln in c["lines"] or ln.startswith(c["prefixes"]) or ln.startswith(tuple(c["breadcrumb_starts"]))
        or ln.endswith(tuple(c["breadcrumb_separators"])))  # 法定主动公开内容> 规划计划> 专项规划>


def _one_line_crumbs(line: str, c: dict[str, Any]) -> bool:
    """Does ``line`` hold a breadcrumb with its items: a breadcrumb start, then a separator (›, >, »)?

    Example:
        >>> c = _chrome_rules()
        >>> _one_line_crumbs("当前位置：文档库›教育局2020年工作要点", c), _one_line_crumbs("当前位置：", c)
        (True, False)
        >>> _one_line_crumbs("首页>政务公开>通知公告", c), _one_line_crumbs("首页>通知公告", c)
        (True, True)
        >>> _one_line_crumbs("收入>支出", c), _one_line_crumbs("增速由5%>3%>2%，回落", c)
        (False, False)
        >>> _one_line_crumbs("首页/ 政府信息公开 / 正文", c), _one_line_crumbs("信息公开 | 政策文件 | 区政府文件 |", c)
        (True, True)
        >>> _one_line_crumbs("序号 | 重点任务 | 牵头单位", c), _one_line_crumbs("| 1 | 教育 |", c)
        (False, False)
    """
    for start in c["breadcrumb_starts"]:
        i = line.find(start)
        if i >= 0 and any(sep in line[i + len(start):] for sep in (*c["breadcrumb_separators"], *c["start_separators"])):
            return True
    # without a start word: the site's home, then short items between separators (首页 > 政务公开 > 通知公告)
    parts = regex.split("(?:" + "|".join(regex.escape(s) for s in c["breadcrumb_separators"]) + ")+", line)
    if (len(parts) >= 3 or (len(parts) == 2 and (parts[0] in c["home_words"] or parts[1] in c["leaf_words"]))) and all(
            0 < len(p) <= c["max_crumb_chars"] and not any(ch in "。；！？，," for ch in p) for p in parts):
        return True
    # a slash or a bar splits a breadcrumb whose items are a site's (首页/ 政务公开 / 正文, 信息公开 | 政策文件 |):
    # it opens at the site's home, ends at a leaf word or with a separator left dangling
    for sep in c["path_separators"]:
        parts = [p.strip() for p in line.split(sep)]
        if len(parts) >= 3 and all(len(p) <= c["max_crumb_chars"] and not any(ch in "。；！？，," for ch in p) for p in parts) \
                and (parts[0] in c["home_words"] or parts[-1] in c["leaf_words"] or parts[-1] == "") \
                and not line.lstrip().startswith(sep) and sum(1 for p in parts if p) >= 2:
            return True
    return False


def _title_like(line: str) -> bool:
    """A short line without sentence punctuation that ends with a document type (政府工作报告)."""
    return len(line) <= 60 and meta._ends_with_doc_type(line) and not any(ch in "。；！？，," for ch in line)


def _truncated_copy(text: str) -> tuple[int, int] | None:
    """``(a, j)``: text[a:j] is debris because the head repeats, truncated, what
    starts again in full at ``j``.

    The comparison ignores white space: a page's summary runs the lines of the
    text it copies into one (安徽省人民政府关于实施《…》的意见(皖政[2001]85号)各市、县人民政府:…
    over the title's two lines, the document number's line and the address's).
    """
    r = rules()
    flat = "".join(_NON_SPACE.findall(text))  # the text without white space (as _unsqueezed counts it)
    head = min(len(flat) // 2, r["max_summary_start"])
    min_rep = r["min_repeat_chars"]
    title = meta.find_title(text)
    titled = "".join(_NON_SPACE.findall(text, title[0], title[1])) if title else ""
    i = 0
    while i < head:
        w = flat[i : i + _WINDOW]
        if len(w) < _WINDOW:
            break
        j = flat.find(w, i + _WINDOW, min(len(flat), i + 40000))
        if j < 0:
            i += 1
            continue
        k = _common_prefix(flat, i, j)
        truncated = i + k <= j and i + k < len(flat) and j + k < len(flat)
        marker = any(m in flat[i + k : j] for m in r["body_markers"])
        short = k <= r["max_summary_chars"]
        # a summary of 80 characters or more that is followed by the text's marker (本文内容:), or
        # twice as long, or that opens with the title as the full text does
        retitled = len(titled) >= 6 and flat.startswith(titled, i) and flat.startswith(titled, j)
        if truncated and short and k >= min_rep and (marker or k >= 2 * min_rep or retitled) and j <= len(flat) // 2:
            start = _unsqueezed(text, j)
            while start < len(text) and text[start] in " \t\n:：,，。":
                start += 1  # the copy starts at a word, not at the punctuation before it
            a = 0  # the full text opens with the title (on one line or several): the head goes whole
            if title and not "".join(_NON_SPACE.findall(text, start, start + 3 * len(titled))).startswith(titled):
                a = title[1]
            return (a, start)
        i += max(1, k // 2) if k >= _WINDOW else 1
    return None


def _unsqueezed(text: str, j: int) -> int:
    """Where the ``j``-th character that is not white space stands in ``text``.

    Example:
        >>> _unsqueezed("一 二\\n三", 2)
        4
    """
    seen = 0
    for m in _NON_SPACE.finditer(text):
        if seen + len(m.group()) > j:
            return m.start() + j - seen
        seen += len(m.group())
    return len(text)


_NON_SPACE = regex.compile(r"\S+")


def _common_prefix(text: str, i: int, j: int) -> int:
    n, limit, step = 0, len(text) - j, 64
    while n < limit and text[i + n : i + n + step] == text[j + n : j + n + step]:
        n += step  # whole chunks first, for speed
    n = min(n, limit)
    while n < limit and text[i + n] == text[j + n]:
        n += 1
    return n


def _repeated_title(text: str, start: int) -> tuple[int, int] | None:
    """A title repeated right after itself (``T T body``, ``T\\nT\\n``)."""
    title = meta.find_title(text[start:])
    if not title:
        return None
    t = text[start + title[0] : start + title[1]]
    copies = t.split()
    if len(copies) > 1 and len(set(copies)) == 1:
        # the title line itself is the title repeated: "T T T"
        t = copies[0]
        title = (title[0], title[0] + len(t))
    if len(t) < 6:
        return None
    pos = start + title[1]
    end = pos
    while True:
        p = end
        while p < len(text) and text[p] in " \t\n:：":
            p += 1
        if text.startswith(t, p):
            end = p + len(t)
        else:
            break
    return (start + title[1], end) if end > pos else None


def _footer(text: str) -> tuple[int, int] | None:
    r = rules()
    zone = max(int(len(text) * (1 - r["footer_zone"])), len(text) - r["max_footer_chars"])
    best = None
    for m in r["footer_markers"]:
        i = text.find(m, zone)
        if i >= 0 and (best is None or i < best):
            best = i
    if best is None:
        return None
    line_start = text.rfind("\n", 0, best) + 1
    if best - line_start > 40:
        line_start = best  # no line of its own (text without line breaks)
    s = line_start
    while s > 0 and text[s - 1].isspace():
        s -= 1
    return (s, len(text))
