"""``--format xlsx``: a findings sheet (frozen header, filters, widths, severity colours, numbers as
numbers) and a summary sheet."""

from __future__ import annotations

import io
from decimal import Decimal

from ..i18n import t
from ..results import Run
from .rows import COLUMNS, headers, is_number, rows, spreadsheet_safe, summary_line

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "EDEDED"}
WIDTHS = {"file": 28, "unit": 20, "year": 7, "rule": 8, "severity": 8, "status": 10, "page": 5, "line": 6, "path": 36,
          "reported": 14, "expected": 14, "difference": 12, "message": 60, "excerpt": 40, "hint": 40}
NUMERIC = ("reported", "expected", "difference")


def _cell(column: str, value: object) -> object:
    if value is None:
        return None
    if column in NUMERIC and isinstance(value, str) and is_number(value):
        return Decimal(value)
    return spreadsheet_safe(value)


def render(run: Run, lang: str = "zh") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "findings" if lang == "en" else "问题清单"
    sheet.append(headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in rows(run.files, lang):
        sheet.append([_cell(column, item[column]) for column in COLUMNS])
        fill = PatternFill("solid", fgColor=FILLS[str(item["level"])])
        for cell in sheet[sheet.max_row]:
            cell.fill = fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]

    summary = book.create_sheet("summary" if lang == "en" else "汇总")
    summary.append([t("column.file", lang), t("column.unit", lang), t("column.year", lang),
                    t("severity.error", lang), t("severity.warning", lang), t("severity.info", lang),
                    t("status.waived", lang), t("status.baselined", lang), t("status.unreadable", lang)])
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for result in run.files:
        counts = result.counts()
        summary.append([spreadsheet_safe(result.file), spreadsheet_safe(result.unit), result.year, counts["error"], counts["warning"],
                        counts["info"], counts["waived"], counts["baselined"], spreadsheet_safe(result.error)])
    summary.append([])
    summary.append([summary_line(run.tally, lang)])
    summary.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic(buffer.getvalue())


FIXED_TIME = "2000-01-01T00:00:00Z"  # an export's created/modified: the same bytes for the same findings


def _deterministic(data: bytes) -> bytes:
    """The saved workbook with no clock in it: openpyxl stamps docProps/core.xml's created and
    modified and every zip entry with the time of saving; both are fixed here."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), content)
            fixed = zipfile.ZipInfo(entry.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            target.writestr(fixed, content)
    return out.getvalue()
