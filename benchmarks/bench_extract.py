"""Extraction speed against its floor, the segmenter, in one process; the CLI's cold start.

Run: ``python benchmarks/bench_extract.py [--since 1978] [--repeat 3] [--pkuseg-reports N] [--cold N]``

Over the Government Work Reports since ``--since`` (read in place from
../shared/corpora/gwr; 43 reports, 884k characters since 1978), after a
warm-up that loads every dictionary and model:

- a bare ``jieba.lcut`` over the texts (Python jieba, its own dictionary):
  the floor a parse is held to (goal: a full parse at most 0.6 of it), and a
  bare ``rjieba.cut`` (jieba-rs), the segmenter the parse uses by default;
- ``parse`` with extraction (the default rjieba backend and the jieba
  backend), and the outline alone (``extract=False``): ratios to both floors;
- the pkuseg backend over the first N reports (0: skipped), against
  ``jieba.lcut`` on the same reports;
- the peak memory (tracemalloc) of parsing the largest report;
- ``policyparse parse corpora/edu-bureau-2019.txt --format json`` in a fresh
  process, best of ``--cold``, beside ``python -c pass`` (goal: at most 0.5 s
  on a quiet machine).

Machines are noisy: compare ratios measured in the same run, not seconds.
Times are CPU seconds of the process (``time.process_time``; for the cold
start, the child's user + system time), which other work on a shared machine
changes far less than wall time; the load average is printed with them, and
the cold start shows wall time too. The cold-start child runs with bytecode
written (``PYTHONDONTWRITEBYTECODE`` dropped from its environment) after one
untimed warm-up run, so it measures what a user's second run sees.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import policyparse

REPO = Path(__file__).resolve().parents[1]
GWR = REPO.parent / "shared" / "corpora" / "gwr"
PLAN = REPO / "corpora" / "edu-bureau-2019.txt"


def best_of(n: int, fn) -> float:
    """The least CPU time of ``n`` runs of ``fn``."""
    best = float("inf")
    for _ in range(n):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def _child_env() -> dict[str, str]:
    """The environment of a cold-start child: this one's, but with bytecode written and read.

    A shell that sets ``PYTHONDONTWRITEBYTECODE`` (as some development setups do) would
    make every child compile the package's modules again, which no installed user sees:
    the variable is dropped, and :func:`cold_start` runs the CLI once untimed first so
    the ``.pyc`` files exist.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(cmd: list[str]) -> tuple[float, float]:
    """CPU time (user + system) and wall time of running ``cmd`` to the end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO, env=_child_env())
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def cold_start(repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (CPU, wall) of the CLI on the bundled plan and of ``python -c pass``, each in a fresh process."""
    cli = [sys.executable, "-c", "import sys; from policyparse.cli.main import main; sys.exit(main())",
           "parse", str(PLAN), "--format", "json"]
    _child(cli)  # warm-up, untimed: writes the bytecode a user's second run reads
    runs = [_child(cli) for _ in range(repeat)]
    bare = [_child([sys.executable, "-c", "pass"]) for _ in range(repeat)]
    return ((min(c for c, _ in runs), min(w for _, w in runs)), (min(c for c, _ in bare), min(w for _, w in bare)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--since", type=int, default=1978, help="the first year of the reports to parse")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    ap.add_argument("--pkuseg-reports", type=int, default=4, help="reports for the pkuseg measurement (0: none)")
    ap.add_argument("--cold", type=int, default=7, help="runs of the CLI cold start (0: skipped)")
    args = ap.parse_args(argv)
    if not GWR.is_dir():
        print(f"{GWR} is missing: the shared corpora must sit beside the checkout", file=sys.stderr)
        return 1
    import jieba  # noqa: PLC0415
    import rjieba  # noqa: PLC0415

    paths = [p for p in sorted(GWR.glob("*.txt")) if p.stem.isdigit() and int(p.stem) >= args.since]
    texts = [p.read_text("utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    jieba.setLogLevel(60)
    jieba.lcut(texts[0])  # load the dictionaries before timing
    rjieba.cut(texts[0])
    policyparse.parse(texts[0])  # load the pipeline, the domain dictionary, cn2an, OpenCC
    policyparse.parse(texts[0], segmenter="jieba")

    floor = best_of(args.repeat, lambda: [jieba.lcut(t) for t in texts])
    rfloor = best_of(args.repeat, lambda: [rjieba.cut(t) for t in texts])
    full = best_of(args.repeat, lambda: [policyparse.parse(t) for t in texts])
    full_j = best_of(args.repeat, lambda: [policyparse.parse(t, segmenter="jieba") for t in texts])
    outline = best_of(args.repeat, lambda: [policyparse.parse(t, extract=False) for t in texts])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(texts)} reports since {args.since}, {chars:,} characters; CPU seconds, best of {args.repeat}; "
          f"load average {load:.2f} on {os.cpu_count()} cores")
    print(f"  jieba.lcut (the floor)          {floor:7.2f} s  {chars / floor / 1e3:7.0f} k chars/s")
    print(f"  rjieba.cut                      {rfloor:7.2f} s  {chars / rfloor / 1e3:7.0f} k chars/s  "
          f"ratio to jieba.lcut {rfloor / floor:5.2f}")
    for name, secs, aim in (("parse, outline only", outline, ""),
                            ("parse with extraction (rjieba)", full, "   (aim: at most 0.6 of jieba.lcut)"),
                            ("parse with extraction (jieba)", full_j, "")):
        print(f"  {name:<31} {secs:7.2f} s  ratio to jieba.lcut {secs / floor:5.2f}, "
              f"to rjieba.cut {secs / rfloor:5.2f}{aim}")

    if args.pkuseg_reports:
        sub = texts[: args.pkuseg_reports]
        sub_chars = sum(len(t) for t in sub)
        try:
            policyparse.parse(sub[0], segmenter="pkuseg")  # load the model
        except policyparse.PolicyParseError as exc:
            print(f"  pkuseg backend: skipped ({exc})")
        else:
            floor_sub = best_of(args.repeat, lambda: [jieba.lcut(t) for t in sub])
            pku = best_of(1, lambda: [policyparse.parse(t, segmenter="pkuseg") for t in sub])
            default_sub = best_of(args.repeat, lambda: [policyparse.parse(t) for t in sub])
            print(f"  pkuseg backend ({len(sub)} reports, {sub_chars:,} chars): {pku:6.2f} s  "
                  f"ratio to jieba.lcut {pku / floor_sub:5.1f}, to the default backend {pku / default_sub:5.1f}")

    largest = max(paths, key=lambda p: p.stat().st_size)
    text = largest.read_text("utf-8")
    tracemalloc.start()
    plan = policyparse.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory parsing the largest report ({largest.name}, {len(text):,} chars): "
          f"{peak / 2**20:.1f} MiB ({peak / len(text):.0f} bytes per character); "
          f"{len(plan.tasks)} tasks, {len(plan.quantities)} quantities")

    if args.cold:
        (cli, cli_wall), (bare, bare_wall) = cold_start(args.cold)
        print(f"  cold start, CPU (wall): policyparse parse {PLAN.relative_to(REPO)} --format json "
              f"{cli:5.2f} s ({cli_wall:5.2f} s), python -c pass {bare:5.2f} s ({bare_wall:5.2f} s); "
              f"best of {args.cold}; aim: at most 0.5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
