"""Small PDFs for the reader's tests, written with reportlab (its CID font STSong-Light needs no
font file).  Each helper returns the PDF's bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
FONT = "STSong-Light"
A4 = (595.0, 842.0)
A4_LANDSCAPE = (842.0, 595.0)

Page = Callable[[canvas.Canvas], None]


def pdf(pages: Sequence[Page], size: tuple[float, float] = A4, **options: object) -> bytes:
    """A PDF of the given pages; each page is a function that draws on the canvas."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=size, **options)  # type: ignore[arg-type]
    for page in pages:
        sheet.setFont(FONT, 12)
        page(sheet)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def text(*lines: tuple[float, float, str], size: float = 12) -> Page:
    """Lines of text at (x, y from the top of an A4 page)."""

    def draw(sheet: canvas.Canvas) -> None:
        sheet.setFont(FONT, size)
        height = sheet._pagesize[1]
        for x, top, words in lines:
            sheet.drawString(x, height - top, words)

    return draw


def table(x: float, top: float, widths: Sequence[float], rows: Sequence[Sequence[str]], row_height: float = 20, right: Sequence[bool] = ()) -> Page:
    """A ruled table: every cell boxed, text in each cell (numbers right-aligned where ``right`` says)."""

    def draw(sheet: canvas.Canvas) -> None:
        height = sheet._pagesize[1]
        edges = [x]
        for width in widths:
            edges.append(edges[-1] + width)
        bottom = top + row_height * len(rows)
        for row in range(len(rows) + 1):
            y = height - (top + row * row_height)
            sheet.line(edges[0], y, edges[-1], y)
        for edge in edges:
            sheet.line(edge, height - top, edge, height - bottom)
        sheet.setFont(FONT, 10)
        for index, cells in enumerate(rows):
            baseline = height - (top + index * row_height + row_height * 0.7)
            for column, words in enumerate(cells):
                if not words:
                    continue
                if column < len(right) and right[column]:
                    sheet.drawRightString(edges[column + 1] - 4, baseline, words)
                else:
                    sheet.drawString(edges[column] + 4, baseline, words)

    return draw


def both(*pages: Page) -> Page:
    """Several drawings on one page."""

    def draw(sheet: canvas.Canvas) -> None:
        for page in pages:
            page(sheet)

    return draw


def blank(sheet: canvas.Canvas) -> None:
    """A page with nothing on it."""


def final_report(unit: str = "上海市示例区测试局", year: int = 2024, more: Sequence[tuple[float, float, str]] = ()) -> bytes:
    """A small 部门决算 in the Shanghai district layout: cover, contents, table 5, the 情况说明
    (``more``: lines printed below it)."""
    return pdf([
        text((200, 300, unit), (220, 340, f"{year}年度部门决算"), size=20),
        text((270, 90, "目录"), (72, 140, f"第二部分 {unit}{year}年度部门决算表"), (96, 170, "五、一般公共预算财政拨款支出决算表"),
             (72, 200, f"第三部分 {unit}{year}年度部门决算情况说明"), (96, 230, "一、收入支出决算总体情况说明")),
        both(
            text((72, 90, f"第二部分 {unit}{year}年度部门决算表"), (180, 130, "一般公共预算财政拨款支出决算表"), (480, 160, "单位：万元")),
            table(44, 180, (60, 160, 90, 90, 90), [
                ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                ("201", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"),
                ("20106", "财政事务", "2,106.66", "1,503.52", "603.14"),
                ("2010601", "行政运行", "1,511.89", "1,503.52", "8.37"),
                ("2010602", "一般行政管理事务", "595.77", "", "595.77"),
                ("", "合计", "2,106.66", "1,503.52", "603.14"),
            ], right=(False, False, True, True, True)),
        ),
        text((72, 90, f"第三部分 {unit}{year}年度部门决算情况说明"), (96, 130, "一、收入支出决算总体情况说明"),
             (96, 160, f"{unit}{year}年度收入支出总计2995.39万元。与{year - 1}年度相比，收入"),
             (72, 176, "支出总计减少56.95万元，下降1.87%。主要原因：人员变化。"), *more),
    ])
