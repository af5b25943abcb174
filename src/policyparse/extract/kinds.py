"""The kind of a quantity, decided by a trained logistic regression over the rules' cues.

:func:`policyparse.extract.quantities.find_quantities` types each number by
rules (a review section gives ``achieved``, 从…提高到 a ``baseline`` …). Those
rules were written on a few documents and do not hold on plans they never saw
(a provincial report's review of 十四五 typed as targets, 三件事 as a target).
Here each quantity is described by sparse binary features — the rules' own
verdict, the role of its section, the tense and time markers around it
(今年, 去年, 已, 累计, 到2030年, 比上年; the past a sentence carries on from the one
before it in its paragraph; a paragraph that opens looking back, 两年来，…, and the
share of its sentences in the past; a stretch of time behind the plan, 十一年中),
commitment words, the verb that
governs it, its unit class and the characters next to it — and a multinomial
logistic regression trained on the hand labels of ``tests/gold/labels``
(``make train``: ``scripts/train_kinds.py``) decides among target, achieved,
baseline, forecast, condition, background, periodicity, count and name.

The model ships as plain JSON (``data/kind_model.json``: feature names,
classes, coefficients), never a pickle; inference is one matrix product per
document with numpy, so scikit-learn is needed only to train.

``count`` and ``name`` are not quantities of the plan (三件事, 十四五): the
extraction drops them (see ``docs/schema.md``, Quantities).

Example:
    >>> t = "今年城镇新增就业1100万人以上。"
    >>> feats = features(t, (8, 16), (0, 16), Site((0, 17), "target"), 2019, unit="万人", comparator=">=")
    >>> "rule=target" in feats, "cb:今年" in feats, "unitclass=people" in feats, "cmp=>=" in feats
    (True, True, True, True)
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

import regex

from ..data import data_path, load_json
from ..ingest.chars import COMMAS, SENTENCE_END
from .quantities import continues_past

if TYPE_CHECKING:
    import numpy as np

    from ..model import Plan

#: kinds that are not quantities of the plan: extraction drops them
NOT_QUANTITIES = frozenset({"count", "name"})

#: kinds the rules give from a construction that settles it (每2年; 比例不足50%的区; 预计…):
#: kept whatever the model says (too few labelled to learn them)
RULE_KEPT = frozenset({"periodicity", "condition", "forecast"})

#: the file of the trained model, below ``data/``
MODEL_FILE = "kind_model.json"

_YEAR = regex.compile(r"((?:1[89]|20)\d\d|[一][九][〇○零一二三四五六七八九]{2}|二[〇○零][〇○零一二三四五六七八九]{2})年")
#: the digits of a year written in Chinese numerals (一九八二年)
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_FIVE_YEAR = regex.compile(r"十[一二三四五六七八九]?五")


@dataclass(frozen=True)
class Site:
    """Where a quantity stands, beyond its own record: its sentence, the rules' kind,
    and the role of the division that holds it (``None`` when no heading says)."""

    sentence: tuple[int, int]
    rule_kind: str
    role: Optional[str] = None
    review: bool = False


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = load_json("kind_features.json")
    units = load_json("quantities.json")["units"]
    unit_class = {u: cls for cls, words in units.items() for u in words}
    return {"markers": tuple(dict.fromkeys(data["markers"])),
            "classifiers": data["count_classifiers"], "unit_class": unit_class, "eras": data["eras"],
            "periods": load_json("quantities.json")["periods"],
            # plain alternations, searched in every sentence: ``re`` runs them faster than ``regex``
            "past": re.compile("|".join(map(re.escape, data["division_past"]))),
            "future": re.compile("|".join(map(re.escape, data["division_future"]))),
            "mags": tuple(sorted(load_json("quantities.json")["magnitudes"], key=len, reverse=True)),
            "opener": regex.compile(data["review_opener"]), "past_span": regex.compile(data["past_span"]),
            "plan_part": regex.compile(data["plan_part"]), "plan_part_before": regex.compile(data["plan_part_before"]),
            "para_past": re.compile("|".join(map(re.escape, data["paragraph_past"])))}


def era_of(year: Optional[int]) -> Optional[str]:
    """The era whose own features a plan's quantities get (``data/kind_features.json``,
    ``eras``), or ``None`` for a plan of unknown year.

    Example:
        >>> era_of(1985), era_of(2019), era_of(None)
        ('planned', 'reform', None)
    """
    if year is None:
        return None
    eras = _cues()["eras"]
    return eras["old"] if year < eras["before"] else eras["new"]


def with_era(row: list[str], era: Optional[str]) -> list[str]:
    """A feature row and, for a plan of known era, each feature again prefixed with it.

    Example:
        >>> with_era(["cb:今年", "le"], "planned")
        ['cb:今年', 'le', 'era:planned|cb:今年', 'era:planned|le']
        >>> with_era(["le"], None)
        ['le']
    """
    return row + [f"era:{era}|{name}" for name in row] if era else row


def _unit_class(unit: Optional[str]) -> str:
    if not unit:
        return "none"
    cls = _cues()["unit_class"]
    if unit in cls:
        return cls[unit]
    for mag in _cues()["mags"]:
        if unit.startswith(mag):
            rest = unit[len(mag):]
            return cls.get(rest, "magnitude") if rest else "magnitude"
    return "other"


def section_roles(plan: "Plan", review: Iterable[str] = ()) -> dict[str, Optional[str]]:
    """The role of every node, as the outline set it (:mod:`policyparse.outline.roles`);
    a node without one (a plan built by hand) in ``review`` (found by the rules' review
    headings) is ``review``."""
    review = set(review)
    return {n.id: n.role or ("review" if n.id in review else None) for n in plan.nodes}


def division_cues(plan: "Plan", sentences: Sequence[tuple[object, int, int]]) -> dict[str, list[str]]:
    """Features every quantity of a top-level division shares, by node id: the division's
    rank among the plan's divisions (``div1``, ``div2``, ``div3+``) and how many of its
    sentences speak of the past or of what is to be done, binned. A review reads in the
    past (了, 已, 累计) whatever its heading says (一年接着一年干 …).

    A node whose division has no sentence is left out (``.get(node_id, [])``), and the
    nodes of one division share one list: a plan of 600,000 nodes made three dicts of
    them and a list each (issue 15, memory); the ranks are looked up, not searched for."""
    labelled: set[str] = set()
    root: dict[str, str] = {}
    for n in plan.nodes:  # parents first
        r = root[n.id] = root.get(n.parent, n.id) if n.parent is not None else n.id
        if r == n.id and n.label is not None:
            labelled.add(r)
    counts: dict[str, list[int]] = {}
    cues = _cues()
    for node, s, e in sentences:
        c = counts.setdefault(root[node.id], [0, 0, 0])  # type: ignore[attr-defined]
        c[0] += 1
        c[1] += bool(cues["past"].search(plan.text, s, e))
        c[2] += bool(cues["future"].search(plan.text, s, e))
    ranked = [r for r in dict.fromkeys(root.values()) if counts.get(r, [0])[0] >= 5 and r in labelled]
    rank_of = {r: i + 1 for i, r in enumerate(ranked)}
    out_root: dict[str, list[str]] = {}
    for r, (n, past, future) in counts.items():
        rank = rank_of.get(r, 0)
        pb = 0 if past / n < 0.04 else 1 if past / n < 0.1 else 2
        fb = 0 if future / n < 0.2 else 1 if future / n < 0.4 else 2
        pos = "div0" if rank == 0 else f"div{min(rank, 3)}"
        out_root[r] = [pos, f"divpast={pb}", f"divfuture={fb}", f"{pos}_past={pb}"]
    return {nid: out_root[r] for nid, r in root.items() if r in out_root}


def paragraph_cues(plan: "Plan", sentences: Sequence[tuple[object, int, int]]) -> dict[int, list[str]]:
    """Features every quantity of a sentence shares from its paragraph, by the sentence's
    start: the share of the paragraph's sentences that speak of the past (``parapast=0/1/2``)
    and ``para_review`` when a sentence of the paragraph up to this one opens by looking
    back (``review_opener``: 两年来，… 去年上半年…). A review passage inside a division of
    tasks (a report's 2000 tasks open with what two years of bond-financed investment
    built) reads in the past whatever its heading says; so does a plan's paragraph that
    sums up a year before it sets the next, which is why only the sentences up to the
    quantity's count for ``para_review``.

    Example:
        >>> from types import SimpleNamespace
        >>> t = "两年来，发行了国债。共建设5100多个项目。"
        >>> paragraph_cues(SimpleNamespace(text=t), [(None, 0, 10), (None, 10, len(t))])[10]
        ['parapast=2', 'para_review']
    """
    text = plan.text
    cues = _cues()
    out: dict[int, list[str]] = {}
    para: list[tuple[int, bool, bool]] = []  # (start, past, opens looking back) of the paragraph's sentences

    def close() -> None:
        share = sum(p for _, p, _ in para) / len(para)
        bin_ = "parapast=0" if share < 0.25 else "parapast=1" if share < 0.5 else "parapast=2"
        seen = False
        for start, _, opens in para:
            seen = seen or opens
            out[start] = [bin_, "para_review"] if seen else [bin_]

    last = None
    for _, s, e in sorted(sentences, key=lambda u: u[1]):
        p = text.rfind("\n", 0, s)
        if p != last and para:
            close()
            para = []
        last = p
        head = s
        while head < e and text[head] in " \u3000\t":
            head += 1
        para.append((s, bool(cues["para_past"].search(text, s, e)), bool(cues["opener"].match(text, head, e))))
    if para:
        close()
    return out


def _bin(value: float) -> str:
    if value <= 0:
        return "0"
    return str(max(-2, min(12, int(math.floor(math.log10(value))))))


def governing_verb(before: str, verbs: "dict[str, str]") -> tuple[Optional[str], Optional[str]]:
    """The verb that governs a number and its class, read back from the text before it:
    the longest word of ``verbs`` (word → class) ending there, after at most two
    characters of particles or level words (了, 到, 在, 达到 …).

    Example:
        >>> governing_verb("今年新建", {"新建": "build", "建": "build"})
        ('新建', 'build')
    """
    for skip in range(0, 3):
        end = len(before) - skip
        if skip and not all(c in "了到至在为达共约近超" for c in before[end:]):
            break
        for n in (4, 3, 2):
            word = before[max(0, end - n):end]
            if len(word) == n and word in verbs:
                return word, verbs[word]
    return None, None


def features(text: str, span: tuple[int, int], clause: tuple[int, int], site: Site, year: Optional[int],
             *, unit: Optional[str] = None, comparator: str = "=", measure: str = "level",
             value: float = 0.0, indicator: Optional[str] = None, commitment: Optional[str] = None,
             deadline: Optional[int] = None, verbs: "Optional[dict[str, str]]" = None) -> list[str]:
    """The binary features of the quantity written at ``span`` (names, for :class:`KindModel`);
    ``verbs`` (word → class, the verb lexicon) gives the governing verb and its class, which
    stands for its part of speech until the segmenter tags words."""
    s, e = span
    cs, ce = clause
    ss, se = site.sentence
    cues = _cues()
    f = [f"rule={site.rule_kind}", f"role={site.role}", f"unitclass={_unit_class(unit)}",
         f"unit={unit}", f"cmp={comparator}", f"measure={measure}", f"val={_bin(float(value))}",
         f"commit={commitment}", f"deadline={deadline is not None}", f"ind={indicator is not None}"]
    if site.review:
        f.append("review")  # a division the rules read as a review
    if continues_past(text, site.sentence):
        # a sentence carrying on a past one: 过去一年，…取得了很大成绩。国内生产总值增长10.3%; a feature of
        # its own, as a review division of the 1980s mixes results and plans and this sentence does not
        f.append("continues_past")
    number = text[s:e]
    if not any(c.isdigit() for c in number):
        f.append("chinese")
        if value <= 10:
            f.append("small_chinese")
            if e < len(text) and text[e - 1] in cues["classifiers"]:
                f.append("small_classifier")
    f += [f"p1={text[s - 1] if s > 0 else '^'}", f"p2={text[max(0, s - 2):s]}",
          f"n1={text[e] if e < len(text) else '$'}", f"n2={text[e:e + 2]}"]
    if indicator:
        f.append(f"indlast={indicator[-1]}")
    if (cues["plan_part"].match(text, e - 1 if e > s and text[e - 1] in "个项件条类" else e, min(len(text), e + 10))
            or (text[e - 1] in "个项" and cues["plan_part_before"].search(text, max(cs, s - 8), s))):
        f.append("plan_part")  # 28个主要指标, 预期性指标19项, 12条举措: a count of the plan's own parts
    before, earlier, after = text[cs:s], text[ss:cs], text[e:ce]
    if verbs:
        verb, cls = governing_verb(before, verbs)
        f += [f"verb={verb}", f"verbclass={cls}"]
    for w in cues["markers"]:
        if w in before:
            f.append(f"cb:{w}")
        if w in earlier:
            f.append(f"sb:{w}")
        if w in after:
            f.append(f"ca:{w}")
    if cues["opener"].match(text, ss, se):
        f.append("opens:review")
    if cues["past_span"].search(text, ss, s):
        f.append("past_span")
    head = text[ss:min(se, ss + 6)]
    for w in ("去年", "今年", "过去", "五年来", "一年来", "预计", "到", "我国", "全国", "各位代表"):
        if head.startswith(w):
            f.append(f"opens:{w}")
    if year is not None:
        for m in _YEAR.finditer(text, ss, se):
            y = int(m.group(1).translate(_CN_DIGITS))
            where = "b" if m.start() < s else "a"
            f.append(f"year{where}:{'past' if y < year else 'now' if y == year else 'future'}")
        for m in _FIVE_YEAR.finditer(text, ss, se):
            end_year = cues["periods"].get(m.group())
            if end_year is not None:
                f.append(f"plan:{'past' if end_year < year else 'current' if end_year - 5 < year else 'future'}")
    if text.find("了", cs, ce) >= 0:
        f.append("le")
    if text.rfind("“", cs, s) > text.rfind("”", cs, s):
        f.append("quoted")
    if cs == s or text[s - 1] in COMMAS + SENTENCE_END:
        f.append("clause_head")
    return f


def overrule(predicted: Sequence[str], rule_kinds: Sequence[str], rows: Optional[Sequence[Sequence[str]]] = None) -> list[str]:
    """The model's kinds, except where the rules gave one of :data:`RULE_KEPT`; except a
    target in a sentence that carries on a past one (feature ``continues_past`` of
    ``rows``: 过去一年，…取得了很大成绩。国内生产总值增长10.3%), which keeps the rules'
    kind: in the training labels no such number is a target (0 of 29), but the feature
    is too rare to outweigh the cues of a division of tasks around it; and except a
    target, a background figure or a result that counts the plan's own parts (feature
    ``plan_part``: 28个主要指标, 提出了15个方面的重点任务), a ``count``; but a result that
    says they were done counts what was done (12类45件民生实事全面完成).

    Example:
        >>> overrule(["target", "achieved"], ["periodicity", "target"])
        ['periodicity', 'achieved']
        >>> overrule(["target"], ["achieved"], [["continues_past"]])
        ['achieved']
    """
    out = [r if r in RULE_KEPT else p for p, r in zip(predicted, rule_kinds)]
    if rows is not None:
        out = [r if k == "target" and "continues_past" in row else k for k, r, row in zip(out, rule_kinds, rows)]
        # a number that counts the plan's own parts (28个主要指标, 15个方面的重点任务, 10件民生实事) is
        # never one of its targets nor a figure of its context: the labels have too few counts for the model
        out = ["count" if "plan_part" in row and (k in ("target", "background") or (k == "achieved" and "ca:完成" not in row))
               else k for k, row in zip(out, rows)]
    return out


#: rows of the design matrix built at once by :meth:`KindModel.probabilities`
_BLOCK = 512


@dataclass
class KindModel:
    """A multinomial logistic regression as plain arrays: ``coef[class, feature]``."""

    classes: list[str]
    features: list[str]
    #: arrays from :func:`fit`; lists of floats from :meth:`from_json` (a parse does not load numpy)
    coef: "np.ndarray | list[list[float]]"
    intercept: "np.ndarray | list[float]"

    @classmethod
    def from_json(cls, data: dict) -> "KindModel":
        return cls(classes=list(data["classes"]), features=list(data["features"]),
                   coef=[[float(v) for v in row] for row in data["coef"]],
                   intercept=[float(v) for v in data["intercept"]])

    def to_json(self, **about: object) -> dict:
        """The model as plain JSON data (coefficients rounded to 6 decimals), with ``about`` notes."""
        return {**about, "classes": self.classes, "features": self.features,
                "intercept": [round(float(v), 6) for v in self.intercept],
                "coef": [[round(float(v), 6) for v in row] for row in self.coef]}

    @property
    def index(self) -> dict[str, int]:
        """Feature name → column."""
        idx = self.__dict__.get("_idx")
        if idx is None:
            idx = self.__dict__["_idx"] = {name: i for i, name in enumerate(self.features)}
        return idx

    def matrix(self, rows: Sequence[Sequence[str]]) -> "np.ndarray":
        """The 0/1 design matrix of ``rows`` (feature names the model does not know are dropped)."""
        import numpy as np  # noqa: PLC0415

        idx = self.index
        x = np.zeros((len(rows), len(self.features)))
        r = [i for i, row in enumerate(rows) for name in row if name in idx]
        c = [idx[name] for row in rows for name in row if name in idx]
        x[r, c] = 1.0
        return x

    def probabilities(self, rows: Sequence[Sequence[str]]) -> "np.ndarray":
        """Class probabilities, one row per quantity, columns in :attr:`classes` order."""
        import numpy as np  # noqa: PLC0415

        if not rows:
            return np.zeros((0, len(self.classes)))
        coef, intercept = np.asarray(self.coef, dtype=float), np.asarray(self.intercept, dtype=float)
        # a block of rows at a time: a dense design matrix of all rows is 8.6 KB a quantity
        z = np.concatenate([self.matrix(rows[i:i + _BLOCK]) @ coef.T for i in range(0, len(rows), _BLOCK)])
        z += intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """The most probable kind of each quantity: the class of the highest score (the
        argmax of :meth:`probabilities`, the first on a tie).

        Plain Python, not numpy: the features are 0/1 and a quantity has a dozen of
        them, so a score is the intercept plus a few coefficients, and a parse need
        not import numpy (about 0.1 s of a cold start).
        """
        columns = self.__dict__.get("_columns")  # feature → its coefficient in each class
        if columns is None:
            columns = self.__dict__["_columns"] = [[float(row[j]) for row in self.coef] for j in range(len(self.features))]
        intercept = [float(v) for v in self.intercept]
        idx = self.index
        out = []
        for row in rows:
            active = [columns[j] for j in sorted({idx[name] for name in row if name in idx})]
            scores = [sum(ws) + b for ws, b in zip(zip(*active), intercept)] if active else intercept
            out.append(self.classes[scores.index(max(scores))])
        return out


#: the inverse regularisation strength of :func:`fit`, chosen by leave-one-document-out accuracy on the
#: train documents, the stronger of two that tie (session 23, fitted to convergence: C 0.1 0.924, 0.2 0.923,
#: 0.3 0.926, 0.5 0.926, 1.0 0.925)
C = 0.3
#: a feature seen in fewer training quantities than this is left out
MIN_COUNT = 2
#: the solver's tolerance: the fit runs to the optimum (about 300 lbfgs steps, 5 s). At scikit-learn's
#: default (1e-4) lbfgs stopped after some 65 steps, short of it, at a point that moved with any change
#: of the training rows: one feature of one row of 1,887 changed retyped targets of documents far away
TOL = 1e-8


def fit(rows: Sequence[Sequence[str]], kinds: Sequence[str], *, c: float = C, min_count: int = MIN_COUNT) -> KindModel:
    """Train the model on feature rows and their hand-labelled kinds (needs scikit-learn).

    The solver is deterministic (lbfgs from zeros) and runs to convergence (:data:`TOL`), so the same
    labels give the same model and a small change of them a small change of it; the
    linear algebra runs on one thread, since a BLAS summing on several threads rounds differently
    by their number (a dask cluster sets OMP_NUM_THREADS=1 for the processes it starts, and the
    model then came out different in the last digits).
    """
    import numpy as np  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - training only
    from threadpoolctl import threadpool_limits  # noqa: PLC0415 - scikit-learn's own dependency

    counts: dict[str, int] = {}
    for row in rows:
        for name in set(row):
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, k in counts.items() if k >= min_count)
    empty = KindModel(classes=[], features=names, coef=np.zeros((0, len(names))), intercept=np.zeros(0))
    x = empty.matrix(rows)
    lr = LogisticRegression(C=c, max_iter=20000, tol=TOL)
    with threadpool_limits(limits=1):
        lr.fit(x, list(kinds))
    return KindModel(classes=[str(k) for k in lr.classes_], features=names, coef=lr.coef_, intercept=lr.intercept_)


@lru_cache(maxsize=1)
def load_model() -> Optional[KindModel]:
    """The shipped model (``data/kind_model.json``), or ``None`` before ``make train`` made one."""
    path = data_path(MODEL_FILE)
    if not path.is_file():
        return None
    return KindModel.from_json(load_json(MODEL_FILE))
