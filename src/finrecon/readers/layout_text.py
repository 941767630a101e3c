"""A page text written by ``pdftotext -layout``: lines placed on a grid of characters.

``-layout`` keeps where things stand: each glyph (a CJK one too) takes one character column, a
paragraph's first line is indented, a table's columns are runs of spaces.  It also loses what a
PDF's reader keeps: a cell whose baseline is a little higher is printed on a line of its own (a
row's figures above its code and name, a name's second line below), and a line of a paragraph
printed with a slightly different baseline comes out *before* the line it completes, set apart by
blank lines.  This module reads such a text by its structure:

- **Tables by position.** A table's head is read as stacks of words standing over one another
  (“本年收入合” over “计”); a word over two columns' words is a group's name (“本年支出” over
  小计/基本支出/项目支出); a head word that names no column alone takes the nearest group's name
  that makes one of the template's columns with it (“本年收入” + “预算数”); a bottom line repeating
  its words (预算数 决算数 …) names each column after the group word nearest to it.  A page's
  figures are grouped into columns by where they end (amounts are right-aligned) and the groups
  matched in order to the head's value columns.  A row starts at a 类 or whole code (a coded
  table), at a numbered label or after a label that filled its column (a two-sided table), at one
  of the template's row labels, or wherever figures wait for their label: figures printed on lines
  of their own before a row belong to it, a name's lines after its code finish it, and a name
  printed above a code standing alone goes with that code where the row above already has its
  whole name (the national catalogue's).  Nothing is placed by guess: a figure with no column, or
  two in one cell, leaves the table unread and said so (``printed.unread``).
- **Paragraphs by clause.** A line that ends mid-clause goes on, over a blank line; a line that
  cannot start a clause (“。其中：”, “）”) finishes the one above.  Two lines after a blank line,
  the second ending mid-clause, are read second first where the second is a paragraph's indented
  first line, or where the pair stands apart and its first line cannot start a clause (an amount
  with its unit) or follows a line that ends mid-clause.
- **The rest.** A list under a head of column words (序号 单位名称 备注) is a table; a page between
  two form feeds that prints nothing is a blank page.

``txt.read_txt`` hands a text here where ``is_layout`` says it was written this way.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..catalog import builtin, normalise_name
from ..i18n import Msg
from ..lexicon import CLAUSE_CANNOT_START, CODE_HEAD, CODE_WORD, ITEM_HEAD, LEVELS, NAME_WORD, SENTENCE_END, TOTAL_ROW
from ..template import Template
from .media import Document, TextGrid, WrappedReader, build, grid_of, recognise, stem_of, text_width
from .pdf.flow import NUMBERED, Line, normal
from .source import Limits, LoadError, Place

_GAP = re.compile(r"\S {2,}\S")
_TOKEN = re.compile(r"\S+")
_DECIMAL = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(?:,\d{3})+$")
_INTEGER = re.compile(r"^\d+$")
_BLANKS = frozenset({"-", "—", "－", "/", "／"})
_HEAD_LEFTOVER = frozenset(LEVELS)  # the head's 类 款 项 printed among the rows
_CODE_HEAD = re.compile(CODE_HEAD)  # a code column's head, as the PDF reader's tables take it
_HEAD_LINES, _HEAD_WORDS = 20, 200  # a table's head has a few lines of a few words
# A clause does not begin with an amount and its unit (“603.14万元，占…”, “15.16%；”, “0个）。”) or a
# closing mark: a line that does was cut from the line before it.
_NO_START = re.compile(CLAUSE_CANNOT_START)
# A space ``-layout`` prints between two glyphs where one is a CJK or full-width one: spacing, no word
# break (“其中： 财政拨款”, “2024 年度”); the PDF reader prints none there.
_SPACED = re.compile(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])")
_MID_WORD = re.compile(r"[^。；！？）)”’》】]$")  # a line cut mid-clause: not after a sentence, a bracket or a quote
_CLAUSE_END = tuple(SENTENCE_END)  # a colon announces what follows: no end


def is_layout(text: str) -> bool:
    """Whether a page text was written by ``pdftotext -layout``: many of its lines print words
    apart by runs of spaces (columns), where a plain page text joins them by one space."""
    lines = [line for line in text.splitlines() if line.strip()]
    apart = sum(1 for line in lines if _GAP.search(line.strip()))
    return apart >= 10 and apart * 20 >= len(lines)


# ---------------------------------------------------------------------------------- the document
class Word(NamedTuple):
    """A run of characters on a -layout line and the character columns it takes."""

    start: int
    end: int
    text: str

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


def words_of(raw: str) -> list[Word]:
    return [Word(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(raw.replace("\u3000", " "))]


def layout_lines(pages: list[str]) -> tuple[list[tuple[int, float, Any]], dict[tuple[int, int], str]]:
    """Each page's printed lines as the flow reads them (a line's indent and width kept, its top
    its line number), and each line's raw text by (page, line) for the tables."""
    from .txt import MAX_LINES, _PAGE_NUMBER  # the page texts' shared limits

    blocks: list[tuple[int, float, Any]] = []
    raws: dict[tuple[int, int], str] = {}
    count = 0
    for page_number, page in enumerate(pages, start=1):
        lines = page.splitlines()
        filled = [index for index, raw in enumerate(lines) if raw.strip()]
        for edge in {filled[0], filled[-1]} if filled else ():
            if _PAGE_NUMBER.match(lines[edge].strip().replace(" ", "")):
                lines[edge] = ""  # the page number printed in the margin
        for index, raw in enumerate(lines, start=1):
            count += 1
            if count > MAX_LINES:
                raise LoadError(Msg("txt.too_many_lines", limit=MAX_LINES))
            raw = raw.replace("\t", " ").replace("\u3000", " ").rstrip()
            words = _SPACED.sub("", re.sub(r"\s+", " ", raw.strip()))
            if not words or not normal(words):
                continue
            indent = len(raw) - len(raw.lstrip())
            raws[(page_number, index)] = raw
            line = Line(page_number, index, float(indent), float(text_width(raw)), float(index), 2.0, words)
            blocks.append((page_number, float(index), line))
    return blocks, raws


def read_layout(
    text: str, limits: Limits = Limits(), name: str = "", overrides: dict[str, Any] | None = None, template: str | None = None,
) -> tuple[dict[str, Any], Any]:
    """A ``-layout`` page text → the report tree and its source map, as ``txt.read_txt``."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # the form feed that ends the last page
    if len(pages) > limits.max_pages:
        raise LoadError(Msg("pdf.too_many_pages", pages=len(pages), limit=limits.max_pages))
    blocks, raws = layout_lines(pages)
    document = Document(blocks, None, len(pages), "wrapped", name=stem_of(name), paged=len(pages) > 1)
    spec = recognise(document, requested=template)
    _tables(document, spec, raws)
    _reorder(document)
    tree, source = build(document, spec, overrides=overrides, reader_kind=LayoutReader)
    empty = [number for number, page in enumerate(pages, start=1) if not page.strip()]
    if empty and isinstance(tree.get("printed"), dict):
        tree["printed"]["empty_pages"] = empty  # a page between two form feeds that prints nothing: a blank page
        for index, number in enumerate(empty):
            source.put(("printed", "empty_pages", index), Place(1, 1, number, None))
    return tree, source


# ---------------------------------------------------------------------------------- paragraphs
def _ends_clause(text: str) -> bool:
    return normal(text).endswith(_CLAUSE_END)


def _reorder(document: Document) -> None:
    """Lines that ``-layout`` printed in the wrong order, put back.  Two lines after a blank line,
    the second ending mid-clause, are read second line first (the first finishes the second)
    where the second is indented (a paragraph's first line) and the first not, or where the pair
    stands apart below too and its first line cannot start a clause (an amount with its unit, a
    closing mark) or follows a line that ends mid-clause."""
    blocks = document.blocks
    indents = Counter(round(line.x0) for line in document.lines() if line.x0 >= 2)
    indent = min(indents, key=lambda x: (-indents[x], x)) if indents else 2  # a paragraph's first line, as most are
    index = 1
    while index + 1 < len(blocks):
        before, first, second = blocks[index - 1][2], blocks[index][2], blocks[index + 1][2]
        after = blocks[index + 2][2] if index + 2 < len(blocks) else None
        if (
            isinstance(before, Line) and isinstance(first, Line) and isinstance(second, Line)
            and before.page == first.page == second.page
            and first.top - before.top > 1 and second.top == first.top + 1  # apart above, together
            and first.x0 < 2 and not NUMBERED.match(normal(first.text)) and not NUMBERED.match(normal(second.text))
            and _MID_WORD.search(normal(second.text)) is not None and _NO_START.match(normal(second.text)) is None
            and (
                2 <= second.x0 <= indent + 4  # a paragraph's indented first line, printed after the line that goes on with it
                or (
                    (not isinstance(after, Line) or after.page != second.page or after.top - second.top > 1)  # apart below
                    and (_NO_START.match(normal(first.text)) is not None or not (_ends_clause(before.text) or NUMBERED.match(normal(before.text))))
                )
            )
        ):
            first.top, second.top = second.top, first.top
            blocks[index], blocks[index + 1] = (second.page, second.top, second), (first.page, first.top, first)
            index += 2
            continue
        index += 1


class LayoutReader(WrappedReader):
    """A ``-layout`` text's paragraphs: a line that ends mid-clause goes on (over a blank line,
    which is ``-layout``'s jitter); after a clause's end, a new paragraph starts indented or after
    a line short of the margin; a line that cannot start a clause (“。其中：”) never starts one."""

    def is_residue(self, line: Line) -> bool:
        """As a page text's, save a line of closing marks (“）”): the end of the line above, set lower."""
        return _NO_START.match(normal(line.text)) is None and super().is_residue(line)

    def continues_heading(self, line: Line, heading: Line) -> bool:
        """A short indented line right under a heading, with no clause's end, finishes it
        (“第三部分…决算情况” / “说明”): ``-layout`` keeps no centre to compare."""
        words = normal(line.text)
        if line.page == heading.page and 0 < line.top - heading.top <= 2 and not NUMBERED.sub("", normal(heading.text), count=1):
            return not NUMBERED.match(words)  # “（一）” alone, its words on the next line
        return (
            line.page == heading.page and 0 < line.top - heading.top <= 2 and line.x0 >= 2 * line.size
            and len(words) <= 12 and not NUMBERED.match(words) and not _ends_clause(words)
        )

    def starts_paragraph(self, line: Line, previous: Line | None, left: float, right: float) -> bool:
        if previous is None or NUMBERED.match(normal(line.text)):
            return True
        if _NO_START.match(normal(line.text)):
            return False  # “。其中：” under a line: the rest of that line, set lower
        full = max(right, self.full)
        reached = previous.x1 >= full - 2 * previous.size
        if not _ends_clause(previous.text):
            return line.x0 > left + 0.8 * line.size and not reached  # an indented line after one that stopped short
        if line.x0 > left + 0.8 * line.size:
            return True  # indented: a paragraph's first line
        return not reached  # a blank line alone is the text's jitter, not a paragraph's end


# ---------------------------------------------------------------------------------- tables
def _tables(document: Document, spec: Template, raws: dict[tuple[int, int], str]) -> None:
    """Each table title's following lines → grids read by position (``txt.gather_tables``' walk);
    a line of column words starts a table the template does not define (``_loose``)."""
    from .txt import _ends_table, gather_tables

    def ends(line: Line, *words: Any) -> bool:
        return _ends_table_here(line, raws, *words, _ends_table)

    def other(line: Line, index: int, out: list[Any]) -> int | None:
        if not _is_column_head(raws[(line.page, line.number)]):
            return None
        return _loose(document.blocks, index, line, out, raws)

    out, found = gather_tables(document, spec, ends, other)
    for position, key, _, body in reversed(found):
        grids = table_grids([(line, raws[(line.page, line.number)]) for line in body], spec.tables[key].spec())
        if any(grid.unplaced for grid in grids):
            document.unread_lines[:0] = [line for line in body if any(_is_amount(word.text) for word in words_of(raws[(line.page, line.number)]))]
        out[position:position + 1] = [(grid.page, grid.ys[0], grid) for grid in grids]
    document.blocks = out


_HEAD_WORD = re.compile(rf"^[^\d，。；：:,;、（）()“”\"]{{1,8}}$")


def _is_column_head(raw: str) -> bool:
    """A line of short words apart by columns of spaces (“序号   单位名称   备注”): the head of a
    table the template does not define, such as the list of the department's units."""
    parts = re.split(r"\s{2,}", raw.strip())
    return 2 <= len(parts) <= 12 and all(_HEAD_WORD.match(part) for part in parts) and not NUMBERED.match(parts[0])


def _loose(blocks: list[tuple[int, float, Any]], index: int, head: Line, out: list[tuple[int, float, Any]], raws: dict[tuple[int, int], str]) -> int:
    """A table the template does not define (its head a line of column words): the lines right
    under it, each word in the column of the head word nearest to it; a grid, as a PDF reads it,
    never paragraphs (“2 上海市…财政所 预算不单列，并入本级” is no sentence)."""
    columns = [Word(match.start(), match.end(), match.group()) for match in re.finditer(r"\S+(?: \S+)*", raws[(head.page, head.number)])]
    body: list[Line] = []
    last = head
    right = columns[-1].end + 12
    while index < len(blocks):
        candidate = blocks[index][2]
        if (
            not isinstance(candidate, Line) or candidate.page != head.page or candidate.top - last.top > 2
            or NUMBERED.match(normal(candidate.text)) or len(raws[(candidate.page, candidate.number)]) > right
        ):
            break  # a row stands right under the one before (a blank line between at most), within the head's width
        body.append(candidate)
        last = candidate
        index += 1
    if not body:
        return index
    rows = [[(column.text, 1, head.number) for column in columns]]
    lines = [_phrases(words_of(raws[(line.page, line.number)])) for line in body]
    # a column's words start where its head starts, or a little left of it (left-aligned under a
    # centred head): the start positions, grouped, are matched in order to the heads
    starts = sorted({word.start for words in lines for word in words})
    groups: list[list[int]] = []
    for start in starts:
        if groups and start - groups[-1][-1] <= 1:
            groups[-1].append(start)
        else:
            groups.append([start])
    where: dict[int, int] = {}
    if len(groups) <= len(columns):
        for group, column in zip(groups, in_order([sum(group) / len(group) for group in groups], [float(column.start) for column in columns])):
            where.update({start: column for start in group})
    for line, words in zip(body, lines):
        cells = [""] * len(columns)
        for word in words:
            nearest = where.get(word.start)
            if nearest is None:
                nearest = min(range(len(columns)), key=lambda column: abs(columns[column].middle - word.middle))
            cells[nearest] += word.text
        if not cells[0] and len(rows) > 1:  # nothing under the first column: the row above, its words wrapped
            rows[-1] = [(text + more, 1, at or (line.number if more else 0)) for (text, _, at), more in zip(rows[-1], cells)]
            continue
        rows.append([(text, 1, line.number if text else 0) for text in cells])
    out.pop()  # the head is the grid's first row
    out.append((head.page, head.top - 0.5, grid_of(head.page, rows, top=head.top - 0.5)))
    return index


def _phrases(words: list[Word]) -> list[Word]:
    """Words one space apart where one is in Latin letters (“上海市 XX 局”): one phrase, the space
    being ``-layout``'s spacing between scripts."""
    out: list[Word] = []
    for word in words:
        if out and word.start - out[-1].end == 1 and (_LATIN.match(word.text) or _LATIN.match(out[-1].text.split(" ")[-1])):
            out[-1] = Word(out[-1].start, word.end, f"{out[-1].text} {word.text}")
        else:
            out.append(word)
    return out


_LATIN = re.compile(r"^[A-Za-z]+$")


def _ends_table_here(line: Line, raws: dict[tuple[int, int], str], titles: Any, parts: Any, headings: Any, ends_table: Any) -> bool:
    """A table's lines end at a note, a title, a part or a heading, as in ``txt``; a label of a row
    (words apart by columns of spaces) never ends it."""
    from .txt import _STOP  # a note under the table: “注：…”

    if len(re.split(r"\s{2,}", raws[(line.page, line.number)].strip())) > 1 and not _STOP.match(normal(line.text)):
        return False
    return bool(ends_table(line.text, titles, parts, headings))


def _is_amount(text: str) -> bool:
    return _DECIMAL.match(text) is not None


@dataclass
class _Column:
    name: str
    start: int
    end: int
    top: int = 0  # the head's line its name starts on

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


@dataclass
class _Head:
    """A table's head as read: its value columns (named, in print order) and label columns."""

    values: list[_Column]
    labels: list[_Column]


def _field(spec: dict[str, Any], header: str) -> str | None:
    for pattern, target in (spec.get("columns") or {}).items():
        if re.search(pattern, header):
            return target
    return None


def read_head(lines: list[list[Word]], spec: dict[str, Any]) -> _Head:
    """The columns a head's lines name.  A bottom line repeating its words names each column after
    the nearest group word above it; else the words standing over one another make one name."""
    columns: list[_Column] = []
    for position, words in enumerate(lines):
        texts = [word.text for word in words]
        repeated = [text for text in texts if texts.count(text) >= 3 and len(text) >= 2]
        if len(repeated) >= 4 and 3 * len(repeated) >= 2 * len(texts):  # 预算数 决算数 预算数 决算数 …
            above = [word for line in lines[:position] for word in line]
            groups = [word for word in above if sum(word.start <= leaf.middle <= word.end for leaf in words) < 2]
            for leaf in words:
                nearest = min(groups, key=lambda word: (_distance(word, leaf.middle), -lines.index(next(line for line in lines if word in line))), default=None)
                columns.append(_Column((nearest.text if nearest else "") + leaf.text, leaf.start, leaf.end))
            break
    else:
        columns = [_named(column, lines, spec) for column in _stacks(lines)]
    columns.sort(key=lambda column: column.middle)
    values = [column for column in columns if _field(spec, normal(column.name)) is not None]
    labels = [column for column in columns if column not in values]
    return _Head(values, labels)


def _named(column: _Column, lines: list[list[Word]], spec: dict[str, Any]) -> _Column:
    """A head word that names no column alone (“预算数”, “合计”) under a group's name that
    ``-layout`` set off-centre (“本年收入”, ““三公”经费预算数”): named after the nearest word above
    it whose name with it is one of the template's columns; a label column's head stays as it is."""
    words = normal(column.name)
    if _field(spec, words) is not None or _CODE_HEAD.search(words) or words.endswith((ITEM_HEAD, NAME_WORD)):
        return column
    above = sorted(
        (word for line in lines[: column.top] for word in line),
        key=lambda word: max(word.start - column.end, column.start - word.end, 0),
    )
    for word in above:
        if _field(spec, normal(word.text + column.name)) is not None:
            return _Column(word.text + column.name, column.start, column.end, column.top)
    return column


def _distance(word: Word, x: float) -> float:
    return 0.0 if word.start <= x <= word.end else min(abs(word.start - x), abs(word.end - x))


def _stacks(lines: list[list[Word]]) -> list[_Column]:
    """Words over one another (their character columns overlap) make one column's name, top to
    bottom; a word over two words of one line (a group's name) joins none."""
    every = [(row, word) for row, words in enumerate(lines) for word in words]

    def overlaps(a: Word, b: Word) -> bool:
        return a.start < b.end and b.start < a.end

    def is_group(row: int, word: Word) -> bool:
        """Over two columns: the words under it that it overlaps fall apart in two or more runs."""
        under = sorted((other for other_row, words in enumerate(lines) if other_row > row for other in words if overlaps(word, other)), key=lambda other: other.start)
        runs, reach = 0, -1
        for other in under:
            if other.start >= reach:
                runs += 1
            reach = max(reach, other.end)
        return runs >= 2

    groups = {index for index, (row, word) in enumerate(every) if is_group(row, word)}
    parent = list(range(len(every)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a in range(len(every)):
        for b in range(a + 1, len(every)):
            if a in groups or b in groups or every[a][0] == every[b][0]:
                continue
            if overlaps(every[a][1], every[b][1]):
                parent[find(a)] = find(b)
    members: dict[int, list[tuple[int, Word]]] = {}
    for index, item in enumerate(every):
        if index not in groups:
            members.setdefault(find(index), []).append(item)
    columns = []
    for items in members.values():
        items.sort(key=lambda item: (item[0], item[1].start))
        columns.append(_Column("".join(word.text for _, word in items), min(word.start for _, word in items), max(word.end for _, word in items), items[0][0]))
    return columns


def _is_head_line(words: list[Word]) -> bool:
    """A line above the table's first row: no amount, no 类 code first."""
    return not any(_is_amount(word.text) for word in words) and not (words and _INTEGER.match(words[0].text) and len(words[0].text) == 3)


def table_grids(body: list[tuple[Line, str]], spec: dict[str, Any]) -> list[TextGrid]:
    """One grid per page of a ``-layout`` table's lines (each with its raw text), read by position."""
    shape = spec.get("shape")
    pages: dict[int, list[tuple[Line, str]]] = {}
    for line, raw in body:
        pages.setdefault(line.page, []).append((line, raw))
    grids: list[TextGrid] = []
    head: _Head | None = None
    for page, lines in pages.items():
        top = lines[0][0].top - 0.5
        parsed = [(line, words_of(raw)) for line, raw in lines]
        start = 0
        while start < len(parsed) and _is_head_line(parsed[start][1]) and not _starts_data(parsed[start][1], shape):
            start += 1
        head_words = [words for _, words in parsed[:start]]
        if start > _HEAD_LINES or sum(map(len, head_words)) > _HEAD_WORDS:
            head_words = []  # no table's head: left unread, never searched at length
        found = read_head(head_words, spec) if head_words else None
        if found is not None and found.values:
            head = found
        else:
            start = 0  # a page that goes on with the table: no head, its first lines are rows
        data = parsed[start:]
        grid = grid_of(page, [], top=top)
        if head is None:
            if any(_is_amount(word.text) for _, words in data for word in words):
                grid.unplaced.append((page, " ".join(line.text for line, _ in lines[:3])[:60], "header"))
            grids.append(grid)
            continue
        try:
            rows = _rows(data, head, spec)
        except _Unplaced as problem:
            grid.unplaced.append((page, str(problem), "figures"))
            grids.append(grid)
            continue
        grid = grid_of(page, rows, top=top)
        grids.append(grid)
    if any(grid.unplaced for grid in grids):
        problems = [problem for grid in grids for problem in grid.unplaced]
        grids = [grid_of(grid.page, [], top=grid.ys[0]) for grid in grids]
        grids[0].unplaced = problems
    return grids


def _starts_data(words: list[Word], shape: str | None) -> bool:
    """A line of the table's body, not of its head: a numbered label (a two-sided table's rows)."""
    return bool(words) and shape == "sides" and NUMBERED.match(words[0].text) is not None and len(words[0].text) > 4


class _Unplaced(Exception):
    pass


def _rows(data: list[tuple[Line, list[Word]]], head: _Head, spec: dict[str, Any]) -> list[list[tuple[str, int, int]]]:
    """The rows of one page: a header row naming the columns, then each row's label and figures."""
    shape = spec.get("shape")
    halves = _halves(data, head, shape)
    header: list[tuple[str, int, int]] = []
    half_rows: list[list[list[tuple[str, int, int]]]] = []
    for low, high, columns in halves:
        cut = [(line, [word for word in words if low <= word.start < high]) for line, words in data]
        value_start = min((column.start for column in columns), default=high) - 2
        if shape == "coded":
            header += [(CODE_WORD, 1, 0), (NAME_WORD, 1, 0)]
        elif shape == "sides":
            header += [(ITEM_HEAD, 1, 0)]
        header += [(column.name, 1, 0) for column in columns]
        half_rows.append(_half_rows(cut, columns, spec, value_start))
    rows: list[list[tuple[str, int, int]]] = [header]
    if shape == "row":
        rows += [row for row in half_rows[0] if any(text for text, _, _ in row)]
        return rows
    for index in range(max((len(found) for found in half_rows), default=0)):
        row: list[tuple[str, int, int]] = []
        for (_, _, columns), found in zip(halves, half_rows):
            width = len(columns) + (2 if shape == "coded" else 1)
            row += found[index] if index < len(found) else [("", 1, 0)] * width
        rows.append(row)
    return rows


def _halves(data: list[tuple[Line, list[Word]]], head: _Head, shape: str | None) -> list[tuple[int, int, list[_Column]]]:
    """The halves of a table printed side by side, each as (first column, end, value columns)."""
    heads = [column for column in head.labels if normal(column.name).endswith(ITEM_HEAD)] if shape == "sides" else [
        column for column in head.labels if _CODE_HEAD.search(normal(column.name))
    ]
    marks: list[_Column] = []  # where each half starts: its first label head, and each one after a value column
    for column in heads:
        if not marks or any(marks[-1].middle < value.middle < column.middle for value in head.values):
            marks.append(column)
    if len(marks) < 2 or shape == "row":
        return [(0, 1 << 30, head.values)]
    first_values = [column for column in head.values if column.middle < marks[1].start]
    left_middle = max((column.middle for column in first_values), default=marks[1].start - 1)
    starts = [word.start for _, words in data for word in words if word.start > left_middle and not _is_amount(word.text) and word.text not in _HEAD_LEFTOVER]
    boundary = min(starts, default=marks[1].start)
    return [(0, boundary, [column for column in head.values if column.middle < boundary]), (boundary, 1 << 30, [column for column in head.values if column.middle >= boundary])]


def _half_rows(lines: list[tuple[Line, list[Word]]], columns: list[_Column], spec: dict[str, Any], value_start: int) -> list[list[tuple[str, int, int]]]:
    """One half's rows: (code, name | label, then a cell per value column)."""
    shape = spec.get("shape")
    coded = shape == "coded"

    if coded:
        lines = [(line, [part for word in words for part in _unglued(word)]) for line, words in lines]
    figure_ids: set[int] = set()
    for _, words in lines:
        after_amount = False  # a label comes before a row's figures: an integer after an amount is a figure
        for word in words:
            if _is_amount(word.text) or word.text in _BLANKS or (_INTEGER.match(word.text) is not None and (word.start >= value_start or after_amount)):
                figure_ids.add(id(word))
            after_amount = after_amount or _is_amount(word.text)

    def is_figure(word: Word) -> bool:
        return id(word) in figure_ids

    own_rows = [re.compile(pattern) for pattern in (*(spec.get("labels") or {}), spec.get("total", TOTAL_ROW))]
    figures = [(line, word) for line, words in lines for word in words if is_figure(word)]
    mapping = _column_map([word for _, word in figures], columns)
    label_words = [[word for word in words if not is_figure(word)] for _, words in lines]
    widest = max((len("".join(word.text for word in words)) for words in label_words if words), default=0)
    rows: list[dict[str, Any]] = []
    pending: list[tuple[Line, Word]] = []
    last_label_width = 0
    for position, ((line, words), labels) in enumerate(zip(lines, label_words)):
        if not words:
            continue
        found = [(line, word) for word in words if is_figure(word)]
        if labels and all(word.text in _HEAD_LEFTOVER for word in labels) and not found:
            continue  # the head's 类 款 项 printed among the rows
        if shape == "row" and found:
            rows.append({"codes": [], "name": [], "at": line.number, "figures": found})  # a row of figures only
            continue
        if not labels:
            pending += found
            continue
        text = "".join(word.text for word in labels)
        if coded:
            coded_here = _is_code(labels[0].text) and len(labels[0].text) >= 3  # a 类 or a whole code starts a row; a 款 or 项 goes on
            coded_here = coded_here or _PLACEHOLDER.match(text) is not None or any(pattern.search(normal(text)) for pattern in own_rows)
            if coded_here and rows and rows[-1].get("waits") and not pending and not found:
                rows[-1]["waits"] = False  # the code printed midway down its wrapped name
                new = False
            else:
                new = bool(pending or found) or coded_here or not rows
            if not new and not coded_here and not rows[-1].get("waits") and _name_before_code(lines, label_words, position, rows[-1]):
                new = True
                waits = True
            else:
                waits = False
        else:
            new = bool(pending or found) or not rows or NUMBERED.match(text) is not None or last_label_width < widest
        if new:
            rows.append({"codes": [], "name": [], "at": line.number, "figures": [], "waits": coded and waits})
        row = rows[-1]
        for index, word in enumerate(labels):
            if coded and _is_code(word.text) and (len(word.text) >= 2 or (index and _is_code(labels[index - 1].text))):
                row["codes"].append(word.text)  # a 类, 款 or 项 code (“302”, then “01” on the name's line)
            else:
                row["name"].append(word.text)
        row["figures"] += pending + found
        pending = []
        last_label_width = len(text)
    if pending:
        raise _Unplaced(Msg("txt.unplaced", rows=1, columns=len(columns), first=" ".join(word.text for _, word in pending)).render("zh"))
    out: list[list[tuple[str, int, int]]] = []
    for row in rows:
        cells: list[tuple[str, int, int]] = [("", 1, 0)] * len(columns)
        for line, word in row["figures"]:
            column = mapping[id(word)]
            if cells[column][0]:
                raise _Unplaced(Msg("txt.unplaced", rows=1, columns=len(columns), first=line.text).render("zh"))
            cells[column] = (word.text, 1, line.number)
        codes = [code if index == 0 or len(code) > 1 else "0" + code for index, code in enumerate(row["codes"])]  # “301 2”: 款 02
        label = [("".join(codes), 1, row["at"]), ("".join(row["name"]), 1, row["at"])] if coded else [("".join(row["codes"] + row["name"]), 1, row["at"])]
        out.append((label if shape != "row" else []) + cells)
    return out


_PLACEHOLDER = re.compile(r"^[…⋯.·]+$")  # the blank template's “…  …” rows
_GLUED_CODE = re.compile(r"^(\d{3,7})([^\d.,%].*)$")  # “30207邮电费”


def _is_code(text: str) -> bool:
    """A 科目 code as the tables print it: a level's digits (a 款 or 项 may lose its leading zero,
    “2” for 02), or a whole code of five or seven (“2050205”)."""
    return _INTEGER.match(text) is not None and len(text) <= 7


def _unglued(word: Word) -> list[Word]:
    glued = _GLUED_CODE.match(word.text)
    if glued is None:
        return [word]
    cut = word.start + len(glued.group(1))
    return [Word(word.start, cut, glued.group(1)), Word(cut, word.end, glued.group(2))]


@functools.cache
def _catalogue_names() -> dict[str, str]:
    return {code: normalise_name(entry.name) for code, entry in builtin().entries.items()}


def _name_before_code(lines: list[tuple[Line, list[Word]]], label_words: list[list[Word]], position: int, row: dict[str, Any]) -> bool:
    """Whether a name line with no code starts the next row, whose code is printed below it (the
    code stands midway down a wrapped name): the next line prints a code, alone or the row above
    has its whole name already (the national catalogue's name of its code)."""
    line, labels = lines[position][0], label_words[position]
    after = next(((other, words, found) for (other, words), found in zip(lines[position + 1 : position + 4], label_words[position + 1 : position + 4]) if words), None)
    if after is None or not row["name"] or any(_is_code(word.text) for word in labels):
        return False  # a row still without its name takes this one; a line with a 款 code goes on with its row
    other, words, following = after
    if other.top != line.top + 1 or len(words) != len(following) or not following or not _is_code(following[0].text) or len(following[0].text) < 3:
        return False  # the code right under it, with no figure
    known = _catalogue_names().get("".join(row["codes"]))
    if known is not None:
        return normalise_name("".join(row["name"])) == known
    return all(_is_code(word.text) for word in following)


def in_order(values: list[float], targets: list[float]) -> list[int]:
    """Each of ``values`` (ascending) matched to one of ``targets`` (ascending, at least as many),
    order kept, the total distance least: which target each value takes."""
    k, n = len(values), len(targets)
    cost = [[float("inf")] * (n + 1) for _ in range(k + 1)]
    choice: dict[tuple[int, int], bool] = {}
    cost[0] = [0.0] * (n + 1)
    for i in range(1, k + 1):
        for j in range(i, n + 1):
            take = cost[i - 1][j - 1] + abs(values[i - 1] - targets[j - 1])
            skip = cost[i][j - 1]
            cost[i][j], choice[(i, j)] = (take, True) if take <= skip else (skip, False)
    found = [0] * k
    i, j = k, n
    while i > 0:
        if choice.get((i, j)):
            found[i - 1] = j - 1
            i -= 1
        j -= 1
    return found


def _column_map(figures: list[Word], columns: list[_Column]) -> dict[int, int]:
    """Each figure's value column: the figures grouped by where they end (amounts are
    right-aligned), the groups matched in order to the head's columns, nearest in all."""
    if not figures:
        return {}
    ordered = sorted(figures, key=lambda word: word.end)
    clusters: list[list[Word]] = [[ordered[0]]]
    for word in ordered[1:]:
        if word.end - clusters[-1][-1].end > 3:
            clusters.append([])
        clusters[-1].append(word)
    if len(clusters) > len(columns):
        raise _Unplaced(Msg("txt.unplaced", rows=len(figures), columns=len(columns), first=" ".join(word.text for word in figures[:4])).render("zh"))
    middles = [sum(word.middle for word in cluster) / len(cluster) for cluster in clusters]
    mapping: dict[int, int] = {}
    for cluster, column in zip(clusters, in_order(middles, [column.middle for column in columns])):
        for word in cluster:
            mapping[id(word)] = column
    return mapping
