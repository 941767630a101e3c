"""``--format sarif``: SARIF 2.1.0, one run for all files, for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..findings import Severity, Status
from ..i18n import t
from ..results import Run
from ..rules import all_rules

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(run: Run, lang: str = "zh") -> str:
    rules = all_rules()
    index = {rule.id: position for position, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file_result in run.files:
        if file_result.error:
            notifications.append({
                "level": "error",
                "message": {"text": file_result.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": file_result.file}}}],
            })
        for finding in file_result.findings:
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message + (f"\n{t('hint', lang, hint=finding.hint)}" if finding.hint else "")},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": file_result.file},
                        "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
                    },
                    "logicalLocations": [{"fullyQualifiedName": finding.path, "kind": "member"}],
                }],
                "partialFingerprints": {"finrecon/v1": finding.fingerprint},
                "properties": {"reported": finding.reported, "expected": finding.expected, "difference": finding.difference},
            }
            if finding.status is Status.WAIVED:
                result["suppressions"] = [{"kind": "inSource", "justification": finding.note or ""}]
            elif finding.status is Status.BASELINED:
                result["suppressions"] = [{"kind": "external", "justification": "baseline"}]
            results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "finrecon",
                "version": __version__,
                "informationUri": "https://finrecon.dev",
                "rules": [{
                    "id": rule.id,
                    "name": rule.__name__,
                    "shortDescription": {"text": rule.title_in(lang)},
                    "fullDescription": {"text": rule.doc().split("\n\n", 1)[0]},
                    "help": {"text": rule.doc()},
                    "defaultConfiguration": {"level": LEVELS[rule.severity]},
                } for rule in rules],
            }},
            "results": results,
            "invocations": [{"executionSuccessful": not run.unreadable, "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
