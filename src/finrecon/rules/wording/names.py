"""FR802, FR803 — the unit's name and the report's scope (部门 or 单位) as the text words them.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator, NamedTuple, Sequence

from ... import lexicon
from ...findings import Finding, Severity
from ...lexicon import DEPARTMENT, DEPARTMENT_REPORT, NAME_PLACEHOLDER, OWN, SCOPE_NAMES, UNIT, UNIT_REPORT
from ...model import Report
from ..base import register
from ..texts import CONTENTS, COVER, HEADING, NOTE, PARAGRAPH, Passage, Pattern, TITLES, compact, digest, edit_distance_one, near_misses, overlaps, passages, spans_of, squeeze, template_words
from .base import WordingRule, _end, _offset, _pattern


# How a body's name is built (the lexicon's: 上海市 普陀区 …局, （本级）).
_CITY_DISTRICT = Pattern(lexicon.CITY_DISTRICT)
_UNIT_SUFFIX = Pattern(lexicon.BODY_SUFFIX)
_SCOPE_SUFFIX = Pattern(lexicon.SCOPE_SUFFIX)


@functools.cache
def _bodies() -> frozenset[str]:
    """The bodies of a district a report names in passing (“配合上海市普陀区民政局…”), from
    ``catalogs/bodies.yaml`` when FR802 first needs them: one character away from another body's
    name, they are that body, not a misprint of the unit's own name."""
    from importlib import resources

    import yaml

    text = resources.files("finrecon").joinpath("catalogs/bodies.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.load(text, Loader=yaml.CSafeLoader)["district_bodies"])


_PLACEHOLDERS = Pattern(NAME_PLACEHOLDER, re.IGNORECASE)


def _name_slots(report: Report) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Where the report's template puts the unit's own name (its ``wording: name_slots:``, matched
    on the text without spaces), by kind of text; the contents as the headings."""
    slots = template_words(report, "name_slots") or {}
    return _compiled_slots(tuple((kind, tuple(patterns)) for kind, patterns in slots.items()))


@functools.lru_cache(maxsize=16)
def _compiled_slots(slots: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[re.Pattern[str], ...]]:
    compiled = {kind: tuple(Pattern(pattern) for pattern in patterns) for kind, patterns in slots}  # each compiled on first use
    if HEADING in compiled:
        compiled[CONTENTS] = compiled[HEADING]
    return compiled


# A body's name printed without its last part, where what is left names the body above it
# (“上海市普陀区人民政府” for “上海市普陀区人民政府办公室”).  A street office may be called by its street
# (万里街道 for 万里街道办事处): the same body.
_SAME_BODY_TAILS = lexicon.SAME_BODY_TAILS


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
    are not.  A report that prints no name of its own (a workbook without a cover or a 编制单位
    line, named after its file) has nothing to compare with: not checked, and said so (FR923).

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
        if "meta.unit" in report.not_read:
            return  # the report prints no name of its own (a workbook without 编制单位): nothing to compare with
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
                if theirs.core != ours.core and theirs.core in _bodies() and theirs[:2] == ours[:2]:
                    continue  # another body of the same district, named in the text
                yield self._finding(passage, positions, start, end, window, reference, "FR802.changed")

    def _level_phrases(self, report: Report, reference: str) -> Iterator[Finding]:
        """“是市级预算主管部门及所属预算单位…” in a district's report: the city template's words."""
        other, own = template_words(report, "other_level"), template_words(report, "own_level")
        if not other or not own or other not in digest(report) or not _parts(reference).district:
            return
        phrase = template_words(report, "level_phrase")
        if not phrase:
            return
        for found in self.printed(report, _pattern(phrase)):
            words, expected = found.words, own + found.words[len(other):]
            yield self.at(
                found.passage, found.begin, found.finish, self.say("FR802.level_phrase", reported=words, expected=expected),
                reported=words, expected=expected,
            )

    def _differs(self, name: str, reference: str, own_units: set[str]) -> str | None:
        """Why ``name``, printed where the unit's own name belongs, is not the unit's name; or None."""
        if name == reference or name in own_units or _PLACEHOLDERS.search(name) or name.startswith(OWN) or len(name) < 2:
            return None
        if name in SCOPE_NAMES:
            return None
        ours, theirs = _parts(reference), _parts(name)
        if theirs.core == ours.core or theirs.core.endswith(ours.core) or ours.core.endswith(theirs.core):
            if ours.district and theirs.district and theirs.district != ours.district:
                return "FR802.district"
            if ours.district and not theirs.district and theirs.city:
                return "FR802.level"
        if name[0] == reference[0] and name[-1] == reference[-1] and edit_distance_one(name, reference):
            return "FR802.changed"  # inside the name: “上海市普陀区财政局编” is the name and a word
        if _names_the_body_above(name, reference):
            return "FR802.part"
        if name in reference:  # a short form: 普陀区财政局, 万里街道
            return None
        if _UNIT_SUFFIX.search(name) and not set(ours.core) <= set(name):  # a unit's name, not a form of ours
            return "FR802.other"
        return None

    def _finding(self, passage: Passage, positions: Sequence[int], start: int, end: int, name: str, reference: str, why: str) -> Finding:  # noqa: PLR0913
        begin, finish = _offset(positions, start), _end(positions, end)
        return self.at(
            passage, begin, finish, self.say(self.id, reported=name, expected=reference, why=self.say(why)),
            reported=name, expected=reference,
        )


def _names_the_body_above(name: str, reference: str) -> bool:
    """The unit's name with its last part left out, so that it names the body above it: what is
    left ends as a body's name does, and so does the part left out (人民政府 + 办公室)."""
    if name == reference or not reference.startswith(name) or not _UNIT_SUFFIX.search(name):
        return False
    tail = reference[len(name):]
    if not _UNIT_SUFFIX.search(tail) or len(tail) < 2:
        return False
    return not any(name.endswith(head) and tail in tails for head, tails in _SAME_BODY_TAILS.items())


# =============================================================================== FR803 部门/单位
def report_scope(report: Report) -> str | None:
    """部门 or 单位: ``meta.scope``, or what the cover calls the report."""
    if report.meta.scope:
        return report.meta.scope
    cover = " ".join(passage.text for passage in passages(report) if passage.kind == COVER)
    if re.search(UNIT_REPORT, cover):
        return "unit"
    if re.search(DEPARTMENT_REPORT, cover):
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
        word, other = (UNIT, DEPARTMENT) if scope == "unit" else (DEPARTMENT, UNIT)
        for found in self.printed(report, _pattern(words[other_scope])):
            yield self.at(
                found.passage, found.begin, found.finish,
                self.say(self.id, words=found.words, scope=self.say(f"FR803.{scope}"), word=word, other=other), reported=found.words,
            )
