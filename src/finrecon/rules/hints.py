"""Likely causes of a wrong percentage: what reproduces the printed figure exactly, within rounding.

A hint is given only when one cause, and one only, reproduces the printed percentage; where
nothing does, nothing is said.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from ..interval import Interval, decimals_of, percent_ratio
from ..model import Report
from .stated import Stated, fmt

_TEN_THOUSAND = Decimal(10000)


def _reproduces(stated_pct: Decimal, computed: Interval | None) -> bool:
    return computed is not None and Interval.printed(stated_pct).meets(computed)


def other_base(report: Report, part: Stated, base: Stated, stated_pct: Decimal) -> str | None:
    """Another figure of the report used as the base: “97.20% = 500.78 / 515.18（收入支出总计）”."""
    matches: dict[Decimal, Stated] = {}
    for figure in report.figures:
        if figure.path in (part.path, base.path) or figure.value == base.value or figure.value == 0:
            continue
        if _reproduces(stated_pct, percent_ratio(part.interval, Interval.printed(figure.value))):
            matches.setdefault(figure.value, Stated(figure.value, figure.path, figure.loc, figure.label))
    if len(matches) != 1:
        return None
    (candidate,) = matches.values()
    return (
        f"{fmt(stated_pct)}% = {fmt(part.value)} / {fmt(candidate.value)}（{candidate.label}），"
        f"而不是 / {fmt(base.value)}（{base.label}）：疑似用错了基数"
    )


def current_year_as_base(change: Interval, current: Stated, prior: Decimal, stated_pct: Decimal, change_text: str) -> str | None:
    """The current year used as the base of a change: “1.05% = 5.39 / 514（本年数）”."""
    if not _reproduces(stated_pct, percent_ratio(change, current.interval)):
        return None
    return (
        f"{fmt(stated_pct)}% = {change_text} / {fmt(current.value)}（本年数），"
        f"而增减率应以上年数 {fmt(prior)} 为基数：疑似用本年数作了基数"
    )


def inverted(numerator: Stated, denominator: Stated, stated_pct: Decimal) -> str | None:
    """Budget and actual swapped: “决算/预算” computed as “预算/决算”."""
    if not _reproduces(stated_pct, percent_ratio(denominator.interval, numerator.interval)):
        return None
    return f"{fmt(stated_pct)}% = {fmt(denominator.value)} / {fmt(numerator.value)}：疑似分子分母颠倒"


def printing_slip(stated_pct: Decimal, point: Decimal) -> str | None:
    """Truncation instead of rounding, two transposed digits, or a 万元/元 slip."""
    decimals = decimals_of(stated_pct)
    unit = Decimal(1).scaleb(-decimals)
    truncated = point.quantize(unit, rounding=ROUND_DOWN)
    if truncated == stated_pct:
        return f"{fmt(point)}% 截尾为 {fmt(truncated)}%：应四舍五入"
    expected = format(point.quantize(unit), "f")
    printed = format(stated_pct, "f")
    if len(expected) == len(printed):
        for i in range(len(printed) - 1):
            swapped = printed[:i] + printed[i + 1] + printed[i] + printed[i + 2 :]
            if swapped == expected and printed != expected:
                return f"{printed}% 与计算值 {expected}% 两位数字颠倒：疑似录入错误"
    for factor, slip in ((_TEN_THOUSAND, "万元与元混用"), (Decimal(1) / _TEN_THOUSAND, "元与万元混用")):
        if (point * factor).quantize(unit) == stated_pct:
            return f"{fmt(stated_pct)} ≈ {fmt(point)} × {fmt(factor)}：疑似{slip}"
    return None


def unit_slip(left: list[Stated], right: list[Stated]) -> str | None:
    """One figure written in 元 where 万元 is meant: divided by 10 000 it makes the identity hold.

    (The reverse slip is not tried: a figure printed 10 000 times too small keeps too few digits
    for its interval to say anything.)
    """
    from ..interval import total

    factor = Decimal(1) / _TEN_THOUSAND
    for side, other in ((left, right), (right, left)):
        if len(other) != 1 or len(other[0].value.as_tuple().digits) < 3:
            continue  # a coarse figure like 0.3 matches too much to accuse anything
        for index, term in enumerate(side):
            if term.value == 0:
                continue
            rest = [item.interval for j, item in enumerate(side) if j != index]
            if total([*rest, term.interval.scaled(factor)]).meets(total(item.interval for item in other)):
                return f"{term.label} {fmt(term.value)} 疑似以元填写（本报告以万元为单位）：除以 10000 后恰好相符"
    return None
