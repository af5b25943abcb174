"""Plans of genres the development corpus lacks: a city's opinion, a city's yearly plan, a plan review.

The texts are excerpts of real documents (official documents, not subject to
copyright: Copyright Law, art. 5), found after the rules were written and
first parsed blind: 杭州市人民政府关于加快学前教育改革与发展的若干意见
(杭政函〔2005〕39号), 咸阳市2023年国民经济和社会发展计划, and 深圳市发展和改革委员会's
report on the execution of the 2015 plan, and a notice of 中共扬州市委 and
扬州市人民政府 in traditional script (扬发〔2019〕34号). What they showed wrong is
what is tested here: the year that opens a goal's sentence is its deadline, an
age group is a condition, a count's object follows 建有, a division reporting a
plan's execution is a review, a place ending in 州 + 市 is a region, and a
traditional page's date line and document number stay off its title.
"""
from __future__ import annotations

import policyparse

OPINION = """杭州市人民政府关于加快学前教育改革与发展的若干意见（试行）
杭政函〔2005〕39号
各区、县（市）人民政府，市政府各部门、各直属单位：
为认真贯彻国务院办公厅《转发教育部等部门（单位）关于幼儿教育改革与发展指导意见的通知》（国办发〔2003〕13号）精神，进一步加快我市学前教育改革与发展，现提出如下意见。
一、明确目标任务，促进学前教育快速发展
1、学前三年教育发展目标。
2007年，全市学前三年幼儿入园率达到96%以上，其中市区学前三年幼儿入园率达到98%以上，县（市）学前三年幼儿入园率达到92%以上，乡镇中心幼儿园建园率达到90%以上。
2010年，每个乡镇都建有1所公办中心幼儿园，全面普及学前三年教育。
2、推进学前教育低龄化发展。
2007年，市区学前第四年幼儿入园率达到50%以上，县（市）达到30%以上；各区、县（市）至少办1所早教中心。
2010年，全市学前第四年幼儿入园率达到50%以上。
依托社区开展0-6岁儿童家长和看护人员培训，城市受训率达到90%以上，农村受训率达到80%以上，基本形成0-3岁早期教育体制。
二、改革管理体制，健全学前教育管理网络
3、理顺学前教育管理体制。
实行“政府负责、分级管理、部门分工负责”的学前教育管理体制。
"""

REVIEW = """关于深圳市2015年国民经济和社会发展计划执行情况与2016年计划（草案）的报告
——2016年1月31日在深圳市第六届人民代表大会第二次会议上
各位代表：
受市政府委托，我向大会作关于深圳市2015年国民经济和社会发展计划执行情况与2016年计划（草案）的报告，请予审议。
一、2015年国民经济和社会发展总体态势
2015年，面对错综复杂的发展环境，全市经济社会保持平稳健康发展，基本完成全年经济社会发展目标。
（一）质量型发展优势凸显。全市生产总值实现17502.99亿元，增长8.9%，稳居国内大中城市第四位。人均GDP达15.8万元；万元GDP能耗下降3%，万元GDP水耗下降6%。
"""

CITY_PLAN = """咸阳市2023年国民经济和社会发展计划
2023年全市经济社会发展的总体要求是：以习近平新时代中国特色社会主义思想为指导，突出做好稳增长、稳就业、稳物价工作。
主要预期目标是：生产总值增长6%左右，规模以上工业增加值增长7%左右，全社会固定资产投资增长8%左右，一般公共预算收入增长4%左右；居民消费价格涨幅3%左右；粮食产量保持在180万吨以上。
"""


def by_surface(plan):
    return {plan.text[q.span[0]:q.span[1]]: q for q in plan.quantities}


def test_an_opinion_dates_its_goals_by_the_year_opening_each_sentence():
    plan = policyparse.parse(OPINION)
    assert (plan.meta.year, plan.meta.region, plan.meta.issuers) == (2005, "杭州市", ["杭州市人民政府"])
    targets = plan.targets
    first = [q for q in targets if q.indicator == "全市学前三年幼儿入园率"]
    assert [(q.value, q.comparator, q.deadline) for q in first] == [(96, ">=", 2007)]
    later = [q for q in targets if q.indicator == "全市学前第四年幼儿入园率"]
    assert [(q.value, q.deadline) for q in later] == [(50, 2010)]
    # a number of a sentence that opens with no year has none (城市受训率 is not dated)
    assert [q.deadline for q in targets if q.indicator == "城市受训率"] == [None]


def test_an_age_group_is_a_condition_and_the_object_of_a_count_follows_its_verb():
    plan = policyparse.parse(OPINION)
    ages = [q for q in plan.quantities if q.unit == "岁"]
    assert [(q.value, q.value_max, q.kind) for q in ages] == [(0, 6, "condition"), (0, 3, "condition")]
    one = [q for q in plan.targets if q.value == 1 and q.deadline == 2010]
    assert [q.indicator for q in one] == ["公办中心幼儿园"]  # 每个乡镇都建有1所公办中心幼儿园


def test_a_report_on_a_plans_execution_is_a_review_and_its_figures_are_results():
    plan = policyparse.parse(REVIEW)
    first = plan.sections[0]
    assert first.role == "review"
    assert {q.kind for q in plan.quantities} == {"achieved"}
    assert plan.meta.year == 2016 and plan.meta.region == "深圳市"


def test_a_citys_yearly_plan_names_its_region_before_the_year():
    plan = policyparse.parse(CITY_PLAN)
    assert (plan.meta.year, plan.meta.region, plan.meta.doc_type) == (2023, "咸阳市", "计划")
    growth = by_surface(plan)["6%左右"]
    assert (growth.kind, growth.indicator, growth.comparator) == ("target", "生产总值增长", "~")


NOTICE = """中共揚州市委 揚州市人民政府關于印發《揚州市加快推進教育現代化實施意見》的通知
發布日期:   2019-10-13
揚發〔2019〕34號

各縣(市、區)委、人民政府,市委各部委辦,市各委辦局(公司),市各人民團體,駐揚各單位:

《揚州市加快推進教育現代化實施意見》已經市委、市政府同意,現印發給你們,請認真貫徹落實。

中共揚州市委

       揚州市人民政府

揚州市加快推進教育現代化實施意見

一、總體要求

(一)指導思想

堅持以習近平新時代中國特色社會主義思想為指導,辦好人民滿意的教育。
"""


def test_a_traditional_notice_keeps_its_date_line_and_number_off_the_title_and_names_its_government():
    plan = policyparse.parse(NOTICE)
    m = plan.meta
    # the notice issues the plan: the plan is the document, the notice is kept as such
    assert m.title == "扬州市加快推进教育现代化实施意见" and m.doc_type == "意见"
    assert m.notice == "中共扬州市委 扬州市人民政府关于印发《扬州市加快推进教育现代化实施意见》的通知"
    assert (m.year, m.region, m.issuers) == (2019, "扬州市", ["中共扬州市委", "扬州市人民政府"])
    assert any(w.code == "dropped-debris" and w.text.startswith("发布日期") for w in plan.warnings)
    names = {a.name for a in plan.actors}
    assert "扬州市人民政府" in names and "州市人民政府" not in names  # 扬州市, not the levels 州 and 市
    signed = [a for a in plan.actors if a.name == "扬州市人民政府"][0]
    written = [NOTICE[s:e] for s, e in (plan.raw_span(*sp) for sp in signed.mentions)]
    assert written.count("揚州市人民政府") == 2 and "市政府" in written  # the title, the signature; 市政府 同意


# a law site's page: its date and reader count, three tag words, then a summary that runs the
# title, the document number and the opening into one line and stops mid-sentence
LAW_SITE = """安徽省人民政府關于實施《國務院關于基礎教育改革與發展的決定》的意見
2025-06-07 16:43
166人看過
學校
農村
教師
安徽省人民政府關于實施《國務院關于基礎教育改革與發展的決定》的意見(皖政[2001]85號)各市、縣人民政府,省政府各部門、各直屬機構:為認真貫徹落實《國務院關于基礎教育改革與發展
安徽省人民政府關于實施
《國務院關于基礎教育改革與發展的決定》的意見
(皖政[2001]85號)
各市、縣人民政府,省政府各部門、各直屬機構:
為認真貫徹落實《國務院關于基礎教育改革與發展的決定》(國發[2001]21號)和全國基礎教育工作會議精神,現結合實際,提出以下實施意見。
一、統一思想,提高認識,切實保證基礎教育優先發展的戰略地位
1、基礎教育是教育事業的基石,對于提高國民素質、培養各級各類人才,具有基礎性、先導性和全局性的重要作用。
2、我省基礎教育工作的指導思想是:全面貫徹黨的教育方針,全面推進素質教育。
"""


def test_a_law_sites_chrome_tags_and_run_on_summary_are_debris_and_the_full_text_stays():
    plan = policyparse.parse(LAW_SITE)
    assert plan.meta.title == "安徽省人民政府关于实施《国务院关于基础教育改革与发展的决定》的意见"
    assert (plan.meta.year, plan.meta.region) == (2001, "安徽省")
    assert plan.text.startswith("安徽省人民政府关于实施\n《国务院关于基础教育改革与发展的决定》的意见\n(皖政[2001]85号)")
    dropped = "".join(w.text for w in plan.warnings if w.code == "dropped-debris")
    assert "166人看过" in dropped and "教师" in dropped and "各直属机构:为认真贯彻落实" in dropped
    assert [n.heading[:6] for n in plan.items] == ["基础教育是教", "我省基础教育"]
    # the dropped head is recorded with where it stood in the file
    head = [w for w in plan.warnings if w.code == "dropped-debris"][0]
    assert LAW_SITE[head.raw_span[0]:head.raw_span[1]].startswith("安徽省人民政府關于實施《")


# task-breakdown plans (责任分解方案) of two districts, 2023: the responsibility note after each
# item, in brackets or as label lines of their own under it
BREAKDOWN_BRACKETS = """2023年区《政府工作报告》确定的重点工作任务责任分解方案

  一、2023年全区经济社会发展主要预期目标

  1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)

  2.固定资产投资增长16%以上。(责任领导:杜新国;牵头单位:区发改局)

  3.规上工业增加值增长10%以上。(责任领导:洪声耀;牵头单位:区科经局)

  4.社会消费品零售总额增长11%以上。(责任领导:陈浩;牵头单位:区商务局)

  5.进出口总额增长15%以上。(责任领导:陈浩;牵头单位:区商务局)

  6.一般公共预算收入增长12%以上。(责任领导:杜新国;牵头单位:区财政局、区税务局)

  7.城乡居民收入增长与经济增长基本同步。(责任领导:杜新国、丁玲;牵头单位:区发改局、区农业农村局)

  8.城镇登记失业率控制在4.5%以内。(责任领导:杜新国;牵头单位:区人社局)
"""

BREAKDOWN_LINES = """鞍山市立山区人民政府文件
鞍立政发〔2023〕2号
立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知

立山经济开发区,各街道办事处,各区直部门,各有关单位:

经区政府同意,现将《立山区政府2023年重点工作任务分解和责任分工方案》印发给你们,请结合实际,认真贯彻落实。

一、经济社会发展的主要预期目标

1.努力实现地区生产总值增长6.2%左右。

牵头单位:区发改局

责任单位:立山经济开发区,全区经济运行各专班

2.规模上工业增加值增长5%左右。

牵头单位:区工信局

责任单位:立山经济开发区
"""


def roles_by_item(plan):
    names = {a.id: a.name for a in plan.actors}
    by_id = {n.id: n for n in plan.nodes}
    out = {}
    for t in plan.tasks:
        node = by_id[t.node]
        while node.kind != "item" and node.parent:
            node = by_id[node.parent]
        if node.kind == "item":
            out.setdefault(node.label, []).extend((names[a.actor], a.role) for a in t.actors if a.role != "implicit")
    return out


def test_an_item_stating_no_action_still_carries_the_units_its_note_names():
    plan = policyparse.parse(BREAKDOWN_BRACKETS)
    assert plan.meta.issuers == []  # 区《政府工作报告》 is the document the plan breaks down, not its issuer
    roles = roles_by_item(plan)
    assert roles["1."] == [("区发改局", "lead")]
    assert roles["6."] == [("区财政局", "lead"), ("区税务局", "lead")]
    assert roles["7."] == [("区发改局", "lead"), ("区农业农村局", "lead")]
    [statement] = [t for t in plan.tasks if t.text.startswith("城乡居民收入")]
    assert statement.verb is None and statement.text == "城乡居民收入增长与经济增长基本同步"
    assert [t.span for t in plan.tasks] == sorted(t.span for t in plan.tasks)  # ids in text order


def test_label_lines_under_an_item_are_one_note_and_a_masthead_is_no_title():
    plan = policyparse.parse(BREAKDOWN_LINES)
    m = plan.meta
    assert m.title == "立山区政府2023年重点工作任务分解和责任分工方案"  # its own title, set on two lines
    assert m.notice == "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知"
    assert (m.year, m.region, m.issuers) == (2023, "鞍山市立山区", ["立山区人民政府"])
    roles = roles_by_item(plan)
    assert roles["1."] == [("区发改局", "lead"), ("立山经济开发区", "support"), ("全区经济运行各专班", "support")]
    assert roles["2."] == [("区工信局", "lead"), ("立山经济开发区", "support")]


def test_the_goals_of_a_five_year_plan_chapter_and_of_an_implementation_plan_are_goals():
    fyp = policyparse.parse("XX省国民经济和社会发展第十四个五年规划纲要\n第一章 发展目标\n第一节 主要目标\n"
                            "到2025年，全省常住人口城镇化率达到65%。\n第二章 坚持创新驱动发展\n第一节 强化科技支撑\n"
                            "全面提升科技创新能力。\n")
    assert [(n.heading, n.role) for n in fyp.sections] == [("发展目标", "goals"), ("坚持创新驱动发展", "tasks")]
    plan = policyparse.parse("XX市学前教育发展提升行动实施方案\n一、总体要求\n（一）工作目标\n"
                             "到2025年，全市学前三年毛入园率达到92%以上。\n二、重点任务\n（一）扩大普惠资源。新建幼儿园20所。\n")
    assert [(n.heading, n.role) for n in plan.sections] == [("总体要求", "goals"), ("重点任务", "tasks")]
    assert [(q.indicator, q.deadline) for q in plan.targets] == [("全市学前三年毛入园率", 2025), ("新建幼儿园", None)]


# a county's report on how its work plan was carried out in the first three quarters (通报)
PROGRESS = """關于縣人民政府2020年工作任務分工三季度落實情況的通報
平政督字〔2020〕18號
各鄉鎮、縣直各部門、駐平區(市)屬各單位:
為全面落實2020年縣人民政府各項工作,按照《縣人民政府辦公室關于印發2020年政府工作任務分工的通知》(平政辦發〔2020〕15號)要求,縣政府督查室對縣人民政府確定的各項工作任務三季度落實情況進行了跟蹤督查。現通報如下:
一、整體情況
1-9月,全縣實現地區生產總值127.41億元,同比增長2%。其中:第一產業增加值20.19億元,增長1.5%;第二產業增加值57.86億元,增長0.8%。實現社會消費品零售總額22.5億元,同比下降5.4%。規上工業增加值同比增長0.2%。
二、存在的問題
(一)經濟指標仍有差距。
"""


def test_a_report_on_how_a_plan_was_carried_out_states_results_not_targets():
    plan = policyparse.parse(PROGRESS)
    assert (plan.meta.doc_type, plan.meta.year, plan.meta.issuers) == ("通报", 2020, [])
    assert [n.role for n in plan.sections] == ["review", "review"]
    kinds = {q.kind for q in plan.quantities}
    assert kinds == {"achieved"}, [(q.surface, q.kind) for q in plan.quantities]
    assert len(plan.quantities) == 9


def test_a_news_report_of_a_citys_targets_names_each_indicator_after_the_dash():
    """A news report (每日经济新闻, 2018) lists the targets a city's report set after a dash."""
    plan = policyparse.parse("成都市政府工作报告提出今年主要预期目标\n"
                             "报告提出了成都今年发展的主要预期目标——地区生产总值增长7.5%，全社会固定资产投资增长8%，"
                             "居民消费价格上涨控制在3%左右，城镇登记失业率控制在4%以内。\n")
    assert [(q.indicator, q.value, q.comparator) for q in plan.targets] == [
        ("地区生产总值增长", 7.5, "="), ("全社会固定资产投资增长", 8, "="), ("居民消费价格上涨", 3, "~"),
        ("城镇登记失业率", 4, "<=")]
    # a dash inside a name stays: 宝鸡——成都线 is one railway
    rail = policyparse.parse("一、1955年的情况\n贯通西南的宝鸡——成都线已经完成全线铺轨任务的73%。\n")
    assert "宝鸡——成都线" in rail.quantities[0].indicator


def test_urban_and_rural_in_one_word_are_two_indicators_and_a_following_list_of_changes_keeps_them():
    """城乡 names 城镇 and 农村 at once: the 咸阳 plan's 城乡居民人均可支配收入分别增长7%、8%左右, and
    江苏's 2026 report, whose next clause gives both changes (增长4.2%、5.3%)."""
    plan = policyparse.parse(CITY_PLAN.replace("一般公共预算收入增长4%左右",
                                               "一般公共预算收入增长4%左右，城乡居民人均可支配收入分别增长7%、8%左右"))
    incomes = [(q.indicator, q.value, q.comparator) for q in plan.targets if "可支配收入" in q.indicator]
    assert incomes == [("城镇居民人均可支配收入增长", 7, "="), ("农村居民人均可支配收入增长", 8, "~")]
    review = policyparse.parse("一、过去一年的工作\n城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%。\n")
    assert [(q.indicator, q.value) for q in review.quantities] == [
        ("城镇居民人均可支配收入", 6.9), ("农村居民人均可支配收入", 3.4),
        ("城镇居民人均可支配收入增长", 4.2), ("农村居民人均可支配收入增长", 5.3)]


# Faults shown by blind hand labels of eleven more excerpts of such genres (a province's health
# commission's 工作要点, a city's education 工作意见, implementation plans, a county's 十四五
# indicator table, a district's 实施方案), each written here in words of its form, not copied.
GOALS = ("XX省2023年卫生健康工作要点\n一、主要目标\n"
         "健康发展指数达85，人均预期寿命达82.4岁，数字健康发展指数达到90以上，"
         "重大慢病过早死亡率降至9.3%，总体癌症五年生存率达47%，劣V类水体比例为0。"
         "基本公共卫生服务经费达102元以上。残疾儿童少年接受15年免费教育的比例保持100%。"
         "到2025年底，50平方公里以上建设用地面积达到海绵城市建设要求。\n")


def test_a_measure_without_a_unit_is_a_target_only_after_its_level_verb():
    """An index, a score or a share has no unit (健康发展指数达85, 比例为0): its bare number is its
    level when a level verb stands right before it; other bare numbers stay none."""
    targets = {q.surface: (q.indicator, q.value, q.comparator, q.unit) for q in policyparse.parse(GOALS).targets}
    assert targets["85"] == ("健康发展指数", 85, "=", None)
    assert targets["90以上"] == ("数字健康发展指数", 90, ">=", None)
    assert targets["0"] == ("劣V类水体比例", 0, "=", None)
    plain = policyparse.parse("XX市2023年工作要点\n一、主要任务\n落实教育现代化2035，学习十九大精神，综合指数为2035年远景目标。\n")
    assert plain.quantities == []
    # the level verb may open the number (控制在…以内); 平米 is a unit as 平方米 is
    safety = policyparse.parse("XX市应急体系建设行动计划\n一、主要目标\n亿元GDP生产安全事故死亡率控制在0.011以内，"
                               "社区综合服务设施面积达到每百户30平米以上。\n")
    assert [(q.value, q.unit, q.comparator) for q in safety.targets] == [(0.011, None, "<="), (30, "平米", ">=")]
    assert safety.targets[0].indicator == "亿元GDP生产安全事故死亡率"


def test_a_share_of_those_a_number_qualifies_and_a_noun_s_own_modifier_stay_in_the_indicator():
    """接受15年免费教育的比例: the 15年 says whose share it is; 总体 and 基本 before a noun are part of
    its name (总体癌症五年生存率, 基本公共卫生服务经费), not adverbs."""
    by = {q.surface: q.indicator for q in policyparse.parse(GOALS).targets}
    assert by["100%"] == "残疾儿童少年接受15年免费教育的比例"
    assert by["47%"] == "总体癌症五年生存率"
    assert by["102元以上"] == "基本公共卫生服务经费"
    # a year is no such qualifier: the phrase holding it is a fragment, not a name
    old = policyparse.parse("一、1956年的计划\n比五年计划中规定的1957年的水平增加498亿元。\n")
    assert all("1957年" not in (q.indicator or "") for q in old.quantities)


def test_an_amount_before_a_noun_measuring_it_is_no_bracket():
    """50平方公里以上建设用地面积达到…: the area is what the target counts (面积 measures 平方公里);
    30万千瓦以下煤电机组 stays a bracket of a class."""
    (area,) = [q for q in policyparse.parse(GOALS).quantities if q.unit == "平方公里"]
    assert (area.kind, area.comparator, area.deadline) == ("target", ">=", 2025)
    assert area.indicator.startswith("建设用地面积")
    plants = policyparse.parse("XX省2023年工作要点\n一、主要任务\n淘汰30万千瓦以下煤电机组。\n")
    assert [q.kind for q in plants.quantities] == ["condition"]


def test_a_plenary_session_with_its_qualifier_is_an_ordinal():
    """市委十三届二次全体（扩大）会议, 第十三次党代会: ordinals of sessions, no quantity."""
    plan = policyparse.parse("XX市2017年教育工作意见\n一、指导思想\n"
                             "深入学习贯彻市第十三次党代会、市委十三届二次全体(扩大)会议精神，推进教育现代化。\n")
    assert plan.quantities == []


def test_a_count_of_the_plan_s_own_priorities_and_slogans_is_no_target():
    """A school's plan: 以…为两个工作重点，达到三个确保： counts its own priorities and slogans; 新建两个
    重点工作平台 still counts platforms to build."""
    plan = policyparse.parse("XX小学2009年工作计划\n一、指导思想\n以争创省优质学校、营造和谐校园为两个工作重点，"
                             "达到三个确保：确保安全。新建两个重点工作平台。\n")
    assert [(q.kind, q.surface) for q in plan.quantities] == [("target", "两个")]
    assert plan.quantities[0].span[0] > plan.text.index("新建")


def test_a_list_of_whole_indicator_names_and_its_values_for_two_years():
    """A city's education plan lists five indicators once and their values for two years
    (…分别达到…；2025年分别达到…): each value goes to its own indicator in both years, the
    names are not cut into a shared head (毛入园率入学率), and years of schooling with a
    decimal (12.5年) are a span, not a date. Items that share a head (粮食、棉花、油料产量)
    still share it, however long the middle items are (锂电池、太阳能电池、工业机器人产量)."""
    text = ("二、发展目标\n2020年学前三年幼儿毛入园率、义务教育巩固率、高中阶段教育毛入学率和新增劳动力平均受教育年限"
            "分别达到92%、98%、93%和12.5年;2025年分别达到95%、99%、96%和13年以上。\n"
            "三、重点任务\n锂电池、太阳能电池、工业机器人产量分别增长20%、15%、30%。\n")
    got = [(q.indicator, q.value) for q in policyparse.parse(text).targets]
    names = ["学前三年幼儿毛入园率", "义务教育巩固率", "高中阶段教育毛入学率", "新增劳动力平均受教育年限"]
    assert got[:8] == list(zip(names * 2, [92, 98, 93, 12.5, 95, 99, 96, 13]))
    assert [i for i, _ in got[8:]] == ["锂电池产量增长", "太阳能电池产量增长", "工业机器人产量增长"]
    # a year's decimal is never read off a name: PM2.5年均浓度 holds no 2.5年
    assert [q.surface for q in policyparse.parse("PM_2.5年均浓度下降5%。").quantities] == ["5%"]


def test_a_work_plan_heading_that_aims_at_new_results_is_no_review():
    """A county bureau's yearly plan heads a part with its aim (（二）取得人居环境整治新成绩):
    the figures under it, after 力争, are targets, not results already reached."""
    text = ("某县农业农村局2020年工作计划\n（一）推动产业发展。茶叶产值增长10%以上。\n"
            "（二）取得人居环境整治新成绩。力争90%以上的村生活垃圾得到治理,卫生厕所普及率达85%左右。\n")
    plan = policyparse.parse(text)
    assert [(q.value, q.kind) for q in plan.quantities] == [(10, "target"), (90, "target"), (85, "target")]
    assert plan.quantities[1].commitment == "aspirational"


def test_numbers_of_a_list_share_the_unit_and_the_measure_of_its_last():
    """A provincial report on a sector: 回落0.2和0.3个百分点, 分别低0.8、0.7和0.3个百分点. Every
    number of such a list is a quantity in the unit written once at its end, and one listed
    right after another with nothing between measures the same thing. A year before 和 is
    still no quantity (2019和2020年)."""
    text = ("一、2023年农业发展情况\n农林牧渔业增加值增幅比上年回落0.2和0.3个百分点。"
            "城镇和农村居民收入分别增长5和6个百分点。2019和2020年产量稳定。\n")
    plan = policyparse.parse(text)
    got = [(q.surface, q.value, q.unit, q.indicator, q.kind) for q in plan.quantities]
    assert got == [("0.2", 0.2, "个百分点", "农林牧渔业增加值增幅回落", "achieved"),
                   ("0.3个百分点", 0.3, "个百分点", "农林牧渔业增加值增幅回落", "achieved"),
                   ("5", 5, "个百分点", "城镇居民收入增长", "achieved"),
                   ("6个百分点", 6, "个百分点", "农村居民收入增长", "achieved")]


def test_an_estimate_of_the_year_just_closed_is_a_result_in_a_review():
    """A district's report delivered in January reviews the year just closed with estimates
    (预计2011年达到316亿元): in its review these are results, the sentence's other figures
    too; an estimate of the plan's own year, or in its tasks, stays a forecast."""
    text = ("2012年政府工作报告\n各位代表：\n一、过去五年工作回顾\n本区生产总值预计2011年达到316亿元，"
            "比2006年增长85.7%；社会消费品零售总额达41.6亿元。预计2012年全区生产总值将达到350亿元。\n"
            "二、2012年工作安排\n预计全区高校毕业生达到5000人。全区生产总值增长10%。\n")
    plan = policyparse.parse(text)
    assert [(q.value, q.kind) for q in plan.quantities] == [
        (316, "achieved"), (85.7, "achieved"), (41.6, "achieved"), (350, "forecast"), (5000, "forecast"),
        (10, "target")]


def test_a_bound_and_a_hope_for_one_measure_and_a_level_written_with_zai():
    """A county's five-year goals state a floor and a hope for each measure (确保年均增长15%、
    力争年均增长25%): both measure the subject; a school system's rates are written with 在
    (高中在95%以上), which names no part of the indicator."""
    text = ("全县地区生产总值确保年均增长15%、力争年均增长25%；财政收入确保年均增长12%、力争年均增长20%。"
            "巩固率初中达到98%以上、高中在95%以上。\n")
    got = [(q.indicator, q.value, q.commitment) for q in policyparse.parse(text).targets]
    assert got[:4] == [("全县地区生产总值年均增长", 15, "binding"), ("全县地区生产总值年均增长", 25, "aspirational"),
                       ("财政收入年均增长", 12, "binding"), ("财政收入年均增长", 20, "aspirational")]
    assert got[5][:2] == ("高中", 95)


def test_a_long_indicator_counts_its_chinese_characters_not_an_abbreviation_in_brackets():
    """A science plan's indicator with its English abbreviation (全社会研究与试验发展(R&D)经费支出占
    地区生产总值比重) is 24 Chinese characters long: it keeps its head word 全社会."""
    [q] = policyparse.parse("全社会研究与试验发展(R&D)经费支出占地区生产总值比重达到3.2%。").quantities
    assert q.indicator == "全社会研究与试验发展(R&D)经费支出占地区生产总值比重"


def test_a_body_calling_itself_wo_ju_in_its_own_plan_is_its_issuer():
    """A county bureau's plan says 由我局牵头 and 我局将…: the bureau that issues the plan leads,
    not a body named 我局; in a text with no issuer 我局 stays what it says."""
    text = "县交通运输局2018年重点工作安排\n一、重点项目\n1.由我局牵头实施公路项目。\n2.我局将加强安全监管。\n"
    plan = policyparse.parse(text)
    names = {a.id: a.name for a in plan.actors}
    roles = [(names[ta.actor], ta.role) for t in plan.tasks for ta in t.actors if ta.role != "implicit"]
    assert roles and set(roles) == {("县交通运输局", "lead")}
    assert "我局" in next(a for a in plan.actors if a.name == "县交通运输局").aliases
    assert [a.name for a in policyparse.parse("我局将加强安全监管。").actors] == ["我局"]


def test_named_vocational_colleges_and_the_customs_administration_are_bodies():
    """A region's report supports named colleges (宁夏警官职业学院, 固原农林职业技术学院) and a
    national administration (海关总署): bodies, each supported; a programme named 学院
    (现代产业学院) is not one."""
    plan = policyparse.parse("支持宁夏警官职业学院、固原农林职业技术学院建设。支持海关总署在宁夏设立机构。建设现代产业学院。")
    names = {a.id: a.name for a in plan.actors}
    roles = {(names[ta.actor], ta.role) for t in plan.tasks for ta in t.actors if ta.role != "implicit"}
    assert {("宁夏警官职业学院", "supported"), ("固原农林职业技术学院", "supported"), ("海关总署", "supported")} <= roles
    assert "现代产业学院" not in names.values()


def test_a_five_year_plan_s_account_of_its_setting_reports_results():
    """A national sector's five-year plan opens its general requirements with its setting
    (（一）发展环境): the last period's figures written there are results, not targets; an
    age names its people (60周岁以上老年人口), never a number of weeks."""
    text = ("“十三五”现代综合交通运输体系发展规划\n一、总体要求\n（一）发展环境。\n"
            "“十二五”时期，综合交通运输体系不断完善。基础设施累计完成投资13.4万亿元，快递业务量年均增长50%以上。"
            "全市60周岁以上老年人口87.36万人。\n（二）发展目标。\n到2020年，铁路营业里程达到15万公里。\n")
    plan = policyparse.parse(text)
    got = [(q.surface, q.kind, q.indicator) for q in plan.quantities]
    assert got == [("13.4万亿元", "achieved", "基础设施累计完成投资"), ("50%以上", "achieved", "快递业务量年均增长"),
                   ("87.36万人", "achieved", "全市60周岁以上老年人口"), ("15万公里", "target", "铁路营业里程")]


def test_a_city_s_goal_written_with_its_year_after_its_name():
    """A province's air-pollution plan sets each city's goal with the year after the city's
    name (武汉市2017年细颗粒物年均浓度较2013年下降15%以上): the indicator is the city's measure."""
    [q] = policyparse.parse("武汉市2017年细颗粒物年均浓度较2013年下降15%以上。").quantities
    assert (q.indicator, q.value, q.comparator, q.kind) == ("武汉市细颗粒物年均浓度下降", 15, ">=", "target")


def test_a_capacity_per_day_keeps_its_time_in_the_unit():
    """A city's infrastructure plan states capacities per day (污水处理能力达到10万吨/日): the unit
    is 万吨/日, its base 吨/日, 100,000 of them; a number without one stays as it was."""
    [q] = policyparse.parse("新增污水处理能力10万吨/日。").quantities
    assert (q.surface, q.unit, q.base_unit, q.base_value, q.indicator) == ("10万吨/日", "万吨/日", "吨/日", 100000,
                                                                          "新增污水处理能力")
    [q] = policyparse.parse("新增污水处理能力10万吨。").quantities
    assert (q.unit, q.base_unit) == ("万吨", "吨")


def test_a_count_of_kinds_before_a_number_of_its_clause_qualifies_the_measure():
    """A province's education plan: 确保三类残疾儿童义务教育入学率达91%以上. 三类 names the kinds of
    children the rate covers (part of the indicator), no count to reach; a count of kinds alone in
    its clause (开展三类培训) stays a quantity."""
    plan = policyparse.parse("确保三类残疾儿童义务教育入学率达91%以上。开展三类培训，培训人员5000人次。")
    assert [(q.surface, q.indicator) for q in plan.quantities][0] == ("91%以上", "三类残疾儿童义务教育入学率")
    assert "三类" in [q.surface for q in plan.quantities]


def test_air_quality_concentrations_are_quantities():
    """An air-pollution plan and a province's report: PM2.5 concentrations are written in
    micrograms per cubic metre (35微克/立方米, 29微克每立方米) or milligrams per litre: quantities
    with their unit, a target under 控制在 or 不高于; a PDF's space before % goes too."""
    plan = policyparse.parse("到2025年，细颗粒物年均浓度控制在29微克每立方米以下，化学需氧量浓度不高于20毫克/升，"
                             "优良天数比例达到 85 %以上。")
    got = [(q.value, q.unit, q.comparator, q.kind) for q in plan.quantities]
    assert got == [(29, "微克每立方米", "<=", "target"), (20, "毫克/升", "<=", "target"), (85, "%", ">=", "target")]
    assert plan.quantities[0].indicator == "细颗粒物年均浓度"
