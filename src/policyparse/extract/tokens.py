"""Word segmentation: pluggable backends that return tokens with character offsets and POS tags.

Chinese has no spaces, so finding a verb or the end of a noun phrase needs a
segmenter. Three backends are built in:

- ``"rjieba"`` (the default): jieba's algorithm and dictionary ported to Rust
  (jieba-rs, through the ``rjieba`` binding), about ten times faster than
  Python jieba with the same words on nearly every text (the differences are
  listed and explained in ``docs/segmenters.md``); one call cuts and tags;
- ``"jieba"``: Python jieba in a private ``jieba.Tokenizer``, so the user's
  own jieba setup is left alone; its tags are looked up in the same
  dictionary, as jieba-rs does;
- ``"pkuseg"``: more accurate on news-style text and about ten times slower
  than jieba (install with ``pip install --no-build-isolation
  pkuseg==0.0.25``); it gives no tags here (its tagging model downloads at
  run time).

Every backend is given the package's domain dictionary (``data/dictionary.txt``:
policy terms such as 毛入学率, 立德树人, body names, the verbs of
``data/verbs.json``). A backend is built once per process, under a lock, so
the first use from many threads loads its dictionary once.

Tokens carry ``[start, end)`` offsets into the text they were cut from,
whatever the backend drops or keeps, and ``pos``, the part-of-speech tag of
jieba's tag set (``data/postags.json``: ``v`` verb, ``vn`` verbal noun, ``n``
noun, ``nt`` organisation, ``ns`` place …; ``""`` when the backend gives
none). :func:`is_pos` asks a tag for a class (``"verb"``, ``"noun"``,
``"organisation"``, ``"place"``).

Any object with a ``cut(text) -> list[str]`` method can be registered with
:func:`register_segmenter`; one that also has ``tag(text) -> list[tuple[str,
str]]`` gives tags (:func:`tokenize` then calls ``tag`` alone: one pass), and
one with ``tokens(text, offset) -> list[Token]`` builds the tokens itself.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from itertools import accumulate, repeat
from typing import Any, Callable, Iterable, NamedTuple, Optional, Protocol

from ..errors import PolicyParseError
from ..data import data_path, load_json

#: the backend used when none is named
DEFAULT_SEGMENTER = "rjieba"


class Token(NamedTuple):
    """One word: its text, its ``[start, end)`` span in the segmented text and its POS tag."""

    text: str
    start: int
    end: int
    #: part-of-speech tag (jieba's tag set, ``data/postags.json``); ``""`` when the backend gives none
    pos: str = ""


class Segmenter(Protocol):
    """What a backend provides: words whose concatenation is the text, give or take whitespace.

    A backend may also provide ``tag(text) -> list[tuple[str, str]]``: the same
    words, each with its part-of-speech tag.
    """

    def cut(self, text: str) -> list[str]: ...


_FACTORIES: dict[str, Callable[[], Segmenter]] = {}
_LOADED: dict[str, Segmenter] = {}
_LOCK = threading.Lock()


def register_segmenter(name: str, factory: Callable[[], Segmenter]) -> None:
    """Make ``factory()`` available as ``segmenter=name`` (called once, on first use).

    Example:
        >>> class CharSegmenter:
        ...     def cut(self, text): return list(text)
        >>> register_segmenter("char", CharSegmenter)
        >>> [t.text for t in tokenize("抓好学习", segmenter="char")]
        ['抓', '好', '学', '习']
    """
    with _LOCK:
        _FACTORIES[name] = factory
        _LOADED.pop(name, None)


def get_segmenter(name: str = DEFAULT_SEGMENTER) -> Segmenter:
    """The backend registered as ``name``, built once per process.

    The first call builds it under a lock: threads that ask at the same time
    wait for that one build (a dictionary load) instead of each loading their own.

    Example:
        >>> get_segmenter("rjieba") is get_segmenter("rjieba")
        True
    """
    seg = _LOADED.get(name)
    if seg is not None:
        return seg
    with _LOCK:
        seg = _LOADED.get(name)
        if seg is None:
            if name not in _FACTORIES:
                raise PolicyParseError(None, f"unknown segmenter {name!r} (available: {', '.join(sorted(_FACTORIES))})")
            seg = _LOADED[name] = _FACTORIES[name]()
    return seg


def domain_words() -> list[tuple[str, int | None, str | None]]:
    """The domain dictionary as ``(word, freq, pos)`` entries (``data/dictionary.txt``)."""
    out: list[tuple[str, int | None, str | None]] = []
    for line in data_path("dictionary.txt").read_text("utf-8").splitlines():
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        pos = parts[2] if len(parts) > 2 else None
        out.append((parts[0], freq, pos))
    return out


@lru_cache(maxsize=1)
def _postags() -> dict[str, Any]:
    return load_json("postags.json")


@lru_cache(maxsize=None)
def pos_class(name: str) -> frozenset[str]:
    """The tags of a class of ``data/postags.json`` (``verb``, ``noun``, ``organisation``, ``place`` …).

    Example:
        >>> sorted(pos_class("verb"))
        ['v', 'vd', 'vg', 'vi', 'vn', 'vq']
    """
    classes = _postags()["classes"]
    if name not in classes:
        raise PolicyParseError(None, f"unknown part-of-speech class {name!r} (available: {', '.join(sorted(classes))})")
    return frozenset(classes[name])


def is_pos(token: Token, name: str) -> bool:
    """Whether ``token``'s tag belongs to the class ``name`` of ``data/postags.json``.

    Example:
        >>> [t.text for t in tokenize("市财政局牵头制定实施方案") if is_pos(t, "verb")]
        ['牵头', '制定']
    """
    return token.pos in pos_class(name)


def _untagged(word: str) -> str:
    """The tag jieba gives a word its dictionary lacks: ``m`` all digits, ``eng`` other ASCII, else ``x``."""
    ascii_alnum = [c for c in word if c.isascii() and c.isalnum()]
    if not ascii_alnum:
        return "x"
    return "m" if all(c.isdigit() for c in ascii_alnum) else "eng"


def _quiet_jieba() -> Any:
    """A context in which jieba's logger reports no dictionary load on stderr."""
    import contextlib  # noqa: PLC0415

    @contextlib.contextmanager
    def quiet():  # type: ignore[no-untyped-def]
        logger = logging.getLogger("jieba")
        level = logger.level
        logger.setLevel(logging.WARNING)
        try:
            yield
        finally:
            logger.setLevel(level)

    return quiet()


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class, without building the package's default instance.

    ``import rjieba`` builds a module-level ``Jieba()`` (a dictionary load,
    about 0.15 s) that this package never uses; loading the compiled module
    ``rjieba.rjieba`` by itself skips it. It is registered in ``sys.modules``
    so a later ``import rjieba`` by the user finds it (a PyO3 module can be
    initialised once per process). Any surprise falls back to ``import rjieba``.
    """
    import importlib.util  # noqa: PLC0415
    import sys  # noqa: PLC0415

    mod = sys.modules.get("rjieba.rjieba")
    if mod is None:
        try:
            pkg = importlib.util.find_spec("rjieba")
        except (ImportError, ValueError):
            pkg = None
        if pkg is None:
            raise PolicyParseError(None, "segmenter 'rjieba' is not installed: run `pip install rjieba` "
                                   "(or choose segmenter='jieba')")
        try:
            from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader  # noqa: PLC0415
            from pathlib import Path  # noqa: PLC0415

            folder = Path(list(pkg.submodule_search_locations or [])[0])
            so = next(p for suffix in EXTENSION_SUFFIXES for p in [folder / f"rjieba{suffix}"] if p.is_file())
            loader = ExtensionFileLoader("rjieba.rjieba", str(so))
            spec = importlib.util.spec_from_file_location("rjieba.rjieba", so, loader=loader)
            assert spec is not None
            mod = importlib.util.module_from_spec(spec)
            sys.modules["rjieba.rjieba"] = mod
            loader.exec_module(mod)
        except Exception:  # noqa: BLE001 - an unexpected layout: the public import still works
            sys.modules.pop("rjieba.rjieba", None)
            import rjieba  # noqa: PLC0415

            return rjieba.Jieba
    return mod.Jieba


class RJiebaSegmenter:
    """jieba-rs (``rjieba``) in a private ``Jieba`` with the domain dictionary (HMM on for unknown words).

    ``tag`` cuts and tags in one call; its words are those of ``cut``.
    ``tokens`` builds the :class:`Token` list straight from that call (what
    :func:`tokenize` uses: one pass, no intermediate lists).
    """

    def __init__(self) -> None:
        jb = self._jb = _rjieba_class()()
        entries = domain_words()
        for word, freq, pos in entries:
            jb.add_word(word, freq, pos)
        # jieba-rs keeps the tag of a word already in its dictionary (add_word changes only its
        # frequency): the domain dictionary's tag wins, as in the jieba backend (研究 v, not vn)
        self._retag = {w: pos for w, _, pos in entries if pos and jb.tag(w) != [(w, pos)]}
        self.cut = jb.cut  # the bound method itself: no wrapper call per clause

    def cut(self, text: str) -> list[str]:  # replaced by the bound method in __init__
        return self._jb.cut(text)

    def tag(self, text: str) -> list[tuple[str, str]]:
        get = self._retag.get
        return [(w, get(w, p)) for w, p in self._jb.tag(text)]

    def word_tokens(self, text: str, offset: int = 0) -> list[Token]:
        """The tokens of ``text`` untagged (``pos`` ``""``): the words of :meth:`tokens` from
        ``cut``, which runs in half the time of ``tag`` (what :func:`words` uses)."""
        words = self._jb.cut(text)
        out = _laid_end_to_end(text, zip(words, repeat("")), offset)
        return align(text, words, offset) if out is None else out  # None never seen: jieba-rs keeps every character

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """The tagged tokens of ``text``, with offsets from ``offset`` (whitespace dropped).

        A plain loop: clause heads are about ten characters, five words, so
        per-call work (joins, zips, intermediate lists) would cost more than the words.
        """
        pairs = self._jb.tag(text)
        get, new = self._retag.get, tuple.__new__
        out: list[Token] = []
        add = out.append
        pos = offset
        for w, p in pairs:
            end = pos + len(w)
            if not w.isspace():
                add(new(Token, (w, pos, end, get(w, p))))
            pos = end
        if pos - offset != len(text):  # never seen: jieba-rs keeps every character
            return align(text, [w for w, _ in pairs], offset, [get(w, p) for w, p in pairs])
        return out


def _laid_end_to_end(text: str, pairs: Iterable[tuple[str, str]], offset: int) -> Optional[list[Token]]:
    """The tokens of (word, tag) ``pairs`` that lay ``text`` end to end from ``offset``
    (whitespace words dropped), or ``None`` when the words do not add up to the text
    (then :func:`align` finds them)."""
    new = tuple.__new__  # builds the named tuple in C
    out: list[Token] = []
    add = out.append
    pos = offset
    for w, p in pairs:
        end = pos + len(w)
        if not w.isspace():
            add(new(Token, (w, pos, end, p)))
        pos = end
    return out if pos - offset == len(text) else None


class JiebaSegmenter:
    """Python jieba in a private ``Tokenizer`` with the domain dictionary (HMM on for unknown words).

    ``tag`` gives each word of ``cut`` its tag in jieba's dictionary (the
    domain dictionary's first), as jieba-rs does; ``jieba.posseg`` is not used:
    it cuts differently and runs six times slower than ``cut``.
    """

    def __init__(self) -> None:
        import jieba  # noqa: PLC0415 - heavy (dictionary load): only when segmenting

        with _quiet_jieba():  # jieba reports its dictionary load on stderr
            self._tk = jieba.Tokenizer()
            self._tk.initialize()
            for word, freq, pos in domain_words():
                self._tk.add_word(word, freq, pos)
        self._tags: Optional[dict[str, str]] = None
        self._tags_lock = threading.Lock()

    def cut(self, text: str) -> list[str]:
        return self._tk.lcut(text)

    def _tag_table(self) -> dict[str, str]:
        if self._tags is None:
            with self._tags_lock:
                if self._tags is None:
                    table: dict[str, str] = {}
                    with open(self._tk.get_dict_file().name, encoding="utf-8") as fh:  # jieba's dict.txt
                        for line in fh:
                            parts = line.split()
                            if len(parts) == 3:
                                table[parts[0]] = parts[2]
                    for word, _, pos in domain_words():
                        table[word] = pos or ""
                    self._tags = table
        return self._tags

    def tag(self, text: str) -> list[tuple[str, str]]:
        table = self._tag_table()
        return [(w, table[w] if w in table else _untagged(w)) for w in self._tk.lcut(text)]

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """The tagged tokens of ``text`` in one loop over jieba's words (as :meth:`RJiebaSegmenter.tokens`)."""
        words = self._tk.lcut(text)
        table = self._tag_table()
        tags = [table[w] if w in table else _untagged(w) for w in words]
        out = _laid_end_to_end(text, zip(words, tags), offset)
        # None: jieba keeps every character; a custom dictionary could not change that
        return align(text, words, offset, tags) if out is None else out


class PkusegSegmenter:
    """pkuseg 0.0.25 with its shipped default model and the domain words as a user dictionary (no tags)."""

    def __init__(self) -> None:
        try:
            import pkuseg  # noqa: PLC0415
        except ImportError as exc:
            raise PolicyParseError(None, "segmenter 'pkuseg' is not installed: run "
                                   "`pip install numpy cython && pip install --no-build-isolation pkuseg==0.0.25`") from exc
        self._seg = pkuseg.pkuseg(user_dict=[w for w, _, _ in domain_words()])

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        for line in text.split("\n"):  # pkuseg reads a line at a time and drops whitespace
            if line.strip():
                out.extend(self._seg.cut(line))
        return out


register_segmenter("rjieba", RJiebaSegmenter)
register_segmenter("jieba", JiebaSegmenter)
register_segmenter("pkuseg", PkusegSegmenter)


def align(text: str, words: Iterable[str], offset: int = 0, tags: Optional[Iterable[str]] = None) -> list[Token]:
    """Tokens for ``words`` found in order in ``text`` (whitespace words dropped), tagged with ``tags``.

    Backends may drop whitespace or normalise nothing else; a word that cannot
    be found where expected is an error of the backend, reported as such.

    Example:
        >>> [(t.text, t.start, t.end) for t in align("抓好 学习", ["抓好", "学习"], offset=10)]
        [('抓好', 10, 12), ('学习', 13, 15)]
        >>> [(t.text, t.pos) for t in align("抓好学习", ["抓好", "学习"], tags=["v", "v"])]
        [('抓好', 'v'), ('学习', 'v')]
    """
    words = list(words)
    tag_list = [""] * len(words) if tags is None else list(tags)
    if "".join(words) == text:  # the backend kept every character (jieba does): offsets add up
        starts = accumulate(map(len, words), initial=offset)
        new = tuple.__new__  # builds the named tuple in C: a parse makes hundreds of thousands
        return [new(Token, (w, s, s + len(w), p)) for w, s, p in zip(words, starts, tag_list) if not w.isspace()]
    tokens = []
    pos = 0
    for w, p in zip(words, tag_list):
        if not w or w.isspace():
            if text.startswith(w, pos):
                pos += len(w)
            continue
        if not text.startswith(w, pos):
            found = text.find(w, pos)
            if found < 0 or text[pos:found].strip():
                raise PolicyParseError(None, f"segmenter returned {w!r}, which is not the text at offset {offset + pos}")
            pos = found
        tokens.append(Token(w, offset + pos, offset + pos + len(w), p))
        pos += len(w)
    return tokens


def tokenize(text: str, start: int = 0, end: int | None = None, *, segmenter: str = DEFAULT_SEGMENTER) -> list[Token]:
    """Segment ``text[start:end]`` into tagged tokens with offsets into ``text`` (one backend call).

    Example:
        >>> [(t.text, t.start, t.pos) for t in tokenize("深入研究中长期发展战略")]
        [('深入', 0, 'd'), ('研究', 2, 'v'), ('中长期', 4, 'j'), ('发展', 7, 'v'), ('战略', 9, 'n')]
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    seg = _LOADED.get(segmenter) or get_segmenter(segmenter)
    fast = getattr(seg, "tokens", None)
    if fast is not None:
        return fast(piece, start)  # type: ignore[no-any-return]
    tag = getattr(seg, "tag", None)
    if tag is None:
        return align(piece, seg.cut(piece), offset=start)
    pairs = tag(piece)
    return align(piece, [w for w, _ in pairs], offset=start, tags=[p for _, p in pairs])


def words(text: str, start: int = 0, end: int | None = None, *, segmenter: str = DEFAULT_SEGMENTER) -> list[Token]:
    """The tokens of :func:`tokenize`, possibly untagged: a backend with ``word_tokens``
    (rjieba) cuts without tagging, in half the time; any other gives :func:`tokenize`'s
    tagged tokens. For a reader that needs the words and seldom a tag (a clause's head
    read for its verb): it asks :func:`tokenize` again for the tags where it needs them.

    Example:
        >>> [(t.text, t.start) for t in words("深入研究中长期发展战略")]
        [('深入', 0), ('研究', 2), ('中长期', 4), ('发展', 7), ('战略', 9)]
    """
    seg = _LOADED.get(segmenter) or get_segmenter(segmenter)
    fast = getattr(seg, "word_tokens", None)
    if fast is None:
        return tokenize(text, start, end, segmenter=segmenter)
    end = len(text) if end is None else end
    return fast(text[start:end], start)  # type: ignore[no-any-return]
