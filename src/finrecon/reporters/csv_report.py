"""``--format csv``: UTF-8 with BOM so that Excel shows the Chinese; formulas neutralised."""

from __future__ import annotations

import csv
import io

from ..results import Run
from .rows import COLUMNS, headers, rows, spreadsheet_safe


def render(run: Run, lang: str = "zh") -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(lang))
    for item in rows(run, lang):
        writer.writerow(["" if item[c] is None else spreadsheet_safe(str(item[c])) for c in COLUMNS])
    return buffer.getvalue()
