"""The web-page reader: a report as a portal publishes it (.html/.htm) → ``Report``.

lxml's HTML parser (libxml2: fast, and it loads nothing — no DTD, no entity of its own, no
network; ``benchmarks/readers.py`` measures it against selectolax and html5lib).  The page is
walked in document order: each block of text (a paragraph, a heading, a line broken by <br>) is a
line of the flow; each table a grid (colspan and rowspan as printed), unless it lays the page out
(a table holding tables), when its cells are read as text.  A place is the source line and the
element's path (“L12 /html/body/div[2]/p[3]”).  Scripts, styles and comments are not read.
"""

from __future__ import annotations

from typing import Any

from ..i18n import Msg
from .media import Document, table_blocks, whole_line
from .source import Limits, LoadError

MAX_CELLS = 200_000
MAX_SPAN = 200
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "iframe", "object", "select", "option", "button"})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre", "center",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "form", "body", "html", "hr", "figure", "figcaption",
    "address", "fieldset", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
})


def html_document(data: bytes, name: str = "", limits: Limits = Limits()) -> Document:
    import lxml.html  # loaded only for a web page
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise LoadError(Msg("media.html", problem=str(error)[:80] or type(error).__name__)) from error
    walker = _Walker(root.getroottree())
    body = root.find("body")
    walker.walk(body if body is not None else root)
    from .txt import _stem

    return Document(walker.blocks, walker.labels, 1, "whole", name=_stem(name), paged=False)


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


class _Walker:
    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.blocks: list[tuple[int, float, Any]] = []
        self.labels: dict[int, str] = {}
        self.number = 0
        self.cells = 0

    def place(self, element: Any) -> int:
        self.number += 1
        self.labels[self.number] = f"L{element.sourceline or 0} {self.tree.getpath(element)}"
        return self.number

    def line(self, element: Any, text: str) -> None:
        text = " ".join(text.split())
        if text:
            number = self.place(element)
            self.blocks.append((1, float(len(self.blocks)), whole_line(number, text)))

    def walk(self, element: Any) -> None:
        tag = _tag(element)
        if tag in _SKIP or not tag:
            return
        if tag == "table" and element.find(".//table") is None:
            self.table(element)
            return
        children = [child for child in element if _tag(child)]
        if not any(_tag(child) in _BLOCK for child in children):
            for chunk in _chunks(element):
                self.line(element, chunk)
            return
        self.line(element, element.text or "")
        for child in children:
            self.walk(child)
            self.line(element, child.tail or "")

    def table(self, table: Any) -> None:
        rows: list[list[tuple[str, int, int]]] = []
        below: dict[int, tuple[int, int]] = {}  # column → (rows still covered by a rowspan, its colspan)
        for tr in table.iter("tr"):
            cells: list[tuple[str, int, int]] = []
            column = 0
            for cell in tr:
                if _tag(cell) not in ("td", "th"):
                    continue
                while column in below:  # a cell above spans down into this row
                    left, span = below[column]
                    cells.append(("", span, 0))
                    if left <= 1:
                        del below[column]
                    else:
                        below[column] = (left - 1, span)
                    column += span
                self.cells += 1
                if self.cells > MAX_CELLS:
                    raise LoadError(Msg("media.too_many_cells", limit=MAX_CELLS))
                span = _number(cell.get("colspan"))
                down = _number(cell.get("rowspan"))
                text = " ".join(" ".join(_chunks(cell)).split())
                cells.append((text, span, self.place(cell) if text else 0))
                if down > 1:
                    below[column] = (down - 1, span)
                column += span
            while column in below:
                left, span = below[column]
                cells.append(("", span, 0))
                if left <= 1:
                    del below[column]
                else:
                    below[column] = (left - 1, span)
                column += span
            rows.append(cells)
        caption = table.find("caption")
        if caption is not None:
            self.line(caption, caption.text_content())
        table_blocks(1, rows, self.blocks)


def _number(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), MAX_SPAN))
    except ValueError:
        return 1


def _chunks(element: Any) -> list[str]:
    """The text of an element with no blocks inside, in the pieces its <br>s break it into."""
    pieces: list[str] = [""]

    def visit(node: Any) -> None:
        tag = _tag(node)
        if tag in _SKIP:
            return
        if tag == "br":
            pieces.append("")
        else:
            pieces[-1] += node.text or ""
            for child in node:
                visit(child)
                pieces[-1] += child.tail or ""

    visit(element)
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]
