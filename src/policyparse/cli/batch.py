"""``policyparse batch``: a corpus in, ``plans.jsonl`` and ``errors.jsonl`` out.

The run streams: each result is appended to the output folder's record
files (:mod:`policyparse.batch.ledger`) as soon as it arrives, in the order files
finish (every record names its ``source``). ``--resume`` continues an
interrupted run: files whose content hash is recorded (parsed or failed) are
skipped. A file whose bytes equal one already recorded under another name is
parsed once and listed in ``duplicates.jsonl``. With ``--format parquet`` the
tables are written at the end from the whole of ``plans.jsonl``
(:mod:`policyparse.batch.parquet`), so after a resumed run they cover every record.

The output folder is locked for the run: a second run into it (or a
``--resume`` started while the first is going) is refused. Killing the run,
even with ``kill -9``, ends its workers too; ``--resume`` then continues.

A summary line ends the run on stderr: ``parsed 98 of 100 files (2 failed, see
out/errors.jsonl) in 12.3 s, 1.1 M chars/s``; a resumed run also says what
this run did and what was done before: ``(this run: 10 new, 9 parsed, 1
failed; done before: 88, 1 of them failed)``. Exit codes: 0 every file
parsed, 1 some failed (their records are in errors.jsonl) or the disk
refused a write (one line; what was written is whole), 2 usage error (no
such input, nothing found, the folder in use), 130 interrupted (run again
with ``--resume``).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyParseError
from ..names import readable, source_fields
from ..outputs import DiskError


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
    missing = [i for i in args.inputs if not os.path.lexists(i) and not set("*?[") & set(i)]
    if len(missing) == len(args.inputs):  # a typo, not a corpus with a bad file in it
        return _usage(f"no such file or folder: {', '.join(readable(m) for m in missing)}")
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
            ledger.add("duplicates", {**source_fields(source), "sha256": digest, "same_as": readable(same_as)})
            ledger.duplicate_sources.add(source)
        counts.duplicates += 1
        return True

    started = time.perf_counter()
    try:
        with ledger:
            results = parse_many(paths, n_jobs=args.jobs, engine=args.engine,
                                 progress=False if args.no_progress else (True if args.progress else None),
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
    except DiskError as exc:  # a full disk: one line; the ledger holds whole lines only
        print(f"policyparse batch: {exc}; what was written is whole: free space and continue with "
              f"--resume -o {out}", file=sys.stderr)
        return 1
    except PolicyParseError as exc:
        if exc.source == "parse_many":  # a worker died (killed, out of memory)
            print(f"policyparse batch: {exc.reason}", file=sys.stderr)
            return 1
        return _usage(str(exc))  # the dask scheduler cannot be reached …
    if args.format == "parquet":
        from ..batch.parquet import write_tables  # noqa: PLC0415

        # the tables are built from the whole ledger, in parallel too
        try:
            write_tables(ledger.paths["plans"], out / "tables", n_jobs=resolve_jobs(args.jobs))
        except PolicyParseError as exc:
            print(f"policyparse batch: {exc}", file=sys.stderr)
            return 1
    elapsed = time.perf_counter() - started
    print(_summary(counts, out, elapsed), file=sys.stderr)
    return 1 if counts.failed or counts.failed_before else 0


def _summary(c: _Counts, out: Path, elapsed: float) -> str:
    """The closing line: every file counted once, as parsed, failed or a duplicate.

    Example:
        >>> _summary(_Counts(total=12, parsed=9, failed=1, done_before=2, failed_before=1), Path("o"), 2.0)
        'parsed 10 of 12 files (2 failed, see o/errors.jsonl; this run: 10 new, 9 parsed, 1 failed; done before: 2, 1 of them failed) in 2.0 s, 0.00 M chars/s'
    """
    ok = c.parsed + c.done_before - c.failed_before
    notes = []
    failed = c.failed + c.failed_before
    if failed:
        notes.append(f"{failed} failed, see {out / 'errors.jsonl'}")
    if c.done_before:
        notes.append(f"this run: {c.parsed + c.failed} new, {c.parsed} parsed, {c.failed} failed; "
                     f"done before: {c.done_before}"
                     + (f", {c.failed_before} of them failed" if c.failed_before else ""))
    if c.duplicates:
        notes.append(f"{c.duplicates} duplicate{'s' if c.duplicates > 1 else ''}, see {out / 'duplicates.jsonl'}")
    rate = c.chars / elapsed if elapsed > 0 else 0.0
    return (f"parsed {ok} of {c.total} files" + (f" ({'; '.join(notes)})" if notes else "")
            + f" in {elapsed:.1f} s, {rate / 1e6:.2f} M chars/s")
