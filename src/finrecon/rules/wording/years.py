"""FR801 — a year that is not the report's.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ... import lexicon
from ...findings import Finding
from ...model import Report
from ..base import register
from ..texts import Passage, Pattern, TITLES, sentence_at, squeeze, template_words
from .base import WordingRule, _end, _offset, _pattern


_YEAR = Pattern(lexicon.YEAR_OR_YEARLY)
_A_YEAR = Pattern(lexicon.ANY_YEAR)  # what every _YEAR match holds, found fast
_COMPARED = Pattern(lexicon.YEAR_COMPARED_BEFORE)
_COMPARED_AFTER = Pattern(lexicon.YEAR_COMPARED_AFTER)
_MONTH = Pattern(lexicon.MONTH)
_ASSET_DATE = Pattern(lexicon.AS_AT)


def _own(after_words: re.Pattern[str] | None, before_words: re.Pattern[str] | None, before: str, after: str) -> bool:
    """Whether the template's words around a year say it is the report's own (its ``wording:
    own_year_after`` / ``own_year_before``)."""
    return bool((after_words and after_words.match(after)) or (before_words and before_words.search(before)))


@register
class WrongYear(WordingRule):
    """A year in a fixed phrase that does not fit the report's year.

    What it checks: the years of the cover, the contents, the headings and the table titles, and
    of the template's fixed phrases in the text, against ``meta.year``.  The report's own year
    where it is meant (“2024年度部门决算”, “2024年度收入支出总计”, “2025年预算安排”, “编报绩效
    目标的2024年度项目”); the year before where a comparison is meant (“与2023年度相比”,
    “比2024年预算增加”, “2023年当年预算执行数”); “截至2024年12月31日” in a 2024 决算 and a date of
    the year before in a budget (“截至2024年8月31日” in a 2025 budget).  Other years (“《2024年重点
    工作任务书》”, “2018年起”) and dates (“2025年9月” under the cover's title) are not checked.

    Why: a report is built from last year's; a year not moved on is the commonest slip reviewers
    find in the words, and it makes the comparison say something else.

    Example: passes — “与2023年度相比” in a 2024 report.  Fails — “与2021年度相比” in a 2023 report.
    """

    id = "FR801"
    title = "年份与报告年度不符"
    title_en = "a year that does not fit the report's year"

    def check(self, report: Report) -> Iterator[Finding]:
        year = report.meta.year
        budget = report.meta.kind == "budget"
        own_after, own_before = (_pattern(words) if (words := template_words(report, key)) else None for key in ("own_year_after", "own_year_before"))
        opening_words = template_words(report, "own_year_opening") if budget else None
        opening_pattern = _pattern(opening_words) if opening_words else None
        for passage in self.touched(report, _A_YEAR):
            text, positions = squeeze(passage.text)
            dated = set()
            for match in _ASSET_DATE.finditer(text):
                printed, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
                dated.add(match.start(1))
                if budget:
                    expected = year - 1
                elif (month, day) == (12, 31):
                    expected = year
                else:
                    continue
                if printed != expected:
                    yield self._wrong(passage, positions, match.start(1), match.end(), printed, expected, "FR801.asset")
            opening = opening_pattern.match(text) if opening_pattern is not None else None
            for match in _YEAR.finditer(text):
                start = match.start(1)
                if start in dated:
                    continue
                printed = int(match.group(1))
                before = text[max(0, start - 4) : start]
                after = text[match.end() : match.end() + 12]
                if not match.group(2) and _MONTH.match(after):
                    continue  # a date (“2025年9月”, under the cover's title): when it was printed
                if _COMPARED.search(before) or _COMPARED_AFTER.match(after):
                    expected, why = year - 1, "FR801.prior"
                elif passage.kind in TITLES or _own(own_after, own_before, before, after) or (opening and opening.start(1) == start):
                    expected, why = year, "FR801.own"
                else:
                    continue
                if printed != expected:
                    yield self._wrong(passage, positions, start, match.end(), printed, expected, why)

    def _wrong(self, passage: Passage, positions: Sequence[int], start: int, end: int, printed: int, expected: int, why: str) -> Finding:
        begin, finish = _offset(positions, start), _end(positions, end)
        words = sentence_at(passage.text, begin, finish, limit=30)
        return self.at(
            passage, begin, finish, self.say(self.id, words=words, reported=printed, expected=expected, why=self.say(why)),
            reported=str(printed), expected=str(expected),
        )
