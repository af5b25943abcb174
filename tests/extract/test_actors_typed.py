"""Actors beyond the lexicon (issue 13, part 7): bodies named by their type or place,
found by part of speech and structure (policyparse.extract.actors.typed_mentions),
held against the hand-made actor gold of two provincial reports and the 2024 national
report.

The gold names bodies its own way (江苏省人民政府 where the library says 省政府), so it
is scored by mention anchors (policyparse.evaluation.score_actor_mentions). Measured
before this work (rjieba, commit 0d14857) and after:

====================  ========  ==============  ==============  ==============  ==============
gold                  split     before P / R    typed P / R     places, zones,  sites, lists,
                                                                counted P / R   genre P / R
====================  ========  ==============  ==============  ==============  ==============
prov-jiangsu          train     1.000 / 0.078   0.947 / 0.873   0.925 / 0.961   0.934 / 0.971
prov-hunan            dev                       0.944 / 0.586   0.924 / 0.834   0.954 / 0.855
prov-shandong         dev                       0.952 / 0.533   0.960 / 0.800   0.992 / 0.853
prov-anhui            dev                                       0.917 / 0.782   0.940 / 0.801
prov-yunnan           dev                                       0.923 / 0.618   0.968 / 0.662
prov-guizhou          test      0.933 / 0.118   0.857 / 0.807   0.847 / 0.840   0.835 / 0.849
gwr 2024              held out  0.909 / 0.312   0.536 / 0.938   0.500 / 0.938   0.492 / 0.938
gwr 2024, no firms    held out                  0.732 / 0.938   0.652 / 0.938   0.638 / 0.938
====================  ========  ==============  ==============  ==============  ==============

The last column: places of routes, works and projects (大同至天津, 镇江谏壁船闸, 湘潭中联矿山机械装备…
等项目) and body words qualifying a system or people (国家实验室体系, 跨国公司领导人) are no actors;
autonomous prefectures by place and level (湘西州), a county's short name in a list of places
(滨州盐田虾、临朐鹅肝), firms by a proper name and a firm's word (铁建重工), the genre's bodies
(社会组织, 乡镇（街道）, 兄弟省区市), the party in 党的领导. The 安徽 and 云南 gold (two further blind
annotators) were first measured with the code of the previous column, before any rule here saw
them. The test and held-out figures fell a little while every dev figure rose: the golds' annotators
disagree on what a body is (统计监督, 城市群, 供销社), and the rules follow the provincial majority.

The last column counts what the blind provincial golds count (their notes state it): a
city as the holder of what follows (徐州区域中心城市), a counted body (新增…企业52家),
named zones (湘江科学城), bodies by function in the supervision list (纪检监察, 审计). The
2024 national gold does not share those conventions: its precision fell, measured once
at the end, never tuned on.

The 2024 gold lists no firms at all while both provincial golds list them (龙头企业,
上市公司); "no firms" leaves the plan's ``enterprise`` actors out of its precision.
The guizhou and 2024 gold are measured here, never tuned on.
"""
from __future__ import annotations

import json

import pytest

import policyparse
from policyparse.evaluation import score_actor_mentions, score_roles
from policyparse.extract.actors import place_names, typed_mentions
from policyparse.extract.tokens import tokenize

from support import CORPORA, GOLD, gwr_path


def _typed(text: str) -> list[tuple[str, str, bool]]:
    return [(m.name, m.kind, m.collective) for m in typed_mentions(text, tokenize(text))]


@pytest.fixture(scope="module")
def jiangsu():
    return policyparse.parse_file(CORPORA / "provincial-2026" / "江苏省.txt")


def _gold(path):
    return json.loads(path.read_text("utf-8"))


# --- what a body named by type is -----------------------------------------------------------------
def test_bodies_named_by_type_in_a_real_report(jiangsu):
    by_name = {a.name: a for a in jiangsu.actors}
    # 推进紧密型县域医共体建设; 支持龙头企业牵头组建…; 工会; 一些地方财政收支矛盾突出
    for name, kind in [("县域医共体", "institution"), ("龙头企业", "enterprise"), ("工会", "institution"),
                       ("地方", "district"), ("高水平高职院校", "school"), ("苏州实验室", "institution")]:
        assert by_name[name].kind == kind, name
        assert all(jiangsu.text[s:e].endswith(name[-2:]) for s, e in by_name[name].mentions), name
    assert by_name["龙头企业"].collective and not by_name["苏州实验室"].collective  # a type, a named lab


def test_places_of_the_administrative_division_data_standing_alone(jiangsu):
    names = {a.name for a in jiangsu.actors if a.kind == "district"}
    assert {"淮安", "常州", "无锡"} <= names  # 支持淮安、常州打造…; 无锡创成…
    assert "江苏" not in names  # the plan's own province is where it acts
    # 提升徐州区域中心城市能级: the city as the holder of what follows counts, as the gold counts it
    assert {"徐州", "上海"} <= names
    assert "新沂" not in names  # 新沂至江都: a route
    assert policyparse.parse("推进南通新机场建设，支持淮安发展").actors[0].name == "淮安"  # 南通新机场: infrastructure
    assert place_names()["淮安"] == "淮安市"


def test_a_counted_body_is_a_body():
    # the gold counts what is built or added in numbers as the body it names (牵头建设44家全国重点实验室,
    # 新增制造业单项冠军企业52家 are mentions of 全国重点实验室 and 制造业单项冠军企业)
    # (全国 is a stop word, 全国首个, so the name is cut to its head; the gold anchor still finds it)
    assert _typed("牵头建设44家全国重点实验室") == [("实验室", "institution", True)]
    assert _typed("支持龙头企业牵头组建创新联合体") == [("龙头企业", "enterprise", True),
                                                         ("联合体", "institution", True)]  # 创新 is a verb


def test_a_head_inside_another_word_or_after_a_verb_is_no_body():
    assert _typed("加快创新区建设") == []  # 创新|区
    assert _typed("着力稳就业、稳企业") == [("企业", "enterprise", True)]  # 稳 is the verb, not a modifier
    # bare 政府 and 部门 stand as bodies; 有关部门 is the lexicon's 相关部门
    assert _typed("各级政府和有关部门") == [("政府", "government", False), ("相关部门", "department", True)]


def test_a_word_glued_to_a_body_or_a_place_is_no_part_of_its_name():
    # the segmenter glues a preposition to the next word (与央企, 对岳阳): the body is the word after it
    assert [m[0] for m in _typed("深化与央企全方位合作")] == ["央企"]
    assert [m[0] for m in _typed("加大对岳阳、衡阳发展政策支持")] == ["岳阳", "衡阳"]
    # 驻 before a place and a body: the bodies stationed there, not the place's own
    assert [m[0] for m in _typed("向驻赣人民解放军指战员致以崇高的敬意")] == ["驻赣人民解放军"]


def test_a_body_word_before_what_it_qualifies_is_no_body():
    # 国家实验室体系, 中小企业特色产业集群, 跨国公司领导人, 公司治理: the body word names a system,
    # a cluster, people or a practice, not a body
    for text in ("推进国家实验室体系建设", "新增国家级中小企业特色产业集群3个", "办好跨国公司领导人青岛峰会",
                 "推进公司治理提质"):
        assert all(m[0] not in ("国家实验室", "国家级中小企业", "跨国公司", "公司") for m in _typed(text)), text


def test_a_place_of_a_route_a_work_or_a_project_is_no_actor():
    assert _typed("建设大同至天津南等特高压工程") == []  # both ends of a route
    assert _typed("实施镇江谏壁一线船闸扩容改造") == []  # a work named after the place, a proper name on
    # the items of a list of projects open with the place where each is built
    assert _typed("推进长沙宁乡锂电池、湘潭中联矿山机械装备、郴州新能源动力等“十大产业项目”建设") == []
    # a place acting, even in a sentence that lists projects further on, is an actor
    assert [m[0] for m in _typed("支持济南、青岛、泰安等市推进火箭、卫星制造等重大项目")] == ["济南", "青岛", "泰安"]


def test_autonomous_prefectures_and_counties_in_a_list_of_places():
    # an autonomous prefecture by its place and level, its peoples left out (cpca's nationalities)
    assert [m[0] for m in _typed("湘西州“四好农村路”建设经验获全国推介")] == ["湘西州"]
    # a county by its short name only as the next item of a list of places (临朐 of 临朐县);
    # alone, a county's short name is often a common word (新建, 安宁, 中原)
    names = [m[0] for m in _typed("支持滨州盐田虾、临朐鹅肝、博山猕猴桃等特色产业发展")]
    assert names == ["滨州", "临朐", "博山"]
    assert _typed("新建改造高标准农田，让社会更安宁") == []


def test_words_that_only_look_like_bodies():
    from policyparse.extract.actors import find_mentions
    # 各区域, 省市县 (a list of levels), 农业部长 (a minister): no body
    assert [m.name for m in find_mentions("促进各区域联动发展，建成覆盖省市县乡村的应急广播，成员国农业部长会议")] == []
    # 跨部门: a manner of working; 好城区: a kind of place (城区 is also a county's name in the data);
    # 赤水河（昭通段）: a stretch of a river
    assert _typed("跨部门跨地区共享，推进好城区建设，保护赤水河（昭通段）") == []


def test_bodies_of_the_genre_named_by_type():
    # a body word of two tokens whose last is tagged as a verb (社会|组织), the units of the level below
    # (乡镇（街道）), a list of bodies named by function before 监督
    assert [m[0] for m in _typed("加强社会组织培育管理")] == ["社会组织"]
    from policyparse.extract.actors import find_mentions, supervisor_mentions
    assert [m.name for m in find_mentions("全面实施乡镇（街道）履行职责事项清单")] == ["乡镇（街道）"]
    t = "加强纪检监察、审计监督"
    assert [m.name for m in supervisor_mentions(t, 0, len(t))] == ["纪检监察", "审计"]


def test_the_party_leads_in_the_formulas_of_the_genre():
    # 党的领导 is one token to the segmenter; 维护党中央权威和集中统一领导 is a formula of leadership
    for text, name in (("确保党的领导全面落实到政府工作各方面全过程。", "中国共产党"),
                       ("坚决维护党中央权威和集中统一领导。", "中共中央")):
        plan = policyparse.parse(text)
        names = {a.id: a.name for a in plan.actors}
        assert (name, "leader") in {(names[r.actor], r.role) for t in plan.tasks for r in t.actors}, text


def test_firms_named_and_projects_named_after_them():
    # a proper name before a firm's word (重工, 证券, 人寿, 石化) names a firm; a kind of industry does not
    assert [m[0] for m in _typed("铁建重工智能掘进装备取得重大突破，德邦证券落户")] == ["铁建重工", "德邦证券"]
    assert _typed("推动石化产业转型") == []
    # an item of a list of projects names the project, not the firm or body (…等重大项目)
    assert _typed("布局东明石化、东营富海等重大项目") == []
    # a zone named after a firm's word (松原石化园区), and a unit stationed somewhere (解放军驻吉部队)
    assert [m[0] for m in _typed("松原石化园区、辽源高新区获批")] == ["松原石化园区", "辽源高新区"]
    assert [m[0] for m in _typed("向解放军驻吉部队致以崇高的敬意")] == ["解放军驻吉部队"]


def test_a_body_supported_to_lead_leads():
    # 支持X牵头…: X is supported and leads what follows; 支持X发展: supported only
    for text, roles in (("支持科技领军企业牵头组建创新联合体。", {"supported", "lead"}),
                        ("支持中小企业发展。", {"supported"})):
        plan = policyparse.parse(text)
        assert {r.role for t in plan.tasks for r in t.actors} == roles, text


def test_every_backend_finds_the_same_typed_bodies():
    text = "支持淮安、常州打造盐穴综合利用示范基地，推进县域普通高中和公立医院建设。"
    names = {seg: [a.name for a in policyparse.parse(text, segmenter=seg).actors] for seg in ("jieba", "rjieba")}
    assert names["jieba"] == names["rjieba"] and "公立医院" in names["rjieba"]


# --- the gold -----------------------------------------------------------------------------------------
def test_jiangsu_train_gold(jiangsu):
    score = score_actor_mentions(jiangsu, _gold(GOLD / "labels" / "prov-jiangsu.actors.json")["actors"])
    # P 0.947 R 0.873 before places before a noun (徐州区域中心城市) and counted bodies (新增…企业52家)
    # counted, as the gold counts them; now P 0.925 R 0.961
    # (P 0.934 R 0.971 once places of routes, works and projects were left out; P 0.935 R 0.980 with the
    # army stationed in the place and 联合国, actors4)
    assert score.precision >= 0.93 and score.recall >= 0.97, score.errors
    roles = score_roles(jiangsu, _gold(GOLD / "labels" / "prov-jiangsu.actors.json")["roles"], guided_as="lead")
    # P 0.667 R 0.085 before bodies named by type or place took roles and roles without marker words;
    # P 0.814 R 0.745 before a body guided to act (推动省产业技术研究院深度参与…) also took lead
    # P 0.909 R 0.851 once a body supported that then leads (支持X牵头…) leads too; P 0.917 R 0.936 once
    # a firm or school supported to act (支持有条件的高校设立…, 支持企业引进…) leads it (actors4)
    assert roles.precision >= 0.9 and roles.recall >= 0.93, roles.errors


@pytest.mark.parametrize("name", ["prov-hunan", "prov-shandong"])
def test_dev_gold(name):
    """Dev gold made blind by an annotator for this work, after the Jiangsu conventions."""
    gold = _gold(GOLD / "labels" / f"{name}.actors.json")
    plan = policyparse.parse_file(CORPORA / gold["source"])
    score = score_actor_mentions(plan, gold["actors"])
    # before this work: hunan P 0.944 R 0.586, shandong P 0.952 R 0.533; then 0.924 / 0.834, 0.960 / 0.800;
    # then 0.954 / 0.855, 0.992 / 0.853; now 0.955 / 0.869, 0.992 / 0.873 (actors4)
    assert score.precision >= 0.95 and score.recall >= 0.86, score.errors
    roles = score_roles(plan, gold["roles"], guided_as="lead")
    # before: R 0.067 and 0.050; P 0.795 R 0.583, P 0.689 R 0.517 while a body guided to act had only
    # the role guided, which this gold's scheme does not have (推动济南、青岛协同打造… → lead);
    # then P 0.932 R 0.683, P 0.933 R 0.700; P 0.957 R 0.750, P 0.933 R 0.700; now (actors4: roles without
    # marker words, the items of a list after 支持, what is done to a body a verb of guidance promotes)
    # P 0.980 R 0.817, P 1.000 R 0.850
    assert roles.precision >= 0.95 and roles.recall >= 0.8, roles.errors


@pytest.mark.parametrize("name, floors", [("prov-anhui", (0.93, 0.83, 0.95, 0.62)),
                                          ("prov-yunnan", (0.96, 0.69, 0.9, 0.53)),
                                          ("prov-ningxia", (0.88, 0.63, 0.95, 0.58))])
def test_dev_gold_of_further_annotators(name, floors):
    """Dev gold of further blind annotators, first measured before any rule saw it
    (安徽 P 0.917 R 0.782, roles P 0.957 R 0.400; 云南 P 0.923 R 0.618, roles P 0.824 R 0.318;
    宁夏, with main at 77429bf, P 0.882 R 0.598, roles P 0.960 R 0.436);
    then 安徽 P 0.940 R 0.801, roles P 0.960 R 0.436; 云南 P 0.968 R 0.662, roles P 0.850 R 0.386;
    now (actors4) 安徽 P 0.942 R 0.840, roles P 1.000 R 0.636; 云南 P 0.969 R 0.699, roles P 0.923 R 0.545;
    宁夏 P 0.889 R 0.643, roles P 0.971 R 0.600.
    云南's annotator counts more as bodies than the others (国家, 县域, 园区, 经营主体): its recall is low."""
    gold = _gold(GOLD / "labels" / f"{name}.actors.json")
    plan = policyparse.parse_file(CORPORA / gold["source"])
    score = score_actor_mentions(plan, gold["actors"])
    p, r, rp, rr = floors
    assert score.precision >= p and score.recall >= r, score.errors
    roles = score_roles(plan, gold["roles"], guided_as="lead")
    assert roles.precision >= rp and roles.recall >= rr, roles.errors


def test_guizhou_test_gold():
    gold = _gold(GOLD / "labels" / "prov-guizhou.actors.json")
    plan = policyparse.parse_file(CORPORA / gold["source"])
    score = score_actor_mentions(plan, gold["actors"])
    # measured once on this held-out report: P 0.865 R 0.807 on the actors branch, P 0.857 R 0.807
    # once merged with the section roles and page-chrome removal of the same release; P 0.840 R 0.840
    # once places, zones and counted bodies were counted as the provincial gold counts them (0.847 / 0.840
    # once the issuer's short form was merged); P 0.835 R 0.849 after the sites, lists and genre bodies
    # of the last column above, which every dev gold gained from: the floor of P went from 0.84 to 0.83;
    # P 0.837 R 0.866 after actors4 (roles, guided scheme: P 0.658 R 0.490 → P 0.614 R 0.529)
    assert score.precision >= 0.83 and score.recall >= 0.86, score.errors


def test_gansu_test_gold():
    """Test gold of a further blind annotator (figures only, never its errors): measured first with main
    at 77429bf, P 0.902 R 0.640, roles P 0.697 R 0.371; after actors4 P 0.896 R 0.651, roles P 0.714 R 0.484."""
    gold = _gold(GOLD / "labels" / "prov-gansu.actors.json")
    plan = policyparse.parse_file(CORPORA / gold["source"])
    score = score_actor_mentions(plan, gold["actors"])
    assert score.precision >= 0.89 and score.recall >= 0.65
    roles = score_roles(plan, gold["roles"], guided_as="lead")
    assert roles.precision >= 0.7 and roles.recall >= 0.48


def test_heldout_2024_gold():
    gold = _gold(GOLD / "gwr_2024_actors_heldout.json")
    plan = policyparse.parse_file(gwr_path(2024))
    score = score_actor_mentions(plan, gold["actors"])
    # P 0.536 (0.732 without firms) before places, zones and counted bodies were counted as the
    # provincial gold counts them; then 0.500 (0.652): this gold does not share those conventions;
    # then 0.492 (0.638) after the sites, lists and genre bodies above: floors 0.5 → 0.49, 0.65 → 0.63;
    # now 0.484 (0.625) after the organisation suffixes and bracketed levels of actors4 (one more body
    # this gold does not count, measured at the end, not looked at): floors 0.49 → 0.48, 0.63 → 0.62
    assert score.recall >= 0.93 and score.precision >= 0.48
    public = score_actor_mentions(plan, gold["actors"], leave_out={"enterprise"})
    assert public.recall == score.recall and public.precision >= 0.62


def _roles_of(text: str) -> set[tuple[str, str]]:
    plan = policyparse.parse(text)
    names = {a.id: a.name for a in plan.actors}
    return {(names[r.actor], r.role) for t in plan.tasks for r in t.actors if r.role != "implicit"}


def test_roles_without_marker_words():
    # a firm or school supported to do an act of its own does it too; not when it plays a role or grows
    assert _roles_of("支持重点企业共建协同创新平台。") == {("企业", "supported"), ("企业", "lead")}
    assert _roles_of("支持企业发挥创新主体作用。") == {("企业", "supported")}
    # the bodies thanked for their support; the body that takes the work on, or adopts it
    assert _roles_of("向关心支持安徽改革发展的中央各部门、兄弟省区市表示衷心感谢，推进各项工作。") >= {
        ("中央各部门", "support"), ("兄弟省区市", "support")}
    assert ("企业", "lead") in _roles_of("超80%的科技攻坚项目由企业承担。")
    assert ("国家部委", "lead") in _roles_of("公平竞争审查改革经验被国家部委转发。")
    # a body named by type heading its clause (after a count) and acting at once on an object with a verb
    # of a new act leads; a topic (高水平医院加力建设) or a result reached (完成改革任务) does not
    assert _roles_of("6家省属企业组建新的集团公司。") == {("省属企业", "lead")}
    assert _roles_of("高水平医院加力建设。") == set() and _roles_of("35家村镇银行完成改革任务。") == set()
    # a verb of support governs every item of its list of bodies and their acts
    assert _roles_of("支持青岛打造“中国康湾”、威海创建国际康养旅游试验区。") == {
        ("青岛", "supported"), ("威海", "supported")}
    # a frame no task follows frames the sentence's last task
    assert ("省委", "leader") in _roles_of("坚决做到“两个维护”，在省委领导下，攻坚克难、拼搏实干。")
    # what is done to a body a verb of guidance promotes: the body does nothing
    assert _roles_of("推动法治政府建设走深走实。") == set()
    assert _roles_of("推动农商行、村镇银行改革重组。") == set()


def test_bodies_by_organisation_suffix_and_bracketed_levels():
    assert {m[0] for m in _typed("推动行业协会商会改革发展，加强与证券交易所合作，深化供销社改革")} >= {
        "行业协会", "证券交易所", "供销社"}
    plan = policyparse.parse("所有县（市、区）达到国家卫生县城标准，健全村（社区）工作事项准入制度。")
    assert {"县（市、区）", "村（社区）"} <= {a.name for a in plan.actors}
    assert "驻滇解放军" in {m[0] for m in _typed("向驻滇解放军指战员致以崇高敬意")}
    # 单位 is a body only as the bodies stationed somewhere
    assert [m[0] for m in _typed("向中央驻湘单位致以崇高敬意")] == ["中央驻湘单位"]
    assert _typed("单位地区生产总值能耗下降，用人单位落实责任") == []
