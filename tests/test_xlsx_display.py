"""The xlsx reader takes a cell as Excel shows it: its number format's decimals, rounded half away
from zero as Excel rounds (2.5 → 3, 0.125 → 0.13), from the exact decimal the float stands for."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from finrecon.readers.xlsx import _printed


def test_halves_round_up_as_excel_shows_them() -> None:
    assert _printed(2.5, "0") == "3"
    assert _printed(0.125, "0.00") == "0.13"
    assert _printed(-2.5, "0") == "-3"
    assert _printed(0.125, "0.0%") == "12.5%"
    assert _printed(0.0125, "0.0%") == "1.3%"
    assert _printed(1234.5, "#,##0") == "1235"


# a figure as a workbook holds it: at most 15 significant digits, as Excel keeps
figures = st.decimals(min_value=Decimal("-999999999.999999"), max_value=Decimal("999999999.999999"), places=6)
# and the halves, where half-to-even and half-up differ
halves = st.builds(lambda whole, places: (Decimal(whole) + Decimal("0.5")).scaleb(-places),
                   st.integers(min_value=-10**8, max_value=10**8), st.integers(min_value=0, max_value=5))
figures = st.one_of(figures, halves)


@given(figures, st.integers(min_value=0, max_value=4), st.booleans())
def test_the_shown_value_is_the_figure_at_its_formats_decimals(figure: Decimal, places: int, percent: bool) -> None:
    form = ("0." + "0" * places if places else "0") + ("%" if percent else "")
    shown = _printed(float(figure), form)
    exact = figure * 100 if percent else figure
    expected = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    assert shown == format(expected, "f") + ("%" if percent else "")


@given(figures)
def test_a_float_stands_for_its_shortest_decimal_exactly(figure: Decimal) -> None:
    assert Decimal(_printed(float(figure), "0.000000")) == figure
