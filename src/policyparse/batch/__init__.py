"""Stage 6, batch: many files parsed in worker processes.

Takes a list of paths or a folder; gives the plans (``runner``:
``policyparse.parse_many``, the process and dask engines), an append-only
record of what was parsed and what failed, for ``--resume`` (``ledger``), and
the Parquet tables of a batch (``parquet``).

Imports the pipeline, the export tables and the stages below.
"""
