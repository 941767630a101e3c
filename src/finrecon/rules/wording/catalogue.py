"""FR811, FR812 — 科目 named in the text: a former name, a level word that does not fit.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator, NamedTuple, Sequence

from ...catalog import Catalog, LEVELS, builtin, normalise_name
from ...lexicon import EXPENDITURE, LEVEL_CHAIN, LEVEL_MARK_BARE, LEVEL_MARK_SQUEEZED, OTHER
from ...lexicon import LEVELS as LEXICON_LEVELS
from ...findings import Finding, Severity
from ...model import ClassFigure, Report
from ..base import register
from ..texts import PROSE, Passage, Pattern, TITLES, WORDING, compact, squeeze
from .base import WordingRule, _end, _offset


_LEVEL_MARK = Pattern(LEVEL_MARK_BARE)
_NAME_BREAK = Pattern(r"[，。；：、“”\"‘’,;:\d\s.．\-—－]")
_LONGEST_NAME = 40  # no 科目 name is longer: a level word after more words names nothing
_NAMES_A_CLASS_SQUEEZED = Pattern(LEVEL_MARK_SQUEEZED)  # in squeezed text brackets are half-width
_DASH_CHAIN = Pattern(LEVEL_CHAIN)


_SQUEEZED_MARKS = tuple(f"({level})" for level in LEXICON_LEVELS)  # (类) (款) (项) in squeezed text
CLASS = LEXICON_LEVELS[0]


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
                if text[head - 3 : head] in _SQUEEZED_MARKS:
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
        for name, level in zip(names, LEXICON_LEVELS):
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
    return (name, name[:-2]) if name.endswith(EXPENDITURE) and len(name) > 4 else (name,)


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


_DISTINCT = 6  # characters: a former name this long is no everyday word


@functools.lru_cache(maxsize=16)
def _former_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return Pattern("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


@register
class RenamedInText(_CatalogWording):
    """A 科目 the text names by a name it no longer has.

    What it checks: the 科目 the sentences name with a level word (“医疗卫生与计划生育支出（类）”)
    or in a quoted chain (““卫生健康支出-行政事业单位医疗-行政单位医疗”科目”), against the former
    names of the catalogue, in a report of the renaming year or later: 医疗卫生与计划生育支出 →
    卫生健康支出 (2018), 行政事业单位离退休 → 行政事业单位养老支出 (2019) …  FR703 does the same
    for the tables' rows.  A distinctive former name (six characters or more) printed without a
    level word (“医疗卫生与计划生育支出54.30万元”) counts too.  Every renaming the catalogue
    records (``renamed:`` in ``catalogs/*.yaml``, or ``--catalog``), at every level, 类 included.

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
        reported: set[tuple[str, int]] = set()
        for passage, positions, mention in self.named(report):
            renamed = former.get(normalise_name(mention.name))
            if renamed is None or normalise_name(mention.name) in coded:
                continue  # a 科目 the model holds with its code: FR703 speaks of it
            old, new, since = renamed
            if since is not None and year < since:
                continue
            begin, finish = _offset(positions, mention.start), _end(positions, mention.end)
            since_words = self.say("FR703.since", year=since) if since else ""
            reported.add((passage.path, begin))
            yield self.at(passage, begin, finish, self.say("FR703", reported=mention.name, expected=new, since=since_words), reported=mention.name, expected=new)
        yield from self._unmarked(report, former, coded, reported)

    def _unmarked(self, report: Report, former: dict[str, tuple[str, str, int | None]], coded: set[str], reported: set[tuple[str, int]]) -> Iterator[Finding]:
        """A former name the text prints without a level word (“医疗卫生与计划生育支出54.30万元”):
        only the distinctive ones (six characters or more: 文化, 农业 are words as well as names),
        of a year they were already renamed in, and not inside a current name."""
        year = report.meta.year
        coded = {form for name in coded for form in _forms(name)}
        names = {old for old, (_, _, since) in former.items() if len(old) >= _DISTINCT and (since is None or year >= since) and old not in coded}
        if not names:
            return
        pattern = _former_pattern(frozenset(names))
        current = [normalise_name(entry.name) for entry in self.catalog.entries.values()]
        for passage in self.touched(report, pattern):
            text, positions = squeeze(passage.text)
            for match in pattern.finditer(text):
                old = match.group()
                if any(old != name and old in name and name in text for name in current):
                    continue  # part of a name in force (国土资源事务 inside a longer current name)
                begin, finish = _offset(positions, match.start()), _end(positions, match.end())
                if (passage.path, begin) in reported:
                    continue
                printed, new, since = former[old]
                since_words = self.say("FR703.since", year=since) if since else ""
                yield self.at(passage, begin, finish, self.say("FR703", reported=passage.text[begin:finish], expected=new, since=since_words), reported=passage.text[begin:finish], expected=new)


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
            if mention.level == CLASS:
                actual = "/".join(sorted(known))
            elif known == {CLASS} and not name.startswith(OTHER):
                actual = CLASS
            else:
                continue
            begin, finish = _offset(positions, mention.start), _end(positions, mention.end + 3)
            printed = f"{mention.name}（{mention.level}）"
            yield self.at(
                passage, begin, finish, self.say("FR705", name=mention.name, actual=actual, word=mention.level),
                reported=printed, expected=f"{mention.name}（{actual}）",
            )
