"""Command line: ``policyparse parse FILE... [--format json|jsonl|table|csv|parquet|graphml] [-o OUT]``.

``csv`` and ``parquet`` write one file per table (:mod:`policyparse.export.tables`, plus
``meta``) into the folder OUT, or with several FILEs into OUT/<file stem>/;
``graphml`` writes the task graph (:mod:`policyparse.export.graph`) to the file OUT, or
with several FILEs to OUT/<file stem>.graphml. These formats need ``-o``.

``policyparse diff`` and ``policyparse panel`` compare plans (see :mod:`policyparse.cli.compare`);
``policyparse batch INPUT... [-o OUT_DIR] [--jobs N] [--engine process|dask]
[--scheduler ADDRESS] [--resume] [--format jsonl|parquet]`` parses a corpus (see :mod:`policyparse.cli.batch`).

Exit codes: 0 every file parsed; 1 some file failed (``parse``: one line
each on stderr, naming the file and the reason, and with several files a
last line ``policyparse: 2 of 5 files failed``; ``batch``: a record each in
``OUT_DIR/errors.jsonl``; the others are still written) or an output could
not be written (one line: full disk, no permission); 2 usage error (no
input exists, an output that is an input, a bad option).

Outputs are safe (:mod:`policyparse.outputs`): ``-o`` never names an
input (refused before anything is read), every file is written under a
temporary name and renamed into place when complete, and a disk error
leaves no partial file. Text is made safe for its medium
(:mod:`policyparse.sanitize`): ``--format table`` drops terminal control
characters; CSV text cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``) get a leading apostrophe (the
OWASP rule); GraphML drops characters XML cannot hold.
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack, nullcontext
from pathlib import Path
from typing import Optional, Sequence, TextIO

from .._version import __version__
from ..errors import PolicyParseError
from ..model import HEADING_KINDS, Plan
from ..names import readable
from ..outputs import DiskError, atomic_open, atomic_path, check_not_input
from ..sanitize import csv_frame, terminal


#: formats written as files (tables or a graph), never to standard output
TABLE_FORMATS = ("csv", "parquet")
FILE_FORMATS = (*TABLE_FORMATS, "graphml")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policyparse", description="Chinese policy plans as data.")
    p.add_argument("--version", action="version", version=f"policyparse {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    parse = sub.add_parser("parse", help="parse plan files", description="Parse plan files into JSON or a readable outline.")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.add_argument("--format", "-f", choices=["json", "jsonl", "table", *FILE_FORMATS], default="json",
                       help="json: one JSON document per file (an array for several files); "
                            "jsonl: one line per file; table: a readable outline; "
                            "csv, parquet: one file per table (nodes, tasks, roles, targets …) in the folder OUT "
                            "(OUT/<file stem>/ for several files); graphml: the task graph in the file OUT "
                            "(OUT/<file stem>.graphml for several files) (default: json)")
    parse.add_argument("-o", "--output", metavar="OUT",
                       help="write to OUT instead of standard output (required for csv, parquet, graphml)")
    parse.add_argument("--indent", type=int, default=None, help="indent JSON output")
    parse.add_argument("--no-sentences", action="store_true", help="headings only: no paragraph or sentence nodes")
    parse.add_argument("--no-extract", action="store_true",
                       help="the outline only: no tasks, quantities, actors, references or edges (faster)")
    parse.add_argument("--segmenter", choices=["rjieba", "jieba", "pkuseg"], default="rjieba",
                       help="word segmenter for extraction (default: rjieba, jieba in Rust; jieba: Python jieba, "
                            "slower; pkuseg is slower still and must be installed)")
    _add_limit_option(parse)
    batch = sub.add_parser(
        "batch", help="parse a corpus in parallel into OUT_DIR/plans.jsonl",
        description="Parse every file of a folder (recursively) or a glob pattern in parallel: one JSON record "
                    "per parsed file in OUT_DIR/plans.jsonl, failures in OUT_DIR/errors.jsonl, files whose "
                    "content was already parsed under another name in OUT_DIR/duplicates.jsonl.")
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="a folder (searched recursively), a file or a glob pattern")
    batch.add_argument("-o", "--output", metavar="OUT_DIR", default="policyparse-out",
                       help="the output folder (default: policyparse-out)")
    batch.add_argument("--jobs", "-j", type=int, default=-1, metavar="N",
                       help="worker processes (default -1: all cores; 1: no pool)")
    batch.add_argument("--engine", choices=["process", "dask"], default="process",
                       help="process: a pool on this machine (default); dask: a dask.distributed cluster")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler to use (default: a LocalCluster of N workers)")
    batch.add_argument("--resume", action="store_true",
                       help="continue in OUT_DIR: parse only the files whose content is not recorded yet")
    batch.add_argument("--format", "-f", choices=["jsonl", "parquet"], default="jsonl",
                       help="jsonl: plans.jsonl only (default); parquet: also one Parquet file per table in OUT_DIR/tables/")
    batch.add_argument("--no-sentences", action="store_true", help="headings only: no paragraph or sentence nodes")
    batch.add_argument("--no-extract", action="store_true", help="the outline only: no tasks, quantities, actors (faster)")
    batch.add_argument("--segmenter", choices=["rjieba", "jieba", "pkuseg"], default="rjieba",
                       help="word segmenter for extraction (default: rjieba)")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")
    batch.add_argument("--progress", action="store_true",
                       help="a progress bar even when standard error is not a terminal (default: only on a terminal)")
    _add_limit_option(batch)

    from .compare import add_commands  # noqa: PLC0415 - diff and panel

    add_commands(sub)
    return p


def _add_limit_option(command: argparse.ArgumentParser) -> None:
    """``--limit NAME=N``, repeatable: raise a reader limit (policyparse.ingest.limits)."""
    from ..ingest.limits import Limits, parse_limit_option  # noqa: PLC0415

    defaults = ", ".join(f"{f}={getattr(Limits(), f):g}" for f in Limits.__dataclass_fields__)
    def limit(text: str) -> tuple[str, float]:
        try:
            return parse_limit_option(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    command.add_argument("--limit", action="append", type=limit, metavar="NAME=N",
                         help=f"raise (or lower) a limit of the readers, repeatable; the defaults: {defaults}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``policyparse`` command; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "parse":
        return _parse_command(args)
    if args.command in ("diff", "panel"):
        from .compare import run  # noqa: PLC0415

        return run(args)
    if args.command == "batch":
        from .batch import batch_command  # noqa: PLC0415

        return batch_command(args)
    parser.print_usage(sys.stderr)
    return 2


def _parse_command(args: argparse.Namespace) -> int:
    """Parse each file and write it out as soon as it is parsed (nothing is
    held back but what one JSON array needs), so a long run streams. With
    ``-o`` the output goes to a temporary file renamed into place at the end."""
    if not _inputs_ok(args.files, args.output):
        return 2
    if args.format in FILE_FORMATS:
        return _export_command(args)
    if args.output and Path(args.output).is_dir():
        return _usage_error(f"{args.output}: is a folder; give the file to write")
    if not _segmenter_ok(args):
        return 2
    failed = 0
    stack = ExitStack()
    try:  # the temporary file is made before any parsing: an unwritable -o is a usage error
        out = stack.enter_context(atomic_open(args.output, "w", inputs=args.files) if args.output
                                  else nullcontext(sys.stdout))
    except PolicyParseError as exc:
        return _usage_error(str(exc))
    try:
        with stack:
            writer = _Writer(out, args.format, many=len(args.files) > 1, indent=args.indent)
            for path in args.files:
                plan = _parse_one(path, args)
                if plan is None:
                    failed += 1
                    continue
                writer.write(plan)
            writer.close()
    except DiskError as exc:  # a full disk: one line, the temporary file removed
        print(f"policyparse: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return _failed(failed, len(args.files))


def _inputs_ok(files: Sequence[str], output: Optional[str]) -> bool:
    """Usage errors found before anything is parsed: no input exists at all,
    or the output is one of the inputs (writing it would destroy it)."""
    if not any(os.path.lexists(f) for f in files):
        print(f"policyparse: no such file: {', '.join(readable(f) for f in files)}", file=sys.stderr)
        return False
    from .compare import output_ok  # noqa: PLC0415 - the same rule for every command

    return output_ok(output, files)


def _failed(failed: int, total: int) -> int:
    """The exit code; with several files, a last line counting the failures."""
    if failed and total > 1:
        print(f"policyparse: {failed} of {total} files failed", file=sys.stderr)
    return 1 if failed else 0


def _segmenter_ok(args: argparse.Namespace) -> bool:
    """A missing segmenter backend is a usage error, reported once, not once per file."""
    if args.no_extract:
        return True
    from ..extract.tokens import get_segmenter  # noqa: PLC0415

    try:
        get_segmenter(args.segmenter)
    except PolicyParseError as exc:
        print(f"policyparse: {exc.reason}", file=sys.stderr)
        return False
    return True


def _parse_one(path: str, args: argparse.Namespace) -> Optional[Plan]:
    """The plan of one file, or None after one line on stderr naming the file and the problem."""
    from ..pipeline import parse_file  # noqa: PLC0415 - keep `policyparse --help` light

    try:
        return parse_file(path, sentences=not args.no_sentences, extract=not args.no_extract,
                          segmenter=args.segmenter, limits=dict(args.limit or []))
    except PolicyParseError as exc:
        print(f"policyparse: {terminal(str(exc))}", file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        print(f"policyparse: {readable(path)}: internal error ({type(exc).__name__}: {terminal(str(exc))})",
              file=sys.stderr)
    return None


def _usage_error(message: str) -> int:
    print(f"policyparse: {message}", file=sys.stderr)
    return 2


def _export_command(args: argparse.Namespace) -> int:
    """``--format csv|parquet|graphml``: files under ``-o OUT``, one set per input file.

    Every problem with OUT (missing, a file where a folder is needed, two inputs
    that would write to the same place, no Parquet engine) is a usage error,
    found before anything is parsed."""
    fmt, out = args.format, args.output
    kind = "a folder" if fmt in TABLE_FORMATS else "a .graphml file (a folder for several files)"
    if not out:
        return _usage_error(f"--format {fmt} writes files: give -o OUT, {kind}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401, PLC0415
        except ImportError:
            return _usage_error("--format parquet needs pyarrow: pip install 'policyparse[parquet]'")
    many = len(args.files) > 1
    stems = [Path(f).stem for f in args.files]
    if many and len(set(stems)) < len(stems):
        twice = sorted({s for s in stems if stems.count(s) > 1})
        return _usage_error(f"several files would write to the same place in {out} (one per file stem): "
                            f"{', '.join(twice)}; give them one at a time")
    root = Path(out)
    folder = root if (many or fmt in TABLE_FORMATS) else root.parent
    if folder.exists() and not folder.is_dir():
        return _usage_error(f"{folder}: not a folder (--format {fmt} writes into {kind})")
    if not many and fmt == "graphml" and root.is_dir():
        return _usage_error(f"{root}: is a folder; give the .graphml file to write")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _usage_error(f"{folder}: cannot write ({exc.strerror or exc})")
    if not _segmenter_ok(args):
        return 2
    failed = 0
    for path, stem in zip(args.files, stems):
        plan = _parse_one(path, args)
        if plan is None:
            failed += 1
            continue
        try:
            if fmt == "graphml":
                from ..export.graph import write_graphml  # noqa: PLC0415

                target = root / f"{stem}.graphml" if many else root
                check_not_input(target, args.files)
                write_graphml(plan, target)  # written whole or not at all
            else:
                _write_tables(plan, root / stem if many else root, fmt, inputs=args.files)
        except PolicyParseError as exc:  # an output that is an input, a full disk: one line, no partial file
            print(f"policyparse: {exc}", file=sys.stderr)
            return 1
    return _failed(failed, len(args.files))


def _write_tables(plan: Plan, folder: Path, fmt: str, inputs: Sequence[str] = ()) -> None:
    """One file per table of the plan (``nodes.csv``, ``tasks.csv`` …) and ``meta``,
    each written whole or not at all; CSV text cells safe for spreadsheets."""
    import pandas as pd  # noqa: PLC0415

    from ..export.tables import LIST_SEP  # noqa: PLC0415

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from ..outputs import disk_error  # noqa: PLC0415

        raise disk_error(folder, exc) from None
    m = plan.meta
    tables = dict(plan.frames())
    tables["meta"] = pd.DataFrame([{
        "source": m.source, "title": m.title, "year": m.year, "issuers": LIST_SEP.join(m.issuers),
        "doc_type": m.doc_type, "region": m.region, "chars": len(plan.text),
        "schema_version": plan.schema_version, "policyparse_version": __version__,
    }]).astype({"year": "Int64"})
    for name, frame in tables.items():
        with atomic_path(folder / f"{name}.{fmt}", inputs=inputs) as tmp:
            if fmt == "csv":
                csv_frame(frame).to_csv(tmp, index=False, encoding="utf-8")
            else:
                frame.to_parquet(tmp, index=False, engine="pyarrow")


class _Writer:
    """Writes plans one by one in the chosen format: ``jsonl`` one line each,
    ``json`` one document (an array for several files), ``table`` an outline."""

    def __init__(self, out: TextIO, fmt: str, many: bool, indent: Optional[int]):
        self.out, self.fmt, self.many, self.indent = out, fmt, many, indent
        self.count = 0

    def write(self, plan: Plan) -> None:
        if self.fmt == "jsonl":
            self.out.write(plan.to_json() + "\n")
        elif self.fmt == "table":
            self.out.write(terminal(_table(plan)) + "\n")
        elif self.many:
            self.out.write(("[\n" if self.count == 0 else ",\n") + plan.to_json(indent=self.indent))
        else:
            self.out.write(plan.to_json(indent=self.indent) + "\n")
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json" and self.many:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")


def _table(plan: Plan) -> str:
    m = plan.meta
    head = [
        f"source   {m.source}",
        f"title    {m.title}",
        f"issuers  {'、'.join(m.issuers) or '-'}    year {m.year or '-'}    type {m.doc_type or '-'}    region {m.region or '-'}",
        "outline  " + ", ".join(f"{n} {k}s" for k in HEADING_KINDS if (n := len(plan.nodes_of(k)))),
        f"facts    {len(plan.tasks)} tasks, {len(plan.quantities)} quantities ({len(plan.targets)} targets), "
        f"{len(plan.actors)} actors, {len(plan.references)} references",
        "",
        plan.outline(max_kind="subitem"),
    ]
    if plan.targets:
        head += ["", "targets:"] + [_target_line(q) for q in plan.targets]
    if plan.actors:
        names = {a.id: a for a in plan.actors}
        roles: dict[str, dict[str, int]] = {}
        for t in plan.tasks:
            for ta in t.actors:
                roles.setdefault(ta.actor, {}).setdefault(ta.role, 0)
                roles[ta.actor][ta.role] += 1
        head += ["", "actors:"] + [
            f"  {a.name} ({a.kind}{', issuer' if a.issuer else ''}): "
            + (", ".join(f"{r} {n}" for r, n in roles.get(a.id, {}).items()) or "named only")
            for a in names.values()]
    if plan.warnings:
        head += ["", "warnings:"] + [f"  [{w.code}] {w.message}" for w in plan.warnings]
    return "\n".join(head) + "\n"


_COMPARATORS = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "~": "≈ "}


def _target_line(q) -> str:
    value = f"{q.value}-{q.value_max}" if q.comparator == "range" else f"{_COMPARATORS[q.comparator]}{q.value}"
    extra = ", ".join(x for x in (q.measure, q.commitment, str(q.deadline) if q.deadline else None) if x)
    return f"  {q.indicator or '?'}: {value} {q.unit or ''}  ({extra})  [{q.surface} @ {q.span[0]}]"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
