"""Inline waivers — ``# finrecon: ignore[FR201] 原文如此，已与编制人确认`` next to a figure.

A waiver names rule IDs or prefixes and must give a reason.  It waives the findings of those
rules on its own line; the findings stay visible, marked as waived, and no longer fail the gate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WAIVER = re.compile(r"(?:^|\s)#\s*finrecon:\s*ignore\[([^\]]*)\]")


@dataclass(frozen=True)
class Waiver:
    line: int
    column: int
    rules: tuple[str, ...]
    reason: str

    def covers(self, rule: str) -> bool:
        return any(rule.startswith(prefix) for prefix in self.rules)


def parse_waivers(text: str) -> dict[int, Waiver]:
    """Every waiver comment in the text, by its 1-based line."""
    waivers: dict[int, Waiver] = {}
    if "finrecon" not in text:
        return waivers  # the usual answer, without splitting the text into lines
    for number, line in enumerate(text.splitlines(), start=1):
        if "finrecon" not in line:
            continue
        match = _WAIVER.search(line)
        if match:
            rules = tuple(part.strip().upper() for part in match.group(1).split(",") if part.strip())
            reason = line[match.end() :].strip()  # no regex over the reason: a long line stays linear
            waivers[number] = Waiver(number, match.start(1) + 1 - len("ignore["), rules, reason)
    return waivers
