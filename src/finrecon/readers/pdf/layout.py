"""A PDF's pages as the reader sees them: glyphs with their boxes, text lines, ruling lines.

PDFium (pypdfium2) gives every character with its box in the order of the content stream.  That
order is not the reading order in these reports — digits are drawn apart from the Chinese
glyphs around them — so nothing here trusts it: glyphs are placed by position.  A *line* is the
glyphs that share a baseline, left to right; *rulings* are the thin paths tables are drawn with.

Coordinates are PDF points measured from the top-left corner of the page as a viewer shows it
(``top`` grows downward), whatever the page's rotation.
"""

from __future__ import annotations

import ctypes
import hashlib
import math
import re
from dataclasses import dataclass, field

from ...i18n import Msg
from ...lexicon import PAGE_NUMBER
from ..source import Limits, LoadError

_NO_TEXT = frozenset("\r\n\x00\x02\ufffe\uffff")
_PAGE_NUMBER = re.compile(PAGE_NUMBER)
MAX_RULINGS = 4000  # paths read on one page: the real reports draw a few hundred; a page with more is not read as tables


@dataclass(slots=True)
class Glyph:
    """One printed character and its box (loose: the font's full height, for lines to line up)."""

    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    line: int = 0  # the number of the page line it stands on, once lines are made

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


def _is_ascii_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".,%-+")


def join_glyphs(glyphs: list[Glyph]) -> str:
    """Glyphs left to right as text.  Chinese needs no spaces; a space is kept only where two
    Latin words or numbers stand apart (“2024 2995.39” must not become one number)."""
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None and glyph.x0 - previous.x1 > 0.25 * max(glyph.size, 1.0):
            if _is_ascii_word(previous.char) and _is_ascii_word(glyph.char):
                parts.append(" ")
        parts.append(glyph.char)
        previous = glyph
    return "".join(parts)


@dataclass(slots=True)
class TextLine:
    """The glyphs on one baseline of a page, left to right; ``number`` counts lines from the top (1-based)."""

    page: int
    number: int
    glyphs: list[Glyph]
    text: str = ""

    def __post_init__(self) -> None:
        self.text = join_glyphs(self.glyphs)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @property
    def top(self) -> float:
        return min(glyph.top for glyph in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(glyph.bottom for glyph in self.glyphs)

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @property
    def size(self) -> float:
        return max(glyph.size for glyph in self.glyphs)

    def runs(self, gap: float = 2.0) -> list[list[Glyph]]:
        """The line cut where glyphs stand more than ``gap`` font sizes apart (“编制部门：…   单位：元”)."""
        runs: list[list[Glyph]] = [[self.glyphs[0]]]
        for glyph in self.glyphs[1:]:
            if glyph.x0 - runs[-1][-1].x1 > gap * max(glyph.size, 1.0):
                runs.append([glyph])
            else:
                runs[-1].append(glyph)
        return runs


@dataclass(slots=True)
class Segment:
    """A ruling: horizontal (``y0 == y1``) or vertical (``x0 == x1``)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= self.x1 - self.x0


@dataclass
class Page:
    """One page: its size, its glyphs placed into lines, its rulings, and what lies off the page."""

    number: int
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    rulings: list[Segment] = field(default_factory=list)
    off_page: list[Glyph] = field(default_factory=list)  # glyphs outside the page box: read, but never seen
    unmapped: int = 0  # glyphs whose font maps to no character, or only by PDFium's guess (a text layer that cannot be read)
    images: int = 0  # pictures drawn on the page (a chart, a stamp): a page of them is not blank
    too_many_rulings: bool = False  # more rulings than ``MAX_RULINGS``: its tables are not read
    unread_grids: int = 0  # ruled tables too large to read (``grid.MAX_CELLS``)

    @property
    def glyphs(self) -> int:
        return sum(len(line.glyphs) for line in self.lines)

    def is_page_number(self, line: TextLine) -> bool:
        """A page number printed in the top or bottom margin (“- 3 -”, “第3页”, “3/25”)."""
        return bool(_PAGE_NUMBER.match(line.text.replace(" ", ""))) and not 0.08 * self.height < line.top < 0.92 * self.height

    def fingerprint(self) -> str | None:
        """What the page prints, its page number aside, to find a page printed twice; ``None`` for
        a page without text."""
        text = "\n".join(line.text for line in self.lines if not self.is_page_number(line))
        return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None


# ------------------------------------------------------------------------------ reading
def open_document(data: bytes, limits: Limits):  # noqa: ANN201 - a pypdfium2 document
    """The PDF opened by PDFium, or a ``LoadError`` that says why it cannot be read."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        text = str(error).lower()
        key = "pdf.encrypted" if "password" in text or "security" in text else "pdf.corrupt"
        raise LoadError(Msg(key)) from None
    pages = len(document)
    if pages == 0:
        document.close()
        raise LoadError(Msg("pdf.no_pages"))
    if pages > limits.max_pages:
        document.close()
        raise LoadError(Msg("pdf.too_many_pages", pages=pages, limit=limits.max_pages))
    return document


def read_pages(data: bytes, limits: Limits = Limits()) -> list[Page]:
    """Every page of the PDF, laid out; ``LoadError`` for a PDF that cannot be opened, or that
    draws more than ``limits`` allow (glyphs a page and in all, objects a page, inflated bytes)."""
    import pypdfium2 as pdfium

    from .cost import check_cost
    from .inflate import check_inflated

    check_inflated(data, limits.max_inflated)  # before anything inflates a stream
    document = open_document(data, limits)  # the file's structure only: no page is parsed yet
    try:
        check_cost(data, limits, len(document))  # before PDFium parses a page
        pages = []
        glyphs = 0
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                raise LoadError(Msg("pdf.bad_page"), page=index + 1) from None
            try:
                read = _read_page(page, index + 1, limits)
            finally:
                page.close()
            glyphs += read.glyphs + len(read.off_page)
            if glyphs > limits.max_glyphs:
                raise LoadError(Msg("pdf.glyphs", count=glyphs, limit=limits.max_glyphs), page=index + 1)
            pages.append(read)
        return pages
    finally:
        document.close()


def _transform(rotation: int, width: float, height: float):  # noqa: ANN202 - (x, y) → (x, top)
    """From PDF user space (origin bottom-left) to the page as shown: origin top-left, y down."""
    if rotation == 90:
        return lambda x, y: (y, x)
    if rotation == 180:
        return lambda x, y: (width - x, y)
    if rotation == 270:
        return lambda x, y: (height - y, width - x)
    return lambda x, y: (x, height - y)


def _page_box(page) -> tuple[float, float, float, float]:  # noqa: ANN001 - a pypdfium2 page
    """The page's box as PDFium draws it (left, bottom, right, top): the media box cut by the
    crop box, its corners put in order (an inverted box is valid PDF), a zero box as PDFium's
    default page."""
    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    if raw.FPDF_GetPageBoundingBox(page.raw, box):
        left, right = sorted((box.left, box.right))
        bottom, top = sorted((box.bottom, box.top))
        if right - left > 1 and top - bottom > 1:
            return left, bottom, right, top
    width, height = raw.FPDF_GetPageWidthF(page.raw), raw.FPDF_GetPageHeightF(page.raw)
    rotated = raw.FPDFPage_GetRotation(page.raw) % 2
    return 0.0, 0.0, max(height if rotated else width, 1.0), max(width if rotated else height, 1.0)


def _reading_rotation(text_page, count: int, shown: int) -> int:  # noqa: ANN001
    """The quarter turn in which the page's text reads left to right: the angle most of its
    glyphs are drawn at.  A page turned with /Rotate whose text was not turned with it (its
    words run down the page as shown) is read as its text runs, not as it is shown."""
    import pypdfium2.raw as raw

    if count == 0:
        return shown
    votes: dict[int, int] = {}
    for index in range(0, count, max(1, count // 200)):
        angle = raw.FPDFText_GetCharAngle(text_page, index)
        if angle < 0:
            continue
        # PDFium measures the angle clockwise, as /Rotate turns the page: text drawn turned a
        # quarter counter-clockwise reads 270 here, and reads left to right on a page /Rotate 90.
        quarter = (4 - int(round(angle / (math.pi / 2)))) % 4 * 90
        votes[quarter] = votes.get(quarter, 0) + 1
    if not votes:
        return shown
    best = max(votes, key=lambda quarter: (votes[quarter], quarter == shown))
    return best if votes[best] > votes.get(shown, 0) else shown


def _read_page(page, number: int, limits: Limits = Limits()) -> Page:  # noqa: ANN001 - a pypdfium2 page
    import pypdfium2.raw as raw

    objects = raw.FPDFPage_CountObjects(page.raw)
    if objects > limits.max_page_objects:
        raise LoadError(Msg("pdf.page_objects", count=objects, limit=limits.max_page_objects), page=number)
    left, bottom_edge, right, top_edge = _page_box(page)
    width, height = right - left, top_edge - bottom_edge
    text_page = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(text_page)
        if count > limits.max_page_glyphs:
            raise LoadError(Msg("pdf.page_glyphs", count=count, limit=limits.max_page_glyphs), page=number)
        rotation = _reading_rotation(text_page, count, page.get_rotation() % 360)
        shown_width, shown_height = (height, width) if rotation in (90, 270) else (width, height)
        to_page = _transform(rotation, width, height)

        def point(x: float, y: float) -> tuple[float, float]:
            return to_page(x - left, y - bottom_edge)

        glyphs, off_page, unmapped = _glyphs(text_page, count, point, shown_width, shown_height)
    finally:
        text_page.close()
    rulings, images, crowded = _drawings(page, point, shown_width, shown_height)
    return Page(number, shown_width, shown_height, _lines(glyphs, number), rulings, off_page, unmapped, images, crowded)


def _glyphs(text_page, count: int, point, shown_width: float, shown_height: float) -> tuple[list[Glyph], list[Glyph], int]:  # noqa: ANN001
    """The page's glyphs on it, those off it, and how many map to no character."""
    import pypdfium2.raw as raw

    glyphs: list[Glyph] = []
    off_page: list[Glyph] = []
    unmapped = 0
    # The page's text in one call (UTF-16, one unit per character index); then each glyph's box.
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(text_page.raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = buffer.raw[: max(written - 1, 0) * 2]
    codes = [int.from_bytes(units[i : i + 2], "little") for i in range(0, len(units), 2)]
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()
    # The calls a glyph costs, looked up once (a page may hold 50 000 glyphs).
    handle = text_page.raw
    map_error, char_origin, loose_box = raw.FPDFText_HasUnicodeMapError, raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox
    origin = (ctypes.byref(origin_x), ctypes.byref(origin_y))
    boxed = ctypes.byref(box)
    for index in range(min(count, len(codes))):
        code = codes[index]
        if 0xD800 <= code < 0xE000:  # half of a surrogate pair: ask PDFium for the whole character
            code = raw.FPDFText_GetUnicode(handle, index)
        char = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
        if char in _NO_TEXT or char.isspace():  # PDFium's generated characters are spaces and line ends
            continue
        guessed = map_error(handle, index) == 1
        if code < 0x20 or code == 0xFFFD or (0xE000 <= code < 0xF900 and guessed):
            # No usable Unicode: a font without a ToUnicode map (its codes read as control
            # characters), a Type3 font, private-use codes PDFium could not map.  Counted,
            # never read as text.
            unmapped += 1
            continue
        # A character PDFium guessed from the glyph's code (a font without a ToUnicode map):
        # read, and counted, for the reader to say so when the guesses are most of the text.
        unmapped += guessed
        char_origin(handle, index, *origin)
        if not loose_box(handle, index, boxed):
            continue
        (ax, ay), (bx, by) = point(box.left, box.top), point(box.right, box.bottom)
        _, base = point(origin_x.value, origin_y.value)
        top, bottom = min(ay, by), max(ay, by)
        # The loose box's height is the size as printed (the font size PDFium reports ignores
        # the text matrix: a template's cover says 720).
        glyph = Glyph(char, min(ax, bx), max(ax, bx), top, bottom, base, bottom - top)
        if glyph.x1 <= 0 or glyph.x0 >= shown_width or glyph.bottom <= 0 or glyph.top >= shown_height:
            off_page.append(glyph)
        elif glyph.x0 < -1 or glyph.x1 > shown_width + 1 or glyph.top < -1 or glyph.bottom > shown_height + 1:
            off_page.append(glyph)
            glyphs.append(glyph)
        else:
            glyphs.append(glyph)
    return glyphs, off_page, unmapped


def _lines(glyphs: list[Glyph], page: int) -> list[TextLine]:
    """Glyphs grouped by baseline, top to bottom, each line left to right."""
    glyphs.sort(key=lambda glyph: (glyph.baseline, glyph.x0))
    grouped: list[list[Glyph]] = []
    for glyph in glyphs:
        if grouped and abs(grouped[-1][0].baseline - glyph.baseline) <= 0.2 * max(glyph.size, 1.0):
            grouped[-1].append(glyph)
        else:
            grouped.append([glyph])
    lines = []
    for number, members in enumerate(grouped, start=1):
        members.sort(key=lambda glyph: glyph.x0)
        for glyph in members:
            glyph.line = number
        lines.append(TextLine(page, number, members))
    return lines


def _drawings(page, point, width: float, height: float) -> tuple[list[Segment], int, bool]:  # noqa: ANN001
    """The page's rulings (the edges of its paths: thin paths are rulings, boxes give their four
    sides), clipped to the page; how many pictures it draws; and whether it draws more paths
    than ``MAX_RULINGS`` (then none is kept: its tables are not read, and the reader says so).

    Read with PDFium's own calls: the page may hold thousands of objects, most of them text."""
    import pypdfium2.raw as raw

    found: list[Segment] = []
    images = 0
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    handle = page.raw
    for index in range(raw.FPDFPage_CountObjects(handle)):
        item = raw.FPDFPage_GetObject(handle, index)
        kind = raw.FPDFPageObj_GetType(item)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(item, left, bottom, right, top):
            continue
        (ax, ay), (bx, by) = point(left.value, top.value), point(right.value, bottom.value)
        x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        if x1 < 0 or y1 < 0 or x0 > width or y0 > height or not all(map(math.isfinite, (x0, x1, y0, y1))):
            continue  # wholly off the page: never seen
        # What lies off the page is not drawn: a ruling 10⁸ points long is as long as the page.
        x0, x1, y0, y1 = max(x0, 0.0), min(x1, width), max(y0, 0.0), min(y1, height)
        if len(found) >= MAX_RULINGS:
            return [], images, True
        if x1 - x0 <= 2 or y1 - y0 <= 2:
            found.append(Segment(x0, y0, x1, y1))
        else:  # a box: its four sides
            found += [Segment(x0, y0, x1, y0), Segment(x0, y1, x1, y1), Segment(x0, y0, x0, y1), Segment(x1, y0, x1, y1)]
    return found, images, False
