"""The 政府收支分类科目 catalogue: which code carries which name, in which years.

finrecon ships the 2024 and 2025 lists as far as they could be established
(``catalogs/classification-2024.yaml`` says where each part comes from); users extend or override
it with ``--catalog FILE`` — YAML of the same shape, or CSV with the columns
``code,name[,former,since[,from,until]]``.  Codes starting with 2 are functional (支出功能分类),
with 3 economic (支出经济分类).

Names change over the years: a code's ``former`` name was in force before ``since`` (a 2018 report
may print 医疗卫生与计划生育支出 for 210; from 2018 it is 卫生健康支出), and a code itself may exist
only ``from`` or ``until`` a year (20139 社会工作事务 from 2024).  ``meta.year`` picks what is in force.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import data_file
from .i18n import Msg
from .subjects import normalise_name  # noqa: F401 - the catalogue compares names as subjects.py does
from .inputs import Limits, LoadError
from .yamltree import parse_tree, read_text

LEVELS = {3: "类", 5: "款", 7: "项"}


@dataclass(frozen=True)
class Entry:
    """A code, its name, the name it had before ``since``, and the years it exists (both ends included)."""

    code: str
    name: str
    former: str | None = None
    since: int | None = None
    valid_from: int | None = None
    valid_until: int | None = None

    def in_force(self, year: int) -> bool:
        """Whether the code exists in the lists of ``year``."""
        return (self.valid_from is None or year >= self.valid_from) and (self.valid_until is None or year <= self.valid_until)

    def name_in(self, year: int) -> str:
        """The name in force in ``year``: the former one before the renaming, else the current one."""
        return self.former if self.former and self.since is not None and year < self.since else self.name


@dataclass(frozen=True)
class Catalog:
    follows: str
    entries: dict[str, Entry] = field(default_factory=dict)
    # Answers that depend only on the catalogue, kept with it: a batch of reports asks the same
    # questions of the same 科目 again and again (see rules/codes.py).
    memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def get(self, code: str) -> Entry | None:
        return self.entries.get(code)

    def code_of(self, name: str, length: int, under: str = "") -> str | None:
        """The one code of ``length`` digits named ``name`` (as printed, or formerly), below the
        code ``under`` if one is given (款 行政运行 is in every 类); ``None`` if none or several."""
        wanted = normalise_name(name)
        found = {
            entry.code for entry in self.entries.values()
            if len(entry.code) == length and entry.code.startswith(under)
            and wanted in (normalise_name(entry.name), normalise_name(entry.former or ""))
        }
        return found.pop() if len(found) == 1 else None

    def merged(self, other: Catalog) -> Catalog:
        entries = dict(self.entries)
        for code, entry in other.entries.items():
            previous = entries.get(code)
            if previous and entry.former is None:
                entry = replace(entry, former=previous.former, since=previous.since)
            if previous and entry.valid_from is None and entry.valid_until is None:
                entry = replace(entry, valid_from=previous.valid_from, valid_until=previous.valid_until)
            entries[code] = entry
        return Catalog(f"{self.follows}；另加 {other.follows}", entries)


_YEAR = re.compile(r"[0-9]{4}")


def _code(value: Any) -> str | None:
    text = str(value).replace(" ", "") if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool) else ""
    return text if re.fullmatch(r"[0-9]{1,12}", text) else None


def _year(value: Any) -> int | None:
    text = str(value) if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool) else ""
    return int(text) if _YEAR.fullmatch(text) else None


def _entry(key: Any, value: Any, file: str) -> Entry:
    """``"20139": 社会工作事务``, or ``"20139": {name: 社会工作事务, from: 2024, until: …}``."""
    code = _code(key)
    if code is not None and isinstance(value, str):
        return Entry(code, value)
    if code is None or not isinstance(value, dict) or not isinstance(value.get("name"), str) or set(value) - {"name", "from", "until"}:
        raise LoadError(Msg("catalog.entry", entry=f"{key}: {value}"), file=file)
    years = {}
    for word in ("from", "until"):
        if value.get(word) is not None and _year(value[word]) is None:
            raise LoadError(Msg("catalog.since", since=value[word]), file=file)
        years[word] = _year(value[word]) if value.get(word) is not None else None
    return Entry(code, value["name"], valid_from=years["from"], valid_until=years["until"])


def _from_tree(tree: Any, name: str) -> Catalog:
    """A YAML catalogue: ``functional:`` / ``economic:`` / ``renamed:``, or a flat ``code: name``."""
    if not isinstance(tree, dict):
        raise LoadError(Msg("catalog.shape"), 1, 1, name)
    sections = [tree.get("functional"), tree.get("economic")]
    if not any(isinstance(section, dict) for section in sections):
        sections = [{k: v for k, v in tree.items() if k not in ("follows", "renamed")}]
    entries: dict[str, Entry] = {}
    for section in sections:
        if section is None:
            continue
        if not isinstance(section, dict):
            raise LoadError(Msg("catalog.shape"), file=name)
        for key, value in section.items():
            entry = _entry(key, value, name)
            entries[entry.code] = entry
    renamed = tree.get("renamed") or {}
    if not isinstance(renamed, dict):
        raise LoadError(Msg("catalog.shape"), file=name)
    for key, change in renamed.items():
        code = _code(key)
        if code is None or not isinstance(change, dict) or not isinstance(change.get("former"), str):
            raise LoadError(Msg("catalog.entry", entry=f"{key}: {change}"), file=name)
        since = change.get("since")
        if since is not None and _year(since) is None:
            raise LoadError(Msg("catalog.since", since=since), file=name)
        if code in entries:
            entries[code] = replace(entries[code], former=change["former"], since=_year(since) if since is not None else None)
    return Catalog(str(tree.get("follows") or name), entries)


def _from_csv(text: str, name: str) -> Catalog:
    entries: dict[str, Entry] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or row[0].strip().lower() in ("code", "编码") or row[0].startswith("#"):
            continue
        code = _code(row[0].strip())
        if code is None or len(row) < 2 or not row[1].strip():
            raise LoadError(Msg("catalog.csv_row"), number, 1, name)
        former = row[2].strip() if len(row) > 2 and row[2].strip() else None
        years: list[int | None] = []
        for column in (3, 4, 5):  # since, from, until
            text = row[column].strip() if len(row) > column else ""
            if text and _year(text) is None:
                raise LoadError(Msg("catalog.since", since=text), number, column + 1, name)
            years.append(_year(text) if text else None)
        entries[code] = Entry(code, row[1].strip(), former, *years)
    return Catalog(name, entries)


@lru_cache(maxsize=1)
def builtin() -> Catalog:
    text = data_file("catalogs/classification-2024.yaml").read_text(encoding="utf-8")
    tree, _ = parse_tree(text)
    return _from_tree(tree, "classification-2024.yaml")


def load_catalog(extra: Path | None = None) -> Catalog:
    """The shipped catalogue, extended or overridden by ``extra`` (YAML or CSV)."""
    if extra is None:
        return builtin()
    name = str(extra)
    try:
        text = read_text(extra, Limits())
        if extra.suffix.lower() == ".csv":
            user = _from_csv(text, name)
        else:
            tree, _ = parse_tree(text)
            user = _from_tree(tree, name)
    except LoadError as error:
        error.file = error.file or name
        raise
    return builtin().merged(user)
