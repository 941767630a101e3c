"""The web-page reader: a report as a portal publishes it (.html/.htm) → ``Report``.

lxml's HTML parser (libxml2: fast, and it loads nothing — no DTD, no entity of its own, no
network; ``benchmarks/readers.py`` measures it against selectolax and html5lib).  The page is
walked in document order: each block of text (a paragraph, a heading, a line broken by <br>) is a
line of the flow; each table a grid (colspan and rowspan as printed), unless it lays the page out
(a table holding tables), when its cells are read as text.  A place is the source line and the
element's path (“L12 /html/body/div[2]/p[3]”).  Scripts, styles and comments are not read.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import Msg
from .media import Document, stem_of, add_block, table_blocks, whole_line
from .source import Limits, LoadError

MAX_CELLS = 200_000
MAX_ELEMENTS = 1_000_000  # tags of one page (a 25-page report's page has a few thousand)
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

    if _ENTITY.search(data[:65536]):  # no web page declares entities: a page that does is made to attack
        raise LoadError(Msg("media.doctype", part="<!ENTITY>"))
    if data.count(b"<") > MAX_ELEMENTS:  # refused before a tree of millions of elements is built
        raise LoadError(Msg("media.too_many_elements", limit=MAX_ELEMENTS))
    data = _utf8(data)
    parser = lxml.html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except etree.ParserError as error:  # lxml.html's one ParserError: “Document is empty”, in English
        raise LoadError(Msg("media.html_empty")) from error
    except (etree.XMLSyntaxError, ValueError) as error:
        raise LoadError(Msg("media.html", problem=str(error)[:80] or type(error).__name__)) from error
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root, "/html/body" if body is not None else "/html")
    return Document(walker.blocks, walker.labels, 1, "whole", name=stem_of(name), paged=False)


_ENTITY = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def _utf8(data: bytes) -> bytes:
    """The page as UTF-8: in the charset its <meta> declares (a Chinese portal's is often GBK,
    read as GB18030, its superset), else as a page text is told (UTF-8, GB18030, …)."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gbk", "gb2312", "x-gbk", "gb_2312-80") else name
        try:
            return data.decode(name, errors="replace").encode("utf-8")
        except LookupError:
            pass
    from .txt import decode

    return decode(data).encode("utf-8")


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[tuple[int, float, Any]] = []
        self.labels: dict[int, str] = {}
        self.number = 0
        self.cells = 0

    def place(self, element: Any, path: str) -> int:
        self.number += 1
        self.labels[self.number] = f"L{element.sourceline or 0} {path}"
        return self.number

    def line(self, element: Any, path: str, text: str) -> None:
        text = " ".join(text.split())
        if text:
            number = self.place(element, path)
            add_block(self.blocks, (1, float(len(self.blocks)), whole_line(number, text)))

    def walk(self, element: Any, path: str) -> None:
        """``path``: the element's path, counted as the walk goes (lxml's getpath counts the
        siblings before an element on every call: quadratic in a flat page)."""
        tag = _tag(element)
        if tag in _SKIP or not tag:
            return
        if tag == "table" and element.find(".//table") is None:
            self.table(element, path)
            return
        children = [child for child in element if _tag(child)]
        if not any(_tag(child) in _BLOCK for child in children):
            for chunk in _chunks(element):
                self.line(element, path, chunk)
            return
        self.line(element, path, element.text or "")
        totals: dict[str, int] = {}
        for child in children:
            totals[_tag(child)] = totals.get(_tag(child), 0) + 1
        seen: dict[str, int] = {}
        for child in children:
            name = _tag(child)
            seen[name] = seen.get(name, 0) + 1
            self.walk(child, f"{path}/{name}" + (f"[{seen[name]}]" if totals[name] > 1 else ""))
            self.line(element, path, child.tail or "")

    def table(self, table: Any, path: str) -> None:
        rows: list[list[tuple[str, int, int]]] = []
        below: dict[int, tuple[int, int]] = {}  # column → (rows still covered by a rowspan, its colspan)
        for row_number, tr in enumerate(table.iter("tr"), start=1):
            cells: list[tuple[str, int, int]] = []
            column = 0
            for cell in tr:
                if _tag(cell) not in ("td", "th"):
                    continue
                column = _spanned_down(below, column, cells)  # cells above that span down into this row
                self.cells += 1
                if self.cells > MAX_CELLS:
                    raise LoadError(Msg("media.too_many_cells", limit=MAX_CELLS))
                span = _number(cell.get("colspan"))
                down = _number(cell.get("rowspan"))
                text = " ".join(" ".join(_chunks(cell)).split())
                cells.append((text, span, self.place(cell, f"{path}//tr[{row_number}]/{_tag(cell)}[{len(cells) + 1}]") if text else 0))
                if down > 1:
                    below[column] = (down - 1, span)
                column += span
            column = _spanned_down(below, column, cells)
            rows.append(cells)
        caption = table.find("caption")
        if caption is not None:
            self.line(caption, f"{path}/caption", caption.text_content())
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


def _spanned_down(below: dict[int, tuple[int, int]], column: int, cells: list[tuple[str, int, int]]) -> int:
    """The blank cells that rowspans from the rows above put at ``column`` (and after it), each
    counted down by one row; the column after them."""
    while column in below:
        left, span = below[column]
        cells.append(("", span, 0))
        if left <= 1:
            del below[column]
        else:
            below[column] = (left - 1, span)
        column += span
    return column
