"""FR5xx — the same figure told twice must agree: table against table, narrative against table."""

from __future__ import annotations

from ..findings import Severity
from ..model.bind import field_title
from .base import Equation, EquationRule, register
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
        return {**super().params(equation), "text": field_title(text)}


@register
class OperatingCostsVsPublicExpense(EquationRule):
    """机关运行经费 should match 公用经费 of the basic expenditure; a difference needs a reason.

    What it checks: 机关运行经费 (other matters) against 公用经费 (narrative 六 or table 6).
    The two are related but not identical — 机关运行经费 covers administrative units only — so a
    difference is a warning to explain, not an error.

    Why: reviewers compare the two; an unexplained gap is a common query.

    Example: passes — 41.55 and 日常公用经费 41.55.  Warns — 41.55 against 公用经费 48.20.
    """

    id = "FR503"
    title = "机关运行经费与公用经费不一致"
    title_en = "operating costs differ from public expenses"
    severity = Severity.WARNING

    specs = RELATED
