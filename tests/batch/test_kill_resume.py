"""A small run of ``scripts/batch_kill_resume.py``: kill -9 twice, resume, nothing lost or doubled.

The full goal (200 files, 10 bad, 20 with GBK names, five kills) is the
script's default run; this is the same code on 30 files.
"""
from __future__ import annotations

import importlib.util

from support import REPO


def _script():
    spec = importlib.util.spec_from_file_location("batch_kill_resume", REPO / "scripts" / "batch_kill_resume.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_killed_twice_and_resumed_every_file_once_no_torn_line_no_orphan(tmp_path):
    script = _script()
    report = script.run(files=30, bad=4, gbk=8, kills=2, jobs=2, work=tmp_path / "run", log=lambda *_: None)
    assert report["problems"] == []
    assert report["kills"] == 2 and report["plans"] == 26 and report["errors"] == 4
    # the kills fell inside the run, not after it
    assert all(0 < k < 30 for k in report["killed_at"])
    assert report["orphan_seconds_max"] < script.ORPHAN_GRACE
