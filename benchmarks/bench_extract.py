"""Extraction speed against its floor, the segmenter, in one process.

Run: ``python benchmarks/bench_extract.py [--pkuseg-reports N]``

Over the Government Work Reports (read in place from ../shared/corpora/gwr),
after a warm-up that loads every dictionary and model:

- ``jieba.lcut`` over the texts: the floor (a parse must at least segment);
- ``parse`` with extraction (jieba backend), and the outline alone
  (``extract=False``): the ratios to the floor are what to watch;
- the pkuseg backend over the first N reports, against ``jieba.lcut`` on the
  same reports (pkuseg is about ten times slower than jieba by itself);
- the peak memory (tracemalloc) of parsing the largest report.

Machines are noisy: compare ratios measured in the same run, not seconds.
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import policyparse

GWR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gwr"


def best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    ap.add_argument("--pkuseg-reports", type=int, default=4, help="reports for the pkuseg measurement")
    args = ap.parse_args(argv)
    if not GWR.is_dir():
        print(f"{GWR} is missing: the shared corpora must sit beside the checkout", file=sys.stderr)
        return 1
    import jieba  # noqa: PLC0415

    paths = sorted(GWR.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    jieba.lcut(texts[0])  # load the dictionary before timing
    policyparse.parse(texts[0])  # load the pipeline, the domain dictionary, cn2an, OpenCC

    floor = best_of(args.repeat, lambda: [jieba.lcut(t) for t in texts])
    full = best_of(args.repeat, lambda: [policyparse.parse(t) for t in texts])
    outline = best_of(args.repeat, lambda: [policyparse.parse(t, extract=False) for t in texts])
    print(f"{len(texts)} reports, {chars:,} characters")
    print(f"  jieba.lcut (floor)         {floor:7.2f} s  {chars / floor / 1e3:7.0f} k chars/s")
    print(f"  parse, outline only        {outline:7.2f} s  ratio to floor {outline / floor:5.2f}")
    print(f"  parse with extraction      {full:7.2f} s  ratio to floor {full / floor:5.2f}   (aim: at most 2)")

    sub = texts[: args.pkuseg_reports]
    sub_chars = sum(len(t) for t in sub)
    policyparse.parse(sub[0], segmenter="pkuseg")  # load the model
    floor_sub = best_of(args.repeat, lambda: [jieba.lcut(t) for t in sub])
    pku = best_of(1, lambda: [policyparse.parse(t, segmenter="pkuseg") for t in sub])
    jieba_sub = best_of(args.repeat, lambda: [policyparse.parse(t) for t in sub])
    print(f"  pkuseg backend ({len(sub)} reports, {sub_chars:,} chars): {pku:6.2f} s  "
          f"ratio to jieba.lcut {pku / floor_sub:5.1f}, to the jieba backend {pku / jieba_sub:5.1f}")

    largest = max(paths, key=lambda p: p.stat().st_size)
    text = largest.read_text("utf-8")
    tracemalloc.start()
    plan = policyparse.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory parsing the largest report ({largest.name}, {len(text):,} chars): "
          f"{peak / 2**20:.1f} MiB ({peak / len(text):.0f} bytes per character); "
          f"{len(plan.tasks)} tasks, {len(plan.quantities)} quantities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
