"""Aligning the outlines of two plans by content, not by number.

Items get renumbered, reworded, merged, split and moved between sections
from one year's plan to the next, so numbers say little; content says more.
:func:`align_outlines` pairs the *units* of two plans (the preamble, headings of
every level, and the paragraphs that sit directly under a heading or in the
preamble, which are the items of a Government Work Report):

1. Each unit is a vector of character n-gram TF-IDF (scikit-learn; Chinese
   needs no word segmentation for this): its lead (a heading's title, or a
   paragraph's first sentence) weighed :data:`LEAD_WEIGHT` times its body.
2. Units of the same kind are paired one to one by the optimal assignment
   (scipy's ``linear_sum_assignment``) on cosine similarity, from the top of
   the outline down: two units whose parents are already paired get
   :data:`PARENT_BONUS`, so a subsection stays under its section's partner
   when the text allows; two units whose divisions have different roles
   (``review``, ``goals``, ``tasks`` …: :attr:`policyparse.model.Node.role`)
   lose :data:`ROLE_PENALTY`, so a review of last year's work is not taken
   for this year's task of a similar name. A pair below :data:`THRESHOLD`
   is no pair, unless its margin says otherwise:
   Cosine similarities of long texts are low in absolute terms and vary
   with length, so a pair is also kept below :data:`THRESHOLD` when it
   stands out from the other candidates of both its units: its *margin*
   (the similarity over the mean of each unit's :data:`MARGIN_K` best
   similarities, as in margin-based bitext mining, Artetxe and Schwenk 2019)
   is at least :data:`MARGIN`.
3. A unit left over whose content lies mostly (:data:`CONTAINMENT` of its
   character bigrams) inside a unit of the other plan is the half of a
   ``split`` (one old unit, several new ones) or of a ``merged`` pair
   (several old units, one new one).
   A part, section or subsection that has a partner already may take a
   second link (:func:`_secondary_links`): to a unit of the same role of the
   other plan when one is the other's most similar unit and their margin
   reaches :data:`SECONDARY_MARGIN` (a subsection that feeds two, or takes
   from two).
4. A pair is ``unchanged`` when its text (labels and spacing aside) is the
   same, otherwise ``reworded``; either is ``moved`` as well when its parent
   is not the partner of the other's parent, or when it left the order of its
   siblings (it is not on the longest run of pairs kept in order). Parents
   are the nearest paired ancestors: a heading added or removed around a unit
   does not move it.

The statuses and thresholds are documented in ``docs/schema.md`` (Comparing
plans). Example:

    >>> import policyparse
    >>> old = policyparse.parse("一、总体要求\\n1.抓好理论学习。\\n2.推进教育改革。", extract=False)
    >>> new = policyparse.parse("一、总体要求\\n1.深化教育改革。\\n2.抓好理论学习。", extract=False)
    >>> for p in align_outlines(old, new):
    ...     print(p.kind, p.status, old.node(p.old).heading, "→", new.node(p.new).heading)
    section unchanged 总体要求 → 总体要求
    item reworded 推进教育改革 → 深化教育改革
    item moved 抓好理论学习 → 抓好理论学习
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

import regex

from ..model import HEADING_KINDS, Node, Plan, Span

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from scipy import sparse

#: Cosine similarity from which two units are paired whatever else they resemble.
THRESHOLD = 0.5
#: Below :data:`THRESHOLD`, a pair is kept when its margin reaches this (see :func:`margins`) …
MARGIN = 1.2
#: … and its cosine similarity this.
FLOOR = 0.1
#: Neighbours averaged for the margin.
MARGIN_K = 3
#: Added to the similarity of two units whose parents are paired, when choosing pairs (not reported).
PARENT_BONUS = 0.25
#: Subtracted from the similarity of two units whose divisions have different roles (a review
#: against tasks, goals against tasks), for choosing and keeping pairs: like pairs with like, and
#: only a near copy crosses roles (the pair then says both roles).
ROLE_PENALTY = 0.5
#: How much more a unit's lead (heading, first sentence) weighs than its body.
LEAD_WEIGHT = 2.0
#: Share of a left-over unit's character bigrams that must lie inside another unit for a split or merge.
CONTAINMENT = 0.6
#: Margin from which a unit that already has a partner is also linked to another unit of the
#: other plan that is its most similar (or whose most similar it is): a split or a merge (see
#: :func:`_secondary_links`); tuned on the development alignments of ``tests/gold``.
SECONDARY_MARGIN = 0.9
#: The kinds of units that get such secondary links: divisions with bodies, not single paragraphs.
SECONDARY_KINDS: frozenset[str] = frozenset({"part", "section", "subsection"})
#: Character n-grams of the TF-IDF vectors.
NGRAMS = (1, 2)

#: The kinds of units aligned, from the top of the outline down.
UNIT_KINDS: tuple[str, ...] = ("preamble",) + HEADING_KINDS + ("paragraph",)

_SKIP = set("，。；：、！？“”‘’（）()《》〈〉【】 \t\r\n\u3000—－-…·,.;:!?\"'")
_DROP = str.maketrans("", "", "".join(_SKIP))


@dataclass
class Unit:
    """A node of one plan as the aligner sees it."""

    node: Node
    lead: str
    body: str
    #: the text compared for ``unchanged`` and for containment: labels, spacing and punctuation dropped
    key: str
    #: the character bigrams of ``key``
    grams: frozenset[str] = frozenset()


@dataclass
class Pair:
    """One line of an alignment: a unit of the old plan, of the new plan, or of both."""

    old: Optional[str]
    new: Optional[str]
    kind: str
    #: unchanged, reworded, moved, added, removed, merged or split
    status: str
    #: cosine similarity of the two units (null for added and removed)
    similarity: Optional[float] = None
    #: the pair also changed place (its status says moved when its text is unchanged)
    moved: bool = False
    #: the roles of the two units' divisions (review, goals, tasks …), when known
    old_role: Optional[str] = None
    new_role: Optional[str] = None

    @property
    def roles_differ(self) -> bool:
        """Both units have a role and the roles are not the same (a near copy that changed division)."""
        return self.old_role is not None and self.new_role is not None and self.old_role != self.new_role


def units(plan: Plan) -> list[Unit]:
    """The alignable units of ``plan`` in document order: the preamble, heading nodes, and
    paragraphs whose parent is the preamble or a heading node other than an
    item (an item's paragraph is the item's own body), except the line of the
    heading itself. A report without numbered headings is thus aligned
    paragraph by paragraph.

    A unit with units below it is compared (``unchanged`` or ``reworded``) by
    its heading alone: its children are compared on their own.
    """
    chosen = []
    for n in plan.nodes:
        if n.kind in HEADING_KINDS or n.kind == "preamble":
            chosen.append(n)
        elif n.kind == "paragraph" and n.parent is not None:
            parent = plan.node(n.parent)
            if ((parent.kind in HEADING_KINDS and parent.kind not in ("item", "subitem")) or parent.kind == "preamble") \
                    and not _within(n.span, parent.heading_span):
                chosen.append(n)
    ids = {n.id for n in chosen}
    has_units_below = {_unit_parent_of(plan, n, ids) for n in chosen} - {None}
    return [_unit(plan, n, n.id in has_units_below) for n in chosen]


def _within(span: Span, outer: Optional[Span]) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _unit_parent_of(plan: Plan, node: Node, ids: set[str]) -> Optional[str]:
    parent = node.parent
    while parent is not None and parent not in ids:
        parent = plan.node(parent).parent
    return parent


def _unit(plan: Plan, n: Node, parent_unit: bool) -> Unit:
    s, e = n.span
    if n.heading_span is not None:
        lead = plan.text[n.heading_span[0]:n.heading_span[1]]
        body = plan.text[n.heading_span[1]:e]
    else:
        first = _first_sentence(plan, n)
        cut = first.span[1] if first is not None else e
        lead, body = plan.text[s:cut], plan.text[cut:e]
    if n.label and lead.startswith(n.label):
        lead = lead[len(n.label):]
    key = (lead if parent_unit else lead + body).translate(_DROP)
    grams = frozenset(map(str.__add__, key, key[1:])) or frozenset([key])
    return Unit(n, lead, body, key, grams)


def _first_sentence(plan: Plan, node: Node) -> Optional[Node]:
    """The first sentence node at the start of ``node`` (through its first paragraph)."""
    kids = plan.children(node)
    while kids and kids[0].kind != "sentence" and kids[0].span[0] == node.span[0]:
        kids = plan.children(kids[0])
    return kids[0] if kids and kids[0].kind == "sentence" else None


_WHITE_SPACES = regex.compile(r"\s\s+")


def gram_counts(texts: list[str]) -> "sparse.csr_matrix":
    """Counts of the character 1- and 2-grams of each text, one row per text, one column per
    gram that occurs (what scikit-learn's ``CountVectorizer(analyzer="char", ngram_range=(1, 2))``
    counts: lowercased, runs of white space as one space), built with numpy: each character is
    its code point, each bigram a number above every code point, so no Python loop runs over
    characters (the sections' and subsections' bodies hold the whole text, so a report's text
    is counted several times).

    Example:
        >>> gram_counts(["abab", "b"]).toarray().tolist()
        [[2, 2, 2, 1], [0, 1, 0, 0]]
    """
    import numpy as np  # noqa: PLC0415
    from scipy import sparse  # noqa: PLC0415

    assert NGRAMS == (1, 2), "gram_counts counts character unigrams and bigrams"
    rows, cols = [], []
    for i, text in enumerate(texts):
        text = _WHITE_SPACES.sub(" ", text.lower())
        chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        grams = np.concatenate([chars, (chars[:-1] + 1) * 0x110000 + chars[1:]])
        rows.append(np.full(len(grams), i, dtype=np.int64))
        cols.append(grams)
    row = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    col = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    vocabulary, col = np.unique(col, return_inverse=True)
    counts = sparse.csr_matrix((np.ones(len(row), dtype=np.int64), (row, col.ravel())),
                               shape=(len(texts), max(len(vocabulary), 1)))
    counts.sum_duplicates()
    return counts


def _vectors(old: list[Unit], new: list[Unit]) -> tuple["np.ndarray", "np.ndarray"]:
    """Unit vectors: lead and body TF-IDF (IDF fitted on the units of both plans), weighed and normalised."""
    from sklearn.feature_extraction.text import TfidfTransformer  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    all_units = old + new
    counts = gram_counts([u.lead for u in all_units] + [u.body for u in all_units]).astype(float)
    leads, bodies = counts[: len(all_units)], counts[len(all_units):]
    weigh = TfidfTransformer(sublinear_tf=True).fit(leads + bodies)
    vectors = normalize(LEAD_WEIGHT * normalize(weigh.transform(leads)) + normalize(weigh.transform(bodies)))
    return vectors[: len(old)], vectors[len(old):]


def _containment(part: Unit, whole: Unit) -> float:
    """The share of ``part``'s character bigrams that occur in ``whole``."""
    return len(part.grams & whole.grams) / len(part.grams) if part.key else 0.0


def margins(sim: "np.ndarray", k: int = MARGIN_K) -> "np.ndarray":
    """Ratio margins of a similarity matrix: each similarity over the mean of
    the ``k`` best similarities of its row and of its column.

    Example:
        >>> import numpy as np
        >>> margins(np.array([[0.4, 0.1], [0.1, 0.2]]), k=1).round(2).tolist()
        [[1.0, 0.33], [0.33, 1.0]]
    """
    import numpy as np  # noqa: PLC0415

    kr, kc = min(k, sim.shape[1]), min(k, sim.shape[0])
    rows = np.sort(sim, axis=1)[:, -kr:].mean(axis=1)
    cols = np.sort(sim, axis=0)[-kc:, :].mean(axis=0)
    denominator = (rows[:, None] + cols[None, :]) / 2
    return np.divide(sim, denominator, out=np.zeros_like(sim), where=denominator > 0)


def align_outlines(old: Plan, new: Plan, *, threshold: float = THRESHOLD,
                   plan_units: Optional[tuple[list[Unit], list[Unit]]] = None) -> list[Pair]:
    """Align the units of two plans (see the module's description).

    Returns one :class:`Pair` per paired, split, merged, added or removed
    unit: the pairs in the new plan's order, then the removed units in the
    old plan's order. ``plan_units``: the :func:`units` of both plans, when
    the caller has them already.
    """
    old_units, new_units = plan_units if plan_units is not None else (units(old), units(new))
    old_ids, new_ids = {u.node.id for u in old_units}, {u.node.id for u in new_units}
    pairs: list[Pair] = []
    partner_of_old: dict[str, str] = {}
    for kind in UNIT_KINDS:
        ou = [u for u in old_units if u.node.kind == kind]
        nu = [u for u in new_units if u.node.kind == kind]
        if ou or nu:
            parents = ([_unit_parent_of(old, u.node, old_ids) for u in ou],
                       [_unit_parent_of(new, u.node, new_ids) for u in nu])
            pairs.extend(_align_kind(ou, nu, parents, threshold, partner_of_old))
    _mark_moves(old, new, pairs, partner_of_old)
    order_new = {u.node.id: i for i, u in enumerate(new_units)}
    order_old = {u.node.id: i for i, u in enumerate(old_units)}
    return sorted(pairs, key=lambda p: (p.new is None, order_new.get(p.new or "", 0), order_old.get(p.old or "", 0)))


def _align_kind(ou: list[Unit], nu: list[Unit], parents: tuple[list[Optional[str]], list[Optional[str]]],
                threshold: float, partner_of_old: dict[str, str]) -> list[Pair]:
    kind = (ou or nu)[0].node.kind
    if not ou or not nu:
        return ([Pair(u.node.id, None, kind, "removed") for u in ou]
                + [Pair(None, u.node.id, kind, "added") for u in nu])
    from scipy.optimize import linear_sum_assignment  # noqa: PLC0415

    vo, vn = _vectors(ou, nu)
    sim = (vo @ vn.T).toarray()
    import numpy as np  # noqa: PLC0415

    differ = np.array([[a.node.role is not None and b.node.role is not None and a.node.role != b.node.role
                        for b in nu] for a in ou], dtype=bool)
    like = sim - ROLE_PENALTY * differ
    margin = margins(like)
    paired_parents = np.array([[p is not None and partner_of_old.get(p) == q for q in parents[1]]
                               for p in parents[0]], dtype=bool)
    rows, cols = linear_sum_assignment(like + PARENT_BONUS * paired_parents, maximize=True)
    matched_old: dict[int, int] = {}
    for r, c in zip(rows, cols):
        if like[r, c] >= threshold or (margin[r, c] >= MARGIN and like[r, c] >= FLOOR):
            matched_old[r] = c
    matched_new = {c: r for r, c in matched_old.items()}
    pairs = []
    for r, c in matched_old.items():
        status = "unchanged" if ou[r].key == nu[c].key else "reworded"
        pairs.append(Pair(ou[r].node.id, nu[c].node.id, kind, status, round(float(sim[r, c]), 4),
                          old_role=ou[r].node.role, new_role=nu[c].node.role))
        partner_of_old[ou[r].node.id] = nu[c].node.id
    # split: a new unit left over that lies inside an old unit, or stands out as like it (the rule
    # that keeps a pair); merged: the converse
    def linked(r: int, c: int, part: Unit, whole: Unit) -> bool:
        return (not differ[r, c] and _containment(part, whole) >= CONTAINMENT) or keep(r, c)

    def keep(r: int, c: int) -> bool:
        return bool(like[r, c] >= threshold or (margin[r, c] >= MARGIN and like[r, c] >= FLOOR))

    merged_into: dict[int, list[int]] = {}
    for r in range(len(ou)):
        if r in matched_old:
            continue
        best = max(range(len(nu)), key=lambda c: (linked(r, c, ou[r], nu[c]), like[r, c]))
        if linked(r, best, ou[r], nu[best]):
            merged_into.setdefault(best, []).append(r)
    into = {r: c for c, rs in merged_into.items() for r in rs}
    split_of: dict[int, list[int]] = {}
    for c in range(len(nu)):
        if c in matched_new:
            continue
        best = max(range(len(ou)), key=lambda r: (linked(r, c, nu[c], ou[r]), like[r, c]))
        if linked(best, c, nu[c], ou[best]):
            split_of.setdefault(best, []).append(c)
    for r, cs in list(split_of.items()):  # an old unit left over that merged into one new unit and split into others
        if r in into and into[r] not in cs:
            cs.append(into[r])
    for r, cs in split_of.items():
        group = cs + ([matched_old[r]] if r in matched_old else [])
        if len(group) < 2:
            continue
        for c in group:
            _set(pairs, kind, ou[r].node, nu[c].node, "split", float(sim[r, c]))
    for c, rs in merged_into.items():
        group = rs + ([matched_new[c]] if c in matched_new else [])
        if len(group) < 2:
            continue
        for r in group:
            _set(pairs, kind, ou[r].node, nu[c].node, "merged", float(sim[r, c]))
    if kind in SECONDARY_KINDS:
        _secondary_links(pairs, kind, ou, nu, sim, like, margin, differ)
    paired_old = {p.old for p in pairs}
    paired_new = {p.new for p in pairs}
    pairs += [Pair(u.node.id, None, kind, "removed") for u in ou if u.node.id not in paired_old]
    pairs += [Pair(None, u.node.id, kind, "added") for u in nu if u.node.id not in paired_new]
    return pairs


def _secondary_links(pairs: list[Pair], kind: str, ou: list[Unit], nu: list[Unit], sim: "np.ndarray",
                     like: "np.ndarray", margin: "np.ndarray", differ: "np.ndarray") -> None:
    """Links beside the one-to-one pairs, for a unit that feeds several (a split) or takes from
    several (a merge) although each has a partner already: a pair of units of the same role
    where one is the other's most similar unit and the pair stands out (its margin at least
    :data:`SECONDARY_MARGIN`). Then every link of the kind says what it takes part in: ``merged``
    when its new unit links to several old ones (also when it is a split as well, as the hand
    alignments label it), ``split`` when its old unit links to several new ones."""
    linked = {(p.old, p.new) for p in pairs}
    best_new = like.argmax(axis=1)
    best_old = like.argmax(axis=0)
    added = False
    for r in range(len(ou)):
        for c in range(len(nu)):
            if differ[r, c] or (ou[r].node.id, nu[c].node.id) in linked:
                continue
            if (best_new[r] == c or best_old[c] == r) and margin[r, c] >= SECONDARY_MARGIN and like[r, c] >= FLOOR:
                pairs.append(Pair(ou[r].node.id, nu[c].node.id, kind, "split", round(float(sim[r, c]), 4),
                                  old_role=ou[r].node.role, new_role=nu[c].node.role))
                linked.add((ou[r].node.id, nu[c].node.id))
                added = True
    if not added:
        return
    # every link says what it takes part in: merged when its new unit has several old ones (also
    # when its old unit feeds several: a merge is the stronger statement), split when its old unit
    # feeds several new ones
    links = [p for p in pairs if p.old is not None and p.new is not None]
    olds_of: dict[str, int] = {}
    news_of: dict[str, int] = {}
    for p in links:
        olds_of[p.new] = olds_of.get(p.new, 0) + 1  # type: ignore[index]
        news_of[p.old] = news_of.get(p.old, 0) + 1  # type: ignore[index]
    for p in links:
        if olds_of[p.new] > 1:  # type: ignore[index]
            p.status = "merged"
        elif news_of[p.old] > 1:  # type: ignore[index]
            p.status = "split"


def _set(pairs: list[Pair], kind: str, old: Node, new: Node, status: str, similarity: float) -> None:
    for p in pairs:
        if p.old == old.id and p.new == new.id:
            p.status = status
            return
    pairs.append(Pair(old.id, new.id, kind, status, round(similarity, 4), old_role=old.role, new_role=new.role))


def _mark_moves(old: Plan, new: Plan, pairs: list[Pair], partner_of_old: dict[str, str]) -> None:
    """Mark the one-to-one pairs whose parent changed or that left their siblings' order."""
    groups: dict[tuple[Optional[str], Optional[str]], list[Pair]] = {}
    paired_new = set(partner_of_old.values())
    for p in pairs:
        if p.status not in ("unchanged", "reworded") or p.old is None or p.new is None:
            continue
        old_parent = _paired_ancestor(old, p.old, set(partner_of_old))
        new_parent = _paired_ancestor(new, p.new, paired_new)
        if (old_parent is None) != (new_parent is None) or (
                old_parent is not None and partner_of_old.get(old_parent) != new_parent):
            p.moved = True
        else:
            groups.setdefault((old_parent, new_parent), []).append(p)
    old_pos = {n.id: i for i, n in enumerate(old.nodes)}
    new_pos = {n.id: i for i, n in enumerate(new.nodes)}
    for members in groups.values():
        members.sort(key=lambda p: old_pos[p.old or ""])
        keep = _longest_increasing([new_pos[p.new or ""] for p in members])
        for i, p in enumerate(members):
            if i not in keep:
                p.moved = True
    for p in pairs:
        if p.moved and p.status == "unchanged":
            p.status = "moved"


def _paired_ancestor(plan: Plan, node_id: str, paired: set[str]) -> Optional[str]:
    """The nearest ancestor that has a partner in the other plan: a heading
    added or removed around a unit (a new （一） grouping items) does not
    move it."""
    parent = plan.node(node_id).parent
    while parent is not None and parent not in paired:
        parent = plan.node(parent).parent
    return parent


def _longest_increasing(values: Iterable[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (patience sorting)."""
    values = list(values)
    tails: list[int] = []
    tail_index: list[int] = []
    back: list[int] = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_index.append(i)
        else:
            tails[k] = v
            tail_index[k] = i
        back[i] = tail_index[k - 1] if k > 0 else -1
    keep = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        keep.add(i)
        i = back[i]
    return keep
