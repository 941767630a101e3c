"""A baseline of accepted findings: the gate fails only on new ones.

Findings are keyed by their fingerprint — report (unit and year), rule and logical path, never
the line — so editing the report around a known item does not make it new.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import __version__
from .results import Run


class BaselineError(Exception):
    pass


def document(run: Run) -> dict[str, Any]:
    accepted = [
        {
            "fingerprint": finding.fingerprint,
            "unit": result.unit,
            "year": result.year,
            "rule": finding.rule,
            "path": finding.path,
            "message": finding.message,
        }
        for result in run.files
        for finding in result.findings
        if finding.counts
    ]
    return {"tool": "finrecon", "kind": "baseline", "version": __version__, "accepted": accepted}


def render(run: Run) -> str:
    return json.dumps(document(run), ensure_ascii=False, indent=2) + "\n"


def read(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(str(error)) from error
    if not isinstance(data, dict) or data.get("kind") != "baseline" or not isinstance(data.get("accepted"), list):
        raise BaselineError("not a finrecon baseline (made by `finrecon baseline`)")
    fingerprints = [item.get("fingerprint") for item in data["accepted"] if isinstance(item, dict)]
    if not all(isinstance(value, str) for value in fingerprints):
        raise BaselineError("an accepted item has no fingerprint")
    return frozenset(fingerprints)
