"""Kill ``policyparse batch`` with ``kill -9`` again and again, resume, and check nothing is lost or doubled.

Run: ``python scripts/batch_kill_resume.py [--files 200] [--bad 10] [--gbk 20] [--kills 5] [--jobs 2] [--keep DIR]``

The corpus is built in a temporary folder (never in the repository) from the
Government Work Reports, read in place from ``../shared/corpora/gwr``: each
good file is a report with a numbered last line of its own (no two files have
the same content: a batch parses a content once); ``--bad`` files cannot be
parsed (blank, binary, NULs, an image, a legacy ``.doc``; no two alike); ``--gbk`` of all
the files have names in GBK bytes, as a Windows zip unpacks them, which are
not valid UTF-8.

``policyparse batch --jobs N --no-extract`` then runs as a user runs it, in
its own process. Each time the record files have grown past the next
threshold (spread over the run), the *parent alone* is killed with
``SIGKILL``, as an out-of-memory killer or a closed terminal would; its
workers must then exit by themselves. The run is resumed with ``--resume``
after each kill, and once more to the end. Checked after the end:

* every line of ``plans.jsonl``, ``errors.jsonl`` and ``duplicates.jsonl``
  is whole (ends with a line end, is JSON) and valid UTF-8;
* every good file is in ``plans.jsonl`` exactly once, every bad file in
  ``errors.jsonl`` exactly once (matched by their exact names, GBK bytes
  included), nothing is a duplicate;
* no process of a killed run (its workers, the resource tracker) is alive
  a few seconds after the kill (reported: how long the slowest took);
* the last resume exits 1 (the bad files) and counts every file.

Prints a report and exits 1 when a check fails. ``tests/batch/test_kill_resume.py``
runs a small version.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GWR = REPO.parent / "shared" / "corpora" / "gwr"
#: bytes that no reader accepts, one kind per bad file (cycled); ``i`` makes each file's bytes its own
#: (equal bytes would be one content, recorded once and the rest as duplicates)
BAD_KINDS = {
    "blank": lambda i: b" \n" * (i + 1),
    "binary": lambda i: bytes(range(256)) * 32 + i.to_bytes(4, "big"),
    "nuls": lambda i: "规划\x00\x00\x00".encode("utf-8") * (200 + i),
    "image": lambda i: b"\x89PNG\r\n\x1a\n" + bytes(2000 + i),
    "legacy-doc": lambda i: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000 + i),
}
#: seconds a killed run's processes may take to exit (the workers poll their parent twice a second)
ORPHAN_GRACE = 10.0


def build_corpus(folder: Path, files: int, bad: int, gbk: int, seed: int = 0) -> dict[str, list[str]]:
    """Write the corpus; return the exact names (``os.fsdecode`` form) of the good and the bad files."""
    rng = random.Random(seed)
    reports = sorted(GWR.glob("*.txt"))
    if not reports:
        raise SystemExit(f"{GWR} is missing: the shared corpora must sit beside the checkout")
    folder.mkdir(parents=True)
    kinds = list(BAD_KINDS)
    gbk_at = set(rng.sample(range(files), min(gbk, files)))
    out: dict[str, list[str]] = {"good": [], "bad": []}
    for i in range(files):
        is_bad = i < bad
        stem = f"{'坏' if is_bad else ''}{i:03d}号政府工作报告"
        name = f"{stem}.txt"
        raw = os.fsencode(folder) + b"/" + (name.encode("gbk") if i in gbk_at else name.encode("utf-8"))
        if is_bad:
            data = BAD_KINDS[kinds[i % len(kinds)]](i)
        else:
            report = reports[i % len(reports)]
            data = report.read_bytes() + f"\n（第{i}份）\n".encode("utf-8")
        with open(raw, "wb") as f:
            f.write(data)
        out["bad" if is_bad else "good"].append(os.fsdecode(raw))
    return out


def _exact(record: dict[str, Any]) -> str:
    if record.get("source_bytes"):
        return os.fsdecode(base64.b64decode(record["source_bytes"]))
    return record["source"]


def _lines(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The records of a JSONL file, and what is wrong with its lines."""
    problems: list[str] = []
    if not path.exists():
        return [], problems
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        problems.append(f"{path.name}: a torn last line")
    records = []
    for number, line in enumerate(data.splitlines(), 1):
        try:
            records.append(json.loads(line.decode("utf-8")))
        except (UnicodeDecodeError, ValueError) as exc:
            problems.append(f"{path.name}: line {number} is not a whole UTF-8 JSON record ({exc})")
    return records, problems


def _count(out: Path) -> int:
    return sum(p.read_bytes().count(b"\n") for p in (out / "plans.jsonl", out / "errors.jsonl") if p.exists())


def run(files: int = 200, bad: int = 10, gbk: int = 20, kills: int = 5, jobs: int = 2,
        work: Path | None = None, seed: int = 0, log: Any = print) -> dict[str, Any]:
    """Build the corpus, run, kill and resume; return what was seen (``problems`` lists every failed check)."""
    import psutil  # noqa: PLC0415 - the batch extra

    work = Path(work or tempfile.mkdtemp(prefix="pp-kill-"))
    names = build_corpus(work / "corpus", files, bad, gbk, seed)
    out = work / "out"
    cli = [sys.executable, "-m", "policyparse.cli.main", "batch", str(work / "corpus"), "-o", str(out),
           "--jobs", str(jobs), "--no-extract", "--no-progress"]
    problems: list[str] = []
    killed_at: list[int] = []
    orphan_seconds: list[float] = []
    total = files
    for k in range(kills):
        threshold = (k + 1) * total // (kills + 1)
        proc = subprocess.Popen(cli + (["--resume"] if k else []), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        parent = psutil.Process(proc.pid)
        family: set[psutil.Process] = set()
        while proc.poll() is None and _count(out) < threshold:
            try:
                family |= set(parent.children(recursive=True))
            except psutil.NoSuchProcess:
                break
            time.sleep(0.02)
        if proc.poll() is not None:
            problems.append(f"run {k + 1} ended (exit {proc.returncode}) before the kill at {threshold} records: "
                            + proc.stderr.read().decode("utf-8", "replace")[-300:])
            proc.stderr.close()
            continue
        try:
            family |= set(parent.children(recursive=True))
        except psutil.NoSuchProcess:
            pass
        os.kill(proc.pid, signal.SIGKILL)  # the parent alone: its workers must follow by themselves
        proc.wait()
        proc.stderr.close()
        killed_at.append(_count(out))
        started = time.monotonic()
        alive = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        while alive and time.monotonic() - started < ORPHAN_GRACE:
            time.sleep(0.05)
            alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        orphan_seconds.append(time.monotonic() - started)
        if alive:
            problems.append(f"kill {k + 1}: {len(alive)} processes of the killed run still alive after "
                            f"{ORPHAN_GRACE:.0f} s: {[p.pid for p in alive]}")
            for p in alive:
                p.kill()
        log(f"kill {k + 1}: at {killed_at[-1]} records; its processes gone after {orphan_seconds[-1]:.2f} s")
    last = subprocess.run(cli + ["--resume"], capture_output=True, text=True)
    summary = last.stderr.strip().splitlines()[-1] if last.stderr.strip() else ""
    log(f"last resume: exit {last.returncode}: {summary}")
    if last.returncode != (1 if bad else 0):
        problems.append(f"the last resume exited {last.returncode}: {last.stderr[-500:]}")
    if f"of {files} files" not in summary:
        problems.append(f"the summary does not count every file: {summary!r}")

    plans, wrong = _lines(out / "plans.jsonl")
    problems += wrong
    errors, wrong = _lines(out / "errors.jsonl")
    problems += wrong
    duplicates, wrong = _lines(out / "duplicates.jsonl")
    problems += wrong
    parsed = Counter(_exact(r) for r in plans)
    failed = Counter(_exact(r) for r in errors)
    if set(parsed) != set(names["good"]):
        problems.append(f"plans.jsonl: {len(set(names['good']) - set(parsed))} good files missing, "
                        f"{len(set(parsed) - set(names['good']))} files that are not good files")
    twice = [n for n, c in parsed.items() if c > 1] + [n for n, c in failed.items() if c > 1]
    if twice:
        problems.append(f"{len(twice)} files recorded more than once")
    if set(failed) != set(names["bad"]):
        problems.append(f"errors.jsonl: {sorted(set(failed) ^ set(names['bad']))[:5]} …")
    if duplicates:
        problems.append(f"duplicates.jsonl: {len(duplicates)} records, expected none")
    report = {"files": files, "bad": bad, "gbk": gbk, "kills": len(killed_at), "killed_at": killed_at,
              "orphan_seconds_max": max(orphan_seconds, default=0.0), "plans": len(plans), "errors": len(errors),
              "problems": problems, "work": str(work)}
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--bad", type=int, default=10)
    ap.add_argument("--gbk", type=int, default=20)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder, removed)")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="pp-kill-"))
    if args.keep and work.exists() and any(work.iterdir()):
        raise SystemExit(f"{work} is not empty")
    try:
        report = run(args.files, args.bad, args.gbk, args.kills, args.jobs, work, args.seed)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{report['files']} files ({report['bad']} bad, {report['gbk']} with GBK names), "
          f"killed {report['kills']} times at {report['killed_at']} records; "
          f"slowest exit of a killed run's processes {report['orphan_seconds_max']:.2f} s; "
          f"{report['plans']} plans, {report['errors']} errors")
    for p in report["problems"]:
        print("PROBLEM:", p)
    print("all checks passed" if not report["problems"] else f"{len(report['problems'])} problems")
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
