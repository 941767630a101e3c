"""Every rule's passing and failing cases, as data: one YAML file of cases per rule (sqlfluff style).

A case gives a report fragment (``meta`` is added unless the case brings its own; a cross-year rule's case gives
``reports``, a list of whole reports) and the findings the rule must produce —
exactly those, in order; a case with ``findings: []`` must pass cleanly.  A finding may pin its ``reported``, ``expected``
and ``difference``, and words its message or hint must contain (``message_contains``, ``hint_contains``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from finrecon.engine import check
from finrecon.readers import load_text
from finrecon.rules import REGISTRY, years

CASES_DIR = Path(__file__).parent
META = "meta: {unit: 测试单位, year: 2024}\n"


def _cases():
    for file in sorted(CASES_DIR.glob("FR*.yaml")):
        spec = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}")


def _findings(rule_id: str, case: dict) -> list:
    if "reports" in case:  # a cross-year rule: several reports, the findings of the stage after them
        comparables = [years.comparable(load_text(text, f"{rule_id}-{number}.yaml"), f"{rule_id}-{number}.yaml") for number, text in enumerate(case["reports"])]
        found = years.across_years(comparables, years.year_rules([rule_id], None))
        return [finding for file in sorted(found) for finding in found[file]]
    text = case["report"] if case["report"].startswith("meta:") else META + case["report"]
    loaded = load_text(text, f"{rule_id}.yaml")
    # A case may run other rules beside its own (a waiver rule needs the findings it waives).
    return [f for f in check(loaded, [rule_id, *case.get("select", [])]) if f.rule == rule_id]


@pytest.mark.parametrize(("rule_id", "case"), list(_cases()))
def test_rule_case(rule_id: str, case: dict) -> None:
    findings = _findings(rule_id, case)
    assert [f.path for f in findings] == [expected["path"] for expected in case["findings"]], [f.message for f in findings]
    for finding, expected in zip(findings, case["findings"]):
        assert finding.rule == rule_id
        assert finding.severity.value == expected.get("severity", REGISTRY[rule_id].severity.value)
        for key in ("reported", "expected", "difference"):
            if key in expected:
                assert getattr(finding, key) == expected[key], (key, finding)
        if "message_contains" in expected:
            assert expected["message_contains"] in finding.message, finding.message
        if "hint_contains" in expected:
            assert finding.hint and expected["hint_contains"] in finding.hint, finding.hint
        assert finding.message and finding.line >= 1


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    covered: dict[str, set[bool]] = {}
    for param in _cases():
        rule_id, case = param.values
        covered.setdefault(rule_id, set()).add(bool(case["findings"]))
    missing = {rule_id for rule_id in REGISTRY if covered.get(rule_id) != {True, False}}
    assert not missing, f"rules without both a passing and a failing case: {sorted(missing)}"
