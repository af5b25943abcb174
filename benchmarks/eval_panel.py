"""The target panel against hand gold: every cell (target, annual result, met) of seven
indicators, 2005-2025 (tests/gold/gwr_panel_2005_2025.json, made blind to the parser).

Run: ``python benchmarks/eval_panel.py [--errors]``

Prints the cells right overall and without the cells read from the held-out
reports (gwr/2008.txt, gwr/2021.txt: the 2008 and 2021 targets, the 2007 and
2020 results): the second figure is the one fixes may be tuned on.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import policyparse
from policyparse.compare.series import cells_against_gold

REPO = Path(__file__).resolve().parents[1]
GWR = REPO.parent / "shared" / "corpora" / "gwr"
GOLD = REPO / "tests" / "gold" / "gwr_panel_2005_2025.json"


#: held-out extraction documents (tests/gold/labels, split test): never tuned on
HELD_OUT = ("gwr/2008.txt", "gwr/2021.txt")


def _from_held_out(year: int, cell: str) -> bool:
    """Whether a cell's value is read from a held-out report: the targets of its year, the
    results of the year before it (a report reviews the year before), and ``met`` of both."""
    held = {int(h[4:8]) for h in HELD_OUT}
    from_target = year in held and cell in ("target", "met")
    from_result = year + 1 in held and cell in ("achieved", "met")
    return from_target or from_result


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["rows"]
    years = sorted({r["year"] for r in gold})
    paths = [GWR / f"{y}.txt" for y in range(years[0], years[-1] + 2) if (GWR / f"{y}.txt").exists()]
    frame = policyparse.panel(paths)
    cells = cells_against_gold(frame, gold)
    right = Counter(c for *_, c, g, p in cells if g == p)
    total = Counter(c for *_, c, _, _ in cells)
    for cell in ("target", "achieved", "met"):
        print(f"panel {cell:8s} cells right: {right[cell]}/{total[cell]} ({right[cell] / total[cell]:.1%})")
    print(f"panel cells right: {sum(right.values())}/{len(cells)} ({sum(right.values()) / len(cells):.1%})")
    dev = [(y, i, c, g, p) for y, i, c, g, p in cells if not _from_held_out(y, c)]
    dev_right = sum(g == p for *_, g, p in dev)
    print(f"panel cells right, without the cells read from the held-out reports "
          f"{' and '.join(HELD_OUT)}: {dev_right}/{len(dev)} ({dev_right / len(dev):.1%})")
    false_met = [(y, i) for y, i, c, g, p in cells if c == "met" and p is False]
    wrong_false = [(y, i) for y, i, c, g, p in cells if c == "met" and p is False and g is not False]
    print(f"met = False: {len(false_met)} rows, {len(wrong_false)} of them where the result did not really miss")
    if "--errors" in sys.argv:
        for y, i, c, g, p in cells:
            if g != p:
                print(f"  {y} {i} {c}: gold {g} | panel {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
