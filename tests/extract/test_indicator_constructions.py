"""An indicator for every construction, on reports the rules were not written on.

Provincial 2026 reports outside the labelled set (吉林, 内蒙古) and the 2022
national report, read in place: the counted object after verb–number–object
(新增12家上市公司 → 上市公司), an adverb that is no part of a subject
(城镇调查失业率平均为5.1%), lists whose items share a head (天津, 江苏). Over
all 24 provincial reports, no target's indicator is a bare verb, a time phrase
or a fragment holding a number (the digits of a name, 5G or PM2.5, are no number).
"""
from __future__ import annotations

import pytest
import regex

import policyparse
from policyparse.evaluation import locate
from policyparse.extract.tasks import verbs
from support import CORPORA, gwr_path

PROVINCIAL = CORPORA / "provincial-2026"
#: a base year in an indicator (read from JSON written before 1.5, which kept it: 全部工业增加值比2020年增加)
BASE_YEAR = regex.compile(r"比\d{4}年")
#: digits that belong to a name are no number in an indicator (新建5G基站, PM2.5浓度, 世界500强企业,
#: “15分钟高品质生活服务圈”)
NAMED_DIGITS = regex.compile(r"[A-Za-z_]+[\d.]*\d|\d+[A-Za-z]+|\d+强|“[^”\d]{0,8}\d[^”]{0,16}”")


@pytest.fixture(scope="module")
def plans() -> dict[str, policyparse.Plan]:
    return {}


def _plan(plans: dict, path) -> policyparse.Plan:
    key = str(path)
    if key not in plans:
        plans[key] = policyparse.parse_file(path)
    return plans[key]


def _indicators_at(plan: policyparse.Plan, anchor: str) -> list[str]:
    """The indicators of the quantities written inside the one occurrence of ``anchor`` in the raw file."""
    s, e = locate(plan.raw_text, anchor)
    return [q.indicator for q in plan.quantities if s <= q.raw_span[0] and q.raw_span[1] <= e]


@pytest.mark.parametrize("where,anchor,indicators", [
    ("内蒙古自治区", "新增12家上市公司", ["上市公司"]),
    ("内蒙古自治区", "调配，增加5000个普通高中招生计划", ["普通高中招生计划"]),
    ("吉林省", "完成1000个行政村生活污水治理", ["行政村生活污水治理"]),
    # the people and the service done for them, as the blind golds write it (乡村医生线下培训, 妇女“两癌”筛查)
    ("吉林省", "为10万名残疾人提供基本康复服务", ["残疾人基本康复服务"]),
    ("吉林省", "引进培育100家首店", ["首店"]),
    ("吉林省", "筛选100家优质潜力企业", ["优质潜力企业"]),
    ("内蒙古自治区", "确保肉、奶产量分别稳定在310万吨和750万吨左右", ["肉产量", "奶产量"]),
    ("天津市", "改造老旧供热、燃气、排水管网800公里、600公里、300公里",
     ["改造老旧供热管网", "改造老旧燃气管网", "改造老旧排水管网"]),
    ("江苏省", "交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元",
     ["交通领域投资额", "水利领域投资额", "能源领域投资额"]),
])
def test_the_indicator_of_each_construction(plans, where, anchor, indicators):
    plan = _plan(plans, PROVINCIAL / f"{where}.txt")
    assert _indicators_at(plan, anchor) == indicators


def test_an_adverb_is_no_part_of_the_subject(plans):
    plan = _plan(plans, gwr_path(2022))
    assert _indicators_at(plan, "城镇调查失业率平均为5.1%") == ["城镇调查失业率"]


def test_no_target_indicator_is_a_verb_a_time_or_a_fragment(plans):
    words = verbs().words
    bad = []
    for path in sorted(PROVINCIAL.glob("*.txt")):
        plan = _plan(plans, path)
        for q in plan.targets:
            ind = q.indicator
            if ind is None:
                continue
            if len(ind) < 2 or ind in words or any(c.isdigit() for c in NAMED_DIGITS.sub("", BASE_YEAR.sub("", ind))) or ind[0] in "、，；：的":
                bad.append((path.stem, ind, q.text))
    assert bad == []


def test_the_base_of_a_change_is_its_base_period_not_part_of_the_indicator(plans):
    # 吉林 2026 (unlabelled): 营业收入较“十三五”末期翻一番 measures 营业收入翻 over the base “十三五”末期;
    # indicator_span keeps the phrase as written, base included
    plan = _plan(plans, PROVINCIAL / "吉林省.txt")
    s, e = locate(plan.raw_text, "营业收入较“十三五”末期翻一番")
    q = next(q for q in plan.quantities if s <= q.raw_span[0] and q.raw_span[1] <= e)
    assert (q.indicator, q.base_period) == ("营业收入翻", "“十三五”末期")
    assert plan.text[slice(*q.indicator_span)] == "营业收入较“十三五”末期翻"
    assert plan.text[slice(*q.base_period_span)] == "“十三五”末期"
    # 2022 national report: 支出规模比去年扩大2万亿元以上
    plan = _plan(plans, gwr_path(2022))
    assert [(x, plan.quantities[i].base_period) for i, x in enumerate(q.indicator for q in plan.quantities)
            if plan.quantities[i].surface == "2万亿元以上"][:1] == [("支出规模扩大", "去年")]


@pytest.mark.parametrize("sentence,indicators,bases", [
    ("全年工业总产值计划比上年增长6%。", ["工业总产值增长"], ["上年"]),
    ("粮食产量34，250万吨，比1980年预计增加1，000万吨。", ["粮食产量", "粮食产量增加"], [None, "1980年"]),
    ("规模以上工业增加值同比增长6%。", ["规模以上工业增加值增长"], ["上年同期"]),
    ("进出口贸易总额一九九○年比一九八五年增长百分之四十。", ["进出口贸易总额增长"], ["一九八五年"]),
    ("城乡居民的实际消费水平五年增长百分之二十七左右。", ["城乡居民的实际消费水平增长"], [None]),
    ("全社会固定资产投资预定增长10%或者更多一些。", ["全社会固定资产投资增长"], [None]),
    ("1981年招生数仍然安排27万人。", ["招生数"], [None]),
    ("今年的行政经费预算，从中央到地方，一律削减10%。", ["行政经费预算削减"], [None]),
    ("落实好小规模纳税人增值税起征点从月销售额3万元提高到10万元等税收优惠政策。",
     ["落实好小规模纳税人增值税起征点从月销售额", "落实好小规模纳税人增值税起征点"], [None, None]),
])
def test_indicators_name_what_is_measured(sentence, indicators, bases):
    from policyparse.extract.quantities import find_quantities

    found = list(find_quantities(sentence, 0, len(sentence)))
    assert [q.indicator for q in found] == indicators
    assert [q.base_period for q in found] == bases


@pytest.mark.parametrize("sentence,indicators", [
    # a bare head measures the topic the sentence opens with
    ("轻工业，总产值比1980年预计增长8%，继续高于重工业。", ["轻工业总产值增长"]),
    # a time or modal word before the closing verb is no part of it
    ("拖欠企业的款项年底前要清偿一半以上。", ["拖欠企业的款项清偿"]),
    # the change of what the clause before counts
    ("同时通过普通高等学校和成人高等教育五年共培养近五百万高级专门人才，比“六五”期间增长一倍。",
     ["培养高级专门人才增长"]),
    # the second item of a list of works shares the first's verb
    ("提升改造210公里农村公路和120万平方米村内道路。", ["提升改造农村公路", "提升改造村内道路"]),
    # what a total (共) counts follows it
    ("启动杨柳青电厂、完成大港电厂共6台亚临界机组替代。", ["亚临界机组替代"]),
    # what 把 takes is what is measured; the subject and time before it are no part of it
    ("石油工业近几年把总产量稳定在一亿吨的水平上。", ["总产量"]),
    ("为了实现在本世纪末把我国人口控制在12亿左右的目标，必须严格执行现行政策。", ["我国人口"]),
    # framing and plan words between a subject and its change verb go
    ("国民收入也安排为比今年增长4%左右。", ["国民收入增长"]),
    ("要求消费部分增长5.7%，积累部分增长3.2%。", ["消费部分增长", "积累部分增长"]),
    # the frame before 是 is no part of the work done on an object
    ("底线是严守18亿亩耕地红线。", ["严守耕地红线"]),
    # 在用, 在校 are words, no preposition to strip
    ("在用柴油车监督抽测排放合格率达到95%以上。", ["在用柴油车监督抽测排放合格率"]),
    # the 、 of a bracket of levels opens no list item; a share before the subject is no part of it
    ("三分之一县（市、区）PM2.5年均浓度保持在25微克/立方米以下。", [None, "县（市、区）PM2.5年均浓度"]),
    # a count after 等 counts what follows it; the names before 等 are examples of it
    ("推进洛阳等10个国家物流枢纽建设。", ["推进国家物流枢纽建设"]),
    ("实施包头、阿拉善等6个国家级试点。", ["国家级试点"]),
    # a number right after a noun phrase that follows another number measures that phrase; a bracket of
    # 其中 breaks the total down, its last item has no object after the bracket
    ("完成197个村街巷硬化399.5公里（其中街道203.9公里、巷道142公里、通户道53.6公里）建设和完善任务。",
     [None, "村街巷硬化", "街道", "巷道", "通户道"]),
    ("省级重点产业项目完成投资1865.7亿元、增长4%。", ["省级重点产业项目完成投资", "省级重点产业项目完成投资增长"]),
    # (a count no larger than the list before 等 restates it: no quantity)
    ("重点发展电子商务、现代物流、现代金融、研发设计、服务外包、商务咨询等6个领域，新增就业2万人。", ["新增就业"]),
    # a number inside the subjects of 分别 (an age group) leaves the values to them in order; a rate per
    # 10万 is a rate
    ("孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别控制在10/10万、4‰、6‰以下。",
     ["儿童死亡率", "孕产妇死亡率", "婴儿死亡率", "5岁以下儿童死亡率"]),
])
def test_indicators_of_more_constructions(sentence, indicators):
    from policyparse.extract.quantities import find_quantities

    found = list(find_quantities(sentence, 0, len(sentence), verbs=frozenset(verbs().words)))
    assert [q.indicator for q in found] == indicators


@pytest.mark.parametrize("sentence,indicators", [
    # a one-character product in a list of products and amounts
    ("棉纱产量达到300万件；纸520万吨，增加20万吨；糖260万吨，增加10万吨。", ["棉纱产量", "纸", "纸增加", "糖", "糖增加"]),
    # 有 N X + predicate: the X that do it
    ("争取今年再有1000万以上贫困人口解决温饱问题。", ["解决温饱问题的贫困人口"]),
    # a list item that is only an action has the subject of the item before
    ("今年城镇保障性住房基本建成470万套、新开工630万套。", ["城镇保障性住房基本建成", "城镇保障性住房新开工"]),
])
def test_indicators_of_lists_and_existentials(sentence, indicators):
    from policyparse.extract.quantities import find_quantities

    found = list(find_quantities(sentence, 0, len(sentence), verbs=frozenset(verbs().words)))
    assert [q.indicator for q in found] == indicators


@pytest.mark.parametrize("where,anchor,indicators", [
    # a generic measure alone measures the object counted before it (in its list or the clause before)
    ("山东省", "推进2000个省级重点项目、完成投资9800亿元以上", ["省级重点项目", "省级重点项目完成投资"]),
    ("内蒙古自治区", "实施重大项目3600个左右、完成投资1万亿元以上", ["实施重大项目", "重大项目完成投资"]),
    # or the sector the sentence opens with (推动新能源汽车产业提质扩量，…，力争产量突破120万辆)
    ("山东省", "力争产量突破120万辆", ["新能源汽车产业产量"]),
    # a generic measure followed by 的 and what it is of (总投资2万亿元的389个省重点项目)
    ("湖南省", "抓好总投资2万亿元的389个省重点项目", ["省重点项目总投资", "省重点项目"]),
    # a list item that is only an action (tagged a verb or a verbal noun) has the subject of the item before
    ("云南省", "新能源开工1600万千瓦、投产1000万千瓦以上", ["新能源开工", "新能源投产"]),
    # a long subject is cut to its last 24 characters at a word's start, never inside a word (到服务…)
    ("青海省", "达到服务能力标准的乡镇卫生院、社区卫生服务中心占比提高到90%以上",
     ["达到服务能力标准的乡镇卫生院、社区卫生服务中心占比"]),
    ("海南省", "农村劳务带头人、致富能人、乡村匠人“三支队伍”人数超8600人",
     ["农村劳务带头人、致富能人、乡村匠人“三支队伍”人数"]),
    # an agent is no topic: 部区共建内蒙古牛羊肉交易中心，力争交易额达到100亿元
    ("内蒙古自治区", "力争交易额达到100亿元", ["交易额"]),
])
def test_a_bare_measure_takes_what_the_sentence_is_about(plans, where, anchor, indicators):
    plan = _plan(plans, PROVINCIAL / f"{where}.txt")
    assert _indicators_at(plan, anchor) == indicators


@pytest.mark.parametrize("sentence,indicators", [
    # a heading phrase (…方面): its noun, without the verb and the manner words that close it
    ("煤炭智能绿色安全开采方面，抓好产能接续，产量稳定在13亿吨左右。", ["煤炭产量"]),
    ("非常规天然气发展方面，加快增储上产，力争产量突破200亿立方米、投资超120亿元。",
     ["非常规天然气产量", "非常规天然气投资"]),
    # a sector that is the subject of the first clause
    ("石化产业加快转型升级，产值突破1300亿元。", ["石化产业产值"]),
    # a place, a pronoun or a change said of a measure is no topic
    ("我省加快转型升级，产值突破1300亿元。", ["产值"]),
    ("工业生产增长较快，总产值比上年增长百分之十四点二。", ["总产值增长"]),
])
def test_a_bare_measure_takes_the_topic_of_its_sentence(sentence, indicators):
    from policyparse.extract.quantities import find_quantities

    found = list(find_quantities(sentence, 0, len(sentence), verbs=frozenset(verbs().words)))
    assert [q.indicator for q in found] == indicators


def test_a_source_counts_no_object_a_measure_is_of():
    from policyparse.extract.quantities import find_quantities

    sentence = "据试点的84个地方企业的统计，产值增长14.9%。"  # 据…的统计 opens with no action
    found = list(find_quantities(sentence, 0, len(sentence), verbs=frozenset(verbs().words)))
    assert found[-1].indicator == "产值增长"


def test_a_shared_head_starts_at_a_word(plans):
    # 甘肃 2026 (unlabelled): 原煤、原油、天然气产量 share 产量, not 气产量
    plan = _plan(plans, PROVINCIAL / "甘肃省.txt")
    assert _indicators_at(plan, "原煤、原油、天然气产量分别达到7000万吨、1280万吨、10亿立方米") == \
        ["原煤产量", "原油产量", "天然气产量"]


@pytest.mark.parametrize("sentence,indicators", [
    # a generic measure the last item of a list ends with is the earlier item's too
    ("推动制造业、数字经济核心产业增加值年均分别增长5%、8%以上。", ["制造业增加值年均增长", "数字经济核心产业增加值年均增长"]),
    # but not that of an item that is a measure itself
    ("城镇新增就业、居民收入分别增长5%、8%以上。", ["城镇新增就业增长", "居民收入增长"]),
    # a bracket inside the counted object
    ("七是改扩建50个社区养老工程和乡镇（街道）区域养老服务中心。", ["社区养老工程和乡镇（街道）区域养老服务中心"]),
    # 对 + people + service: the people and the service, as with 为
    ("三是对上消化道癌高危人群开展内镜检查3万名。", ["上消化道癌高危人群内镜检查"]),
    # a count inside the subject: the subject follows it
    ("推动11个能源重点领域项目投资突破2000亿元。", [None, "能源重点领域项目投资"]),
    # the work 完成 counts, after the number
    ("大型农贸批发市场完成不少于100万批次农产品快检。", ["农产品快检"]),
    ("全省完成500万亩高标准农田建设。", ["高标准农田建设"]),
])
def test_indicators_of_lists_objects_and_services(sentence, indicators):
    from policyparse.extract.quantities import find_quantities

    found = list(find_quantities(sentence, 0, len(sentence), verbs=frozenset(verbs().words)))
    assert [q.indicator for q in found] == indicators


@pytest.mark.parametrize("sentence,indicators", [
    # the digits of a short quoted name are no number
    ("新建100个“15分钟高品质生活服务圈”。", ["“15分钟高品质生活服务圈”"]),
    # a verb and one short noun close a compound noun, no relative clause
    ("重点培育2家世界一流企业、50家以上省级产业链核心支撑企业。", ["世界一流企业", "省级产业链核心支撑企业"]),
    # a total counts what the clause before does
    ("五是开展扶残助学圆梦工程，资助残疾人大学生和困难残疾人家庭子女大学生，合计6300名。",
     ["资助残疾人大学生和困难残疾人家庭子女大学生"]),
    # a share of what the verb reaches
    ("实施农村学前教育补短板工程，优质公办幼儿园覆盖95%乡镇。", ["优质公办幼儿园覆盖乡镇"]),
    # after a list conjunction the number opens the next item
    ("实施产业提质升级“1+9”行动和12个重点产业稳增长方案。", ["重点产业稳增长方案"]),
    # a share of what does something: the predicate made a relative clause
    ("确保95%以上学校建成职工书屋。", ["建成职工书屋的学校"]),
    # but a verb before 的 only qualifies the noun after it
    ("在60%政府举办的基层医疗卫生机构实施基本药物制度。", ["政府举办的基层医疗卫生机构"]),
])
def test_indicators_of_names_totals_and_shares(sentence, indicators):
    from policyparse.extract.quantities import find_quantities

    found = list(find_quantities(sentence, 0, len(sentence), verbs=frozenset(verbs().words)))
    assert [q.indicator for q in found] == indicators


def test_a_restated_target_measures_what_it_restates(plans):
    # 湖北 2026 (train): 经济增长5.5%左右 …; 5.5%左右的预期增长目标与“十五五”发展目标总体衔接
    plan = _plan(plans, PROVINCIAL / "湖北省.txt")
    assert _indicators_at(plan, "5.5%左右的预期增长目标与“十五五”发展目标总体衔接") == ["经济增长"]


def test_a_demonstrative_takes_the_measure_it_points_to(plans):
    # 1980 report (train): …提高了职工住宅、科学文教卫生和城市建设等方面的投资比重。这个比重，1978年为17.4%，…
    plan = _plan(plans, gwr_path(1980))
    assert _indicators_at(plan, "1980年将达到29％") == ["职工住宅、科学文教卫生和城市建设等方面的投资比重"]
