"""Indicator tables: the 主要指标 tables of five-year and implementation plans.

A plan's table of indicators (指标 | 2020年 | 2025年 | 属性) reaches the text in one of
two layouts: a row per line with tab-separated cells (how the docx and HTML readers
write a table), or, in text copied from a web page, one cell per line. Neither is
prose: read as a sentence, a row gives its values the wrong indicator (…\\t约束性) and
no deadline, and its baseline looks like a target. This module reads the table
instead. Each value cell is a quantity whose indicator is its row's label, whose kind
and deadline come from its column's header (2020年 a baseline; 2025年 a target for
2025; 年均增长 a target over the period) and whose commitment comes from the row's
属性 cell (约束性 binding, 预期性 expected). Header words are data
(``data/tables.json``).

Only what the table states is read: a row whose cells do not line up with the header
(a merged cell, a missing one) gives nothing rather than a guess, and its numbers are
left to the sentence reader.

Implementation plans also divide their work in a table (任务分工表: 序号 | 重点任务 |
牵头单位 | 配合单位 | 完成时限). :func:`find_task_tables` reads its rows: the cells
whose tasks the row states, the units each responsibility column makes lead or support
(as the annotations of :mod:`policyparse.extract.duties` do in prose), and the year of
its time limit.

Example:
    >>> t = "指标\\t2020年\\t2025年\\t属性\\n学前教育毛入园率（%）\\t88\\t90以上\\t预期性\\n"
    >>> [(q.kind, q.indicator, q.comparator, q.value, q.unit, q.deadline, q.commitment)
    ...  for q in find_table_quantities(t, year=2021)]
    [('baseline', '学前教育毛入园率', '=', 88, '%', None, None), ('target', '学前教育毛入园率', '>=', 90, '%', 2025, 'expected')]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Optional, TypeVar, cast

import regex

from ..data import alternation, load_json
from ..model import Commitment, Comparator, Measure, Quantity, QuantityKind
from .duties import Duty, bodies_in, duty_role
from .numbers import as_number
from .quantities import lexicon as quantity_lexicon, magnitude

Span = tuple[int, int]
T = TypeVar("T")


def lexicon() -> dict:
    """The header words of ``data/tables.json``."""
    return load_json("tables.json")


@dataclass(frozen=True)
class Column:
    """A column of an indicator table: its role (label, year, growth, attribute, unit,
    sequence, category); for a year column its year, whether its header says it holds
    targets or baselines (``said``: 2025年目标值, 2020年基期值; None when it names only the
    year) and whether it holds targets (``target``, decided with the plan's year)."""

    role: str
    year: Optional[int] = None
    said: Optional[bool] = None
    target: bool = False
    header: str = ""


@dataclass(frozen=True)
class Table:
    """A table found in the text: its span and its quantities."""

    span: Span
    quantities: list[Quantity]


_SPACES = regex.compile(r"[\s\u3000]+")
_YEAR_HEAD = regex.compile(r"((?:19|20)\d{2})年?(?:底|末)?[(（]?(?P<rest>[^)）]{0,6})[)）]?")
#: a unit written after the label: 学前教育毛入园率（%）, 城镇新增就业(万人)
_LABEL_UNIT = regex.compile(r"[(（](?P<unit>[^()（）]{1,6})[)）]\s*[*＊★☆]?$")
_NUMBERING = regex.compile(r"^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[(（][一二三四五六七八九十]{1,3}[)）]|[①-⑳]|"
                           r"[一二三四五六七八九十]{1,3}[、.．])\s*")
#: a value cell: 90, 90%, 90以上, ≥90, >5, 〔13.5〕 (a five-year total, as the national plans mark it), 5-6, 约3000
_VALUE = regex.compile(
    r"(?P<open>[〔\[［【(（])?\s*(?P<pre>>=|<=|[<>≤≥＜＞≦≧]|不低于|不高于|不少于|不超过|低于|高于|超过|大于|小于|约)?\s*"
    r"(?P<n1>[-−+]?\d[\d,]*(?:\.\d+)?)(?:\s*(?P<dash>[-~～—至－])\s*(?P<n2>\d[\d,]*(?:\.\d+)?))?\s*"
    r"(?P<unit>%|‰|个百分点|[^\d\s<>≤≥＜＞〔〕\[\]［］【】()（）以左上下内约%‰*＊]{1,4})?\s*"
    r"[*＊]?\s*(?P<suf>以上|以下|以内|左右|及以上|及以下)?\s*(?P<close>[〕\]］】)）])?")
_PREFIX = {">=": ">=", "≥": ">=", "≧": ">=", "不低于": ">=", "不少于": ">=", "<=": "<=", "≤": "<=", "≦": "<=",
           "不高于": "<=", "不超过": "<=", ">": ">", "＞": ">", "高于": ">", "超过": ">", "大于": ">",
           "<": "<", "＜": "<", "低于": "<", "小于": "<", "约": "~"}
_SUFFIX = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<=", "左右": "~"}
#: a table's row or a group line inside it is short; longer is prose, and the table has ended
_ROW_CHARS = 120
_GROUP_CHARS = 30
#: the characters of a label column's header, spaced or not (指  标): a text without them has no table
_LABEL_GATE = regex.compile(r"指\s*标|项\s*目|名\s*称")
#: a header word of a task table's columns of responsible units: a text without one has none
_TASK_GATE = regex.compile(r"单\s*位|部\s*门|处\s*室|科\s*室")
#: a cell of the rule under a Markdown table's header (---, :--:)
_RULE_CELL = regex.compile(r":?-{2,}:?")
#: how many cells a header written one per line may have
_HEADER_CELLS = 10


def _header_lines(text: str, lines: list[Span], i: int, read: Callable[[str], Optional[T]]) -> tuple[list[T], int]:
    """A header written one cell per line from line ``i`` (blank lines skipped): what ``read`` makes
    of each cell, up to the first line it makes nothing of, and the line where that stopped."""
    cells: list[T] = []
    while i < len(lines) and len(cells) < _HEADER_CELLS:
        s, e = _strip(text, *lines[i])
        if e > s:
            cell = read(text[s:e])
            if cell is None:
                break
            cells.append(cell)
        i += 1
    return cells, i


def _lines(text: str) -> list[Span]:
    """The lines of ``text`` as spans, without their line breaks."""
    out, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        out.append((start, end))
        start = end + 1
    return out


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s] in " \t\u3000\u00a0":
        s += 1
    while e > s and text[e - 1] in " \t\u3000\u00a0":
        e -= 1
    return s, e


def _column(cell: str) -> Optional[Column]:
    """The column a header cell names, or None when it is not a header cell."""
    lex = lexicon()
    word = _SPACES.sub("", cell)
    if not word:
        return None
    for role in ("label", "sequence", "category", "unit", "attribute"):
        if word in lex[role]:
            return Column(role, header=word)
    if any(g in word for g in lex["growth"]) and len(word) <= 12:  # 年均增长（%）, 年均/累计
        return Column("growth", header=word)
    m = _YEAR_HEAD.fullmatch(word)
    if m:
        rest = m.group("rest")
        target = any(w in rest for w in lex["target_words"])
        baseline = any(w in rest for w in lex["baseline_words"])
        if rest and not (target or baseline) and not _LABEL_UNIT.fullmatch("(" + rest + ")"):
            return None  # 2020年以来, 2025年前: not a column of values
        said = (target and not baseline) if (target or baseline) else None
        return Column("year", year=int(m.group(1)), said=said)
    return None


def _header(columns: list[Optional[Column]]) -> Optional[list[Column]]:
    """The columns of a header row: every cell a header cell, a label and a year among them."""
    if not columns or any(c is None for c in columns):
        return None
    cols = cast(list[Column], columns)
    roles = [c.role for c in cols]
    if "label" not in roles or "year" not in roles or roles.count("label") > 1:
        return None
    return cols


def _decide_years(cols: list[Column], year: Optional[int]) -> list[Column]:
    """Which year columns hold targets: those their header says (2025年目标值, not 2020年基期值);
    else, of several year columns, all but the first (2020年 | 2025年 | 2035年: a baseline, then
    targets); a lone year column holds targets unless its year is before the plan's."""
    years = [c for c in cols if c.role == "year"]
    out = []
    for c in cols:
        if c.role == "year":
            if c.said is not None:
                target = c.said
            elif len(years) > 1:
                target = c is not years[0] or years[0].year != min(x.year or 0 for x in years)
            else:
                target = year is None or (c.year or 0) >= year
            c = Column("year", year=c.year, said=c.said, target=target, header=c.header)
        out.append(c)
    return out


def _value(text: str, s: int, e: int) -> Optional["regex.Match[str]"]:
    return _VALUE.fullmatch(text, s, e) if e > s else None


_CELL_NOTE = regex.compile(r"[、，,；;]")


def _leading_value(text: str, s: int, e: int) -> Optional["regex.Match[str]"]:
    """The value of a cell, or the value that opens a cell with a note after it
    (>7、力争投入强度高于“十三五”时期实际: >7)."""
    v = _value(text, s, e)
    if v is None:
        sep = _CELL_NOTE.search(text, s, e)
        if sep and sep.start() > s:
            v = _value(text, s, sep.start())
    return v


def _is_value_cell(text: str, s: int, e: int) -> bool:
    cell = text[s:e]
    lex = lexicon()
    return bool(_value(text, s, e)) or cell in lex["no_value"] or cell in lex["attribute_values"]


@dataclass
class _Row:
    label: Span
    cells: list[tuple[Column, Span]]
    span: Span
    group: Optional[Span] = None  # the main label of a row with sub-rows (其中：小学)


def _quantities(text: str, row: _Row, cols: list[Column]) -> Iterator[Quantity]:
    lex = lexicon()
    ls, le = row.label
    label = text[ls:le]
    label_unit = None
    m = _LABEL_UNIT.search(label)
    if m:
        label_unit = m.group("unit").strip()
        le = ls + m.start()
    n = _NUMBERING.match(label)
    if n:
        ls += n.end()
    for mark in lex["sub_label_marks"]:
        if text.startswith(mark, ls):
            ls += len(mark)
            break
    ls, le = _strip(text, ls, le)
    if le <= ls:
        return
    indicator, ind_span = text[ls:le], (ls, le)
    if row.group is not None:
        gs, ge = row.group
        g = text[gs:ge]
        gm = _LABEL_UNIT.search(g)
        label_unit = label_unit or (gm.group("unit").strip() if gm else None)
        gn = _NUMBERING.match(g)
        head = g[gn.end() if gn else 0: gm.start() if gm else len(g)].strip()
        indicator, ind_span = f"{head}（{indicator}）", None
    commitment = None
    unit_cell = None
    for col, (cs, ce) in row.cells:
        if col.role == "attribute":
            commitment = lex["attribute_values"].get(_SPACES.sub("", text[cs:ce]))
        elif col.role == "unit" and ce > cs:
            unit_cell = text[cs:ce]
    deadline = max((c.year or 0 for c in cols if c.role == "year" and c.target), default=0) or None
    change_verbs = quantity_lexicon()["change_verbs"]
    for col, (cs, ce) in row.cells:
        if col.role not in ("year", "growth"):
            continue
        v = _leading_value(text, cs, ce)
        if v is None:
            continue
        cs, ce = v.span()
        unit = v.group("unit") or unit_cell or label_unit
        if unit in ("%", "％"):
            unit = "%"
        v1 = float(v.group("n1").replace(",", "").replace("−", "-"))
        v2 = float(v.group("n2").replace(",", "")) if v.group("n2") else None
        if v2 is not None and v2 < v1:
            v1, v2 = v2, v1
        comparator = "range" if v2 is not None else (
            _SUFFIX.get(v.group("suf") or "") or _PREFIX.get(v.group("pre") or "") or "=")
        target = col.role == "growth" or col.target
        kind = "target" if target else "baseline"
        factor, base_unit = magnitude(unit) if unit else (1.0, None)
        if unit in ("%", "‰", "个百分点", "百分点"):
            factor, base_unit = 1.0, unit
        # a growth column names the change when the label does not (研发经费投入 + 年均增长); a header
        # of two (年均/累计) leaves it to the label (单位GDP能源消耗降低)
        grows = col.role == "growth" and not any(indicator.endswith(w) for w in change_verbs) \
            and col.header in lex["growth"]
        name = indicator + col.header if grows else indicator
        if col.role == "growth" or v.group("open") or any(indicator.endswith(w) for w in change_verbs):
            measure = "change"  # 年均增长; 〔13.5〕, a five-year total of a change (能耗降低)
        elif unit in ("%", "‰"):
            measure = "rate"
        else:
            measure = "level"
        yield Quantity(
            id="", node="", task=None, kind=cast(QuantityKind, kind), indicator=name,
            comparator=cast(Comparator, comparator), value=as_number(v1),
            value_max=as_number(v2) if v2 is not None else None, unit=unit,
            base_value=as_number(v1 * factor), base_unit=base_unit, measure=cast(Measure, measure),
            commitment=cast(Optional[Commitment], commitment) if target else None,
            deadline=(col.year if col.role == "year" else deadline) if target else None,
            text=text[row.span[0]:row.span[1]], span=(cs, ce), surface=text[cs:ce],
            indicator_span=None if grows else ind_span, clause_span=row.span,
        )


_GAP = regex.compile(r"[ \u3000]+")


def _split(text: str, s: int, e: int, sep: str) -> list[Span]:
    """The cell spans of the line ``text[s:e]``, its cells separated by tabs (``sep`` a tab), by
    bars (``sep`` a bar: a page turned into text or Markdown) or by runs of spaces (``sep`` a
    space: a table of a PDF's text layer)."""
    if sep in ("\t", "|"):
        cells, pos = [], s
        for piece in text[s:e].split(sep):
            cells.append(_strip(text, pos, pos + len(piece)))
            pos += len(piece) + 1
        if sep == "|":  # | a | b |: the bars that open and close the row hold no cell
            while cells and cells[0][0] == cells[0][1]:
                cells.pop(0)
            while cells and cells[-1][0] == cells[-1][1]:
                cells.pop()
        return cells
    s, e = _strip(text, s, e)
    cells, pos = [], s
    for m in _GAP.finditer(text, s, e):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, e))
    return cells


def _aligned(roles: list[str], cells: list[Span]) -> Optional[list[int]]:
    """The indices of the columns (by role) that a row's cells fill: all of them, or all
    but the first few when the row leaves out its number or a category cell merged over
    several rows (序号, 类别); None when the cells do not line up."""
    skip = 0
    while len(roles) - skip > len(cells) and roles[skip] in ("sequence", "category"):
        skip += 1
    return list(range(skip, len(roles))) if len(roles) - skip == len(cells) else None


def _tab_rows(text: str, lines: list[Span], i: int, cols: list[Column], sep: str = "\t") -> tuple[list[_Row], int]:
    """Rows of a table written a row per line, its cells separated by ``sep`` (a tab, or
    a space for runs of spaces), from line ``i``; the rows and the line where the table ends."""
    rows: list[_Row] = []
    last = i - 1
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if not line.strip():
            i += 1
            continue
        if sep not in line.strip():
            if len(line.strip()) <= _GROUP_CHARS and "。" not in line:  # a group line: 一、发展水平
                i += 1
                continue
            break
        if len(line) > _ROW_CHARS * 2:
            break
        cells = _split(text, s, e, sep)
        at = _aligned([c.role for c in cols], cells)
        if at is not None:
            use = [cols[k] for k in at]
            label = next((c for col, c in zip(use, cells) if col.role == "label"), None)
            if label and label[1] > label[0] and not _is_value_cell(text, *label):
                rows.append(_Row(label, list(zip(use, cells)), (s, e)))
        last = i
        i += 1
    return rows, last + 1


def _cell_rows(text: str, lines: list[Span], i: int, cols: list[Column]) -> tuple[list[_Row], int]:
    """Rows of a table written one cell per line (a page's table copied as text), from line
    ``i``: a label line (or a label and its sub-labels) and then one value line per data
    column; the rows and the line where the table ends."""
    data = [c for c in cols if c.role not in ("label", "sequence", "category")]
    values = [c for c in data if c.role in ("year", "growth")]
    shared = [c for c in data if c.role not in ("year", "growth")]
    rows: list[_Row] = []
    labels: list[Span] = []
    cells: list[Span] = []
    end = i

    def close() -> None:
        """Make the rows of the labels and value cells read since the last row (none when
        they do not line up with the header)."""
        if not labels:
            return
        marks = tuple(lexicon()["sub_label_marks"])
        sub = next((k for k, ls in enumerate(labels) if k and text.startswith(marks, ls[0])), None)
        if sub is None:
            # one row; labels before its own are group lines (一、发展水平)
            if len(cells) == len(data):
                label = labels[-1]
                rows.append(_Row(label, list(zip(data, cells)), (label[0], cells[-1][1])))
            return
        # a row with sub-rows (幼儿教师学历比例 / 其中：本科…; 班额比例 / 其中：小学 / 初中): the values
        # come column by column, one per sub-row; the main label is a row of its own or only their group
        main = labels[sub - 1]
        for subs in (labels[sub - 1:], labels[sub:]):
            if len(cells) == len(subs) * len(values) + len(shared):
                span = (main[0], cells[-1][1])
                for j, label in enumerate(subs):
                    row_cells = [(c, cells[ci * len(subs) + j]) for ci, c in enumerate(values)]
                    row_cells += [(c, cells[len(values) * len(subs) + si]) for si, c in enumerate(shared)]
                    rows.append(_Row(label, row_cells, span, None if label == main else main))
                return

    while i < len(lines):
        s, e = _strip(text, *lines[i])
        if e == s:
            i += 1
            continue
        if _is_value_cell(text, s, e):
            if not labels:
                if _value(text, s, e) and text[s:e].isdigit() and i + 1 < len(lines):
                    i += 1  # a row's number (序号) before its label
                    continue
                break
            cells.append((s, e))
        else:
            line = text[s:e]
            if len(line) > _GROUP_CHARS * 2 or "。" in line or "，" in line:
                break  # prose: the table has ended
            if cells:
                close()  # a row whose cells do not line up (a text cell: 保持在合理区间) gives nothing
                labels, cells = [], []
            labels.append((s, e))
        end = i + 1
        i += 1
    if labels and cells:
        close()
    return rows, end


def find_tables(text: str, year: Optional[int] = None) -> list[Table]:
    """The indicator tables of a normalised text, with their quantities, in text order.

    ``year`` is the plan's year: a lone year column holds targets unless its year is
    before the plan's; of several, the first holds baselines and the others targets
    (2020年 | 2025年), unless the header says which (2024年完成值 | 2025年目标值).
    """
    if not _LABEL_GATE.search(text):
        return []
    label_head = regex.compile(alternation(lexicon()["label"]))
    lines = _lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if len(line) > _ROW_CHARS or not _LABEL_GATE.search(line) or not label_head.search(_SPACES.sub("", line)):
            i += 1
            continue
        rows: list[_Row] = []
        cols = None
        start = s
        spaced = "\t" not in line and " " in line.strip()
        if "\t" in line or spaced:
            sep = " " if spaced else "\t"
            cols = _header([_column(text[a:b]) for a, b in _split(text, s, e, sep)])
            if cols:
                rows, j = _tab_rows(text, lines, i + 1, _decide_years(cols, year), sep)
        if not cols and not ("\t" in line):
            # a header written one cell per line: 序号? 类别? 指标 2020年 2025年 属性
            first = i
            while first > 0 and i - first < 2:
                ps, pe = _strip(text, *lines[first - 1])
                c = _column(text[ps:pe]) if pe > ps else None
                if c is None or c.role not in ("sequence", "category"):
                    break
                first -= 1
            head, j = _header_lines(text, lines, first, _column)
            cols = _header(head)
            if cols:
                start = lines[first][0]
                rows, j = _cell_rows(text, lines, j, _decide_years(cols, year))
        if cols and rows:
            found = [q for row in rows for q in _quantities(text, row, _decide_years(cols, year))]
            if found:
                tables.append(Table((start, max(r.span[1] for r in rows)), found))
            i = max(j, i + 1)
        else:
            i += 1
    return tables


def find_table_quantities(text: str, year: Optional[int] = None) -> Iterator[Quantity]:
    """The quantities of every indicator table of ``text`` (see :func:`find_tables`)."""
    for table in find_tables(text, year):
        yield from table.quantities


# --- task tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    """A row of a task table: its span, the spans of its task cells, the units its
    responsibility cells name (as :class:`~policyparse.extract.duties.Duty`, one per
    cell) and the year of its time limit (完成时限 2025年底 → 2025)."""

    span: Span
    task_cells: tuple[Span, ...]
    duties: tuple[Duty, ...]
    deadline: Optional[int]
    #: cells of a progress column (进展情况): what was done, results and no tasks
    progress_cells: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TaskTable:
    """A task table: its span (header included) and its rows."""

    span: Span
    rows: tuple[TaskRow, ...]


_DEADLINE_YEAR = regex.compile(r"((?:19|20)\d{2})年")


def _task_column(cell: str) -> Optional[str]:
    """The role of a task table's header cell: task, a duty role (lead, support), deadline,
    sequence or category; None when it is none of these."""
    lex = lexicon()
    word = _SPACES.sub("", cell)
    if word in lex["task"]:
        return "task"
    role = duty_role(word)
    if role:
        return role
    for name in ("deadline", "sequence", "category", "progress", "other"):
        if word in lex[name]:
            return name
    return None


def _task_row(text: str, span: Span, cols: list[str], cells: list[Span]) -> Optional[TaskRow]:
    """The row whose cells (one per column of ``cols``) are ``cells``, if it states a task."""
    tasks = tuple(c for role, c in zip(cols, cells) if role == "task" and c[1] > c[0])
    duties = tuple(Duty(c, role, bodies) for role, c in zip(cols, cells)
                   if role in ("lead", "support") and (bodies := bodies_in(text, *c)))
    when = next((text[c[0]:c[1]] for role, c in zip(cols, cells) if role == "deadline"), "")
    years = [int(y) for y in _DEADLINE_YEAR.findall(when)]
    progress = tuple(c for role, c in zip(cols, cells) if role == "progress" and c[1] > c[0])
    return TaskRow(span, tasks, duties, max(years) if years else None, progress) if tasks else None


def _is_task_header(cols: list[Optional[str]]) -> bool:
    return bool(cols) and None not in cols and "task" in cols and bool({"lead", "support"} & set(cols))


def _cell_task_table(text: str, lines: list[Span], i: int) -> tuple[Optional[TaskTable], int]:
    """A task table copied from a web page one cell per line, if its header starts at line ``i``:
    the header's cells (one per line), then rows each opening with its number (1, 2 …) and
    holding one cell per column; the table and the line after it. A row whose cells do not
    line up with the header (a dropped empty cell) gives nothing rather than a guess."""
    cells, k = _header_lines(text, lines, i, _task_column)
    if not _is_task_header(cells) or cells[0] != "sequence":
        return None, i + 1
    header = lines[i][0]
    rows: list[TaskRow] = []
    number = 1
    while k < len(lines):
        s, e = _strip(text, *lines[k])
        if e == s:
            k += 1
            continue
        if text[s:e] != str(number):
            break  # the next row's number is not there: the table has ended
        row_cells: list[Span] = [(s, e)]
        j = k + 1
        while j < len(lines) and len(row_cells) < len(cells):
            cs, ce = _strip(text, *lines[j])
            if ce > cs:
                if text[cs:ce] == str(number + 1):
                    break  # the next row opens: this one lacks a cell
                row_cells.append((cs, ce))
            j += 1
        if len(row_cells) == len(cells):
            row = _task_row(text, (s, row_cells[-1][1]), cells, row_cells)
            if row is not None:
                rows.append(row)
        number += 1
        k = j
    if not rows:
        return None, i + 1
    return TaskTable((header, rows[-1].span[1]), tuple(rows)), k


def find_task_tables(text: str) -> list[TaskTable]:
    """The task tables of a normalised text, in text order.

    A task table is a header row of tab-separated cells (what the docx and HTML readers
    write) with a task column and a column of responsible units, then rows of as many
    cells (a row may leave out its number or a merged category cell).

    Example:
        >>> t = "序号\\t重点任务\\t牵头单位\\t配合单位\\t完成时限\\n1\\t新建幼儿园10所\\t市教育局\\t市财政局、各区政府\\t2025年底\\n"
        >>> row = find_task_tables(t)[0].rows[0]
        >>> t[slice(*row.task_cells[0])], [(d.role, [m.name for m in d.bodies]) for d in row.duties], row.deadline
        ('新建幼儿园10所', [('lead', ['市教育局']), ('support', ['市财政局', '各区政府'])], 2025)
    """
    if not _TASK_GATE.search(text):
        return []
    lines = _lines(text)
    out: list[TaskTable] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        header = s
        rows: list[TaskRow] = []
        sep = "\t" if "\t" in line else "|" if line.count("|") >= 3 else ""
        if not sep:
            if e - s <= _GROUP_CHARS and _task_column(line) == "sequence":  # a header one cell per line
                table, i = _cell_task_table(text, lines, i)
                if table is not None:
                    out.append(table)
            else:
                i += 1
            continue
        cols = [_task_column(text[a:b]) for a, b in _split(text, s, e, sep)] if len(line) <= _ROW_CHARS else []
        if not _is_task_header(cols):
            i += 1
            continue
        i += 1
        while i < len(lines):
            s, e = lines[i]
            line = text[s:e]
            if sep not in line:
                if line.strip() and (len(line.strip()) > _GROUP_CHARS or "。" in line):
                    break  # prose: the table has ended
                i += 1  # a group line (一、学前教育) or a blank one
                continue
            cells = _split(text, s, e, sep)
            if sep == "|" and all(_RULE_CELL.fullmatch(text, a, b) for a, b in cells):
                i += 1  # |---|---|: the rule under a Markdown header
                continue
            at = _aligned(cols, cells)
            if at is not None and at[0] > 0 and cols[0] == "sequence" and cells and text[cells[0][0]:cells[0][1]].isdigit():
                at = None  # the row has its number, so a cell is missing elsewhere (a row cut short): no guess
            if at is not None:
                row = _task_row(text, (s, e), [cols[k] for k in at], cells)
                if row is not None:
                    rows.append(row)
            i += 1
        if rows:
            out.append(TaskTable((header, rows[-1].span[1]), tuple(rows)))
    return out
