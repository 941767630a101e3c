"""A baseline of accepted findings: the gate fails only on new ones.

Findings are keyed by their fingerprint — report (unit and year), rule and logical path, never
the line — so editing the report around a known item does not make it new.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import __version__
from .results import Run


_FINGERPRINT = re.compile(r"[0-9a-f]{16}")


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
    import json

    return json.dumps(document(run), ensure_ascii=False, indent=2) + "\n"


def read(path: Path) -> frozenset[str]:
    import json  # loaded only where there is a baseline: a check without one never needs it

    try:
        if path.stat().st_size > 256 * 1024 * 1024:
            raise BaselineError("larger than 256 MiB")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        raise BaselineError(str(error) or type(error).__name__) from error
    if not isinstance(data, dict) or data.get("kind") != "baseline" or not isinstance(data.get("accepted"), list):
        raise BaselineError("not a finrecon baseline (made by `finrecon baseline`)")
    fingerprints = [item.get("fingerprint") if isinstance(item, dict) else None for item in data["accepted"]]
    if not all(isinstance(value, str) and _FINGERPRINT.fullmatch(value) for value in fingerprints):
        raise BaselineError("an accepted item has no valid fingerprint")
    return frozenset(fingerprints)  # type: ignore[arg-type]
