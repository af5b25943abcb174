"""Reading plan files in the encodings Chinese documents come in.

Every file is written to ``tmp_path`` inside the test from a real plan (the
bundled education-bureau plan and the 2019 Government Work Report, read in
place from ``../shared/corpora``), and must decode to the right text and parse
to the same outline as the UTF-8 original.
"""
from __future__ import annotations

import bisect
import codecs
import re

import opencc
import pytest

import policyparse
from policyparse.ingest.normalize import normalize
from support import BUNDLED, GWR, HEADING_KINDS, assert_spans, gwr_path

#: only built here, never opened at import time
GWR_2019 = GWR / "2019.txt"

DOCS = {"edu-bureau-2019": BUNDLED, "gwr-2019": GWR_2019}
#: the outline of each document, checked so that equal outlines are never two empty ones
EXPECTED_SHAPE = {
    "edu-bureau-2019": {"section": 5, "item": 27},
    "gwr-2019": {"section": 3, "subsection": 10},
}

_WS = re.compile(r"\s+")


def _text(name: str) -> str:
    return DOCS[name].read_text(encoding="utf-8")


def outline(plan: policyparse.Plan) -> list[tuple[str, str | None, str | None]]:
    """Kinds, labels and headings of the numbered (heading) nodes, in order."""
    return [(n.kind, n.label, n.heading) for n in plan.nodes if n.kind in HEADING_KINDS]


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def _crlf(t: str) -> str:
    return t.replace("\n", "\r\n")


def _cr(t: str) -> str:
    return t.replace("\n", "\r")


# (variant id, how the file is written, the text read() must return, accepted codec names)
VARIANTS = [
    ("utf-8", lambda t: t.encode("utf-8"), lambda t: t, {"utf-8"}),
    ("utf-8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), lambda t: t, {"utf-8-sig"}),
    ("gb18030-crlf", lambda t: _crlf(t).encode("gb18030"), _crlf, {"gb18030"}),
    # GBK is a subset of GB18030: decoding it as GB18030 is exact
    ("gbk-crlf", lambda t: _crlf(t).encode("gbk"), _crlf, {"gbk", "gb18030"}),
    ("utf-8-cr-only", lambda t: _cr(t).encode("utf-8"), _cr, {"utf-8"}),
    ("gb18030-cr-only", lambda t: _cr(t).encode("gb18030"), _cr, {"gb18030"}),
    ("utf-16-bom", lambda t: t.encode("utf-16"), lambda t: t, {"utf-16"}),
    ("utf-16-le-bom-crlf", lambda t: codecs.BOM_UTF16_LE + _crlf(t).encode("utf-16-le"), _crlf, {"utf-16"}),
    ("utf-16-le-no-bom", lambda t: t.encode("utf-16-le"), lambda t: t, {"utf-16-le"}),
    ("utf-16-be-no-bom", lambda t: t.encode("utf-16-be"), lambda t: t, {"utf-16-be"}),
]


@pytest.fixture(scope="module")
def originals() -> dict[str, policyparse.Plan]:
    plans = {name: policyparse.parse_file(path) for name, path in DOCS.items()}
    for plan in plans.values():
        assert_spans(plan)
    return plans


def test_original_outlines_are_the_real_ones(originals):
    for name, plan in originals.items():
        counts = {k: len(plan.nodes_of(k)) for k in EXPECTED_SHAPE[name]}
        assert counts == EXPECTED_SHAPE[name], name
    assert originals["gwr-2019"].nodes_of("section")[0].heading == "2018年工作回顾"
    assert originals["edu-bureau-2019"].nodes_of("item")[-1].heading == "创新教育教学模式"


@pytest.mark.parametrize("doc", sorted(DOCS))
@pytest.mark.parametrize("variant", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_encoding_gives_same_outline(tmp_path, originals, doc, variant):
    vid, write, expected_text, codecs_ok = variant
    text = _text(doc)
    path = tmp_path / f"{doc}.{vid}.txt"
    path.write_bytes(write(text))

    d = policyparse.read(path)
    assert d.source == str(path)
    assert _codec(d.encoding) in codecs_ok, d.encoding
    assert d.text == expected_text(text)  # line ends kept as in the file, BOM gone

    plan = policyparse.parse_file(path)
    assert plan.raw_text == d.text
    assert_spans(plan)
    assert plan.meta.source == str(path)
    assert plan.text == originals[doc].text
    assert plan.meta.title == originals[doc].meta.title
    assert outline(plan) == outline(originals[doc])


def _traditional(text: str) -> str:
    # Taiwan standard forms (為, 啟, 群 ...) are the ones Big5 can encode
    return opencc.OpenCC("s2tw").convert(text)


def test_big5_traditional_plan_gives_same_outline(tmp_path, originals):
    trad = _traditional(_text("edu-bureau-2019"))
    assert "習近平" in trad and "教育現代化" in trad  # really traditional script
    path = tmp_path / "edu-big5.txt"
    path.write_bytes(trad.encode("big5"))

    d = policyparse.read(path)
    assert _codec(d.encoding) in {"big5", "big5hkscs", "cp950"}, d.encoding
    assert d.text == trad

    plan = policyparse.parse_file(path)
    assert plan.raw_text == trad
    assert_spans(plan)
    assert outline(plan) == outline(originals["edu-bureau-2019"])
    assert plan.meta.title == originals["edu-bureau-2019"].meta.title


def test_big5_traditional_report_gives_same_outline(tmp_path, originals):
    trad = _traditional(_crlf(_text("gwr-2019")))
    (tmp_path / "utf8.txt").write_bytes(trad.encode("utf-8"))
    (tmp_path / "big5.txt").write_bytes(trad.encode("big5"))

    d = policyparse.read(tmp_path / "big5.txt")
    assert _codec(d.encoding) in {"big5", "big5hkscs", "cp950"}, d.encoding
    assert d.text == trad

    big5 = policyparse.parse_file(tmp_path / "big5.txt")
    utf8 = policyparse.parse_file(tmp_path / "utf8.txt")
    assert_spans(big5)
    assert_spans(utf8)
    assert outline(big5) == outline(utf8)
    assert big5.text == utf8.text

    orig = outline(originals["gwr-2019"])
    assert [(k, lab) for k, lab, _ in outline(big5)] == [(k, lab) for k, lab, _ in orig]
    # simplified again; 著 is a valid simplified character that OpenCC t2s keeps
    # where the original has 着 (著力), so compare with that one ambiguity folded
    assert [h.replace("著", "着") for _, _, h in outline(big5)] == [h for _, _, h in orig]


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_raw_span_invariant_gb18030_crlf(tmp_path, originals, doc):
    text = _text(doc)
    crlf = _crlf(text)
    path = tmp_path / "plan-gb18030-crlf.txt"
    path.write_bytes(crlf.encode("gb18030"))
    d = policyparse.read(path)
    plan = policyparse.parse_file(path)
    raw = plan.raw_text
    assert raw == d.text == crlf
    assert_spans(plan)
    orig = originals[doc]
    assert len(plan.nodes) == len(orig.nodes)

    # a position in the LF original is shifted by the \r of every line end before it
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def to_crlf(pos: int) -> int:
        return pos + bisect.bisect_left(newlines, pos)

    for node, o in zip(plan.nodes, orig.nodes):
        assert (node.kind, node.span) == (o.kind, o.span)
        rs, re_ = node.raw_span
        assert 0 <= rs <= re_ <= len(raw)
        assert (rs, re_) == (to_crlf(o.raw_span[0]), to_crlf(o.raw_span[1])), node
        # never splits a CRLF pair
        assert not (rs > 0 and raw[rs - 1] == "\r" and raw[rs] == "\n")
        assert not (0 < re_ < len(raw) and raw[re_ - 1] == "\r" and raw[re_] == "\n")
        # the raw text of a node normalises back to the node's text
        back = normalize(raw[rs:re_], drop_debris=False).text
        assert _WS.sub("", back) == _WS.sub("", plan.span_text(node)), node
        if node.label:
            assert raw[rs:re_].startswith(node.label)
    for w in plan.warnings:
        if w.raw_span is not None:
            rs, re_ = w.raw_span
            assert 0 <= rs <= re_ <= len(raw)
            if w.text:
                assert _WS.sub("", normalize(raw[rs:re_], drop_debris=False).text) == _WS.sub("", w.text)


@pytest.mark.parametrize("year", ["1957", "1982"])
def test_gb18030_report_with_zero_width_or_circle_zero(tmp_path, year):
    """Valid GB18030 must be read as GB18030 even when the text holds characters
    charset-normalizer finds unusual: U+200B (a four-byte GB18030 sequence, in
    the 1957 report) or ○ as a zero (一九八○年, in the 1982 report)."""
    text = _crlf(gwr_path(year).read_text(encoding="utf-8"))
    path = tmp_path / f"{year}-gb18030.txt"
    path.write_bytes(text.encode("gb18030"))
    d = policyparse.read(path)
    assert _codec(d.encoding) == "gb18030"
    assert d.text == text
    plan = policyparse.parse_file(path)
    assert plan.raw_text == text
    assert_spans(plan)


def test_short_gb18030_file_is_not_read_as_utf16(tmp_path):
    """A one-line GB18030 file (a plan's title) must not come back as UTF-16 mojibake."""
    title = "市教育局党委市教育局2019年工作要点"
    path = tmp_path / "title.txt"
    path.write_bytes(title.encode("gb18030"))
    d = policyparse.read(path)
    assert d.text == title
    plan = policyparse.parse_file(path)
    assert plan.meta.title == title and plan.raw_text == title
    assert_spans(plan)
