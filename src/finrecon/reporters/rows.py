"""The flat view of a run that tabular exports share: one row per finding, columns in order."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..findings import Finding
from ..i18n import label_line, place_label, t
from ..results import FileResult, Tally

COLUMNS = (
    "file", "unit", "year", "rule", "severity", "status", "page", "line", "path", "reported", "expected", "difference",
    "message", "excerpt", "hint",
)


def headers(lang: str) -> list[str]:
    return [t(f"column.{column}", lang) for column in COLUMNS]


def where(finding: Finding, lang: str) -> str:
    """Where a finding stands, as a reader looks for it: “第 3 页第 12 行” in a PDF, “第 12 行” in YAML."""
    if finding.place:  # a Word, Excel or web page names its place (“第 12 段”, “表1!C7”), in the run's language
        return place_label(finding.place, lang)
    if finding.page is not None:
        return t("page_line", lang, page=finding.page, line=finding.line)
    return t("line", lang, line=finding.line)


def file_line(finding: Finding) -> int | None:
    """The line of the file a finding stands on, where the file has lines a tool can show: YAML's, a
    web page's source line; ``None`` for a Word paragraph or a workbook's cell (no line of the file)."""
    if finding.place:
        return label_line(finding.place)
    if finding.file_line is not None:  # a page text: its page and line, as the file's line
        return finding.file_line
    return finding.line


def row(result: FileResult, finding: Finding, lang: str) -> dict[str, object]:
    return {
        "file": result.file,
        "unit": result.unit,
        "year": result.year,
        "rule": finding.rule,
        "severity": t(f"severity.{finding.severity.value}", lang),
        "status": t(f"status.{finding.status.value}", lang) + (f"：{finding.note}" if finding.note else ""),
        "page": finding.page,
        "line": place_label(finding.place, lang) if finding.place else finding.line,  # a Word, Excel or web page names its place (“表1!C7”)
        "path": finding.path,
        "reported": finding.reported,
        "expected": finding.expected,
        "difference": finding.difference,
        "message": finding.message,
        "excerpt": finding.excerpt,
        "hint": finding.hint,
        "level": finding.severity.value,  # not a column: the colour a spreadsheet gives the row
    }


def rows(results: Iterable[FileResult], lang: str) -> Iterator[dict[str, object]]:
    """One row per finding; an unreadable file is a row too, so that no file goes missing."""
    for result in results:
        if result.error:
            yield {
                **dict.fromkeys(COLUMNS), "file": result.file, "severity": t("severity.error", lang),
                "status": t("status.unreadable", lang), "message": result.error, "level": "error",
            }
        for finding in result.findings:
            yield row(result, finding, lang)


def title(results: Iterable[FileResult], lang: str) -> str:
    """The document's title: a budget's for budgets, the final accounts' for final accounts, a
    plain one for a mix (or where nothing could be read)."""
    kinds = {result.kind for result in results if result.kind}
    key = {frozenset({"budget"}): "report.title.budget", frozenset({"final"}): "report.title"}.get(frozenset(kinds), "report.title.mixed")
    return t(key, lang)


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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Text safe for XML (xlsx, JUnit) and for a terminal (no escape sequences, no carriage
    returns that overwrite a line): control characters shown as \\xNN, tab and newline kept."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group(0)):02x}", text)


def spreadsheet_safe(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula; numbers stay numbers."""
    if isinstance(value, str):
        value = printable(value)
        if value.startswith(_FORMULA_START) and not is_number(value):
            return "'" + value
    return value


def is_number(text: str) -> bool:
    """A number as finrecon prints one (never 'NaN', never '1E+5')."""
    from ..model.figure import _NUMBER

    return bool(_NUMBER.fullmatch(text))
