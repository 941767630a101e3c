"""The PDF reader: a published report → the same ``Report`` tree the YAML reader builds.

Pages are laid out (``layout``), ruled tables found (``grid``), the words put in print order
(``flow``) and each table read by its template's spec (``tables``; the templates are data in
``finrecon/layouts``).  Every value keeps the page and line it was printed on and the printed
line it came from, so that a finding can show it.
"""

from __future__ import annotations

import re
from typing import Any

from ...catalog import builtin
from ...i18n import Msg
from ..layouts import layouts
from ..source import Limits, LoadedReport, LoadError, Place, SourceMap, TreePath, named
from ..tree import derive_and_validate
from .flow import Flow, Line, Node, Piece, Reader, TableBlock, normal
from .layout import Page, read_pages
from .tables import TableReader

__all__ = ["PdfSource", "load_pdf", "read_pdf"]


class PdfSource(SourceMap):
    """Where each value of a PDF's tree was printed: page, line, and the printed line itself."""

    def __init__(self) -> None:
        super().__init__()
        self.places: dict[TreePath, Place] = {}
        self.texts: dict[TreePath, list[tuple[int, Place]]] = {}  # a paragraph: where each of its lines begins

    def put(self, loc: TreePath, place: Place) -> None:
        self.places[loc] = place

    def put_text(self, loc: TreePath, piece: Piece) -> None:
        lines = [(offset, Place(line.number, 1, line.page, line.text)) for offset, line in piece.lines]
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


def load_pdf(data: bytes, name: str, limits: Limits = Limits()) -> LoadedReport:
    """Read, lay out and validate one PDF report; ``LoadError`` for a PDF that is none."""
    try:
        tree, source = read_pdf(data, limits)
        return LoadedReport(name, derive_and_validate(tree, source, name), source)
    except LoadError as error:
        raise named(error, name)


def read_pdf(data: bytes, limits: Limits = Limits()) -> tuple[dict[str, Any], PdfSource]:
    """The report tree of a PDF and where each of its values was printed."""
    pages = read_pages(data, limits)
    if not any(page.lines for page in pages):
        raise LoadError(Msg("pdf.unmapped" if any(page.unmapped for page in pages) else "pdf.no_text"))
    first = next(page for page in pages if page.lines)
    cover = normal("".join(line.text for line in first.lines))
    spec = next((candidate for candidate in layouts().values() if re.search(candidate["cover"]["recognise"], cover)), None)
    if spec is None:
        raise LoadError(Msg("pdf.unknown", cover=cover[:40]), page=first.number)
    reader = Reader(
        [re.compile(pattern) for pattern in spec.get("parts", [])],
        {normal(heading) for heading in spec.get("headings", [])},
        {key: re.compile(table["title"]) for key, table in spec["tables"].items()},
    )
    return _Builder(spec, pages, reader.read(pages)).build()


class _Builder:
    """Puts what the flow found into the report tree, with a place for every value."""

    def __init__(self, spec: dict[str, Any], pages: list[Page], flow: Flow) -> None:
        self.spec, self.pages, self.flow = spec, pages, flow
        self.source = PdfSource()
        self.unread: list[dict[str, Any]] = []
        self.unit_line: int | None = None  # which line of the cover names the unit, which is the title
        self.title_line: int | None = None
        self.repeated_tables: list[dict[str, Any]] = []
        self.tables_at: TreePath = tuple(spec.get("tables_at", "tables").split("."))  # where the tables go

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
        return tree, self.source

    # -------------------------------------------------------------- meta and words
    def _meta(self) -> dict[str, Any]:
        """Unit, year and scope from the cover.  The title may print the unit before the year on
        one line; otherwise the unit is the line that names it nearest the title (a line such as
        “公开版” above it is not the unit)."""
        cover = self.spec["cover"]
        unit = year = scope = None
        title_at: int | None = None
        candidates: list[tuple[int, str, Line]] = []
        for index, line in enumerate(self.flow.cover):
            words = normal(line.text)
            match = re.search(cover["title"], words)
            if match and year is None:
                year, title_at = int(match.group("year")), index
                self.source.put(("meta", "year"), self._place(line))
                groups = match.groupdict()
                if groups.get("scope"):
                    scope = cover.get("scopes", {}).get(groups["scope"])
                    self.source.put(("meta", "scope"), self._place(line))
                if groups.get("unit"):
                    candidates.append((index, groups["unit"], line))
                continue
            match = re.search(cover["unit"], words)
            if match:
                candidates.append((index, match.group("unit"), line))
        if candidates:
            # the nearest to the title, the line above it first
            self.unit_line, unit, line = min(candidates, key=lambda item: (abs(item[0] - (title_at or 0)), item[0] > (title_at or 0)))
            self.source.put(("meta", "unit"), self._place(line))
        self.title_line = title_at
        if unit is None or year is None:
            page = self.flow.cover[0].page if self.flow.cover else 1
            raise LoadError(Msg("pdf.no_cover", missing="单位名称" if unit is None else "年度"), page=page)
        meta: dict[str, Any] = {"unit": unit, "year": year, "kind": self.spec["kind"], "template": self.spec["template"]}
        for key in ("scope", "money_unit"):
            if key in self.spec:
                meta[key] = self.spec[key]
        if scope is not None:
            meta["scope"] = scope
        self.source.put(("meta",), self._place(self.flow.cover[0]))
        return meta

    @staticmethod
    def _place(line: Line) -> Place:
        return Place(line.number, 1, line.page, line.text)

    def _text(self) -> dict[str, Any]:
        cover_lines = [normal(line.text) for line in self.flow.cover]
        title = cover_lines[self.title_line] if self.title_line is not None else None
        unit = cover_lines[self.unit_line] if self.unit_line is not None and self.unit_line != self.title_line else None
        text: dict[str, Any] = {"cover": {k: v for k, v in (("unit", unit), ("title", title)) if v}}
        others = [words for index, words in enumerate(cover_lines) if index not in (self.unit_line, self.title_line)]
        if others:
            text["cover"]["lines"] = others
        for index, line in enumerate(self.flow.cover):
            self.source.put(("text", "cover", "lines", index), self._place(line))
        if self.flow.cover:
            self.source.put(("text", "cover"), self._place(self.flow.cover[0]))
        if self.flow.contents:
            text["contents"] = [line.text for line in self.flow.contents]
            for index, line in enumerate(self.flow.contents):
                self.source.put(("text", "contents", index), self._place(line))
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
        specs = self.spec["tables"]
        catalog = builtin()
        for block in self.flow.tables:
            if block.key in tables:  # printed twice: the first one counts; the second is reported, not read
                self.repeated_tables.append({"page": block.title.page, "text": normal(block.title.text)})
                continue
            reader = TableReader(block.key, specs[block.key], catalog)
            read = reader.read(block.grids)
            table: dict[str, Any] = dict(read.tree)
            loc = (*self.tables_at, block.key)
            self.source.put(loc, self._place(block.title))
            table["title"] = normal(block.title.text)
            self.source.put((*loc, "title"), self._place(block.title))
            self._around(block, table, loc)
            for path, value in read.places.items():
                self.source.put((*loc, *path), Place(value.line, 1, value.page, value.excerpt))
            for page, what, kind in read.problems:
                self.unread.append({"page": page, "text": f"{table['title']}：{what}", "kind": kind})
            tables[block.key] = table
        return tables

    def _around(self, block: TableBlock, table: dict[str, Any], loc: TreePath) -> None:
        """The words printed around a table: who compiled it, its money unit, its notes."""
        for line in block.before:
            for run in _runs(line):
                words = normal(run)
                unit = re.fullmatch(r"(?:金额)?单位[:：](万元|元)", words)
                if unit:
                    table["money_unit"] = unit.group(1)
                    self.source.put((*loc, "money_unit"), self._place(line))
                elif re.match(r"编制(?:单位|部门)[:：]", words):
                    table["compiler"] = words
                    self.source.put((*loc, "compiler"), self._place(line))
        notes = []
        for piece in block.after:
            words = piece.text
            if re.search(r"(?:无|没有).*(?:故|因此)?本表(?:无数据|为空表)|本表(?:无数据|为空)", normal(words)) and "empty_statement" not in table:
                table["empty_statement"] = words
                self.source.put_text((*loc, "empty_statement"), piece)
            else:
                self.source.put_text((*loc, "notes", len(notes)), piece)
                notes.append(words)
        if notes:
            table["notes"] = notes

    # -------------------------------------------------------------- the department's units
    def _organisation(self) -> dict[str, Any]:
        for grid in self.flow.loose_grids:
            header = [grid.cell(0, column).text.replace(" ", "") for column in range(grid.columns)]
            if "单位名称" not in header:
                continue
            name_column = header.index("单位名称")
            note_column = header.index("备注") if "备注" in header else None
            units = []
            for row in range(1, len(grid.rows)):
                name = grid.cell(row, name_column).text.replace(" ", "")
                if not name:
                    continue
                unit: dict[str, Any] = {"name": name}
                if note_column is not None and (note := grid.cell(row, note_column).text.replace(" ", "")):
                    unit["note"] = note
                self.source.put(("organisation", "units", len(units)), Place(grid.cell(row, name_column).line, 1, grid.page, name))
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
                self.unread.append({"page": page.number, "text": "", "kind": "drawing"})
        if self.unread:
            printed["unread"] = sorted(self.unread, key=lambda item: item["page"])
        if self.repeated_tables:
            printed["repeated_tables"] = self.repeated_tables
        facts = (
            ("empty_pages", empty), ("repeated_pages", repeated), ("off_page", off_page),
            ("unread", printed.get("unread", [])), ("repeated_tables", self.repeated_tables),
        )
        for key, items in facts:
            for index, item in enumerate(items):
                page = item if isinstance(item, int) else item["page"]
                self.source.put(("printed", key, index), Place(1, 1, page, None))
        self.source.put(("printed",), Place(1, 1, 1, None))
        return printed


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


def _runs(line: Line) -> list[str]:
    """“编制部门：…” and “单位：元” printed on one line are two things."""
    words = normal(line.text)
    match = re.search(r"(?:金额)?单位[:：](?:万元|元)$", words)
    if match and match.start() > 0:
        return [words[: match.start()], words[match.start() :]]
    return [words]
