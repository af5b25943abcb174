"""``policyparse batch``: a corpus in, ``plans.jsonl`` and ``errors.jsonl`` out.

The run streams: each result is appended to the output folder's record
files (:mod:`policyparse.batch.ledger`) as soon as it arrives, in the order files
finish (every record names its ``source``). ``--resume`` continues an
interrupted run: files whose content hash is recorded (parsed or failed) are
skipped. A file whose bytes equal one already recorded under another name is
parsed once and listed in ``duplicates.jsonl``. With ``--format parquet`` the
tables are written at the end from the whole of ``plans.jsonl``
(:mod:`policyparse.batch.parquet`), so after a resumed run they cover every record.

A summary line ends the run on stderr: ``parsed 98 of 100 files (2 failed, see
out/errors.jsonl) in 12.3 s, 1.1 M chars/s``. Exit codes: 0 every file parsed,
1 some failed (their records are in errors.jsonl), 2 usage error, 130
interrupted (run again with ``--resume``).
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyParseError


@dataclass
class _Counts:
    total: int = 0
    parsed: int = 0
    failed: int = 0
    done_before: int = 0
    failed_before: int = 0
    duplicates: int = 0
    chars: int = 0


def _usage(message: str) -> int:
    print(f"policyparse batch: {message}", file=sys.stderr)
    return 2


def batch_command(args: argparse.Namespace) -> int:
    """Run ``policyparse batch`` with parsed arguments; return the exit code."""
    from ..batch.runner import expand, parse_many, resolve_jobs  # noqa: PLC0415
    from ..batch.ledger import Ledger, LedgerError  # noqa: PLC0415

    if args.scheduler and args.engine != "dask":
        return _usage("--scheduler needs --engine dask")
    try:
        resolve_jobs(args.jobs)
    except ValueError as exc:
        return _usage(str(exc))
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        return _usage(f"{out} is a file, not a folder")
    try:
        paths = expand(args.inputs, exclude=out)
    except PolicyParseError as exc:
        return _usage(str(exc))
    if not args.no_extract:
        from ..extract.tokens import get_segmenter  # noqa: PLC0415

        try:
            get_segmenter(args.segmenter)
        except PolicyParseError as exc:
            return _usage(exc.reason)
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401,PLC0415
        except ImportError:
            return _usage("--format parquet needs pyarrow: pip install 'policyparse[batch]'")
    try:
        ledger = Ledger(out, resume=args.resume)
    except (LedgerError, OSError) as exc:
        return _usage(str(exc))
    for name in ledger.repaired:
        print(f"policyparse batch: {out / name}: cut off a half-written last record", file=sys.stderr)

    counts = _Counts(total=len(paths))
    claimed: dict[str, str] = {}  # hash → source, for the files sent in this run

    def skip(source: str, digest: str) -> bool:
        if digest in ledger.done:
            first, kind = ledger.done[digest]
            if first == source:
                counts.done_before += 1
                counts.failed_before += kind == "errors"
                return True
            same_as = first
        elif digest in claimed:
            same_as = claimed[digest]
        else:
            claimed[digest] = source
            return False
        if source not in ledger.duplicate_sources:
            ledger.add("duplicates", {"source": source, "sha256": digest, "same_as": same_as})
            ledger.duplicate_sources.add(source)
        counts.duplicates += 1
        return True

    started = time.perf_counter()
    try:
        with ledger:
            results = parse_many(paths, n_jobs=args.jobs, engine=args.engine, progress=not args.no_progress,
                                 ordered=False, scheduler=args.scheduler, skip=skip,
                                 sentences=not args.no_sentences, extract=not args.no_extract,
                                 segmenter=args.segmenter, limits=dict(getattr(args, "limit", None) or []))
            for result in results:
                counts.chars += result.chars
                if result.ok:
                    assert result.line is not None
                    ledger.add_line("plans", result.line)
                    counts.parsed += 1
                else:
                    counts.failed += 1
                    if result.sha256 is None and result.source in ledger.unreadable_sources:
                        continue  # still unreadable: recorded by an earlier run
                    ledger.add("errors", result.error_record())
    except KeyboardInterrupt:
        print(f"\npolicyparse batch: interrupted; what was written is whole: continue with --resume -o {out}",
              file=sys.stderr)
        return 130
    except PolicyParseError as exc:  # the dask scheduler cannot be reached …
        return _usage(str(exc))
    if args.format == "parquet":
        from ..batch.parquet import write_tables  # noqa: PLC0415

        # the tables are built from the whole ledger, in parallel too
        write_tables(ledger.paths["plans"], out / "tables", n_jobs=resolve_jobs(args.jobs))
    elapsed = time.perf_counter() - started
    print(_summary(counts, out, elapsed), file=sys.stderr)
    return 1 if counts.failed or counts.failed_before else 0


def _summary(c: _Counts, out: Path, elapsed: float) -> str:
    ok = c.parsed + c.done_before - c.failed_before
    notes = []
    failed = c.failed + c.failed_before
    if failed:
        notes.append(f"{failed} failed, see {out / 'errors.jsonl'}")
    if c.done_before:
        notes.append(f"{c.done_before} done before")
    if c.duplicates:
        notes.append(f"{c.duplicates} duplicate{'s' if c.duplicates > 1 else ''}, see {out / 'duplicates.jsonl'}")
    rate = c.chars / elapsed if elapsed > 0 else 0.0
    return (f"parsed {ok} of {c.total} files" + (f" ({'; '.join(notes)})" if notes else "")
            + f" in {elapsed:.1f} s, {rate / 1e6:.2f} M chars/s")
