"""FR9xx — how figures are printed and what a report must carry."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..findings import Finding, Severity
from ..interval import decimals_of
from ..model import Report
from .base import Rule, fmt, register

_AMOUNT_ATTRIBUTES = ("value", "prior", "change", "budget")
_PERCENT_ATTRIBUTES = ("share_pct", "change_pct", "completion_pct")


@register
class PrintedPrecision(Rule):
    """A figure has more decimals than the report prints.

    What it checks: amounts against ``meta.amount_decimals`` (0.01 万元 by default) and
    percentages against ``meta.percent_decimals``.

    Why: a figure with more decimals than the template prints was usually pasted from a
    worksheet unrounded, or typed in 元 where 万元 is meant; either way the printed report will
    not match it.

    Example: passes — 455.47 with two decimals.  Warns — 455.4712.
    """

    id = "FR901"
    title = "小数位数超过报告打印精度"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        limits = {name: report.meta.amount_decimals for name in _AMOUNT_ATTRIBUTES}
        limits.update({name: report.meta.percent_decimals for name in _PERCENT_ATTRIBUTES})
        for figure in report.figures:
            for attribute, limit in limits.items():
                value = getattr(figure, attribute)
                if value is not None and decimals_of(value) > limit:
                    path = figure.path if attribute == "value" else f"{figure.path}.{attribute}"
                    yield self.finding(
                        figure.loc if attribute == "value" else (*figure.loc, attribute),
                        path,
                        f"{figure.label} {fmt(value)} 有 {decimals_of(value)} 位小数，报告只打印 {limit} 位",
                        reported=fmt(value),
                    )


@register
class ZeroBasePercentage(Rule):
    """A percentage whose base is zero is undefined and must not be printed as a number.

    What it checks: a completion rate printed where the budget is 0, a change % where last
    year's figure is 0, a share of a total of 0.  “0%” or “100%” there is not a fact but a
    convention; the template asks for words (“无预算”, “上年无此项支出”) instead.

    Why: 0 ÷ 0 printed as 0% reads as “nothing of the budget was spent” when there was no
    budget at all; reviewers query it every time.

    Example: passes — budget 0.95, actual 0, completion 0%.  Warns — budget 0, completion 0%.
    """

    id = "FR902"
    title = "基数为零的百分比被印为数字"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.figures:
            share_base = report.figure(figure.share_base) if figure.share_base else None
            prior = figure.prior if figure.prior is not None else (
                figure.value - figure.change if figure.change is not None else None
            )
            cases = (
                ("completion_pct", figure.budget, "预算数"),
                ("change_pct", prior, "上年数"),
                ("share_pct", share_base.value if share_base else None, "基数"),
            )
            for attribute, base, base_name in cases:
                pct = getattr(figure, attribute)
                if pct is not None and base is not None and base == 0:
                    yield self._zero(figure.loc, figure.path, figure.label, attribute, pct, base_name)
        if report.performance:
            for index, project in enumerate(report.performance.projects):
                if project.execution_rate_pct is not None and project.budget == 0:
                    loc = ("performance", "projects", index)
                    yield self._zero(loc, f"performance.projects[{index}]", project.name, "execution_rate_pct", project.execution_rate_pct, "预算数")

    def _zero(self, loc, path: str, label: str, attribute: str, pct: Decimal, base_name: str) -> Finding:  # noqa: ANN001
        return self.finding(
            (*loc, attribute),
            f"{path}.{attribute}",
            f"{label}的{base_name}为 0，百分比无意义，不应印为 {fmt(pct)}%，应改用文字说明",
            reported=fmt(pct),
        )


@register
class EmptyTableStatement(Rule):
    """An empty 政府性基金 or 国有资本经营 table must say why it is empty.

    What it checks: table 8 or 9 present in the report with no figures must carry an
    ``empty_statement`` such as “本单位无政府性基金预算财政拨款支出，故本表无数据。”.

    Why: the disclosure rules require every table to be published; an empty one without its
    statement reads as a table left out by mistake.

    Example: passes — empty table with its statement.  Warns — empty table, no statement.
    """

    id = "FR903"
    title = "空表缺少说明"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        if report.tables is None:
            return
        for name in ("government_fund", "state_capital"):
            table = getattr(report.tables, name)
            if table is None or table.rows or table.empty_statement:
                continue
            if table.total is not None and any(
                getattr(table.total, column) is not None for column in type(table.total).model_fields if column not in ("code", "name")
            ):
                continue
            title = type(report.tables).model_fields[name].title
            yield self.finding(("tables", name), f"tables.{name}", f"{title}为空表，但没有空表说明")
