"""Plots: assert on what is drawn (patches, markers, lines, labels, legend), never on pixels."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from policyparse.export import plot  # noqa: E402

GDP = "国内生产总值增长"


@pytest.fixture
def panel():
    """A panel as policyparse.panel gives it: GDP growth targets of the Government Work
    Reports with the growth achieved that year, one year without a result yet, and
    another indicator that must not be drawn."""
    rows = [
        # year, indicator, comparator, value, value_max, achieved, met
        (2017, GDP, "~", 6.5, np.nan, 6.9, True),
        (2018, GDP, "~", 6.5, np.nan, 6.6, True),
        (2019, GDP, "range", 6.0, 6.5, 6.1, True),
        (2021, GDP, ">=", 6.0, np.nan, 8.1, True),
        (2022, GDP, "~", 5.5, np.nan, 3.0, False),
        (2025, GDP, "~", 5.0, np.nan, np.nan, pd.NA),
        (2019, "城镇新增就业", ">=", 1100.0, np.nan, 1352.0, True),
    ]
    frame = pd.DataFrame(rows, columns=["year", "indicator", "comparator", "value", "value_max", "achieved", "met"])
    frame["met"] = frame["met"].astype("boolean")
    frame["indicator_text"] = frame["indicator"]
    frame["kind"] = "target"
    frame["unit"] = np.where(frame["indicator"] == GDP, "%", "万人")
    frame["commitment"] = "expected"
    frame["source"] = [f"gwr/{y}.txt" for y in frame["year"]]
    frame["span"] = [(0, 1)] * len(frame)
    return frame


def _markers(ax, marker):
    """(year, value) of every point drawn with ``marker``, with no line between them."""
    return sorted((float(x), float(y)) for line in ax.lines if line.get_marker() == marker
                  and line.get_linestyle() == "None" for x, y in zip(line.get_xdata(), line.get_ydata()))


def test_targets_by_comparator_and_achieved_points(panel):
    fig, ax = plt.subplots()
    assert plot.targets_over_time(panel, GDP, ax=ax) is ax
    # the range is a band from 6 to 6.5 over 2019
    bands = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bands) == 1
    (band,) = bands
    assert band.get_x() + band.get_width() / 2 == pytest.approx(2019)
    assert (band.get_y(), band.get_y() + band.get_height()) == pytest.approx((6.0, 6.5))
    # "about" as diamonds, "at least" as an upward triangle
    assert _markers(ax, "d") == [(2017, 6.5), (2018, 6.5), (2022, 5.5), (2025, 5.0)]
    assert _markers(ax, "^") == [(2021, 6.0)]  # the other indicator's >= 1100 is not drawn
    # achieved: one line through the years that have a result, in order
    (achieved,) = [line for line in ax.lines if line.get_label() == "achieved"]
    assert list(achieved.get_xdata()) == [2017, 2018, 2019, 2021, 2022]
    assert list(achieved.get_ydata()) == [6.9, 6.6, 6.1, 8.1, 3.0]
    assert achieved.get_marker() == "o" and achieved.get_linestyle() == "-"
    # the missed target of 2022 is ringed
    (missed,) = [line for line in ax.lines if line.get_label() == "target missed"]
    assert list(zip(missed.get_xdata(), missed.get_ydata())) == [(2022, 3.0)]
    assert ax.get_xlabel() == "year" and ax.get_ylabel() == f"{GDP} (%)" and ax.get_title() == GDP
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(legend) == sorted(["target (about)", "target (range)", "target (at least)", "achieved",
                                     "target missed"])  # each once
    lo, hi = ax.get_xlim()
    assert lo < 2017 and hi > 2025
    plt.close(fig)


def test_a_new_figure_when_no_axes_is_given(panel):
    ax = plot.targets_over_time(panel, "城镇新增就业", title="jobs")
    assert ax.get_title() == "jobs" and ax.get_ylabel() == "城镇新增就业 (万人)"
    assert _markers(ax, "^") == [(2019, 1100.0)] and not ax.patches
    assert "target missed" not in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(ax.figure)


def test_bad_panel_or_indicator_is_a_clear_error(panel):
    with pytest.raises(ValueError, match="no indicator 'GDP' in the panel; it has 2: 国内生产总值增长, 城镇新增就业"):
        plot.targets_over_time(panel, "GDP")
    with pytest.raises(ValueError, match="lacks the column.*achieved"):
        plot.targets_over_time(panel.drop(columns="achieved"), GDP)


def test_actor_network_of_the_bundled_plan(bundled_plan):
    fig, ax = plt.subplots()
    assert plot.actor_network(bundled_plan, ax=ax) is ax
    labels = {t.get_text() for t in ax.texts}
    assert {"市委", "市政府", "江岸区"} <= labels
    assert "市教育局" not in labels  # the issuer only takes part implicitly
    roles = {t.get_text() for t in ax.get_legend().get_texts()}
    explicit = {ta.role for t in bundled_plan.tasks for ta in t.actors} - {"implicit"}
    assert roles == explicit and "leader" in roles
    # one line per (actor, item, role), styled by role: the item is the task's nearest
    # ancestor that is a heading down to the item level
    nodes = {n.id: n for n in bundled_plan.nodes}
    levels = {"part", "section", "subsection", "item"}

    def division(node_id):
        n = nodes[node_id]
        while n.kind not in levels:
            n = nodes[n.parent]
        return n.id

    links = {(ta.actor, division(t.node), ta.role) for t in bundled_plan.tasks for ta in t.actors
             if ta.role != "implicit"}
    drawn = [line for line in ax.lines if isinstance(line, Line2D) and len(line.get_xdata()) == 2]
    assert len(drawn) == len(links) > 5
    for role in {r for *_, r in links}:
        colour = plot.ROLE_STYLE[role]["color"]
        same = [r for r in plot.ROLE_STYLE if plot.ROLE_STYLE[r]["color"] == colour]
        assert sum(line.get_color() == colour for line in drawn) == sum(r in same for *_, r in links), role
    leader_lines = [line for line in drawn if line.get_color() == plot.ROLE_STYLE["leader"]["color"]]
    assert leader_lines and all(line.get_linestyle() == "-" for line in leader_lines)
    item_labels = [t for t in labels if t[:1].isdigit()]
    assert item_labels and all("." in t[:3] for t in item_labels)  # items by default: 1. 2. …
    plt.close(fig)

    ax = plot.actor_network(bundled_plan, by="section", implicit=True)
    assert "implicit" in {t.get_text() for t in ax.get_legend().get_texts()}
    sections = {t.get_text()[:2] for t in ax.texts} & {s.label for s in bundled_plan.sections}
    assert len(sections) == 5 and {"市教育局", "市教育局党委"} <= {t.get_text() for t in ax.texts}
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="by must be one of"):
        plot.actor_network(bundled_plan, by="sentence")


def _glyph_warnings(fig) -> list[str]:
    """The "Glyph … missing from font(s)" warnings of drawing ``fig`` on the Agg canvas."""
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def test_chinese_labels_draw_in_the_bundled_font_without_missing_glyphs(panel, bundled_plan):
    """The plot extra's Noto Sans SC is registered and used: no text is drawn as empty boxes."""
    assert plot.cjk_font() == "Noto Sans SC"
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5))
    plot.targets_over_time(panel, GDP, ax=left, title="国内生产总值增长目标与实际")
    plot.actor_network(bundled_plan, ax=right)
    assert _glyph_warnings(fig) == []
    drawn = [t for ax in (left, right) for t in (ax.title, ax.yaxis.label, *ax.texts, *ax.get_yticklabels())
             if any("\u4e00" <= ch <= "\u9fff" for ch in t.get_text())]
    assert len(drawn) > 10  # the title, the y label and the actors' and items' names are Chinese
    assert all(t.get_fontfamily()[0] == "Noto Sans SC" for t in drawn)
    plt.close(fig)


def test_without_a_cjk_font_matplotlib_reports_missing_glyphs():
    """The check above can fail: DejaVu Sans alone draws Chinese as boxes and says so."""
    fig, ax = plt.subplots()
    ax.set_title("国内生产总值增长", fontfamily="DejaVu Sans")
    assert _glyph_warnings(fig)
    plt.close(fig)


def test_targets_for_a_later_year_are_drawn_apart_from_the_annual_series(panel):
    """A five-year figure set in 2021 for 2025 is a hollow square at 2025, labelled 2021, and its
    row's value is not joined to the annual achieved line."""
    extra = panel.iloc[[0]].copy()
    extra[["year", "comparator", "value", "achieved"]] = [2021, ">=", 5.5, 50.0]  # a five-year total, not a year's result
    extra["deadline"] = 2025
    frame = pd.concat([panel.assign(deadline=pd.NA), extra], ignore_index=True)
    frame["deadline"] = frame["deadline"].astype("Int64")
    fig, ax = plt.subplots()
    plot.targets_over_time(frame, GDP, ax=ax)
    assert _markers(ax, "s") == [(2025, 5.5)]
    assert [t.get_text() for t in ax.texts] == ["2021"]
    (achieved,) = [line for line in ax.lines if line.get_label() == "achieved"]
    assert 50.0 not in list(achieved.get_ydata())
    assert list(achieved.get_xdata()) == [2017, 2018, 2019, 2021, 2022]  # 2021's own annual result stays
    assert _markers(ax, "^") == [(2021, 6.0)]  # the annual >= target of 2021 is still drawn as one
    assert plot.MULTI_YEAR_LABEL in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)
