"""A page text's table rows put in the template's columns, where that is certain.

pdfplumber prints a table as lines of cells separated by spaces: a blank cell leaves no trace,
a header cell that wraps is spread over several lines (its words scrambled with its
neighbours'), and a name that wraps puts its row's code, words and figures on lines of their
own.  So the columns are not read from the header lines: they are the template's
(``layouts/*.yaml``, ``tables.<key>.columns``), in the template's order, which is the order the
template prints them in.  A row is placed only where no other placement is possible:

* a coded or one-row table: a row printing exactly as many figures as the template has value
  columns.  A table printed in halves side by side (the 基本支出 table: 科目, 决算数 | 科目,
  决算数) is read half by half, each half a code (or a label) and its figures; a line holding one
  half only puts it in the first half, which reads the same columns.
* a row whose name wraps: its code on a line of its own, the words of its name (interleaved by
  the extractor with the neighbouring cell's: not taken), then its figures alone on a line.
* a two-sided table (收入 | 支出): the header says which template columns each half has — the
  words under each 项目, completed by a line above that spans each half (本年收入 | 本年支出) —
  and the row labels split a line into halves: a label and its figures per half, a label
  without figures is a blank half.  A line holding one half is put where its label says: a 类
  of expenditure is in the half of the classes; a label another line of the table printed in
  one half is in that half.

* a coded row printing fewer figures than columns (its blank cells lost):
  - where the template names the one column besides 合计 its code fills
    (``tables.<key>.part_of_code``: in a budget's 基本支出 table 301 工资福利支出 is 人员经费) and
    it prints those two figures.  No sum decided it: every sum over the row is still checked.
  - else by the table's column sums (``by_sums``): a 类 is the sum of its 款, a 款 of its 项, 合计
    of the 类, in every column; where exactly one placement of every short row meets them all,
    the rows are placed.  The reading assumed those sums, so they are not checked: the table is
    reported (FR923, kind ``summed``) with every sum over it as skipped (``tables.<key>.*`` is
    unknown for sums), while a figure compared one to one (the 情况说明's, another table's) is
    still compared.
  - where the column sums alone leave more than one placement, by the column totals another
    table prints (``tables.<key>.totals_from``: the 收入预算总表's 合计 in each source is the
    财务收支预算总表's income line of that source; each fund's 支出总计 in the 财政拨款 table is its
    收入 in the left half; each an identity the rules check).  A short 合计 row may stand only
    where it meets them, and the sums place the rest; a two-sided table's half of the classes is
    placed so too (the classes sum to ``classes.total``).  Those figures are taken only where the
    line structure alone places them (``known_figures``), and a row is blank only where it proves
    that no figure of it was printed: a label followed by the other half's label, or a label
    alone on its line with no line of figures alone beside it.  Each equality assumed is then
    not checked (``printed.unread[*].unknown``: ``a=b``); every other identity over those figures is.

Anything else — a short row more than one placement fits, a half whose label says nothing — is
not placed, and the whole table is left unread and said so (``txt.unplaced``): never guessed,
never 0.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from ..catalog import builtin, normalise_name
from ..i18n import Msg
from ..lexicon import AFTER_FIGURE, CODE_WORD, HEAD_LEFTOVERS, ITEM_HEAD, NAME_WORD, TOTAL_ROW
from .pdf.flow import NUMBERED, Line, normal

_AMOUNT_TOKEN = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_GLUED = re.compile(r"^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(\D.*)$")  # “47,483,458一、社会保障…”
_BLANKS = frozenset({"-", "—", "－", "/", "／"})
_HEAD_LEFTOVER = HEAD_LEFTOVERS
_CODE = re.compile(r"^\d{3,7}$")
_SUB_CODE = re.compile(r"^\d{2}$")


# ---------------------------------------------------------------------------------- tokens
def tokens(text: str) -> list[str]:
    """A line's cells, a figure glued to the next cell's words split from them."""
    found: list[str] = []
    for token in text.split():
        glued = _GLUED.match(token)
        if glued and not glued.group(2)[0].isdigit() and glued.group(2)[0] not in AFTER_FIGURE:
            found += [glued.group(1), glued.group(2)]
        else:
            found.append(token)
    return found


def is_figure(token: str) -> bool:
    return bool(_AMOUNT_TOKEN.match(token)) and ("." in token or "," in token or len(token) < 3 or token == "0")


def figures(text: str) -> list[str]:
    return [token for token in tokens(text) if is_figure(token)]


def _cell(token: str) -> bool:
    return is_figure(token) or token in _BLANKS


# ---------------------------------------------------------------------------------- columns
def _example(pattern: str) -> str | None:
    """Header words ``pattern`` matches: its optional parts left out, the first of alternatives."""
    text = pattern.split("|")[0] if not re.search(r"(?<!\\)\(", pattern) else pattern
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"(?<!\\)\((?:\?:)?(?:[^()\\]|\\.)*(?<!\\)\)\?", "", text)  # an optional group
        text = re.sub(r"(?<!\\)\((?:\?:)?((?:[^()|\\]|\\.)*)(?:\|(?:[^()\\]|\\.)*)*(?<!\\)\)", r"\1", text)  # a group: its first alternative
    text = re.split(r"(?<!\\)\|", text)[0]
    text = re.sub(r"\\(.)", r"\1", text.strip("^$")).rstrip("$")
    return text if text and re.search(pattern, text) else None


def _target(spec: dict[str, Any], header: str) -> str | None:
    for pattern, target in (spec.get("columns") or {}).items():
        if re.search(pattern, header):
            return target
    return None


def value_columns(spec: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The template's value columns in its order: (target, header words naming it), one per
    target; ``None`` where a target has no header words the reader would take for it."""
    found: dict[str, str] = {}
    for pattern, target in (spec.get("columns") or {}).items():
        if target in found:
            continue
        example = _example(pattern)
        if example is not None and _target(spec, example) == target:
            found[target] = example
    targets = list(dict.fromkeys((spec.get("columns") or {}).values()))
    return [(target, found[target]) for target in targets] if len(found) == len(targets) else None


# ---------------------------------------------------------------------------------- rows
@dataclass
class Group:
    """One half of a printed row: its code, its words (a name or a label) and its figures."""

    code: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    line: int = 0  # where its figures were printed
    code_line: int = 0
    at: list[int] | None = None  # the columns its figures stand in, where it prints fewer than all


def _split(items: list[str], width: int, coded: bool) -> list[Group]:
    """A line's tokens → groups: a new group starts at a code, or at words after figures, or (a
    two-sided table) at a numbered label after another label (“2. 政府性基金预算 三、城乡社区支出”)."""
    groups: list[Group] = []
    index = 0
    while index < len(items):
        group = Group()
        if coded and _CODE.match(items[index]):
            group.code.append(items[index])
            index += 1
            while index < len(items) and len(group.code) < 3 and _SUB_CODE.match(items[index]):
                group.code.append(items[index])
                index += 1
        while index < len(items) and not _cell(items[index]):
            if coded and (group.code or group.words) and _CODE.match(items[index]):
                break  # the next half's code: this half printed no figures
            if not coded and group.words and NUMBERED.match(items[index]):
                break  # the next half's numbered label
            if items[index] not in _HEAD_LEFTOVER or group.code:
                group.words.append(items[index])
            index += 1
        while index < len(items) and _cell(items[index]):
            group.cells.append(items[index])
            index += 1
        if coded and len(group.code) > 1 and not group.words and len(group.cells) < width:
            # “302 12 0.00” reads 302 12 as the code where one figure is due; where more are due,
            # a two-digit token after the code may be a figure: given back, the row is then short
            while len(group.code) > 1 and len(group.cells) < width:
                group.cells.insert(0, group.code.pop())
        groups.append(group)
    return groups


def split_line(text: str) -> list[Group]:
    """A line of a table with no codes (a two-sided one) split into its halves' groups."""
    return _split(tokens(text), 0, coded=False)


def _name(group: Group) -> str:
    """A row's name as printed; left out where it is the start of its 科目's name in the catalogue
    (the cell wrapped, and the rest of the name stands on another line or was lost): a name cut
    short is no name the report printed."""
    name = "".join(group.words)
    entry = builtin().entries.get("".join(group.code))
    if entry is not None and name and name != entry.name and normalise_name(entry.name).startswith(normalise_name(name)):
        return ""
    return name


@dataclass
class Placed:
    """A table's rows as placed: per page, the rows of cells; the lines not placed; whether the
    column sums placed some rows (``summed``: then no sum over the table is checked)."""

    pages: dict[int, list[list[tuple[str, int, int]]]] = field(default_factory=dict)
    wrong: list[Line] = field(default_factory=list)
    summed: list[Line] = field(default_factory=list)
    summed_in: str = ""  # the part of the table whose sums were assumed ("": all of it; a two-sided table: its classes)
    # The identities with another table's figures the placement assumed besides the column sums:
    # (a figure of this table, its path in the table; the figure elsewhere, a path of the tables; the words of both)
    assumed: list[tuple[str, str, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------- figures other tables print
@dataclass
class Known:
    """Figures the tables print where the line structure alone places them, by path of the tables
    (the table's key first: ``summary.income.appropriation``) → (value, half its last digit's unit,
    (the table's title, the row's label)); and the rows printed blank, by path → (title, label)."""

    figures: dict[str, tuple[Decimal, Decimal, tuple[str, str]]] = field(default_factory=dict)
    blank: dict[str, tuple[str, str]] = field(default_factory=dict)

    def get(self, path: str) -> tuple[Decimal, Decimal, tuple[str, str]] | None:
        if path in self.figures:
            return self.figures[path]
        for row, words in self.blank.items():
            if path == row or path.startswith(row + "."):
                return (Decimal(0), Decimal(0), words)  # a blank cell is 0, exactly
        return None


def _printed(text: str) -> tuple[Decimal, Decimal]:
    value = Decimal(text.replace(",", ""))
    return value, Decimal(1).scaleb(value.as_tuple().exponent) / 2  # type: ignore[arg-type]


def known_figures(tables: Iterable[tuple[str, str, list[Line], dict[str, Any]]]) -> Known:
    """What the tables (key, title, lines, spec) print where no placement is in question, for a
    table to be placed by (``totals_from``):

    * a two-sided table: a half whose label is one of the template's ``rows``, on a line printing
      every half (so which half it is is certain), with as many figures as the half has columns.
      A label on such a line with no figure before the next half's label is that row printed
      blank.  A line holding one such label and nothing else is that row printed blank too — but
      only where neither line beside it is figures alone (a row whose cell wraps prints its
      figures on a line of their own): a blank cell leaves no trace in a page text, so a row is
      known blank only where the line structure proves that no figure of it was printed.
    * a coded or one-row table: its 合计 row, where it prints a figure in every column.

    A figure a table prints elsewhere (a half on a line of its own, a short row) is not taken:
    where it stands would itself be a guess."""
    known = Known()
    for key, title, lines, spec in tables:
        data = [index for index, line in enumerate(lines) if figures(line.text)]
        if not data:
            continue
        if spec.get("shape") == "sides":
            halves = side_columns(lines, spec)
            if halves is None or not all(halves):
                continue
            rows = [(re.compile(pattern), path) for pattern, path in spec.get("rows") or []]
            body = lines[data[0]:]
            alone = [not figures(line.text) or all(is_figure(item) for item in tokens(line.text)) for line in body]
            for index, line in enumerate(body):
                groups = _split(tokens(line.text), 0, coded=False)
                if not figures(line.text):
                    beside = [alone[i] and bool(figures(body[i].text)) for i in (index - 1, index + 1) if 0 <= i < len(body)]
                    if len(groups) == 1 and groups[0].words and not any(beside):
                        path = _row_path(groups[0], rows)
                        if path is not None:
                            known.blank.setdefault(f"{key}.{path}", (title, _label(groups[0])))
                    continue
                if len(groups) != len(halves):
                    continue
                for half, group in zip(halves, groups):
                    path = _row_path(group, rows) if group.words else None
                    if path is None:
                        continue
                    if not group.cells:
                        known.blank.setdefault(f"{key}.{path}", (title, _label(group)))
                    elif len(group.cells) == len(half) and not any(text in _BLANKS for text in group.cells):
                        for (target, _), text in zip(half, group.cells):
                            known.figures.setdefault(f"{key}.{path}" + (f".{target}" if target else ""), (*_printed(text), (title, _label(group))))
        else:
            columns = value_columns(spec)
            total = re.compile(spec.get("total", TOTAL_ROW))
            for line in (lines[index] for index in data):
                groups = _split(tokens(line.text), len(columns or ()), coded=False)
                if columns and len(groups) == 1 and total.search("".join(groups[0].words)) and len(groups[0].cells) == len(columns):
                    if not any(text in _BLANKS for text in groups[0].cells):
                        for (target, _), text in zip(columns, groups[0].cells):
                            known.figures.setdefault(f"{key}.total.{target}", (*_printed(text), (title, "".join(groups[0].words))))
    return known


def _row_path(group: Group, rows: list[tuple[re.Pattern[str], str]]) -> str | None:
    """The path the template's ``rows`` give a half's label (the first pattern it meets)."""
    label = NUMBERED.sub("", normal("".join(group.words)))
    return next((path for pattern, path in rows if label and pattern.search(label)), None)


def pinned(spec: dict[str, Any], targets: list[str], known: Known, row: str) -> tuple[dict[int, tuple[Decimal, Decimal]], list[tuple[str, str, str]]]:
    """The columns whose total another table prints (``totals_from``, where ``known``), as
    ``by_sums`` takes them, and the identities so assumed: (this table's figure, in ``row``; the
    figure elsewhere; its table's title and label, joined)."""
    found: dict[int, tuple[Decimal, Decimal]] = {}
    assumed: list[tuple[str, str, str]] = []
    for target, source in (spec.get("totals_from") or {}).items():
        where = known.get(source)
        if target not in targets or where is None:
            continue
        value, half, (title, label) = where
        found[targets.index(target)] = (value, half)
        assumed.append((f"{row}.{target}", source, f"{title}·{label}"))
    return found, assumed


# ---------------------------------------------------------------------------------- column sums
_MAX_COMBINATIONS = 50_000  # the placements of one family of rows tried at most: more is left unread
_MAX_TRIED = 200_000  # the placements tried for one table in all: a table that needs more is left unread


def _amount(text: str) -> Decimal | None:
    if text in _BLANKS:
        return None
    return Decimal(text.replace(",", ""))


def _places(count: int, width: int) -> list[tuple[int, ...]]:
    """Where ``count`` figures printed in order may stand among ``width`` columns, the first (合计)
    always among them: a row that prints a part prints its total."""
    return [(0, *rest) for rest in itertools.combinations(range(1, width), count - 1)] if 0 < count <= width else []


def _column_values(cells: list[str], at: tuple[int, ...], width: int) -> tuple[Decimal, ...]:
    values = [Decimal(0)] * width
    for column, text in zip(at, cells):
        values[column] = _amount(text) or Decimal(0)
    return tuple(values)


def _slack(cells: list[list[str]]) -> Decimal:
    """How far a sum of printed figures may miss its total by rounding: half the last printed
    digit's unit for each figure."""
    places = max((len(text.split(".")[1]) for row in cells for text in row if "." in text), default=0)
    return Decimal(1).scaleb(-places) / 2 * sum(len(row) for row in cells)


def by_sums(groups: list[Group], total: re.Pattern[str], width: int, pinned: dict[int, tuple[Decimal, Decimal]] | None = None) -> bool:
    """Rows of a coded table whose figures are fewer than its columns, placed by the table's
    column sums — each 类 the sum of its 款, each 款 of its 项, 合计 of the 类 — where exactly one
    placement of every row meets them all (the figures positive, as a budget prints them).  Sets
    each row's ``at`` and says whether every row is placed; the sums are then assumed, not
    checked (the caller marks the table so).  Nothing is placed where any row stays open.

    ``pinned``: a column → what another table prints as its total and half its last digit's unit
    (a blank there is 0, exactly): the 合计
    row, where it prints fewer figures than columns, may stand only where it meets them, within
    rounding — an identity the caller then reports as assumed too."""
    codes = {"".join(group.code): index for index, group in enumerate(groups) if group.code}
    if len(codes) != sum(1 for group in groups if group.code):
        return False  # a code printed twice: which is whose part is not certain
    totals = [index for index, group in enumerate(groups) if not group.code and total.search("".join(group.words))]
    options: list[list[tuple[int, ...]]] = []
    for group in groups:
        if any(text.startswith("-") or text in _BLANKS for text in group.cells):
            return False
        if group.at is not None:  # placed by its code (``part_of_code``)
            options.append([tuple(group.at)])
        else:
            options.append([tuple(range(width))] if len(group.cells) == width else _places(len(group.cells), width))
    if pinned:
        if len(totals) != 1 or len(groups[totals[0]].cells) == width or groups[totals[0]].at is not None:
            return False  # no one short 合计 row to pin
        row = groups[totals[0]]
        options[totals[0]] = [
            at for at in options[totals[0]]
            if all(abs(_column_values(row.cells, at, width)[column] - value) <= _slack([row.cells]) + half for column, (value, half) in pinned.items())
        ]
    children: dict[int, list[int]] = {}
    for code, index in codes.items():
        parents = [codes[code[:end]] for end in range(len(code) - 1, 2, -1) if code[:end] in codes]
        if parents:
            children.setdefault(parents[0], []).append(index)
        elif len(totals) == 1:
            children.setdefault(totals[0], []).append(index)
    families = [(parent, members) for parent, members in children.items()]
    changed = True
    tried = 0
    while changed:
        changed = False
        for parent, members in families:
            family = [parent, *members]
            combinations = 1
            for member in family:
                combinations *= len(options[member])
            if combinations > _MAX_COMBINATIONS or combinations == 0:
                continue  # too many to try (its rows stay open), or one row left no placement (none will)
            tried += combinations
            if tried > _MAX_TRIED:
                return False
            slack = _slack([groups[member].cells for member in family])
            kept: list[set[tuple[int, ...]]] = [set() for _ in family]
            for choice in itertools.product(*(options[member] for member in family)):
                values = [_column_values(groups[member].cells, at, width) for member, at in zip(family, choice)]
                if all(abs(values[0][column] - sum(value[column] for value in values[1:])) <= slack for column in range(width)):
                    for position, at in enumerate(choice):
                        kept[position].add(at)
            for position, member in enumerate(family):
                narrowed = [at for at in options[member] if at in kept[position]]
                if narrowed != options[member]:
                    options[member] = narrowed
                    changed = True
    if any(len(option) != 1 for option in options):
        return False
    for group, option in zip(groups, options):
        if len(group.cells) != width and group.at is None:
            group.at = list(option[0])
    return True


def _cells(group: Group, width: int, line: int, kind: str) -> list[tuple[str, int, int]]:
    """A group's cells: its code and name (a coded table), its label (a two-sided one), its figures."""
    head: list[tuple[str, int, int]] = []
    if kind == "coded":
        head = [("".join(group.code), 1, group.code_line or line), (_name(group), 1, line)]
    elif kind == "side":
        head = [("".join(group.words), 1, line)]
    values: list[tuple[str, int, int]] = [("", 1, 0)] * width
    for column, text in zip(group.at or range(width), group.cells):
        values[column] = (text, 1, group.line or line)
    return head + values


def _part_of_code(group: Group, spec: dict[str, Any], columns: list[tuple[str, str]]) -> None:
    """A coded row printing fewer figures than columns: placed in 合计 and the one column the
    template's ``part_of_code`` names for its code, where it prints exactly those two."""
    code = "".join(group.code)
    keys = [key for key in (spec.get("part_of_code") or {}) if code.startswith(key)]
    if not keys or len(group.cells) != 2:
        return
    target = spec["part_of_code"][max(keys, key=len)]
    targets = [name for name, _ in columns]
    if target in targets and targets.index(target) > 0:
        group.at = [0, targets.index(target)]


def coded_rows(
    lines: list[Line], spec: dict[str, Any], coded: bool, known: Known | None = None,
) -> tuple[list[tuple[str, int, int]] | None, Placed, int]:
    """A coded (or one-row) table's lines → its header row (``None``: the template's columns have
    no header words), its rows as placed, and its number of value columns.  Short rows the column
    sums alone leave open are placed by them and the column totals other tables print
    (``totals_from``, ``known``) where that makes the placement unique."""
    columns = value_columns(spec)
    placed = Placed()
    if columns is None:
        return None, placed, 0
    width = len(columns)
    entries: list[tuple[Line, list[Group]]] = []
    pending: tuple[Line, Group] | None = None  # a row whose name wraps: its code, seen alone on a line
    blank: list[Line] = []  # such codes no figures followed (a blank row, as a blank template prints)
    for line in lines:
        items = tokens(line.text)
        if coded and items and all(_CODE.match(item) or _SUB_CODE.match(item) for item in items) and _CODE.match(items[0]) and len(items) <= 3:
            if pending is not None:
                blank.append(pending[0])
            pending = (line, Group(code=items, code_line=line.number))
            continue
        if not figures(line.text):
            continue  # a header line, or the words of a wrapped name
        groups = _split(items, width, coded)
        alone = len(groups) == 1 and not groups[0].code and not groups[0].words  # figures only
        if pending is not None:
            start, group = pending
            pending = None
            if alone and not blank:
                group.cells, group.line = groups[0].cells, line.number
                entries.append((start, [group]))
                continue
            blank.append(start)
        if blank and alone:
            placed.wrong += blank  # figures after several codes alone on their lines: whose, is not certain
        blank = []
        for group in groups:
            group.line = group.code_line = line.number
        entries.append((line, groups))
    full = [groups for _, groups in entries if all(len(group.cells) == width and (group.code or group.words or not coded) for group in groups)]
    halves = max((len(groups) for groups in full), default=1) if coded else 1
    for line, groups in entries:
        for group in groups:
            if coded and group.code and len(group.cells) < width:
                _part_of_code(group, spec, columns)
    short = [line for line, groups in entries if any(len(group.cells) < width and group.at is None for group in groups)]
    single = all(len(groups) == 1 and (groups[0].code or groups[0].words) for _, groups in entries)
    if coded and short and halves == 1 and single:
        rows, total = [groups[0] for _, groups in entries], re.compile(spec.get("total", TOTAL_ROW))
        if by_sums(rows, total, width):
            placed.summed = short
        elif known is not None and spec.get("totals_from"):
            columns_pinned, assumed = pinned(spec, [target for target, _ in columns], known, "total")
            if columns_pinned and by_sums(rows, total, width, columns_pinned):
                placed.summed, placed.assumed = short, assumed
    for line, groups in entries:
        if len(groups) > halves or any(len(group.cells) != width and group.at is None for group in groups) or (coded and any(not group.code and not group.words for group in groups)):
            placed.wrong.append(line)
            continue
        row: list[tuple[str, int, int]] = []
        for group in groups:
            row += _cells(group, width, line.number, "coded" if coded else "row")
        for _ in range(halves - len(groups)):  # a half the line leaves blank: it reads the same columns
            row += [("", 1, 0)] * ((2 if coded else 0) + width)
        placed.pages.setdefault(line.page, []).append(row)
    header = ([(CODE_WORD, 1, 0), (NAME_WORD, 1, 0)] if coded else []) + [(text, 1, 0) for _, text in columns]
    return header * halves, placed, width


# ---------------------------------------------------------------------------------- two sides
@functools.cache
def _class_names() -> frozenset[str]:
    """The names of every functional 类 (a three-digit code from 2) of the catalogue."""
    return frozenset(normalise_name(entry.name) for entry in builtin().entries.values() if len(entry.code) == 3 and entry.code.startswith("2"))


def _label(group: Group) -> str:
    return normalise_name(NUMBERED.sub("", "".join(group.words)).strip())


def side_columns(lines: list[Line], spec: dict[str, Any]) -> list[list[tuple[str, str]]] | None:
    """Each half's value columns: the template's, from the one the words under its 项目 name
    (completed by a line above spanning each half) to the next half's, as far as the header names
    them anywhere (its cells wrap over lines, their words scrambled)."""
    order = list(dict.fromkeys((spec.get("columns") or {}).values()))
    examples = dict(value_columns({"columns": spec.get("columns") or {}}) or [])
    head: list[list[str]] = []
    for line in lines:
        if figures(line.text):
            break
        head.append(tokens(line.text))
    at = next((i for i, items in enumerate(head) if sum(normal(item).endswith(ITEM_HEAD) for item in items) >= 2), None)
    if at is None or len(examples) != len(order):
        return None
    items = head[at]
    starts = [i for i, item in enumerate(items) if normal(item).endswith(ITEM_HEAD)]
    spans = next((row for row in reversed(head[:at]) if len(row) == len(starts)), None)
    named: set[str] = set()
    for row in head:
        for item in row:
            if (target := _target(spec, item)) is not None:
                named.add(target)
    firsts: list[str] = []
    for half, start in enumerate(starts):
        word = items[start + 1] if start + 1 < len(items) and start + 1 not in starts else ""
        target = _target(spec, (spans[half] if spans else "") + word) if word else None
        target = target if target is not None else (_target(spec, word) if word else None)
        if target is None:
            return None
        firsts.append(target)
        named.add(target)
    halves: list[list[tuple[str, str]]] = []
    for half, first in enumerate(firsts):
        begin = order.index(first)
        following = order.index(firsts[half + 1]) if half + 1 < len(firsts) else len(order)
        end = following if following > begin else len(order)
        halves.append([(target, examples[target]) for target in order[begin:end] if target in named])
    return halves


def side_rows(lines: list[Line], spec: dict[str, Any], halves: list[list[tuple[str, str]]], known: Known | None = None) -> Placed:
    """A two-sided table's lines → rows of (label, figures) per half.  In the half of the classes,
    a row printing fewer figures than columns is placed by the column sums (the classes sum to
    ``classes.total``), and by the totals other figures give (``totals_from``, ``known``) where
    those alone leave more than one placement: only where every such row has one placement."""
    placed = Placed()
    widths = [len(half) for half in halves]
    entries = [(line, _split(tokens(line.text), 0, coded=False)) for line in lines if figures(line.text)]
    given: dict[str, set[int]] = {}  # a label → the halves the table prints it in
    for _, groups in entries:
        if len(groups) == len(halves) and all(group.words for group in groups):
            for half, group in enumerate(groups):
                given.setdefault(_label(group), set()).add(half)
    classes = _class_names()
    summing = len(halves) - 1 if (spec.get("classes") or {}).get("total") else None  # the half whose short rows the sums may place
    accepted: list[tuple[Line, list[int], list[Group]]] = []
    for line, groups in entries:
        where: list[int] | None = None
        if len(groups) == len(halves):
            where = list(range(len(halves)))
        elif len(groups) == 1:
            label = _label(groups[0])
            sides = given.get(label, set())
            if label in classes and spec.get("classes"):
                where = [len(halves) - 1]
            elif len(sides) == 1:
                where = [next(iter(sides))]
        if where is None or any(
            not group.words or (len(group.cells) not in (0, widths[half]) and not (half == summing and len(group.cells) < widths[half]))
            for group, half in zip(groups, where)
        ):
            placed.wrong.append(line)
            continue
        accepted.append((line, where, groups))
    short = [line for line, where, groups in accepted if any(0 < len(group.cells) < widths[half] for group, half in zip(groups, where))]
    if short and summing is not None:
        members = [group for _, where, groups in accepted for group, half in zip(groups, where) if half == summing]
        if _class_sums(members, spec, widths[summing], [target for target, _ in halves[summing]], known, placed):
            placed.summed = short
            placed.summed_in = spec["classes"]["path"]
        else:
            placed.wrong += short
    for line, where, groups in accepted:
        if line in placed.wrong:
            continue
        row: list[tuple[str, int, int]] = []
        by_half = dict(zip(where, groups))
        for half, width in enumerate(widths):
            group = by_half.get(half)
            row += _cells(group, width, line.number, "side") if group else [("", 1, 0)] * (width + 1)
        placed.pages.setdefault(line.page, []).append(row)
    return placed


@functools.cache
def _class_codes() -> dict[str, str]:
    """A functional 类's name → its code, for the names only one 类 of the catalogue has."""
    found: dict[str, list[str]] = {}
    for entry in builtin().entries.values():
        if len(entry.code) == 3 and entry.code.startswith("2"):
            found.setdefault(normalise_name(entry.name), []).append(entry.code)
    return {name: codes[0] for name, codes in found.items() if len(codes) == 1}


def _class_sums(members: list[Group], spec: dict[str, Any], width: int, targets: list[str], known: Known | None, placed: Placed) -> bool:
    """The rows of a two-sided table's half of the classes placed by its column sums — each class
    (its code from the catalogue) a part of ``classes.total`` — and, where those leave more than
    one placement, by the totals ``totals_from`` names; every row of the half must be a class or
    that total.  Sets each row's ``at`` and the identities assumed in ``placed``."""
    total_path = spec["classes"]["total"]
    patterns = [pattern for pattern, path in spec.get("rows") or [] if path == total_path]
    if not patterns:
        return False
    total = re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
    codes = _class_codes()
    shadows: list[tuple[Group, Group]] = []
    for group in members:
        if not group.cells:
            continue  # a row printed blank: nothing to place, nothing to sum
        label = _label(group)
        if label in codes:
            shadows.append((group, Group(code=[codes[label]], cells=group.cells)))
        elif total.search(NUMBERED.sub("", normal("".join(group.words)))):
            shadows.append((group, Group(words=[NUMBERED.sub("", normal("".join(group.words)))], cells=group.cells)))
        else:
            return False  # a row neither a class nor their total: what it is part of is not known
    rows = [shadow for _, shadow in shadows]
    ok = by_sums(rows, total, width)
    if not ok and known is not None and spec.get("totals_from"):
        columns_pinned, assumed = pinned(spec, targets, known, total_path)
        ok = bool(columns_pinned) and by_sums(rows, total, width, columns_pinned)
        if ok:
            placed.assumed = assumed
    if ok:
        for group, shadow in shadows:
            group.at = shadow.at
    return ok


def side_header(halves: list[list[tuple[str, str]]]) -> list[tuple[str, int, int]]:
    header: list[tuple[str, int, int]] = []
    for half in halves:
        header += [(ITEM_HEAD, 1, 0)] + [(text, 1, 0) for _, text in half]
    return header


def unplaced(rows: list[Line], columns: int) -> tuple[int, Msg, str]:
    """Rows whose figures do not fit the head's columns: why (a message, worded by the rule in the
    run's language) and the first such row as printed (``first``: the finding's excerpt)."""
    first = rows[0]
    return (first.page, Msg("unread.figures", rows=len(rows), columns=columns, first=first.text), "figures", first.number)


def header_problem(page: int, lines: list[Line], columns: int | None = None) -> tuple[int, str | Msg, str, int | None]:
    first = " ".join(line.text for line in lines[:3])[:60]
    line = lines[0].number if lines and lines[0].page == page else None  # the line it quotes from, on that page
    if columns is not None:
        return (page, Msg("unread.header", columns=columns, first=first), "header", line)
    return (page, first, "header", line)
