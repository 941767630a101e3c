"""The PDF reader: small PDFs made here, bad PDFs of every kind, and fuzzed bytes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.engine import check
from finrecon.readers import Limits, LoadError, load_report
from finrecon.readers.pdf import load_pdf, read_pdf

from .pdfs import Page, blank, both, final_report, pdf, table, text
from .work import assert_linear, python_calls


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return final_report()


def test_a_small_final_report_reads_into_the_model(report_pdf: bytes, tmp_path: Path) -> None:
    loaded = load_report(write(tmp_path, "r.pdf", report_pdf))
    report = loaded.report
    assert (report.meta.unit, report.meta.year, report.meta.kind) == ("上海市示例区测试局", 2024, "final")
    table = report.tables.general_budget
    assert table.title == "一般公共预算财政拨款支出决算表" and table.money_unit == "万元"
    assert [(row.code, row.name, row.total.value) for row in table.rows] == [
        ("201", "一般公共服务支出", Decimal("2106.66")), ("20106", "财政事务", Decimal("2106.66")),
        ("2010601", "行政运行", Decimal("1511.89")), ("2010602", "一般行政管理事务", Decimal("595.77")),
    ]
    assert table.rows[3].basic is None  # a blank cell is left out, not read as 0
    assert str(table.total.project.value) == "603.14"
    # The words: contents, part headings, the paragraph joined over its two printed lines.
    assert report.text.contents[1] == "五、一般公共预算财政拨款支出决算表"
    part = report.text.parts[-1]
    assert part.sections[0].heading == "一、收入支出决算总体情况说明"
    assert part.sections[0].paragraphs == [
        "上海市示例区测试局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：人员变化。"
    ]


def test_every_value_knows_its_page_line_and_printed_text(report_pdf: bytes) -> None:
    tree, source = read_pdf(report_pdf)
    place = source.place(("tables", "general_budget", "rows", 2, "total"))
    assert (place.page, place.excerpt) == (3, "2010601  行政运行  1,511.89  1,503.52  8.37")
    paragraph = ("text", "parts", 1, "sections", 0, "paragraphs", 0)
    assert source.place(paragraph).page == 4
    first, second = source.place(paragraph, 3), source.place(paragraph, 45)
    assert first.line + 1 == second.line and second.excerpt.startswith("支出总计减少56.95万元")


def test_a_wrong_sum_in_a_pdf_table_is_found_on_its_page(tmp_path: Path) -> None:
    data = pdf([
        text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算")),
        both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, 180, (60, 160, 90, 90, 90), [
            ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
            ("2010601", "行政运行", "1,511.89", "1,503.52", "8.73"),
        ])),
    ])
    loaded = load_report(write(tmp_path, "wrong.pdf", data))
    findings = [f for f in check(loaded) if f.rule == "FR103"]
    assert [(f.path, f.reported, f.expected, f.page) for f in findings] == [("tables.general_budget.rows[0].total", "1511.89", "1512.25", 2)]
    assert findings[0].excerpt == "2010601  行政运行  1,511.89  1,503.52  8.73"


def _wrong_sum_pdf() -> bytes:
    return pdf([
        text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算")),
        both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, 180, (60, 160, 90, 90, 90), [
            ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
            ("2010601", "行政运行", "1,511.89", "1,503.52", "8.73"),
        ])),
    ])


def test_every_export_of_a_pdf_finding_gives_its_page_and_printed_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The auditor's exports of a PDF: each names the page and quotes the printed row."""
    import csv
    import json

    import openpyxl

    write(tmp_path, "wrong.pdf", _wrong_sum_pdf())
    monkeypatch.chdir(tmp_path)
    formats = ("json", "csv", "xlsx", "markdown", "html", "sarif", "junit", "github")
    exports = [argument for name in formats for argument in ("--export", f"{name}:out.{name}")]
    result = CliRunner().invoke(app, ["check", "--lang", "zh", "--select", "FR103", "--jobs", "1", *exports, "wrong.pdf"])
    assert result.exit_code == 1, result.output
    excerpt = "2010601  行政运行  1,511.89  1,503.52  8.73"
    (finding,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["reports"][0]["findings"]
    assert (finding["page"], finding["excerpt"]) == (2, excerpt)
    (row,) = csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines())
    assert (row["页"], row["原文"]) == ("2", excerpt)
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[0]
    header, values = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    assert (values[header.index("页")], values[header.index("原文")]) == (2, excerpt)
    written = {name: (tmp_path / f"out.{name}").read_text(encoding="utf-8") for name in ("markdown", "html", "junit", "github")}
    assert "| wrong.pdf | 2 | 3 | FR103 |" in written["markdown"] and f"原文：{excerpt}" in written["markdown"]
    assert "第 2 页第 3 行" in written["html"] and f"原文：{excerpt}" in written["html"]
    assert "第 2 页第 3 行" in written["junit"] and f"原文：{excerpt}" in written["junit"]
    assert written["github"].startswith("::error file=wrong.pdf,title=FR103 p.2 ") and written["github"].rstrip().endswith(excerpt)
    (sarif,) = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    location = sarif["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("wrong.pdf")
    assert location["region"]["snippet"]["text"] == excerpt and location["region"]["properties"]["page"] == 2


def test_pdfs_take_a_baseline_and_run_in_parallel_like_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.pdf", _wrong_sum_pdf())
    write(tmp_path, "b.pdf", _wrong_sum_pdf())
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    one, two = (
        runner.invoke(app, ["check", "--lang", "zh", "--format", "json", "--jobs", jobs, "a.pdf", "b.pdf"]) for jobs in ("1", "2")
    )
    assert one.exit_code == two.exit_code == 1 and one.stdout == two.stdout
    assert runner.invoke(app, ["baseline", "a.pdf", "b.pdf", "-o", "baseline.json"]).exit_code == 0
    accepted = runner.invoke(app, ["check", "--lang", "zh", "--baseline", "baseline.json", "--jobs", "1", "a.pdf", "b.pdf"])
    assert accepted.exit_code == 0, accepted.output


def test_blank_repeated_and_off_page_text_are_findings_with_their_page(tmp_path: Path) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    body = text((96, 130, "一、主要职能"), (96, 160, "负责全区财政工作。"))
    off = text((96, 130, "二、机构设置"), (96, 900, "这一行印在页面之外。"))
    loaded = load_report(write(tmp_path, "pages.pdf", pdf([cover, body, blank, body, off])))
    found = {(f.rule, f.page) for f in check(loaded) if f.rule.startswith("FR92")}
    assert found == {("FR920", 3), ("FR921", 4), ("FR922", 5)}
    assert loaded.report.printed.off_page[0].text == "这一行印在页面之外。"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.pdf", b"", "文件为空"),
        ("yaml.pdf", b"meta: {unit: x, year: 2024}\n", "不是 PDF"),
        ("truncated.pdf", None, "损坏"),
        ("images.pdf", "no-text", "没有文字层"),
        ("encrypted.pdf", "encrypted", "加密"),
        ("letter.pdf", "letter", "不是 finrecon 能读取"),
    ],
)
def test_bad_pdfs_exit_2_with_one_clean_line(tmp_path: Path, report_pdf: bytes, name: str, data, message: str) -> None:  # noqa: ANN001
    if data is None:
        data = report_pdf[: len(report_pdf) // 3]
    elif data == "no-text":
        data = pdf([lambda sheet: sheet.rect(100, 100, 300, 300, fill=1)])
    elif data == "encrypted":
        data = pdf([text((72, 72, "上海市示例区测试局"))], encrypt="secret")
    elif data == "letter":
        data = pdf([text((72, 72, "关于召开年度工作会议的通知"))])
    path = write(tmp_path, name, data)
    result = CliRunner().invoke(app, ["check", "--lang", "zh", str(path)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(str(path)) and message in lines[0], lines
    assert "Traceback" not in result.output


def test_thousands_of_pages_stop_at_the_page_limit_quickly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf([text((72, 72, "页"))] * 2000)
    path = write(tmp_path, "long.pdf", data)
    import pypdfium2

    opened = []  # the pages PDFium is asked for: none, the page count alone refuses the file
    monkeypatch.setattr(pypdfium2.PdfDocument, "__getitem__", lambda document, index: opened.append(index))
    with pytest.raises(LoadError) as caught:
        load_report(path, Limits(max_pages=500))
    assert "2000" in caught.value.render("zh") and opened == []


def _mutated(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, delete, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + delete] = insert
    return bytes(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 64), st.binary(max_size=16)), min_size=1, max_size=6))
def test_mutated_pdf_bytes_never_crash_the_reader(edits: list[tuple[int, int, bytes]]) -> None:
    """Mutated bytes end in a one-line error or in a report that every rule checks and every
    finding of which has its page."""
    data = _mutated(FUZZ_SEED, edits)
    try:
        loaded = load_pdf(data, "fuzz.pdf", Limits(max_pages=20))
    except LoadError as error:
        assert "\n" not in error.render("zh") and error.render("zh").startswith("fuzz.pdf")
        return
    for finding in check(loaded):
        assert finding.message and (finding.page is None or finding.page >= 1)


FUZZ_SEED = final_report()


def test_a_configured_waiver_accepts_a_pdf_finding_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    write(tmp_path, "r.pdf", pdf([cover, blank, text((96, 130, "一、主要职能"), (96, 160, "负责全区财政工作。"))]))
    monkeypatch.chdir(tmp_path)
    arguments = ["check", "--lang", "zh", "--select", "FR92", "--fail-on", "warning", "--format", "json", "r.pdf"]
    assert CliRunner().invoke(app, arguments).exit_code == 1
    (tmp_path / "finrecon.toml").write_text(
        '[[waivers]]\nfiles = "*.pdf"\nrules = ["FR920"]\npath = "printed.empty_pages"\nreason = "空白页为排版所致，已确认"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert '"status": "waived"' in result.stdout and "空白页为排版所致" in result.stdout
    (tmp_path / "finrecon.toml").write_text('[[waivers]]\nrules = ["FR920"]\n', encoding="utf-8")
    refused = CliRunner().invoke(app, arguments)
    assert refused.exit_code == 2 and "reason" in refused.stderr


def _ruled(rows: int, columns: int, step: float) -> Page:
    """A page ruled into ``rows`` × ``columns`` cells ``step`` points apart."""

    def draw(sheet) -> None:  # noqa: ANN001
        for row in range(rows + 1):
            sheet.line(20, 20 + row * step, 20 + columns * step, 20 + row * step)
        for column in range(columns + 1):
            sheet.line(20 + column * step, 20, 20 + column * step, 20 + rows * step)

    return draw


def _strokes(count: int) -> Page:
    """``count`` short strokes, each apart from the others."""

    def draw(sheet) -> None:  # noqa: ANN001
        for index in range(count):
            x, y = 20 + (index % 60) * 9, 20 + (index // 60) * 9
            sheet.line(x, y, x + 4, y)

    return draw


def test_pages_drawn_beyond_what_the_reader_reads_are_not_read_as_tables_and_say_so(tmp_path: Path) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    # 250 × 180 cells (more than a table of a report has), and 4 100 separate strokes (more paths than it
    # reads): neither is read as a table, which is what keeps the reading short (the seconds: benchmarks/hostile.py)
    loaded = load_report(write(tmp_path, "ruled.pdf", pdf([cover, _ruled(250, 180, 3.2), _strokes(4100)])), Limits())
    assert [(item.page, item.kind) for item in loaded.report.printed.unread] == [(2, "drawing"), (3, "drawing")]
    assert [f.page for f in check(loaded) if f.rule == "FR923"] == [2, 3]


def test_reading_many_pages_of_lines_grows_linearly(tmp_path: Path) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    body = text(*[(96, 60 + 2.5 * row, "负责全区财政工作。") for row in range(300)], size=2)

    def calls(pages: int) -> int:
        data = pdf([cover, *[body] * pages])
        # one paragraph runs over every page
        return python_calls(lambda: read_pdf(data, Limits(max_pages=1000, max_paragraph=10**6)))[1]

    calls(2)  # what is built once (imports, the template) is not counted
    assert_linear([calls(pages) for pages in (20, 40, 80)])  # 4× the pages: about 4× the work, not 16×


def test_the_cover_may_print_unit_and_year_on_one_line_and_other_words_above(tmp_path: Path) -> None:
    one_line = pdf([text((150, 300, "上海市示例区测试局2024年度部门决算"))])
    assert load_report(write(tmp_path, "one.pdf", one_line)).report.meta.unit == "上海市示例区测试局"
    above = pdf([text((260, 200, "公开版"), (200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))])
    report = load_report(write(tmp_path, "above.pdf", above)).report
    assert (report.meta.unit, report.meta.year) == ("上海市示例区测试局", 2024)
    assert (report.text.cover.unit, report.text.cover.lines) == ("上海市示例区测试局", ["公开版"])


def test_a_picture_page_is_not_blank_and_page_numbers_do_not_hide_a_repeated_page(tmp_path: Path) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))

    def picture(sheet) -> None:  # noqa: ANN001
        from reportlab.lib.utils import ImageReader
        import io
        import zlib
        import struct

        def chunk(kind: bytes, body: bytes) -> bytes:
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

        png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")
        sheet.drawImage(ImageReader(io.BytesIO(png)), 100, 100, 200, 200)

    body = text((96, 130, "一、主要职能"), (96, 160, "负责全区财政工作。"))
    numbered = [both(body, text((290, 820, f"- {number} -"))) for number in (3, 4)]
    loaded = load_report(write(tmp_path, "p.pdf", pdf([cover, picture, *numbered])))
    assert loaded.report.printed.empty_pages == []
    assert [(item.page, item.same_as) for item in loaded.report.printed.repeated_pages] == [(4, 3)]


def test_a_table_printed_twice_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    rows = [("科目编码", "科目名称", "合计", "基本支出", "项目支出"), ("2010601", "行政运行", "10.00", "10.00", "")]
    table5 = both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, 180, (60, 160, 90, 90, 90), rows))
    again = both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, 180, (60, 160, 90, 90, 90), [rows[0], ("2010601", "行政运行", "9,999.99", "9,999.99", "")]))
    loaded = load_report(write(tmp_path, "twice.pdf", pdf([cover, table5, again])))
    assert [(f.rule, f.page) for f in check(loaded) if f.rule == "FR925"] == [("FR925", 3)]


def test_a_page_printing_another_pages_body_without_its_title(tmp_path: Path) -> None:
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    lines = [
        "负责全区财政收支管理工作，拟订全区财政发展规划和政策并组织实施，编制年度预决算草案。",
        "负责管理全区各项财政收入，管理非税收入和政府性基金，负责政府采购的监督管理工作。",
        "负责全区国有资产管理工作，拟订行政事业单位国有资产管理制度并组织实施和监督检查。",
    ]
    titled = text((96, 130, "一、主要职能"), *((60, 160 + 30 * index, words) for index, words in enumerate(lines)))
    # The body again, wrapped at another place and without “一、主要职能” above it.
    again = text((60, 130, lines[0][:20]), (60, 160, lines[0][20:]), *((60, 190 + 30 * index, words) for index, words in enumerate(lines[1:])))
    short = text((96, 130, "二、机构设置"), (96, 160, "本局内设科室五个。"))
    loaded = load_report(write(tmp_path, "untitled.pdf", pdf([cover, titled, short, again, short])))
    repeated = [(item.page, item.same_as, item.untitled) for item in loaded.report.printed.repeated_pages]
    assert repeated == [(5, 3, False), (4, 2, True)]  # a short page printed twice is still an exact repeat
    found = [(f.page, f.message) for f in check(loaded, ["FR921"])]
    assert found == [(4, "第 4 页重复印出了第 2 页标题以下的全部内容，只是没有标题（近似重复页）"), (5, "第 5 页与第 3 页内容完全相同（重复页）")]
