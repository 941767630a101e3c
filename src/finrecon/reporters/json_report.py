"""``--format json``: the documented machine-readable document, and nothing else on stdout.

Written report by report, so that a run over ten thousand files never holds the whole document.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, TextIO

from .. import __version__
from ..findings import Finding
from ..results import FileResult, Tally


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "page": finding.page,
        "line": finding.line,
        "column": finding.column,
        "excerpt": finding.excerpt,
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


def report_dict(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "file": result.file,
        "unit": result.unit,
        "year": result.year,
        "findings": [finding_dict(f) for f in result.findings],
        "summary": result.counts(),
    }
    if result.error:
        entry["error"] = result.error
    return entry


def _indented(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` prints it at that depth of a larger document."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)


def write(results: Iterable[FileResult], out: TextIO, lang: str = "zh") -> Tally:
    tally = Tally()
    out.write(f'{{\n  "tool": "finrecon",\n  "version": {json.dumps(__version__)},\n  "reports": [')
    for index, result in enumerate(tally.tallied(results)):
        out.write(("," if index else "") + "\n    " + _indented(report_dict(result), 2))
    out.write("\n  ]," if tally.files else "],")
    summary = {"files": tally.files, **tally.counts, "unreadable": tally.unreadable}
    out.write(f'\n  "summary": {_indented(summary, 1)}\n}}\n')
    return tally
