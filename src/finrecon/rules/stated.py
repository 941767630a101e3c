"""The rules' view of the numbers a report prints, and how to print one."""

from __future__ import annotations

from decimal import Decimal

from ..model import Figure, Report, Stated

__all__ = ["Stated", "fmt", "of_figure", "stated"]


def stated(report: Report, path: str) -> Stated | None:
    """The number at ``path``: a figure's value, or what it states besides (``….total.budget``)."""
    return report.numbers.get(path)


def of_figure(figure: Figure) -> Stated:
    """A figure's value as stated."""
    return figure.bound


def fmt(value: Decimal) -> str:
    """A Decimal as a plain string, never in exponent form."""
    text = format(value, "f")
    return "0" if text in ("-0", "+0") else text
