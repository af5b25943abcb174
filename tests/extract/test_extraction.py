"""Tasks, actors, references, edges and the spaCy view, on real sentences.

The sentences come from the bundled plan and the Government Work Reports;
each test states what a reader of the sentence sees in it.
"""
from __future__ import annotations

import pytest

import policyparse
from policyparse.extract.actors import canonical, find_mentions, kind_of
from policyparse.model import Plan

from support import assert_facts, assert_spans, gwr_path

HEAD = "XX市教育局2019年工作要点\n一、重点工作\n1."


def plan_of(body: str) -> Plan:
    return policyparse.parse(HEAD + body)


def roles(plan: Plan, task) -> list[tuple[str, str]]:
    names = {a.id: a.name for a in plan.actors}
    return [(names[ta.actor], ta.role) for ta in task.actors]


# --- tasks ------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,verb,modifiers,obj", [
    ("抓好全国教育大会精神的学习宣传。", "抓好", [], "全国教育大会精神的学习宣传"),
    ("深入研究我市教育现代化中长期发展战略。", "研究", ["深入"], "我市教育现代化中长期发展战略"),
    ("大力发展公益普惠性学前教育。", "发展", ["大力"], "公益普惠性学前教育"),
    ("稳步推进中、高考改革。", "推进", ["稳步"], "中、高考改革"),
    ("加快构建大中小幼一体化德育体系。", "构建", ["加快"], "大中小幼一体化德育体系"),
    ("探索建立基础教育成果遴选机制。", "探索", [], "建立基础教育成果遴选机制"),
    ("以教育信息化、国际化推进教育现代化。", "推进", [], "教育现代化"),
    ("以《XX教育现代化指标体系》统筹推进教育现代化。", "推进", ["统筹"], "教育现代化"),
    ("积极稳妥推进普通高中课程改革。", "推进", ["积极稳妥"], "普通高中课程改革"),  # a set phrase, one adverb
    ("加快义务教育优质均衡发展。", "加快", [], "义务教育优质均衡发展"),  # the adverb takes a noun: it is the verb
])
def test_lead_task_of_an_item(sentence, verb, modifiers, obj):
    plan = plan_of(sentence)
    lead = plan.tasks[0]
    assert lead.lead and (lead.verb, lead.modifiers, lead.object) == (verb, modifiers, obj)
    assert lead.verb_class is not None


def test_a_noun_heading_is_not_a_task():
    plan = policyparse.parse("XX省教育发展规划\n一、发展目标\n学前三年毛入园率达到92%以上。\n二、主要任务\n推进普惠发展。")
    assert [t.verb for t in plan.tasks] == [None, "推进"]  # the target's own verbless task, then 推进


def test_a_frame_clause_is_not_a_task():
    plan = plan_of("抓好学习。通过中心组学习、专家报告会、研讨会等形式,深入学习领会大会主要内容和精神。")
    verbs = [t.verb for t in plan.tasks]
    assert verbs[0] == "抓好" and "学习" in verbs[1:] and len(verbs) == 2
    second = plan.tasks[1]
    assert second.modifiers == ["深入"] and second.text.startswith("深入学习")


def test_every_clause_with_a_verb_is_a_task_in_text_order(bundled_plan):
    spans = [t.span for t in bundled_plan.tasks]
    assert spans == sorted(spans)
    assert len(bundled_plan.tasks) > 150  # 27 items of several clauses each
    item4 = bundled_plan.items[3]
    assert [t.verb for t in bundled_plan.tasks_in(item4)][:4] == ["推进", "完善", "提高", "深化"]


def test_verb_classes_come_from_the_taxonomy(bundled_plan):
    from policyparse.extract.tasks import verbs  # noqa: PLC0415

    classes = set(verbs().classes.values())
    assert {t.verb_class for t in bundled_plan.tasks if t.verb} <= classes
    by_verb = {t.verb: t.verb_class for t in bundled_plan.tasks if t.verb}
    assert by_verb["建立"] == "establish" and by_verb["加强"] == "strengthen" and by_verb["选树"] == "create_award"
    assert by_verb["探索"] == "study_explore" and by_verb["支持"] == "support_guide"


# --- actors and roles -------------------------------------------------------------------
def test_actor_mentions_and_kinds():
    t = "在市委市政府领导下,会同市旅游委、各区教育局和市属高校推进XX教育电视台建设,中共中央、国务院《关于…的意见》"
    got = [(m.name, m.kind) for m in find_mentions(t)]
    assert got == [("市委", "party"), ("市政府", "government"), ("市旅游委", "department"),
                   ("各区教育局", "department"), ("市属高校", "school"), ("XX教育电视台", "institution"),
                   ("中共中央", "party"), ("国务院", "government")]


@pytest.mark.parametrize("sentence", [
    "支持中小企业发展",                # enterprises are not government bodies
    "鼓励有条件的企业走出去",
    "支持中西部地区加快发展",          # a region, not a body
    "加强审计部门和统计部门的协作",     # 部门: a department in general, not one named 审计部
    "改善干部队伍结构",
    "推进教育委托管理",                # 委托: entrust, not a commission (教育委)
    "支持在湖北省自贸区开展试点",
])
def test_not_actors(sentence):
    assert [m.name for m in find_mentions(sentence)] == []


@pytest.mark.parametrize("sentence, name", [
    ("本规划由市教育局负责解释。", "市教育局"),        # 本规划由市 is no place: the name starts at 市
    ("本通知自印发之日起施行，由市教育局负责解释。", "市教育局"),
    ("会同武汉市教育局制定办法", "武汉市教育局"),      # a place of cpca's table opens the name
    ("会同南宁市青秀区教育局制定办法", "南宁市青秀区教育局"),
    ("会同XX市财政局制定办法", "XX市财政局"),         # a masked place too
])
def test_a_name_opens_with_a_place_only_when_it_is_one(sentence, name):
    assert [m.name for m in find_mentions(sentence)] == [name]


def test_a_reference_in_a_frame_is_cited_by_the_task_after_it():
    plan = plan_of("根据《纲要》要求，新建学校30所。")
    (ref,) = plan.references
    assert ref.task == plan.tasks[0].id and plan.tasks[0].verb == "新建"
    assert any(e.relation == "cites" and e.target == ref.id for e in plan.edges)


def test_actor_names_are_normalised_and_merged():
    assert canonical("市人民政府") == "市政府" and canonical("党中央") == "中共中央"
    plan = plan_of("落实市人民政府部署。推动市政府决策落地。统一到党中央决策部署上来,贯彻中共中央精神。")
    names = [a.name for a in plan.actors]
    assert names.count("市政府") == 1 and names.count("中共中央") == 1
    gov = plan.actor("市政府")
    assert len(gov.mentions) == 2 and "市人民政府" in gov.aliases
    assert plan.actor("市人民政府") is gov
    assert kind_of("市教育局党委") == "party" and kind_of("江岸区") == "district"


@pytest.mark.parametrize("sentence,expected", [
    ("在市委市政府领导下,会同相关部门起草实施方案。",
     [("市委", "leader"), ("市政府", "leader"), ("相关部门", "co-lead")]),
    ("遴选一批研学旅行基地,并联合市旅游委对社会推介。", [("市旅游委", "co-lead")]),
    # a body guided to act is guided, and does what follows: lead
    ("指导支持江岸区开展国家教育现代化实验区工作。", [("江岸区", "guided"), ("江岸区", "lead"), ("江岸区", "supported")]),
    ("支持XX教育电视台打造教育新媒体平台。", [("XX教育电视台", "supported")]),
    ("推动市属高校、各区教育局及委局直属单位党委(党组)履行职责。",
     [("市属高校", "guided"), ("各区教育局", "guided"), ("委局直属单位", "guided"),
      ("市属高校", "lead"), ("各区教育局", "lead"), ("委局直属单位", "lead")]),
    ("由市财政局牵头制定管理办法。", [("市财政局", "lead")]),
    ("省教育厅会同省发展改革委、省财政厅制定实施方案。",
     [("省发展改革委", "co-lead"), ("省财政厅", "co-lead"), ("省教育厅", "lead")]),
    ("各市县政府要落实主体责任。", [("各市县政府", "lead")]),
    # a body named by type with a modal after it acts; without one it may be the topic (高水平医院加力建设)
    ("公立医院要加强绩效考核。", [("公立医院", "lead")]),
    ("教育行政部门要加强督导。", [("教育行政部门", "lead")]),
    ("武汉市教育局会同北京市海淀区教育委员会、湖北省财政厅制定办法。",  # named places open the names
     [("北京市海淀区教育委员会", "co-lead"), ("湖北省财政厅", "co-lead"), ("武汉市教育局", "lead")]),
    ("指导湖北省教育厅开展工作。", [("湖北省教育厅", "guided"), ("湖北省教育厅", "lead")]),
    # an autonomous region's government is no district's (自治区人民政府, not 区人民政府); ministries by short name
    ("由自治区人民政府牵头，会同国家林草局制定实施方案。", [("自治区政府", "lead"), ("国家林草局", "co-lead")]),
])
def test_roles(sentence, expected):
    plan = plan_of(sentence)
    got = [r for t in plan.tasks for r in roles(plan, t) if r[1] != "implicit"]
    assert got == expected


@pytest.mark.parametrize("sentence,expected", [
    # bodies named by type or place take the roles marker words give them
    ("支持淮安、常州打造盐穴综合利用示范基地。", [("淮安", "supported"), ("常州", "supported")]),
    ("支持工会、共青团、妇联等群团组织更好发挥作用。",
     [("工会", "supported"), ("共青团", "supported"), ("妇联", "supported")]),
    ("推动新一轮高水平医院建设。", []),  # the building is promoted, not the hospitals guided
    ("推动潍坊、临沂、济宁建设副中心城市。",  # the cities are guided, and build: lead
     [("潍坊", "guided"), ("临沂", "guided"), ("济宁", "guided"), ("潍坊", "lead"), ("临沂", "lead"), ("济宁", "lead")]),
    ("引导市县优化财政支出结构。", [("市县", "guided"), ("市县", "lead")]),
    ("大力支持国防和军队现代化建设。", [("军队", "supported")]),
    # leader without 在…下
    ("坚持党中央集中统一领导。", [("中共中央", "leader")]),
    ("以习近平同志为核心的党中央团结带领全国各族人民，推动高质量发展。", [("中共中央", "leader")]),
    ("加强领导干部队伍建设。", []),
    # support and supervisor
    ("在省人大及其常委会、省政协监督支持下，推动高质量发展。",
     [("省人大", "support"), ("省人大常委会", "support"), ("省政协", "support")]),
    ("自觉接受省人大及其常委会监督，自觉接受纪检监察、司法、社会和舆论监督。",
     [("省人大", "supervisor"), ("省人大常委会", "supervisor"), ("纪检监察", "supervisor"), ("司法", "supervisor")]),
    ("强化审计监督。", [("审计", "supervisor")]),
    # lead from what the body does
    ("深入贯彻党中央提出的重大要求。", [("中共中央", "lead")]),
    ("综合改革试点获国务院批复，开展专项行动。", [("国务院", "lead")]),
    ("加大对淮安、常州发展政策支持。", [("淮安", "supported"), ("常州", "supported")]),
    # a body modifying the noun after it is no subject
    ("地方政府债务风险有效防范化解。", []),
])
def test_roles_beyond_marker_words(sentence, expected):
    plan = plan_of(sentence)
    got = [r for t in plan.tasks for r in roles(plan, t) if r[1] != "implicit"]
    assert got == expected


def test_roles_of_a_clause_without_a_task_go_to_a_task_of_its_sentence():
    plan = plan_of("现在，我代表江苏省人民政府向大会报告工作，请予审议，并请各位政协委员提出意见。")
    # the government named with its place (in a whole report it is one actor with 省政府)
    assert ("江苏省人民政府", "lead") in [r for t in plan.tasks for r in roles(plan, t)]
    thanks = plan_of("在此，我代表省政府，向全省人民表示衷心感谢，并致以崇高敬意。")
    assert not [r for t in thanks.tasks for r in roles(thanks, t) if r[1] == "lead" and r[0] == "省政府"]


def test_a_task_naming_no_performer_gets_the_issuers_implicitly(bundled_plan):
    first = bundled_plan.tasks_in(bundled_plan.items[0])[0]
    assert roles(bundled_plan, first) == [("市教育局党委", "implicit"), ("市教育局", "implicit")]
    issuers = [a.name for a in bundled_plan.actors if a.issuer]
    assert issuers == ["市教育局党委", "市教育局"]
    led = [t for t in bundled_plan.tasks if any(ta.role == "lead" for ta in t.actors)]
    for t in led:
        assert all(ta.role != "implicit" for ta in t.actors)


def test_gwr_actors_are_state_bodies():
    plan = policyparse.parse_file(gwr_path(2019))
    names = {a.name: a for a in plan.actors}
    assert names["国务院"].issuer and names["国务院"].kind == "government"
    assert names["中共中央"].kind == "party"


# --- references ---------------------------------------------------------------------------
def test_references_of_the_bundled_plan(bundled_plan):
    docs = [r for r in bundled_plan.references if r.kind == "document"]
    titles = [r.title for r in docs]
    assert "XX教育现代化2035" in titles and "国家职业教育改革实施方案" in titles
    assert "中共中央组织部、中共教育部党组〈关于印发高校党建工作重点任务〉的通知" in titles
    preschool = next(r for r in docs if r.title == "关于学前教育深化改革规范发展的若干意见")
    assert preschool.issuer == ["中共中央", "国务院"]
    housing = next(r for r in docs if r.title.startswith("市人民政府关于进一步加强"))
    assert housing.issuer == ["市政府"]
    notice = next(r for r in docs if r.title.startswith("中共中央组织部"))
    assert notice.issuer == ["中共中央组织部", "中共教育部党组"]
    assert "中共中央组织部" not in {a.name for a in bundled_plan.actors}  # named inside a title only
    slogans = {r.title for r in bundled_plan.references if r.kind == "slogan"}
    assert {"两率先一进入", "三通两平台", "两个维护"} <= slogans
    for r in bundled_plan.references:
        assert r.task is None or r.task in {t.id for t in bundled_plan.tasks}


# --- the whole plan -----------------------------------------------------------------------
def test_edges_link_everything(bundled_plan):
    relations = {e.relation for e in bundled_plan.edges}
    assert relations == {"contains", "performs", "has_target", "has_quantity", "cites"}
    assert_facts(bundled_plan)


@pytest.mark.parametrize("year", [1954, 1978, 1998, 2010, 2019, 2023])
def test_facts_keep_their_spans_in_reports_of_every_style(year):
    plan = policyparse.parse_file(gwr_path(year))
    assert plan.tasks and plan.quantities and plan.actors
    assert_spans(plan)
    assert_facts(plan)


def test_facts_keep_their_spans_in_every_report():
    from support import GWR  # noqa: PLC0415

    reports = sorted(GWR.glob("*.txt"))
    assert len(reports) >= 50
    for path in reports:
        assert_facts(policyparse.parse_file(path))


def test_json_round_trip_keeps_every_record(bundled_plan):
    again = Plan.from_json(bundled_plan.to_json())
    assert again.tasks == bundled_plan.tasks and again.quantities == bundled_plan.quantities
    assert again.actors == bundled_plan.actors and again.references == bundled_plan.references
    assert again.edges == bundled_plan.edges
    d = bundled_plan.to_dict()
    assert [q["id"] for q in d["targets"]] == [q.id for q in bundled_plan.targets]


def test_extraction_can_be_turned_off():
    plan = policyparse.parse(HEAD + "选树30所智慧校园。", extract=False)
    assert plan.tasks == [] and plan.quantities == [] and plan.edges == []


def test_extraction_without_sentence_nodes_finds_the_same_facts(bundled_plan):
    plan = policyparse.parse_file("corpora/edu-bureau-2019.txt", sentences=False)
    assert [q.span for q in plan.quantities] == [q.span for q in bundled_plan.quantities]
    assert [t.verb for t in plan.tasks] == [t.verb for t in bundled_plan.tasks]


# --- spaCy view ---------------------------------------------------------------------------
def test_to_spacy_entities(bundled_plan):
    doc = bundled_plan.to_spacy()
    assert doc.text == bundled_plan.text
    labels = {e.label_ for e in doc.ents}
    assert labels == {"ACTOR", "VERB", "TARGET", "DOC"}
    targets = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "TARGET"]
    assert targets == [q.span for q in bundled_plan.targets]
    from policyparse.export.spacy_view import entity_spans  # noqa: PLC0415

    facts = {(s, e) for s, e, _ in entity_spans(bundled_plan)}
    assert all((e.start_char, e.end_char) in facts for e in doc.ents)  # each entity is exactly a fact
    from spacy import displacy  # noqa: PLC0415

    from policyparse.export.spacy_view import DISPLACY_OPTIONS  # noqa: PLC0415

    html = displacy.render(doc, style="ent", jupyter=False, options=DISPLACY_OPTIONS)
    assert "中小学智慧校园" in html and "TARGET" in html and DISPLACY_OPTIONS["colors"]["TARGET"] in html


def test_the_roles_of_a_sentence_without_a_task_go_to_the_task_of_its_target():
    """An implementation plan names who is responsible for a target in clauses of their own."""
    plan = plan_of("到2021年，全市义务教育学校生均教学及辅助用房面积达到4.5平方米以上，由市教育局牵头，会同市财政局负责。")
    (target,) = plan.targets
    task = next(t for t in plan.tasks if t.id == target.task)
    # 市教育局 is the plan's issuer, XX市教育局, named without its place
    assert roles(plan, task) == [("XX市教育局", "lead"), ("市财政局", "co-lead")]


def test_responsibility_annotations_give_the_item_s_tasks_their_units():
    """An implementation plan closes an item with the units responsible, under a label."""
    plan = policyparse.parse("XX市2021年教育工作要点\n一、重点任务\n"
                             "1.推进学前教育普惠发展。新建幼儿园20所。（责任单位：市教育局、市财政局）\n"
                             "2.加强教师队伍建设。（牵头单位：市教育局；配合单位：市人社局、市编办）\n"
                             "3.推进“双减”工作落地。责任部门：基础教育处、督导室\n")
    of = {t.text: roles(plan, t) for t in plan.tasks}
    # a list of responsible units: the unit listed first leads, as Chinese plans write it
    assert of["推进学前教育普惠发展"] == of["新建幼儿园20所"] == [("市教育局", "lead"), ("市财政局", "support")]
    assert of["加强教师队伍建设"] == [("市教育局", "lead"), ("市人社局", "support"), ("市编办", "support")]
    # units the lexicon does not know are bodies too: the label says so
    assert of["推进“双减”工作落地"] == [("基础教育处", "lead"), ("督导室", "support")]
    assert not any(t.verb == "配合" for t in plan.tasks)  # 配合单位：… is a label, not a task


def test_responsible_units_after_the_lead_units_support_them():
    """（牵头单位：A；责任单位：B）: B answers with the lead A, it does not lead; a unit's name ends
    before the words that say how it answers (按职责分工负责)."""
    plan = policyparse.parse("XX市推进义务教育优质均衡发展实施方案\n二、重点任务\n"
                             "（一）扩大优质学位供给。（牵头单位：市教育局；责任单位：市财政局，各区县政府按职责分工负责）\n"
                             "（二）加强教师队伍建设。（责任单位：市教育局、市人社局）\n")
    of = {t.text: roles(plan, t) for t in plan.tasks}
    assert of["扩大优质学位供给"] == [("市教育局", "lead"), ("市财政局", "support"), ("各区县政府", "support")]
    assert of["加强教师队伍建设"] == [("市教育局", "lead"), ("市人社局", "support")]


def test_a_note_without_a_label_names_the_units_and_their_roles():
    """Work plans often close an item with a note that has no label: the role follows each list."""
    plan = policyparse.parse("XX市2025年教育工作要点\n一、重点任务\n"
                             "1.扩大普惠性学前教育资源。新建幼儿园10所。（市教育局牵头，市财政局、市自然资源局配合）\n"
                             "2.推进集团化办学。（市教育局负责）\n"
                             "3.加强校园安全。（由市公安局、市教育局按职责分工负责）\n"
                             "4.开展家校共育。（家长、学校共同参与）\n"
                             "5.实施教育数字化战略行动（2025—2027年）。\n")
    of = {t.text: roles(plan, t) for t in plan.tasks}
    assert of["扩大普惠性学前教育资源"] == of["新建幼儿园10所"] == [
        ("市教育局", "lead"), ("市财政局", "support"), ("市自然资源局", "support")]
    assert of["推进集团化办学"] == [("市教育局", "lead")]
    assert of["加强校园安全"] == [("市公安局", "lead"), ("市教育局", "lead")]
    # parents are no body: the note is not read as one of responsible units
    assert ("家长", "support") not in of["开展家校共育"]
    assert [r for text, r in of.items() if text.startswith("实施教育数字化战略行动")] == [[]]  # a period, no note


def test_a_division_of_work_names_the_lead_then_the_units_answering_with_it():
    """The State Council's division of a report's work among departments, and the provinces' and
    cities' copies of it, close each item with （A牵头，B、C等按职责分工负责，<time limit>）: A leads,
    B and C answer with it (support), and the time limit is part of the note, not a task. A list
    of collectives is split before 及各 (市级各有关部门及各县市区政府); a time-limit label
    (完成时限：…) closes a labelled note the same way."""
    plan = policyparse.parse("某省落实《政府工作报告》重点工作分工方案\n一、稳定和扩大就业\n"
                             "1.城镇新增就业60万人以上。（省人力资源社会保障厅牵头，省教育厅、省财政厅等按职责分工负责，年内持续推进）\n"
                             "2.全面实施行政许可事项清单管理。（省政务服务局牵头，省级各有关部门及各市州人民政府按职责分工负责）\n"
                             "3.推进县域医共体建设。（责任单位：体改处、基层卫生处；完成时限：2026年12月底）\n"
                             "4.深化相对集中行政许可权改革。（省政务服务局牵头，省司法厅配合，2026年底前完成）\n"
                             "5.推进家庭医生签约服务。（省卫生健康委牵头，各市州具体负责）\n")
    by_item = {}
    for t in plan.tasks:
        by_item.setdefault(t.node, []).append(t)
    roles_of = [roles(plan, ts[0]) for ts in by_item.values()][1:]  # the section's own task first
    assert roles_of[0] == [("省人力资源社会保障厅", "lead"), ("省教育厅", "support"), ("省财政厅", "support")]
    assert roles_of[1] == [("省政务服务局", "lead"), ("省级各有关部门", "support"), ("各市州人民政府", "support")]
    assert roles_of[2] == [("体改处", "lead"), ("基层卫生处", "support")]
    assert roles_of[3] == [("省政务服务局", "lead"), ("省司法厅", "support")]
    assert roles_of[4] == [("省卫生健康委", "lead"), ("各市州", "support")]
    assert not {"推进", "完成"} & {t.verb for t in plan.tasks if "时限" in t.text or "年内" in t.text or "年底前" in t.text}
    assert len(by_item) == 6 and all(len(ts) == 1 for ts in list(by_item.values())[1:])


def test_a_plan_that_states_the_first_listed_unit_leads_is_read_so_in_every_note_after():
    """列第一位者为牵头单位，下同: from the note that states it on, a note without a label
    (（A、B、C等负责）) has its first unit lead and the others support; before it, and in a
    plan that does not state it, such a note makes every unit lead."""
    plan = policyparse.parse("某市关于做好就业工作的实施意见\n一、加强统筹\n"
                             "（一）统筹就业政策。建立就业影响评估机制。（市发展改革委、市经济和信息化委、市财政局等负责，"
                             "列第一位者为牵头单位，下同）\n"
                             "（二）发展吸纳就业能力强的产业。提高服务业就业比重。（市商务局、市经济和信息化委、市农业局等负责）\n")
    of = {t.text: roles(plan, t) for t in plan.tasks}
    assert of["建立就业影响评估机制"] == [("市发展改革委", "lead"), ("市经济和信息化委", "support"), ("市财政局", "support")]
    assert of["提高服务业就业比重"] == [("市商务局", "lead"), ("市经济和信息化委", "support"), ("市农业局", "support")]
    plain = policyparse.parse("某市工作要点\n一、重点任务\n1.加强校园安全。（由市公安局、市教育局按职责分工负责）\n")
    assert {r for t in plain.tasks for r in roles(plain, t)} == {("市公安局", "lead"), ("市教育局", "lead")}


def test_a_note_with_a_remark_on_the_notes_and_a_bracket_of_its_own_is_one_note():
    """〔A牵头，B、C参与，各县、区人民政府（管委会）负责落实。以下各项工作均需…落实，不再列出。〕: the
    full stop inside ends no sentence, the remark is no list, the governments that carry the work
    out where they are lead with A, and 参与 makes B and C support."""
    plan = policyparse.parse("某市打赢蓝天保卫战三年行动计划\n二、工作任务\n"
                             "1.制定实施准入清单。完成环境准入清单编制工作。〔市生态环境局牵头，市发展和改革局、自然资源局参与，"
                             "各县、区人民政府（管委会）负责落实。以下各项工作均需各县、区人民政府（管委会）落实，不再列出。〕\n")
    task = next(t for t in plan.tasks if t.text.startswith("完成"))
    got = roles(plan, task)
    assert got[:3] == [("市生态环境局", "lead"), ("市发展和改革局", "support"), ("自然资源局", "support")]
    assert {r for _, r in got[3:]} == {"lead"} and any("区人民政府" in n for n, _ in got[3:])
    assert not any(a.name.startswith(("以下", "不再")) for a in plan.actors)
    assert not any(t.verb in ("参与", "落实", "列出") for t in plan.tasks)


def test_a_note_in_tortoise_shell_brackets_ends_its_list_at_the_bracket():
    """〔责任单位：省市场监管局〕: the bracket closes the list, it is no part of the last name."""
    plan = policyparse.parse("某省现代流通体系建设实施方案\n一、深化改革\n"
                             "（一）优化市场准入环境。推进“一网通办”。〔责任单位：省市场监管局、省商务厅按职责分工负责〕\n")
    of = {t.text: roles(plan, t) for t in plan.tasks}
    assert of["优化市场准入环境"] == [("省市场监管局", "lead"), ("省商务厅", "support")]
    assert not any("〕" in a.name for a in plan.actors)


def test_offices_of_listed_bodies_and_joined_domains_are_one_body_and_a_nominal_verb_is_no_action():
    """A district's division of its targets (任务分解): 区委办公室 and 区政府办公室 are offices, not
    the committee and the government; 区发改经信局 and 区文化和广电旅游体育局 join domains in one
    name; 完成情况 and 各部门完成的数据 hold no action, so 负责将…纳入考评 is the task."""
    plan = policyparse.parse("区政府各部门、各街道办事处：\n"
                             "区委办公室负责将目标任务的完成情况纳入综合考评；区政府办公室负责对目标任务进度情况进行督察通报；"
                             "区发改经信局负责对建设工程的进度情况进行评估；区统计局负责对各部门完成的经济类数据进行真实性审核；"
                             "县委组织部会同区文化和广电旅游体育局、区住房和城建局开展培训。\n")
    of = {(t.verb, t.object): roles(plan, t) for t in plan.tasks}
    assert of[("纳入", "综合考评")] == [("区委办公室", "lead")]
    assert of[("进行", "督察通报")] == [("区政府办公室", "lead")]
    assert of[("进行", "评估")] == [("区发改经信局", "lead")]
    assert of[("进行", "真实性审核")] == [("区统计局", "lead")]
    assert sorted(of[("开展", "培训")]) == sorted([("县委组织部", "lead"), ("区文化和广电旅游体育局", "co-lead"),
                                                ("区住房和城建局", "co-lead")])


def test_a_county_breakdown_s_lead_and_cooperating_units_and_a_year_s_highlights_reviewed():
    """牵头责任单位 / 主要协作单位 label the lead and the supporting units; a plan's 20XX年度工作特色亮点
    reports the year's results (a review), and its figures are results."""
    plan = policyparse.parse("灵璧县2021年卫生健康重点工作任务分解\n一、重点任务\n1.推进紧密型县域医共体建设。\n"
                             "牵头责任单位:县卫健委\n主要协作单位:各乡镇人民政府、经济开发区管委会\n")
    (task,) = [t for t in plan.tasks if t.verb == "推进"]
    assert roles(plan, task) == [("县卫健委", "lead"), ("各乡镇人民政府", "support"), ("经济开发区管委会", "support")]
    review = policyparse.parse("生态环境局工作总结及2021年度工作计划\n一、20XX年度工作特色亮点\n"
                               "一是环境质量历史最优。空气优良率81.1%，同比提高8.3个百分点。\n二、2021年度工作计划\n"
                               "空气优良率达到82%。\n")
    assert [n.role for n in review.sections] == ["review", "tasks"]
    assert [(q.surface, q.kind) for q in review.quantities] == [
        ("81.1%", "achieved"), ("8.3个百分点", "achieved"), ("82%", "target")]


def test_a_body_naming_itself_without_its_place_is_the_issuer():
    """In its own plan XX区教育局 writes 区教育局: one actor, the issuer, not a second body."""
    plan = policyparse.parse("XX区教育局2022年工作计划\n2022年，区教育局将围绕目标，重点做好以下工作。\n"
                             "一、加强党的建设\n深入学习贯彻全会精神。\n")
    (issuer,) = [a for a in plan.actors if a.issuer]
    assert issuer.name == "XX区教育局" and "区教育局" not in [a.name for a in plan.actors if not a.issuer]
    assert len(issuer.mentions) == 2  # the title and the preamble


@pytest.mark.parametrize("sentence, name", [
    ("各区县人民政府要落实主体责任。", "各区县人民政府"),
    ("各县（市、区）人民政府负责组织实施。", "各县（市、区）人民政府"),
    ("各市（州）人民政府要落实主体责任。", "各市（州）人民政府"),
    ("市县两级政府要加大投入。", "市县两级政府"),
])
def test_the_governments_of_levels_are_one_body(sentence, name):
    """Plans charge the governments of every unit of a level, named by their levels: one collective
    body that leads, not a district (各区) and a county government (县政府)."""
    plan = policyparse.parse("XX省2025年教育工作要点\n一、重点任务\n1." + sentence)
    assert [(a.name, a.kind) for a in plan.actors] == [(name, "government")]
    (task,) = plan.tasks
    assert roles(plan, task) == [(name, "lead")]
