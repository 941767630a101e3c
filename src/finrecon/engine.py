"""Runs the selected rules over a loaded report and returns its findings in a stable order."""

from __future__ import annotations

from dataclasses import replace

from .findings import Finding
from .load import LoadedReport
from .rules import all_rules
from .rules.base import Options


def selected(select: list[str] | None = None, ignore: list[str] | None = None) -> list[str]:
    """Rule IDs chosen by ID or prefix (``FR2`` selects every share rule)."""
    ids = [rule.id for rule in all_rules()]
    if select:
        ids = [i for i in ids if any(i.startswith(prefix) for prefix in select)]
    if ignore:
        ids = [i for i in ids if not any(i.startswith(prefix) for prefix in ignore)]
    return ids


def check(loaded: LoadedReport, rule_ids: list[str] | None = None, options: Options | None = None) -> list[Finding]:
    chosen = set(rule_ids) if rule_ids is not None else None
    findings: list[Finding] = []
    for rule in all_rules():
        if chosen is not None and rule.id not in chosen:
            continue
        for finding in rule(options).check(loaded.report):
            line, column = loaded.source.locate(finding.loc)
            findings.append(replace(finding, line=line, column=column))
    findings.sort(key=Finding.sort_key)
    return findings
