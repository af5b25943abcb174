"""Hostile and broken plan files, built from real ones inside a test or the sweep.

Each case is a :class:`Case`: a name, how to write it under a folder, and
what reading it must give: ``"parse"`` (a plan), ``"error"`` (a
``PolicyParseError`` whose reason holds ``words``) or ``"either"`` (a
mutated file may still be readable). ``named_cases`` are the hand-made
ones of issue 15 (zip bombs, malformed Word numbering, DTD entity bombs,
special files, PDFs with a million pages or AES encryption, HTML nested
100,000 deep …); ``mutations`` flips a bit at, or truncates at, 50 offsets
of a real file. ``benchmarks/hostile_sweep.py`` runs them all in child
processes (time and memory per file); ``tests/test_hostile.py`` runs a sample.
"""
from __future__ import annotations

import io
import os
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from builders import make_docx, make_html, make_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


@dataclass
class Case:
    name: str
    write: Callable[[Path], Path]  # writes the file under a folder, returns its path
    expect: str = "error"  # "parse", "error" or "either"
    words: Optional[str] = None  # in the error's reason, when "error"
    big: bool = False  # slow to build (a 1 GB bomb): the sweep only


# --- building blocks ------------------------------------------------------------------------

def rezip(data: bytes, changes: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """A copy of a ZIP with the named parts changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename in changes:
                body = changes[info.filename](body)
            dst.writestr(info.filename, body)
    return out.getvalue()


def streamed_part(data: bytes, name: str, head: bytes, unit: bytes, count: int, tail: bytes) -> bytes:
    """A copy of a ZIP whose part ``name`` is ``head + unit * count + tail``,
    written in chunks (a 1 GB part never sits in memory)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
                continue
            part = zipfile.ZipInfo(name)
            part.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo of its own is stored unless told
            with dst.open(part, "w", force_zip64=True) as f:
                f.write(head)
                block = unit * max(1, (1 << 20) // len(unit))
                per_block = len(block) // len(unit)
                left = count
                while left >= per_block:
                    f.write(block)
                    left -= per_block
                f.write(unit * left)
                f.write(tail)
    return out.getvalue()


def _sub(pattern: str, repl: str, count: int = 1) -> Callable[[bytes], bytes]:
    def change(body: bytes) -> bytes:
        text, n = re.subn(pattern, repl, body.decode("utf-8"), count=count)
        assert n, f"no {pattern!r} to change"
        return text.encode("utf-8")
    return change


def _file(name: str, data: Callable[[], bytes]) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data())
        return path
    return write


def _docx_bytes(text: str, folder: Path) -> bytes:
    path = folder / "_base.docx"
    if not path.exists():
        make_docx(text, path)
    return path.read_bytes()


def _pdf_bytes(text: str, folder: Path) -> bytes:
    path = folder / "_base.pdf"
    if not path.exists():
        make_pdf(text, path)
    return path.read_bytes()


def hand_pdf(objects: list[str], trailer_extra: str = "") -> bytes:
    """A PDF from its objects (1 0 obj … in order), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _one_page(contents: str = "BT /F1 12 Tf 72 720 Td (Plan) Tj ET") -> list[str]:
    return ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(contents)} >>\nstream\n{contents}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]


def aes_pdf() -> bytes:
    """A PDF whose encryption dictionary names AES-256 (/V 5, AESV3): reading it needs an AES provider."""
    objects = _one_page()
    objects.append("<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 "
                   "/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF "
                   f"/O <{'00' * 48}> /U <{'00' * 48}> /OE <{'00' * 32}> /UE <{'00' * 32}> /Perms <{'00' * 16}> >>")
    return hand_pdf(objects, f"/Encrypt {len(objects)} 0 R /ID [<{'01' * 16}> <{'01' * 16}>] ")


def password_pdf(text: str, folder: Path) -> bytes:
    """A real plan PDF encrypted (RC4-128) with a user password."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(_pdf_bytes(text, folder)))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def wrong_startxref(data: bytes) -> bytes:
    """A PDF whose ``startxref`` points 7 bytes off: pypdf logs it, rebuilds the table, and reads on."""
    head, _, tail = data.rpartition(b"startxref")
    number = tail.split()[0]
    return head + b"startxref" + tail.replace(number, str(int(number) + 7).encode(), 1)


def deep_html(depth: int) -> bytes:
    return ("<html><body><div class='TRS_Editor'>" + "<div>" * depth + "一、总体要求。" + "</div>" * depth
            + "</div></body></html>").encode("utf-8")


# --- the cases ------------------------------------------------------------------------------

def named_cases(text: str, folder: Path) -> list[Case]:
    """The hand-made hostile files of issue 15, built from the plan ``text``
    (one whose headings start lines, so its .docx numbers them with Word
    lists: a Government Work Report); ``folder`` caches the real .docx/.pdf
    they are made from."""
    docx = lambda: _docx_bytes(text, folder)  # noqa: E731
    pdf = lambda: _pdf_bytes(text, folder)  # noqa: E731
    doc = "word/document.xml"
    num = "word/numbering.xml"
    sty = "word/styles.xml"  # its heading styles carry a list level

    def docx_with(name: str, changes: dict[str, Callable[[bytes], bytes]]) -> Callable[[Path], Path]:
        return _file(name, lambda: rezip(docx(), changes))

    def paragraphs(name: str, mb: int) -> Callable[[Path], Path]:
        unit = f'<w:p><w:r><w:t>{"一、总体要求。"}</w:t></w:r></w:p>'.encode()
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
        return _file(name, lambda: streamed_part(docx(), doc, head, unit, mb * MB // len(unit), b"</w:body></w:document>"))

    def one_text_node(name: str, mb: int) -> Callable[[Path], Path]:
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
        return _file(name, lambda: streamed_part(docx(), doc, head, "甲".encode(), mb * MB // 3,
                                                 b"</w:t></w:r></w:p></w:body></w:document>"))

    def numbering(fmt: str, start: str) -> Callable[[bytes], bytes]:
        def change(body: bytes) -> bytes:
            body = _sub(r'<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>',
                        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>')(body)
            return body
        return change

    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "一、总体要求">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
              + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
    xxe = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>')
    nested = (f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>' + "<w:sdt><w:sdtContent>" * 200
              + "<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * 200 + "</w:body></w:document>")

    def many_members(data: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info))
            for i in range(20_000):
                dst.writestr(f"customXml/x{i}.bin", b"")
        return out.getvalue()

    def lying_size(data: bytes, size: int) -> bytes:
        """The central directory entry of document.xml claims ``size`` inflated bytes."""
        buf = bytearray(data)
        name = doc.encode()
        at = buf.rfind(b"PK\x01\x02" + b"", 0, buf.rfind(name))  # the central entry before the name
        buf[at + 24:at + 28] = min(size, 0xFFFFFFFE).to_bytes(4, "little")
        return bytes(buf)

    cases = [
        # the readable originals: they must keep parsing
        Case("plan.docx", _file("plan.docx", docx), "parse"),
        Case("plan.pdf", _file("plan.pdf", pdf), "parse"),
        # zip bombs
        Case("bomb-paragraphs-100mb.docx", paragraphs("bomb-paragraphs-100mb.docx", 100), words="max_zip_"),
        Case("bomb-one-text-node-100mb.docx", one_text_node("bomb-one-text-node-100mb.docx", 100), words="max_zip_"),
        Case("bomb-ratio-50mb.docx", paragraphs("bomb-ratio-50mb.docx", 50), words="max_zip_ratio"),
        Case("bomb-paragraphs-1gb.docx", paragraphs("bomb-paragraphs-1gb.docx", 1024), words="max_zip_", big=True),
        Case("bomb-one-text-node-1gb.docx", one_text_node("bomb-one-text-node-1gb.docx", 1024), words="max_zip_", big=True),
        Case("many-members.docx", _file("many-members.docx", lambda: many_members(docx())), words="max_zip_members"),
        Case("lying-size-small.docx", _file("lying-size-small.docx", lambda: lying_size(docx(), 10)), words="not a readable"),
        Case("lying-size-huge.docx", _file("lying-size-huge.docx", lambda: lying_size(docx(), 4000 * MB)), words="max_zip_"),
        # XML
        Case("billion-laughs.docx", docx_with("billion-laughs.docx", {doc: lambda _: laughs.encode()}), words="DTD"),
        Case("xxe.docx", docx_with("xxe.docx", {doc: lambda _: xxe.encode()}), words="DTD"),
        Case("deep-xml.docx", docx_with("deep-xml.docx", {doc: lambda _: nested.encode()}), words="max_xml_depth"),
        Case("not-xml.docx", docx_with("not-xml.docx", {doc: lambda _: b"\x00\x01 not xml"}), words="not a readable"),
        Case("wrong-root.docx", docx_with("wrong-root.docx", {doc: _sub(r"w:document\b", "w:documentx", count=2)}),
             words="w:document"),
        Case("no-body.docx", docx_with("no-body.docx", {doc: _sub(r"<w:body>.*</w:body>", "")}), words="w:body"),
        # Word list numbering
        Case("start-abc.docx", docx_with("start-abc.docx", {num: _sub(r'<w:start w:val="1"/>', '<w:start w:val="abc"/>')}),
             words="w:start='abc'"),
        Case("ilvl-x.docx", docx_with("ilvl-x.docx", {sty: _sub(r'<w:ilvl w:val="1"/>', '<w:ilvl w:val="x"/>')}),
             words="w:ilvl='x'"),
        Case("level-20.docx", docx_with("level-20.docx", {sty: _sub(r'<w:ilvl w:val="1"/>', '<w:ilvl w:val="20"/>')}),
             words="levels 0-8"),
        Case("negative-start.docx", docx_with("negative-start.docx", {num: _sub(r'<w:start w:val="1"/>', '<w:start w:val="-5"/>')}),
             words="negative"),
        Case("start-1e23.docx", docx_with("start-1e23.docx", {num: numbering("chineseCounting", "1" + "0" * 23)}),
             words="max_list_number"),
        Case("start-huge-letters.docx", docx_with("start-huge-letters.docx", {num: numbering("lowerLetter", "999999999999")}),
             words="max_list_number"),
        Case("start-huge-roman.docx", docx_with("start-huge-roman.docx", {num: numbering("upperRoman", "999999999999")}),
             words="max_list_number"),
        Case("start-32000-roman.docx", docx_with("start-32000-roman.docx", {num: numbering("upperRoman", "32000")}), "parse"),
        # PDF
        Case("aes.pdf", _file("aes.pdf", aes_pdf), words="cryptography"),
        Case("password.pdf", _file("password.pdf", lambda: password_pdf(text, folder)), words="password"),
        Case("million-pages.pdf", _file("million-pages.pdf", lambda: hand_pdf(
            [o.replace("/Count 1", "/Count 1000000") for o in _one_page()])), words="max_pdf_pages"),
        Case("6000-pages.pdf", _file("6000-pages.pdf", lambda: hand_pdf(
            [o.replace("/Kids [3 0 R] /Count 1", "/Kids [" + "3 0 R " * 6000 + "] /Count 6000")
             for o in _one_page()])), words="max_pdf_pages"),
        Case("no-eof.pdf", _file("no-eof.pdf", lambda: pdf().rsplit(b"%%EOF", 1)[0]), "either"),
        Case("wrong-startxref.pdf", _file("wrong-startxref.pdf", lambda: wrong_startxref(pdf())), "parse"),
        Case("page-tree-loop.pdf", _file("page-tree-loop.pdf", lambda: hand_pdf(
            [o.replace("/Kids [3 0 R]", "/Kids [2 0 R 3 0 R]") for o in _one_page()])), "either"),
        # HTML
        Case("deep.html", _file("deep.html", lambda: deep_html(100_000)), "either"),
        Case("laughs.html", _file("laughs.html", lambda: (
            '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "一、总体要求">'
            + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
            + ']><html><body><p>&j;</p></body></html>').encode()), "either"),
        Case("scripts-only.html", _file("scripts-only.html", lambda: b"<html><body><script>var a=1;</script></body></html>"),
             words="without any"),
        # many elements: 200,000 paragraphs, each a numbered section (a 9.8 MB page)
        Case("big.html", _file("big.html", lambda: (
            "<html><body><div class='TRS_Editor'>" + "<p>一、总体要求，加强党的建设。</p>" * 200_000
            + "</div></body></html>").encode()), "parse", big=True),
        # plain text
        Case("truncated-utf8.txt", _file("truncated-utf8.txt", lambda: text.rstrip().encode()[:-1]), "either"),
        Case("long-line-5mb.txt", _file("long-line-5mb.txt", lambda: ("一、总体要求" + "加强建设，" * 350_000).encode()),
             "parse", big=True),
        Case("many-items.txt", _file("many-items.txt", lambda: ("一、总体要求\n" + "".join(
            f"{i}.抓好学习。\n" for i in range(1, 100_001))).encode()), "parse", big=True),
        Case("deep-numbering.txt", _file("deep-numbering.txt", lambda: "\n".join(
            "（" * k + "一）要求" for k in range(1, 2000)).encode()), "either"),
    ]
    return cases


def special_cases() -> list[Case]:
    """Files that are not regular files: read, they would fill memory or block."""
    def fifo(folder: Path) -> Path:
        path = folder / "plan-fifo.txt"
        if not path.exists():
            os.mkfifo(path)
        return path

    cases = [Case("fifo", fifo, words="FIFO")]
    if Path("/dev/zero").exists():
        cases.append(Case("dev-zero", lambda folder: Path("/dev/zero"), words="character device"))
    return cases


def mutations(name: str, data: bytes, count: int = 50, seed: int = 15) -> Iterator[tuple[str, bytes]]:
    """``count`` bit flips and ``count`` truncations of ``data`` at offsets
    spread over the file (half evenly, half at random, seeded)."""
    rng = random.Random(f"{seed}-{name}")
    n = len(data)
    offsets = sorted({int(n * k / (count // 2 + 1)) for k in range(1, count // 2 + 1)}
                     | {rng.randrange(n) for _ in range(count)})
    offsets = sorted(rng.sample(offsets, count)) if len(offsets) > count else offsets
    stem, _, ext = name.rpartition(".")
    for off in offsets:
        flipped = bytearray(data)
        flipped[off] ^= 1 << rng.randrange(8)
        yield f"{stem}-flip{off}.{ext}", bytes(flipped)
    for off in offsets:
        yield f"{stem}-cut{off}.{ext}", data[:max(1, off)]


def xml_mutations(name: str, data: bytes, count: int = 50, seed: int = 15) -> Iterator[tuple[str, bytes]]:
    """Bit flips inside the inflated ``word/document.xml`` and ``word/numbering.xml``
    of a .docx, re-zipped (a flip of the compressed bytes mostly fails the CRC)."""
    rng = random.Random(f"{seed}-xml-{name}")
    stem, _, ext = name.rpartition(".")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sizes = {part: z.getinfo(part).file_size for part in ("word/document.xml", "word/numbering.xml")}
    for i in range(count):
        part = "word/numbering.xml" if i % 3 == 2 else "word/document.xml"
        off = rng.randrange(sizes[part])
        bit = 1 << rng.randrange(7)  # an ASCII flip keeps the XML in UTF-8 more often

        def flip(body: bytes, off: int = off, bit: int = bit) -> bytes:
            b = bytearray(body)
            b[off] ^= bit
            return bytes(b)

        yield f"{stem}-xml{i}-{part.split('/')[1].split('.')[0]}{off}.{ext}", rezip(data, {part: flip})


def originals(text: str, folder: Path, stem: str) -> dict[str, bytes]:
    """The plan ``text`` as .docx, .pdf and .html files (tests/builders.py)."""
    out = {}
    for ext, make in (("docx", make_docx), ("pdf", make_pdf), ("html", make_html)):
        path = folder / f"{stem}.{ext}"
        make(text, path)
        out[path.name] = path.read_bytes()
    return out
