"""The identities a budget (部门预算 / 单位预算) must satisfy, declared as data — the same kinds of
identity as the 决算's (``identities.py``), read by the same resolver, checked by the same rules.

Paths start at the report's ``budget`` section (``model/budget.py``).  The tables print 元 and
the text 万元: an identity that joins them is written like any other, and the equation
mechanism compares its figures in one unit, exactly (``base.in_one_unit``).
"""

from __future__ import annotations

from ..model.budget import BudgetIncomeRow, EconomicBudgetRow, NatureRow
from ..model.tables import ByFund, GeneralBudgetRow
from .identities import Balance, Hierarchy, Match, Same, Sum, _columns, _each, _three_public_sums

T = "budget.tables"
S = "budget.statement"
O = "budget.other"  # noqa: E741 - the other matters, as T and S

_FUNDS = ("general_budget", "government_fund", "state_capital")
_BY_CLASS_TABLES = ("expenditure", "general_budget", "government_fund", "state_capital")
_FUNCTIONAL_TABLES = ("general_budget", "government_fund", "state_capital")  # 表5–7: one fund each
_THREE_PUBLIC_FIGURES = ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")

# --------------------------------------------------------------------------- FR101: stated sums
SUMS: tuple[Sum, ...] = (
    Sum(f"{T}.summary.income.appropriation", _each(f"{T}.summary.income.{{}}", _FUNDS)),
    Sum(f"{T}.summary.income.grand_total", _each(f"{T}.summary.income.{{}}", ("appropriation", "business", "operating", "other"))),
    Sum(f"{T}.appropriation.income_grand_total", _each(f"{T}.appropriation.income.{{}}", _FUNDS)),
    Sum(f"{S}.income.total", _each(f"{S}.income.{{}}", ("appropriation", "business", "operating", "other"))),
    Sum(f"{S}.expenditure.appropriation", _each(f"{S}.expenditure.{{}}", _FUNDS)),
    Sum(f"{S}.expenditure.appropriation.change", _each(f"{S}.expenditure.{{}}.change", _FUNDS)),
    *_three_public_sums((f"{T}.three_public",), ("",)),
    *_three_public_sums((f"{O}.three_public",), ("", ".change")),
    Sum(f"{O}.procurement.total", _each(f"{O}.procurement.{{}}", ("goods", "works", "services"))),
    Sum("budget.projects[*].total", ("budget.projects[*].parts[*]",)),
    Sum("budget.projects[*].stated_total", ("budget.projects[*].parts[*]",)),
)

# --------------------------------------------------------------------------- FR102: 类/款/项
HIERARCHIES: tuple[Hierarchy, ...] = (
    Hierarchy(f"{T}.summary.expenditure.by_class", f"{T}.summary.expenditure.grand_total", _columns(NatureRow)),
    Hierarchy(f"{T}.income.rows", f"{T}.income.total", _columns(BudgetIncomeRow)),
    *(Hierarchy(f"{T}.{table}.rows", f"{T}.{table}.total", _columns(GeneralBudgetRow)) for table in _BY_CLASS_TABLES),
    Hierarchy(f"{T}.appropriation.by_class", f"{T}.appropriation.expenditure_grand_total", _columns(ByFund)),
    Hierarchy(f"{T}.basic.rows", f"{T}.basic.total", _columns(EconomicBudgetRow)),
)

# --------------------------------------------------------------------------- FR104: a budget balances
BALANCES: tuple[Balance, ...] = (
    Balance((f"{T}.summary.income.grand_total",), (f"{T}.summary.expenditure.grand_total.total",)),
    Balance((f"{T}.appropriation.income_grand_total",), (f"{T}.appropriation.expenditure_grand_total.total",)),
    # each fund: what it brings in is what it spends (the budget's 财政拨款 has no 结转 lines)
    *(Balance((f"{T}.appropriation.income.{fund}",), (f"{T}.appropriation.expenditure_grand_total.{fund}",)) for fund in _FUNDS),
    Balance((f"{S}.income.total",), (f"{S}.expenditure.total",)),
    Balance((f"{S}.income.appropriation",), (f"{S}.expenditure.appropriation",)),
)

# --------------------------------------------------------------------------- FR501: one figure, two places
CROSS_TABLE: tuple[Same | Match, ...] = (
    # 收入预算总表 against 财务收支预算总表
    Same(f"{T}.income.total.total", (f"{T}.summary.income.grand_total",)),
    *(Same(f"{T}.income.total.{name}", (f"{T}.summary.income.{name}",)) for name in BudgetIncomeRow.ROW_PARTS),
    # 支出预算总表 against 财务收支预算总表, and against 收入预算总表 科目 by 科目
    Same(f"{T}.expenditure.total.total", (f"{T}.summary.expenditure.grand_total.total",)),
    Same(f"{T}.expenditure.total.basic", (f"{T}.summary.expenditure.grand_total.personnel", f"{T}.summary.expenditure.grand_total.public")),
    Same(f"{T}.expenditure.total.project", (f"{T}.summary.expenditure.grand_total.project",)),
    Match(f"{T}.expenditure.rows", "total", f"{T}.summary.expenditure.by_class", "total"),
    Match(f"{T}.expenditure.rows", "project", f"{T}.summary.expenditure.by_class", "project"),
    Match(f"{T}.expenditure.rows", "total", f"{T}.income.rows", "total"),
    # 财政拨款收支预算总表 against 财务收支预算总表 and the 功能分类 tables, fund by fund
    Same(f"{T}.appropriation.income_grand_total", (f"{T}.summary.income.appropriation",)),
    *(Same(f"{T}.appropriation.income.{fund}", (f"{T}.summary.income.{fund}",)) for fund in _FUNDS),
    *(Same(f"{T}.{fund}.total.total", (f"{T}.appropriation.expenditure_grand_total.{fund}",)) for fund in _FUNCTIONAL_TABLES),
    *(Match(f"{T}.{fund}.rows", "total", f"{T}.appropriation.by_class", fund) for fund in _FUNCTIONAL_TABLES),
    # 一般公共预算基本支出: 功能分类 against 经济分类
    Same(f"{T}.general_budget.total.basic", (f"{T}.basic.total.total",)),
    # (an item's headline amount against its own “预算安排” is FR813's, which names the item)
)

# --------------------------------------------------------------------------- FR502: the text (万元) against the tables (元)
NARRATIVE: tuple[Same | Match, ...] = (
    Same(f"{S}.income.total", (f"{T}.summary.income.grand_total",)),
    *(Same(f"{S}.income.{name}", (f"{T}.summary.income.{name}",)) for name in ("appropriation", "business", "operating", "other")),
    Same(f"{S}.expenditure.total", (f"{T}.summary.expenditure.grand_total.total",)),
    Same(f"{S}.expenditure.appropriation", (f"{T}.appropriation.expenditure_grand_total.total",)),
    *(Same(f"{S}.expenditure.{fund}", (f"{T}.appropriation.expenditure_grand_total.{fund}",)) for fund in _FUNDS),
    *(Match(f"{S}.items", None, f"{T}.{fund}.rows", "total") for fund in _FUNCTIONAL_TABLES),
    *(Same(f"{O}.three_public.{name}", (f"{T}.three_public.{name}",)) for name in _THREE_PUBLIC_FIGURES),
    Same(f"{O}.operating_costs", (f"{T}.three_public.operating_costs",)),
)
