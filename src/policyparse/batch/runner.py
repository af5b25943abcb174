"""Parsing many plans at once: on all cores of a laptop or on a dask cluster.

:func:`parse_many` takes files, folders (searched recursively) or glob
patterns and yields one :class:`BatchResult` per file, in input order (or as
each is done, ``ordered=False``). A file that fails gives a result with its
error; it never stops the others. Results stream: only a few files per worker
are in flight at any time (read, sent, parsed, returned), so memory stays
flat however large the corpus is.

The parent process reads each file and hashes its bytes (SHA-256, the key of
``policyparse batch --resume``); a worker gets the bytes, reads them like
:func:`policyparse.read` (any format), parses them like
:func:`policyparse.parse_file` (metadata from the file name included) and
sends back the plan as one line of JSON. Because the bytes travel with the
task, the ``dask`` engine needs no file system shared with its workers.

Engines:

* ``"process"``: a :class:`concurrent.futures.ProcessPoolExecutor` of
  ``n_jobs`` processes started with ``spawn``; ``n_jobs=1`` parses in the
  calling process, without a pool;
* ``"dask"``: a ``dask.distributed`` client of the scheduler at
  ``scheduler`` (``"tcp://host:8786"``), or of a ``LocalCluster`` of
  ``n_jobs`` single-threaded worker processes when none is given.

Both give the same records, which are what ``policyparse parse --format
jsonl`` writes, with ``sha256`` and ``source`` first (and ``source_bytes``,
the exact name in base64, when the name is not valid text: see
:mod:`policyparse.names`).

The workers run only policyparse code, never the caller's. While they
start, ``__main__`` is hidden from :mod:`multiprocessing`, so they do not
import the calling script again: a plain script needs no ``if __name__ ==
"__main__":`` guard, a script read from standard input works, and so does a
notebook. Each worker watches its parent and exits when the parent is gone
(killed with ``kill -9``), so no worker outlives a batch. A worker that dies
(killed, out of memory) stops the run with a :class:`PolicyParseError`, never
a hang: workers hand back results through files (see :class:`WorkerPool`).

Example:
    >>> results = list(parse_many("corpora/*.txt", n_jobs=1, progress=False, extract=False))
    >>> [(r.ok, r.record["meta"]["year"], len(r.sha256)) for r in results]
    [(True, 2019, 64)]
"""
from __future__ import annotations

import collections
import contextlib
import glob
import hashlib
import json
import os
import pickle
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Deque, Iterable, Iterator, Optional, Union

from ..errors import PolicyParseError
from ..names import clean_text, readable, source_fields

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan

PathsOrGlob = Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]]

ENGINES = ("process", "dask")
_GLOB_CHARS = set("*?[")


@dataclass
class BatchResult:
    """The outcome of parsing one file of a batch.

    ``line`` is the plan's record as one line of JSON, made in the worker (the
    plan as :meth:`Plan.to_dict` gives it, with ``sha256`` and ``source``
    added first; ``None`` when the file failed), and ``record`` the same as
    a dict; ``error`` the
    class of the exception (``PolicyParseError`` for bad input, anything else
    is an internal error) and ``message`` what it says; ``sha256`` the hash of
    the file's bytes (``None`` when it could not be read); ``chars`` the
    length of the decoded text.
    """

    source: str
    sha256: Optional[str]
    line: Optional[str] = field(default=None, repr=False)
    error: Optional[str] = None
    message: Optional[str] = None
    chars: int = 0
    _record: Optional[dict[str, Any]] = field(default=None, repr=False, compare=False)
    _plan: Optional["Plan"] = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """Whether the file was parsed."""
        return self.error is None

    @property
    def record(self) -> Optional[dict[str, Any]]:
        """The plan's record as a dict (``None`` for a failure)."""
        if self.line is None:
            return None
        if self._record is None:
            self._record = json.loads(self.line)
        return self._record

    @property
    def plan(self) -> Optional["Plan"]:
        """The parsed plan, rebuilt from ``record`` (``None`` for a failure).

        Rebuilt from JSON, it has no ``raw_text`` and offset map: parse the
        file again for :meth:`Plan.raw_span`.
        """
        if self.record is None:
            return None
        if self._plan is None:
            from ..model import Plan  # noqa: PLC0415

            self._plan = Plan.from_dict(self.record)
        return self._plan

    def error_record(self) -> dict[str, Any]:
        """The failure as ``errors.jsonl`` stores it (the name as :func:`policyparse.names.source_fields` gives it)."""
        return {**source_fields(self.source), "error": self.error, "message": self.message, "sha256": self.sha256}


def expand(paths_or_glob: PathsOrGlob, exclude: Optional[Path] = None) -> list[str]:
    """The files named by paths, folders (recursively; hidden files and
    folders skipped) and glob patterns (``**`` recursive), in the order given
    (sorted within a folder or a pattern), each once; files under ``exclude``
    are left out.

    Example:
        >>> expand("corpora")
        ['corpora/edu-bureau-2019.txt']

    Raises:
        PolicyParseError: a path that does not exist, or nothing found.
    """
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    skip = exclude.resolve() if exclude is not None else None
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        name = os.fspath(item)
        path = Path(name)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*")
                           if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif _GLOB_CHARS & set(name) and not path.exists():
            found = sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
        else:
            found = [name]  # a missing file fails on its own, as one bad file among the others
        for f in found:
            if skip is not None and Path(f).resolve().is_relative_to(skip):
                continue
            if f not in seen:
                seen.add(f)
                out.append(f)
    if not out:
        raise PolicyParseError(", ".join(os.fspath(i) for i in items) or "<no input>", "no files found")
    return out


def resolve_jobs(n_jobs: int) -> int:
    """The number of workers ``n_jobs`` asks for: -1 all cores, -2 all but one …

    Example:
        >>> resolve_jobs(2)
        2
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if n_jobs == 0 or not isinstance(n_jobs, int):
        raise ValueError(f"n_jobs must be a positive number of workers or -1 (all cores), not {n_jobs!r}")
    return max(1, cores + 1 + n_jobs) if n_jobs < 0 else n_jobs


def parse_many(
    paths_or_glob: PathsOrGlob,
    n_jobs: int = -1,
    engine: str = "process",
    progress: Optional[bool] = None,
    *,
    ordered: bool = True,
    scheduler: Optional[str] = None,
    skip: Optional[Callable[[str, str], bool]] = None,
    meta: Optional[dict[str, Any]] = None,
    meta_from_name: bool = True,
    sentences: bool = True,
    extract: bool = True,
    segmenter: str = "rjieba",
    max_in_flight: Optional[int] = None,
    limits: Optional[Any] = None,
) -> Iterator[BatchResult]:
    """Parse many files in parallel; yield a :class:`BatchResult` for each.

    Args:
        paths_or_glob: a file, a folder (all files below it), a glob pattern
            (``"plans/**/*.docx"``), or a list of any of these.
        n_jobs: worker processes: -1 all cores (the default), 1 in this process.
        engine: ``"process"`` (this machine) or ``"dask"`` (a dask.distributed cluster).
        progress: show a progress bar (tqdm; a widget in a notebook): ``None``
            (the default) shows it only when standard error is a terminal.
        ordered: yield in input order (default); ``False`` as each file is done.
        scheduler: with ``engine="dask"``, the scheduler's address; a
            LocalCluster of ``n_jobs`` workers when ``None``.
        skip: called with ``(source, sha256)`` before a file is sent to be
            parsed; a file it returns True for is neither parsed nor yielded
            (``policyparse batch --resume`` skips what is done this way).
        meta: metadata that overrides what is detected, for every file.
        meta_from_name, sentences, extract, segmenter: as for :func:`policyparse.parse_file`.
        max_in_flight: files sent and not yet returned (default: 2 per worker).
        limits: the readers' limits, as for :func:`policyparse.parse_file`.

    Example:
        >>> for r in parse_many(["corpora", "missing.txt"], n_jobs=1, progress=False, extract=False):
        ...     print(r.source, r.ok, r.message or len(r.plan.items))
        corpora/edu-bureau-2019.txt True 27
        missing.txt False no such file

    Raises:
        PolicyParseError: nothing matches ``paths_or_glob``.
        ValueError: an unknown engine or a bad ``n_jobs``.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    _refuse_in_bootstrap()
    paths = expand(paths_or_glob)
    workers = resolve_jobs(n_jobs)
    from ..ingest.limits import Limits  # noqa: PLC0415

    options = {"meta": meta, "meta_from_name": meta_from_name, "sentences": sentences, "extract": extract,
               "segmenter": segmenter, "limits": Limits.of(limits)}
    if meta is not None:  # a bad override is the caller's error, not one per file
        from ..pipeline import _check_meta  # noqa: PLC0415

        _check_meta(meta, "meta")
    bar = _progress_bar(len(paths), _isatty(sys.stderr) if progress is None else progress)
    if skip is not None:
        user_skip = skip

        def skip(source: str, digest: str) -> bool:  # a skipped file counts as done on the bar
            if user_skip(source, digest):
                bar.update(1)
                return True
            return False
    try:
        if engine == "dask":
            runner = _run_dask(paths, options, workers, scheduler, ordered, skip, max_in_flight)
        elif workers == 1:
            runner = _run_here(paths, options, skip)
        else:
            runner = _run_pool(paths, options, workers, ordered, skip, max_in_flight)
        for result in runner:
            bar.update(1)
            yield result
    finally:
        bar.close()


# --- the work of one file -------------------------------------------------------------------

def parse_bytes(source: str, data: bytes, sha256: str, options: dict[str, Any]) -> BatchResult:
    """Parse one file's bytes into a :class:`BatchResult` (what a worker runs).

    Every exception becomes a failed result, so a bad file never stops a batch.

    Example:
        >>> r = parse_bytes("empty.txt", b"", "e3b0", {})
        >>> r.ok, r.error, r.message
        (False, 'PolicyParseError', 'file is empty')
    """
    from ..ingest.meta import meta_from_path  # noqa: PLC0415
    from ..pipeline import parse  # noqa: PLC0415
    from ..ingest.reader import read_bytes  # noqa: PLC0415

    chars = 0
    name = readable(source)  # what the plan and its messages call the file: always valid text
    try:
        doc = read_bytes(data, name, limits=options.get("limits"))
        chars = len(doc.text)
        defaults = meta_from_path(name) if options.get("meta_from_name", True) else None
        plan = parse(doc.text, source=name, meta=options.get("meta"), defaults=defaults,
                     sentences=options.get("sentences", True), extract=options.get("extract", True),
                     segmenter=options.get("segmenter", "rjieba"))
        plan.warnings[:0] = doc.warnings
        # serialised here, in the worker: one string is cheap to send back,
        # a plan's nested dict is not (and the parent would encode it anyway)
        line = json.dumps({"sha256": sha256, **source_fields(source), **plan.to_dict()}, ensure_ascii=False)
        return BatchResult(source=source, sha256=sha256, line=line, chars=chars)
    except PolicyParseError as exc:
        return BatchResult(source=source, sha256=sha256, error="PolicyParseError", message=clean_text(exc.reason),
                           chars=chars)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        return BatchResult(source=source, sha256=sha256, error=type(exc).__name__,
                           message=clean_text(f"internal error: {exc}"), chars=chars)


def _load(path: str, limits: Any = None) -> tuple[Optional[bytes], Optional[BatchResult]]:
    """A file's bytes, or the failure to read them (a special file, one over ``max_file_mb`` …)."""
    from ..ingest.reader import read_file_bytes  # noqa: PLC0415

    try:
        return read_file_bytes(path, limits), None
    except PolicyParseError as exc:
        return None, BatchResult(source=path, sha256=None, error="PolicyParseError", message=exc.reason)
    except OSError as exc:
        return None, BatchResult(source=path, sha256=None, error="PolicyParseError",
                                 message=clean_text(f"cannot be read ({exc.strerror or exc})"))


def _jobs(paths: list[str], skip: Optional[Callable[[str, str], bool]], limits: Any = None) -> Iterator[Union[tuple[str, bytes, str], BatchResult]]:
    """Each file as ``(source, bytes, sha256)`` to parse, or a failure to read it; read lazily."""
    for path in paths:
        data, failure = _load(path, limits)
        if failure is not None:
            yield failure
            continue
        assert data is not None
        digest = hashlib.sha256(data).hexdigest()
        if skip is not None and skip(path, digest):
            continue
        yield path, data, digest


def _run_here(paths: list[str], options: dict[str, Any], skip: Optional[Callable[[str, str], bool]]) -> Iterator[BatchResult]:
    for job in _jobs(paths, skip, options.get("limits")):
        yield job if isinstance(job, BatchResult) else parse_bytes(job[0], job[1], job[2], options)


def _run_pool(paths: list[str], options: dict[str, Any], workers: int, ordered: bool,
              skip: Optional[Callable[[str, str], bool]], max_in_flight: Optional[int]) -> Iterator[BatchResult]:
    import concurrent.futures as cf  # noqa: PLC0415

    limit = max_in_flight or 2 * workers
    with worker_pool(workers) as pool:
        yield from _stream(_jobs(paths, skip, options.get("limits")),
                           lambda job: pool.submit(parse_bytes, job[0], job[1], job[2], options), limit, ordered,
                           wait_one=lambda pending: next(iter(cf.wait(pending, return_when=cf.FIRST_COMPLETED)[0])),
                           result=pool.result)


class WorkerPool:
    """A spawn :class:`~concurrent.futures.ProcessPoolExecutor` whose results
    come back through files, never through the pipe (what :func:`worker_pool` yields).

    Why: a worker killed while it writes a large result into the executor's
    pipe (by the out-of-memory killer, or ``kill -9``) leaves half a message
    there, and the executor's manager thread waits for the rest for ever
    (CPython 3.11 to 3.13): the batch hangs instead of failing. A worker here
    writes what its function returned (or raised) to a file in a private
    temporary folder and sends back only the file's name, a message far
    under ``PIPE_BUF`` bytes, which the system writes whole or not at all.
    A worker that dies mid-way leaves at most a file, which the folder's
    removal takes away; the pool then breaks, and :meth:`result` turns that
    into a :class:`PolicyParseError`.
    """

    def __init__(self, executor: Any, folder: str) -> None:
        self.executor = executor
        self.folder = folder

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a worker (a future of the result's file name)."""
        with main_hidden():  # a worker may start here: it must not import the caller's script
            return self.executor.submit(call_into_file, self.folder, fn, *args)

    def result(self, fut: Any) -> Any:
        """What the function of a future returned (or raised); a dead worker as a :class:`PolicyParseError`."""
        import concurrent.futures as cf  # noqa: PLC0415

        try:
            name = fut.result()
        except cf.process.BrokenProcessPool as exc:
            raise _broken(exc) from None
        except OSError as exc:  # the worker could not write its file
            raise PolicyParseError("parse_many", f"a worker could not hand back its result through the temporary "
                                                 f"folder {self.folder} ({exc})") from None
        path = os.path.join(self.folder, os.path.basename(name))  # only ever a file of this pool's folder
        try:
            with open(path, "rb") as f:
                ok, value = pickle.load(f)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)
        if not ok:
            raise value
        return value


def call_into_file(folder: str, fn: Callable[..., Any], *args: Any) -> str:
    """Run ``fn(*args)`` (in a worker) and leave its outcome in a new file of
    ``folder``: ``(True, value)``, or ``(False, exception)``; return the file's name.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     name = call_into_file(folder, len, "计划")
        ...     with open(os.path.join(folder, name), "rb") as f:
        ...         pickle.load(f)
        (True, 2)
    """
    try:
        outcome: tuple[bool, Any] = (True, fn(*args))
    except Exception as exc:  # noqa: BLE001 - raised again in the parent, as the executor would
        outcome = (False, exc)
    fd, path = tempfile.mkstemp(dir=folder, suffix=".pickle")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(outcome, f, protocol=pickle.HIGHEST_PROTOCOL)
    return os.path.basename(path)


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[WorkerPool]:
    """A :class:`WorkerPool` of ``workers`` spawned processes that exit with
    their parent; a worker that dies becomes a :class:`PolicyParseError`."""
    import concurrent.futures as cf  # noqa: PLC0415
    import multiprocessing  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    folder = tempfile.mkdtemp(prefix="policyparse-results-")  # private (mode 0700), removed below
    executor = cf.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                      initializer=watch_parent, initargs=(os.getpid(),))
    try:
        yield WorkerPool(executor, folder)
    except cf.process.BrokenProcessPool as exc:  # submit() after a worker died
        raise _broken(exc) from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)


def _broken(exc: BaseException) -> PolicyParseError:
    return PolicyParseError("parse_many", "a worker process stopped abruptly (killed, or out of memory?); the files "
                                          "in flight were not parsed: run again (policyparse batch: --resume) "
                                          f"or use fewer jobs ({type(exc).__name__})")


def watch_parent(parent: int, every: float = 0.5) -> None:
    """Exit this worker as soon as its parent ``parent`` is gone (a worker's
    initializer: a thread polls the parent's id, which changes when the
    parent dies and the worker is adopted)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="policyparse-watch-parent", daemon=True).start()


@contextlib.contextmanager
def main_hidden() -> Iterator[None]:
    """Hide the ``__main__`` module from :mod:`multiprocessing` while workers start.

    A spawned worker imports the parent's ``__main__`` again (by its file or
    module name) so that functions defined there can be unpickled. The
    workers of :func:`parse_many` run only policyparse functions, so that
    import is useless, and harmful: an unguarded script would run again in
    each worker, and a script read from standard input (``<stdin>``) cannot
    be imported at all. While the block runs, ``__main__.__file__`` is
    removed and ``__main__.__spec__`` is ``None``; both are restored after.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    with _MAIN_LOCK:
        saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
        try:
            main.__dict__.pop("__file__", None)
            main.__spec__ = None
            yield
        finally:
            main.__dict__.pop("__file__", None)
            if "__spec__" in saved:
                main.__spec__ = saved["__spec__"]
            if "__file__" in saved:
                main.__file__ = saved["__file__"]


_MAIN_LOCK = threading.RLock()


def _refuse_in_bootstrap() -> None:
    """A worker that imports a script calling :func:`parse_many` at top level
    (possible only if :func:`main_hidden` could not act) stops with a clear message."""
    mp = sys.modules.get("multiprocessing.process")
    if mp is not None and getattr(mp.current_process(), "_inheriting", False):
        raise PolicyParseError("parse_many", "called while a worker process starts (the worker is importing "
                                             "your script again): call it under `if __name__ == \"__main__\":` "
                                             "or with n_jobs=1")


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _run_dask(paths: list[str], options: dict[str, Any], workers: int, scheduler: Optional[str], ordered: bool,
              skip: Optional[Callable[[str, str], bool]], max_in_flight: Optional[int]) -> Iterator[BatchResult]:
    try:
        import distributed  # noqa: PLC0415
    except ImportError:
        raise PolicyParseError("dask", "the dask engine needs dask.distributed: pip install 'policyparse[batch]'") from None
    cluster = None
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise PolicyParseError(scheduler, f"cannot connect to the dask scheduler ({exc})") from None
    else:
        with main_hidden():
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        limit = max_in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        submit = lambda job: client.submit(parse_bytes, job[0], job[1], job[2], options, pure=False)  # noqa: E731
        yield from _stream(_jobs(paths, skip, options.get("limits")), submit, limit, ordered,
                           wait_one=lambda pending: next(iter(distributed.wait(list(pending), return_when="FIRST_COMPLETED").done)),
                           result=lambda fut: fut.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stream(jobs: Iterator[Any], submit: Callable[[Any], Any], limit: int, ordered: bool,
            wait_one: Callable[[set[Any]], Any], result: Callable[[Any], Any]) -> Iterator[Any]:
    """Keep at most ``limit`` jobs in flight; yield results in order or as they complete.

    A job that is already a result (a file that could not be read) takes its
    place in the order without being sent.
    """
    queue: Deque[Any] = collections.deque()  # in input order: futures and ready results
    pending: set[Any] = set()
    exhausted = False
    while True:
        while not exhausted and len(pending) < limit:
            job = next(jobs, None)
            if job is None:
                exhausted = True
                break
            if isinstance(job, BatchResult):
                if ordered:
                    queue.append(job)
                else:
                    yield job
                continue
            fut = submit(job)
            pending.add(fut)
            if ordered:
                queue.append(fut)
        if ordered:
            if not queue:
                return
            head = queue.popleft()
            if isinstance(head, BatchResult):
                yield head
                continue
            pending.discard(head)
            yield result(head)
        else:
            if not pending:
                if exhausted:
                    return
                continue
            done = wait_one(pending)
            pending.discard(done)
            yield result(done)


def _progress_bar(total: int, enabled: bool) -> Any:
    if enabled:
        try:
            from tqdm.auto import tqdm  # noqa: PLC0415 - a widget in a notebook, text in a terminal

            return tqdm(total=total, unit="file", dynamic_ncols=True, smoothing=0.1)
        except ImportError:
            pass
    return _NoBar()


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def set_postfix_str(self, s: str) -> None:
        pass


__all__ = ["BatchResult", "parse_many", "parse_bytes", "expand", "resolve_jobs", "ENGINES"]
