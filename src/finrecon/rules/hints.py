"""Likely causes of a wrong percentage: what reproduces the printed figure exactly, within rounding.

A hint is given only when one cause, and one only, reproduces the printed percentage; where
nothing does, nothing is said.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from operator import attrgetter

from ..interval import Interval, decimals_of, percent_change, percent_ratio
from ..model import Figure, Report
from ..model.bind import numbers_of
from ..model.figure import Title
from ..i18n import t
from .stated import Stated, fmt

_TEN_THOUSAND = Decimal(10000)


def _reproduces(stated_pct: Decimal, computed: Interval | None) -> bool:
    return computed is not None and Interval.printed(stated_pct).meets(computed)


def _valued_between(report: Report, low: Decimal, high: Decimal) -> list[Stated]:
    """The report's positive figures valued from ``low`` to ``high``.

    The first question a report is asked is answered by one pass over its figures.  From the
    second on, the figures are sorted by value once and each answer is a bisection: a report with
    thousands of wrong shares stays n log n.
    """
    state = report.__dict__
    by_value = state.get("_figures_by_value")
    if by_value is None:
        if not state.get("_valued_between_asked"):
            state["_valued_between_asked"] = True
            return [figure.bound for figure in report.index.values() if low <= figure.value <= high and figure.value > 0]
        figures = sorted((figure.bound for figure in report.index.values() if figure.value > 0), key=attrgetter("value"))
        by_value = state["_figures_by_value"] = ([item.value for item in figures], figures)
    values, figures = by_value
    return figures[bisect_left(values, low) : bisect_right(values, high)]


def other_base(report: Report, part: Stated, base: Stated, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """Another figure of the report used as the base: “97.20% = 500.78 / 515.18（收入支出总计）”."""
    share = Interval.printed(stated_pct)
    if share.lo <= 0 or part.value <= 0:
        return None
    # Only bases near part ÷ share can reproduce it: pick those out by value, then test exactly.
    widest = Decimal("0.5")  # no printed figure stands for more than ± half a unit
    low = part.interval.lo * 100 / share.hi - widest
    high = part.interval.hi * 100 / share.lo + widest
    matches: dict[Decimal, Stated] = {}
    for candidate in _valued_between(report, low, high):
        if candidate.path in (part.path, base.path) or candidate.value == base.value or candidate.scale != part.scale:
            continue  # (a figure printed in another money unit is no base of this one as printed)
        if _reproduces(stated_pct, percent_ratio(part.interval, candidate.interval)):
            matches.setdefault(candidate.value, candidate)
    if len(matches) != 1:
        return None
    (candidate,) = matches.values()
    return t(
        "hint.other_base", lang, pct=fmt(stated_pct), part=fmt(part.value), candidate=fmt(candidate.value),
        candidate_label=candidate.label_in(lang), base=fmt(base.value), base_label=base.label_in(lang),
    )


def current_year_as_base(
    change: Interval, current: Stated, prior: Decimal, stated_pct: Decimal, change_text: str, lang: str = "zh"
) -> str | None:
    """The current year used as the base of a change: “1.05% = 5.39 / 514（本年数）”."""
    if not _reproduces(stated_pct, percent_ratio(change, current.interval)):
        return None
    return t("hint.current_base", lang, pct=fmt(stated_pct), change=change_text, current=fmt(current.value), prior=fmt(prior))


def amount_as_percent(change: Interval, change_text: str, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """The change amount (万元) printed where its percentage belongs."""
    if not Interval.printed(stated_pct).meets(change):
        return None
    return t("hint.amount_as_pct", lang, pct=fmt(stated_pct), change=change_text)


def inverted(numerator: Stated, denominator: Stated, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """Budget and actual swapped: “决算/预算” computed as “预算/决算”."""
    if not _reproduces(stated_pct, percent_ratio(denominator.interval, numerator.interval)):
        return None
    return t("hint.inverted", lang, pct=fmt(stated_pct), denominator=fmt(denominator.value), numerator=fmt(numerator.value))


def other_budget(actual: Stated, other: Stated, named: str, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """A completion rate said to be of one budget that is the rate of the other (年初预算 / 全年预算)."""
    if not _reproduces(stated_pct, percent_ratio(actual.interval, other.interval)):
        return None
    key = "hint.of_adjusted_budget" if named == "budget" else "hint.of_budget"
    return t(key, lang, pct=fmt(stated_pct), value=fmt(actual.value), other=fmt(other.value))


def printing_slip(stated_pct: Decimal, point: Decimal, lang: str = "zh") -> str | None:
    """Truncation instead of rounding, or two transposed digits."""
    decimals = decimals_of(stated_pct)
    unit = Decimal(1).scaleb(-decimals)
    truncated = point.quantize(unit, rounding=ROUND_DOWN)
    if truncated == stated_pct:
        return t("hint.truncated", lang, point=fmt(point), truncated=fmt(truncated))
    expected = format(point.quantize(unit, rounding=ROUND_HALF_UP), "f")
    printed = format(stated_pct, "f")
    if len(expected) == len(printed):
        for i in range(len(printed) - 1):
            swapped = printed[:i] + printed[i + 1] + printed[i] + printed[i + 2 :]
            if swapped == expected and printed != expected:
                return t("hint.transposed", lang, printed=printed, expected=expected)
    return None


def unit_slip(left: list[Stated], right: list[Stated], lang: str = "zh") -> str | None:
    """One figure written in 元 where 万元 is meant: divided by 10 000 it makes the identity hold.

    (The reverse slip is not tried: a figure printed 10 000 times too small keeps too few digits
    for its interval to say anything.)  Linear: each side's sum is taken once.
    """
    factor = Decimal(1) / _TEN_THOUSAND
    for side, other in ((left, right), (right, left)):
        if len(other) != 1 or len(other[0].value.as_tuple().digits) < 3:
            continue  # a coarse figure like 0.3 matches too much to accuse anything
        target, target_half = other[0].value, other[0].half
        side_sum = sum(item.value for item in side)
        side_half = sum(item.half for item in side)
        for term in side:
            if term.value == 0:
                continue
            value = side_sum - term.value + term.value * factor
            half = side_half - term.half + term.half * factor
            if abs(value - target) <= half + target_half:
                return t("hint.unit_slip", lang, figure=term.label_in(lang), value=fmt(term.value))
    return None


# ---- budgets: the hints the budget's percentages need (and the 决算's alike)
def _change_reproduces(stated_pct: Decimal, current: Interval, prior: Interval) -> bool:
    return _reproduces(stated_pct, percent_change(current, prior))


def swapped_years(current: Stated, prior: Decimal, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """The two years swapped: (上年 − 本年) ÷ 本年 printed for (本年 − 上年) ÷ 上年."""
    if current.value == prior or not _change_reproduces(stated_pct, Interval.printed(prior), current.interval):
        return None
    return t("hint.swapped", lang, pct=fmt(stated_pct), current=fmt(current.value), prior=fmt(prior))


def same_item(figure: Figure, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """Another amount the same item states (its 本年预算安排, its 预算数 …) used in the change %:
    as last year's figure, or as this year's."""
    current, prior = Interval.printed(figure.value), Interval.printed(figure.prior) if figure.prior is not None else None
    matches: dict[tuple[str, Decimal], str] = {}
    for name, title in _other_amounts(type(figure)):
        other = getattr(figure, name)
        if other is None or other == figure.value or other == figure.prior:
            continue
        candidate = Interval.printed(other)
        if _change_reproduces(stated_pct, current, candidate):
            matches.setdefault((name, other), t("hint.same_item_base", lang, pct=fmt(stated_pct), value=fmt(figure.value), other=fmt(other), title=title.in_(lang)))
        if prior is not None and _change_reproduces(stated_pct, candidate, prior):
            matches.setdefault((name, other), t("hint.same_item_current", lang, pct=fmt(stated_pct), value=fmt(figure.value), other=fmt(other), title=title.in_(lang), prior=fmt(figure.prior)))
    return next(iter(matches.values())) if len(matches) == 1 else None


def digit_slip(current: Stated, prior: Decimal, stated_pct: Decimal, lang: str = "zh") -> str | None:
    """One digit inserted into, or dropped from, the whole part of one of the two figures: with the
    figure as it was meant, the printed percentage comes out exactly (1410.22 typed for 141.22)."""
    found: dict[tuple[str, Decimal], str] = {}
    for which, printed in (("prior", prior), ("current", current.value)):
        for variant, slip in _one_digit_off(printed):
            meant = Interval.printed(variant)
            reproduces = (
                _change_reproduces(stated_pct, current.interval, meant) if which == "prior"
                else _change_reproduces(stated_pct, meant, Interval.printed(prior))
            )
            if reproduces:
                found.setdefault((which, variant), t(
                    f"hint.digit_{slip}", lang, pct=fmt(stated_pct), printed=fmt(printed), meant=fmt(variant),
                    figure=t(f"hint.figure_{which}", lang),
                ))
    return next(iter(found.values())) if len(found) == 1 else None


def _one_digit_off(value: Decimal) -> list[tuple[Decimal, str]]:
    """Every figure one digit away from ``value`` in its whole part: one digit more, or one less."""
    text = format(abs(value), "f")
    whole, point, fraction = text.partition(".")
    sign = "-" if value < 0 else ""
    variants: list[tuple[str, str]] = []
    for i in range(len(whole)):
        shorter = whole[:i] + whole[i + 1 :]
        if shorter and (shorter == "0" or not shorter.startswith("0")):
            variants.append((shorter, "inserted"))  # the printed figure has one digit too many
    for i in range(len(whole) + 1):
        for digit in "0123456789":
            longer = whole[:i] + digit + whole[i:]
            if not longer.startswith("0"):
                variants.append((longer, "dropped"))  # the printed figure lost one digit
    seen: dict[Decimal, str] = {}
    for digits, slip in variants:
        number = Decimal(f"{sign}{digits}{point}{fraction}")
        if number != value:
            seen.setdefault(number, slip)
    return list(seen.items())


def _other_amounts(kind: type[Figure]) -> tuple[tuple[str, Title], ...]:
    """The amounts a figure of ``kind`` may state besides its value and last year's (预算数, 全年预算数,
    本年预算安排 …), with their titles."""
    return tuple((name, title) for name, title in numbers_of(kind) if name not in ("prior", "change") and not name.endswith("_pct"))
