"""HTML pages to text: the article a government web page publishes.

A government page wraps the plan in navigation, scripts, a banner, related
links and a footer. The page is parsed (libxml2's HTML parser through lxml,
its tree read as BeautifulSoup presents it; BeautifulSoup itself for a page
nested deeper than libxml2 builds a tree, or selectors only soupsieve reads), the
elements that never hold the article are removed (``nav``, ``script``,
``style``, ``header``, ``footer``, ``aside`` …, and elements whose id or class
names a menu, breadcrumb, share bar or footer), and the article is the first
element matching the content selectors Chinese government sites use
(``.TRS_Editor``, ``#zoom``, ``.pages_content``, ``.article``, ``.content`` …);
on a page with none of them, the element whose own paragraphs hold the most
text (a density rule). The text keeps a line break after each block (``p``,
``div``, ``br``, ``li``, ``h1`` …). The page's title (``h1`` …) becomes the
first line when the article body does not start with it. Selectors and word
lists are data (``data/html.json``).

The page is walked with an explicit stack, not recursion, so markup nested
ten thousand levels deep is read like any other; anything the parser chokes
on is a :class:`~policyparse.PolicyParseError` naming the file.
"""
from __future__ import annotations

import gc
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator, Optional

import regex

from ...errors import PolicyParseError
from . import require


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The rules of ``data/html.json``."""
    return json.loads(resources.files("policyparse").joinpath("data/html.json").read_text("utf-8"))


_LAYOUT_BREAK = regex.compile(r"[ \t\r\f\v]*\n\s*")
_SPACES = regex.compile(r"[ \t\r\f\v\u00a0]+")


def html_text(markup: str, source: str) -> str:
    """The article text of an HTML page, one line per paragraph.

    Example:
        >>> page = ('<html><body><nav><a href="/">首页</a></nav><h1>XX市2020年工作要点</h1>'
        ...         '<div class="TRS_Editor"><p>一、总体要求</p><p>1.抓好学习，深入推进改革，全面提高教育质量。</p></div>'
        ...         '<script>var x = 1;</script><div class="footer">版权所有</div></body></html>')
        >>> print(html_text(page, "page.html"))
        XX市2020年工作要点
        一、总体要求
        1.抓好学习，深入推进改革，全面提高教育质量。

    Raises:
        PolicyParseError: the page holds no text, or cannot be parsed.
    """
    require("lxml", "lxml", source)
    try:
        if _all_simple():
            text = _lx_page_text(markup, source)
            if text is not None:
                return text
        bs4 = require("bs4", "beautifulsoup4", source)
        try:
            return _page_text(markup, source, bs4)
        finally:
            # BeautifulSoup's tree is cyclic (parents and children, next and previous
            # elements): freed only by the cyclic collector, which the parse that follows
            # pauses. Collected now, the tree of a large page (about 1 KB an element) is
            # not kept through the whole parse; on a small page this costs ~10 ms.
            gc.collect()
    except PolicyParseError:
        raise
    except Exception as exc:  # noqa: BLE001 - the parser and the tree raise many kinds on broken markup
        raise PolicyParseError(source, f"is not a readable HTML page ({type(exc).__name__}: {exc})") from None


@lru_cache(maxsize=1)
def _all_simple() -> bool:
    """Whether every selector of ``data/html.json`` is one class, id or tag (read with lxml)."""
    r = rules()
    return all(_simple(sel) is not None for sel in r["title_selectors"] + r["content_selectors"])


def _page_text(markup: str, source: str, bs4: Any) -> str:
    soup = bs4.BeautifulSoup(markup, "lxml")
    r = rules()
    dropped = set(r["drop_tags"])  # one pass with a set: find_all(list) tests each name in turn
    for tag in [t for t in soup.find_all(True) if t.name in dropped]:
        if not getattr(tag, "decomposed", False):
            tag.decompose()
    title = _title(soup)
    article = _article(soup)
    if article is None:
        raise PolicyParseError(source, "is an HTML page without any text")
    _drop_boilerplate(article)
    lines = [x for x in (ln.strip() for ln in "".join(_text(article, bs4)).split("\n")) if x]
    if not lines:
        raise PolicyParseError(source, "is an HTML page without any article text")
    if title and not any(title in ln for ln in lines[:3]):
        lines.insert(0, title)
    return "\n".join(lines)


_SIMPLE = regex.compile(r"([.#]?)([A-Za-z_][\w-]*)")


def _simple(selector: str) -> Optional[tuple[str, str]]:
    """A selector that is one class, one id or one tag as ``(kind, name)``; ``None`` otherwise."""
    m = _SIMPLE.fullmatch(selector.strip())
    if m is None:
        return None
    return {".": "class", "#": "id", "": "tag"}[m.group(1)], m.group(2)


def _by_selector(soup: Any, selectors: list[str]) -> Iterator[tuple[str, list[Any]]]:
    """Each selector in order with the elements it matches, in document order.

    The selectors of ``data/html.json`` are single classes, ids and tags, so
    the page is walked once for all of them together with plain attribute
    checks (soupsieve, walked once per selector, took 35 s over a page of
    200,000 paragraphs); any other selector goes to soupsieve. The result is
    that of one ``select`` per selector."""
    simple = {sel: _simple(sel) for sel in selectors}
    found: dict[str, list[Any]] = {sel: [] for sel in selectors}
    wanted = [(sel, kind, name) for sel, spec in simple.items() if spec is not None for kind, name in [spec]]
    if wanted:
        for node in soup.find_all(True):
            classes = node.get("class") or ()
            for sel, kind, name in wanted:
                if (node.name == name if kind == "tag" else node.get("id") == name if kind == "id"
                        else name in classes):
                    found[sel].append(node)
    for sel in selectors:
        yield sel, found[sel] if simple[sel] is not None else soup.select(sel)


def _title(soup: Any) -> Optional[str]:
    for _, nodes in _by_selector(soup, rules()["title_selectors"]):
        node = nodes[0] if nodes else None
        if node is not None and (text := _SPACES.sub(" ", node.get_text(" ")).strip()):
            return text
    if soup.title is not None and soup.title.string:
        # 《关于…的通知》_武汉市人民政府门户网站: the part before the site name
        return regex.split(r"\s*[_|｜—-]\s*", soup.title.string.strip())[0] or None
    return None


def _length(node: Any) -> int:
    return len("".join(node.get_text().split()))


def _article(soup: Any) -> Any:
    r = rules()
    for _, nodes in _by_selector(soup, r["content_selectors"]):
        for node in nodes:
            if _length(node) >= r["min_content_chars"]:
                return node
    # the element whose direct paragraphs hold the most text
    scores: dict[int, tuple[int, Any]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None:
            continue
        n, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (n + _length(p), parent)
    if scores:
        best = max(scores.values(), key=lambda s: s[0])
        if best[0] >= r["min_content_chars"]:
            return best[1]
    return soup.body or soup


def _drop_boilerplate(article: Any) -> None:
    words = rules()["drop_class_words"]
    doomed = []
    for node in article.find_all(True):
        names = " ".join([node.get("id") or "", *(node.get("class") or [])]).lower()
        if names.strip() and any(w in names for w in words):
            doomed.append(node)
    for node in doomed:
        if not getattr(node, "decomposed", False):
            node.decompose()


def _text(node: Any, bs4: Any) -> Iterator[str]:
    """The text under ``node``, a line break after each block element (depth-first, without recursion)."""
    blocks = set(rules()["block_tags"])
    stack: list[Any] = [iter(node.children)]
    while stack:
        top = stack[-1]
        if isinstance(top, str):  # the line break closing a block
            stack.pop()
            yield top
            continue
        child = next(top, None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, bs4.NavigableString):
            if type(child) is bs4.NavigableString or isinstance(child, bs4.element.CData):
                # a line break in the markup is layout, not text
                yield _SPACES.sub(" ", _LAYOUT_BREAK.sub("", str(child)))
            continue
        if child.name == "br":
            yield "\n"
            continue
        block = child.name in blocks
        if block:
            yield "\n"
        if child.name in ("td", "th"):
            yield "\t"
        if block:
            stack.append("\n")
        stack.append(iter(child.children))


# --- the page read with lxml -----------------------------------------------------------
# BeautifulSoup (over lxml) built a Python object for every element and string: about
# 30 µs and 1 KB an element, 5-6 s and 300 MB for a page of 200,000 paragraphs (issue 15).
# The same libxml2 push parser that BeautifulSoup feeds (etree.HTMLParser, recover, one
# feed) now builds lxml's own tree, and the walks below read it as BeautifulSoup presented
# it: a string for each text run (an element's ``text``, each child's ``tail``), ASCII
# whitespace-only runs collapsed to one space or line break outside ``pre``/``textarea``,
# comments and processing instructions skipped but their tails kept, strings inside
# ``rt``/``rp`` not text, and a removed element's tail kept as a string of its own
# (removal marks the element, so that strings are never merged). Pages whose selectors
# are not single classes, ids or tags still go through BeautifulSoup (soupsieve).

#: libxml2 builds a tree no deeper than 256 elements (what is deeper is lost), where its
#: push parser feeding BeautifulSoup has no limit: a page that deep is read with that
_LXML_DEPTH = 255
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"
_PRESERVE = frozenset(("pre", "textarea"))
_RUBY = frozenset(("rt", "rp"))
_CONTAINERS = frozenset(("rt", "rp", "style", "script", "template"))


class _Page:
    """An lxml tree and the elements removed from it (marked, never unlinked)."""

    def __init__(self, markup: str) -> None:
        from lxml import etree  # noqa: PLC0415 - a format's library loads with its reader

        parser = etree.HTMLParser(recover=True)
        parser.feed(markup)
        self.root = parser.close()
        self.dropped: set[Any] = set()

    def elements(self, top: Any, include_top: bool = False) -> Iterator[Any]:
        """The elements below ``top`` (and ``top``) in document order, without removed subtrees."""
        dropped = self.dropped
        if include_top:
            if top in dropped:
                return
            yield top
        stack = [iter(top)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            if not isinstance(el.tag, str) or el in dropped:
                continue
            yield el
            stack.append(iter(el))

    def depths(self) -> Iterator[tuple[Any, int]]:
        """Every element with its depth (the root's is 0)."""
        stack = [(self.root, 0)]
        while stack:
            el, depth = stack.pop()
            if isinstance(el.tag, str):
                yield el, depth
                stack.extend((child, depth + 1) for child in reversed(el))

    def first(self, name: str) -> Any:
        return next((el for el in self.elements(self.root, True) if el.tag == name), None)

    def contents(self, el: Any, preserve: bool, ruby: bool) -> Iterator[tuple[str, Any, bool, bool]]:
        """``el``'s children as BeautifulSoup has them: (``"text"``, string, preserve, ruby)
        and (``"tag"``, element, …) / (``"other"``, comment, …), removed elements left out."""
        preserve = preserve or el.tag in _PRESERVE
        if el.tag in _CONTAINERS:
            ruby = el.tag in _RUBY
        if el.text:
            yield "text", _collapse(el.text, preserve), preserve, ruby
        for child in el:
            if child not in self.dropped:
                if isinstance(child.tag, str):
                    yield "tag", child, preserve, ruby
                else:
                    yield "other", child, preserve, ruby
            if child.tail:
                yield "text", _collapse(child.tail, preserve), preserve, ruby

    def strings(self, el: Any) -> Iterator[str]:
        """The text strings under ``el`` in order (BeautifulSoup's ``_all_strings``)."""
        stack = [self.contents(el, _inherited(el, _PRESERVE), _ruby(el))]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
                continue
            kind, value, p, r = item
            if kind == "text":
                if not r:
                    yield value
            elif kind == "tag":
                stack.append(self.contents(value, p, r))

    def string(self, el: Any) -> Optional[str]:
        """BeautifulSoup's ``.string``: the one string inside ``el``, or ``None``."""
        while True:
            contents = list(self.contents(el, _inherited(el, _PRESERVE), _ruby(el)))
            if len(contents) != 1:
                return None
            kind, value, p, _ = contents[0]
            if kind == "text":
                return value
            if kind == "other":  # a comment alone
                return _collapse(value.text or "", p) if value.text else None
            el = value


def _collapse(s: str, preserve: bool) -> str:
    """A text run as BeautifulSoup stores it: only ASCII whitespace becomes one line break
    (when it has one) or one space, except inside ``pre``/``textarea``."""
    if not preserve and not s.strip(_ASCII_SPACES):
        return "\n" if "\n" in s else " "
    return s


def _classes(el: Any) -> list[str]:
    return (el.get("class") or "").split()


def _lx_page_text(markup: str, source: str) -> Optional[str]:
    """The article text read with lxml, or ``None`` when the page is too deep for its tree."""
    page = _Page(markup)
    root = page.root
    if root is None:
        raise PolicyParseError(source, "is an HTML page without any article text")
    r = rules()
    dropped = set(r["drop_tags"])
    doomed = []
    for el, depth in page.depths():
        if depth >= _LXML_DEPTH:
            return None  # libxml2 builds no deeper tree: read with BeautifulSoup
        if el.tag in dropped:
            doomed.append(el)
    page.dropped.update(doomed)
    title = _lx_title(page)
    article = _lx_article(page)
    if article is None:
        raise PolicyParseError(source, "is an HTML page without any text")
    _lx_drop_boilerplate(page, article)
    lines = [x for x in (ln.strip() for ln in "".join(_lx_text(page, article)).split("\n")) if x]
    if not lines:
        raise PolicyParseError(source, "is an HTML page without any article text")
    if title and not any(title in ln for ln in lines[:3]):
        lines.insert(0, title)
    return "\n".join(lines)


#: the whole document as the article (BeautifulSoup's ``soup``: the root element its one child)
_DOCUMENT = object()


def _lx_by_selector(page: _Page, selectors: list[str]) -> Iterator[tuple[str, list[Any]]]:
    """:func:`_by_selector` over the lxml tree (single classes, ids and tags only)."""
    wanted = [(sel, *_simple(sel)) for sel in selectors]  # type: ignore[misc]
    found: dict[str, list[Any]] = {sel: [] for sel in selectors}
    for node in page.elements(page.root, True):
        classes = _classes(node)
        for sel, kind, name in wanted:
            if (node.tag == name if kind == "tag" else node.get("id") == name if kind == "id"
                    else name in classes):
                found[sel].append(node)
    for sel in selectors:
        yield sel, found[sel]


def _lx_title(page: _Page) -> Optional[str]:
    for _, nodes in _lx_by_selector(page, rules()["title_selectors"]):
        node = nodes[0] if nodes else None
        if node is not None and (text := _SPACES.sub(" ", " ".join(page.strings(node))).strip()):
            return text
    title = page.first("title")
    if title is not None:
        string = page.string(title)
        if string:
            return regex.split(r"\s*[_|｜—-]\s*", string.strip())[0] or None
    return None


def _lx_length(page: _Page, node: Any) -> int:
    return len("".join("".join(page.strings(node)).split()))


def _lx_article(page: _Page) -> Any:
    r = rules()
    for _, nodes in _lx_by_selector(page, r["content_selectors"]):
        for node in nodes:
            if _lx_length(page, node) >= r["min_content_chars"]:
                return node
    scores: dict[Any, list[int]] = {}
    order: list[Any] = []
    for p in page.elements(page.root, True):
        if p.tag != "p":
            continue
        parent = p.getparent()
        if parent is None:
            continue
        if parent not in scores:
            scores[parent] = [0]
            order.append(parent)
        scores[parent][0] += _lx_length(page, p)
    if scores:
        best = max(order, key=lambda el: scores[el][0])
        if scores[best][0] >= r["min_content_chars"]:
            return best
    body = page.first("body")
    return body if body is not None else _DOCUMENT


def _lx_drop_boilerplate(page: _Page, article: Any) -> None:
    words = rules()["drop_class_words"]
    doomed = []
    for node in page.elements(page.root, True) if article is _DOCUMENT else page.elements(article):
        names = " ".join([node.get("id") or "", *_classes(node)]).lower()
        if names.strip() and any(w in names for w in words):
            doomed.append(node)
    page.dropped.update(doomed)


def _lx_text(page: _Page, node: Any) -> Iterator[str]:
    """:func:`_text` over the lxml tree."""
    blocks = set(rules()["block_tags"])
    if node is _DOCUMENT:
        top = page.root
        first: Iterator[tuple[str, Any, bool, bool]] = iter([("tag", top, False, False)] if top not in page.dropped else [])
    else:
        first = page.contents(node, _inherited(node, _PRESERVE), _ruby(node))
    stack: list[Any] = [first]
    while stack:
        top = stack[-1]
        if isinstance(top, str):
            stack.pop()
            yield top
            continue
        item = next(top, None)
        if item is None:
            stack.pop()
            continue
        kind, child, p, r = item
        if kind == "text":
            if not r:
                yield _SPACES.sub(" ", _LAYOUT_BREAK.sub("", child))
            continue
        if kind == "other":
            continue
        name = child.tag
        if name == "br":
            yield "\n"
            continue
        block = name in blocks
        if block:
            yield "\n"
        if name in ("td", "th"):
            yield "\t"
        if block:
            stack.append("\n")
        stack.append(page.contents(child, p, r))


def _inherited(el: Any, names: frozenset[str]) -> bool:
    """Whether an ancestor of ``el`` (not ``el``) is one of ``names``."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag in names:
            return True
        parent = parent.getparent()
    return False


def _ruby(el: Any) -> bool:
    """Whether the nearest string container above ``el`` is ``rt``/``rp``."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _CONTAINERS:
            return parent.tag in _RUBY
        parent = parent.getparent()
    return False


__all__ = ["html_text"]
