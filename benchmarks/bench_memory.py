"""Memory of parsing one large plan: peak RSS against the input size, and what holds it.

    python benchmarks/bench_memory.py [--mb 5,50] [--no-extract] [--breakdown-mb 5]

For each size, a plain-text file of that many MB is made from the Government
Work Reports in ../shared/corpora (concatenated, years in turn, until the
size is reached; a temporary folder) and parsed with ``parse_file`` in a
fresh child process. The child reports its RSS after each stage (read;
normalise + outline; extraction) and its peak RSS (``ru_maxrss``); the ratio
is peak RSS over the input's size in bytes (the goal of issue 15: at most
30x for a 50 MB file), printed next to the RSS of the child before it read
anything (the interpreter and the library).

With ``--breakdown-mb``, one more child parses a file of that size under
tracemalloc and prints what the finished plan holds, by part (deep sizes of
``text``, ``raw_text``, the offset maps, nodes, tasks, quantities …) and the
source lines that allocated the most memory still alive at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GWR = REPO.parent / "shared" / "corpora" / "gwr"


def make_text(path: Path, mb: float) -> int:
    """Write a text of about ``mb`` MB made of the reports, one after another; its size in bytes."""
    reports = [p.read_bytes() for p in sorted(GWR.glob("*.txt"))]
    if not reports:
        sys.exit(f"no reports in {GWR}: the shared corpora must sit beside the checkout")
    target = int(mb * 1024 * 1024)
    with path.open("wb") as f:
        written, i = 0, 0
        while written < target:
            chunk = reports[i % len(reports)]
            f.write(chunk + b"\n")
            written += len(chunk) + 1
            i += 1
    return written


CHILD = r"""
import gc, json, resource, sys, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
path, extract, breakdown, segmenter = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1", sys.argv[4]
if breakdown:
    import tracemalloc
    tracemalloc.start(1)
import policyparse
from policyparse import pipeline
from policyparse.ingest.reader import read
from policyparse.extract.tokens import tokenize
tokenize("深入推进改革")  # the default segmenter's dictionary, loaded before the baseline
tokenize("深入推进改革", segmenter=segmenter)  # and the one asked for
out = {"start": rss()}
t = time.perf_counter()
doc = read(path)
out["read"] = rss()
with pipeline._gc_paused():
    plan = pipeline._parse(doc.text, source=path, meta={}, defaults={}, drop_debris=True, to_simplified=True,
                           sentences=True)
    out["outline"] = rss()
    if extract:
        from policyparse.extract.run import extract as run
        run(plan, segmenter=segmenter)
        out["extract"] = rss()
out["seconds"] = time.perf_counter() - t
out["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["chars"] = len(doc.text)
out["nodes"] = len(plan.nodes)
if breakdown:  # what is alive at the end, taken before the deep sizes below allocate their own
    snapshot = tracemalloc.take_snapshot()
    out["traced_peak"] = tracemalloc.get_traced_memory()[1] / 2**20
    out["lines"] = [(str(s.traceback[0]), s.size / 2**20, s.count) for s in snapshot.statistics("lineno")[:15]]
    del snapshot
    def deep(obj, seen):
        # the size of obj and everything it refers to, each object counted once
        total, stack = 0, [obj]
        while stack:
            o = stack.pop()
            if id(o) in seen or isinstance(o, type):
                continue
            seen.add(id(o))
            total += sys.getsizeof(o)
            if isinstance(o, dict):
                stack.extend(o.keys()); stack.extend(o.values())
            elif isinstance(o, (list, tuple, set, frozenset)):
                stack.extend(o)
            elif hasattr(o, "__dict__"):
                stack.append(vars(o))
            elif hasattr(type(o), "_raw_slots"):  # a compact record: its stored values, not the tuples it makes
                stack.extend(d.__get__(o) for d in type(o)._raw_slots.values())
            elif hasattr(o, "__slots__"):
                stack.extend(getattr(o, s) for s in o.__slots__ if hasattr(o, s))
        return total
    seen = set()
    parts = {}
    for name in ("text", "raw_text", "offsets", "nodes", "tasks", "quantities", "actors", "references", "edges",
                 "warnings"):
        if hasattr(plan, name):
            parts[name] = deep(getattr(plan, name), seen) / 2**20
    parts["document (decoded file)"] = deep(doc, seen) / 2**20
    out["parts"] = parts
print(json.dumps(out))
"""


def run_child(path: Path, extract: bool, breakdown: bool, segmenter: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), "1" if extract else "0", "1" if breakdown else "0",
                           segmenter],
                          capture_output=True, text=True, cwd=REPO)
    if proc.returncode:
        sys.exit(f"the child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", default="5,50", help="input sizes in MB, comma-separated (default 5,50)")
    ap.add_argument("--no-extract", action="store_true", help="outline only")
    ap.add_argument("--segmenter", default="rjieba",
                    help="the segmenter of extraction (default rjieba, parse's default; runs before 2026-11-30 used jieba, "
                         "whose dictionary adds about 150 MB to the baseline)")
    ap.add_argument("--breakdown-mb", type=float, default=0, help="also break down a parse of this size (tracemalloc)")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; extraction {'off' if args.no_extract else 'on'} "
          f"(segmenter {args.segmenter}, loaded before the baseline)")
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        print(f"{'input MB':>8s} {'chars':>10s} {'nodes':>8s} {'s':>7s} {'base MB':>8s} {'read':>7s} "
              f"{'outline':>8s} {'extract':>8s} {'peak MB':>8s} {'peak/input':>10s} {'(peak-base)/input':>17s}")
        for mb in [float(x) for x in args.mb.split(",")]:
            path = Path(tmp) / f"plan-{mb:g}mb.txt"
            size = make_text(path, mb)
            r = run_child(path, not args.no_extract, False, args.segmenter)
            inp = size / 2**20
            print(f"{inp:8.1f} {r['chars']:10d} {r['nodes']:8d} {r['seconds']:7.1f} {r['start']:8.0f} {r['read']:7.0f} "
                  f"{r['outline']:8.0f} {r.get('extract', 0):8.0f} {r['peak']:8.0f} {r['peak'] / inp:10.1f} "
                  f"{(r['peak'] - r['start']) / inp:17.1f}", flush=True)
            path.unlink()
        if args.breakdown_mb:
            path = Path(tmp) / "breakdown.txt"
            size = make_text(path, args.breakdown_mb)
            r = run_child(path, not args.no_extract, True, args.segmenter)
            print(f"\nbreakdown of a {size / 2**20:.1f} MB parse (tracemalloc peak {r['traced_peak']:.0f} MB; "
                  f"RSS peak {r['peak']:.0f} MB): what the finished plan holds, MB")
            for name, value in sorted(r["parts"].items(), key=lambda kv: -kv[1]):
                print(f"  {name:24s} {value:8.1f}  ({value / (size / 2**20):5.1f}x the input)")
            print("\nthe source lines whose allocations are still alive at the end, MB (count):")
            for where, mbytes, count in r["lines"]:
                print(f"  {mbytes:8.1f} ({count:9d})  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
