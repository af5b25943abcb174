"""Writing output files safely: whole or not at all, never over an input.

Every file policyparse writes (``parse -o``, the CSV, Parquet and GraphML
exports, ``diff -o``, ``panel -o``) goes through :func:`atomic_path` or
:func:`atomic_open`:

* the output is first checked against the inputs: a path that *is* an input
  (the same file, through any name or link) is refused before anything is
  opened, so ``policyparse parse plan.txt -o plan.txt`` cannot empty the plan;
* it is written to a temporary file in the same folder (``.NAME.XXXX.tmp``)
  and renamed into place when complete (``os.replace``, atomic on POSIX and
  Windows), so a reader never sees half a file and a failed run leaves the
  previous file as it was;
* a disk error (full disk, quota, read-only folder) becomes a one-line
  :class:`~policyparse.errors.PolicyParseError` naming the file, and the
  temporary file is removed.

Example:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with atomic_open(folder / "out.txt", "w") as f:
    ...     _ = f.write("规划")
    >>> (folder / "out.txt").read_text("utf-8"), sorted(p.name for p in folder.iterdir())
    ('规划', ['out.txt'])
    >>> check_not_input(folder / "out.txt", [folder / "out.txt"])
    Traceback (most recent call last):
    ...
    policyparse.errors.PolicyParseError: .../out.txt: is an input file; writing there would destroy it: choose another output
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Union

from .errors import PolicyParseError
from .names import readable

PathArg = Union[str, "os.PathLike[str]"]


def same_file(a: PathArg, b: PathArg) -> bool:
    """Whether two paths name one existing file (by device and inode, so links count)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_not_input(out: PathArg, inputs: Iterable[PathArg]) -> None:
    """Refuse an output that is one of ``inputs``.

    Raises:
        PolicyParseError: ``out`` is the same file as an input.
    """
    if not os.path.exists(out):
        return
    for item in inputs:
        if same_file(out, item):
            raise PolicyParseError(readable(out), "is an input file; writing there would destroy it: "
                                                  "choose another output")


class DiskError(PolicyParseError):
    """An output could not be written (full disk, quota, no permission): not
    the input's fault, so the command line reports it apart (exit 1, one line)."""


def disk_error(path: PathArg, exc: OSError) -> DiskError:
    """An ``OSError`` met while writing ``path`` as a one-line error.

    Example:
        >>> str(disk_error("out.json", OSError(28, "No space left on device")))
        'out.json: cannot write (No space left on device)'
    """
    return DiskError(readable(path), f"cannot write ({exc.strerror or exc})")


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: PathArg, inputs: Iterable[PathArg] = ()) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to ``path`` when the block ends
    without error; removed otherwise. For writers that take a path
    (``networkx.write_graphml``, ``DataFrame.to_parquet``).

    Raises:
        PolicyParseError: ``path`` is an input, or the disk refused the write.
    """
    target = Path(path)
    check_not_input(target, inputs)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
    except OSError as exc:
        raise disk_error(target, exc) from None
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise disk_error(target, exc) from None
    except BaseException:
        _remove(tmp)
        raise


@contextlib.contextmanager
def atomic_open(path: PathArg, mode: str = "w", inputs: Iterable[PathArg] = (), **kwargs: Any) -> Iterator[IO[Any]]:
    """``open(path, mode)`` written through :func:`atomic_path` (text mode is UTF-8
    unless ``encoding`` is given); the file is flushed to the disk before the rename."""
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    with atomic_path(path, inputs) as tmp:
        try:
            with open(tmp, mode, **kwargs) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise disk_error(path, exc) from None


__all__ = ["DiskError", "atomic_path", "atomic_open", "check_not_input", "same_file", "disk_error"]
