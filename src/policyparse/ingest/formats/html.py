"""HTML pages to text: the article a government web page publishes.

A government page wraps the plan in navigation, scripts, a banner, related
links and a footer. The page is parsed (BeautifulSoup over lxml), the
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
    bs4 = require("bs4", "beautifulsoup4", source)
    require("lxml", "lxml", source)
    try:
        return _page_text(markup, source, bs4)
    except PolicyParseError:
        raise
    except Exception as exc:  # noqa: BLE001 - the parser and the tree raise many kinds on broken markup
        raise PolicyParseError(source, f"is not a readable HTML page ({type(exc).__name__}: {exc})") from None
    finally:
        # BeautifulSoup's tree is cyclic (parents and children, next and previous
        # elements): freed only by the cyclic collector, which the parse that follows
        # pauses. Collected now, the tree of a 10 MB page (about 1 KB an element)
        # is not kept through the whole parse; on a small page this costs ~10 ms.
        gc.collect()


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


__all__ = ["html_text"]
