"""Leave-one-document-out errors of the quantity-kind model, on the train documents only.

Run: ``python benchmarks/kind_lodo_errors.py [--doc gwr-2000 ...] [--all] [--c 1.0]``

Each train document of ``tests/gold/labels`` is parsed once with the rules' kinds
(its feature rows, as ``make train`` makes them); then for each one left out, a model
fitted on the others types its quantities. Printed: per kind P/R/F1, whole-document
targets per document (the same figures as ``eval_kinds.py --lodo-only``, from one parse
of each document instead of nineteen), and with ``--doc``/``--all`` every wrong target
(spurious or missed) of the left-out document with its sentence and features, so a
cause shared across documents can be seen. The test documents (``split`` other than
``train``) are never read.
"""
from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from pathlib import Path

from policyparse.evaluation import kind_rows, label_files, match_labels, parse_labelled
from policyparse.extract import kinds
from policyparse.extract.run import units

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "gold" / "labels"
CORPORA = REPO.parent / "shared" / "corpora"
KINDS = ("target", "achieved", "baseline", "forecast", "condition", "background", "periodicity", "count", "name")


def document(labels: dict) -> dict:
    """Rows, labelled kinds, rules' kinds, sentences of the found quantities, and the
    labelled targets no quantity covers."""
    plan = parse_labelled(labels, CORPORA, kinds=None)
    rows, ys = kind_rows(plan, labels)
    pairs, _ = match_labels(plan, labels)
    lo, hi = labels.get("range") or (0, len(plan.raw_text or plan.text))
    sents = units(plan)
    starts = [s for _, s, _ in sents]
    info = []
    for q in plan.quantities:
        if not (q.raw_span and lo <= q.raw_span[0] < hi):
            continue
        k = bisect_right(starts, q.span[0]) - 1
        _, s, e = sents[k]
        info.append((q.surface, plan.text[s:e].replace("\n", " ")))
    unfound = [x.record for x, q in pairs if q is None and x.kind == "target"]
    rule = [next(f for f in r if f.startswith("rule=")).removeprefix("rule=") for r in rows]
    return {"rows": rows, "ys": ys, "rule": rule, "info": info, "unfound": unfound}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc", nargs="*", default=[], help="left-out documents whose wrong targets to list")
    ap.add_argument("--all", action="store_true", help="list the wrong targets of every document")
    ap.add_argument("--c", type=float, default=kinds.C)
    ap.add_argument("--features", action="store_true", help="print each wrong target's features")
    ap.add_argument("--cache", type=Path, help="a pickle of the parsed rows: read when it exists, else written")
    args = ap.parse_args(argv)
    docs = {d: x for d, x in label_files(LABELS).items() if x["split"] == "train"}
    if args.cache and args.cache.is_file():
        import pickle  # noqa: PLC0415 - a local cache of this script's own output, never shipped
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = {d: document(x) for d, x in docs.items()}
        if args.cache:
            import pickle  # noqa: PLC0415
            args.cache.write_bytes(pickle.dumps(data))
    per = {k: [0, 0, 0] for k in KINDS}
    pooled = [0, 0, 0]
    right = total = 0
    lines = []
    for doc in data:
        rows = [r for d in data if d != doc for r in data[d]["rows"]]
        ys = [y for d in data if d != doc for y in data[d]["ys"]]
        m = kinds.fit(rows, ys, c=args.c)
        x = data[doc]
        pred = kinds.overrule(m.predict(x["rows"]), x["rule"], x["rows"])
        total += len(pred)
        right += sum(a == b for a, b in zip(pred, x["ys"]))
        for k in KINDS:
            per[k][0] += sum(p == k and y == k for p, y in zip(pred, x["ys"]))
            per[k][1] += sum(p == k and y != k for p, y in zip(pred, x["ys"]))
            per[k][2] += sum(p != k and y == k for p, y in zip(pred, x["ys"]))
        tp = sum(p == "target" and y == "target" for p, y in zip(pred, x["ys"]))
        fp = sum(p == "target" and y != "target" for p, y in zip(pred, x["ys"]))
        fn = sum(p != "target" and y == "target" for p, y in zip(pred, x["ys"])) + len(x["unfound"])
        pooled = [pooled[0] + tp, pooled[1] + fp, pooled[2] + fn]
        P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
        lines.append(f"  {doc:<22} P={P:.3f} R={R:.3f} F1={2 * P * R / max(1e-9, P + R):.3f} (tp={tp} fp={fp} fn={fn})")
        if args.all or doc in args.doc:
            print(f"== {doc}")
            for p, y, (surf, sent), row in zip(pred, x["ys"], x["info"], x["rows"]):
                if (p == "target") != (y == "target"):
                    tag = "FP" if p == "target" else "FN"
                    print(f"  {tag} {surf} gold={y} got={p} | {sent[:160]}")
                    if args.features:
                        print("     ", " ".join(f for f in row if not f.startswith("era:")))
            for rec in x["unfound"]:
                print(f"  UNFOUND {rec['surface']} in {rec['anchor']}")
    print(f"LODO (C={args.c}) on {len(data)} train documents, {total} found quantities: accuracy {right / total:.3f}")
    for k, (tp, fp, fn) in per.items():
        P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"  {k:<12} n={tp + fn:>5}  P/R/F1 {P:.2f}/{R:.2f}/{2 * P * R / max(1e-9, P + R):.2f}")
    print("whole documents, targets:")
    print("\n".join(lines))
    tp, fp, fn = pooled
    P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"  {'pooled':<22} P={P:.3f} R={R:.3f} F1={2 * P * R / max(1e-9, P + R):.3f} (tp={tp} fp={fp} fn={fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
