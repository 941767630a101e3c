"""The page-text reader: a report as text (copied out of a PDF, or written by ``pdftotext`` or
pdfplumber) → the same ``Report`` as its PDF.

Form feeds separate the pages; a place is a page and a line.  The words are read by the PDF
reader's flow (``media.WrappedReader``: a line's width stands for where it ends).  A table is
printed as lines of cells separated by spaces, and a blank cell leaves no trace: a row is read
only where its figures can be put in the template's columns without guessing (``text_rows``).
Anything else is left unread and said so (``printed.unread``), never taken as 0.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from typing import Any

from ..i18n import Msg
from ..lexicon import CONTENTS_TITLE, FORM_TITLE, MARGIN_PAGE_NUMBER, MONEY_UNIT_LABEL, NOTE_MARK, SECTION_TITLE_ENDS
from ..template import Template
from . import forms, text_rows
from .media import Block, Document, TextGrid, build, grid_of, recognise, stem_of, text_width
from .pdf.flow import NUMBERED, Line, normal
from .source import Limits, LoadError

MAX_LINES = 100_000  # a report has a few thousand; more is no report
_PAGE_NUMBER = re.compile(MARGIN_PAGE_NUMBER)
_STOP = re.compile(NOTE_MARK)
_BEFORE = re.compile(f"{Template.model_fields['compiler'].default}|^{MONEY_UNIT_LABEL}")  # a template's own: before_table(spec)
_FORM_TITLE = re.compile(FORM_TITLE)  # “财政项目支出绩效目标申报表”: a table the template does not define
_CONTENTS = re.compile(CONTENTS_TITLE)


def decode(data: bytes) -> str:
    """The text of a file in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (GBK, GB2312)
    or, failing those, what charset-normalizer finds with confidence; ``LoadError`` otherwise."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise LoadError(Msg("txt.encoding")) from error
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    from charset_normalizer import from_bytes  # loaded only for a text in neither UTF-8 nor GB18030

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.chaos > 0.2 or best.encoding in ("utf_16", "utf_32"):
        raise LoadError(Msg("txt.encoding"))
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise LoadError(Msg("txt.encoding")) from error


def text_document(text: str, name: str = "", limits: Limits = Limits()) -> Document:
    """A page text's lines as the flow reads them, tables not yet told apart."""
    pages = text.split("\f")
    if len(pages) > limits.max_pages:
        raise LoadError(Msg("pdf.too_many_pages", pages=len(pages), limit=limits.max_pages))
    blocks: list[tuple[int, float, Any]] = []
    count = 0
    first_lines = [1]  # each page's first line in the file: a form feed starts a page within a line
    for page in pages[:-1]:
        first_lines.append(first_lines[-1] + page.count("\n"))
    for page_number, page in enumerate(pages, start=1):
        raws = page.splitlines()
        filled = [index for index, raw in enumerate(raws) if raw.strip()]
        for edge in {filled[0], filled[-1]} if filled else ():
            if _PAGE_NUMBER.match(raws[edge].strip().replace(" ", "")):
                raws[edge] = ""  # the page number printed in the margin
        cells: list[list[tuple[str, int, int]]] = []  # a table the text prints as tab-indented cells
        for index, raw in enumerate(raws, start=1):
            count += 1
            if count > MAX_LINES:
                raise LoadError(Msg("txt.too_many_lines", limit=MAX_LINES))
            if raw.startswith("\t") or (cells and not raw.strip()):
                # A Word table saved as text: each cell on a line of its own after a tab, a row
                # starting at a line with the tab alone.  Read as a table, not as paragraphs.
                text = re.sub(r"\s+", " ", raw.strip())
                if not cells or (raw.startswith("\t") and not text and cells[-1]):
                    cells.append([])
                if text:
                    cells[-1].append((text, 1, index))
                continue
            if cells:
                blocks.append(_cell_grid(page_number, cells))
                cells = []
            words = raw.strip().replace("\u3000", " ")
            if not words or not normal(words):
                continue
            words = re.sub(r"\s+", " ", words)
            blocks.append((page_number, float(index), Line(page_number, index, 0.0, float(text_width(words)), float(index), 2.0, words)))
        if cells:
            blocks.append(_cell_grid(page_number, cells))
    return Document(blocks, None, len(pages), "wrapped", name=stem_of(name), paged=len(pages) > 1, first_lines=first_lines)


def _cell_grid(page: int, rows: list[list[tuple[str, int, int]]]) -> tuple[int, float, Any]:
    rows = [row for row in rows if row]
    first = rows[0][0][2] if rows else 0
    return (page, float(first) - 0.5, grid_of(page, rows, top=float(first) - 0.5))


def read_txt(
    data: bytes, limits: Limits = Limits(), name: str = "", overrides: dict[str, Any] | None = None, template: str | None = None,
) -> tuple[dict[str, Any], Any]:
    text = decode(data)
    from .layout_text import is_layout, read_layout  # a text written by ``pdftotext -layout``: read by position

    if is_layout(text):
        return read_layout(text, limits, name, overrides, template)
    document = text_document(text, name, limits)
    spec = recognise(document, requested=template)
    document.blocks, printed_forms = forms.take(document.blocks, spec, [re.compile(pattern) for pattern in spec.parts])
    document.unread_lines += [line for form in printed_forms for line in form.lines]  # printed table lines, for coverage
    document.forms = len(printed_forms)
    _tables(document, spec)
    tree, source = build(document, spec, overrides=overrides)
    if printed_forms:  # after the projects the text states (sentences.derive)
        source.after_text = [lambda tree: forms.merge(tree, source, printed_forms)]
    return tree, source


# ---------------------------------------------------------------------------------- tables
def before_table(spec: Template) -> re.Pattern[str]:
    """The lines under a table's title that say who compiled it and in what unit (the template's
    compiler label, the national money-unit label)."""
    return _before(spec.compiler)


@functools.lru_cache(maxsize=8)
def _before(compiler: str) -> re.Pattern[str]:
    return re.compile(f"{compiler}|^{MONEY_UNIT_LABEL}")


# A table found in a page text: where it stands in the blocks, its key, its title and its lines.
Found = tuple[int, str, Line, list[Line]]


def gather_tables(
    document: Document, spec: Template,
    ends: Callable[[Line, dict[str, re.Pattern[str]], list[re.Pattern[str]], set[str]], bool],
    other: Callable[[Line, int, list[Block]], int | None] | None = None,
) -> tuple[list[Block], list[Found]]:
    """A page text's blocks walked once: each table's title, the lines under it that say who compiled
    it (kept as lines), and its lines up to where ``ends`` says it ends; a form the template does
    not define is left unread (``_form``), and ``other`` may take what follows another line (it
    returns the index after what it took, or None).  Returns the blocks with each table's last line
    standing where its grids are to go, and the tables found, for the reader to turn into grids."""
    titles = {key: re.compile(table.title) for key, table in spec.tables.items()}
    parts = [re.compile(pattern) for pattern in spec.parts]
    headings = {normal(heading) for heading in spec.headings}
    blocks = document.blocks
    cover_or_contents = {blocks[0][0]} if blocks and document.paged else set()
    cover_or_contents |= {block[0] for block in blocks if isinstance(block[2], Line) and _CONTENTS.match(normal(block[2].text))}
    out: list[Block] = []
    found: list[Found] = []
    index = 0
    while index < len(blocks):
        page, _, line = blocks[index]
        if not isinstance(line, Line):
            out.append(blocks[index])
            index += 1
            continue
        key = _title(line.text, titles)
        out.append(blocks[index])
        index += 1
        if key is None:
            if page not in cover_or_contents and _is_form_title(line.text, headings):
                index = _form(document, blocks, index, line, out, titles, parts, headings)
            elif page not in cover_or_contents and other is not None:
                index = other(line, index, out) or index
            continue
        while index < len(blocks) and isinstance(blocks[index][2], Line) and before_table(spec).search(normal(blocks[index][2].text)) and not _figures(blocks[index][2].text):
            out.append(blocks[index])
            index += 1
        body: list[Line] = []
        while index < len(blocks):
            candidate = blocks[index][2]
            if not isinstance(candidate, Line) or ends(candidate, titles, parts, headings):
                break
            body.append(candidate)
            index += 1
        found.append((len(out), key, line, body))
        out.append(blocks[index - 1])  # the table's place: its grids, once every table's lines are known
    return out, found


def _tables(document: Document, spec: Template) -> None:
    """Each table title's following lines → grids, where their figures can be placed."""
    out, found = gather_tables(document, spec, lambda line, *words: _ends_table(line.text, *words))
    # A table whose rows the line structure and its own sums leave open may be placed by what other
    # tables print (``totals_from``): every table's lines are gathered first.
    known = text_rows.known_figures((key, normal(title.text), body, spec.tables[key].spec()) for _, key, title, body in found)
    for position, key, title, body in reversed(found):
        grids = _grids(body, spec.tables[key].spec(), key, known)
        if any(problem[2] != "summed" for grid in grids for problem in grid.unplaced):
            document.unread_lines[:0] = [line for line in body if _figures(line.text)]  # printed, and not read
        out[position:position + 1] = [(grid.page, grid.ys[0], grid) for grid in grids]
    document.blocks = out


def _is_form_title(text: str, headings: set[str]) -> bool:
    words = normal(text)
    return _FORM_TITLE.match(words) is not None and not NUMBERED.match(words) and words not in headings


def _form(
    document: Document, blocks: list[tuple[int, float, Any]], index: int, title: Line, out: list[tuple[int, float, Any]],
    titles: dict[str, re.Pattern[str]], parts: list[re.Pattern[str]], headings: set[str],
) -> int:
    """A table the template does not define (a 绩效目标申报表 printed as lines of cells): its lines
    on the title's page, up to a heading, are a table left unread (said in ``printed.unread``, its
    figures counted by coverage as not read), never paragraphs to read as sentences."""
    body: list[Line] = []
    while index < len(blocks):
        candidate = blocks[index][2]
        if not isinstance(candidate, Line) or candidate.page != title.page or _ends_table(candidate.text, titles, parts, headings):
            break
        if NUMBERED.match(normal(candidate.text)) and _FORM_TITLE.match(NUMBERED.sub("", normal(candidate.text), count=1)) is None and len(normal(candidate.text)) <= 30 and not _figures(candidate.text) and candidate.text.rstrip().endswith(SECTION_TITLE_ENDS):
            break
        body.append(candidate)
        index += 1
    if sum(len(line.text.split()) >= 2 for line in body) < 3:  # no rows of cells under it: a line that names a table
        out.extend((line.page, line.top, line) for line in body)
        return index
    out.pop()  # the title is the table's first row, no line of the text (its cells are printed lines for coverage)
    rows = [[(line.text, 1, line.number)] for line in (title, *body)]
    out.append((title.page, title.top - 0.5, grid_of(title.page, rows, top=title.top - 0.5)))
    first = " ".join(line.text for line in body[:2])[:60]
    document.unread.append({"page": title.page, "text": normal(title.text), "kind": "header", "reason": "unread.form", "printed": first})
    return index


def _title(text: str, titles: dict[str, re.Pattern[str]]) -> str | None:
    words = normal(text)
    return next((key for key, pattern in titles.items() if pattern.fullmatch(words)), None)


def _ends_table(text: str, titles: dict[str, re.Pattern[str]], parts: list[re.Pattern[str]], headings: set[str]) -> bool:
    words = normal(text)
    if _STOP.match(words) or _title(text, titles) is not None or any(pattern.search(words) for pattern in parts):
        return True
    if _figures(text):
        return False
    stripped = NUMBERED.sub("", words, count=1)
    return len(words) > 40 or (NUMBERED.match(words) is not None and (stripped in headings or stripped.endswith(SECTION_TITLE_ENDS)))


_tokens = text_rows.tokens
_is_figure = text_rows.is_figure
_figures = text_rows.figures


def _grids(body: list[Line], spec: dict[str, Any], key: str, known: text_rows.Known | None = None) -> list[TextGrid]:
    """One grid per page of the table's lines, as the PDF reader has one per page; the rows are
    placed in the template's columns where that is certain (``text_rows``), or where the sums and
    identities the placement assumes make it unique (those are then not checked: the grid's
    ``summed_in`` and ``assumed`` say which)."""
    shape = spec.get("shape")
    pages: dict[int, list[Line]] = {}
    for line in body:
        pages.setdefault(line.page, []).append(line)
    if not pages:
        return []
    header: list[tuple[str, int, int]] | None = None
    placed = text_rows.Placed()
    columns = 0
    if shape in ("coded", "row"):
        header, placed, columns = text_rows.coded_rows(body, spec, coded=shape == "coded", known=known)
    elif shape == "sides":
        halves = text_rows.side_columns(body, spec)
        if halves is not None and all(halves):
            header = text_rows.side_header(halves)
            placed = text_rows.side_rows(body, spec, halves, known)
            columns = sum(len(half) for half in halves)
    data = [line for line in body if _figures(line.text)]
    problems: list[tuple[int, str, str]] = []
    if data and header is None:
        problems.append(text_rows.header_problem(data[0].page, body))
    elif placed.wrong:
        problems.append(text_rows.unplaced(sorted(placed.wrong, key=lambda line: (line.page, line.number)), columns))
    grids: list[TextGrid] = []
    for page, lines in pages.items():
        rows = placed.pages.get(page, [])
        grids.append(grid_of(page, [header, *rows] if rows and header else [], top=lines[0].top - 0.5))
    if problems:
        # A table read in part would add up wrong: what could not be placed leaves it all unread.
        grids = [grid_of(grid.page, [], top=grid.ys[0]) for grid in grids]
        grids[0].unplaced = problems
    elif placed.summed and grids:
        first = placed.summed[0]
        if placed.assumed:
            named = dict(_named_columns(spec))
            row = _total_words(body, spec, placed.assumed[0][0])
            identities = "; ".join(f"{row}·{named.get(left.rsplit('.', 1)[1], '')} = {words}" for left, _, words in placed.assumed)  # printed words
            if placed.summed_in:
                what = Msg("unread.assumed.classes", rows=len(placed.summed), total=row, identities=identities, first=first.text)
            else:
                what = Msg("unread.assumed.coded", rows=len(placed.summed), identities=identities, first=first.text)
        else:
            what = Msg("unread.summed", rows=len(placed.summed), first=first.text)
        grids[0].unplaced = [(first.page, what, "summed", first.number)]
        grids[0].summed_in = placed.summed_in  # type: ignore[attr-defined]
        grids[0].assumed = [(f"{key}.{left}", source) for left, source, _ in placed.assumed]  # type: ignore[attr-defined]
    return grids


def _named_columns(spec: dict[str, Any]) -> list[tuple[str, str]]:
    return text_rows.value_columns({"columns": spec.get("columns") or {}}) or []


def _total_words(body: list[Line], spec: dict[str, Any], left: str) -> str:
    """The words of the row an assumed figure stands in, as the table prints them (合计, 支出总计)."""
    row = left.rsplit(".", 1)[0]
    patterns = [re.compile(pattern) for pattern, path in spec.get("rows") or [] if path == row] or [re.compile(spec.get("total", text_rows.TOTAL_ROW))]
    for line in body:
        for group in text_rows.split_line(line.text):
            words = NUMBERED.sub("", normal("".join(group.words)))
            if words and any(pattern.search(words) for pattern in patterns):
                return words
    return row
