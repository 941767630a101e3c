"""A number the report prints, with where it stands and what it is called; and how to print one."""

from __future__ import annotations

from decimal import Decimal

from ..interval import Interval, half_unit
from ..model import Figure, Report


class Stated:
    """A number the report prints, with where it stands and what it is called.

    ``half`` is half of its last printed digit: how far rounding may have moved it.  (A plain
    slotted class: rules make hundreds of these per report.)
    """

    __slots__ = ("value", "path", "loc", "label", "half")

    def __init__(self, value: Decimal, path: str, loc: tuple[str | int, ...], label: str) -> None:
        self.value, self.path, self.loc, self.label = value, path, loc, label
        self.half = half_unit(value)

    def __repr__(self) -> str:
        return f"Stated({self.value!r}, {self.path!r})"

    @property
    def interval(self) -> Interval:
        return Interval(self.value - self.half, self.value + self.half)


_ATTRIBUTE_LABELS = {"budget": "预算数", "prior": "上年数", "change": "增减额"}


def stated(report: Report, path: str) -> Stated | None:
    """The number at ``path``: a figure's value, or one of its attributes (``….total.budget``)."""
    figure = report.figure(path)
    if figure is not None:
        return of_figure(figure)
    head, _, attribute = path.rpartition(".")
    figure = report.figure(head)
    if figure is None or attribute not in _ATTRIBUTE_LABELS:
        return None
    value = getattr(figure, attribute)
    if value is None:
        return None
    return Stated(value, path, (*figure.loc, attribute), f"{figure.label}{_ATTRIBUTE_LABELS[attribute]}")


def of_figure(figure: Figure) -> Stated:
    bound = figure.bound
    if bound.stated is None:
        bound.stated = Stated(figure.value, bound.path, bound.loc, bound.label)
    return bound.stated  # type: ignore[return-value]


def fmt(value: Decimal) -> str:
    """A Decimal as a plain string, never in exponent form."""
    text = format(value, "f")
    return "0" if text in ("-0", "+0") else text
