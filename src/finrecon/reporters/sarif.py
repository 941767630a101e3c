"""``--format sarif``: SARIF 2.1.0, one run for all files, for code-scanning dashboards.

Results are written one by one, so that a run over many files never holds the whole document.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, TextIO
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity, Status
from ..i18n import label_line, place_label, t
from ..results import FileResult, Tally
from ..rules import all_rules

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _result(file: str, finding: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    if finding.page is not None:
        # A PDF has pages, not lines: the region is the line on its page, the page a property,
        # and the printed line the snippet a reader looks for.
        region = {"startLine": max(finding.file_line or finding.line, 1), "message": {"text": f"p.{finding.page}"}, "properties": {"page": finding.page}}
    place = place_label(finding.place, lang) if finding.place else None
    if finding.place:  # a Word, Excel or web page: the place as it names it; a line only where the file has lines (a web page's)
        line = label_line(finding.place)
        region = {"startLine": line, "message": {"text": place}} if line is not None else {}
    if finding.excerpt and region:
        region["snippet"] = {"text": finding.excerpt}
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(file)}}
    if region:
        physical["region"] = region
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message + (f"\n{t('hint', lang, hint=finding.hint)}" if finding.hint else "")},
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": finding.path, "kind": "member"}],
            **({"message": {"text": place}, "properties": {"place": place}} if place else {}),
        }],
        "partialFingerprints": {"finrecon/v1": finding.fingerprint},
        "properties": {"reported": finding.reported, "expected": finding.expected, "difference": finding.difference},
    }
    if finding.status is Status.WAIVED:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.note or ""}]
    elif finding.status is Status.BASELINED:
        result["suppressions"] = [{"kind": "external", "justification": "baseline"}]
    return result


def _driver(lang: str) -> dict[str, Any]:
    return {
        "name": "finrecon",
        "version": __version__,
        "rules": [{
            "id": rule.id,
            "name": rule.__name__,
            "shortDescription": {"text": rule.title_in(lang)},
            "fullDescription": {"text": rule.doc().split("\n\n", 1)[0]},
            "help": {"text": rule.doc()},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        } for rule in all_rules()],
    }


def _dump(value: Any, depth: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def write(results: Iterable[FileResult], out: TextIO, lang: str = "zh") -> Tally:
    tally = Tally()
    index = {rule.id: position for position, rule in enumerate(all_rules())}
    notifications: list[dict[str, Any]] = []
    out.write('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n')
    out.write(f'      "tool": {{\n        "driver": {_dump(_driver(lang), 4)}\n      }},\n      "results": [')
    first = True
    for file_result in tally.tallied(results):
        if file_result.error:
            notifications.append({
                "level": "error",
                "message": {"text": file_result.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(file_result.file)}}}],
            })
        for finding in file_result.findings:
            out.write(("" if first else ",") + "\n        " + _dump(_result(file_result.file, finding, index, lang), 4))
            first = False
    out.write("\n      ],\n" if not first else "],\n")
    invocation = {"executionSuccessful": not tally.unreadable, "toolExecutionNotifications": notifications}
    out.write(f'      "invocations": [\n        {_dump(invocation, 4)}\n      ]\n    }}\n  ]\n}}\n')
    return tally
