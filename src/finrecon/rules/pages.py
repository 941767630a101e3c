"""FR913/FR914 — how a table prints its cells: decimals unlike the rest of the table, and a cell
left blank where the text says 0.00."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Iterator

from ..findings import Finding, Severity
from ..interval import decimals_of
from ..model import Report
from ..model.bind import field_title
from .base import Rule, Stated, fmt, register
from .budget_identities import NARRATIVE as BUDGET_NARRATIVE
from .identities import NARRATIVE, Same, model_at
from .structure import printed_tables

_ZERO = Decimal(0)
_FEW = 3  # cells: below this many of one precision a table has no “rest” to compare with


@register
class FewerDecimalsThanTable(Rule):
    """A table cell printed with fewer decimals than the rest of its table.

    What it checks: in each table, the number of decimals most of its cells print (two in a
    table in 万元, none in a budget table in 元); a non-zero cell printed with fewer (“15” among
    “37.91”, “1.35”, “21.56”) is reported, once per table, naming every such cell.  A zero printed
    “0” is the common way to print nothing and is passed over, and so is a table whose cells
    agree on no precision.

    Why: a cell typed by hand over a formula, or pasted from another sheet, shows itself by its
    decimals; and “15” beside “37.91” leaves the reader unsure whether 15 or 15.00 was meant.

    Example: passes — 37.91, 0, 1.35, 36.56, 15.00.  Warns — 37.91, 1.35, 36.56, 15, 21.56.
    """

    id = "FR913"
    title = "表格单元格小数位数少于本表其他单元格"
    title_en = "a cell with fewer decimals than the rest of its table"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        numbers = report.numbers
        for table_path, _ in printed_tables(report):
            prefix = table_path + "."
            cells = [stated for path, stated in numbers.items() if path.startswith(prefix)]
            counts = Counter(decimals_of(stated.value) for stated in cells)
            if not counts:
                continue
            (usual, many), *rest = counts.most_common()
            if many < _FEW or (rest and rest[0][1] == many):
                continue
            fewer = [stated for stated in cells if stated.value != _ZERO and decimals_of(stated.value) < usual]
            if not fewer:
                continue
            first = fewer[0]
            listed = self.say("list.and").join(f"{self.name(stated)} {fmt(stated.value)}" for stated in fewer[:5])
            yield self.finding(
                first.loc, first.path,
                self.say(self.id, table=field_title(table_path, self.lang), cells=listed, count=len(fewer), decimals=decimals_of(first.value), usual=usual, others=many),
                related=tuple(stated.path for stated in fewer), reported=fmt(first.value),
                expected=fmt(first.value.quantize(Decimal(1).scaleb(-usual))),  # “15” as the table prints: 15.00
            )


@register
class BlankCellTextZero(Rule):
    """A table cell left blank where the text says 0.00 (a note).

    What it checks: each figure the text quotes from a table (the pairs FR502 compares) that the
    text gives as 0 while its cell, in a table that prints other figures, is blank.  The two do
    not contradict each other — a blank cell is read as nothing — but the table and the text
    should say it the same way.  A table printed empty with its note (空表说明) is passed over.

    Why: reviewers ask whether the blank was forgotten or means zero; printing 0.00 (or the
    text saying “无”) answers before they ask.

    Example: passes — the text “因公出国（境）费0.00万元” and 0.00 in the “三公” table.  Notes — the
    same text and a blank cell.
    """

    id = "FR914"
    title = "文字为 0.00 而表格单元格空白"
    title_en = "a blank cell where the text says 0.00"
    severity = Severity.INFO

    def check(self, report: Report) -> Iterator[Finding]:
        numbers = report.numbers
        specs = NARRATIVE if report.budget is None else NARRATIVE + BUDGET_NARRATIVE
        blank: dict[str, list[tuple[Stated, str]]] = {}  # table → the text's zeros whose cells are blank
        for spec in specs:
            if not isinstance(spec, Same) or len(spec.right) != 1:
                continue
            said = numbers.get(spec.left)
            cell = spec.right[0]
            if said is None or said.value != _ZERO or cell in numbers:
                continue
            parts = cell.split(".")
            table_path = ".".join(parts[: 3 if parts[0] == "budget" else 2])
            table = model_at(report, table_path)
            if table is None or getattr(table, "empty_statement", None) or not any(path.startswith(table_path + ".") for path in numbers):
                continue
            if _cell_exists(report, cell):
                blank.setdefault(table_path, []).append((said, cell))
        for table_path, zeros in blank.items():  # one note a table, naming each figure
            said = zeros[0][0]
            figures = self.say("list.and").join(self.name(stated) for stated, _ in zeros)
            yield self.finding(
                said.loc, said.path,
                self.say(self.id, figures=figures, count=len(zeros), table=field_title(table_path, self.lang)),
                related=tuple(cell for _, cell in zeros), reported=fmt(said.value),
            )


def _cell_exists(report: Report, path: str) -> bool:
    """Whether the table's row holding ``path`` is there (a blank cell of a printed row), not a
    row or section the table does not have."""
    parent, _, name = path.rpartition(".")
    holder = model_at(report, parent)
    return holder is not None and name in type(holder).model_fields and getattr(holder, name) is None
