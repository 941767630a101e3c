"""The result of checking files: one ``FileResult`` per input; a ``Tally`` of them; a ``Run``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from .findings import Finding, Severity, Status

COUNT_KEYS = (*(severity.value for severity in Severity), Status.WAIVED.value, Status.BASELINED.value)


@dataclass
class FileResult:
    file: str
    unit: str | None = None
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False  # not a report (``--skip-non-reports``): noted, never counted
    coverage: dict[str, Any] | None = None  # what was read of what is printed (coverage.py); None for YAML
    template: str | None = None  # the template the report was read with (finrecon/layouts)
    kind: str | None = None  # meta.kind: "final" (部门决算) or "budget" (部门预算); None when unread
    problems: list[dict[str, object]] = field(default_factory=list)  # an unreadable file's every problem: line, column, page, message
    continued: bool = False  # more findings for a file already listed (the cross-year stage): not counted again
    comparable: object | None = None  # what the cross-year stage needs of the report (rules/years.py), until it runs

    def counts(self) -> dict[str, int]:
        """Open findings by severity; waived and baselined ones are counted apart."""
        counts = dict.fromkeys(COUNT_KEYS, 0)
        for finding in self.findings:
            counts[finding.severity.value if finding.counts else finding.status.value] += 1
        return counts


@dataclass
class Tally:
    """What a run adds up to, kept as results go by: a streamed run holds nothing else."""

    files: int = 0
    unreadable: int = 0
    worst: int = 0  # rank of the most serious open finding; 0 when there is none
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))

    def add(self, result: FileResult) -> FileResult:
        self.files += not result.continued
        self.unreadable += bool(result.error)
        for key, value in result.counts().items():
            self.counts[key] += value
        self.worst = max([self.worst, *(f.severity.rank for f in result.findings if f.counts)])
        return result

    def tallied(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """Pass results through, counting them."""
        for result in results:
            yield self.add(result)


@dataclass
class Run:
    """Every result of a run, kept for the reporters that need them all at once."""

    files: list[FileResult]

    @property
    def tally(self) -> Tally:
        tally = Tally()
        for result in self.files:
            tally.add(result)
        return tally

    @property
    def unreadable(self) -> int:
        return self.tally.unreadable
