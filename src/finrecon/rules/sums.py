"""FR1xx — totals that must add up: stated sums, 类/款/项, rows, balances."""

from __future__ import annotations

from typing import Iterator

from ..model import Report
from .base import Equation, EquationRule, excess, register
from . import budget_identities as budget
from .identities import AT_MOST, BALANCES, HIERARCHIES, SUMS, Sum, sum_equations, unknown_term


@register
class StatedSum(EquationRule):
    """A total the report states must equal the sum of its parts.

    What it checks: 本年收入合计 = Σ income sources, 收入总计 = 本年收入合计 + 使用非财政拨款结余 +
    年初结转和结余, 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余, 本年支出合计 = Σ 类, the
    “三公” total = 因公出国（境） + 公务用车 + 公务接待 and 公务用车 = 购置 + 运行 (for budget and
    actual), 政府采购 = 货物 + 工程 + 服务, 基本支出 = 人员经费 + 公用经费, 人员经费 = 301 + 303 and
    公用经费 = the other economic classes — in the tables and in the narrative alike; and the
    counts of 预算绩效管理: the projects rated 优/良/合格/不合格 add up to the projects self-assessed,
    the problems fixed and being fixed to the problems found (counts are exact: 4 ≠ 3 + 0); a
    project's 绩效目标申报表: 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金, 项目资金总额 =
    财政资金 + 其他资金.

    Why: a total that does not add up is the first thing a reviewer checks and the most common
    error inspections find.  Each printed figure is an interval (±½ of its last digit), so
    36.47 for 8.18 + 28.3 passes; 36.57 does not.

    Example: passes — 本年收入合计 456.53 = 455.47 + 1.06.  Fails — 本年收入合计 456.63.
    """

    id = "FR101"
    title = "合计不等于各项之和"
    title_en = "a total differs from the sum of its parts"

    specs = SUMS
    budget_specs = budget.SUMS

    def equations(self, report: Report) -> Iterator[Equation]:
        yield from super().equations(report)
        yield from self._economic_classes(report)

    def describe(self, key: str, equation: Equation, reported: str, expected: str, difference: str) -> str:
        if key == self.id and all(item.half == 0 for item in (*equation.left, *equation.right)):
            key = "FR101.exact"  # counts: no rounding to speak of
        return super().describe(key, equation, reported, expected, difference)

    @staticmethod
    def _economic_classes(report: Report) -> Iterator[Equation]:
        """人员经费 = 301 + 303; 公用经费 = every other economic class (302, 310 …)."""
        basic = report.tables.basic if report.tables else None
        if basic is None:
            return
        classes = [(f"tables.basic.rows[{i}].amount", row.code) for i, row in enumerate(basic.rows) if len(row.code) == 3]
        personnel = tuple(path for path, code in classes if code in basic.PERSONNEL_CLASSES)
        public = tuple(path for path, code in classes if code not in basic.PERSONNEL_CLASSES)
        # A row the reader could not place may be any class: then neither sum is known.
        missing = (report.unknown.region_of("tables.basic.rows") or report.unknown.unplaced_in("tables.basic.rows")) if report.unknown else None
        for total, parts in (("tables.basic.personnel_total", personnel), ("tables.basic.public_total", public)):
            for equation in sum_equations(report, Sum(total, parts)):
                yield equation._replace(unknown=equation.unknown or missing)


@register
class ClassificationHierarchy(EquationRule):
    """Every 类 equals the sum of its 款, every 款 the sum of its 项, the 合计 row the sum of the 类.

    What it checks: in tables 2, 3, 4, 5, 6, 8 and 9, column by column, a row whose 科目 code is a
    prefix of other rows' codes (201 → 20106 → 2010601) must equal their sum; the 合计 row must
    equal the sum of the top-level rows.  In the narrative, the 一般公共预算 items (项) must add up
    to the 类 figures and both to the total.

    Why: a 类 that does not equal its 款 means a row was left out, typed twice or put under the
    wrong 类.

    Example: passes — 20805 行政事业单位养老支出 326.72 = 84.65 + 160.75 + 80.38 + 0.94.
    Fails — 20805 printed as 327.72.
    """

    id = "FR102"
    title = "类/款/项 层级合计不符"
    title_en = "类/款/项 do not add up"

    specs = HIERARCHIES
    budget_specs = budget.HIERARCHIES


@register
class RowTotal(EquationRule):
    """In every table row, the 合计 column equals the sum of the other columns.

    What it checks: table 2 本年收入合计 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他;
    table 3 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助; table 4 合计 = 一般公共预算 +
    政府性基金 + 国有资本经营; table 5 合计 = 基本 + 项目; tables 8/9 本年支出 = 基本 + 项目 — on every
    row that states them, the 合计 row included.

    Why: a row that does not add up across means a cell was moved to the wrong column.

    Example: passes — 行政运行 1511.89 = 基本 1503.52 + 项目 8.37.  Fails — 项目 printed as 8.73.
    """

    id = "FR103"
    title = "行合计不等于各列之和"
    title_en = "a row total differs from its columns"

    def equations(self, report: Report) -> Iterator[Equation]:
        for row in report.rows:
            kind = type(row)
            total = getattr(row, kind.ROW_TOTAL)  # type: ignore[attr-defined]
            if total is None:
                continue
            cells = [cell.bound for name in kind.ROW_PARTS if (cell := getattr(row, name)) is not None]  # type: ignore[attr-defined]
            if cells:
                unknown = None
                if report.unknown:  # a cell of the row printed but not read is no blank
                    row_path = total.path.rpartition(".")[0]
                    unknown = unknown_term(report, (total.path, *(f"{row_path}.{name}" for name in kind.ROW_PARTS)))  # type: ignore[attr-defined]
                yield Equation((total.bound,), tuple(cells), unknown)

    def params(self, equation: Equation) -> dict[str, object]:
        columns = (item.title_in(self.lang) for item in equation.right)
        return {**super().params(equation), "columns": self.say("list.and").join(columns)}


@register
class Balance(EquationRule):
    """What comes in equals what goes out: 收入总计 = 支出总计; 年初结转 + 本年收入 = 本年支出 + 年末结转.

    What it checks: table 1's 收入总计 against its 支出总计; table 4's totals; for each fund in
    table 4 and each row of tables 8 and 9, 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.  A
    budget's table 4 has no 结转 lines: each fund's 收入 equals its 支出总计.

    Why: the two sides of a final account balance by construction; when they do not, a carry-over
    or a total was copied wrong.

    Example: passes — 21.63 + 2940.05 = 2940.05 + 21.63.  Fails — 年末结转 printed as 12.63.
    """

    id = "FR104"
    title = "收支不平衡"
    title_en = "income and expenditure do not balance"

    specs = BALANCES
    budget_specs = budget.BALANCES


@register
class PartExceedsTotal(EquationRule):
    """A part of a whole, or parts together, must not exceed the whole.

    What it checks: 政府采购 — what small and medium firms won in the projects reserved for them
    plus what they won in other projects is at most the total procured; 公务接待 — 外宾接待,
    printed as included in 国内接待 (“国内公务接待支出5万元（含外宾接待支出2万元）”), is at most
    国内接待.  Parts may add up to less than the whole; on rounding intervals, only a sum that
    exceeds it beyond rounding is reported.

    Why: a part larger than its whole is always a slip — a figure copied from the wrong line, or
    the total not updated.

    Example: passes — 246.47 + 4.79 won of 251.25 procured (251.26 is within rounding).  Fails —
    246.47 + 14.79 won of 251.25.
    """

    id = "FR105"
    title = "部分之和超过总数"
    title_en = "parts exceed their whole"

    specs = AT_MOST
    discrepancy = staticmethod(excess)
