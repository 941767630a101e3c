"""From laid-out pages to the report's words in print order: cover, contents, headings,
paragraphs, and the tables with the words printed around them.

What counts as a heading, and which title names which table, is the template's business
(``layouts/*.yaml``); here is only the reading: lines outside the ruled tables are text, a
numbered short line is a heading, an indented or numbered line starts a paragraph, a line that
reaches the right margin continues onto the next one — across a page break too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ...i18n import Msg
from ...lexicon import (
    ARTICLE_NUMBER,
    CONTENTS_TITLE,
    EXPLANATION,
    FIGURE_CAPTION,
    MONEY_UNIT_LABEL,
    PART_NUMBER,
    SECTION_NUMBER,
    SUBSECTION_NUMBER,
    heading_words,
)
from ...template import Template
from ..source import Limits, LoadError
from .grid import Grid, find_grids
from .layout import Glyph, Page, TextLine

NUMBERED = re.compile(rf"^(?:{PART_NUMBER}|{SECTION_NUMBER}|{SUBSECTION_NUMBER}|\d{{1,2}}\s*(?:、|[.．](?!\d))|{ARTICLE_NUMBER})")
_LEVELS = (
    (re.compile(rf"^{PART_NUMBER}"), 0),
    (re.compile(rf"^{SECTION_NUMBER}"), 1),
    (re.compile(rf"^{SUBSECTION_NUMBER}"), 2),
)
_CAPTION = re.compile(FIGURE_CAPTION)
_NOTE = re.compile(r"[（(][^（(]*$")  # a note in brackets after a heading's words, perhaps wrapped before it closes
_LOOK_AHEAD = 400  # blocks searched for the next numbered heading after one printed without its number
_CONTENTS = re.compile(CONTENTS_TITLE)
_LEADER = re.compile(r"[…\.·]{3,}\s*\d*$")
_ENTRY_NUMBER = re.compile(r"^\d{1,2}[、.．]")  # “4．2025年部门…预算表”: an entry's own number, a year after it


def normal(text: str) -> str:
    """Text compared as words: without spaces and full-width spaces."""
    return text.replace(" ", "").replace("\u3000", "")


@dataclass
class Line:
    """A line of text outside the tables, where it stands, and its words."""

    page: int
    number: int
    x0: float
    x1: float
    top: float
    size: float
    text: str


class Piece:
    """A paragraph or heading as read: its text and where each of its lines begins in it.

    Its lines are kept apart and joined once, when the text is asked for: a paragraph grown by
    concatenation costs the square of its length (a page of 10⁵ characters took minutes)."""

    def __init__(self, text: str = "") -> None:
        self._parts = [text] if text else []
        self.size = len(text)
        self.lines: list[tuple[int, Line]] = []  # (offset into text, line)

    @property
    def text(self) -> str:
        if len(self._parts) != 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0]

    def add(self, line: Line, limit: int | None = None) -> None:
        """``line`` appended; ``LoadError`` once the text passes ``limit`` characters."""
        self.lines.append((self.size, line))
        self._parts.append(line.text)
        self.size += len(line.text)
        if limit is not None and self.size > limit:
            raise LoadError(Msg("pdf.paragraph", limit=limit), page=line.page)


@dataclass
class TableBlock:
    """A table as printed: its title line, the lines around it, and its grids (one per page)."""

    key: str
    title: Line
    grids: list[Grid] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)  # 单位：万元, 编制部门：…
    after: list[Piece] = field(default_factory=list)  # 注：…


@dataclass
class Node:
    """A heading and what stands under it."""

    heading: Piece
    level: int
    paragraphs: list[Piece] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


@dataclass
class Flow:
    """The whole report's words, as ``read_flow`` finds them."""

    cover: list[Line] = field(default_factory=list)
    contents: list[Piece] = field(default_factory=list)  # an entry may wrap onto a second line
    parts: list[Node] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    loose_grids: list[Grid] = field(default_factory=list)  # ruled tables under no known title
    free: list[Line] = field(default_factory=list)  # every line outside the tables, page numbers left out
    grids: list[Grid] = field(default_factory=list)  # every ruled table as found, title rows and all


def _free_lines(page: Page, grids: list[Grid]) -> list[Line]:
    """The page's lines outside its ruled tables (a line crossing a table keeps its outside part),
    without the page numbers printed in its top and bottom margins."""
    free = []
    for line in page.lines:
        if page.is_page_number(line):
            continue
        outside = [g for g in line.glyphs if not _inside(g, grids)]
        if not outside:
            continue
        part = outside if len(outside) != len(line.glyphs) else line.glyphs
        text_line = TextLine(page.number, line.number, part)
        free.append(Line(page.number, line.number, text_line.x0, text_line.x1, text_line.top, text_line.size, text_line.text))
    return free


def _inside(glyph: Glyph, grids: list[Grid]) -> bool:
    x, y = glyph.mid_x, glyph.mid_y
    return any(grid.xs[0] <= x <= grid.xs[-1] and grid.ys[0] <= y <= grid.ys[-1] for grid in grids)


class Reader:
    """Reads the flow of one document with the template's headings and table titles."""

    # A line under a table's title that belongs to it: the template's 编制单位 label, or the money
    # unit (``reader_for`` sets the template's own).
    beside_title: re.Pattern[str] = re.compile(f"{Template.model_fields['compiler'].default}|{MONEY_UNIT_LABEL}")

    def __init__(self, part_patterns: list[re.Pattern[str]], known_headings: set[str], table_titles: dict[str, re.Pattern[str]], max_paragraph: int = Limits.max_paragraph):
        self.max_paragraph = max_paragraph  # characters: a longer paragraph is refused (``Piece.add``)
        self.part_patterns = part_patterns
        self.known_headings = known_headings
        self.table_titles = table_titles
        self.named_headings = {heading_words(heading) for heading in known_headings} - {""}

    # -------------------------------------------------------------- what a line is
    def table_of(self, text: str) -> str | None:
        words = normal(text)
        for key, pattern in self.table_titles.items():
            if pattern.fullmatch(words):
                return key
        return None

    def level_of(self, line: Line, left: float, right: float, next_line: Line | None) -> int | None:
        """The heading level of ``line`` (0 part, 1 一、, 2 （一）), or ``None`` for text."""
        words = normal(line.text)
        for pattern in self.part_patterns:
            if pattern.search(words):
                return 0
        level = next((level for pattern, level in _LEVELS if pattern.match(words)), None)
        if level is None:
            return None
        if level == 0 or _strip_number(words) in self.known_headings:
            return level
        note = _NOTE.search(_strip_number(words))
        if note is not None and _strip_number(words)[: note.start()] in self.known_headings:
            # “二、部门决算单位构成（仅有一个单位的部门，…）”: a known heading and a note in brackets,
            # closed on its line or on the next one, which finishes the heading
            closed = note.group().endswith(("）", ")"))
            if closed or (next_line is not None and self.continues_heading(next_line, line) and normal(next_line.text).endswith(("）", ")"))):
                return level
        continued = self.runs_on(line, next_line, right)
        if continued or "，" in words or "：" in words[:-1] or (words.endswith(("。", "；")) and EXPLANATION not in words[-4:]):
            return None  # a numbered paragraph
        return level

    def is_named_heading(self, line: Line) -> bool:
        """Whether ``line`` is, word for word, one of the template's headings though it prints no
        number (“收入决算情况说明” where the 二、 was lost): a heading all the same."""
        return heading_words(line.text) in self.named_headings

    def unnumbered_level(self, stack: list[Node], body: list[tuple[int, float, Line | Grid]], index: int) -> int:
        """The level of a heading printed without its number: a sibling of the heading before it
        (under a part: 一、's level), or the first child of it where the next numbered heading
        stands deeper (“一、…” / “…情况” / “（二）…”)."""
        before = stack[-1].level if stack else 0
        if before == 0:
            return 1
        for _, _, item in body[index + 1 : index + 1 + _LOOK_AHEAD]:
            if isinstance(item, Line):
                words = normal(item.text)
                after = next((level for pattern, level in _LEVELS if pattern.match(words)), None)
                if after is not None or any(pattern.search(words) for pattern in self.part_patterns):
                    return after if after is not None and after > before else before
        return before

    def is_caption(self, line: Line) -> bool:
        """A chart's caption on a line of its own: a paragraph by itself, joined to no sentence."""
        return _CAPTION.match(line.text.strip()) is not None

    def is_residue(self, line: Line) -> bool:
        """What a chart or picture leaves in a text (a medium's reader overrides it; a PDF's lines
        outside its tables are all text)."""
        return False

    # -------------------------------------------------------------- how lines make paragraphs
    # A PDF's lines are placed on the page; a reader of another medium overrides these three.
    def starts_paragraph(self, line: Line, previous: Line | None, left: float, right: float) -> bool:
        return _starts_paragraph(line, previous, left, right)

    def continues_heading(self, line: Line, heading: Line) -> bool:
        return _continues_heading(line, heading)

    def runs_on(self, line: Line, next_line: Line | None, right: float) -> bool:
        """Whether ``line`` runs on to the next one (it reaches the right margin)."""
        return next_line is not None and next_line.page == line.page and line.x1 >= right - 2 * line.size

    def ends_cover(self, line: Line) -> bool:
        """Whether ``line`` starts the body though it stands on the cover's page (a medium without pages)."""
        return False

    def ends_contents(self, words: str, first_entry: str | None) -> bool:
        """Whether a line on the contents' page ends them (a medium without pages: the first line
        that is no entry, or the first entry again as the body's heading)."""
        return False

    # -------------------------------------------------------------- the whole document
    def read(self, pages: list[Page]) -> Flow:
        blocks: list[tuple[int, float, Line | Grid]] = []
        for page in pages:
            grids = find_grids(page)
            lines = _free_lines(page, grids)
            blocks += [(page.number, line.top, line) for line in lines]
            blocks += [(page.number, grid.top, grid) for grid in grids]
        blocks.sort(key=lambda block: (block[0], block[1]))
        return self.read_blocks(blocks)

    def read_blocks(self, blocks: list[tuple[int, float, Line | Grid]]) -> Flow:
        """The flow of a document given as its text lines and tables in print order: (page, top, item)."""
        flow = Flow()
        lines_only = [block[2] for block in blocks if isinstance(block[2], Line)]
        flow.free = list(lines_only)  # what coverage counts as printed: the lines outside the tables, and each table's cells
        flow.grids = [block[2] for block in blocks if isinstance(block[2], Grid)]
        margins = _margins(lines_only)

        position = self._cover_and_contents(blocks, flow, margins)
        stack: list[Node] = []
        table: TableBlock | None = None
        paragraph: Piece | None = None
        previous: Line | None = None
        body = blocks[position:]
        following_lines = _next_lines(body)
        for index, (page_number, _, item) in enumerate(body):
            if isinstance(item, Grid):
                titled = self._titled(item)
                if titled is not None:  # the title ruled into the grid's top rows (an Excel page)
                    key, title, before, item = titled
                    table = TableBlock(key, title, before=before)
                    flow.tables.append(table)
                paragraph = None
                (table.grids if table is not None else flow.loose_grids).append(item)
                previous = None
                continue
            line = item
            left, right = margins.get(page_number, (line.x0, line.x1))
            following = following_lines[index]
            key = self.table_of(line.text)
            if key is not None:
                table = TableBlock(key, line)
                flow.tables.append(table)
                paragraph, previous = None, line
                continue
            heading_lines = stack[-1].heading.lines if stack else []
            if heading_lines and previous is heading_lines[-1][1] and self.continues_heading(line, previous):
                stack[-1].heading.add(line, self.max_paragraph)  # a heading printed over two lines
                previous = line
                continue
            level = self.level_of(line, left, right, following)
            if level is None and self.is_named_heading(line):
                level = self.unnumbered_level(stack, body, index)
            if level is not None:
                node = Node(Piece(""), level)
                node.heading.add(line)
                while stack and stack[-1].level >= level:
                    stack.pop()
                (stack[-1].children if stack else flow.parts).append(node)
                stack.append(node)
                table, paragraph, previous = None, None, line
                continue
            if self.is_residue(line):
                paragraph, previous = None, None  # the lines after it start afresh
                continue
            alone = self.is_caption(line)
            if alone:
                paragraph = None
            if table is not None:
                if not table.grids:
                    table.before.append(line)
                    previous = line
                    continue
                if paragraph is None or self.starts_paragraph(line, previous, left, right):
                    paragraph = Piece("")
                    table.after.append(paragraph)
                paragraph.add(line, self.max_paragraph)
                previous = line
                if alone:
                    paragraph = None
                continue
            if paragraph is None or self.starts_paragraph(line, previous, left, right):
                paragraph = Piece("")
                if not stack:  # text before any heading: a part of its own
                    node = Node(Piece(""), 0)
                    flow.parts.append(node)
                    stack.append(node)
                stack[-1].paragraphs.append(paragraph)
            paragraph.add(line, self.max_paragraph)
            previous = line
            if alone:
                paragraph = None  # a caption joins no sentence, before it or after
        return flow

    def _titled(self, grid: Grid) -> tuple[str, Line, list[Line], Grid] | None:
        """A table whose title, compiler and unit lines are printed inside its own rulings: the
        table's key, its title line, the lines under the title, and the grid below them."""
        lines: list[Line] = []
        key = None
        last = -1  # the last row that holds the title or a line under it
        for row in range(min(len(grid.rows), 8)):
            glyphs = sorted((g for cell in grid.rows[row] for g in cell.glyphs), key=lambda g: g.x0)
            if not glyphs:
                continue
            text_line = TextLine(grid.page, glyphs[0].line, glyphs)
            line = Line(grid.page, text_line.number, text_line.x0, text_line.x1, text_line.top, text_line.size, text_line.text)
            if key is None:
                key = self.table_of(line.text)
                if key is None:
                    return None  # the first words in the grid are no title: an ordinary table
            elif not self.beside_title.search(normal(line.text)):
                break
            lines.append(line)
            last = row
        if key is None:
            return None
        below = Grid(grid.page, grid.xs, grid.ys[last + 1 :], grid.rows[last + 1 :])
        return key, lines[0], lines[1:], below

    def _cover_and_contents(self, blocks: list[tuple[int, float, Line | Grid]], flow: Flow, margins: dict[int, tuple[float, float]]) -> int:
        """Put the cover's and the contents' lines aside; the position where the body begins.

        The cover is the first page (up to a 目录 printed on it); the contents start at 目录 and
        run onto the next pages only while those hold nothing but entries.
        """
        position = 0
        first_page = blocks[0][0] if blocks else 1
        while position < len(blocks) and blocks[position][0] == first_page:
            item = blocks[position][2]
            if isinstance(item, Line) and (_CONTENTS.match(normal(item.text)) or self.ends_cover(item)):
                break
            if isinstance(item, Line):
                flow.cover.append(item)
            position += 1
        if position >= len(blocks) or not isinstance(blocks[position][2], Line) or not _CONTENTS.match(normal(blocks[position][2].text)):
            return position
        contents_page = blocks[position][0]
        position += 1
        first_entry: str | None = None
        while position < len(blocks):
            page_number, _, item = blocks[position]
            if not isinstance(item, Line):
                break
            words = normal(item.text)
            if page_number != contents_page:
                page_lines = [b[2] for b in blocks if b[0] == page_number]
                if any(not isinstance(b, Line) or not _is_entry(normal(b.text)) for b in page_lines) or normal(page_lines[0].text) == first_entry:
                    break
                contents_page = page_number
            if self.ends_contents(words, first_entry):
                break
            if first_entry is None:
                first_entry = words
            if flow.contents and _wraps(flow.contents[-1].lines[-1][1], item, margins.get(page_number, (0, item.x1))[1]):
                flow.contents[-1].add(item)  # “八、政府性基金预算财政拨款收入支出决算” / “表”
            else:
                entry = Piece("")
                entry.add(item)
                flow.contents.append(entry)
            position += 1
        return position


def _continues_heading(line: Line, heading: Line) -> bool:
    """A short line centred under a heading finishes it (“…部门决算情况” / “说明”)."""
    if line.page != heading.page or len(normal(line.text)) > 12 or NUMBERED.match(normal(line.text)):
        return False
    middle = (line.x0 + line.x1) / 2
    return abs(middle - (heading.x0 + heading.x1) / 2) < 3 * line.size and line.top - heading.top < 3 * line.size


def _wraps(previous: Line, line: Line, right: float) -> bool:
    """Whether a contents line goes on with the entry above it: it carries no number of its own,
    the entry above reached the right margin (``right``) and ends in no leader or page number, and
    it stands right under it."""
    words, above = normal(line.text), normal(previous.text)
    if not words or NUMBERED.match(words) or _ENTRY_NUMBER.match(words) or _LEADER.search(above) or re.search(r"\d$", above):
        return False
    size = max(line.size, previous.size)
    return line.page == previous.page and previous.x1 >= right - 3 * size and 0 < line.top - previous.top <= 2.5 * size


def _is_entry(words: str) -> bool:
    return bool(NUMBERED.match(words) or _LEADER.search(words)) and len(_LEADER.sub("", words)) <= 40


is_entry = _is_entry  # a line of the contents: numbered or with leaders, and short


def _strip_number(words: str) -> str:
    return NUMBERED.sub("", words, count=1).rstrip("。")


def _next_lines(body: list[tuple[int, float, Line | Grid]]) -> list[Line | None]:
    """For each block, the next text line after it (read once, from the end)."""
    found: list[Line | None] = [None] * len(body)
    following: Line | None = None
    for index in range(len(body) - 1, -1, -1):
        found[index] = following
        item = body[index][2]
        if isinstance(item, Line):
            following = item
    return found


def _margins(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Each page's text margins: the left edge most lines start at, the right edge they reach."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    margins = {}
    for page, members in by_page.items():
        counts = Counter(round(line.x0) for line in members)
        left = min(counts, key=lambda x: (-counts[x], x))
        ends = sorted(line.x1 for line in members)
        right = ends[int(len(ends) * 0.9)] if len(ends) > 3 else max(ends)
        margins[page] = (left, max(right, median(ends)))
    return margins


def _starts_paragraph(line: Line, previous: Line | None, left: float, right: float) -> bool:
    """A new paragraph starts indented or numbered (every paragraph of these reports does); a line
    at the margin continues the one before, even after a line that broke early before a number."""
    if previous is None:
        return True
    if NUMBERED.match(normal(line.text)):
        return True
    return line.x0 > left + 0.8 * line.size
