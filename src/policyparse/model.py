"""The document model: plain data classes with one JSON form.

A parsed plan is a :class:`Plan`: its metadata (:class:`Meta`), the normalised
``text`` that every span indexes, the outline as a flat list of :class:`Node`
records linked by ``parent`` ids, and the extraction lists (tasks, targets,
quantities, actors, references, edges), plus :class:`ParseWarning` records for
everything a reader should know (skipped numbers, dropped scraping debris ...).

Spans are half-open ``[start, end)`` character offsets: ``span`` into
``Plan.text`` and ``raw_span`` into the decoded file (``Plan.raw_text``), so
``plan.text[slice(*node.span)]`` is the node's content.

The field names are a contract read by other tools; ``docs/schema.md`` and
``docs/plan.schema.json`` describe them, and :data:`SCHEMA_VERSION` changes
whenever they do.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterator, Literal, Optional, Protocol

SCHEMA_VERSION = "1.6"

Span = tuple[int, int]

NodeKind = Literal[
    "preamble", "part", "section", "subsection", "item", "subitem",
    "enumeration", "paragraph", "sentence",
]

QuantityKind = Literal["target", "achieved", "forecast", "condition", "periodicity", "baseline", "background"]
Comparator = Literal["=", ">=", ">", "<=", "<", "~", "range"]
Measure = Literal["level", "change", "rate"]
Commitment = Literal["binding", "aspirational", "expected", "exploratory"]
Role = Literal["lead", "co-lead", "leader", "supported", "guided", "support", "supervisor", "implicit"]
ActorKind = Literal["party", "government", "legislature", "department", "district", "institution", "school",
                    "enterprise"]
ReferenceKind = Literal["document", "slogan"]
#: What a division of the plan is for (see ``docs/schema.md``, Section roles).
SectionRole = Literal["preamble", "review", "goals", "tasks", "self_governance", "explanation", "annex", "closing"]
Relation = Literal["contains", "performs", "has_target", "has_quantity", "cites"]

#: Kinds that come from numbered headings, from the top of the outline down.
HEADING_KINDS: tuple[str, ...] = ("part", "section", "subsection", "item", "subitem")




# --- compact records ---------------------------------------------------------------------
# A large plan holds hundreds of thousands of records, so they are kept small (issue 15:
# memory flat in the document's size): slotted classes, each span packed into one int,
# and the texts a record repeats from the plan (a task's clause, a heading) read from the
# plan's text through their span, as a spaCy ``Span``'s ``.text`` is, instead of copies.
# The public attributes, the constructors, equality, pickling and the JSON are unchanged:
# ``task.span`` is a tuple and ``task.text`` a str, as before.

_MASK = (1 << 32) - 1


class TextSource:
    """The text that the spans of a plan's records index, shared by them (one per plan).

    A record's text field that holds a ``TextSource`` reads its value from the text
    through the record's span (:func:`share_text` puts it there).
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __reduce__(self) -> tuple[Any, ...]:
        return (TextSource, (self.text,))

    def __repr__(self) -> str:
        return f"TextSource(chars={len(self.text)})"


class _PackedSpan:
    """A span field stored packed as one int (start << 32 | end: 32 bytes instead of a tuple
    and two ints, 120), read as the ``(start, end)`` tuple."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot  # the member descriptor of the field's slot

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        v = self.slot.__get__(obj, cls)
        return (v >> 32, v & _MASK) if type(v) is int else v

    def __set__(self, obj: Any, value: Any) -> None:
        if type(value) is tuple and len(value) == 2:  # inline, not a call: every record sets its spans
            s, e = value
            if type(s) is int and type(e) is int and 0 <= s <= _MASK and 0 <= e <= _MASK:
                value = s << 32 | e
        self.slot.__set__(obj, value)


def packed_span(span: Optional[Span]) -> Any:
    """A span in the form a record stores it (one int; ``None`` and odd values as they are).

    A record built with the same packed value for two of its span fields holds one int
    for both: a node's or a task's ``raw_span`` equals its ``span`` whenever the text
    needed no normalising, and a large plan has hundreds of thousands of them (memory).
    """
    if type(span) is tuple and len(span) == 2:
        s, e = span
        if type(s) is int and type(e) is int and 0 <= s <= _MASK and 0 <= e <= _MASK:
            return s << 32 | e
    return span


def set_raw_span(record: Any, raw: Optional[Span]) -> None:
    """Set ``record.raw_span``, holding the stored int of its ``span`` when the two are
    equal (see :func:`packed_span`)."""
    if raw is not None and raw == record.span:
        slots = type(record)._raw_slots
        slots["raw_span"].__set__(record, slots["span"].__get__(record))
    else:
        record.raw_span = raw


class _SpanText:
    """A text field that is the plan's text at one of the record's spans: stored as the
    shared :class:`TextSource` when it is, read as the str either way."""

    __slots__ = ("slot", "span")

    def __init__(self, slot: Any, span: str) -> None:
        self.slot, self.span = slot, span

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        v = self.slot.__get__(obj, cls)
        if type(v) is TextSource:
            s, e = getattr(obj, self.span)
            return v.text[s:e]
        return v

    def __set__(self, obj: Any, value: Any) -> None:
        self.slot.__set__(obj, value)


def _compact(spans: tuple[str, ...] = (), texts: tuple[tuple[str, str], ...] = (),
             interned: tuple[str, ...] = ()) -> Any:
    """A slotted dataclass whose ``spans`` are packed and whose ``texts`` (field, span field)
    may be read from the plan's text; ``interned`` are short words (verbs, units) that
    :func:`share_text` interns. Pickling and copying keep the packed and shared forms."""

    def wrap(cls: type) -> type:
        cls = dataclass(slots=True)(cls)
        names = tuple(f.name for f in fields(cls))
        raw = {name: cls.__dict__[name] for name in names}  # the member descriptors

        for name in spans:
            setattr(cls, name, _PackedSpan(raw[name]))
        for name, span in texts:
            setattr(cls, name, _SpanText(raw[name], span))

        def __getstate__(self: Any) -> tuple[Any, ...]:
            return tuple(raw[n].__get__(self) for n in names)

        def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
            for n, v in zip(names, state):
                raw[n].__set__(self, v)

        cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
        cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
        cls._shared_texts = texts  # type: ignore[attr-defined]
        cls._interned = interned  # type: ignore[attr-defined]
        cls._raw_slots = raw  # type: ignore[attr-defined]
        return cls

    return wrap


def share_text(record: Any, source: TextSource) -> Any:
    """Let ``record`` read its texts from ``source`` where they equal the text at their span
    (dropping the copies), and intern its short words; the record, changed in place."""
    raw = type(record)._raw_slots
    text = source.text
    for name, span_name in type(record)._shared_texts:
        v = raw[name].__get__(record)
        if type(v) is str:
            span = getattr(record, span_name)
            if span is not None and text[span[0]:span[1]] == v:
                raw[name].__set__(record, source)
    for name in type(record)._interned:
        v = raw[name].__get__(record)
        if type(v) is str:
            raw[name].__set__(record, sys.intern(v))
        elif type(v) is list:
            v[:] = [sys.intern(x) if type(x) is str else x for x in v]
    return record


class SpanMap(Protocol):
    """What the model needs of an offset map: a normalised span to a raw one.

    :class:`policyparse.ingest.offsets.MapChain` is one; the model names the
    protocol, not the class, so it imports no stage of the pipeline.
    """

    def span(self, start: int, end: int) -> tuple[int, int]: ...

@dataclass
class Meta:
    """What the document is: title, issuing bodies, year, type, region, source.

    ``doc_type`` is the genre as Chinese officials name it (工作要点,
    政府工作报告, 规划, 实施方案, 意见 ...); ``region`` is the place the document
    governs where the text states it; ``source`` the file it was read from.
    A plan published inside the notice that issues it (…关于印发《…工作要点》的通知)
    is the document: ``title`` is the plan's, ``notice`` the notice's title, and
    ``issuers`` the notice's issuer.
    """

    title: Optional[str] = None
    year: Optional[int] = None
    issuers: list[str] = field(default_factory=list)
    doc_type: Optional[str] = None
    region: Optional[str] = None
    source: Optional[str] = None
    notice: Optional[str] = None


@_compact(spans=("span", "raw_span", "heading_span"), texts=(("heading", "heading_span"),), interned=("label",))
class Node:
    """One node of the outline tree.

    ``kind`` is the structural role (see :data:`NodeKind`); ``label`` the
    numbering as written ("一、", "（二）", "5."; ``None`` for paragraphs and
    sentences), ``ordinal`` its value (for an unnumbered node, its position
    among its parent's children of the same kind, from 1);
    ``heading`` the node's title (a section's title, an item's lead sentence),
    located at ``heading_span``. ``span`` covers the whole node, label and
    children included. ``role`` says what the division the node lies in is
    for (review, goals, tasks …, see :data:`SectionRole`); every node has the
    role of its top-level division, or of the unnumbered division
    (各位代表！…) it lies in.
    """

    id: str
    parent: Optional[str]
    kind: NodeKind
    label: Optional[str]
    ordinal: int
    heading: Optional[str]
    span: Span
    raw_span: Span
    heading_span: Optional[Span] = None
    #: what the division the node lies in is for: review, goals, tasks … (null only for plans read from JSON before 1.3)
    role: Optional[SectionRole] = None


@_compact(spans=("span", "raw_span"))
class ParseWarning:
    """Something the reader of a parsed plan should know about.

    ``code`` is machine readable: ``skipped-number``, ``repeated-number``,
    ``dropped-debris``, ``dropped-boilerplate``, ``no-numbering``, ``meta-from-name``, ``reader-warning`` ...;
    ``text`` is the text concerned (for dropped debris: what was dropped).
    """

    code: str
    message: str
    span: Optional[Span] = None
    raw_span: Optional[Span] = None
    text: Optional[str] = None


@_compact(spans=("span", "indicator_span", "clause_span", "raw_span", "base_period_span"),
          texts=(("text", "clause_span"), ("surface", "span")), interned=("unit", "base_unit", "indicator", "base_period"))
class Quantity:
    """A number that measures something, typed and read (see ``docs/schema.md``, Quantities).

    ``value``/``value_max`` are as written with ``unit`` (1100, 万人);
    ``base_value``/``base_unit`` multiply the magnitude out (11000000, 人).
    ``kind`` is target, achieved, forecast, condition, periodicity, baseline or background
    (decided by the trained kind model, :mod:`policyparse.extract.kinds`);
    ``comparator`` one of =, >=, >, <=, <, ~ (about), range; ``measure``
    level, change or rate; ``commitment`` binding, aspirational, expected,
    exploratory or null; ``deadline`` a year the text states for it.
    """

    #: the quantity's id: q0, q1 … in text order
    id: str
    #: the deepest outline node that holds it (a sentence when the plan has sentence nodes)
    node: str
    #: the task (clause) it belongs to; every target has one
    task: Optional[str]
    kind: QuantityKind
    #: what is measured, a short phrase of the text (城镇新增就业, 国内生产总值增长, 中小学智慧校园)
    indicator: Optional[str]
    comparator: Comparator
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    base_value: Optional[float]
    base_unit: Optional[str]
    measure: Measure
    commitment: Optional[Commitment]
    deadline: Optional[int]
    #: the clause the quantity is in
    text: str
    #: where the quantity is written (its surface), in the normalised text
    span: Span
    #: the quantity as written, comparator words included (1100万人以上, 6%-6.5%)
    surface: str = ""
    #: the phrase the indicator is read from: the indicator as written, or with the comparison base
    #: and plan words it leaves out (工商税收比1955年决算数增长 for 工商税收增长); null when the
    #: indicator is assembled from pieces (分别 … 降低) or borrowed from another clause
    indicator_span: Optional[Span] = None
    #: the span of the clause (text)
    clause_span: Optional[Span] = None
    #: the span of the surface in the decoded source file
    raw_span: Optional[Span] = None
    #: what a change is compared with, as written without 比/较 (上年, 2020年, “六五”期间; 同比 → 上年同期)
    base_period: Optional[str] = None
    #: where the base period is written (for 同比: where 同比 is)
    base_period_span: Optional[Span] = None


@_compact(spans=("span",))
class TaskActor:
    """An actor's part in a task."""

    #: the actor's id (a0 …)
    actor: str
    #: lead, co-lead (会同/联合), leader (在…领导下), supported (支持…), guided (指导/推动…), support (在…支持下, …配合), supervisor (接受…监督), or implicit (the plan's issuer, when the task names no one who performs it)
    role: Role
    #: where the actor is named for this role (null for implicit)
    span: Optional[Span] = None


@_compact(spans=("span", "verb_span", "object_span", "raw_span"),
          texts=(("text", "span"), ("object", "object_span")), interned=("verb", "verb_class", "modifiers"))
class Task:
    """One action of the plan: a clause with an action verb (see ``docs/schema.md``, Tasks).

    ``verb`` is the action verb as written (抓好, 推进); ``modifiers`` the degree
    adverbs before it (深入, 大力); ``verb_class`` its class in the taxonomy of
    data/verbs.json; ``object`` what the verb acts on; ``lead`` marks the
    first task of a numbered item (the item's lead verb); ``commitment`` is the
    strength marker of the clause (确保 → binding …); ``actors`` lists who
    performs, leads, supports or is guided, with their roles. A target stated
    without an action verb (城镇新增就业1100万人以上) gets a task whose ``verb``
    is null.
    """

    #: the task's id: t0, t1 … in text order
    id: str
    #: the deepest outline node that holds the clause
    node: str
    verb: Optional[str]
    verb_class: Optional[str]
    modifiers: list[str]
    object: Optional[str]
    #: the clause, in the normalised text
    span: Span
    #: the clause's text
    text: str
    #: where the verb is written
    verb_span: Optional[Span] = None
    #: where the object is written
    object_span: Optional[Span] = None
    commitment: Optional[Commitment] = None
    lead: bool = False
    actors: list[TaskActor] = field(default_factory=list)
    #: the clause's span in the decoded source file
    raw_span: Optional[Span] = None


@_compact()
class Actor:
    """A party or government body or an institution, with all its mentions merged.

    ``name`` is normalised (市人民政府 → 市政府; 党中央 → 中共中央); ``kind`` is
    party, government, legislature, department, district, institution,
    school or enterprise (firms, banks and other market bodies: 龙头企业, 上市公司,
    金融机构, 个体工商户); ``collective`` marks a set of bodies (各区教育局, 相关部门);
    ``issuer`` marks the plan's issuers; ``mentions`` are the spans where it
    is named; ``aliases`` the other ways it is written.
    """

    #: the actor's id: a0 … (the issuers first, then by first mention)
    id: str
    name: str
    kind: ActorKind
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    collective: bool = False
    issuer: bool = False


@_compact(spans=("span", "raw_span"))
class Reference:
    """A cited document or a quoted programme or slogan."""

    #: the reference's id: r0 … in text order
    id: str
    #: the deepest outline node that holds it
    node: str
    #: document (《…》) or slogan (a short quotation “…”: “三通两平台”)
    kind: ReferenceKind
    #: the text inside the brackets or quotes
    title: str
    #: the brackets or quotes and what is inside
    span: Span
    #: the bodies that issued a document, where the text names them (中共中央、国务院《…》, 《市人民政府关于…》)
    issuer: list[str] = field(default_factory=list)
    #: the task (clause) that cites it
    task: Optional[str] = None
    #: the span in the decoded source file
    raw_span: Optional[Span] = None


@_compact()
class Edge:
    """A typed link of the task graph."""

    #: the id of a node, task or actor
    source: str
    #: the id of a node, task, quantity or reference
    target: str
    #: contains (node → node, node → task), performs (actor → task), has_target (task → quantity of kind target), has_quantity (task → other quantity), cites (task → reference)
    relation: Relation
    #: for performs: the actor's role in the task
    role: Optional[Role] = None


@dataclass
class Plan:
    """A parsed plan. Build one with :func:`policyparse.parse` or :func:`policyparse.parse_file`.

    Example:
        >>> import policyparse
        >>> plan = policyparse.parse("一、总体要求\\n1.抓好学习。\\n2.推进改革。")
        >>> [n.heading for n in plan.nodes_of("item")]
        ['抓好学习', '推进改革']
    """

    meta: Meta
    text: str
    nodes: list[Node] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    #: The decoded source text that ``raw_span`` indexes (not serialised).
    raw_text: Optional[str] = field(default=None, repr=False, compare=False)
    #: The map from ``text`` offsets to ``raw_text`` offsets (not serialised).
    offsets: Optional[SpanMap] = field(default=None, repr=False, compare=False)

    def raw_span(self, start: int, end: int) -> Span:
        """Where ``text[start:end]`` came from in ``raw_text``: for spans you
        find yourself, e.g. with a regular expression over ``plan.text``.

        Example:
            >>> plan = Plan(meta=Meta(), text="")  # a parsed plan has its map
            >>> plan.raw_span(0, 0)
            Traceback (most recent call last):
            ...
            ValueError: this plan has no offset map (it was loaded from JSON); parse the source again
        """
        if self.offsets is None:
            raise ValueError("this plan has no offset map (it was loaded from JSON); parse the source again")
        return self.offsets.span(start, end)

    def text_source(self) -> TextSource:
        """The shared :class:`TextSource` of ``text`` that records read their texts from
        (:func:`share_text`); one per plan, made anew if ``text`` is replaced."""
        src = self.__dict__.get("_text_source")
        if src is None or src.text is not self.text:
            src = self.__dict__["_text_source"] = TextSource(self.text)
        return src

    def __repr__(self) -> str:
        # the dataclass repr would print the whole text and every node
        counts = ", ".join(f"{k}s={len(self.nodes_of(k))}" for k in HEADING_KINDS if self.nodes_of(k))
        facts = (f", tasks={len(self.tasks)}, quantities={len(self.quantities)}, targets={len(self.targets)}, "
                 f"actors={len(self.actors)}, references={len(self.references)}")
        return (f"Plan(title={self.meta.title!r}, year={self.meta.year}, chars={len(self.text)}, "
                f"nodes={len(self.nodes)}{', ' + counts if counts else ''}{facts}, warnings={len(self.warnings)})")

    # --- navigation -----------------------------------------------------------------
    def _indexes(self) -> tuple[dict[str, Node], dict[Optional[str], list[Node]]]:
        """Nodes by id and children by parent id, rebuilt when ``nodes`` changes."""
        key = (id(self.nodes), len(self.nodes))
        cached = self.__dict__.get("_index_cache")
        if cached is None or cached[0] != key:
            by_id = {n.id: n for n in self.nodes}
            kids: dict[Optional[str], list[Node]] = {}
            for n in self.nodes:
                kids.setdefault(n.parent, []).append(n)
            cached = (key, by_id, kids)
            self.__dict__["_index_cache"] = cached
        return cached[1], cached[2]

    def node(self, node_id: str) -> Node:
        """The node with id ``node_id``.

        Example:
            >>> plan = Plan(meta=Meta(), text="")
            >>> plan.node("n9")
            Traceback (most recent call last):
            ...
            KeyError: "no node with id 'n9' (ids run n0 … n-1)"
        """
        by_id, _ = self._indexes()
        try:
            return by_id[node_id]
        except KeyError:
            raise KeyError(f"no node with id {node_id!r} (ids run n0 … n{len(self.nodes) - 1})") from None

    def nodes_of(self, *kinds: str) -> list[Node]:
        """Nodes of the given kinds, in document order."""
        return [n for n in self.nodes if n.kind in kinds]

    def children(self, node: Node | str | None) -> list[Node]:
        """Direct children of ``node`` (``None`` for the top level), in document order."""
        pid = node.id if isinstance(node, Node) else node
        return list(self._indexes()[1].get(pid, []))

    def span_text(self, obj: Node | Span) -> str:
        """The text a node or span covers."""
        s, e = obj.span if isinstance(obj, Node) else obj
        return self.text[s:e]

    def walk(self) -> Iterator[tuple[int, Node]]:
        """Yield ``(depth, node)`` for the outline in document order."""
        kids = self._indexes()[1]

        def rec(pid: Optional[str], depth: int) -> Iterator[tuple[int, Node]]:
            for n in kids.get(pid, []):
                yield depth, n
                yield from rec(n.id, depth + 1)

        yield from rec(None, 0)

    def to_spacy(self, *, segmenter: str = "rjieba") -> Any:
        """The plan as a spaCy ``Doc`` whose ``ents`` are ACTOR, VERB, TARGET and DOC
        spans (see :mod:`policyparse.export.spacy_view`); render with ``spacy.displacy``."""
        from .export.spacy_view import to_spacy  # noqa: PLC0415 - spaCy loads only here

        return to_spacy(self, segmenter=segmenter)

    def to_frame(self, kind: str) -> Any:
        """One table of the plan as a pandas DataFrame: ``nodes``, ``tasks``,
        ``roles``, ``targets``, ``quantities``, ``actors``, ``references`` or
        ``edges`` (see :mod:`policyparse.export.tables`); ids and spans are columns.

        Example:
            >>> plan = Plan(meta=Meta(), text="")
            >>> list(plan.to_frame("roles").columns)
            ['task', 'actor', 'role', 'start', 'end']
        """
        from .export.tables import to_frame  # noqa: PLC0415 - pandas loads only here

        return to_frame(self, kind)

    def frames(self) -> dict[str, Any]:
        """Every table of the plan, by name (see :meth:`to_frame`)."""
        from .export.tables import frames  # noqa: PLC0415

        return frames(self)

    def to_networkx(self) -> Any:
        """The plan as a ``networkx.MultiDiGraph`` rooted at a ``document`` node
        ``doc``: outline nodes, tasks, targets and other quantities, actors and
        references, linked by ``contains``, ``performs`` (with ``role``),
        ``has_target``, ``has_quantity`` and ``cites`` (see :mod:`policyparse.export.graph`).

        Example:
            >>> plan = Plan(meta=Meta(title="标题"), text="标题")
            >>> dict(plan.to_networkx().nodes(data="kind"))
            {'doc': 'document'}
        """
        from .export.graph import to_networkx  # noqa: PLC0415 - networkx loads only here

        return to_networkx(self)

    def to_graphml(self, path: "str | os.PathLike[str]") -> None:
        """Write the graph of :meth:`to_networkx` as GraphML (for Gephi; attributes are scalars)."""
        from .export.graph import write_graphml  # noqa: PLC0415

        write_graphml(self, path)

    def to_node_link(self) -> dict[str, Any]:
        """The graph of :meth:`to_networkx` as node-link data (a JSON-ready dict whose
        edges are under ``"edges"``; ``networkx.node_link_graph(data, edges="edges")`` reads it)."""
        from .export.graph import node_link  # noqa: PLC0415

        return node_link(self)

    def to_node_link_json(self, path: "str | os.PathLike[str]") -> None:
        """Write :meth:`to_node_link` to a JSON file."""
        from .export.graph import write_node_link  # noqa: PLC0415

        write_node_link(self, path)

    def _repr_html_(self) -> str:
        """The plan in Jupyter: a collapsible outline with targets, actors and verbs
        highlighted, and a table of the targets (see :mod:`policyparse.export.display`)."""
        from .export.display import to_html  # noqa: PLC0415

        return to_html(self)

    @property
    def targets(self) -> list[Quantity]:
        """The quantities of kind ``target``: the plan's numeric commitments."""
        return [q for q in self.quantities if q.kind == "target"]

    def actor(self, name_or_id: str) -> Actor:
        """The actor with this id (``a3``) or name (市教育局, or any alias: 市人民政府 finds 市政府)."""
        from .data import load_json  # noqa: PLC0415 - the alias table of data/actors.json

        canonical = load_json("actors.json")["aliases"].get(name_or_id, name_or_id)
        for a in self.actors:
            if name_or_id == a.id or a.name in (name_or_id, canonical) or name_or_id in a.aliases:
                return a
        raise KeyError(f"no actor named {name_or_id!r}")

    def tasks_in(self, node: Node | str) -> list[Task]:
        """The tasks inside a node (an item, a section …), in text order."""
        n = self.node(node) if isinstance(node, str) else node
        s, e = n.span
        return [t for t in self.tasks if s <= t.span[0] and t.span[1] <= e]

    def quantities_in(self, node: Node | str) -> list[Quantity]:
        """The quantities inside a node, in text order."""
        n = self.node(node) if isinstance(node, str) else node
        s, e = n.span
        return [q for q in self.quantities if s <= q.span[0] and q.span[1] <= e]

    @property
    def sections(self) -> list[Node]:
        """The ``section`` nodes (一、 …), in document order."""
        return self.nodes_of("section")

    @property
    def items(self) -> list[Node]:
        """The ``item`` nodes (1. …), in document order."""
        return self.nodes_of("item")

    # --- serialisation ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The plan as plain JSON-ready data (the documented schema)."""
        return {
            "schema_version": self.schema_version,
            "meta": asdict(self.meta),
            "text": self.text,
            "nodes": [_record(n) for n in self.nodes],
            "tasks": [_record(t) for t in self.tasks],
            "targets": [_record(q) for q in self.targets],
            "quantities": [_record(q) for q in self.quantities],
            "actors": [_record(a) for a in self.actors],
            "references": [_record(r) for r in self.references],
            "edges": [_record(e) for e in self.edges],
            "warnings": [_record(w) for w in self.warnings],
        }

    def to_json(self, indent: int | None = None) -> str:
        """The plan as one JSON document (UTF-8 text, Chinese kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Plan":
        """Rebuild a plan from :meth:`to_dict` output (for example a line of a JSONL file)."""
        node_fields = {f.name for f in fields(Node)}
        nodes = []
        for d in data.get("nodes", []):
            d = {k: v for k, v in d.items() if k in node_fields}
            for key in ("span", "raw_span", "heading_span"):
                if d.get(key) is not None:
                    d[key] = tuple(d[key])
            nodes.append(Node(**d))
        warning_fields = {f.name for f in fields(ParseWarning)}
        meta_fields = {f.name for f in fields(Meta)}
        warnings = []
        for w in data.get("warnings", []):
            w = {k: v for k, v in w.items() if k in warning_fields}
            for key in ("span", "raw_span"):
                if w.get(key) is not None:
                    w[key] = tuple(w[key])
            warnings.append(ParseWarning(**w))
        return cls(
            meta=Meta(**{k: v for k, v in data.get("meta", {}).items() if k in meta_fields}),
            text=data["text"],
            nodes=nodes,
            tasks=[_from_record(Task, d) for d in data.get("tasks", [])],
            quantities=[_from_record(Quantity, d) for d in data.get("quantities", [])],
            actors=[_from_record(Actor, d) for d in data.get("actors", [])],
            references=[_from_record(Reference, d) for d in data.get("references", [])],
            edges=[_from_record(Edge, d) for d in data.get("edges", [])],
            warnings=warnings,
            schema_version=data.get("schema_version", SCHEMA_VERSION),
        )

    @classmethod
    def from_json(cls, text: str) -> "Plan":
        """Rebuild a plan from :meth:`to_json` output (``raw_text`` and the
        offset map are not serialised, so :meth:`raw_span` needs a new parse).

        Example:
            >>> plan = Plan(meta=Meta(title="标题"), text="标题")
            >>> Plan.from_json(plan.to_json()).meta.title
            '标题'
        """
        return cls.from_dict(json.loads(text))

    def outline(self, *, max_kind: str = "item", width: int = 60) -> str:
        """A readable, indented outline (what ``policyparse parse --format table`` prints).

        ``max_kind`` is the deepest heading kind shown (paragraphs and
        sentences are never shown).
        """
        if max_kind not in HEADING_KINDS:
            raise ValueError(f"max_kind must be one of {', '.join(HEADING_KINDS)}, not {max_kind!r}")
        shown = set(HEADING_KINDS[: HEADING_KINDS.index(max_kind) + 1]) | {"preamble"}
        lines = []
        for depth, n in self.walk():
            if n.kind not in shown:
                continue
            head = n.heading if n.heading is not None else self.span_text(n)
            head = " ".join(head.split())
            if len(head) > width:
                head = head[: width - 1] + "…"
            label = n.label or f"[{n.kind}]"
            lines.append(f"{'  ' * depth}{label} {head}  ({n.kind} {n.span[0]}-{n.span[1]})")
        return "\n".join(lines)


_SPAN_KEYS = ("span", "raw_span", "heading_span", "indicator_span", "clause_span", "verb_span", "object_span",
              "base_period_span")


def _record(obj: Any) -> dict[str, Any]:
    """A record as JSON-ready data: spans (tuples) become lists, nested records dicts.

    (What ``dataclasses.asdict`` gives, with tuples as lists, but without its
    generic deep copy, which made serialising a plan slower than parsing it.)
    """
    return {name: _plain(getattr(obj, name)) for name in field_names(type(obj))}


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(type(value), "__dataclass_fields__"):
        return _record(value)
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass, cached (read on every record serialised)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _from_record(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record from :func:`_record` output (unknown keys ignored, spans as tuples)."""
    names = {f.name for f in fields(cls)}
    d = {k: v for k, v in data.items() if k in names}
    for key in _SPAN_KEYS:
        if d.get(key) is not None:
            d[key] = tuple(d[key])
    if key_list := d.get("mentions"):
        d["mentions"] = [tuple(m) for m in key_list]
    if cls is Task and d.get("actors"):
        d["actors"] = [_from_record(TaskActor, a) for a in d["actors"]]
    return cls(**d)


