"""FR8xx — the words of a report: years, names, template leftovers, direction words, broken
sentences, 科目 named in the text, one item stated twice, text copied from another item.

Every rule here reads the texts ``texts.passages`` gathers (cover, contents, headings,
paragraphs, table titles, 编制单位 lines, notes, and the texts of figures) and reports at the
offset of the words it quotes.  Where a text can be read two ways, the rules say nothing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from decimal import Decimal
from dataclasses import replace
from typing import ClassVar, Iterator, NamedTuple, Sequence

from .. import lexicon
from ..catalog import LEVELS, Catalog, builtin, normalise_name
from ..findings import Finding, Severity
from ..interval import Interval
from ..model import ClassFigure, Figure, Report
from .base import Rule, fmt, register
from .texts import (
    CONTENTS, COVER, HEADING, NOTE, NUMBER, PARAGRAPH, PROSE, TITLES, WORDING,
    Passage, Pattern, compact, digest, edit_distance_one, near_misses, overlaps, passages, sentence_at, spans_of,
    squeeze, template_words, template_wording, touched,
)


class Printed(NamedTuple):
    """A match of a wording pattern, and the words it covers as printed (``passage.text[begin:finish]``)."""

    passage: Passage
    match: re.Match[str]
    begin: int
    finish: int
    words: str


def within(passage: Passage, pattern: re.Pattern[str]) -> Iterator[Printed]:
    """Each match of ``pattern`` in ``passage`` (squeezed), with the printed words it covers."""
    text, positions = squeeze(passage.text)
    for match in pattern.finditer(text):
        begin, finish = _offset(positions, match.start()), _end(positions, match.end())
        yield Printed(passage, match, begin, finish, passage.text[begin:finish])


class WordingRule(Rule):
    """A rule about the words: it reports at the offset of the words it quotes."""

    kinds: ClassVar[frozenset[str]] = PROSE | TITLES  # the passages it reads

    def passages(self, report: Report) -> Iterator[Passage]:
        kinds = self.kinds
        return (passage for passage in passages(report) if passage.kind in kinds)

    def touched(self, report: Report, pattern: re.Pattern[str]) -> Iterator[Passage]:
        """The passages this rule reads in which ``pattern`` matches (one scan of the report)."""
        kinds = self.kinds
        return (passage for passage in touched(report, pattern) if passage.kind in kinds)

    def printed(self, report: Report, pattern: re.Pattern[str], selector: re.Pattern[str] | None = None) -> Iterator[Printed]:
        """Each match of ``pattern`` in the passages this rule reads (compared squeezed: no spaces,
        half-width ASCII), with the printed words it covers.  ``selector``, a pattern every match
        holds that is faster to find, picks the passages."""
        for passage in self.touched(report, selector or pattern):
            yield from within(passage, pattern)

    def at(
        self, passage: Passage, start: int, end: int, message: str,
        reported: str | None = None, expected: str | None = None, severity: Severity | None = None,
    ) -> Finding:
        """A finding on ``passage.text[start:end]``, quoting the sentence it stands in."""
        finding = self.finding(
            passage.loc, passage.path, message, offset=start,
            excerpt=sentence_at(passage.text, start, end), reported=reported, expected=expected,
        )
        return finding if severity is None or severity is finding.severity else replace(finding, severity=severity)


def _offset(positions: Sequence[int], index: int) -> int:
    """The position in the printed text of character ``index`` of its squeezed form."""
    if not positions:
        return 0
    return positions[min(index, len(positions) - 1)]


def _end(positions: Sequence[int], index: int) -> int:
    return positions[index - 1] + 1 if index > 0 and positions else 0


# =============================================================================== FR801 years
_YEAR = Pattern(r"(?<![\d.])((?:19|20)\d{2})年(度)?")
_A_YEAR = Pattern(r"(?:19|20)\d\d年")  # what every _YEAR match holds, found fast
_COMPARED = Pattern(lexicon.YEAR_COMPARED_BEFORE)
_COMPARED_AFTER = Pattern(lexicon.YEAR_COMPARED_AFTER)
_MONTH = Pattern(r"\d{1,2}月")
_ASSET_DATE = Pattern(r"截至((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_BUDGET_OPENING = Pattern(r"^(?:\d+[.、．])?((?:19|20)\d{2})年,[^。]*?(?:收入预算|支出预算)")


def _own(after_words: re.Pattern[str] | None, before_words: re.Pattern[str] | None, before: str, after: str) -> bool:
    """Whether the template's words around a year say it is the report's own (its ``wording:
    own_year_after`` / ``own_year_before``)."""
    return bool((after_words and after_words.match(after)) or (before_words and before_words.search(before)))


@register
class WrongYear(WordingRule):
    """A year in a fixed phrase that does not fit the report's year.

    What it checks: the years of the cover, the contents, the headings and the table titles, and
    of the template's fixed phrases in the text, against ``meta.year``.  The report's own year
    where it is meant (“2024年度部门决算”, “2024年度收入支出总计”, “2025年预算安排”, “编报绩效
    目标的2024年度项目”); the year before where a comparison is meant (“与2023年度相比”,
    “比2024年预算增加”, “2023年当年预算执行数”); “截至2024年12月31日” in a 2024 决算 and a date of
    the year before in a budget (“截至2024年8月31日” in a 2025 budget).  Other years (“《2024年重点
    工作任务书》”, “2018年起”) and dates (“2025年9月” under the cover's title) are not checked.

    Why: a report is built from last year's; a year not moved on is the commonest slip reviewers
    find in the words, and it makes the comparison say something else.

    Example: passes — “与2023年度相比” in a 2024 report.  Fails — “与2021年度相比” in a 2023 report.
    """

    id = "FR801"
    title = "年份与报告年度不符"
    title_en = "a year that does not fit the report's year"

    def check(self, report: Report) -> Iterator[Finding]:
        year = report.meta.year
        budget = report.meta.kind == "budget"
        own_after, own_before = (_pattern(words) if (words := template_words(report, key)) else None for key in ("own_year_after", "own_year_before"))
        for passage in self.touched(report, _A_YEAR):
            text, positions = squeeze(passage.text)
            dated = set()
            for match in _ASSET_DATE.finditer(text):
                printed, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
                dated.add(match.start(1))
                if budget:
                    expected = year - 1
                elif (month, day) == (12, 31):
                    expected = year
                else:
                    continue
                if printed != expected:
                    yield self._wrong(passage, positions, match.start(1), match.end(), printed, expected, "FR801.asset")
            opening = _BUDGET_OPENING.match(text) if budget else None
            for match in _YEAR.finditer(text):
                start = match.start(1)
                if start in dated:
                    continue
                printed = int(match.group(1))
                before = text[max(0, start - 4) : start]
                after = text[match.end() : match.end() + 12]
                if not match.group(2) and _MONTH.match(after):
                    continue  # a date (“2025年9月”, under the cover's title): when it was printed
                if _COMPARED.search(before) or _COMPARED_AFTER.match(after):
                    expected, why = year - 1, "FR801.prior"
                elif passage.kind in TITLES or _own(own_after, own_before, before, after) or (opening and opening.start(1) == start):
                    expected, why = year, "FR801.own"
                else:
                    continue
                if printed != expected:
                    yield self._wrong(passage, positions, start, match.end(), printed, expected, why)

    def _wrong(self, passage: Passage, positions: Sequence[int], start: int, end: int, printed: int, expected: int, why: str) -> Finding:
        begin, finish = _offset(positions, start), _end(positions, end)
        words = sentence_at(passage.text, begin, finish, limit=30)
        return self.at(
            passage, begin, finish, self.say(self.id, words=words, reported=printed, expected=expected, why=self.say(why)),
            reported=str(printed), expected=str(expected),
        )


# =============================================================================== FR802 names
# A city's name holds no 区 or 县: in “普陀区城市管理行政执法局” the 市 of 城市 closes no city.
_CITY_DISTRICT = Pattern(r"^(?P<city>[^市区县]{2,4}市)?(?P<district>[^市区县]{1,4}(?:新区|区|县))?(?P<core>.+)$")
_UNIT_SUFFIX = Pattern(r"(?:局|委员会|委|办公室|办事处|中心|街道|镇|乡|人民政府|政府|院|所|馆|队|站|会|部|室|处|厅|社|校|园|团|台)$")
_SCOPE_SUFFIX = Pattern(r"[（(](?:部门|单位|本级|本部)[）)]$")
# The bodies of a district a report names in passing (“配合上海市普陀区民政局…”): one character
# away from another body's name, they are that body, not a misprint of the unit's own name.
_BODIES = frozenset("""
    人民政府办公室 府办 发展和改革委员会 发展改革委 发改委 经济委员会 经委 商务委员会 商务委 教育局 科学技术委员会 科委
    民政局 司法局 财政局 人力资源和社会保障局 人社局 规划和自然资源局 规划资源局 生态环境局 建设和管理委员会 建管委
    住房保障和房屋管理局 房管局 交通委员会 交通委 农业农村委员会 农委 水务局 文化和旅游局 文旅局 卫生健康委员会 卫健委
    退役军人事务局 应急管理局 应急局 审计局 国有资产监督管理委员会 国资委 市场监督管理局 市场监管局 统计局 医疗保障局 医保局
    绿化和市容管理局 绿容局 体育局 民防办 信访办 数据局 公安分局 城管执法局 投资促进办公室 投促办 合作交流办
    民族和宗教事务委员会 民宗委 侨务办公室 侨办 机关事务管理局 机管局 档案局 档案馆 税务局 人民法院 人民检察院 总工会
    团委 妇联 残联 科协 红十字会 政协 人大常委会 纪委 监委 组织部 宣传部 统战部 政法委 编办 党校 融媒体中心 规划局
""".split())
_PLACEHOLDERS = Pattern(r"XX|ＸＸ|××|某某|○○|\*\*", re.IGNORECASE)


def _name_slots(report: Report) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Where the report's template puts the unit's own name (its ``wording: name_slots:``, matched
    on the text without spaces), by kind of text; the contents as the headings."""
    slots = template_words(report, "name_slots") or {}
    return _compiled_slots(tuple((kind, tuple(patterns)) for kind, patterns in slots.items()))


@functools.lru_cache(maxsize=16)
def _compiled_slots(slots: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[re.Pattern[str], ...]]:
    compiled = {kind: tuple(re.compile(pattern) for pattern in patterns) for kind, patterns in slots}
    if HEADING in compiled:
        compiled[CONTENTS] = compiled[HEADING]
    return compiled


@functools.lru_cache(maxsize=64)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


class _Name(NamedTuple):
    city: str
    district: str
    core: str


def _parts(name: str) -> _Name:
    match = _CITY_DISTRICT.match(name)
    assert match is not None  # the core takes whatever is left
    return _Name(match.group("city") or "", match.group("district") or "", match.group("core"))


@register
class UnitName(WordingRule):
    """The unit's name printed differently from the cover.

    What it checks: the name in every place the template prints the unit's own name — the
    headings (“第一部分 上海市普陀区财政局概况”), the table titles' 编制单位/编制部门 lines, the
    sentences that open with it (“上海市普陀区财政局2024年度收入支出总计…”, “截至…，上海市普陀区
    财政局共有车辆…”), the empty tables' notes — against the cover.  Another level (the city's
    bureau named over a district report: “上海市财政局”), another district, another unit, or one
    character changed, dropped or added is a finding; so is the name with one character changed
    anywhere in the printed text (unless it is another body of the district: “上海市普陀区民政局”
    in the finance bureau's report); and, in a district's report, the city template's words for its
    level (“是市级预算主管部门及所属预算单位”, “使用市级财政拨款安排的”).  The short forms the
    report itself uses (“普陀区财政局”, “本部门”) and the names of its own units (部门决算单位构成)
    are not.

    Why: a name copied from another report, or mistyped once, is what a reader notices first; in
    a 部门决算 it can even mean the figures are another unit's.

    Example: passes — “上海市普陀区财政局” everywhere.  Warns — “上海市普陀区财攻局2024年度收入支出总计…”.
    """

    id = "FR802"
    title = "单位名称与封面不一致"
    title_en = "the unit's name differs from the cover"
    severity = Severity.WARNING
    kinds = TITLES | frozenset({PARAGRAPH, NOTE})  # the printed text, where the name stands

    def check(self, report: Report) -> Iterator[Finding]:
        if not passages(report):
            return
        reference = compact(report.meta.unit)
        if not reference or _PLACEHOLDERS.search(reference) or len(reference) < 4:
            return
        yield from self._level_phrases(report, reference)
        own_units = {compact(unit.name) for unit in report.organisation.units} if report.organisation else set()
        own_units |= {_SCOPE_SUFFIX.sub("", name) for name in own_units}
        reported: set[tuple[str, int]] = set()
        slots = _name_slots(report)
        for passage in passages(report):
            if passage.kind not in slots:
                continue  # a text where the template prints no name of the unit
            text, positions = squeeze(passage.text)
            for pattern in slots[passage.kind]:
                for match in pattern.finditer(text):
                    name = _SCOPE_SUFFIX.sub("", match.group("name"))
                    why = self._differs(name, reference, own_units)
                    if why is not None:
                        reported.add((passage.path, match.start("name")))
                        yield self._finding(passage, positions, match.start("name"), match.end("name"), name, reference, why)
        # The name with one character changed, anywhere in the printed text: a near miss keeps one
        # of the name's halves, so where neither is printed at all there is nothing to look for.
        middle = len(reference) // 2
        ours = _parts(reference)
        everything = digest(report)
        if reference[:middle] not in everything and reference[middle:] not in everything:
            return
        for passage in self.passages(report):
            text, positions = squeeze(passage.text)
            taken: list[tuple[int, int]] | None = None
            for start, end in near_misses(text, reference):
                window = text[start:end]
                if taken is None:
                    taken = spans_of(text, [reference, *own_units])
                if window in own_units or overlaps((start, end), taken) or (passage.path, start) in reported:
                    continue
                theirs = _parts(window)
                if theirs.core != ours.core and theirs.core in _BODIES and theirs[:2] == ours[:2]:
                    continue  # another body of the same district, named in the text
                yield self._finding(passage, positions, start, end, window, reference, "FR802.changed")

    def _level_phrases(self, report: Report, reference: str) -> Iterator[Finding]:
        """“是市级预算主管部门及所属预算单位…” in a district's report: the city template's words."""
        if "市级" not in digest(report) or not _parts(reference).district:
            return
        phrase = template_words(report, "level_phrase")
        if not phrase:
            return
        for found in self.printed(report, _pattern(phrase)):
            words, expected = found.words, "区级" + found.words[2:]
            yield self.at(
                found.passage, found.begin, found.finish, self.say("FR802.level_phrase", reported=words, expected=expected),
                reported=words, expected=expected,
            )

    def _differs(self, name: str, reference: str, own_units: set[str]) -> str | None:
        """Why ``name``, printed where the unit's own name belongs, is not the unit's name; or None."""
        if name == reference or name in own_units or _PLACEHOLDERS.search(name) or name.startswith("本") or len(name) < 2:
            return None
        if name in ("部门", "单位", "预算单位", "预算主管部门"):
            return None
        ours, theirs = _parts(reference), _parts(name)
        if theirs.core == ours.core or theirs.core.endswith(ours.core) or ours.core.endswith(theirs.core):
            if ours.district and theirs.district and theirs.district != ours.district:
                return "FR802.district"
            if ours.district and not theirs.district and theirs.city:
                return "FR802.level"
        if name[0] == reference[0] and name[-1] == reference[-1] and edit_distance_one(name, reference):
            return "FR802.changed"  # inside the name: “上海市普陀区财政局编” is the name and a word
        if name in reference:  # a short form: 普陀区财政局, 万里街道
            return None
        if _UNIT_SUFFIX.search(name) and not set(ours.core) <= set(name):  # a unit's name, not a form of ours
            return "FR802.other"
        return None

    def _finding(self, passage: Passage, positions: Sequence[int], start: int, end: int, name: str, reference: str, why: str) -> Finding:
        begin, finish = _offset(positions, start), _end(positions, end)
        return self.at(
            passage, begin, finish, self.say(self.id, reported=name, expected=reference, why=self.say(why)),
            reported=name, expected=reference,
        )


# =============================================================================== FR803 部门/单位
def report_scope(report: Report) -> str | None:
    """部门 or 单位: ``meta.scope``, or what the cover calls the report."""
    if report.meta.scope:
        return report.meta.scope
    cover = " ".join(passage.text for passage in passages(report) if passage.kind == COVER)
    if re.search(r"单位(?:预算|决算)", cover):
        return "unit"
    if re.search(r"部门(?:预算|决算)", cover):
        return "department"
    return None


@register
class ScopeWording(WordingRule):
    """部门 wording in a 单位 report, or 单位 wording in a 部门 report.

    What it checks: in a 单位预算/单位决算 (``meta.scope: unit``, or a cover that says 单位), the
    template's 部门 words — “本部门”, “部门预算”, “部门主要职能”, “2025年部门财务收支预算总表”;
    in a 部门 report, the 单位 report's titles — “区级单位预算”, “单位预算编制说明”, “预算单位财务
    收支预算总表”.  General words are left alone: “财政部门”, “各部门”, “预算主管部门”, and
    “部门预算经济分类”, the name of the economic classification every report uses.

    Why: a 单位 report is often made from the 部门 report; a 部门 word left in says the figures
    are the whole department's.

    Example: passes — “本单位政府采购预算38.20万元” in a 单位预算.  Warns — “本部门政府采购预算…” there.
    """

    id = "FR803"
    title = "部门/单位表述与报告范围不符"
    title_en = "部门 wording in a 单位 report, or the other way round"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        scope = report_scope(report)
        if scope is None:
            return
        words = template_words(report, "scope_words") or {}
        other_scope = "department" if scope == "unit" else "unit"
        if other_scope not in words:
            return
        word, other = ("单位", "部门") if scope == "unit" else ("部门", "单位")
        for found in self.printed(report, _pattern(words[other_scope])):
            yield self.at(
                found.passage, found.begin, found.finish,
                self.say(self.id, words=found.words, scope=self.say(f"FR803.{scope}"), word=word, other=other), reported=found.words,
            )


# =============================================================================== FR804 alternatives
_DIRECTIONS = "增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|等于|持平"
_ALTERNATIVE = Pattern(rf"(?P<a>{_DIRECTIONS})[（(](?P<b>{_DIRECTIONS})[）)]|部门[（(]单位[）)](?=共有|本年度|\d{{4}}年度)")
_ALTERNATIVE_SELECTOR = Pattern(rf"\((?:{_DIRECTIONS}|单位)\)")  # the bracketed choice, found fast in squeezed text


@register
class UnchosenAlternative(WordingRule):
    """A template alternative left unchosen: “增加（减少）”, “大于（小于）”, “部门（单位）共有车辆”.

    What it checks: two direction words written as the template offers them, one in brackets
    after the other, and the template's “部门（单位）” before 共有车辆.

    Why: the template lets the compiler choose; printed both ways, the sentence says nothing.

    Example: passes — “收入支出总计减少56.95万元”.  Warns — “收入支出总计增加（减少）56.95万元”.
    """

    id = "FR804"
    title = "模板备选表述未选定"
    title_en = "a template alternative left unchosen"
    severity = Severity.WARNING
    kinds = PROSE | TITLES

    def check(self, report: Report) -> Iterator[Finding]:
        for found in self.printed(report, _ALTERNATIVE, _ALTERNATIVE_SELECTOR):
            if found.match.group("a") and found.match.group("a") == found.match.group("b"):
                continue
            yield self.at(found.passage, found.begin, found.finish, self.say(self.id, words=found.words), reported=found.words)


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


# =============================================================================== FR806 directions
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


_REASON_WORD = Pattern(r"经费(增加|减少|保持不变|持平|不变)[。;；]?$")  # a reason that ends by naming the change again


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
            if figure.reasons or (figure.reason and "经费" in figure.reason):
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
                    yield self._contradiction(loc, path, word, "FR806.budget", fmt(base_value), fmt(figure.value), Severity.ERROR)
                continue
            if figure.prior is not None:
                possible = _possible(word, Interval.printed(figure.prior), value)
                if possible is False:
                    yield self._contradiction(loc, path, word, "FR806.prior", fmt(figure.prior), fmt(figure.value), Severity.ERROR)
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
                yield self._contradiction(loc, path, word, "FR806.change", "", fmt(change), Severity.WARNING)

    def _contradiction(self, loc, path: str, word: str, key: str, base: str, value: str, severity: Severity) -> Finding:  # noqa: ANN001
        finding = self.finding(loc, path, self.say(key, word=word, base=base, value=value), reported=word, expected=None)
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


# =============================================================================== FR808 punctuation
_DOUBLED = Pattern(r"[，。；：、！？,;]{2,}")
_DOUBLED_SQUEEZED = Pattern(r"[,;:!?。、][,;:!?。、]")  # the same in squeezed text (，→, and so on)
_OPENERS = {"“": "”", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」"}
_CLOSERS = {"”": "“", "）": "（", ")": "(", "》": "《", "】": "【", "」": "「"}
_SAME = {"(": "（", ")": "）"}  # a full-width bracket may close a half-width one: the pair is one
_BRACKETS = Pattern(r"[“”（）()《》【】「」]")
_LIST_MARK = Pattern(r"(?:^|[；;。，,：:\s])[0-9A-Za-z一二三四五六七八九十①-⑩]{1,2}$")
_CLAUSE = Pattern(r"[，。；、,;]")
_WHOLLY_BRACKETED = Pattern(r"^(?:\s*[（(【\[][^（()）【】\[\]]*[）)】\]])+\s*$")
_ITEM = Pattern(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[、.．)）]|[一二三四五六七八九十]是|[①-⑩])")
_FIGURE_WITH_UNIT = Pattern(r"\d(?:万元|元|%|％|个|辆|家|人)")
_TRAILING_NOTE = Pattern(r"(?<=[。！？])[（(][^（()）]*[）)]$")
_ENDS_SENTENCE = "。！？!?"
_ENDS_OPEN = "：:"  # a paragraph that introduces what follows


_NAME_LIST_MARK = re.compile(r"(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")
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
                yield self.at(passage, match.start(), match.end(), self.say("FR808.doubled", marks=match.group(0)), reported=match.group(0))
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
        yield self.at(passage, len(text) - 1, len(text), self.say(key, last=last), reported=ending)


# =============================================================================== FR809 units
_RATE_WORDS = r"增长|下降|上升|降低|增幅|降幅|完成(?:年初|全年|调整)?预算的|执行率为?|完成率为?|占(?:[^,，。；;:：\d%]{0,16}?的)?(?:比重|比例)?为?"
_MONEY_WORDS = r"年初预算(?:数)?为|全年预算(?:数)?为|支出决算(?:数)?为|决算数为|预算数为|预算安排|预算执行数为|收入支出总计|本年收入合计|本年支出合计|收入预算|支出预算|经费支出|采购金额"
_MISSING_UNIT = Pattern(rf"(?:(?P<rate>{_RATE_WORDS})|(?P<money>{_MONEY_WORDS})|(?P<either>增加|减少))(?P<number>{NUMBER})(?=[，。；、,;）)]|$)")
_WAN = Pattern(rf"{NUMBER}万(?=[，。；、,;（()）]|$)")
_UNIT_MISSING_HERE = Pattern(r"\d万?(?:[，。；、,;（()）]|$)")  # what both need, found fast


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
                yield self.at(passage, found.begin, found.finish, self.say(key, words=found.words), reported=found.words)
            wan = list(within(passage, _WAN))
            if wan:  # “2921.00万，其中支持外贸发展370.00万…”: one finding for the text, with the count
                first = wan[0]
                key = "FR809.yuan" if len(wan) == 1 else "FR809.yuan_many"
                yield self.at(passage, first.begin, first.finish, self.say(key, words=first.words, count=len(wan)), reported=first.words)


# =============================================================================== FR810 fixed phrases
_SHORT = 6  # below this length only a dropped character counts: a changed one is too often another word


class _Phrases(NamedTuple):
    """A template's fixed phrases (``wording: fixed_phrases:``), its right printed forms, and what
    is looked for: a short phrase's interior deletions, a longer one's halves."""

    fixed: tuple[str, ...]
    right: tuple[str, ...]
    dropped: tuple[tuple[str, tuple[str, ...]], ...]
    halves: tuple[tuple[str, str, str], ...]


@functools.lru_cache(maxsize=16)
def _phrases(fixed: tuple[str, ...], right: tuple[str, ...]) -> _Phrases:
    dropped = tuple((phrase, tuple(phrase[:i] + phrase[i + 1 :] for i in range(1, len(phrase) - 1))) for phrase in fixed if len(phrase) < _SHORT)
    halves = tuple((phrase, phrase[: len(phrase) // 2], phrase[len(phrase) // 2 :]) for phrase in fixed if len(phrase) >= _SHORT)
    return _Phrases(fixed, right, dropped, halves)


_JOINING = frozenset("和及与、或并的之")  # “预算和绩效管理”, “购置和运行”: another wording, not a slip


def _another_word(window: str, phrase: str) -> bool:
    """“因公出国（境）经费” for “因公出国（境）费”: 经费 is the same word, not a slip."""
    return phrase.endswith("费") and window == phrase[:-1] + "经费"


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
    added or swapped is another wording, not a slip.  It reads the printed text (headings, titles,
    paragraphs, notes), where the template's phrases stand.

    Why: a misspelt term of the template is a typing slip nobody read over, and it makes the term
    unsearchable in the published text.

    Example: passes — “公务用车运行费保持不变”.  Warns — “公务车用车运行费保持不变”.
    """

    id = "FR810"
    title = "模板固定用语有错别字"
    title_en = "a fixed phrase of the template misspelt"
    severity = Severity.WARNING
    kinds = TITLES | frozenset({PARAGRAPH, NOTE})  # the template's words: not what figures say in reasons

    def check(self, report: Report) -> Iterator[Finding]:
        # The search runs once over all the report's words (one text a line): a phrase none of
        # whose misspellings or halves is printed anywhere is not looked for passage by passage.
        everything = digest(report)
        phrases = _phrases(template_words(report, "fixed_phrases") or (), template_words(report, "right_as_printed") or ())
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

    @staticmethod
    def _candidates(
        everything: str, dropped: Sequence[tuple[str, tuple[str, ...]]], halves: Sequence[tuple[str, str, str]],
    ) -> Iterator[tuple[str, Iterator[tuple[int, int]]]]:
        """Each phrase with the spans that may be it misspelt: a short phrase's interior
        deletions, found as they are; a longer one's near misses, where one of its halves is printed.
        ``dropped`` and ``halves``: the phrases to look for (by default all of them)."""
        for phrase, variants in dropped:
            for variant in variants:
                if variant in everything:
                    yield phrase, ((m.start(), m.end()) for m in re.finditer(re.escape(variant), everything))
        for phrase, head, tail in halves:
            if head in everything or tail in everything:
                yield phrase, near_misses(everything, phrase)


# =============================================================================== FR811/FR812 科目 in the text
_LEVEL_MARK = Pattern(r"[（(](类|款|项)[）)]")
_NAME_BREAK = Pattern(r"[，。；：、“”\"‘’,;:\d\s.．\-—－]")
_LONGEST_NAME = 40  # no 科目 name is longer: a level word after more words names nothing
_NAMES_A_CLASS_SQUEEZED = Pattern(r"\([类款项]\)|科目")  # in squeezed text brackets are half-width
_DASH_CHAIN = Pattern(r"[“\"](?P<chain>[^”\"]{4,80}?-[^”\"]{2,80}?)[”\"]科目")


class Mention(NamedTuple):
    """A 科目 the text names, with the level word printed after it (or implied by its place)."""

    name: str
    level: str
    start: int  # in the squeezed text
    end: int
    chain: int  # which chain of names it belongs to (“…（类）…（款）…（项）”)


def mentions(text: str) -> list[Mention]:
    """The 科目 named in ``text`` (squeezed: no spaces, half-width brackets): “X（类）Y（款）Z（项）”
    and ““X-Y-Z”科目”."""
    found: list[Mention] = []
    chain, last_end = 0, -1
    for match in _LEVEL_MARK.finditer(text):
        start = head = match.start()
        depth = 0
        while head > 0 and start - head < _LONGEST_NAME:
            char = text[head - 1]
            if char == ")":
                if text[head - 3 : head] in ("(类)", "(款)", "(项)"):
                    break  # the level word of the name before
                depth += 1  # a bracket inside the name: 政府办公厅(室)
            elif char == "(":
                if depth == 0:
                    break
                depth -= 1
            elif _NAME_BREAK.match(char):
                break
            head -= 1
        name = text[head:start]
        if name and start - head < _LONGEST_NAME:
            if head != last_end:
                chain += 1
            found.append(Mention(name, match.group(1), head, start, chain))
        last_end = match.end()
    for match in _DASH_CHAIN.finditer(text):
        names = match.group("chain").split("-")
        if len(names) > 3:
            continue
        chain += 1
        position = match.start("chain")
        for name, level in zip(names, "类款项"):
            if name:
                found.append(Mention(name, level, position, position + len(name), chain))
            position += len(name) + 1
    return found


_INDEXES: dict[int, tuple[Catalog, dict[str, set[str]], dict[str, tuple[str, str, int | None]]]] = {}


def _index(catalog: Catalog) -> tuple[dict[str, set[str]], dict[str, tuple[str, str, int | None]]]:
    """The catalogue by name: the levels each name has, and each former name's current name and year."""
    cached = _INDEXES.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1], cached[2]
    levels: dict[str, set[str]] = {}
    former: dict[str, tuple[str, str, int | None]] = {}
    for entry in catalog.entries.values():
        if not entry.code.startswith("2") or len(entry.code) not in LEVELS:
            continue
        level = LEVELS[len(entry.code)]
        for name in _forms(entry.name):
            levels.setdefault(name, set()).add(level)
        if entry.former:
            for name in _forms(entry.former):
                former[name] = (entry.former, entry.name, entry.since)
    _INDEXES[id(catalog)] = (catalog, levels, former)
    return levels, former


def _forms(name: str) -> tuple[str, ...]:
    """A 科目 name as the text may print it: 一般公共服务支出 and 一般公共服务."""
    name = normalise_name(name)
    return (name, name[:-2]) if name.endswith("支出") and len(name) > 4 else (name,)


class _CatalogWording(WordingRule):
    kinds = PROSE | TITLES | frozenset({WORDING})

    @property
    def catalog(self) -> Catalog:
        return self.options.catalog or builtin()

    def named(self, report: Report) -> list[tuple[Passage, Sequence[int], Mention]]:
        """Every 科目 the text names, except where a coded figure's wording is checked by FR70x;
        gathered once per report (FR811 and FR812 both read it)."""
        cached = report.__dict__.get("_named")
        if cached is None:
            cached = report.__dict__["_named"] = list(self._named(report))
        return cached

    def _named(self, report: Report) -> Iterator[tuple[Passage, Sequence[int], Mention]]:
        coded: set[str] | None = None
        for passage in self.touched(report, _NAMES_A_CLASS_SQUEEZED):
            words = passage.text
            if coded is None:
                coded = _coded_wordings(report)
            if passage.kind is WORDING and compact(words) in coded:
                continue
            text, positions = squeeze(words)
            chains: dict[int, list[Mention]] = {}
            for mention in mentions(text):
                chains.setdefault(mention.chain, []).append(mention)
            for members in chains.values():
                if compact(text[members[0].start : members[-1].end + 3]) in coded:
                    continue
                for mention in members:
                    yield passage, positions, mention


def _coded_names(report: Report) -> set[str]:
    """The names of the narrative's coded 科目 figures: FR703 checks those against their code."""
    narrative = report.narrative.general_budget if report.narrative else None
    if narrative is None:
        return set()
    return {normalise_name(f.name) for f in (*narrative.by_class, *narrative.items) if isinstance(f, ClassFigure) and f.code}


def _coded_wordings(report: Report) -> set[str]:
    """The wordings of the narrative's coded 科目 figures: FR705 checks those against their code."""
    narrative = report.narrative.general_budget if report.narrative else None
    if narrative is None:
        return set()
    return {compact(f.wording) for f in (*narrative.by_class, *narrative.items) if isinstance(f, ClassFigure) and f.code and f.wording}


@register
class RenamedInText(_CatalogWording):
    """A 科目 the text names by a name it no longer has.

    What it checks: the 科目 the sentences name with a level word (“医疗卫生与计划生育支出（类）”)
    or in a quoted chain (““卫生健康支出-行政事业单位医疗-行政单位医疗”科目”), against the former
    names of the catalogue, in a report of the renaming year or later: 医疗卫生与计划生育支出 →
    卫生健康支出 (2018), 行政事业单位离退休 → 行政事业单位养老支出 (2019) …  FR703 does the same
    for the tables' rows.

    Why: an outdated name in the text shows it was copied from an old report.

    Example: passes — “卫生健康支出（类）60.99万元”.  Warns — “医疗卫生与计划生育支出（类）60.99万元” in 2024.
    """

    id = "FR811"
    title = "文字中的科目名称已更名"
    title_en = "the text names a 科目 by its former name"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        _, former = _index(self.catalog)
        if not former:
            return
        year = report.meta.year
        coded = _coded_names(report)
        for passage, positions, mention in self.named(report):
            renamed = former.get(normalise_name(mention.name))
            if renamed is None or normalise_name(mention.name) in coded:
                continue  # a 科目 the model holds with its code: FR703 speaks of it
            old, new, since = renamed
            if since is not None and year < since:
                continue
            begin, finish = _offset(positions, mention.start), _end(positions, mention.end)
            since_words = self.say("FR703.since", year=since) if since else ""
            yield self.at(passage, begin, finish, self.say("FR703", reported=mention.name, expected=new, since=since_words), reported=mention.name, expected=new)


@register
class LevelWordInText(_CatalogWording):
    """A 科目 the text labels with a level it does not have: “政协事务（类）”, “住房保障支出（款）”.

    What it checks: every 科目 the sentences name with （类）（款）（项）, or in a quoted chain
    (“X-Y-Z”科目, read 类-款-项).  A name labelled （类） must be a 类 — the catalogue holds every
    类, so a 款 or 项 name there is certain; a 类 name labelled （款） or （项） is a finding unless
    the catalogue knows a 款 or 项 of that name.  Other cases, where the catalogue is partial, are
    left alone.  FR705 checks the wordings of the narrative's coded figures.

    Why: “卫生健康支出（款）” makes a 类 read as a 款; readers then look for it in the wrong row.

    Example: passes — “卫生健康支出（类）行政事业单位医疗（款）”.  Warns — “卫生健康支出（类）卫生健康支出（款）”.
    """

    id = "FR812"
    title = "文字中的科目级次有误"
    title_en = "the text labels a 科目 with the wrong level"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        levels, _ = _index(self.catalog)
        for passage, positions, mention in self.named(report):
            name = normalise_name(mention.name)
            known = levels.get(name)
            if not known or mention.level in known:
                continue
            if mention.level == "类":
                actual = "/".join(sorted(known))
            elif known == {"类"} and not name.startswith("其他"):
                actual = "类"
            else:
                continue
            begin, finish = _offset(positions, mention.start), _end(positions, mention.end + 3)
            printed = f"{mention.name}（{mention.level}）"
            yield self.at(
                passage, begin, finish, self.say("FR705", name=mention.name, actual=actual, word=mention.level),
                reported=printed, expected=f"{mention.name}（{actual}）",
            )


# =============================================================================== FR813/FR814 items
class Item(NamedTuple):
    """An item of the text's list of 科目, as the statement engine read it into the model."""

    figure: ClassFigure
    number: int  # its place in the list, 1-based
    name: str  # the 项 (or the last level named)


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
    """One budget item, two amounts: its headline amount and its own “预算安排” disagree.

    What it checks: in a budget's list of 科目, an item whose headline amount (“…住房公积金（项）”
    350.35万元”) and the sentence that restates it (“2024年预算安排352.67万元”) differ beyond
    rounding — as the statement engine read both into the item (``value`` and ``arranged``).
    Only the budget's own amount is compared: last year's “预算执行数” is another figure, and a
    决算 item's “年初预算为…，支出决算为…” states two different figures on purpose.

    Why: one of the two was not updated; a reader cannot tell which the budget is.

    Example: passes — “…（项）”25.77万元 … 2024年预算安排25.77万元”.  Fails — “…（项）”350.35万元 …
    2024年预算安排352.67万元”.
    """

    id = "FR813"
    title = "同一科目的两个金额不一致"
    title_en = "one item, two amounts"

    def check(self, report: Report) -> Iterator[Finding]:
        year = report.meta.year
        for listed in items(report):
            for item in listed:
                again = getattr(item.figure, "arranged", None)
                stated = item.figure.value
                if again is None or Interval.printed(stated).meets(Interval.printed(again)):
                    continue
                yield self.finding(
                    (*item.figure.loc, "arranged"), f"{item.figure.path}.arranged",
                    self.say(self.id, name=item.name, headline=fmt(stated), year=year, again=fmt(again)),
                    reported=fmt(again), expected=fmt(stated),
                )


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
