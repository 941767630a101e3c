"""FR6xx — performance: indicators against their targets, cost indicators, self-assessment claims."""

from __future__ import annotations

import re
from typing import ClassVar, Iterator

from ..findings import Finding, Severity
from ..indicators import Verdict, judge, money, parse
from ..lexicon import ALL_ACHIEVED, COST_KIND, INDICATOR_KINDS
from ..model import Project, Report
from ..model.bind import field_titles
from .base import Equation, EquationRule, Rule, Stated, register

Loc = tuple[str | int, ...]


def _indicators(report: Report) -> Iterator[tuple[int, Project, int, Loc, str, Verdict]]:
    if report.performance is None:
        return
    for p, project in enumerate(report.performance.projects):
        for i, indicator in enumerate(project.indicators):
            if indicator.actual is None:
                continue  # a target with no actual printed (a 申报表, or a blank cell): nothing to judge
            loc: Loc = ("performance", "projects", p, "indicators", i)
            verdict = judge(indicator.target, indicator.actual, indicator.level2)
            yield p, project, i, loc, f"performance.projects[{p}].indicators[{i}]", verdict


class IndicatorRule(Rule):
    """Reports the indicators whose verdict is the rule's, with target and actual side by side."""

    verdict: ClassVar[Verdict]

    def check(self, report: Report) -> Iterator[Finding]:
        for _, project, i, loc, path, verdict in _indicators(report):
            if verdict is self.verdict:
                indicator = project.indicators[i]
                yield self.finding(
                    (*loc, "actual"), path,
                    self.say(self.id, project=project.name, indicator=indicator.level3.strip(), kind=indicator.level2,
                             target=indicator.target, actual=indicator.actual),
                    reported=indicator.actual, expected=indicator.target,
                )


@register
class IndicatorNotMet(IndicatorRule):
    """An indicator whose actual value misses its target.

    What it checks: each row of a project's 绩效目标完成情况表.  The target and the actual are read
    for a comparator (大于/超过/>, 不低于/不少于/≥/以上, 小于/<, 不超过/不高于/≤/以内, 达到/=), a number and a
    unit (次, 人, %, 万元, 月 …).  A bare target is a floor (“10次”), but for a cost (成本指标) or a
    deadline (时效指标) it is a ceiling.

    Why: a missed target is not an error in itself, but it must be explained, and it contradicts
    any “各项指标均达标” in the self-assessment (FR604).

    Example: passes — target “3次”, actual “3次”.  Reported — target “大于5次”, actual “5次”.
    """

    id = "FR601"
    title = "绩效指标未达到目标值"
    title_en = "a performance target was missed"
    severity = Severity.WARNING

    verdict = Verdict.NOT_MET


@register
class IndicatorCannotTell(IndicatorRule):
    """An indicator whose target is a number but whose actual gives none (“已完成”).

    What it checks: a numeric target (“参会率达95%”, “21.55万元”) answered by words, or by a number
    in another unit, so that nobody can tell whether the target was met.

    Why: “已完成” against a number is the commonest way a missed target goes unnoticed; reviewers
    ask for the figure.

    Example: passes — target “95%”, actual “96%”.  Reported — target “参会率达95%”, actual “已完成”.
    """

    id = "FR602"
    title = "绩效指标无法判断是否达标"
    title_en = "cannot tell whether a target was met"
    severity = Severity.INFO

    verdict = Verdict.CANNOT_TELL


@register
class CostIndicatorsSum(EquationRule):
    """A project's cost indicators must add up to its budget (targets) and its execution (actuals).

    What it checks: the 成本指标 rows of a project table, when each gives one amount (a bare number
    counts in the report's money unit): Σ targets = 预算数 and Σ actuals = 执行数, on rounding intervals.

    Why: cost indicators break the project's money down; when they do not add up, either the
    indicators or the budget were not updated.

    Example: passes — 14.32万元 + 5万元 = 19.32 budget.  Fails — 14.32万元 + 6万元 against 19.32.
    """

    id = "FR603"
    title = "成本指标之和与项目预算或执行数不符"
    title_en = "cost indicators do not add up to the project"

    def equations(self, report: Report) -> Iterator[Equation]:
        if report.performance is None:
            return
        unit = report.meta.money_unit
        for p, project in enumerate(report.performance.projects):
            costs = [(i, ind) for i, ind in enumerate(project.indicators) if COST_KIND in ind.level2]
            if not costs:
                continue
            for side, total, field in (("target", project.budget, "budget"), ("actual", project.executed, "executed")):
                if total is None:
                    continue  # not printed: nothing to add up to
                if any(getattr(ind, side) is None for _, ind in costs):
                    continue  # an actual not printed is unknown, not 0
                amounts = [(i, ind, money(parse(getattr(ind, side)), unit)) for i, ind in costs]
                if any(amount is None for _, _, amount in amounts):
                    continue
                parts = tuple(
                    Stated(amount, f"performance.projects[{p}].indicators[{i}].{side}", f"{ind.level3.strip()}")
                    for i, ind, amount in amounts
                )
                yield Equation((Stated(total, f"performance.projects[{p}].{field}", project.name, field_titles(f"performance.projects.{field}")),), parts)


_LISTED = 10  # missed indicators named (and related) in one finding: a claim's finding stays small

# A claim that everything was achieved; the categories it names, if any, limit it.
_CLAIM = re.compile(ALL_ACHIEVED)
_CATEGORIES = INDICATOR_KINDS


def _named_categories(claim: str) -> tuple[str, ...]:
    match = _CLAIM.search(claim)
    head = claim[: match.start()] if match else claim
    head = head.rsplit("，", 1)[-1].rsplit("；", 1)[-1]
    return tuple(category for category in _CATEGORIES if category in head)


@register
class ClaimContradicted(Rule):
    """A self-assessment says all targets were met while the indicator table shows one missed.

    What it checks: each conclusion the report states for a project or the whole department —
    “各项指标均达标”, “数量、质量、时效、成本指标均达标”, “未发现问题，且无偏离绩效目标的情况” — against
    the indicators FR601 finds missed.  A claim naming categories (数量、质量 …) is contradicted only
    by a missed indicator of those categories; a department claim by any project's.

    Why: inspections single this out: a self-assessment that reports no problem beside a table
    showing a missed target is not credible.

    Example: passes — “各项指标均达标” with every target met.  Fails — the same claim beside
    “大于5次” → “5次”.
    """

    id = "FR604"
    title = "自评结论与绩效指标矛盾"
    title_en = "a self-assessment claim is contradicted"

    def check(self, report: Report) -> Iterator[Finding]:
        if report.performance is None:
            return
        missed = [
            (project, project.indicators[i], path)
            for _, project, i, _, path, verdict in _indicators(report)
            if verdict is Verdict.NOT_MET
        ]
        for p, project in enumerate(report.performance.projects):
            own = [item for item in missed if item[0] is project]
            for c, claim in enumerate(project.conclusions):
                yield from self._contradiction(("performance", "projects", p, "conclusions", c), f"performance.projects[{p}].conclusions[{c}]", claim, own)
        for c, claim in enumerate(report.performance.conclusions):
            yield from self._contradiction(("performance", "conclusions", c), f"performance.conclusions[{c}]", claim, missed)

    def _contradiction(self, loc: Loc, path: str, claim: str, missed: list) -> Iterator[Finding]:  # noqa: ANN001
        match = _CLAIM.search(claim)
        if not match:
            return
        categories = _named_categories(claim)
        against = [item for item in missed if not categories or any(c in item[1].level2 for c in categories)]
        if not against:
            return
        shown = [
            self.say("FR604.missed", project=project.name, indicator=ind.level3.strip(), target=ind.target, actual=ind.actual)
            for project, ind, _ in against[:_LISTED]
        ]
        if len(against) > _LISTED:
            shown.append("…")
        listed = ("; " if self.lang == "en" else "；").join(shown)
        yield self.finding(
            loc, path,
            self.say(self.id, claim=match.group(0), count=len(against), missed=listed),
            related=tuple(indicator_path for _, _, indicator_path in against[:_LISTED]),
            reported=claim, expected=listed,
        )
