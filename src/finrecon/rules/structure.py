"""FR9xx — how figures are printed and what a report must carry."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from pydantic import BaseModel

from ..lexicon import PLACEHOLDER, PLACEHOLDER_MARKS
from ..findings import Finding, Severity
from ..interval import Interval, decimals_of, half_unit, percent_ratio
from ..model import Figure, Report
from ..model.tables import PrintedTable
from ..model.bind import field_title, field_titles
from ..model.figure import loc_of
from .base import Rule, Stated, fmt, register
from .budget import completion_base
from .identities import model_at
from .texts import sentence_at
from ..template import template_of

_PERCENT_ATTRIBUTES = ("share_pct", "change_pct", "completion_pct")
_SIGNED = ("change", "change_pct")  # the only numbers that may be negative
_ZERO = Decimal(0)


def _attribute(path: str) -> str:
    """What a number is of its figure: ``share_pct`` for ``….total.share_pct`` (a value's last name)."""
    return path.rpartition(".")[2]


@register
class PrintedPrecision(Rule):
    """A figure has more decimals than the report prints.

    What it checks: amounts against ``meta.amount_decimals`` (0.01 万元 by default) and
    percentages against ``meta.percent_decimals``.

    Why: a figure with more decimals than the template prints was usually pasted from a
    worksheet unrounded, or typed in 元 where 万元 is meant; either way the printed report will
    not match it.

    Example: passes — 455.47 with two decimals.  Warns — 455.4712.
    """

    id = "FR901"
    title = "小数位数超过报告打印精度"
    title_en = "more decimals than the report prints"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        meta = report.meta
        # A number printed with more decimals than allowed has a smaller half-unit than the limit's.
        amount_half = half_unit(Decimal(1).scaleb(-meta.amount_decimals))
        percent_half = half_unit(Decimal(1).scaleb(-meta.percent_decimals))
        either = max(amount_half, percent_half)  # a number this precise passes whatever it is
        # The usual number has exactly that many decimals: told by one comparison of exponents,
        # without working out its half-unit.
        usual = Decimal(1).scaleb(-min(meta.amount_decimals, meta.percent_decimals))
        for path, number in report.numbers.items():
            if number.value.same_quantum(usual) or number.half >= either:
                continue
            is_percent = _attribute(path) in _PERCENT_ATTRIBUTES
            if number.half < (percent_half if is_percent else amount_half):
                yield self.finding(
                    number.loc,
                    path,
                    self.say(
                        self.id, figure=self.name(number), value=fmt(number.value), decimals=decimals_of(number.value),
                        limit=meta.percent_decimals if is_percent else meta.amount_decimals,
                    ),
                    reported=fmt(number.value),
                )


@register
class ZeroBasePercentage(Rule):
    """A percentage whose base is zero is undefined and must not be printed as a number.

    What it checks: a completion rate printed where the budget is 0, a change % where last
    year's figure is 0, a share of a total of 0.  “0%” or “100%” there is not a fact but a
    convention; the template asks for words (“无预算”, “上年无此项支出”) instead.  The budget is the
    one the text names (年初预算 or 全年预算); a “三公” figure that states none has table 7's, where
    a blank cell is 0.  A rate “of 年初预算” where 年初预算 is 0 but which is 决算 ÷ 全年预算 is
    reported as a rate of the wrong budget.

    Every rate is checked one way, wherever it stands (the text's figures, the tables', a
    project's performance table): the rates and their bases are data (``ZERO_BASES``).

    Why: 0 ÷ 0 printed as 0% reads as “nothing of the budget was spent” when there was no
    budget at all; reviewers query it every time.

    Example: passes — budget 0.95, actual 0, completion 0%.  Warns — budget 0, completion 0%;
    “年初预算为0万元，全年预算为50万元，支出决算为40万元，完成年初预算的80%”.
    """

    id = "FR902"
    title = "基数为零的百分比被印为数字"
    title_en = "a percentage over a zero base printed as a number"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        # Every rate the report states, from every holder (a figure of the text or a table, a
        # project's performance table), against its base: one mechanism, the rates are data (ZERO_BASES).
        for holders, rates in ZERO_BASES:
            for loc, path, holder in holders(report):
                for attribute, base_of, base_name in rates:
                    pct = getattr(holder, attribute)
                    if pct is None:
                        continue
                    base = base_of(report, holder)
                    if base is None or base[1] != 0:
                        continue
                    if attribute == "completion_pct":
                        yield self._zero_budget(report, holder, base[0])
                    else:
                        label = self.name(holder) if isinstance(holder, Figure) else holder.name
                        yield self._zero(loc, path, label, attribute, pct, base_name)

    def _zero_budget(self, report: Report, figure: Figure, named: str) -> Finding:
        """0 budgeted and a rate printed; said to be of 年初预算 while it is the 全年预算's, say that."""
        pct = figure.completion_pct
        adjusted = report.numbers.get(f"{figure.path}.adjusted_budget") if named == "budget" else None
        if adjusted is not None and adjusted.value != 0:
            rate = percent_ratio(figure.bound.interval, adjusted.interval)
            if rate is not None and Interval.printed(pct).meets(rate):
                return self.finding(
                    (*figure.loc, "completion_pct"), f"{figure.path}.completion_pct",
                    self.say("FR902.adjusted", figure=self.name(figure), reported=fmt(pct), value=fmt(figure.value), adjusted=fmt(adjusted.value)),
                    related=(figure.path, f"{figure.path}.budget", adjusted.path), reported=fmt(pct),
                )
        return self._zero(figure.loc, figure.path, self.name(figure), "completion_pct", pct, "FR902.budget")

    def _zero(self, loc, path: str, label: str, attribute: str, pct: Decimal, base_name: str) -> Finding:  # noqa: ANN001
        return self.finding(
            (*loc, attribute),
            f"{path}.{attribute}",
            self.say(self.id, figure=label, base=self.say(base_name), reported=fmt(pct)),
            reported=fmt(pct),
        )


def _completion_base(report: Report, figure: Figure) -> tuple[str, Decimal] | None:
    """The budget a completion rate is of (the one the text names; table 7's for a “三公” figure)."""
    base = completion_base(report, figure)
    return (base[0], base[1].value) if base is not None else None


def _prior(report: Report, figure: Figure) -> tuple[str, Decimal] | None:
    """Last year's figure: stated, or the figure less its stated change (增加X万元 on a zero prior
    year is the whole current amount, called 增长100%)."""
    if figure.prior is not None:
        return ("prior", figure.prior)
    return ("prior", figure.value - figure.change) if figure.change is not None else None


def _share_base(report: Report, figure: Figure) -> tuple[str, Decimal] | None:
    base = report.figure(figure.share_base) if figure.share_base else None
    return ("share", base.value) if base is not None else None


def _project_budget(report: Report, project) -> tuple[str, Decimal] | None:  # noqa: ANN001 - a performance Project
    return ("budget", project.budget) if project.budget is not None else None


def _figures_stating(report: Report) -> Iterator[tuple[tuple[str | int, ...], str, Figure]]:
    for figure in report.stating:
        yield figure.loc, figure.path, figure


def _projects(report: Report) -> Iterator[tuple[tuple[str | int, ...], str, object]]:
    for index, project in enumerate(report.performance.projects if report.performance else ()):
        yield ("performance", "projects", index), f"performance.projects[{index}]", project


# FR902's rates, as data: where the rates stand, and for each rate what it is a rate of (and
# what a message calls that base).  A rate added to the model needs a line here, not a rule.
ZERO_BASES: tuple[tuple[object, tuple[tuple[str, object, str], ...]], ...] = (
    (_figures_stating, (
        ("completion_pct", _completion_base, "FR902.budget"),
        ("change_pct", _prior, "FR902.prior"),
        ("share_pct", _share_base, "FR902.base"),
    )),
    (_projects, (("execution_rate_pct", _project_budget, "FR902.budget"), ("paid_pct", _project_budget, "FR902.budget"))),
)


# The tables that may be printed empty, and must then say why: 决算 tables 7, 8 and 9; the budget's
# tables 6, 7 (政府性基金, 国有资本经营) and 9 (“三公”经费和机关运行经费).
_MAY_BE_EMPTY: tuple[str, ...] = (
    "tables.three_public", "tables.government_fund", "tables.state_capital",
    "budget.tables.government_fund", "budget.tables.state_capital", "budget.tables.three_public",
)


_PLAIN = (type(None), str, int, Decimal)  # what a model's fields hold besides models and lists


def _figures(model: object) -> Iterator[Figure]:
    """Every figure printed in a table (or any part of a report), in field order."""
    if isinstance(model, Figure):
        yield model
    elif isinstance(model, BaseModel):
        for value in model.__dict__.values():
            if type(value) not in _PLAIN:
                yield from _figures(value)
    elif isinstance(model, list):
        for item in model:
            yield from _figures(item)


@register
class EmptyTableStatement(Rule):
    """An empty “三公”, 政府性基金 or 国有资本经营 table must say why it is empty.

    What it checks: a table the template allows to be empty — 决算 tables 7, 8 and 9; the budget's
    政府性基金 and 国有资本经营 预算表 and its “三公”经费和机关运行经费预算表 — printed with no figures
    must carry an ``empty_statement`` such as “本单位无政府性基金预算财政拨款支出，故本表无数据。”.

    Why: the disclosure rules require every table to be published; an empty one without its
    statement reads as a table left out by mistake.

    Example: passes — empty table with its statement.  Warns — empty table, no statement.
    """

    id = "FR903"
    title = "空表缺少说明"
    title_en = "an empty table without its statement"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        if report.tables is None and report.budget is None:
            return
        for path in _MAY_BE_EMPTY:
            table = model_at(report, path)
            if table is None or path in report.not_read or table.empty_statement or next(_figures(table), None) is not None:
                continue
            yield self.finding(loc_of(path), path, self.say(self.id, table=field_title(path, self.lang)))


@register
class EmptyStatementContradicted(Rule):
    """A table that says it is empty must not print figures.

    What it checks: every table that carries an empty-table statement (“…无“三公”经费预算，故本表
    为空表。”) against the figures printed in it: one figure other than 0 contradicts the statement.

    Why: one of the two is wrong — the statement was copied from last year's report, or the
    figures were filled into a table the text says is empty.  A reader cannot tell which to believe.

    Example: passes — a 政府性基金 table with no figures and its statement.  Fails — the “三公”
    table prints 47.91 under “本部门无“三公”经费…预算，故本表为空表。”.
    """

    id = "FR912"
    title = "空表说明与表中数字矛盾"
    title_en = "a table says it is empty but prints figures"

    def check(self, report: Report) -> Iterator[Finding]:
        for path, table in printed_tables(report):
            if table.empty_statement is None:
                continue
            printed = next((figure for figure in _figures(table) if figure.value != 0), None)
            if printed is None:
                continue
            yield self.finding(
                (*loc_of(path), "empty_statement"), f"{path}.empty_statement",
                self.say(self.id, table=field_title(path, self.lang), statement=table.empty_statement, figure=self.name(printed), value=fmt(printed.value)),
                related=(printed.path,), reported=fmt(printed.value), expected="0", difference=fmt(printed.value),
            )


def printed_tables(report: Report) -> Iterator[tuple[str, PrintedTable]]:
    """Every printed table of the report, with its path."""
    for section in ("tables", "budget.tables"):
        container = model_at(report, section)
        if container is None:
            continue
        for name, table in container.__dict__.items():
            if table is not None:  # every table of these containers is a PrintedTable
                yield f"{section}.{name}", table


# What a report must carry is its template's ``required`` list (``finrecon/layouts/*.yaml``).
# ``common`` is the national minimum every 部门决算 prints (财政部's nine tables, the narrative's
# main figures, the other matters), for a report that names no province's template.
_NINE_TABLES = tuple(
    f"tables.{name}"
    for name in ("summary", "income", "expenditure", "appropriation", "general_budget", "basic", "three_public", "government_fund", "state_capital")
)
_NARRATIVE_CORE = tuple(
    f"narrative.{name}" for name in ("total", "income", "expenditure", "appropriation_total", "general_budget", "basic", "three_public")
)
TEMPLATES: dict[str, tuple[str, ...]] = {"common": _NINE_TABLES + _NARRATIVE_CORE + ("other.operating_costs", "other.procurement", "other.assets")}


def required_by(report: Report, configured: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """What the template ``meta.template`` names requires: the configuration's list for it, else
    the list of the report's template where that is the template named, else ``common``'s."""
    name = (report.meta.template or "").lower()
    if not name:
        return ()
    if name in configured:
        return tuple(configured[name])
    chosen = template_of(report)
    if chosen is not None and name in (chosen.template.lower(), chosen.name.lower()):
        return tuple(chosen.required)
    return TEMPLATES.get(name, ())


@register
class RequiredSections(Rule):
    """A report must carry every section and table its template requires.

    What it checks: with ``meta.template`` set, that the sections the template requires are
    present — for ``common`` and ``shanghai`` the nine tables, the narrative's main figures and
    the other matters; for ``sichuan`` the narrative and the other matters.  A region adds or
    redefines templates in its configuration (``[tool.finrecon.templates]``).

    Why: a table or section left out is the first thing a reviewer returns a report for.

    Example: passes — a Shanghai report with all nine tables.  Warns — one without table 7.
    """

    id = "FR904"
    title = "缺少模板要求的部分"
    title_en = "a section the template requires is missing"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        # A page text or web page that carries only the 情况说明 lacks no table: FR923 says which were not checked.
        absent = {item.path for item in report.printed.unread if item.kind == "absent"} if report.printed is not None else set()
        for path in required_by(report, self.options.templates):
            if not _within(path, absent) and model_at(report, path) is None:
                yield self.finding(("meta", "template"), path, self.say(self.id, template=report.meta.template, title=field_title(path, self.lang), path=path))


@register
class ThreePublicDetail(Rule):
    """The “三公” figures must be split and counted.

    What it checks: 公务用车购置及运行费 with money in it is split into 购置 and 运行; and the
    narrative gives the counts behind each non-zero figure — 因公出国（境）团组 and 人次, vehicles
    bought and kept, 公务接待 批次 and 人次.

    Why: the disclosure rules ask for these counts; without them the amounts cannot be judged.

    Example: passes — 公务接待费 0.6, 3 批次, 20 人次.  Warns — 公务接待费 0.6 with no 人次.
    """

    id = "FR905"
    title = "“三公”经费未拆分或缺少数量"
    title_en = "三公 not split or not counted"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        sections = (("tables", "three_public"), ("narrative", "three_public"))
        for section in sections:
            expenses = getattr(getattr(report, section[0]) or object(), section[1], None)
            if expenses is None:
                continue
            path = ".".join(section)
            vehicle = expenses.vehicle
            if _nonzero(vehicle) and expenses.vehicle_purchase is None and expenses.vehicle_operation is None:
                yield self.finding((*section, "vehicle"), f"{path}.vehicle", self.say("FR905.split"))
            if section[0] != "narrative":
                continue
            needs = (
                ("outbound", ("outbound_groups", "outbound_people")),
                ("vehicle_purchase", ("vehicles_purchased",)),
                ("vehicle_operation", ("vehicles_owned",)),
                ("domestic_reception", ("domestic_reception_batches", "domestic_reception_people")),
                ("foreign_reception", ("foreign_reception_batches", "foreign_reception_people")),
            )
            for name, counts in needs:
                missing = [field_title(f"{path}.{count}", self.lang) for count in counts if getattr(expenses, count) is None]
                if _spent(getattr(expenses, name)) and missing:
                    figure = field_title(f"{path}.{name}", self.lang)
                    yield self.finding((*section, name), f"{path}.{name}", self.say("FR905.counts", figure=figure, missing=self.say("list.and").join(missing)))
            if _spent(expenses.reception) and expenses.domestic_reception is None and expenses.foreign_reception is None:
                yield self.finding((*section, "reception"), f"{path}.reception", self.say("FR905.reception"))


def _within(path: str, sections: set[str | None]) -> bool:
    """Whether ``path`` is one of ``sections`` or lies in one of them."""
    return any(path == section or path.startswith(f"{section}.") for section in sections if section)


def _nonzero(figure: Figure | None) -> bool:
    """Money spent or budgeted: then the table must split it."""
    return figure is not None and (figure.value != 0 or bool(figure.budget))


def _spent(figure: Figure | None) -> bool:
    """Money spent: then the narrative must say on how many trips, vehicles, receptions."""
    return figure is not None and figure.value != 0


@register
class MissingReason(Rule):
    """A change from last year, or a 决算 that differs from its 预算, needs a stated reason.

    What it checks: every figure of the narrative and the other matters that states a non-zero
    change, or a budget different from the actual, carries a reason for it — its own, or that of
    the total of the group it stands in (“三公” items share the total's reason).  A reason read
    from the text knows what it explains (“减少的主要原因：…” the change, “决算数小于预算数的主要
    原因：…” the budget difference); a ``reason`` written by hand explains both.

    Why: the disclosure rules require the main reasons for each change and each difference from
    the budget; a bare number invites the question.

    Example: passes — 减少9.15万元, 主要原因是节约成本.  Warns — the same change with no reason.
    """

    id = "FR906"
    title = "增减变化或决算预算差异未说明原因"
    title_en = "no reason given for a change or a budget difference"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if not figure.path.startswith(("narrative.", "other.")) or figure.reason:
                continue
            changed = bool(figure.change) or bool(figure.change_pct) or (figure.prior is not None and figure.prior != figure.value)
            off_budget = figure.budget is not None and figure.budget != figure.value
            if not (changed or off_budget):
                continue
            group = figure.path.rsplit(".", 1)[0]
            group_total = report.figure(group + ".total")
            explained = _explains(figure) | (_explains(group_total) if group_total is not None else set())
            if changed and "change" not in explained and figure is group_total and _parts_explain_change(report, figure, group):
                explained.add("change")
            if changed and "change" not in explained:
                yield self.finding(figure.loc, figure.path, self.say("FR906.change", figure=self.name(figure)))
            elif off_budget and "budget" not in explained:
                message = self.say("FR906.budget", figure=self.name(figure), value=fmt(figure.value), budget=fmt(figure.budget))
                yield self.finding(figure.loc, figure.path, message)


def _parts_explain_change(report: Report, total: Figure, group: str) -> bool:
    """Whether the reasons the total's parts give explain its whole change: the parts whose change
    has a reason changed, together, by exactly the total's change (“三公” up 5.07万元, of which
    公务用车 up 5.07万元 “主要原因是…”, the others 持平)."""
    if total.change is None:
        return False
    parts = [
        figure for figure in report.stating
        if figure is not total and figure.path.rsplit(".", 1)[0] == group and figure.change is not None and "change" in _explains(figure)
    ]
    return bool(parts) and sum(figure.change for figure in parts) == total.change


def _explains(figure: Figure) -> set[str]:
    """What a figure's stated reasons explain: its change, its difference from the budget, or —
    a ``reason`` written without saying which — both."""
    if figure.reason:
        return {"change", "budget"}
    return {reason.about for reason in figure.reasons}


# A template's placeholders (the lexicon's: XX, 某某, “20  年”, a row of dots …), and what every one
# of them holds, found in one scan before the pattern runs.
_PLACEHOLDER = re.compile(PLACEHOLDER, re.MULTILINE)
_PLACEHOLDER_MARKS = PLACEHOLDER_MARKS
_PLACEHOLDER_MARK = re.compile("|".join(map(re.escape, _PLACEHOLDER_MARKS)))


@register
class Placeholder(Rule):
    """Template placeholders left in the report: XX, ××, 某某, ○○, a year left as “20  年”.

    What it checks: every text of the report — unit name, the cover, contents, headings,
    paragraphs and table titles, 科目 names and wordings, reasons, conclusions, indicators,
    statements.  One finding per text, at its first placeholder.  Words the report's text prints
    (its paragraphs) are reported there, once: not again in the reason or statement read from
    them, nor the unit's name again beside the cover that prints it.

    Why: “上海市XX局” or “主要原因是XX” published as is shows the report was not finished.

    Example: passes — “上海市普陀区财政局”.  Warns — “上海市XX局”, “20  年度”.
    """

    id = "FR907"
    title = "模板占位符未替换"
    title_en = "a template placeholder left in"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        texts = report.texts
        everything = "\n".join([text for _, text in texts])
        if not _PLACEHOLDER_MARK.search(everything) or not _PLACEHOLDER.search(everything):
            return  # the usual answer, found with plain substring searches
        cover = report.text.cover.unit if report.text and report.text.cover else None
        hits = [(path, text, match) for path, text in texts if (match := _PLACEHOLDER.search(text))]
        printed = [text for path, text, _ in hits if path.startswith("text.")]
        for path, text, match in hits:
            if printed and not path.startswith("text.") and any(text in words for words in printed):
                continue  # the same words read from the report's text (a reason, a statement): reported where printed
            if path == "meta.unit" and text == cover:
                continue  # the cover prints it: the finding stands there
            quoted = _around(text, match.start(), match.end())
            yield self.finding(
                loc_of(path), path, self.say(self.id, placeholder=match.group(0), text=quoted),
                offset=match.start(), excerpt=quoted, reported=text if len(text) <= 40 else quoted,
            )


def _around(text: str, start: int, end: int) -> str:
    """What a finding quotes: a short text whole, a paragraph's sentence that holds the placeholder."""
    return text if len(text) <= 40 else sentence_at(text, start, end, limit=40)


@register
class NegativeAmount(Rule):
    """An amount that cannot be negative is printed negative.

    What it checks: every figure's value, budget and prior-year value, every share and completion
    rate, and each project's budget and execution.  Only a change (增减额, 增减率) may be negative.

    Why: a negative income, expenditure or budget is a sign slip — usually a decrease typed into
    the figure instead of into its change — or a carry-over written with the wrong sign.

    Example: passes — 41.55 with change −9.15.  Fails — value −41.55.
    """

    id = "FR908"
    title = "金额不应为负数"
    title_en = "a negative amount"

    def check(self, report: Report) -> Iterator[Finding]:
        for path, number in report.numbers.items():
            if number.value < _ZERO and _attribute(path) not in _SIGNED:  # a Decimal zero: no int converted per number
                yield self.finding(number.loc, path, self.say(self.id, figure=self.name(number), value=fmt(number.value)), reported=fmt(number.value))
        for index, project in enumerate(report.performance.projects if report.performance else []):
            for attribute in ("budget", "executed"):
                value = getattr(project, attribute)
                if value is not None and value < 0:  # a form that prints no 预算数 (a 申报表): nothing to check
                    path = f"performance.projects[{index}].{attribute}"
                    number = Stated(value, path, project.name, field_titles(f"performance.projects.{attribute}"))
                    yield self.finding(number.loc, path, self.say(self.id, figure=self.name(number), value=fmt(value)), reported=fmt(value))
