"""``--format csv``: UTF-8 with BOM so that Excel shows the Chinese; formulas neutralised."""

from __future__ import annotations

import csv
from typing import Iterable, TextIO

from ..results import FileResult, Tally
from .rows import COLUMNS, headers, rows, spreadsheet_safe


def write(results: Iterable[FileResult], out: TextIO, lang: str = "zh") -> Tally:
    tally = Tally()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(lang))
    for item in rows(tally.tallied(results), lang):
        writer.writerow(["" if item[c] is None else spreadsheet_safe(str(item[c])) for c in COLUMNS])
    return tally
