"""Project performance forms read from a page text (readers/forms.py): made-up forms as a Word table
saved as text, as wrapped lines in another order, the budget's 绩效目标申报表, and a form with a
value left blank (unknown, not 0: no rule concludes from it)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from finrecon.coverage import measure
from finrecon.engine import check
from finrecon.readers import load_report

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FINRECON_SHARED", ROOT.parent / "shared"))

# A made-up Sichuan 决算 text (no cover: it starts at 第一部分) whose unit is printed above an
# annexed report's title, and whose annex title follows a paragraph that stops at a comma.
SICHUAN_HEAD = (
    "第一部分 部门概况\n"
    "一、基本职能及主要工作\n"
    "（一）主要职能。\n"
    "政治协商。\n"
    "第二部分 2021年度部门决算情况说明\n"
    "收入支出决算总体情况说明\n"
    "2021年度收、支总计200.00万元。与2020年相比，收、支总计各增加20.00万元，增长11.11%。主要变动原因是人员增加。\n"
)
SICHUAN_TAIL = (
    "第四部分 附件\n"
    "附件1\n"
    "四川省某县某局\n"
    "\n"
    "2021年部门整体支出绩效评价报告\n"
    "一、部门（单位）概况\n"
    "严格执行考核制度，加大日常考核和监督，\n"
    "某会议项目\n"
    "\n"
    "2021年绩效评价报告\n"
)

# The form as Word saves a table as text: one cell a line after a tab, a row starting at a tab alone;
# a level's cell wrapped before its final 指标 onto a line of its own.
WORD_CELLS = (
    "\t项目绩效目标完成情况表\n(2021年度)\n\n"
    "\t项目名称\n\t某会议经费\n\n"
    "\t预算单位\n\t四川省某县某局\n\n"
    "\t预算执行情况(万元)\n\t预算数:\n\t21.55\n\t执行数:\n\t20.50\n\n"
    "\t\n\t其中-财政拨款:\n\t21.55\n\t其中-财政拨款:\n\t20.50\n\n"
    "\t\n\t其它资金:\n\t\n\t其它资金:\n\t\n\n"
    "\t年度目标完成情况\n\t预期目标\n\t实际完成目标\n\n"
    "\t\n\t召开全体会议。\n\t已完成\n\n"
    "\t绩效指标完成情况\n\t一级指标\n\t二级指标\n\t三级指标\n\t预期指标值(包含数字及文字描述)\n\t实际完成指标值(包含数字及文字描述)\n\n"
    "\t\n\t项目完成指标\n\t数量指标\n\t会议次数\n\t大于5次\n\t5次\n\n"
    "\t\n\t项目完成指标\n\t质量指标\n\t参会率\n\t参会率达95%\n\t已完成\n\n"
    "\t\n\t项目完成指标\n\t经济效益\n\n指标\n\t提案占比\n\t占一定比例\n\t已完成\n\n"
    "\t\n\t满意度\n指标\n\t服务对象满意度指标\n\t满意率\n\t95%\n\t96%\n\n"
    "\t\n\t项目完成指标\n\t成本指标\n\t会务费\n\t21.55万元\n\t20.50万元\n\n"
)

# The same form printed as lines of cells (a PDF's text), its fields in another order, a level's
# cell wrapped around the level-1 cell.
LINES = (
    "项目绩效目标完成情况表\n"
    "预算单位 四川省某县某局 项目名称 某会议经费\n"
    "执行数: 20.50 预算数: 21.55\n"
    "其中-财政拨款: 21.55 其中-财政拨款: 20.50\n"
    "一级指标 二级指标 三级指标 预期指标值 实际完成指标值\n"
    "项目完成指标 数量指标 会议次数 大于5次 5次\n"
    "服务对象满意度\n"
    "满意度指标 满意率 95% 96%\n"
    "指标\n"
)


def _sichuan(tmp_path: Path, form: str):  # noqa: ANN202
    path = tmp_path / "某局.txt"
    path.write_text(SICHUAN_HEAD + form + SICHUAN_TAIL, encoding="utf-8")
    return load_report(path)


def _form_project(report):  # noqa: ANN001, ANN202
    return next(project for project in report.performance.projects if project.indicators)


def test_a_form_of_word_cells_is_read_into_its_project(tmp_path: Path) -> None:
    loaded = _sichuan(tmp_path, WORD_CELLS)
    project = _form_project(loaded.report)
    assert (project.name, project.unit, project.budget, project.executed) == ("某会议经费", "四川省某县某局", Decimal("21.55"), Decimal("20.50"))
    assert (project.appropriation_budget, project.appropriation_executed) == (Decimal("21.55"), Decimal("20.50"))
    assert (project.other_budget, project.other_executed) == (None, None)  # blank cells: not there, never 0
    assert (project.goal, project.goal_result) == ("召开全体会议。", "已完成")
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual) for i in project.indicators]
    assert rows == [
        ("项目完成指标", "数量指标", "会议次数", "大于5次", "5次"),
        ("项目完成指标", "质量指标", "参会率", "参会率达95%", "已完成"),
        ("项目完成指标", "经济效益指标", "提案占比", "占一定比例", "已完成"),
        ("满意度指标", "服务对象满意度指标", "满意率", "95%", "96%"),
        ("项目完成指标", "成本指标", "会务费", "21.55万元", "20.50万元"),
    ]
    assert (project.indicators[0].comparison, project.indicators[0].target_number) == (">", Decimal("5"))
    findings = check(loaded)
    missed = [f for f in findings if f.rule == "FR601"]
    actual_line = (SICHUAN_HEAD + WORD_CELLS).splitlines().index("\t5次") + 1  # where the missed indicator's actual is printed
    assert [(f.path, f.line) for f in missed] == [("performance.projects[0].indicators[0]", actual_line)]
    assert [f.path for f in findings if f.rule == "FR602"] == ["performance.projects[0].indicators[1]"]
    assert not [f for f in findings if f.rule in ("FR603", "FR923", "FR403")]  # 21.55 = 21.55; 20.50 = 20.50
    coverage = measure(loaded.report, loaded.source)
    assert coverage.table_printed == coverage.table_placed == 6  # 预算数, 执行数 and their 财政拨款; two costs


def test_the_unit_is_the_name_above_an_annexed_report_and_an_annex_title_is_no_paragraph_end(tmp_path: Path) -> None:
    loaded = _sichuan(tmp_path, WORD_CELLS)
    assert loaded.report.meta.unit == "四川省某县某局"
    annex = loaded.report.text.parts[-1].sections[0].paragraphs
    assert annex[:2] == ["严格执行考核制度，加大日常考核和监督，", "某会议项目"]  # the paragraph stops at its comma, as printed
    assert not [f for f in check(loaded) if f.rule == "FR808" and "目" in f.message]


def test_a_form_of_wrapped_lines_in_another_order_is_read_alike(tmp_path: Path) -> None:
    loaded = _sichuan(tmp_path, LINES)
    project = _form_project(loaded.report)
    assert (project.name, project.unit, project.budget, project.executed) == ("某会议经费", "四川省某县某局", Decimal("21.55"), Decimal("20.50"))
    rows = [(i.level1, i.level2, i.level3, i.target, i.actual) for i in project.indicators]
    assert rows == [("项目完成指标", "数量指标", "会议次数", "大于5次", "5次"), ("满意度指标", "服务对象满意度指标", "满意率", "95%", "96%")]
    assert [f.path for f in check(loaded) if f.rule == "FR601"] == ["performance.projects[0].indicators[0]"]


def test_a_form_whose_actual_is_blank_gives_no_verdict(tmp_path: Path) -> None:
    blank = WORD_CELLS.replace("\t大于5次\n\t5次\n", "\t大于5次\n\t\n")
    project = _form_project(_sichuan(tmp_path, blank).report)
    assert project.indicators[0].target == "大于5次"
    assert project.indicators[0].actual is None
    assert not [f for f in check(_sichuan(tmp_path, blank)) if f.path == "performance.projects[0].indicators[0]"]


# A made-up budget page (the Shanghai budget template) with its 绩效目标申报表 in 元.
BUDGET = (
    "上海市普陀区2026年区级部门预算\n预算主管部门：上海市普陀区某局\n\f"
    "财政项目支出绩效目标申报表\n"
    "（2026年度）\n"
    "项目名称 某经费 项目性质 经常性项目\n"
    "项目资金总额 1,000,000.00 年度资金申请总额 {requested}\n"
    "其中：当年财政拨款 300,000.00\n"
    "项目资金\n"
    "其中：财政资金 1,000,000.00\n"
    "（元）\n"
    "上年结转资金 {carried}\n"
    "其他资金 0.00 其他资金 0.00\n"
    "一级指标 二级指标 三级指标 年度(/项目)指标值\n"
    "成本指标 经济成本指标 成本控制合理性 合理\n"
    "数量指标 完成年度计划 =100.00(%)\n"
    "产出指标 质量指标 正确率 =100.00(%)\n"
    "服务对象满意度\n"
    "满意度指标 群众满意度 ≥90.00(%)\n"
    "指标\n"
)


def _budget(tmp_path: Path, requested: str = "400,000.00", carried: str = "100,000.00"):  # noqa: ANN202
    path = tmp_path / "某局预算.txt"
    path.write_text(BUDGET.format(requested=requested, carried=carried), encoding="utf-8")
    return load_report(path)


def test_a_budget_form_gives_its_funds_and_targets_with_their_comparison(tmp_path: Path) -> None:
    loaded = _budget(tmp_path)
    project = loaded.report.performance.projects[0]
    funds = project.funds
    assert project.name == "某经费"
    assert (funds.money_unit, funds.total.value, funds.total_appropriation.value, funds.total_other.value) == (
        "元", Decimal("1000000.00"), Decimal("1000000.00"), Decimal("0.00"),
    )
    assert (funds.requested.value, funds.appropriation.value, funds.carried_over.value, funds.other.value) == (
        Decimal("400000.00"), Decimal("300000.00"), Decimal("100000.00"), Decimal("0.00"),
    )
    rows = [(i.level1, i.level2, i.level3, i.target, i.comparison, i.target_number, i.actual) for i in project.indicators]
    assert rows == [
        ("成本指标", "经济成本指标", "成本控制合理性", "合理", None, None, None),
        ("", "数量指标", "完成年度计划", "=100.00(%)", "=", Decimal("100.00"), None),
        ("产出指标", "质量指标", "正确率", "=100.00(%)", "=", Decimal("100.00"), None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90.00(%)", "≥", Decimal("90.00"), None),
    ]
    findings = check(loaded)
    assert not [f for f in findings if f.path.startswith("performance")]  # 400,000 = 300,000 + 100,000 + 0; targets judge nothing
    coverage = measure(loaded.report, loaded.source)
    assert coverage.table_printed == coverage.table_placed == 10


def test_a_budget_form_that_does_not_add_up_is_reported(tmp_path: Path) -> None:
    findings = check(_budget(tmp_path, requested="500,000.00"))
    assert [(f.rule, f.path) for f in findings if f.path.startswith("performance")] == [("FR101", "performance.projects[0].funds.requested")]


def test_a_budget_form_with_a_blank_part_is_unknown_and_not_added_up(tmp_path: Path) -> None:
    loaded = _budget(tmp_path, requested="500,000.00", carried="")
    funds = loaded.report.performance.projects[0].funds
    assert funds.carried_over is None
    findings = check(loaded)
    assert not [f for f in findings if f.rule == "FR101" and f.path.startswith("performance")]  # unknown, not 0
    assert [f.rule for f in findings if f.rule == "FR923" and "上年结转资金" in f.message] == ["FR923"]


@pytest.mark.parametrize("name", ["seeds/000_5bad65b3efb8bad8.txt"])
def test_the_seed_forms_give_the_findings_its_transcription_gives(name: str) -> None:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not here (FINRECON_SHARED)")
    loaded = load_report(path)
    sample = load_report(ROOT / "samples" / "panzhihua-xiqu-cppcc-2020.yaml")
    assert loaded.report.meta.unit == "攀枝花市西区政协委员会"
    ours = sorted((f.rule, f.path) for f in check(loaded) if f.rule in ("FR601", "FR602"))
    theirs = sorted((f.rule, f.path) for f in check(sample) if f.rule in ("FR601", "FR602"))
    assert ours == theirs


def test_a_form_ends_at_a_heading_the_template_knows(tmp_path: Path) -> None:
    text = BUDGET.format(requested="400,000.00", carried="100,000.00") + "三、其他相关情况说明\n本部门无其他情况。\n"
    path = tmp_path / "某局预算.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_report(path)
    assert loaded.report.performance.projects[0].indicators[-1].level3 == "群众满意度"
    paragraphs = [p for part in loaded.report.text.parts for node in (part, *part.sections) for p in node.paragraphs]
    assert any(paragraph.endswith("本部门无其他情况。") for paragraph in paragraphs)  # the text after the form stays text
