"""Tasks: the actions of a plan, one per clause that has an action verb.

A sentence is cut into clauses at ，；： (the enumeration comma 、 joins words,
not clauses). In each clause :func:`find_tasks` walks the tokens from the left:

1. commitment markers (确保, 力争 …), connectives (并, 同时, 要) and degree
   adverbs (深入, 大力, 积极 …: the task's ``modifiers``) are set aside;
2. a prepositional frame (以…, 通过…, 按照…, 在…下, 把…) is skipped to the
   verb that follows it; a clause that is only a frame (通过学习宣传，…) opens
   the next clause and is not a task itself; 在X领导下 makes X the ``leader``
   of the tasks that follow in its sentence;
3. the first verb of the lexicon (``data/verbs.json``) is the task's ``verb``,
   and the rest of the clause its ``object``.

Actor roles come from the words around each mention: 在X领导下 → ``leader``,
会同/联合X → ``co-lead``, 支持X → ``supported``, 指导/推动X → ``guided`` and ``lead`` (X then acts),
a body that is the subject of the clause (or 由X负责) → ``lead``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

import regex

from .actors import Mention, lexicon as actor_lexicon, place_names
from ..outline import segment
from ..data import load_json
from .tokens import Token, tokenize, words

_EDGE = " \t\n、" + "“”\"'《》（）()"


@dataclass
class Verbs:
    """The verb lexicon: verb → class (light verbs, 开展/进行, count as ``implement``), the modifiers."""

    classes: dict[str, str]
    modifiers: frozenset[str]
    #: adverbs that are the verb when a noun follows them (加快义务教育…发展), with their class
    verb_modifiers: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.classes)


@lru_cache(maxsize=1)
def verbs() -> Verbs:
    """The verb lexicon of ``data/verbs.json``."""
    raw = load_json("verbs.json")
    classes: dict[str, str] = {}
    for cls, members in raw["verbs"].items():
        for w in members:
            classes.setdefault(w, cls)
    for w in raw.get("light_verbs", []):
        classes.setdefault(w, "implement")
    return Verbs(classes=classes, modifiers=frozenset(raw["modifiers"]) - frozenset(classes),
                 verb_modifiers=dict(raw.get("verb_modifiers", {})))


@dataclass(slots=True)  # a large plan holds a draft per clause until its tasks are made (memory)
class TaskDraft:
    """A task before ids are given: spans into the text, actors as mentions with roles."""

    span: tuple[int, int]
    verb: Optional[str] = None
    verb_span: Optional[tuple[int, int]] = None
    verb_class: Optional[str] = None
    modifiers: list[str] = field(default_factory=list)
    object_span: Optional[tuple[int, int]] = None
    commitment: Optional[str] = None
    roles: list[tuple[Mention, str]] = field(default_factory=list)


_COMMITMENT = {w: strength for strength, words in load_json("quantities.json")["commitment"].items()
               for w in words if strength in ("binding", "aspirational")}
_CONNECTIVES = frozenset("并 同时 要 将 还 也 再 并且 从而 进而 更 都 均 须 需 应 应当 必须 务必 切实 着力 努力 力争 争取 确保 "
                         "坚持 注重 重点 认真 继续 不断 进一步 全力 全面 及时 大力 主动 广泛 依法 按期 适时 有序 "
                         "其中 此外 另外 同步 一方面 另一方面 首先 其次 最后 一是 二是 三是 四是 五是".split())
#: prepositions that open a frame whenever they open a clause that another clause follows
_FRAME_OPENERS = ("在", "按照", "根据", "依据", "围绕", "通过", "利用", "依托", "结合", "针对", "对", "以", "为了",
                  "随着", "面对", "基于", "借助", "对照", "本着", "立足", "着眼", "顺应", "从")
#: words that open a frame only when the clause also ends like one (为…提供保障 is an action, 为…为重点 a frame)
_WEAK_FRAME_OPENERS = ("为", "把", "将", "由于", "聚焦")
_FRAME_END = regex.compile(r"(?:为(?:重点|龙头|主线|抓手|核心|引领|导向|契机|目标|主体|基础|载体|平台|突破口|指导|统领)|"
                           r"基础上|前提下|领导下|指导下|过程中|背景下|情况下|中|下|后|前|时|期间|方面|要求|部署|精神|形式|方式|"
                           r"原则|思路|目标|契机|机遇|需要|需求|标准|为主|为辅)$")


def _split_compound(tok: Token, v: Verbs) -> list[Token]:
    """Split a token the segmenter glued: 深入研究 → 深入 研究; 探索建立 → 探索 建立."""
    t = tok.text
    if len(t) < 3 or t in v.classes:
        return [tok]
    for n in (3, 2, 1):
        head, rest = t[:n], t[n:]
        if (head in v.modifiers or head in v.classes) and (rest in v.classes or rest in v.modifiers):
            return [Token(head, tok.start, tok.start + n), Token(rest, tok.start + n, tok.end)]
    return [tok]


def _frame_only(text: str, clause: tuple[int, int], has_next: bool) -> bool:
    """A clause that is only a prepositional frame (通过学习宣传，/ 在市委市政府领导下，)."""
    if not has_next:
        return False
    s, e = clause
    if text.startswith(_FRAME_OPENERS, s, e):
        return True
    return text.startswith(_WEAK_FRAME_OPENERS, s, e) and bool(_FRAME_END.search(text[s:e]))


_JOINERS = ("", "、", "和", "及", "与", "以及", "或")
#: what may stand before the bodies that open a clause and perform its verb (由市财政局牵头…; 各区教育局要…)
_HEAD_WORDS = frozenset({"", "由", "并", "同时", "其中", "各"})
#: a modal right after a body named by type at a clause's head: the body acts (教育行政部门要…)
_MODAL = regex.compile(r"(?:要|应当|应|须|必须|务必|将|负责)")


def _groups(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of bodies named together: 市委市政府; 市属高校、各区教育局及委局直属单位."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if groups and text[groups[-1][-1].end : m.start] in _JOINERS:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


@lru_cache(maxsize=1)
def _markers() -> dict:
    """The role markers of ``data/actors.json``, with the patterns built from them."""
    lex = actor_lexicon()
    mk = lex["role_markers"]
    leader = mk["leader"]
    mods = _alt(leader["after_alone_modifiers"])
    alone = regex.compile(rf"(?:{mods})*(?:{_alt(leader['after_alone'])})")
    sup = mk["supervisor"]
    watch = regex.compile(rf"[^，,；;。：:]{{0,{sup['gap']}}}?(?:{_alt(sup['after'])})")
    pivots = sorted(lex["pivot_verbs"], key=len, reverse=True)
    c = regex.compile
    lead = mk["lead"]
    return {"alone": alone, "alone_not": tuple(leader["after_alone_not"]), "alone_kinds": frozenset(leader["after_alone_kinds"]),
            "watch": watch, "pivots": pivots, "by_function": frozenset(sup["bodies"].values()),
            "in_frame": c(r"在[^，,；;。]{0,12}$"), "leader_after": tuple(leader["after"]),
            "support_frame": c(rf"[^，,；;。]{{0,4}}?(?:{_alt(mk['support']['frame_after'])})"),
            "support_result": c(mk["support"]["result_after"]), "support_thanked": c(mk["support"]["thanked_before"]), "support_after": tuple(mk["support"]["after"]),
            "across": c(mk["pivot_across"]), "guidance_not": c(mk["guidance"]["not_after"]),
            "accept_end": c(rf"(?:{_alt(sup['before'])})$"), "accept": c(_alt(sup["before"])),
            "sup_own": c(sup["own"]), "sup_not_before": c(sup["not_before"]),
            "supported_before": c(mk["supported"]["before"]), "supported_after": c(mk["supported"]["after"]),
            "lead_with": [(w, c(then)) for w, then in lead["before_with_after"].items()],
            "lead_not_with": {w: c(then) for w, then in lead["not_with_after"].items()},
            "lead_before": [w for w in lead["before"] if w != "由"], "lead_after": tuple(lead["after"]),
            "colead_before": tuple(mk["co-lead"]["before"])}


def _alt(words) -> str:  # type: ignore[no-untyped-def]
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _group_role(text: str, start: int, end: int, lo: int, kinds: frozenset = frozenset()) -> tuple[str, ...]:
    """The roles the words around a run of bodies ``text[start:end]`` give them (``lo``: the
    clause start; ``kinds``: the kinds of the bodies). With marker words: 在X领导下 leader,
    会同X co-lead, 支持X supported, 推动/引导/指导X guided and lead (X then acts), 由X牵头 lead, 在X支持下 or X配合 support,
    接受X监督 supervisor; without them: 领导 and its variants right after a party or
    government body (坚持党的全面领导, 党中央领航掌舵) leader, X提出的/获X批复 lead."""
    pivot_roles = actor_lexicon()["pivot_verbs"]
    before = _without_place(text[lo:start])  # 我代表江苏|省人民政府: the place opens the name
    after = text[end : end + 8]
    mk = _markers()
    if mk["in_frame"].search(before):
        if after.startswith(mk["leader_after"]):
            return ("leader",)
        if mk["support_frame"].match(after):
            return ("support",)  # 在省人大及其常委会、省政协监督支持下
    if mk["support_result"].match(text[end:end + 32]):
        return ("support",)  # 是省人大、省政协有效监督、鼎力支持的结果
    if mk["support_thanked"].search(before):
        return ("support",)  # 向关心支持安徽改革发展的中央各部门、兄弟省区市
    if before.endswith(mk["colead_before"]):
        return ("co-lead",)
    # 支持国防和|军队现代化建设: a word and 和 between the verb and the bodies
    before = _DETERMINER.sub("", before)  # 鼓励其他各市…, 支持所有高校…: the verb governs the bodies
    across = [len(before) - n - 1 for n in (2, 3, 4) if mk["across"].search(before[-n - 1:])]
    for w in mk["pivots"]:
        if before.endswith(w) or (across and any(before.endswith(w, 0, k) for k in across)):
            given = tuple(pivot_roles[w])
            if "lead" in given and mk["guidance_not"].match(text[end:end + 8]):
                return ()  # 推动高水平医院建设: the building is promoted; the hospitals do nothing
            if given == ("supported",) and kinds and "district" not in kinds and (
                    _leads_next(text, end) or (kinds <= _SELF_ACTING and _acts_next(text, end))):
                # 支持科技领军企业牵头组建…, 支持重点企业共建协同创新平台: supported, and they act
                return ("supported", "lead")
            return given
    if mk["accept_end"].search(before) and mk["watch"].match(text, end):
        return ("supervisor",)  # 自觉接受省人大及其常委会监督
    if (mk["sup_own"].match(text, end) and not mk["sup_not_before"].search(before)
            and (mk["accept"].search(before) or kinds <= mk["by_function"])):
        return ("supervisor",)  # 自觉接受人大监督、政协民主监督; 强化审计监督
    if mk["supported_before"].search(before) and mk["supported_after"].match(text, end):
        return ("supported",)  # 加大对岳阳、衡阳省域副中心城市发展政策支持
    for w, then in mk["lead_with"]:
        if before.endswith(w) and then.match(text, end):
            return ("lead",)  # 获国务院批复
    for w in mk["lead_before"]:
        if before.endswith(w):
            not_with = mk["lead_not_with"].get(w)
            if not_with and not_with.match(text, end):
                return ()  # 我代表省政府，向全省人民…表示衷心感谢: thanks, not an act of the body
            return ("lead",)  # 提请市委市政府召开…: they convene; 我代表省政府向大会报告工作
    if after.startswith(mk["lead_after"]):
        return ("lead",)  # (由)市财政局牵头…; 党中央提出的…
    if after.startswith(mk["support_after"]):
        return ("support",)  # 各区配合…
    if kinds and kinds <= mk["alone_kinds"]:
        m = mk["alone"].match(text, end)
        if m and not text.startswith(mk["alone_not"], m.end() - 2):
            return ("leader",)  # 坚持党中央集中统一领导, 党中央领航掌舵, 省委直接领导
    return ()


#: words between a verb and the bodies it governs that pick them out (其他各市, 所有高校, 重点企业, 有条件的高校)
_DETERMINER = regex.compile(r"(?:其他|其余|所有|广大|更多|重点|有条件的|符合条件的)$")


def _leads_next(text: str, end: int) -> bool:
    """Does a word of leading (``role_markers.lead.after``: 牵头, 负责) follow ``end`` at once?"""
    return text.startswith(_markers()["lead_after"], end)


def _acts_next(text: str, end: int) -> bool:
    """Does a verb of a new act (:data:`_AGENT_CLASSES`, ``implement`` or ``promote``: 共建, 组建, 设立, 参与, 实施, 引进)
    follow ``end`` at once, with an object after it (支持企业实施品牌国际化战略)? Not a verb of
    growth or a state (支持高校改善条件, 支持群团组织发挥作用, 支持企业做大做强): the support is the act."""
    classes = verbs().classes
    for n in (4, 3, 2):
        w = text[end:end + n]
        if len(w) == n and classes.get(w) in _ACT_CLASSES and w not in _OFTEN_INTRANSITIVE:
            nxt = text[end + n:end + n + 2]
            if _PLAYS_A_ROLE.match(text, end + n):
                return False  # 支持企业发挥创新主体作用: a role the body plays, no act of its own
            return len(nxt) == 2 and all("\u4e00" <= c <= "\u9fff" for c in nxt) and nxt[0] not in _NO_OBJECT
    return False


def _without_place(before: str) -> str:
    """``before`` without a place name it ends with (我代表江苏 → 我代表), when a marker word precedes the place."""
    places = place_names()
    for n in (4, 3, 2):
        if len(before) > n and before[-n:] in places:
            return before[:-n]
    return before


#: characters segmented past the first verb of a clause (see :func:`head_tokens`)
HEAD_MARGIN = 6


@lru_cache(maxsize=1)
def _any_verb() -> "re.Pattern[str]":
    """Every verb and verb-like adverb of the lexicon: where a clause's verb can be.

    A plain alternation of words (longest first): the standard library's ``re``
    runs it three times faster than ``regex`` (searched once per clause).
    """
    v = verbs()
    words = sorted(set(v.classes) | set(v.verb_modifiers), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def head_end(text: str, start: int, end: int) -> Optional[int]:
    """Where the head of the clause ``text[start:end]`` ends: a little past the first place
    a verb of the lexicon is written (``None`` when none is: the clause has no task)."""
    m = _any_verb().search(text, start, end)
    if m is None:
        return None  # no verb of the lexicon is written here: no task
    # a few characters past the verb, so the segmenter sees the word it ends (发展中国家, 建立健全)
    return min(end, m.end() + HEAD_MARGIN)


def head_tokens(text: str, start: int, end: int, segmenter: str = "rjieba", tagged: bool = True) -> list[Token]:
    """Tokens of a clause's head: up to a little past the first place a verb of
    the lexicon is written, which is all :func:`find_tasks` reads before the
    verb (segmenting whole sentences would double the cost of extraction).
    With ``tagged`` false they may come untagged (:func:`~policyparse.extract.tokens.words`).

    Example:
        >>> [t.text for t in head_tokens("深入研究我市教育现代化中长期发展战略", 0, 17)]
        ['深入', '研究', '我市', '教育', '现代']
    """
    stop = head_end(text, start, end)
    if stop is None:
        return []
    return (tokenize if tagged else words)(text, start, stop, segmenter=segmenter)


def find_tasks(text: str, tokens: Optional[list[Token]], sentence: tuple[int, int],
               mentions: list[Mention], pivots: list[tuple[Mention, list[str]]], *,
               segmenter: str = "rjieba", typed: Sequence[Mention] = (),
               orphans: Optional[list[tuple[Mention, str]]] = None) -> list[TaskDraft]:
    """The tasks of one sentence.

    ``tokens`` cover the sentence (any superset is fine); with ``None`` only
    the clause heads are segmented, with ``segmenter`` (see
    :func:`head_tokens`). ``mentions`` and ``pivots`` are the actor mentions
    found in the sentence; ``typed`` the bodies named by type or place
    (公立医院, 淮安): they take the roles marker words give them (支持淮安、常州打造…),
    but not ``lead`` for standing at a clause's head, where a type is as often the
    topic (高水平医院加力建设) as the agent, unless a modal follows it (公立医院要…).

    Roles of a clause that is only a frame (在X领导下，/ 在X监督支持下，) go to the tasks
    that follow in the sentence; roles of a clause with no task (是省委直接领导的结果)
    go to the next task of the sentence, or else to the last one before them. In a
    sentence with no task at all (…用房面积达到4.5平方米以上，由市教育局牵头，会同市财政局负责)
    they are added to ``orphans``, for the verbless task of a target there.

    Example:
        >>> from policyparse.extract.tokens import tokenize
        >>> t = "深入研究我市教育现代化中长期发展战略。"
        >>> [(d.modifiers, d.verb, t[slice(*d.object_span)]) for d in find_tasks(t, tokenize(t), (0, len(t)), [], [])]
        [(['深入'], '研究', '我市教育现代化中长期发展战略')]
    """
    v = verbs()
    ss, se = sentence
    parts = segment.clauses(text, ss, se)
    drafts: list[TaskDraft] = []
    framed: list[tuple[Mention, str]] = []  # roles of frame clauses: for every task after them
    pending: list[tuple[Mention, str]] = []  # roles of a clause with no task: for the next task
    late: list[tuple[Mention, str]] = []  # roles of frame clauses after the last task so far
    lazy = tokens is None
    starts = [] if tokens is None else [t.start for t in tokens]
    mentions = sorted(mentions, key=lambda m: m.start)
    everyone = sorted([*mentions, *typed], key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    every_starts = [m.start for m in everyone]
    for i, (cs, ce) in enumerate(parts):
        in_clause = [m for m in mentions[bisect_left(mention_starts, cs) : bisect_left(mention_starts, ce)]
                     if m.end <= ce] if mentions else []
        bodies = [m for m in everyone[bisect_left(every_starts, cs) : bisect_left(every_starts, ce)]
                  if m.end <= ce] if everyone else []
        roles: list[tuple[Mention, str]] = []
        given: tuple[str, ...] = ()
        for group in (_groups(text, bodies) if bodies else []):
            had = given
            given = _group_role(text, group[0].start, group[-1].end, cs, frozenset(m.kind for m in group))
            if not given and had and text[group[0].start - 1] == "、" and set(had) & _PIVOTED:
                # 支持青岛打造“中国康湾”、威海创建…: the next item of a verb of support's list of bodies and their acts
                given = had
            roles.extend((m, role) for role in given for m in group)
        for m, rs in pivots or ():
            if cs <= m.start and m.end <= ce:
                if "lead" in rs and _markers()["guidance_not"].match(text, m.end):
                    continue  # 推动法治政府建设走深走实: the building is promoted; the body does nothing
                roles.extend((m, r) for r in rs)
                if list(rs) == ["supported"] and m.kind in _SELF_ACTING and _acts_next(text, m.end):
                    roles.append((m, "lead"))  # 支持有条件的高校设立科技商学院: supported, and they act
        if _frame_only(text, (cs, ce), i + 1 < len(parts)):
            late.extend((m, r) for m, r in roles if r in _FRAME_ROLES)
            framed.extend((m, r) for m, r in roles if r in _FRAME_ROLES)
            pending.extend((m, r) for m, r in roles if r not in _FRAME_ROLES)
            continue
        # segmented only now: a frame clause (above) reads no word
        cut = (cs, ce)  # the span segmented: the tags of its tokens, if needed, are asked for again
        if tokens is None:
            stop = head_end(text, cs, ce)
            # untagged (half the segmenter's time): only _modifies reads a tag, and seldom
            toks = words(text, cs, stop, segmenter=segmenter) if stop is not None else []
            cut = (cs, stop or cs)
        else:
            toks = tokens[bisect_left(starts, cs) : bisect_left(starts, ce)]  # glued words split in _walk
        draft = _walk(text, toks, (cs, ce), in_clause, v)
        if draft is None and lazy and toks and toks[-1].end < ce:
            # the head held no verb after all (a verb's characters inside another word): read on
            draft = _walk(text, words(text, cs, ce, segmenter=segmenter), (cs, ce), in_clause, v)
            cut = (cs, ce)
        if draft is None:
            pending.extend(roles)
            continue
        # bodies at the head of the clause, before its verb, perform it (省教育厅会同…制定; 各区教育局要…)
        groups = _groups(text, in_clause) if in_clause else []
        if draft.verb_span:
            if groups and not any(m is r[0] for r in roles for m in groups[0]):
                head = text[cs:groups[0][0].start]
                if (groups[0][-1].end <= draft.verb_span[0] and head in _HEAD_WORDS
                        and not _modifies(_tagged(text, toks, cut, segmenter) if lazy else toks, groups[0][-1].end)):
                    roles.extend((m, "lead") for m in groups[0])
            elif not groups and bodies and not any(r == "lead" for _, r in roles):
                # a body named by type heads the clause and a modal follows it (教育行政部门要加强督导,
                # 各地教育行政部门要会同…): its agent, not its topic
                first = _groups(text, bodies)[0]
                if (_subject_start(text, cs, first[0].start) and first[-1].end <= draft.verb_span[0]
                        and not any(m is r[0] for r in roles for m in first)
                        and (_MODAL.match(text, first[-1].end, draft.verb_span[0] + 1)
                             or _acts_on_object(text, first[-1].end, draft, v))):
                    roles.extend((m, "lead") for m in first)
        draft.roles = framed + pending + roles
        pending = []
        late = []
        drafts.append(draft)
    if late and drafts:
        # 坚决做到“两个维护”，在省委领导下，攻坚克难…: a frame that no task of the sentence follows
        # (its verbs not in the lexicon) frames the sentence's last task
        drafts[-1].roles.extend(late)
    if pending and drafts:
        drafts[-1].roles.extend(pending)
    elif orphans is not None and not drafts:
        orphans.extend(framed + pending)
    return drafts


#: a count or share before a body at a clause's head (197家二级以上医院开设…, 超80%的企业…): the body still heads it
_COUNT_HEAD = regex.compile(r"(?:[超近约逾]?\d+(?:\.\d+)?(?:%|％)?(?:多|余)?[家个所户座]?(?:的)?|全省|全市|各类|一批)")


def _subject_start(text: str, cs: int, start: int) -> bool:
    """Is what stands before a body at ``start`` in the clause opened at ``cs`` only a head word
    (由, 并, 各) or a count of the bodies (197家二级以上医院, 全省企业): the body is the clause's subject?"""
    head = text[cs:start]
    return head in _HEAD_WORDS or _COUNT_HEAD.fullmatch(head) is not None


def _acts_on_object(text: str, end: int, draft: TaskDraft, v: Verbs) -> bool:
    """Does a body named by type, ending at ``end``, act on an object: the clause's verb follows it
    at once (nothing but adverbs of ``verbs.json`` between) and takes a noun phrase after it
    (二级以上医院开设体重管理门诊, 省属企业投资布局新兴产业)? Without an object the body is as often
    the topic of the verb (高水平医院加力建设, 文旅产业提质增效) as its agent."""
    assert draft.verb_span is not None
    gap = text[end:draft.verb_span[0]]
    if gap and not all(w in v.modifiers for w in words(text, end, draft.verb_span[0])):
        return False
    if draft.object_span is None or draft.verb_class not in _AGENT_CLASSES:
        return False
    os_, oe = draft.object_span
    obj = text[os_:oe]
    return len(obj) >= 3 and _markers()["guidance_not"].match(obj) is None and not obj.startswith(_NO_OBJECT)


#: the verb classes (``verbs.json``) of a new act by an agent (开设, 推出, 发布, 参与, 申报), not of a
#: result or a state a topic reaches (完成改革任务, 实现全覆盖, 保持动态清零, 深化协同发展)
_AGENT_CLASSES = frozenset({"establish", "organise", "formulate", "create_award", "study_explore", "learn_publicise"})
#: the kinds of bodies a plan supports in their own acts (支持企业实施…, 支持高校设立…); a public
#: institution or a place supported to build something (支持XX教育电视台打造…平台, 支持淮安打造…)
#: is the object of the plan's support, its act the plan's own
_SELF_ACTING = frozenset({"enterprise", "school"})
#: the verb classes of an act a supported body then does itself (支持企业实施…, 支持重点企业共建…)
_ACT_CLASSES = _AGENT_CLASSES | {"implement", "promote"}
#: verbs of promotion that as often stand without an object, the body's growth the thing supported
#: (出台支持高新技术企业发展专项措施: the measures are the support's, not the firms' act)
_OFTEN_INTRANSITIVE = frozenset({"发展"})
#: the object of 发挥…作用 (play a role): no act (支持企业发挥创新主体作用)
_PLAYS_A_ROLE = regex.compile(r"[^，,；;。]{0,12}?作用")
#: what, right after a verb, shows it takes no object: a complement or a second verb (建设取得…, 发展成为…)
_NO_OBJECT = ("的", "了", "得", "为", "成", "到", "于", "和", "与", "、")


def _tagged(text: str, toks: list[Token], cut: tuple[int, int], segmenter: str) -> list[Token]:
    """``toks`` (cut from ``text[cut]``, maybe untagged, glued words maybe split by :func:`_walk`)
    with the tags :func:`tokenize` gives the same span: the same words, so each unsplit token
    takes its tag; the pieces of a split word stay untagged, as :func:`_split_compound` makes them."""
    tags = {(t.start, t.end): t.pos for t in tokenize(text, cut[0], cut[1], segmenter=segmenter)}
    return [t._replace(pos=tags.get((t.start, t.end), "")) for t in toks]


def _modifies(toks: list[Token], end: int) -> bool:
    """Is a body ending at ``end`` the modifier of the noun after it (地方政府|债务风险有效防范),
    not the subject of the clause?"""
    for t in toks:
        if t.start < end < t.end:
            return t.pos in _NOUNS  # 地方政府债务: the segmenter glued the body to the noun it modifies
        if t.start == end:  # 地方政府|债务 (but not 省教育厅|会同, which the tagger calls a noun)
            return t.pos in _NOUNS and t.text not in verbs().classes and t.text not in _marker_words()
    return False


@lru_cache(maxsize=1)
def _marker_words() -> frozenset[str]:
    """Every word of ``role_markers`` and the verbs of support and guidance."""
    lex = actor_lexicon()
    words = set(lex["pivot_verbs"])
    for marks in lex["role_markers"].values():
        for v in (marks.values() if isinstance(marks, dict) else ()):
            if isinstance(v, list):
                words.update(v)
    return frozenset(words)


_NOUNS = frozenset({"n", "nz", "ng", "vn", "an"})


#: the roles a verb of support or guidance gives (passed on to the next body and act of its list)
_PIVOTED = frozenset({"supported", "guided"})


#: roles a frame clause gives every task after it in its sentence (在X领导下，…；在X支持下，…)
_FRAME_ROLES = frozenset({"leader", "support", "supervisor"})


#: words that make the verb before them a noun or its modifier (完成情况, 实施进度, 各部门完成的数据): no action
_NOMINAL_AFTER = frozenset({"情况", "率", "进度", "程度", "结果", "成效", "的"})


def _walk(text: str, toks: list[Token], clause: tuple[int, int], mentions: list[Mention], v: Verbs) -> Optional[TaskDraft]:
    """Find the clause's verb: past markers, adverbs, named bodies and any frame or subject."""
    modifiers: list[str] = []
    pending: list[str] = []  # adverbs after a frame or subject, kept only if a verb follows at once
    commitment = None
    opened = False  # a frame or a subject has started: the verb ends it
    mention_at = {m.start: m for m in mentions} if mentions else {}
    i = 0
    while i < len(toks):
        tok = toks[i]
        w = tok.text
        if len(w) >= 3 and w not in v.classes and w not in v.modifiers:
            parts = _split_compound(tok, v)  # 深入研究 → 深入 研究 (only the words read before the verb)
            if len(parts) > 1:
                toks[i : i + 1] = parts
                tok, w = parts[0], parts[0].text
        if tok.start in mention_at:  # a named body (its role is set by the words around it)
            m = mention_at[tok.start]
            while i < len(toks) and toks[i].start < m.end:
                i += 1
            pending = []
            continue
        if w in v.classes and not (i + 1 < len(toks) and toks[i + 1].text in _NOMINAL_AFTER) \
                and not (i and toks[i - 1].text == "的"):  # 科学技术的发展趋向: after 的 a verb heads a noun phrase
            return _draft(text, toks, i, clause, modifiers + pending, commitment, v)
        if not opened and modifiers and modifiers[-1] in v.verb_modifiers and w not in v.modifiers \
                and w not in _COMMITMENT and w not in _CONNECTIVES:
            # 加快义务教育优质均衡发展: the adverb takes a noun object, so it is the verb
            return _draft(text, toks, i - 1, clause, modifiers[:-1], commitment, v)
        if w in v.modifiers:
            (pending if opened else modifiers).append(w)
        elif not opened and w in _COMMITMENT:
            commitment = _COMMITMENT[w]
        elif not opened and w in _CONNECTIVES:
            pass
        else:
            opened = True  # 以…, 通过…, 把…, or a subject (参赛队达到…)
            pending = []
        i += 1
    return None


def _draft(text: str, toks: list[Token], i: int, clause: tuple[int, int], modifiers: list[str],
           commitment: Optional[str], v: Verbs) -> TaskDraft:
    cs, ce = clause
    tok = toks[i]
    verb_start, verb_end = tok.start, tok.end
    if tok.text in _COMMITMENT and commitment is None:
        commitment = _COMMITMENT[tok.text]  # 确保…达到80%: the marker is the verb too
    obj_s, obj_e = verb_end, ce
    while obj_s < obj_e and text[obj_s] in _EDGE and text[obj_s] not in "“《（(\"「『":
        obj_s += 1
    while obj_e > obj_s and text[obj_e - 1] in " \t\n":
        obj_e -= 1
    return TaskDraft(
        span=clause, verb=tok.text, verb_span=(verb_start, verb_end),
        verb_class=v.classes.get(tok.text) or v.verb_modifiers.get(tok.text),
        modifiers=modifiers, object_span=(obj_s, obj_e) if obj_e > obj_s else None, commitment=commitment,
    )
