"""FR3xx — year-on-year changes: the amount and the percentage."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding
from ..interval import Interval, percent_change, percent_change_from_amount, point_ratio
from ..model import Report
from .base import Rule, fmt, ratio_finding, register
from .hints import amount_as_percent, current_year_as_base, digit_slip, printing_slip, same_item, swapped_years


@register
class ChangeAmount(Rule):
    """A stated change must equal this year's figure minus last year's.

    What it checks: where the report states both the prior-year figure and the change, that
    current − prior = change, on rounding intervals.  A decrease is written negative.

    Why: “比上年减少9.15万元” next to figures that differ by 9.51 is a transcription slip that
    makes every percentage after it wrong too.

    Example: passes — 41.55 this year, 50.70 last year, change −9.15.  Fails — change −9.51.
    """

    id = "FR301"
    title = "增减额与两年数不符"
    title_en = "a change does not match the two years"

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if figure.prior is None or figure.change is None:
                continue
            computed = Interval.printed(figure.value) - Interval.printed(figure.prior)
            if computed.meets(Interval.printed(figure.change)):
                continue
            expected = figure.value - figure.prior
            yield self.finding(
                (*figure.loc, "change"),
                f"{figure.path}.change",
                self.say(self.id, figure=self.name(figure), expected=fmt(expected), value=fmt(figure.value), prior=fmt(figure.prior), reported=fmt(figure.change)),
                related=(figure.path, f"{figure.path}.prior", f"{figure.path}.change"),
                reported=fmt(figure.change),
                expected=fmt(expected),
                difference=fmt(figure.change - expected),
            )


@register
class ChangePercent(Rule):
    """A stated change % must equal (this year − last year) ÷ last year.

    What it checks: every ``change_pct`` against the interval of current ÷ prior − 1 (the prior
    year used once), the prior year being stated or derived as current − change.  A decrease is
    negative.

    Why: the usual slip is dividing by this year instead of last year; another is printing the
    change amount as if it were a percentage.  The hint says when this year as the base
    reproduces the printed figure.

    Example: passes — 515.18, down 4.38, stated −0.84%.  Fails — 514 down 5.39 stated −1.05%
    (it is −1.04%: 5.39 / 519.39; 1.05% = 5.39 / 514, this year as the base).
    """

    id = "FR302"
    title = "增减率与计算不符"
    title_en = "a change % does not match its computation"

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if figure.change_pct is None:
                continue
            current = Interval.printed(figure.value)
            if figure.prior is not None:
                prior, change = figure.prior, figure.value - figure.prior
                prior_interval = Interval.printed(figure.prior)
                change_interval = current - prior_interval
                used = f"{figure.path}.prior"
                computed = lambda: percent_change(current, prior_interval)  # noqa: E731
            elif figure.change is not None:
                prior, change = figure.value - figure.change, figure.change
                change_interval = Interval.printed(figure.change)
                prior_interval = current - change_interval
                used = f"{figure.path}.change"
                computed = lambda: percent_change_from_amount(current, change_interval)  # noqa: E731
            else:
                continue
            if prior_interval.contains_zero():
                continue  # undefined: FR902's business
            point = point_ratio(change, prior)
            found = ratio_finding(
                self,
                (*figure.loc, "change_pct"),
                f"{figure.path}.change_pct",
                figure.change_pct,
                computed,
                point,
                lambda expected, reported: self.say(self.id, figure=self.name(figure), prior=fmt(prior), expected=expected, reported=reported),
                (figure.path, used, f"{figure.path}.change_pct"),
                lambda: current_year_as_base(change_interval, figure.bound, prior, figure.change_pct, fmt(change), self.lang)
                or amount_as_percent(change_interval, fmt(change), figure.change_pct, self.lang)
                or (figure.prior is not None and swapped_years(figure.bound, figure.prior, figure.change_pct, self.lang))
                or same_item(figure, figure.change_pct, self.lang)
                or (figure.prior is not None and digit_slip(figure.bound, figure.prior, figure.change_pct, self.lang))
                or printing_slip(figure.change_pct, point, self.lang),
            )
            if found:
                yield found
