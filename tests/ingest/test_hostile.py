"""Hostile input in the readers: limits checked before inflating or looping,
every failure a one-line PolicyParseError naming the file, special files
refused, third-party log lines kept as warnings, the GC pause thread-safe.

A sample of ``benchmarks/hostile_sweep.py`` (which runs the whole sweep of
over a thousand files in child processes, with time and memory limits); the
cases are built in ``tests/hostile.py`` from the bundled plan.
"""
from __future__ import annotations

import functools
import gc
import logging
import threading
from pathlib import Path

import pytest

import policyparse
from policyparse.cli.main import main
from policyparse.ingest.formats.notes import collecting
from policyparse.ingest.limits import Limits
from policyparse.pipeline import _gc_paused
from support import BUNDLED, assert_spans, gwr_path

import hostile

#: the cases' names (nothing is built or read at import time)
NAMED = {c.name: c for c in hostile.named_cases("", Path("unused")) if not c.big}


@functools.lru_cache(maxsize=1)
def _text() -> str:
    """A plan whose headings start lines, so that its .docx numbers them with Word lists."""
    return gwr_path(2019).read_text("utf-8")


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """The real .docx and .pdf the cases are made from, built once."""
    return tmp_path_factory.mktemp("hostile-cache")


def _case(name: str, cache: Path, folder: Path) -> tuple[hostile.Case, Path]:
    case = {c.name: c for c in hostile.named_cases(_text(), cache) + hostile.special_cases()}[name]
    return case, case.write(folder)


def _outcome(path: Path, **kwargs) -> tuple[str, str]:
    try:
        plan = policyparse.parse_file(path, extract=False, **kwargs)
    except policyparse.PolicyParseError as exc:
        assert exc.source == str(path) and str(exc) == f"{path}: {exc.reason}" and "\n" not in str(exc)
        return "error", exc.reason
    assert_spans(plan)
    return "parse", ""


@pytest.mark.parametrize("name", sorted(NAMED) + [c.name for c in hostile.special_cases()])
def test_named_hostile_file_parses_or_names_its_problem(name, cache, tmp_path):
    case, path = _case(name, cache, tmp_path)
    outcome, reason = _outcome(path)
    if case.expect != "either":
        assert outcome == case.expect, reason
    if case.expect == "error":
        assert case.words in reason


@pytest.mark.parametrize("name", ["bomb-paragraphs-100mb.docx", "start-1e23.docx", "million-pages.pdf",
                                  "deep-xml.docx", "many-members.docx"])
def test_a_limit_exceeded_says_how_to_raise_it(name, cache, tmp_path):
    _, path = _case(name, cache, tmp_path)
    _, reason = _outcome(path)
    limit = reason.split("over the limit ")[1].split("=")[0]
    assert limit in Limits.__dataclass_fields__
    assert f"limits={{'{limit}': N}}" in reason and f"--limit {limit}=N" in reason


def test_a_raised_limit_lets_the_file_through(cache, tmp_path):
    # a list numbered from 40000: over the default, readable with the limit raised
    path = tmp_path / "start-40000.docx"
    path.write_bytes(hostile.rezip(hostile._docx_bytes(_text(), cache), {"word/numbering.xml": hostile._sub(
        r'<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>', '<w:start w:val="40000"/><w:numFmt w:val="decimal"/>')}))
    outcome, reason = _outcome(path)
    assert outcome == "error" and "max_list_number=32767" in reason
    doc = policyparse.read(path, limits={"max_list_number": 50_000})
    assert "40000、" in doc.text and "40001、" in doc.text
    # and a lowered one stops a normal file
    plan_docx = tmp_path / "plan.docx"
    plan_docx.write_bytes(hostile._docx_bytes(_text(), cache))
    with pytest.raises(policyparse.PolicyParseError, match="max_zip_member_mb=0.001"):
        policyparse.read(plan_docx, limits={"max_zip_member_mb": 0.001})


def test_the_cli_limit_flag(cache, tmp_path, capsys):
    _, path = _case("million-pages.pdf", cache, tmp_path)
    assert main(["parse", "--no-extract", str(path)]) == 1
    assert "--limit max_pdf_pages=N" in capsys.readouterr().err
    assert main(["parse", "--no-extract", "--limit", "max_pdf_pages=2000000", str(path)]) == 0
    assert main(["parse", "--limit", "max_pages=3", str(path)]) == 2
    assert "max_pdf_pages" in capsys.readouterr().err  # the usage error lists the names


@pytest.mark.parametrize("value, words", [({"max_pages": 3}, "unknown limit"), ({"max_pdf_pages": 0}, "positive"),
                                          ({"max_pdf_pages": "9"}, "positive"), ([("max_pdf_pages", 9)], "dict")])
def test_bad_limits_are_a_clear_error(value, words):
    with pytest.raises(policyparse.PolicyParseError, match=words):
        policyparse.parse_file(BUNDLED, limits=value)


def test_parse_many_applies_the_limits_and_refuses_special_files(cache, tmp_path):
    _, pdf = _case("million-pages.pdf", cache, tmp_path)
    _, fifo = _case("fifo", cache, tmp_path)
    results = {Path(r.source).name: r for r in policyparse.parse_many([str(pdf), str(fifo)], n_jobs=1, progress=False,
                                                                      extract=False)}
    assert "max_pdf_pages" in results["million-pages.pdf"].message
    assert "FIFO" in results[fifo.name].message
    raised = list(policyparse.parse_many([str(pdf)], n_jobs=1, progress=False, extract=False,
                                         limits={"max_pdf_pages": 2_000_000}))
    assert raised[0].ok


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_bit_flips_and_truncations_parse_or_raise_a_clear_error(fmt, cache, tmp_path):
    name, data = next((n, d) for n, d in hostile.originals(BUNDLED.read_text("utf-8"), cache, "sample").items()
                       if n.endswith(fmt))
    mutated = list(hostile.mutations(name, data, count=6))
    if fmt == "docx":
        mutated += list(hostile.xml_mutations(name, data, count=6))
    outcomes = []
    for mname, mdata in mutated:
        path = tmp_path / mname
        path.write_bytes(mdata)
        outcomes.append(_outcome(path)[0])
    assert len(outcomes) == (18 if fmt == "docx" else 12)
    assert "error" in outcomes  # a cut at the first bytes at least is refused


def test_pypdf_log_lines_become_plan_warnings_not_stderr(cache, tmp_path, capsys):
    _, path = _case("wrong-startxref.pdf", cache, tmp_path)
    plan = policyparse.parse_file(path, extract=False)
    reader = [w for w in plan.warnings if w.code == "reader-warning"]
    assert reader and all(w.message.startswith("pdf reader: ") for w in reader)
    assert any("startxref" in w.message for w in reader)
    assert plan.warnings[:len(reader)] == reader  # they come first
    assert capsys.readouterr().err == ""
    assert policyparse.parse_file(path, extract=False).warnings == plan.warnings  # every time, not once


def test_collecting_log_lines_keeps_other_threads_apart(caplog):
    import pypdf  # noqa: F401 - its module loggers get the filter

    mine: list[str] = []
    started, logged = threading.Event(), threading.Event()

    def other() -> None:
        started.wait()
        logging.getLogger("pypdf._reader").warning("from another thread")
        logged.set()

    thread = threading.Thread(target=other)
    thread.start()
    with caplog.at_level(logging.WARNING, logger="pypdf"), collecting(mine, "pypdf"):
        logging.getLogger("pypdf._reader").warning("from this thread")
        started.set()
        logged.wait()
    thread.join()
    assert mine == ["from this thread"]
    assert [r.getMessage() for r in caplog.records] == ["from another thread"]


def test_aes_pdf_names_the_package_it_needs(cache, tmp_path, monkeypatch):
    from policyparse.ingest.formats import pdf

    monkeypatch.setattr(pdf, "_has_cryptography", lambda: False)
    _, path = _case("aes.pdf", cache, tmp_path)
    with pytest.raises(policyparse.PolicyParseError, match=r"needs the package 'cryptography'.*policyparse\[crypto\]"):
        policyparse.read(path)


def test_gc_pause_is_shared_by_threads_and_restores_the_users_setting():
    assert gc.isenabled()
    first, second = _gc_paused(), _gc_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second parse still runs
    second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()
    try:
        with _gc_paused():
            pass
        assert not gc.isenabled()  # the user's "off" is kept
    finally:
        gc.enable()


def test_threaded_parses_leave_the_collector_on():
    assert gc.isenabled()
    barrier = threading.Barrier(8)
    plans = []

    def work() -> None:
        barrier.wait()
        for _ in range(3):
            plans.append(policyparse.parse(_text()[:3000], extract=False))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(plans) == 24 and gc.isenabled()
    assert len({p.to_json() for p in plans}) == 1


def test_the_file_size_limit_is_checked_before_reading():
    with pytest.raises(policyparse.PolicyParseError, match=r"the file has 0.0136 MB, over the limit max_file_mb=0.001"):
        policyparse.parse_file(BUNDLED, limits={"max_file_mb": 0.001})
    with pytest.raises(policyparse.PolicyParseError, match="max_file_mb"):
        from policyparse.ingest.reader import read_bytes

        read_bytes(BUNDLED.read_bytes(), "plan.txt", limits={"max_file_mb": 0.001})
    assert len(policyparse.parse_file(BUNDLED, extract=False, limits={"max_file_mb": 1}).items) == 27


def test_a_file_is_read_without_allocating_the_limit_up_front():
    import tracemalloc

    from policyparse.ingest.reader import read_file_bytes

    tracemalloc.start()
    try:
        data = read_file_bytes(BUNDLED)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == BUNDLED.read_bytes() and peak < 10 * len(data)  # not max_file_mb (512 MB)
    # a file that states no size (a /proc file) is still read whole
    assert b"Name:" in read_file_bytes("/proc/self/status")


def test_a_cut_short_docx_is_named_as_such(cache, tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(hostile._docx_bytes(_text(), cache)[:5000])
    with pytest.raises(policyparse.PolicyParseError, match="a damaged or cut-short .docx"):
        policyparse.read(path)
