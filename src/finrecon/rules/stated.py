"""The rules' view of the numbers a report prints (``Stated``, made at binding), and how to print one."""

from __future__ import annotations

from decimal import Decimal

from ..model import Stated

__all__ = ["Stated", "fmt"]


def fmt(value: Decimal) -> str:
    """A Decimal as a plain string, never in exponent form."""
    text = format(value, "f")
    return "0" if text in ("-0", "+0") else text
