"""Runs the selected rules over a loaded report and returns its findings in a stable order.

After the rules: findings get their line and fingerprint; inline waivers and the baseline mark
the findings they accept; the waiver rules review the waivers themselves.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from decimal import ROUND_HALF_EVEN, Context, localcontext
from typing import Any, Collection

from .findings import Finding, Status, fingerprint
from .readers import LoadedReport
from .model import Report
from .model.figure import PATH_PART
from .rules import all_rules
from .rules.base import Options, Rule
from .rules.waivers import WaiverRule
from .waivers import ConfigWaiver, Waiver


def _waiver_for(loaded: LoadedReport, finding: Finding, line: int) -> Waiver | None:
    """The waiver that accepts ``finding``: on its own line, or on the key line of the figure or
    attribute it is about (``total:  # finrecon: ignore[FR201] …`` above a block mapping)."""
    lines = [line]
    for depth in (len(finding.loc), len(finding.loc) - 1):
        if depth > 0:
            key = loaded.source.key_place(finding.loc[:depth])
            if key:
                lines.append(key.line)
    for candidate in lines:
        waiver = loaded.waivers.get(candidate)
        if waiver and waiver.reason and waiver.covers(finding.rule):
            return waiver
    return None


def selected(select: list[str] | None = None, ignore: list[str] | None = None) -> list[str]:
    """Rule IDs chosen by ID or prefix (``FR2`` selects every share rule)."""
    ids = [rule.id for rule in all_rules()]
    if select:
        ids = [i for i in ids if any(i.startswith(prefix) for prefix in select)]
    if ignore:
        ids = [i for i in ids if not any(i.startswith(prefix) for prefix in ignore)]
    return ids


# Numbers reach 40 characters (the loader's limit); sums and quotients of them stay exact here.
_PRECISE = Context(prec=80, rounding=ROUND_HALF_EVEN)


def logical_path(report: Report, path: str) -> str:
    """``path`` with list positions replaced by what the item is (its code, name or text).

    ``tables.basic.rows[1].amount`` becomes ``tables.basic.rows[30201].amount``: a row inserted
    above does not turn a known finding into a new one, nor a new finding into a known one.
    """
    if "[" not in path:
        return path  # no list position to replace
    node: Any = report
    parts: list[str] = []
    for name, index in PATH_PART.findall(path):
        if name:
            parts.append(("." if parts else "") + name)
            node = getattr(node, name, None)
            continue
        item = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
        key = next((getattr(item, attr) for attr in ("code", "name", "level3") if getattr(item, attr, None)), None)
        if key is None and isinstance(item, str):
            key = item
        parts.append(f"[{key if key is not None else index}]")
        node = item
    return "".join(parts) if parts else path


@functools.lru_cache(maxsize=64)
def _plan(wanted: frozenset[str] | None) -> tuple[tuple[type[Rule], ...], tuple[type[WaiverRule], ...], frozenset[str]]:
    """The chosen rules in ID order: those that check the report, those that review its waivers
    afterwards, and every ID that runs.  Worked out once per selection, not once per report."""
    rules = [rule for rule in all_rules() if wanted is None or rule.id in wanted]
    reviewing = tuple(rule for rule in rules if issubclass(rule, WaiverRule))
    return tuple(rule for rule in rules if rule not in reviewing), reviewing, frozenset(rule.id for rule in rules)


def check(
    loaded: LoadedReport,
    rule_ids: list[str] | None = None,
    options: Options | None = None,
    baseline: Collection[str] = (),
    waivers: Collection[ConfigWaiver] = (),
) -> list[Finding]:
    """All findings of the chosen rules; ``baseline`` holds the fingerprints already accepted,
    ``waivers`` the configuration's waivers for this file."""
    with localcontext(_PRECISE):
        return _check(loaded, rule_ids, options, baseline, waivers)


def _check(
    loaded: LoadedReport,
    rule_ids: list[str] | None,
    options: Options | None,
    baseline: Collection[str],
    configured: Collection[ConfigWaiver],
) -> list[Finding]:
    checking, reviewing, ran = _plan(None if rule_ids is None else frozenset(rule_ids))
    meta = loaded.report.meta
    findings: list[Finding] = []
    used: set[int] = set()
    for rule in checking:
        for finding in rule(options).check(loaded.report):
            place = loaded.source.place(finding.loc, finding.offset)
            waiver = _waiver_for(loaded, finding, place.line) if loaded.waivers else None
            stable_path = logical_path(loaded.report, finding.path)
            stable_id = fingerprint(meta.unit, meta.year, finding.rule, stable_path)
            status, note = Status.OPEN, finding.note
            accepted = next((item for item in configured if item.covers(finding.rule, stable_path)), None) if configured else None
            if waiver is not None:
                status, note = Status.WAIVED, waiver.reason
                used.add(waiver.line)
            elif accepted is not None:
                status, note = Status.WAIVED, accepted.reason
            elif stable_id in baseline:
                status = Status.BASELINED
            # Located: the tree path is not needed any more.
            findings.append(finding.located(place.line, place.column, place.page, finding.excerpt or place.excerpt, stable_id, status, note, place.box, place.label, place.file_line))
    for rule in reviewing:
        for finding in rule(options).review(loaded.waivers.values(), used, ran):
            findings.append(replace(finding, fingerprint=fingerprint(meta.unit, meta.year, finding.rule, finding.path)))
    findings.sort(key=Finding.sort_key)
    return findings
