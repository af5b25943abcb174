"""What the command line writes: never over an input, safe in its medium, clear exits.

An output naming an input (by any path: the same name, a link) is refused
before anything is read, for every command and format. CSV text cells that
a spreadsheet would run get the OWASP apostrophe; the table formats drop
terminal control sequences; Markdown escapes HTML; GraphML drops what XML
cannot hold. A missing input exits 2 with one line; ``panel`` names each
file without a year and takes the years on the command line.
"""
from __future__ import annotations

import csv
import io
import json
import os

import networkx as nx
import pytest

import policyparse
from policyparse.cli.main import main
from policyparse.sanitize import FORMULA_START
from support import BUNDLED, gwr_path

#: a plan whose text holds what spreadsheets, Markdown and terminals would act on
HOSTILE = ("关于=HYPERLINK(\"http://x\")的工作要点\n"
           "一、=1+2总体要求\n"
           "1.@SUM(A1)推进改革，确保覆盖率达到90%以上。\n"
           "2.-3+5加强<script>alert(1)</script>管理，[点此](javascript:alert(1))，<img src=x onerror=alert(1)>。\n"
           "3.+7完善\x1b]0;owned\x07制度\x1b[2J，\u202e反转\u202c。\n")


@pytest.fixture()
def hostile(tmp_path):
    path = tmp_path / "2019年工作要点.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table", "graphml"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, capsys, fmt):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(BUNDLED.read_bytes())
    alias = tmp_path / "alias.txt"
    alias.symlink_to(plan)
    for out in (plan, alias):
        assert main(["parse", str(BUNDLED), str(plan), "-f", fmt, "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert err == f"policyparse: {out}: is an input file; writing there would destroy it: choose another output\n"
        assert plan.read_bytes() == BUNDLED.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.txt", "plan.txt"]  # no temporary file left


def test_diff_and_panel_refuse_to_write_over_an_input(tmp_path, capsys):
    old = tmp_path / "2018.txt"
    old.write_bytes(gwr_path(2018).read_bytes())
    assert main(["diff", str(old), str(gwr_path(2019)), "-o", str(old)]) == 2
    assert main(["panel", str(old), "-o", str(old)]) == 2
    assert capsys.readouterr().err.count("is an input file") == 2
    assert old.read_bytes() == gwr_path(2018).read_bytes()


def test_parse_output_is_written_whole_and_replaces_an_old_file(tmp_path):
    out = tmp_path / "plan.json"
    out.write_text("old", encoding="utf-8")
    assert main(["parse", str(BUNDLED), "-o", str(out), "--no-extract"]) == 0
    assert json.loads(out.read_text("utf-8"))["meta"]["year"] == 2019
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_missing_input_exits_2_with_one_line(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["parse", str(missing)]) == 2
    assert capsys.readouterr().err == f"policyparse: no such file: {missing}\n"
    assert main(["batch", str(tmp_path / "no-folder"), "-o", str(tmp_path / "out"), "--no-progress"]) == 2
    assert capsys.readouterr().err == f"policyparse batch: no such file or folder: {tmp_path / 'no-folder'}\n"
    assert not (tmp_path / "out").exists()
    (tmp_path / "empty").mkdir()
    assert main(["batch", str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "--no-progress"]) == 2
    assert capsys.readouterr().err == f"policyparse batch: {tmp_path / 'empty'}: no files found\n"


def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe(hostile, tmp_path):
    out = tmp_path / "tables"
    assert main(["parse", str(hostile), "-f", "csv", "-o", str(out)]) == 0
    cells = []
    for table in out.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(table.read_text("utf-8"))))
        cells += [c for row in rows for c in row]
    assert cells and not [c for c in cells if c.startswith(FORMULA_START)]
    headings = {row["heading"] for row in csv.DictReader(io.StringIO((out / "nodes.csv").read_text("utf-8")))}
    assert {"'=1+2总体要求", "'@SUM(A1)推进改革，确保覆盖率达到90%以上"} <= headings
    # number columns stay numbers: spans and values are not prefixed
    targets = list(csv.DictReader(io.StringIO((out / "targets.csv").read_text("utf-8"))))
    assert targets and targets[0]["value"] == "90.0" and targets[0]["start"].isdigit()


def test_table_output_carries_no_terminal_control(hostile, tmp_path, capsys):
    named = tmp_path / "a\x1b[2Jb.txt"  # the file name is printed too
    named.write_text(HOSTILE, encoding="utf-8")
    assert main(["parse", str(hostile), str(named), "-f", "table"]) == 0
    out = capsys.readouterr().out
    assert "3. +7完善]0" in out and "a[2Jb.txt" in out  # the text stays, the controls go
    assert not [ch for ch in out if (ord(ch) < 32 and ch not in "\n\t") or 0x7f <= ord(ch) <= 0x9f]
    assert "\u202e" not in out
    assert main(["diff", str(hostile), str(named)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_markdown_escapes_html_and_links(hostile, tmp_path):
    other = tmp_path / "2020年工作要点.txt"
    other.write_text(HOSTILE.replace("加强", "全面加强").replace("完善", "健全"), encoding="utf-8")
    md = policyparse.diff(str(hostile), str(other)).to_markdown()
    assert "加强" in md  # the reworded items are in the report
    for raw in ("<script", "<img", "](javascript:", "\x1b"):
        assert raw not in md
    assert "&lt;script&gt;" in md


def test_graphml_drops_what_xml_cannot_hold(tmp_path):
    plan = policyparse.parse(HOSTILE.replace("完善", "完\x01善\x0b"), source="plan\x02.txt")
    out = tmp_path / "plan.graphml"
    plan.to_graphml(out)
    graph = nx.read_graphml(out)
    assert graph.graph["source"] == "plan.txt"
    assert graph.number_of_nodes() == plan.to_networkx().number_of_nodes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.graphml"]


NO_YEAR = "一、主要目标\n1.城镇新增就业{n}万人以上。\n2.居民消费价格涨幅3%左右。\n"


def test_panel_without_years_names_each_file_and_takes_years(tmp_path, capsys):
    a, b = tmp_path / "plan-a.txt", tmp_path / "plan-b.txt"
    a.write_text(NO_YEAR.format(n=1100), encoding="utf-8")
    b.write_text(NO_YEAR.format(n=1200), encoding="utf-8")
    assert main(["panel", str(a), str(b)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"policyparse: {p}: no year found in its text or name; give it with --year {p}=YEAR "
                                "or --years MAPPING (lines FILE,YEAR)" for p in (a, b)]
    assert "Warning" not in err
    assert main(["panel", str(a), str(b), "--year", f"{a}=2019", "--year", "plan-b.txt=2020"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted({(r["year"], r["value"]) for r in rows if r["indicator"] == "城镇新增就业"}) == [
        ("2019", "1100.0"), ("2020", "1200.0")]
    mapping = tmp_path / "years.csv"
    mapping.write_text(f"file,year\n{a},2019\nplan-b.txt,2020\n", encoding="utf-8")
    assert main(["panel", str(a), str(b), "--years", str(mapping)]) == 0
    assert sorted({r["year"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}) == ["2019", "2020"]
    (tmp_path / "years.json").write_text(json.dumps({"plan-a.txt": 2019}), encoding="utf-8")
    assert main(["panel", str(a), str(b), "--years", str(tmp_path / "years.json")]) == 1  # b still has none
    assert capsys.readouterr().err.count("no year found") == 1
    assert main(["panel", str(a), "--year", "plan-a.txt=nineteen"]) == 2
    assert "is not a year" in capsys.readouterr().err
