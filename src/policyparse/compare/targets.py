"""Matching the targets of two plans, and reading how each one moved.

Two targets are the same target when their indicators are the same
(:func:`policyparse.extract.indicators.similarity` at least
:data:`policyparse.extract.indicators.MATCH_THRESHOLD`: 经济增长 and 国内生产总值增长
are one indicator) and their units measure the same thing (the same base
unit: 万人 and 人 do, % and 万人 do not). A plan may state one indicator
twice (the headline list and the chapter that works on it), so targets are
paired one to one by the optimal assignment (scipy's
``linear_sum_assignment``) on indicator similarity, with the similarity of
the sentences around them and the closeness of the values as tie breakers.

The *headline* targets are those of the paragraph that states the plan's
main targets (今年发展的主要预期目标是：…; the markers are data,
``data/indicators.json``): :func:`headline_targets` finds them. Targets are
paired once, all of them, two headline targets preferring each other
(:data:`HEADLINE_WEIGHT`), so a target has one status in every table;
``headline_list`` says how it stands to the headline lists: ``kept`` (in
both), ``entered`` (only in the new plan's, as 农村贫困人口减少 in 2019,
stated in a chapter of 2018), ``left`` (only in the old plan's).

A pair is ``unchanged`` when comparator, value, upper bound, unit,
commitment and deadline (counted from each plan's year, so this year's target stays this year's) are all the same, otherwise ``changed`` (a change of
comparator or range is a change: 6.5%左右 → 6%－6.5%). ``delta`` is new − old
in the new target's unit, when both are single values of one dimension; for
a range it is null (its ``changes`` say what moved). A change stated against
something else carries its sign (:func:`signed_value`): 比去年预算低0.4个百分点
is −0.4, 高0.2个百分点 is +0.2, so the delta between them is +0.6.

Example:
    >>> import policyparse
    >>> old = policyparse.parse("今年主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上。")
    >>> new = policyparse.parse("今年主要预期目标是：经济增长6%－6.5%；城镇新增就业1100万人以上。")
    >>> [(t.indicator, t.status, t.changes) for t in match_targets(old, new)]
    [('国内生产总值增长', 'changed', ['comparator', 'value_max', 'value']), ('城镇新增就业', 'unchanged', [])]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..data import load_json
from ..extract.indicators import MATCH_THRESHOLD, named_base, series_name, similarity
from ..model import Plan, Quantity, _record

#: Weight of the similarity of the clauses around two targets in the pairing score.
CONTEXT_WEIGHT = 0.1
#: Weight of the closeness of the values in the pairing score.
VALUE_WEIGHT = 0.05

#: Weight added to the pairing score of two headline targets, so the headline lists pair among themselves first.
HEADLINE_WEIGHT = 0.2

#: The fields whose change makes a target ``changed``, in the order they are reported.
COMPARED: tuple[str, ...] = ("comparator", "value_max", "value", "unit", "commitment", "deadline")


@dataclass
class TargetChange:
    """How one target moved between two plans.

    ``indicator`` is the canonical indicator (:func:`policyparse.extract.indicators.canonical`),
    with a named comparison base in brackets (:func:`policyparse.extract.indicators.series_name`);
    ``status`` added, removed, changed or unchanged; ``old`` and ``new`` the
    targets (null when absent); ``delta`` new − old (see the module notes);
    ``changes`` the fields that differ; ``similarity`` how alike the two
    indicators are.
    """

    indicator: str
    status: str
    old: Optional[Quantity]
    new: Optional[Quantity]
    delta: Optional[float] = None
    changes: list[str] = field(default_factory=list)
    similarity: Optional[float] = None
    #: either target is a headline target (see :func:`headline_targets`)
    headline: bool = False
    #: ``kept``, ``entered`` or ``left`` the headline list; None when neither target is a headline one
    headline_list: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "status": self.status,
            "old": _record(self.old) if self.old else None,
            "new": _record(self.new) if self.new else None,
            "delta": self.delta,
            "changes": list(self.changes),
            "similarity": self.similarity,
            "headline": self.headline,
            "headline_list": self.headline_list,
        }


def _dimension(q: Quantity) -> Optional[str]:
    return q.base_unit if q.base_unit is not None else q.unit


def _value_closeness(a: Quantity, b: Quantity) -> float:
    va, vb = a.base_value if a.base_value is not None else a.value, b.base_value if b.base_value is not None else b.value
    top = max(abs(va), abs(vb))
    return 1.0 - min(1.0, abs(va - vb) / top) if top else 1.0


def headline_targets(plan: Plan) -> list[Quantity]:
    """The targets of the paragraph that states the plan's main targets, from
    its marker (主要预期目标 …) on; empty when the plan has no such paragraph.
    A paragraph whose targets are all for a later year (a five-year plan's goals
    in the report of its first year) counts only when no paragraph states the
    plan's own year's. A marker that ends its paragraph with a colon opens the
    list of the next one (主要预期目标是：, the targets on the lines below).

    Example:
        >>> import policyparse
        >>> plan = policyparse.parse("今年发展的主要预期目标是：城镇新增就业1100万人以上。\\n完成造林1亿亩以上。")
        >>> [q.surface for q in headline_targets(plan)]
        ['1100万人以上']
    """
    from ..data import load_json  # noqa: PLC0415

    markers = load_json("indicators.json")["headline_markers"]
    paragraphs = plan.nodes_of("paragraph") or plan.nodes
    year = plan.meta.year
    later: list[Quantity] = []
    opened = False  # the paragraph before ended on its marker's colon: 主要预期目标是：\n国内生产总值增长8%左右；…
    for para in paragraphs:
        text = plan.span_text(para)
        at = min((i for i in (text.find(m) for m in markers) if i >= 0), default=-1)
        if at < 0 and not opened:
            continue
        start, end = para.span[0] + max(at, 0), para.span[1]
        found = [q for q in plan.targets if start <= q.span[0] and q.span[1] <= end]
        opened = at >= 0 and not found and text.rstrip().endswith(("：", ":"))
        if found and year is not None and all(q.deadline is not None and q.deadline > year for q in found):
            # 今后五年…预期目标是…年均增长7% (a report that also sets a five-year plan's goals):
            # the targets of the plan's own year come first, when a later paragraph states them
            later = later or found
            continue
        if found:
            return found
    return later


def match_targets(old: Plan, new: Plan, *, threshold: float = MATCH_THRESHOLD,
                  headline: bool = False) -> list[TargetChange]:
    """Pair the targets of two plans and say how each moved; with ``headline=True``, only the
    pairs in which a headline target takes part (the same pairs and statuses as without it).

    Returns the pairs and the added targets in the new plan's order, then
    the removed targets in the old plan's order.
    """
    old_heads, new_heads = {id(q) for q in headline_targets(old)}, {id(q) for q in headline_targets(new)}
    ot, nt = old.targets, new.targets
    pairs: dict[int, tuple[int, float]] = {}
    if ot and nt:
        import numpy as np  # noqa: PLC0415
        from scipy.optimize import linear_sum_assignment  # noqa: PLC0415

        ind = np.zeros((len(ot), len(nt)))
        for i, a in enumerate(ot):
            for j, b in enumerate(nt):
                # a change over a named base (比2000年) is no yearly change (比上年): never the same target
                if _dimension(a) == _dimension(b) and (named_base(a.base_period) is None) == (named_base(b.base_period) is None):
                    ind[i, j] = similarity(a.indicator or a.text, b.indicator or b.text)
        context = _context_similarity([q.text for q in ot], [q.text for q in nt])
        closeness = np.array([[_value_closeness(a, b) for b in nt] for a in ot])
        both_headline = np.array([[id(a) in old_heads and id(b) in new_heads for b in nt] for a in ot], dtype=float)
        score = ind + CONTEXT_WEIGHT * context + VALUE_WEIGHT * closeness + HEADLINE_WEIGHT * both_headline
        score[ind < threshold] = 0.0
        for i, j in zip(*linear_sum_assignment(score, maximize=True)):
            if ind[i, j] >= threshold:
                pairs[int(j)] = (int(i), float(ind[i, j]))
    out = []
    for j, b in enumerate(nt):
        if j in pairs:
            i, sim = pairs[j]
            out.append(_compare(ot[i], b, sim, old.meta.year, new.meta.year))
        else:
            out.append(TargetChange(_name(b), "added", None, b))
    paired_old = {i for i, _ in pairs.values()}
    out += [TargetChange(_name(a), "removed", a, None) for i, a in enumerate(ot) if i not in paired_old]
    for change in out:
        was, now = id(change.old) in old_heads, id(change.new) in new_heads
        change.headline = was or now
        change.headline_list = "kept" if was and now else "entered" if now else "left" if was else None
    return [c for c in out if c.headline] if headline else out


def _name(q: Quantity) -> str:
    return series_name(q.indicator, q.base_period) or q.surface or q.text


def _relative_deadline(q: Quantity, year: Optional[int]) -> Optional[int]:
    """A deadline counted from the plan's year; a deadline of the plan's own year is no deadline."""
    if q.deadline is None or year is None:
        return q.deadline
    return None if q.deadline == year else q.deadline - year


def _compare(a: Quantity, b: Quantity, sim: float, old_year: Optional[int], new_year: Optional[int]) -> TargetChange:
    changes = [f for f in COMPARED if f != "deadline" and getattr(a, f) != getattr(b, f)]
    if _relative_deadline(a, old_year) != _relative_deadline(b, new_year):
        changes.append("deadline")
    if "unit" in changes and a.base_value == b.base_value and a.base_unit == b.base_unit:
        changes = [f for f in changes if f not in ("unit", "value")]  # 1100万人 = 11000000人
    return TargetChange(_name(b) if b.indicator else _name(a), "changed" if changes else "unchanged",
                        a, b, delta(a, b), changes, round(sim, 4))


def delta(old: Quantity, new: Quantity) -> Optional[float]:
    """new − old in the new target's unit, or ``None`` when either is a range
    or their units measure different things.

    Example:
        >>> from policyparse.model import Quantity
        >>> q = lambda v, u, b: Quantity("q0", "n0", None, "target", None, ">=", v, None, u, b, "人", "level", None, None, "", (0, 0))
        >>> delta(q(1100, "万人", 11_000_000), q(1200, "万人", 12_000_000))
        100.0
    """
    if old.comparator == "range" or new.comparator == "range" or _dimension(old) != _dimension(new):
        return None
    if old.unit == new.unit or old.base_value is None or new.base_value is None or not new.value:
        return round(signed_value(new) - signed_value(old), 10)
    scale = new.base_value / new.value
    return round(float((_sign(new) * new.base_value - _sign(old) * old.base_value) / scale), 10)


def _sign(q: Quantity) -> int:
    """-1 for a change stated against something else that goes down (比去年预算低…), else 1.

    Only a comparison (the last 比 or 较 before the number, in its clause)
    gives a sign; a change verb that names the indicator (能耗下降3%) does
    not. The direction words are data (``data/panel.json``).
    """
    if q.measure != "change" or q.clause_span is None:
        return 1
    before = q.text[: q.span[0] - q.clause_span[0]]
    at = max(before.rfind("比"), before.rfind("较"))
    if at < 0:
        return 1
    after = before[at:]
    signs = load_json("panel.json")["change_signs"]
    last = max([(after.rfind(w) + len(w), -1) for w in signs["down"] if w in after]
               + [(after.rfind(w) + len(w), 1) for w in signs["up"] if w in after], default=(0, 1))
    return last[1]


def signed_value(q: Quantity) -> float:
    """A quantity's value with the sign of the change it states.

    Example:
        >>> import policyparse
        >>> a, b = (policyparse.parse(t).quantities[0] for t in ("赤字率比去年预算低0.4个百分点。", "赤字率比去年预算高0.2个百分点。"))
        >>> signed_value(a), signed_value(b), delta(a, b)
        (-0.4, 0.2, 0.6)
    """
    return float(_sign(q) * q.value)


def _context_similarity(old: list[str], new: list[str]) -> Any:
    """Cosine similarity of character-bigram TF-IDF vectors of two lists of clauses."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415

    vectoriser = TfidfVectorizer(analyzer="char", ngram_range=(2, 2))
    try:
        matrix = vectoriser.fit_transform(old + new)
    except ValueError:  # only one-character clauses
        import numpy as np  # noqa: PLC0415

        return np.zeros((len(old), len(new)))
    return (matrix[: len(old)] @ matrix[len(old):].T).toarray()
