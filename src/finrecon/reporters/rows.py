"""The flat view of a run that tabular exports share: one row per finding, columns in order."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..findings import Finding
from ..i18n import t
from ..results import FileResult, Tally

COLUMNS = ("file", "unit", "year", "rule", "severity", "status", "line", "path", "reported", "expected", "difference", "message", "hint")


def headers(lang: str) -> list[str]:
    keys = {"file": "column.file", "unit": "column.unit", "year": "column.year", "rule": "column.rule", "severity": "column.severity",
            "status": "column.status", "line": "column.line", "path": "column.path", "reported": "column.reported",
            "expected": "column.expected", "difference": "column.difference", "message": "column.message", "hint": "column.hint"}
    return [t(keys[column], lang) for column in COLUMNS]


def row(result: FileResult, finding: Finding, lang: str) -> dict[str, object]:
    return {
        "file": result.file,
        "unit": result.unit,
        "year": result.year,
        "rule": finding.rule,
        "severity": t(f"severity.{finding.severity.value}", lang),
        "status": t(f"status.{finding.status.value}", lang) + (f"：{finding.note}" if finding.note else ""),
        "line": finding.line,
        "path": finding.path,
        "reported": finding.reported,
        "expected": finding.expected,
        "difference": finding.difference,
        "message": finding.message,
        "hint": finding.hint,
    }


def rows(results: Iterable[FileResult], lang: str) -> Iterator[dict[str, object]]:
    for result in results:
        for finding in result.findings:
            yield row(result, finding, lang)


def summary_line(tally: Tally, lang: str) -> str:
    counts = tally.counts
    text = t("summary", lang, files=tally.files, **{k: counts[k] for k in ("error", "warning", "info")})
    suppressed = counts["waived"] + counts["baselined"]
    if suppressed:
        text += t("summary.suppressed", lang, count=suppressed)
    if tally.unreadable:
        text += t("summary.unreadable", lang, count=tally.unreadable)
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    from ..model.figure import _NUMBER

    return bool(_NUMBER.fullmatch(text))
