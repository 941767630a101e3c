"""Small Word, Excel and web-page files of a report, written for the media readers' tests.

The report is the one a published PDF prints (read by the PDF reader's flow: its cover, contents,
headings, paragraphs and ruled tables, cells with their spans as printed), written out as an
accountant's draft would hold it: paragraphs in a Word file or a web page, each table with its
title and header rows as printed, and in a workbook one sheet per table with numbers as numbers
— what the final-accounts software exports.
"""

from __future__ import annotations

import html
import io
from decimal import Decimal
from pathlib import Path

from finrecon.readers.pdf import reader_for, template_for
from finrecon.readers.pdf.flow import Flow, normal
from finrecon.readers.pdf.layout import read_pages
from finrecon.readers.pdf.tables import amount


def pdf_flow(path: Path) -> Flow:
    pages = read_pages(path.read_bytes())
    first = next(page for page in pages if page.lines)
    spec = template_for(normal("".join(line.text for line in first.lines)))
    assert spec is not None
    return reader_for(spec).read(pages)


Row = list[tuple[str, int]]  # (text, columns spanned)


def table_rows(grid) -> list[Row]:  # noqa: ANN001 - a pdf Grid
    return [[(cell.text, cell.last - cell.first + 1) for cell in cells] for cells in grid.rows]


def paragraphs(flow: Flow) -> list[tuple[str, str]]:
    """(kind, text) in print order: the cover, the contents, and each part's headings and paragraphs."""
    out = [("p", line.text) for line in flow.cover] + [("p", line.text) for line in flow.contents]

    def section(node, depth: int) -> None:  # noqa: ANN001
        out.append((f"h{min(depth + 1, 6)}", node.heading.text))
        out.extend(("p", piece.text) for piece in node.paragraphs)
        for child in node.children:
            section(child, depth + 1)

    for node in flow.parts:
        section(node, 0)
    return out


def tables(flow: Flow) -> list[tuple[str, list[str], list[Row], list[str]]]:
    """(title, lines under the title, rows, notes after) of each table."""
    found = []
    for block in flow.tables:
        rows = [row for grid in block.grids for row in table_rows(grid) if any(text for text, _ in row)]
        found.append((block.title.text, [line.text for line in block.before], rows, [piece.text for piece in block.after]))
    return found


# ---------------------------------------------------------------------------------- Word
def docx_bytes(flow: Flow, with_text: bool = True, with_tables: bool = True) -> bytes:
    import docx

    document = docx.Document()
    if with_text:
        for kind, text in paragraphs(flow):
            document.add_paragraph(text)
    if with_tables:
        for title, before, rows, after in tables(flow):
            document.add_paragraph(title)
            for line in before:
                document.add_paragraph(line)
            width = max(sum(span for _, span in row) for row in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                column = 0
                for text, span in row:
                    cell = table.cell(r, column)
                    if span > 1:
                        cell = cell.merge(table.cell(r, column + span - 1))
                    cell.text = text
                    column += span
            for line in after:
                document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------- Excel
def _number(text: str):  # noqa: ANN202 - a number as the software stores it, or the text
    value = amount(text)
    if value is None:
        return text or None, None
    places = -value.as_tuple().exponent if value.as_tuple().exponent < 0 else 0
    stored = float(value) if places else int(value)
    return stored, ("#,##0." + "0" * places) if places else "#,##0"


def xlsx_bytes(flow: Flow) -> bytes:
    """One sheet per table: the title across the top, 编制部门 and 单位, the header rows as
    printed, the figures as numbers with the decimals they print."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for index, (title, before, rows, after) in enumerate(tables(flow), start=1):
        sheet = book.create_sheet(f"表{index}")
        width = max(sum(span for _, span in row) for row in rows)
        sheet.cell(1, 1, title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        r = 2
        for line in before:
            sheet.cell(r, 1, line)
            r += 1
        for row in rows:
            column = 1
            for text, span in row:
                value, number_format = _number(text)
                cell = sheet.cell(r, column, value)
                if number_format:
                    cell.number_format = number_format
                if span > 1:
                    sheet.merge_cells(start_row=r, start_column=column, end_row=r, end_column=column + span - 1)
                column += span
            r += 1
        for line in after:
            sheet.cell(r, 1, line)
            r += 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------- web page
def html_bytes(flow: Flow) -> bytes:
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>report</title>",
             "<script>alert('never run')</script><style>p{}</style></head><body><div class='article'>"]
    for kind, text in paragraphs(flow):
        parts.append(f"<{kind}>{html.escape(text)}</{kind}>")
    for title, before, rows, after in tables(flow):
        parts.append(f"<p>{html.escape(title)}</p>")
        parts += [f"<p>{html.escape(line)}</p>" for line in before]
        parts.append("<table border='1'>")
        for row in rows:
            parts.append("<tr>" + "".join(
                f"<td{f' colspan={span}' if span > 1 else ''}>{html.escape(text)}</td>" for text, span in row) + "</tr>")
        parts.append("</table>")
        parts += [f"<p>{html.escape(line)}</p>" for line in after]
    parts.append("</div></body></html>")
    return "\n".join(parts).encode("utf-8")


def page_text(flow: Flow) -> str:
    """The words only, as a portal's text version carries them: no tables."""
    return "\n".join(text for _, text in paragraphs(flow)) + "\n"


__all__ = ["Decimal", "docx_bytes", "html_bytes", "page_text", "pdf_flow", "xlsx_bytes"]


# ------------------------------------------------------------------ a list numbered by Word, or <ol>
_NUMBERED = r"^\d{1,2}、(?P<words>.*（类）.*（项）.*)$"  # an item of 具体情况 as the PDF prints it


def list_numbered(flow: Flow) -> list[tuple[str, str]]:
    """(kind, text) as ``paragraphs``, the items numbered “1、” turned into items of a list ("li"):
    their number left to the list (Word's List Number style, an html <ol>), as a draft holds them."""
    import re

    out = []
    for kind, text in paragraphs(flow):
        match = re.match(_NUMBERED, text)
        out.append(("li", match.group("words")) if kind == "p" and match else (kind, text))
    return out


def docx_list_numbered_bytes(flow: Flow) -> bytes:
    """The text of a Word draft whose items are in Word's own list numbering (no number in the text)."""
    import docx

    document = docx.Document()
    for kind, text in list_numbered(flow):
        document.add_paragraph(text, style="List Number") if kind == "li" else document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_ol_bytes(flow: Flow) -> bytes:
    """A web page whose items are an <ol> (the browser numbers them, the text holds no number)."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>report</title></head><body>"]
    inside = False
    for kind, text in list_numbered(flow):
        if (kind == "li") != inside:
            parts.append("<ol>" if not inside else "</ol>")
            inside = not inside
        parts.append(f"<{kind}>{html.escape(text)}</{kind}>")
    parts.append("</ol></body></html>" if inside else "</body></html>")
    return "\n".join(parts).encode("utf-8")
