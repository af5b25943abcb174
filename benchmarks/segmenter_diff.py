"""Where the rjieba (jieba-rs) and jieba backends cut differently, and why (the study of docs/segmenters.md).

Run: ``python benchmarks/segmenter_diff.py [--plans]``

Over the bundled plan, the Government Work Reports and the provincial 2026
reports (read in place from ../shared/corpora), both backends (each with the
domain dictionary) cut every text; each stretch where their words differ is
printed with its cause:

- ``ascii-run``: jieba-rs keeps a run of ASCII letters, digits and joiners
  outside the dictionary whole (2026-02-02, PM_2.5), Python jieba cuts it at
  each joiner;
- ``total``: Python jieba's dictionary total exceeds the sum of its
  frequencies (``add_word`` on a word it has adds the new frequency without
  taking the old one off), which tips words whose split lies between the two
  totals: kept whole by jieba, split by jieba-rs;
- ``other``: neither (none on these corpora with rjieba 0.2.2, jieba 0.42.1).

``--plans`` also parses every text with both backends and prints the facts
(tasks, quantities, actors, references) that differ.
"""
from __future__ import annotations

import argparse
import difflib
import math
import sys
from collections import Counter
from pathlib import Path

import policyparse
from policyparse.extract.tokens import get_segmenter

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"


def cause(jieba_words: list[str], rjieba_words: list[str]) -> str:
    joined = "".join(jieba_words)
    if joined == "".join(rjieba_words) and all(c.isascii() and not c.isspace() for c in joined) \
            and len(rjieba_words) < len(jieba_words):
        return "ascii-run"
    tk = get_segmenter("jieba")._tk
    freq = tk.FREQ
    if len(jieba_words) == 1 and all(freq.get(w) for w in [*jieba_words, *rjieba_words]):
        k = len(rjieba_words)
        ratio = math.fsum(math.log(freq[w]) for w in rjieba_words) - math.log(freq[jieba_words[0]])
        if (k - 1) * math.log(sum(freq.values())) < ratio <= (k - 1) * math.log(tk.total):
            return "total"
    return "other"


def facts(plan: policyparse.Plan) -> set[tuple]:
    out: set[tuple] = set()
    for t in plan.tasks:
        out.add(("task", t.text, t.verb, t.verb_span, tuple(t.modifiers), t.object_span))
    for q in plan.quantities:
        out.add(("quantity", q.span, q.kind, q.value, q.unit, q.indicator))
    for a in plan.actors:
        out.add(("actor", a.name, tuple(map(tuple, a.mentions))))
    for r in plan.references:
        out.add(("reference", r.title, r.span))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", action="store_true", help="also compare the parsed plans")
    args = ap.parse_args(argv)
    files = [REPO / "corpora" / "edu-bureau-2019.txt", *sorted((CORPORA / "gwr").glob("*.txt")),
             *sorted((CORPORA / "provincial-2026").glob("*.txt"))]
    j, r = get_segmenter("jieba"), get_segmenter("rjieba")
    causes: Counter[str] = Counter()
    same = tokens = 0
    for f in files:
        text = f.read_text("utf-8")
        a, b = j.cut(text), r.cut(text)
        tokens += len(a)
        name = f"{f.parent.name}/{f.stem}"
        if a == b:
            same += 1
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op != "equal":
                c = cause(a[i1:i2], b[j1:j2])
                causes[c] += 1
                print(f"{name:<28} {c:<9} jieba {'/'.join(a[i1:i2])!r:<28} rjieba {'/'.join(b[j1:j2])!r}")
        if args.plans:
            pj, pr = facts(policyparse.parse(text, segmenter="jieba")), facts(policyparse.parse(text, segmenter="rjieba"))
            for x in sorted(pj - pr, key=str):
                print(f"{name:<28} fact only with jieba:  {x}")
            for x in sorted(pr - pj, key=str):
                print(f"{name:<28} fact only with rjieba: {x}")
    print(f"\n{len(files)} texts, {tokens:,} jieba tokens; identical words in {same}; "
          f"differing stretches by cause: {dict(causes)}")
    return 1 if causes["other"] else 0


if __name__ == "__main__":
    sys.exit(main())
