"""References: the documents a plan cites (《…》) and the programmes and slogans it quotes (“…”).

A cited title may hold a nested title in 〈〉 (《…〈关于印发…〉的通知》); its
issuer is the body named right before it (中共中央、国务院《关于…》) or at the
start of the title (《市人民政府关于…》). A quotation is a slogan or programme
name when it is short and holds no clause punctuation (“两率先一进入”,
“三通两平台”); longer quotations are quoted speech, not references.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Sequence

import regex

from .actors import Mention, find_mentions

_TITLE = regex.compile(r"《(?P<title>(?:[^《》]|《[^《》]*》)+)》")
#: the longest quotation taken for a slogan or programme name
MAX_SLOGAN = 20
_QUOTES = (("“", "”"), ("「", "」"), ("『", "』"), ('"', '"'))
#: any character that opens a title or a quotation
_OPENER = re.compile("[《" + re.escape("".join(o for o, _ in _QUOTES)) + "]")
_QUOTE = regex.compile("|".join(
    rf"{o}(?P<title>[^{o}{c}，,。；;！？\n]{{1,{MAX_SLOGAN}}}){c}" for o, c in _QUOTES))


@dataclass
class ReferenceMatch:
    kind: str
    title: str
    start: int
    end: int
    issuer: list[str] = field(default_factory=list)


def _issuers_before(text: str, start: int, lo: int, mentions: Sequence[Mention]) -> list[str]:
    """Bodies named just before ``start``, joined by 、 和 及 (中共中央、国务院《…》)."""
    out: list[str] = []
    pos = start
    for m in sorted((m for m in mentions if m.end <= start and m.start >= lo), key=lambda m: -m.start):
        gap = text[m.end : pos]
        if gap and gap not in ("、", "和", "及", "与", "，"[:0]):
            break
        out.insert(0, m.name)
        pos = m.start
    return out


def find_references(text: str, start: int, end: int, mentions: Sequence[Mention] = ()) -> Iterator[ReferenceMatch]:
    """Yield the cited documents and quoted slogans of ``text[start:end]``.

    Example:
        >>> t = "深入学习贯彻中共中央、国务院《关于学前教育深化改革规范发展的若干意见》，完善“三通两平台”建设。"
        >>> [(r.kind, r.title, r.issuer) for r in find_references(t, 0, len(t), list(find_mentions(t)))]
        [('document', '关于学前教育深化改革规范发展的若干意见', ['中共中央', '国务院']), ('slogan', '三通两平台', [])]
    """
    found: list[ReferenceMatch] = []
    if not _OPENER.search(text, start, end):
        return  # most sentences cite and quote nothing: one search for the openers spares both patterns
    for m in _TITLE.finditer(text, start, end):
        title = m.group("title")
        issuer = _issuers_before(text, m.start(), start, list(mentions))
        if not issuer:
            head = regex.match(r"(.{2,40}?)〈?关于", title)
            if head:  # 《市人民政府关于…》, 《中共中央组织部、中共教育部党组〈关于印发…〉的通知》
                bodies = list(find_mentions(head.group(1)))
                if bodies and "".join(x.text for x in bodies) == regex.sub(r"[、和]", "", head.group(1)):
                    issuer = [x.name for x in bodies]
        found.append(ReferenceMatch("document", title, m.start(), m.end(), issuer))
    for m in _QUOTE.finditer(text, start, end):
        if any(r.start <= m.start() < r.end for r in found) or _TITLE.fullmatch(m.group("title")):
            continue  # inside a title, or a quoted title (“《纲要》”) already taken as a document
        found.append(ReferenceMatch("slogan", m.group("title"), m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    yield from found


__all__ = ["ReferenceMatch", "find_references"]
