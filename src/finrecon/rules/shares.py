"""FR2xx — shares: a part as a percentage of its total."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding
from ..interval import Interval, percent_ratio, point_ratio
from ..model import Report
from .base import Rule, ratio_finding, register
from .hints import other_base, printing_slip


@register
class ShareOfTotal(Rule):
    """A stated share must equal the part divided by its total, within rounding.

    What it checks: every ``share_pct`` — “其中：基本支出446.27万元，占89.09%” — against the
    interval of part ÷ base, where the base is the total of the group the figure stands in
    (or the figure ``share_of`` names, e.g. 本年支出合计).  Both figures are intervals, so the
    check never flags pure rounding and never hides an error behind a fixed tolerance: a share
    printed 1.05% whose true range is 1.037%–1.039% is reported.

    Why: shares are recomputed by hand when a figure changes late, and the base is easily taken
    from the wrong line (收支总计 instead of 本年支出合计).  When another total of the report
    reproduces the printed share, the finding's hint names it.

    Example: passes — 455.47 of 456.53 stated as 99.77%.  Fails — 500.78 of 500.91 stated as
    97.20% (it is 99.97%; 97.20% = 500.78 / 515.18, the 收支总计).
    """

    id = "FR201"
    title = "占比与计算不符"
    title_en = "a share does not match its computation"

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if figure.share_pct is None or figure.share_base is None:
                continue
            base = report.figure(figure.share_base)
            if base is None:
                continue
            whole_interval = Interval.printed(base.value)
            if whole_interval.contains_zero():
                continue  # undefined: FR902's business
            point = point_ratio(figure.value, base.value)
            part, whole = figure.bound, base.bound
            found = ratio_finding(
                self,
                (*figure.loc, "share_pct"),
                f"{figure.path}.share_pct",
                figure.share_pct,
                lambda: percent_ratio(Interval.printed(figure.value), whole_interval),
                point,
                lambda expected, reported: self.say(self.id, part=self.name(figure), base=self.name(base), expected=expected, reported=reported),
                (figure.path, base.path, f"{figure.path}.share_pct"),
                lambda: other_base(report, part, whole, figure.share_pct, self.lang) or printing_slip(figure.share_pct, point, self.lang),
            )
            if found:
                yield found
