"""Plans in Word, PDF and HTML read to the text of their plain-text versions.

Every file is generated inside the test from a real plan (the 2019
Government Work Report, read in place, and the bundled plan) with
``tests/builders.py``: a .docx whose labels are Word list numbering, a PDF
typeset with a running header and page numbers, a government web page with
navigation, scripts and a footer. Each must read back to the plan's
paragraphs and parse to the same outline as the text file.
"""
from __future__ import annotations

import io
import zipfile

import pytest

import policyparse
from builders import make_docx, make_html, make_pdf
from support import BUNDLED, GWR, HEADING_KINDS, assert_spans

GWR_2019 = GWR / "2019.txt"
DOCS = {"gwr-2019": GWR_2019, "edu-bureau-2019": BUNDLED}


def outline(plan: policyparse.Plan) -> list[tuple[str, str | None, str | None]]:
    return [(n.kind, n.label, n.heading) for n in plan.nodes if n.kind in HEADING_KINDS]


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def originals() -> dict[str, policyparse.Plan]:
    return {name: policyparse.parse_file(path, extract=False) for name, path in DOCS.items()}


def _check_same_plan(path, name, originals, fmt):
    doc = policyparse.read(path)
    assert doc.format == fmt
    assert paragraphs(doc.text) == paragraphs(DOCS[name].read_text("utf-8"))
    plan = policyparse.parse_file(path, extract=False)
    assert_spans(plan)
    assert plan.raw_text == doc.text
    assert outline(plan) == outline(originals[name])
    assert len(outline(plan)) >= 13  # never two empty outlines
    assert plan.meta.title == originals[name].meta.title
    return doc


def test_docx_list_numbering_is_rendered_as_the_labels(tmp_path, originals):
    import docx

    path = tmp_path / "report.docx"
    converted = make_docx(GWR_2019.read_text("utf-8"), path)
    assert converted == 13  # the three 一、 and ten （一） headings became list numbering
    typed = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "2018年工作回顾" in typed and not any(t.startswith(("一、", "（一）")) for t in typed)
    doc = _check_same_plan(path, "gwr-2019", originals, "docx")
    assert "一、2018年工作回顾" in doc.text.split("\n")
    assert "（十）加快发展社会事业，更好保障和改善民生。" in doc.text.split("\n")


def test_docx_without_numbering(tmp_path, originals):
    path = tmp_path / "plan.docx"
    assert make_docx(BUNDLED.read_text("utf-8"), path) == 0  # one paragraph: labels stay typed
    _check_same_plan(path, "edu-bureau-2019", originals, "docx")


@pytest.mark.parametrize("name", sorted(DOCS))
def test_pdf_text_layer_without_headers_and_page_numbers(tmp_path, originals, name):
    path = tmp_path / f"{name}.pdf"
    pages = make_pdf(DOCS[name].read_text("utf-8"), path)
    assert pages >= 4
    doc = _check_same_plan(path, name, originals, "pdf")
    assert "XX市人民政府文件" not in doc.text
    assert not any(line.strip().startswith("- ") for line in doc.text.split("\n"))


def test_pdf_without_paragraph_indents_keeps_the_outline(tmp_path, originals):
    """Without typed indents a paragraph whose line breaks after a full stop comes
    back as two lines (documented); the text and the outline stay the same."""
    path = tmp_path / "report.pdf"
    make_pdf(GWR_2019.read_text("utf-8"), path, indent="")
    doc = policyparse.read(path)
    assert "".join(paragraphs(doc.text)) == "".join(paragraphs(GWR_2019.read_text("utf-8")))
    assert outline(policyparse.parse_file(path, extract=False)) == outline(originals["gwr-2019"])


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
@pytest.mark.parametrize("article_class", ["TRS_Editor", "zw-text"])
def test_html_article_without_navigation_scripts_and_footer(tmp_path, originals, encoding, article_class):
    """``zw-text`` is no known selector: the density rule must find the article."""
    path = tmp_path / f"report-{encoding}.html"
    make_html(GWR_2019.read_text("utf-8"), path, encoding=encoding, article_class=article_class)
    doc = _check_same_plan(path, "gwr-2019", originals, "html")
    for boilerplate in ("首页", "互动交流", "当前位置", "统计代码", "发布时间", "_hmt", "document.write", "版权所有", "备案号",
                        "相关链接", "分享到", "font-size", "门户网站"):
        assert boilerplate not in doc.text
    assert doc.text.split("\n")[0] == "2019年中华人民共和国国务院政府工作报告"


def test_format_is_told_by_content_not_by_name(tmp_path, originals):
    text = GWR_2019.read_text("utf-8")
    make_docx(text, tmp_path / "a.docx")
    make_pdf(text, tmp_path / "a.pdf")
    make_html(text, tmp_path / "a.html")
    for src, name, fmt in (("a.docx", "report.txt", "docx"), ("a.pdf", "report.dat", "pdf"), ("a.html", "report.txt", "html")):
        renamed = tmp_path / name
        renamed.write_bytes((tmp_path / src).read_bytes())
        assert policyparse.read(renamed).format == fmt
        assert outline(policyparse.parse_file(renamed, extract=False)) == outline(originals["gwr-2019"])
    # and a text file named .html is text
    (tmp_path / "plan.html").write_bytes(GWR_2019.read_bytes())
    assert policyparse.read(tmp_path / "plan.html").format == "text"


def _scanned_pdf(path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for _ in range(2):
        c.rect(72, 72, 400, 600, fill=1)  # a page that is a picture: no text
        c.showPage()
    c.save()


@pytest.mark.parametrize("name, make, words", [
    ("legacy.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)), "legacy Word .doc (OLE2) file, which is not supported; save it as .docx"),
    ("scan.pdf", _scanned_pdf, "no text layer (scanned PDF?); OCR is not supported"),
    ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4), "is not a readable PDF"),
    ("broken.docx", lambda p: p.write_bytes(_zip({"word/document.xml": b"<not xml"})), "is not a readable Word .docx file"),
    ("empty.html", lambda p: p.write_bytes(b"<!DOCTYPE html><html><body><script>var a;</script></body></html>"), "HTML page without"),
])
def test_unreadable_formats_raise_a_clear_error(tmp_path, name, make, words):
    path = tmp_path / name
    make(path)
    with pytest.raises(policyparse.PolicyParseError) as info:
        policyparse.parse_file(path)
    assert info.value.source == str(path)
    assert words in info.value.reason
    assert "\n" not in info.value.reason


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_a_plain_zip_is_not_taken_for_word(tmp_path):
    path = tmp_path / "archive.zip"
    path.write_bytes(_zip({"a.txt": "一、总体要求".encode()}))
    with pytest.raises(policyparse.PolicyParseError, match="ZIP"):
        policyparse.read(path)


def test_a_missing_format_package_names_the_extra(tmp_path, monkeypatch):
    import sys

    path = tmp_path / "report.pdf"
    make_pdf("2019年工作要点\n一、总体要求\n1.抓好学习。", path)
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now raises ImportError
    with pytest.raises(policyparse.PolicyParseError) as info:
        policyparse.read(path)
    assert "pip install 'policyparse[formats]'" in info.value.reason and "pypdf" in info.value.reason
