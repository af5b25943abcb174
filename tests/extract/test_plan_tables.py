"""Indicator tables (主要指标表): read as tables, not as prose.

The layouts are those a user's file really has: a row per line with tab-separated
cells (what the docx and HTML readers write for a table) and one cell per line
(a page's table copied as text, blank lines between cells). The rows follow the
indicator tables of the education plans of the 十四五 period.
"""
from __future__ import annotations

import policyparse
from policyparse.extract.tables import find_task_tables

ROWS = ("某市教育事业发展“十四五”规划\n一、发展目标\n到2025年，教育现代化水平明显提升。主要指标如下：\n"
        "序号\t指标\t2020年\t2025年\t属性\n"
        "1\t学前教育毛入园率（%）\t88.2\t92以上\t预期性\n"
        "2\t劳动年龄人口平均受教育年限（年）\t10.8\t11.3\t约束性\n"
        "3\t普惠性幼儿园覆盖率（%）\t—\t85\t预期性\n"
        "4\t国内生产总值增长（%）\t2.3\t保持在合理区间\t预期性\n"
        "二、主要任务\n（一）扩大学前教育资源。新建幼儿园30所。\n")


def rows(plan):
    return [(q.kind, q.indicator, q.comparator, q.value, q.unit, q.deadline, q.commitment) for q in plan.quantities]


def test_a_table_written_row_by_row_gives_baselines_and_targets_with_their_row_and_column():
    plan = policyparse.parse(ROWS)
    assert rows(plan) == [
        ("baseline", "学前教育毛入园率", "=", 88.2, "%", None, None),
        ("target", "学前教育毛入园率", ">=", 92, "%", 2025, "expected"),
        ("baseline", "劳动年龄人口平均受教育年限", "=", 10.8, "年", None, None),
        ("target", "劳动年龄人口平均受教育年限", "=", 11.3, "年", 2025, "binding"),
        ("target", "普惠性幼儿园覆盖率", "=", 85, "%", 2025, "expected"),
        ("baseline", "国内生产总值增长", "=", 2.3, "%", None, None),  # its target is words, not a number
        ("target", "新建幼儿园", "=", 30, "所", None, None),  # the prose after the table as before
    ]
    for q in plan.quantities:  # every fact points at the text it was read from
        assert plan.text[q.span[0]:q.span[1]] == q.surface
        if q.indicator_span:
            assert plan.text[q.indicator_span[0]:q.indicator_span[1]] == q.indicator
    first = plan.quantities[1]
    assert plan.text[first.clause_span[0]:first.clause_span[1]].startswith("1\t学前教育毛入园率")
    # a row is no body and no task of its own, but every target has its (verbless) task
    table = (plan.text.index("序号"), plan.text.index("二、主要任务"))
    assert not [m for a in plan.actors for m in a.mentions if table[0] <= m[0] < table[1]]
    assert all(q.task for q in plan.targets)
    tasks = {t.id: t for t in plan.tasks}
    assert {tasks[q.task].verb for q in plan.targets[:3]} == {None}


PAGE = """“十四五”教育事业发展主要指标表

指  标

2020年

2025年

属性

一、发展水平

1.学前教育毛入园率(%)

99%

99%以上

约束性

2.高中阶段教育毛入学率(%)

99.8%

100%

约束性

二、师资发展水平

1.幼儿教师专科及以上学历比例(%)

其中:本科及以上学历比例(%)

97.74%

49.85%

100%

50%

预期性

2.义务教育标准班额比例(%)

其中:小学

初中

34.52%

77.34%

80%以上

85%以上

预期性

本规划由市教育局负责解释。
"""


def test_a_table_copied_from_a_page_one_cell_per_line_with_sub_rows():
    plan = policyparse.parse(PAGE)
    got = [(q.kind, q.indicator, q.comparator, q.value, q.deadline, q.commitment) for q in plan.quantities]
    assert got == [
        ("baseline", "学前教育毛入园率", "=", 99, None, None),
        ("target", "学前教育毛入园率", ">=", 99, 2025, "binding"),
        ("baseline", "高中阶段教育毛入学率", "=", 99.8, None, None),
        ("target", "高中阶段教育毛入学率", "=", 100, 2025, "binding"),
        # a row and its sub-row (其中): the values come column by column
        ("baseline", "幼儿教师专科及以上学历比例", "=", 97.74, None, None),
        ("baseline", "幼儿教师专科及以上学历比例（本科及以上学历比例）", "=", 49.85, None, None),
        ("target", "幼儿教师专科及以上学历比例", "=", 100, 2025, "expected"),
        ("target", "幼儿教师专科及以上学历比例（本科及以上学历比例）", "=", 50, 2025, "expected"),
        # sub-rows only: the first label is their group
        ("baseline", "义务教育标准班额比例（小学）", "=", 34.52, None, None),
        ("baseline", "义务教育标准班额比例（初中）", "=", 77.34, None, None),
        ("target", "义务教育标准班额比例（小学）", ">=", 80, 2025, "expected"),
        ("target", "义务教育标准班额比例（初中）", ">=", 85, 2025, "expected"),
    ]
    assert all(q.unit == "%" for q in plan.quantities)
    # the sentence after the table is prose again: its body is an actor
    assert "市教育局" in [a.name for a in plan.actors]


def test_the_header_may_say_which_column_is_the_target_and_a_work_plan_has_one_year():
    said = policyparse.parse("指标名称\t2024年完成值\t2025年目标值\n城镇新增就业（万人）\t52\t55左右\n", extract=True)
    assert rows(said) == [("baseline", "城镇新增就业", "=", 52, "万人", None, None),
                          ("target", "城镇新增就业", "~", 55, "万人", 2025, None)]
    assert said.quantities[1].base_value == 550000 and said.quantities[1].base_unit == "人"
    one = policyparse.parse("市教育局2025年工作要点\n指标\t2025年\t属性\n新增公办学位（个）\t≥5000\t约束性\n")
    assert rows(one) == [("target", "新增公办学位", ">=", 5000, "个", 2025, "binding")]
    # the national plans' layout: a category column merged over its rows, an estimate marked *,
    # a five-year total in brackets and a growth column
    national = policyparse.parse(
        "类别\t指标\t2020年\t2025年\t年均/累计\t属性\n"
        "经济发展\t1.常住人口城镇化率（%）\t60.6*\t65\t—\t预期性\n"
        "绿色生态\t2.单位GDP能源消耗降低（%）\t—\t—\t〔13.5〕\t约束性\n"
        "\t3.粮食综合生产能力（亿吨）\t—\t>6.5\t—\t约束性\n")
    assert [(q.kind, q.indicator, q.comparator, q.value, q.unit, q.measure, q.commitment) for q in national.quantities] == [
        ("baseline", "常住人口城镇化率", "=", 60.6, "%", "rate", None),
        ("target", "常住人口城镇化率", "=", 65, "%", "rate", "expected"),
        ("target", "单位GDP能源消耗降低", "=", 13.5, "%", "change", "binding"),
        ("target", "粮食综合生产能力", ">", 6.5, "亿吨", "level", "binding")]
    growth = policyparse.parse("指标\t2020年\t2025年\t年均增长\n研发经费投入（亿元）\t100\t150\t8%\n")
    assert [(q.indicator, q.value, q.unit, q.measure, q.deadline) for q in growth.quantities] == [
        ("研发经费投入", 100, "亿元", "level", None), ("研发经费投入", 150, "亿元", "level", 2025),
        ("研发经费投入年均增长", 8, "%", "change", 2025)]


def test_a_table_read_from_an_html_page_keeps_each_row_on_its_own_line(tmp_path):
    page = tmp_path / "规划.html"
    page.write_text("<html><body><h1>某市教育事业发展“十四五”规划</h1><table>\n"
                    "<tr><td>指标</td><td>2020年</td><td>2025年</td><td>属性</td></tr>\n"
                    "<tr><td>学前教育毛入园率（%）</td><td>88.2</td><td>92</td><td>预期性</td></tr>\n"
                    "<tr><td>普惠性幼儿园覆盖率（%）</td><td>80</td><td>85</td><td>预期性</td></tr>\n"
                    "</table></body></html>", encoding="utf-8")
    plan = policyparse.parse_file(page)
    assert [(q.kind, q.indicator, q.value) for q in plan.quantities] == [
        ("baseline", "学前教育毛入园率", 88.2), ("target", "学前教育毛入园率", 92),
        ("baseline", "普惠性幼儿园覆盖率", 80), ("target", "普惠性幼儿园覆盖率", 85)]
    # a row of single digits stays cells, not a spaced-out number
    digits = policyparse.parse("指标\t2023年\t2024年\t2025年\n示范校（所）\t5\t6\t7\n")
    assert [q.value for q in digits.quantities] == [5, 6, 7]


def test_prose_that_names_indicators_and_years_is_no_table():
    plan = policyparse.parse("主要指标\n2025年\n到2025年，全市学前教育毛入园率达到92%以上。\n")
    assert [(q.kind, q.indicator, q.value, q.deadline) for q in plan.quantities] == [
        ("target", "全市学前教育毛入园率", 92, 2025)]


DIVISION = ("某市推进教育高质量发展重点任务分工方案\n"
            "一、总体要求\n到2025年，基本建成高质量教育体系。\n"
            "二、重点任务分工\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t扩大普惠性学前教育资源，新建幼儿园10所\t市教育局\t市财政局、市自然资源局\t2025年底\n"
            "2\t推进义务教育优质均衡发展\t市教育局\t各区人民政府\t持续推进\n"
            "\t完善教师培训体系\t市教育局、市人社局\t\t2025年6月\n"
            "三、保障措施\n市财政局要加大经费投入。\n")


def test_a_task_table_gives_each_row_its_units_as_lead_and_support_and_its_time_limit():
    plan = policyparse.parse(DIVISION)
    names = {a.id: a.name for a in plan.actors}
    got = [(t.verb, t.object, [(names[x.actor], x.role) for x in t.actors]) for t in plan.tasks]
    assert got[0][:2] == ("建成", "高质量教育体系")
    assert got[1:5] == [
        ("扩大", "普惠性学前教育资源", [("市教育局", "lead"), ("市财政局", "support"), ("市自然资源局", "support")]),
        ("新建", "幼儿园10所", [("市教育局", "lead"), ("市财政局", "support"), ("市自然资源局", "support")]),
        ("推进", "义务教育优质均衡发展", [("市教育局", "lead"), ("各区人民政府", "support")]),
        # a row without its number, two lead units, an empty column of support
        ("完善", "教师培训体系", [("市教育局", "lead"), ("市人社局", "lead")]),
    ]
    # the header, the units and the time limits are no tasks; the table ends at the next heading
    assert [t.verb for t in plan.tasks[5:]] == ["加大"]
    assert not [t for t in plan.tasks if t.verb in ("完成", "持续")]
    # the row's time limit is the deadline of its target
    assert [(q.indicator, q.value, q.deadline) for q in plan.targets] == [("新建幼儿园", 10, 2025)]
    # every unit named in the table points at its cell
    for a in plan.actors:
        for s, e in a.mentions:
            assert plan.text[s:e] in (a.name, *a.aliases)


def test_a_task_table_in_a_word_file(tmp_path):
    """A Word file's table reaches the parser as tab-separated rows (the docx reader)."""
    import docx

    document = docx.Document()
    document.add_paragraph("某区教育局2025年重点工作任务分工")
    rows = [("序号", "工作任务", "责任单位", "协办单位", "完成时间"),
            ("1", "开展教师全员培训", "区教师进修学校", "各中小学", "2025年12月"),
            ("2", "新增公办学位2000个", "区教育局", "区发展改革局", "2025年9月")]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "分工.docx"
    document.save(path)
    plan = policyparse.parse_file(path)
    names = {a.id: a.name for a in plan.actors}
    assert [(t.verb, [(names[x.actor], x.role) for x in t.actors]) for t in plan.tasks] == [
        ("开展", [("区教师进修学校", "lead"), ("各中小学", "support")]),
        # a target stated without an action verb has its verbless task; the issuer named without its place
        (None, [("某区教育局", "lead"), ("区发展改革局", "support")])]
    assert [(q.indicator, q.value, q.deadline) for q in plan.targets] == [("新增公办学位", 2000, 2025)]


def test_a_table_of_a_pdf_text_layer_with_cells_separated_by_spaces():
    """A PDF's text layer gives a table's cells on one line, separated by spaces; such a line
    is never joined to the next (Chinese prose has no such gaps; spaced digits are no cells)."""
    text = ("二、发展目标\n到2025年，全县教育现代化水平明显提升。\n表1 “十四五”教育发展主要指标\n"
            "指标 2020年 2025年 属性\n学前教育毛入园率（%） 88 92 预期性\n义务教育巩固率（%） 96.5 97 约束性\n"
            "一、高中教育\n高中阶段毛入学率（%） 93 95以上 预期性\n三、主要任务\n新建幼儿园10所。\n")
    plan = policyparse.parse(text)
    assert rows(plan) == [
        ("baseline", "学前教育毛入园率", "=", 88, "%", None, None),
        ("target", "学前教育毛入园率", "=", 92, "%", 2025, "expected"),
        ("baseline", "义务教育巩固率", "=", 96.5, "%", None, None),
        ("target", "义务教育巩固率", "=", 97, "%", 2025, "binding"),
        ("baseline", "高中阶段毛入学率", "=", 93, "%", None, None),
        ("target", "高中阶段毛入学率", ">=", 95, "%", 2025, "expected"),
        ("target", "新建幼儿园", "=", 10, "所", None, None)]
    spaced = policyparse.parse("二、关于1 9 9 8 年政府工作的建议\n今年要继续采取有效措施。\n", extract=False)
    assert "1998年政府工作的建议\n" in spaced.text


def test_a_cell_that_opens_with_a_value_and_goes_on_with_a_note_gives_the_value():
    """The national 十四五 table writes the R&D target as >7、力争投入强度高于“十三五”时期实际."""
    plan = policyparse.parse("某省“十四五”规划纲要\n一、主要目标\n到2025年，主要指标如下：\n"
                             "指标\t2020年\t2025年\t年均/累计\t属性\n"
                             "全社会研发经费投入增长（%）\t—\t—\t>7、力争投入强度高于“十三五”时期实际\t预期性\n"
                             "单位GDP能源消耗降低（%）\t—\t—\t〔13.5〕\t约束性\n"
                             "国内生产总值增长（%）\t2.3\t—\t保持在合理区间、各年度视情提出\t预期性\n")
    assert rows(plan) == [
        ("target", "全社会研发经费投入增长", ">", 7, "%", 2025, "expected"),
        ("target", "单位GDP能源消耗降低", "=", 13.5, "%", 2025, "binding"),
        ("baseline", "国内生产总值增长", "=", 2.3, "%", None, None),  # words after words: no value
    ]
    first = plan.quantities[0]
    assert plan.text[first.span[0]:first.span[1]] == first.surface == ">7"


def test_a_table_of_tasks_and_their_progress_copied_one_cell_per_line():
    """A city's table of its key work and their progress (序号 | 内容与要求 | 进展情况 | 责任单位), copied
    from a web page one cell per line: the task cells are the tasks, with their targets, and the units
    lead them; the progress cells report what was done (results, no tasks), whatever the title (…一季度
    进展情况表) makes the role of the text."""
    page = ("市政府2020年重点工作一季度进展情况表\n\n序号\n\n内容与要求\n\n进展情况\n\n责任单位\n\n1\n\n"
            "加强经济运行监测，确保地区生产总值增长7%左右。\n\n1-2月，全市固定资产投资同比下降12.7%，居全省第6位。\n\n市发改委\n\n2\n\n"
            "力争规上工业中新兴产业增加值占比提升至44%。\n\n启动研究报告前期工作，新兴产业增加值占比为46.3%。\n\n市经信局\n")
    plan = policyparse.parse(page)
    kinds = {q.surface: q.kind for q in plan.quantities}
    assert kinds["7%左右"] == kinds["44%"] == "target"
    assert kinds["12.7%"] == kinds["46.3%"] == "achieved"
    names = {a.id: a.name for a in plan.actors}
    led = {t.text: [(names[r.actor], r.role) for r in t.actors if r.role != "implicit"] for t in plan.tasks}
    assert led["确保地区生产总值增长7%左右"] == [("市发改委", "lead")]
    assert all(not any(w in t.text for w in ("启动", "下降")) for t in plan.tasks)  # progress is no task
    # a row lacking a cell (an empty one dropped by the copy) gives no row rather than a guess
    (table,) = find_task_tables(page)
    assert [len(r.progress_cells) for r in table.rows] == [1, 1]
    short = page.replace("启动研究报告前期工作，新兴产业增加值占比为46.3%。\n\n", "")
    (table,) = find_task_tables(short)
    assert len(table.rows) == 1


def test_a_task_table_whose_cells_are_split_by_bars():
    """A page turned into text or Markdown writes a table with bars (| 1 | … |) and a rule of dashes
    under its header; spaced header words (牵 头 部 门) and a column saying nothing of the task
    (目标类型) are read as the tab-separated table is."""
    md = ("XX区2024年重点任务分工表\n| 序号 | 重点任务 | 牵 头 部 门 | 配 合 部 门 | 完成时限 | 目标类型 |\n|---|---|---|---|---|---|\n"
          "| 1 | 新建幼儿园10所 | 区教育局 | 区财政局、各街道 | 2024年底 | A类 |\n")
    plan = policyparse.parse(md)
    names = {a.id: a.name for a in plan.actors}
    (task,) = plan.tasks
    assert [(names[r.actor], r.role) for r in task.actors] == [("区教育局", "lead"), ("区财政局", "support"), ("各街道", "support")]
    assert [(q.surface, q.kind, q.deadline) for q in plan.quantities] == [("10所", "target", 2024)]
    (table,) = find_task_tables(plan.text)
    assert len(table.rows) == 1  # the rule of dashes is no row
    # a row cut short (its number, then too few cells) is no row, not a row shifted by one; its text stays text
    cut = policyparse.parse(md + "| 2 | 新建体育馆2座 | 区体育局 |\n")
    (table,) = find_task_tables(cut.text)
    assert len(table.rows) == 1 and "2座" in [q.surface for q in cut.quantities]
