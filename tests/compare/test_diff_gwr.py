"""Comparing Government Work Reports, against gold made by hand from the texts
(tests/gold/DIFF_GOLD.md): headline target changes, subsection alignment, the
GDP target series with achieved values; the reports and the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

import policyparse
from policyparse.cli.main import main
from policyparse.compare.series import series

from support import GOLD, GWR, gwr_path

HEADLINE = json.loads((GOLD / "gwr_headline_targets.json").read_text(encoding="utf-8"))
GDP = {e["year"]: e for e in json.loads((GOLD / "gwr_gdp_targets.json").read_text(encoding="utf-8"))}
SUBSECTIONS = json.loads((GOLD / "gwr_2018_2019_subsections.json").read_text(encoding="utf-8"))
HELD_OUT = json.loads((GOLD / "gwr_2016_2017_subsections_heldout.json").read_text(encoding="utf-8"))


def _dash(s):
    return s.replace("－", "-") if s else s


@pytest.fixture(scope="module")
def diffs():
    return {pair: policyparse.diff(gwr_path(pair[0]), gwr_path(pair[1])) for pair in ((2018, 2019), (2022, 2023))}


def _headline_view(t):
    """A change as the headline gold states it: a target that entered the headline list is
    'added' to it, one that left it 'removed' (its status across all targets is t.status)."""
    if t.headline_list == "entered":
        return "added", None, _dash(t.new.surface)
    if t.headline_list == "left":
        return "removed", _dash(t.old.surface), None
    return t.status, _dash(t.old.surface) if t.old else None, _dash(t.new.surface) if t.new else None


@pytest.mark.parametrize("pair", [(2018, 2019), (2022, 2023)])
def test_every_headline_target_change(diffs, pair):
    d = diffs[pair]
    gold = HEADLINE["changes"][f"{pair[0]}→{pair[1]}"]
    got = {_headline_view(t) for t in d.headline_changes}
    want = {(g["status"], _dash(g["old"]), _dash(g["new"])) for g in gold}
    # surfaces written with their verb (控制在5.5%以内) count as the gold's 5.5%以内
    got = {(s, o.removeprefix("控制在") if o else o, n) for s, o, n in got}
    assert got == want
    names = {t.indicator for t in d.headline_changes}
    assert {"国内生产总值增长", "城镇新增就业", "城镇调查失业率", "居民消费价格涨幅"} <= names


def test_headline_deltas_and_comparators(diffs):
    changes = {t.indicator: t for t in diffs[(2022, 2023)].headline_changes}
    gdp = changes["国内生产总值增长"]
    assert (gdp.old.value, gdp.new.value, gdp.delta, gdp.changes) == (5.5, 5, -0.5, ["value"])
    jobs = changes["城镇新增就业"]
    assert jobs.delta == 100 and set(jobs.changes) == {"comparator", "value"}
    growth = {t.indicator: t for t in diffs[(2018, 2019)].headline_changes}["国内生产总值增长"]
    assert growth.delta is None and (growth.new.comparator, growth.new.value, growth.new.value_max) == ("range", 6, 6.5)


def test_subsection_alignment_against_hand_alignment(diffs):
    """Links between 2018 and 2019 subsections against the hand alignment (dev pair).

    The hand alignment links 11 pairs, many to many; the aligner pairs one to one
    within a role, plus splits and merges (secondary links), and finds 10 of them with
    no wrong link: P 1.00, R 0.91 (printed by benchmarks/eval_diff.py; it was P 0.86,
    R 0.55 before divisions of different roles were kept apart, R 0.73 before the
    secondary links). The test holds that level."""
    gold = {(p["old"], p["new"]) for p in SUBSECTIONS["pairs"] if p["old"] and p["new"]}
    got = {(c.old_heading, c.new_heading) for c in diffs[(2018, 2019)].alignment
           if c.kind == "subsection" and c.old and c.new}
    tp = len(got & gold)
    assert tp / len(got) >= 0.99 and tp / len(gold) >= 0.9
    removed = {c.old_heading for c in diffs[(2018, 2019)].alignment if c.kind == "subsection" and c.status == "removed"}
    gold_removed = {p["old"] for p in SUBSECTIONS["pairs"] if p["new"] is None}
    assert len(removed & gold_removed) >= 7


def test_subsection_alignment_held_out():
    """2016 → 2017, annotated after the aligner was fixed and measured once: the six
    subsections continued under new headings are all found. Before secondary links
    (splits and merges beside a one-to-one pair) it was P 1.00 R 0.60; with them,
    chosen on the development pairs only, P 0.89 R 0.80 (one wrong link, two more
    right ones). The goal is P 0.9 pooled over the three held-out pairs (0.93)."""
    d = policyparse.diff(gwr_path(2016), gwr_path(2017))
    gold = {(p["old"], p["new"]) for p in HELD_OUT["pairs"] if p["old"] and p["new"]}
    got = {(c.old_heading, c.new_heading) for c in d.alignment if c.kind == "subsection" and c.old and c.new}
    tp = len(got & gold)
    assert tp / len(got) >= 0.88 and tp / len(gold) >= 0.79


@pytest.mark.parametrize("pair", [(2021, 2022), (2023, 2024)])
def test_subsection_alignment_on_two_more_held_out_pairs(pair):
    """Hand alignments made blind to the parser (2021 -> 2022: P 1.00 R 0.80; 2023 -> 2024:
    P 1.00 R 0.50; with secondary links, chosen on the development pairs: P 1.00 R 0.90
    and P 0.89 R 0.80). 2023 -> 2024 was looked at while keeping roles apart (its review
    subsections had been merged into task ones by containment), so it is no longer
    strictly held out."""
    gold_file = GOLD / f"gwr_{pair[0]}_{pair[1]}_subsections.json"
    hand = json.loads(gold_file.read_text("utf-8"))
    d = policyparse.diff(gwr_path(pair[0]), gwr_path(pair[1]))
    gold = {(p["old"], p["new"]) for p in hand["pairs"] if p["old"] and p["new"]}
    got = {(c.old_heading, c.new_heading) for c in d.alignment if c.kind == "subsection" and c.old and c.new}
    tp = len(got & gold)
    floors = {(2021, 2022): (0.99, 0.89), (2023, 2024): (0.88, 0.79)}[pair]
    assert tp / len(got) >= floors[0] and tp / len(gold) >= floors[1]


@pytest.mark.parametrize("pair", [(2010, 2011), (2011, 2012), (2013, 2014)])
def test_subsection_alignment_on_development_pairs(pair):
    """Hand alignments of three more consecutive pairs, made blind to the parser and given
    to tune on (tests/gold/DIFF_GOLD.md): 2010 -> 2011 P 0.93 R 0.76, 2011 -> 2012 P 0.93
    R 0.82, 2013 -> 2014 (four subsections broken into nine) P 1.00 R 0.73."""
    hand = json.loads((GOLD / f"gwr_{pair[0]}_{pair[1]}_subsections_dev.json").read_text("utf-8"))
    d = policyparse.diff(gwr_path(pair[0]), gwr_path(pair[1]))
    gold = {(p["old"], p["new"]) for p in hand["pairs"] if p["old"] and p["new"]}
    got = {(c.old_heading, c.new_heading) for c in d.alignment if c.kind == "subsection" and c.old and c.new}
    tp = len(got & gold)
    floors = {(2010, 2011): (0.92, 0.75), (2011, 2012): (0.92, 0.8), (2013, 2014): (0.99, 0.72)}[pair]
    assert tp / len(got) >= floors[0] and tp / len(gold) >= floors[1]


def test_divisions_of_different_roles_are_not_paired():
    """2023 reviews its past five years in ten subsections; none of them is taken for a
    2024 task subsection of a similar name (like pairs with like)."""
    d = policyparse.diff(gwr_path(2023), gwr_path(2024))
    subsections = [c for c in d.alignment if c.kind == "subsection"]
    assert sum(1 for c in subsections if c.old and d.old.node(c.old).role == "review") == 10
    assert all(not c.roles_differ for c in subsections if c.old and c.new)
    assert all(c.status == "removed" for c in subsections if c.old and d.old.node(c.old).role == "review")


def test_gdp_target_series_for_a_decade_with_achieved_values():
    frame = policyparse.panel([gwr_path(y) for y in range(2012, 2020)])
    gdp = series(frame, "经济增长")
    assert list(gdp.year) == list(range(2012, 2020))
    for row in gdp.itertuples():
        gold = GDP[row.year]["target"]
        assert (row.comparator, row.value) == (gold["comparator"], gold["value"]), row.year
        assert (row.value_max if row.value_max == row.value_max else None) == gold["value_max"], row.year
        achieved = (GDP.get(row.year + 1) or {}).get("achieved_previous_year")
        if row.year == 2019:  # no 2020 report in the corpus
            assert achieved is None and row.achieved != row.achieved
        else:
            assert row.achieved == achieved["value"], row.year
            assert row.achieved_source.endswith(f"{row.year + 1}.txt")
    assert gdp.set_index("year").loc[2016, "met"] == True  # noqa: E712 - 6.7 within 6.5-7
    assert gdp.set_index("year").loc[2014, "met"] == True  # noqa: E712 - 7.4 within 0.1 point of 7.5左右


def test_gdp_target_series_over_every_year_against_the_hand_gold():
    """Every year of the GDP gold that has a report (1992-2025, 32 years), not a window of them.

    Measured: the target of 30 of 32 years (1999's 7%左右 and 2011's 8%左右 are
    missed: the parser takes the previous year's result, stated first), the
    achieved value of 21 of the 24 years that have one (1997, 1998 and 2010
    missed). The floors hold those levels; raise them when a rule improves."""
    years = sorted(y for y in GDP if gwr_path_exists(y))
    assert len(years) >= 32
    gdp = series(policyparse.panel([gwr_path(y) for y in years]), "经济增长").set_index("year")
    targets = achieved = achieved_total = 0
    for year in years:
        gold = GDP[year]["target"]
        row = gdp.loc[year] if year in gdp.index else None
        got = None if row is None else (row.comparator, float(row.value),
                                        float(row.value_max) if row.value_max == row.value_max else None)
        targets += got == (None if gold is None else (gold["comparator"], float(gold["value"]), gold["value_max"]))
        result = (GDP.get(year + 1) or {}).get("achieved_previous_year")
        if result and row is not None and gwr_path_exists(year + 1):
            achieved_total += 1
            achieved += row.achieved == result["value"]
    assert achieved_total >= 24
    assert targets >= 30 and achieved >= 21, (targets, achieved)


def gwr_path_exists(year: int) -> bool:
    try:
        gwr_path(year)
    except FileNotFoundError:
        return False
    return True


def test_panel_columns_and_spans():
    plan = policyparse.parse_file(gwr_path(2019))
    frame = policyparse.panel([plan])
    assert list(frame.columns)[:11] == ["year", "indicator", "indicator_text", "kind", "comparator", "value",
                                        "value_max", "unit", "commitment", "deadline", "headline"]
    assert set(frame.kind) == {"target"}
    # one row per indicator: every target is a row or the restatement of exactly one row
    restated = [i for ids in frame.restatements for i in ids]
    assert sorted([*frame.id, *restated]) == sorted(q.id for q in plan.targets)
    assert len(set(frame.id) | set(restated)) == len(plan.targets)
    for row in frame.itertuples():
        assert plan.text[row.span[0]:row.span[1]] == next(q.surface for q in plan.targets if q.id == row.id)
    assert frame.headline.sum() == 7


def test_html_report_escapes_document_text(bundled_plan):
    hostile = policyparse.parse(bundled_plan.text.replace("抓好全国教育大会精神的学习宣传",
                                                          "抓好<script>alert(\"x\")</script>'学习'宣传", 1))
    d = policyparse.diff(bundled_plan, hostile)
    page = d.to_html()
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&#x27;学习&#x27;" in page
    assert "<script>" not in d._repr_html_()
    assert page.count("<a id='new-") >= len(hostile.items)
    md = d.to_markdown()
    # one heading reworded, no target touched: the Markdown says exactly that, the payload as text
    assert "## Reworded (1)" in md and "| units | 33 | 1 |" in md
    assert "| indicator | status |" not in md
    assert "<script" not in md and "1.抓好&lt;script&gt;alert\\(\"x\"\\)&lt;/script&gt;'学习'宣传" in md


def test_cli_diff_json_and_table(capsys):
    assert main(["diff", str(gwr_path(2018)), str(gwr_path(2019)), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old"]["year"] == 2018 and data["new"]["year"] == 2019
    assert {"old", "new", "status", "similarity"} <= set(data["alignment"][0])
    gdp = next(t for t in data["target_changes"] if t["indicator"] == "国内生产总值增长")
    assert gdp["status"] == "changed" and gdp["old"]["value"] == 6.5 and gdp["new"]["value_max"] == 6.5
    assert main(["diff", str(gwr_path(2018)), str(gwr_path(2019))]) == 0
    table = capsys.readouterr().out
    assert "headline targets:" in table and "农村贫困人口减少" in table


def test_cli_diff_bad_file_is_named(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["diff", str(empty), str(gwr_path(2019))]) == 1
    assert "empty.txt" in capsys.readouterr().err


def test_cli_panel_csv_on_stdout(capsys, tmp_path):
    assert main(["panel", str(gwr_path(2017)), str(gwr_path(2018))]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"year", "indicator", "indicator_text", "kind", "comparator", "value", "value_max", "unit",
            "commitment", "source", "span", "achieved", "met"} <= set(rows[0])
    gdp = [r for r in rows if r["indicator"] == "国内生产总值增长" and r["year"] == "2017" and r["headline"] == "True"]
    assert gdp[0]["achieved"] == "6.9" and gdp[0]["met"] == "True"
    assert main(["panel", str(gwr_path(2017)), "--format", "parquet"]) == 2
    out = tmp_path / "panel.parquet"
    assert main(["panel", str(gwr_path(2017)), "--format", "parquet", "-o", str(out)]) == 0
    import pandas as pd

    assert len(pd.read_parquet(out)) == len(policyparse.parse_file(gwr_path(2017)).targets)


def test_one_status_per_target_in_every_table(diffs):
    """2018 -> 2019: 农村贫困人口减少 (a chapter target of 2018, a headline one of 2019) has one
    status in the headline table, the full table, the Markdown and the HTML report."""
    d = diffs[(2018, 2019)]
    assert all(any(t is u for u in d.target_changes) for t in d.headline_changes)
    (poor,) = [t for t in d.headline_changes if t.indicator == "农村贫困人口减少"]
    assert poor.headline_list == "entered" and poor.old is not None and poor.old.surface == "1000万以上"
    from policyparse import sanitize  # noqa: PLC0415
    from policyparse.compare.report import status_text  # noqa: PLC0415

    text = status_text(poor)
    assert text.endswith("; entered the headline list")
    md = d.to_markdown()
    rows = [line for line in md.splitlines() if line.startswith("| 农村贫困人口减少 |")]
    assert len(rows) == 2 and len(set(rows)) == 1 and f"| {sanitize.markdown(text)} |" in rows[0]
    assert d.to_html().count(text) >= 2
    frames = {kind: d.to_frame(kind) for kind in ("targets", "headline")}
    assert {f.loc[f.indicator == "农村贫困人口减少", "status"].item() for f in frames.values()} == {poor.status}


def test_changes_stated_against_last_year_keep_their_sign():
    """The deficit sentences of the headline-delta gold: 低 is negative, 高 positive."""
    from policyparse.compare.targets import delta, signed_value  # noqa: PLC0415
    from policyparse.evaluation import locate  # noqa: PLC0415

    gold = json.loads((GOLD / "gwr_headline_deltas.json").read_text("utf-8"))["deficit_change_sentences"]
    stated = [g for g in gold if g["signed_change"] not in (None, 0) and any(c.isdigit() for c in g["surface"])]
    assert len(stated) >= 3
    found = {}
    for g in stated:
        plan = policyparse.parse_file(GWR / f"{g['year']}.txt")
        span = locate(plan.text, g["anchor"])
        (q,) = [q for q in plan.quantities if span[0] <= q.span[0] < span[1]]
        assert signed_value(q) == g["signed_change"], g["anchor"]
        found[g["year"]] = q
    assert delta(found[2018], found[2019]) == pytest.approx(0.6)  # from 低0.4 to 高0.2 is +0.6, not -0.2
