"""Metadata of plans scraped from web pages: the 24 provincial 2026 reports.

The expected title, year and region of each file were written by reading
the file (its title line, the line that says when and where it was
delivered), not from the parser's output. Where the page puts its own
headline above the document's title line (宁夏), the document's line is the
title; where the document has no title line of its own under the page
chrome (云南: the headline, then 来源, then the delivery line), the headline is.
"""
from __future__ import annotations

import json

import pytest

import policyparse
from policyparse.ingest import debris, places
from support import CORPORA, GOLD

PROVINCIAL = CORPORA / "provincial-2026"

#: file -> (title, year, region), read by hand from each file
EXPECTED = {
    "云南省": ("2026年政府工作报告", 2026, "云南省"),
    "内蒙古自治区": ("2026年内蒙古自治区政府工作报告", 2026, "内蒙古自治区"),
    "吉林省": ("2026年吉林省政府工作报告", 2026, "吉林省"),
    "天津市": ("2026年天津市政府工作报告", 2026, "天津市"),
    "宁夏回族自治区": ("政府工作报告", 2026, "宁夏回族自治区"),
    "安徽省": ("2026年安徽省政府工作报告", 2026, "安徽省"),
    "山东省": ("2026年山东省政府工作报告", 2026, "山东省"),
    "山西省": ("2026年山西省政府工作报告", 2026, "山西省"),
    "广西壮族自治区": ("2026年广西壮族自治区政府工作报告", 2026, "广西壮族自治区"),
    "新疆维吾尔自治区": ("2026年新疆维吾尔自治区政府工作报告", 2026, "新疆维吾尔自治区"),
    "江苏省": ("2026年江苏省政府工作报告", 2026, "江苏省"),
    "江西省": ("2026年江西省政府工作报告", 2026, "江西省"),
    "河北省": ("2026年河北省政府工作报告", 2026, "河北省"),
    "河南省": ("2026年河南省政府工作报告", 2026, "河南省"),
    "海南省": ("政府工作报告", 2026, "海南省"),
    "湖北省": ("2026年湖北省政府工作报告", 2026, "湖北省"),
    "湖南省": ("2026年湖南省政府工作报告", 2026, "湖南省"),
    "甘肃省": ("2026年甘肃省政府工作报告", 2026, "甘肃省"),
    "福建省": ("2026年福建省政府工作报告", 2026, "福建省"),
    "贵州省": ("政府工作报告", 2026, "贵州省"),
    "辽宁省": ("2026年辽宁省政府工作报告", 2026, "辽宁省"),
    "重庆市": ("2026年重庆市政府工作报告", 2026, "重庆市"),
    "青海省": ("政府工作报告", 2026, "青海省"),
    "黑龙江省": ("2026年黑龙江省政府工作报告", 2026, "黑龙江省"),
}

CHROME_WORDS = ("下载", "打印", "全屏", "收藏", "【字号", "加大", "还原", "减小", "来源：", "您的位置", "当前位置", "相关报道", "分享到")


def test_expected_covers_every_provincial_file():
    assert sorted(EXPECTED) == sorted(p.stem for p in PROVINCIAL.glob("*.txt"))


@pytest.fixture(scope="module")
def provincial() -> dict[str, policyparse.Plan]:
    # the text alone: the file name (named by province) must not help
    return {name: policyparse.parse_file(PROVINCIAL / f"{name}.txt", extract=False, meta_from_name=False)
            for name in EXPECTED}


def test_title_year_region_of_all_24(provincial):
    got = {name: (p.meta.title, p.meta.year, p.meta.region) for name, p in provincial.items()}
    assert got == EXPECTED


def test_issuers_from_title_and_opening(provincial):
    for name, plan in provincial.items():
        assert plan.meta.issuers == [f"{name}人民政府"], name
        assert plan.meta.doc_type == "政府工作报告"


def test_hand_meta_of_the_labelled_reports(provincial):
    """tests/gold/labels/prov-*.json: title, year, region and issuers made by hand."""
    n = 0
    for path in sorted((GOLD / "labels").glob("prov-*.json")):
        gold = json.loads(path.read_text("utf-8"))
        if "meta" not in gold:
            continue
        plan = provincial[gold["source"].split("/")[-1][:-4]]
        want = gold["meta"]
        assert (plan.meta.title, plan.meta.year, plan.meta.region, plan.meta.issuers) == (
            want["title"], want["year"], want["region"], want["issuers"]), path.name
        n += 1
    assert n >= 7


def test_page_chrome_is_dropped_and_recorded(provincial):
    for name, plan in provincial.items():
        head = plan.text[:200]
        tail = plan.text[-200:]
        assert not any(w in head or w in tail for w in CHROME_WORDS), (name, head, tail)
        assert "摄\n" not in plan.text and "作政府工作报告。\n" not in plan.text, name
    hebei = provincial["河北省"]
    dropped = [w.text for w in hebei.warnings if w.code in ("dropped-debris", "dropped-boilerplate")]
    assert any(t.startswith("下载\n打印\n全屏\n收藏") for t in dropped)
    assert "王正谱作政府工作报告。本报记者 霍艳恩摄\n" in dropped
    assert any("相关报道" in t for t in dropped)
    # every drop points back at the raw file
    for w in hebei.warnings:
        if w.code == "dropped-debris":
            s, e = w.raw_span
            assert "".join(hebei.raw_text[s:e].split()) == "".join(w.text.split())
    # the page's headline above the document's own title (宁夏) is recorded as such
    ningxia = provincial["宁夏回族自治区"]
    assert any(w.text == "2026年宁夏回族自治区政府工作报告\n" and "headline" in w.message for w in ningxia.warnings)


def test_chrome_rules_leave_reports_without_chrome_alone():
    for year in (1985, 2019):
        text = (CORPORA / "gwr" / f"{year}.txt").read_text("utf-8")
        assert debris.page_chrome(text) == []


def test_regions_are_checked_against_the_division_data():
    assert places.is_division("河北省") and places.is_division("北京市海淀区")
    for word in ("提升城市", "统一大市", "我代表省", "代化强省", "现地级市"):
        assert not places.is_division(word), word
    plan = policyparse.parse("2026年政府工作报告\n各位代表：\n推进城市更新，提升城市品质，建设现代化强省。\n一、工作回顾\n经济平稳。")
    assert plan.meta.region is None


def test_a_breadcrumb_on_one_line_and_the_site_header_above_it_are_page_chrome():
    """A document site's page: its header, then 当前位置:site › title on one line, then the title."""
    page = ("文档库 最新最全的文档下载\n当前位置:文档库 › 教育局2020年工作要点\n\n教育局2020年工作要点\n\n"
            "2020年是全面建成小康社会的决胜之年。\n一、指导思想和总体思路\n以立德树人为根本任务。\n")
    plan = policyparse.parse(page, extract=False)
    assert plan.meta.title == "教育局2020年工作要点"
    assert "文档库" not in plan.text and any(w.code == "dropped-debris" for w in plan.warnings)


def test_a_breadcrumb_without_a_start_word_and_a_notice_issuing_a_plan():
    """A bureau's page: 首页 > 政务公开 > 通知公告 (no 当前位置), then a notice issuing its work plan, whose
    issuers are those of the plan it issues."""
    page = ("首页 > 政务公开 > 通知公告\n关于印发《XX市教育局2025年工作要点》的通知\n"
            "发布时间：2025-02-18 10:30 来源：市教育局\n各区教育局，局属各单位：\n"
            "现将《XX市教育局2025年工作要点》印发给你们，请认真贯彻落实。\nXX市教育局\n2025年2月17日\n"
            "XX市教育局2025年工作要点\n一、加强党的建设\n1.深入学习贯彻党的二十届三中全会精神。\n")
    plan = policyparse.parse(page, extract=False)
    assert (plan.meta.title, plan.meta.issuers, plan.meta.year, plan.meta.doc_type) == (
        "XX市教育局2025年工作要点", ["XX市教育局"], 2025, "工作要点")
    assert plan.meta.notice == "关于印发《XX市教育局2025年工作要点》的通知"
    assert "首页" not in plan.text and "政务公开" not in plan.text


def test_a_government_site_s_particulars_table_and_a_notice_over_its_plan():
    """A government site's page (政府信息公开): the site's category, the table of the document's
    particulars (索引号, 发布机构, 文号 …), then the notice issuing a plan whose own title line
    words its name a little apart from the notice (浙江省 / 全省). The plan is the document."""
    page = ("工作计划\n索 引 号: 002400000/2024-00031 公开日期: 2024-03-20\n发布机构: 省卫生健康委 文  号: 某卫发〔2024〕5号\n\n"
            "浙江省卫生健康委关于印发2024年浙江省卫生健康工作要点的通知\n\n发布日期: 2024-03-21 09:00 信息来源: 省卫生健康委 浏览次数:\n\n"
            "各市、县(市、区)卫生健康委(局)：\n\n现将2024年浙江省卫生健康工作要点印发给你们，请认真组织实施。\n\n浙江省卫生健康委\n\n2024年3月20日\n\n"
            "2024年全省卫生健康工作要点\n\n一、总体要求\n\n坚持以人民健康为中心。\n")
    plan = policyparse.parse(page, extract=False)
    m = plan.meta
    assert (m.title, m.year, m.doc_type, m.issuers, m.region) == (
        "2024年全省卫生健康工作要点", 2024, "工作要点", ["浙江省卫生健康委"], "浙江省")
    assert m.notice == "浙江省卫生健康委关于印发2024年浙江省卫生健康工作要点的通知"
    assert not any(w in plan.text for w in ("索引号", "索 引 号", "发布机构", "工作计划\n"))


def test_a_page_opening_at_the_addressees_and_a_breadcrumb_over_lines():
    """A page that begins at the notice's addressees (no title line): the plan the notice names is
    the document, its issuer the body signing above the date; a breadcrumb whose start line
    names the home and whose items follow on a line opening with >>."""
    page = ("当前位置:首页\n>> 政务公开 >> 政策文件 >> 部门文件\n"
            "各市（州）人民政府、省级有关部门：\n经省政府同意，现将《某某省“十四五”现代物流发展实施方案》印发给你们，请认真贯彻实施。\n"
            "四川省发展和改革委员会\n2022年10月18日\n某某省“十四五”现代物流发展实施方案\n"
            "为加快建设现代物流体系，制定本方案。\n一、深化改革\n（一）加强市场体系建设。\n")
    plan = policyparse.parse(page, extract=False)
    m = plan.meta
    assert (m.title, m.notice, m.issuers, m.region, m.doc_type) == (
        "某某省“十四五”现代物流发展实施方案", None, ["四川省发展和改革委员会"], "四川省", "实施方案")
    assert "首页" not in plan.text and "政务公开" not in plan.text


def test_a_reposted_plan_keeps_its_own_title_not_the_site_s():
    """A college site reposting a ministry's plan: its name twice, the site's 【转发】 mark, a date line."""
    page = ("某某职业学院-网站首页\n\n 某某职业学院-网站首页\n\n【转发】教育部2021年工作要点\n\n发布时间:2021-02-04 点击量:\n"
            "  2021年是“十四五”规划开局之年。\n  一、深入学习宣传阐释习近平新时代中国特色社会主义思想\n  1.加强思想理论武装\n")
    plan = policyparse.parse(page, extract=False)
    assert (plan.meta.title, plan.meta.issuers, plan.meta.year) == ("教育部2021年工作要点", ["教育部"], 2021)
    assert "职业学院" not in plan.text


def test_a_date_line_under_the_title_is_not_joined_to_it():
    """In a page whose paragraphs are split by blank lines a single line break is joined, but
    not the one between a title and the page's 日期/发布人 line."""
    page = ("国家教育事业发展“十三五”规划\n日期:2017-01-20  发布人:思政课部  浏览量:4502\n\n"
            "十三五时期是全面建成小康社会决胜阶段。\n\n一、以新理念引领教育现代化\n\n(一)发展环境。\n\n取得了显著成就。\n")
    plan = policyparse.parse(page, extract=False)
    assert plan.meta.title == "国家教育事业发展“十三五”规划" and "浏览量" not in plan.text


def test_a_document_site_s_page_marks_leave_the_running_text_and_are_recorded():
    text = "一、工作回顾\n重大工程进展顺利，地铁第2页共18页1、2号线建设加快。\n"
    plan = policyparse.parse(text)
    assert "地铁1、2号线建设加快" in plan.text
    (mark,) = [w for w in plan.warnings if w.code == "dropped-debris"]
    assert mark.text == "第2页共18页" and text[slice(*mark.raw_span)] == "第2页共18页"


def test_a_notice_s_annex_that_is_the_plan_is_the_document_not_an_annex():
    """附件 / XX市教育局2024年工作要点 under a short notice: the plan itself, its sections the body's
    (role tasks), not an annex part."""
    page = ("XX市教育局关于印发《XX市教育局2024年工作要点》的通知\n各区教育局，局属各单位：\n"
            "现将《XX市教育局2024年工作要点》印发给你们，请认真贯彻落实。\n附件：XX市教育局2024年工作要点\n"
            "XX市教育局\n2024年2月20日\n附件\nXX市教育局2024年工作要点\n"
            "一、加强党的建设\n1.深入学习贯彻党的二十大精神。\n二、推进教育改革\n2.新建幼儿园10所。\n")
    plan = policyparse.parse(page, extract=False)
    assert [(n.label, n.role) for n in plan.sections] == [("一、", "tasks"), ("二、", "tasks")]
    assert not any(n.kind == "part" for n in plan.nodes)


def test_a_notice_without_guanyu_a_district_s_city_and_a_cited_plan_s_period():
    """中共静安区委办公室 静安区人民政府办公室印发《…》的通知 (no 关于): both offices issue it; a district
    named alone is known by its city (静安区 → 上海市静安区, from the division data); a five-year plan
    named inside a cited title (落实《自治区“十四五”…规划》实施方案) does not date the document."""
    m = policyparse.parse("中共静安区委办公室 静安区人民政府办公室印发《静安区加快建设国际静安三年行动计划(2018—2020年)》的通知\n"
                          "各街道党工委、办事处：\n现将《静安区加快建设国际静安三年行动计划(2018—2020年)》印发给你们。\n"
                          "一、总体要求\n", extract=False).meta
    assert m.title == "静安区加快建设国际静安三年行动计划(2018-2020年)" and m.year == 2018
    assert (m.issuers, m.region) == (["中共静安区委办公室", "静安区人民政府办公室"], "上海市静安区")
    cited = policyparse.parse("昌吉州落实《自治区“十四五”城乡社区服务体系建设规划》实施方案\n"
                              "昌州政办发〔2023〕12号\n一、总体要求\n", extract=False).meta
    assert cited.year == 2023


def test_a_page_beginning_at_the_addressees_is_issued_by_the_body_signing_it():
    """No title: the body signing above the date issues the document and names its region in full."""
    m = policyparse.parse("区政府各部门、各直属单位，各街道办事处：\n现将2019年目标任务分解如下，请认真落实。\n"
                          "杭州市上城区人民政府办公室\n2019年2月15日\n1.地区生产总值增长5.5%。\n", extract=False).meta
    assert (m.title, m.issuers, m.region, m.year) == (None, ["杭州市上城区人民政府办公室"], "杭州市上城区", 2019)


def test_a_document_site_s_file_name_and_particulars_are_no_part_of_the_title():
    """A document-sharing site: the file's name with its page count, then 下载文档, 上传人, 编号, the
    date, the page count and the size (chrome), then the document."""
    page = ("诸城市应急保障体系建设行动计划(2021-2022年)(18页).docx\n下载文档\n上传人:Le****97\n编号:928920\n"
            "2024-05-20\n18页\n33.20KB\n为提高突发事件应急保障能力，制定如下行动计划。\n一、总体要求\n")
    plan = policyparse.parse(page, extract=False)
    assert plan.meta.title == "诸城市应急保障体系建设行动计划(2021-2022年)"
    assert not any(w in plan.text for w in ("上传人", "33.20KB", "下载文档", "928920"))


def test_a_forum_page_s_site_name_and_title_lines_are_chrome():
    """A forum's page: the site's name, 标题: lines and the author line are chrome; the title is the plan's."""
    page = ("某某中小学教育网\n\n标题: 2009—2010学年度第一学期小学学校工作计划 [打印本页]\n\n作者: admin    时间: 2009-7-19 13:45\n"
            "标题: 2009—2010学年度第一学期小学学校工作计划\n2009—2010学年度第一学期小学学校工作计划\n指导思想\n"
            "继续围绕内涵发展这一中心开展工作。\n")
    plan = policyparse.parse(page, extract=False)
    assert (plan.meta.title, plan.meta.doc_type) == ("2009-2010学年度第一学期小学学校工作计划", "计划")
    assert "教育网" not in plan.text and "admin" not in plan.text


def test_a_report_submitting_a_plan_a_slashed_breadcrumb_and_a_quoted_headline():
    """关于上报…工作总结及2018年工作计划的报告 covers its plan as a notice does; the addressee line under
    it is never joined to it; 当前位置：a/b/c is a breadcrumb; a headline quoting the notice in 《》
    with the plan in 〈〉 gives the plan."""
    page = ("当前位置:基础分类/动态/工作动态\n索 引 号:00000029/2017-00051 主题分类:动态\n \n"
            "江油市义新镇人民政府关于上报义新镇2017年工作总结及2018年工作计划的报告\n  市政府研究室:\n\n"
            "  在市委、市政府的坚强领导下，我镇各项工作取得了明显的成效。\n\n  一、2017年工作总结\n\n  (一)抓经济促发展\n")
    m = policyparse.parse(page, extract=False).meta
    assert (m.title, m.year, m.issuers) == ("义新镇2017年工作总结及2018年工作计划", 2018, ["江油市义新镇人民政府"])
    quoted = ("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
              "各区人民政府：\n《北京市2016年政务公开工作要点》已经市政府同意，现印发给你们。\n")
    q = policyparse.parse(quoted, extract=False).meta
    assert (q.title, q.issuers, q.doc_type) == ("北京市2016年政务公开工作要点", ["北京市人民政府办公厅"], "工作要点")


@pytest.mark.parametrize("notice, plan", [
    ("XX市人民政府办公室关于转发省教育厅《关于加强中小学教师队伍建设的意见》的通知", "关于加强中小学教师队伍建设的意见"),
    ("关于印发《昌吉州落实〈自治区“十四五”城乡社区服务体系建设规划〉实施方案》的通知",
     "昌吉州落实〈自治区“十四五”城乡社区服务体系建设规划〉实施方案"),
])
def test_the_name_a_notice_gives_its_plan(notice, plan):
    """A body before the marked name is the forwarded document's author, no part of its name; a name
    marked whole keeps the marks of the title it cites inside it."""
    m = policyparse.parse(notice + "\n各县市人民政府：\n现印发给你们，请认真贯彻执行。\n", extract=False).meta
    assert (m.title, m.notice) == (plan, notice)


def test_a_document_site_s_page_thumbnails_counters_and_notices_are_chrome():
    """A county's report copied to a document-sharing site: a caption under each page's
    thumbnail (…_第1页), a reading counter, a download button and the site's standing
    copyright notice, then the report run into one line with its title. All that is the
    site's, recorded as debris; the title is the report's, and the chrome's 工作目标 no
    longer makes the review a part of goals."""
    text = ("某县政府工作目标报告_第1页\n某县政府工作目标报告_第2页\n已阅读2页,还剩6页未读 继续免费阅读\n"
            "下载本文档\n版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领\n"
            "文档简介\n"
            "泾阳县2012年政府工作报告各位代表:现在,我代表县人民政府向大会报告工作,请予审议。"
            "一、过去一年工作回顾 2011年,全县生产总值达到186亿元,增长14%。"
            "二、2012年工作安排 全县生产总值增长12%以上。\n")
    plan = policyparse.parse(text)
    assert plan.meta.title == "泾阳县2012年政府工作报告"
    assert (plan.meta.year, plan.meta.region, plan.meta.issuers) == (2012, "泾阳县", ["泾阳县人民政府"])
    dropped = "".join(w.text for w in plan.warnings if w.code == "dropped-debris")
    for chrome in ("_第2页", "还剩6页未读", "下载本文档", "版权说明", "文档简介"):
        assert chrome in dropped
    assert [(q.value, q.kind) for q in plan.quantities] == [(186, "achieved"), (14, "achieved"), (12, "target")]


def test_slash_and_bar_breadcrumbs_a_spaced_out_title_and_a_delivery_line_without_its_date():
    """A banner's report on its government site: a breadcrumb split by slashes, the title
    set out one character at a time (政 府 工 作 报 告), and a delivery line that names
    the congress but not the day (——在…旗第十六届人民代表大会…); a district's report
    whose delivery line is broken after 第七届; a city's policy page whose breadcrumb is
    split by bars and ends with one. A table's header row with bars stays text."""
    banner = ("首页/ 政务公开 / 政府工作报告 / 正文\n政 府 工 作 报 告(2022年)\n"
              "——在阿巴嘎旗第十六届人民代表大会第一次会议上\n各位代表:\n"
              "现在,我代表旗人民政府向大会报告工作。\n一、过去一年工作回顾\n二、2022年工作安排\n")
    plan = policyparse.parse(banner)
    assert (plan.meta.title, plan.meta.year) == ("政府工作报告(2022年)", 2022)
    assert plan.meta.region == "阿巴嘎旗" and plan.meta.issuers == ["阿巴嘎旗人民政府"]
    district = ("2010年政府工作报告\n2010年2月24日在杨陵区第七届\n人民代表大会第四次会议上\n各位代表:\n"
                "一、过去一年工作回顾\n二、2010年工作安排\n")
    assert policyparse.parse(district).meta.region == "咸阳市杨陵区"
    page = ("信息公开 | 政策文件 | 区政府文件 |\n各街道办事处,区政府直属各单位:\n"
            "《洞头区推进科技创新实施方案(2023-2027年)》已经区政府常务会议审议通过,现印发给你们,请认真贯彻落实。\n"
            "温州市洞头区人民政府\n2023年8月30日\n洞头区推进科技创新实施方案(2023-2027年)\n"
            "序号 | 重点任务 | 牵头单位\n一、总体要求\n")
    plan = policyparse.parse(page)
    assert plan.meta.title == "洞头区推进科技创新实施方案(2023-2027年)"
    assert (plan.meta.region, plan.meta.issuers) == ("温州市洞头区", ["温州市洞头区人民政府"])
    assert "序号 | 重点任务 | 牵头单位" in plan.text


def test_a_ministry_s_plan_is_the_country_s_and_a_year_is_read_past_notes_of_adoption():
    """A ministry's or the national legislature's yearly plan governs the whole country; a
    plan that opens with the note of its adoption (in December of the year before) is for
    the year its text names; a city's report that opens with its review of 2008 is for
    2009; a county's plan that calls itself 我县 is the county its opening names."""
    assert policyparse.parse("教育部2023年工作要点\n一、加强党建。\n二、推进改革。\n").meta.region == "中华人民共和国"
    assert policyparse.parse("全国人大常委会2019年工作要点\n一、立法。\n二、监督。\n").meta.region == "中华人民共和国"
    assert policyparse.parse("市教育局2023年工作要点\n一、加强党建。\n二、推进改革。\n").meta.region is None
    adopted = ("(2018年12月20日委员长会议原则通过 2019年4月16日委员长会议修改)\n"
               "2019年是新中国成立70周年,立法工作的总体要求是:坚持党的领导。\n一、立法工作\n二、监督工作\n")
    assert policyparse.parse(adopted).meta.year == 2019
    review = "区政府工作报告\n各位代表:\n一、2008年工作回顾\n2008年全区生产总值增长12%。\n二、2009年工作安排\n"
    assert policyparse.parse(review).meta.year == 2009
    county = ("为推进我县教育事业高质量发展,依据《修水县“十四五”规划编制工作方案》,制定本规划。\n"
              "一、发展基础\n二、主要目标\n")
    assert policyparse.parse(county).meta.region == "修水县"


def test_a_notice_headline_without_its_genre_word_and_a_notice_naming_its_plan_in_full():
    """A page's headline 《X市政府印发X行动计划》 issues the plan as a notice does, though it
    lacks 的通知; the plan's own title line, under bulleted page particulars, is the title.
    A notice titled …关于印发2016年工作要点的通知 names the plan in full in its text
    (现将《市委教育工委市教育局2016年工作要点》印发): that name is the title, and its two
    issuers are two bodies, a party committee's education work committee one of them."""
    headline = ("《临汾市政府印发临汾市大气污染防治2018年行动计划》\n  • 来源专题:大气污染治理\n  • 发布时间:2018-09-03\n"
                "  • 临汾市大气污染防治2018年行动计划\n为完成年度目标任务,制定本计划。\n一、主要目标\n二、重点任务\n")
    meta = policyparse.parse(headline).meta
    assert (meta.title, meta.notice) == ("临汾市大气污染防治2018年行动计划", "临汾市政府印发临汾市大气污染防治2018年行动计划")
    assert (meta.year, meta.region, meta.issuers) == (2018, "临汾市", ["临汾市政府"])
    notice = ("市委教育工委市教育局关于印发2016年工作要点的通知\n各区教育局,局直属单位:\n"
              "现将《市委教育工委市教育局2016年工作要点》印发给你们,请认真贯彻落实。\n"
              "市委教育工委市教育局2016年工作要点\n一、加强党的建设\n二、深化教育改革\n")
    meta = policyparse.parse(notice).meta
    assert meta.title == "市委教育工委市教育局2016年工作要点"
    assert meta.issuers == ["市委教育工委", "市教育局"] and meta.doc_type == "工作要点"


def test_a_province_that_names_its_cities_and_a_district_that_names_itself():
    """A province's implementing opinions, a page beginning at the addressees, says 我省 and
    sets goals for its cities (武汉市、襄阳市…): its region is their province. A district's
    plan that says 我区 and names its own district in a cited outline is that district,
    though its city is named more often."""
    province = ("各市、州、县人民政府，省政府各部门：\n为改善空气质量，结合我省实际，提出如下实施意见。\n"
                "一、工作目标\n到2017年，武汉市、襄阳市、荆门市可吸入颗粒物年均浓度下降18%；宜昌市、荆州市下降15%。\n"
                "二、重点任务\n")
    assert policyparse.parse(province).meta.region == "湖北省"
    district = ("为促进我区文化发展，根据汕头市文化发展规划、汕头市“十二五”规划和《龙湖区国民经济和社会发展第十二个五年规划纲要》，"
                "特制定本规划。\n一、发展基础\n二、发展目标\n")
    assert policyparse.parse(district).meta.region == "汕头市龙湖区"


def test_a_county_report_that_names_its_province_is_not_the_province_s_and_its_speaker_issues_it():
    """A county's report that names no county of the division data (梅县 became 梅县区 in 2013)
    but its province many times is not the province's report: it speaks as 县 (我代表县人民政府,
    我县). Its speaker's line (梅县人民政府县长) names the issuer; a title it was named
    (全国…示范县) holds no county (示范县 is not 范县)."""
    text = ("政 府 工 作 报 告\n（2010年3月24日在梅县第十三届人民代表大会第五次会议上）\n梅县人民政府县长 张文广\n"
            "各位代表：\n现在，我代表县人民政府向大会作政府工作报告，请予审议。\n2009年工作回顾\n"
            "2009年，我县经济社会实现健康较快发展，全县生产总值实现107.86亿元，增长10.5%，增速高于全国、广东省平均水平。\n"
            "▲被确定为“全国基层农技推广体系改革与建设示范县”。\n▲荣获“广东省文明县城”称号，广东省卫生县城通过复检。\n"
            "一、经济实力进一步增强，发展质量有新提高\n全年实现工业总产值120.56亿元，增长8.7%。\n"
            "2010年工作安排\n一、加快工业发展\n全年工业增加值增长12%以上。\n")
    meta = policyparse.parse(text, extract=False).meta
    assert meta.region is None and meta.issuers == ["梅县人民政府"] and meta.year == 2010
    assert places.first_named("被确定为“全国基层农技推广体系改革与建设示范县”", "县") is None


def test_a_disclosure_table_a_column_name_and_a_font_size_control_on_the_title_line_are_chrome():
    """A government site's disclosure table (索引ID …, 效力状态 …, 发布日期 …), the column a notice
    was filed under (通知公告) and a font-size control run on to the title line (字号:[ ]) are the
    page's: the title is the document's own line, and the notice's plan is named in it."""
    page = ("当前位置:首页 > 政府信息公开 > 规划计划\n索引ID 730845566/2018-00006 发文单位 市教育局\n"
            "效力状态 有效 主题分类 其他\n发布日期 2018-04-13 00:00 信息来源 市教育局\n"
            "市教育局2018年工作要点 字号:[ ]\n\n  2018年全市教育工作的总体要求是：深入学习贯彻党的十九大精神。\n"
            "一、加强党的建设\n")
    plan = policyparse.parse(page, extract=False)
    assert plan.meta.title == "市教育局2018年工作要点" and plan.meta.year == 2018
    assert "字号" not in plan.text and "索引ID" not in plan.text
    notice = ("通知公告\n\n关于印发《2012年全省高校党建工作要点》的通知\n来源:本站编辑 浏览:时间:2012-03-23 09:51:35\n"
              "各设区市委教育工委、各高校党委：\n现将《2012年全省高校党建工作要点》印发给你们，请认真贯彻落实。\n"
              "2012年全省高校党建工作要点\n一、加强理论武装\n")
    assert policyparse.parse(notice, extract=False).meta.title == "2012年全省高校党建工作要点"


def test_a_body_s_name_over_a_notice_dashed_particulars_and_a_breadcrumb_ending_in_its_separator():
    """Bodies' names on lines of their own above a notice (淄博市人民政府办公室 / 淄博市人民政府) are
    no title: the notice names the plan. Particulars set as a dashed list (- 信息来源:市政府) are
    chrome, and a breadcrumb line that ends with its separator is not run into the title under it."""
    notice = ("淄博市人民政府办公室\n\n淄博市人民政府\n\n关于印发淄博市“十四五”科技创新规划的通知\n\n淄政字〔2022〕38号\n\n"
              "各区县人民政府，市政府各部门：\n\n现将《淄博市“十四五”科技创新规划》印发给你们，请认真组织实施。\n")
    meta = policyparse.parse(notice, extract=False).meta
    assert meta.title == "淄博市“十四五”科技创新规划" and meta.year == 2021 and meta.region == "淄博市"
    dashed = ("- 信息来源:市政府\n- 发布日期:2019-01-18 16:13\n- 浏览次数:\n"
              "各市（区）人民政府，市各委、办、局：\n《泰州市打赢蓝天保卫战三年行动计划实施方案》已经市政府第21次常务会议审议通过，"
              "现印发给你们，请认真遵照执行。\n")
    plan = policyparse.parse(dashed, extract=False)
    assert plan.meta.title == "泰州市打赢蓝天保卫战三年行动计划实施方案" and "信息来源" not in plan.text
    crumbs = ("当前位置:\n舟山市人力资源和社会保障局> 法定主动公开内容> 规划计划> 专项规划>\n"
              "舟山市人力资源和社会保障事业“十三五”发展规划纲要\n发布日期:2020-07-15 来源:市人力资源与社会保障局\n\n"
              "为深入推进舟山群岛新区跨越发展，制定本规划。\n一、发展基础\n")
    assert policyparse.parse(crumbs, extract=False).meta.title == "舟山市人力资源和社会保障事业“十三五”发展规划纲要"


def test_a_news_headline_that_a_body_published_a_plan_names_the_plan_and_its_issuer():
    """教育部发布2019年工作要点: a news headline; the plan is 2019年工作要点 and the ministry
    issues it. Under a notice's 现将《…》印发给你们 such a headline is no title line of the plan."""
    meta = policyparse.parse("教育部发布2019年工作要点\n一、全面加强党的建设\n", extract=False).meta
    assert (meta.title, meta.issuers, meta.year) == ("2019年工作要点", ["教育部"], 2019)
    page = ("现将《2008年劳动和社会保障工作要点》印发给你们，请认真贯彻执行。\n二OO七年一月二日\n"
            "劳动保障部发布2008年劳动和社会保障工作要点\n2008年劳动和社会保障工作的总体要求是：以党的十七大精神为指导。\n")
    assert policyparse.parse(page, extract=False).meta.title == "2008年劳动和社会保障工作要点"


def test_a_policy_library_page_its_controls_and_a_title_closed_by_its_period():
    """A policy library's page: the title (closed by its period in brackets) above the page's
    particulars (政策级别, 发文部门, 政策主题) and its buttons (点赞, 收藏, 转发), then the title again
    with a different dash. The title is the document's; a search box's words (精确检索 / 开始检索)
    and a back button (返回) are never run into it."""
    page = ("盐城市数字经济发展三年行动计划(2022-2024年)\n\n发布时间:2022-08-12\n\n政策级别:市级\n\n"
            "发文部门:盐城市工业和信息化局\n\n政策主题:引导扶持\n\n点赞\n\n收藏\n\n转发\n\n"
            "盐城市数字经济发展三年行动计划(2022—2024年)\n\n为加快推动全市经济社会数字化转型，制定本行动计划。\n\n一、总体要求\n")
    meta = policyparse.parse(page, extract=False).meta
    assert meta.title.startswith("盐城市数字经济发展三年行动计划") and meta.year == 2022 and meta.region == "盐城市"
    for head in ("精确检索\n开始检索\n\n", "返回\n"):
        text = head + "关于2019年农村危房改造工程实施方案\n\n为切实做好2019年全区农村危房改造工作，制定本方案。\n一、目标任务\n"
        assert policyparse.parse(text, extract=False).meta.title == "关于2019年农村危房改造工程实施方案"
