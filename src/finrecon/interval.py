"""Closed rounding intervals: what a printed figure really says.

A figure printed with *d* decimals stands for every value that rounds to it, the closed interval
[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].  A sum, share, completion rate or change is consistent when the interval
computed from the stated parts meets the interval of the stated result (XBRL Calculations 1.1,
carried over to ratios).  Everything here is exact ``Decimal`` arithmetic; quotients are rounded
*outward* so that a rounding-only difference can never turn into a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from itertools import product
from typing import Callable, Iterable

_HALF = Decimal("0.5")
_FLOOR = Context(prec=40, rounding=ROUND_FLOOR)
_CEILING = Context(prec=40, rounding=ROUND_CEILING)
_EXACT = Context(prec=60, rounding=ROUND_HALF_UP)
HUNDRED = Decimal(100)


def decimals_of(value: Decimal) -> int:
    """How many decimals a figure was printed with (``Decimal`` keeps trailing zeros)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


_CENT, _HALF_CENT = Decimal("0.01"), Decimal("0.005")
_HALF_UNITS = {exponent: Decimal(5).scaleb(exponent - 1) for exponent in range(-12, 8)}


def half_unit(value: Decimal) -> Decimal:
    """Half of the last printed digit's unit: 0.005 for 12.34, 0.5 for 514, 50 for 1.50E+4."""
    if value.same_quantum(_CENT):  # two decimals, like almost every figure: the quick answer
        return _HALF_CENT
    text = str(value)  # read off the text: four times as fast as ``as_tuple``
    if "E" in text or not text[-1].isdigit():  # exponent notation, or not a finite number
        return _exact_half(value)
    point = text.find(".")
    half = _HALF_UNITS.get(point - len(text) + 1 if point >= 0 else 0)
    return half if half is not None else _exact_half(value)


def _exact_half(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # pragma: no cover - the loader admits finite numbers only
        raise ValueError(f"not a finite number: {value}")
    return _HALF_UNITS.get(exponent) or Decimal(5).scaleb(exponent - 1)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @classmethod
    def printed(cls, value: Decimal) -> Interval:
        """The interval a printed figure stands for."""
        half = half_unit(value)
        return cls(_EXACT.subtract(value, half), _EXACT.add(value, half))

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(_EXACT.add(self.lo, other.lo), _EXACT.add(self.hi, other.hi))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(_EXACT.subtract(self.lo, other.hi), _EXACT.subtract(self.hi, other.lo))

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def meets(self, other: Interval) -> bool:
        """Closed intervals meet when they share at least one point (touching counts)."""
        return self.lo <= other.hi and other.lo <= self.hi

    def __contains__(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    def __str__(self) -> str:
        return f"[{self.lo}, {self.hi}]"


def total(intervals: Iterable[Interval]) -> Interval:
    result = Interval.exact(Decimal(0))
    for item in intervals:
        result = result + item
    return result


def monotone_range(fn: Callable[..., Decimal], *boxes: Interval) -> Interval:
    """Exact range of ``fn`` over a box, for a function monotone in each argument on that box.

    Shares, completion rates and change percentages are all of that kind, so the extremes lie on
    the corners; each corner is evaluated twice, rounded down and up, so the result only widens.
    """
    lows, highs = [], []
    for corner in product(*((box.lo, box.hi) for box in boxes)):
        lows.append(fn(_FLOOR, *corner))
        highs.append(fn(_CEILING, *corner))
    return Interval(min(lows), max(highs))


def percent_ratio(numerator: Interval, denominator: Interval) -> Interval | None:
    """numerator / denominator × 100; ``None`` when the denominator may be zero (undefined)."""
    if denominator.contains_zero():
        return None
    return monotone_range(lambda ctx, n, d: ctx.multiply(ctx.divide(n, d), HUNDRED), numerator, denominator)


def percent_change(current: Interval, prior: Interval) -> Interval | None:
    """(current / prior − 1) × 100, the prior year used once; ``None`` when prior may be zero."""
    if prior.contains_zero():
        return None
    return monotone_range(
        lambda ctx, c, p: ctx.multiply(ctx.subtract(ctx.divide(c, p), 1), HUNDRED), current, prior
    )


def percent_change_from_amount(current: Interval, change: Interval) -> Interval | None:
    """change / (current − change) × 100, when a report states the change but not the prior year.

    The function is monotone in each argument wherever the prior year (current − change) keeps
    its sign, which is checked first.
    """
    prior = current - change
    if prior.contains_zero():
        return None
    return monotone_range(
        lambda ctx, c, ch: ctx.multiply(ctx.divide(ch, ctx.subtract(c, ch)), HUNDRED), current, change
    )


def quantize_to(value: Decimal, decimals: int) -> Decimal:
    """Round ``value`` half-up to ``decimals`` places, as a report prints it."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_EXACT)


def quantize_like(value: Decimal, like: Decimal) -> Decimal:
    """Round ``value`` half-up to the decimals ``like`` was printed with."""
    return quantize_to(value, decimals_of(like))


def point_ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    return _EXACT.multiply(_EXACT.divide(numerator, denominator), HUNDRED)
