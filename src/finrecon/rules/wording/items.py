"""FR813, FR814 — one item stated twice with two amounts; text copied from another item.
"""

from __future__ import annotations

from decimal import Decimal
from dataclasses import replace
from typing import Iterator, NamedTuple

from ...catalog import normalise_name
from ...findings import Finding, Severity
from ...interval import Interval
from ...model import ClassFigure, Report
from ..base import fmt, register
from ..texts import compact
from .base import WordingRule


class Item(NamedTuple):
    """An item of the text's list of 科目, as the statement engine read it into the model."""

    figure: ClassFigure
    number: int  # its place in the list, 1-based
    name: str  # the 项 (or the last level named)


def _touch(one: Decimal, other: Decimal) -> bool:
    """Two printed figures whose rounding intervals meet at one point only (326.71 and 326.72)."""
    return one != other and abs(one - other) == Interval.printed(one).hi - one + Interval.printed(other).hi - other


def items(report: Report) -> list[list[Item]]:
    """The model's lists of 科目 items (a 决算's 具体情况, a budget's 财政拨款支出主要内容), each in
    print order, computed once per report."""
    cached = report.__dict__.get("_items")
    if cached is not None:
        return cached
    lists: list[list[ClassFigure]] = []
    if report.narrative is not None and report.narrative.general_budget is not None:
        lists.append(list(report.narrative.general_budget.items))
    budget = getattr(report, "budget", None)
    if budget is not None and budget.statement is not None:
        lists.append(list(budget.statement.items))
    found = [[Item(figure, index + 1, normalise_name(figure.name)) for index, figure in enumerate(listed)] for listed in lists if listed]
    report.__dict__["_items"] = found
    return found


@register
class ItemTwoAmounts(WordingRule):
    """One item, two amounts: its headline amount and the amount the item restates disagree.

    What it checks: in a budget's list of 科目, an item whose headline amount (“…住房公积金（项）”
    350.35万元”) and the sentence that restates it (“2024年预算安排352.67万元”) differ beyond
    rounding — as the statement engine read both into the item (``value`` and ``arranged``).
    Only the budget's own amount is compared: last year's “预算执行数” is another figure.

    A 决算 item's headline (“…信息化建设（项）32.00万元”, read apart as ``headline``) is compared in
    the same way with its “支出决算为…” (``value``), unless the headline is the budget the item
    states (“…（项）35.60万元。年初预算为35.60万元，支出决算为30.00万元”: 年初预算 and 支出决算 are
    two figures on purpose).  Two amounts whose rounding intervals only touch (25.77 and 25.78
    meet at 25.775) are consistent by the rounding rule: a note, not an error, and the message
    says so.  The rule reads the model only: which words are a headline, an arrangement or a
    支出决算 is the template's (``statements:`` of ``finrecon/layouts/*.yaml``).

    Why: one of the two was not updated; a reader cannot tell which the budget is.

    Example: passes — “…（项）”25.77万元 … 2024年预算安排25.77万元”.  Fails — “…（项）”350.35万元 …
    2024年预算安排352.67万元”; “…（项）32.00万元。年初预算为35.60万元，支出决算为30.00万元”.
    """

    id = "FR813"
    title = "同一科目的两个金额不一致"
    title_en = "one item, two amounts"

    def check(self, report: Report) -> Iterator[Finding]:
        year = report.meta.year
        for listed in items(report):
            for item in listed:
                for field, again, words in self._restated(item.figure, year):
                    stated = item.figure.headline if field == "value" else item.figure.value
                    if stated is None or again is None:
                        continue
                    loc, path = (*item.figure.loc, field), f"{item.figure.path}.{field}"
                    numbers = {"reported": fmt(again), "expected": fmt(stated), "difference": fmt(again - stated)}
                    if _touch(stated, again):
                        message = self.say("FR813.touch", name=item.name, headline=fmt(stated), again=fmt(again), words=words)
                        yield replace(self.finding(loc, path, message, **numbers), severity=Severity.INFO)
                    elif not Interval.printed(stated).meets(Interval.printed(again)):
                        message = (
                            self.say(self.id, name=item.name, headline=fmt(stated), year=year, again=fmt(again)) if field == "arranged"
                            else self.say("FR813.two", name=item.name, headline=fmt(stated), words=words, again=fmt(again))
                        )
                        yield self.finding(loc, path, message, **numbers)

    def _restated(self, figure: ClassFigure, year: int) -> Iterator[tuple[str, Decimal | None, str]]:
        """The amounts that restate an item's headline, with the field each stands in and the words
        that name it: a budget item's 预算安排 (its headline is ``value``); a 决算 item's 支出决算
        (``value``, its headline apart in ``headline``) unless the headline is the budget it states."""
        arranged = getattr(figure, "arranged", None)
        if arranged is not None:
            yield "arranged", arranged, self.say("FR813.arranged", year=year)
        headline = getattr(figure, "headline", None)
        if headline is not None and headline not in (figure.budget, figure.adjusted_budget):
            yield "value", figure.value, self.say("FR813.actual")


@register
class CopiedItemText(WordingRule):
    """An item's purpose or reason copied word for word from another item it does not fit.

    What it checks: in the text's list of 科目 (as read into the model), an item whose “主要用于…”
    or “主要原因…” is the same, word for word, as an earlier item's, where the words name the
    earlier item's 项 and not its own (“城管执法（项）…主要用于城乡社区管理事务一般行政管理事务”, the
    purpose of the 一般行政管理事务 item above).  Identical words that fit both items (“退休人员经费
    支出”) are not a finding.

    Why: a purpose or reason copied from the item above and not rewritten tells the reader nothing
    about this item, and hides what its money is really for.

    Example: passes — each item says what it is used for.  Warns — 城管执法 “主要用于城乡社区管理
    事务一般行政管理事务”.
    """

    id = "FR814"
    title = "科目用途或原因说明照抄其他科目"
    title_en = "an item's purpose or reason copied from another item"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        for listed in items(report):
            for key in ("FR814.purpose", "FR814.reason"):
                earlier: dict[str, Item] = {}
                for item in listed:
                    said = _item_text(item.figure, key)
                    if said is None:
                        continue
                    field, path, text = said
                    words = compact(text).rstrip("。；;")
                    if len(words) < 4:
                        continue
                    first = earlier.get(words)
                    if first is None:
                        earlier[words] = item
                        continue
                    if first.name == item.name or first.name not in words or item.name in words:
                        continue
                    yield self.finding(
                        (*item.figure.loc, *field), f"{item.figure.path}.{path}",
                        self.say(key, number=item.number, name=item.name, words=words, first=first.number, first_name=first.name),
                        reported=words,
                    )


def _item_text(figure: ClassFigure, key: str) -> tuple[tuple[str | int, ...], str, str] | None:
    """An item's purpose, or its reason (the first it gives), with the field it stands in."""
    if key == "FR814.purpose":
        return (("purpose",), "purpose", figure.purpose) if figure.purpose else None
    if figure.reasons:
        return ("reasons", 0), "reasons[0]", figure.reasons[0].text
    return (("reason",), "reason", figure.reason) if figure.reason else None
