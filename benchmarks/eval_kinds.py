"""Quantity kinds: the rules alone against the trained model, on the hand labels of tests/gold/labels.

Run: ``python benchmarks/eval_kinds.py [--errors] [--skip-lodo]`` (part of ``make eval``).

Prints
- leave-one-document-out on the train documents: for each kind, precision,
  recall and F1 of the rules and of a model trained on the other train
  documents (all found quantities of the left-out document, whole document);
- the same leave-one-document-out as whole-document target P/R/F1, one line per
  train document (each parsed with a model trained without it): how the model
  generalises to a report of an era or body it has not seen (gwr-1985, …);
- on the test documents (never trained or tuned on) with the shipped model:
  target P/R/F1 per document and pooled, and the same for the whole 2019 and
  2021 national reports;
- past results typed as targets: the share of labelled ``achieved`` numbers
  the extraction calls targets;
- the 1985 report's target precision;
- indicator containment: for targets found and labelled target, the share
  whose indicator contains or equals the labelled one;
- the same target and indicator figures on the development documents whose
  targets alone are labelled (``tests/gold/targets``).

``--errors`` lists the missed and spurious targets and the indicators that miss
the labelled one (targets and achieved results), for the train and the
development documents only: the test documents are measured, never looked into.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policyparse.evaluation import (Score, indicator_containment, kind_rows, label_files, match_labels,
                                   parse_labelled, score_kind)
from policyparse.extract import kinds

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "gold" / "labels"
#: documents whose targets alone are labelled (``"targets_only": true``): they measure
#: target P/R/F1 and indicators on reports no rule was written from. The ``dev-targets`` ones
#: are looked into (``--errors``) to find general causes, the ``test-targets`` ones are only
#: measured; neither is trained on
TARGETS = REPO / "tests" / "gold" / "targets"
CORPORA = REPO.parent / "shared" / "corpora"
KINDS = ("target", "achieved", "baseline", "forecast", "condition", "background", "periodicity", "count", "name")


def _counts(gold: list[str], got: list[str], kind: str) -> Score:
    s = Score()
    for g, p in zip(gold, got):
        s.tp += g == kind and p == kind
        s.fn += g == kind and p != kind
        s.fp += g != kind and p == kind
    return s


def _add(a: Score, b: Score) -> Score:
    return Score(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)


def lodo_data(docs: dict[str, dict]) -> dict[str, tuple[list[list[str]], list[str], list[str]]]:
    """Feature rows, labelled kinds and the rules' kinds of every found quantity, by document."""
    data = {}
    for doc, labels in docs.items():
        plan = parse_labelled(labels, CORPORA, kinds=None)
        rows, ys = kind_rows(plan, labels)
        rule = [next(f for f in r if f.startswith("rule=")).removeprefix("rule=") for r in rows]
        data[doc] = (rows, ys, rule)
    return data


def lodo(data: dict[str, tuple[list[list[str]], list[str], list[str]]], c: float = kinds.C) -> None:
    """Leave-one-document-out over the train documents, rules against model, per kind."""
    rules = {k: Score() for k in KINDS}
    model = {k: Score() for k in KINDS}
    right_rules = right_model = total = 0
    for doc in data:
        train_rows = [r for d in data if d != doc for r in data[d][0]]
        train_ys = [y for d in data if d != doc for y in data[d][1]]
        m = kinds.fit(train_rows, train_ys, c=c)
        rows, ys, rule = data[doc]
        pred = kinds.overrule(m.predict(rows), rule, rows)
        total += len(ys)
        right_rules += sum(a == b for a, b in zip(ys, rule))
        right_model += sum(a == b for a, b in zip(ys, pred))
        for k in KINDS:
            rules[k] = _add(rules[k], _counts(ys, rule, k))
            model[k] = _add(model[k], _counts(ys, pred, k))
    print(f"leave-one-document-out (C={c}) on {len(data)} train documents, {total} found quantities "
          "(kind of each found number; count/name are what the rules could not say)")
    print(f"  accuracy: rules {right_rules / total:.3f}, model {right_model / total:.3f}")
    print(f"  {'kind':<12} {'n':>5}  {'rules P/R/F1':<20} {'model P/R/F1':<20}")
    for k in KINDS:
        r, m = rules[k], model[k]
        n = r.tp + r.fn
        print(f"  {k:<12} {n:>5}  {r.precision:.2f}/{r.recall:.2f}/{r.f1:.2f}       "
              f"{m.precision:.2f}/{m.recall:.2f}/{m.f1:.2f}")


def lodo_documents(docs: dict[str, dict], data: dict[str, tuple[list[list[str]], list[str], list[str]]],
                   c: float = kinds.C) -> None:
    """Whole-document target P/R/F1 of each train document parsed with a model fitted on
    the other train documents: generalisation to a document of an unseen era or body."""
    print(f"leave-one-document-out, whole documents (C={c}): targets of each train document, "
          "model trained without it")
    pooled = Score()
    for doc in data:
        rows = [r for d in data if d != doc for r in data[d][0]]
        ys = [y for d in data if d != doc for y in data[d][1]]
        plan = parse_labelled(docs[doc], CORPORA, kinds=kinds.fit(rows, ys, c=c))
        pairs, extra = match_labels(plan, docs[doc])
        s = score_kind(pairs, extra, "target")
        pooled = _add(pooled, s)
        print(f"  {doc:<22} targets {s}")
    print(f"  {'pooled':<22} targets {pooled}")


def _indicator_misses(doc: str, pairs: list) -> list[str]:
    """Found targets and results whose indicator does not contain the labelled one."""
    out = []
    for x, q in pairs:
        want = x.record.get("indicator")
        if x.kind in ("target", "achieved") and q is not None and want and not (q.indicator and want in q.indicator):
            out.append(f"    indicator {x.kind:<8} want {want!r} got {q.indicator!r} in {x.record['anchor']}")
    return out


#: the split of the held-out reports of the 1980s (1984, 1987, 1988), scored apart from the
#: test documents since 2000 so that both figures stay comparable across sessions
OLD = "test-1980s"


def whole_documents(docs: dict[str, dict], show: bool) -> None:
    """Target P/R/F1, past results typed as targets, indicators, on whole documents, rules and model."""
    for name, decide in (("rules", None), ("model", "model")):
        pooled = Score()
        old = Score()
        national = Score()
        achieved = {"train": [0, 0], "test": [0, 0], OLD: [0, 0]}
        contained = {"train": [0, 0], "test": [0, 0], OLD: [0, 0]}
        print(f"whole documents, {name} (train documents are in-sample for the model):")
        for doc, labels in docs.items():
            split = labels["split"]
            group = split
            plan = parse_labelled(labels, CORPORA, kinds=decide)
            pairs, extra = match_labels(plan, labels)
            s = score_kind(pairs, extra, "target")
            print(f"  {doc:<22} ({split:<5}) targets {s}")
            if show and split == "train":  # the test documents are measured, never looked into
                for e in s.errors:
                    print(f"      {e}")
                if decide:
                    print("\n".join(_indicator_misses(doc, pairs)))
            if group == "test":
                pooled = _add(pooled, s)
            elif group == OLD:
                old = _add(old, s)
            if doc in ("gwr-2019", "gwr-2021"):
                national = _add(national, s)
            ok, n = indicator_containment(pairs)
            contained[group] = [contained[group][0] + ok, contained[group][1] + n]
            for x, q in pairs:
                if x.kind == "achieved":
                    achieved[group][1] += 1
                    achieved[group][0] += q is not None and q.kind == "target"
        print(f"  test documents pooled           targets {pooled}")
        print(f"  test reports of the 1980s       targets {old}")
        print(f"  national reports 2019 and 2021  targets {national}")
        for split in ("test", OLD, "train"):
            a, c = achieved[split], contained[split]
            print(f"  {split}: past results typed as targets {a[0]}/{a[1]} = {a[0] / max(1, a[1]):.3f}; "
                  f"indicator contains the labelled one {c[0]}/{c[1]} = {c[0] / max(1, c[1]):.3f}")


def targets_only(show: bool) -> None:
    """Target P/R/F1 and indicator containment of the documents whose targets alone are
    labelled (tests/gold/targets), with the shipped model: the development ones
    (``dev-targets``, looked into with ``--errors``) and the test ones (``test-targets``,
    figures only: never looked into, never tuned on)."""
    docs = label_files(TARGETS) if TARGETS.is_dir() else {}
    for split, what in (("dev-targets", "development documents"), ("test-targets", "test documents")):
        chosen = {d: x for d, x in docs.items() if x.get("split") == split}
        if not chosen:
            continue
        print(f"{what}, targets alone labelled (tests/gold/targets, {split}; never trained on):")
        pooled = Score()
        contained = [0, 0]
        for doc, labels in chosen.items():
            plan = parse_labelled(labels, CORPORA, kinds="model")
            pairs, extra = match_labels(plan, labels)
            s = score_kind(pairs, extra, "target")
            pooled = _add(pooled, s)
            c = indicator_containment(pairs)
            contained = [contained[0] + c[0], contained[1] + c[1]]
            print(f"  {doc:<22} targets {s}; indicator contains the labelled one {c[0]}/{c[1]}")
            if show and split == "dev-targets":
                for e in s.errors:
                    print(f"      {e}")
                print("\n".join(_indicator_misses(doc, pairs)))
        print(f"  {'pooled':<22} targets {pooled}; indicator contains the labelled one "
              f"{contained[0]}/{contained[1]} = {contained[0] / max(1, contained[1]):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true",
                    help="list missed and spurious targets and indicator misses (train documents only)")
    ap.add_argument("--skip-lodo", action="store_true", help="only the whole-document scores")
    ap.add_argument("--lodo-only", action="store_true", help="only leave-one-document-out")
    ap.add_argument("--dev-targets", action="store_true",
                    help="only the documents whose targets alone are labelled")
    ap.add_argument("--c", type=float, nargs="*", default=[kinds.C], help="regularisation strengths to compare")
    args = ap.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"(skipping the quantity kinds: {CORPORA} is missing)", file=sys.stderr)
        return 0
    if args.dev_targets:
        targets_only(args.errors)
        return 0
    docs = label_files(LABELS)
    if not args.skip_lodo:
        data = lodo_data({d: x for d, x in docs.items() if x["split"] == "train"})
        for c in args.c:
            lodo(data, c)
        lodo_documents(docs, data)
    if args.lodo_only:
        return 0
    whole_documents(docs, args.errors)
    targets_only(args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
