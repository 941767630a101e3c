"""FR808, FR809 — broken punctuation and a figure printed without its unit.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...findings import Finding, Severity
from ...model import Report
from ..base import register
from ... import lexicon
from ...lexicon import CHINESE_DIGITS, COUNTED_POINT, EITHER_CUES, FIGURE_UNIT, MONEY_CUES, RATE_CUES, SECTION_NUMBER, WAN
from ..texts import NOTE, NUMBER, PARAGRAPH, PROSE, Passage, Pattern, TITLES
from .base import WordingRule, within


_DOUBLED = Pattern(r"[，。；：、！？,;]{2,}")
_DOUBLED_SQUEEZED = Pattern(r"[,;:!?。、][,;:!?。、]")  # the same in squeezed text (，→, and so on)
_OPENERS = {"“": "”", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」"}
_CLOSERS = {"”": "“", "）": "（", ")": "(", "》": "《", "】": "【", "」": "「"}
_SAME = {"(": "（", ")": "）"}  # a full-width bracket may close a half-width one: the pair is one
_BRACKETS = Pattern(r"[“”（）()《》【】「」]")
_LIST_MARK = Pattern(rf"(?:^|[；;。，,：:\s])[0-9A-Za-z{CHINESE_DIGITS}①-⑩]{{1,2}}$")
_CLAUSE = Pattern(r"[，。；、,;]")
_WHOLLY_BRACKETED = Pattern(r"^(?:\s*[（(【\[][^（()）【】\[\]]*[）)】\]])+\s*$")
_ITEM = Pattern(rf"^\s*(?:[（(][{CHINESE_DIGITS}\d]+[）)]|{SECTION_NUMBER}|\d+\s*[、.．)）]|{COUNTED_POINT}|[①-⑩])")
_FIGURE_WITH_UNIT = Pattern(rf"\d{FIGURE_UNIT}")
_TRAILING_NOTE = Pattern(r"(?<=[。！？])[（(][^（()）]*[）)]$")
_ENDS_SENTENCE = "。！？!?"
_ENDS_OPEN = "：:"  # a paragraph that introduces what follows


_NAME_LIST_MARK = Pattern(r"(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")
_NAME_LIST_GAP = "、，,；; \u3000"


def _names_listed(text: str) -> bool:
    """A numbered list of names (“1.上海市普陀区财政局 2.上海市普陀区财政局会计核算中心”): no
    sentence, whatever it ends with.  Each item is a name: short, without a figure or a clause."""
    if not _NAME_LIST_MARK.match(text):
        return False
    items = _NAME_LIST_MARK.split(text)[1:]
    return bool(items) and all(
        2 <= len(name := item.strip(_NAME_LIST_GAP)) <= 40 and not re.search(r"[\d，。：:；;！？]", name) for item in items
    )


def _unpaired(text: str) -> tuple[int, str] | None:
    """The first quote or bracket of ``text`` left without its partner, and which it is."""
    stack: list[tuple[int, str]] = []
    for match in _BRACKETS.finditer(text):
        char = _SAME.get(match.group(), match.group())
        position = match.start()
        if char in _OPENERS:
            stack.append((position, char))
            continue
        opener = _CLOSERS[char]
        if stack and stack[-1][1] == opener:
            stack.pop()
        elif any(item[1] == opener for item in stack):
            return stack[-1]  # the opener above its partner was never closed
        elif _LIST_MARK.search(text, 0, position):
            continue  # “1）…” numbers an item
        else:
            return position, match.group()
    return stack[0] if stack else None


@register
class Punctuation(WordingRule):
    """Punctuation that breaks a sentence: doubled marks, a paragraph without its final 。, quotes
    and brackets that do not pair.

    What it checks: two sentence marks in a row (“。。”, “，。”, “；；”) in any text; a paragraph or
    table note that ends without 。 (or ！？, or “：” before a list), or ends on “；” or “，”; a
    “ or （ without its partner in the same text (a paragraph read from a PDF is one text, so a
    quote that pairs across a line break pairs).  Numbered items (“1）”) are not brackets.

    Why: the reviewers' checklists list these; each is a sign of text cut, pasted or not read over.

    Example: passes — “…占0.21%。”  Warns — “…占0.21%；” ending the paragraph, or “。。”.
    """

    id = "FR808"
    title = "标点符号错误"
    title_en = "broken punctuation"
    severity = Severity.WARNING
    kinds = PROSE | TITLES

    def check(self, report: Report) -> Iterator[Finding]:
        for passage in self.touched(report, _DOUBLED_SQUEEZED):
            for match in _DOUBLED.finditer(passage.text):
                yield self.at(passage, match.start(), match.end(), self.say("FR808.doubled", marks=match.group(0)), reported=match.group(0),
                              expected=match.group(0)[0])
        for passage in self.passages(report):
            if passage.kind is PARAGRAPH or passage.kind is NOTE:
                yield from self._ending(passage)
        for passage in self.touched(report, _BRACKETS):
            unpaired = _unpaired(passage.text)
            if unpaired is not None:
                position, char = unpaired
                yield self.at(passage, position, position + 1, self.say("FR808.unpaired", mark=char), reported=char)

    def _ending(self, passage: Passage) -> Iterator[Finding]:
        text = passage.text.rstrip()
        words = _ITEM.sub("", text, count=1)  # an item's own number (“6、”) is no clause
        if len(text) < 20 or not (_CLAUSE.search(words[:-1]) or _FIGURE_WITH_UNIT.search(text)):
            return  # a name, a date or a line, not a sentence (“6、《…行动计划（2024-2026）》”)
        if text[0] in "（(【[" and _unpaired(text) is None and _WHOLLY_BRACKETED.match(text):
            return  # “（图1：收、支决算总计变动情况图）（柱状图）”: a note, not a sentence
        if _names_listed(text):
            return  # “1.上海市…局 2.上海市…中心”: a list of names, not sentences
        text = _TRAILING_NOTE.sub("", text) or text  # “…。（如持平作持平表述）”: the sentence ended before
        last = text[-1]
        body = text.rstrip("”’）)】》」")
        if not body:
            return
        if body[-1] in _ENDS_SENTENCE or last in _ENDS_SENTENCE or last in _ENDS_OPEN or body[-1] in _ENDS_OPEN or text.endswith(("……", "…")):
            return
        if _DOUBLED.search(text[-2:]):
            return  # reported as doubled
        if last in "；;" and passage.following is not None and (_ITEM.match(text) or _ITEM.match(passage.following)):
            return  # an item of a list: “（一）…；” then “（二）…”
        key = "FR808.semicolon" if last in "；;，," else "FR808.no_stop"
        # What is quoted: the clause that ends the paragraph (“占0.21%；”), or its last words.
        clause = max(text.rfind(mark, 0, len(text) - 1) for mark in "，,、；;：:")
        ending = text[clause + 1 :] if clause >= max(0, len(text) - 24) else text[-12:]
        ended = (ending[:-1] if key == "FR808.semicolon" else ending) + "。"  # the paragraph closed by a full stop
        yield self.at(passage, len(text) - 1, len(text), self.say(key, last=last), reported=ending, expected=ended)


# =============================================================================== FR809 units
_MISSING_UNIT = Pattern(rf"(?:(?P<rate>{RATE_CUES})|(?P<money>{MONEY_CUES})|(?P<either>{EITHER_CUES}))(?P<number>{NUMBER})(?=[，。；、,;）)]|$)")
_WAN = Pattern(rf"{NUMBER}{WAN}(?=[，。；、,;（()）]|$)")
_UNIT_MISSING_HERE = Pattern(rf"\d{WAN}?(?:[，。；、,;（()）]|$)")  # what both need, found fast


@register
class MissingUnit(WordingRule):
    """A rate without its %, an amount without 万元: “增长8.21，”, “支出决算为135.25。”, “5.6万，”.

    What it checks: a number after the template's rate words (增长/下降/占…/完成预算的) that is
    followed by punctuation instead of %; a number after its money words (年初预算为, 支出决算为,
    预算安排, 收入支出总计 …) or after 增加/减少 that is followed by punctuation instead of 万元 or
    %; and “万” without “元”.

    Why: a figure without its unit can be read as anything; “增加8.21” may be 万元 or %.

    Example: passes — “下降1.87%。”  Warns — “下降1.87。”
    """

    id = "FR809"
    title = "数字缺少单位"
    title_en = "a figure printed without its unit"
    severity = Severity.WARNING
    kinds = PROSE

    def check(self, report: Report) -> Iterator[Finding]:
        for passage in self.touched(report, _UNIT_MISSING_HERE):
            for found in within(passage, _MISSING_UNIT):
                match = found.match
                key = "FR809.percent" if match.group("rate") else "FR809.money" if match.group("money") else "FR809.either"
                unit = "%" if key == "FR809.percent" else lexicon.WAN_YUAN if key == "FR809.money" else None  # either: 万元 or %
                yield self.at(passage, found.begin, found.finish, self.say(key, words=found.words), reported=found.words,
                              expected=found.words + unit if unit else None)
            wan = list(within(passage, _WAN))
            if wan:  # “2921.00万，其中支持外贸发展370.00万…”: one finding for the text, with the count
                first = wan[0]
                key = "FR809.yuan" if len(wan) == 1 else "FR809.yuan_many"
                yield self.at(passage, first.begin, first.finish, self.say(key, words=first.words, count=len(wan)), reported=first.words,
                              expected=first.words + lexicon.YUAN)
