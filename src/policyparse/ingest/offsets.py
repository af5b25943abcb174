"""Offset maps: from positions in a normalised text back to the raw text.

Normalisation deletes and replaces characters (zero-width spaces, stray line
breaks, scraping debris, CRLF ...). Every step records what it did as an
:class:`OffsetMap`, so that every span in ``Plan.text`` can be carried back to
the decoded file (``raw_span``). Maps compose: a chain of steps is a chain of
maps applied from the last step back to the first.

The representation is a sorted list of *segments*: a run of output characters
``[out_start, out_start + out_len)`` that came from input characters
``[in_start, in_start + in_len)``. Unchanged runs have equal lengths and map
character by character; a replacement of different length maps its ends.
Input characters that produced no output (deletions) fall between segments.
"""
from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import regex


@dataclass
class OffsetMap:
    """Positions of an output text mapped back to its input text."""

    out_len: int
    in_len: int
    out_starts: list[int] = field(default_factory=list)
    in_starts: list[int] = field(default_factory=list)
    out_lens: list[int] = field(default_factory=list)
    in_lens: list[int] = field(default_factory=list)

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        m = cls(n, n)
        if n:
            m.out_starts, m.in_starts, m.out_lens, m.in_lens = [0], [0], [n], [n]
        return m

    @property
    def is_identity(self) -> bool:
        return self.out_len == self.in_len and len(self.out_starts) <= 1 and (
            not self.out_starts or (self.out_lens[0] == self.in_lens[0] == self.out_len))

    def start(self, pos: int) -> int:
        """Input position of the character that output position ``pos`` starts at."""
        if pos >= self.out_len:
            return self.in_len
        i = bisect_right(self.out_starts, pos) - 1
        o, s, ol, il = self.out_starts[i], self.in_starts[i], self.out_lens[i], self.in_lens[i]
        if ol == il:
            return s + (pos - o)
        return s  # inside a replacement: its start

    def end(self, pos: int) -> int:
        """Input position just after the character that ends before output ``pos``."""
        if pos <= 0:
            return 0 if not self.out_starts else self.in_starts[0]
        i = bisect_right(self.out_starts, pos - 1) - 1
        o, s, ol, il = self.out_starts[i], self.in_starts[i], self.out_lens[i], self.in_lens[i]
        if ol == il:
            return s + (pos - o)
        return s + il  # inside a replacement: its end

    def _arrays(self):
        """The segments as numpy arrays (built once the map is complete)."""
        cached = self.__dict__.get("_array_cache")
        if cached is None or cached[0] != len(self.out_starts):
            import numpy as np  # noqa: PLC0415 - only for mapping many spans at once

            arrays = tuple(np.asarray(v, dtype=np.int64) for v in (self.out_starts, self.in_starts, self.out_lens, self.in_lens))
            cached = (len(self.out_starts), arrays)
            self.__dict__["_array_cache"] = cached
        return cached[1]

    def starts_array(self, pos: "np.ndarray") -> "np.ndarray":
        """:meth:`start` for a numpy array of positions."""
        import numpy as np  # noqa: PLC0415

        if not self.out_starts:
            return np.full_like(pos, self.in_len)
        os_, is_, ol, il = self._arrays()
        i = np.clip(np.searchsorted(os_, pos, side="right") - 1, 0, len(os_) - 1)
        res = np.where(ol[i] == il[i], is_[i] + (pos - os_[i]), is_[i])
        res[pos >= self.out_len] = self.in_len
        return res

    def ends_array(self, pos: "np.ndarray") -> "np.ndarray":
        """:meth:`end` for a numpy array of positions."""
        import numpy as np  # noqa: PLC0415

        if not self.out_starts:
            return np.zeros_like(pos)
        os_, is_, ol, il = self._arrays()
        i = np.clip(np.searchsorted(os_, pos - 1, side="right") - 1, 0, len(os_) - 1)
        res = np.where(ol[i] == il[i], is_[i] + (pos - os_[i]), is_[i] + il[i])
        res[pos <= 0] = is_[0]
        return res

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map an output span ``[start, end)`` to an input span."""
        if end <= start:
            p = self.start(start)
            return (p, p)
        return (self.start(start), self.end(end))


class Edits:
    """Collect non-overlapping edits on a text and apply them with an offset map.

    Example:
        >>> e = Edits("a\\u200bb")
        >>> e.replace(1, 2, "")
        >>> text, m = e.apply()
        >>> text, m.span(0, 2)
        ('ab', (0, 3))
    """

    def __init__(self, text: str):
        self.text = text
        self._edits: list[tuple[int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> None:
        if self.text[start:end] != new:
            self._edits.append((start, end, new))

    def sub(self, pattern: "regex.Pattern[str]", repl: str | Callable[["regex.Match[str]"], str]) -> None:
        """Record a replacement for every match of ``pattern``."""
        for m in pattern.finditer(self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            self.replace(m.start(), m.end(), new)

    def apply(self) -> tuple[str, OffsetMap]:
        text = self.text
        edits = sorted(self._edits)
        out: list[str] = []
        m = OffsetMap(0, len(text))
        pos_in = 0
        pos_out = 0

        def keep(s: int, e: int) -> None:
            nonlocal pos_out
            if e > s:
                out.append(text[s:e])
                _append(m, pos_out, s, e - s, e - s)
                pos_out += e - s

        for s, e, new in edits:
            if s < pos_in:  # overlapping edit: the earlier one wins
                continue
            keep(pos_in, s)
            if new:
                out.append(new)
                _append(m, pos_out, s, len(new), e - s)
                pos_out += len(new)
            pos_in = e
        keep(pos_in, len(text))
        m.out_len = pos_out
        return "".join(out), m


def _append(m: OffsetMap, out_start: int, in_start: int, out_len: int, in_len: int) -> None:
    # merge with the previous segment when both are plain copies that touch
    if (
        m.out_starts
        and out_len == in_len
        and m.out_lens[-1] == m.in_lens[-1]
        and m.out_starts[-1] + m.out_lens[-1] == out_start
        and m.in_starts[-1] + m.in_lens[-1] == in_start
    ):
        m.out_lens[-1] += out_len
        m.in_lens[-1] += in_len
        return
    m.out_starts.append(out_start)
    m.in_starts.append(in_start)
    m.out_lens.append(out_len)
    m.in_lens.append(in_len)


#: the fewest spans for which :meth:`MapChain.spans` loads numpy to map them
VECTOR_MIN = 400


@dataclass
class MapChain:
    """A sequence of offset maps, first step first; maps spans back through all of them."""

    maps: list[OffsetMap] = field(default_factory=list)

    def add(self, m: OffsetMap) -> None:
        if not m.is_identity:  # most steps change nothing in most texts
            self.maps.append(m)

    def span(self, start: int, end: int) -> tuple[int, int]:
        for m in reversed(self.maps):
            start, end = m.span(start, end)
        return (start, end)

    def spans(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Map many spans at once: vectorised with numpy (about 3 µs a span less than
        :meth:`span`), but span by span when there are fewer than :data:`VECTOR_MIN` and
        numpy is not loaded yet, where the loop costs less than importing numpy (a short
        plan's cold start); both give the same spans."""
        pairs = list(spans)
        if not pairs:
            return []
        if not self.maps:
            return [(s, e) for s, e in pairs]
        if len(pairs) < VECTOR_MIN and "numpy" not in sys.modules:
            return [self.span(s, e) for s, e in pairs]
        return self._spans_array(pairs)

    def iter_spans(self, spans: Iterable[tuple[int, int]], block: int = 8192) -> Iterator[tuple[int, int]]:
        """:meth:`spans` a block at a time: the same spans, but never the lists of all
        of them at once (a large plan maps hundreds of thousands of spans, and the
        mapped list, its ints and numpy's ``tolist`` copies cost about 200 bytes a
        span; issue 15, memory flat in size)."""
        it = iter(spans)
        while chunk := list(islice(it, block)):
            yield from self.spans(chunk)

    def _spans_array(self, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        import numpy as np  # noqa: PLC0415

        starts = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
        ends = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
        for m in reversed(self.maps):
            empty = ends <= starts
            new_starts = m.starts_array(starts)
            ends = m.ends_array(ends)
            ends[empty] = new_starts[empty]
            starts = new_starts
        return list(zip(starts.tolist(), ends.tolist()))
