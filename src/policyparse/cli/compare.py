"""Command line for comparing plans: ``policyparse diff`` and ``policyparse panel``.

``policyparse diff OLD NEW [--format json|table|html|md] [-o OUT]`` compares
two plans; ``policyparse panel FILE... [--format csv|parquet|table] [-o OUT]
[--year FILE=YEAR ...] [--years MAPPING]`` puts their targets in one long
table (see :func:`policyparse.panel`). A plan's year comes from its text or
its file name; ``--year plan.txt=2019`` (repeatable) or ``--years
years.csv`` (lines ``FILE,YEAR``, or a JSON object ``{"FILE": YEAR}``) give
it when neither says. Outputs are written as ``parse`` writes them (never
over an input, whole or not at all) and made safe for their medium.

Exit codes as for ``parse``: 0 done; 1 a file could not be parsed, or
(``panel``) has no year — each named on stderr with how to give the year;
``panel`` still writes the others; 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

from ..errors import PolicyParseError
from ..outputs import DiskError, atomic_open, atomic_path, check_not_input
from ..sanitize import csv_frame, terminal


def add_commands(sub: Any) -> None:
    """Register the ``diff`` and ``panel`` subcommands on an argparse subparsers object."""
    d = sub.add_parser("diff", help="compare two plans",
                       description="Align two plans by content and report what was added, removed, reworded or "
                                   "moved, and how each target changed.")
    d.add_argument("old", metavar="OLD")
    d.add_argument("new", metavar="NEW")
    d.add_argument("--format", "-f", choices=["json", "table", "html", "md"], default="table",
                   help="json: alignment and target changes; table: a readable summary (default); "
                        "html: a standalone side-by-side report; md: a Markdown summary")
    d.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    d.add_argument("--indent", type=int, default=None, help="indent JSON output")
    p = sub.add_parser("panel", help="targets of many plans in one table",
                       description="One row per target per plan, indicators made comparable across years, with "
                                   "the value achieved as reported by the plan of the following year.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", "-f", choices=["csv", "parquet", "table"], default="csv",
                   help="csv (default; standard output when no -o), parquet (needs -o) or table")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument("--year", action="append", default=[], metavar="FILE=YEAR",
                   help="the year of FILE when neither its text nor its name says (repeatable)")
    p.add_argument("--years", metavar="MAPPING",
                   help="the years of many files: a CSV file of lines FILE,YEAR or a JSON object {FILE: YEAR}")


def run(args: argparse.Namespace) -> int:
    """Run ``diff`` or ``panel``; returns the exit code."""
    return _diff(args) if args.command == "diff" else _panel(args)


def _write(text: str, output: Optional[str], inputs: Sequence[str] = ()) -> int:
    """Write ``text`` to ``output`` (whole or not at all, never over an input) or standard output."""
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        with atomic_open(output, "w", inputs=inputs) as fh:
            fh.write(text)
    except DiskError as exc:
        print(f"policyparse: {exc}", file=sys.stderr)
        return 1
    except PolicyParseError as exc:  # the output is an input
        print(f"policyparse: {exc}", file=sys.stderr)
        return 2
    return 0


def output_ok(output: Optional[str], inputs: Sequence[str]) -> bool:
    """An output naming an input is refused before anything is parsed."""
    if output:
        try:
            check_not_input(output, inputs)
        except PolicyParseError as exc:
            print(f"policyparse: {exc}", file=sys.stderr)
            return False
    return True


def _diff(args: argparse.Namespace) -> int:
    import json  # noqa: PLC0415

    from ..compare.diff import diff  # noqa: PLC0415
    from ..pipeline import parse_file  # noqa: PLC0415

    if not output_ok(args.output, [args.old, args.new]):
        return 2
    plans = []
    for path in (args.old, args.new):
        try:
            plans.append(parse_file(path))
        except PolicyParseError as exc:
            print(f"policyparse: {exc}", file=sys.stderr)
            return 1
    d = diff(plans[0], plans[1])
    if args.format == "json":
        text = json.dumps(d.to_dict(), ensure_ascii=False, indent=args.indent) + "\n"
    elif args.format == "html":
        text = d.to_html()
    elif args.format == "md":
        text = d.to_markdown()
    else:
        text = terminal(diff_table(d))  # a document cannot send control sequences to the terminal
    return _write(text, args.output, [args.old, args.new])


def diff_table(d: Any) -> str:
    """The plain-text summary ``policyparse diff --format table`` prints."""
    from ..compare.report import target_table  # noqa: PLC0415

    old, new = d.old.meta.title or d.old.meta.source, d.new.meta.title or d.new.meta.source
    out = [f"{old} → {new}", "units: " + ", ".join(f"{k} {v}" for k, v in d.summary().items()), ""]
    for title, changes in (("headline targets", d.headline_changes),
                           ("targets that changed, were added or removed",
                            [t for t in d.target_changes if t.status != "unchanged"])):
        if changes:
            out.append(title + ":")
            rows = [["indicator", "status", "old", "new", "delta"]] + target_table(changes)
            out += ["  " + _row(r, [26, 10, 14, 14, 8]) for r in rows]
            out.append("")
    for status in ("reworded", "moved", "merged", "split", "added", "removed"):
        lines = [c for c in d.alignment if c.status == status and c.kind != "paragraph"]
        if lines:
            out.append(f"{status} ({len(lines)} headings; paragraphs: "
                       f"{sum(1 for c in d.alignment if c.status == status and c.kind == 'paragraph')}):")
            for c in lines:
                label = c.new_label or c.old_label or ""
                text = c.new_heading if c.new else c.old_heading
                was = f"  ← {c.old_heading}" if c.old and c.new and c.old_heading != c.new_heading else ""
                out.append(f"  {c.kind:<10} {label}{text}{was}")
            out.append("")
    return "\n".join(out)


def _row(cells: list[str], widths: list[int]) -> str:
    from unicodedata import east_asian_width  # noqa: PLC0415

    def width(s: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in s)

    return "  ".join(c + " " * max(0, w - width(c)) for c, w in zip(cells, widths)).rstrip()


def _panel(args: argparse.Namespace) -> int:
    from ..pipeline import parse_file  # noqa: PLC0415
    from ..compare.series import panel  # noqa: PLC0415

    if args.format == "parquet":
        if not args.output:
            print("policyparse: --format parquet needs -o OUT (a file)", file=sys.stderr)
            return 2
        try:
            import pyarrow  # noqa: F401, PLC0415
        except ImportError:
            print("policyparse: --format parquet needs pyarrow: pip install 'policyparse[parquet]'", file=sys.stderr)
            return 2
    if not output_ok(args.output, args.files):
        return 2
    try:
        years = _years(args.year, args.years)
    except ValueError as exc:
        print(f"policyparse panel: {exc}", file=sys.stderr)
        return 2
    plans, failed = [], 0
    for path in args.files:
        year = _year_of(path, years)
        try:
            plan = parse_file(path, meta={"year": year} if year is not None else None)
        except PolicyParseError as exc:
            failed += 1
            print(f"policyparse: {terminal(str(exc))}", file=sys.stderr)
            continue
        if plan.meta.year is None:
            failed += 1
            print(f"policyparse: {plan.meta.source}: no year found in its text or name; give it with "
                  f"--year {plan.meta.source}=YEAR or --years MAPPING (lines FILE,YEAR)", file=sys.stderr)
            continue
        plans.append(plan)
    frame = panel(plans)
    if args.format == "parquet":
        try:
            with atomic_path(args.output, inputs=args.files) as tmp:
                frame.to_parquet(tmp, index=False)
        except PolicyParseError as exc:
            print(f"policyparse: {exc}", file=sys.stderr)
            return 1
        code = 0
    elif args.format == "csv":
        code = _write(csv_frame(frame).to_csv(index=False), args.output, args.files)
    else:
        import pandas as pd  # noqa: PLC0415

        with pd.option_context("display.max_rows", None, "display.width", 200):
            shown = frame[["year", "indicator", "comparator", "value", "value_max", "unit", "achieved", "met"]]
            code = _write(terminal(shown.to_string(index=False)) + "\n", args.output, args.files)
    return code or (1 if failed else 0)


def _years(pairs: Sequence[str], mapping: Optional[str]) -> dict[str, int]:
    """Years given on the command line: ``FILE=YEAR`` pairs over a mapping file.

    Example:
        >>> _years(["gwr/a.txt=2019"], None)
        {'gwr/a.txt': 2019}
    """
    out: dict[str, int] = {}
    if mapping:
        try:
            text = Path(mapping).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{mapping}: cannot read the years ({getattr(exc, 'strerror', None) or exc})") from None
        if mapping.lower().endswith(".json"):
            try:
                data = json.loads(text)
            except ValueError:
                raise ValueError(f"{mapping}: not JSON") from None
            if not isinstance(data, dict):
                raise ValueError(f"{mapping}: expected a JSON object {{FILE: YEAR}}")
            items = list(data.items())
        else:
            import csv  # noqa: PLC0415

            items = [tuple(row) for row in csv.reader(text.splitlines()) if row and any(c.strip() for c in row)]
            if items and not str(items[0][-1]).strip().isdigit():
                items = items[1:]  # a header line
        for number, item in enumerate(items, 1):
            if len(item) != 2:
                raise ValueError(f"{mapping}: entry {number} is not FILE,YEAR")
            out[str(item[0]).strip()] = _year(str(item[1]), f"{mapping}: entry {number}")
    for pair in pairs:
        name, sep, year = pair.rpartition("=")
        if not sep or not name:
            raise ValueError(f"--year {pair}: expected FILE=YEAR")
        out[name] = _year(year, f"--year {pair}")
    return out


def _year(text: str, where: str) -> int:
    text = text.strip()
    if not (text.isdigit() and len(text) == 4):
        raise ValueError(f"{where}: {text!r} is not a year")
    return int(text)


def _year_of(path: str, years: dict[str, int]) -> Optional[int]:
    """The year given for ``path``: by the path as given, its normalised form, or its file name."""
    for key in (path, os.path.normpath(path), os.path.basename(path)):
        if key in years:
            return years[key]
    return None
