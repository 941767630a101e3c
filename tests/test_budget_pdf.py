"""The six published budgets (部门预算 / 单位预算), read from their PDFs: what is recognised, what is
extracted (against the hand-checked samples, figure by figure), and every finding, with its verdict.

The PDFs are not the repository's: they are read from ``../shared/reports/pdf/`` beside it (or
``$FINRECON_SHARED``), and these tests skip, saying why, where that folder is absent — or fail,
where CI requires it (``FINRECON_REQUIRE_SHARED``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from finrecon.engine import check
from finrecon.readers import load_report

from .conftest import SAMPLES, shared_pdf

BUDGETS = {
    "shanghai-putuo-wanli-street-2024-budget.pdf": ("上海市普陀区人民政府万里街道办事处", 2024, "department"),
    "shanghai-putuo-wanli-street-2025-budget.pdf": ("上海市普陀区人民政府万里街道办事处", 2025, "department"),
    "shanghai-putuo-government-office-2025-budget.pdf": ("上海市普陀区人民政府办公室", 2025, "department"),
    "shanghai-putuo-government-office-2025-unit-budget.pdf": ("上海市普陀区人民政府办公室", 2025, "unit"),
    "shanghai-putuo-commerce-2025-budget.pdf": ("上海市普陀区商务委员会", 2025, "department"),
    "shanghai-putuo-commerce-2025-unit-budget.pdf": ("上海市普陀区商务委员会", 2025, "unit"),
}


@pytest.fixture(scope="module")
def pdfs() -> Path:
    """The folder of the real published PDFs (``FINRECON_SHARED``, else ../shared): skips where it
    is absent, fails instead where CI requires it."""
    return shared_pdf(next(iter(BUDGETS))).parent


_loaded: dict[str, object] = {}


def _load(pdfs: Path, name: str):  # noqa: ANN202 - a LoadedReport, read once per test run
    if name not in _loaded:
        _loaded[name] = load_report(pdfs / name)
    return _loaded[name]


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_each_budget_is_read_as_a_budget_with_its_unit_year_and_scope(pdfs: Path, name: str) -> None:
    meta = _load(pdfs, name).report.meta
    assert (meta.unit, meta.year, meta.scope) == BUDGETS[name]
    assert (meta.kind, meta.template, meta.money_unit) == ("budget", "shanghai-budget", "万元")


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_every_table_and_both_text_parts_are_read(pdfs: Path, name: str) -> None:
    report = _load(pdfs, name).report
    tables = report.budget.tables
    for key in type(tables).model_fields:
        table = getattr(tables, key)
        assert table is not None, key
        assert table.money_unit == ("万元" if key == "three_public" else "元"), key
    assert not report.printed.unread  # no printed figure the reader could not place
    statement = report.budget.statement
    assert statement.income.total is not None and statement.expenditure.appropriation is not None
    assert statement.items and all(item.code for item in statement.items if item.wording != _WRONG_WORDING)
    other = report.budget.other
    assert other.three_public.total is not None and other.operating_costs is not None and other.procurement is not None


_WRONG_WORDING = "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）"  # 万里街道 2025, item 21 (FR706 below)


def test_the_command_exits_0_or_1_on_every_budget(pdfs: Path) -> None:
    names = sorted(BUDGETS)
    result = subprocess.run(
        [sys.executable, "-m", "finrecon", "check", "--format", "json", *(str(pdfs / name) for name in names)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stderr  # findings, and no unreadable input (that is 2)
    reports = json.loads(result.stdout)["reports"]
    assert [(Path(r["file"]).name, r["unit"], r["year"]) for r in reports] == [(name, *BUDGETS[name][:2]) for name in names]
    assert all("error" not in r for r in reports)


# ----------------------------------------------------------------------------- extraction = sample
_SAMPLES = {
    "shanghai-putuo-wanli-street-2024-budget.pdf": "shanghai-putuo-wanli-street-2024-budget.yaml",
    "shanghai-putuo-government-office-2025-unit-budget.pdf": "shanghai-putuo-government-office-2025-unit-budget.yaml",
}


@pytest.mark.parametrize("name", sorted(_SAMPLES))
def test_the_extraction_equals_the_hand_checked_sample_figure_by_figure(pdfs: Path, name: str) -> None:
    from_pdf = _load(pdfs, name).report
    from_yaml = load_report(SAMPLES / _SAMPLES[name]).report
    keys = ("unit", "year", "kind", "scope", "template", "money_unit")
    assert [getattr(from_pdf.meta, key) for key in keys] == [getattr(from_yaml.meta, key) for key in keys]
    # Every number, at the same path, printed alike (25 is not 25.00: the precision is part of the figure).
    printed = {path: str(number.value) for path, number in from_pdf.numbers.items() if path.startswith("budget.")}
    assert printed == {path: str(number.value) for path, number in from_yaml.numbers.items()}
    assert len(printed) > 200
    # …and everything else: codes, names, wordings, purposes, reasons, counts, titles, units, statements.
    assert from_pdf.budget.model_dump() == from_yaml.budget.model_dump()


# ----------------------------------------------------------------------------- every finding, with its verdict
FINDINGS = {
    "shanghai-putuo-wanli-street-2024-budget.pdf": [
        # Real (FR802), five: the 名词解释 of a district's budget defines its terms with the city
        # template's words — “是市级预算主管部门及所属预算单位…” ×3, “与市级财政有经费领拨关系…使用市级
        # 财政拨款安排的…” — where the 2025 edition of the same report says 区级.
        ("FR802", "text.parts[2].paragraphs[0]", "市级预算主管部门", "区级预算主管部门"),
        ("FR802", "text.parts[2].paragraphs[4]", "市级预算主管部门", "区级预算主管部门"),
        ("FR802", "text.parts[2].paragraphs[5]", "市级预算主管部门", "区级预算主管部门"),
        ("FR802", "text.parts[2].paragraphs[6]", "市级财政", "区级财政"),
        ("FR802", "text.parts[2].paragraphs[6]", "市级财政拨款", "区级财政拨款"),
        # Real, a note (FR914): the 预算编制说明 says 事业收入/事业单位经营收入/其他收入 0.00万元, 政府性基金/
        # 国有资本经营 0.00万元, where 表1 and 表4 leave those cells blank (the template's way, yet the two differ).
        ("FR914", "budget.statement.income.business", "0.00", None),
        ("FR914", "budget.statement.expenditure.government_fund", "0.00", None),
        # Real (FR806).  Item 4 宣传事务: 114.00 → 110.60, “减少2.98%。主要原因是：宣传事务一般行政管理
        # 事务经费增加” — the reason says the opposite of the figures (copied from the items around it).
        ("FR806", "budget.statement.items[3].reasons[0]", "增加", "减少"),
        # Real.  Item 9 其他教育支出: “2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年
        # 预算执行数增加100.00%” — a change over a zero base is undefined; 100% is a convention, not a fact.
        ("FR902", "budget.statement.items[8].change_pct", "100.00", None),
        # Real (FR814), three: item 15 机关事业单位职业年金缴费支出 gives item 13's reason word for word
        # (“事业单位离退休经费增加”); item 26 城管执法 gives item 25's purpose and reason word for word
        # (“主要用于城乡社区管理事务一般行政管理事务”, “…一般行政管理事务经费减少”).
        ("FR814", "budget.statement.items[14].reasons[0]", "事业单位离退休经费增加", None),
        ("FR814", "budget.statement.items[25].purpose", "城乡社区管理事务一般行政管理事务", None),
        ("FR814", "budget.statement.items[25].reasons[0]", "城乡社区管理事务一般行政管理事务经费减少", None),
        # Real.  Item 31 住房公积金: headline “350.35万元” (= 3,503,499 元 in the tables) but “2024年预算安排
        # 352.67万元” in the same paragraph; its 0.53% follows from 350.35 (350.35 / 348.52 − 1 = 0.525%),
        # so 352.67 is the slip.
        ("FR813", "budget.statement.items[30].arranged", "352.67", "350.35"),
        # Real (FR913).  表9 prints 公务用车购置费 “25” among 47.91, 1.35, 46.56, 21.56, 443.18 (and 0).
        ("FR913", "budget.tables.three_public.vehicle_purchase", "25", "25.00"),
        # Real.  The “三公” table prints 47.91 (and 机关运行经费 443.18) under “注:本部门2024年无“三公”经费和
        # 机关运行经费预算，故本表为空表。” — the note was left from a template; the text confirms the figures.
        ("FR912", "budget.tables.three_public.empty_statement", "47.91", "0"),
        # Real (FR810).  其他相关情况说明（二）: “主要原因是公务车用车运行费保持不变” for 公务用车运行费.
        ("FR810", "text.parts[4].sections[0].paragraphs[2]", "公务车用车运行费", "公务用车运行费"),
    ],
    "shanghai-putuo-wanli-street-2025-budget.pdf": [
        # Real, a note (FR914): the 预算编制说明 says 事业收入/事业单位经营收入/其他收入 0.00万元, 政府性基金/
        # 国有资本经营 0.00万元, where 表1 and 表4 leave those cells blank (the template's way, yet the two differ).
        ("FR914", "budget.statement.income.business", "0.00", None),
        ("FR914", "budget.statement.expenditure.government_fund", "0.00", None),
        # Real.  Item 21 “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”: 21007 is 计划生育事务 (a 款)
        # and its 项 2100717 计划生育服务; the 2024 edition words it right.  Its 20.00万元 is that 项's 200,000 元.
        ("FR706", "budget.statement.items[20]", _WRONG_WORDING, None),
        # Real (FR812), the same item seen by its words: 卫生健康支出 is the 类, printed again as its 款.
        ("FR812", "text.parts[3].paragraphs[21]", "卫生健康支出（款）", "卫生健康支出（类）"),
        # Real (FR913).  表9 prints 公务用车购置费 “15” among 37.91, 1.35, 36.56, 21.56, 464.64 (and 0).
        ("FR913", "budget.tables.three_public.vehicle_purchase", "15", "15.00"),
        # Real (FR810), the 2024 slip kept: “公务车用车运行费保持不变”.
        ("FR810", "text.parts[4].sections[0].paragraphs[2]", "公务车用车运行费", "公务用车运行费"),
        # Real (FR808).  二、机关运行经费预算: “…机关运行经费预算为464.64万元” has no 。 (2024's has).
        ("FR808", "text.parts[4].sections[1].paragraphs[0]", "费预算为464.64万元", "费预算为464.64万元。"),
    ],
    # Consistent throughout, within rounding (e.g. 区府办 “4,614万元” for 46,140,000.00 元, printed
    # without decimals: ±0.5万元).
    "shanghai-putuo-government-office-2025-budget.pdf": [
        # Real, a note (FR914): the 预算编制说明 says 事业收入/事业单位经营收入/其他收入 0万元, 政府性基金/
        # 国有资本经营 0万元, where 表1 and 表4 leave those cells blank (the template's way, yet the two differ).
        ("FR914", "budget.statement.income.business", "0", None),
        ("FR914", "budget.statement.expenditure.government_fund", "0", None),
        # Real, a note (FR914): 其他相关情况说明 gives 公务用车购置及运行费 (购置费, 运行费) as 0万元; 表9 leaves those cells blank.
        ("FR914", "budget.other.three_public.vehicle", "0", None),
    ],
    "shanghai-putuo-government-office-2025-unit-budget.pdf": [
        # Real, a note (FR914): the 预算编制说明 says 事业收入/事业单位经营收入/其他收入 0万元, 政府性基金/
        # 国有资本经营 0万元, where 表1 and 表4 leave those cells blank (the template's way, yet the two differ).
        ("FR914", "budget.statement.income.business", "0", None),
        ("FR914", "budget.statement.expenditure.government_fund", "0", None),
        # Real, a note (FR914): 其他相关情况说明 gives 公务用车购置及运行费 (购置费, 运行费) as 0万元; 表9 leaves those cells blank.
        ("FR914", "budget.other.three_public.vehicle", "0", None),
    ],
    # Real, both.  Page 3's 主要职能 runs past the bottom of the page (items 9–13 are drawn below
    # y = 595, where no viewer shows them), and page 4 repeats the text from above its top edge:
    # the reader of the PDF sees a cut page.
    "shanghai-putuo-commerce-2025-budget.pdf": [
        ("FR922", "printed.off_page[0]", None, None),
        ("FR922", "printed.off_page[1]", None, None),
        # Real, a note (FR914): the 预算编制说明 says 事业收入/事业单位经营收入/其他收入 0万元, 政府性基金/
        # 国有资本经营 0万元, where 表1 and 表4 leave those cells blank (the template's way, yet the two differ).
        ("FR914", "budget.statement.income.business", "0", None),
        ("FR914", "budget.statement.expenditure.government_fund", "0", None),
        # Real, a note (FR914): 其他相关情况说明 gives 因公出国（境）费 and 公务用车购置及运行费 (购置费, 运行费) as 0万元; 表9 leaves those cells blank.
        ("FR914", "budget.other.three_public.outbound", "0", None),
        # Real (FR809), four: the 项目经费情况说明 print their amounts in 万 without 元 (“2025年度项目总预算
        # 1720.00万，其中…1720.00万。”, and 6, 6 and 7 such amounts in the next three projects).
        ("FR809", "text.parts[5].sections[5].paragraphs[0]", "1720.00万", "1720.00万元"),
        # Real (FR808).  生命健康专项 四、实施方案 ends “…按程序落实专项资金拨付” without 。 (the same
        # sentence of the other two projects has it).
        ("FR808", "text.parts[6].sections[3].paragraphs[0]", "按程序落实专项资金拨付", "按程序落实专项资金拨付。"),
        ("FR809", "text.parts[6].sections[5].paragraphs[0]", "1170.00万", "1170.00万元"),
        ("FR809", "text.parts[7].sections[5].paragraphs[0]", "1410.00万", "1410.00万元"),
        ("FR809", "text.parts[8].sections[5].paragraphs[0]", "2921.00万", "2921.00万元"),
    ],
    "shanghai-putuo-commerce-2025-unit-budget.pdf": [
        ("FR922", "printed.off_page[0]", None, None),
        ("FR922", "printed.off_page[1]", None, None),
        # Real, a note (FR914): the 预算编制说明 says 事业收入/事业单位经营收入/其他收入 0万元, 政府性基金/
        # 国有资本经营 0万元, where 表1 and 表4 leave those cells blank (the template's way, yet the two differ).
        ("FR914", "budget.statement.income.business", "0", None),
        ("FR914", "budget.statement.expenditure.government_fund", "0", None),
        # Real, a note (FR914): 其他相关情况说明 gives 因公出国（境）费 and 公务用车购置及运行费 (购置费, 运行费) as 0万元; 表9 leaves those cells blank.
        ("FR914", "budget.other.three_public.outbound", "0", None),
    ],
}


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_every_finding_on_the_six_budgets(pdfs: Path, name: str) -> None:
    found = [(f.rule, f.path, f.reported, f.expected) for f in check(_load(pdfs, name))]
    assert found == FINDINGS[name]


def test_findings_stand_where_the_words_were_printed(pdfs: Path) -> None:
    places = {f.rule: (f.page, f.line, f.excerpt) for f in check(_load(pdfs, "shanghai-putuo-wanli-street-2024-budget.pdf"))}
    assert places["FR813"][:2] == (9, 19) and "2024年预算安排352.67万元" in places["FR813"][2]
    assert places["FR902"][:2] == (7, 6) and "增加100.00%" in places["FR902"][2]
    assert places["FR912"] == (31, 10, "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。")
    (finding,) = check(_load(pdfs, "shanghai-putuo-wanli-street-2025-budget.pdf"), ["FR706"])
    assert (finding.page, finding.line) == (7, 17)
    assert finding.hint == "金额 20.00 万元与预算表中“计划生育服务（2100717）”相符，疑为该科目"


# ----------------------------------------------------------------------------- the samples on their own
def test_the_budget_samples_give_the_pdfs_findings() -> None:
    wanli = [(f.rule, f.path, f.reported, f.expected) for f in check(load_report(SAMPLES / "shanghai-putuo-wanli-street-2024-budget.yaml"))]
    # The sample holds the budget's figures, not its words: the findings on the text stay the PDF's.
    on_figures = [finding for finding in FINDINGS["shanghai-putuo-wanli-street-2024-budget.pdf"] if not finding[1].startswith("text.")]
    assert sorted(wanli) == sorted(on_figures)
    office = [(f.rule, f.path, f.reported, f.expected) for f in check(load_report(SAMPLES / "shanghai-putuo-government-office-2025-unit-budget.yaml"))]
    assert office == FINDINGS["shanghai-putuo-government-office-2025-unit-budget.pdf"]


def test_each_projects_annual_plan_is_read(pdfs: Path) -> None:
    projects = _load(pdfs, "shanghai-putuo-commerce-2025-budget.pdf").report.budget.projects
    assert [(p.name, p.total.value if p.total else None, len(p.parts), p.stated_total.value if p.stated_total else None) for p in projects] == [
        ("科技创新专项经费情况说明", Decimal("1720.00"), 1, None),
        ("生命健康专项（政策资金）经费情况说明", Decimal("1170.00"), 4, Decimal("1170.00")),
        ("商业创新专项（政策资金）经费情况说明", Decimal("1410.00"), 5, Decimal("1410.00")),
        ("贸易高质量发展专项（政策资金）经费情况说明", Decimal("2921.00"), 5, Decimal("2921.00")),
    ]
    # “…支持商业综合服务能力提升80.00万元，合计1410.00万。”: 万 and 万元 alike
    assert projects[2].parts[-1].name == "支持商业综合服务能力提升" and projects[2].parts[-1].value == Decimal("80.00")
    (plan,) = _load(pdfs, "shanghai-putuo-government-office-2025-budget.pdf").report.budget.projects
    assert plan.total is None and plan.parts == []  # “结合区政府重点工作推进情况，…按时拨付资金。”: no amount, none read
