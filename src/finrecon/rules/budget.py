"""FR4xx — budget completion and project execution rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..findings import Finding
from ..interval import percent_ratio, point_ratio
from ..model import Figure, Report
from ..model.figure import Title
from .base import Rule, Stated, ratio_finding, register
from .hints import inverted, other_budget, printing_slip
from .identities import NARRATIVE, Same, model_at


# The budget a narrative figure's completion rate is of, where the text states none: the table
# cell the narrative↔table identities pair with it (表7's 预算数 for a “三公” figure).
_TABLE_BUDGETS = {
    spec.left: (spec.right[0], ".".join(spec.right[0].split(".")[:2]))  # the cell, and the table it is in
    for spec in NARRATIVE
    if isinstance(spec, Same) and len(spec.right) == 1 and spec.left.endswith((".budget", ".adjusted_budget"))
}
_BUDGET_NAMES = ("budget", "adjusted_budget")
_BUDGET_TITLES = {name: Title.of(Figure.model_fields[name], name) for name in _BUDGET_NAMES}


_ZERO = Decimal(0)


def completion_base(report: Report, figure: Figure) -> tuple[str, Stated] | None:
    """The budget ``figure``'s completion rate is of, and which one it is (budget: 年初预算,
    adjusted_budget: 全年预算), or ``None`` where nothing says.

    The one the text names (“完成年初预算的…”, “完成全年预算的…”); for a rate of just “预算” the
    年初预算, unless that is 0 or not given and a 全年预算 is.  Where the figure states no budget, the
    table cell the narrative↔table identities pair with it: a blank cell of a printed table is 0.
    """
    named = figure.completion_of
    if named is None:
        named = "adjusted_budget" if not figure.budget and figure.adjusted_budget is not None else "budget"
    if getattr(figure, named) is not None:
        return named, report.numbers[f"{figure.path}.{named}"]
    found = _TABLE_BUDGETS.get(f"{figure.path}.{named}")
    if found is None:
        return None
    cell, table = found
    stated = report.numbers.get(cell)
    if stated is None and report.unknown and report.unknown.region_of(cell) is not None:
        return None  # printed, but not read: unknown, not a blank
    if stated is None and model_at(report, table) is not None and table not in report.not_read:
        stated = Stated.exact(_ZERO, cell, figure.bound, _BUDGET_TITLES[named])  # blank: nothing budgeted
    return (named, stated) if stated is not None else None


@register
class BudgetCompletion(Rule):
    """A stated completion rate must equal 决算 ÷ the budget it names.

    What it checks: every figure with a ``completion_pct`` (“年初预算为2993.92万元，支出决算为
    2940.05万元，完成年初预算的98.20%”), on rounding intervals, against the budget the text says
    the rate is of — 年初预算 (``budget``) or 全年预算/调整预算 (``adjusted_budget``, “完成全年预算的…”).
    A “三公” figure that states no budget is taken against table 7's.  When the other budget
    reproduces the printed rate, the hint says so.

    Why: completion rates are often left at 100% after the final figures change, or computed
    against the adjusted budget while the text says 年初预算.

    Example: passes — 2940.05 of 2993.92 stated 98.20%.  Fails — stated 100%.
    """

    id = "FR401"
    title = "预算完成率与计算不符"
    title_en = "a budget completion rate does not match"

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if figure.completion_pct is None:
                continue
            base = completion_base(report, figure)
            if base is None:
                continue
            named, budget = base
            other = _other_budget(report, figure, named)
            yield from _rate(
                self, figure.bound, budget, figure.completion_pct, (*figure.loc, "completion_pct"),
                f"{figure.path}.completion_pct", self.name(figure),
                lambda: other_budget(figure.bound, other, named, figure.completion_pct, self.lang) if other else None,
            )


def _other_budget(report: Report, figure: Figure, named: str) -> Stated | None:
    """The figure's other budget (全年预算 beside 年初预算, or the reverse), if it states one."""
    other = _BUDGET_NAMES[1 - _BUDGET_NAMES.index(named)]
    return report.numbers.get(f"{figure.path}.{other}") if getattr(figure, other) is not None else None


@register
class ProjectExecution(Rule):
    """A project's stated execution rate must equal 执行数 ÷ 预算数.

    What it checks: each project of the performance section, its ``execution_rate_pct`` against
    the interval of executed ÷ budget.

    Why: the execution rate drives the project's score; a wrong one misstates performance.

    Example: passes — 8.67 of 19.32 stated 44.88%.  Fails — stated 48.88%.
    """

    id = "FR402"
    title = "项目预算执行率与计算不符"
    title_en = "a project execution rate does not match"

    def check(self, report: Report) -> Iterator[Finding]:
        if report.performance is None:
            return
        for index, project in enumerate(report.performance.projects):
            if project.execution_rate_pct is None:
                continue
            base = f"performance.projects[{index}]"
            loc = ("performance", "projects", index)
            executed = Stated(project.executed, f"{base}.executed", f"{project.name}执行数")
            budget = Stated(project.budget, f"{base}.budget", f"{project.name}预算数")
            yield from _rate(
                self, executed, budget, project.execution_rate_pct, (*loc, "execution_rate_pct"),
                f"{base}.execution_rate_pct", project.name,
            )


def _rate(rule: Rule, actual: Stated, budget: Stated, stated_pct, loc, path: str, figure: str, cause=None) -> Iterator[Finding]:  # noqa: ANN001
    if budget.interval.contains_zero():
        return  # undefined: FR902's business
    point = point_ratio(actual.value, budget.value)
    found = ratio_finding(
        rule, loc, path, stated_pct, lambda: percent_ratio(actual.interval, budget.interval), point,
        lambda expected, reported: rule.say(rule.id, figure=figure, expected=expected, reported=reported),
        (actual.path, budget.path, path),
        lambda: (cause and cause()) or inverted(actual, budget, stated_pct, rule.lang) or printing_slip(stated_pct, point, rule.lang),
    )
    if found:
        yield found
