"""Batch against what breaks batches: names in any bytes, a second run, a full disk, a dead worker.

Names: GBK bytes (a Windows zip unpacked on Linux) are not valid UTF-8; they
must be parsed, recorded losslessly and matched on ``--resume``. A second
run into a folder in use is refused. A disk that refuses a write gives one
line and whole lines. ``parse_many`` runs in a plain script without a
``__main__`` guard and from standard input; a worker killed mid-run is a
``PolicyParseError``; the progress bar shows only when asked or on a terminal.
"""
from __future__ import annotations

import base64
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

import policyparse
from policyparse.batch.ledger import LOCK_NAME, Ledger, LedgerBusy
from policyparse.batch.runner import parse_many
from policyparse.cli.main import main
from support import BUNDLED, GWR, gwr_path

CLI = [sys.executable, "-m", "policyparse.cli.main"]


def gbk_name(folder: Path, name: str) -> str:
    """The path of ``folder/name`` with the name in GBK bytes, as Python lists it (surrogate-escaped)."""
    return os.fsdecode(os.fsencode(folder) + b"/" + name.encode("gbk"))


def write(path: str, data: bytes) -> str:
    with open(path, "wb") as f:
        f.write(data)
    return path


def records(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]  # strict UTF-8


@pytest.fixture()
def gbk_folder(tmp_path) -> dict:
    folder = tmp_path / "zip"
    folder.mkdir()
    good = [write(gbk_name(folder, f"{year}年政府工作报告.txt"), gwr_path(year).read_bytes()) for year in (2018, 2019)]
    plain = write(str(folder / "plain.txt"), BUNDLED.read_bytes())
    bad = write(gbk_name(folder, "损坏的文件.txt"), b"")
    return {"folder": folder, "good": good, "plain": plain, "bad": bad}


def test_gbk_names_are_parsed_recorded_losslessly_and_matched_on_resume(gbk_folder, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["batch", str(gbk_folder["folder"]), "-o", str(out), "--jobs", "1", "--no-extract"]
    assert main(args) == 1  # the empty file
    plans = records(out / "plans.jsonl")
    by_name = {os.fsdecode(base64.b64decode(r["source_bytes"])) if "source_bytes" in r else r["source"]: r
               for r in plans}
    assert sorted(by_name) == sorted(gbk_folder["good"] + [gbk_folder["plain"]])
    for path in gbk_folder["good"]:
        r = by_name[path]
        year = int(Path(r["source"]).name[:4])
        assert r["source"] == str(gbk_folder["folder"] / f"{year}年政府工作报告.txt")  # read as GBK: readable
        assert r["meta"]["source"] == r["source"] and r["meta"]["year"] == year
    assert "source_bytes" not in by_name[gbk_folder["plain"]]
    (error,) = records(out / "errors.jsonl")
    assert os.fsdecode(base64.b64decode(error["source_bytes"])) == gbk_folder["bad"]
    assert error["source"].endswith("损坏的文件.txt") and error["message"] == "file is empty"
    capsys.readouterr()
    assert main(args + ["--resume"]) == 1  # nothing new: every name matched, nothing written twice
    assert "this run: 0 new" in capsys.readouterr().err
    assert len(records(out / "plans.jsonl")) == 3 and len(records(out / "errors.jsonl")) == 1


def test_parse_with_a_gbk_name_writes_utf8(gbk_folder, tmp_path):
    out = tmp_path / "plan.json"
    assert main(["parse", gbk_folder["good"][1], "-o", str(out), "--no-extract"]) == 0
    doc = json.loads(out.read_bytes().decode("utf-8"))
    assert doc["meta"]["source"].endswith("2019年政府工作报告.txt") and doc["meta"]["year"] == 2019
    assert main(["parse", gbk_folder["good"][1], "--format", "csv", "-o", str(tmp_path / "t"), "--no-extract"]) == 0
    (tmp_path / "t" / "meta.csv").read_bytes().decode("utf-8")


def test_a_second_run_into_a_folder_in_use_refuses(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted(GWR.glob("*.txt"))[:30]:
        (folder / src.name).write_bytes(src.read_bytes())
    out = tmp_path / "out"
    cli = CLI + ["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress", "--no-extract"]
    first = subprocess.Popen(cli, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while first.poll() is None and time.monotonic() < deadline:
            if (out / "plans.jsonl").exists() and (out / "plans.jsonl").stat().st_size:
                break
            time.sleep(0.02)
        # freeze the first run while it holds the folder, so that it cannot end before the
        # second has tried (on a loaded machine it did: 30 outlines take about a second)
        os.killpg(first.pid, signal.SIGSTOP)
        assert first.poll() is None, "the first run ended before the second could start"
        for extra in ([], ["--resume"]):
            second = subprocess.run(cli + extra, capture_output=True, text=True)
            assert second.returncode == 2
            assert second.stderr.strip() == (f"policyparse batch: {out} is in use by another policyparse batch "
                                             f"(process {first.pid}): wait for it to end, or choose another output folder")
        assert first.poll() is None
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        first.stderr.close()
    # the lock died with its holder: the folder can be resumed now
    done = subprocess.run(cli + ["--resume"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    sources = [r["source"] for r in records(out / "plans.jsonl")]
    assert len(sources) == len(set(sources)) == 30


def test_the_lock_is_held_by_an_open_ledger_only(tmp_path):
    with Ledger(tmp_path, resume=False):
        with pytest.raises(LedgerBusy, match=f"process {os.getpid()}"):
            Ledger(tmp_path, resume=True)
    with Ledger(tmp_path, resume=True):  # released on close
        pass
    assert (tmp_path / LOCK_NAME).exists()


def _limited(limit: int):
    def preexec() -> None:  # a disk that takes only `limit` bytes per file: writes beyond fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return preexec


def test_a_disk_error_in_batch_is_one_line_and_leaves_whole_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for year in (2017, 2018, 2019):
        (folder / f"{year}.txt").write_bytes(gwr_path(year).read_bytes())
    out = tmp_path / "out"
    cli = CLI + ["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress", "--no-extract"]
    size = len(json.dumps(json.loads(policyparse.parse_file(gwr_path(2017), extract=False).to_json()),
                          ensure_ascii=False).encode("utf-8"))
    full = subprocess.run(cli, capture_output=True, text=True, preexec_fn=_limited(int(size * 1.5)),
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert full.returncode == 1
    lines = full.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in full.stderr
    assert lines[0].startswith(f"policyparse batch: {out / 'plans.jsonl'}: cannot write (File too large)")
    assert "--resume" in lines[0]
    assert len(records(out / "plans.jsonl")) == 1  # whole lines only: the failed write was cut back
    done = subprocess.run(cli + ["--resume"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(Path(r["source"]).name for r in records(out / "plans.jsonl")) == ["2017.txt", "2018.txt", "2019.txt"]


def test_a_disk_error_in_parse_leaves_no_file(tmp_path):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for fmt, out in (("json", tmp_path / "plan.json"), ("csv", tmp_path / "csv"), ("parquet", tmp_path / "pq"),
                     ("graphml", tmp_path / "plan.graphml")):
        done = subprocess.run(CLI + ["parse", str(BUNDLED), "-f", fmt, "-o", str(out)], capture_output=True,
                              text=True, preexec_fn=_limited(2000), env=env)
        assert done.returncode == 1, (fmt, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, (fmt, done.stderr)
        assert "cannot write (" in done.stderr and "File too large" in done.stderr
        left = [p.name for p in tmp_path.rglob("*") if p.is_file()]
        assert left == [], (fmt, left)  # no partial file, no .tmp


def test_a_disk_error_writing_batch_parquet_tables_removes_the_temporary_files(tmp_path):
    from policyparse.batch.parquet import write_tables

    plans = tmp_path / "plans.jsonl"
    line = json.dumps({"sha256": "ab", "source": "p.txt", **policyparse.parse_file(BUNDLED).to_dict()},
                      ensure_ascii=False)
    plans.write_text(line + "\n", encoding="utf-8")
    code = ("import sys, resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN);"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000));"
            "from policyparse.batch.parquet import write_tables; from policyparse.errors import PolicyParseError\n"
            "try: write_tables(sys.argv[1], sys.argv[2])\n"
            "except PolicyParseError as e: print(e, file=sys.stderr); sys.exit(1)")
    done = subprocess.run([sys.executable, "-c", code, str(plans), str(tmp_path / "tables")], capture_output=True,
                          text=True)
    assert done.returncode == 1 and "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert list((tmp_path / "tables").iterdir()) == []
    assert set(write_tables(plans, tmp_path / "tables")) >= {"nodes", "targets"}  # without the limit it works


SCRIPT = """
import policyparse
with open("side-effects.txt", "a") as f:   # top level, no __main__ guard: must run once, not once per worker
    f.write("ran\\n")
results = list(policyparse.parse_many({paths!r}, n_jobs=2, extract=False))
print(sum(r.ok for r in results), [r.record["meta"]["year"] for r in results])
"""


@pytest.mark.parametrize("how", ["script", "stdin"])
def test_parse_many_runs_in_a_plain_script_and_from_stdin(tmp_path, how):
    source = SCRIPT.format(paths=[str(gwr_path(2018)), str(gwr_path(2019))])
    if how == "script":
        (tmp_path / "example.py").write_text(source, encoding="utf-8")
        done = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True)
    else:
        done = subprocess.run([sys.executable, "-"], input=source, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2 [2018, 2019]"
    assert (tmp_path / "side-effects.txt").read_text() == "ran\n"
    assert done.stderr == ""  # no progress bar when stderr is not a terminal


def run_or_fail_on_hang(source: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """``source`` run by a fresh interpreter; a hang fails the test (it would otherwise stop the whole suite)."""
    try:
        return subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"hung for {timeout:.0f} s; it printed: {exc.stdout!r} {exc.stderr!r}")


KILL_WORKERS = """
import psutil
import policyparse
from policyparse import parse_many
results = parse_many({paths!r}, n_jobs=2, progress=False, extract=False, max_in_flight=4)
assert next(results).ok
workers = [p for p in psutil.Process().children(recursive=True) if "resource_tracker" not in " ".join(p.cmdline())]
assert workers
for p in workers:
    p.kill()
try:
    for _ in results:
        pass
except policyparse.PolicyParseError as exc:
    print(exc)
"""


def test_a_killed_worker_is_a_policyparse_error():
    done = run_or_fail_on_hang(KILL_WORKERS.format(paths=[str(p) for p in sorted(GWR.glob("*.txt"))[:30]]))
    assert done.returncode == 0, done.stderr
    assert "a worker process stopped abruptly" in done.stdout


# A worker killed while its result is on the way back (the out-of-memory killer
# picks the largest process, which is the one holding a large result) used to
# leave half a message in the executor's pipe, and the batch waited for the rest
# for ever: CI hung once in the test above. Results now come back through files.
# To make the moment certain, the process running the pool stops itself once
# its worker has the task, so nothing reads the pipe while the worker hands
# back its 20 MB; the worker is killed then, and the process continued.
SLOW = """
import time
def slow_and_large(n):
    time.sleep(0.5)
    return "x" * n
"""
HAND_BACK = """
import os, signal, sys, time
import psutil
from policyparse.batch.runner import worker_pool
from policyparse.errors import PolicyParseError
from slow import slow_and_large
with worker_pool(1) as pool:
    assert pool.result(pool.submit(len, "up")) == 2
    [worker] = [c for c in psutil.Process().children() if "resource_tracker" not in " ".join(c.cmdline())]
    print(worker.pid, flush=True)
    read = worker.io_counters().read_chars
    fut = pool.submit(slow_and_large, 20_000_000)
    while worker.io_counters().read_chars == read:  # until the worker has taken the task
        time.sleep(0.001)
    os.kill(os.getpid(), signal.SIGSTOP)
    try:
        print("returned", len(pool.result(fut)))
    except PolicyParseError as exc:
        print(exc)
"""


def test_a_worker_killed_while_handing_back_its_result_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "slow.py").write_text(SLOW, encoding="utf-8")
    runner = subprocess.Popen([sys.executable, "-c", HAND_BACK], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    try:
        worker = psutil.Process(int(runner.stdout.readline()))
        written = worker.io_counters().write_chars
        deadline = time.monotonic() + 120
        while psutil.Process(runner.pid).status() != psutil.STATUS_STOPPED or \
                worker.io_counters().write_chars == written:  # it has begun to hand back its result
            assert time.monotonic() < deadline, "the worker never began to hand back its result"
            time.sleep(0.01)
        time.sleep(0.2)  # through a pipe, it now waits for a reader, with part of its message written
        worker.kill()
        runner.send_signal(signal.SIGCONT)
        out, err = runner.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("the batch hung after its worker was killed")
    finally:
        runner.kill()
    assert runner.returncode == 0, err
    # killed while writing its file, or after it handed back the file's name: never half a message
    assert out == "returned 20000000\n" or "a worker process stopped abruptly" in out, out


def test_results_come_back_through_files_that_are_removed():
    from policyparse.batch.runner import worker_pool

    with worker_pool(2) as pool:
        big = pool.result(pool.submit(str.__mul__, "计划", 3_000_000))
        assert big == "计划" * 3_000_000
        with pytest.raises(ZeroDivisionError):  # what the function raises is raised here
            pool.result(pool.submit(divmod, 1, 0))
        assert os.listdir(pool.folder) == []  # each file is removed once read
    assert not os.path.exists(pool.folder)


def test_progress_bar_only_when_asked_or_on_a_terminal(capsys):
    list(parse_many([BUNDLED], n_jobs=1, extract=False))
    assert capsys.readouterr().err == ""  # stderr is captured, not a terminal
    list(parse_many([BUNDLED], n_jobs=1, extract=False, progress=True))
    assert "1/1" in capsys.readouterr().err


def test_resume_counts_new_skipped_and_failed_files(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2018.txt").write_bytes(gwr_path(2018).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress", "--no-extract"]
    assert main(args) == 1
    assert capsys.readouterr().err.startswith(f"parsed 1 of 2 files (1 failed, see {out / 'errors.jsonl'}) in ")
    (folder / "2019.txt").write_bytes(gwr_path(2019).read_bytes())  # new, good
    (folder / "nuls.txt").write_bytes(b"\x00" * 300)  # new, bad
    (folder / "copy.txt").write_bytes(gwr_path(2018).read_bytes())  # new name, content done before
    assert main(args + ["--resume"]) == 1
    assert capsys.readouterr().err.startswith(
        f"parsed 2 of 5 files (2 failed, see {out / 'errors.jsonl'}; this run: 2 new, 1 parsed, 1 failed; "
        f"done before: 2, 1 of them failed; 1 duplicate, see {out / 'duplicates.jsonl'}) in ")
    assert len(records(out / "plans.jsonl")) == 2 and len(records(out / "errors.jsonl")) == 2
