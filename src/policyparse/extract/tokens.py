"""Word segmentation: pluggable backends that return tokens with character offsets.

Chinese has no spaces, so finding a verb or the end of a noun phrase needs a
segmenter. Two backends are built in:

- ``"jieba"`` (the default): fast; loaded with the package's domain dictionary
  (``data/dictionary.txt``: policy terms such as 毛入学率, 立德树人, body names,
  the verbs of ``data/verbs.json``) in a private ``jieba.Tokenizer``, so the
  user's own jieba setup is left alone;
- ``"pkuseg"``: more accurate on news-style text and about ten times slower
  (install with ``pip install --no-build-isolation pkuseg==0.0.25``); the same
  domain words are given to it as a user dictionary.

Any object with a ``cut(text) -> list[str]`` method can be registered with
:func:`register_segmenter`. Tokens always carry ``[start, end)`` offsets into
the text they were cut from, whatever the backend drops or keeps.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Iterable, NamedTuple, Protocol

from ..errors import PolicyParseError
from ..data import data_path


class Token(NamedTuple):
    """One word: its text and its ``[start, end)`` span in the segmented text."""

    text: str
    start: int
    end: int


class Segmenter(Protocol):
    """What a backend provides: words whose concatenation is the text, give or take whitespace."""

    def cut(self, text: str) -> list[str]: ...


_FACTORIES: dict[str, Callable[[], Segmenter]] = {}


def register_segmenter(name: str, factory: Callable[[], Segmenter]) -> None:
    """Make ``factory()`` available as ``segmenter=name`` (called once, on first use).

    Example:
        >>> class CharSegmenter:
        ...     def cut(self, text): return list(text)
        >>> register_segmenter("char", CharSegmenter)
        >>> [t.text for t in tokenize("抓好学习", segmenter="char")]
        ['抓', '好', '学', '习']
    """
    _FACTORIES[name] = factory
    get_segmenter.cache_clear()


@lru_cache(maxsize=None)
def get_segmenter(name: str = "jieba") -> Segmenter:
    """The backend registered as ``name`` (built once per process)."""
    if name not in _FACTORIES:
        raise PolicyParseError(None, f"unknown segmenter {name!r} (available: {', '.join(sorted(_FACTORIES))})")
    return _FACTORIES[name]()


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


class JiebaSegmenter:
    """jieba in a private ``Tokenizer`` with the domain dictionary (HMM on for unknown words)."""

    def __init__(self) -> None:
        import jieba  # noqa: PLC0415 - heavy (dictionary load): only when segmenting

        logger = logging.getLogger("jieba")
        level = logger.level
        logger.setLevel(logging.WARNING)  # jieba reports its dictionary load on stderr
        try:
            self._tk = jieba.Tokenizer()
            self._tk.initialize()
            for word, freq, pos in domain_words():
                self._tk.add_word(word, freq, pos)
        finally:
            logger.setLevel(level)

    def cut(self, text: str) -> list[str]:
        return self._tk.lcut(text)


class PkusegSegmenter:
    """pkuseg 0.0.25 with its shipped default model and the domain words as a user dictionary."""

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


register_segmenter("jieba", JiebaSegmenter)
register_segmenter("pkuseg", PkusegSegmenter)


def align(text: str, words: Iterable[str], offset: int = 0) -> list[Token]:
    """Tokens for ``words`` found in order in ``text`` (whitespace words dropped).

    Backends may drop whitespace or normalise nothing else; a word that cannot
    be found where expected is an error of the backend, reported as such.

    Example:
        >>> [(t.text, t.start, t.end) for t in align("抓好 学习", ["抓好", "学习"], offset=10)]
        [('抓好', 10, 12), ('学习', 13, 15)]
    """
    words = list(words)
    if "".join(words) == text:  # the backend kept every character (jieba does): offsets add up
        starts = accumulate(map(len, words), initial=offset)
        new = tuple.__new__  # builds the named tuple in C: a parse makes hundreds of thousands
        return [new(Token, (w, s, s + len(w))) for w, s in zip(words, starts) if not w.isspace()]
    tokens = []
    pos = 0
    for w in words:
        if not w or w.isspace():
            if text.startswith(w, pos):
                pos += len(w)
            continue
        if not text.startswith(w, pos):
            found = text.find(w, pos)
            if found < 0 or text[pos:found].strip():
                raise PolicyParseError(None, f"segmenter returned {w!r}, which is not the text at offset {offset + pos}")
            pos = found
        tokens.append(Token(w, offset + pos, offset + pos + len(w)))
        pos += len(w)
    return tokens


def tokenize(text: str, start: int = 0, end: int | None = None, *, segmenter: str = "jieba") -> list[Token]:
    """Segment ``text[start:end]`` into tokens with offsets into ``text``.

    Example:
        >>> [(t.text, t.start) for t in tokenize("深入研究中长期发展战略")]
        [('深入', 0), ('研究', 2), ('中长期', 4), ('发展', 7), ('战略', 9)]
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    return align(piece, get_segmenter(segmenter).cut(piece), offset=start)
