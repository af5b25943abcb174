"""Plots for researchers: a target series across years, and who leads which tasks.

* :func:`targets_over_time` draws one indicator of a **panel** (the long table
  ``policyparse.panel(plans)`` returns: one row per target per plan, with
  ``year``, ``indicator``, ``comparator``, ``value``, ``value_max``, ``unit``,
  ``achieved``, ``met`` …): each year's target by its comparator (a band for a
  range, a triangle for a floor or a ceiling, a bar for an exact value, a
  diamond for "about"), and the achieved values as points joined by a line,
  ringed in red where the target was missed.
* :func:`actor_network` draws a plan's actors and the divisions (items by
  default) whose tasks they take part in, one line per actor, division and
  role, its width growing with the number of tasks and its style telling the
  role.

Both return the matplotlib ``Axes`` (drawing on ``ax=`` when given), so a
figure can be styled and saved as usual. matplotlib is imported on first use
(install it with the ``plot`` extra; ``make setup`` does).

Chinese labels need a CJK font. The ``plot`` extra installs Noto Sans SC (SIL
Open Font License, from the ``justmytype-intl-cjk`` package); it is registered
with matplotlib's font manager on first use and drawn by default, so figures
render the same on every machine. Without it the first installed font of
:data:`CJK_FONTS` is used, and without any matplotlib draws empty boxes.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ..model import HEADING_KINDS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

    from ..model import Plan

#: fonts tried, in order, for Chinese text
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Arial Unicode MS")

#: what a comparator looks like: (marker, words for the legend)
COMPARATOR_STYLE: dict[str, tuple[str, str]] = {
    "=": ("_", "target (exact)"),
    "~": ("d", "target (about)"),
    ">=": ("^", "target (at least)"),
    ">": ("^", "target (more than)"),
    "<=": ("v", "target (at most)"),
    "<": ("v", "target (less than)"),
}
#: the legend entry of a range target, drawn as a band
RANGE_LABEL = "target (range)"
#: the legend entry of a target set for a later year (到2025年…), drawn at its deadline
MULTI_YEAR_LABEL = "target for a later year (at its deadline; set in the year shown)"

#: line styles of the roles in :func:`actor_network`
ROLE_STYLE: dict[str, dict[str, Any]] = {
    "lead": {"linestyle": "-", "color": "#1f78b4"},
    "co-lead": {"linestyle": "--", "color": "#1f78b4"},
    "leader": {"linestyle": "-", "color": "#e31a1c"},
    "supported": {"linestyle": ":", "color": "#33a02c"},
    "guided": {"linestyle": "-.", "color": "#ff7f00"},
    "implicit": {"linestyle": "-", "color": "#bbbbbb"},
}

_PANEL_COLUMNS = ("year", "indicator", "comparator", "value", "value_max", "unit", "achieved", "met")


def _axes(ax: Optional["Axes"]) -> "Axes":
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - heavy: only for plots
    except ImportError as exc:  # pragma: no cover - matplotlib is a dependency of the plot extra
        raise ImportError("policyparse.export.plot needs matplotlib: pip install 'policyparse[plot]'") from exc
    _, ax = plt.subplots(figsize=(8, 4.5))
    return ax


#: where the ``plot`` extra's font package keeps Noto Sans SC
BUNDLED_FONT = ("justmytype_intl_cjk", ("fonts", "ofl", "notosanssc"))


@lru_cache(maxsize=1)
def register_bundled_font() -> Optional[str]:
    """Register the Noto Sans SC of the ``plot`` extra with matplotlib; its family name, or None.

    The package is found without importing it; its font files are added to
    matplotlib's font manager once per process.
    """
    import importlib.util  # noqa: PLC0415

    package, folder = BUNDLED_FONT
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = sorted(Path(next(iter(spec.submodule_search_locations)), *folder).glob("*.[ot]tf"))
    if not fonts:
        return None
    from matplotlib import font_manager  # noqa: PLC0415

    for font in fonts:
        font_manager.fontManager.addfont(str(font))
    return str(font_manager.FontProperties(fname=str(fonts[0])).get_name())


def cjk_font() -> Optional[str]:
    """The font Chinese text is drawn in: the bundled Noto Sans SC, else the first installed of :data:`CJK_FONTS`.

    Example:
        >>> cjk_font()  # with the plot extra installed
        'Noto Sans SC'
    """
    bundled = register_bundled_font()
    if bundled is not None:
        return bundled
    from matplotlib import font_manager  # noqa: PLC0415

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _use_cjk(ax: "Axes") -> None:
    """Give every text of the Axes (title, labels, ticks, texts, legend) the CJK font."""
    font = cjk_font()
    if font is None:
        return
    family = [font, "sans-serif"]
    texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
    legend = ax.get_legend()
    if legend is not None:
        texts += list(legend.get_texts())
        legend.get_title().set_fontfamily(family)
    for t in texts:
        t.set_fontfamily(family)
    ax.tick_params(labelfontfamily=font)


def _missing(x: Any) -> bool:
    """None, NaN, NaT or pandas.NA."""
    import pandas as pd  # noqa: PLC0415 - a panel is a DataFrame: pandas is loaded already

    return bool(pd.isna(x))


def _is_multi_year(row: Any) -> bool:
    """A target whose deadline is after the year of the plan that sets it (到2025年, 十四五)."""
    deadline = getattr(row, "deadline", None)
    return not _missing(deadline) and int(deadline) > int(row.year)


def targets_over_time(panel: "pd.DataFrame", indicator: str, *, ax: Optional["Axes"] = None,
                      title: Optional[str] = None) -> "Axes":
    """Draw one indicator's targets and achieved values across years; returns the Axes.

    ``panel`` is the long table of :func:`policyparse.panel` (columns ``year``,
    ``indicator``, ``comparator``, ``value``, ``value_max``, ``unit``,
    ``achieved``, ``met``; other columns are ignored). Each target is drawn by
    its comparator (:data:`COMPARATOR_STYLE`; a ``range`` as a band from
    ``value`` to ``value_max``); each year's ``achieved`` value as a point,
    joined in year order, and ringed in red where ``met`` is False. A target
    set for a later year (its ``deadline`` after its ``year``: 到2025年, a
    five-year plan's figure) is not part of the annual series: it is drawn
    apart, as a hollow square at its deadline labelled with the year that set
    it, and its row's achieved value is not joined to the annual line.

    Example:
        >>> import pandas as pd, matplotlib
        >>> matplotlib.use("Agg")
        >>> panel = pd.DataFrame({"year": [2018, 2019], "indicator": ["GDP growth"] * 2,
        ...     "comparator": ["~", "range"], "value": [6.5, 6.0], "value_max": [None, 6.5],
        ...     "unit": ["%", "%"], "achieved": [6.6, 6.1], "met": [True, True]})
        >>> ax = targets_over_time(panel, "GDP growth")
        >>> ax.get_ylabel(), [t.get_text() for t in ax.get_legend().get_texts()]
        ('GDP growth (%)', ['target (about)', 'target (range)', 'achieved'])
    """
    missing = [c for c in _PANEL_COLUMNS if c not in getattr(panel, "columns", ())]
    if missing:
        raise ValueError(f"the panel lacks the column(s) {', '.join(missing)} (expected the table of policyparse.panel)")
    rows = panel[panel["indicator"] == indicator].sort_values("year")
    if rows.empty:
        known = sorted(map(str, panel["indicator"].dropna().unique()))
        raise ValueError(f"no indicator {indicator!r} in the panel; it has {len(known)}: {', '.join(known[:10])}"
                         + (" …" if len(known) > 10 else ""))
    ax = _axes(ax)
    from matplotlib.patches import Rectangle  # noqa: PLC0415
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    width = 0.6
    labelled: set[str] = set()

    def label_once(text: str) -> str:
        if text in labelled:
            return "_nolegend_"
        labelled.add(text)
        return text

    multi_year = [_is_multi_year(row) for row in rows.itertuples(index=False)]
    for row, later in zip(rows.itertuples(index=False), multi_year):
        year, value = int(row.year), float(row.value)
        if later:  # set in one plan for a later year: drawn apart, at its deadline, never in the annual series
            ax.plot([int(row.deadline)], [value], linestyle="none", marker="s", markersize=8, fillstyle="none",
                    color="#6a3d9a", label=label_once(MULTI_YEAR_LABEL))
            ax.annotate(str(year), (int(row.deadline), value), textcoords="offset points", xytext=(6, 4),
                        fontsize="x-small", color="#6a3d9a")
        elif row.comparator == "range" and not _missing(row.value_max):
            ax.add_patch(Rectangle((year - width / 2, value), width, float(row.value_max) - value,
                                   facecolor="#a6cee3", edgecolor="#1f78b4", alpha=0.8, label=label_once(RANGE_LABEL)))
        else:
            marker, words = COMPARATOR_STYLE.get(row.comparator, COMPARATOR_STYLE["="])
            ax.plot([year], [value], linestyle="none", marker=marker, markersize=14 if marker == "_" else 9,
                    markeredgewidth=2.5 if marker == "_" else 1, color="#1f78b4",
                    fillstyle="none" if row.comparator in (">", "<", "~") else "full", label=label_once(words))
    annual = rows[[not later for later in multi_year]]
    achieved = annual[[not _missing(a) for a in annual["achieved"]]].drop_duplicates("year")
    if not achieved.empty:
        ax.plot(achieved["year"].astype(int), achieved["achieved"].astype(float), color="black", marker="o",
                markersize=5, linewidth=1, label="achieved")
        missed = achieved[[not _missing(m) and not bool(m) for m in achieved["met"]]]
        if not missed.empty:
            ax.plot(missed["year"].astype(int), missed["achieved"].astype(float), linestyle="none", marker="o",
                    markersize=11, markerfacecolor="none", markeredgecolor="#e31a1c", markeredgewidth=1.5,
                    label="target missed")
    ax.autoscale_view()
    years = [int(y) for y in rows["year"]] + [int(r.deadline) for r, later in zip(rows.itertuples(index=False), multi_year)
                                              if later]
    ax.set_xlim(min(years) - 1, max(years) + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    units = Counter(u for u in rows["unit"] if isinstance(u, str) and u)
    unit = units.most_common(1)[0][0] if units else None
    ax.set_xlabel("year")
    ax.set_ylabel(f"{indicator} ({unit})" if unit else indicator)
    ax.set_title(title if title is not None else indicator)
    ax.legend(loc="best", fontsize="small")
    _use_cjk(ax)
    return ax


def _division(plan: "Plan", node_id: str, kinds: set[str]) -> str:
    """The nearest enclosing node of one of ``kinds`` (else the top-level node)."""
    node = plan.node(node_id)
    top = node
    while True:
        if node.kind in kinds:
            return node.id
        if node.parent is None:
            return top.id if top.kind in kinds else node.id
        node = plan.node(node.parent)


def actor_network(plan: "Plan", *, by: str = "item", implicit: bool = False, ax: Optional["Axes"] = None,
                  max_label: int = 14) -> "Axes":
    """Draw who takes part in which division's tasks; returns the Axes.

    Actors are on the left, the divisions (``by``: ``item``, or ``subsection``,
    ``section``, ``part``, the level at which tasks are gathered) on the right
    in document order. Each line joins an actor to a division for one role
    (:data:`ROLE_STYLE`), its width growing with the number of tasks. The
    issuer's ``implicit`` part (every task that names no one) is left out
    unless ``implicit=True``; actors without a task are not drawn.

    Example:
        >>> import matplotlib, policyparse
        >>> matplotlib.use("Agg")
        >>> plan = policyparse.parse("一、工作\\n1.在市委领导下推进改革。\\n2.市财政局会同市教育局推进建设。")
        >>> ax = actor_network(plan)
        >>> sorted(t.get_text() for t in ax.texts)
        ['1.在市委领导下推进改革', '2.市财政局会同市教育局推…', '市委', '市教育局', '市财政局']
    """
    if by not in HEADING_KINDS[:-1]:
        raise ValueError(f"by must be one of {', '.join(HEADING_KINDS[:-1])}, not {by!r}")
    kinds = set(HEADING_KINDS[: HEADING_KINDS.index(by) + 1])
    links: Counter[tuple[str, str, str]] = Counter()
    for task in plan.tasks:
        division = _division(plan, task.node, kinds)
        for ta in task.actors:
            if ta.role != "implicit" or implicit:
                links[(ta.actor, division, ta.role)] += 1
    ax = _axes(ax)
    if not links:
        ax.text(0.5, 0.5, "no actor named in a task", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    order = {n.id: i for i, n in enumerate(plan.nodes)}
    actor_order = {a.id: i for i, a in enumerate(plan.actors)}
    actors = sorted({a for a, _, _ in links}, key=actor_order.__getitem__)
    divisions = sorted({d for _, d, _ in links}, key=order.__getitem__)

    def ys(ids: list[str]) -> dict[str, float]:
        n = len(ids)
        return {x: 1 - (i + 0.5) / n for i, x in enumerate(ids)}

    ya, yd = ys(actors), ys(divisions)
    names = {a.id: a.name for a in plan.actors}
    by_role: defaultdict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for (actor, division, role), n in sorted(links.items(), key=lambda kv: list(ROLE_STYLE).index(kv[0][2])):
        by_role[role].append((actor, division, n))
    for role, lines in by_role.items():
        for i, (actor, division, n) in enumerate(lines):
            ax.plot([0, 1], [ya[actor], yd[division]], linewidth=1 + 1.5 * math.log2(n), alpha=0.8,
                    label=role if i == 0 else "_nolegend_", **ROLE_STYLE[role])
    ax.scatter([0] * len(actors), [ya[a] for a in actors], s=30, color="#1f78b4", zorder=3)
    ax.scatter([1] * len(divisions), [yd[d] for d in divisions], s=30, color="#777777", zorder=3)

    def short(text: str) -> str:
        return text if len(text) <= max_label else text[: max_label - 1] + "…"

    for a in actors:
        ax.text(-0.03, ya[a], short(names.get(a, a)), ha="right", va="center", fontsize="small")
    for d in divisions:
        node = plan.node(d)
        head = node.heading or plan.span_text(node)
        ax.text(1.03, yd[d], short(f"{node.label or ''}{head}"), ha="left", va="center", fontsize="small")
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    ax.set_title(f"who takes part in which {by} ({sum(links.values())} roles in tasks)")
    ax.legend(title="role", loc="upper center", ncol=len(by_role), fontsize="small", bbox_to_anchor=(0.5, 0.0))
    _use_cjk(ax)
    return ax

