"""FR804, FR805, FR810 — the template's text left as it was: an unchosen alternative, an
instruction not removed, a fixed phrase misspelt.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterator, NamedTuple, Sequence

from ...findings import Finding, Severity
from ...lexicon import ALTERNATIVE_DIRECTIONS, FEE, FUNDS, JOINING
from ...model import Report
from ..base import register
from ..texts import NOTE, PARAGRAPH, PROSE, Pattern, TITLES, compact, digest, near_misses, overlaps, spans_of, squeeze, template_wording, template_words
from .base import WordingRule, _end, _offset


_DIRECTIONS = "|".join(ALTERNATIVE_DIRECTIONS)
_PAIRED = rf"(?P<a>{_DIRECTIONS})[（(](?P<b>{_DIRECTIONS})[）)]"
_PAIRED_SELECTOR = rf"\((?:{_DIRECTIONS})\)"  # the bracketed choice, found fast in squeezed text


@functools.lru_cache(maxsize=16)
def _alternative(unchosen: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two direction words, one in brackets after the other, or one of the template's other
    alternatives (``wording: unchosen``); and what every match holds, found fast."""
    return re.compile("|".join((_PAIRED, *unchosen))), re.compile("|".join((_PAIRED_SELECTOR, *unchosen)))


@register
class UnchosenAlternative(WordingRule):
    """A template alternative left unchosen: “增加（减少）”, “大于（小于）”, “部门（单位）共有车辆”.

    What it checks: two direction words written as the template offers them, one in brackets
    after the other (the lexicon's ``ALTERNATIVE_DIRECTIONS``), and the template's other alternatives
    (``wording: unchosen``), such as “部门（单位）” before 共有车辆.

    Why: the template lets the compiler choose; printed both ways, the sentence says nothing.

    Example: passes — “收入支出总计减少56.95万元”.  Warns — “收入支出总计增加（减少）56.95万元”,
    “收入支出总计增加减少56.95万元”.

    The template's alternatives are data (``wording: alternatives`` of the report's template): both words
    of one printed together without the brackets (“增加减少”, “下降增长”) are one left unchosen too.
    """

    id = "FR804"
    title = "模板备选表述未选定"
    title_en = "a template alternative left unchosen"
    severity = Severity.WARNING
    kinds = PROSE | TITLES

    def check(self, report: Report) -> Iterator[Finding]:
        for found in self.printed(report, *_alternative(tuple(template_words(report, "unchosen") or ()))):
            if found.match.group("a") and found.match.group("a") == found.match.group("b"):
                continue
            yield self.at(found.passage, found.begin, found.finish, self.say(self.id, words=found.words), reported=found.words)
        joined = _joined_alternatives(tuple(template_words(report, "alternatives") or ()))
        if joined is not None:
            for found in self.printed(report, joined):
                yield self.at(found.passage, found.begin, found.finish, self.say("FR804.joined", words=found.words), reported=found.words)


@functools.lru_cache(maxsize=16)
def _joined_alternatives(alternatives: tuple[str, ...]) -> re.Pattern[str] | None:
    """Both words of each of the template's alternatives (``wording: alternatives:``), in either
    order, without brackets."""
    pairs = {_alternative_words(item) for item in alternatives}
    joined = sorted({a + b for pair in pairs if pair for a, b in (pair, pair[::-1])}, key=len, reverse=True)
    return Pattern("|".join(re.escape(words) for words in joined)) if joined else None


# =============================================================================== FR805 instructions
_INSTRUCTIONS: list[re.Pattern[str] | None] = []


def _instructions() -> re.Pattern[str] | None:
    """One pattern for every instruction sentence of the known templates (layouts' ``wording``)."""
    if not _INSTRUCTIONS:
        sentences = sorted({compact(item) for item in template_wording().get("instructions", ())}, key=len, reverse=True)
        _INSTRUCTIONS.append(Pattern("|".join(re.escape(item) for item in sentences if item)) if sentences else None)
    return _INSTRUCTIONS[0]


@register
class TemplateInstruction(WordingRule):
    """An instruction of the template left in the published text.

    What it checks: every instruction sentence of the blank template (“由主管部门根据三定方案等
    相关规定中有关主要职能填写。”, “（如持平作持平表述）”, “（不涉及的不列）”, “按上述格式依次说明
    到各项级科目…”, “无机关运行经费支出的部门，作下述说明：”, “…仍保留该表格式，并在本表下方作下述
    说明：”, “列明公务接待批次、人次”…), wherever it is printed, whatever the spaces and line breaks.
    The sentences are data: the ``wording: instructions:`` list of each template in
    ``finrecon/layouts``.

    Why: an instruction to the compiler, published, shows the text was not finished.

    Example: passes — “上海市普陀区财政局2024年度无机关运行经费支出。”  Warns — the same after
    “无机关运行经费支出的部门，作下述说明：”.
    """

    id = "FR805"
    title = "模板填写说明未删除"
    title_en = "a template instruction left in"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        pattern = _instructions()
        if pattern is None:
            return
        for found in self.printed(report, pattern):
            yield self.at(found.passage, found.begin, found.finish, self.say(self.id, words=found.words), reported=found.words)


_SHORT = 6  # below this length only a dropped character counts: a changed one is too often another word
_A_YEAR_SLOT = "{year}"


class _Phrases(NamedTuple):
    """A template's fixed phrases (``wording: fixed_phrases:``), its right printed forms, and what
    is looked for: a short phrase's interior deletions, a longer one's halves; a year phrase
    (``wording: year_phrases:``) with a character dropped, a word of an alternative
    (``wording: alternatives:``) doubled."""

    fixed: tuple[str, ...]
    right: tuple[str, ...]
    dropped: tuple[tuple[str, tuple[str, ...]], ...]  # a short phrase and its interior deletions
    halves: tuple[tuple[str, str, str], ...]  # a longer phrase and its two halves
    slips: re.Pattern[str] | None  # a year phrase with a character dropped, or a word of an alternative doubled
    meant: dict[str, str]  # what each of those slips stands for (by its non-year part)


def _squeezed(words: str) -> str:
    return squeeze(words)[0]


def _report_phrases(report: Report) -> _Phrases:
    """The phrases of the report's own template."""
    return _phrases(
        tuple(template_words(report, "fixed_phrases") or ()), tuple(template_words(report, "right_as_printed") or ()),
        tuple(template_words(report, "year_phrases") or ()), tuple(template_words(report, "alternatives") or ()),
    )


@functools.lru_cache(maxsize=16)
def _phrases(fixed: tuple[str, ...], right: tuple[str, ...], year_phrases: tuple[str, ...] = (), alternatives: tuple[str, ...] = ()) -> _Phrases:
    fixed = tuple(dict.fromkeys(_squeezed(p) for p in fixed))
    right = tuple(_squeezed(p) for p in right)
    dropped = tuple((p, tuple(p[:i] + p[i + 1 :] for i in range(1, len(p) - 1))) for p in fixed if len(p) < _SHORT)
    halves = tuple((p, p[: len(p) // 2], p[len(p) // 2 :]) for p in fixed if len(p) >= _SHORT)
    meant: dict[str, str] = {}
    with_year = [_squeezed(p).replace(_A_YEAR_SLOT, "") for p in year_phrases]
    for literal in with_year:  # “{year}年度” printed “2024度”: one of its characters dropped, giving no other phrase
        for i in range(len(literal)):
            variant = literal[:i] + literal[i + 1 :]
            if variant and variant not in with_year:
                meant.setdefault(variant, literal)
    year_slips = "|".join(re.escape(variant) for variant in sorted(meant, key=len, reverse=True))
    words = {word for alternative in alternatives for word in _alternative_words(alternative)}
    for word in words:
        meant[word + word] = word
    doubled = "|".join(re.escape(word + word) for word in sorted(words, key=len, reverse=True))
    parts = [f"(?<![\\d.])(?:19|20)\\d{{2}}(?:{year_slips})" if year_slips else "", f"(?:{doubled})" if doubled else ""]
    pattern = "|".join(part for part in parts if part)
    return _Phrases(fixed, right, dropped, halves, Pattern(pattern) if pattern else None, meant)


def _alternative_words(alternative: str) -> tuple[str, ...]:
    """“增加（减少）” → (增加, 减少)."""
    match = re.fullmatch(r"(?P<a>[^（(]+)[（(](?P<b>[^）)]+)[）)]", alternative.strip())
    return (match.group("a"), match.group("b")) if match else ()


_JOINING = frozenset(JOINING)  # “预算和绩效管理”, “购置和运行”: another wording, not a slip


def _another_word(window: str, phrase: str) -> bool:
    """“因公出国（境）经费” for “因公出国（境）费”: 经费 is the same word, not a slip."""
    return phrase.endswith(FEE) and window == phrase[:-1] + FUNDS


def _edited(window: str, phrase: str) -> set[str]:
    """The characters one edit changed between ``phrase`` and ``window`` (added, dropped or swapped)."""
    return set((Counter(window) - Counter(phrase)) + (Counter(phrase) - Counter(window)))


@register
class MisspeltPhrase(WordingRule):
    """A fixed phrase of the template misspelt: “较上年度” written “较上度”, “公务用车运行费”
    written “公务车用车运行费”.

    What it checks: the template's fixed phrases (收入支出总计, 年初结转和结余, 公务用车购置及运行
    维护费, 机关运行经费, 国有资产占有使用情况, the kinds of official vehicle …) printed with one
    character changed, added, dropped or two swapped inside the phrase, where the phrase itself is
    not printed.  Phrases shorter than six characters count only a dropped character; a 和/及/与
    added or swapped is another wording, not a slip.  A year phrase (“2024年度”) printed with a
    character dropped that makes no other phrase (“2024度”), and a word of the template's
    alternatives printed twice (“增加增加”), are slips too.  The phrases and alternatives are data:
    ``wording: fixed_phrases / right_as_printed / year_phrases / alternatives`` of the report's
    template in ``finrecon/layouts``
    — no list of typos.  It reads the printed text (headings, titles, paragraphs, notes), where
    the template's phrases stand.

    Why: a misspelt term of the template is a typing slip nobody read over, and it makes the term
    unsearchable in the published text.

    Example: passes — “公务用车运行费保持不变”.  Warns — “公务车用车运行费保持不变”, “2024度”,
    “比上年增加增加5.00万元”.
    """

    id = "FR810"
    title = "模板固定用语有错别字"
    title_en = "a fixed phrase of the template misspelt"
    severity = Severity.WARNING
    kinds = TITLES | frozenset({PARAGRAPH, NOTE})  # the template's words: not what figures say in reasons

    def check(self, report: Report) -> Iterator[Finding]:
        # The search runs once over all the report's words (one text a line): a phrase none of
        # whose misspellings or halves is printed anywhere is not looked for passage by passage.
        phrases = _report_phrases(report)
        yield from self._slips(report, phrases)
        everything = digest(report)
        dropped = tuple((phrase, found) for phrase, variants in phrases.dropped if (found := tuple(v for v in variants if v in everything)))
        halves = tuple(item for item in phrases.halves if item[1] in everything or item[2] in everything)
        if not dropped and not halves:
            return
        for passage in self.passages(report):
            text, positions = squeeze(passage.text)
            taken: list[tuple[int, int]] | None = None
            for phrase, spans in self._candidates(text, dropped, halves):
                for start, end in spans:
                    window = text[start:end]
                    if _edited(window, phrase) & _JOINING or _another_word(window, phrase):
                        continue
                    if taken is None:
                        taken = spans_of(text, [*phrases.fixed, *phrases.right])
                    if overlaps((start, end), taken):
                        continue
                    taken.append((start, end))
                    begin, finish = _offset(positions, start), _end(positions, end)
                    words = passage.text[begin:finish]
                    yield self.at(passage, begin, finish, self.say(self.id, reported=words, expected=phrase), reported=words, expected=phrase)

    def _slips(self, report: Report, phrases: _Phrases) -> Iterator[Finding]:
        """A year phrase with a character dropped (“2024度”), a word of an alternative doubled (“增加增加”)."""
        if phrases.slips is None:
            return
        for found in self.printed(report, phrases.slips):
            words = found.match.group()
            year = words[:4] if words[:4].isdigit() else ""
            expected = year + phrases.meant[words[len(year):]]
            yield self.at(found.passage, found.begin, found.finish, self.say(self.id, reported=found.words, expected=expected), reported=found.words, expected=expected)

    @staticmethod
    def _candidates(
        everything: str, dropped: Sequence[tuple[str, tuple[str, ...]]], halves: Sequence[tuple[str, str, str]],
    ) -> Iterator[tuple[str, Iterator[tuple[int, int]]]]:
        """Each phrase with the spans that may be it misspelt: a short phrase's interior
        deletions, found as they are; a longer one's near misses, where one of its halves is printed.
        ``dropped`` and ``halves``: the phrases to look for."""
        for phrase, variants in dropped:
            for variant in variants:
                if variant in everything:
                    yield phrase, ((m.start(), m.end()) for m in re.finditer(re.escape(variant), everything))
        for phrase, head, tail in halves:
            if head in everything or tail in everything:
                yield phrase, near_misses(everything, phrase)
