"""The Excel reader: the workbook the final-accounts software exports (.xlsx, or .xlsm whose
macros never run) → ``Report``.

One sheet per table, as printed: the title (and 编制部门 / 单位) in the first rows, then the
header rows and the figures.  openpyxl reads the values in read-only mode, cached values only —
a formula is never computed: one with no cached value (a workbook written by a program and never
opened in Excel) is said to be unread, never taken as 0.  A cell is placed as “sheet!C7”.  A sheet
is recognised by its title, through the template's table definitions, as a PDF table is; a sheet
whose rows print no title is taken by its name, where that is a table's title.  Merged cells are
read from the sheet's own ``mergeCells`` (read-only mode does not give them).
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..i18n import Msg
from ..lexicon import TABLE_NUMBER
from .media import Document, stem_of, table_blocks, title_rows, whole_line
from .ooxml import Package
from .source import Limits, LoadError

MAX_CELLS = 500_000  # cells read over the whole workbook (a report's nine sheets hold a few thousand)
MAX_COLUMNS = 200
_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_CELL = re.compile(rb'<c\s+r="([A-Z]+\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_DECIMALS = re.compile(r"0\.(0+)")


def _column(letters: bytes | str) -> int:
    number = 0
    for char in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(char) - 64
    return number


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def _printed(value: Any, number_format: str | None) -> str:
    """A cell's value as the sheet shows it: a number with the decimals its format prints."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        number = Decimal(repr(value))  # the shortest decimal that is this float: what Excel shows
    elif isinstance(value, Decimal):
        number = value
    else:
        return str(value).strip()
    # Excel rounds what it shows half away from zero (2.5 → 3, 0.125 → 0.13), not half to even
    form = (number_format or "General").split(";")[0]
    if "%" in form:
        number *= 100
    match = _DECIMALS.search(form)
    if match:
        try:
            number = number.quantize(Decimal(1).scaleb(-len(match.group(1))), ROUND_HALF_UP)
        except InvalidOperation:
            pass
    elif "0" in form and "." not in form and form != "General":
        number = number.quantize(Decimal(1), ROUND_HALF_UP)
    text = format(number, "f")
    return text + ("%" if "%" in form else "")


def xlsx_document(data: bytes, name: str = "", limits: Limits = Limits()) -> Document:
    package = Package(data, "Excel (.xlsx)", limits)
    package.check_xml_parts()
    from openpyxl import load_workbook  # loaded only for a workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except LoadError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl raises anything for a damaged package
        raise LoadError(Msg("media.not_package", kind="Excel (.xlsx)")) from error
    blocks: list[tuple[int, float, Any]] = []
    labels: dict[int, str] = {}
    unread: list[dict[str, Any]] = []
    cells_read = 0
    number = 0
    try:
        for sheet_index, sheet in enumerate(book.worksheets, start=1):
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            path = getattr(sheet, "_worksheet_path", None)
            raw = package.read(path) if path and path in package.names else b""
            spans = _merges(raw)
            uncached = _uncached(raw)
            rows: list[list[tuple[str, int, int]]] = []
            for row in sheet.iter_rows(max_col=MAX_COLUMNS):
                cells: list[tuple[str, int, int]] = []
                skip = 0
                for cell in row:
                    cells_read += 1
                    if cells_read > MAX_CELLS:
                        raise LoadError(Msg("media.too_many_cells", limit=MAX_CELLS))
                    if skip:
                        skip -= 1
                        continue
                    column = getattr(cell, "column", None)
                    row_number = getattr(cell, "row", None)
                    if column is None or row_number is None:  # an empty cell read-only mode fills in
                        cells.append(("", 1, 0))
                        continue
                    reference = f"{_letters(column)}{row_number}"
                    span = spans.get((row_number, column), 1)
                    skip = span - 1
                    if reference in uncached and cell.value is None:
                        # Not a blank (0): the cell prints its formula, which no table reads as a figure,
                        # so the figure that would stand there is unknown (``cell`` ties this item to it).
                        number += 1
                        labels[number] = f"{sheet.title}!{reference}"
                        unread.append({
                            "page": sheet_index, "text": sheet.title, "printed": uncached[reference],
                            "reason": "media.formula", "reason_args": {"cell": f"{sheet.title}!{reference}", "formula": uncached[reference]},
                            "kind": "figures", "place": f"{sheet.title}!{reference}", "cell": number,
                        })
                        cells.append((uncached[reference], span, number))
                        continue
                    text = _printed(cell.value, getattr(cell, "number_format", None))
                    if text:
                        number += 1
                        labels[number] = f"{sheet.title}!{reference}"
                    cells.append((text, span, number if text else 0))
                while cells and not cells[-1][0]:
                    cells.pop()
                rows.append(cells)
            while rows and not rows[-1]:
                rows.pop()
            if not rows:
                continue
            lines, _ = title_rows(rows)
            if not lines:  # no title printed in the sheet: its name may be the title
                number += 1
                labels[number] = f"{sheet.title}!A1"
                name_line = re.sub(TABLE_NUMBER, "", sheet.title)
                blocks.append((sheet_index, float(len(blocks)), whole_line(number, name_line, sheet_index)))
            table_blocks(sheet_index, rows, blocks)
    finally:
        book.close()
    return Document(blocks, labels, max(len(book.worksheets), 1), "whole", unread, stem_of(name), paged=False)


def _merges(raw: bytes) -> dict[tuple[int, int], int]:
    """Each merged range's top-left cell → the columns it spans."""
    spans: dict[tuple[int, int], int] = {}
    tail = raw[raw.rfind(b"<mergeCells"):] if b"<mergeCells" in raw else b""
    for first_column, first_row, last_column, _ in _MERGE.findall(tail):
        start, end = _column(first_column), _column(last_column)
        if end > start:
            spans[(int(first_row), start)] = min(end - start + 1, MAX_COLUMNS)
    return spans


def _uncached(raw: bytes) -> dict[str, str]:
    """Formula cells with no cached value: reference → the formula."""
    if b"<f" not in raw:
        return {}
    found: dict[str, str] = {}
    for reference, inner in _CELL.findall(raw):
        if inner and b"<f" in inner and not re.search(rb"<v(?:\s[^>]*)?>[^<]", inner):
            formula = re.search(rb"<f[^>]*>(.*?)</f>", inner, re.S)
            found[reference.decode()] = "=" + (formula.group(1).decode("utf-8", "replace")[:40] if formula else "…")
    return found
