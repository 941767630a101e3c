"""FR4xx — budget completion and project execution rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..findings import Finding
from ..interval import percent_ratio, point_ratio
from ..model import Figure, Report
from ..model.bind import field_titles
from ..model.figure import Title
from .base import Equation, EquationRule, Rule, Stated, ratio_finding, register
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
    """A project's stated execution rate must equal 执行数 ÷ 预算数 (and its 完成进度, 支付 ÷ 预算数).

    What it checks: each project of the performance section, its ``execution_rate_pct`` against
    the interval of executed ÷ budget — from its performance table, or from the sentences of the
    text (“项目全年预算数19.32万元，执行数为8.67万元，完成预算的44.88%”) — and the 完成进度 its
    self-assessment report states of what was paid (“共计支付工作经费8.67万元，完成进度44.88%”,
    ``paid_pct``) against paid ÷ budget.

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
            base = f"performance.projects[{index}]"
            loc = ("performance", "projects", index)
            if project.budget is None:
                continue
            budget = Stated(project.budget, f"{base}.budget", f"{project.name}预算数")
            for rate, spent, words, key in _PROJECT_RATES:
                stated, actual = getattr(project, rate), getattr(project, spent)
                if stated is None or actual is None:
                    continue
                yield from _rate(
                    self, Stated(actual, f"{base}.{spent}", f"{project.name}{words}"), budget, stated, (*loc, rate),
                    f"{base}.{rate}", project.name, key=key,
                )


# A project's rates, each of what is spent against the budget: the field of the rate, of what is
# spent, its name, and the message.
_PROJECT_RATES = (("execution_rate_pct", "executed", "执行数", "FR402"), ("paid_pct", "paid", "支付数", "FR402.paid"))


# What a project states that another statement of it must repeat: its money (a rate follows from
# it, and FR402 checks each statement's own rate: a budget stated otherwise is one finding, not two).
_PROJECT_FIGURES = ("budget", "executed", "arrived", "paid")


@register
class ProjectRestated(EquationRule):
    """A project's figure stated in two places must be the same figure.

    What it checks: the projects of the performance section that bear one name — a project whose
    预算数, 执行数, 到位资金 or 支付数 one place states (the 综述 of 预算绩效管理情况,
    its 项目绩效目标完成情况表) and another states otherwise (its self-assessment report's 资金计划、到位及
    使用情况 or 项目完成情况) is kept as two, as printed; each figure both state is compared, on
    rounding intervals.

    Why: the self-assessment annexed to a 决算 is often written from an earlier budget, or its
    figures left from the year before; the two cannot both be right.

    Example: passes — 预算数 19.32 in the 综述, 预算安排 19.32万元 in the 资金计划.  Fails — 19.32 against 21.32.
    """

    id = "FR403"
    title = "同一项目的金额前后不一致"
    title_en = "a project's figure is stated otherwise elsewhere"

    def equations(self, report: Report) -> Iterator[Equation]:
        if report.performance is None:
            return
        projects = report.performance.projects
        for later, project in enumerate(projects):
            for earlier, first in enumerate(projects[:later]):
                if first.name != project.name:
                    continue
                for field in _PROJECT_FIGURES:
                    again, before = getattr(project, field), getattr(first, field)
                    if again is None or before is None:
                        continue
                    title = field_titles(f"performance.projects.{field}")
                    yield Equation(
                        (Stated(again, f"performance.projects[{later}].{field}", project.name, title),),
                        (Stated(before, f"performance.projects[{earlier}].{field}", first.name, title),),
                    )
                break  # compared with the first of its name: a third is compared with it too


def _rate(rule: Rule, actual: Stated, budget: Stated, stated_pct, loc, path: str, figure: str, cause=None, key: str | None = None) -> Iterator[Finding]:  # noqa: ANN001
    if budget.interval.contains_zero():
        return  # undefined: FR902's business
    point = point_ratio(actual.value, budget.value)
    found = ratio_finding(
        rule, loc, path, stated_pct, lambda: percent_ratio(actual.interval, budget.interval), point,
        lambda expected, reported: rule.say(key or rule.id, figure=figure, expected=expected, reported=reported),
        (actual.path, budget.path, path),
        lambda: (cause and cause()) or inverted(actual, budget, stated_pct, rule.lang) or printing_slip(stated_pct, point, rule.lang),
    )
    if found:
        yield found
