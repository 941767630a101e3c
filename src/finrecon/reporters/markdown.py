"""``--format markdown``: a table to paste into a review memo."""

from __future__ import annotations

from ..i18n import t
from ..results import Run
from .rows import rows, summary_line

COLUMNS = ("file", "line", "rule", "severity", "status", "path", "reported", "expected", "difference", "message")
KEYS = {"file": "column.file", "line": "column.line", "rule": "column.rule", "severity": "column.severity", "status": "column.status",
        "path": "column.path", "reported": "column.reported", "expected": "column.expected", "difference": "column.difference",
        "message": "column.message"}


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def render(run: Run, lang: str = "zh") -> str:
    lines = [f"# {t('report.title', lang)}", "", summary_line(run, lang), ""]
    lines.append("| " + " | ".join(t(KEYS[c], lang) for c in COLUMNS) + " |")
    lines.append("|" + "|".join("---:" if c in ("line", "reported", "expected", "difference") else "---" for c in COLUMNS) + "|")
    for item in rows(run, lang):
        cells = {column: _cell(item[column]) for column in COLUMNS}
        if item["hint"]:
            cells["message"] += "<br>" + _cell(t("hint", lang, hint=item["hint"]))
        lines.append("| " + " | ".join(cells[c] for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"
