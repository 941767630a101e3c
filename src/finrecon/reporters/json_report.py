"""``--format json``: the documented machine-readable document, and nothing else on stdout."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..findings import Finding
from ..results import Run


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "reported": finding.reported,
        "expected": finding.expected,
        "difference": finding.difference,
        "hint": finding.hint,
        "related": list(finding.related),
        "fingerprint": finding.fingerprint,
        "status": finding.status.value,
        "note": finding.note,
    }


def document(run: Run) -> dict[str, Any]:
    reports = []
    for result in run.files:
        entry: dict[str, Any] = {
            "file": result.file,
            "unit": result.unit,
            "year": result.year,
            "findings": [finding_dict(f) for f in result.findings],
            "summary": result.counts(),
        }
        if result.error:
            entry["error"] = result.error
        reports.append(entry)
    return {
        "tool": "finrecon",
        "version": __version__,
        "reports": reports,
        "summary": {"files": len(run.files), **run.counts(), "unreadable": run.unreadable},
    }


def render(run: Run, lang: str = "zh") -> str:
    return json.dumps(document(run), ensure_ascii=False, indent=2) + "\n"
