"""The result of checking files: one ``FileResult`` per input, gathered into a ``Run``."""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Finding, Severity


@dataclass
class FileResult:
    file: str
    unit: str | None = None
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None

    def counts(self) -> dict[str, int]:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts


@dataclass
class Run:
    files: list[FileResult]

    def counts(self) -> dict[str, int]:
        total = {severity.value: 0 for severity in Severity}
        for result in self.files:
            for key, value in result.counts().items():
                total[key] += value
        return total

    @property
    def unreadable(self) -> int:
        return sum(1 for result in self.files if result.error)

    def worst(self) -> int:
        """Rank of the most serious finding (0 when there is none)."""
        return max((f.severity.rank for r in self.files for f in r.findings), default=0)
