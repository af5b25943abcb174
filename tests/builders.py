"""Build plan files in other formats from plan text, inside a test.

``make_docx`` writes a Word file whose section, subsection and item labels
(一、 （一） 1.) are Word list numbering, not text: the label is removed from
the paragraph and the paragraph is put in a numbered list whose level renders
it (sections through a paragraph style, the other levels directly), so the
reader must compute them from ``numbering.xml``. ``make_pdf`` typesets the
text with reportlab's built-in Chinese font, wraps paragraphs at the page
width and adds a running header and a page number to every page.
``make_html`` wraps the paragraphs in a government-style page with
navigation, scripts, a banner and a footer.
"""
from __future__ import annotations

import html as html_mod
import re
from pathlib import Path

_CN = "零一二三四五六七八九"


def _cn_value(s: str) -> int:
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(ones) if ones else 0)
    return _CN.index(s)


#: (level, pattern, value of the label)
_LABELS = [
    (0, re.compile(r"^([一二三四五六七八九十]{1,3})、"), _cn_value),
    (1, re.compile(r"^（([一二三四五六七八九十]{1,3})）"), _cn_value),
    (2, re.compile(r"^(\d{1,2})[.．](?!\d)"), int),
]

_NUMBERING_XML = """
<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
"""
_NUM_XML = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""


def _num_pr(ilvl: int | None):
    from docx.oxml import parse_xml

    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return parse_xml(f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{lvl}<w:numId w:val="90"/></w:numPr>')


def make_docx(text: str, path: Path) -> int:
    """Write ``text`` as a .docx with its labels as list numbering; return how many labels became numbering."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING_XML))
    numbering.append(parse_xml(_NUM_XML))
    style = document.styles.add_style("PlanSection", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(_num_pr(None))  # level 0 through the style
    counters = [0, 0, 0]
    converted = 0
    for line in text.split("\n"):
        for level, pattern, value in _LABELS:
            m = pattern.match(line)
            if m and value(m.group(1)) == counters[level] + 1 and (level == 0 or counters[level - 1] > 0):
                counters[level] += 1
                counters[level + 1:] = [0] * (2 - level)
                body = line[m.end():]
                if level == 0:
                    document.add_paragraph(body, style="PlanSection")
                else:
                    p = document.add_paragraph(body)
                    p._p.get_or_add_pPr().append(_num_pr(level))
                converted += 1
                break
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return converted


def make_pdf(text: str, path: Path, header: str = "XX市人民政府文件", indent: str = "\u3000\u3000") -> int:
    """Typeset ``text`` into a PDF (paragraphs indented by ``indent`` and
    wrapped at the page width, a header and a page number on every page);
    return the page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    left, right, top, bottom, size, leading = 72, 72, 90, 80, 11, 18
    c = canvas.Canvas(str(path), pagesize=A4)
    page = 1
    y = height - top

    def furniture() -> None:
        c.setFont(font, 9)
        c.drawString(left, height - 50, header)
        c.drawCentredString(width / 2, 40, f"- {page} -")
        c.setFont(font, size)

    furniture()
    usable = width - left - right
    for para in text.split("\n"):
        if not para.strip():
            continue
        rest = indent + para.strip()
        while rest:
            n = min(len(rest), int(usable / (size * 0.4)))  # no line holds more characters than that
            while pdfmetrics.stringWidth(rest[:n], font, size) > usable:
                n -= 1
            line, rest = rest[:n], rest[n:]
            if y < bottom:
                c.showPage()
                page += 1
                y = height - top
                furniture()
            c.drawString(left, y, line)
            y -= leading
    c.showPage()
    c.save()
    return page


def make_html(text: str, path: Path, encoding: str = "utf-8", article_class: str = "TRS_Editor") -> None:
    """Wrap ``text`` (its first line the title) in a government web page."""
    lines = [x for x in text.split("\n") if x.strip()]
    title, body = lines[0], lines[1:]
    paras = "\n".join(f'<p style="text-indent:2em">{html_mod.escape(x)}</p>' for x in body)
    charset = "gb2312" if encoding.lower() in ("gbk", "gb2312", "gb18030") else encoding
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="{charset}"><title>{html_mod.escape(title)}_XX市人民政府门户网站</title>
<style>.TRS_Editor p {{ font-size: 16px; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="header"><div class="banner">XX市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 规划计划</div>
<div class="main">
<h1 class="article-title">{html_mod.escape(title)}</h1>
<div class="info">发布时间：2020-03-01 来源：市政府办公厅 <span class="share">分享到：微信 微博</span></div>
<div class="{article_class}">
{paras}
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于印发工作要点的通知</a></li></ul></div>
</div>
<div class="footer"><p>版权所有：XX市人民政府办公厅 主办单位：XX市人民政府办公厅</p><p>网站标识码：1234567890 备案号：X ICP备12345678号</p></div>
<script type="text/javascript">(function(){{ var s = document.createElement("script"); }})();</script>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
