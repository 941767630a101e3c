"""Waivers: a finding accepted, with its reason.  It stays visible, marked as waived, and no
longer fails the gate.

* Inline — ``# finrecon: ignore[FR201] 原文如此，已与编制人确认`` next to a figure of a YAML report:
  it waives the findings of those rules on its own line.
* In the configuration — ``[[tool.finrecon.waivers]]`` with ``rules``, a ``reason``, and
  optionally ``files`` (a glob) and ``path`` (the start of the findings' paths): for a PDF, which
  has no place for a comment.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

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


@dataclass(frozen=True)
class ConfigWaiver:
    """A waiver written in the configuration: which files, rules and paths, and why."""

    rules: tuple[str, ...]
    reason: str
    files: str | None = None
    path: str | None = None
    base: Path | None = None  # the folder of the configuration file the ``files`` glob is relative to

    def applies_to(self, file: str) -> bool:
        if self.files is None:
            return True
        candidates = [file, Path(file).name]
        if self.base is not None:
            try:
                candidates.append(os.path.relpath(Path(file).resolve(), self.base.resolve()))
            except ValueError:  # another drive (Windows)
                pass
        return any(fnmatch(candidate, self.files) for candidate in candidates)

    def covers(self, rule: str, path: str) -> bool:
        return any(rule.startswith(prefix) for prefix in self.rules) and (self.path is None or path.startswith(self.path))
