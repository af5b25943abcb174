"""Metadata from titles of the genre: issuers, year, document type, region."""
from __future__ import annotations

import pytest

import policyparse
from policyparse.ingest import meta

TITLES = [
    ("市教育局党委市教育局2019年工作要点", ["市教育局党委", "市教育局"], 2019, "工作要点", None),
    ("2019年中华人民共和国国务院政府工作报告", ["国务院"], 2019, "政府工作报告", "中华人民共和国"),
    ("中共中央 国务院关于学前教育深化改革规范发展的若干意见", ["中共中央", "国务院"], None, "意见", "中华人民共和国"),
    ("中共中央、国务院关于学前教育深化改革规范发展的若干意见", ["中共中央", "国务院"], None, "意见", "中华人民共和国"),
    ("国民经济和社会发展第十四个五年规划和2035年远景目标纲要", [], 2021, "规划", None),
    ("湖北省教育厅2021年工作要点", ["湖北省教育厅"], 2021, "工作要点", "湖北省"),
    ("北京市海淀区教育委员会2022年工作计划", ["北京市海淀区教育委员会"], 2022, "计划", "北京市海淀区"),
    ("广西壮族自治区教育厅2020年工作要点", ["广西壮族自治区教育厅"], 2020, "工作要点", "广西壮族自治区"),
    ("上海市人民政府工作报告", ["上海市人民政府"], None, "政府工作报告", "上海市"),
    ("教育部2020年工作要点", ["教育部"], 2020, "工作要点", "中华人民共和国"),
    ("XX市教育现代化2035实施方案", [], None, "实施方案", "XX市"),
    ("XX市教育事业发展“十四五”规划", [], 2021, "规划", "XX市"),
    ("湖北省“十三五”时期教育发展规划", [], 2016, "规划", "湖北省"),
    # the issuers are named before 关于; the bodies after it belong to the subject
    ("安徽省人民政府关于实施《国务院关于基础教育改革与发展的决定》的意见", ["安徽省人民政府"], None, "意见", "安徽省"),
    # a place whose name ends in a character that is a suffix too (杭州 + 市: 州 is one) is read whole
    ("杭州市人民政府关于加快学前教育改革与发展的若干意见", ["杭州市人民政府"], None, "意见", "杭州市"),
    # a place right before the year (a city's yearly plan, issued with no body named)
    ("咸阳市2023年国民经济和社会发展计划", [], 2023, "计划", "咸阳市"),
    # the party's committee of a district: the district, under its city
    ("中共温州市鹿城区委关于制定鹿城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
     ["中共温州市鹿城区委"], 2021, "建议", "温州市鹿城区"),
]


@pytest.mark.parametrize("title,issuers,year,doc_type,region", TITLES, ids=[t[0] for t in TITLES])
def test_title_metadata(title, issuers, year, doc_type, region):
    plan = policyparse.parse(title + "\n一、总体要求\n1.抓好学习。\n2.推进改革。\n")
    m = plan.meta
    assert m.title == title
    # the region is checked for every title: None where the title names no place (a body
    # without a place: 市教育局; a national plan without its issuer); the country where a
    # body of the central state issues it (教育部, 中共中央 国务院)
    assert (m.issuers, m.year, m.doc_type, m.region) == (issuers, year, doc_type, region)


def test_a_notice_issuing_a_plan_gives_the_plan_s_name_genre_and_the_notice_s_issuer():
    """关于印发…的通知 with no plan under it: the document is the plan the notice names."""
    m = policyparse.parse("武汉市教育局关于印发2020年工作要点的通知\n一、总体要求\n1.抓好学习。\n").meta
    assert (m.title, m.notice, m.issuers, m.year, m.doc_type, m.region) == (
        "2020年工作要点", "武汉市教育局关于印发2020年工作要点的通知", ["武汉市教育局"], 2020, "工作要点", "武汉市")


def test_a_genre_named_inside_a_cited_title_is_not_the_title_s():
    """2006年《政府工作报告》要求重点做好的工作事项 is a list of tasks, not a 政府工作报告."""
    assert meta.doc_type_of("2006年《政府工作报告》要求重点做好的工作事项") is None
    assert meta.doc_type_of("《XX市2025年工作要点》") == "工作要点"
    assert meta.doc_type_of("关于印发《XX市2025年工作要点》的通知") == "通知"


def test_split_organs_with_connectors():
    assert meta.split_organs("市教育局党委和市教育局") == ["市教育局党委", "市教育局"]
    assert meta.split_organs("中华人民共和国国务院") == ["中华人民共和国国务院"]


def test_chinese_year_and_five_year_plan_shorthand():
    assert meta.year_of("二〇二一年工作要点") == 2021
    assert meta.year_of("教育事业发展十四五规划") == 2021
    assert meta.year_of("到2035年远景目标") is None


# --- metadata from file names ---------------------------------------------------------------
NAMES = [
    ("plans/武汉市教育局2020年工作要点.docx", {"year": 2020, "issuers": ["武汉市教育局"], "region": "武汉市", "doc_type": "工作要点"}),
    ("corpora/gwr/2019.txt", {"year": 2019, "issuers": ["国务院"], "region": "中华人民共和国", "doc_type": "政府工作报告"}),
    ("2019/市教育局工作要点.txt", {"year": 2019, "issuers": ["市教育局"], "doc_type": "工作要点"}),
    ("2020_湖北省教育厅_工作要点.pdf", {"year": 2020, "issuers": ["湖北省教育厅"], "region": "湖北省", "doc_type": "工作要点"}),
    ("北京市海淀区教育委员会2022年工作计划.html", {"year": 2022, "issuers": ["北京市海淀区教育委员会"], "region": "北京市海淀区", "doc_type": "计划"}),
    ("scraped/page-0001.html", {}),
    ("notes.txt", {}),
]


@pytest.mark.parametrize("path,expected", NAMES, ids=[n[0] for n in NAMES])
def test_metadata_from_file_names(path, expected):
    assert meta.meta_from_path(path) == expected


def test_name_fills_what_the_text_leaves_empty_and_the_caller_wins(tmp_path):
    body = "一、总体要求\n1.抓好学习。\n2.推进改革。\n"
    path = tmp_path / "武汉市教育局2020年工作要点.txt"
    path.write_text(body, encoding="utf-8")
    plan = policyparse.parse_file(path, extract=False)
    assert (plan.meta.year, plan.meta.issuers, plan.meta.region, plan.meta.doc_type) == (2020, ["武汉市教育局"], "武汉市", "工作要点")
    assert [w.code for w in plan.warnings] == ["meta-from-name"]
    assert "taken from the file name" in plan.warnings[0].message

    # the text's own title wins over the name
    titled = tmp_path / "武汉市教育局2020年工作要点-副本.txt"
    titled.write_text("湖北省教育厅2021年工作计划\n" + body, encoding="utf-8")
    plan = policyparse.parse_file(titled, extract=False)
    assert (plan.meta.year, plan.meta.issuers, plan.meta.region, plan.meta.doc_type) == (2021, ["湖北省教育厅"], "湖北省", "计划")
    assert "meta-from-name" not in [w.code for w in plan.warnings]

    # the caller wins over both; the name can be ignored
    plan = policyparse.parse_file(path, extract=False, meta={"year": 2018})
    assert (plan.meta.year, plan.meta.issuers) == (2018, ["武汉市教育局"])
    plan = policyparse.parse_file(path, extract=False, meta_from_name=False)
    assert (plan.meta.year, plan.meta.issuers, plan.meta.doc_type) == (None, [], None)
    assert "meta-from-name" not in [w.code for w in plan.warnings]


def test_a_title_set_on_two_lines_is_one_title_and_a_document_number_gives_the_year():
    """Official documents print a long title on two or three lines, then the document number."""
    plan = policyparse.parse("国务院关于推动内蒙古高质量发展\n奋力书写中国式现代化新篇章的意见\n国发〔2023〕16号\n"
                             "各省、自治区、直辖市人民政府：\n现提出如下意见。\n一、总体要求\n（一）指导思想\n坚持稳中求进。\n",
                             extract=False)
    assert plan.meta.title == "国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见"
    assert (plan.meta.doc_type, plan.meta.issuers, plan.meta.year) == ("意见", ["国务院"], 2023)
    preamble = plan.nodes[0]  # the text after the title opens with the document number
    assert preamble.kind == "preamble" and plan.text[preamble.span[0]:].startswith("国发〔2023〕16号")
    # the document's own number dates it, not a year its goals are set for, nor a number it cites
    opinion = policyparse.parse("杭州市人民政府关于加快学前教育改革与发展的若干意见（试行）\n杭政函〔2005〕39号\n"
                                "各区、县（市）人民政府：\n为认真贯彻国办发〔2003〕13号精神，现提出如下意见。\n"
                                "一、明确目标任务\n1、学前三年教育发展目标。\n2007年，全市学前三年幼儿入园率达到96%以上。\n",
                                extract=False)
    assert (opinion.meta.year, opinion.meta.region) == (2005, "杭州市")
    # a first line that is a whole title keeps the next line out of it
    one = policyparse.parse("市教育局2019年工作要点\n全市教育工作的总体思路\n一、总体要求\n", extract=False)
    assert one.meta.title == "市教育局2019年工作要点"


def test_a_headline_opening_with_the_document_number_and_a_reader_count_are_page_chrome():
    page = ("凌政办发[2020]35号凌海市推进县域义务教育优质均衡发展督导评估规划实施细则的通知\n166人看过\n"
            "一、指导思想\n以提高教育质量为目标。\n")
    plan = policyparse.parse(page, extract=False)
    assert plan.meta.title == "凌海市推进县域义务教育优质均衡发展督导评估规划实施细则的通知"
    assert plan.meta.year == 2020 and "看过" not in plan.text


def test_a_first_line_that_is_prose_is_no_title():
    """A page without a headline opens with prose: a line that ends with a comma or holds a
    full stop is a sentence, so the plan has no title rather than a sentence for one."""
    text = ("会上，校长全面总结了学校2023年工作，并对2024年的重点工作任务进行了部署。校长强调，\n"
            "01、要强化师德师风，多举措提升教师职业素养；\n02、要加强教学日常管理，提升课堂教学成效；\n")
    assert policyparse.parse(text, extract=False).meta.title is None
    assert policyparse.parse("校长强调，\n一、总体要求\n", extract=False).meta.title is None
    # a headline with commas inside is still a title
    headline = "明目标，百舸争流千帆进；提效能，夯实工作\n正文第一句。\n"
    assert policyparse.parse(headline, extract=False).meta.title == "明目标，百舸争流千帆进；提效能，夯实工作"


def test_a_title_naming_a_period_or_a_review_then_a_plan_gives_the_plan_year():
    def meta(title):
        return policyparse.parse(title + "\n一、总体要求\n坚持立德树人。\n", extract=False).meta

    assert meta("中共中央 国务院印发《教育强国建设规划纲要（2024—2035年）》").year == 2024
    m = meta("省教育厅 省财政厅关于印发《湖北省学前教育发展提升行动计划（2021-2025年）》的通知")
    assert (m.year, m.region, m.issuers) == (2021, "湖北省", ["省教育厅", "省财政厅"])
    assert meta("XX县教育体育局2023年工作总结及2024年工作计划").year == 2024
    assert meta("关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告").year == 2024
    assert meta("市教育局2019年工作要点").year == 2019


def test_a_table_at_the_top_gives_neither_the_title_nor_the_year():
    """A page that opens with an indicator table: its header row is no title, and its year
    columns (2020年 | 2025年) are not the plan's year."""
    rows = "指标\t2020年\t2025年\t属性\n学前教育毛入园率（%）\t88\t92\t预期性\n"
    assert (policyparse.parse(rows, extract=False).meta.title, policyparse.parse(rows, extract=False).meta.year) == (None, None)
    cells = "服务社会，群众满意。\n主要指标表\n指标\n2020年\n2025年\n属性\n学前教育毛入园率(%)\n88\n92\n预期性\n"
    assert policyparse.parse(cells, extract=False).meta.year is None
