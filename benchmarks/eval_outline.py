"""Outline quality against the hand-made gold: precision, recall and F1.

Compares, for every Government Work Report in tests/gold/ (the 16 reports the
rules were developed on, and 10 held-out reports annotated without looking at
the parser's output), the sections and the numbered level directly below
them: a record counts as correct when its label, heading and parent section
all match (heading lines opened by 一是 are a level the gold does not
record: its notes keep to the label kinds 一、 （一） 第一，). Also the bundled
plan's 5 sections and 27 items, and the section roles against the hand
roles of tests/gold/labels/*.json, development and test documents apart.

Run: .venv/bin/python benchmarks/eval_outline.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import policyparse

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
GWR = REPO.parent / "shared" / "corpora" / "gwr"


def records(plan):
    sections = plan.sections
    index = {n.id: i + 1 for i, n in enumerate(sections)}
    secs = {("S", i + 1, n.label, n.heading) for i, n in enumerate(sections)}
    subs = {("s", index[n.parent], n.label, n.heading) for n in plan.nodes
            if n.parent in index and n.label and n.kind != "enumeration" and not n.label.endswith("是")}
    return secs, subs


def gold_records(g):
    secs = {("S", i + 1, s["label"], s["heading"]) for i, s in enumerate(g["sections"])}
    subs = {("s", s["section_index"], s["label"], s["heading"]) for s in g["subsections"]}
    return secs, subs


def prf(tp: int, got: int, want: int) -> tuple[float, float, float]:
    p = tp / got if got else 1.0
    r = tp / want if want else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    if not GWR.exists():
        print(f"{GWR} is missing: the shared corpora must sit beside the checkout", file=sys.stderr)
        return 1
    print(f"{'set':8} {'year':5} {'sections (gold/found/correct)':>30} {'level below (gold/found/correct)':>34}")
    totals: dict[str, list[int]] = {}
    for name, file in (("dev", "gwr_outlines.json"), ("heldout", "gwr_outlines_heldout.json")):
        gold = json.loads((GOLD / file).read_text("utf-8"))
        t = totals.setdefault(name, [0] * 6)
        for year in sorted(gold):
            plan = policyparse.parse_file(GWR / f"{year}.txt")
            (ps, pss), (gs, gss) = records(plan), gold_records(gold[year])
            row = [len(gs), len(ps), len(gs & ps), len(gss), len(pss), len(gss & pss)]
            t[:] = [a + b for a, b in zip(t, row)]
            print(f"{name:8} {year:5} {row[0]:>14}/{row[1]}/{row[2]:<13} {row[3]:>18}/{row[4]}/{row[5]}")
    print()
    for name, (gs, ps, cs, gss, pss, css) in totals.items():
        p, r, f = prf(cs, ps, gs)
        p2, r2, f2 = prf(css, pss, gss)
        print(f"{name:8} sections P={p:.3f} R={r:.3f} F1={f:.3f}   level below P={p2:.3f} R={r2:.3f} F1={f2:.3f}")
    plan = policyparse.parse_file(REPO / "corpora" / "edu-bureau-2019.txt")
    g = json.loads((GOLD / "edu_bureau_2019_outline.json").read_text("utf-8"))
    want = {(i["label"], i["heading"], i["section"]) for i in g["items"]}
    sec_ord = {n.id: n.ordinal for n in plan.sections}
    got = {(n.label, n.heading, sec_ord.get(n.parent)) for n in plan.items}
    p, r, f = prf(len(want & got), len(got), len(want))
    print(f"bundled plan: {len(plan.sections)} sections, {len(plan.items)} items; items P={p:.3f} R={r:.3f} F1={f:.3f}")
    section_roles()
    return 0


def section_roles() -> None:
    """Section roles against the hand roles ("sections") of tests/gold/labels/*.json."""
    from policyparse.evaluation import RoleScore, score_section_roles  # noqa: PLC0415

    print()
    print(f"{'section roles':24} {'divisions right':>16} {'paragraphs right':>18}")
    totals: dict[str, RoleScore] = {}
    for path in sorted((GOLD / "labels").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        if "sections" not in gold:
            continue
        plan = policyparse.parse_file(REPO.parent / "shared" / "corpora" / gold["source"], extract=False)
        score = score_section_roles(plan, gold["sections"])
        t = totals.setdefault(gold["split"], RoleScore())
        t.sections += score.sections
        t.sections_right += score.sections_right
        t.paragraphs += score.paragraphs
        t.paragraphs_right += score.paragraphs_right
        print(f"{gold['split']:5} {path.stem:18} {score.sections_right:>9}/{score.sections:<6} "
              f"{score.paragraphs_right:>11}/{score.paragraphs:<6} {'; '.join(score.errors)}")
    for split, t in totals.items():
        print(f"{split:5} all documents      {t.section_accuracy:>16.3f} {t.paragraph_accuracy:>18.3f}")


if __name__ == "__main__":
    sys.exit(main())
