"""Targets across many plans as one long table (a panel), with what was achieved.

:func:`panel` puts every target of every plan in one pandas DataFrame, one
row per target per plan, with the indicator made comparable across years
(:func:`policyparse.extract.indicators.canonical`; a change over a named base,
比2002年增长, is a series of its own: 国内生产总值增长（比2002年）, see
:func:`policyparse.extract.indicators.series_name`), so that a researcher can follow
a target over decades::

    import policyparse
    df = policyparse.panel(sorted(Path("../shared/corpora/gwr").glob("*.txt")))
    df[df.indicator == "国内生产总值增长"][["year", "comparator", "value", "achieved", "met"]]

One target per indicator per plan: a target restated elsewhere in the plan
(提出国内生产总值增长8%左右 after the headline 国内生产总值增长8%左右) is one
row, the headline statement when there is one, with the ids of the others in
``restatements``. A target set for a later year (到2025年) is its own row.

``achieved`` is the result a later plan reports for the target's own year: a
Government Work Report of year Y+1 reviews year Y, so year Y's result is read
from the plan of year Y+1, from a quantity of kind ``achieved`` with the same
canonical indicator and unit dimension that covers one year (a five-year
total, a yearly average, a cumulative figure never counts; see
:func:`covers_one_year`). A target with a later deadline is compared only with
a result for its deadline year, read from the plan of the year after.

``met`` is decided for every comparator (:func:`met`) from the direction of
the indicator (more is better, or a ceiling: ``data/panel.json``); where it
cannot be, ``met_note`` says why.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Literal, Optional, Union

from ..data import load_json
from ..extract.indicators import canonical, series_name
from ..model import Plan, Quantity
from .targets import headline_targets

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The columns of :func:`panel`, in order.
COLUMNS: tuple[str, ...] = (
    "year", "indicator", "indicator_text", "kind", "comparator", "value", "value_max", "unit",
    "commitment", "deadline", "headline", "restatements", "source", "id", "span", "achieved", "achieved_text",
    "achieved_source", "achieved_span", "direction", "met", "met_note",
)

Direction = Literal["higher", "ceiling"]


def _rules() -> dict[str, Any]:
    return load_json("panel.json")


def direction(indicator: Optional[str]) -> Optional[Direction]:
    """Whether more is better (``higher``) or the target is a ceiling (``ceiling``), from ``data/panel.json``.

    Example:
        >>> direction("国内生产总值增长"), direction("城镇调查失业率"), direction("单位国内生产总值能耗下降"), direction("粮食播种面积")
        ('higher', 'ceiling', 'higher', None)
    """
    if not indicator:
        return None
    return next((d for word, d in _rules()["directions"] if word in indicator), None)


def met(comparator: str, value: float, value_max: Optional[float], achieved: Optional[float],
        way: Optional[Direction], *, unit: Optional[str] = None,
        tolerance: Optional[float] = None) -> tuple[Optional[bool], Optional[str]]:
    """Whether a result meets a target, and when that cannot be decided, why.

    ``>=``, ``>``, ``<=`` and ``<`` compare as written. The others need the
    indicator's direction (``way``): an exact (``=``) or approximate (``~``)
    target is met when the result is no more than ``tolerance`` percentage
    points on the wrong side of it (below for ``higher``, above for a
    ``ceiling``; the default from ``data/panel.json`` is 0.1 for targets in %
    or 个百分点, 0 for other units); a ``range`` is met above its lower bound
    (``higher``) or below its upper one (``ceiling``).

    Example:
        >>> met("~", 5.5, None, 3.0, "higher"), met("=", 900, None, 1184, "higher", unit="万人")
        ((False, None), (True, None))
        >>> met("~", 7, None, 6.9, "higher", unit="%"), met("~", 3, None, 3.3, "ceiling", unit="%")
        ((True, None), (False, None))
        >>> met("~", 3, None, 2.0, None)
        (None, 'the direction of the indicator is unknown (data/panel.json)')
    """
    if achieved is None or achieved != achieved:  # NaN
        return None, "no result for the target's year"
    if comparator in (">=", ">"):
        return (achieved >= value if comparator == ">=" else achieved > value), None
    if comparator in ("<=", "<"):
        return (achieved <= value if comparator == "<=" else achieved < value), None
    if way is None:
        if comparator == "range" and value_max is not None and value <= achieved <= value_max:
            return True, None
        return None, "the direction of the indicator is unknown (data/panel.json)"
    if comparator == "range" and value_max is not None:
        return (achieved >= value if way == "higher" else achieved <= value_max), None
    if comparator in ("=", "~"):
        if tolerance is None:
            tolerance = float(_rules()["tolerance_points"]) if unit in ("%", "个百分点") else 0.0
        return (achieved >= value - tolerance if way == "higher" else achieved <= value + tolerance), None
    return None, f"comparator {comparator!r} cannot be decided"


def covers_one_year(plan: Plan, q: Quantity, year: Optional[int] = None) -> bool:
    """Whether a reported result is one year's, not a total or average over several.

    The nearest period marker before the quantity decides (``data/panel.json``;
    ``year``, when given, is an annual marker too: 刚刚过去的2017年): first in
    its paragraph, then in the headings above it (过去五年工作回顾). No marker
    at all counts as one year.

    Example:
        >>> import policyparse
        >>> p = policyparse.parse("一、过去五年工作回顾\\n这五年，城镇新增就业6600万人。\\n过去一年，城镇新增就业1351万人。")
        >>> [covers_one_year(p, q) for q in p.quantities]
        [False, True]
    """
    rules = _rules()
    annual = [*rules["annual_markers"], *([f"{year}年"] if year is not None else [])]
    node = plan.node(q.node)
    chain = [node]
    while chain[-1].parent is not None:
        chain.append(plan.node(chain[-1].parent))
    paragraph = next((n for n in chain if n.kind in ("paragraph", "enumeration") or n.heading is not None), node)
    before = [plan.text[paragraph.span[0]:q.span[0]]] + [n.heading or "" for n in chain if n.heading is not None]
    for text in before:
        found = [(text.rfind(w), False) for w in rules["multi_year_markers"] if w in text]
        found += [(text.rfind(w), True) for w in annual if w in text]
        if found:
            return max(found)[1]
    return True


def _dimension(q: Quantity) -> Optional[str]:
    return q.base_unit if q.base_unit is not None else q.unit


def _achieved_index(plan: Plan) -> dict[tuple[Optional[str], Optional[str]], Quantity]:
    """The first one-year result of each (canonical indicator, dimension) a plan reports of the year before it."""
    index: dict[tuple[Optional[str], Optional[str]], Quantity] = {}
    reviewed = plan.meta.year - 1 if plan.meta.year is not None else None
    for q in plan.quantities:
        key = (series_name(q.indicator, q.base_period), _dimension(q)) if q.indicator else None
        if q.kind == "achieved" and key is not None and key not in index and covers_one_year(plan, q, reviewed):
            index[key] = q
    return index


def _one_per_indicator(plan: Plan) -> list[tuple[Quantity, list[Quantity]]]:
    """The plan's targets, one per (canonical indicator, dimension, deadline), with their restatements.

    The headline statement is kept when there is one, else the first; the
    others are its restatements.
    """
    heads = {id(q) for q in headline_targets(plan)}
    groups: dict[tuple, list[Quantity]] = {}
    for q in plan.targets:
        key = (series_name(q.indicator, q.base_period), _dimension(q), q.deadline) if q.indicator else (q.id,)
        groups.setdefault(key, []).append(q)
    kept = []
    for members in groups.values():
        main = next((q for q in members if id(q) in heads), members[0])
        kept.append((main, [q for q in members if q is not main]))
    return sorted(kept, key=lambda pair: pair[0].span)


PlanSource = Union[Plan, str, "os.PathLike[str]"]


def panel(plans: Iterable[PlanSource], *, achieved: bool = True, tolerance: Optional[float] = None) -> "pd.DataFrame":
    """One row per target per plan, with the columns of :data:`COLUMNS`.

    Args:
        plans: parsed plans, or paths of files to parse. Each needs a year
            (``meta.year``; pass ``meta={"year": …}`` when parsing if the
            text does not say); plans without one are skipped with a warning.
        achieved: look up results in the plan of the following year (of the
            deadline year, for a target set for a later year).
        tolerance: see :func:`met` (default: ``data/panel.json``).

    Example:
        >>> import policyparse
        >>> a = policyparse.parse("2018年工作要点\\n今年主要预期目标是：城镇新增就业1100万人以上。")
        >>> b = policyparse.parse("2019年工作要点\\n一、2018年工作回顾\\n城镇新增就业1361万人。\\n二、2019年工作\\n主要预期目标是：城镇新增就业1100万人以上。")
        >>> df = panel([a, b])
        >>> df[["year", "indicator", "value", "achieved", "met"]].to_dict("records")
        [{'year': 2018, 'indicator': '城镇新增就业', 'value': 1100.0, 'achieved': 1361.0, 'met': True}, {'year': 2019, 'indicator': '城镇新增就业', 'value': 1100.0, 'achieved': nan, 'met': None}]
        >>> df["met_note"][1]
        "no result for the target's year"
    """
    import warnings  # noqa: PLC0415

    import pandas as pd  # noqa: PLC0415

    from ..pipeline import as_plan  # noqa: PLC0415

    by_year: dict[int, Plan] = {}
    parsed = []
    for item in plans:
        plan = as_plan(item, caller="panel")
        if plan.meta.year is None:
            warnings.warn(f"{plan.meta.source or plan.meta.title}: no year found; left out of the panel "
                          "(give one with meta={'year': ...})", stacklevel=2)
            continue
        parsed.append(plan)
        by_year.setdefault(plan.meta.year, plan)
    indexes: dict[int, dict[tuple[Optional[str], Optional[str]], Quantity]] = {}

    def result_of(year: int, key: tuple[Optional[str], Optional[str]]) -> tuple[Optional[Quantity], Optional[Plan]]:
        """The one-year result for ``year`` that the plan of ``year + 1`` reports."""
        later = by_year.get(year + 1) if achieved else None
        if later is None:
            return None, None
        if year + 1 not in indexes:
            indexes[year + 1] = _achieved_index(later)
        return indexes[year + 1].get(key), later

    rows: list[dict[str, Any]] = []
    for plan in sorted(parsed, key=lambda p: p.meta.year or 0):
        year = plan.meta.year
        assert year is not None
        heads = {id(q) for q in headline_targets(plan)}
        for q, again in _one_per_indicator(plan):
            indicator = series_name(q.indicator, q.base_period)
            for_year = q.deadline if q.deadline is not None and q.deadline > year else year
            over_years = for_year != year and q.measure == "change"
            # 五年…能耗降低16% (到2015年): a change over several years, which no one year's change measures
            hit, source = (None, None) if over_years else result_of(for_year, (indicator, _dimension(q)))
            value = _in_unit(hit, q) if hit is not None else None
            way = direction(indicator)
            decided, note = met(q.comparator, q.value, q.value_max, value, way, unit=q.unit, tolerance=tolerance)
            if over_years:
                note = f"a change over {year}-{for_year}: no one-year result compares with it"
            elif decided is None and hit is None and for_year != year:
                note = f"a target for {for_year}: no one-year result for {for_year} in a plan of {for_year + 1}"
            rows.append({
                "year": year, "indicator": indicator, "indicator_text": q.indicator, "kind": q.kind,
                "comparator": q.comparator, "value": q.value, "value_max": q.value_max, "unit": q.unit,
                "commitment": q.commitment, "deadline": q.deadline, "headline": id(q) in heads,
                "restatements": [r.id for r in again], "source": plan.meta.source, "id": q.id, "span": list(q.span),
                "achieved": value, "achieved_text": hit.surface if hit is not None else None,
                "achieved_source": source.meta.source if hit is not None and source is not None else None,
                "achieved_span": list(hit.span) if hit is not None else None,
                "direction": way, "met": decided, "met_note": note,
            })
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    for column in ("value", "value_max", "achieved"):
        frame[column] = frame[column].astype("float64")
    frame["deadline"] = frame["deadline"].astype("Int64")
    frame["met"] = frame["met"].astype("boolean")
    return frame


def _in_unit(achieved: Quantity, target: Quantity) -> float:
    """An achieved value in the target's unit (1361万人 against 1100万人; 1.3亿人 against 万人)."""
    if achieved.unit == target.unit or achieved.base_value is None or target.base_value is None or not target.value:
        return float(achieved.value)
    return float(achieved.base_value / (target.base_value / target.value))


def series(frame: "pd.DataFrame", indicator: str, *, annual: bool = True) -> "pd.DataFrame":
    """One row per year for one indicator of a :func:`panel`: the headline
    target when the plan has one for it, otherwise the first stated.

    With ``annual`` (the default) only the targets for the plan's own year
    count: a target with a later deadline (a five-year plan's 年均增长7%, 到2020年…)
    is kept apart, not put in the year's place; ``annual=False`` takes every row.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"year": [2019, 2019], "indicator": ["城镇新增就业"] * 2,
        ...                    "headline": [False, True], "value": [1000.0, 1100.0]})
        >>> series(df, "城镇新增就业")[["year", "value"]].to_dict("records")
        [{'year': 2019, 'value': 1100.0}]
    """
    rows = frame[frame["indicator"].isin({indicator, canonical(indicator)})]
    if annual and "deadline" in rows.columns:
        rows = rows[rows["deadline"].isna() | (rows["deadline"] <= rows["year"])]
    rows = rows.assign(_order=range(len(rows))).sort_values(["year", "headline", "_order"],
                                                           ascending=[True, False, True])
    return rows.drop_duplicates("year").drop(columns="_order").reset_index(drop=True)


def cells_against_gold(frame: "pd.DataFrame", gold_rows: Iterable[dict]) -> list[tuple[int, str, str, Any, Any]]:
    """Every cell of a hand-made panel gold next to the panel's: ``(year, indicator, cell, gold, got)``.

    A gold row (as in ``tests/gold/gwr_panel_2005_2025.json``) has ``year``,
    ``indicator``, ``target`` (``comparator``, ``value``, ``value_max``, or
    null), ``achieved`` (``value`` or null) and ``met``. The panel's row is
    :func:`series` of that indicator and year. Cells: ``target`` (the triple,
    or None), ``achieved`` (the value rounded to 4 places, or None) and ``met``.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"year": [2019], "indicator": ["城镇新增就业"], "headline": [True], "comparator": [">="],
        ...     "value": [1100.0], "value_max": [float("nan")], "achieved": [float("nan")], "met": [None]})
        >>> gold = [{"year": 2019, "indicator": "城镇新增就业", "target": {"comparator": ">=", "value": 1100, "value_max": None},
        ...          "achieved": None, "met": None}]
        >>> [(c, g == p) for _, _, c, g, p in cells_against_gold(df, gold)]
        [('target', True), ('achieved', True), ('met', True)]
    """
    import pandas as pd  # noqa: PLC0415

    def num(x: Any) -> Optional[float]:
        return None if x is None or pd.isna(x) else round(float(x), 4)

    out: list[tuple[int, str, str, Any, Any]] = []
    by_indicator: dict[str, Any] = {}
    for g in gold_rows:
        ind = g["indicator"]
        if ind not in by_indicator:
            by_indicator[ind] = series(frame, ind).set_index("year")
        rows = by_indicator[ind]
        row = rows.loc[g["year"]] if g["year"] in rows.index else None
        t = g.get("target")
        want_t = None if t is None else (t["comparator"], num(t["value"]), num(t.get("value_max")))
        got_t = None if row is None else (row["comparator"], num(row["value"]), num(row["value_max"]))
        a = g.get("achieved")
        want_a = None if a is None else num(a["value"])
        got_a = None if row is None else num(row["achieved"])
        want_m = g.get("met")
        got_m = None if row is None or pd.isna(row["met"]) else bool(row["met"])
        out += [(g["year"], ind, "target", want_t, got_t), (g["year"], ind, "achieved", want_a, got_a),
                (g["year"], ind, "met", want_m, got_m)]
    return out
