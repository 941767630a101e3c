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
        **({"place": finding.place} if finding.place else {}),
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
        "template": result.template,
        "findings": [finding_dict(f) for f in result.findings],
        "summary": result.counts(),
    }
    if result.error:
        entry["error"] = result.error  # every problem, one "file:line:col: message" line each
        entry["problems"] = result.problems
    if result.coverage is not None:
        entry["coverage"] = result.coverage
    return entry


def _indented(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` prints it at that depth of a larger document."""
    try:
        return _dumps(value, "  " * depth)
    except _Unusual:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + "  " * depth)


class _Unusual(Exception):
    """A value ``_dumps`` leaves to the json module."""


_STRING = json.encoder.encode_basestring  # the quoted string, as json writes it with ensure_ascii=False (in C)


def _dumps(value: Any, indent: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for what this document holds — dicts with
    string keys, lists, strings, integers, booleans, None — each line after the first continued at
    ``indent``.  Written out because with ``indent`` the json module encodes in pure Python: a
    tenth of a millisecond a report, as much as some rules."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    inner = indent + "  "
    if kind is dict:
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            # The usual values, strings and None, without a call each (a finding has sixteen).
            text = _STRING(item) if type(item) is str else "null" if item is None else _dumps(item, inner)
            lines.append(f"{inner}{_STRING(key)}: {text}")
        return "{\n" + ",\n".join(lines) + "\n" + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        return "[\n" + ",\n".join([inner + _dumps(item, inner) for item in value]) + "\n" + indent + "]"
    raise _Unusual


def write(results: Iterable[FileResult], out: TextIO, lang: str = "zh") -> Tally:
    tally = Tally()
    out.write(f'{{\n  "tool": "finrecon",\n  "version": {json.dumps(__version__)},\n  "reports": [')
    for index, result in enumerate(tally.tallied(results)):
        out.write(("," if index else "") + "\n    " + _indented(report_dict(result), 2))
    out.write("\n  ]," if tally.files else "],")
    summary = {"files": tally.files, **tally.counts, "unreadable": tally.unreadable}
    out.write(f'\n  "summary": {_indented(summary, 1)}\n}}\n')
    return tally
