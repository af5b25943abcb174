"""Scoring extraction against hand-made gold annotations: precision, recall and F1.

Gold records point into the normalised text by an ``anchor`` (a substring that
occurs once) and a ``surface`` inside it (see ``tests/gold/EXTRACTION_GOLD.md``),
so gold survives changes to the parser and stays checkable by eye. The
functions here are what the tests assert on and what
``benchmarks/eval_extraction.py`` prints; researchers can use them to score
the library on their own annotated plans.

Example:
    >>> s = Score(tp=8, fp=2, fn=1)
    >>> round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)
    (0.8, 0.889, 0.842)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Optional

from .model import Plan, Quantity

if TYPE_CHECKING:
    from pathlib import Path

#: the attributes of a quantity that are compared one by one
QUANTITY_FIELDS = ("kind", "comparator", "value", "value_max", "unit", "measure", "commitment", "deadline")


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives, with the rates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def locate(text: str, anchor: str, surface: Optional[str] = None) -> tuple[int, int]:
    """The span of ``surface`` inside the one occurrence of ``anchor`` in ``text``.

    Example:
        >>> locate("选树30所学校，创建5所学校", "创建5所", "5所")
        (10, 12)
    """
    first = text.find(anchor)
    if first < 0:
        raise ValueError(f"gold anchor {anchor!r} is not in the text")
    if text.find(anchor, first + 1) >= 0:
        raise ValueError(f"gold anchor {anchor!r} occurs more than once in the text")
    if surface is None:
        return first, first + len(anchor)
    inner = anchor.find(surface)
    if inner < 0:
        raise ValueError(f"gold surface {surface!r} is not inside its anchor {anchor!r}")
    return first + inner, first + inner + len(surface)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same(field_name: str, got: Any, want: Any) -> bool:
    if isinstance(got, (int, float)) and isinstance(want, (int, float)):
        return abs(got - want) <= 1e-6 * max(1.0, abs(want))
    return got == want


def _agrees(field_name: str, q: Quantity, g: dict) -> bool:
    """Does ``q`` agree with the gold record ``g`` on one field? Gold made before the interval
    reading of 多/余 (``EXTRACTION_GOLD.md``) leaves ``value_max`` null there: the interval's
    upper end is then not held against the prediction."""
    got, want = getattr(q, field_name), g[field_name]
    if field_name == "value_max" and want is None and g.get("comparator") == ">" \
            and any(c in g.get("surface", "") for c in "多余"):
        return True
    return _same(field_name, got, want)


@dataclass
class RoleScore:
    """Section roles against hand labels: right divisions and right paragraphs.

    ``sections`` counts the gold divisions whose first node has the gold role;
    ``paragraphs`` counts the paragraph nodes (or, without them, all nodes)
    whose role is the role of the gold division they start in.
    """

    sections_right: int = 0
    sections: int = 0
    paragraphs_right: int = 0
    paragraphs: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def section_accuracy(self) -> float:
        return self.sections_right / self.sections if self.sections else 1.0

    @property
    def paragraph_accuracy(self) -> float:
        return self.paragraphs_right / self.paragraphs if self.paragraphs else 1.0

    def __str__(self) -> str:
        return (f"divisions {self.sections_right}/{self.sections} ({self.section_accuracy:.3f}), "
                f"paragraphs {self.paragraphs_right}/{self.paragraphs} ({self.paragraph_accuracy:.3f})")


def score_section_roles(plan: Plan, gold: list[dict]) -> RoleScore:
    """Node roles against the hand ``sections`` of ``tests/gold/labels/*.json``
    (each an ``anchor`` in the raw file, the start of a division, and its ``role``).

    A gold division runs from its anchor to the next one. Its role is right when
    the first node starting at or after the anchor has it; a paragraph is right
    when its role is that of the gold division its start lies in.

    Example:
        >>> from policyparse import parse
        >>> plan = parse("一、2018年工作回顾\\n经济平稳。\\n二、2019年重点工作\\n推进改革。", extract=False)
        >>> str(score_section_roles(plan, [{"anchor": "一、2018", "role": "review"},
        ...                                {"anchor": "二、2019", "role": "tasks"}]))
        'divisions 2/2 (1.000), paragraphs 4/4 (1.000)'
    """
    raw = plan.raw_text if plan.raw_text is not None else plan.text
    marks = sorted((locate(raw, g["anchor"])[0], g["role"], g["anchor"]) for g in gold)
    nodes = sorted(plan.nodes, key=lambda n: (n.raw_span[0], -n.raw_span[1]))
    score = RoleScore()
    for start, role, anchor in marks:
        first = next((n for n in nodes if n.raw_span[0] >= start), None)
        score.sections += 1
        if first is not None and first.role == role:
            score.sections_right += 1
        else:
            got = first.role if first is not None else None
            score.errors.append(f"division {anchor[:20]!r}: {got} for {role}")
    units = [n for n in nodes if n.kind == "paragraph"] or nodes
    positions = [m[0] for m in marks]
    for n in units:
        i = bisect_right(positions, n.raw_span[0]) - 1
        if i < 0:
            continue  # before the first gold division (page chrome)
        score.paragraphs += 1
        if n.role == marks[i][1]:
            score.paragraphs_right += 1
    return score


def indicator_matches(got: Optional[str], want: Optional[str]) -> bool:
    """Lenient indicator agreement: one contains the other (全市学前三年教育毛入学率 ~ 学前三年教育毛入学率)."""
    if not got or not want:
        return got == want
    return got in want or want in got


def align_quantities(plan: Plan, gold: Iterable[dict]) -> list[tuple[dict, Optional[Quantity], tuple[int, int]]]:
    """Pair each gold quantity with the predicted quantity whose span overlaps it (or ``None``)."""
    pairs = []
    used: set[str] = set()
    for g in gold:
        span = locate(plan.text, g["anchor"], g["surface"])
        match = next((q for q in plan.quantities if q.id not in used and _overlap(q.span, span)), None)
        if match is not None:
            used.add(match.id)
        pairs.append((g, match, span))
    return pairs


def score_quantities(plan: Plan, gold: list[dict], *, kinds: Optional[set[str]] = None,
                     fields: tuple[str, ...] = ("value", "value_max", "unit", "comparator")) -> Score:
    """Quantities (of the given ``kinds``, in gold and in the plan) against gold.

    A true positive is a predicted quantity of a kept kind that overlaps a gold
    quantity of a kept kind and agrees on ``fields``; every other kept gold
    record is a false negative, every other kept prediction a false positive.
    """
    keep = (lambda k: True) if kinds is None else (lambda k: k in kinds)
    score = Score()
    hits: set[str] = set()
    for g, q, _ in align_quantities(plan, gold):
        if not keep(g["kind"]):
            continue
        if q is not None and keep(q.kind) and all(_agrees(f, q, g) for f in fields):
            score.tp += 1
            hits.add(q.id)
        else:
            score.fn += 1
            got = None if q is None else {f: getattr(q, f) for f in ("kind",) + fields}
            score.errors.append(f"missed {g['surface']} in {g['anchor']}: got {got}")
    for q in plan.quantities:
        if keep(q.kind) and q.id not in hits:
            score.fp += 1
            score.errors.append(f"spurious {q.surface} ({q.kind}) in {q.text}")
    return score


def field_accuracy(plan: Plan, gold: list[dict]) -> dict[str, float]:
    """For the gold quantities that were found: the share whose each attribute agrees."""
    pairs = [(g, q) for g, q, _ in align_quantities(plan, gold) if q is not None]
    out: dict[str, float] = {}
    for f in QUANTITY_FIELDS:
        out[f] = sum(_agrees(f, q, g) for g, q in pairs) / len(pairs) if pairs else 0.0
    out["indicator"] = sum(indicator_matches(q.indicator, g["indicator"]) for g, q in pairs) / len(pairs) if pairs else 0.0
    return out


def lead_verbs(plan: Plan) -> dict[int, tuple[str, list[str]]]:
    """The lead verb and modifiers of each numbered item, by item ordinal."""
    out = {}
    for item in plan.items:
        lead = next((t for t in plan.tasks_in(item) if t.lead), None)
        if lead is not None and lead.verb:
            out[item.ordinal] = (lead.verb, lead.modifiers)
    return out


def score_lead_verbs(plan: Plan, gold: dict[str, str]) -> Score:
    """Lead verbs of the items against gold (item ordinal → verb)."""
    got = lead_verbs(plan)
    score = Score()
    for key, verb in gold.items():
        g = got.get(int(key))
        if g is not None and g[0] == verb:
            score.tp += 1
        else:
            score.fn += 1
            if g is not None:
                score.fp += 1
            score.errors.append(f"item {key}: want {verb}, got {g[0] if g else None}")
    return score


def heading_lead(plan: Plan, heading: str) -> Optional[tuple[str, list[str]]]:
    """The lead verb and modifiers the plan gives the numbered node whose heading is ``heading``."""
    node = next((n for n in plan.nodes if n.heading == heading and n.heading_span), None)
    if node is None:
        raise ValueError(f"no node has the heading {heading!r}")
    assert node.heading_span is not None
    hs, he = node.heading_span
    lead = next((t for t in plan.tasks if t.lead and hs <= t.span[0] < he), None)
    return (lead.verb, lead.modifiers) if lead is not None and lead.verb else None


def score_heading_verbs(plans: dict[int, Plan], gold: list[dict]) -> tuple[Score, float]:
    """Lead verbs of headings against gold ``{"year", "heading", "verb", "modifiers"}`` records.

    Returns the score on verbs (a heading whose gold verb is null counts only
    if a verb is predicted: a false positive) and the share of correct verbs
    whose modifiers agree too.
    """
    score = Score()
    same_mods = 0
    for g in gold:
        got = heading_lead(plans[g["year"]], g["heading"])
        verb = got[0] if got else None
        if got is not None and g["verb"] is not None and verb == g["verb"]:
            score.tp += 1
            same_mods += got[1] == g["modifiers"]
            continue
        if g["verb"] is None and verb is None:
            continue  # a noun heading read as one
        if verb is not None:
            score.fp += 1
        if g["verb"] is not None:
            score.fn += 1
        score.errors.append(f"{g['year']} {g['heading']}: want {g['verb']}, got {verb}")
    return score, (same_mods / score.tp if score.tp else 0.0)


def score_actors(plan: Plan, gold: list[dict]) -> Score:
    """Actors by normalised name: found (tp), missed (fn), not in gold (fp)."""
    want = {a["name"] for a in gold}
    got = {a.name for a in plan.actors}
    score = Score(tp=len(want & got), fp=len(got - want), fn=len(want - got))
    score.errors = [f"missed actor {n}" for n in sorted(want - got)] + [f"spurious actor {n}" for n in sorted(got - want)]
    return score


def _same_body(written: str, name: str, gold: str) -> bool:
    """Could a found mention (as ``written``, normalised ``name``) be the gold actor ``gold``?
    Same name, one inside the other (省人大 / 省人大常委会), or two characters in common
    (民企 / 民营企业): annotators write names their own way."""
    if gold in (written, name) or written in gold or gold in written or name in gold or gold in name:
        return True
    return len(set(written) & set(gold)) >= 2


def score_actor_mentions(plan: Plan, gold: list[dict], *, leave_out: Iterable[str] = ()) -> Score:
    """Actors scored by where they are named, for gold whose names are written differently
    from the library's canonical names (江苏省人民政府 for 省政府, 民营企业 for 民企).

    A gold actor is found when an actor of the plan has its name, or when an actor of the
    plan is named inside one of the gold actor's mention anchors by a name that could be
    the same body (:func:`_same_body`). An actor of the plan is correct when it found a
    gold actor that way; every other actor of the plan is spurious. Gold mentions are
    anchors (a substring of the text that occurs once, containing the name). ``leave_out``
    names actor kinds the gold does not annotate (``enterprise`` for a gold of public
    bodies only): the plan's actors of those kinds are neither right nor wrong.

    Example:
        >>> from policyparse import parse
        >>> plan = parse("支持市教育局开展工作。")
        >>> s = score_actor_mentions(plan, [{"name": "武汉市教育局", "mentions": ["支持市教育局开展"]}])
        >>> s.tp, s.fp, s.fn
        (1, 0, 0)
    """
    text = plan.text
    left = set(leave_out)
    actors = [a for a in plan.actors if a.kind not in left]
    mentions = [(a, s, e) for a in actors for s, e in a.mentions]
    found_plan: set[str] = set()
    score = Score()
    for g in gold:
        hit = [a for a in actors if a.name == g["name"]]
        for anchor in g.get("mentions", []):
            try:
                s0, e0 = locate(text, anchor)
            except ValueError:
                continue
            hit += [a for a, s, e in mentions if s0 <= s and e <= e0 and _same_body(text[s:e], a.name, g["name"])]
        if hit:
            score.tp += 1
            found_plan.update(a.id for a in hit)
        else:
            score.fn += 1
            score.errors.append(f"missed actor {g['name']}")
    for a in actors:
        if a.id not in found_plan:
            score.fp += 1
            score.errors.append(f"spurious actor {a.name} ({len(a.mentions)}x, e.g. "
                                f"{text[max(0, a.mentions[0][0] - 6):a.mentions[0][1] + 6] if a.mentions else ''})")
    return score


def score_roles(plan: Plan, gold: list[dict], *, leave_out: Iterable[str] = (),
                guided_as: str = "guided") -> Score:
    """Explicit actor roles in tasks (implicit issuer roles are not scored): (actor, role, mention).

    A gold role is found by a role of the plan with the same role whose mention lies inside
    the gold anchor and names the gold actor: by its normalised name, or by a name that
    could be the same body (:func:`_same_body`: the gold writes 江苏省人民政府 for 省政府,
    高校 for 有条件的高校). Each role of the plan finds at most one gold role, those with
    the exact name first; every role of the plan that finds none is spurious. ``leave_out``
    names actor kinds the gold does not annotate (as for :func:`score_actor_mentions`): the
    roles of the plan's actors of those kinds are neither right nor wrong.

    A body guided to act (推动潍坊建设…) has two roles in the plan, ``guided`` and
    ``lead``; gold schemes label it one way: ``guided_as="guided"`` (the bundled plan's and
    贵州's gold) scores the ``guided`` of such a body and not its ``lead``,
    ``guided_as="lead"`` (a scheme without ``guided``: 江苏, 湖南, 山东, the 2024 report)
    scores its ``lead`` and not its ``guided``.

    Example:
        >>> from policyparse import parse
        >>> plan = parse("支持市教育局开展工作。")
        >>> s = score_roles(plan, [{"actor": "武汉市教育局", "role": "supported", "anchor": "支持市教育局开展"}])
        >>> s.tp, s.fp, s.fn
        (1, 0, 0)
    """
    text = plan.text
    left = set(leave_out)
    if guided_as not in ("guided", "lead"):
        raise ValueError(f"guided_as must be 'guided' or 'lead', not {guided_as!r}")
    names = {a.id: a.name for a in plan.actors if a.kind not in left}
    got = set()
    for t in plan.tasks:
        guided = {(ta.actor, ta.span) for ta in t.actors if ta.role == "guided"}
        for ta in t.actors:
            if guided_as == "lead" and ta.role == "guided":
                continue
            if guided_as == "guided" and ta.role == "lead" and (ta.actor, ta.span) in guided:
                continue
            if ta.role != "implicit" and ta.span is not None and ta.actor in names:
                got.add((names[ta.actor], ta.role, ta.span))
    want = []
    for g in gold:
        s, e = locate(text, g["anchor"])
        want.append((g["actor"], g["role"], (s, e)))
    score = Score()
    matched: set = set()
    found: list[bool] = [False] * len(want)
    for exact in (True, False):
        for k, (actor, role, (s, e)) in enumerate(want):
            if found[k]:
                continue
            hit = next((x for x in sorted(got - matched, key=lambda x: x[2]) if x[1] == role and s <= x[2][0]
                        and x[2][1] <= e and (x[0] == actor if exact
                                              else _same_body(text[x[2][0]:x[2][1]], x[0], actor))), None)
            if hit:
                found[k] = True
                matched.add(hit)
    for k, (actor, role, _) in enumerate(want):
        if found[k]:
            score.tp += 1
        else:
            score.fn += 1
            score.errors.append(f"missed role {actor} {role}")
    for x in sorted(got - matched, key=lambda x: x[2]):
        score.fp += 1
        score.errors.append(f"spurious role {x[0]} {x[1]} at {x[2]} ({text[x[2][0]:x[2][1]]})")
    return score


# -- whole-document labels (tests/gold/labels, conventions in tests/gold/LABELS.md) --------------------------------

#: kinds of labelled numbers that are quantities of the plan (count and name are not)
QUANTITY_KINDS = ("target", "achieved", "baseline", "forecast", "condition", "background", "periodicity")


@dataclass
class Labelled:
    """One hand-labelled number: its record and where its surface is in the raw file."""

    record: dict
    raw_span: tuple[int, int]

    @property
    def kind(self) -> str:
        return str(self.record["kind"])


def label_spans(raw_text: str, labels: dict) -> list[Labelled]:
    """Every labelled number of a label file, located in the raw text of its document.

    The anchor occurs once in the raw file; a record with ``"all": true`` stands
    for every occurrence of its surface (``十四五``) outside the other records;
    a file with a ``range`` labels only the raw characters in it.

    Example:
        >>> labels = {"quantities": [{"anchor": "新增就业1100万人", "surface": "1100万人", "kind": "target"}]}
        >>> [x.raw_span for x in label_spans("今年新增就业1100万人。", labels)]
        [(6, 12)]
    """
    out: list[Labelled] = []
    for rec in labels["quantities"]:
        if rec.get("all"):
            continue  # any one occurrence: all of them are added below
        a = raw_text.find(rec["anchor"])
        if a < 0 or raw_text.find(rec["anchor"], a + 1) >= 0:
            raise ValueError(f"label anchor {rec['anchor']!r} does not occur exactly once in {labels.get('source')}")
        i = rec["anchor"].find(rec["surface"])
        if i < 0:
            raise ValueError(f"label surface {rec['surface']!r} is not inside its anchor {rec['anchor']!r}")
        out.append(Labelled(rec, (a + i, a + i + len(rec["surface"]))))
    taken = [x.raw_span for x in out]
    for rec in labels["quantities"]:
        if not rec.get("all"):
            continue
        if rec["anchor"] not in raw_text or rec["surface"] not in rec["anchor"]:
            raise ValueError(f"label anchor {rec['anchor']!r} with {rec['surface']!r} is not in {labels.get('source')}")
        pos = raw_text.find(rec["surface"])
        while pos >= 0:
            span = (pos, pos + len(rec["surface"]))
            if not any(_overlap(span, t) for t in taken):
                out.append(Labelled(rec, span))
                taken.append(span)
            pos = raw_text.find(rec["surface"], pos + 1)
    lo, hi = labels.get("range") or (0, len(raw_text))
    return sorted((x for x in out if lo <= x.raw_span[0] < hi), key=lambda x: x.raw_span)


def match_labels(plan: Plan, labels: dict, quantities: Optional[list[Quantity]] = None
                 ) -> tuple[list[tuple[Labelled, Optional[Quantity]]], list[Quantity]]:
    """Pair each labelled number with the found quantity whose raw span overlaps it.

    Returns the pairs (label, quantity or ``None``) and the found quantities inside
    the labelled range that match no label (numbers the labels say are none:
    dates, numbering, the 一 of ordinary words).
    """
    qs = plan.quantities if quantities is None else quantities
    labelled = label_spans(plan.raw_text or plan.text, labels)
    lo, hi = labels.get("range") or (0, len(plan.raw_text or plan.text))
    used: set[int] = set()
    pairs: list[tuple[Labelled, Optional[Quantity]]] = []
    for x in labelled:
        match = next((q for i, q in enumerate(qs) if i not in used and q.raw_span and _overlap(q.raw_span, x.raw_span)),
                     None)
        if match is not None:
            used.add(next(i for i, q in enumerate(qs) if q is match))
        pairs.append((x, match))
    extra = [q for i, q in enumerate(qs) if i not in used and q.raw_span and lo <= q.raw_span[0] < hi]
    return pairs, extra


def score_kind(pairs: list[tuple[Labelled, Optional[Quantity]]], extra: list[Quantity], kind: str) -> Score:
    """Whole-document precision and recall of one kind: a found quantity of that kind is
    right when it overlaps a number labelled with that kind."""
    score = Score()
    for x, q in pairs:
        if x.kind == kind and q is not None and q.kind == kind:
            score.tp += 1
        elif x.kind == kind:
            score.fn += 1
            score.errors.append(f"missed {x.record['surface']} in {x.record['anchor']}: got {q.kind if q else None}")
        elif q is not None and q.kind == kind:
            score.fp += 1
            score.errors.append(f"spurious {q.surface} (labelled {x.kind}) in {x.record['anchor']}")
    for q in extra:
        if q.kind == kind:
            score.fp += 1
            score.errors.append(f"spurious {q.surface} (no label) in {q.text}")
    return score


def indicator_containment(pairs: list[tuple[Labelled, Optional[Quantity]]]) -> tuple[int, int]:
    """Of the numbers labelled ``target`` with an indicator and found as targets, how many
    have an indicator that contains or equals the labelled one: ``(contained, found)``.

    Example:
        >>> indicator_containment([])
        (0, 0)
    """
    found = [(x, q) for x, q in pairs
             if x.kind == "target" and q is not None and q.kind == "target" and x.record.get("indicator")]
    return sum(bool(q.indicator) and x.record["indicator"] in q.indicator for x, q in found), len(found)


def kind_rows(plan: Plan, labels: dict) -> tuple[list[list[str]], list[str]]:
    """Training rows of the kind model from a plan parsed with the rules' kinds
    (``extract(plan, kinds=None)``) and its label file: the features of every found
    quantity and its labelled kind (``name`` for one no label covers: not a quantity)."""
    from .extract.run import plan_features  # noqa: PLC0415

    rows = plan_features(plan)
    pairs, extra = match_labels(plan, labels)
    kind_of = {id(q): x.kind for x, q in pairs if q is not None}
    lo, hi = labels.get("range") or (0, len(plan.raw_text or plan.text))
    out_rows, out_kinds = [], []
    for row, q in zip(rows, plan.quantities):
        if not (q.raw_span and lo <= q.raw_span[0] < hi):
            continue
        out_rows.append(row)
        out_kinds.append(kind_of.get(id(q), "name"))
    return out_rows, out_kinds


def label_files(folder: "str | Path") -> dict[str, dict]:
    """The quantity label files of a folder (``tests/gold/labels``) by document id
    (``gwr-1985``), actor label files (``*.actors.json``) left out."""
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    out = {}
    for path in sorted(Path(folder).glob("*.json")):
        if path.name.endswith(".actors.json"):
            continue
        out[path.stem] = json.loads(path.read_text("utf-8"))
    return out


def parse_labelled(labels: dict, corpora: "str | Path", kinds: Any = "model") -> Plan:
    """Parse the document of a label file (its ``source`` below ``corpora``) with the
    given kind decision (see :func:`policyparse.extract.run.extract`)."""
    from pathlib import Path  # noqa: PLC0415

    from .extract.run import extract  # noqa: PLC0415
    from .pipeline import parse_file  # noqa: PLC0415

    plan = parse_file(Path(corpora) / labels["source"], extract=False)
    return extract(plan, kinds=kinds)
