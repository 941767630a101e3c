"""``--format table``: the colour-coded terminal table an accountant reads."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..findings import Severity
from ..i18n import t
from ..results import Run
from .rows import summary_line

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def render(run: Run, console: Console, lang: str = "zh") -> None:
    for result in run.files:
        if result.error:
            continue
        title = f"{result.file} — {result.unit or ''} {result.year or ''}".rstrip()
        if not result.findings:
            console.print(Text("✓ " + t("clean", lang, file=title), style="green"))
            continue
        table = Table(title=title, title_justify="left", show_lines=True, expand=False)
        table.add_column(t("column.rule", lang), no_wrap=True, min_width=5)
        table.add_column(t("column.where", lang), overflow="fold", ratio=2)
        table.add_column(t("column.reported", lang), justify="right", overflow="fold", max_width=14)
        table.add_column(t("column.expected", lang), justify="right", overflow="fold", max_width=14)
        table.add_column(t("column.difference", lang), justify="right", overflow="fold", max_width=12)
        table.add_column(t("column.message", lang), overflow="fold", ratio=4)
        for finding in result.findings:
            style = STYLES[finding.severity] if finding.counts else "dim"
            message = finding.message + ("\n" + t("hint", lang, hint=finding.hint) if finding.hint else "")
            status = "" if finding.counts else "\n" + t(f"status.{finding.status.value}", lang)
            table.add_row(
                Text(f"{finding.rule}\n{t(f'severity.{finding.severity.value}', lang)}{status}", style=style),
                Text(f"{t('line', lang, line=finding.line)}\n{finding.path}"),
                _short(finding.reported),
                _short(finding.expected),
                _short(finding.difference),
                Text(message, style="dim" if finding.severity is Severity.INFO or not finding.counts else ""),
            )
        console.print(table)
    counts = run.counts()
    style = STYLES[Severity.ERROR] if counts["error"] else (STYLES[Severity.WARNING] if counts["warning"] else "green")
    console.print(Text(summary_line(run, lang), style=style))


def _short(text: str | None, limit: int = 24) -> str:
    """Long texts (a whole claim) are cut in the table; the JSON export keeps them whole."""
    if not text:
        return ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
