"""Command line for comparing plans: ``policyparse diff`` and ``policyparse panel``.

``policyparse diff OLD NEW [--format json|table|html|md] [-o OUT]`` compares
two plans; ``policyparse panel FILE... [--format csv|parquet|table] [-o OUT]``
puts their targets in one long table (see :func:`policyparse.panel`).
Exit codes as for ``parse``: 0 done; 1 a file could not be parsed (named on
stderr; ``panel`` still writes the others); 2 usage error.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, Optional

from ..errors import PolicyParseError


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


def run(args: argparse.Namespace) -> int:
    """Run ``diff`` or ``panel``; returns the exit code."""
    return _diff(args) if args.command == "diff" else _panel(args)


def _write(text: str, output: Optional[str]) -> int:
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        print(f"policyparse: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    return 0


def _diff(args: argparse.Namespace) -> int:
    import json  # noqa: PLC0415

    from ..compare.diff import diff  # noqa: PLC0415
    from ..pipeline import parse_file  # noqa: PLC0415

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
        text = diff_table(d)
    return _write(text, args.output)


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
    plans, failed = [], 0
    for path in args.files:
        try:
            plans.append(parse_file(path))
        except PolicyParseError as exc:
            failed += 1
            print(f"policyparse: {exc}", file=sys.stderr)
    frame = panel(plans)
    if args.format == "parquet":
        try:
            frame.to_parquet(args.output, index=False)
        except OSError as exc:
            print(f"policyparse: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
            return 2
        code = 0
    elif args.format == "csv":
        code = _write(frame.to_csv(index=False), args.output)
    else:
        import pandas as pd  # noqa: PLC0415

        with pd.option_context("display.max_rows", None, "display.width", 200):
            shown = frame[["year", "indicator", "comparator", "value", "value_max", "unit", "achieved", "met"]]
            code = _write(shown.to_string(index=False) + "\n", args.output)
    return code or (1 if failed else 0)
