"""Rebuild the quantity-kind model (``src/policyparse/data/kind_model.json``) from the hand labels.

Run: ``make train`` (or ``python scripts/train_kinds.py [--check]``).

Every label file of ``tests/gold/labels`` whose ``split`` is ``train`` is read;
its document (below ``../shared/corpora``) is parsed with the rules' kinds, each
found quantity gets the features of :mod:`policyparse.extract.kinds` and its
hand-labelled kind, and a logistic regression is fitted on all of them. The
test documents (``split: test``) never enter. The result is deterministic:
the same labels and features give the same file. ``--check`` rebuilds in memory
and exits 1 when the shipped file differs (stale model).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from policyparse.data import data_path
from policyparse.evaluation import kind_rows, label_files, parse_labelled
from policyparse.extract import kinds

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "gold" / "labels"
CORPORA = REPO.parent / "shared" / "corpora"


def training_rows(split: str = "train") -> dict[str, tuple[list[list[str]], list[str]]]:
    """Feature rows and kinds of every labelled document of ``split``, by document id."""
    out = {}
    for doc, labels in label_files(LABELS).items():
        if labels["split"] != split:
            continue
        plan = parse_labelled(labels, CORPORA, kinds=None)
        out[doc] = kind_rows(plan, labels)
    return out


def build() -> dict:
    """The model of the train documents, as the JSON data shipped."""
    data = training_rows("train")
    rows = [r for doc in data for r in data[doc][0]]
    ys = [k for doc in data for k in data[doc][1]]
    model = kinds.fit(rows, ys)
    return model.to_json(
        _doc="Quantity-kind model of policyparse.extract.kinds: multinomial logistic regression over binary "
             "features; coef[class][feature]. Rebuilt by `make train` (scripts/train_kinds.py) from "
             "tests/gold/labels (train split only). Do not edit by hand.",
        trained_on=sorted(data), quantities=len(ys), C=kinds.C, min_count=kinds.MIN_COUNT)


def dump(data: dict) -> str:
    """The model as JSON text, one line per class of coefficients (readable diffs, no float noise)."""
    head = {k: v for k, v in data.items() if k != "coef"}
    lines = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    rows = ",\n".join("  " + json.dumps(row) for row in data["coef"])
    return f"{lines},\n \"coef\": [\n{rows}\n ]\n}}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the shipped model is stale")
    args = ap.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"train_kinds: the corpora are missing at {CORPORA}", file=sys.stderr)
        return 2
    text = dump(build())
    path = data_path(kinds.MODEL_FILE)
    if args.check:
        same = path.is_file() and path.read_text("utf-8") == text
        print("kind model up to date" if same else f"kind model stale: run make train ({path})")
        return 0 if same else 1
    path.write_text(text, "utf-8")
    data = json.loads(text)
    print(f"wrote {path}: {len(data['classes'])} kinds, {len(data['features'])} features, "
          f"{data['quantities']} quantities from {len(data['trained_on'])} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
