"""Performance indicators: read a target or an actual text and decide met, not met, or cannot tell.

Targets and actuals are short texts: “大于5次”, “≥95%”, “不低于95%”, “10次”, “5月召开”, “14.32万元”,
“已完成”, “因疫情影响会议推迟至6月召开”.  ``parse`` finds the comparator, the numbers and their units;
``judge`` compares an actual against its target.  Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class Comparator(str, Enum):
    GT = ">"
    GE = "≥"
    LT = "<"
    LE = "≤"
    EQ = "="


class Verdict(str, Enum):
    MET = "met"
    NOT_MET = "not_met"
    CANNOT_TELL = "cannot_tell"
    QUALITATIVE = "qualitative"  # no number promised: the report's own word stands


# Longest phrases first, so that “不低于” is not read as “低于”.
_PHRASES: tuple[tuple[str, Comparator], ...] = (
    ("不低于", Comparator.GE), ("不少于", Comparator.GE), ("不小于", Comparator.GE), ("不得低于", Comparator.GE),
    ("至少", Comparator.GE), ("≥", Comparator.GE), (">=", Comparator.GE),
    ("不超过", Comparator.LE), ("不高于", Comparator.LE), ("不大于", Comparator.LE), ("不多于", Comparator.LE),
    ("控制在", Comparator.LE), ("≤", Comparator.LE), ("<=", Comparator.LE),
    ("大于", Comparator.GT), ("超过", Comparator.GT), ("高于", Comparator.GT), ("多于", Comparator.GT), (">", Comparator.GT),
    ("小于", Comparator.LT), ("低于", Comparator.LT), ("少于", Comparator.LT), ("<", Comparator.LT),
    ("达到", Comparator.EQ), ("等于", Comparator.EQ), ("=", Comparator.EQ),
)
_SUFFIXES: tuple[tuple[str, Comparator], ...] = (("以上", Comparator.GE), ("以内", Comparator.LE), ("以下", Comparator.LE))
UNITS = (
    "万元", "元", "人次", "批次", "个月", "%", "次", "人", "个", "篇", "件", "月", "天", "日", "场", "期", "项", "户",
    "家", "条", "年", "份", "册", "台", "套", "辆", "所", "处", "座", "小时", "分", "名", "亩", "公里", "米",
)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True)) + r")?")


@dataclass(frozen=True)
class Measure:
    number: Decimal
    unit: str | None


@dataclass(frozen=True)
class Reading:
    """What a target or actual text says: a comparator and the measures it gives, if any."""

    text: str
    comparator: Comparator | None
    measures: tuple[Measure, ...]

    @property
    def numeric(self) -> bool:
        return bool(self.measures)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def parse(text: str) -> Reading:
    """Read “大于5次” as (>, 5 次); parenthesised remarks (“5次（因疫情…）”) are ignored."""
    plain = _normalise(text)
    head = re.split(r"[(（]", plain, maxsplit=1)[0] or plain
    comparator = None
    for phrase, meaning in _PHRASES:
        if phrase in head:
            comparator = meaning
            break
    if comparator is None:
        for suffix, meaning in _SUFFIXES:
            if suffix in head:
                comparator = meaning
                break
    measures = tuple(Measure(Decimal(number), unit or None) for number, unit in _NUMBER.findall(head))
    return Reading(text, comparator, measures)


def _holds(actual: Decimal, comparator: Comparator, target: Decimal) -> bool:
    return {
        Comparator.GT: actual > target,
        Comparator.GE: actual >= target,
        Comparator.LT: actual < target,
        Comparator.LE: actual <= target,
        Comparator.EQ: actual == target,
    }[comparator]


def default_comparator(level2: str) -> Comparator:
    """A bare target (“10次”) is a floor, but a cost or a deadline is a ceiling."""
    if "成本" in level2 or "时效" in level2:
        return Comparator.LE
    return Comparator.GE


def judge(target_text: str, actual_text: str, level2: str = "") -> Verdict:
    target, actual = parse(target_text), parse(actual_text)
    if _normalise(target_text) == _normalise(actual_text):
        return Verdict.MET
    if not target.numeric:
        return Verdict.QUALITATIVE
    if not actual.numeric or len(actual.measures) != len(target.measures):
        return Verdict.CANNOT_TELL
    comparator = target.comparator or default_comparator(level2)
    if comparator is Comparator.EQ and "时效" not in level2 and "成本" not in level2:
        comparator = Comparator.GE  # “达到95%”: reaching means at least
    for want, got in zip(target.measures, actual.measures):
        if want.unit and got.unit and want.unit != got.unit:
            return Verdict.CANNOT_TELL
        if not _holds(got.number, comparator, want.number):
            return Verdict.NOT_MET
    return Verdict.MET


def money(reading: Reading, money_unit: str) -> Decimal | None:
    """The single amount a cost indicator gives, in the report's money unit (bare numbers count)."""
    if len(reading.measures) != 1:
        return None
    measure = reading.measures[0]
    if measure.unit in (None, money_unit):
        return measure.number
    # scaleb moves the decimal point and keeps the printed precision: 6000元 is 0.6000万元, ±0.00005.
    if measure.unit == "元" and money_unit == "万元":
        return measure.number.scaleb(-4)
    if measure.unit == "万元" and money_unit == "元":
        return measure.number.scaleb(4)
    return None
