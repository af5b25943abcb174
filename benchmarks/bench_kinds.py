"""What the quantity-kind model costs: extraction with the model against the rules alone, in one process.

Run: ``python benchmarks/bench_kinds.py [--repeat N]``

Each Government Work Report (read in place from ../shared/corpora/gwr) is
outlined once; extraction then runs over fresh copies of the outlines with the
rules' kinds (``kinds=None``) and with the shipped model, the two interleaved,
the best of each kept. Printed as a ratio measured in the same run (machines
are noisy: compare ratios, not seconds). A profile over the corpus puts the
model (features, one matrix product per document) at about 5% of extraction
(0.7 s of 13 s, against 9.6 s for the tasks).
"""
from __future__ import annotations

import argparse
import copy
import gc
import sys
import time
from pathlib import Path

import policyparse
from policyparse.extract.run import extract

GWR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gwr"


def timed(outlines, kinds) -> float:
    fresh = [copy.deepcopy(p) for p in outlines]
    gc.collect()  # the copies' garbage is collected now, not inside the next timing
    t = time.perf_counter()
    for p in fresh:
        extract(p, kinds=kinds)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    args = ap.parse_args(argv)
    if not GWR.is_dir():
        print(f"{GWR} is missing: the shared corpora must sit beside the checkout", file=sys.stderr)
        return 1
    outlines = [policyparse.parse_file(p, extract=False) for p in sorted(GWR.glob("*.txt"))]
    timed(outlines[:2], "model")  # load the segmenter, the lexicons and the model before timing
    rules = model = float("inf")
    for _ in range(args.repeat):  # interleaved, so that a change of load hits both alike
        rules = min(rules, timed(outlines, None))
        model = min(model, timed(outlines, "model"))
    chars = sum(len(p.text) for p in outlines)
    print(f"{len(outlines)} reports, {chars:,} characters")
    print(f"  extraction, rules' kinds   {rules:7.2f} s")
    print(f"  extraction, kind model     {model:7.2f} s  ratio to rules {model / rules:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
