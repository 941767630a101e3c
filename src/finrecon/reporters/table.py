"""``--format table``: the colour-coded terminal table an accountant reads."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..findings import Severity
from ..i18n import t
from ..results import Run
from .rows import printable, summary_line, where

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def _overview(run: Run, console: Console, lang: str) -> None:
    """One line per file first, so that a batch shows where the problems are before the detail."""
    table = Table(show_lines=False, expand=False)
    for key, justify in (("column.file", "left"), ("column.unit", "left"), ("column.year", "right"),
                         ("severity.error", "right"), ("severity.warning", "right"), ("severity.info", "right")):
        table.add_column(t(key, lang), justify=justify, overflow="fold")  # type: ignore[arg-type]
    for result in run.files:
        if result.error:
            table.add_row(Text(printable(result.file), style="bold red"), Text(printable(result.error.split(": ", 1)[-1]), style="bold red"), "", "", "", "")
            continue
        counts = result.counts()
        table.add_row(
            Text(printable(result.file)), Text(printable(result.unit or "")), str(result.year or ""),
            Text(str(counts["error"]), style=STYLES[Severity.ERROR] if counts["error"] else ""),
            Text(str(counts["warning"]), style=STYLES[Severity.WARNING] if counts["warning"] else ""),
            str(counts["info"]),
        )
    console.print(table)


def render(run: Run, console: Console, lang: str = "zh") -> None:
    if len(run.files) > 1:
        _overview(run, console, lang)
    for result in run.files:
        if result.error:
            continue
        title = printable(f"{result.file} — {result.unit or ''} {result.year or ''}".rstrip() + (f" [{result.template}]" if result.template else ""))
        if not result.findings:
            console.print(Text("✓ " + t("clean", lang, file=title), style="green"))
            continue
        table = Table(title=Text(title), title_justify="left", show_lines=True, expand=False)
        table.add_column(t("column.rule", lang), no_wrap=True, min_width=5)
        table.add_column(t("column.where", lang), overflow="fold", ratio=2)
        table.add_column(t("column.reported", lang), justify="right", overflow="fold", max_width=14)
        table.add_column(t("column.expected", lang), justify="right", overflow="fold", max_width=14)
        table.add_column(t("column.difference", lang), justify="right", overflow="fold", max_width=12)
        table.add_column(t("column.message", lang), overflow="fold", ratio=4)
        for finding in result.findings:
            style = STYLES[finding.severity] if finding.counts else "dim"
            message = printable(
                finding.message
                + ("\n" + t("excerpt", lang, excerpt=finding.excerpt) if finding.excerpt else "")
                + ("\n" + t("hint", lang, hint=finding.hint) if finding.hint else "")
            )
            status = "" if finding.counts else "\n" + t(f"status.{finding.status.value}", lang)
            table.add_row(
                Text(f"{finding.rule}\n{t(f'severity.{finding.severity.value}', lang)}{status}", style=style),
                Text(f"{where(finding, lang)}\n{printable(finding.path)}"),
                Text(_short(finding.reported)),
                Text(_short(finding.expected)),
                Text(_short(finding.difference)),
                Text(message, style="dim" if finding.severity is Severity.INFO or not finding.counts else ""),
            )
        console.print(table)
    tally = run.tally
    style = STYLES[Severity.ERROR] if tally.counts["error"] else (STYLES[Severity.WARNING] if tally.counts["warning"] else "green")
    console.print(Text(summary_line(tally, lang), style=style))


def _short(text: str | None, limit: int = 24) -> str:
    """Long texts (a whole claim) are cut in the table; the JSON export keeps them whole."""
    if not text:
        return ""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
