"""The Word reader: a draft report (.docx, or .docm whose macros never run) → ``Report``.

The body's paragraphs and tables are read in order from ``word/document.xml`` with lxml (python-
docx reads the same XML more slowly and repeats a merged cell in every column it spans, which
would read one figure twice: ``benchmarks/readers.py``).  A paragraph is one line of the flow,
placed as “paragraph n”; a table is a grid, each cell placed as “table t row r” (language-
neutral labels, rendered “第 n 段”, “表 t 第 r 行” by ``i18n.place_label``).  A title printed in a
table's own first row is taken out of it, as the PDF reader does for a title ruled into a grid.
What Word numbers automatically (a list's “一、”) is not in the text and is not read.
"""

from __future__ import annotations

from typing import Any

from ..i18n import Msg
from .media import Document, stem_of, add_block, table_blocks, whole_line
from .ooxml import Package, parse
from .source import Limits, LoadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_CELLS = 200_000
MAX_ELEMENTS = 3_000_000  # XML elements of the body (a 25-page report's has some tens of thousands)


def docx_document(data: bytes, name: str = "", limits: Limits = Limits()) -> Document:
    package = Package(data, "Word (.docx)", limits)
    if "word/document.xml" not in package.names:
        raise LoadError(Msg("media.not_package", kind="Word (.docx)"))
    xml = package.read("word/document.xml")
    if xml.count(b"<") > MAX_ELEMENTS:  # refused before a tree of millions of elements is built
        raise LoadError(Msg("media.too_many_elements", limit=MAX_ELEMENTS))
    root = parse(xml)
    body = root.find(f"{W}body")
    if body is None:
        raise LoadError(Msg("media.no_text"))
    reader = _Reader()
    reader.walk(body)
    return Document(reader.blocks, reader.labels, reader.page, "whole", name=stem_of(name), paged=False)


MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NOT_TEXT = frozenset({f"{W}txbxContent", f"{MC}Fallback", f"{W}del", f"{W}instrText", f"{W}footnoteReference"})


def _text(element: Any) -> str:
    """A paragraph's text as Word shows it: its runs, tabs as spaces; not its text boxes (a
    drawing's, printed elsewhere on the page; and printed twice, once for older Word), nor what
    tracked changes deleted."""
    parts: list[str] = []

    def visit(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag in _NOT_TEXT:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append(" ")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            else:
                visit(child)

    visit(element)
    return "".join(parts)


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[tuple[int, float, Any]] = []
        self.labels: dict[int, str] = {}
        self.number = 0
        self.paragraphs = 0
        self.tables = 0
        self.cells = 0
        self.page = 1

    def next(self, label: str) -> int:
        self.number += 1
        self.labels[self.number] = label
        return self.number

    def walk(self, parent: Any) -> None:
        for child in parent:
            if child.tag == f"{W}p":
                self.paragraphs += 1
                text = _text(child).strip()
                if child.find(f".//{W}br[@{W}type='page']") is not None:
                    self.page += 1
                if text:
                    number = self.next(f"paragraph {self.paragraphs}")  # a place in no language: i18n.place_label
                    add_block(self.blocks, (1, float(len(self.blocks)), whole_line(number, text)))
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"):
                self.walk(child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" and child.find(f"{W}sdtContent") is not None else child)

    def table(self, table: Any) -> None:
        self.tables += 1
        rows: list[list[tuple[str, int, int]]] = []
        for index, row in enumerate(table.findall(f"{W}tr"), start=1):
            cells: list[tuple[str, int, int]] = []
            for cell in row.findall(f"{W}tc"):
                self.cells += 1
                if self.cells > MAX_CELLS:
                    raise LoadError(Msg("media.too_many_cells", limit=MAX_CELLS))
                properties = cell.find(f"{W}tcPr")
                span = 1
                merged = False
                if properties is not None:
                    grid_span = properties.find(f"{W}gridSpan")
                    if grid_span is not None:
                        try:
                            span = max(1, min(int(grid_span.get(f"{W}val", "1")), 1000))
                        except ValueError:
                            span = 1
                    v_merge = properties.find(f"{W}vMerge")
                    merged = v_merge is not None and v_merge.get(f"{W}val", "continue") == "continue"
                text = "" if merged else "".join(_text(p).strip() for p in cell.iter(f"{W}p"))
                number = self.next(f"table {self.tables} row {index}") if text else 0
                cells.append((text, span, number))
            rows.append(cells)
        if not rows:
            return
        table_blocks(1, rows, self.blocks)
