"""The result of checking files: one ``FileResult`` per input, gathered into a ``Run``."""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Finding, Severity, Status


@dataclass
class FileResult:
    file: str
    unit: str | None = None
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None

    def counts(self) -> dict[str, int]:
        """Open findings by severity; waived and baselined ones are counted apart."""
        counts = {severity.value: 0 for severity in Severity}
        counts.update({Status.WAIVED.value: 0, Status.BASELINED.value: 0})
        for finding in self.findings:
            key = finding.severity.value if finding.counts else finding.status.value
            counts[key] += 1
        return counts


@dataclass
class Run:
    files: list[FileResult]

    def counts(self) -> dict[str, int]:
        total = {severity.value: 0 for severity in Severity}
        total.update({Status.WAIVED.value: 0, Status.BASELINED.value: 0})
        for result in self.files:
            for key, value in result.counts().items():
                total[key] += value
        return total

    @property
    def unreadable(self) -> int:
        return sum(1 for result in self.files if result.error)

    def worst(self) -> int:
        """Rank of the most serious finding (0 when there is none)."""
        return max((f.severity.rank for r in self.files for f in r.findings if f.counts), default=0)
