"""Batch throughput with 1 and 2 processes, and peak memory as the corpus grows.

Run: ``python benchmarks/bench_batch.py [--mb 100] [--only throughput|memory] [--keep]`` (``make bench-batch``)

The Government Work Reports (read in place from ../shared/corpora/gwr) are
copied into a temporary folder (never into the repository) again and again
until the corpus holds ``--mb`` megabytes; each copy ends with its own
numbered line, so no two files have the same content (the batch parses a
content once). ``policyparse batch`` then runs as a user runs it (its own
process, full extraction, JSONL output):

- over the whole corpus with ``--jobs 1`` and ``--jobs 2``: characters per
  second, and the scaling ratio (2 processes against 1, measured in the same
  run: 2.0 is perfect on two cores);
- over the first 25 %, 50 % and 100 % of the corpus with ``--jobs 2``: the
  peak resident memory of the parent process and of the largest worker
  (sampled every 50 ms with psutil). Streaming means these stay flat as the
  corpus grows: the ratio of the peak at 100 % to the peak at 25 % should be
  about 1.

Machines are noisy: compare the ratios, not the seconds.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

GWR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gwr"


def build_corpus(folder: Path, megabytes: float) -> list[tuple[Path, int]]:
    """Copies of the reports until ``megabytes``; each file with its character count."""
    reports = [(p.stem, p.read_text("utf-8")) for p in sorted(GWR.glob("*.txt"))]
    if not reports:
        sys.exit(f"no reports in {GWR}: ../shared/corpora must sit beside the checkout")
    files: list[tuple[Path, int]] = []
    total = 0
    copy = 0
    while total < megabytes * 1e6:
        for year, text in reports:
            text = f"{text.rstrip()}\n（副本{copy}）\n"
            path = folder / f"{copy:04d}" / f"{year}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            files.append((path, len(text)))
            total += len(data)
            if total >= megabytes * 1e6:
                break
        copy += 1
    return files


def subset(files: list[tuple[Path, int]], folder: Path, share: float) -> tuple[Path, int, int]:
    """A folder of symbolic links to the first ``share`` of the files (by bytes)."""
    target = share * sum(p.stat().st_size for p, _ in files)
    folder.mkdir(parents=True)
    size = chars = 0
    for i, (path, n) in enumerate(files):
        if size >= target:
            break
        (folder / f"{i:06d}.txt").symlink_to(path)
        size += path.stat().st_size
        chars += n
    return folder, size, chars


class Sampler(threading.Thread):
    """Peak RSS of a process and of its largest descendant, sampled every 50 ms."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.parent_peak = self.worker_peak = self.total_peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                parent = self.proc.memory_info().rss
                children = [c.memory_info().rss for c in self.proc.children(recursive=True)]
            except psutil.Error:
                children, parent = [], self.parent_peak
            self.parent_peak = max(self.parent_peak, parent)
            self.worker_peak = max([self.worker_peak, *children])
            self.total_peak = max(self.total_peak, parent + sum(children))
            self.stop.wait(0.05)


def run_batch(folder: Path, out: Path, jobs: int) -> tuple[float, Sampler]:
    cli = [sys.executable, "-m", "policyparse.cli.main", "batch", str(folder), "-o", str(out),
           "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    proc = subprocess.Popen(cli, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"policyparse batch failed ({proc.returncode}):\n{err}")
    print(f"    {err.strip().splitlines()[-1]}", flush=True)
    shutil.rmtree(out)  # the JSONL of 100 MB of text is large
    return elapsed, sampler


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0, help="corpus size in megabytes (default 100)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    ap.add_argument("--only", choices=["throughput", "memory"], help="run one of the two parts")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="policyparse-bench-"))
    try:
        files = build_corpus(tmp / "corpus", args.mb)
        size = sum(p.stat().st_size for p, _ in files)
        chars = sum(n for _, n in files)
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB, {chars / 1e6:.1f} M characters "
              f"({len(list(GWR.glob('*.txt')))} reports replicated) on {psutil.cpu_count()} cores; "
              f"load average before the run {os.getloadavg()[0]:.2f} (other work on the machine skews the ratios)",
              flush=True)

        if args.only != "memory":
            throughput(tmp, chars)
        if args.only != "throughput":
            memory(tmp, files)
    finally:
        if args.keep:
            print(f"corpus kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def throughput(tmp: Path, chars: int) -> None:
    print("throughput over the whole corpus:", flush=True)
    rates = {}
    for jobs in (1, 2):
        elapsed, _ = run_batch(tmp / "corpus", tmp / f"out-{jobs}", jobs)
        rates[jobs] = chars / elapsed
        print(f"  --jobs {jobs}: {elapsed:7.1f} s  {rates[jobs] / 1e3:8.1f} k chars/s   "
              f"(load average {os.getloadavg()[0]:.2f})", flush=True)
    print(f"  scaling ratio (2 processes / 1): {rates[2] / rates[1]:.2f}", flush=True)


def memory(tmp: Path, files: list[tuple[Path, int]]) -> None:

    print("peak memory with --jobs 2 (RSS, MiB):", flush=True)
    rows = []
    for share in (0.25, 0.5, 1.0):
        folder, sub_size, sub_chars = subset(files, tmp / f"subset-{int(share * 100)}", share)
        elapsed, s = run_batch(folder, tmp / "out-mem", 2)
        rows.append((sub_size, s))
        print(f"  {sub_size / 1e6:6.1f} MB: parent {s.parent_peak / 2**20:7.1f}  largest worker "
              f"{s.worker_peak / 2**20:7.1f}  all processes {s.total_peak / 2**20:7.1f}   "
              f"({sub_chars / elapsed / 1e3:.1f} k chars/s)", flush=True)
    base = rows[0][1]
    last = rows[-1][1]
    print(f"  ratio 100% / 25%: parent {last.parent_peak / base.parent_peak:.2f}, "
          f"largest worker {last.worker_peak / base.worker_peak:.2f}, "
          f"all processes {last.total_peak / base.total_peak:.2f} (flat: about 1)")


if __name__ == "__main__":
    sys.exit(main())
