"""Bad and awkward input: every failure is a PolicyParseError naming the file;
odd but readable plans parse, with warnings instead of exceptions."""
from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest

import policyparse
from policyparse.cli.main import main
from support import BUNDLED, GWR, HEADING_KINDS, assert_spans, gwr_path

#: only built here, never opened at import time
GWR_2019 = GWR / "2019.txt"


def _random_bytes(n: int, seed: int, nul_every: int = 0) -> bytes:
    rng = random.Random(seed)
    data = bytearray(rng.randrange(1, 256) for _ in range(n))
    if nul_every:
        data[::nul_every] = bytes(len(data[::nul_every]))
    return bytes(data)


BAD_FILES = {
    "empty.txt": b"",
    "random-with-nuls.bin": _random_bytes(8192, seed=1, nul_every=97),
    "random-no-nuls.bin": _random_bytes(8192, seed=2),
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(512, seed=3),
    "nul-text.txt": "一、总体要求\x00".encode("utf-8") * 200,
    "whitespace.txt": " \n\t\r\n\u3000\u3000\n  \n".encode("utf-8"),
    "invisible-only.txt": "\ufeff\u200b\n\u200b\u200c\n".encode("utf-8"),
}


def _make_bad(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name == "a-directory":
        path.mkdir()
    elif name != "missing.txt":
        path.write_bytes(BAD_FILES[name])
    return path


ALL_BAD = sorted(BAD_FILES) + ["a-directory", "missing.txt"]


@pytest.mark.parametrize("name", ALL_BAD)
def test_bad_file_raises_error_naming_it(tmp_path, name):
    path = _make_bad(tmp_path, name)
    with pytest.raises(policyparse.PolicyParseError) as info:
        policyparse.parse_file(path)
    err = info.value
    assert err.source == str(path)
    assert str(err) == f"{path}: {err.reason}"
    assert err.reason and "\n" not in err.reason


@pytest.mark.parametrize("name, reason_words", [
    ("empty.txt", "empty"),
    ("random-with-nuls.bin", "binary"),
    ("image.png", "PNG"),
    ("nul-text.txt", "binary"),
    ("whitespace.txt", "no text"),
    ("invisible-only.txt", "no text"),
    ("a-directory", "directory"),
    ("missing.txt", "no such file"),
])
def test_bad_file_reason(tmp_path, name, reason_words):
    path = _make_bad(tmp_path, name)
    with pytest.raises(policyparse.PolicyParseError) as info:
        policyparse.parse_file(path)
    assert reason_words in info.value.reason


@pytest.mark.parametrize("name", ["empty.txt", "random-with-nuls.bin", "image.png", "a-directory", "missing.txt"])
def test_read_rejects_non_text(tmp_path, name):
    path = _make_bad(tmp_path, name)
    with pytest.raises(policyparse.PolicyParseError) as info:
        policyparse.read(path)
    assert info.value.source == str(path)


def test_parse_of_blank_text_names_the_source():
    with pytest.raises(policyparse.PolicyParseError) as info:
        policyparse.parse("  \n\u3000\n", source="plan.txt")
    assert str(info.value).startswith("plan.txt: ")


# --- readable plans that are odd -------------------------------------------------------------

NO_NUMBERING = (
    "关于加强学校安全管理工作的通知\n"
    "各区教育局，各直属学校：\n"
    "为进一步加强学校安全管理，现就有关事项通知如下。请各单位高度重视，认真落实。\n"
    "各学校要完善安全制度，强化主体责任。确保各项工作取得实效！\n"
    "特此通知。\n"
)


def _check_tree(plan: policyparse.Plan) -> None:
    assert_spans(plan)
    ids = {n.id for n in plan.nodes}
    for n in plan.nodes:
        assert n.parent is None or n.parent in ids
        if n.parent is not None:
            p = plan.node(n.parent)
            assert p.span[0] <= n.span[0] <= n.span[1] <= p.span[1]


def test_no_numbering_gives_preamble_paragraph_sentence_tree():
    plan = policyparse.parse(NO_NUMBERING)
    assert plan.meta.title == "关于加强学校安全管理工作的通知"
    assert [w.code for w in plan.warnings] == ["no-numbering"]
    kinds = Counter(n.kind for n in plan.nodes)
    assert kinds == {"preamble": 1, "paragraph": 4, "sentence": 6}
    roots = plan.children(None)
    assert [r.kind for r in roots] == ["preamble"]
    assert all(p.kind == "paragraph" for p in plan.children(roots[0]))
    for para in plan.nodes_of("paragraph"):
        kids = plan.children(para)
        assert kids and all(k.kind == "sentence" for k in kids)
        assert "".join(plan.span_text(k) for k in kids) == plan.span_text(para)
    assert [plan.span_text(s) for s in plan.nodes_of("sentence")][1:3] == [
        "为进一步加强学校安全管理，现就有关事项通知如下。", "请各单位高度重视，认真落实。"]
    _check_tree(plan)


def test_no_numbering_real_report_1954():
    plan = policyparse.parse_file(gwr_path(1954))
    assert "no-numbering" in [w.code for w in plan.warnings]
    assert not plan.nodes_of(*HEADING_KINDS)
    assert [r.kind for r in plan.children(None)] == ["preamble"]
    assert len(plan.nodes_of("paragraph")) > 50
    _check_tree(plan)


def _labels(plan, *kinds):
    return [n.label for n in plan.nodes_of(*kinds)]


def test_skipped_and_repeated_item_numbers_warn():
    text = ("2020年工作要点\n一、总体要求\n1.抓好学习。深入推进改革。\n2.推进改革。加强管理。\n"
            "4.加强建设。提高质量。\n5.做好保障。\n5.强化督查。\n6.抓好落实。\n")
    plan = policyparse.parse(text)
    assert_spans(plan)
    assert _labels(plan, "item") == ["1.", "2.", "4.", "5.", "5.", "6."]
    assert [n.heading for n in plan.items] == ["抓好学习", "推进改革", "加强建设", "做好保障", "强化督查", "抓好落实"]
    codes = [(w.code, w.text) for w in plan.warnings]
    assert codes == [("skipped-number", "4."), ("repeated-number", "5.")]
    for w in plan.warnings:
        assert plan.text[slice(*w.span)] == w.text
        assert text[slice(*w.raw_span)] == w.text


def test_skipped_and_repeated_section_numbers_in_real_report_warn():
    text = GWR_2019.read_text(encoding="utf-8")
    assert text.count("（三）") == 1
    plan = policyparse.parse(text.replace("（三）", "（四）"))
    assert_spans(plan)
    assert _labels(plan, "subsection")[:5] == ["（一）", "（二）", "（四）", "（四）", "（五）"]
    assert len(plan.nodes_of("subsection")) == 10
    codes = [w.code for w in plan.warnings]
    assert "skipped-number" in codes and "repeated-number" in codes


# --- a 20 MB file ---------------------------------------------------------------------------

def test_twenty_megabyte_file_outline_is_proportional(tmp_path):
    text = GWR_2019.read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    single = policyparse.parse(text)
    assert_spans(single)
    copy_bytes = len(text.encode("utf-8"))
    k = -(-20 * 1024 * 1024 // copy_bytes)  # enough copies for 20 MB
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as f:
        for i in range(k):
            f.write(title.replace("2019年", f"2019年（第{i + 1}册）", 1) + "\n" + body)
    assert path.stat().st_size >= 20 * 1024 * 1024

    plan = policyparse.parse_file(path)
    assert_spans(plan)
    counts = Counter(n.kind for n in plan.nodes)
    one = Counter(n.kind for n in single.nodes)
    assert one["section"] == 3 and one["subsection"] == 10
    for kind in HEADING_KINDS:
        assert counts[kind] == k * one[kind], kind
    assert _labels(plan, *HEADING_KINDS) == k * _labels(single, *HEADING_KINDS)
    assert len(plan.text) >= 0.95 * k * len(single.text)
    assert counts["sentence"] >= k * one["sentence"]


# --- the command line -----------------------------------------------------------------------------

def test_cli_bad_files_reported_good_files_written(tmp_path, capsys):
    bad = [_make_bad(tmp_path, n) for n in ALL_BAD]
    good = [BUNDLED, GWR_2019]
    args = [str(good[0])] + [str(b) for b in bad[:5]] + [str(good[1])] + [str(b) for b in bad[5:]]
    rc = main(["parse", *args, "--format", "jsonl", "--no-sentences"])
    out, err = capsys.readouterr()
    assert rc == 1
    lines = err.strip().split("\n")
    assert len(lines) == len(bad) + 1 and lines[-1] == f"policyparse: {len(bad)} of {len(bad) + len(good)} files failed"
    for path, line in zip(bad, lines):
        assert str(path) in line, line
    plans = [policyparse.Plan.from_json(ln) for ln in out.strip().split("\n")]
    assert [p.meta.source for p in plans] == [str(g) for g in good]
    assert len(plans[0].items) == 27 and len(plans[1].sections) == 3


def test_cli_bad_file_with_json_and_table(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    rc = main(["parse", str(BUNDLED), str(missing)])
    out, err = capsys.readouterr()
    assert rc == 1
    assert err.strip().split("\n") == [f"policyparse: {missing}: no such file", "policyparse: 1 of 2 files failed"]
    data = json.loads(out)
    assert [d["meta"]["source"] for d in data] == [str(BUNDLED)]

    rc = main(["parse", str(missing), str(BUNDLED), "--format", "table"])
    out, err = capsys.readouterr()
    assert rc == 1 and str(missing) in err and err.count("\n") == 2
    assert "市教育局党委市教育局2019年工作要点" in out and "27. 创新教育教学模式" in out


def test_cli_only_bad_files(tmp_path, capsys):
    empty = _make_bad(tmp_path, "empty.txt")
    rc = main(["parse", str(empty), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert rc == 1 and out == ""
    assert err.strip() == f"policyparse: {empty}: file is empty"


def test_cli_unknown_format_is_usage_error(capsys):
    rc = main(["parse", str(BUNDLED), "--format", "xml"])
    out, err = capsys.readouterr()
    assert rc == 2
    assert out == "" and "xml" in err


def test_cli_good_files_exit_zero(capsys):
    rc = main(["parse", str(BUNDLED), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert rc == 0 and err == ""
    assert policyparse.Plan.from_json(out).meta.title == "市教育局党委市教育局2019年工作要点"


@pytest.mark.parametrize("meta,reason", [
    ({"__class__": 1}, "unknown metadata field '__class__'"),
    ({"year": "abc"}, "metadata field 'year' cannot be 'abc'"),
    ({"issuers": ["市教育局", 3]}, "'issuers' must be a list of strings"),
    ([("year", 2020)], "meta must be a dict"),
])
def test_bad_metadata_override_is_a_clear_error(meta, reason):
    with pytest.raises(policyparse.PolicyParseError, match=re.escape(reason)):
        policyparse.parse("标题\n一、甲\n二、乙", meta=meta, source="plan.txt")


def test_text_with_unpaired_surrogates_is_a_clear_error():
    with pytest.raises(policyparse.PolicyParseError, match="surrogate"):
        policyparse.parse("标题\n一、甲\ud800\n二、乙")


@pytest.mark.parametrize("path", [b"plan.txt", None, 42])
def test_a_path_that_is_not_a_path_is_a_clear_error(path):
    with pytest.raises(policyparse.PolicyParseError, match="a path must be a str or os.PathLike"):
        policyparse.parse_file(path)


def test_a_path_too_long_for_the_file_system_is_a_clear_error():
    with pytest.raises(policyparse.PolicyParseError, match="cannot be read"):
        policyparse.parse_file("计划" * 2000 + ".txt")


def test_a_title_alone_parses_with_a_warning():
    plan = policyparse.parse("2020年工作要点")
    assert_spans(plan)
    assert plan.meta.title == "2020年工作要点" and plan.nodes == []
    assert [w.message for w in plan.warnings] == ["no numbered headings and no text after the title"]
