"""The command line: streaming output, early errors, pipes."""
from __future__ import annotations

import json
import subprocess
import sys

import policyparse
from policyparse.cli.main import main
from policyparse.export.tables import TABLES
from support import BUNDLED, gwr_path


def test_several_files_as_one_json_array_with_failures_reported(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["parse", str(BUNDLED), str(empty), str(BUNDLED), "--format", "json", "--no-sentences"])
    out, err = capsys.readouterr()
    assert code == 1
    docs = json.loads(out)
    assert [len([n for n in d["nodes"] if n["kind"] == "item"]) for d in docs] == [27, 27]
    assert err.strip().split("\n") == [f"policyparse: {empty}: file is empty", "policyparse: 1 of 3 files failed"]


def test_an_unwritable_output_is_a_usage_error_before_any_parsing(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["parse", str(empty), "-o", str(tmp_path / "no" / "dir" / "out.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot write" in err and "file is empty" not in err  # nothing was parsed


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
    assert "  全市学前三年教育毛入学率: ≥ 90.5 %  (rate, aspirational)  [90.5%以上 @ " in out
    assert "  全国校园足球特色学校: 10-15 所  (level)" in out
    assert "  江岸区 (district): guided 1, lead 1, supported 1" in out  # 指导支持江岸区开展…: guided, it acts


def test_a_reader_that_stops_early_gets_no_traceback():
    cmd = [sys.executable, "-c", "import sys; from policyparse.cli.main import main; sys.exit(main(sys.argv[1:]))",
           "parse", str(BUNDLED), str(BUNDLED), str(BUNDLED), "--format", "jsonl"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait() == 1  # stopped early: not every plan was written
    assert "Traceback" not in err and "BrokenPipeError" not in err


# --- tables and graph as files ---------------------------------------------------------------

def test_csv_tables_into_a_folder_join_back(tmp_path, bundled_plan):
    import pandas as pd

    out = tmp_path / "tables"
    assert main(["parse", str(BUNDLED), "--format", "csv", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in (*TABLES, "meta"))
    frames = bundled_plan.frames()
    for name, frame in frames.items():
        back = pd.read_csv(out / f"{name}.csv", keep_default_na=False, na_values=[""])
        assert list(back.columns) == list(frame.columns) and len(back) == len(frame), name
    tasks = pd.read_csv(out / "tasks.csv")
    targets = pd.read_csv(out / "targets.csv")
    assert targets["task"].isin(tasks["id"]).all() and len(targets) == 14
    text = bundled_plan.text
    assert [text[s:e] for s, e in zip(targets["start"], targets["end"])] == list(targets["surface"])
    meta = pd.read_csv(out / "meta.csv")
    assert meta.loc[0, "title"] == bundled_plan.meta.title and meta.loc[0, "year"] == 2019


def test_parquet_one_folder_per_file(tmp_path):
    import pandas as pd

    out = tmp_path / "panel"
    files = [str(gwr_path(2018)), str(gwr_path(2019))]
    assert main(["parse", *files, "--format", "parquet", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["2018", "2019"]
    for year in (2018, 2019):
        targets = pd.read_parquet(out / str(year) / "targets.parquet")
        plan = policyparse.parse_file(gwr_path(year))
        assert list(targets["id"]) == [q.id for q in plan.targets]
        assert str(targets["start"].dtype) == "Int64" and targets["value"].dtype == "float64"
        assert pd.read_parquet(out / str(year) / "meta.parquet").loc[0, "year"] == year


def test_graphml_file_reads_back_in_networkx(tmp_path, bundled_plan):
    import networkx as nx

    out = tmp_path / "plan.graphml"
    assert main(["parse", str(BUNDLED), "--format", "graphml", "-o", str(out)]) == 0
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.number_of_nodes() == bundled_plan.to_networkx().number_of_nodes()
    many = tmp_path / "graphs"
    assert main(["parse", str(BUNDLED), str(gwr_path(2019)), "--format", "graphml", "-o", str(many)]) == 0
    assert sorted(p.name for p in many.iterdir()) == ["2019.graphml", "edu-bureau-2019.graphml"]


def test_file_formats_need_a_clear_output(capsys, tmp_path):
    assert main(["parse", str(BUNDLED), "--format", "csv"]) == 2
    assert "--format csv writes files: give -o OUT, a folder" in capsys.readouterr().err
    a_file = tmp_path / "taken.txt"
    a_file.write_text("x")
    assert main(["parse", str(BUNDLED), "--format", "parquet", "-o", str(a_file)]) == 2
    assert f"{a_file}: not a folder" in capsys.readouterr().err
    twin = tmp_path / "other" / BUNDLED.name
    twin.parent.mkdir()
    twin.write_bytes(BUNDLED.read_bytes())
    assert main(["parse", str(BUNDLED), str(twin), "--format", "csv", "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "several files would write to the same place" in err and "edu-bureau-2019" in err
    assert not (tmp_path / "out").exists()  # nothing parsed, nothing written


def test_a_bad_file_among_several_is_reported_and_the_others_written(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert main(["parse", str(BUNDLED), str(empty), "--format", "csv", "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip().split("\n") == [f"policyparse: {empty}: file is empty",
                                                           "policyparse: 1 of 2 files failed"]
    assert sorted(p.name for p in out.iterdir()) == ["edu-bureau-2019"]
