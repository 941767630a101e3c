"""FR806, FR807 — direction words (增加, 减少, …) against the figures, and changes given no reason.
"""

from __future__ import annotations

from decimal import Decimal
from dataclasses import replace
from typing import Iterator

from ... import lexicon
from ...findings import Finding, Severity
from ...interval import Interval
from ...model import Figure, Report
from ..base import fmt, register
from ..texts import PROSE, Pattern
from .base import WordingRule


_UP, _DOWN, _LEVEL = lexicon.UP, lexicon.DOWN, lexicon.LEVEL  # direction words: national conventions


def _possible(word: str, base: Interval, value: Interval) -> bool | None:
    """Whether the printed figures allow what ``word`` says of ``value`` against ``base``;
    ``None`` for a word that says nothing checkable (基本持平, 略有…)."""
    if word in _UP:
        return value.hi > base.lo
    if word in _DOWN:
        return value.lo < base.hi
    if word in _LEVEL:
        return value.meets(base)
    return None


def _relation(base: Interval, value: Interval) -> str:
    """What the figures say: 增加 / 减少 / 持平 (within rounding)."""
    if value.lo > base.hi:
        return "up"
    if value.hi < base.lo:
        return "down"
    return "level"


def _shown(word: str, relation: str, about: str) -> str:
    """The word of ``word``'s family that says ``relation`` (up, down, level): what the figures show
    (减少 where “增加” was printed over 114.00 → 110.60).  A level word of no family (一致, 不变)
    takes the family of what it compares: 大于/小于/等于 against the budget, 增加/减少/持平 else."""
    family = next((f for f in lexicon.DIRECTION_FAMILIES if word in f), None)
    if family is None:
        family = lexicon.DIRECTION_FAMILIES[4 if about == "budget" else 0]
    return family[("up", "down", "level").index(relation)]


_REASON_WORD = Pattern(lexicon.REASON_ENDS_WITH_DIRECTION)  # a reason that ends by naming the change again


@register
class DirectionContradicted(WordingRule):
    """A direction word the figures contradict.

    What it checks: 增加/减少/持平, 增长/下降 against last year's figure, and 决算数大于/小于/等于
    预算数 against the budget, on rounding intervals: “减少” needs a figure that can be below the
    other, “持平” two printed figures that can be equal.  It reads the figures the statement engine
    put in the model — a figure's ``reasons`` with their direction (the change's own word where the
    reason names none), its ``prior`` and ``budget``, a reason that ends “…经费增加” — for the 决算
    (“年初预算为0.95万元，支出决算为0.00万元……决算数小于预算数”) and the budget (“2023年当年预算执行数为
    114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：…经费增加。”) alike.
    “基本持平” is not checked.  An error where two printed amounts prove it; a warning where only
    the sign of a stated change speaks.  A sentence no statement understood is not read here: the
    coverage report names it.

    Why: a reason that says 增加 under a decrease was copied from another item; a reader cannot
    trust either.

    Example: passes — 114.00 → 110.60 “减少”.  Fails — the same with “主要原因是：…经费增加”.
    """

    id = "FR806"
    title = "增减方向表述与数字矛盾"
    title_en = "a direction word the figures contradict"
    kinds = PROSE

    def check(self, report: Report) -> Iterator[Finding]:
        for figure in report.stating:
            if figure.reasons or (figure.reason and lexicon.FUNDS in figure.reason):
                yield from self._figure(figure)

    # ---------------------------------------------------------------- figures of the model
    def _figure(self, figure: Figure) -> Iterator[Finding]:
        said: list[tuple[str, str, str, tuple[str | int, ...], str]] = []  # about, word, text, loc, path
        for index, reason in enumerate(figure.reasons):
            loc, path = (*figure.loc, "reasons", index), f"{figure.path}.reasons[{index}]"
            if reason.direction:
                word = reason.direction.strip()
                stated = _stated_change(figure)
                if reason.about == "change" and figure.prior is not None and stated is not None and _signs(word, getattr(figure, stated)):
                    # the word the change itself is printed with, against last year's figure: where the change is printed
                    said.append((reason.about, word, reason.text, (*figure.loc, stated), f"{figure.path}.{stated}"))
                else:
                    said.append((reason.about, word, reason.text, loc, path))
            trailing = _REASON_WORD.search(reason.text) if reason.about == "change" else None
            if trailing:
                said.append(("change", trailing.group(1), reason.text, loc, path))
        if figure.reason and figure.budget is None and figure.adjusted_budget is None:
            # A reason not told apart: about last year only when no budget is stated beside it.
            trailing = _REASON_WORD.search(figure.reason)
            if trailing:
                said.append(("change", trailing.group(1), figure.reason, (*figure.loc, "reason"), f"{figure.path}.reason"))
        if not said:
            return
        value = Interval.printed(figure.value)
        for about, word, text, loc, path in said:
            if about == "budget":
                base_value = figure.budget if figure.budget is not None else figure.adjusted_budget
                if base_value is None:
                    continue
                possible = _possible(word, Interval.printed(base_value), value)
                if possible is False:
                    shown = _shown(word, _relation(Interval.printed(base_value), value), about)
                    yield self._contradiction(loc, path, word, "FR806.budget", fmt(base_value), fmt(figure.value), Severity.ERROR,
                                              shown, fmt(figure.value - base_value))
                continue
            if figure.prior is not None:
                possible = _possible(word, Interval.printed(figure.prior), value)
                if possible is False:
                    shown = _shown(word, _relation(Interval.printed(figure.prior), value), about)
                    yield self._contradiction(loc, path, word, "FR806.prior", fmt(figure.prior), fmt(figure.value), Severity.ERROR,
                                              shown, fmt(figure.value - figure.prior))
                continue
            change = figure.change if figure.change is not None else figure.change_pct
            if change is None or change == 0:
                continue
            stated = "up" if change > 0 else "down"
            contradicted = (
                (word in _UP and stated == "down")
                or (word in _DOWN and stated == "up")
                or (word in _LEVEL and not Interval.printed(change).contains_zero())
            )
            if contradicted:
                relation = "level" if Interval.printed(change).contains_zero() else stated
                yield self._contradiction(loc, path, word, "FR806.change", "", fmt(change), Severity.WARNING, _shown(word, relation, about))

    def _contradiction(
        self, loc, path: str, word: str, key: str, base: str, value: str, severity: Severity,  # noqa: ANN001
        shown: str, difference: str | None = None,
    ) -> Finding:
        """Reported: the word printed; expected: the word of its family that the figures show;
        difference: the amount of the change the figures show, where two amounts are printed."""
        finding = self.finding(loc, path, self.say(key, word=word, base=base, value=value), reported=word, expected=shown, difference=difference)
        return finding if severity is finding.severity else replace(finding, severity=severity)



def _signs(word: str, change: Decimal) -> bool:
    """Whether ``word`` is what the sign of ``change`` says (增加 for a rise, 持平 for none)."""
    return (word in _UP and change > 0) or (word in _DOWN and change < 0) or (word in _LEVEL and change == 0)


def _stated_change(figure: Figure) -> str | None:
    """The field of the change a figure states (its percentage first), if it states one."""
    if figure.change_pct is not None:
        return "change_pct"
    if figure.change is not None:
        return "change"
    return None


# =============================================================================== FR807 announced, not given
_ANNOUNCED = Pattern(rf"(?P<words>{lexicon.ANNOUNCING})[:：]?(?=[。；;]|$)")
_LIST_START = Pattern(lexicon.LIST_START)


@register
class ReasonNotGiven(WordingRule):
    """A reason or a use announced and not given: “主要原因是。”, “主要用于：” and nothing after.

    What it checks: “主要原因（是/为）”, “原因是”, “主要用于” followed directly by the end of the
    sentence, or ending a paragraph whose next paragraph does not list the reasons (“一是…”,
    “1.…”).  A placeholder after the words (“主要原因：XXXX”) is FR907's.

    Why: the disclosure rules require the reason; a sentence cut after “主要原因是” shows a reason
    was deleted or never written.

    Example: passes — “主要原因是项目调整。”  Warns — “主要原因是。”
    """

    id = "FR807"
    title = "原因或用途说明缺失"
    title_en = "a reason or a use announced and not given"
    severity = Severity.WARNING
    kinds = PROSE

    def check(self, report: Report) -> Iterator[Finding]:
        for passage in self.touched(report, _ANNOUNCED):
            text = passage.text.rstrip()
            for match in _ANNOUNCED.finditer(text):
                if match.end() == len(text) and passage.following and _LIST_START.match(passage.following):
                    continue
                yield self.at(passage, match.start(), match.end(), self.say(self.id, words=match.group("words")), reported=match.group(0))
