"""What every input shares — the reports the readers read and the catalogues ``catalog.py`` reads:
where a value was printed (``Place``), the source map behind it, the limits on what one input may
cost, and the error an unusable input becomes.

A leaf: it imports nothing of finrecon but the messages, so that the catalogue and the readers
both build on it without importing each other (``readers/source.py`` re-exports it).

A reader's only job is a ``Report`` whose every figure and word can say where it was printed:
a YAML line and column, or a PDF page, line and the printed excerpt.  Rules never ask; the
engine asks the loaded report's source map for the ``Place`` of each finding.
"""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .i18n import Msg

TreePath = tuple[str | int, ...]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom: PDF points from the top-left of the page as shown


class Place(NamedTuple):
    """Where something was printed: a YAML line and column, or a PDF page, its line and what it says.

    ``line`` is 1-based: the line of the YAML file, or the text line counted from the top of the
    PDF page.  ``excerpt`` is the printed text a finding is about (PDF), for the reader to find it.
    ``box`` is where that text stands on the page (PDF): the printed line, or the table's row — for
    the visual report to draw it; rules never see it.  A Word, Excel or web page names its places
    its own way (``label``); a page text has pages and lines.
    """

    line: int = 1
    column: int = 1
    page: int | None = None
    excerpt: str | None = None
    box: Box | None = None
    label: str | None = None  # where another medium prints it, in no language: “收入决算表!C7”, “paragraph 12”, “table 3 row 5”, “L54 /html/body/p[3]” (i18n.place_label words it)
    file_line: int | None = None  # a page text's page and line as the line of the file (code scanning shows that), where it differs


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may cost. Defaults are far above any real report."""

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 500_000
    max_pages: int = 500
    # A PDF's cost is what it draws, not its size: a few kilobytes may draw millions of glyphs
    # (pages sharing one content stream, a form drawn a thousand times) or inflate to gigabytes.
    # The real reports draw at most some 1 400 glyphs a page and 20 000 in all.
    max_page_glyphs: int = 50_000  # glyphs on one page
    max_glyphs: int = 300_000  # glyphs in the whole document
    max_page_objects: int = 100_000  # text, paths and pictures on one page (forms drawn count each time)
    max_paragraph: int = 50_000  # characters of one paragraph (a page of text holds some 1 500)
    max_page_content: int = 1_000_000  # bytes of content PDFium parses for one page, forms drawn counted each time (the real reports: 67 KB at most)
    max_content: int = 8_000_000  # the same, the whole document (the real reports: 640 KB at most)
    max_inflated: int = 128 * 1024 * 1024  # bytes of the content streams once inflated, the whole document
    max_form_depth: int = 32  # forms drawn within forms (the real reports draw no form; PDFium itself stops some 40 deep)


@dataclass
class LoadError(Exception):
    """An input that cannot be used: one line, ``file:line:col: message``, in either language."""

    text: Msg
    line: int | None = None
    column: int | None = None
    file: str = ""
    page: int | None = None
    more: list[LoadError] = field(default_factory=list)  # the input's other problems, each with its place

    def problems(self) -> list[LoadError]:
        """Every problem of the input, this one first."""
        return [self, *self.more]

    def render_all(self, lang: str = "zh") -> str:
        """Every problem, one ``file:line:col: message`` line each."""
        return "\n".join(problem.render(lang) for problem in self.problems())

    @property
    def message(self) -> str:
        return self.text.render("zh")

    def render(self, lang: str = "zh") -> str:
        where = self.file or "<input>"
        if self.page is not None:
            where += f":p.{self.page}"
        elif self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.text.render(lang)}"

    def __str__(self) -> str:
        return self.render("zh")


class NotAReport(LoadError):
    """An input that is no report (YAML without a top-level ``meta:``): skipped when asked to."""


class PrintedLine(NamedTuple):
    """A line as the input prints it — on a PDF, the glyphs of one text line outside the tables, or
    one cell of a table — where it stands, and whether it is in a table."""

    page: int
    line: int
    text: str
    in_table: bool = False


class SourceMap:
    """The one interface the engine asks: the ``Place`` of a tree path.

    Readers subclass it.  Both know *derived* places: a figure read from a sentence of the text
    (``narrative.income.total`` from the paragraph that states it) stands where that sentence
    prints it, at an offset into the paragraph.  A reader of printed pages also says what they
    print (``printed_lines``), so that what it did not read can be counted (``coverage.py``).
    """

    def __init__(self) -> None:
        self.derived: dict[TreePath, tuple[TreePath, int]] = {}
        self.printed_lines: list[PrintedLine] = []  # empty for an input that is no printed page (YAML)
        self.template: Any = None  # the template (finrecon.template.Template) the reader read with, where it chose one
        self.understood: list[tuple[TreePath, int, int]] = []  # the words of the text a statement understood: paragraph, start, end

    def derive(self, loc: TreePath, text_loc: TreePath, offset: int) -> None:
        """Say that the value at ``loc`` was read from the text at ``text_loc``, ``offset`` characters in."""
        self.derived[loc] = (text_loc, offset)

    def place(self, loc: TreePath, offset: int | None = None) -> Place:
        """Where the value at ``loc`` (or its nearest ancestor that has a place) was printed;
        with ``offset``, where that character of the text at ``loc`` was printed."""
        if offset is not None:
            return self.place_in_text(loc, offset)
        if self.derived:
            direct = getattr(self, "places", {})  # a reader's own place nearer than a derived one wins (a form's cell in a project the text states)
            for length in range(len(loc), 0, -1):
                found = self.derived.get(loc[:length])
                if found is not None:
                    return self.place_in_text(*found)
                if loc[:length] in direct:
                    return direct[loc[:length]]
        return self.place_of(loc)

    def place_of(self, loc: TreePath) -> Place:  # pragma: no cover - abstract
        raise NotImplementedError

    def place_in_text(self, loc: TreePath, offset: int) -> Place:
        """Where the character ``offset`` of the text at ``loc`` was printed (by default: the text's place)."""
        return self.place_of(loc)

    def key_place(self, loc: TreePath) -> Place | None:
        """Where the mapping key that names the value at ``loc`` was written (YAML), if there is one."""
        return None


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, at most ``limits.max_bytes``; every failure a ``LoadError``."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise LoadError(Msg("load.dir"))
        if not stat.S_ISREG(status.st_mode):
            raise LoadError(Msg("load.not_regular"))
        size = status.st_size
        if size > limits.max_bytes:
            raise LoadError(Msg("load.too_big", size=size, limit=limits.max_bytes))
        with path.open("rb") as stream:
            # As much as stat says, and one byte more to see whether it has grown since (a read of
            # the whole limit would allocate the whole limit, for every file).
            data = stream.read(size + 1)
            if len(data) > size:
                data += stream.read(limits.max_bytes + 1 - len(data))
    except FileNotFoundError as error:
        raise LoadError(Msg("load.missing")) from error
    except PermissionError as error:
        raise LoadError(Msg("load.permission")) from error
    except ValueError as error:  # a NUL in the path
        raise LoadError(Msg("load.os", reason=str(error))) from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LoadError(Msg("load.loop")) from error
        raise LoadError(Msg("load.os", reason=error.strerror or str(error))) from error
    if len(data) > limits.max_bytes:
        raise LoadError(Msg("load.too_big", size=len(data), limit=limits.max_bytes))
    return data


def named(error: LoadError, file: str) -> LoadError:
    """``error`` with the file it is about, unless it names one already (and so its other problems)."""
    for problem in error.problems():
        problem.file = problem.file or file
    return error


def combined(problems: list[LoadError]) -> LoadError:
    """One error for several problems of an input: the first in reading order, the others ``more``."""
    flat = [one for problem in problems for one in problem.problems()]
    ordered = sorted(flat, key=lambda p: (p.page or 0, p.line or 0, p.column or 0))
    for problem in ordered:
        problem.more = []
    first = ordered[0]
    first.more = ordered[1:]
    return first


Tree = Any  # dict / list / Decimal / str / bool / None, as every reader builds it
