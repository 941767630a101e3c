"""The budget (部门预算 of a department, 单位预算 of one of its units): the nine budget tables, the
figures the 预算编制说明 states, and the other matters (其他相关情况说明).

A budget prints its tables in 元 and its words in 万元 (the “三公” table in 万元 too): each table
says its unit (``PrintedTable.money_unit``).  Every figure keeps the value it prints; binding
marks a figure printed in another unit than the report's (``meta.money_unit``) with the factor
between the two (``figure.ScaledStated``), and a rule that compares figures of two units converts
them exactly (``rules.base.in_one_unit``): 1,234,567.89 元 is 123.456789 万元, never rounded.

The shapes are the 决算's where the two agree: a row by 科目 (``ClassRow``) with its row total and
parts, an amount by fund (``ByFund``), the “三公” figures (``ThreePublicExpenses``), the other
matters (``OtherMatters``: 机关运行经费, 政府采购, 国有资产).
"""

from typing import ClassVar

from .figure import Amount, Code, Count, Field, Figure, Strict
from .narrative import Assets, ClassFigure, OtherMatters
from .tables import AppropriationRow, ByFund, ClassRow, GeneralBudgetRow, PrintedTable, ThreePublicExpenses, cell


# ---------------------------------------------------------------- 表1 财务收支预算总表
class BudgetIncomeSources(Strict):
    """The income side of 财务收支预算总表: 财政拨款收入 by fund, 事业收入, 经营收入, 其他收入."""

    appropriation: Figure | None = cell("财政拨款收入", "appropriation income", "the three funds together")
    general_budget: Figure | None = cell("一般公共预算资金", "general-budget funds")
    government_fund: Figure | None = cell("政府性基金", "government-fund funds")
    state_capital: Figure | None = cell("国有资本经营预算", "state-capital funds")
    business: Figure | None = cell("事业收入", "public-service income")
    operating: Figure | None = cell("事业单位经营收入", "operating income of public institutions")
    other: Figure | None = cell("其他收入", "other income")
    grand_total: Figure | None = cell("收入总计", "grand total income")


class NatureRow(Strict):
    """An amount by nature: 合计 = 人员经费 + 公用经费 (基本支出) + 项目支出.

    The 部门预算's 财务收支预算总表 prints only the 合计; the 单位预算's prints the parts too.
    """

    total: Figure | None = cell("合计", "total")
    personnel: Figure | None = cell("基本支出·人员经费", "basic expenditure: personnel")
    public: Figure | None = cell("基本支出·公用经费", "basic expenditure: public expenses")
    project: Figure | None = cell("项目支出", "project expenditure")

    ROW_TOTAL: ClassVar[str] = "total"
    ROW_PARTS: ClassVar[tuple[str, ...]] = ("personnel", "public", "project")


class NatureClassRow(ClassRow, NatureRow):
    """A 类 row of the expenditure side of 财务收支预算总表."""

    ROW_PARTS: ClassVar[tuple[str, ...]] = NatureRow.ROW_PARTS


class BudgetSummaryExpenditure(Strict):
    """The expenditure side of 财务收支预算总表: by 类, and 支出总计."""

    by_class: list[NatureClassRow] = Field(default_factory=list, title="按功能分类（类）", en="by functional class")
    grand_total: NatureRow | None = Field(None, title="支出总计", en="grand total expenditure")


class BudgetSummary(PrintedTable):
    """表1 财务收支预算总表: 收入总计 = 支出总计."""

    income: BudgetIncomeSources = Field(default_factory=BudgetIncomeSources, title="本年收入", en="income of the year")
    expenditure: BudgetSummaryExpenditure = Field(default_factory=BudgetSummaryExpenditure, title="本年支出", en="expenditure of the year")


# ---------------------------------------------------------------- 表2 收入预算总表
class BudgetIncomeRow(ClassRow):
    """A row of 收入预算总表: the income of one 类/款/项 by source."""

    total: Figure | None = cell("合计", "total")
    appropriation: Figure | None = cell("财政拨款收入", "appropriation income")
    business: Figure | None = cell("事业收入", "public-service income")
    operating: Figure | None = cell("事业单位经营收入", "operating income of public institutions")
    other: Figure | None = cell("其他收入", "other income")

    ROW_PARTS: ClassVar[tuple[str, ...]] = ("appropriation", "business", "operating", "other")


class BudgetIncomeByClass(PrintedTable):
    """表2 收入预算总表."""

    total: BudgetIncomeRow | None = Field(None, title="合计", en="total")
    rows: list[BudgetIncomeRow] = Field(default_factory=list, title="科目行", en="classified rows")


# ---------------------------------------------------------------- 表3, 5, 6, 7 by 科目: 合计 = 基本 + 项目
class BudgetByClass(PrintedTable):
    """A table by 科目 whose rows are 合计 = 基本支出 + 项目支出: 支出预算总表 and the three
    功能分类预算表 (一般公共预算, 政府性基金预算, 国有资本经营预算)."""

    total: GeneralBudgetRow | None = Field(None, title="合计", en="total")
    rows: list[GeneralBudgetRow] = Field(default_factory=list, title="科目行", en="classified rows")


# ---------------------------------------------------------------- 表4 财政拨款收支预算总表
class BudgetAppropriation(PrintedTable):
    """表4 财政拨款收支预算总表: income by fund, expenditure by 类 and fund."""

    income: ByFund = Field(default_factory=ByFund, title="财政拨款收入", en="appropriation income")
    income_grand_total: Figure | None = cell("收入总计", "grand total income")
    by_class: list[AppropriationRow] = Field(default_factory=list, title="财政拨款支出按功能分类（类）", en="appropriation expenditure by functional class")
    expenditure_grand_total: ByFund = Field(default_factory=ByFund, title="支出总计", en="grand total expenditure")


# ---------------------------------------------------------------- 表8 基本支出经济分类
class EconomicBudgetRow(Strict):
    """A row of the 基本支出 table by economic class: 合计 = 人员经费 + 公用经费."""

    code: Code | None = Field(None, title="经济分类科目编码", en="economic classification code", description="类 3 digits, 款 5; absent on the 合计 row")
    name: str | None = Field(None, title="科目名称", en="classification name")
    total: Figure | None = cell("合计", "total")
    personnel: Figure | None = cell("人员经费", "personnel expenses")
    public: Figure | None = cell("公用经费", "public expenses")

    ROW_TOTAL: ClassVar[str] = "total"
    ROW_PARTS: ClassVar[tuple[str, ...]] = ("personnel", "public")


class BasicBudgetByEconomicClass(PrintedTable):
    """表8 一般公共预算基本支出部门预算经济分类预算表."""

    total: EconomicBudgetRow | None = Field(None, title="合计", en="total")
    rows: list[EconomicBudgetRow] = Field(default_factory=list, title="经济分类行", en="economic-class rows")


# ---------------------------------------------------------------- 表9 “三公”经费和机关运行经费
class BudgetThreePublicTable(ThreePublicExpenses, PrintedTable):
    """表9 “三公”经费和机关运行经费预算表 (printed in 万元)."""

    operating_costs: Figure | None = cell("机关运行经费预算数", "budgeted operating costs")


class BudgetTables(Strict):
    """The nine tables of a Shanghai district budget; each optional."""

    summary: BudgetSummary | None = Field(None, title="表1 财务收支预算总表", en="table 1: budget of income and expenditure")
    income: BudgetIncomeByClass | None = Field(None, title="表2 收入预算总表", en="table 2: income budget")
    expenditure: BudgetByClass | None = Field(None, title="表3 支出预算总表", en="table 3: expenditure budget")
    appropriation: BudgetAppropriation | None = Field(None, title="表4 财政拨款收支预算总表", en="table 4: appropriation budget")
    general_budget: BudgetByClass | None = Field(None, title="表5 一般公共预算支出功能分类预算表", en="table 5: general-budget expenditure by function")
    government_fund: BudgetByClass | None = Field(None, title="表6 政府性基金预算支出功能分类预算表", en="table 6: government-fund expenditure by function")
    state_capital: BudgetByClass | None = Field(None, title="表7 国有资本经营预算支出功能分类预算表", en="table 7: state-capital expenditure by function")
    basic: BasicBudgetByEconomicClass | None = Field(None, title="表8 一般公共预算基本支出部门预算经济分类预算表", en="table 8: general-budget basic expenditure by economic class")
    three_public: BudgetThreePublicTable | None = Field(None, title="表9 “三公”经费和机关运行经费预算表", en="table 9: “three public” and operating costs budget")


# ---------------------------------------------------------------- 预算编制说明
class BudgetIncomeStatement(Strict):
    """“收入预算X万元，其中：财政拨款收入Y万元，比上年预算增加Z万元；事业收入…”."""

    total: Figure | None = cell("收入预算", "income budget")
    appropriation: Figure | None = cell("财政拨款收入", "appropriation income", "its change is against last year's budget")
    business: Figure | None = cell("事业收入", "public-service income")
    operating: Figure | None = cell("事业单位经营收入", "operating income of public institutions")
    other: Figure | None = cell("其他收入", "other income")


class BudgetExpenditureStatement(Strict):
    """“支出预算X万元，其中：财政拨款支出预算Y万元…；一般公共预算拨款支出预算…”."""

    total: Figure | None = cell("支出预算", "expenditure budget")
    appropriation: Figure | None = cell("财政拨款支出预算", "appropriation expenditure budget")
    general_budget: Figure | None = cell("一般公共预算拨款支出预算", "general-budget appropriation expenditure budget")
    government_fund: Figure | None = cell("政府性基金拨款支出预算", "government-fund appropriation expenditure budget")
    state_capital: Figure | None = cell("国有资本经营预算拨款支出预算", "state-capital appropriation expenditure budget")


class BudgetItem(ClassFigure):
    """One 项 of “财政拨款支出主要内容”: its amount (the headline, “…（项）”25.77万元), what it is
    mainly used for, and — in editions that say so — last year's execution (``prior``), this
    year's arrangement (``arranged``) and the change % against last year's execution."""

    arranged: Amount | None = Field(None, title="本年预算安排", en="amount arranged this year", description="“2024年预算安排25.77万元”: must equal the headline amount")


class BudgetStatement(Strict):
    """预算编制说明: income and expenditure by fund, and the main items by 项 (in 万元)."""

    income: BudgetIncomeStatement | None = Field(None, title="收入预算", en="income budget")
    expenditure: BudgetExpenditureStatement | None = Field(None, title="支出预算", en="expenditure budget")
    reason: str | None = Field(None, title="财政拨款收支增减的主要原因", en="main reason for the change in appropriations")
    items: list[BudgetItem] = Field(default_factory=list, title="财政拨款支出主要内容（按项）", en="appropriation expenditure by item")


# ---------------------------------------------------------------- 其他相关情况说明
class PerformanceTargets(Strict):
    """绩效目标设置情况: how many projects report targets, and the money they involve."""

    units: Count | None = Field(None, title="开展编报的预算单位（个）", en="budget units setting targets")
    projects: Count | None = Field(None, title="编报绩效目标的项目（个）", en="projects with performance targets")
    amount: Figure | None = cell("涉及项目预算资金", "project budget covered")


class BudgetAssets(Assets):
    """国有资产占有使用情况, and what the budget plans to buy."""

    vehicles_planned: Count | None = Field(None, title="预算安排购置车辆（辆）", en="vehicles to be purchased")
    equipment_planned: Count | None = Field(None, title="预算安排购置单价100万元（含）以上设备（台套）", en="equipment of 1 million yuan or more to be purchased")


class BudgetOther(OtherMatters):
    """其他相关情况说明: “三公” (each figure with its change against last year's budget),
    机关运行经费, 政府采购, 绩效目标, 国有资产."""

    three_public: ThreePublicExpenses | None = Field(None, title="“三公”经费预算", en="“three public” budget")
    performance_targets: PerformanceTargets | None = Field(None, title="绩效目标设置情况", en="performance targets")
    assets: BudgetAssets | None = Field(None, title="国有资产占有使用情况", en="state assets held")


# ---------------------------------------------------------------- 项目经费情况说明
class PlannedAmount(Figure):
    """One line of a project's 年度预算安排: “支持企业规模化发展870.00万”, “第一季度用款计划158.05万元”."""

    name: str = Field(title="名称", en="name")


class BudgetProject(Strict):
    """One project of 项目经费情况说明, and its 年度预算安排: the total, its parts, the 合计 printed."""

    name: str = Field(title="项目", en="project", description="the heading as printed, e.g. 科技创新专项经费情况说明")
    total: Figure | None = cell("项目总预算", "project total budget")
    parts: list[PlannedAmount] = Field(default_factory=list, title="年度预算安排（分项）", en="amounts arranged for the year")
    stated_total: Figure | None = cell("合计", "total", "the 合计 printed after the parts")


class Budget(Strict):
    """A 部门预算 or 单位预算: its tables (in 元), the 预算编制说明 and the other matters (in 万元)."""

    tables: BudgetTables | None = Field(None, title="预算表", en="budget tables")
    statement: BudgetStatement | None = Field(None, title="预算编制说明", en="budget explanation")
    other: BudgetOther | None = Field(None, title="其他相关情况说明", en="other matters")
    projects: list[BudgetProject] = Field(default_factory=list, title="项目经费情况说明", en="project funding")
