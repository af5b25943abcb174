"""The target panel against hand gold: every cell (target, annual result, met) of seven
indicators, 2005-2025 (tests/gold/gwr_panel_2005_2025.json, made blind to the parser).

Run: ``python benchmarks/eval_panel.py [--errors]``
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
