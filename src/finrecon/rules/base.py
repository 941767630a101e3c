"""The rule contract and registry, and the shared mechanisms rules are built from.

A rule is a class with a stable ``id``, a default ``severity``, a one-line ``title`` and a
docstring written for an accountant (its first paragraph is what it checks; ``Why`` and
``Example`` sections follow).  Rules that compare stated figures use one of two mechanisms:

* ``EquationRule`` — "these stated figures add up to those" (sums, balances, cross-table and
  narrative-versus-table identities) on rounding intervals;
* ``ratio_finding`` — a stated percentage against the interval of the ratio it claims.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, ClassVar, Iterable, Iterator

from ..findings import Finding, Severity
from ..interval import Interval, decimals_of, quantize_like, quantize_to, total
from ..model import Figure, Report

REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id in REGISTRY:
        raise ValueError(f"rule id {cls.id} used twice")
    REGISTRY[cls.id] = cls
    return cls


class Rule:
    id: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.title)

    def check(self, report: Report) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self, loc: tuple[str | int, ...], path: str, message: str, related: tuple[str, ...] = (), **numbers: str | None
    ) -> Finding:
        return Finding(self.id, self.severity, path, message, loc=loc, related=related, **numbers)


# ------------------------------------------------------------------------------ stated numbers
@dataclass(frozen=True, slots=True)
class Stated:
    """A number the report prints, with where it stands and what it is called."""

    value: Decimal
    path: str
    loc: tuple[str | int, ...]
    label: str

    @property
    def interval(self) -> Interval:
        return Interval.printed(self.value)


_ATTRIBUTE_LABELS = {"budget": "预算数", "prior": "上年数", "change": "增减额"}


def stated(report: Report, path: str) -> Stated | None:
    """The number at ``path``: a figure's value, or one of its attributes (``….total.budget``)."""
    figure = report.figure(path)
    if figure is not None:
        return Stated(figure.value, figure.path, figure.loc, figure.label)
    head, _, attribute = path.rpartition(".")
    figure = report.figure(head)
    if figure is None or attribute not in _ATTRIBUTE_LABELS:
        return None
    value = getattr(figure, attribute)
    if value is None:
        return None
    return Stated(value, path, (*figure.loc, attribute), f"{figure.label}{_ATTRIBUTE_LABELS[attribute]}")


def of_figure(figure: Figure) -> Stated:
    return Stated(figure.value, figure.path, figure.loc, figure.label)


def fmt(value: Decimal) -> str:
    """A Decimal as a plain string, never in exponent form."""
    text = format(value, "f")
    return "0" if text in ("-0", "+0") else text


# ------------------------------------------------------------------------------ equations
@dataclass(frozen=True, slots=True)
class Equation:
    """Stated figures on the left must equal, within rounding, the sum of those on the right."""

    left: tuple[Stated, ...]
    right: tuple[Stated, ...]


def joined(items: Iterable[Stated], limit: int = 4) -> str:
    items = list(items)
    if len(items) > limit:
        return f"{items[0].label} 等 {len(items)} 项"
    return " + ".join(item.label for item in items)


class EquationRule(Rule):
    """Base of every identity rule: one evaluation for all of them."""

    def equations(self, report: Report) -> Iterator[Equation]:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, equation: Equation, reported: str, expected: str, difference: str) -> str:
        left, right = joined(equation.left), joined(equation.right)
        return f"{left} 为 {reported}，{right} 之和为 {expected}，相差 {difference}，超出四舍五入误差"

    def check(self, report: Report) -> Iterator[Finding]:
        seen: set[tuple[str, ...]] = set()
        for equation in self.equations(report):
            key = tuple(s.path for s in equation.left) + ("=",) + tuple(s.path for s in equation.right)
            if key in seen:
                continue
            seen.add(key)
            left = total(s.interval for s in equation.left)
            right = total(s.interval for s in equation.right)
            if left.meets(right):
                continue
            reported = sum((s.value for s in equation.left), Decimal(0))
            expected = sum((s.value for s in equation.right), Decimal(0))
            difference = reported - expected
            anchor = equation.left[0]
            yield self.finding(
                anchor.loc,
                anchor.path,
                self.describe(equation, fmt(reported), fmt(expected), fmt(difference)),
                related=tuple(s.path for s in equation.left + equation.right),
                reported=fmt(reported),
                expected=fmt(expected),
                difference=fmt(difference),
            )


# ------------------------------------------------------------------------------ ratios
def ratio_finding(
    rule: Rule,
    loc: tuple[str | int, ...],
    path: str,
    stated_pct: Decimal,
    computed: Interval | None,
    point: Decimal,
    message: str,
    related: tuple[str, ...],
    hint: Callable[[], str | None] | None = None,
) -> Finding | None:
    """A finding when the stated percentage's interval misses the computed one.

    ``message`` may use ``{expected}`` and ``{reported}``; ``point`` is the ratio computed from the
    printed figures, shown rounded as the report prints the percentage; ``hint`` is asked for
    the likely cause only when there is a finding.
    """
    if computed is None or Interval.printed(stated_pct).meets(computed):
        return None
    expected = quantize_like(point, stated_pct)
    if abs(stated_pct - expected) <= Interval.printed(stated_pct).hi - Interval.printed(stated_pct).lo:
        # Off by one printed unit yet outside rounding: show two more decimals, so that the
        # numbers explain the finding (1.05 stated, 1.0378 computed — not "1.04, differs by 0.01").
        expected = quantize_to(point, decimals_of(stated_pct) + 2)
    return rule.finding(
        loc,
        path,
        message.format(expected=fmt(expected), reported=fmt(stated_pct)),
        related=related,
        reported=fmt(stated_pct),
        expected=fmt(expected),
        difference=fmt(stated_pct - expected),
        hint=hint() if hint else None,
    )
