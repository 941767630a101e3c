"""The written explanation (情况说明): every figure it quotes, with its stated share and changes.

Each statement group has a ``total``; a stated share of a figure in the group is, unless the figure
says ``share_of``, a share of that total (``SHARE_BASE``).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from .figure import Code, Count, Figure, LocalizedValueError, Strict
from .tables import ExpenditureByNature, IncomeSources, ThreePublicExpenses, cell


class IncomeStatement(IncomeSources):
    """二、收入决算情况: 本年收入合计 and its sources."""

    total: Figure | None = cell("本年收入合计")
    appropriation: Figure | None = cell("财政拨款收入", "the three funds together, when the text gives one figure")

    SHARE_BASE: ClassVar[str | None] = "total"

    @model_validator(mode="after")
    def _appropriation_or_funds(self) -> IncomeStatement:
        if self.appropriation is not None and any((self.general_budget, self.government_fund, self.state_capital)):
            raise LocalizedValueError("value.income_both")  # otherwise the sum would count them twice
        return self


class ExpenditureStatement(ExpenditureByNature):
    """三、支出决算情况: 本年支出合计 by nature."""

    SHARE_BASE: ClassVar[str | None] = "total"


class ClassFigure(Figure):
    """A figure the text gives for one 类/款/项, e.g. “住房保障支出39.2万元，占7.83%”."""

    code: Code | None = Field(None, title="科目编码")
    name: str = Field(title="科目名称")
    wording: str | None = Field(
        None, title="原文科目表述", description="the wording as printed, e.g. “一般公共服务（类）政协事务（类）行政运行（项）”"
    )
    purpose: str | None = Field(None, title="主要用途", description="what the text says it is mainly used for (主要用于：…)")


class GeneralBudgetStatement(Strict):
    """五、一般公共预算财政拨款支出: total (with its share of 本年支出合计), by 类, and in detail."""

    total: Figure | None = cell("一般公共预算财政拨款支出", "its share_pct is of 本年支出合计 unless share_of says otherwise")
    by_class: list[ClassFigure] = Field(default_factory=list, title="结构情况（按类）")
    items: list[ClassFigure] = Field(default_factory=list, title="具体情况（按项）")

    SHARE_BASE: ClassVar[str | None] = "total"
    TOTAL_SHARE_BASE: ClassVar[str | None] = "narrative.expenditure.total"


class BasicStatement(Strict):
    """六、一般公共预算财政拨款基本支出: 人员经费 and 公用经费."""

    total: Figure | None = cell("一般公共预算财政拨款基本支出")
    personnel: Figure | None = cell("人员经费")
    public: Figure | None = cell("公用经费")

    SHARE_BASE: ClassVar[str | None] = "total"


class NilStatement(Strict):
    """A statement that the report has none of something: “2024年度无政府性基金预算财政拨款收入和支出。”"""

    about: str = Field(title="所指事项", description="three_public, government_fund, state_capital, operating_costs …")
    text: str = Field(title="原文")


class Narrative(Strict):
    """第二/三部分 情况说明: the figures the written explanation quotes."""

    total: Figure | None = cell("收入支出总计")
    income: IncomeStatement | None = Field(None, title="收入决算情况")
    expenditure: ExpenditureStatement | None = Field(None, title="支出决算情况")
    appropriation_total: Figure | None = cell("财政拨款收入支出总计")
    general_budget: GeneralBudgetStatement | None = Field(None, title="一般公共预算财政拨款支出")
    basic: BasicStatement | None = Field(None, title="一般公共预算财政拨款基本支出")
    three_public: ThreePublicExpenses | None = Field(None, title="“三公”经费")
    government_fund_expenditure: Figure | None = cell("政府性基金预算财政拨款支出")
    state_capital_expenditure: Figure | None = cell("国有资本经营预算财政拨款支出")
    nil_statements: list[NilStatement] = Field(default_factory=list, title="无此项说明", description="“本年度无…” as printed")


class Procurement(Strict):
    """政府采购: total = 货物 + 工程 + 服务."""

    total: Figure | None = cell("政府采购支出总额")
    goods: Figure | None = cell("货物采购")
    works: Figure | None = cell("工程采购")
    services: Figure | None = cell("服务采购")
    sme_reserved: Figure | None = cell("面向中小企业预留")
    small_micro_reserved: Figure | None = cell("面向小微企业预留")
    sme_awarded_reserved: Figure | None = cell("预留项目中由中小企业中标或成交")
    small_micro_awarded_reserved: Figure | None = cell("小微企业预留项目中由小微企业中标或成交")
    sme_awarded_other: Figure | None = cell("其他项目中由中小企业中标或成交")

    SHARE_BASE: ClassVar[str | None] = "total"


class Assets(Strict):
    """国有资产占有使用情况 (counts as stated)."""

    vehicles: Count | None = Field(None, title="车辆（辆）")
    general_equipment_over_500k: Count | None = Field(None, title="单价50万元以上通用设备（台套）")
    special_equipment_over_1m: Count | None = Field(None, title="单价100万元以上专用设备（台套）")
    equipment_over_1m: Count | None = Field(None, title="单价100万元（含）以上设备（台套）")
    note: str | None = Field(None, title="说明")


class OtherMatters(Strict):
    """其他重要事项: 机关运行经费, 政府采购, 国有资产."""

    operating_costs: Figure | None = cell("机关运行经费")
    procurement: Procurement | None = Field(None, title="政府采购支出")
    assets: Assets | None = Field(None, title="国有资产占有使用情况")
