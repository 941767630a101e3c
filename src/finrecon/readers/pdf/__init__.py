"""The PDF reader: a published report → the same ``Report`` tree the YAML reader builds.

Pages are laid out (``layout``), ruled tables found (``grid``), the words put in print order
(``flow``) and each table read by its template's spec (``tables``; the templates are data in
``finrecon/layouts``).  Every value keeps the page and line it was printed on and the printed
line it came from, so that a finding can show it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ...catalog import builtin
from ...i18n import Msg
from ...lexicon import CONTENTS, MONEY_UNIT_LABEL, MONEY_UNITS, UNIT_NAME, WORDS_BEFORE_YEAR, YEAR_PRINTED, YEARLY
from ...template import Template, TemplateError, choose
from ..source import Limits, LoadedReport, LoadError, Place, PrintedLine, SourceMap, TreePath, named
from ..tree import derive_and_validate, kind_mismatch
from .flow import NUMBERED, Flow, Line, Node, Piece, Reader, TableBlock, normal
from .layout import Page, read_pages
from .tables import TableReader, row_box

__all__ = ["Builder", "PdfSource", "load_pdf", "read_pdf", "reader_for", "template_for"]


class PdfSource(SourceMap):
    """Where each value of a PDF's tree was printed: page, line, and the printed line itself."""

    def __init__(self) -> None:
        super().__init__()
        self.places: dict[TreePath, Place] = {}
        self.texts: dict[TreePath, list[tuple[int, Place]]] = {}  # a paragraph: where each of its lines begins

    def put(self, loc: TreePath, place: Place) -> None:
        self.places[loc] = place

    def put_text(self, loc: TreePath, piece: Piece) -> None:
        lines = [(offset, line_place(line)) for offset, line in piece.lines]
        if lines:
            self.places[loc] = lines[0][1]
            self.texts[loc] = lines

    def place_of(self, loc: TreePath) -> Place:
        for length in range(len(loc), -1, -1):
            found = self.places.get(loc[:length])
            if found is not None:
                return found
        return Place()

    def place_in_text(self, loc: TreePath, offset: int) -> Place:
        lines = self.texts.get(loc)
        if not lines:
            return self.place_of(loc)
        chosen = lines[0]
        for start, place in lines:
            if start > offset:
                break
            chosen = (start, place)
        start, place = chosen
        return place._replace(column=offset - start + 1)


def line_place(line: Line) -> Place:
    """The place of a printed line: its page, number, words and box."""
    box = (round(line.x0, 2), round(line.top, 2), round(line.x1, 2), round(line.top + line.size, 2))
    return Place(line.number, 1, line.page, line.text, box)


def load_pdf(data: bytes, name: str, limits: Limits = Limits(), meta: dict[str, Any] | None = None, template: str | None = None) -> LoadedReport:
    """Read, lay out and validate one PDF report; ``LoadError`` for a PDF that is none.
    ``meta`` overrides what the cover says (``--unit``, ``--year``); ``template`` names the template."""
    try:
        tree, source = read_pdf(data, limits, name, meta, template)
        return LoadedReport(name, derive_and_validate(tree, source, name), source)
    except LoadError as error:
        raise named(error, name)


def read_pdf(
    data: bytes, limits: Limits = Limits(), name: str = "", meta: dict[str, Any] | None = None, template: str | None = None,
) -> tuple[dict[str, Any], PdfSource]:
    """The report tree of a PDF and where each of its values was printed; ``name`` is its file's
    name (where a cover gives no year, it may), ``meta`` what overrides the cover.  The source map
    keeps the template the PDF was read with (``template`` names it, else the cover tells)."""
    pages = read_pages(data, limits)
    if not any(page.lines for page in pages):
        raise LoadError(Msg("pdf.unmapped" if any(page.unmapped for page in pages) else "pdf.no_text"))
    first = next(page for page in pages if page.lines)
    cover = _digits(normal("".join(line.text for line in first.lines)))
    try:
        spec = choose(template, cover=cover)
    except TemplateError as error:
        raise LoadError(Msg("load.template", problem=str(error))) from None
    if spec is None:
        if 2 * sum(page.unmapped for page in pages) > sum(page.glyphs for page in pages):
            raise LoadError(Msg("pdf.unmapped"))  # most of its glyphs map to no character: no cover can be read
        raise LoadError(Msg("pdf.unknown", cover=cover[:40]), page=first.number)
    mismatch = kind_mismatch(spec, choose(cover=cover)) if template else None
    if mismatch is not None:
        raise LoadError(mismatch, page=first.number)
    reader = reader_for(spec, max_paragraph=limits.max_paragraph)
    others = _other_reports(spec, pages)
    if others:  # two reports bound in one file: the first is read, the others only named
        pages = [page for page in pages if page.number < others[0]["page"]]
    builder = _Builder(spec, pages, reader.read(pages), name, meta)
    builder.other_reports = others
    tree, source = builder.build()
    source.template = spec
    return tree, source


def _other_reports(spec: Template, pages: list[Page]) -> list[dict[str, Any]]:
    """The later pages that are another report's cover: a page of a few lines, one of which is
    the template's cover title (“…2024年度部门决算”), after the first page with text, and
    followed by a report again — a contents (目录), or a table the pages before it printed
    already.  A title page alone (a back cover, a part's title page) is no other report."""
    title = re.compile(spec.cover.title)
    tables = [re.compile(table.title) for table in spec.tables.values()]
    words = [[_digits(normal(line.text)) for line in page.lines] for page in pages]
    printed = [{index for index, pattern in enumerate(tables) if any(pattern.fullmatch(line) for line in lines)} for lines in words]
    with_text = [position for position, page in enumerate(pages) if page.lines]
    found: list[dict[str, Any]] = []
    for position in with_text[1:]:
        page = pages[position]
        if len(page.lines) > 8 or page.rulings or not any(title.search(line) for line in words[position]):
            continue
        start = found[-1]["_at"] if found else 0
        before = set().union(*printed[start:position])
        after = set().union(*printed[position + 1 :])
        contents = any(line == CONTENTS for lines in words[position + 1 :] for line in lines)
        if contents or before & after:
            found.append({"_at": position, "page": page.number, "text": "".join(words[position])[:80]})
    for item in found:
        del item["_at"]
    return found


def template_for(cover: str) -> Template | None:
    """The template whose cover words ``cover`` (spaces removed) prints, if one does."""
    return choose(None, cover=_digits(cover))


def reader_for(spec: Template, kind: type[Reader] = Reader, max_paragraph: int | None = None) -> Reader:
    """The flow reader of a template: its parts, headings and table titles (``kind``: a medium's reader)."""
    words = (
        [re.compile(pattern) for pattern in spec.parts],
        {normal(heading) for heading in (*spec.headings, *spec.narrative_sections)},
        {key: re.compile(table.title) for key, table in spec.tables.items()},
    )
    reader = kind(*words) if max_paragraph is None else kind(*words, max_paragraph)
    reader.beside_title = re.compile(f"{spec.compiler}|{MONEY_UNIT_LABEL}")
    return reader


class _Builder:
    """Puts what the flow found into the report tree, with a place for every value."""

    def __init__(
        self, spec: Template, pages: list[Page], flow: Flow, name: str = "", overrides: dict[str, Any] | None = None,
        source: PdfSource | None = None,
    ) -> None:
        self.spec, self.pages, self.flow = spec, pages, flow
        self.source = source if source is not None else PdfSource()
        self.unread: list[dict[str, Any]] = []
        self.unit_lines: list[int] = []  # which lines of the cover name the unit, which print the title
        self.title_lines: list[int] = []
        self.name = name  # the file's name: the last place to look for the year
        self.overrides = overrides or {}  # --unit, --year
        self.repeated_tables: list[dict[str, Any]] = []
        self.other_reports: list[dict[str, Any]] = []  # covers of reports bound after this one
        self.tables_at: TreePath = tuple(spec.tables_at.split("."))  # where the tables go

    def build(self) -> tuple[dict[str, Any], PdfSource]:
        tree: dict[str, Any] = {"meta": self._meta()}
        tree["text"] = self._text()
        tables = self._tables()
        if tables:
            *parents, last = self.tables_at
            node = tree
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = tables
        organisation = self._organisation()
        if organisation:
            tree["organisation"] = organisation
        tree["printed"] = self._printed()
        self.source.printed_lines = self._printed_lines()
        return tree, self.source

    def _printed_lines(self) -> list[PrintedLine]:
        """What the pages print, as coverage counts it: each line outside the tables, each table cell."""
        printed = [PrintedLine(line.page, line.number, line.text) for line in self.flow.free]
        for grid in self.flow.grids:
            printed += [PrintedLine(grid.page, cell.line, text, True) for cells in grid.rows for cell in cells if (text := cell.text)]
        printed.sort(key=lambda item: (item.page, item.line, not item.in_table))
        return printed

    # -------------------------------------------------------------- meta and words
    def _meta(self) -> dict[str, Any]:
        """Unit, year and scope from the cover, else from the rest of the report or the file name.

        The cover's title may run over two or three lines (“2024 年度” / “部门决算”) and print the
        unit before the year; otherwise the unit is the block of lines that names it nearest the
        title, a name printed over two lines read as one (a line such as “公开版”, printed apart,
        is not the unit).  Full-width digits read as digits.  Where the cover gives no year or no
        unit: the first year the contents, headings and table titles print, the 编制单位 lines,
        the file name; ``--unit`` and ``--year`` override them all.
        """
        cover = self.spec.cover
        lines = self.flow.cover
        words = [_digits(normal(line.text)) for line in lines]
        unit = year = scope = None
        title = _title(words, cover.title)
        self.title_lines = list(range(title[0], title[1])) if title else []
        if title is not None:
            first, last, match = title
            year = int(match.group("year"))
            self.source.put(("meta", "year"), self._place(lines[first]))
            groups = match.groupdict()
            if groups.get("scope"):
                scope = cover.scopes.get(groups["scope"])
                self.source.put(("meta", "scope"), self._place(lines[first]))
            if groups.get("unit"):
                unit = groups["unit"]
                self.unit_lines = list(self.title_lines)
                self.source.put(("meta", "unit"), self._place(lines[first]))
        if unit is None:
            found = self._cover_unit(words, cover.unit)
            if found is not None:
                unit, self.unit_lines = found
                self.source.put(("meta", "unit"), self._place(lines[self.unit_lines[0]]))
        if year is None:
            year = self._year_elsewhere()
        if unit is None:
            unit = self._unit_elsewhere(cover.unit)
        unit = self.overrides.get("unit", unit)
        year = self.overrides.get("year", year)
        if unit is None or year is None:
            page = lines[0].page if lines else 1
            raise LoadError(Msg("pdf.no_cover", missing=UNIT_NAME if unit is None else YEARLY), page=page)
        meta: dict[str, Any] = {"unit": unit, "year": year, "kind": self.spec.kind, "template": self.spec.template}
        if self.spec.money_unit:
            meta["money_unit"] = self.spec.money_unit
        if scope is not None:
            meta["scope"] = scope
        if lines:
            self.source.put(("meta",), self._place(lines[0]))
        return meta

    def _cover_unit(self, words: list[str], pattern: str) -> tuple[str, list[int]] | None:
        """The unit the cover names nearest its title (the line above it first), and its lines:
        a name printed over two lines is the lines of one block, close together and alike in size."""
        lines = self.flow.cover
        anchor = self.title_lines[0] if self.title_lines else 0
        # the title's lines, and a title printed without its year (“部门决算”), are not the unit's
        taken = set(self.title_lines) | {index for index, text in enumerate(words) if re.search(self.spec.cover.recognise, text)}
        candidates = [
            (index, match) for index, text in enumerate(words)
            if index not in taken and (match := re.search(pattern, text))
        ]
        if not candidates:
            return None
        index, match = min(candidates, key=lambda item: (abs(item[0] - anchor), item[0] > anchor))
        chosen = [index]
        name = match.group("unit")
        # the rest of the name: lines of the same block below it, and above it where they name the unit too
        below = index + 1
        while below < len(lines) and below not in taken and _continues_name(lines[below - 1], lines[below], words[below]):
            chosen.append(below)
            name += words[below]
            below += 1
        above = index - 1
        while above >= 0 and above not in taken and _continues_name(lines[above], lines[above + 1], words[above]) and re.search(pattern, words[above]):
            chosen.insert(0, above)
            name = words[above] + name
            above -= 1
        return name, chosen

    def _year_elsewhere(self) -> int | None:
        """The first year printed as “2024年” in the contents, the headings or the table titles."""
        texts = [entry.text for entry in self.flow.contents]
        texts += [node.heading.text for node in _nodes(self.flow.parts)]
        texts += [block.title.text for block in self.flow.tables]
        texts += [line.text for block in self.flow.tables for line in block.before]
        for text in texts:
            match = _YEAR.search(_digits(normal(text)))
            if match:
                return int(match.group(1))
        match = _YEAR_IN_NAME.search(_digits(self.name))
        return int(match.group(1)) if match else None

    def _unit_elsewhere(self, pattern: str) -> str | None:
        """The unit a table's 编制单位 line names; else a title in the contents or the headings that
        names the report's kind with the unit before its year (“第二部分 上海市…局2024年度部门决算表”);
        else the file name where it names a unit."""
        for block in self.flow.tables:
            for line in block.before:
                for run in _runs(line):
                    match = _compiler(self.spec.compiler)[1].match(run)
                    if match:
                        return match.group(1)
        titles = [entry.text for entry in self.flow.contents] + [node.heading.text for node in _nodes(self.flow.parts)]
        for title in titles:
            words = _digits(NUMBERED.sub("", normal(title), count=1))
            match = _UNIT_BEFORE_YEAR.match(words)
            if match and re.search(self.spec.cover.recognise, words):
                return match.group(1)
        stem = _digits(normal(self.name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]))
        match = re.search(self.spec.cover.title, stem)
        if match and match.groupdict().get("unit"):
            return match.group("unit")
        return None

    @staticmethod
    def _place(line: Line) -> Place:
        return line_place(line)

    def _text(self) -> dict[str, Any]:
        cover_lines = [normal(line.text) for line in self.flow.cover]
        title = "".join(cover_lines[index] for index in self.title_lines) or None
        unit = "".join(cover_lines[index] for index in self.unit_lines) if self.unit_lines != self.title_lines else None
        text: dict[str, Any] = {"cover": {k: v for k, v in (("unit", unit), ("title", title)) if v}}
        others = [words for index, words in enumerate(cover_lines) if index not in self.unit_lines and index not in self.title_lines]
        if others:
            text["cover"]["lines"] = others
        for index, line in enumerate(self.flow.cover):
            self.source.put(("text", "cover", "lines", index), self._place(line))
        if self.flow.cover:
            self.source.put(("text", "cover"), self._place(self.flow.cover[0]))
        if self.flow.contents:
            text["contents"] = [entry.text for entry in self.flow.contents]
            for index, entry in enumerate(self.flow.contents):
                self.source.put_text(("text", "contents", index), entry)
        parts = [self._section(node, ("text", "parts", index)) for index, node in enumerate(self.flow.parts)]
        if parts:
            text["parts"] = parts
        return text

    def _section(self, node: Node, loc: TreePath) -> dict[str, Any]:
        section: dict[str, Any] = {"heading": node.heading.text}
        self.source.put_text((*loc, "heading"), node.heading)
        if node.heading.lines:
            self.source.put(loc, self.source.places[(*loc, "heading")])
        if node.paragraphs:
            section["paragraphs"] = [piece.text for piece in node.paragraphs]
            for index, piece in enumerate(node.paragraphs):
                self.source.put_text((*loc, "paragraphs", index), piece)
        if node.children:
            section["sections"] = [self._section(child, (*loc, "sections", index)) for index, child in enumerate(node.children)]
        return section

    # -------------------------------------------------------------- tables
    def _tables(self) -> dict[str, Any]:
        tables: dict[str, Any] = {}
        specs = self.spec.tables
        catalog = builtin()
        for block in self.flow.tables:
            if block.key in tables:  # printed twice: the first one counts; the second is reported, not read
                self.repeated_tables.append({"page": block.title.page, "text": normal(block.title.text)})
                continue
            reader = TableReader(block.key, specs[block.key].spec(), catalog)
            read = reader.read(block.grids)
            table: dict[str, Any] = dict(read.tree)
            loc = (*self.tables_at, block.key)
            self.source.put(loc, self._place(block.title))
            table["title"] = normal(block.title.text)
            self.source.put((*loc, "title"), self._place(block.title))
            self._around(block, table, loc)
            for path, value in read.places.items():
                self.source.put((*loc, *path), Place(value.line, 1, value.page, value.excerpt, value.box))
            for problem in read.problems:
                # a cell's own path; a figure placed nowhere may be anywhere in the table (``.*``)
                unknown = _report_path((*loc, *problem.unknown)) if problem.unknown else _report_path(loc) + ".*"
                item = {
                    "page": problem.page, "text": f"{table['title']}：{problem.text}", "kind": problem.kind, "unknown": [unknown], "path": ".".join(loc),
                }
                if problem.line:  # a medium's cell: placed by its own number (readers/media.py), not by the table's title
                    item["cell"] = problem.line
                self.unread.append(item)
            tables[block.key] = table
        return tables

    def _around(self, block: TableBlock, table: dict[str, Any], loc: TreePath) -> None:
        """The words printed around a table: who compiled it, its money unit, its notes."""
        for line in block.before:
            for run in _runs(line):
                words = normal(run)
                unit = re.fullmatch(rf"{MONEY_UNIT_LABEL}({MONEY_UNITS})", words)
                if unit:
                    table["money_unit"] = unit.group(1)
                    self.source.put((*loc, "money_unit"), self._place(line))
                elif _compiler(self.spec.compiler)[0].match(words):
                    table["compiler"] = words
                    self.source.put((*loc, "compiler"), self._place(line))
        notes = []
        for piece in block.after:
            words = piece.text
            if re.search(self.spec.empty_table, normal(words)) and "empty_statement" not in table:
                table["empty_statement"] = words
                self.source.put_text((*loc, "empty_statement"), piece)
            else:
                self.source.put_text((*loc, "notes", len(notes)), piece)
                notes.append(words)
        if notes:
            table["notes"] = notes

    def _tables_on(self, page: int) -> list[str]:
        """The tables a page may hold, as report paths: those titled on it, and the one titled last
        before it (it may run on); every table where no title says."""
        titled = [block for block in self.flow.tables if block.title.page <= page]
        keys = [block.key for block in titled if block.title.page == page]
        if titled and titled[-1].title.page < page:
            keys.insert(0, titled[-1].key)
        if not keys:
            return [_report_path(self.tables_at) + ".*"]
        return [_report_path((*self.tables_at, key)) + ".*" for key in dict.fromkeys(keys)]

    # -------------------------------------------------------------- the department's units
    def _organisation(self) -> dict[str, Any]:
        for grid in self.flow.loose_grids:
            header = [grid.cell(0, column).text.replace(" ", "") for column in range(grid.columns)]
            name_head, note_head = self.spec.unit_list.get("name"), self.spec.unit_list.get("note")
            if name_head not in header:
                continue
            name_column = header.index(name_head)
            note_column = header.index(note_head) if note_head in header else None
            units = []
            for row in range(1, len(grid.rows)):
                name = grid.cell(row, name_column).text.replace(" ", "")
                if not name:
                    continue
                unit: dict[str, Any] = {"name": name}
                if note_column is not None and (note := grid.cell(row, note_column).text.replace(" ", "")):
                    unit["note"] = note
                self.source.put(("organisation", "units", len(units)), Place(grid.cell(row, name_column).line, 1, grid.page, name, row_box(grid.rows[row])))
                units.append(unit)
            if units:
                return {"units": units}
        return {}

    # -------------------------------------------------------------- what only the PDF shows
    def _printed(self) -> dict[str, Any]:
        printed: dict[str, Any] = {"pages": len(self.pages)}
        empty = [page.number for page in self.pages if not page.lines and not page.off_page and not page.images]
        if empty:
            printed["empty_pages"] = empty
        seen: dict[str, int] = {}
        repeated = []
        for page in self.pages:
            fingerprint = page.fingerprint()
            if fingerprint is None:
                continue
            if fingerprint in seen:
                repeated.append({"page": page.number, "same_as": seen[fingerprint]})
            else:
                seen[fingerprint] = page.number
        repeated += _untitled_repeats(self.pages, {item["page"] for item in repeated})
        if repeated:
            printed["repeated_pages"] = repeated
        off_page = []
        for page in self.pages:
            if page.off_page:
                text = "".join(glyph.char for glyph in sorted(page.off_page, key=lambda g: (g.baseline, g.x0)))
                off_page.append({"page": page.number, "text": text[:80]})
        if off_page:
            printed["off_page"] = off_page
        for page in self.pages:  # drawn with more than the reader reads: its tables are not read
            if page.too_many_rulings or page.unread_grids:
                self.unread.append({"page": page.number, "text": "", "kind": "drawing", "unknown": self._tables_on(page.number)})
        if self.unread:
            printed["unread"] = sorted(self.unread, key=lambda item: item["page"])
        if self.repeated_tables:
            printed["repeated_tables"] = self.repeated_tables
        if self.other_reports:
            printed["other_reports"] = self.other_reports
        facts = (
            ("empty_pages", empty), ("repeated_pages", repeated), ("off_page", off_page),
            ("unread", printed.get("unread", [])), ("repeated_tables", self.repeated_tables),
            ("other_reports", self.other_reports),
        )
        for key, items in facts:
            for index, item in enumerate(items):
                page = item if isinstance(item, int) else item["page"]
                self.source.put(("printed", key, index), Place(1, 1, page, None))
        self.source.put(("printed",), Place(1, 1, 1, None))
        return printed


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_YEAR = re.compile(YEAR_PRINTED)
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@functools.lru_cache(maxsize=8)
def _compiler(label: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The template's 编制单位 label with its colon, and the same followed by the name it gives."""
    mark = label + "[:：]"
    return re.compile(mark), re.compile(mark + r"(.{2,60})$")


_UNIT_BEFORE_YEAR = re.compile(WORDS_BEFORE_YEAR)


def _digits(text: str) -> str:
    """Full-width digits (２０２４) read as digits."""
    return text.translate(_FULL_WIDTH_DIGITS)


def _title(words: list[str], pattern: str) -> tuple[int, int, re.Match[str]] | None:
    """The cover's title — on one line, or run over two or three (“2024 年度” / “部门决算”) —
    as (first line, line after the last, match)."""
    for span in (1, 2, 3):
        for first in range(len(words) - span + 1):
            match = re.search(pattern, "".join(words[first : first + span]))
            if match:
                return first, first + span, match
    return None


def _continues_name(line: Line, below: Line, words: str) -> bool:
    """Whether ``below`` goes on with the name printed on ``line``: the next line of the same
    block (close under it, in a like size), printing words without a figure or a label."""
    if below.page != line.page or re.search(r"\d|[:：]", words) or not words:
        return False
    size = max(line.size, below.size)
    return 0 < below.top - line.top <= 2 * size and min(line.size, below.size) >= 0.7 * size


def _nodes(nodes: list[Node]) -> list[Node]:
    """Every heading's node, in print order."""
    found: list[Node] = []
    for node in nodes:
        found.append(node)
        found += _nodes(node.children)
    return found


_BODY_MIN = 80  # characters: a shorter page body (a heading, a table's header alone) may well print twice
_TITLE_LINES = (1, 2)  # a title takes one line, or two (the title and its 编制单位 line)


def _untitled_repeats(pages: list[Page], exact: set[int]) -> list[dict[str, Any]]:
    """Pages that print another page's body — its text after its first one or two lines — and
    nothing else: printed again without the title.  Compared without spaces or line breaks, so a
    body wrapped differently is the same body."""
    texts = {page.number: ["".join(normal(line.text).split()) for line in page.lines if not page.is_page_number(line)] for page in pages}
    bodies: dict[str, int] = {}
    for page in pages:
        lines = texts[page.number]
        for skip in _TITLE_LINES:
            body = "".join(lines[skip:])
            if len(lines) > skip and len(body) >= _BODY_MIN:
                bodies.setdefault(body, page.number)
    found = []
    for page in pages:
        whole = "".join(texts[page.number])
        same_as = bodies.get(whole)
        if page.number not in exact and same_as is not None and same_as != page.number:
            found.append({"page": page.number, "same_as": same_as, "untitled": True})
    return found


Builder = _Builder  # the readers of other media build their tree the same way (readers/media.py)


def _runs(line: Line) -> list[str]:
    """“编制部门：…” and “单位：元” printed on one line are two things."""
    words = normal(line.text)
    match = re.search(rf"{MONEY_UNIT_LABEL}(?:{MONEY_UNITS})$", words)
    if match and match.start() > 0:
        return [words[: match.start()], words[match.start() :]]
    return [words]


def _report_path(loc: TreePath) -> str:
    """A tree path as a report path: ``("budget", "tables", "income", "rows", 3, "total")`` →
    ``budget.tables.income.rows[3].total``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path
