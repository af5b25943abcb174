"""Targets across many plans as one long table (a panel), with what was achieved.

:func:`panel` puts every target of every plan in one pandas DataFrame, one
row per target per plan, with the indicator made comparable across years
(:func:`policyparse.extract.indicators.canonical`), so that a researcher can follow
a target over decades::

    import policyparse
    df = policyparse.panel(sorted(Path("../shared/corpora/gwr").glob("*.txt")))
    df[df.indicator == "国内生产总值增长"][["year", "comparator", "value", "achieved", "met"]]

``achieved`` is the value a later plan reports as achieved for that
indicator and year: a Government Work Report of year Y+1 reviews year Y, so
the achieved value of year Y's target is read from the plan of year Y+1
(the first quantity of kind ``achieved`` there with the same canonical
indicator and unit dimension). ``met`` is decided where the comparator
allows (see :func:`met`).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from ..extract.indicators import canonical
from ..model import Plan, Quantity
from .targets import headline_targets

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The columns of :func:`panel`, in order.
COLUMNS: tuple[str, ...] = (
    "year", "indicator", "indicator_text", "kind", "comparator", "value", "value_max", "unit",
    "commitment", "deadline", "headline", "source", "id", "span", "achieved", "achieved_text",
    "achieved_source", "achieved_span", "met",
)

#: For ``=`` and ``~`` targets, the relative distance within which an achieved value meets the target.
ABOUT_TOLERANCE = 0.1


def met(comparator: str, value: float, value_max: Optional[float], achieved: Optional[float],
        *, tolerance: float = ABOUT_TOLERANCE) -> Optional[bool]:
    """Whether an achieved value meets a target, or ``None`` where that cannot be decided.

    ``>=``/``>`` and ``<=``/``<`` compare; a range must hold the value; an
    exact (``=``) or approximate (``~``) target is met within ``tolerance``
    of its value (relative), and undecided beyond it (overshooting 6.5%左右
    with 6.9% is neither clearly met nor missed).

    Example:
        >>> met(">=", 1100, None, 1361), met("range", 6, 6.5, 6.1), met("~", 6.5, None, 6.6), met("~", 6.5, None, 7.5)
        (True, True, True, None)
    """
    if achieved is None or achieved != achieved:  # NaN
        return None
    if comparator in (">=", ">"):
        return achieved >= value if comparator == ">=" else achieved > value
    if comparator in ("<=", "<"):
        return achieved <= value if comparator == "<=" else achieved < value
    if comparator == "range" and value_max is not None:
        return value <= achieved <= value_max
    if comparator in ("=", "~"):
        return True if abs(achieved - value) <= tolerance * abs(value) else None
    return None


def _dimension(q: Quantity) -> Optional[str]:
    return q.base_unit if q.base_unit is not None else q.unit


def _achieved_index(plan: Plan) -> dict[tuple[Optional[str], Optional[str]], Quantity]:
    """The first achieved quantity of each (canonical indicator, dimension) of a plan."""
    index: dict[tuple[Optional[str], Optional[str]], Quantity] = {}
    for q in plan.quantities:
        if q.kind == "achieved" and q.indicator:
            index.setdefault((canonical(q.indicator), _dimension(q)), q)
    return index


PlanSource = Union[Plan, str, "os.PathLike[str]"]


def panel(plans: Iterable[PlanSource], *, achieved: bool = True, tolerance: float = ABOUT_TOLERANCE) -> "pd.DataFrame":
    """One row per target per plan, with the columns of :data:`COLUMNS`.

    Args:
        plans: parsed plans, or paths of files to parse. Each needs a year
            (``meta.year``; pass ``meta={"year": …}`` when parsing if the
            text does not say); plans without one are skipped with a warning.
        achieved: look up achieved values in the plan of the following year.
        tolerance: see :func:`met`.

    Example:
        >>> import policyparse
        >>> a = policyparse.parse("2018年工作要点\\n今年主要预期目标是：城镇新增就业1100万人以上。")
        >>> b = policyparse.parse("2019年工作要点\\n一、2018年工作回顾\\n城镇新增就业1361万人。\\n二、2019年工作\\n主要预期目标是：城镇新增就业1100万人以上。")
        >>> panel([a, b])[["year", "indicator", "value", "achieved", "met"]].to_dict("records")
        [{'year': 2018, 'indicator': '城镇新增就业', 'value': 1100.0, 'achieved': 1361.0, 'met': True}, {'year': 2019, 'indicator': '城镇新增就业', 'value': 1100.0, 'achieved': nan, 'met': None}]
    """
    import warnings  # noqa: PLC0415

    import pandas as pd  # noqa: PLC0415

    from ..pipeline import as_plan  # noqa: PLC0415

    by_year: dict[int, Plan] = {}
    rows: list[dict[str, Any]] = []
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
    for plan in sorted(parsed, key=lambda p: p.meta.year or 0):
        year = plan.meta.year
        assert year is not None
        heads = {id(q) for q in headline_targets(plan)}
        later = by_year.get(year + 1) if achieved else None
        if later is not None and year + 1 not in indexes:
            indexes[year + 1] = _achieved_index(later)
        for q in plan.targets:
            hit = indexes[year + 1].get((canonical(q.indicator), _dimension(q))) if later is not None else None
            value = _in_unit(hit, q) if hit is not None else None
            rows.append({
                "year": year, "indicator": canonical(q.indicator), "indicator_text": q.indicator, "kind": q.kind,
                "comparator": q.comparator, "value": q.value, "value_max": q.value_max, "unit": q.unit,
                "commitment": q.commitment, "deadline": q.deadline, "headline": id(q) in heads,
                "source": plan.meta.source, "id": q.id, "span": list(q.span),
                "achieved": value, "achieved_text": hit.surface if hit is not None else None,
                "achieved_source": later.meta.source if hit is not None and later is not None else None,
                "achieved_span": list(hit.span) if hit is not None else None,
                "met": met(q.comparator, q.value, q.value_max, value, tolerance=tolerance),
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


def series(frame: "pd.DataFrame", indicator: str) -> "pd.DataFrame":
    """One row per year for one indicator of a :func:`panel`: the headline
    target when the plan has one for it, otherwise the first stated.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"year": [2019, 2019], "indicator": ["城镇新增就业"] * 2,
        ...                    "headline": [False, True], "value": [1000.0, 1100.0]})
        >>> series(df, "城镇新增就业")[["year", "value"]].to_dict("records")
        [{'year': 2019, 'value': 1100.0}]
    """
    rows = frame[frame["indicator"] == canonical(indicator)]
    rows = rows.assign(_order=range(len(rows))).sort_values(["year", "headline", "_order"],
                                                           ascending=[True, False, True])
    return rows.drop_duplicates("year").drop(columns="_order").reset_index(drop=True)
