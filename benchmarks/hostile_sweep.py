"""The hostile-input sweep: over a thousand broken and malicious plan files,
each read and parsed in its own child process, timed and measured.

    python benchmarks/hostile_sweep.py [--quick] [--no-extract] [--keep DIR] [--jobs N]

The files (``tests/hostile.py``): the hand-made cases of issue 15 (zip bombs
up to 1 GB inflated, malformed Word numbering, DTD entity bombs and XXE, deep
XML and HTML, PDFs with a million pages, AES or a password, special files),
and 50 bit flips and 50 truncations of real .docx, .pdf and .html plans built
with ``tests/builders.py`` from three texts (the bundled plan and two
Government Work Reports from ../shared/corpora), plus 50 flips inside the
inflated XML of each .docx.

Each file is parsed with ``policyparse.parse_file`` in a child forked from a
parent that has already loaded the library and the segmenter (so a child's
memory is that of the parse, plus the parent's pages). A file passes when it
parses or raises ``PolicyParseError`` (as its case expects), within 30 s,
with a peak RSS under 500 MB when the file is under 10 MB, and writes nothing
to stderr. The peak RSS is the child's ``ru_maxrss`` (from ``wait4``).

Prints a table per family and every failure; exit 1 when any file fails.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import select
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import hostile  # noqa: E402

TIME_LIMIT = 30.0
RSS_LIMIT_MB = 500
SMALL_FILE = 10 * 1024 * 1024


def run_one(path: Path, extract: bool) -> dict:
    """Parse ``path`` in a forked child; its outcome, time, peak RSS and stderr."""
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(out_r)
        os.close(err_r)
        os.dup2(err_w, 2)
        import policyparse

        try:
            plan = policyparse.parse_file(path, extract=extract)
            result = {"outcome": "parse", "message": f"{len(plan.nodes)} nodes, {len(plan.warnings)} warnings",
                      "reader_warnings": sum(w.code == "reader-warning" for w in plan.warnings)}
        except policyparse.PolicyParseError as exc:
            result = {"outcome": "error", "message": exc.reason, "one_line": "\n" not in str(exc)}
        except BaseException as exc:  # noqa: BLE001 - what the sweep is looking for
            result = {"outcome": "crash", "message": f"{type(exc).__name__}: {exc}"[:500]}
        os.write(out_w, json.dumps(result, ensure_ascii=False).encode())
        os._exit(0)
    os.close(out_w)
    os.close(err_w)
    chunks, errs = [], []
    timed_out = False
    status, usage = 0, None
    while True:
        ready, _, _ = select.select([out_r, err_r], [], [], 0.2)
        for fd in ready:
            data = os.read(fd, 1 << 16)
            (chunks if fd == out_r else errs).append(data)
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() - started > TIME_LIMIT:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            timed_out = True
            break
    for fd, sink in ((out_r, chunks), (err_r, errs)):
        while data := os.read(fd, 1 << 16):
            sink.append(data)
        os.close(fd)
    seconds = time.perf_counter() - started
    raw = b"".join(chunks)
    if timed_out:
        result = {"outcome": "timeout", "message": f"killed after {TIME_LIMIT:.0f} s"}
    elif raw:
        result = json.loads(raw)
    else:
        result = {"outcome": "crash", "message": f"child died (status {status})"}
    result.update(seconds=round(seconds, 2), rss_mb=round(usage.ru_maxrss / 1024) if usage else None,
                  stderr=b"".join(errs).decode("utf-8", "replace").strip()[:300])
    return result


def verdict(case_expect: str, words: str | None, size: int, r: dict) -> list[str]:
    """What is wrong with one outcome (empty: it passed)."""
    wrong = []
    if r["outcome"] in ("crash", "timeout"):
        wrong.append(f"{r['outcome']}: {r['message']}")
    elif case_expect == "parse" and r["outcome"] != "parse":
        wrong.append(f"expected a plan, got: {r['message']}")
    elif case_expect == "error" and r["outcome"] != "error":
        wrong.append("expected a PolicyParseError, got a plan")
    elif case_expect == "error" and words and words not in r["message"]:
        wrong.append(f"expected {words!r} in the reason: {r['message']}")
    if r["outcome"] == "error" and not r.get("one_line", True):
        wrong.append("a multi-line error")
    if r["seconds"] > TIME_LIMIT:
        wrong.append(f"took {r['seconds']} s")
    if size < SMALL_FILE and (r["rss_mb"] or 0) > RSS_LIMIT_MB:
        wrong.append(f"peak RSS {r['rss_mb']} MB for a {size / 1e6:.1f} MB file")
    if r["stderr"]:
        wrong.append(f"wrote to stderr: {r['stderr'][:120]!r}")
    return wrong


def build(folder: Path, quick: bool, named: bool = False) -> list[tuple[str, str, hostile.Case | None, Path]]:
    """(family, name, case or None for a mutation, path) of every file to sweep."""
    import policyparse

    bundled = (REPO / "corpora" / "edu-bureau-2019.txt").read_text("utf-8")
    texts = {"bundled": bundled}
    corpora = REPO.parent / "shared" / "corpora" / "gwr"
    for year in ("2008", "2019"):
        if (corpora / f"{year}.txt").exists():
            texts[f"gwr{year}"] = policyparse.read(corpora / f"{year}.txt").text
    files = []
    cache = folder / "cache"
    cache.mkdir()
    named_from = texts.get("gwr2019", bundled)  # headings at line starts: Word list numbering in its .docx
    for case in hostile.named_cases(named_from, cache) + hostile.special_cases():
        if quick and case.big:
            continue
        files.append(("named", case.name, case, case.write(folder)))
    if named:
        return files
    for stem, text in texts.items() if not quick else list(texts.items())[:1]:
        for name, data in hostile.originals(text, cache, stem).items():
            ext = name.rsplit(".", 1)[1]
            muts = list(hostile.mutations(name, data, count=10 if quick else 50))
            if ext == "docx":
                muts += list(hostile.xml_mutations(name, data, count=10 if quick else 50))
            for mname, mdata in muts:
                path = folder / mname
                path.write_bytes(mdata)
                family = f"{ext} " + ("xml-flip" if "-xml" in mname else "flip" if "-flip" in mname else "cut")
                files.append((family, mname, None, path))
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10 offsets per file, one text, no 1 GB bombs")
    ap.add_argument("--no-extract", action="store_true", help="outline only (faster)")
    ap.add_argument("--keep", metavar="DIR", help="build the files in DIR and keep them")
    ap.add_argument("--json", metavar="FILE", help="write every outcome to FILE")
    ap.add_argument("--only", metavar="TEXT", help="only the files whose name contains TEXT")
    ap.add_argument("--named", action="store_true", help="only the named cases (no flips or cuts)")
    args = ap.parse_args()

    import policyparse  # warm the parent: library, readers and segmenter load once
    from policyparse.extract.tokens import tokenize

    tokenize("深入推进改革")
    import docx, pypdf, bs4, lxml.html  # noqa: F401, E401
    # every reader module too, so that the children run the code the sweep started with
    import policyparse.ingest.formats.docx, policyparse.ingest.formats.pdf  # noqa: F401, E401
    import policyparse.ingest.formats.html, policyparse.ingest.formats.notes  # noqa: F401, E401
    import policyparse.pipeline, policyparse.extract.run  # noqa: F401, E401

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    tmp = tempfile.TemporaryDirectory(prefix="hostile-")
    folder = Path(args.keep) if args.keep else Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    files = build(folder, args.quick, args.named)
    if args.only:
        files = [f for f in files if args.only in f[1]]
    print(f"built {len(files)} files in {time.perf_counter() - t0:.0f} s; parent RSS {base_rss} MB; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    by_family: dict[str, Counter] = defaultdict(Counter)
    worst: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    failures, outcomes = [], []
    for i, (family, name, case, path) in enumerate(files, 1):
        size = path.stat().st_size if path.is_file() else 0
        r = run_one(path, extract=not args.no_extract)
        wrong = verdict(case.expect if case else "either", case.words if case else None, size, r)
        by_family[family][r["outcome"]] += 1
        by_family[family]["reader-warning"] += bool(r.get("reader_warnings"))
        worst[family][0] = max(worst[family][0], r["seconds"])
        if size < SMALL_FILE:
            worst[family][1] = max(worst[family][1], r["rss_mb"] or 0)
        outcomes.append({"family": family, "name": name, "bytes": size, **r, "wrong": wrong})
        if wrong:
            failures.append((name, size, wrong))
            print(f"  FAIL {name} ({size / 1e6:.2f} MB): {'; '.join(wrong)}", flush=True)
        if family == "named":
            print(f"  {name:32s} {r['outcome']:6s} {r['seconds']:6.2f} s {r['rss_mb']:5d} MB  {r['message'][:110]}",
                  flush=True)
        elif i % 100 == 0:
            print(f"  … {i}/{len(files)}", flush=True)
    print(f"\n{len(files)} files in {time.perf_counter() - t0:.0f} s, {len(failures)} failed\n")
    print(f"{'family':16s} {'files':>5s} {'parsed':>6s} {'errors':>6s} {'other':>5s} {'pdf-warn':>8s} "
          f"{'max s':>6s} {'max MB':>6s}")
    for family, c in by_family.items():
        total = sum(v for k, v in c.items() if k != "reader-warning")
        other = total - c["parse"] - c["error"]
        print(f"{family:16s} {total:5d} {c['parse']:6d} {c['error']:6d} {other:5d} {c['reader-warning']:8d} "
              f"{worst[family][0]:6.1f} {worst[family][1]:6.0f}")
    if args.json:
        Path(args.json).write_text(json.dumps(outcomes, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.cleanup()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
