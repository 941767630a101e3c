"""A printed table's grids → the table's part of the report tree, by the template's table spec.

The spec (``layouts/*.yaml``) says which header names which field; this module only reads:
which rows are header and which are data, what each column is (code, name, or a field), and
the figures exactly as printed.  A figure it cannot place is reported as a table it could not
read, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ...catalog import Catalog
from ...lexicon import (
    CODE_HEAD,
    ITEM_HEAD,
    NAME_HEAD,
    SECTION_NUMBER,
    SUBSECTION_NUMBER,
    TOTAL_ROW,
)
from ..source import Box
from .grid import Cell, Grid, TextCell

_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_BLANK = frozenset({"", "-", "—", "－", "/", "／"})
_NUMBERING = re.compile(rf"^(?:{SECTION_NUMBER}|{SUBSECTION_NUMBER}|\d+[.．、]\s*)")


def amount(text: str) -> Decimal | None:
    """A printed amount as a Decimal, exactly as printed (thousands separators dropped)."""
    text = text.replace(" ", "")
    return Decimal(text.replace(",", "")) if _AMOUNT.fullmatch(text) else None


@dataclass
class Value:
    """A figure read from a cell: the Decimal and where it was printed."""

    number: Decimal
    page: int
    line: int
    excerpt: str
    box: Box | None = None  # the printed row's ink, for the visual report


@dataclass
class Problem:
    """What could not be read on a page, why (``figures`` | ``header``), and where in the table the
    figures it leaves unknown would stand: a cell's path, ``()`` for the whole table — a row it
    could not place may be any row, or the total (see ``model/unknown.py``)."""

    page: int
    text: str
    kind: str
    unknown: tuple[str | int, ...] = ()
    line: int | None = None  # a medium's cell (``TextCell.at``): the number its source map places it by


@dataclass
class TableRead:
    """What reading one table gave: its tree, each value's place by tree path, and its problems."""

    tree: dict[str, Any] = field(default_factory=dict)
    places: dict[tuple[str | int, ...], Value] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def put(self, path: tuple[str, ...], value: Value) -> None:
        """Set the figure at ``path``; ``("total", "budget")`` is the budget of figure ``total``.

        A figure that states more than its value becomes a mapping (``{value: …, budget: …}``).
        """
        node: Any = self.tree
        for part in path[:-1]:
            child = node.get(part)
            if isinstance(child, Decimal):
                child = node[part] = {"value": child}
            node = node.setdefault(part, {})
        last = path[-1]
        if isinstance(node.get(last), dict):
            node[last]["value"] = value.number
        else:
            node[last] = value.number
        self.places[path] = value


def _header_text(grid: Grid) -> str:
    """The printed words of a table's first rows, to say which head was not understood."""
    return "  ".join(text for cells in grid.rows[:3] for cell in cells if (text := cell.text))[:60]


def _row_text(cells: list[Cell]) -> str:
    return "  ".join(text for cell in cells if (text := cell.text))


def row_box(cells: list[Cell]) -> Box | None:
    """Where a row's printed words stand on the page (``None`` for a row with none)."""
    glyphs = [glyph for cell in cells for glyph in cell.glyphs]
    if not glyphs:
        return None
    return (
        round(min(g.x0 for g in glyphs), 2), round(min(g.top for g in glyphs), 2),
        round(max(g.x1 for g in glyphs), 2), round(max(g.bottom for g in glyphs), 2),
    )


def _header(grid: Grid, rows: range) -> list[str]:
    """Each atomic column's header: the texts of its header cells, top to bottom, run together."""
    return ["".join(grid.cell(row, column).text.replace(" ", "") for row in rows) for column in range(grid.columns)]


def _first_data_row(grid: Grid, is_data) -> int:  # noqa: ANN001 - a predicate on a row's cells
    for row, cells in enumerate(grid.rows):
        if is_data(cells):
            return row
    return len(grid.rows)


def _fits(sides: list[tuple[int, list[tuple[int, str]]]], grid: Grid) -> bool:
    """Whether every column a header named (labels and values) is a column of ``grid``."""
    return all(label < grid.columns and all(column < grid.columns for column, _ in values) for label, values in sides)


def _has_amount(cells: list[Cell]) -> bool:
    """A row with a printed amount in it (a header may print a year, never an amount)."""
    return any(amount(cell.text) is not None and ("." in cell.text or "," in cell.text) for cell in cells if cell.text)


class TableReader:
    """Reads one table of the report by its spec."""

    def __init__(self, key: str, spec: dict[str, Any], catalog: Catalog):
        self.key = key
        self.spec = spec
        self.catalog = catalog
        self.columns = [(re.compile(pattern), target) for pattern, target in (spec.get("columns") or {}).items()]

    def read(self, grids: list[Grid]) -> TableRead:
        result = TableRead()
        shape = self.spec.get("shape")
        if shape == "coded":
            self._coded(grids, result)
        elif shape == "sides":
            self._sides(grids, result)
        elif shape == "row":
            self._row(grids, result)
        return result

    def _field(self, header: str) -> str | None:
        for pattern, target in self.columns:
            if pattern.search(header):
                return target
        return None

    def _value(self, cell: Cell, cells: list[Cell], result: TableRead, page: int) -> Value | Problem | None:
        """The cell's figure; ``None`` for a blank; the ``Problem`` recorded for a cell that prints
        something else (the caller says where its figure would stand)."""
        text = cell.text
        if text.replace(" ", "") in _BLANK:
            return None
        number = amount(text)
        if number is None:
            problem = Problem(page, text, "figures", line=cell.at if isinstance(cell, TextCell) else None)
            result.problems.append(problem)
            return problem
        return Value(number, page, cell.line, _row_text(cells), row_box(cells))

    # ------------------------------------------------------------------ 科目 rows
    def _coded(self, grids: list[Grid], result: TableRead) -> None:
        """Rows by 科目 code over every page; a table printed in halves, each half in turn."""
        roles: list[str | None] | None = None
        labels = [(re.compile(pattern), target) for pattern, target in (self.spec.get("labels") or {}).items()]
        total_label = re.compile(self.spec.get("total", TOTAL_ROW))
        halves: list[list[tuple[Grid, int, list[int], list[str | None]]]] = []
        headed: Grid | None = None  # the grid whose header gave the roles
        headed_roles: list[str | None] = []  # the roles that header gave
        for grid in grids:
            if _blank(grid):
                continue  # a frame drawn around nothing (a box beside the 单位 line)
            start = _first_data_row(grid, lambda cells: any(c.text.strip().isdigit() and len(c.text.strip()) >= 3 for c in cells) or _has_amount(cells))
            header = _header(grid, range(start))
            if any(header):  # a continued table may repeat its header, or print none
                roles, headed = [self._role(text) for text in header], grid
                headed_roles = roles
            if roles is not None and headed is not None and len(roles) != grid.columns:
                # Continued with other rulings (a last page holding only the 合计 row, its code
                # and name cells merged): each column takes the role of the header column it
                # stands under (the head's roles, not those an earlier continuation took).
                roles = _roles_under(grid, headed, headed_roles)
            if roles is None or len(roles) != grid.columns:
                result.problems.append(Problem(grid.page, _header_text(grid), "header"))
                continue
            for side, group in enumerate(_groups(roles)):
                while len(halves) <= side:
                    halves.append([])
                halves[side] += [(grid, row, group, roles) for row in range(start, len(grid.rows))]
        rows: list[dict[str, Any]] = []
        for half in halves:
            for grid, row, group, roles in half:
                self._coded_row(grid, row, grid.rows[row], group, roles, rows, labels, total_label, result)
        for index, row in enumerate(rows):
            places = row.pop("_places")
            result.tree.setdefault("rows", []).append(row)
            result.places[("rows", index)] = places["code"]
            for name, value in places.items():
                result.places[("rows", index, name)] = value

    def _role(self, header: str) -> str | None:
        if re.search(CODE_HEAD, header):
            return "code"
        if re.search(NAME_HEAD, header):
            return "name"
        target = self._field(header)
        return f"field:{target}" if target is not None else None

    def _coded_row(self, grid, row, cells, group, roles, rows, labels, total_label, result) -> None:  # noqa: ANN001, PLR0913
        code = ""
        name = ""
        values: dict[str, Value] = {}
        unread: dict[str, Problem] = {}  # a field's cell that prints no figure
        for column in group:
            role = roles[column]
            cell = grid.cell(row, column)
            if cell.first != column:
                continue  # a merged cell is read once, at its first column
            text = cell.text.replace(" ", "")
            if role == "code":
                digits = text if text.isdigit() else ""
                if digits and code and len(digits) == 1:
                    digits = "0" + digits  # a 款 or 项 printed without its leading zero
                code += digits
                if not digits and text and not name:
                    name = text  # 合计 printed across the code columns
            elif role == "name":
                name = text or name
            elif role and role.startswith("field:"):
                value = self._value(cell, cells, result, grid.page)
                if isinstance(value, Problem):
                    unread[role[6:]] = value
                elif value is not None:
                    values[role[6:]] = value
            elif role is None and _has_amount([cell]):
                # an amount under a head the template does not know: not read, and said so
                result.problems.append(Problem(grid.page, _row_text(cells), "figures"))
        if not code and not name:
            if values:
                result.problems.append(Problem(grid.page, _row_text(cells), "figures"))
            return
        if not code:
            if total_label.search(name):
                for target, value in values.items():
                    result.put(("total", target), value)
                for target, problem in unread.items():
                    problem.unknown = ("total", target)
                return
            for pattern, target in labels:
                if pattern.search(name):
                    for value in values.values():
                        result.put((target,), value)
                    for problem in unread.values():
                        problem.unknown = (target,)
                    return
            if values:
                result.problems.append(Problem(grid.page, _row_text(cells), "figures"))
            return
        entry: dict[str, Any] = {"code": code}
        if name:
            entry["name"] = name
        for target, value in values.items():
            entry[target] = value.number
        entry["_places"] = {"code": Value(Decimal(0), grid.page, grid.cell(row, group[0]).line or cells_line(cells), _row_text(cells), row_box(cells)), **values}
        for target, problem in unread.items():
            problem.unknown = ("rows", len(rows), target)
        rows.append(entry)

    # ------------------------------------------------------------------ two halves side by side
    def _sides(self, grids: list[Grid], result: TableRead) -> None:
        """Each half read top to bottom over every page, the left half first, so that the row
        names, matched in print order, take their fields in the order the spec lists them."""
        halves: list[list[tuple[Grid, int, int, list[tuple[int, str]]]]] = []
        sides: list[tuple[int, list[tuple[int, str]]]] | None = None
        for grid in grids:
            if _blank(grid):
                continue
            start = _first_data_row(grid, _has_amount_or_label)
            header = _header(grid, range(start))
            if any(header):
                found = [column for column, text in enumerate(header) if text.endswith(ITEM_HEAD)]
                if found:
                    sides = []
                    for index, column in enumerate(found):
                        end = found[index + 1] if index + 1 < len(found) else grid.columns
                        values = [(c, target) for c in range(column + 1, end) if (target := self._field(header[c])) is not None]
                        sides.append((column, values))
            if sides is None or (halves and len(sides) != len(halves)) or not _fits(sides, grid):
                # no header read, or one whose columns this grid has not (a stray ruling beside
                # the table makes a grid of its own): reported as unread, never read by guess
                result.problems.append(Problem(grid.page, _header_text(grid), "header"))
                continue
            while len(halves) < len(sides):
                halves.append([])
            for side, (label_column, value_columns) in enumerate(sides):
                halves[side] += [(grid, row, label_column, value_columns) for row in range(start, len(grid.rows))]
        mapping = [(re.compile(pattern), target) for pattern, target in self.spec.get("rows", [])]
        position = 0
        classes = self.spec.get("classes") or {}
        class_rows: list[dict[str, Any]] = []
        for half in halves:
            for grid, row, label_column, value_columns in half:
                cells = grid.rows[row]
                label = _NUMBERING.sub("", grid.cell(row, label_column).text.replace(" ", ""))
                values = {}
                unread: dict[str, Problem] = {}
                for column, target in value_columns:
                    cell = grid.cell(row, column)
                    value = self._value(cell, cells, result, grid.page) if cell.first == column else None
                    if isinstance(value, Problem):
                        unread[target] = value
                    elif value is not None:
                        values[target] = value
                if not label:
                    if values:
                        result.problems.append(Problem(grid.page, _row_text(cells), "figures"))
                    continue
                match = next((i for i in range(position, len(mapping)) if mapping[i][0].search(label)), None)
                if match is not None:
                    position = match + 1
                    base = tuple(mapping[match][1].split("."))
                    for target, value in values.items():
                        result.put(base + ((target,) if target else ()), value)
                    for target, problem in unread.items():
                        problem.unknown = base + ((target,) if target else ())
                    continue
                entry = self._class_row(label, values, classes)
                if entry is not None:
                    class_rows.append(entry)
                elif values:
                    result.problems.append(Problem(grid.page, _row_text(cells), "figures"))
        if class_rows:
            path = tuple(classes["path"].split("."))
            node: Any = result.tree
            for part in path[:-1]:
                node = node.setdefault(part, {})
            node[path[-1]] = []
            for index, entry in enumerate(class_rows):
                places = entry.pop("_places")
                node[path[-1]].append(entry)
                for name, value in places.items():
                    result.places[(*path, index, name)] = value

    def _class_row(self, label: str, values: dict[str, Value], classes: dict[str, Any]) -> dict[str, Any] | None:
        """A row naming a 类 (“一、一般公共服务支出”): its code from the catalogue's functional
        classes (codes from 2: 其他支出 is also an economic class, 399); only where it has figures."""
        if not values or not classes:
            return None
        code = self.catalog.code_of(label, length=3, under="2")
        if code is None:
            return None
        entry: dict[str, Any] = {"code": code, "name": label}
        places: dict[str, Value] = {}
        for target, value in values.items():
            name = target or classes.get("value", "amount")
            entry[name] = value.number
            places[name] = value
        entry["_places"] = places
        return entry

    # ------------------------------------------------------------------ one row of figures
    def _row(self, grids: list[Grid], result: TableRead) -> None:
        for grid in grids:
            if _blank(grid):
                continue
            start = _first_data_row(grid, _has_amount)
            if start == len(grid.rows):
                continue  # no figures: an empty table
            header = _header(grid, range(start))
            for row in range(start, len(grid.rows)):
                cells = grid.rows[row]
                for column in range(grid.columns):
                    cell = grid.cell(row, column)
                    if cell.first != column:
                        continue
                    value = self._value(cell, cells, result, grid.page)
                    if value is None:
                        continue
                    target = self._field(header[column])
                    if isinstance(value, Problem):
                        value.unknown = tuple(target.split(".")) if target is not None else ()
                        continue
                    if target is None:
                        result.problems.append(Problem(grid.page, _row_text(cells), "figures"))
                        continue
                    result.put(tuple(target.split(".")), value)
        for name, node in result.tree.items():
            if isinstance(node, dict) and "value" not in node:
                # A blank 决算数 beside a printed 预算数: the template prints nothing for nil.
                node["value"] = Decimal("0.00")


def cells_line(cells: list[Cell]) -> int:
    return min((cell.line for cell in cells if cell.line), default=0)


def _has_amount_or_label(cells: list[Cell]) -> bool:
    return _has_amount(cells) or any(_NUMBERING.match(cell.text.replace(" ", "")) for cell in cells)


def _blank(grid: Grid) -> bool:
    return not any(cell.glyphs or cell.text for cells in grid.rows for cell in cells)


def _roles_under(grid: Grid, headed: Grid, roles: list[str | None]) -> list[str | None]:
    """The role of each column of ``grid``: that of the column of ``headed`` its middle stands in."""
    found: list[str | None] = []
    for column in range(grid.columns):
        middle = (grid.xs[column] + grid.xs[column + 1]) / 2
        under = next((c for c in range(headed.columns) if headed.xs[c] <= middle <= headed.xs[c + 1]), None)
        found.append(roles[under] if under is not None else None)
    return found


def _groups(roles: list[str | None]) -> list[list[int]]:
    """The column groups of a table printed in halves: each starts at a code column after a field."""
    groups: list[list[int]] = [[]]
    for column, role in enumerate(roles):
        if role == "code" and groups[-1] and any((roles[c] or "").startswith("field:") for c in groups[-1]):
            groups.append([])
        groups[-1].append(column)
    return groups
