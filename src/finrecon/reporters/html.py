"""``--format html``: one self-contained page — the colour-coded table and the summary — to mail."""

from __future__ import annotations

from html import escape

from .. import __version__
from ..i18n import t
from ..results import Run
from .rows import summary_line, title, where

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.error td.severity { color: rgb(192, 0, 0); font-weight: bold; }
tr.warning td.severity { color: rgb(176, 112, 0); font-weight: bold; }
tr.info td.severity { color: rgb(110, 110, 110); }
tr.error { background: rgb(255, 235, 235); }
tr.warning { background: rgb(255, 248, 220); }
tr.info { background: rgb(245, 245, 245); }
tr.suppressed { opacity: 0.6; }
p.hint { margin: 0.3em 0 0; color: #555; }
p.excerpt { margin: 0.3em 0 0; color: #333; font-family: serif; }
p.summary { font-weight: bold; }
p.unreadable { color: rgb(192, 0, 0); }
"""

COLUMNS = ("rule", "severity", "where", "reported", "expected", "difference", "message")


def render(run: Run, lang: str = "zh") -> str:
    keys = {"rule": "column.rule", "severity": "column.severity", "where": "column.where", "reported": "column.reported",
            "expected": "column.expected", "difference": "column.difference", "message": "column.message"}
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        f"<title>{escape(title(run.files, lang))}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title(run.files, lang))}</h1>",
        f'<p class="summary" id="summary">{escape(summary_line(run.tally, lang))}</p>',
    ]
    for result in run.files:
        heading = " ".join(str(part) for part in (result.file, result.unit or "", result.year or "") if part)
        parts.append(f"<h2>{escape(heading)}</h2>")
        if result.error:
            parts.append(f'<p class="unreadable">{escape(result.error)}</p>')
            continue
        if not result.findings:
            parts.append(f"<p>{escape(t('clean', lang, file=result.file))}</p>")
            continue
        parts.append('<table class="findings"><thead><tr>' + "".join(f"<th>{escape(t(keys[c], lang))}</th>" for c in COLUMNS) + "</tr></thead><tbody>")
        for finding in result.findings:
            classes = finding.severity.value + ("" if finding.counts else " suppressed")
            status = "" if finding.counts else f"<br>{escape(t(f'status.{finding.status.value}', lang))}"
            hint = f'<p class="hint">{escape(t("hint", lang, hint=finding.hint))}</p>' if finding.hint else ""
            if finding.excerpt:
                hint = f'<p class="excerpt">{escape(t("excerpt", lang, excerpt=finding.excerpt))}</p>' + hint
            parts.append(
                f'<tr class="{classes}" data-rule="{finding.rule}" data-severity="{finding.severity.value}">'
                f"<td>{finding.rule}</td>"
                f'<td class="severity">{escape(t(f"severity.{finding.severity.value}", lang))}{status}</td>'
                f"<td>{escape(where(finding, lang))}<br><code>{escape(finding.path)}</code></td>"
                f'<td class="num">{escape(finding.reported or "")}</td>'
                f'<td class="num">{escape(finding.expected or "")}</td>'
                f'<td class="num">{escape(finding.difference or "")}</td>'
                f"<td>{escape(finding.message)}{hint}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append(f"<footer><p>finrecon {__version__}</p></footer></body></html>")
    return "\n".join(parts) + "\n"
