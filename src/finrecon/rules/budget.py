"""FR4xx — budget completion and project execution rates."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding
from ..interval import percent_ratio, point_ratio
from ..model import Report
from .base import Rule, Stated, ratio_finding, register
from .hints import inverted, printing_slip


@register
class BudgetCompletion(Rule):
    """A stated completion rate must equal 决算 ÷ 预算.

    What it checks: every figure with a budget and a ``completion_pct`` (“年初预算为2993.92万元，
    支出决算为2940.05万元，完成年初预算的98.20%”), on rounding intervals.

    Why: completion rates are often left at 100% after the final figures change.

    Example: passes — 2940.05 of 2993.92 stated 98.20%.  Fails — stated 100%.
    """

    id = "FR401"
    title = "预算完成率与计算不符"
    title_en = "a budget completion rate does not match"

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if figure.budget is None or figure.completion_pct is None:
                continue
            budget = report.numbers[f"{figure.path}.budget"]
            yield from _rate(
                self, figure.bound, budget, figure.completion_pct, (*figure.loc, "completion_pct"),
                f"{figure.path}.completion_pct", self.name(figure),
            )


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


def _rate(rule: Rule, actual: Stated, budget: Stated, stated_pct, loc, path: str, figure: str) -> Iterator[Finding]:  # noqa: ANN001
    if budget.interval.contains_zero():
        return  # undefined: FR902's business
    point = point_ratio(actual.value, budget.value)
    found = ratio_finding(
        rule, loc, path, stated_pct, lambda: percent_ratio(actual.interval, budget.interval), point,
        lambda expected, reported: rule.say(rule.id, figure=figure, expected=expected, reported=reported),
        (actual.path, budget.path, path),
        lambda: inverted(actual, budget, stated_pct, rule.lang) or printing_slip(stated_pct, point, rule.lang),
    )
    if found:
        yield found
