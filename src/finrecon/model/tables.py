"""The nine standard tables of a 部门决算 (common template).

Rows of the functional-classification tables (2, 3, 4, 5, 8, 9) carry a 科目 code — 类 3 digits,
款 5, 项 7 — so that the engine can add 项 up to 款 and 款 up to 类.  Each row type declares which
column is the row's total and which columns make it up (``ROW_TOTAL`` / ``ROW_PARTS``): the row
sums are data, checked by one mechanism.
"""

from typing import ClassVar, Literal

from .figure import Code, Count, Field, Figure, Strict


def cell(title: str, en: str, description: str | None = None):  # noqa: ANN201 - a pydantic FieldInfo
    """An optional figure cell, titled as the report prints it and in English: a blank cell in the
    printed table is simply left out."""
    return Field(None, title=title, en=en, description=description)


class ClassRow(Strict):
    """A row of a table by functional classification (类/款/项)."""

    code: Code | None = Field(None, title="科目编码", en="classification code", description="类 3 digits, 款 5, 项 7; absent on the 合计 row")
    name: str | None = Field(None, title="科目名称", en="classification name")

    ROW_TOTAL: ClassVar[str] = "total"
    ROW_PARTS: ClassVar[tuple[str, ...]] = ()


class PrintedTable(Strict):
    """What a table prints besides its figures: its title, who compiled it, its money unit, its notes."""

    title: str | None = Field(None, title="表名", en="title", description="the title as printed")
    compiler: str | None = Field(None, title="编制单位", en="compiled by", description="the 编制单位/编制部门 line as printed")
    money_unit: Literal["万元", "元"] | None = Field(
        None, title="金额单位", en="money unit", description="the table's own unit (单位：万元); by default the report's"
    )
    notes: list[str] = Field(default_factory=list, title="表注", en="notes", description="注/说明 under the table, as printed")
    empty_statement: str | None = Field(
        None, title="空表说明", en="empty-table statement", description="the note an empty table must carry, e.g. “本单位无…支出，故本表无数据。”"
    )


# ---------------------------------------------------------------- 表1 收入支出决算总表
class IncomeSources(Strict):
    """Income by source, as table 1 and the narrative give it."""

    general_budget: Figure | None = cell("一般公共预算财政拨款收入", "general-budget appropriation income")
    government_fund: Figure | None = cell("政府性基金预算财政拨款收入", "government-fund appropriation income")
    state_capital: Figure | None = cell("国有资本经营预算财政拨款收入", "state-capital appropriation income")
    superior_subsidy: Figure | None = cell("上级补助收入", "subsidies from the superior")
    business: Figure | None = cell("事业收入", "public-service income")
    operating: Figure | None = cell("经营收入", "operating income")
    subordinate_remittance: Figure | None = cell("附属单位上缴收入", "remittances from subordinate units")
    other: Figure | None = cell("其他收入", "other income")


class SummaryIncome(IncomeSources):
    """Income side of table 1."""

    total: Figure | None = cell("本年收入合计", "total income")
    non_appropriation_balance_used: Figure | None = cell(
        "使用非财政拨款结余", "non-appropriation balance used", "使用非财政拨款结余（含专用结余）; before 2019: 用事业基金弥补收支差额"
    )
    opening_balance: Figure | None = cell("年初结转和结余", "opening carry-over and balance")
    grand_total: Figure | None = cell("收入总计", "grand total income")


class ClassAmount(Strict):
    """One 类 line of table 1's expenditure side."""

    code: Code | None = Field(None, title="科目编码", en="classification code")
    name: str = Field(title="科目名称", en="classification name")
    amount: Figure | None = Field(None, title="决算数", en="actual", description="blank in the printed table: left out")


class SummaryExpenditure(Strict):
    """Expenditure side of table 1."""

    by_class: list[ClassAmount] = Field(default_factory=list, title="按功能分类（类）", en="by functional class")
    total: Figure | None = cell("本年支出合计", "total expenditure")
    balance_distribution: Figure | None = cell("结余分配", "balance distribution")
    closing_balance: Figure | None = cell("年末结转和结余", "closing carry-over and balance")
    grand_total: Figure | None = cell("支出总计", "grand total expenditure")


class IncomeExpenditureSummary(PrintedTable):
    """表1 收入支出决算总表."""

    income: SummaryIncome = Field(default_factory=SummaryIncome, title="收入", en="income")
    expenditure: SummaryExpenditure = Field(default_factory=SummaryExpenditure, title="支出", en="expenditure")


# ---------------------------------------------------------------- 表2 收入决算表
class IncomeRow(ClassRow):
    """A row of table 2: income of one 类/款/项 by source."""

    total: Figure | None = cell("本年收入合计", "total income")
    appropriation: Figure | None = cell("财政拨款收入", "appropriation income")
    superior_subsidy: Figure | None = cell("上级补助收入", "subsidies from the superior")
    business: Figure | None = cell("事业收入", "public-service income")
    operating: Figure | None = cell("经营收入", "operating income")
    subordinate_remittance: Figure | None = cell("附属单位上缴收入", "remittances from subordinate units")
    other: Figure | None = cell("其他收入", "other income")

    ROW_PARTS: ClassVar[tuple[str, ...]] = (
        "appropriation", "superior_subsidy", "business", "operating", "subordinate_remittance", "other",
    )


class IncomeByClass(PrintedTable):
    """表2 收入决算表."""

    total: IncomeRow | None = Field(None, title="合计", en="total row")
    rows: list[IncomeRow] = Field(default_factory=list, title="科目行", en="classified rows")


# ---------------------------------------------------------------- 表3 支出决算表
class ExpenditureByNature(Strict):
    """Expenditure by nature, as table 3 and the narrative give it."""

    total: Figure | None = cell("本年支出合计", "total expenditure")
    basic: Figure | None = cell("基本支出", "basic expenditure")
    project: Figure | None = cell("项目支出", "project expenditure")
    remit_to_superior: Figure | None = cell("上缴上级支出", "remittances to the superior")
    operating: Figure | None = cell("经营支出", "operating expenditure")
    subsidy_to_subordinate: Figure | None = cell("对附属单位补助支出", "subsidies to subordinate units")


class ExpenditureRow(ClassRow, ExpenditureByNature):
    """A row of table 3: expenditure of one 类/款/项 by nature."""

    ROW_PARTS: ClassVar[tuple[str, ...]] = (
        "basic", "project", "remit_to_superior", "operating", "subsidy_to_subordinate",
    )


class ExpenditureByClass(PrintedTable):
    """表3 支出决算表."""

    total: ExpenditureRow | None = Field(None, title="合计", en="total row")
    rows: list[ExpenditureRow] = Field(default_factory=list, title="科目行", en="classified rows")


# ---------------------------------------------------------------- 表4 财政拨款收入支出决算总表
class ByFund(Strict):
    """An amount split by fund: 一般公共预算 / 政府性基金预算 / 国有资本经营预算."""

    total: Figure | None = cell("合计", "total")
    general_budget: Figure | None = cell("一般公共预算财政拨款", "general-budget appropriation")
    government_fund: Figure | None = cell("政府性基金预算财政拨款", "government-fund appropriation")
    state_capital: Figure | None = cell("国有资本经营预算财政拨款", "state-capital appropriation")

    ROW_TOTAL: ClassVar[str] = "total"
    ROW_PARTS: ClassVar[tuple[str, ...]] = ("general_budget", "government_fund", "state_capital")
    NAMED_BY_FIELD: ClassVar[bool] = True  # “年初财政拨款结转和结余·一般公共预算财政拨款”, not the fund alone


class AppropriationRow(ByFund):
    """A 类 row of table 4's expenditure side."""

    code: Code | None = Field(None, title="科目编码", en="classification code")
    name: str | None = Field(None, title="科目名称", en="classification name")


class AppropriationSummary(PrintedTable):
    """表4 财政拨款收入支出决算总表."""

    income: ByFund = Field(default_factory=ByFund, title="本年收入", en="income for the year", description="total = 本年收入合计")
    opening_balance: ByFund = Field(default_factory=ByFund, title="年初财政拨款结转和结余", en="opening appropriation carry-over and balance")
    income_grand_total: Figure | None = cell("收入总计", "grand total income")
    by_class: list[AppropriationRow] = Field(default_factory=list, title="支出按功能分类（类）", en="expenditure by functional class")
    expenditure: ByFund = Field(default_factory=ByFund, title="本年支出合计", en="total expenditure")
    closing_balance: ByFund = Field(default_factory=ByFund, title="年末财政拨款结转和结余", en="closing appropriation carry-over and balance")
    expenditure_grand_total: ByFund = Field(default_factory=ByFund, title="支出总计", en="grand total expenditure")


# ---------------------------------------------------------------- 表5 一般公共预算财政拨款支出决算表
class GeneralBudgetRow(ClassRow):
    """A row of table 5: 一般公共预算 appropriation spent on one 类/款/项."""

    total: Figure | None = cell("合计", "total")
    basic: Figure | None = cell("基本支出", "basic expenditure")
    project: Figure | None = cell("项目支出", "project expenditure")

    ROW_PARTS: ClassVar[tuple[str, ...]] = ("basic", "project")


class GeneralBudgetByClass(PrintedTable):
    """表5 一般公共预算财政拨款支出决算表."""

    total: GeneralBudgetRow | None = Field(None, title="合计", en="total row")
    rows: list[GeneralBudgetRow] = Field(default_factory=list, title="科目行", en="classified rows")


# ---------------------------------------------------------------- 表6 基本支出决算表（经济分类）
class EconomicRow(Strict):
    """A row of table 6 by economic class (301 工资福利支出, 30101 基本工资 …)."""

    code: Code = Field(title="经济分类科目编码", en="economic classification code", description="类 3 digits, 款 5")
    name: str | None = Field(None, title="科目名称", en="classification name")
    amount: Figure | None = Field(None, title="决算数", en="actual", description="blank in the printed table: left out")


class BasicExpenditureByEconomicClass(PrintedTable):
    """表6 一般公共预算财政拨款基本支出决算表."""

    rows: list[EconomicRow] = Field(default_factory=list, title="经济分类行", en="economic-class rows")
    personnel_total: Figure | None = cell("人员经费合计", "total personnel expenses", "= 301 工资福利支出 + 303 对个人和家庭的补助")
    public_total: Figure | None = cell("公用经费合计", "total public expenses", "= 302 商品和服务支出 + 310 资本性支出 + other classes")
    total: Figure | None = cell("基本支出合计", "total basic expenditure")

    PERSONNEL_CLASSES: ClassVar[frozenset[str]] = frozenset({"301", "303"})


# ---------------------------------------------------------------- 表7 三公经费
class ThreePublicExpenses(Strict):
    """“三公”经费: 因公出国（境）费, 公务用车购置及运行费 (= 购置 + 运行), 公务接待费.

    Used by table 7 and by the narrative; each figure may carry its budget and completion rate.
    """

    total: Figure | None = cell("“三公”经费合计", "total “three public” spending")
    outbound: Figure | None = cell("因公出国（境）费", "spending on outbound (overseas) travel")
    vehicle: Figure | None = cell("公务用车购置及运行（维护）费", "spending on official vehicles (purchase and operation)")
    vehicle_purchase: Figure | None = cell("公务用车购置费", "spending on official vehicle purchase")
    vehicle_operation: Figure | None = cell("公务用车运行（维护）费", "spending on official vehicle operation (maintenance)")
    reception: Figure | None = cell("公务接待费", "spending on official receptions")
    domestic_reception: Figure | None = cell("国内公务接待费", "spending on domestic official receptions")
    domestic_foreign_reception: Figure | None = cell(
        "国内公务接待费中的外宾接待费", "foreign guests received within domestic receptions", "printed as included in 国内接待 (含外宾接待)"
    )
    foreign_reception: Figure | None = cell("外事接待费", "spending on foreign-affairs receptions")
    outbound_groups: Count | None = Field(None, title="因公出国（境）团组数", en="number of outbound delegations")
    outbound_people: Count | None = Field(None, title="因公出国（境）人次", en="number of outbound travellers")
    vehicles_purchased: Count | None = Field(None, title="购置公务用车（辆）", en="number of official vehicles purchased")
    vehicles_owned: Count | None = Field(None, title="公务用车保有量（辆）", en="number of official vehicles kept")
    domestic_reception_batches: Count | None = Field(None, title="国内公务接待批次", en="number of domestic receptions")
    domestic_reception_people: Count | None = Field(None, title="国内公务接待人次", en="number of people received at domestic receptions")
    foreign_reception_batches: Count | None = Field(None, title="外事接待批次", en="number of foreign-affairs receptions")
    foreign_reception_people: Count | None = Field(None, title="外事接待人次", en="number of people received at foreign-affairs receptions")

    SHARE_BASE: ClassVar[str | None] = "total"


class ThreePublicTable(ThreePublicExpenses, PrintedTable):
    """表7 财政拨款“三公”经费支出决算表."""


# ---------------------------------------------------------------- 表8/9 政府性基金、国有资本经营
class FundRow(ClassRow):
    """A row of table 8 or 9."""

    opening_balance: Figure | None = cell("年初结转和结余", "opening carry-over and balance")
    income: Figure | None = cell("本年收入", "income for the year")
    expenditure: Figure | None = cell("本年支出小计", "expenditure for the year")
    basic: Figure | None = cell("基本支出", "basic expenditure")
    project: Figure | None = cell("项目支出", "project expenditure")
    closing_balance: Figure | None = cell("年末结转和结余", "closing carry-over and balance")

    ROW_TOTAL: ClassVar[str] = "expenditure"
    ROW_PARTS: ClassVar[tuple[str, ...]] = ("basic", "project")


class FundTable(PrintedTable):
    """表8 政府性基金预算 / 表9 国有资本经营预算 财政拨款收入支出决算表."""

    total: FundRow | None = Field(None, title="合计", en="total row")
    rows: list[FundRow] = Field(default_factory=list, title="科目行", en="classified rows")


class Tables(Strict):
    """The nine standard tables; each optional."""

    summary: IncomeExpenditureSummary | None = Field(None, title="表1 收入支出决算总表", en="table 1 (income and expenditure summary)")
    income: IncomeByClass | None = Field(None, title="表2 收入决算表", en="table 2 (income by classification)")
    expenditure: ExpenditureByClass | None = Field(None, title="表3 支出决算表", en="table 3 (expenditure by classification)")
    appropriation: AppropriationSummary | None = Field(None, title="表4 财政拨款收入支出决算总表", en="table 4 (appropriation income and expenditure summary)")
    general_budget: GeneralBudgetByClass | None = Field(None, title="表5 一般公共预算财政拨款支出决算表", en="table 5 (general-budget appropriation expenditure)")
    basic: BasicExpenditureByEconomicClass | None = Field(None, title="表6 一般公共预算财政拨款基本支出决算表", en="table 6 (general-budget basic expenditure by economic class)")
    three_public: ThreePublicTable | None = Field(None, title="表7 财政拨款“三公”经费支出决算表", en="table 7 (appropriation “three public” spending)")
    government_fund: FundTable | None = Field(None, title="表8 政府性基金预算财政拨款收入支出决算表", en="table 8 (government-fund appropriation income and expenditure)")
    state_capital: FundTable | None = Field(None, title="表9 国有资本经营预算财政拨款收入支出决算表", en="table 9 (state-capital appropriation income and expenditure)")
