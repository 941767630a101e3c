"""``--format markdown``: a table to paste into a review memo."""

from __future__ import annotations

from itertools import chain, islice
from typing import Iterable, TextIO

from ..i18n import t
from ..results import FileResult, Tally
from .rows import rows, summary_line, title

COLUMNS = ("file", "page", "line", "rule", "severity", "status", "path", "reported", "expected", "difference", "message")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def write(results: Iterable[FileResult], out: TextIO, lang: str = "zh") -> Tally:
    tally = Tally()
    # Written before the rest: the title knows the kind of a single report, and names a batch plainly.
    results = iter(results)
    first = list(islice(results, 2))
    out.write(f"# {title(first if len(first) == 1 else [], lang)}\n\n")
    results = chain(first, results)
    out.write("| " + " | ".join(t(f"column.{c}", lang) for c in COLUMNS) + " |\n")
    out.write("|" + "|".join("---:" if c in ("page", "line", "reported", "expected", "difference") else "---" for c in COLUMNS) + "|\n")
    for item in rows(tally.tallied(results), lang):
        cells = {column: _cell(item[column]) for column in COLUMNS}
        if item["excerpt"]:
            cells["message"] += "<br>" + _cell(t("excerpt", lang, excerpt=item["excerpt"]))
        if item["hint"]:
            cells["message"] += "<br>" + _cell(t("hint", lang, hint=item["hint"]))
        out.write("| " + " | ".join(cells[c] for c in COLUMNS) + " |\n")
    out.write(f"\n{summary_line(tally, lang)}\n")
    return tally
