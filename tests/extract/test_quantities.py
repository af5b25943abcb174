"""Quantities and targets on a table of tricky phrases from real plans and reports.

Each phrase is parsed as an item of a small work plan (so normalisation runs:
full-width digits, dashes), and the quantities found are compared field by
field. The negative table lists numbers that are not quantities at all.
"""
from __future__ import annotations

import pytest

import policyparse

HEAD = "XX市教育局2019年工作要点\n一、重点工作\n1."


def quantities(phrase: str):
    plan = policyparse.parse(HEAD + phrase + "。")
    for q in plan.quantities:
        assert plan.text[q.span[0]:q.span[1]] == q.surface
    return plan.quantities


# phrase, then per expected quantity: (surface, kind, indicator, comparator, value, value_max, unit)
POSITIVE = [
    ("选树30所“四星级”中小学智慧校园", [("30所", "target", "中小学智慧校园", "=", 30, None, "所")]),
    ("申报10—15所全国校园足球特色学校", [("10-15所", "target", "全国校园足球特色学校", "range", 10, 15, "所")]),
    ("市级总决赛参赛队达到200支", [("200支", "target", "市级总决赛参赛队", "=", 200, None, "支")]),
    ("参加区级联赛的足球试点学校达到95%以上", [("95%以上", "target", "参加区级联赛的足球试点学校", ">=", 95, None, "%")]),
    ("指导市属高校创建10个左右重点发展专业", [("10个左右", "target", "重点发展专业", "~", 10, None, "个")]),
    ("国内生产总值增长6%－6.5%", [("6%-6.5%", "target", "国内生产总值增长", "range", 6, 6.5, "%")]),
    ("城镇新增就业1100万人以上", [("1100万人以上", "target", "城镇新增就业", ">=", 1100, None, "万人")]),
    ("城镇登记失业率4.5%以内", [("4.5%以内", "target", "城镇登记失业率", "<=", 4.5, None, "%")]),
    ("城镇调查失业率低于4.6%", [("低于4.6%", "target", "城镇调查失业率", "<", 4.6, None, "%")]),
    ("赤字率拟按2.8%安排", [("2.8%", "target", "赤字率", "=", 2.8, None, "%")]),
    ("粮食产量保持在1.3万亿斤以上", [("1.3万亿斤以上", "target", "粮食产量", ">=", 1.3, None, "万亿斤")]),
    ("单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%", [
        ("13.5%", "target", "单位国内生产总值能耗降低", "=", 13.5, None, "%"),
        ("18%", "target", "二氧化碳排放降低", "=", 18, None, "%")]),
    ("居民医保和基本公共卫生服务经费人均财政补助标准分别再增加30元和5元", [
        ("30元", "target", "居民医保增加", "=", 30, None, "元"),
        ("5元", "target", "基本公共卫生服务经费人均财政补助标准增加", "=", 5, None, "元")]),
    ("使适龄儿童入学率达到百分之九十", [("百分之九十", "target", "适龄儿童入学率", "=", 90, None, "%")]),
    ("城镇新增就业一千万人", [("一千万人", "target", "城镇新增就业", "=", 1000, None, "万人")]),
    ("新建两所学校", [("两所", "target", "学校", "=", 2, None, "所")]),
    ("建设十个示范基地", [("十个", "target", "示范基地", "=", 10, None, "个")]),
    ("选树３０所智慧校园", [("30所", "target", "智慧校园", "=", 30, None, "所")]),
    ("奖励标准从10万元提高到15万元", [
        ("10万元", "baseline", None, "=", 10, None, "万元"),
        ("15万元", "target", "奖励标准", "=", 15, None, "万元")]),
    ("每2年选树一批基础教育成果奖", [("2年", "periodicity", "基础教育成果奖", "=", 2, None, "年")]),
    ("对公办在园幼儿比例不足50%的区，配建幼儿园用于举办公办园", [
        ("不足50%", "condition", "公办在园幼儿比例", "<", 50, None, "%")]),
    ("预计全年经济增长6%左右", [("6%左右", "forecast", "全年经济增长", "~", 6, None, "%")]),
    ("组建50对委托管理工作项目组和40个市级小班化教学共同体", [
        ("50对", "target", "委托管理工作项目组", "=", 50, None, "对"),
        ("40个", "target", "市级小班化教学共同体", "=", 40, None, "个")]),
    ("农村贫困人口减少1000万以上", [("1000万以上", "target", "农村贫困人口减少", ">=", 1000, None, "万")]),
    ("城镇调查失业率5.5%左右", [("5.5%左右", "target", "城镇调查失业率", "~", 5.5, None, "%")]),
    ("两年内基本取消全国高速公路省界收费站", [("两年内", "target", None, "<=", 2, None, "年")]),
    ("棚户区住房改造620多万套", [("620多万套", "target", "棚户区住房改造", ">", 620, 630, "万套")]),
    ("减税降费近2万亿元", [("近2万亿元", "target", "减税降费", "~", 2, None, "万亿元")]),
    ("压减三分之一以上", [("三分之一以上", "target", None, ">=", 0.3333333333, None, None)]),
    ("铁路共新建8,500公里，公路3000公里", [("8,500公里", "target", "铁路", "=", 8500, None, "公里"),
                                          ("3000公里", "target", "公路", "=", 3000, None, "公里")]),
    # people counted after 为: the people and the service done for them
    ("为70万妇女免费开展“两癌”筛查", [("70万", "target", "妇女“两癌”筛查", "=", 70, None, "万")]),
    ("为1.2万个乡镇卫生院配备医疗设备", [("1.2万个", "target", "乡镇卫生院医疗设备", "=", 1.2, None, "万个")]),
    # an adverb before the verb is no subject: the count is of the object
    ("整体提升100所学校周边环境", [("100所", "target", "学校周边环境", "=", 100, None, "所")]),
    ("中欧班列年开行量保持在4800列以上", [("4800列以上", "target", "中欧班列年开行量", ">=", 4800, None, "列")]),
    # a span of years named as one (年限) is measured in 年, which elsewhere only dates or times
    ("劳动年龄人口平均受教育年限提高到11.3年", [("11.3年", "target", "劳动年龄人口平均受教育年限", "=", 11.3, None, "年")]),
    # a ratio to one is read as its first term, whatever sign the text writes
    ("城乡居民收入比缩小至2.1∶1左右", [("2.1∶1左右", "target", "城乡居民收入比", "~", 2.1, None, "∶1")]),
    ("城乡居民收入比收窄至2：1以内", [("2∶1以内", "target", "城乡居民收入比", "<=", 2, None, "∶1")]),
    ("城乡居民收入比由2.6∶1缩小至2.5∶1", [("2.6∶1", "baseline", "城乡居民收入比", "=", 2.6, None, "∶1"),
                                    ("2.5∶1", "target", "城乡居民收入比", "=", 2.5, None, "∶1")]),
    # 增至 says what a number becomes: never a range, never a negative value
    ("每千人口托位数增至4.5个", [("4.5个", "target", "每千人口托位数", "=", 4.5, None, "个")]),
    # one, counted after a comparator
    ("确保零就业家庭至少一人就业", [("至少一人", "target", "零就业家庭", ">=", 1, None, "人")]),
]


@pytest.mark.parametrize("phrase,expected", POSITIVE, ids=[p for p, _ in POSITIVE])
def test_tricky_quantity(phrase, expected):
    found = quantities(phrase)
    assert [q.surface for q in found] == [e[0] for e in expected]
    for q, (surface, kind, indicator, comparator, value, value_max, unit) in zip(found, expected):
        assert (q.kind, q.comparator, q.value, q.value_max, q.unit) == (kind, comparator, value, value_max, unit), surface
        if indicator is not None:
            assert q.indicator is not None and (indicator in q.indicator or q.indicator in indicator), (surface, q.indicator)


NEGATIVE = [
    "《纲要（草案）》提出了28个主要指标和15个方面的重点任务",  # counts of the plan's own parts
    "办好以10件民生实事为引领的各项民生工程",
    "其中预期性指标19项、约束性指标9项",  # counted before the number, too
    "推动优化营商环境12条举措落地见效",  # the measures of a policy
    "提出18个领域的重点任务",
    "用3年时间基本完成改造任务",
    "举办市第十六届教师五项技能竞赛",
    "深入推进第三期学前教育行动计划",
    "启动实施第二期义务教育学校委托管理工作",
    "选树第四批校园文化建设优秀学校",
    "2019年全市教育工作的总体思路是明确的",
    "全面实施第二期特殊教育提升计划(2017—2020年)",
    "到2035年基本实现教育现代化",
    "深入学习贯彻党的十九大、十九届二中、三中全会精神",
    "认真贯彻省委九届九次、十次全会精神",  # a list of sessions: ordinals
    "坚决做到“两个维护”",
    "完善“三通两平台”建设",
    "树牢“四个意识”，坚定“四个自信”",
    "加快5G网络建设",
    "打造智慧教育3.0版",
    "深化“党员公开承诺”“支部主题党日活动”等三项活动",
    "遴选一批研学旅行基地",
    "统筹推进统一部署的各项工作",
    "继续推进教育国际化三年行动计划",
    "隆重庆祝改革开放40周年",
    "细颗粒物(PM2.5)浓度继续下降",
]


@pytest.mark.parametrize("phrase", NEGATIVE)
def test_not_a_quantity(phrase):
    assert [q.surface for q in quantities(phrase)] == []


def test_item_numbers_are_not_quantities():
    plan = policyparse.parse(HEAD + "抓好学习。\n2.推进改革。\n3.深化创新。")
    assert plan.quantities == []


@pytest.mark.parametrize("phrase,commitment", [
    ("确保全市幼儿园占比达到80%以上", "binding"),
    ("力争毛入学率达到90.5%以上", "aspirational"),
    ("争取建成20所学校", "aspirational"),
    ("把财政赤字控制在3%以内", "binding"),
    ("严守耕地面积18亿亩", "binding"),
    ("预期增长6%", "expected"),
    ("创建10个左右重点专业", "expected"),
    ("探索建设5个试点基地", "exploratory"),
    ("建设10个特色基地", None),
    ("指导12所领航试点学校加强内涵建设", None),
])
def test_commitment_strength(phrase, commitment):
    (q,) = quantities(phrase)
    assert q.commitment == commitment


@pytest.mark.parametrize("phrase,deadline", [
    ("到2025年，建成10所示范学校", 2025),
    ("“十四五”末毛入学率达到95%", 2025),
    ("到2035年，主要劳动年龄人口平均受教育年限达到13.5年以上", 2035),
    ("建成10所示范学校", None),
])
def test_deadline(phrase, deadline):
    qs = quantities(phrase)
    assert qs and all(q.deadline == deadline for q in qs)


def test_a_deadline_in_chinese_digits():
    """The reports before the 1990s write years in Chinese digits: 到一九九〇年 is a deadline as 到1990年."""
    plan = policyparse.parse("一九八三年政府工作报告\n到一九九〇年，普通高等学校招生人数达到五十五万人；"
                             "一九八五年底以前建成投产四百个项目。")
    assert [(q.surface, q.deadline) for q in plan.quantities] == [("五十五万人", 1990), ("四百个", 1985)]
    # from a dated value to another: the first is the baseline; 计划将 names no indicator
    plan = policyparse.parse("一九八三年政府工作报告\n计划将普通高等学校招生人数由一九八二年的三十一万五千人"
                             "增加到一九八七年的五十五万人。")
    assert [(q.surface, q.kind, q.indicator, q.deadline) for q in plan.quantities] == [
        ("三十一万五千人", "baseline", "普通高等学校招生人数", None),
        ("五十五万人", "target", "普通高等学校招生人数", 1987)]


@pytest.mark.parametrize("phrase,measure", [
    ("国内生产总值增长6%", "change"),
    ("城乡居民人均财政补助标准再增加30元", "change"),
    ("赤字率比去年提高0.2个百分点", "change"),
    ("高中阶段教育毛入学率达到98.5%", "rate"),
    ("建设10个特色基地", "level"),
])
def test_measure(phrase, measure):
    (q,) = quantities(phrase)
    assert q.measure == measure


def test_base_value_multiplies_the_magnitude_out():
    (q,) = quantities("城镇新增就业1100万人以上")
    assert (q.base_value, q.base_unit) == (11000000, "人")
    (q,) = quantities("粮食产量保持在1.3万亿斤以上")
    assert (q.base_value, q.base_unit) == (1.3e12, "斤")
    (q,) = quantities("达到95%以上")
    assert (q.base_value, q.base_unit) == (95, "%")


def test_every_quantity_maps_back_to_the_raw_text():
    raw = "XX市2019年工作要点\n一、工作\n1.选树３０所智慧校园，申报１０—１５所特色学校。"
    plan = policyparse.parse(raw)
    surfaces = []
    for q in plan.quantities:
        s, e = q.raw_span
        surfaces.append(raw[s:e])
    assert surfaces == ["３０所", "１０—１５所"]


def test_a_heading_of_targets_sets_their_deadline():
    plan = policyparse.parse("XX省教育发展规划\n一、“十四五”时期主要目标\n学前三年毛入园率达到92%以上。\n"
                             "二、2021年重点工作\n新建幼儿园50所。")
    assert [(q.surface, q.deadline) for q in plan.quantities] == [("92%以上", 2025), ("50所", None)]


def test_a_heading_of_results_and_targets_is_no_review():
    plan = policyparse.parse("2021年政府工作报告\n一、“十三五”时期发展成就和“十四五”时期主要目标任务\n"
                             "城镇调查失业率控制在5.5%以内。\n二、2020年工作回顾\n城镇新增就业1186万人。",
                             meta={"year": 2021})
    assert [(q.surface, q.kind) for q in plan.quantities] == [("控制在5.5%以内", "target"), ("1186万人", "achieved")]


@pytest.mark.parametrize("phrase,expected", [
    # (surface, kind, deadline) for each quantity: cases a review of the rules turned up
    ("粮食产量33，212万吨", [("33，212万吨", "target", None)]),                       # full-width thousands comma
    ("到2020年毛入学率达到90%，到2025年达到95%", [("90%", "target", 2020), ("95%", "target", 2025)]),
    ("确保在2018年基础上投入增长10%", [("10%", "target", None)]),                    # a base year is no deadline
    ("招生规模比2018年增长10%", [("10%", "target", None)]),                          # nor a result
    ("完善质量评估计划，新建学校30所", [("30所", "target", None)]),                   # 估计 inside 评估计划
])
def test_review_cases(phrase, expected):
    assert [(q.surface, q.kind, q.deadline) for q in quantities(phrase)] == expected


def test_markers_inside_words_are_none():
    (q,) = quantities("建设虚拟仿真模拟实验室30个")
    assert q.commitment is None  # 拟 inside 模拟
    (q,) = quantities("人均预期寿命再提高1岁")
    assert q.commitment is None  # 预期 inside 人均预期寿命


def test_distributed_values_keep_the_verb():
    a, b = quantities("单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%")
    assert (a.measure, b.measure) == ("change", "change")
    assert (a.indicator, b.indicator) == ("单位国内生产总值能耗降低", "二氧化碳排放降低")


def test_an_unclosed_title_hides_nothing_after_its_sentence():
    plan = policyparse.parse(HEAD + "贯彻《关于加强教育的意见，新建学校30所，会同市财政局制定办法。\n2.学习《纲要》。")
    assert [q.surface for q in plan.quantities] == ["30所"]
    # 学校 too: a counted body is a body, as the actor gold counts it (新增…企业52家)
    assert [a.name for a in plan.actors if not a.issuer] == ["学校", "市财政局"]


def test_a_huge_digit_string_is_no_quantity():
    assert quantities("新建" + "9" * 400 + "所") == []


def test_a_sentence_carrying_on_a_past_one_reports_results():
    """A report's plan for the year may open by summing up the last one: the results are no targets."""
    plan = policyparse.parse("2011年政府工作报告\n三、2011年的工作\n"
                             "2011年是开局之年。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，"
                             "城镇新增就业1168万人。这为做好今年的工作打下了良好基础。\n"
                             "今年主要预期目标是：国内生产总值增长8%左右；城镇新增就业900万人以上。",
                             meta={"year": 2011})
    assert [(q.surface, q.kind) for q in plan.quantities] == [
        ("10.3%", "achieved"), ("1168万人", "achieved"), ("8%左右", "target"), ("900万人以上", "target")]


def test_a_rate_set_by_an_arrangement_measures_its_subject():
    plan = policyparse.parse("今年赤字率拟按4%左右安排。城镇登记失业率控制在4.6%，居民消费价格涨幅控制在3%以内。")
    assert [(q.indicator, q.comparator) for q in plan.quantities] == [
        ("赤字率", "~"), ("城镇登记失业率", "="), ("居民消费价格涨幅", "<=")]
