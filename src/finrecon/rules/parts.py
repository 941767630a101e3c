"""FR505 — a figure the template says is part of another, in another table, is not larger.

The relations are data (``PARTS``), as identities are: each says that the figure at ``part`` is
at most the figure at ``whole``.  A path may pick a table row by its 科目 code
(``tables.basic.rows[code=30212].amount``); a ``Match`` compares every row of one list with the
row of another list that has the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import Report
from .base import Equation, EquationRule, excess, register
from .identities import Match, model_at, same_equations


@dataclass(frozen=True)
class PartOf:
    """The figure at ``part`` is at most the figure at ``whole`` (both may pick a row by code)."""

    part: str
    whole: str


_CODED = re.compile(r"\[code=(\d+)\]")

# 三公 items paid from basic expenditure (表6, by economic class) are part of the same item's
# total in the “三公” table (表7) and the text, which cover every 财政拨款.
_THREE_PUBLIC_ITEMS = (("30212", "outbound"), ("30217", "reception"), ("30231", "vehicle_operation"), ("31013", "vehicle_purchase"))

PARTS: tuple[PartOf | Match, ...] = (
    *(
        PartOf(f"tables.basic.rows[code={code}].amount", f"{whole}.{item}")
        for code, item in _THREE_PUBLIC_ITEMS
        for whole in ("tables.three_public", "narrative.three_public")
    ),
    *(
        PartOf(f"budget.tables.basic.rows[code={code}].total", f"{whole}.{item}")
        for code, item in _THREE_PUBLIC_ITEMS
        for whole in ("budget.tables.three_public", "budget.other.three_public")
    ),
    # The “三公” spending is part of the 财政拨款 spent (决算 表4) or budgeted (预算 表4).
    PartOf("tables.three_public.total", "tables.appropriation.expenditure.total"),
    PartOf("budget.tables.three_public.total", "budget.tables.appropriation.expenditure_grand_total.total"),
    # 一般公共预算财政拨款 (表5) and 政府性基金 (表8) of a 科目 are part of its expenditure from every source (表3).
    *(Match("tables.general_budget.rows", column, "tables.expenditure.rows", column) for column in ("total", "basic", "project")),
    Match("tables.government_fund.rows", "expenditure", "tables.expenditure.rows", "total"),
    # A budget's 一般公共预算 (表5) of a 科目 is part of its whole budget (表3), by nature too.
    *(Match("budget.tables.general_budget.rows", column, "budget.tables.expenditure.rows", column) for column in ("total", "basic", "project")),
    *(Match(f"budget.tables.{fund}.rows", "total", "budget.tables.expenditure.rows", "total") for fund in ("government_fund", "state_capital")),
)


def _path(report: Report, path: str) -> str | None:
    """``path`` with each ``[code=…]`` replaced by the position of the row with that code."""
    while (found := _CODED.search(path)) is not None:
        rows = model_at(report, path[: found.start()]) or []
        index = next((i for i, row in enumerate(rows) if getattr(row, "code", None) == found.group(1)), None)
        if index is None:
            return None
        path = f"{path[: found.start()]}[{index}]{path[found.end():]}"
    return path


def part_equations(report: Report, specs: Iterable[PartOf | Match]) -> Iterator[Equation]:
    numbers = report.numbers
    for spec in specs:
        if isinstance(spec, Match):
            yield from same_equations(report, spec)
            continue
        part, whole = _path(report, spec.part), _path(report, spec.whole)
        if part is None or whole is None:
            continue
        left, right = numbers.get(part), numbers.get(whole)
        if left is not None and right is not None:
            yield Equation((left,), (right,))


@register
class PartExceedsWholeAcrossTables(EquationRule):
    """A figure larger than the figure in another table it is part of.

    What it checks: the relations the template implies between tables, declared as data — each
    “三公” item paid from basic expenditure (表6 by economic class: 30212 因公出国（境）费用, 30217
    公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置) is at most that item in the “三公”
    table (表7) and in the text, which cover every 财政拨款, basic and project; the “三公” total is
    at most the 财政拨款 spent or budgeted (表4); a 科目's
    一般公共预算财政拨款 (表5) or 政府性基金 (表8) expenditure is at most its expenditure from every
    source (表3), column by column; the same in a budget (表8 against 表9 and the text, 表5/6/7
    against 表3).  On rounding intervals: reported only where even the intervals prove the part
    larger than its whole.

    Why: a part cannot exceed its whole; when it does one of the two tables is wrong — a row
    typed with another code, an amount in the wrong column, or the “三公” table not updated.

    Example: passes — 30217 公务接待费 0.80 against 公务接待费 1.35 in the “三公” table.  Fails —
    30217 公务接待费 2.00 against 1.35.
    """

    id = "FR505"
    title = "部分大于另一张表中的总数"
    title_en = "a part exceeds its whole in another table"

    discrepancy = staticmethod(excess)

    def equations(self, report: Report) -> Iterable[Equation]:
        return part_equations(report, PARTS)
