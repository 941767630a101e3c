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
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, ClassVar, Iterable, Iterator, NamedTuple

from ..catalog import Catalog
from ..findings import Finding, Severity
from ..interval import Interval, decimals_of, quantize_like, quantize_to
from ..i18n import t
from ..model import Figure, Report
from ..model.bind import field_title
from .hints import unit_slip
from .stated import Stated, fmt  # noqa: F401 - re-exported for rules

REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id in REGISTRY:
        raise ValueError(f"rule id {cls.id} used twice")
    REGISTRY[cls.id] = cls
    return cls


@dataclass(frozen=True)
class Options:
    """What a run adds to the rules: the catalogue (``--catalog``), the language, the templates."""

    catalog: Catalog | None = None
    lang: str = "zh"
    templates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name → required paths


class Rule:
    id: ClassVar[str]
    title: ClassVar[str]
    title_en: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.lang = self.options.lang

    def say(self, key: str, /, **params: object) -> str:
        """The message ``key`` in the run's language."""
        return t(key, self.lang, **params)

    def name(self, item: Stated | Figure) -> str:
        """What to call a figure in the run's language: its row or group and its field's title."""
        return item.label_in(self.lang)

    @classmethod
    def title_in(cls, lang: str) -> str:
        return cls.title_en if lang == "en" else cls.title

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.title)

    @classmethod
    def plain_doc(cls) -> str:
        """The docstring for a terminal: ``share_pct`` (reStructuredText's literal) printed plain."""
        return re.sub(r"``(.+?)``", r"\1", cls.doc(), flags=re.S)

    def check(self, report: Report) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self, loc: tuple[str | int, ...], path: str, message: str, related: tuple[str, ...] = (),
        offset: int | None = None, excerpt: str | None = None, **numbers: str | None,
    ) -> Finding:
        """A finding at ``loc``; a text rule adds the ``offset`` of the words in that text and the
        ``excerpt`` it quotes, so that the finding stands where those words were printed."""
        return Finding(self.id, self.severity, path, message, loc=loc, related=related, offset=offset, excerpt=excerpt, **numbers)


# ------------------------------------------------------------------------------ equations
class Equation(NamedTuple):
    """Stated figures on the left must equal, within rounding, the sum of those on the right.

    ``unknown``: where one of its terms was printed but could not be read or placed (a report
    path, see ``model/unknown.py``) — the equation is then not evaluated, and FR923 says so.
    """

    left: tuple[Stated, ...]
    right: tuple[Stated, ...]
    unknown: str | None = None


def imbalance(equation: Equation) -> tuple[Decimal, Decimal] | None:
    """The two sums when they differ by more than rounding allows; ``None`` when they agree.

    Closed intervals around each side's sum meet when the sums differ by no more than the
    half-units of every printed figure together: the interval test, without the intervals.
    """
    left, right, _ = equation
    reported = expected = slack = _ZERO
    for item in left:
        reported += item.value
    for item in right:
        expected += item.value
    if reported == expected:  # the usual case: no need to add up the half-units
        return None
    for item in left:
        slack += item.half
    for item in right:
        slack += item.half
    return (reported, expected) if abs(reported - expected) > slack else None


def excess(equation: Equation) -> tuple[Decimal, Decimal] | None:
    """The two sums when the left one exceeds the right one by more than rounding allows (a part
    larger than its whole); ``None`` when the left may be at most the right."""
    left, right, _ = equation
    reported = sum((item.value for item in left), _ZERO)
    expected = sum((item.value for item in right), _ZERO)
    if reported <= expected:
        return None
    slack = sum((item.half for item in (*left, *right)), _ZERO)
    return (reported, expected) if reported - expected > slack else None


_ZERO = Decimal(0)


def in_one_unit(equation: Equation) -> tuple[Equation, Stated | None]:
    """The equation with every figure in one money unit, and the figure whose unit that is.

    A figure printed in another unit than the report's (``ScaledStated``) is compared exactly:
    its value and its half-unit are converted, never rounded (1,234,567.89 元 is 123.456789 万元,
    ±0.000005).  Figures that share one unit are left as printed — the finding then shows them in
    the unit the table prints — and ``None`` says they are in the report's unit.  Otherwise all
    are converted to the unit of the first figure on the left, where the finding will stand.
    """
    items = equation.left + equation.right
    anchor = equation.left[0]
    scale = anchor.scale
    if all(item.scale == scale for item in items):
        return equation, (anchor if scale is not None else None)
    return Equation(_converted(equation.left, scale), _converted(equation.right, scale), equation.unknown), anchor


def _converted(items: tuple[Stated, ...], scale: Decimal | None) -> tuple[Stated, ...]:
    converted = []
    for item in items:
        if item.scale == scale:
            converted.append(item)
            continue
        factor = (item.scale or _ONE) / (scale or _ONE)
        copy = Stated(item.value * factor, item.path, item.label)
        copy._half = item.half * factor
        converted.append(copy)
    return tuple(converted)


_ONE = Decimal(1)


def joined(rule: Rule, items: Iterable[Stated], limit: int = 4) -> str:
    items = list(items)
    if len(items) > limit:
        return f"{rule.name(items[0])} … ({len(items)})"
    return " + ".join(rule.name(item) for item in items)


class EquationRule(Rule):
    """Base of every identity rule: one evaluation and one wording for all of them.

    A rule lists its identities as data in ``specs`` (see ``identities.py``) and the budget's in
    ``budget_specs`` (``budget_identities.py``, asked only of a report with a budget); a rule whose
    equations come from elsewhere overrides ``equations``; a rule about figures that are related
    but not identical overrides ``verdict`` to say which differences it reports, and how.  Its
    message template (``i18n``) may use any of the names ``describe`` offers.
    """

    specs: ClassVar[tuple[object, ...]] = ()
    budget_specs: ClassVar[tuple[object, ...]] = ()  # the budget's identities (budget_identities.py)

    def equations(self, report: Report) -> Iterable[Equation]:
        from .identities import RESOLVERS  # identities imports this module

        specs = self.specs if report.budget is None else self.specs + self.budget_specs
        # ``identities.equations(report, spec)`` for each spec, without the call in between.
        found = [equation for spec in specs for equation in RESOLVERS[type(spec)](report, spec)]
        if report.unknown.assumed:  # an equality the reader assumed to place a figure is not checked (model/unknown.py)
            assumed = report.unknown.assumed_in
            found = [
                equation if equation.unknown is not None or (region := assumed(item.path for item in (*equation.left, *equation.right))) is None
                else equation._replace(unknown=region)
                for equation in found
            ]
        return found

    def table(self, item: Stated) -> str:
        """The title of the table or section a figure stands in (a budget's: ``budget.tables.summary``)."""
        parts = item.path.split(".")
        return field_title(".".join(parts[: 3 if parts[:2] == ["budget", "tables"] else 2]), self.lang)

    def params(self, equation: Equation) -> dict[str, object]:
        """What a message may say about an equation, besides its three numbers."""
        left, right = equation.left, equation.right
        return {
            "left": joined(self, left, limit=len(left)),
            "right": joined(self, right),
            "count": len(right),
            "left_table": self.table(left[0]),
            "right_table": self.table(right[0]),
            "table": self.table(right[0]),
        }

    def verdict(self, report: Report, reported: Decimal, expected: Decimal) -> str | None:
        """The message for an equation whose two sides differ beyond rounding, or ``None`` when
        the rule accepts that difference.  An identity accepts none: the rule's own message."""
        return self.id

    def describe(self, key: str, equation: Equation, reported: str, expected: str, difference: str) -> str:
        return self.say(key, **self.params(equation), reported=reported, expected=expected, difference=difference)

    def skipped(self, report: Report) -> Iterator[Equation]:
        """The equations not evaluated because one of their terms is unknown (see FR923)."""
        if report.unknown:
            yield from (equation for equation in self.equations(report) if equation.unknown is not None)

    def wording(self, equation: Equation) -> str:
        """An equation as a message names it: “本年收入合计 = 财政拨款收入 + …”."""
        params = self.params(equation)
        return f"{params['left']} = {params['right']}"

    # The two sides' sums where they contradict the identity (an equality by default); a rule about
    # another relation (“at most”) sets its own.  A plain function: called once per equation.
    discrepancy = staticmethod(imbalance)

    def units(self, equation: Equation, unit_of: Stated, report_unit: str) -> str:
        """What unit the numbers of the message are in, and which tables were converted to it."""
        unit = unit_of.unit or report_unit
        others = {}
        for item in equation.left + equation.right:
            original = item.unit or report_unit
            if original != unit:
                others.setdefault(original, {}).setdefault(self.table(item), None)
        if not others:
            return self.say("unit.in", unit=unit)
        converted = self.say("list.and").join(
            self.say("unit.from", tables=self.say("list.and").join(tables), unit=original) for original, tables in others.items()
        )
        return self.say("unit.converted", unit=unit, converted=converted)

    def check(self, report: Report) -> Iterator[Finding]:
        reported_once: set[Equation] = set()  # two identities may give the same equation
        scaled = report.__dict__.get("_scaled", False)  # some table prints another money unit
        discrepancy = self.discrepancy  # looked up once: hundreds of equations a report
        unit_of: Stated | None = None
        for printed in self.equations(report):
            if printed.unknown is not None:
                continue  # a term is unknown, not 0: nothing can be concluded (FR923 lists it)
            equation = printed
            if scaled:
                equation, unit_of = in_one_unit(printed)
            sums = discrepancy(equation)
            if sums is None or printed in reported_once:
                continue
            reported, expected = sums
            key = self.verdict(report, reported, expected)
            if key is None:
                continue
            reported_once.add(printed)
            difference = reported - expected
            anchor = equation.left[0]
            message = self.describe(key, equation, fmt(reported), fmt(expected), fmt(difference))
            if unit_of is not None:
                message += self.units(printed, unit_of, report.meta.money_unit)
            yield self.finding(
                anchor.loc,
                anchor.path,
                message,
                related=tuple(s.path for s in equation.left + equation.right),
                reported=fmt(reported),
                expected=fmt(expected),
                difference=fmt(difference),
                hint=unit_slip(list(equation.left), list(equation.right), self.lang),
            )


# ------------------------------------------------------------------------------ ratios
def ratio_finding(
    rule: Rule,
    loc: tuple[str | int, ...],
    path: str,
    stated_pct: Decimal,
    computed: Callable[[], Interval | None],
    point: Decimal,
    message: Callable[[str, str], str],
    related: tuple[str, ...],
    hint: Callable[[], str | None] | None = None,
) -> Finding | None:
    """A finding when the stated percentage's interval misses the computed one.

    ``computed`` gives the exact interval of the ratio; it is asked for only when the ratio of the
    printed figures falls outside the stated percentage's interval (it always lies inside the
    exact interval, so when it meets the stated one there is nothing to report).

    ``message(expected, reported)`` words the finding; ``point`` is the ratio computed from the
    printed figures, shown rounded as the report prints the percentage; ``hint`` is asked for
    the likely cause only when there is a finding.
    """
    printed = Interval.printed(stated_pct)
    if point in printed:
        return None
    interval = computed()
    if interval is None or printed.meets(interval):
        return None
    expected = quantize_like(point, stated_pct)
    if abs(stated_pct - expected) <= printed.hi - printed.lo:
        # Off by one printed unit yet outside rounding: show two more decimals, so that the
        # numbers explain the finding (1.05 stated, 1.0378 computed — not "1.04, differs by 0.01").
        expected = quantize_to(point, decimals_of(stated_pct) + 2)
    return rule.finding(
        loc,
        path,
        message(fmt(expected), fmt(stated_pct)),
        related=related,
        reported=fmt(stated_pct),
        expected=fmt(expected),
        difference=fmt(stated_pct - expected),
        hint=hint() if hint else None,
    )
