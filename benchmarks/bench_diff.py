"""Speed of comparing plans, against parsing them, in one process.

Run: ``python benchmarks/bench_diff.py``

- ``diff`` of two parsed reports of about 20,000 characters (2018 and 2019),
  against the time to parse one of them: the diff itself should be a fraction
  of a parse, and well under a second;
- ``panel`` over 13, 26 and all 52 parsed reports (parsing excluded), and
  parsing + panel over all of them: how the panel grows with the number of
  plans (it should grow linearly: each plan is read once, and achieved values
  are looked up in an index of the following year's plan).

Machines are noisy: compare ratios measured in the same run, not seconds.
"""
from __future__ import annotations

import sys
import time

from bench_extract import GWR, best_of

import policyparse


def main() -> int:
    if not GWR.is_dir():
        print(f"{GWR} is missing: the shared corpora must sit beside the checkout", file=sys.stderr)
        return 2
    old = policyparse.parse_file(GWR / "2018.txt")
    new = policyparse.parse_file(GWR / "2019.txt")
    policyparse.diff(old, new)  # warm-up: scikit-learn, scipy, rapidfuzz
    parse_one = best_of(3, lambda: policyparse.parse_file(GWR / "2019.txt"))
    diff_two = best_of(5, lambda: policyparse.diff(old, new))
    print(f"reports 2018 ({len(old.text):,} chars) and 2019 ({len(new.text):,} chars)")
    print(f"  parse one report     {parse_one:7.3f} s   (1.00)")
    print(f"  diff two parsed      {diff_two:7.3f} s   ({diff_two / parse_one:.2f} × a parse)")

    files = sorted(GWR.glob("*.txt"))
    t = time.perf_counter()
    plans = [policyparse.parse_file(f) for f in files]
    parse_all = time.perf_counter() - t
    print(f"\npanel over parsed reports (parsing all {len(plans)} took {parse_all:.2f} s)")
    base = None
    for n in (len(plans) // 4, len(plans) // 2, len(plans)):
        secs = best_of(3, lambda: policyparse.panel(plans[:n]))
        rows = len(policyparse.panel(plans[:n]))
        base = base or secs / n
        print(f"  {n:3d} plans {rows:6,d} rows  {secs:7.3f} s   per plan {secs / n * 1000:6.1f} ms "
              f"({secs / n / base:.2f} × the first)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
