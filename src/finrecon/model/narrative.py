"""The written explanation (情况说明): every figure it quotes, with its stated share and changes.

Each statement group has a ``total``; a stated share of a figure in the group is, unless the figure
says ``share_of``, a share of that total (``SHARE_BASE``).
"""

from typing import ClassVar

from pydantic import model_validator

from .figure import Amount, Code, Count, Field, Figure, LocalizedValueError, Strict
from .tables import ExpenditureByNature, IncomeSources, ThreePublicExpenses, cell


class IncomeStatement(IncomeSources):
    """二、收入决算情况: 本年收入合计 and its sources."""

    total: Figure | None = cell("本年收入合计", "total income")
    appropriation: Figure | None = cell("财政拨款收入", "appropriation income", "the three funds together, when the text gives one figure")

    SHARE_BASE: ClassVar[str | None] = "total"

    @model_validator(mode="after")
    def _appropriation_or_funds(self) -> "IncomeStatement":
        if self.appropriation is not None and any((self.general_budget, self.government_fund, self.state_capital)):
            raise LocalizedValueError("value.income_both")  # otherwise the sum would count them twice
        return self


class ExpenditureStatement(ExpenditureByNature):
    """三、支出决算情况: 本年支出合计 by nature."""

    SHARE_BASE: ClassVar[str | None] = "total"


class ClassFigure(Figure):
    """A figure the text gives for one 类/款/项, e.g. “住房保障支出39.2万元，占7.83%”."""

    code: Code | None = Field(None, title="科目编码", en="classification code")
    name: str = Field(title="科目名称", en="classification name")
    wording: str | None = Field(
        None, title="原文科目表述", en="wording as printed", description="the wording as printed, e.g. “一般公共服务（类）政协事务（类）行政运行（项）”"
    )
    purpose: str | None = Field(None, title="主要用途", en="purpose", description="what the text says it is mainly used for (主要用于：…)")
    headline: Amount | None = Field(
        None, title="标题金额", en="headline amount",
        description="the amount printed after the item's 科目 (“…（项）32.00万元”), kept apart from its 支出决算 (value) where the item states both (FR813)",
    )


class GeneralBudgetStatement(Strict):
    """五、一般公共预算财政拨款支出: total (with its share of 本年支出合计), by 类, and in detail."""

    total: Figure | None = cell("一般公共预算财政拨款支出", "general-budget appropriation expenditure", "its share_pct is of 本年支出合计 unless share_of says otherwise")
    by_class: list[ClassFigure] = Field(default_factory=list, title="结构情况（按类）", en="structure (by class)")
    items: list[ClassFigure] = Field(default_factory=list, title="具体情况（按项）", en="detail (by item)")

    SHARE_BASE: ClassVar[str | None] = "total"
    TOTAL_SHARE_BASE: ClassVar[str | None] = "narrative.expenditure.total"


class BasicStatement(Strict):
    """六、一般公共预算财政拨款基本支出: 人员经费 and 公用经费."""

    total: Figure | None = cell("一般公共预算财政拨款基本支出", "general-budget basic expenditure")
    personnel: Figure | None = cell("人员经费", "personnel expenses")
    public: Figure | None = cell("公用经费", "public expenses")

    SHARE_BASE: ClassVar[str | None] = "total"


class FundStatement(Strict):
    """八/九、政府性基金 (国有资本经营) 预算财政拨款收入支出决算情况: “…收入X万元，支出Y万元，支出具体情况如下：”
    and each 项 as for 一般公共预算."""

    income: Figure | None = cell("本年收入", "income for the year")
    expenditure: Figure | None = cell("本年支出", "expenditure for the year")
    items: list[ClassFigure] = Field(default_factory=list, title="支出具体情况（按项）", en="expenditure by item")

    SHARE_BASE: ClassVar[str | None] = "expenditure"


class NilStatement(Strict):
    """A statement that the report has none of something: “2024年度无政府性基金预算财政拨款收入和支出。”"""

    about: str = Field(title="所指事项", en="what it is about", description="three_public, government_fund, state_capital, operating_costs …")
    text: str = Field(title="原文", en="text as printed")


class Narrative(Strict):
    """第二/三部分 情况说明: the figures the written explanation quotes."""

    total: Figure | None = cell("收入支出总计", "grand total of income and expenditure")
    income: IncomeStatement | None = Field(None, title="收入决算情况", en="income")
    expenditure: ExpenditureStatement | None = Field(None, title="支出决算情况", en="expenditure")
    appropriation_total: Figure | None = cell("财政拨款收入支出总计", "grand total of appropriation income and expenditure")
    general_budget: GeneralBudgetStatement | None = Field(None, title="一般公共预算财政拨款支出", en="general-budget appropriation expenditure")
    basic: BasicStatement | None = Field(None, title="一般公共预算财政拨款基本支出", en="general-budget basic expenditure")
    three_public: ThreePublicExpenses | None = Field(None, title="“三公”经费", en="“three public” spending")
    government_fund_expenditure: Figure | None = cell("政府性基金预算财政拨款支出", "government-fund appropriation expenditure")
    state_capital_expenditure: Figure | None = cell("国有资本经营预算财政拨款支出", "state-capital appropriation expenditure")
    government_fund: FundStatement | None = Field(None, title="政府性基金预算财政拨款收入支出", en="government-fund appropriation income and expenditure")
    state_capital: FundStatement | None = Field(None, title="国有资本经营预算财政拨款收入支出", en="state-capital appropriation income and expenditure")
    nil_statements: list[NilStatement] = Field(
        default_factory=list, title="无此项说明", en="statements of nil", description="“本年度无…” as printed"
    )


class Procurement(Strict):
    """政府采购: total = 货物 + 工程 + 服务."""

    total: Figure | None = cell("政府采购支出总额", "total government procurement")
    goods: Figure | None = cell("货物采购", "procurement of goods")
    works: Figure | None = cell("工程采购", "procurement of works")
    services: Figure | None = cell("服务采购", "procurement of services")
    sme_reserved: Figure | None = cell("面向中小企业预留", "reserved for small and medium enterprises")
    small_micro_reserved: Figure | None = cell("面向小微企业预留", "reserved for small and micro enterprises")
    sme_awarded_reserved: Figure | None = cell("预留项目中由中小企业中标或成交", "won by SMEs in reserved projects")
    small_micro_awarded_reserved: Figure | None = cell("小微企业预留项目中由小微企业中标或成交", "won by small and micro enterprises in projects reserved for them")
    sme_awarded_other: Figure | None = cell("其他项目中由中小企业中标或成交", "won by SMEs in other projects")

    SHARE_BASE: ClassVar[str | None] = "total"


class Assets(Strict):
    """国有资产占有使用情况 (counts as stated)."""

    vehicles: Count | None = Field(None, title="车辆（辆）", en="vehicles")
    general_equipment_over_500k: Count | None = Field(None, title="单价50万元以上通用设备（台套）", en="general equipment over 500 000 yuan a unit (sets)")
    special_equipment_over_1m: Count | None = Field(None, title="单价100万元以上专用设备（台套）", en="special equipment over 1 million yuan a unit (sets)")
    equipment_over_1m: Count | None = Field(None, title="单价100万元（含）以上设备（台套）", en="equipment of 1 million yuan a unit or more (sets)")
    note: str | None = Field(None, title="说明", en="note")


class OtherMatters(Strict):
    """其他重要事项: 机关运行经费, 政府采购, 国有资产."""

    operating_costs: Figure | None = cell("机关运行经费", "operating costs")
    procurement: Procurement | None = Field(None, title="政府采购支出", en="government procurement")
    assets: Assets | None = Field(None, title="国有资产占有使用情况", en="state-owned assets")
