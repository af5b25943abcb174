"""What a format library logs while it reads a file, kept for the plan's warnings.

pypdf reports the robustness fixes it applies to a broken PDF ("EOF marker
not found", "incorrect startxref pointer") with :mod:`logging`; unconfigured,
Python prints those to stderr without saying which file they are about. While
a reader runs inside :func:`collecting`, the records of the named libraries'
loggers *logged from this thread* go into a list instead (they become
``reader-warning`` entries of ``plan.warnings``); records of other threads,
and any outside :func:`collecting`, pass through untouched. Nothing global is
switched on and off: the filter stays installed and looks at a thread-local
list, so concurrent parses neither lose nor swap each other's records.

Example:
    >>> import logging, pypdf
    >>> notes = []
    >>> with collecting(notes, "pypdf"):
    ...     logging.getLogger("pypdf._reader").warning("EOF marker not found")
    >>> notes
    ['EOF marker not found']
"""
from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_local = threading.local()
_install_lock = threading.Lock()


class _Divert(logging.Filter):
    """Keeps a record in the current thread's list, if it has one, instead of logging it."""

    def filter(self, record: logging.LogRecord) -> bool:
        notes = getattr(_local, "notes", None)
        if notes is None:
            return True
        try:
            notes.append(record.getMessage())
        except Exception:  # noqa: BLE001 - a malformed record is still dropped, never raised
            notes.append(str(record.msg))
        return False


_DIVERT = _Divert()


def _install(package: str) -> None:
    """The filter on the logger of every imported module of ``package``.

    A logger's filters are not inherited by its children, and libraries log
    to ``logging.getLogger(__name__)``, so each module's logger gets it
    (again for modules imported since the last call)."""
    with _install_lock:
        for name in [m for m in list(sys.modules) if m == package or m.startswith(package + ".")]:
            logger = logging.getLogger(name)
            if _DIVERT not in logger.filters:
                logger.addFilter(_DIVERT)


@contextmanager
def collecting(notes: list[str], *packages: str) -> Iterator[list[str]]:
    """Collect into ``notes`` what ``packages`` log from this thread meanwhile."""
    for package in packages:
        _install(package)
    previous = getattr(_local, "notes", None)
    _local.notes = notes
    try:
        yield notes
    finally:
        _local.notes = previous


__all__ = ["collecting"]
