"""``--format table``: the colour-coded terminal table an accountant reads."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..findings import Severity
from ..results import Run

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def render(run: Run, console: Console) -> None:
    for result in run.files:
        if result.error:
            continue
        title = f"{result.file} — {result.unit or ''} {result.year or ''}".rstrip()
        if not result.findings:
            console.print(Text(f"✓ {title}：未发现问题", style="green"))
            continue
        table = Table(title=title, title_justify="left", show_lines=True, expand=False)
        table.add_column("规则", no_wrap=True, min_width=5)
        table.add_column("位置", overflow="fold", ratio=2)
        table.add_column("报告值", justify="right", overflow="fold", max_width=14)
        table.add_column("应为", justify="right", overflow="fold", max_width=14)
        table.add_column("差额", justify="right", overflow="fold", max_width=12)
        table.add_column("说明", overflow="fold", ratio=4)
        for finding in result.findings:
            style = STYLES[finding.severity]
            message = finding.message + (f"\n提示：{finding.hint}" if finding.hint else "")
            table.add_row(
                Text(f"{finding.rule}\n{NAMES[finding.severity]}", style=style),
                Text(f"第 {finding.line} 行\n{finding.path}"),
                _short(finding.reported),
                _short(finding.expected),
                _short(finding.difference),
                Text(message, style=style if finding.severity is Severity.INFO else ""),
            )
        console.print(table)
    counts = run.counts()
    summary = Text()
    summary.append(f"{counts['error']} 个错误", style=STYLES[Severity.ERROR] if counts["error"] else "")
    summary.append("，")
    summary.append(f"{counts['warning']} 个警告", style=STYLES[Severity.WARNING] if counts["warning"] else "")
    summary.append(f"，{counts['info']} 个提示 — 检查了 {len(run.files)} 个文件")
    if run.unreadable:
        summary.append(f"，{run.unreadable} 个无法读取", style="bold red")
    console.print(summary)


def _short(text: str | None, limit: int = 24) -> str:
    """Long texts (a whole claim) are cut in the table; the JSON export keeps them whole."""
    if not text:
        return ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
