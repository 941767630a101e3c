"""Hostile PDFs, each built here (reportlab, pikepdf, raw bytes) for ``tests/test_hostile_pdf.py``
and ``benchmarks/hostile.py``: one per defect of issue 20, each a small file that once hung,
crashed or ate gigabytes.  Each builder returns the PDF's bytes."""

from __future__ import annotations

import io
import zlib

import pikepdf

from tests.pdfs import both, final_report, pdf, table, text

UNIT = "上海市示例区测试局"


def summary_report(unit: str = UNIT, year: int = 2024) -> bytes:
    """A small 部门决算 with table 1 (收入支出决算总表), the table read by its two sides, printed
    over two pages (the second without its head, as the real reports continue it)."""
    widths, right = (150, 80, 150, 80), (False, True, False, True)
    return pdf([
        text((200, 300, unit), (220, 340, f"{year}年度部门决算"), size=20),
        both(
            text((72, 90, f"第二部分 {unit}{year}年度部门决算表"), (220, 130, "收入支出决算总表"), (480, 160, "单位：万元")),
            table(44, 180, widths, [
                ("收入项目", "决算数", "支出项目", "决算数"),
                ("一般公共预算财政拨款收入", "100.00", "一般公共服务支出", "100.00"),
                ("本年收入合计", "100.00", "本年支出合计", "100.00"),
            ], right=right),
        ),
        table(44, 60, widths, [
            ("年初结转和结余", "0.00", "年末结转和结余", "0.00"),
            ("总计", "100.00", "总计", "100.00"),
        ], right=right),
    ])


def _with_content(data: bytes, page: int, content: bytes) -> bytes:
    """``data`` with ``content`` drawn over page ``page`` (0-based)."""
    document = pikepdf.open(io.BytesIO(data))
    document.pages[page].contents_add(document.make_stream(content), prepend=False)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def stray_rulings() -> bytes:
    """Defect 2: stray ruled strokes across table 1: its first page then has a column more than
    its second, and ``Grid.cell`` was asked for a column the second has not (IndexError)."""
    # In PDF space (origin bottom-left): the table spans x 44–504 and y 662–602 on page 2.
    strokes = b"q 0.5 w 400 662 m 400 602 l S 300 700 m 300 690 l S 100 700 m 140 700 l S Q"
    return _with_content(summary_report(), 1, strokes)


def long_ruling(length: float = 1e8) -> bytes:
    """Defect 3: one ruling ``length`` points long (the grid split it into 8-point squares)."""
    return _with_content(final_report(), 2, f"q 0.5 w 44 300 m {44 + length:.0f} 300 l S 44 200 m 44 400 l S 300 200 m 300 400 l S Q".encode())


def many_digits(count: int = 200_000) -> bytes:
    """Defect 1: a page with a long run of digits, in small glyphs."""
    per_line = 600
    lines = [((72 if i == 0 else 40), 160 + i * 1.6, "1" * per_line) for i in range(count // per_line + 1)]
    words = text(*lines, size=0.8)
    return pdf([text((200, 300, UNIT), (220, 340, "2024年度部门决算"), size=20), words])


def zero_mediabox() -> bytes:
    """Defect 6: every page's MediaBox [0 0 0 0] (PDFium draws such a page as a US Letter page)."""
    document = pikepdf.open(io.BytesIO(final_report()))
    for page in document.pages:
        page.MediaBox = [0, 0, 0, 0]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def digits_paragraph(count: int = 40_000) -> bytes:
    """Defect 1 within the limits: a paragraph of ``count`` digits that the rules read."""
    per_line = 80
    rows = count // per_line
    pages = []
    for start in range(0, rows, 45):
        lines = [(72, 90 + 16 * i, "1" * per_line) for i in range(min(45, rows - start))]
        pages.append(text(*lines, size=6))
    head = text((72, 60, "第三部分 情况说明"), (96, 80, "一、收入支出决算总体情况说明"))
    return pdf([text((200, 300, UNIT), (220, 340, "2024年度部门决算"), size=20), both(head, pages[0]), *pages[1:]])


def shared_stream(pages: int = 499) -> bytes:
    """Defect 4: ``pages`` pages that share one content stream of 20 000 glyphs."""
    document = pikepdf.open(io.BytesIO(final_report()))
    lines = b"".join(b"BT /F1 2 Tf 20 %d Td (%s) Tj ET\n" % (820 - 2 * i, b"1234567890" * 50) for i in range(40))
    font = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    stream = document.make_indirect(document.make_stream(lines))
    template = document.pages[-1]
    for _ in range(pages - len(document.pages)):
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=template.MediaBox, Contents=stream,
                                  Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
        document.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    document.save(out, compress_streams=True)
    return out.getvalue()


def xobject_repeated(times: int = 1500) -> bytes:
    """Defect 4: one Form XObject of 1 000 glyphs drawn ``times`` times on one page."""
    document = pikepdf.open(io.BytesIO(final_report()))
    font = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    form = document.make_stream(
        b"BT /F1 6 Tf 0 0 Td (" + b"1234567890" * 100 + b") Tj ET",
        Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 600, 10],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
    )
    page = document.pages[-1]
    page.Resources.XObject = pikepdf.Dictionary(X1=document.make_indirect(form))
    page.contents_add(document.make_stream(b"q /X1 Do Q\n" * times), prepend=False)
    out = io.BytesIO()
    document.save(out, compress_streams=True)
    return out.getvalue()


def deep_xobjects(depth: int = 30) -> bytes:
    """Forms nested ``depth`` deep, each drawing the next twice: 2**depth draws of the last one."""
    document = pikepdf.open(io.BytesIO(final_report()))
    font = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    inner = document.make_indirect(document.make_stream(
        b"BT /F1 6 Tf 0 0 Td (12345) Tj ET", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 10],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))))
    for _ in range(depth):
        inner = document.make_indirect(document.make_stream(
            b"q /X Do Q q /X Do Q", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 10],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=inner))))
    page = document.pages[-1]
    page.Resources.XObject = pikepdf.Dictionary(XD=inner)
    page.contents_add(document.make_stream(b"q /XD Do Q"), prepend=False)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def hidden_from_qpdf(hide: str = "page", depth: int = 27) -> bytes:
    """Forms nested ``depth`` deep (``deep_xobjects``) behind an object qpdf cannot parse: the
    page's dictionary (``hide="page"``), or the outermost form's (``hide="form"``), holds an
    integer of 31 digits.  qpdf sets that whole object aside as null (the page drops out of its
    page tree; the form draws nothing), so the cost measured with it was nil; PDFium reads the
    integer as a number and draws the form 2**depth times (found by the structural fuzz: 20 s,
    then an abort at 3 GB of address space; uncapped, 23.7 GB and the OOM killer)."""
    marker = pikepdf.String("x" * 31)  # written "(xxx…)": 33 bytes, as " 1000…0 " is
    document = pikepdf.open(io.BytesIO(deep_xobjects(depth)))
    page = document.pages[-1]
    target = page.obj if hide == "page" else page.Resources.XObject.XD
    target.Hidden = marker
    out = io.BytesIO()
    document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=True)
    data = out.getvalue()
    assert data.count(b"(" + b"x" * 31 + b")") == 1
    return data.replace(b"(" + b"x" * 31 + b")", b" 1" + b"0" * 30 + b" ")  # the same length: the xref holds


def flate_bomb(inflated: int = 1 << 30, level: int = 9) -> bytes:
    """Defect 5: a page content stream of ``inflated`` bytes (spaces) in about a thousandth of that."""
    chunk = zlib.compressobj(level)
    block = b" " * (1 << 20)
    body = b"".join(chunk.compress(block) for _ in range(inflated >> 20)) + chunk.flush()
    document = pikepdf.open(io.BytesIO(final_report()))
    bomb = pikepdf.Stream(document, body)
    bomb.Filter = pikepdf.Name.FlateDecode
    document.pages[-1].contents_add(document.make_indirect(bomb), prepend=False)
    out = io.BytesIO()
    document.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def inverted_mediabox() -> bytes:
    """Defect 6: every page's MediaBox given top-right first (valid PDF; PDFium reads it)."""
    document = pikepdf.open(io.BytesIO(final_report()))
    for page in document.pages:
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        page.MediaBox = [x1, y1, x0, y0]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def no_tounicode() -> bytes:
    """Defect 6: a CID font without a ToUnicode map: PDFium guesses each character from its code."""
    content = b"BT /F1 24 Tf 100 700 Td <0101010101010100> Tj ET BT /F1 24 Tf 100 600 Td <01020304> Tj ET"
    descendant = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) "
                  b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+SimSun "
                  b"/Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> >>")
    return _raw_pdf(content, b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [" + descendant + b"] >>")


def type3_font() -> bytes:
    """Defect 6: a Type3 font, its glyphs drawn as paths, its codes mapping to control characters."""
    content = b"BT /F1 24 Tf 100 700 Td <0101010101010101> Tj ET BT /F1 24 Tf 100 600 Td <01020304> Tj ET"
    return _raw_pdf(content, b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 10 10] /FontMatrix [0.1 0 0 0.1 0 0] "
                             b"/CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences [1 /a 2 /a 3 /a 4 /a] >> "
                             b"/FirstChar 1 /LastChar 4 /Widths [10 10 10 10] >>")


def _raw_pdf(content: bytes, font: bytes) -> bytes:
    """A one-page PDF written byte by byte, its font given whole."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
        b"<< /Length 23 >>\nstream\n10 0 0 0 10 10 d1 0 0 m\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def full_width_year() -> bytes:
    """Defect 6: the cover prints its year in full-width digits."""
    return final_report_with_cover("２０２４年度部门决算")


def final_report_with_cover(title: str) -> bytes:
    data = final_report()
    document = pikepdf.open(io.BytesIO(data))
    cover = pdf([text((200, 300, UNIT), (220, 340, title), size=20)])
    replacement = pikepdf.open(io.BytesIO(cover))
    document.pages[0] = replacement.pages[0]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def concatenated(second_unit: str = UNIT) -> bytes:
    """Defect 7: two reports in one PDF (the same one twice, or another department's after it)."""
    document = pikepdf.open(io.BytesIO(final_report()))
    other = pikepdf.open(io.BytesIO(final_report(unit=second_unit)))
    document.pages.extend(other.pages)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rotated_table() -> bytes:
    """Defect 7: table 5's page rotated 90° after table 1's page."""
    first = pikepdf.open(io.BytesIO(summary_report()))
    second = pikepdf.open(io.BytesIO(final_report()))
    page = second.pages[2]
    first.pages.append(page)
    first.pages[-1].Rotate = 90
    out = io.BytesIO()
    first.save(out)
    return out.getvalue()


def turned_with_its_text(rotate: int) -> bytes:
    """Table 5's page turned with /Rotate and its content turned back: it reads as before."""
    matrix = {90: "0 1 -1 0 842 0 cm", 180: "-1 0 0 -1 595 842 cm", 270: "0 -1 1 0 0 595 cm"}[rotate]
    document = pikepdf.open(io.BytesIO(final_report()))
    page = document.pages[2]
    page.contents_add(document.make_stream(matrix.encode()), prepend=True)
    page.Rotate = rotate
    if rotate in (90, 270):
        page.MediaBox = [0, 0, 842, 595]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_title_pages() -> bytes:
    """A report whose tables part opens with a title page, and which ends with a back cover: the
    cover's title printed again, yet one report."""
    document = pikepdf.open(io.BytesIO(final_report()))
    title = pikepdf.open(io.BytesIO(pdf([text((200, 300, UNIT), (220, 340, "2024年度部门决算"), size=20)] * 2)))
    document.pages.insert(2, title.pages[0])
    document.pages.append(title.pages[1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
