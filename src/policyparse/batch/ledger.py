"""The output folder of ``policyparse batch``, safe to interrupt and resume.

Three JSON Lines files, one record per line:

* ``plans.jsonl``: each parsed file, the document JSON of ``policyparse parse``
  with ``sha256`` (of the file's bytes) and ``source`` first;
* ``errors.jsonl``: each file that failed: ``source``, ``error``, ``message``, ``sha256``;

A file name that is not valid text (a GBK name from a Windows zip) is
stored losslessly: ``source`` is its readable form and ``source_bytes`` its
exact bytes in base64 (:mod:`policyparse.names`), so every line is valid
UTF-8 and ``--resume`` matches the file by its exact name.
* ``duplicates.jsonl``: each file whose bytes equal a file already recorded
  under another name: ``source``, ``sha256``, ``same_as`` (that file). A
  content is parsed once: the hash is the key.

Each record is written as one complete line by a single ``write`` to a file
opened for appending, so a process killed at any moment leaves whole lines
(the kernel keeps what was written) and at worst the tail of the line being
written (when the disk or machine fails: files are also ``fsync``-ed every
second and at the end). On ``--resume`` a torn last line is cut off, and the
hashes of the records present are what is done: those files are not parsed
again and no record is written twice. (A file that could not be read at all
has no hash: it is tried again, and its error is not recorded twice.)

The folder is locked while a :class:`Ledger` is open (``.lock``, an
``flock`` the kernel releases when the process ends, even by ``kill -9``): a
second run into the same folder, or a ``--resume`` started while a run is
going, is refused with a :class:`LedgerBusy` naming the process that holds
it. A write the disk refuses (full, quota) is undone to the last whole line
and raised as a one-line :class:`~policyparse.outputs.DiskError`.

Example:
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> with Ledger(out, resume=False) as ledger:
    ...     ledger.add("errors", {"source": "a.txt", "error": "PolicyParseError", "message": "file is empty", "sha256": "e3b0"})
    >>> with Ledger(out, resume=True) as ledger:
    ...     ledger.done
    {'e3b0': ('a.txt', 'errors')}
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Optional

from ..names import from_record
from ..outputs import disk_error

FILES = ("plans", "errors", "duplicates")
_PREFIX = b'{"sha256": "'
_FSYNC_EVERY = 1.0  # seconds


class LedgerError(Exception):
    """The output folder cannot be used as asked (a usage error)."""


class LedgerBusy(LedgerError):
    """Another process is writing to the output folder."""


LOCK_NAME = ".lock"


def _lock(out_dir: Path) -> int:
    """Take the folder's lock (``out_dir/.lock``) or raise :class:`LedgerBusy`; return its descriptor."""
    path = out_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform == "win32":  # pragma: no cover - POSIX here
            import msvcrt  # noqa: PLC0415

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 64).decode("ascii", "replace").strip()
        except OSError:  # Windows: the locked byte cannot be read by another process
            holder = ""
        os.close(fd)
        who = f" (process {holder})" if holder.isdigit() else ""
        raise LedgerBusy(f"{out_dir} is in use by another policyparse batch{who}: wait for it to end, "
                         "or choose another output folder") from None
    os.ftruncate(fd, 0)  # the holder's process id, for the message a second run gets
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, str(os.getpid()).encode("ascii"))
    return fd


class Ledger:
    """Append-only record files in ``out_dir``, with what they already hold.

    ``done`` maps the hash of each recorded file to its source and the file
    it is in (``"plans"`` or ``"errors"``); ``duplicate_sources`` is the set of
    sources already in ``duplicates.jsonl``; ``repaired`` names the files whose
    torn last line was cut off.
    """

    def __init__(self, out_dir: Path, resume: bool):
        self.out_dir = Path(out_dir)
        self.paths = {name: self.out_dir / f"{name}.jsonl" for name in FILES}
        self.done: dict[str, tuple[str, str]] = {}
        self.duplicate_sources: set[str] = set()
        #: sources in errors.jsonl that could not be read at all (no hash to key them by)
        self.unreadable_sources: set[str] = set()
        self.repaired: list[str] = []
        self._fds: dict[str, int] = {}
        self._lock: Optional[int] = None
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.out_dir)  # before reading: another run may be writing
        try:
            held = [p for p in self.paths.values() if p.exists() and p.stat().st_size > 0]
            if held and not resume:
                raise LedgerError(f"{self.out_dir} already holds results ({', '.join(p.name for p in held)}): "
                                  "use --resume to continue that run, or choose another output folder")
            for name in FILES:
                if self.paths[name].exists():
                    self._load(name)
        except BaseException:
            self._unlock()
            raise
        self._last_sync = time.monotonic()

    # --- reading what is there ---------------------------------------------------------
    def _load(self, name: str) -> None:
        path = self.paths[name]
        if _cut_torn_line(path):
            self.repaired.append(path.name)
        with open(path, "rb") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    digest, source = _key(line)
                except ValueError:
                    raise LedgerError(f"{path}: line {number} is not a record; the file is damaged") from None
                if name == "duplicates":
                    self.duplicate_sources.add(source)
                elif digest is not None:
                    self.done.setdefault(digest, (source, name))
                elif name == "errors":
                    self.unreadable_sources.add(source)

    # --- writing -------------------------------------------------------------------------
    def add(self, name: str, record: dict[str, Any]) -> None:
        """Append one record to ``<name>.jsonl`` as one complete line."""
        self.add_line(name, json.dumps(record, ensure_ascii=False))

    def add_line(self, name: str, json_line: str) -> None:
        """Append a record already encoded as JSON (one line, no line end).

        Raises:
            DiskError: the disk refused the write; the file is cut back to
                its last whole line.
        """
        line = (json_line + "\n").encode("utf-8")  # a lone surrogate raises here, before anything is written
        path = self.paths[name]
        try:
            fd = self._fds.get(name)
            if fd is None:
                fd = self._fds[name] = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            size = os.fstat(fd).st_size
        except OSError as exc:
            raise disk_error(path, exc) from None
        view = memoryview(line)
        try:
            while view:
                written = os.write(fd, view)
                view = view[written:]
        except OSError as exc:
            try:
                os.ftruncate(fd, size)  # no half line left behind
            except OSError:
                pass  # --resume cuts a torn last line off
            raise disk_error(path, exc) from None
        if time.monotonic() - self._last_sync >= _FSYNC_EVERY:
            self.sync()

    def sync(self) -> None:
        """Flush what was written to the disk."""
        for name, fd in self._fds.items():
            try:
                os.fsync(fd)
            except OSError as exc:
                raise disk_error(self.paths[name], exc) from None
        self._last_sync = time.monotonic()

    def close(self) -> None:
        """Sync and close the files; release the folder's lock."""
        try:
            self.sync()
        finally:
            for fd in self._fds.values():
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._fds.clear()
            self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None

    def __del__(self) -> None:
        try:
            self._unlock()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


_DECODER = json.JSONDecoder()
_BYTES_KEY = ', "source_bytes": '
_HEAD = 1 << 16  # a record's name is read from its first 64 KB


def _key(line: bytes) -> tuple[Optional[str], str]:
    """The ``sha256`` and file name of a record line (the exact name, as
    :func:`policyparse.names.from_record` gives it), without decoding a whole plan."""
    if line.startswith(_PREFIX) and line[76:89] == b'", "source": ':
        head = line[89:89 + _HEAD].decode("utf-8", "replace")
        source, end = _DECODER.raw_decode(head)
        fields = {"source": source}
        if head.startswith(_BYTES_KEY, end):
            fields["source_bytes"], _ = _DECODER.raw_decode(head, end + len(_BYTES_KEY))
        return line[12:76].decode("ascii"), from_record(fields)
    record = json.loads(line)
    if not isinstance(record, dict) or "source" not in record:
        raise ValueError("not a record")
    return record.get("sha256"), from_record(record)


def _cut_torn_line(path: Path) -> bool:
    """Cut off a last line without its line end (a write that was interrupted)."""
    size = path.stat().st_size
    if size == 0:
        return False
    with open(path, "r+b") as f:
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return False
        pos = size
        block = 1 << 16
        while pos > 0:
            start = max(0, pos - block)
            f.seek(start)
            chunk = f.read(pos - start)
            i = chunk.rfind(b"\n")
            if i >= 0:
                f.truncate(start + i + 1)
                return True
            pos = start
        f.truncate(0)
        return True


__all__ = ["Ledger", "LedgerError", "LedgerBusy", "FILES", "LOCK_NAME"]
