"""FR31x — across years: a unit's reports of consecutive years against each other.

The runner checks files one by one (in worker processes with ``--jobs``); this stage runs after
all of them.  Each checked report leaves a small ``Comparable`` behind — the figures another
year may quote, the 上年 figures it quotes itself, its 科目 codes and names, each with where it
was printed — and ``across_years`` pairs the comparables of one unit (``meta.unit``, the report's
kind and scope) whose years follow each other.  Reports are matched by their meta, never by file
name.  What a 上年 figure is compared with is data (``PRIORS``): a 决算's 上年决算数 with last
year's 决算, a budget's 上年预算 with last year's budget, its 上年执行数 with last year's 决算.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable, Iterator

from ..catalog import builtin, normalise_name
from ..findings import Finding, Severity, fingerprint
from ..i18n import place_label
from ..interval import half_unit
from ..model import Report
from ..model.figure import UNIT_SCALES, loc_of
from .base import Rule, fmt, register
from .codes import coded_lists

if TYPE_CHECKING:  # pragma: no cover
    from ..readers import LoadedReport


# --------------------------------------------------------------------------- what is compared
@dataclass(frozen=True)
class Prior:
    """A 上年 figure a report of ``kind`` states under ``under`` (its ``prior``, or its value less
    its ``change``), and where last year's own figure stands: in last year's report of
    ``other_kind``, at the same path, or at ``other`` (``{code}`` is the row's 科目 code)."""

    kind: str
    under: str
    other_kind: str
    other: str | None = None  # None: the same logical path
    attributes: tuple[str, ...] = ("prior", "change")
    estimate: bool = False  # the 上年 figure may be an estimate made before that year closed: a difference is a note


PRIORS: tuple[Prior, ...] = (
    # 部门预算: the items' 上年（当年预算）执行数 is last year's 决算 of that 项 (表5 一般公共预算财政拨款支出);
    # a budget is drawn up before the year closes, so its 执行数 may be an estimate: a difference is a note.
    Prior("budget", "budget.statement.items", "final", "tables.general_budget.rows[{code}].total", ("prior",), estimate=True),
    # every other 上年 figure of a budget (比上年预算增加…) is last year's budget.
    Prior("budget", "budget.", "budget"),
    # 部门决算: 上年决算数 is last year's 决算.
    Prior("final", "", "final"),
)

# Where the figures another year may quote stand: the text's figures, and table 5's rows by 科目.
TARGETS: tuple[str, ...] = ("narrative.", "other.", "performance.", "budget.statement.", "budget.other.", "tables.general_budget.")


@dataclass(frozen=True, slots=True)
class Spot:
    """A figure or a name and where it was printed; ``value``/``half`` in 元, exactly."""

    path: str
    label: str
    printed: str  # the number or name as printed
    unit: str  # the money unit it is printed in ('' for a name)
    page: int | None
    line: int
    excerpt: str | None
    value: Decimal | None = None
    half: Decimal | None = None
    estimate: bool = False  # a 上年 figure that may be an estimate (a budget's 上年执行数)
    place: str | None = None  # where a Word file, workbook or web page prints it (``Place.label``)


@dataclass(frozen=True)
class Comparable:
    """What one report leaves for the cross-year stage: small, and picklable (it crosses from a
    worker process with ``--jobs``)."""

    file: str
    unit: str
    year: int
    kind: str
    scope: str | None
    figures: dict[str, Spot] = field(default_factory=dict)  # logical path → this year's figure
    priors: dict[tuple[str, str], Spot] = field(default_factory=dict)  # (other kind, other path) → the 上年 figure stated
    classes: dict[str, Spot] = field(default_factory=dict)  # 科目 code → its name as printed (first place)

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.unit, self.kind, self.scope)


def _compact(text: str) -> str:
    return "".join(text.split())


def comparable(loaded: LoadedReport, file: str) -> Comparable:
    """What the cross-year stage needs of a checked report."""
    from ..engine import logical_path  # the engine imports the rules

    report = loaded.report
    meta = report.meta
    found = Comparable(file, _compact(meta.unit), meta.year, meta.kind, meta.scope)
    to_yuan = UNIT_SCALES[meta.money_unit]

    def spot(path: str, stated, printed_value: Decimal, half: Decimal, label: str) -> Spot:  # noqa: ANN001
        place = loaded.source.place(loc_of(path))
        scale = (getattr(stated, "scale", None) or Decimal(1)) * to_yuan
        unit = getattr(stated, "unit", None) or meta.money_unit
        return Spot(path, label, fmt(printed_value), unit, place.page, place.line, place.excerpt, printed_value * scale, half * scale, place=place.label)

    numbers = report.numbers  # a figure printed in another money unit is there with its scale
    for path, figure in report.index.items():
        if path.startswith(TARGETS):
            stated = numbers.get(path, figure.bound)
            found.figures.setdefault(logical_path(report, path), spot(path, stated, stated.value, stated.half, stated.label))
    for figure in report.stating:
        link = next((link for link in PRIORS if link.kind == meta.kind and figure.path.startswith(link.under)), None)
        if link is None:
            continue
        stated = numbers.get(figure.path, figure.bound)
        if "prior" in link.attributes and figure.prior is not None:
            value, half, attribute = figure.prior, half_unit(figure.prior), "prior"
        elif "change" in link.attributes and figure.change is not None:
            value, half, attribute = stated.value - figure.change, stated.half + half_unit(figure.change), "change"
        else:
            continue
        if link.other is None:
            target = logical_path(report, figure.path)
        elif "{code}" in link.other and getattr(figure, "code", None):
            target = link.other.format(code=figure.code)
        elif "{code}" in link.other:
            continue
        else:
            target = link.other
        label = stated.label
        found.priors.setdefault((link.other_kind, target), replace(spot(f"{figure.path}.{attribute}", stated, value, half, label), estimate=link.estimate))
    for coded in coded_lists(report):
        for index, row in coded.rows:
            if row.name:
                path = f"{coded.path(index)}.name"
                place = loaded.source.place(loc_of(path))
                found.classes.setdefault(row.code, Spot(path, row.code, row.name, "", place.page, place.line, place.excerpt, place=place.label))
    return found


# --------------------------------------------------------------------------- the rules
class YearRule(Rule):
    """A rule of the cross-year stage: it reads two years' comparables, not one report."""


    def check(self, report: Report) -> Iterator[Finding]:
        return iter(())  # nothing to say of one report alone

    def compare(self, current: Comparable, last: Comparable | None, others: list[Comparable]) -> Iterator[Finding]:  # pragma: no cover - abstract
        """Findings of ``current`` against ``last`` (last year's report of its kind and scope), or,
        with ``last`` None, against ``others`` (last year's reports of the unit of another kind)."""
        raise NotImplementedError

    def where(self, comparable: Comparable, spot: Spot) -> str:
        """A file and the place in it, for a message."""
        if spot.place:  # a Word file, workbook or web page: its own place, in the run's language
            return self.say("FR311.where_place", file=comparable.file, place=place_label(spot.place, self.lang))
        if spot.page is not None:
            return self.say("FR311.where_page", file=comparable.file, page=spot.page, line=spot.line)
        return self.say("FR311.where_line", file=comparable.file, line=spot.line)

    def located(self, comparable: Comparable, spot: Spot, message: str, related: tuple[str, ...], **numbers: str | None) -> Finding:
        path = spot.path
        return Finding(
            self.id, self.severity, path, message, related=related, line=spot.line, column=1, page=spot.page,
            excerpt=spot.excerpt, place=spot.place, fingerprint=fingerprint(comparable.unit, comparable.year, self.id, path), **numbers,
        )


@register
class PriorYearFigure(YearRule):
    """A 上年 figure this year's report states differs from last year's own report.

    What it checks: in a folder holding the same unit's reports of consecutive years (matched by
    ``meta``: the unit, the kind of report and its scope, and the year — never by file name),
    every 上年 figure a report states — its 上年数, or its figure less the stated 增减额 — against
    the figure last year's report prints: a 决算's 上年决算数 against last year's 决算, a budget's
    上年预算 (比上年预算增加…) against last year's budget, and a budget's 上年执行数 against last
    year's 决算 (表5 by 科目) where that report is in the folder too — a note only, as a budget is
    drawn up before that year closes and its 执行数 may be an estimate.  Both are rounding intervals;
    a finding only where they do not meet.  The finding names both files and both places.

    Why: a 上年 figure copied from a draft, or from another unit, makes every change and every
    growth rate built on it wrong, and no check of one report alone can see it.

    Example: passes — 2025's “比2024年预算减少10万元” on 37.91 万元 (47.91) against 2024's 47.91.
    Fails — 2025 states 上年 47.91, 2024's report printed 46.91.
    """

    id = "FR311"
    title = "上年数与上年报告不一致"
    title_en = "a prior-year figure differs from last year's report"
    severity = Severity.WARNING

    def compare(self, current: Comparable, last: Comparable | None, others: list[Comparable]) -> Iterator[Finding]:
        for (other_kind, target), stated in current.priors.items():
            if last is not None:  # last year's report of this kind: the 上年 figures of this kind
                candidates = [last] if other_kind == current.kind else []
            else:  # last year's reports of another kind (a budget's 上年执行数 against the 决算)
                candidates = [other for other in others if other.kind == other_kind]
            for other in candidates:
                yield from self._against(current, stated, other, target)

    def _against(self, current: Comparable, stated: Spot, other: Comparable, target: str) -> Iterator[Finding]:
        own = other.figures.get(target)
        if own is None or own.value is None or stated.value is None:
            return
        slack = (own.half or 0) + (stated.half or 0)
        difference = stated.value - own.value
        if abs(difference) <= slack:
            return
        factor = UNIT_SCALES[stated.unit] if stated.unit in UNIT_SCALES else Decimal(1)
        message = self.say(
            "FR311.estimate" if stated.estimate else "FR311", label=stated.label, reported=stated.printed, unit=stated.unit, here=self.where(current, stated),
            year=other.year, expected=own.printed, other_unit=own.unit, there=self.where(other, own),
            difference=fmt(difference / factor),
        )
        finding = self.located(
            current, stated, message, related=(f"{other.file}:{own.path}",),
            reported=stated.printed, expected=fmt(own.value / factor), difference=fmt(difference / factor),
        )
        yield replace(finding, severity=Severity.INFO) if stated.estimate else finding


@register
class ClassificationAcrossYears(YearRule):
    """A 科目 code printed with another name than last year's report gives it.

    What it checks: every 科目 code the tables and the text print, against the name last year's
    report of the same unit (matched by ``meta``) prints for that code.  A name the catalogue
    says was renamed in between (its ``former`` name before ``since``) is the renaming, not a
    finding; any other change is — one of the two years has the code or the name wrong.

    Why: a 科目 keeps its code and its name from year to year unless the 政府收支分类科目 change
    them; a code that names another thing this year usually means a row typed with the wrong code,
    or a name copied from an older list.

    Likewise a 项 printed under another code than last year's — the same 款, the same name, and
    last year's code gone.

    Example: passes — 2080505 机关事业单位基本养老保险缴费支出 in both years.  Warns — 2025 prints
    2101101 行政单位医疗 where 2024 printed 2101101 事业单位医疗; 2025 prints 2013299 一般行政管理事务
    where 2024 printed 2013202.
    """

    id = "FR312"
    title = "科目名称与上年报告不一致"
    title_en = "a classification is named differently from last year's report"
    severity = Severity.WARNING

    def compare(self, current: Comparable, last: Comparable | None, others: list[Comparable]) -> Iterator[Finding]:
        if last is None:
            return
        catalog = self.options.catalog or builtin()
        for code, spot in current.classes.items():
            before = last.classes.get(code)
            if before is None:
                continue
            name, old = normalise_name(spot.printed), normalise_name(before.printed)
            if name == old:
                continue
            entry = catalog.get(code)
            if entry is not None and entry.former and normalise_name(entry.former) == old and normalise_name(entry.name) == name:
                continue  # renamed by the lists themselves
            message = self.say(
                "FR312", code=code, name=spot.printed, here=self.where(current, spot),
                year=last.year, old=before.printed, there=self.where(last, before),
            )
            yield self.located(current, spot, message, related=(f"{last.file}:{before.path}",), reported=spot.printed, expected=before.printed)
        # A 项 of the same 款 and name under another code than last year's (its old code gone).
        before_by_name, now_by_name = _items_by_name(last), _items_by_name(current)
        for key, codes in now_by_name.items():
            old = before_by_name.get(key)
            if len(codes) != 1 or old is None or len(old) != 1 or codes == old or old[0] in current.classes:
                continue
            (code,), (old_code,) = codes, old
            spot, before = current.classes[code], last.classes[old_code]
            message = self.say(
                "FR312.code", name=spot.printed, code=code, here=self.where(current, spot),
                year=last.year, old=old_code, there=self.where(last, before),
            )
            yield self.located(current, spot, message, related=(f"{last.file}:{before.path}",), reported=code, expected=old_code)


def _items_by_name(comparable: Comparable) -> dict[tuple[str, str], list[str]]:
    """Each 项's codes by its 款 and its name."""
    found: dict[tuple[str, str], list[str]] = {}
    for code, spot in comparable.classes.items():
        if len(code) == 7 and code.startswith("2"):
            found.setdefault((code[:5], normalise_name(spot.printed)), []).append(code)
    return found


# --------------------------------------------------------------------------- the stage
def across_years(comparables: Iterable[Comparable], rules: Iterable[YearRule]) -> dict[str, list[Finding]]:
    """The cross-year findings, by the file they stand in (the later year's), in a stable order.

    Where a folder holds two reports of one unit, kind, scope and year (a PDF and the YAML
    extracted from it), each is compared with each of last year's: every finding names its files.
    """
    by_year: dict[tuple, list[Comparable]] = {}
    for item in comparables:
        by_year.setdefault((item.unit, item.year), []).append(item)
    rules = list(rules)
    found: dict[str, list[Finding]] = {}
    for current in sorted(comparables, key=lambda item: (item.file, item.year)):
        before = sorted(by_year.get((current.unit, current.year - 1), ()), key=lambda item: item.file)
        lasts = [item for item in before if item.key == current.key]
        others = [item for item in before if item.kind != current.kind]
        for rule in rules:
            for last in lasts:
                found.setdefault(current.file, []).extend(rule.compare(current, last, []))
            found.setdefault(current.file, []).extend(rule.compare(current, None, others))
    found = {file: findings for file, findings in found.items() if findings}
    for findings in found.values():
        findings.sort(key=Finding.sort_key)
    return found


def year_rules(rule_ids: Iterable[str] | None, options) -> list[YearRule]:  # noqa: ANN001 - rules.base.Options
    """The cross-year rules a run selected."""
    from . import REGISTRY

    wanted = None if rule_ids is None else set(rule_ids)
    return [cls(options) for rule_id, cls in sorted(REGISTRY.items()) if issubclass(cls, YearRule) and (wanted is None or rule_id in wanted)]


def results_across_years(comparables: list[Comparable], settings) -> Iterator:  # noqa: ANN001 - runner.Settings
    """The stage's findings as ``FileResult``s that continue the results of the files they stand in
    (the later year's): what the baseline holds is marked as such."""
    from ..findings import Status
    from ..results import FileResult

    rules = year_rules(settings.rule_ids, settings.options)
    if len(comparables) < 2 or not rules:
        return
    by_file = {item.file: item for item in comparables}
    try:
        found = across_years(comparables, rules)
    except Exception as error:  # noqa: BLE001 - a bug here must not lose the files' own results
        import os

        from ..runner import internal_error  # the one line every unexpected failure becomes

        if os.environ.get("FINRECON_DEBUG"):
            raise
        yield FileResult("finrecon", error=internal_error("finrecon", error, settings.options.lang), continued=True)
        return
    for file, findings in found.items():
        item = by_file[file]
        marked = [finding if finding.fingerprint not in settings.baseline else _baselined(finding, Status.BASELINED) for finding in findings]
        yield FileResult(file, item.unit, item.year, marked, continued=True)


def _baselined(finding: Finding, status) -> Finding:  # noqa: ANN001
    from dataclasses import replace

    return replace(finding, status=status)


def wanted(rule_ids: Iterable[str] | None) -> bool:
    """Whether a run with these rules has a cross-year stage (and its reports leave comparables)."""
    from . import REGISTRY

    return any(issubclass(cls, YearRule) for rule_id, cls in REGISTRY.items() if rule_ids is None or rule_id in rule_ids)
