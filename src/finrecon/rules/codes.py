"""FR7xx — classification codes: code and name agree, levels are right, names are current."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any, Iterator, NamedTuple

from ..catalog import LEVELS, Catalog, builtin, normalise_name
from ..findings import Finding, Severity
from ..lexicon import DASH, EXPENDITURE, LEVEL_MARK_LOOSE
from ..model import Report, Stated
from ..subjects import code_named, names_of
from .base import Rule, fmt, register
from .identities import model_at

Loc = tuple[str | int, ...]

# Lists of coded rows: (path, functional or economic, the one level every row must have, or None).
_CODED_LISTS: tuple[tuple[str, bool, int | None], ...] = (
    ("tables.summary.expenditure.by_class", True, 3),
    ("tables.income.rows", True, None),
    ("tables.expenditure.rows", True, None),
    ("tables.appropriation.by_class", True, 3),
    ("tables.general_budget.rows", True, None),
    ("tables.basic.rows", False, None),
    ("tables.government_fund.rows", True, None),
    ("tables.state_capital.rows", True, None),
    ("narrative.general_budget.by_class", True, 3),
    ("narrative.general_budget.items", True, None),
    ("narrative.government_fund.items", True, None),
    ("narrative.state_capital.items", True, None),
    ("budget.tables.summary.expenditure.by_class", True, 3),
    ("budget.tables.income.rows", True, None),
    ("budget.tables.expenditure.rows", True, None),
    ("budget.tables.appropriation.by_class", True, 3),
    ("budget.tables.general_budget.rows", True, None),
    ("budget.tables.government_fund.rows", True, None),
    ("budget.tables.state_capital.rows", True, None),
    ("budget.tables.basic.rows", False, None),
    ("budget.statement.items", True, None),
)


class CodedList(NamedTuple):
    """A list of rows that carry 科目 codes, with what the code rules need to know of it.

    The rules walk its ``rows`` themselves; a row's place (``path``, ``loc``) is worked out only
    for a finding: a report has a hundred coded rows and rarely a finding among them."""

    list_path: str
    functional: bool
    level: int | None  # the one level every row must have, or None
    siblings: frozenset[str]  # every code of the list
    lengths: frozenset[int]  # the code lengths the list holds
    rows: list[tuple[int, Any]]  # (position, row) of each row that carries a code

    def path(self, index: int) -> str:
        return f"{self.list_path}[{index}]"

    def loc(self, index: int) -> Loc:
        return (*self.list_path.split("."), index)


def coded_lists(report: Report) -> list[CodedList]:
    """Every list of rows that carry a 科目 code, computed once per report (four rules read them)."""
    cached = report.__dict__.get("_coded_lists")
    if cached is None:
        cached = report.__dict__["_coded_lists"] = _coded_lists(report)
    return cached


def _coded_lists(report: Report) -> list[CodedList]:
    found: list[CodedList] = []
    for list_path, functional, level in _CODED_LISTS:
        if report.__dict__[list_path.partition(".")[0]] is None:
            continue  # no such section (a 决算 has no budget, a budget no tables)
        rows = [(index, row) for index, row in enumerate(model_at(report, list_path) or ()) if row.code]
        if rows:
            codes = frozenset([row.code for _, row in rows])
            found.append(CodedList(list_path, functional, level, codes, frozenset([len(code) for code in codes]), rows))
    return found


class CatalogRule(Rule):
    @property
    def catalog(self) -> Catalog:
        return self.options.catalog or builtin()


@register
class CodeNameMismatch(CatalogRule):
    """A 科目 code and the name printed beside it must agree.

    What it checks: every coded row (tables 1–6, 8, 9 and the narrative's 类/项 figures) against the
    catalogue of 政府收支分类科目 (functional codes start with 2, economic with 3), and names the
    name in force in the report's year.  Names compare as printed, full-width or half-width alike;
    a name the catalogue knows as a former name is FR703's business, and a code the catalogue
    lacks for that year is FR704's.

    Why: a wrong name beside a code means either the code or the name was copied from another
    row; both mislead whoever totals the reports.

    Example: passes — 2010601 行政运行.  Fails — 2010601 一般行政管理事务.
    """

    id = "FR701"
    title = "科目编码与名称不符"
    title_en = "a classification code and its name disagree"

    def check(self, report: Report) -> Iterator[Finding]:
        catalog, year = self.catalog, report.meta.year
        entry_of = catalog.entries.get  # ``catalog.get`` without a method call per row
        for coded in coded_lists(report):
            for index, row in coded.rows:
                entry = entry_of(row.code)
                if entry is None or not row.name or row.name == entry.name or not entry.in_force(year):
                    continue
                name = normalise_name(row.name)
                if name == normalise_name(entry.name) or (entry.former and name == normalise_name(entry.former)):
                    continue
                expected = entry.name_in(year)
                yield self.finding(
                    (*coded.loc(index), "name"), coded.path(index),
                    self.say(self.id, code=row.code, expected=expected, reported=row.name),
                    reported=row.name, expected=expected,
                )


@register
class CodeLevel(Rule):
    """A row's level must match its code, and a 项 must sit under its 款, a 款 under its 类.

    What it checks: a functional code has 3 (类), 5 (款) or 7 (项) digits, an economic code 3 or 5;
    a list that holds only 类 (table 1, table 4, the narrative's structure) holds 3-digit codes;
    in a table that lists 款 or 类 rows, each 项 and 款 has its parent row.

    Why: a 款 listed as a 类 is counted twice in the total; a 项 without its 款 means a row of
    the table was dropped.

    Example: passes — 208, 20805, 2080501.  Fails — 2080501 listed without 20805.
    """

    id = "FR702"
    title = "科目级次与编码不符"
    title_en = "a classification level does not match its code"

    def check(self, report: Report) -> Iterator[Finding]:
        for coded in coded_lists(report):
            allowed = (3, 5, 7) if coded.functional else (3, 5)
            level = coded.level
            for index, row in coded.rows:
                code = row.code
                length = len(code)
                if length not in allowed:
                    yield self.finding(
                        (*coded.loc(index), "code"), coded.path(index),
                        self.say("FR702.length", code=code, length=length, allowed="/".join(map(str, allowed))), reported=code,
                    )
                elif level is not None and length != level:
                    yield self.finding(
                        (*coded.loc(index), "code"), coded.path(index),
                        self.say("FR702.level", expected=LEVELS[level], digits=level, code=code, actual=LEVELS[length]),
                        reported=code, expected=LEVELS[level],
                    )
                elif length > 3:
                    parent = code[:-2]
                    if parent not in coded.siblings and len(parent) in coded.lengths:
                        yield self.finding(
                            (*coded.loc(index), "code"), coded.path(index),
                            self.say("FR702.orphan", level=LEVELS[length], code=code, parent_level=LEVELS[len(parent)], parent=parent),
                            reported=code, expected=parent,
                        )


@register
class RenamedClassification(CatalogRule):
    """A 科目 printed under a name it no longer has.

    What it checks: names the catalogue records as former names, in a report of the renaming
    year or later — 医疗卫生与计划生育支出 became 卫生健康支出 in 2018, 行政事业单位离退休 became
    行政事业单位养老支出 in 2019.

    Why: an outdated name shows the report was built from an old template; the figures under it
    may be old too.

    Example: passes — 210 卫生健康支出 in 2020.  Warns — 210 医疗卫生与计划生育支出 in 2020.
    """

    id = "FR703"
    title = "科目名称已更名"
    title_en = "a classification name has been renamed"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        entry_of = self.catalog.entries.get  # ``catalog.get`` without a method call per row
        for coded in coded_lists(report):
            for index, row in coded.rows:
                entry = entry_of(row.code)
                if entry is None or not row.name or not entry.former:
                    continue
                if normalise_name(row.name) == normalise_name(entry.former) and (entry.since is None or report.meta.year >= entry.since):
                    since = self.say("FR703.since", year=entry.since) if entry.since else ""
                    yield self.finding(
                        (*coded.loc(index), "name"), coded.path(index),
                        self.say(self.id, reported=row.name, expected=entry.name, since=since),
                        reported=row.name, expected=entry.name,
                    )


@register
class UnknownCode(CatalogRule):
    """科目 codes the catalogue does not know for the report's year, so their names cannot be checked.

    What it checks: codes absent from the shipped catalogue and from ``--catalog``, or present
    only for other years (20139 社会工作事务 exists from 2024).  One note per report lists them
    all, at the first.  The shipped catalogue holds the 2024 and 2025 lists as far as they could
    be established; add your region's codes with ``--catalog FILE``.

    An item of the text that names its 科目 by 类/款/项 names the catalogue and the report's tables
    do not know (“社会保障和就业支出（类）行政事业单位养老支出（款）火星离退休（项）”) has no code: it is kept
    as printed, and each such item is reported here with the name not known — a warning where the
    report's tables by 科目 do not hold it either, a note where the report has no such table (the
    catalogue alone lists only part of the 款 and 项).  A former name is FR811's business, a level
    word that does not fit FR812's; a 预算编制说明 item against its tables is FR706's.

    Why: an unknown code is often a typo (20160 for 20106); if it is real, adding it lets
    finrecon check its name.  A name no catalogue knows is misspelt, made up or retired.

    Example: passes — 2010601.  Notes — 2019901 and 2019902, in one note, if the catalogue lacks them.
    Warns — “火星离退休（项）” in a report whose tables hold no such row.
    """

    id = "FR704"
    title = "科目编码不在目录中"
    title_en = "classification codes not in the catalogue"
    severity = Severity.INFO

    def check(self, report: Report) -> Iterator[Finding]:
        yield from self._codes(report)
        yield from self._names(report)

    def _names(self, report: Report) -> Iterator[Finding]:
        """Each uncoded item of the text whose wording names a 科目 neither the catalogue nor the
        report's tables know."""
        known = _catalogue_names(self.catalog)
        rows = _table_names(report)
        for list_path in _NAMED_LISTS:
            if list_path.startswith("budget.") and rows:
                continue  # the budget's items against its tables: FR706
            for index, item in enumerate(model_at(report, list_path) or ()):
                if item.code or not item.wording or not LEVEL_WORDING.search(item.wording):
                    continue
                unknown = next((name for name in names_of(item.wording) if not _forms(name) & (known | rows)), None)
                if unknown is None or len(unknown) > _LONGEST_NAME:
                    continue
                tables = self.say("FR704.tables") if rows else ""
                finding = self.finding(
                    (*list_path.split("."), index, "wording"), f"{list_path}[{index}]",
                    self.say("FR704.name", name=unknown, catalog=self.catalog.follows, tables=tables),
                    reported=unknown,
                )
                yield replace(finding, severity=Severity.WARNING) if rows else finding

    def _codes(self, report: Report) -> Iterator[Finding]:
        catalog, year = self.catalog, report.meta.year
        unknown: dict[str, tuple[CodedList, int]] = {}  # each code once, where it first stands
        entry_of = catalog.entries.get  # ``catalog.get`` without a method call per row
        for coded in coded_lists(report):
            for index, row in coded.rows:
                code = row.code
                if len(code) in LEVELS and code not in unknown:
                    entry = entry_of(code)
                    if entry is None or not entry.in_force(year):
                        unknown[code] = (coded, index)
        if unknown:
            first, index = next(iter(unknown.values()))
            codes = "、".join(unknown) if self.lang != "en" else ", ".join(unknown)
            yield self.finding(
                (*first.loc(index), "code"), first.path(index),
                self.say(self.id, codes=codes, count=len(unknown), year=year, catalog=catalog.follows),
                related=tuple(coded.path(position) for coded, position in unknown.values()),
                reported=", ".join(unknown),
            )


_LEVEL_MARK = re.compile(LEVEL_MARK_LOOSE)

# The lists of the text whose items name their 科目 by its names (FR704 reports a name no one knows).
_NAMED_LISTS = ("narrative.general_budget.by_class", "narrative.general_budget.items", "narrative.government_fund.items", "narrative.state_capital.items", "budget.statement.items")
LEVEL_WORDING = re.compile(rf"{LEVEL_MARK_LOOSE}|{DASH}")  # a wording that names levels: by their marks, or joined by dashes
_LONGEST_NAME = 40  # characters: no 科目 name is longer (longer words are no name read amiss)


def _forms(name: str) -> frozenset[str]:
    """A 科目 name as the text may print it: with its 支出 or without (一般公共服务支出, 一般公共服务)."""
    name = normalise_name(name)
    return frozenset({name, name.removesuffix(EXPENDITURE), name + EXPENDITURE})


def _catalogue_names(catalog: Catalog) -> frozenset[str]:
    """Every name the catalogue knows, at any level and in any year, current or former, in both forms."""
    names = catalog.memo.get("names")
    if names is None:
        found: set[str] = set()
        for entry in catalog.entries.values():
            for name in (entry.name, entry.former):
                if name:
                    normal = normalise_name(name)
                    found.update((normal, normal.removesuffix(EXPENDITURE)))
        names = catalog.memo["names"] = frozenset(found)
    return names


def _table_names(report: Report) -> frozenset[str]:
    """The names of the rows by 科目 of the report's tables (a 项 newer than the catalogue is there)."""
    found: set[str] = set()
    for coded in coded_lists(report):
        if coded.list_path.startswith(("tables.", "budget.tables.")):
            for _, row in coded.rows:
                if row.name:
                    normal = normalise_name(row.name)
                    found.update((normal, normal.removesuffix(EXPENDITURE)))
    return frozenset(found)


_CACHED_WORDING = 200  # characters: a wording longer than any 科目 chain is split each time, not kept
_MEMO_LIMIT = 50_000  # answers kept with the catalogue (a few MiB); past it, they start again


def _segments(wording: str) -> tuple[tuple[str, str], ...]:
    """“一般公共服务（类）政协事务（类）” → ((一般公共服务, 类), (政协事务, 类)); linear in the text.
    A batch of reports prints the same wordings: short ones are cached."""
    return _segments_cached(wording) if len(wording) <= _CACHED_WORDING else _split_segments(wording)


def _split_segments(wording: str) -> tuple[tuple[str, str], ...]:
    parts = _LEVEL_MARK.split(wording)
    return tuple((parts[i].strip("，,、 "), parts[i + 1]) for i in range(0, len(parts) - 1, 2) if parts[i].strip("，,、 "))


_segments_cached = functools.lru_cache(maxsize=4096)(_split_segments)


def _levels_named(catalog: Catalog, code: str, name: str) -> frozenset[str]:
    """The levels (类/款/项) of the code's ancestors whose catalogue name matches ``name``
    (kept with the catalogue for names as long as a 科目's; a longer one is no 科目 name)."""
    if len(name) > _CACHED_WORDING:
        return frozenset(_find_levels_named(catalog, code, name))
    key = ("levels named", code, name)
    memo = catalog.memo
    levels = memo.get(key)
    if levels is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()  # a batch of reports naming ever new 科目 does not grow it without end
        levels = memo[key] = frozenset(_find_levels_named(catalog, code, name))
    return levels


def _find_levels_named(catalog: Catalog, code: str, name: str) -> set[str]:
    wanted = normalise_name(name).removesuffix(EXPENDITURE)
    levels = set()
    entries = catalog.entries
    for length, level in LEVELS.items():
        entry = entries.get(code[:length]) if len(code) >= length else None
        if entry and normalise_name(entry.name).removesuffix(EXPENDITURE) == wanted:
            levels.add(level)
    return levels


@register
class LevelWordMismatch(CatalogRule):
    """The level the narrative writes after a 科目 name — （类）（款）（项） — must be its real level.

    What it checks: the wording the 情况说明 prints for a classified figure, e.g.
    “一般公共服务（类）政协事务（款）行政运行（项）”: each name is looked up among the code's 类, 款
    and 项, and the word after it must be that level.

    Why: “政协事务（类）” makes a 款 read as a 类; readers then look for it in the wrong row.

    Example: passes — “政协事务（款）”.  Warns — “一般公共服务（类）政协事务（类）行政运行（项）”.
    """

    id = "FR705"
    title = "科目级次表述有误"
    title_en = "the narrative labels a classification with the wrong level"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        narrative = report.narrative.general_budget if report.narrative else None
        if narrative is None:
            return
        catalog = self.catalog
        for list_name in ("by_class", "items"):
            for figure in getattr(narrative, list_name):
                if not figure.code or not figure.wording:
                    continue
                for name, word in _segments(figure.wording):
                    actual = _levels_named(catalog, figure.code, name)
                    if actual and word not in actual:
                        real = "/".join(sorted(actual))
                        yield self.finding(
                            (*figure.loc, "wording"), figure.path,
                            self.say(self.id, name=name, actual=real, word=word),
                            reported=f"{name}（{word}）", expected=f"{name}（{real}）",
                        )


# The budget's tables by 科目 that an item of the 预算编制说明 may name (the 项 of 财政拨款 spending).
_ITEM_TABLES = ("general_budget", "government_fund", "state_capital", "expenditure")


@register
class ItemNamesNoRow(Rule):
    """A 科目 the 预算编制说明 names must be a row of the budget's tables.

    What it checks: each item of “财政拨款支出主要内容” names its 项 by the names of its 类, 款 and
    项 — “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）” or “一般公共服务支出-政府办公厅（室）
    及相关机构事务-行政运行” — and the budget's tables by 科目 must hold a 项 of that name under a 款
    and a 类 of those names.  An item that gives its code is FR701's business.  Where exactly one
    项 of the tables carries the item's amount, the finding names it.

    Why: a level skipped, a 款 named twice or an old name leaves the reader unable to find the
    item in the tables — and finrecon unable to check its amount against them.

    Example: passes — “卫生健康支出（类）计划生育事务（款）计划生育服务（项）” with 2100717 计划生育服务 in
    the tables.  Warns — “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”.
    """

    id = "FR706"
    title = "预算编制说明所列科目在预算表中找不到"
    title_en = "an item names a classification the budget's tables do not hold"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        statement = report.budget.statement if report.budget else None
        if statement is None or not statement.items:
            return
        rows = [row for table in _ITEM_TABLES for row in (model_at(report, f"budget.tables.{table}.rows") or [])]
        named = [(row.code, row.name) for row in rows if row.code and row.name]
        if not named:
            return  # no table to look in
        for item in statement.items:
            if item.code or not item.wording or code_named(item.wording, named) is not None:
                continue
            names = names_of(item.wording)
            top = code_named(names[0], named) if names else None  # the 类, where the wording names one right
            same = _rows_of_amount(item.bound, [row for row in rows if top is None or row.code.startswith(top)])
            hint = self.say("FR706.amount", name=same[0].name, code=same[0].code, value=fmt(item.value)) if len(same) == 1 else None
            yield self.finding(
                (*item.loc, "wording"), item.path, self.say(self.id, wording=item.wording), reported=item.wording, hint=hint,
            )


def _rows_of_amount(amount: Stated, rows: list) -> list:  # noqa: ANN001 - table rows by 科目
    """The 项 rows (7-digit codes) whose 合计 is ``amount`` within rounding, in whatever unit each prints."""
    wanted = amount.interval
    scale = amount.scale or Decimal(1)
    found: dict[str, object] = {}
    for row in rows:
        if row.code and len(row.code) == 7 and row.total is not None:
            cell = row.total.bound
            factor = (cell.scale or Decimal(1)) / scale
            low, high = (cell.value - cell.half) * factor, (cell.value + cell.half) * factor
            if low <= wanted.hi and wanted.lo <= high:
                found.setdefault(row.code, row)
    return list(found.values())
