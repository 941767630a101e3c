"""Rounding intervals: exact, closed, and never narrower than the truth."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from finrecon.interval import (
    Interval,
    decimals_of,
    half_unit,
    percent_change,
    percent_change_from_amount,
    percent_ratio,
    quantize_to,
    total,
)

cents = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n).scaleb(-2))
exact = st.integers(min_value=1, max_value=10**11).map(lambda n: Decimal(n).scaleb(-4))


def printed(value: Decimal, decimals: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def test_printed_interval_keeps_the_printed_precision() -> None:
    assert Interval.printed(Decimal("39.2")) == Interval(Decimal("39.15"), Decimal("39.25"))
    assert Interval.printed(Decimal("39.20")) == Interval(Decimal("39.195"), Decimal("39.205"))
    assert Interval.printed(Decimal("514")) == Interval(Decimal("513.5"), Decimal("514.5"))
    assert decimals_of(Decimal("258.50")) == 2


def test_touching_intervals_meet() -> None:
    assert Interval.printed(Decimal("326.71")).meets(Interval.printed(Decimal("326.72")))
    assert not Interval.printed(Decimal("326.71")).meets(Interval.printed(Decimal("326.73")))


def test_examples_from_the_domain() -> None:
    parts = total([Interval.printed(Decimal("8.18")), Interval.printed(Decimal("28.3"))])
    assert parts.meets(Interval.printed(Decimal("36.47")))
    share = percent_ratio(Interval.printed(Decimal("5.39")), Interval.printed(Decimal("519.39")))
    assert share is not None and not share.meets(Interval.printed(Decimal("1.05")))


def test_zero_base_is_undefined() -> None:
    assert percent_ratio(Interval.printed(Decimal("1")), Interval.printed(Decimal("0.00"))) is None
    assert percent_change(Interval.printed(Decimal("1")), Interval.printed(Decimal("0"))) is None
    assert percent_change_from_amount(Interval.printed(Decimal("5.00")), Interval.printed(Decimal("5.00"))) is None


@given(st.lists(exact, min_size=1, max_size=12))
def test_rounded_parts_always_meet_their_rounded_sum(values: list[Decimal]) -> None:
    parts = total(Interval.printed(printed(v)) for v in values)
    assert parts.meets(Interval.printed(printed(sum(values))))


@given(exact, exact)
def test_rounded_share_always_meets_the_share_of_rounded_figures(part: Decimal, rest: Decimal) -> None:
    whole = part + rest
    computed = percent_ratio(Interval.printed(printed(part)), Interval.printed(printed(whole)))
    if computed is not None:
        assert computed.meets(Interval.printed(printed(part / whole * 100)))


@given(exact, exact)
def test_rounded_change_always_meets(current: Decimal, prior: Decimal) -> None:
    pct = printed((current / prior - 1) * 100)
    by_prior = percent_change(Interval.printed(printed(current)), Interval.printed(printed(prior)))
    by_change = percent_change_from_amount(Interval.printed(printed(current)), Interval.printed(printed(current - prior)))
    for computed in (by_prior, by_change):
        if computed is not None:
            assert computed.meets(Interval.printed(pct))


@given(cents, cents)
def test_ratio_interval_contains_every_value_the_figures_stand_for(numerator: Decimal, denominator: Decimal) -> None:
    a, b = Interval.printed(numerator), Interval.printed(denominator)
    computed = percent_ratio(a, b)
    if computed is None:
        return
    with localcontext() as ctx:
        ctx.prec = 80  # finer than the engine's outward-rounded 40 digits
        for n in (a.lo, numerator, a.hi):
            for d in (b.lo, denominator, b.hi):
                if d:
                    assert computed.lo <= n / d * 100 <= computed.hi


@given(cents, st.integers(min_value=2, max_value=9))
def test_a_share_off_by_more_than_rounding_is_caught(part: Decimal, factor: int) -> None:
    whole = part * factor
    true_pct = part / whole * 100
    wrong = quantize_to(true_pct, 2) + Decimal("0.05")
    computed = percent_ratio(Interval.printed(part), Interval.printed(whole))
    assert computed is not None
    if part >= 10:  # with four significant digits in the part the true share is pinned to ±0.03
        assert not computed.meets(Interval.printed(wrong))


def test_a_figure_moved_to_another_unit_keeps_its_printed_precision() -> None:
    assert Interval.printed(Decimal("6000").scaleb(-4)) == Interval(Decimal("0.59995"), Decimal("0.60005"))
    assert Interval.printed(Decimal("1.50").scaleb(4)) == Interval(Decimal("14950"), Decimal("15050"))


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_half_unit_is_half_of_the_last_printed_digit(value: Decimal) -> None:
    # half_unit reads the exponent off the text; it must agree with the Decimal's own exponent,
    # whatever notation (12.34, 0E-7, 1.50E+4, -0) the value prints in.
    exponent = value.as_tuple().exponent
    assert half_unit(value) == Decimal(5).scaleb(exponent - 1)
    assert half_unit(value).as_tuple().exponent == exponent - 1
