"""The identities a 部门决算 must satisfy, declared as data, and the one resolver that reads them.

Paths are the report paths of ``Figure.path`` (``tables.summary.income.total``); a trailing
``.budget`` / ``.prior`` / ``.change`` means that attribute of the figure; ``[*]`` means every item
of a list: on the right side of an identity, the sum over the items; in the path the identity
is about (a sum's total, an equality's left side) one identity per item, the same ``[*]`` on the
right standing for the same item.  A figure the report leaves out is simply absent: a sum is
checked when its total and at least one part are stated (a blank cell counts as zero), an
equality when both sides are.

A figure the report printed but the reader could not read or place is *unknown*, not a blank
(``model/unknown.py``): an equation with an absent term where the report says a figure is
unknown, or a sum over a list that misses an item, carries that place in ``Equation.unknown``
and is not evaluated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator

from pydantic import BaseModel

from ..model import Report
from ..model.bind import field_titles
from ..model.figure import PATH_PART
from ..model.tables import ByFund, ExpenditureRow, FundRow, GeneralBudgetRow, IncomeRow, IncomeSources
from .base import Equation, Stated


# --------------------------------------------------------------------------- kinds of identity
@dataclass(frozen=True)
class Sum:
    """``total`` equals the sum of ``parts``; ``counts``: they are counts (项目个数), exact integers."""

    total: str
    parts: tuple[str, ...]
    counts: bool = False


@dataclass(frozen=True)
class AtMost:
    """The sum of ``parts`` is at most ``total``: parts of a whole that need not cover all of it."""

    parts: tuple[str, ...]
    total: str


@dataclass(frozen=True)
class Same:
    """The figure at ``left`` equals the sum of the figures at ``right`` (usually just one)."""

    left: str
    right: tuple[str, ...]


@dataclass(frozen=True)
class Balance:
    """What comes in equals what goes out: Σ ``inflow`` = Σ ``outflow``."""

    inflow: tuple[str, ...]
    outflow: tuple[str, ...]


@dataclass(frozen=True)
class Hierarchy:
    """类 = Σ 款 = Σ 项 by 科目 code, in every column; the total row = Σ top-level rows.

    ``rows`` holds the parents; ``children`` (default: the same list) the rows summed into them.
    ``columns`` are the figure fields of a row; ``None`` means each row is itself a figure.
    """

    rows: str
    total: str | None
    columns: tuple[str, ...] | None
    children: str | None = None
    printed: bool = False  # a list the text prints: an item no code places counts in the total; no 类 it may be under is checked


@dataclass(frozen=True)
class Match:
    """Rows of two lists with the same 科目 code carry the same amount."""

    left: str
    left_column: str | None
    right: str
    right_column: str | None


def _columns(row_type: type[BaseModel]) -> tuple[str, ...]:
    return (row_type.ROW_TOTAL, *row_type.ROW_PARTS)  # type: ignore[attr-defined]


def _each(template: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(template.format(name) for name in names)


_INCOME_SOURCES = tuple(IncomeSources.model_fields)
_FUNDS = ("total", "general_budget", "government_fund", "state_capital")
_THREE_PUBLIC = ("tables.three_public", "narrative.three_public")


def _three_public_sums(sections: tuple[str, ...] = _THREE_PUBLIC, attributes: tuple[str, ...] = ("", ".budget")) -> Iterator[Sum]:
    """The “三公” parts: total = 出国 + 用车 + 接待, 用车 = 购置 + 运行, 接待 = 国内 + 外事; for
    each figure and each of its ``attributes`` (its budget, its change …)."""
    for section in sections:
        for attribute in attributes:
            yield Sum(f"{section}.total{attribute}", _each(f"{section}.{{}}{attribute}", ("outbound", "vehicle", "reception")))
            yield Sum(f"{section}.vehicle{attribute}", _each(f"{section}.{{}}{attribute}", ("vehicle_purchase", "vehicle_operation")))
            yield Sum(f"{section}.reception{attribute}", _each(f"{section}.{{}}{attribute}", ("domestic_reception", "foreign_reception")))


# --------------------------------------------------------------------------- FR101: stated sums
SUMS: tuple[Sum, ...] = (
    Sum("tables.summary.income.total", _each("tables.summary.income.{}", _INCOME_SOURCES)),
    Sum("tables.summary.income.grand_total", _each("tables.summary.income.{}", ("total", "non_appropriation_balance_used", "opening_balance"))),
    Sum("tables.summary.expenditure.total", ("tables.summary.expenditure.by_class[*].amount",)),
    Sum("tables.summary.expenditure.grand_total", _each("tables.summary.expenditure.{}", ("total", "balance_distribution", "closing_balance"))),
    Sum("tables.appropriation.income_grand_total", ("tables.appropriation.income.total", "tables.appropriation.opening_balance.total")),
    *(
        Sum(f"tables.appropriation.expenditure_grand_total.{fund}", (f"tables.appropriation.expenditure.{fund}", f"tables.appropriation.closing_balance.{fund}"))
        for fund in _FUNDS
    ),
    Sum("tables.basic.total", ("tables.basic.personnel_total", "tables.basic.public_total")),
    *_three_public_sums(),
    Sum("narrative.income.total", _each("narrative.income.{}", ("appropriation", *_INCOME_SOURCES))),
    Sum("narrative.expenditure.total", _each("narrative.expenditure.{}", ExpenditureRow.ROW_PARTS)),
    Sum("narrative.basic.total", ("narrative.basic.personnel", "narrative.basic.public")),
    Sum("other.procurement.total", _each("other.procurement.{}", ("goods", "works", "services"))),
    # 预算绩效管理: each self-assessed project has one rating; each problem found is fixed or being fixed.
    Sum(
        "performance.management.self_assessment.projects",
        _each("performance.management.ratings.{}", ("excellent", "good", "passed", "failed")), counts=True,
    ),
    Sum("performance.management.problems_found", _each("performance.management.{}", ("problems_fixed", "problems_in_progress")), counts=True),
    # 绩效目标申报表: 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金; 项目资金总额 = 财政资金 + 其他资金
    Sum("performance.projects[*].funds.requested", _each("performance.projects[*].funds.{}", ("appropriation", "carried_over", "other"))),
    Sum("performance.projects[*].funds.total", _each("performance.projects[*].funds.{}", ("total_appropriation", "total_other"))),
)

# --------------------------------------------------------------------------- FR105: parts of a whole
AT_MOST: tuple[AtMost, ...] = (
    # 政府采购: what small and medium firms won, in reserved and in other projects, is part of the total.
    AtMost(_each("other.procurement.{}", ("sme_awarded_reserved", "sme_awarded_other")), "other.procurement.total"),
    # 公务接待: 外宾接待 printed as included in (含) 国内接待.
    *(AtMost((f"{section}.domestic_foreign_reception",), f"{section}.domestic_reception") for section in _THREE_PUBLIC),
)

# --------------------------------------------------------------------------- FR102: 类/款/项
HIERARCHIES: tuple[Hierarchy, ...] = (
    Hierarchy("tables.income.rows", "tables.income.total", _columns(IncomeRow)),
    Hierarchy("tables.expenditure.rows", "tables.expenditure.total", _columns(ExpenditureRow)),
    Hierarchy("tables.general_budget.rows", "tables.general_budget.total", _columns(GeneralBudgetRow)),
    Hierarchy("tables.appropriation.by_class", "tables.appropriation.expenditure", _columns(ByFund)),
    Hierarchy("tables.government_fund.rows", "tables.government_fund.total", ("opening_balance", "income", *_columns(FundRow), "closing_balance")),
    Hierarchy("tables.state_capital.rows", "tables.state_capital.total", ("opening_balance", "income", *_columns(FundRow), "closing_balance")),
    Hierarchy("tables.basic.rows", None, ("amount",)),
    Hierarchy("narrative.general_budget.by_class", "narrative.general_budget.total", None, printed=True),
    Hierarchy("narrative.general_budget.items", "narrative.general_budget.total", None, printed=True),
    Hierarchy("narrative.general_budget.by_class", None, None, children="narrative.general_budget.items", printed=True),
    *(Hierarchy(f"narrative.{fund}.items", f"narrative.{fund}.expenditure", None, printed=True) for fund in ("government_fund", "state_capital")),
)

# --------------------------------------------------------------------------- FR104: balances
BALANCES: tuple[Balance, ...] = (
    Balance(("tables.summary.income.grand_total",), ("tables.summary.expenditure.grand_total",)),
    Balance(("tables.appropriation.income_grand_total",), ("tables.appropriation.expenditure_grand_total.total",)),
    *(
        Balance(
            (f"tables.appropriation.opening_balance.{fund}", f"tables.appropriation.income.{fund}"),
            (f"tables.appropriation.expenditure.{fund}", f"tables.appropriation.closing_balance.{fund}"),
        )
        for fund in _FUNDS[1:]
    ),
    *(
        Balance((f"tables.{table}.{row}.opening_balance", f"tables.{table}.{row}.income"), (f"tables.{table}.{row}.expenditure", f"tables.{table}.{row}.closing_balance"))
        for table in ("government_fund", "state_capital")
        for row in ("total", "rows[*]")
    ),
)

# --------------------------------------------------------------------------- FR501: table against table
CROSS_TABLE: tuple[Same | Match, ...] = (
    Same("tables.income.total.total", ("tables.summary.income.total",)),
    Same("tables.income.total.appropriation", _each("tables.summary.income.{}", ("general_budget", "government_fund", "state_capital"))),
    *(Same(f"tables.income.total.{name}", (f"tables.summary.income.{name}",)) for name in ("superior_subsidy", "business", "operating", "subordinate_remittance", "other")),
    *(Same(f"tables.appropriation.income.{fund}", (f"tables.summary.income.{fund}",)) for fund in _FUNDS[1:]),
    Same("tables.expenditure.total.total", ("tables.summary.expenditure.total",)),
    Match("tables.expenditure.rows", "total", "tables.summary.expenditure.by_class", "amount"),
    Same("tables.general_budget.total.total", ("tables.appropriation.expenditure.general_budget",)),
    Match("tables.general_budget.rows", "total", "tables.appropriation.by_class", "general_budget"),
    Same("tables.general_budget.total.basic", ("tables.basic.personnel_total", "tables.basic.public_total")),
    Same("tables.government_fund.total.expenditure", ("tables.appropriation.expenditure.government_fund",)),
    Same("tables.state_capital.total.expenditure", ("tables.appropriation.expenditure.state_capital",)),
    Same("performance.appropriation_income.general_budget", ("narrative.income.general_budget",)),
    Same("performance.appropriation_expenditure.general_budget", ("narrative.general_budget.total",)),
)

# --------------------------------------------------------------------------- FR502: narrative against tables
NARRATIVE: tuple[Same | Match, ...] = (
    Same("narrative.total", ("tables.summary.income.grand_total",)),
    Same("narrative.income.total", ("tables.summary.income.total",)),
    *(Same(f"narrative.income.{name}", (f"tables.summary.income.{name}",)) for name in _INCOME_SOURCES),
    Same("narrative.income.appropriation", _each("tables.summary.income.{}", ("general_budget", "government_fund", "state_capital"))),
    Same("narrative.expenditure.total", ("tables.summary.expenditure.total",)),
    *(Same(f"narrative.expenditure.{name}", (f"tables.expenditure.total.{name}",)) for name in ExpenditureRow.ROW_PARTS),
    Same("narrative.appropriation_total", ("tables.appropriation.income_grand_total",)),
    Same("narrative.general_budget.total", ("tables.general_budget.total.total",)),
    Match("narrative.general_budget.by_class", None, "tables.general_budget.rows", "total"),
    Match("narrative.general_budget.items", None, "tables.general_budget.rows", "total"),
    Same("narrative.basic.total", ("tables.general_budget.total.basic",)),
    Same("narrative.basic.personnel", ("tables.basic.personnel_total",)),
    Same("narrative.basic.public", ("tables.basic.public_total",)),
    *(
        Same(f"narrative.three_public.{name}{attribute}", (f"tables.three_public.{name}{attribute}",))
        for name in ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
        for attribute in ("", ".budget")
    ),
    Same("narrative.government_fund_expenditure", ("tables.government_fund.total.expenditure",)),
    Same("narrative.state_capital_expenditure", ("tables.state_capital.total.expenditure",)),
    # 八/九: the 政府性基金 and 国有资本经营 statements, and their items, against tables 8 and 9 (as for 一般公共预算).
    *(
        spec
        for fund in ("government_fund", "state_capital")
        for spec in (
            Same(f"narrative.{fund}.income", (f"tables.{fund}.total.income",)),
            Same(f"narrative.{fund}.expenditure", (f"tables.{fund}.total.expenditure",)),
            Match(f"narrative.{fund}.items", None, f"tables.{fund}.rows", "expenditure"),
        )
    ),
)

# --------------------------------------------------------------------------- FR503: related, not identical
# 机关运行经费 against 公用经费, whose sources are listed in order of preference: the rule compares
# with the first one the report states (the narrative's, else table 6's).
RELATED: tuple[Same, ...] = (
    Same("other.operating_costs", ("narrative.basic.public",)),
    Same("other.operating_costs", ("tables.basic.public_total",)),
)


# =========================================================================== the resolver
def resolve(report: Report, paths: tuple[str, ...]) -> list[Stated]:
    """Every stated number at ``paths`` (one ``[*]`` in a path stands for each item of a list)."""
    numbers = report.numbers
    found = []
    for path in paths:
        if "[*]" not in path:
            item = numbers.get(path)
            if item is not None:
                found.append(item)
            continue
        head, _, tail = path.partition("[*]")
        if "[*]" in tail:
            raise ValueError(f"{path}: one [*] per identity path")
        for index in range(len(model_at(report, head) or ())):
            item = numbers.get(f"{head}[{index}]{tail}")
            if item is not None:
                found.append(item)
    return found


def unknown_term(report: Report, paths: tuple[str, ...], summing: bool = True) -> str | None:
    """Where one of ``paths`` is unknown, not blank: an absent figure where the report printed one
    that could not be read, a list (``[*]``) that misses an item that could not be placed, or —
    for a sum (``summing``) — any term where a figure could not be placed, which may be a part the
    sum misses.  ``None`` when every term is either stated or blank — the usual case, answered at once."""
    unknown = report.unknown
    if not unknown:
        return None
    numbers = report.numbers
    for path in paths:
        head = path.partition("[*]")[0]
        if summing and (region := unknown.unplaced_in(head)) is not None:
            return region
        if "[*]" not in path:
            if path not in numbers and (region := unknown.region_of(path)) is not None:
                return region
            continue
        tail = path.partition("[*]")[2]
        region = unknown.region_of(head)
        if region is not None:
            return region
        for index in range(len(model_at(report, head) or ())):
            item = f"{head}[{index}]{tail}"
            if item not in numbers and (region := unknown.region_of(item)) is not None:
                return region
    return None


def model_at(report: Report, path: str) -> Any:
    """The model object (or list) at a dotted path without wildcards (``budget.projects[0].parts``), or ``None``."""
    node: Any = report
    for part in _parts(path):
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = getattr(node, part, None)
        if node is None:
            return None
    return node


@functools.lru_cache(maxsize=1024)
def _parts(path: str) -> tuple[str | int, ...]:
    if "[" not in path:
        return tuple(path.split("."))
    return tuple(int(index) if index else name for name, index in PATH_PART.findall(path))


def _cells(rows: list[Any], column: str | None) -> tuple[Stated, ...]:
    """The stated figures of ``column`` in ``rows`` (each row is a figure when ``column`` is None)."""
    if column is None:
        return tuple([row.bound for row in rows])
    return tuple([figure.bound for row in rows if (figure := getattr(row, column)) is not None])


def _tree(parents: list[Any], children: list[Any]) -> tuple[tuple[tuple[int, tuple[int, ...]], ...], tuple[int, ...]]:
    """Which children sit directly under which parent (by position), and which children are top level.

    A child's parent is the closest row whose code is a prefix of its own (a missing 款 is skipped).
    """
    return _tree_of_codes(tuple([row.code for row in parents]), tuple([row.code for row in children]))


# The tree depends on the codes alone, and a batch of reports repeats the same tables' codes.
@functools.lru_cache(maxsize=1024)
def _tree_of_codes(parents: tuple[str | None, ...], children: tuple[str | None, ...]) -> tuple[tuple[tuple[int, tuple[int, ...]], ...], tuple[int, ...]]:
    known = {code: i for i, code in enumerate(parents) if code}
    under: dict[int, list[int]] = {}
    top: list[int] = []
    for index, code in enumerate(children):
        if not code:
            continue
        for length in range(len(code) - 2, 0, -2):
            ancestor = known.get(code[:length])
            if ancestor is not None:
                under.setdefault(ancestor, []).append(index)
                break
        else:
            top.append(index)
    return tuple((parent, tuple(indices)) for parent, indices in under.items()), tuple(top)


def hierarchy_equations(report: Report, spec: Hierarchy) -> list[Equation]:
    parents = model_at(report, spec.rows) or []
    children = model_at(report, spec.children) or [] if spec.children else parents
    if not parents and not children:
        return []
    under, top = _tree(parents, children)
    groups = [(parents[parent], indices) for parent, indices in under]
    total_row = model_at(report, spec.total) if spec.total else None
    unplaced = tuple(i for i, row in enumerate(children) if not row.code) if spec.printed else ()
    if unplaced:
        groups = []  # where an item no code places belongs is unknown: no 类 or 款 above it is checked
    if total_row is not None:
        groups.append((total_row, top + unplaced))  # every printed item counts in the total
    # A row the reader could not place may belong under any 类, or be one: no sum over the list is known.
    children_path = spec.children or spec.rows
    unknown = report.unknown
    missing = (unknown.region_of(children_path) or unknown.unplaced_in(children_path)) if unknown else None
    found = []
    for column in spec.columns or (None,):
        for parent, indices in groups:
            total = getattr(parent, column) if column else parent
            if total is None:
                continue  # a blank total is not checked: no need to gather its parts
            # ``_equation((total.bound,), _cells(rows, column))`` written out: the hot loop of FR102.
            cells = _cells([children[i] for i in indices], column)
            if cells:
                term = missing
                if unknown and term is None and column is not None:
                    term = unknown_term(report, tuple(f"{children_path}[{i}].{column}" for i in indices))
                found.append(Equation((total.bound,), cells, term))
    return found


def _equation(left: tuple[Stated, ...] | list[Stated], right: tuple[Stated, ...] | list[Stated], unknown: str | None = None) -> list[Equation]:
    """The equation ``left`` = Σ ``right`` when both sides state something (a blank cell is zero,
    an ``unknown`` one leaves the equation unevaluated)."""
    return [Equation(tuple(left), tuple(right), unknown)] if left and right else []


def _each_item(report: Report, anchor: str, paths: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """An identity about ``list[*]…``: one identity per item of the list, the same item on both sides."""
    head = anchor.partition("[*]")[0]
    marker = head + "[*]"
    for index in range(len(model_at(report, head) or ())):
        item = f"{head}[{index}]"
        yield anchor.replace(marker, item, 1), tuple(path.replace(marker, item, 1) for path in paths)


def sum_equations(report: Report, spec: Sum) -> list[Equation]:
    if "[*]" in spec.total:
        return [equation for total, parts in _each_item(report, spec.total, spec.parts) for equation in sum_equations(report, Sum(total, parts, spec.counts))]
    if spec.counts:
        return _equation(counted(report, (spec.total,)), counted(report, spec.parts))
    total = report.numbers.get(spec.total)  # one path without a wildcard: looked up directly
    if total is None:
        return []
    parts = resolve(report, spec.parts)
    return [Equation((total,), tuple(parts), unknown_term(report, (spec.total, *spec.parts)))] if parts else []


def counted(report: Report, paths: tuple[str, ...]) -> list[Stated]:
    """The counts at ``paths`` (项目个数, 问题个数): whole numbers, exact, not rounded prints."""
    found = []
    for path in paths:
        value = model_at(report, path)
        if isinstance(value, int) and not isinstance(value, bool):
            found.append(Stated.exact(Decimal(value), path, field_titles(path.rpartition(".")[0]) or "", field_titles(path)))
    return found


def at_most_equations(report: Report, spec: AtMost) -> list[Equation]:
    return _equation(resolve(report, spec.parts), resolve(report, (spec.total,)), unknown_term(report, (*spec.parts, spec.total)))


def same_equations(report: Report, spec: Same | Match) -> list[Equation]:
    if isinstance(spec, Same) and "[*]" in spec.left:
        return [equation for left, right in _each_item(report, spec.left, spec.right) for equation in same_equations(report, Same(left, right))]
    if isinstance(spec, Same):
        # A blank cell is a zero: compare with the funds that are printed, if any is.  (The left
        # side is one path without a wildcard here: looked up directly, two hundred times a report.)
        left = report.numbers.get(spec.left)
        if left is None:
            return []
        right = resolve(report, spec.right)
        return [Equation((left,), tuple(right), unknown_term(report, spec.right, summing=False))] if right else []
    right_rows = model_at(report, spec.right) or []
    by_code = {row.code: row for row in right_rows if row.code}
    found = []
    for row in model_at(report, spec.left) or []:
        if row.code in by_code:
            found += _equation(_cells([row], spec.left_column), _cells([by_code[row.code]], spec.right_column))
    return found


def balance_equations(report: Report, spec: Balance) -> list[Equation]:
    if "[*]" in "".join(spec.inflow + spec.outflow):
        rows = model_at(report, spec.inflow[0].split("[*]")[0]) or []
        found = []
        for index in range(len(rows)):
            concrete = Balance(
                tuple(p.replace("[*]", f"[{index}]") for p in spec.inflow),
                tuple(p.replace("[*]", f"[{index}]") for p in spec.outflow),
            )
            found += balance_equations(report, concrete)
        return found
    inflow, outflow = resolve(report, spec.inflow), resolve(report, spec.outflow)
    summing = len(spec.inflow) + len(spec.outflow) > 2  # one total against another is an equality
    return _equation(inflow, outflow, unknown_term(report, spec.inflow + spec.outflow, summing)) if len(inflow) + len(outflow) >= 2 else []


Spec = Sum | Same | Match | Balance | Hierarchy | AtMost


def equations(report: Report, spec: Spec) -> list[Equation]:
    """The equations one declared identity gives for this report."""
    return RESOLVERS[type(spec)](report, spec)  # type: ignore[operator]


RESOLVERS = {
    Sum: sum_equations, Same: same_equations, Match: same_equations, Balance: balance_equations,
    Hierarchy: hierarchy_equations, AtMost: at_most_equations,
}
