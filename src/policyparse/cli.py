"""Command line: ``policyparse parse FILE... [--format json|jsonl|table] [-o OUT]``.

Exit codes: 0 every file parsed; 1 some file failed (one line each on stderr,
naming the file and the reason; the others are still written); 2 usage error.
"""
from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from typing import Optional, Sequence, TextIO

from . import __version__
from .errors import PolicyParseError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policyparse", description="Chinese policy plans as data.")
    p.add_argument("--version", action="version", version=f"policyparse {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    parse = sub.add_parser("parse", help="parse plan files", description="Parse plan files into JSON or a readable outline.")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.add_argument("--format", "-f", choices=["json", "jsonl", "table"], default="json",
                       help="json: one JSON document per file (an array for several files); "
                            "jsonl: one line per file; table: a readable outline (default: json)")
    parse.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    parse.add_argument("--indent", type=int, default=None, help="indent JSON output")
    parse.add_argument("--no-sentences", action="store_true", help="headings only: no paragraph or sentence nodes")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``policyparse`` command; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "parse":
        return _parse_command(args)
    parser.print_usage(sys.stderr)
    return 2


def _parse_command(args: argparse.Namespace) -> int:
    from .pipeline import parse_file  # noqa: PLC0415 - keep `policyparse --help` light

    plans = []
    failed = 0
    for path in args.files:
        try:
            plans.append(parse_file(path, sentences=not args.no_sentences))
        except PolicyParseError as exc:
            failed += 1
            print(f"policyparse: {exc}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            failed += 1
            print(f"policyparse: {path}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
    try:
        ctx = open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    except OSError as exc:
        print(f"policyparse: {args.output}: cannot write ({exc.strerror})", file=sys.stderr)
        return 2
    with ctx as out:
        _write(out, plans, args)
    return 1 if failed else 0


def _write(out: TextIO, plans: list, args: argparse.Namespace) -> None:
    if args.format == "jsonl":
        for plan in plans:
            out.write(plan.to_json() + "\n")
    elif args.format == "json":
        if len(args.files) == 1:
            if plans:
                out.write(plans[0].to_json(indent=args.indent) + "\n")
        else:
            import json  # noqa: PLC0415

            out.write(json.dumps([p.to_dict() for p in plans], ensure_ascii=False, indent=args.indent) + "\n")
    else:
        for plan in plans:
            out.write(_table(plan) + "\n")


def _table(plan) -> str:
    m = plan.meta
    head = [
        f"source   {m.source}",
        f"title    {m.title}",
        f"issuers  {'、'.join(m.issuers) or '-'}    year {m.year or '-'}    type {m.doc_type or '-'}    region {m.region or '-'}",
        "outline  " + ", ".join(f"{len(plan.nodes_of(k))} {k}s" for k in ("part", "section", "subsection", "item", "subitem") if plan.nodes_of(k)),
        "",
        plan.outline(max_kind="subitem"),
    ]
    if plan.warnings:
        head += ["", "warnings:"] + [f"  [{w.code}] {w.message}" for w in plan.warnings]
    return "\n".join(head) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
