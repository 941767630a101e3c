"""FR5xx — the same figure told twice must agree: table against table, narrative against table."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Iterator

from ..findings import Finding, Severity
from ..model import Report
from ..model.bind import field_title
from .base import Equation, EquationRule, Stated, fmt, register
from . import budget_identities as budget
from .identities import CROSS_TABLE, NARRATIVE, RELATED


@register
class CrossTable(EquationRule):
    """A figure that appears in two tables (or two parts of the report) must be the same.

    What it checks: table 2's 合计 against table 1's 本年收入合计 and its sources; table 3's
    合计 and 类 rows against table 1; table 5 against table 4's 一般公共预算 column, row by 类;
    table 5's 基本支出 against table 6's 人员经费 + 公用经费; tables 8/9 against table 4's fund
    columns; the performance section's appropriation figures against the narrative.

    Why: the tables are drawn from one set of books; two values for one figure mean one of them
    was typed or updated by hand.  Two prints of one figure may differ by rounding only:
    326.71 and 326.72 touch at 326.715 and pass.

    Example: passes — table 1 本年支出合计 2940.05, table 3 合计 2940.05.  Fails — 2904.05.
    """

    id = "FR501"
    title = "跨表数字不一致"
    title_en = "one figure differs between tables"

    specs = CROSS_TABLE
    budget_specs = budget.CROSS_TABLE


@register
class NarrativeVsTable(EquationRule):
    """Every amount the 情况说明 quotes must equal its table cell.

    What it checks: 收入支出总计, 本年收入合计 and its sources, 本年支出合计 and 基本/项目支出,
    财政拨款收入支出总计, 一般公共预算财政拨款支出 (total, by 类, by 项), 基本支出, 人员经费, 公用经费,
    the “三公” figures and budgets, and the fund expenditures — each against the table that
    holds it.

    Why: the narrative is what the public reads; a number there that contradicts the table is
    the error inspections report most often.

    Example: passes — 财政拨款收入支出总计 2961.68 in text and table 4.  Fails — text says 0.3.
    """

    id = "FR502"
    title = "情况说明与决算表不一致"
    title_en = "the narrative contradicts a table"

    specs = NARRATIVE
    budget_specs = budget.NARRATIVE

    def params(self, equation: Equation) -> dict[str, object]:
        parts = equation.left[0].path.split(".")
        text = ".".join(parts[:2] if parts[0] == "budget" else parts[:1])  # 情况说明, 预算编制说明, 其他相关情况说明
        return {**super().params(equation), "text": field_title(text, self.lang)}


@register
class OperatingCostsVsPublicExpense(EquationRule):
    """机关运行经费 cannot exceed 公用经费, and equals it where every unit is administrative.

    What it checks: 机关运行经费 (other matters) against 公用经费 — the narrative's (六), else
    table 6's 公用经费合计 — once per report.  机关运行经费 is the 公用经费 of 行政单位 and 参公
    事业单位 only, so a department that includes other 事业单位 normally shows less; it is reported
    only when it is more, beyond rounding, or when the report says every unit is 行政 or 参公
    (``meta.all_units_administrative: true``) and the two differ at all.

    Why: 机关运行经费 above 公用经费 means one of the two was taken from the wrong columns or
    the wrong units; in a purely administrative department any gap needs the same check.

    Example: passes — 机关运行经费 142.80 against 公用经费 480.66 (a department with 事业单位).
    Warns — 机关运行经费 41.55 against 公用经费 38.20; or 41.55 against 48.20 where every unit is
    administrative.
    """

    id = "FR503"
    title = "机关运行经费与公用经费不符"
    title_en = "operating costs do not fit public expenses"
    severity = Severity.WARNING

    specs = RELATED

    def equations(self, report: Report) -> list[Equation]:
        return list(super().equations(report))[:1]  # the first source of 公用经费 the report states

    def verdict(self, report: Report, reported: Decimal, expected: Decimal) -> str | None:
        if reported > expected:
            return "FR503.exceeds"
        return "FR503.differs" if report.meta.all_units_administrative else None


@register
class PrintedTwiceDifferently(EquationRule):
    """A figure the 情况说明 prints twice must be printed the same both times.

    What it checks: a figure the text states in two places — 一般公共预算财政拨款支出 in 五（一）,
    五（二） and 五（三）; a “三公” figure in 七（一） and 七（二） — read from the sentences (a PDF, or
    text pasted into YAML): the later printing against the first, on rounding intervals.

    Why: one figure with two values in one explanation means one of them was not updated; the
    reader cannot tell which is right.

    Example: passes — 2940.05 in 五（一） and 2940.05 in 五（三）.  Fails — 2940.05 and 2904.05.
    Notes — 326.71 and 326.72, which only touch at the rounding boundary (326.715).
    """

    id = "FR504"
    title = "同一数字在情况说明中两处不一致"
    title_en = "one figure printed twice in the text, differently"

    def equations(self, report: Report) -> Iterator[Equation]:
        for figure in report.stating:
            for index, value in enumerate(figure.printed_again or ()):
                again = Stated(value, f"{figure.path}.printed_again[{index}]", figure.bound)
                yield Equation((again,), (figure.bound,))

    def check(self, report: Report) -> Iterator[Finding]:
        """The figures printed twice differently; and, as a note, those whose two printings only
        touch at the rounding boundary (326.71 and 326.72 meet at 326.715): consistent by the
        rounding rule, so not an error — the message says so."""
        yield from super().check(report)
        for equation in self.equations(report):
            (again,), (first,) = equation.left, equation.right
            if again.value != first.value and abs(again.value - first.value) == again.half + first.half:
                difference = fmt(again.value - first.value)
                yield replace(self.finding(
                    again.loc, again.path, self.say("FR504.touch", left=self.name(first), reported=fmt(again.value), expected=fmt(first.value)),
                    related=(first.path,), reported=fmt(again.value), expected=fmt(first.value), difference=difference,
                ), severity=Severity.INFO)
