"""Batch parsing: a corpus of mixed formats and encodings, built in the test.

The folder holds Government Work Reports (read in place from
../shared/corpora) as UTF-8 and GBK text, one as .docx (labels as Word list
numbering), .pdf and an HTML page, plus a binary file and an empty file.
Every good file must be parsed with the outline of its text version, the
bad ones must be in errors.jsonl, an interrupted run must resume without
loss or duplicates, and the dask engine must write what the process engine
writes.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import policyparse
from policyparse.batch.runner import _stream, expand, parse_many
from policyparse.cli.main import main
from builders import make_docx, make_html, make_pdf
from support import GWR, HEADING_KINDS, gwr_path

TEXT_UTF8 = [2016, 2017, 2019]
TEXT_GBK = [2012, 2013]
#: the reports also written as .docx, .pdf and .html (each under its own name)
OTHER_FORMATS = {"docx": 2018, "pdf": 2014, "html": 2011}


def outline_of(nodes: list[dict]) -> list[tuple]:
    return [(n["kind"], n["label"], n["heading"]) for n in nodes if n["kind"] in HEADING_KINDS]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The folder, and for each good file the text version it was made from."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "utf8").mkdir()
    (root / "gbk" / "deeper").mkdir(parents=True)
    (root / "formats").mkdir()
    versions: dict[str, Path] = {}
    for year in TEXT_UTF8:
        path = root / "utf8" / f"{year}.txt"
        path.write_bytes(gwr_path(year).read_bytes())
        versions[str(path)] = gwr_path(year)
    for year in TEXT_GBK:
        path = root / "gbk" / "deeper" / f"{year}.txt"
        path.write_bytes(gwr_path(year).read_text("utf-8").encode("gbk"))
        versions[str(path)] = gwr_path(year)
    makers = {"docx": make_docx, "pdf": make_pdf, "html": make_html}
    for fmt, year in OTHER_FORMATS.items():
        path = root / "formats" / f"report-{year}.{fmt}"
        makers[fmt](gwr_path(year).read_text("utf-8"), path)
        versions[str(path)] = gwr_path(year)
    (root / "formats" / "scan.bin").write_bytes(bytes(range(256)) * 64)
    (root / "empty.txt").write_bytes(b"")
    return {"root": root, "versions": versions, "bad": {str(root / "formats" / "scan.bin"): "binary",
                                                       str(root / "empty.txt"): "empty"}}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def process_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "out"
    code = main(["batch", str(corpus["root"]), "-o", str(out), "--jobs", "2", "--no-progress", "--format", "parquet"])
    assert code == 1  # two files failed
    return out


@pytest.fixture(scope="module")
def text_versions(corpus) -> dict[str, policyparse.Plan]:
    return {str(p): policyparse.parse_file(p) for p in set(corpus["versions"].values())}


def test_every_good_file_parsed_with_the_outline_of_its_text_version(corpus, process_run, text_versions):
    records = read_jsonl(process_run / "plans.jsonl")
    assert sorted(r["source"] for r in records) == sorted(corpus["versions"])
    for record in records:
        assert list(record)[:3] == ["sha256", "source", "schema_version"]
        original = text_versions[str(corpus["versions"][record["source"]])]
        expected = outline_of(original.to_dict()["nodes"])
        assert len(expected) >= 5
        assert outline_of(record["nodes"]) == expected, record["source"]
        assert record["meta"]["year"] == original.meta.year
        assert len(record["targets"]) > 0 and len(record["tasks"]) > 100  # extraction ran
        assert record["sha256"] == __import__("hashlib").sha256(Path(record["source"]).read_bytes()).hexdigest()


def test_a_text_record_is_what_parse_writes_plus_source_and_hash(corpus, process_run):
    records = {r["source"]: r for r in read_jsonl(process_run / "plans.jsonl")}
    path = str(corpus["root"] / "gbk" / "deeper" / "2012.txt")
    record = dict(records[path])
    record.pop("sha256"), record.pop("source")
    assert record == json.loads(policyparse.parse_file(path).to_json())


def test_bad_files_are_in_errors_jsonl(corpus, process_run):
    errors = read_jsonl(process_run / "errors.jsonl")
    assert {e["source"] for e in errors} == set(corpus["bad"])
    for e in errors:
        assert set(e) == {"source", "error", "message", "sha256"}
        assert e["error"] == "PolicyParseError"
        assert corpus["bad"][e["source"]] in e["message"]


def test_parquet_tables_have_a_source_column_and_every_plan(process_run):
    import pandas as pd

    records = read_jsonl(process_run / "plans.jsonl")
    tables = process_run / "tables"
    assert sorted(p.name for p in tables.iterdir()) == sorted(
        f"{k}.parquet" for k in ("nodes", "tasks", "roles", "targets", "quantities", "actors", "references", "edges"))
    nodes = pd.read_parquet(tables / "nodes.parquet")
    assert nodes.groupby("source").size().to_dict() == {r["source"]: len(r["nodes"]) for r in records}
    targets = pd.read_parquet(tables / "targets.parquet")
    assert targets.groupby("source").size().to_dict() == {r["source"]: len(r["targets"]) for r in records}
    assert str(targets["start"].dtype) == "int64" and str(targets["value"].dtype) == "float64"
    first = records[0]
    mine = targets[targets["source"] == first["source"]]
    assert [x if isinstance(x, str) else None for x in mine["indicator"]] == [t["indicator"] for t in first["targets"]]
    assert mine["start"].tolist() == [t["span"][0] for t in first["targets"]]
    edges = pd.read_parquet(tables / "edges.parquet")
    assert list(edges.columns[:4]) == ["source", "sha256", "source_id", "target_id"]


def test_parquet_tables_built_in_one_process_equal_the_parallel_ones(process_run, tmp_path):
    import pandas as pd

    from policyparse.batch.parquet import write_tables

    paths = write_tables(process_run / "plans.jsonl", tmp_path / "tables", n_jobs=1, chunk=3)
    for kind, path in paths.items():
        assert pd.read_parquet(path).equals(pd.read_parquet(process_run / "tables" / f"{kind}.parquet")), kind


def test_the_summary_line_and_exit_codes(corpus, tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    (good / "2019.txt").write_bytes(gwr_path(2019).read_bytes())
    assert main(["batch", str(good), "-o", str(tmp_path / "o1"), "--jobs", "1", "--no-progress", "--no-extract"]) == 0
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith("parsed 1 of 1 files in ") and line.endswith(" M chars/s")
    # usage errors: exit 2 before anything is parsed
    assert main(["batch", str(good), "-o", str(tmp_path / "o1"), "--no-progress"]) == 2  # results there, no --resume
    assert "--resume" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "nothing-*.txt"), "-o", str(tmp_path / "o2")]) == 2
    assert main(["batch", str(good), "-o", str(tmp_path / "o3"), "--scheduler", "tcp://localhost:1"]) == 2
    assert main(["batch", str(good), "-o", str(tmp_path / "o4"), "--jobs", "0"]) == 2
    assert main(["batch", str(good), "--engine", "threads"]) == 2
    assert not (tmp_path / "o2").exists() and not (tmp_path / "o3").exists()


def test_same_content_under_two_names_is_parsed_once(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(gwr_path(2019).read_bytes())
    (folder / "d.txt").write_bytes(gwr_path(2018).read_bytes())
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress", "--no-extract"]
    assert main(args) == 0
    assert [r["source"] for r in read_jsonl(out / "plans.jsonl")] == [str(folder / "a.txt"), str(folder / "d.txt")]
    dups = read_jsonl(out / "duplicates.jsonl")
    assert [(d["source"], d["same_as"]) for d in dups] == [(str(folder / "b.txt"), str(folder / "a.txt")),
                                                          (str(folder / "c.txt"), str(folder / "a.txt"))]
    assert "2 duplicates" in capsys.readouterr().err
    assert main(args + ["--resume"]) == 0  # nothing new: nothing written twice
    assert len(read_jsonl(out / "plans.jsonl")) == 2 and len(read_jsonl(out / "duplicates.jsonl")) == 2


def test_an_unreadable_file_is_tried_again_but_recorded_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2019.txt").write_bytes(gwr_path(2019).read_bytes())
    missing = str(tmp_path / "gone.txt")
    out = tmp_path / "out"
    args = ["batch", str(folder), missing, "-o", str(out), "--jobs", "1", "--no-progress", "--no-extract"]
    assert main(args) == 1
    assert main(args + ["--resume"]) == 1  # still failing
    errors = read_jsonl(out / "errors.jsonl")
    assert errors == [{"source": missing, "error": "PolicyParseError", "message": "no such file", "sha256": None}]
    (tmp_path / "gone.txt").write_bytes(gwr_path(2018).read_bytes())
    assert main(args + ["--resume"]) == 0  # there now: parsed
    assert sorted(r["source"] for r in read_jsonl(out / "plans.jsonl")) == sorted([str(folder / "2019.txt"), missing])


def test_a_torn_last_line_is_cut_off_on_resume(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for year in (2017, 2018, 2019):
        (folder / f"{year}.txt").write_bytes(gwr_path(year).read_bytes())
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress", "--no-extract"]
    assert main(args) == 0
    clean = (out / "plans.jsonl").read_bytes()
    lines = clean.splitlines(keepends=True)
    # as if killed while writing the last record: two whole lines and half of the third
    (out / "plans.jsonl").write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])
    assert main(args + ["--resume"]) == 0
    assert "cut off a half-written last record" in capsys.readouterr().err
    assert (out / "plans.jsonl").read_bytes() == clean


def test_an_interrupted_run_resumes_without_loss_or_duplicates(tmp_path):
    """Kill ``policyparse batch`` (and its workers) mid-way, resume, compare with a clean run."""
    folder = tmp_path / "in"
    folder.mkdir()
    sources = sorted(GWR.glob("*.txt"))
    assert len(sources) >= 40
    for src in sources:
        (folder / src.name).write_bytes(src.read_bytes())
    cli = [sys.executable, "-m", "policyparse.cli.main", "batch", str(folder), "--jobs", "2", "--no-progress", "--no-extract"]
    out = tmp_path / "interrupted"
    proc = subprocess.Popen(cli + ["-o", str(out)], start_new_session=True, stderr=subprocess.PIPE)
    plans = out / "plans.jsonl"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if plans.exists() and plans.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    done_before = plans.read_bytes().count(b"\n")
    assert 5 <= done_before < len(sources)

    resumed = subprocess.run(cli + ["-o", str(out), "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"done before: {done_before}" in resumed.stderr
    clean = subprocess.run(cli + ["-o", str(tmp_path / "clean")], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr

    records = read_jsonl(plans)
    assert sorted(r["source"] for r in records) == sorted(str(folder / s.name) for s in sources)  # each exactly once
    by_hash = {r["sha256"]: r for r in records}
    assert len(by_hash) == len(records)
    assert by_hash == {r["sha256"]: r for r in read_jsonl(tmp_path / "clean" / "plans.jsonl")}
    assert not (out / "errors.jsonl").exists()


def test_dask_engine_writes_what_the_process_engine_writes(corpus, process_run, tmp_path):
    from distributed import LocalCluster

    out = tmp_path / "dask"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(["batch", str(corpus["root"]), "-o", str(out), "--engine", "dask", "--scheduler",
                     cluster.scheduler_address, "--no-progress"])
    assert code == 1
    for name in ("plans.jsonl", "errors.jsonl"):
        dask_lines = sorted((out / name).read_text("utf-8").splitlines())
        process_lines = sorted((process_run / name).read_text("utf-8").splitlines())
        assert len(dask_lines) == len(process_lines) > 0
        assert dask_lines == process_lines


def test_parse_many_order_engines_and_failures(corpus):
    paths = [corpus["root"] / "utf8", str(corpus["root"] / "missing.txt"), str(corpus["root"] / "empty.txt")]
    ordered = list(parse_many(paths, n_jobs=2, progress=False, extract=False))
    assert [r.source for r in ordered] == expand(paths)
    assert [r.ok for r in ordered] == [True, True, True, False, False]
    assert ordered[3].message == "no such file" and ordered[3].sha256 is None
    assert ordered[4].message == "file is empty"
    here = list(parse_many(paths, n_jobs=1, progress=False, extract=False))
    assert [r.record for r in here] == [r.record for r in ordered]
    unordered = list(parse_many(paths, n_jobs=2, progress=False, extract=False, ordered=False))
    assert sorted(r.source for r in unordered) == sorted(r.source for r in ordered)
    plan = ordered[0].plan
    assert isinstance(plan, policyparse.Plan) and plan.meta.year == 2016 and len(plan.sections) >= 3
    with pytest.raises(policyparse.PolicyParseError, match="no files found"):
        list(parse_many(str(corpus["root"] / "*.nothing"), progress=False))
    with pytest.raises(ValueError, match="engine"):
        list(parse_many(paths, engine="threads"))


def test_work_in_flight_stays_bounded():
    """Never more than ``limit`` files sent and not returned, ordered or not:
    memory stays flat however many files there are."""

    class Fake:
        def __init__(self, n):
            self.n = n

    for ordered in (True, False):
        in_flight: set = set()
        peak = 0

        def submit(job):
            nonlocal peak
            fut = Fake(job)
            in_flight.add(fut)
            peak = max(peak, len(in_flight))
            return fut

        def result(fut):
            in_flight.discard(fut)
            return policyparse.BatchResult(source=str(fut.n), sha256=None)

        out = list(_stream(iter(range(1000)), submit, 4, ordered, wait_one=lambda pending: min(pending, key=lambda f: f.n),
                           result=result))
        assert [int(r.source) for r in out] == list(range(1000))
        assert peak == 4
