"""Scores of comparing plans against the hand-made gold (tests/gold/DIFF_GOLD.md).

Run: ``python benchmarks/eval_diff.py [--dev]`` (``--dev``: the development pairs only, no held-out figure)

- headline target changes of 2018 → 2019 and 2022 → 2023 (status and both surfaces);
- subsection links (precision and recall of linked pairs) of the development pairs 2018 → 2019,
  2010 → 2011, 2011 → 2012, 2013 → 2014 and of the three held-out pairs;
- the GDP growth target series (comparator, value, upper bound) and the
  achieved values the panel finds, over every report year of the gold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import policyparse
from policyparse.compare.series import series

REPO = Path(__file__).resolve().parents[1]
GWR = REPO.parent / "shared" / "corpora" / "gwr"
GOLD = REPO / "tests" / "gold"

#: (old year, new year, gold file, label): the hand alignments of subsections; "(dev)" pairs may be
#: tuned on, "HELD OUT" pairs are measured only (``--dev`` leaves them out while tuning)
PAIRS = (
    (2018, 2019, "gwr_2018_2019_subsections.json", "(dev) "),
    (2010, 2011, "gwr_2010_2011_subsections_dev.json", "(dev) "),
    (2011, 2012, "gwr_2011_2012_subsections_dev.json", "(dev) "),
    (2013, 2014, "gwr_2013_2014_subsections_dev.json", "(dev) "),
    (2016, 2017, "gwr_2016_2017_subsections_heldout.json", "HELD OUT: "),
    (2021, 2022, "gwr_2021_2022_subsections.json", "HELD OUT: "),
    (2023, 2024, "gwr_2023_2024_subsections.json", "HELD OUT: "),
)


def _dash(s):
    return s.replace("－", "-").removeprefix("控制在") if s else s


def _headline_view(t):
    """A change as the headline gold states it: entering the headline list is 'added' to it."""
    if t.headline_list == "entered":
        return "added", None, _dash(t.new.surface)
    if t.headline_list == "left":
        return "removed", _dash(t.old.surface), None
    return t.status, _dash(t.old.surface) if t.old else None, _dash(t.new.surface) if t.new else None


def subsection_links(old_year: int, new_year: int, gold_file: str, label: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of the subsection links of a diff against a hand alignment; prints P and R."""
    sub = json.loads((GOLD / gold_file).read_text(encoding="utf-8"))
    d = policyparse.diff(GWR / f"{old_year}.txt", GWR / f"{new_year}.txt")
    gl = {(p["old"], p["new"]) for p in sub["pairs"] if p["old"] and p["new"]}
    gt = {(c.old_heading, c.new_heading) for c in d.alignment if c.kind == "subsection" and c.old and c.new}
    tp = len(gl & gt)
    print(f"{label}subsection links {old_year} → {new_year}: P={tp / len(gt) if gt else 1:.2f} R={tp / len(gl):.2f} "
          f"(tp={tp} fp={len(gt) - tp} fn={len(gl) - tp})")
    return tp, len(gt) - tp, len(gl) - tp


def main() -> int:
    heads = json.loads((GOLD / "gwr_headline_targets.json").read_text(encoding="utf-8"))
    for a, b in ((2018, 2019), (2022, 2023)):
        d = policyparse.diff(GWR / f"{a}.txt", GWR / f"{b}.txt")
        gold = {(g["status"], _dash(g["old"]), _dash(g["new"])) for g in heads["changes"][f"{a}→{b}"]}
        got = {_headline_view(t) for t in d.headline_changes}
        print(f"headline target changes {a} → {b}: {len(got & gold)} of {len(gold)} right, {len(got - gold)} wrong")
    total = [0, 0, 0]
    dev = [0, 0, 0]
    dev_pairs = [p for p in PAIRS if not p[3].startswith("HELD")]
    for old_year, new_year, gold_file, label in PAIRS:
        if "--dev" in sys.argv and label.startswith("HELD"):
            continue
        counts = subsection_links(old_year, new_year, gold_file, label)
        if label.startswith("HELD"):
            total = [x + y for x, y in zip(total, counts)]
        else:
            dev = [x + y for x, y in zip(dev, counts)]
    tp, fp, fn = dev
    print(f"(dev) subsection links over the {len(dev_pairs)} development pairs: P={tp / (tp + fp):.2f} R={tp / (tp + fn):.2f}")
    tp, fp, fn = total
    if "--dev" in sys.argv:
        return 0
    print(f"HELD OUT: subsection links over the three held-out pairs: P={tp / (tp + fp):.2f} R={tp / (tp + fn):.2f}")
    gdp = {e["year"]: e for e in json.loads((GOLD / "gwr_gdp_targets.json").read_text(encoding="utf-8"))}
    frame = policyparse.panel(sorted(GWR.glob("*.txt")))
    found = series(frame, "国内生产总值增长").set_index("year")
    t_ok = t_n = a_ok = a_n = a_wrong = 0
    print("\nGDP growth target series (gold | panel):")
    for year in sorted(gdp):
        target = gdp[year]["target"]
        achieved = (gdp.get(year + 1) or {}).get("achieved_previous_year")
        row = found.loc[year] if year in found.index else None
        got_t = None if row is None else (row.comparator, row.value, None if row.value_max != row.value_max else row.value_max)
        want_t = None if target is None else (target["comparator"], target["value"], target["value_max"])
        got_a = None if row is None or row.achieved != row.achieved else row.achieved
        want_a = achieved["value"] if achieved else None
        if want_t is not None:
            t_n += 1
            t_ok += got_t == want_t
        if year + 1 in gdp:  # the next report is in the corpus: its review is what achieved is read from
            a_n += 1
            a_ok += got_a == want_a
            a_wrong += got_a is not None and got_a != want_a
        mark = "" if (got_t == want_t and (year + 1 not in gdp or got_a == want_a)) else "   <-"
        print(f"  {year}  {want_t} {want_a} | {got_t} {got_a}{mark}")
    print(f"targets right: {t_ok} of {t_n}; achieved (a value, or none where the next report gives none) "
          f"right: {a_ok} of {a_n}, wrong values: {a_wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
