"""What every wording rule shares: ``WordingRule``, a pattern's match as printed (``Printed``) and
the offsets between a squeezed text and its printed form.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import ClassVar, Iterator, NamedTuple, Sequence

from ...findings import Finding, Severity
from ...model import Report
from ..base import Rule
from ..texts import PROSE, Passage, TITLES, passages, sentence_at, squeeze, touched


class Printed(NamedTuple):
    """A match of a wording pattern, and the words it covers as printed (``passage.text[begin:finish]``)."""

    passage: Passage
    match: re.Match[str]
    begin: int
    finish: int
    words: str


def within(passage: Passage, pattern: re.Pattern[str]) -> Iterator[Printed]:
    """Each match of ``pattern`` in ``passage`` (squeezed), with the printed words it covers."""
    text, positions = squeeze(passage.text)
    for match in pattern.finditer(text):
        begin, finish = _offset(positions, match.start()), _end(positions, match.end())
        yield Printed(passage, match, begin, finish, passage.text[begin:finish])


class WordingRule(Rule):
    """A rule about the words: it reports at the offset of the words it quotes."""

    kinds: ClassVar[frozenset[str]] = PROSE | TITLES  # the passages it reads

    def passages(self, report: Report) -> Iterator[Passage]:
        kinds = self.kinds
        return (passage for passage in passages(report) if passage.kind in kinds)

    def touched(self, report: Report, pattern: re.Pattern[str]) -> Iterator[Passage]:
        """The passages this rule reads in which ``pattern`` matches (one scan of the report)."""
        kinds = self.kinds
        return (passage for passage in touched(report, pattern) if passage.kind in kinds)

    def printed(self, report: Report, pattern: re.Pattern[str], selector: re.Pattern[str] | None = None) -> Iterator[Printed]:
        """Each match of ``pattern`` in the passages this rule reads (compared squeezed: no spaces,
        half-width ASCII), with the printed words it covers.  ``selector``, a pattern every match
        holds that is faster to find, picks the passages."""
        for passage in self.touched(report, selector or pattern):
            yield from within(passage, pattern)

    def at(
        self, passage: Passage, start: int, end: int, message: str,
        reported: str | None = None, expected: str | None = None, severity: Severity | None = None,
    ) -> Finding:
        """A finding on ``passage.text[start:end]``, quoting the sentence it stands in."""
        finding = self.finding(
            passage.loc, passage.path, message, offset=start,
            excerpt=sentence_at(passage.text, start, end), reported=reported, expected=expected,
        )
        return finding if severity is None or severity is finding.severity else replace(finding, severity=severity)


def _offset(positions: Sequence[int], index: int) -> int:
    """The position in the printed text of character ``index`` of its squeezed form."""
    if not positions:
        return 0
    return positions[min(index, len(positions) - 1)]


def _end(positions: Sequence[int], index: int) -> int:
    return positions[index - 1] + 1 if index > 0 and positions else 0


@functools.lru_cache(maxsize=64)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)
