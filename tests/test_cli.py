"""The command line: streaming output, early errors, pipes."""
from __future__ import annotations

import json
import subprocess
import sys

from policyparse.cli import main
from conftest import BUNDLED


def test_several_files_as_one_json_array_with_failures_reported(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["parse", str(BUNDLED), str(empty), str(BUNDLED), "--format", "json", "--no-sentences"])
    out, err = capsys.readouterr()
    assert code == 1
    docs = json.loads(out)
    assert [len([n for n in d["nodes"] if n["kind"] == "item"]) for d in docs] == [27, 27]
    assert err.strip() == f"policyparse: {empty}: file is empty"


def test_an_unwritable_output_is_a_usage_error_before_any_parsing(capsys, tmp_path):
    code = main(["parse", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "no" / "dir" / "out.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot write" in err and "missing.txt" not in err  # nothing was parsed


def test_outline_only_and_segmenter_options(capsys):
    assert main(["parse", str(BUNDLED), "--no-extract"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["tasks"] == [] and doc["quantities"] == [] and len(doc["nodes"]) > 100
    assert main(["parse", str(BUNDLED), "--segmenter", "pkuseg"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [t["verb"] for t in doc["tasks"] if t["lead"]][:5] == ["学习贯彻", "抓好", "研究", "筹备", "推进"]


def test_table_output_names_the_outline(capsys):
    assert main(["parse", str(BUNDLED), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "outline  5 sections, 27 items" in out
    assert "  27. 创新教育教学模式" in out
    # the extracted facts follow the outline: targets with their comparators, actors with their roles
    assert "  学前三年教育毛入学率: ≥ 90.5 %  (rate, aspirational)  [90.5%以上 @ " in out
    assert "  全国校园足球特色学校: 10-15 所  (level)" in out
    assert "  江岸区 (district): guided 1, supported 1" in out


def test_a_reader_that_stops_early_gets_no_traceback():
    cmd = [sys.executable, "-c", "import sys; from policyparse.cli import main; sys.exit(main(sys.argv[1:]))",
           "parse", str(BUNDLED), str(BUNDLED), str(BUNDLED), "--format", "jsonl"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    err = proc.stderr.read().decode()
    proc.wait()
    assert "Traceback" not in err and "BrokenPipeError" not in err
