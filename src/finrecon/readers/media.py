"""What the readers of drafts, web pages and page texts share with the PDF reader.

A Word file, a workbook, a web page and a page text give their words and tables in print order;
each reader turns them into the PDF reader's text lines and grids of cells, and from there on a
report is read as a PDF is: the same flow (cover, contents, headings, paragraphs — ``pdf/flow.py``),
the same table binding by the template's table definitions (``pdf/tables.py``), the same tree
(``pdf.Builder``).  Only where things were printed differs: a medium numbers its lines and cells
in print order, and its source map gives each number the medium's own name for the place
(“收入决算表!C7”, “paragraph 12”, “table 3 row 5”, “L54 /html/body/div/p[45]” — in no language:
``i18n.place_label`` words them for the reader), or, for a page text, its
page and line.

A medium that carries no tables at all (a page text or web page with only the 情况说明) lacks no
table: each table of the template is reported as not checked (``printed.unread``, kind
``absent``), so that no rule takes it for missing and nobody takes it for checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..i18n import Msg
from ..lexicon import IDEOGRAPH, MONEY_UNIT_LABEL, NOTE_MARK, SENTENCE_END, TEXT_PARTS, UNIT_NAME
from ..template import Template, TemplateError, choose, templates
from .pdf import Builder, PdfSource, template_for
from .pdf.flow import NUMBERED, Line, Piece, Reader, is_entry, normal
from .pdf.grid import Grid, TextCell
from .source import LoadError, Place, PrintedLine, TreePath
from .tree import kind_mismatch

Block = tuple[int, float, "Line | Grid"]
_IDEOGRAPH = re.compile(IDEOGRAPH)


# ---------------------------------------------------------------------------------- places
class MediaSource(PdfSource):
    """Places in a medium: the reader numbers every line and cell in print order (``Line.number``,
    ``TextCell.at``); ``labels`` names each number as the medium does.  Without labels (a page
    text) a place is a page and a line, as in a PDF."""

    def __init__(self, labels: dict[int, str] | None = None, first_lines: list[int] | None = None) -> None:
        super().__init__()
        self.labels = labels
        self.first_lines = first_lines or []  # a page text: the file's line each page starts on

    def place(self, loc: TreePath, offset: int | None = None) -> Place:
        found = super().place(loc, offset)
        if found.page is not None and 0 < found.page <= len(self.first_lines):
            return found._replace(file_line=self.first_lines[found.page - 1] + max(found.line, 1) - 1)
        return found

    def _named(self, place: Place) -> Place:
        if self.labels is None:
            return place
        return Place(place.line, place.column, None, place.excerpt, label=self.labels.get(place.line))

    def put(self, loc: TreePath, place: Place) -> None:
        super().put(loc, self._named(place))

    def put_text(self, loc: TreePath, piece: Piece) -> None:
        lines = [(offset, self._named(Place(line.number, 1, line.page, line.text))) for offset, line in piece.lines]
        if lines:
            self.places[loc] = lines[0][1]
            self.texts[loc] = lines


# ---------------------------------------------------------------------------------- lines and grids
MAX_BLOCKS = 100_000  # paragraphs and tables of one document: a report has a few hundred


def add_block(blocks: list[Block], block: Block) -> None:
    """One more paragraph or table, refused past ``MAX_BLOCKS`` (a page of millions of paragraphs)."""
    if len(blocks) >= MAX_BLOCKS:
        raise LoadError(Msg("media.too_many_blocks", limit=MAX_BLOCKS))
    blocks.append(block)


def whole_line(number: int, text: str, page: int = 1) -> Line:
    """A paragraph a medium gives whole (a Word paragraph, a web page's <p>): one line of the flow."""
    return Line(page, number, 0.0, 0.0, float(number), 1.0, text)


class TextGrid(Grid):
    """A table a medium gives as rows of cells; ``unplaced``: rows it could not put in columns."""

    def __init__(self, page: int, rows: list[list[TextCell]], columns: int, unplaced: list[tuple[int, str, str]] | None = None):
        super().__init__(page, [float(x) for x in range(columns + 1)], [float(y) for y in range(len(rows) + 1)], rows)  # type: ignore[arg-type]
        self.unplaced = unplaced or []


def grid_of(page: int, rows: Sequence[Sequence[tuple[str, int, int]]], top: float = 0.0) -> TextGrid:
    """A grid from rows of (text, span, place number) cells, spans counted in atomic columns.

    Rows shorter than the widest are padded with empty cells, so that every column is spanned.
    """
    width = max((sum(max(span, 1) for _, span, _ in row) for row in rows), default=0)
    grid_rows: list[list[TextCell]] = []
    for index, row in enumerate(rows):
        cells: list[TextCell] = []
        column = 0
        for text, span, at in row:
            span = max(span, 1)
            cells.append(TextCell(index, column, column + span - 1, words=text, at=at))
            column += span
        while column < width:
            cells.append(TextCell(index, column, column, words="", at=0))
            column += 1
        grid_rows.append(cells)
    grid = TextGrid(page, grid_rows, width)
    grid.ys = [top + y for y in grid.ys]
    return grid


_BESIDE_TITLE = re.compile(f"{Template.model_fields['compiler'].default}|^[（(]?{MONEY_UNIT_LABEL}")


def title_rows(rows: Sequence[Sequence[tuple[str, int, int]]]) -> tuple[list[tuple[str, int]], list[Sequence[tuple[str, int, int]]]]:
    """A table's first rows that print one thing across the table (its title) or who compiled it
    and in what unit: lines above the table, as a PDF prints them; and the rows below them."""
    lines: list[tuple[str, int]] = []
    for index, row in enumerate(rows):
        texts = [(text, at) for text, _, at in row if text.strip()]
        distinct = list(dict.fromkeys(text for text, _ in texts))
        if not texts:
            if lines:
                continue
            return lines, list(rows[index:])
        if len(distinct) == 1 or all(_BESIDE_TITLE.search(normal(text)) for text in distinct):
            lines.append((" ".join(distinct), texts[0][1]))
            continue
        return lines, list(rows[index:])
    return lines, []


def note_rows(rows: list[Sequence[tuple[str, int, int]]]) -> tuple[list[Sequence[tuple[str, int, int]]], list[tuple[str, int]]]:
    """A table's last rows that print one note across it (“注：本表…”): lines below the table."""
    notes: list[tuple[str, int]] = []
    end = len(rows)
    while end > 0:
        texts = [(text, at) for text, _, at in rows[end - 1] if text.strip()]
        if len(texts) == 1 and (re.match(NOTE_MARK, texts[0][0].strip()) or (len(texts[0][0]) > 20 and not re.search(r"\d", texts[0][0]))):
            notes.insert(0, texts[0])
            end -= 1
        else:
            break
    return list(rows[:end]), notes


def table_blocks(page: int, rows: Sequence[Sequence[tuple[str, int, int]]], blocks: list[Block]) -> None:
    """A medium's table as the PDF reader sees one: the lines above it, its grid, the notes below."""
    lines, body = title_rows(rows)
    body, notes = note_rows(body)
    for text, at in lines:
        add_block(blocks, (page, float(len(blocks)), whole_line(at, text, page)))
    if body:
        add_block(blocks, (page, float(len(blocks)), grid_of(page, body, top=float(len(blocks)))))
    for text, at in notes:
        add_block(blocks, (page, float(len(blocks)), whole_line(at, text, page)))


# ---------------------------------------------------------------------------------- the flow
class WholeReader(Reader):
    """Paragraphs a medium gives whole: every line is a paragraph or a heading of its own, and the
    cover ends at the first part, heading or table title (a draft has no cover page to end it)."""

    def starts_paragraph(self, line: Line, previous: Line | None, left: float, right: float) -> bool:
        return True

    def continues_heading(self, line: Line, heading: Line) -> bool:
        return False

    def runs_on(self, line: Line, next_line: Line | None, right: float) -> bool:
        return False

    def ends_cover(self, line: Line) -> bool:
        words = normal(line.text)
        return any(pattern.search(words) for pattern in self.part_patterns) or self.table_of(line.text) is not None or bool(
            NUMBERED.match(words) and len(words) > 2
        )

    def ends_contents(self, words: str, first_entry: str | None) -> bool:
        return first_entry is not None and (words == first_entry or not is_entry(words))


# A short line of words with no punctuation at all: a title, never the end of a sentence.
_TITLE_LINE = re.compile(r"[^\d，。；：、,.;:！？!?（）()“”\"'《》\s]{2,20}")


class WrappedReader(Reader):
    """A page text: the PDF's lines without their positions.  A line's width (CJK characters count
    two) stands for where it ends; a new paragraph starts numbered, after a blank line, or after a
    line that ends a sentence short of the full width."""

    paged = True  # form feeds separate its pages: the first page is the cover
    full: float = 0.0  # the width of a full line of the text

    def starts_paragraph(self, line: Line, previous: Line | None, left: float, right: float) -> bool:
        if previous is None or NUMBERED.match(normal(line.text)):
            return True
        if line.page == previous.page and line.top - previous.top > 1:
            return True  # a blank line between
        full = max(right, self.full)
        if _TITLE_LINE.fullmatch(normal(line.text)):
            return True  # a title (an annex's “政协业务项目”) after a paragraph: never part of it
        if previous.x1 >= full - 2 * previous.size:
            return False  # the line before reached the margin: this one goes on with it
        # Short of the margin where a sentence ended: the paragraph ended there.  (A line that broke
        # early before a number or a bracket goes on, as in a PDF; so does one ending in a colon,
        # which announces what follows — “主要原因：” at the foot of a page.)
        return normal(previous.text).endswith(("。", "；", "！", "？"))

    def continues_heading(self, line: Line, heading: Line) -> bool:
        words = normal(line.text)
        return line.page == heading.page and heading.x1 >= self.full - 2 * heading.size and len(words) <= 12 and not NUMBERED.match(words)

    def is_residue(self, line: Line) -> bool:
        """What a chart or picture leaves in a page text (“519”, “2019%”, “[image: image4.png]520”): a
        line with no ideograph, no number of an item and no sentence end.  Not a paragraph: its
        numbers stay printed and unread (coverage), and no sentence rule reads it."""
        words = normal(line.text)
        return bool(words) and _IDEOGRAPH.search(words) is None and not NUMBERED.match(words) and not any(mark in words for mark in SENTENCE_END)

    def ends_cover(self, line: Line) -> bool:
        if self.paged:
            return False
        return WholeReader.ends_cover(self, line)  # type: ignore[arg-type]

    def ends_contents(self, words: str, first_entry: str | None) -> bool:
        return not self.paged and WholeReader.ends_contents(self, words, first_entry)  # type: ignore[arg-type]


def stem_of(name: str) -> str:
    """A file's name without its folder and suffix: the unit, where nothing prints one."""
    base = re.split(r"[\\/]", name)[-1]
    return base.rsplit(".", 1)[0] if "." in base else base


def text_width(text: str) -> int:
    """A line's width in half-width characters: a CJK or full-width character (three bytes in
    UTF-8) counts two, an ASCII one one (counted by the encoder, not character by character)."""
    return len(text) + (len(text.encode("utf-8", "surrogatepass")) - len(text)) // 2


# ---------------------------------------------------------------------------------- the report
@dataclass
class Document:
    """What a medium's reader found: its lines and grids in print order, how its places are named,
    and what it could not read (``unread``: page, what, why)."""

    blocks: list[Block]
    labels: dict[int, str] | None = None
    pages: int = 1
    kind: str = "whole"  # whole: paragraphs given whole; wrapped: a page text's lines
    unread: list[dict[str, Any]] = field(default_factory=list)
    name: str = ""  # the file's name without its suffix: the unit, where nothing prints one
    paged: bool = True
    unread_lines: list[Line] = field(default_factory=list)  # the lines of a table left unread: printed, counted by coverage
    first_lines: list[int] = field(default_factory=list)  # a page text: the file's line each page starts on (page line 1)
    forms: int = 0  # the forms taken out of its lines before the flow reads them (readers/forms.py): read, and checked

    def lines(self) -> list[Line]:
        return [item for _, _, item in self.blocks if isinstance(item, Line)]


def recognise(document: Document, limit: int = 80, requested: str | None = None) -> Template:
    """The template of a document: the first whose cover words its cover prints (the first page
    where it has pages, else the lines before its first part or numbered heading); where it has
    no cover (a workbook of tables, a text that starts at 第一部分), the template whose headings
    and table titles it prints most; else the first whose cover words any of its lines print."""
    lines = document.lines()
    chosen = None
    if requested:  # --template
        try:
            chosen = choose(requested)
        except TemplateError as error:
            raise LoadError(Msg("load.template", problem=str(error))) from None
    if document.paged and document.kind == "wrapped":
        first_page = lines[0].page if lines else 1
        head = [line for line in lines if line.page == first_page]
    else:
        head = []
        for line in lines[:limit]:
            if NUMBERED.match(normal(line.text)):
                break
            head.append(line)
    spec = template_for(normal("".join(line.text for line in head))) if head else None
    if chosen is not None:
        mismatch = kind_mismatch(chosen, spec)
        if mismatch is not None:
            raise LoadError(mismatch, line=head[0].number if head else 1)
        return chosen
    if spec is None:
        candidates = list(templates().values())  # highest priority first: a tie goes to it
        scores = [(_printed_cues(candidate, lines), index) for index, candidate in enumerate(candidates)]
        score, index = max(scores, default=(0, 0), key=lambda item: (item[0], -item[1]))
        spec = candidates[index] if score else None
    if spec is None:
        spec = template_for(normal("".join(line.text for line in lines)))
    if spec is None:
        cover = "".join(char for char in normal("".join(line.text for line in lines[:3])) if char.isprintable())  # never echo control characters
        raise LoadError(Msg("pdf.unknown", cover=cover[:40]), line=lines[0].number if lines else 1)
    return spec


def _printed_cues(spec: Template, lines: list[Line]) -> int:
    """How many of a document's lines print one of the template's headings or table titles."""
    headings = {_heading_words(text) for text in (*spec.headings, *spec.narrative_sections)}
    titles = [re.compile(table.title) for table in spec.tables.values()]
    count = 0
    for line in lines[:_TITLE_LINES]:
        words = normal(line.text)
        if len(words) > 60:
            continue
        if _heading_words(words) in headings or any(title.fullmatch(words) for title in titles):
            count += 1
    return count


def _heading_words(text: str) -> str:
    """A heading compared as words: its number, quotes and final stop dropped."""
    return re.sub(r"[“”\"'‘’。.]", "", NUMBERED.sub("", normal(text), count=1))


def build(
    document: Document, spec: Template | None = None, template: str | None = None, overrides: dict[str, Any] | None = None,
    reader_kind: type[Reader] | None = None,
) -> tuple[dict[str, Any], MediaSource]:
    """The report tree of a document (of the template ``spec``, else ``template`` — ``--template`` —
    else the one it prints), read as the PDF reader reads a PDF; ``overrides``: ``--unit``, ``--year``;
    ``reader_kind``: the flow reader of a medium of its own kind (a ``pdftotext -layout`` text)."""
    if not any(isinstance(item, Line) and normal(item.text) for _, _, item in document.blocks) and not any(
        isinstance(item, Grid) for _, _, item in document.blocks
    ):
        raise LoadError(Msg("media.no_text"))
    spec = spec or recognise(document, requested=template)
    from .pdf import reader_for

    reader = reader_for(spec, reader_kind or (WrappedReader if document.kind == "wrapped" else WholeReader))
    if isinstance(reader, WrappedReader):
        reader.paged = document.paged
        widths = sorted(line.x1 for line in document.lines() if normal(line.text))
        reader.full = widths[int(len(widths) * 0.9)] if widths else 0.0
    flow = reader.read_blocks(sorted(document.blocks, key=lambda block: (block[0], block[1])))
    if not flow.tables and not document.forms and not any(_has_paragraphs(node) for node in flow.parts):
        # Only a title or a cover: no table of the template, no form and no paragraph of text.  Nothing can
        # be checked, and a gate must not pass it as clean: an unusable input (exit 2), said once.
        lines = document.lines()
        raise LoadError(Msg("media.nothing_read"), line=lines[0].number if lines and document.labels is None else 1)
    source = MediaSource(document.labels, document.first_lines)
    tree, built = _MediaBuilder(spec, flow, source, document, overrides).build()
    built.template = spec
    return tree, built


def _has_paragraphs(node: Any) -> bool:
    """Whether a part of the text, or a section in it, holds a paragraph."""
    return bool(node.paragraphs) or any(_has_paragraphs(child) for child in node.children)


_TITLE_LINES = 5000  # where a report without a cover prints its title (“…2020年度部门决算情况说明”)
_TITLE_SYNTAX = re.compile(r"\(\?:[^)]*\)\??|[\\^$?()|*+]")  # a title pattern's optional parts and syntax: the title as printed


class _MediaBuilder(Builder):
    """The PDF reader's tree builder, with what a medium knows instead of a PDF's pages."""

    def __init__(self, spec: Template, flow: Any, source: MediaSource, document: Document, overrides: dict[str, Any] | None = None) -> None:
        super().__init__(spec, [], flow, document.name, overrides, source)
        self.document = document
        self.unit_unprinted = False  # the unit's name taken from the file's name: nothing prints it

    def _meta(self) -> dict[str, Any]:
        try:
            return super()._meta()
        except LoadError:
            pass
        # No cover (a draft's tables, a text that starts at 第一部分): the year from any line that
        # prints the title; the unit from the tables' 编制部门, else the file's name.
        cover = self.spec.cover
        year = unit = None
        for line in self.document.lines()[:_TITLE_LINES]:
            words = normal(line.text)
            if len(words) > 120:
                continue  # a paragraph, not a title or a 编制部门 line
            match = re.search(cover.title.lstrip("^").rstrip("$"), words)
            if match and year is None:
                year = int(match.group("year"))
                self.source.put(("meta", "year"), self._place(line))
                found = match.groupdict().get("unit")
                parts = [re.compile(pattern) for pattern in self.spec.parts]
                if found and not NUMBERED.match(found) and not any(pattern.search(found) for pattern in parts):
                    unit = found  # not “第二部分” before “2020年度部门决算情况说明”
            compiler = re.match(rf"(?:{self.spec.compiler})[:：](?P<unit>\S{{2,60}}?)(?:{MONEY_UNIT_LABEL}.*)?$", words)
            if compiler and unit is None:
                unit = compiler.group("unit")
                self.source.put(("meta", "unit"), self._place(line))
        if unit is None and cover.unit_above:  # the unit's name above an annexed report's title (附件1: 单位 / 2020年部门整体支出绩效评价报告)
            unit = self._unit_above(cover.unit_above, cover.unit)
        if year is None:
            match = re.search(r"(?:19|20)\d{2}", self.document.name)
            year = int(match.group()) if match else None
        if unit is None and self.document.name:
            unit = self.document.name
            self.unit_unprinted = "unit" not in self.overrides
        unit = self.overrides.get("unit", unit)
        year = self.overrides.get("year", year)
        if unit is None or year is None:
            raise LoadError(Msg("media.no_year"), line=1)
        meta: dict[str, Any] = {"unit": unit, "year": year, "kind": self.spec.kind, "template": self.spec.template}
        if self.spec.money_unit:
            meta["money_unit"] = self.spec.money_unit
        return meta

    def _unit_above(self, title: str, unit: str) -> str | None:
        lines = self.document.lines()[:_TITLE_LINES]
        titled, named = re.compile(title), re.compile(unit)
        parts = [re.compile(pattern) for pattern in self.spec.parts]
        for above, line in zip(lines, lines[1:]):
            words, name = normal(line.text), normal(above.text)
            match = named.match(name) if titled.match(words) else None
            if match and match.group("unit") and not NUMBERED.match(name) and not any(pattern.search(name) for pattern in parts):
                self.source.put(("meta", "unit"), self._place(above))
                return match.group("unit")
        return None

    def _printed_lines(self) -> list[PrintedLine]:
        """What the medium prints: the lines and cells the flow read, and the lines of the tables
        it left unread (their figures printed, and not placed)."""
        printed = super()._printed_lines() + [PrintedLine(line.page, line.number, line.text, True) for line in self.document.unread_lines]
        if self.document.labels is not None:
            # A medium that names its places (a Word file, a workbook, a web page) has no pages: its
            # numbers are placed by the line (paragraph, row) alone, as ``MediaSource`` places them.
            printed = [PrintedLine(None, item.line, item.text, item.in_table) for item in printed]  # type: ignore[arg-type]
        printed.sort(key=lambda item: (item.page or 0, item.line, not item.in_table))
        return printed

    def _tables(self) -> dict[str, Any]:
        tables = super()._tables()
        for block in self.flow.tables:
            title = normal(block.title.text)
            for grid in block.grids:
                for page, what, kind, *line in getattr(grid, "unplaced", ()):
                    path = ".".join((*self.tables_at, block.key))
                    item = {"page": page, "text": f"{title}：{what}", "kind": kind, "path": path}
                    if line and line[0]:  # the line of the row it quotes: its place, not the table's title
                        item["cell"] = line[0]
                    if isinstance(what, Msg):  # why, worded by the rule in the run's language; the row as printed
                        args = {name: value for name, value in what.params.items() if name != "first"}
                        item.update(text=title, reason=what.key, reason_args=args, printed=str(what.params.get("first", "")) or None)
                    if kind == "summed":  # read by its sums: every sum with a term in it is not checked
                        item["unknown"] = [".".join((path, getattr(grid, "summed_in", ""))).rstrip(".") + ".*"]
                        # and each equality with a figure elsewhere it assumed (model/unknown.py: “a=b”)
                        item["unknown"] += [
                            "=".join(".".join((*self.tables_at, end)) for end in pair) for pair in getattr(grid, "assumed", ())
                        ]
                    self.unread.append(item)
        return tables

    def _printed(self) -> dict[str, Any]:
        printed: dict[str, Any] = {"pages": max(self.document.pages, 1)}
        # A cell the medium itself could not read (a formula with no saved result) that a table
        # would have read as a figure: the medium's item says why, and leaves that figure unknown.
        numbered = self.document.labels is not None  # numbered over the whole file, else within its page
        of_cell = {(0 if numbered else item["page"], item["cell"]): item for item in self.document.unread if "cell" in item}
        own = []
        for item in self.unread:
            medium = of_cell.get((0 if numbered else item["page"], item.get("cell", 0)))
            if medium is not None:
                medium.update(unknown=item["unknown"], path=item["path"])
            else:
                own.append(item)
        unread = sorted(own + self.document.unread, key=lambda item: item["page"])
        cells = [item.pop("cell", None) for item in unread]
        if not self.flow.tables:  # an input without tables: each table is not checked, and not missing
            tables_at = ".".join(self.tables_at)
            for key, table in self.spec.tables.items():
                title = _TITLE_SYNTAX.sub("", table.title)
                unread.append({"page": 1, "text": title, "kind": "absent", "path": f"{tables_at}.{key}"})
        if not any(node.paragraphs or node.children for node in self.flow.parts):
            # an input without text (a workbook of tables): the 情况说明 is not checked, and not missing
            parts = self.spec.text_parts if self.spec.text_parts is not None else TEXT_PARTS.get(self.spec.kind, {})
            for path, title in parts.items():
                unread.append({"page": 1, "text": title, "kind": "absent", "path": path})
            if self.unit_unprinted:  # no cover, no 编制单位: the name is the file's, not checked against what the tables' notes print
                unread.append({"page": 1, "text": UNIT_NAME, "kind": "absent", "path": "meta.unit"})
        if unread:
            printed["unread"] = unread
        for index, item in enumerate(unread):
            # where the table stands (its title), else the page: a medium's own place for it
            at = tuple(item["path"].split(".")) if item.get("path") else ()
            place = self.source.places.get(at) if at else None
            if index < len(cells) and cells[index]:  # a cell: its own place, not its table's title
                place = self.source._named(Place(cells[index], 1, item["page"], item.get("printed")))
            if place is not None and place.label is None and place.page != item["page"]:
                place = None  # a table read over pages: the page of what was not read, not of its title
            if place is not None:
                self.source.places[("printed", "unread", index)] = place
                if place.label and item["kind"] != "absent":
                    item["place"] = place.label
            else:
                paged = self.document.labels is None
                self.source.places[("printed", "unread", index)] = Place(1, 1, item["page"] if paged else None, None, label=item.get("place"))
        if self.flow.tables and self.repeated_tables:
            printed["repeated_tables"] = self.repeated_tables
            for index, item in enumerate(self.repeated_tables):
                self.source.put(("printed", "repeated_tables", index), Place(1, 1, item["page"], None))
        self.source.put(("printed",), Place(1, 1, 1, None))
        return printed


def join_files(parts: Iterable[tuple[str, Document]]) -> Document:
    """One report in several files (the 情况说明 in Word, the tables in a workbook): their blocks
    one after the other, in the order given; every place keeps its file's name in its label."""
    blocks: list[Block] = []
    labels: dict[int, str] = {}
    unread: list[dict[str, Any]] = []
    offset = 0
    pages = 0
    name = ""
    for file, document in parts:
        name = name or document.name
        shift = offset
        top_shift = float(len(blocks) and max(block[1] for block in blocks) + 1)
        for page, top, item in document.blocks:
            if isinstance(item, Line):
                item.number += shift
                item.page = 1
            else:
                item.page = 1
                for row in item.rows:
                    for cell in row:
                        if isinstance(cell, TextCell) and cell.at:
                            cell.at += shift
            blocks.append((1, top + top_shift, item))
        own = document.labels or {}
        for number, label in own.items():
            labels[number + shift] = f"{file}:{label}"
        offset = max(labels, default=offset) + 1
        unread += [dict(item, cell=item["cell"] + shift) if "cell" in item else item for item in document.unread]
        pages += document.pages
    return Document(blocks, labels, pages, "whole", unread, name, paged=False)
