"""A batch's plans as Parquet tables, for pandas, polars or DuckDB.

:func:`write_tables` reads ``plans.jsonl`` (what ``policyparse batch``
writes) one record at a time and writes one Parquet file per table of
:mod:`policyparse.export.tables` (nodes, tasks, roles, targets, quantities, actors,
references, edges) with two columns first: ``source`` (the file) and
``sha256`` (its hash, the key that joins the tables of one plan). In
``edges``, the edge's own ``source``/``target`` ids are called
``source_id``/``target_id``. The records are converted in chunks, in
parallel when asked, and written as row groups in file order, so memory
stays flat; each file is written under a temporary name and renamed when
complete, so a table is either the whole batch or absent.

Example:
    >>> import json, tempfile
    >>> import policyparse
    >>> out = Path(tempfile.mkdtemp())
    >>> plan = policyparse.parse("一、总体要求\\n1.推进改革，确保覆盖率达到90%以上。")
    >>> line = json.dumps({"sha256": "ab12", "source": "plan.txt", **plan.to_dict()}, ensure_ascii=False)
    >>> _ = (out / "plans.jsonl").write_text(line + "\\n", encoding="utf-8")
    >>> paths = write_tables(out / "plans.jsonl", out / "tables")
    >>> read_table(out / "tables", "targets")[["source", "indicator", "value", "start"]].to_dict("records")
    [{'source': 'plan.txt', 'indicator': '覆盖率', 'value': 90.0, 'start': 21}]
"""
from __future__ import annotations

import contextlib
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Iterator, Optional

from ..errors import PolicyParseError
from ..outputs import disk_error
from ..export.tables import TABLES


#: records per chunk (one row group per table each)
CHUNK = 32

_RENAMED = {"edges": {"source": "source_id", "target": "target_id"}}
_INT_COLUMNS = {"ordinal", "depth", "deadline", "mentions"}


def _arrow() -> Any:
    try:
        import pyarrow  # noqa: PLC0415
        import pyarrow.parquet  # noqa: PLC0415,F401
    except ImportError:
        raise PolicyParseError("parquet", "writing Parquet needs pyarrow: pip install 'policyparse[batch]'") from None
    return pyarrow


def schema(kind: str) -> Any:
    """The Arrow schema of a table: ``source``, ``sha256``, then its columns, typed.

    Example:
        >>> schema("roles").names
        ['source', 'sha256', 'task', 'actor', 'role', 'start', 'end']
    """
    pa = _arrow()
    from .. import model  # noqa: PLC0415
    from ..export.tables import _columns  # noqa: PLC0415

    classes = {"nodes": model.Node, "tasks": model.Task, "targets": model.Quantity, "quantities": model.Quantity,
               "actors": model.Actor, "references": model.Reference, "edges": model.Edge}
    hints = {f.name: str(f.type) for f in fields(classes[kind])} if kind in classes else {}
    out = [pa.field("source", pa.string()), pa.field("sha256", pa.string())]
    for column in _columns(kind):
        hint = hints.get(column, "")
        if column.endswith(("start", "end")) or column in _INT_COLUMNS:
            kind_type = pa.int64()
        elif "bool" in hint:
            kind_type = pa.bool_()
        elif "float" in hint:
            kind_type = pa.float64()
        elif hint in ("int", "Optional[int]"):
            kind_type = pa.int64()
        else:
            kind_type = pa.string()
        out.append(pa.field(_RENAMED.get(kind, {}).get(column, column), kind_type))
    return pa.schema(out)


def write_tables(plans_jsonl: str | os.PathLike, out_dir: str | os.PathLike,
                 kinds: tuple[str, ...] = TABLES, n_jobs: int = 1, chunk: int = CHUNK) -> dict[str, Path]:
    """Write ``out_dir/<table>.parquet`` for every plan in ``plans_jsonl``; return the paths.

    The file is cut into chunks of ``chunk`` records; each chunk's rows are
    built (in ``n_jobs`` worker processes when more than one) and written
    as one row group per table, in file order, with only a few chunks in
    flight: memory stays flat.

    Raises:
        PolicyParseError: pyarrow is missing, a line is not a plan record, or
            the disk refused a write (the temporary files are removed).
    """
    _arrow()
    import pyarrow.parquet as pq  # noqa: PLC0415

    out = Path(out_dir)
    source = os.fspath(plans_jsonl)
    tmp = {k: out / f".{k}.parquet.tmp" for k in kinds}
    writers: dict[str, Any] = {}
    try:
        out.mkdir(parents=True, exist_ok=True)
        for k in kinds:
            writers[k] = pq.ParquetWriter(tmp[k], schema(k), compression="zstd")
        for tables in _converted(source, kinds, n_jobs, chunk):
            for kind, table in tables.items():
                if table.num_rows:
                    writers[kind].write_table(table)
        for w in writers.values():
            w.close()
        paths = {}
        for kind in kinds:
            final = out / f"{kind}.parquet"
            os.replace(tmp[kind], final)
            paths[kind] = final
        return paths
    except OSError as exc:  # a full disk: one line, and no .tmp left behind
        raise disk_error(out, exc) from None
    finally:
        for w in writers.values():
            with contextlib.suppress(Exception):
                w.close()
        for path in tmp.values():
            with contextlib.suppress(OSError):
                path.unlink()


def _chunks(path: str, chunk: int) -> Iterator[tuple[str, int, int, int]]:
    """Byte ranges of ``chunk`` lines each: ``(path, start, end, first line number)``."""
    with open(path, "rb") as f:
        start = pos = 0
        first = number = 1
        lines = 0
        for line in f:
            pos += len(line)
            lines += 1
            number += 1
            if lines == chunk:
                yield path, start, pos, first
                start, first, lines = pos, number, 0
        if lines:
            yield path, start, pos, first


def _convert(path: str, start: int, end: int, first: int, kinds: tuple[str, ...]) -> dict[str, Any]:
    """The rows of the records in ``path[start:end]``, as one Arrow table per kind."""
    pa = _arrow()
    from ..model import Plan  # noqa: PLC0415
    from ..export.tables import _BUILDERS  # noqa: PLC0415

    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    for number, line in enumerate(data.splitlines(), first):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            plan = Plan.from_dict(record)
        except (ValueError, KeyError, TypeError) as exc:
            raise PolicyParseError(path, f"line {number} is not a plan record ({exc})") from None
        head = {"source": record.get("source"), "sha256": record.get("sha256")}
        for kind in kinds:
            renamed = _RENAMED.get(kind)
            for row in _BUILDERS[kind](plan):
                if renamed:
                    row = {renamed.get(k, k): v for k, v in row.items()}
                rows[kind].append({**head, **row})
    return {k: pa.Table.from_pylist(rows[k], schema=schema(k)) for k in kinds}


def _converted(path: str, kinds: tuple[str, ...], n_jobs: int, chunk: int) -> Iterator[dict[str, Any]]:
    """The converted chunks in file order, built here or in a process pool."""
    jobs = _chunks(path, chunk)
    if n_jobs <= 1:
        for job in jobs:
            yield _convert(*job, kinds)
        return
    import concurrent.futures as cf  # noqa: PLC0415

    from .runner import _stream, worker_pool  # noqa: PLC0415

    with worker_pool(n_jobs) as pool:
        yield from _stream(jobs, lambda job: pool.submit(_convert, job[0], job[1], job[2], job[3], kinds),
                           2 * n_jobs, True,
                           wait_one=lambda pending: next(iter(cf.wait(pending, return_when=cf.FIRST_COMPLETED)[0])),
                           result=pool.result)


def read_table(out_dir: str | os.PathLike, kind: str) -> Any:
    """One table of a batch (``out_dir/<kind>.parquet``) as a pandas
    DataFrame, span columns as nullable integers (see the module's example)."""
    pa = _arrow()
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = pq.read_table(Path(out_dir) / f"{kind}.parquet")
    return table.to_pandas(types_mapper={pa.int64(): _int64()}.get)


def _int64() -> Optional[Any]:
    import pandas as pd  # noqa: PLC0415

    return pd.Int64Dtype()


__all__ = ["write_tables", "read_table", "schema", "CHUNK"]
