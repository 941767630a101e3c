"""What a rule reports: a ``Finding``, its ``Severity``, and a stable fingerprint."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    """Whether a finding still counts: waived inline or accepted in a baseline, it stays visible."""

    OPEN = "open"
    WAIVED = "waived"
    BASELINED = "baselined"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy: which rule, how serious, where, and the numbers behind it.

    ``reported``, ``expected`` and ``difference`` are exact decimal strings as printed (percentages
    without %), the text itself for a non-numeric finding, or ``None``.  ``related`` lists the
    paths of every figure the check used: a sum that does not add up cannot tell which part is wrong.
    """

    rule: str
    severity: Severity
    path: str
    message: str
    reported: str | None = None
    expected: str | None = None
    difference: str | None = None
    hint: str | None = None
    related: tuple[str, ...] = ()
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    offset: int | None = field(default=None, compare=False)  # where in the text at ``loc`` the words stand
    line: int = 0  # the YAML line, or the line on the PDF page
    column: int = 0
    page: int | None = None  # the PDF page, 1-based as a viewer counts; None for YAML
    excerpt: str | None = None  # the printed text the finding is about (PDF), or the words a text rule quotes
    fingerprint: str = ""
    status: Status = Status.OPEN
    note: str | None = None
    box: tuple[float, float, float, float] | None = field(default=None, compare=False)  # the printed row on the page (PDF), for the visual report
    place: str | None = None  # where a Word, Excel or web page prints it (“收入决算表!C7”); None: page and line say it
    file_line: int | None = field(default=None, compare=False)  # a page text's finding: the line of the file its page and line are

    @property
    def counts(self) -> bool:
        """Open findings count towards the summary and the gate; waived and baselined ones do not."""
        return self.status is Status.OPEN

    def located(
        self, line: int, column: int, page: int | None, excerpt: str | None, fingerprint: str, status: Status, note: str | None,
        box: tuple[float, float, float, float] | None = None, place: str | None = None, file_line: int | None = None,
    ) -> Finding:
        """The finding placed where it was printed, its tree path dropped (the engine's last step).
        ``dataclasses.replace`` written out: it is called for every finding of every report."""
        return Finding(
            self.rule, self.severity, self.path, self.message, self.reported, self.expected, self.difference, self.hint,
            self.related, (), None, line, column, page, excerpt, fingerprint, status, note, box, place, file_line,
        )

    def sort_key(self) -> tuple[int, int, int, str, str]:
        return (self.page or 0, self.line, self.column, self.rule, self.path)


def fingerprint(unit: str, year: int, rule: str, path: str) -> str:
    """Report, rule and logical path — never the line number, so moving text makes nothing new."""
    return hashlib.sha256(f"{unit}\x00{year}\x00{rule}\x00{path}".encode()).hexdigest()[:16]
