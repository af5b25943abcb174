"""A batch's plans as Parquet tables, for pandas, polars or DuckDB.

:func:`write_tables` reads ``plans.jsonl`` (what ``policyparse batch``
writes) one record at a time and writes one Parquet file per table of
:mod:`policyparse.tables` (nodes, tasks, roles, targets, quantities, actors,
references, edges) with two columns first: ``source`` (the file) and
``sha256`` (its hash, the key that joins the tables of one plan). In
``edges``, the edge's own ``source``/``target`` ids are called
``source_id``/``target_id``. Rows are written in row groups as they come, so
memory stays flat; each file is written under a temporary name and renamed
when complete, so a table is either the whole batch or absent.

Example:
    >>> import duckdb  # doctest: +SKIP
    >>> duckdb.sql("select source, count(*) from 'out/tables/targets.parquet' group by source")  # doctest: +SKIP
"""
from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Optional

from .errors import PolicyParseError
from .tables import TABLES

#: rows buffered per table before a row group is written
ROW_GROUP = 50_000

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
    from . import model  # noqa: PLC0415
    from .tables import _columns  # noqa: PLC0415

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
                 kinds: tuple[str, ...] = TABLES, row_group: int = ROW_GROUP) -> dict[str, Path]:
    """Write ``out_dir/<table>.parquet`` for every plan in ``plans_jsonl``; return the paths.

    Raises:
        PolicyParseError: pyarrow is missing or a line is not a plan record.
    """
    pa = _arrow()
    import pyarrow.parquet as pq  # noqa: PLC0415

    from .model import Plan  # noqa: PLC0415
    from .tables import _BUILDERS  # noqa: PLC0415

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    schemas = {k: schema(k) for k in kinds}
    tmp = {k: out / f".{k}.parquet.tmp" for k in kinds}
    writers = {k: pq.ParquetWriter(tmp[k], schemas[k], compression="zstd") for k in kinds}
    buffers: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}

    def flush(kind: str) -> None:
        if buffers[kind]:
            writers[kind].write_table(pa.Table.from_pylist(buffers[kind], schema=schemas[kind]))
            buffers[kind] = []

    try:
        with open(plans_jsonl, "rb") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    plan = Plan.from_dict(record)
                except (ValueError, KeyError, TypeError) as exc:
                    raise PolicyParseError(plans_jsonl, f"line {number} is not a plan record ({exc})") from None
                head = {"source": record.get("source"), "sha256": record.get("sha256")}
                for kind in kinds:
                    renamed = _RENAMED.get(kind)
                    for row in _BUILDERS[kind](plan):
                        if renamed:
                            row = {renamed.get(k, k): v for k, v in row.items()}
                        buffers[kind].append({**head, **row})
                    if len(buffers[kind]) >= row_group:
                        flush(kind)
        for kind in kinds:
            flush(kind)
    finally:
        for w in writers.values():
            w.close()
    paths = {}
    for kind in kinds:
        final = out / f"{kind}.parquet"
        os.replace(tmp[kind], final)
        paths[kind] = final
    return paths


def read_table(out_dir: str | os.PathLike, kind: str) -> Any:
    """One table of a batch as a pandas DataFrame (span columns as nullable integers).

    Example:
        >>> read_table("out/tables", "targets")  # doctest: +SKIP
    """
    pa = _arrow()
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = pq.read_table(Path(out_dir) / f"{kind}.parquet")
    return table.to_pandas(types_mapper={pa.int64(): _int64()}.get)


def _int64() -> Optional[Any]:
    import pandas as pd  # noqa: PLC0415

    return pd.Int64Dtype()


__all__ = ["write_tables", "read_table", "schema", "ROW_GROUP"]
