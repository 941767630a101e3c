"""Ruled tables: from a page's rulings to a grid of cells, and the glyphs that stand in each.

The nine tables of these reports are ruled (camelot's “lattice”): the rulings give the rows and
columns, so a figure belongs to the cell it is printed in even when it is drawn a line above
its row's name, as some of these PDFs do.  Cells merged across columns (header cells, and rows
whose inner rulings are missing) are kept as one cell spanning those columns.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .layout import Glyph, Page, Segment, TextLine, join_glyphs

_TOUCH = 2.0  # points: rulings this close belong to one table, boundaries this close are one


@dataclass
class Cell:
    """A cell of a grid: its row, the atomic columns it spans, and what is printed in it."""

    row: int
    first: int  # first atomic column
    last: int  # last atomic column (inclusive)
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cell's text: its lines top to bottom, each left to right, joined without breaks."""
        by_line: dict[int, list[Glyph]] = {}
        for glyph in sorted(self.glyphs, key=lambda g: (g.baseline, g.x0)):
            by_line.setdefault(glyph.line, []).append(glyph)
        return "".join(join_glyphs(sorted(line, key=lambda g: g.x0)) for line in by_line.values())

    @property
    def line(self) -> int:
        """The page line the cell's text starts on (0 for an empty cell)."""
        return min((glyph.line for glyph in self.glyphs), default=0)

    def spans(self, column: int) -> bool:
        return self.first <= column <= self.last


@dataclass
class TextCell(Cell):
    """A cell whose text another medium gives whole (a Word, Excel or web table, a line of a page
    text): no glyphs; ``at`` is the line the medium's source map knows it by."""

    words: str = ""
    at: int = 0

    @property
    def text(self) -> str:
        return self.words

    @property
    def line(self) -> int:
        return self.at


@dataclass
class Grid:
    """A ruled table on one page: row and column boundaries, and each row's cells left to right."""

    page: int
    xs: list[float]
    ys: list[float]
    rows: list[list[Cell]]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    def cell(self, row: int, column: int) -> Cell:
        """The cell of ``row`` that spans atomic ``column``."""
        for cell in self.rows[row]:
            if cell.spans(column):
                return cell
        raise IndexError(column)  # pragma: no cover - every column of a row is spanned


def _merge(values: list[float]) -> tuple[list[float], dict[float, int]]:
    """Sorted values, those within ``_TOUCH`` of the one before taken as one; and which merged
    value each of them became."""
    merged: list[float] = []
    index: dict[float, int] = {}
    previous: float | None = None
    for value in sorted(set(values)):
        if previous is None or value - previous > _TOUCH:
            merged.append(value)
        index[value] = len(merged) - 1
        previous = value
    return merged, index


_BUCKET = 8.0  # points: rulings are compared only with those that come near the same square of the page
_CROWDED = 64  # rulings in one square beyond which they are taken as one drawing without comparing them


def _clusters(segments: list[Segment]) -> list[list[Segment]]:
    """Rulings that touch, transitively: one list per table.

    Each ruling is put in the squares of the page it comes within ``_TOUCH`` of, and compared only
    with the rulings of those squares: linear in the rulings however the page is drawn.
    """
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    squares: dict[tuple[int, int], list[int]] = {}
    for i, s in enumerate(segments):
        for column in range(int((s.x0 - _TOUCH) // _BUCKET), int((s.x1 + _TOUCH) // _BUCKET) + 1):
            for row in range(int((s.top - _TOUCH) // _BUCKET), int((s.bottom + _TOUCH) // _BUCKET) + 1):
                squares.setdefault((column, row), []).append(i)
    for members in squares.values():
        if len(members) > _CROWDED:  # only a drawing made to be hostile crowds a square so
            for j in members[1:]:
                parent[find(j)] = find(members[0])
            continue
        for position, i in enumerate(members):
            a = segments[i]
            for j in members[position + 1 :]:
                b = segments[j]
                if b.x0 <= a.x1 + _TOUCH and a.x0 <= b.x1 + _TOUCH and b.top <= a.bottom + _TOUCH and a.top <= b.bottom + _TOUCH:
                    parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(segments):
        groups.setdefault(find(i), []).append(segment)
    return sorted(groups.values(), key=lambda group: min(s.top for s in group))


MAX_CELLS = 40_000  # rows × columns of one ruled table; the real reports' largest has a few hundred


def find_grids(page: Page) -> list[Grid]:
    """Every ruled table of the page, top to bottom, with the page's glyphs placed in its cells.

    A grid of more than ``MAX_CELLS`` cells is not read (the page says so: ``page.unread_grids``).
    """
    grids = []
    for group in _clusters([s for s in page.rulings if s.x1 - s.x0 > _TOUCH or s.bottom - s.top > _TOUCH]):
        horizontal = [s for s in group if s.horizontal]
        vertical = [s for s in group if not s.horizontal]
        ys, _ = _merge([s.top for s in horizontal])
        xs, column_of = _merge([s.x0 for s in vertical])
        if len(ys) < 2 or len(xs) < 3:
            continue  # one column is no table: a boxed list (a contents drawn with rules) stays text
        if (len(ys) - 1) * (len(xs) - 1) > MAX_CELLS:
            page.unread_grids += 1
            continue
        # Where each column boundary is ruled: the vertical rulings on it, as sorted spans.
        spans: list[list[tuple[float, float]]] = [[] for _ in xs]
        for s in vertical:
            spans[column_of[s.x0]].append((s.top - _TOUCH, s.bottom + _TOUCH))
        ruled = [_covering(intervals) for intervals in spans]
        rows = []
        for row in range(len(ys) - 1):
            middle = (ys[row] + ys[row + 1]) / 2
            cells = [Cell(row, 0, 0)]
            for column in range(1, len(xs) - 1):
                starts, ends = ruled[column]
                at = bisect_right(starts, middle) - 1
                if at >= 0 and middle <= ends[at]:
                    cells.append(Cell(row, column, column))
                else:
                    cells[-1].last = column
            rows.append(cells)
        grids.append(Grid(page.number, xs, ys, rows))
    _place_glyphs(page.lines, grids)
    return grids


def _covering(intervals: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Overlapping spans joined: their starts and ends, sorted, for a bisection."""
    starts: list[float] = []
    ends: list[float] = []
    for start, end in sorted(intervals):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _place_glyphs(lines: list[TextLine], grids: list[Grid]) -> None:
    for line in lines:
        for glyph in line.glyphs:
            x, y = glyph.mid_x, glyph.mid_y
            for grid in grids:
                if grid.xs[0] <= x <= grid.xs[-1] and grid.ys[0] <= y <= grid.ys[-1]:
                    row = min(bisect_right(grid.ys, y) - 1, len(grid.rows) - 1)
                    column = min(bisect_right(grid.xs, x) - 1, grid.columns - 1)
                    grid.cell(row, column).glyphs.append(glyph)
                    break
