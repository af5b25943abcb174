"""Extraction: tasks, quantities, actors and references over a plan's sentences, linked as edges.

This stage runs after the outline is assembled. For each sentence of each
node (the node's own text, without its children) it finds the named bodies
(:mod:`policyparse.extract.actors`), the tasks (:mod:`policyparse.extract.tasks`, which
segments the head of each clause with :mod:`policyparse.extract.tokens`), the quantities
(:mod:`policyparse.extract.quantities`) and the references
(:mod:`policyparse.extract.references`); then it merges actor mentions, gives every
record an id and a raw span, links quantities and references to their tasks,
gives tasks that name no performer the plan's issuers (role ``implicit``),
and writes the edges of the task graph.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from sys import intern
from functools import lru_cache
from typing import Iterable, Optional, Sequence, cast

import regex

from ..outline import segment
from .actors import (Mention, canonical, find_mentions, is_collective, kind_of, organs, pivot_mentions, place_names,
                     supervisor_mentions, typed_and_sure_cues, typed_mentions)
from ..model import (HEADING_KINDS, Actor, ActorKind, Edge, Node, ParseWarning, Plan, Quantity, Reference, ReferenceKind,
                     Task, TaskActor, set_raw_span, share_text)
from .kinds import (NOT_QUANTITIES, KindModel, Site, division_cues, era_of, features, load_model, overrule,
                    paragraph_cues, section_roles, with_era)
from .quantities import Context, deadlines_in, find_quantities, resolve_demonstratives, lexicon as quantity_lexicon, target_attributes
from .duties import Duty, chain_lines, find_duties, first_listed_leads, first_listed_since
from .references import find_references
from .topics import restate
from .tables import Table, TaskRow, TaskTable, find_tables, find_task_tables
from .tasks import TaskDraft, find_tasks, verbs
from ..errors import PolicyParseError
from .tokens import get_segmenter, tokenize


def units(plan: Plan) -> list[tuple[Node, int, int]]:
    """The sentences of the plan, each with the deepest node that holds it.

    A node's own text is its span minus its children's spans; it is cut into
    paragraphs and sentences as the outline stage does, so this works whether
    or not the plan was parsed with sentence nodes.
    """
    text = plan.text
    sentence_nodes = plan.nodes_of("sentence")
    if sentence_nodes:  # the outline stage cut them already (a heading's own text is its label)
        return [(n, n.span[0], n.span[1]) for n in sentence_nodes]
    out: list[tuple[Node, int, int]] = []
    for node in plan.nodes:
        regions = [node.span]
        for child in plan.children(node):
            regions = [piece for r in regions for piece in _minus(r, child.span)]
        for rs, re_ in regions:
            if node.label and rs == node.span[0]:
                rs = min(re_, rs + len(node.label))  # the label is not a sentence
            for ps, pe in segment.paragraphs(text, rs, re_):
                for s, e in segment.sentences(text, ps, pe):
                    out.append((node, s, e))
    out.sort(key=lambda u: u[1])
    return out


def _minus(r: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = r
    cs, ce = cut
    if ce <= s or cs >= e:
        return [r]
    return [p for p in ((s, cs), (ce, e)) if p[1] > p[0]]


# compiled once: they are tried on every node's heading
_YEAR = regex.compile(r"(\d{4})年")
_FUTURE_HEAD = regex.compile(r"目标|任务|安排|部署|要求|取向|打算|建议")
_TARGET_HEAD = regex.compile(r"目标|任务")
#: results still to be reached, as a plan's heading words them (取得…新成绩, 新的成就)
_NEW_SUCCESS = regex.compile(r"新的?(?:成绩|成就)")


def _review_nodes(plan: Plan) -> set[str]:
    """Ids of the nodes in a review of past results (2018年工作回顾, 过去五年的工作)."""
    words = tuple(quantity_lexicon()["achieved_heading"])
    situation = tuple(quantity_lexicon()["situation_heading"])
    year = plan.meta.year
    review: set[str] = set()
    for node in plan.nodes:
        if node.parent in review or node.role == "review":
            review.add(node.id)  # below a review heading, or in a division the outline calls a review
            continue
        head = node.heading or ""
        if node.kind in ("part", "section", "subsection") and head:
            years = [int(y) for y in _YEAR.findall(head)]
            past_year = bool(year and years and max(years) < year)
            future = _FUTURE_HEAD.search(head)
            said = [w for w in words if w in head] + [
                w for w in situation if head.startswith(w) or head.endswith(w) or regex.search(w + "[和与及、]", head)]
            if said and set(said) <= {"成绩", "成就"} and _NEW_SUCCESS.search(head) and "了" not in head:
                said = []  # a work plan's aim: (二)取得人居环境整治新成绩 (not 取得了新成就, 主要成绩)
            if (said or past_year) and not future:
                review.add(node.id)  # 2018年工作回顾; “六五”计划执行情况的回顾 (not: …成就和…主要目标任务)
    return review


def _heading_deadlines(plan: Plan) -> dict[str, int]:
    """Deadlines headings set for everything below them: the latest one a heading of
    targets states (“十四五”时期主要目标任务 → 2025; 到2035年远景目标 → 2035)."""
    out: dict[str, int] = {}
    for node in plan.nodes:
        if node.parent in out:
            out[node.id] = out[node.parent]
        if node.heading and node.kind in HEADING_KINDS and _TARGET_HEAD.search(node.heading):
            found = deadlines_in(node.heading)
            if found:
                out[node.id] = max(found)
    return out


class _Actors:
    """Merges mentions into actors by normalised name; ids in order of first appearance."""

    def __init__(self) -> None:
        self.by_name: dict[str, Actor] = {}
        # the mentions already taken, per actor name: a set, since a list scan per mention made
        # merging quadratic in a body's mentions (国务院 in a 50 MB text)
        self.seen: dict[str, set[tuple[int, int]]] = {}
        # an issuer's name without its place (区教育局 for XX区教育局): the issuer itself
        self.short: dict[str, str] = {}

    def get(self, name: str, kind: Optional[str] = None, collective: Optional[bool] = None) -> Actor:
        name = canonical(name)
        name = self.short.get(name, name)
        a = self.by_name.get(name)
        if a is None:
            a = Actor(id="", name=name, kind=cast(ActorKind, kind or kind_of(name)),
                      collective=is_collective(name) if collective is None else collective)
            self.by_name[name] = a
        return a

    def add(self, m: Mention) -> Actor:
        a = self.get(m.name, m.kind, m.collective)
        span = (m.start, m.end)
        seen = self.seen.get(a.name)
        if seen is None:  # the issuers' mentions in the title come first (_issuers)
            seen = self.seen[a.name] = set(a.mentions)
        if span not in seen:
            seen.add(span)
            a.mentions.append(span)
        if m.text != a.name and m.text not in a.aliases:
            a.aliases.append(m.text)
        return a


#: ``kinds`` argument of :func:`extract`: the shipped model (the default)
DEFAULT_MODEL = "model"


def extract(plan: Plan, *, segmenter: str = "rjieba", kinds: "str | KindModel | None" = DEFAULT_MODEL) -> Plan:
    """Fill ``plan.tasks``, ``quantities``, ``actors``, ``references`` and ``edges`` (in place).

    Example:
        >>> from policyparse import parse
        >>> plan = parse("市教育局2019年工作要点\\n一、重点工作\\n1.大力发展学前教育。确保毛入学率达到90%以上。")
        >>> [(t.verb, t.modifiers) for t in plan.tasks][:2]
        [('发展', ['大力']), ('确保', [])]
        >>> [(q.indicator, q.comparator, q.value, q.commitment) for q in plan.targets]
        [('毛入学率', '>=', 90, 'binding')]

    ``kinds`` decides the kind of each quantity: ``"model"`` the shipped kind
    model (:mod:`policyparse.extract.kinds`), ``None`` the rules alone, or a
    :class:`~policyparse.extract.kinds.KindModel` (training and evaluation use
    these two). Counts and names the model finds are dropped.
    """
    text = plan.text
    verb_words = verbs().words
    review = _review_nodes(plan)
    scope_deadline = _heading_deadlines(plan)
    year = plan.meta.year
    actors = _Actors()
    _issuers(plan, actors)
    home = _home_region(plan)
    cues, sure = typed_and_sure_cues(text)
    source = plan.text_source()
    tagger = _tagger()
    drafts: list[tuple[Node, TaskDraft, tuple[int, int]]] = []
    duties: list[tuple[Node, Duty]] = []  # responsibility annotations, in text order
    orphan_roles: dict[tuple[int, int], list] = {}  # roles of a sentence with no task, by sentence
    orphan_nodes: dict[tuple[int, int], Node] = {}  # the node of each such sentence
    quantities: list[tuple[Node, Quantity, tuple[int, int]]] = []
    refs = []
    contexts: list[Context] = []
    notes: list[tuple[int, int, str]] = []
    sentences = units(plan)
    # indicator tables (指标 | 2020年 | 2025年 | 属性) are read as tables: their numbers are not prose
    tables = find_tables(text, year)
    table_starts = [t.span[0] for t in tables]
    # task tables (重点任务 | 牵头单位 | 配合单位 | 完成时限): only the task cells are read as text
    task_tables = find_task_tables(text)
    progress: set[tuple[int, int]] = set()  # the pieces of progress cells (进展情况): results, no tasks
    planned: set[tuple[int, int]] = set()  # the pieces of task cells beside them: what was to be done
    if task_tables:
        sentences, progress, planned = _task_cells(sentences, task_tables)

    def read_quantities(node: Node, s: int, e: int, ctx: Context) -> None:
        for q in find_quantities(text, s, e, context=ctx, verbs=verb_words, notes=notes):
            q.node = node.id
            share_text(q, source)  # its clause and surface read from the text, not copied (memory)
            quantities.append((node, q, (s, e)))
            contexts.append(ctx)

    for node, s, e in sentences:
        k = bisect_right(table_starts, s) - 1
        if k >= 0 and s < tables[k].span[1]:
            continue  # a cell or row of an indicator table: its label names an indicator, not a body or a task
        if (s, e) in progress:  # a progress cell reports results: its figures only, no bodies or tasks
            read_quantities(node, s, e, Context(year=year, review=True))
            continue
        mentions = list(find_mentions(text, s, e))
        # （牵头单位：市教育局；配合单位：市财政局）: the units listed take the label's role in the item's tasks
        sentence_duties = list(find_duties(text, s, e))
        if sentence_duties:
            mentions = [m for m in mentions if not _inside(m.start, sentence_duties)]
            for d in sentence_duties:
                duties.append((node, d))
                for m in d.bodies:
                    actors.add(m)
        pivots = [(m, roles) for m, roles in pivot_mentions(text, s, e, verb_words)
                  if not any(x.start <= m.start < x.end for x in mentions) and not _inside(m.start, sentence_duties)]
        # bodies named by type or place (公立医院, 淮安), around those named by name; read with
        # rjieba's tags whatever the segmenter (pkuseg tags nothing, jieba tags its unknown words x),
        # so every backend finds the same bodies
        # (they take the roles marker words give them, 支持淮安、常州打造…, but not lead for standing at
        # a clause's head: a type named there is as often its topic, 高水平医院加力建设, as its agent)
        taken = [(m.start, m.end) for m in mentions] + [(m.start, m.end) for m, _ in pivots] + [d.span for d in sentence_duties]
        typed = _typed_in(text, s, e, cues, taken, home, tagger, sure)
        typed += organs(text, mentions + typed, e)  # 省人大及其常委会: the standing committee too
        if text.find("监督", s, e) >= 0:  # 接受纪检监察、司法…监督
            typed += supervisor_mentions(text, s, e, taken + [(m.start, m.end) for m in typed])
        for m in sorted(mentions + typed + [m for m, _ in pivots], key=lambda m: m.start):
            actors.add(m)
        orphans: list = []
        for d in find_tasks(text, None, (s, e), mentions, pivots, segmenter=segmenter, typed=typed, orphans=orphans):
            if not _inside(d.span[0], sentence_duties):  # 配合单位：…: a label, not a task
                drafts.append((node, d, (s, e)))
        if orphans:
            orphan_roles[(s, e)] = orphans
            orphan_nodes[(s, e)] = node
        read_quantities(node, s, e, Context(year=year, review=node.id in review, deadline=scope_deadline.get(node.id)))
        for r in find_references(text, s, e, mentions):
            refs.append((node, r))
    model = load_model() if kinds == DEFAULT_MODEL else kinds
    if isinstance(model, KindModel):
        quantities = _model_kinds(plan, model, quantities, contexts, review, sentences)
    if progress:
        # a table of tasks and their progress (序号 | 内容与要求 | 进展情况 | 责任单位): the progress cells
        # report what was done, the task cells beside them what was set to be done, whatever the
        # document's title makes the role of its division (…一季度进展情况表 reads as a review)
        for _, q, sent in quantities:
            if sent in progress and q.kind in ("target", "forecast"):
                q.kind, q.commitment, q.deadline = "achieved", None, None
            elif sent in planned and q.kind == "achieved":
                q.kind = "target"
                q.commitment, q.deadline = cast(tuple, target_attributes(text, q, sent, Context(year=year)))
    # 确定4.5%左右的增长目标: a target restated by its number measures what the figure it restates does
    restate(text, [q for _, q, _ in quantities])
    resolve_demonstratives(text, [q for _, q, _ in quantities], verb_words)  # 这个比重: the share named before
    if tables:  # their kinds are the table's (a baseline column, a target column), not the model's
        quantities += _table_quantities(plan, tables, sentences)
    # verbless tasks for targets stated without an action verb (城镇新增就业1100万人以上); a result,
    # forecast or baseline without one is no task (a past figure is not something the plan does)
    covered = {d.span for _, d, _ in drafts}  # a task's span is its clause's, as is a quantity's clause_span
    for node, q, sent in quantities:
        span = q.clause_span or q.span
        if q.kind == "target" and span not in covered:
            # the roles of its sentence, which has no other task (…达到4.5平方米以上，由市教育局牵头，会同市财政局负责)
            roles = list(orphan_roles.pop(sent, ()))
            drafts.append((node, TaskDraft(span=span, commitment=q.commitment, roles=roles), sent))
            covered.add(span)
    if orphan_roles:
        _give_orphan_roles(drafts, orphan_roles, orphan_nodes)
    if task_tables:
        _give_row_duties(drafts, quantities, task_tables, actors)
    drafts.sort(key=lambda x: x[1].span)
    if duties:
        # 牵头单位：… / 责任单位：… on lines of their own under an item: one annotation
        chained = chain_lines(text, [d for _, d in duties])
        duties = [(node, d) for (node, _), d in zip(duties, chained)]
        # 列第一位者为牵头单位: a list answerable together has its first unit lead
        since = first_listed_since(text)
        duties = [(node, part) for node, d in duties for part in first_listed_leads(text, [d], since)]
        if _give_duties(plan, drafts, duties):
            drafts.sort(key=lambda x: x[1].span)  # statements made tasks take their place in text order
    _build(plan, drafts, quantities, refs, actors)
    for ns, ne, code in notes:
        plan.warnings.append(ParseWarning(code, "a range written high to low, read low to high", span=(ns, ne),
                                          raw_span=plan.raw_span(ns, ne), text=text[ns:ne]))
    return plan


def _give_orphan_roles(drafts: list, orphan_roles: dict, orphan_nodes: dict) -> None:
    """The roles of a sentence with no task (在省委领导下，攻坚克难，奋勇争先。; 是党中央坚强领导的结果，
    是省委团结带领全省人民拼出来的。) go to the tasks of its paragraph: to the next task of the same
    node (the frame or the credit stands for what the paragraph goes on to do), else to the last
    task before it there; in a node with no task, to the last task before it in the text."""
    by_node: dict = {}
    for node, d, _ in drafts:
        by_node.setdefault(node.id, []).append(d)
    ordered = sorted((d for _, d, _ in drafts), key=lambda d: d.span)
    starts = [d.span[0] for d in ordered]
    for (s, e), roles in orphan_roles.items():
        own = sorted(by_node.get(orphan_nodes[(s, e)].id, []), key=lambda d: d.span)
        after = [d for d in own if d.span[0] >= e]
        before = [d for d in own if d.span[1] <= s]
        target = after[0] if after else (before[-1] if before else None)
        if target is None:  # a paragraph of credit alone in its node (是党中央坚强领导的结果): the task before it
            k = bisect_right(starts, s) - 1
            target = ordered[k] if k >= 0 else None
        if target is not None:
            target.roles.extend(roles)


def _table_quantities(plan: Plan, tables: list[Table], sentences: list[tuple[Node, int, int]]
                      ) -> list[tuple[Node, Quantity, tuple[int, int]]]:
    """The quantities of the indicator tables, each with the node and sentence of its row's start."""
    starts = [s for _, s, _ in sentences]
    source = plan.text_source()
    out = []
    for table in tables:
        for q in table.quantities:
            node, s, e = sentences[max(0, bisect_right(starts, (q.clause_span or q.span)[0]) - 1)]
            q.node = node.id
            share_text(q, source)
            out.append((node, q, (s, e)))
    return out


def _task_cells(sentences: list[tuple[Node, int, int]], tables: list[TaskTable]
                ) -> tuple[list[tuple[Node, int, int]], set[tuple[int, int]], set[tuple[int, int]]]:
    """The sentences, those of a task table cut to its task and progress cells: its header, its
    columns of units and of time limits are no prose (the units are read as the row's duties).
    Also the spans of the pieces that are progress cells (进展情况: results, no tasks), and of
    the task cells of rows that have them (what was set to be done)."""
    starts = [t.span[0] for t in tables]
    rows = [row for t in tables for row in t.rows]
    row_starts = [r.span[0] for r in rows]
    out = []
    progress: set[tuple[int, int]] = set()
    planned: set[tuple[int, int]] = set()
    for node, s, e in sentences:
        k = bisect_right(starts, s) - 1
        if k < 0 or s >= tables[k].span[1]:
            out.append((node, s, e))
            continue
        table_end = tables[k].span[1]
        if e > table_end and text[table_end:e].strip():
            out.append((node, table_end, e))  # what runs on after the table (a row that does not line up) is text
        # the rows the sentence overlaps (one, unless a sentence runs over a row's end)
        r = max(0, bisect_right(row_starts, s) - 1)
        while r < len(rows) and rows[r].span[0] < e:
            for cells, is_progress in ((rows[r].task_cells, False), (rows[r].progress_cells, True)):
                for cs, ce in cells:
                    a, b = max(s, cs), min(e, ce)
                    if b > a:
                        out.append((node, a, b))
                        if is_progress:
                            progress.add((a, b))
                        elif rows[r].progress_cells:
                            planned.add((a, b))
            r += 1
    out.sort(key=lambda x: x[1])
    return out, progress, planned


def _give_row_duties(drafts: list[tuple[Node, TaskDraft, tuple[int, int]]],
                     quantities: list[tuple[Node, Quantity, tuple[int, int]]],
                     tables: list[TaskTable], actors: "_Actors") -> None:
    """Give the units of a task table's row their role (牵头单位 lead, 配合单位 support) in the
    tasks of its task cells, and its time limit to its targets that state none."""
    rows = [row for t in tables for row in t.rows]
    starts = [r.span[0] for r in rows]

    def row_at(pos: int) -> Optional[TaskRow]:
        k = bisect_right(starts, pos) - 1
        return rows[k] if k >= 0 and pos < rows[k].span[1] else None

    for row in rows:
        for duty in row.duties:
            for m in duty.bodies:
                actors.add(m)
    for _, d, _ in drafts:
        row = row_at(d.span[0])
        if row is not None:
            d.roles.extend((m, duty.role) for duty in row.duties for m in duty.bodies)
    for _, q, _ in quantities:
        row = row_at(q.span[0])
        if row is not None and q.kind == "target" and q.deadline is None:
            q.deadline = row.deadline


def _inside(pos: int, duties: list[Duty]) -> bool:
    return any(d.span[0] <= pos < d.span[1] for d in duties)


#: what may stand between two annotations of one block (）（, ；, a space)
_BETWEEN_DUTIES = regex.compile(r"[\s（）()【】\[\]；;，,。]*")


def _give_duties(plan: Plan, drafts: list[tuple[Node, TaskDraft, tuple[int, int]]],
                 duties: list[tuple[Node, Duty]]) -> bool:
    """Give each annotation's units their role in the tasks of the item it closes: the tasks of
    the same numbered node (item, subsection …, or the plan's text outside any) that come after
    the annotation block before it. Annotations with only brackets or punctuation between them
    (牵头单位：A；配合单位：B) are one block and share the tasks; an annotation that opens its
    item before any task there gives its roles to the tasks that follow it in the item; an item
    with no task gets its statement as one (appended to ``drafts``: returns whether any was)."""
    by_id = {n.id: n for n in plan.nodes}
    added = False

    def owner(node: Node) -> Optional[str]:
        n: Optional[Node] = node
        while n is not None and n.kind not in HEADING_KINDS:
            n = by_id.get(n.parent) if n.parent else None
        return n.id if n is not None else None

    tasks_of: dict[Optional[str], list[TaskDraft]] = {}
    for node, d, _ in drafts:
        tasks_of.setdefault(owner(node), []).append(d)
    blocks: list[tuple[Optional[str], list[Duty]]] = []
    text = plan.text
    for node, duty in duties:
        o = owner(node)
        last = blocks[-1] if blocks else None
        if last and last[0] == o and _BETWEEN_DUTIES.fullmatch(text, last[1][-1].span[1], duty.span[0]):
            last[1].append(duty)
        else:
            blocks.append((o, [duty]))
    done: dict[Optional[str], int] = {}  # where the last block of each numbered node ended
    for o, block in blocks:
        start, end = block[0].span[0], block[-1].span[1]
        tasks = [d for d in tasks_of.get(o, []) if done.get(o, -1) <= d.span[0] < start]
        if not tasks:  # （牵头单位：…）before the item's tasks
            tasks = [d for d in tasks_of.get(o, []) if d.span[0] >= end]
        if not tasks and o is not None:
            # an item whose statement names no action (7.城乡居民收入增长与经济增长基本同步。（牵头单位：…）):
            # the statement is its task, so that the units the annotation lists are not lost
            statement = _statement_before(plan, by_id[o], max(done.get(o, -1), 0), start)
            if statement is not None:
                draft = TaskDraft(span=statement)
                drafts.append((by_id[o], draft, statement))
                tasks = [draft]
                added = True
        for d in tasks:
            d.roles.extend((m, duty.role) for duty in block for m in duty.bodies)
        done[o] = end
    return added


def _statement_before(plan: Plan, node: Node, lo: int, start: int) -> Optional[tuple[int, int]]:
    """The span of what ``node`` states before an annotation at ``start`` (its heading, or its
    text after the label), without brackets and punctuation at its ends; None when nothing is left."""
    s = node.heading_span[0] if node.heading_span else node.span[0] + len(node.label or "")
    s = max(s, lo)
    text = plan.text
    e = min([start] + [i for i in (text.find(b, s, start) for b in "（(【") if i >= 0])  # the note's bracket
    while e > s and text[e - 1] in " \t\u3000\n。；;，,：:":
        e -= 1
    while s < e and text[s] in " \t\u3000\n":
        s += 1
    return (s, e) if e - s >= 2 else None


_CLAUSE_END = regex.compile(r"[，。；：！？,;:!?\n]")


def _tagger() -> str:
    """The backend whose tags find bodies by type: rjieba's (the default), or Python jieba's
    when rjieba is not installed and another backend was asked for (pkuseg tags nothing)."""
    try:
        get_segmenter("rjieba")
        return "rjieba"
    except PolicyParseError:
        return "jieba"


def _typed_in(text: str, s: int, e: int, cues: Sequence[int], taken: list[tuple[int, int]],
              home: Optional[str], tagger: str = "rjieba", sure: Optional[Sequence[int]] = None) -> list[Mention]:
    """The bodies named by type or place in ``text[s:e]`` (:func:`typed_mentions`), segmenting
    only the clauses with a cue (:func:`typed_cues`): the segmenter cuts at punctuation anyway,
    so the tokens are those of the whole span, at a fraction of the cost.

    With ``sure`` (:func:`sure_cues`), a clause between the first and the last with a cue is
    segmented only when it has a sure cue: one without yields no body, and its tokens, cut at
    its own punctuation, neither widen nor stop a name in another clause. The first and last
    are segmented as before, since the tokens' bounds are those :func:`typed_mentions` looks
    for a 《title》 in."""
    if bisect_left(cues, e) == bisect_left(cues, s):
        return []  # no head word and no place's first characters here
    pieces = []
    a = s
    for m in _CLAUSE_END.finditer(text, s, e):
        if bisect_left(cues, m.end()) > bisect_left(cues, a):
            pieces.append((a, m.end()))
        a = m.end()
    if a < e and bisect_left(cues, e) > bisect_left(cues, a):
        pieces.append((a, e))
    if sure is not None and len(pieces) > 2:
        pieces = [pieces[0], *(p for p in pieces[1:-1] if bisect_left(sure, p[1]) > bisect_left(sure, p[0])), pieces[-1]]
    tokens = []
    for a, b in pieces:
        tokens += tokenize(text, a, b, segmenter=tagger)
    return typed_mentions(text, tokens, taken, home=home)


def _home_region(plan: Plan) -> Optional[str]:
    """The place the plan governs (its own province is where it acts, not an actor): the
    plan's region when it is a place of the administrative-division data, else the province
    or municipality the text names most often, if it names one at least five times."""
    if plan.meta.region in place_names():
        return plan.meta.region
    counts = {}
    for short, full in _province_names():
        counts[full] = counts.get(full, 0) + plan.text.count(short) if short != full else counts.get(full, 0)
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] >= 5 else None


@lru_cache(maxsize=1)
def _province_names() -> tuple[tuple[str, str], ...]:
    """The names of provinces and municipalities (short or full, with the full name) in the
    order of :func:`place_names`: what :func:`_home_region` counts (found once, not per plan)."""
    places = place_names()
    provinces = {full for full in places.values()
                 if full.endswith(("省", "自治区", "北京市", "天津市", "上海市", "重庆市"))}
    return tuple((short, full) for short, full in places.items() if full in provinces)


def quantity_features(plan: Plan, quantities: list[tuple[Node, Quantity, tuple[int, int]]],
                      review: set[str], sentences: list[tuple[Node, int, int]]) -> list[list[str]]:
    """The kind model's features of each quantity (with its node and sentence), rules' kinds as found."""
    row = _feature_rows(plan, review, sentences)
    return [row(node, q, sent) for node, q, sent in quantities]


def _feature_rows(plan: Plan, review: set[str], sentences: list[tuple[Node, int, int]]):
    """The function from a quantity (with its node and sentence) to its feature row; what all
    rows share (roles, division cues) computed once."""
    roles = section_roles(plan, review)
    divisions = division_cues(plan, sentences)
    paragraphs = paragraph_cues(plan, sentences)
    year = plan.meta.year
    era = era_of(year)
    classes = _verb_classes()

    def row(node: Node, q: Quantity, sent: tuple[int, int]) -> list[str]:
        return with_era(divisions.get(node.id, []) + paragraphs.get(sent[0], []) + features(
            plan.text, q.span, q.clause_span or q.span,
            Site(sentence=sent, rule_kind=q.kind, role=roles.get(node.id), review=node.id in review), year,
            unit=q.unit, comparator=q.comparator, measure=q.measure, value=q.value,
            indicator=q.indicator, commitment=q.commitment, deadline=q.deadline, verbs=classes), era)

    return row


#: quantities typed by the kind model at once: their feature rows (about 4 KB a quantity)
#: are made and dropped a block at a time, not for the whole document (memory, issue 15)
_KIND_BLOCK = 2048


@lru_cache(maxsize=1)
def _verb_classes() -> dict[str, str]:
    """Action verbs by class, and the level and change verbs of quantities as ``level``/``change``."""
    lex = quantity_lexicon()
    out = {w: "level" for w in lex["level_verbs"]}
    out.update({w: "change" for w in lex["change_verbs"]})
    out.update(verbs().classes)
    return out


def plan_features(plan: Plan) -> list[list[str]]:
    """The kind model's features of each of ``plan.quantities`` (as typed by the rules:
    parse with ``kinds=None``); what ``make train`` fits the model on."""
    sentences = units(plan)
    starts = [s for _, s, _ in sentences]
    by_id = {n.id: n for n in plan.nodes}
    rows = []
    for q in plan.quantities:
        k = bisect_right(starts, q.span[0]) - 1
        node, s, e = sentences[k]
        rows.append((by_id.get(q.node, node), q, (s, e)))
    return quantity_features(plan, rows, _review_nodes(plan), sentences)


def _model_kinds(plan: Plan, model: KindModel, quantities: list[tuple[Node, Quantity, tuple[int, int]]],
                 contexts: list[Context], review: set[str], sentences: list[tuple[Node, int, int]]) -> list[tuple[Node, Quantity, tuple[int, int]]]:
    """Retype the quantities by the model, all of the document at once; drop counts and names;
    a new target gets its commitment and deadline, anything else loses them."""
    if not quantities:  # what all rows share is a walk over every node: not for no row
        return quantities
    row = _feature_rows(plan, review, sentences)
    kinds: list[str] = []
    for i in range(0, len(quantities), _KIND_BLOCK):
        block = quantities[i:i + _KIND_BLOCK]
        rows = [row(node, q, sent) for node, q, sent in block]
        kinds += overrule(model.predict(rows), [q.kind for _, q, _ in block], rows)
    kept = []
    for (node, q, sent), ctx, kind in zip(quantities, contexts, kinds):
        if kind in NOT_QUANTITIES:
            continue
        if kind == "target" and q.kind != "target":
            q.commitment, q.deadline = cast(tuple, target_attributes(plan.text, q, sent, ctx))
        elif kind != "target":
            q.commitment, q.deadline = None, None
        q.kind = kind  # type: ignore[assignment]
        kept.append((node, q, sent))
    return kept


#: a body's name opened by a place: the place, then the rest from its last level on (湖北|省教育厅, 北京市海淀|区教育委员会)
_PLACE_OPENED = regex.compile(r"(?:XX|\p{Han}{1,8})(?P<short>(?:自治区|自治州|自治县|(?<!自治)[省市区县州旗盟])\p{Han}{2,12})")


#: how a body calls itself in its own plan, by the last character of its name (县交通运输局: 我局, 本局)
_SELF_NAMES = {"局": ("我局", "本局"), "委": ("我委", "本委"), "厅": ("我厅", "本厅"), "办": ("我办",),
               "校": ("我校", "本校"), "学": ("我校", "本校")}


def _issuers(plan: Plan, actors: _Actors) -> None:
    """The plan's issuers are its first actors, with their mentions in the title."""
    head_end = plan.nodes[0].span[0] if plan.nodes else 0
    taken: list[tuple[int, int]] = []
    for issuer in sorted(plan.meta.issuers, key=len, reverse=True):
        a = actors.get(issuer)
        a.issuer = True
        short = _PLACE_OPENED.fullmatch(a.name)
        if short and canonical(short.group("short")) != a.name:
            # 2022年，区教育局将…: in its own plan a body drops its place from its name
            actors.short.setdefault(canonical(short.group("short")), a.name)
        for own in _SELF_NAMES.get(a.name[-1:], ()):
            actors.short.setdefault(own, a.name)  # 由我局牵头: in its own plan a body calls itself 我局
        pos = plan.text.find(issuer, 0, head_end)
        while pos >= 0:
            span = (pos, pos + len(issuer))
            if not any(s < span[1] and span[0] < e for s, e in taken):
                taken.append(span)
                a.mentions.append(span)
                if issuer != a.name and issuer not in a.aliases:
                    a.aliases.append(issuer)  # 市人民政府 in the title: the actor 市政府
                break
            pos = plan.text.find(issuer, pos + 1, head_end)


def _build(plan: Plan, drafts, quantities, refs, actors: _Actors) -> None:
    source = plan.text_source()
    chain = plan.offsets
    # actors: issuers first, then in order of first mention
    ordered = sorted(actors.by_name.values(), key=lambda a: (not a.issuer, a.mentions[0][0] if a.mentions else -1))
    for i, a in enumerate(ordered):
        a.id = f"a{i}"
        a.mentions.sort()
    issuers = [a for a in ordered if a.issuer]
    tasks: list[Task] = []
    for i, (node, d, _) in enumerate(drafts):
        drafts[i] = None  # each draft dropped as its task is made: never both for the whole plan (memory)
        # the clause and the object are the text at their spans: read through them from the shared
        # source, not copied (memory); verbs and their classes interned (a few hundred words)
        t = Task(
            id=f"t{i}", node=node.id, verb=intern(d.verb) if d.verb else d.verb,
            verb_class=intern(d.verb_class) if d.verb_class else d.verb_class,
            modifiers=[intern(m) for m in d.modifiers],
            object=source if d.object_span else None, span=d.span,  # type: ignore[arg-type]
            text=source, verb_span=d.verb_span, object_span=d.object_span, commitment=d.commitment,  # type: ignore[arg-type]
        )
        led = False  # whether a body leads it (else the issuers do, implicitly)
        if d.roles:
            seen = set()
            for m, role in d.roles:
                a = actors.get(m.name)
                key = (a.id, role)
                if key not in seen:
                    seen.add(key)
                    t.actors.append(TaskActor(actor=a.id, role=role, span=(m.start, m.end)))
                    led = led or role == "lead"
        if not led:
            t.actors.extend(TaskActor(actor=a.id, role="implicit") for a in issuers)
        tasks.append(t)
    _mark_leads(plan, tasks)
    starts = [t.span[0] for t in tasks]

    def task_at(pos: int, end: int) -> Optional[Task]:
        """The task whose clause holds ``[pos, end)`` (clauses do not overlap: one candidate)."""
        k = bisect_right(starts, pos) - 1
        if k >= 0 and tasks[k].span[1] >= end:
            return tasks[k]
        return None

    qs: list[Quantity] = []
    for i, (_, q, _) in enumerate(sorted(quantities, key=lambda x: x[1].span)):
        q.id = f"q{i}"
        holder = task_at(*q.span)
        q.task = holder.id if holder else None
        if holder and q.kind == "target" and holder.commitment is None and q.commitment:
            holder.commitment = q.commitment
        qs.append(q)
    references: list[Reference] = []
    for i, (node, r) in enumerate(refs):
        citing = task_at(r.start, r.end)
        if citing is None:  # cited in a frame (根据《纲要》要求，新建…): the task that follows in its sentence
            k = bisect_left(starts, r.end)
            if k < len(tasks) and tasks[k].span[0] < node.span[1] and node.span[0] <= r.start:
                citing = tasks[k]
        references.append(Reference(id=f"r{i}", node=node.id, kind=cast(ReferenceKind, r.kind), title=r.title,
                                    span=(r.start, r.end), issuer=r.issuer, task=citing.id if citing else None))
    if chain is not None:
        records: list[Task | Quantity | Reference] = [*tasks, *qs, *references]
        for rec, raw in zip(records, chain.iter_spans([x.span for x in records])):
            set_raw_span(rec, raw)  # one int with its span when equal (memory)
    plan.tasks, plan.quantities, plan.actors, plan.references = tasks, qs, ordered, references
    plan.edges = list(_edges(plan))


def _mark_leads(plan: Plan, tasks: list[Task]) -> None:
    """The first task in the heading of each numbered division carries its lead verb."""
    starts = [t.span[0] for t in tasks]  # tasks are in text order
    for node in plan.nodes:
        if not (node.heading_span and node.label):
            continue
        hs, he = node.heading_span
        k = bisect_left(starts, hs)
        while k < len(tasks) and tasks[k].span[0] < he:
            if tasks[k].verb is not None:
                tasks[k].lead = True
                break
            k += 1


def _edges(plan: Plan) -> Iterable[Edge]:
    for n in plan.nodes:
        if n.parent is not None:
            yield Edge(n.parent, n.id, "contains")
    for t in plan.tasks:
        yield Edge(t.node, t.id, "contains")
        for ta in t.actors:
            yield Edge(ta.actor, t.id, "performs", ta.role)
    for q in plan.quantities:
        if q.task is not None:
            yield Edge(q.task, q.id, "has_target" if q.kind == "target" else "has_quantity")
    for r in plan.references:
        if r.task is not None:
            yield Edge(r.task, r.id, "cites")
