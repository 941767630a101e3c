"""The visual report (``--format html``): each PDF finding beside a crop of its page with the
printed row boxed, each YAML finding beside its source lines; checked in chromium on the pixels."""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.readers.pdf.layout import read_pages
from finrecon.reporters.pages import LEVELS, grey_png, render_pages
from finrecon.runner import Settings, check_file

from .conftest import shared_pdf
from .pdfs import both, pdf, table, text
from .test_exports import CHROMIUM, require_browser

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ROW_TOP, ROW_HEIGHT = 180.0, 20.0  # the test table's first ruling and its rows' height, points from the page's top


def _wrong_sum_pdf() -> bytes:
    """A final report whose one table row does not add up (FR103): 1,503.52 + 8.73 ≠ 1,511.89."""
    return pdf([
        text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算")),
        both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, ROW_TOP, (60, 160, 90, 90, 90), [
            ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
            ("2010601", "行政运行", "1,511.89", "1,503.52", "8.73"),
        ], row_height=ROW_HEIGHT)),
    ])


def _html(tmp_path: Path, *arguments: str, lang: str = "zh") -> tuple[Path, str]:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", lang, "--format", "html", "--output", str(out), *arguments])
    assert result.exit_code in (0, 1), result.output
    return out, out.read_text(encoding="utf-8")


@pytest.fixture
def wrong_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "wrong.pdf"
    path.write_bytes(_wrong_sum_pdf())
    return path


# ---------------------------------------------------------------------------------- the box
def test_a_table_finding_carries_the_box_of_its_printed_row(wrong_pdf: Path) -> None:
    (finding,) = [f for f in check_file(wrong_pdf, Settings()).findings if f.rule == "FR103"]
    x0, top, x1, bottom = finding.box
    # the data row is the table's second: between the rulings at 200 and 220 points from the top
    assert ROW_TOP + ROW_HEIGHT <= top < bottom <= ROW_TOP + 2 * ROW_HEIGHT
    assert 44 < x0 < 44 + 60 and 44 + 60 + 160 + 90 + 90 < x1 < 44 + 500  # from the code's cell to the last figure's


def test_a_text_finding_carries_the_box_of_its_printed_line_on_a_real_report() -> None:
    """FR806 on page 6 of the Wanli budget: the box is that page's line 18 as the layout reads it."""
    path = shared_pdf("shanghai-putuo-wanli-street-2024-budget.pdf")
    findings = [f for f in check_file(path, Settings()).findings if f.rule == "FR806"]
    assert [(f.page, f.line) for f in findings] == [(6, 18)]
    (page,) = [p for p in read_pages(path.read_bytes()) if p.number == 6]
    (line,) = [line for line in page.lines if line.number == 18]
    x0, top, x1, bottom = findings[0].box
    assert (x0, top, x1) == pytest.approx((line.x0, line.top, line.x1), abs=0.01)
    assert bottom == pytest.approx(line.bottom, abs=1.0)
    assert "114.00" in line.text and "110.60" in line.text


def test_findings_about_a_whole_page_have_no_box() -> None:
    path = shared_pdf("shanghai-putuo-finance-2024-final.pdf")
    (empty,) = [f for f in check_file(path, Settings()).findings if f.rule == "FR920"]
    assert empty.page == 14 and empty.box is None


# ---------------------------------------------------------------------------------- the page
def test_each_page_with_findings_is_embedded_once_and_each_finding_crops_it(tmp_path: Path, wrong_pdf: Path) -> None:
    _, page = _html(tmp_path, "--select", "FR103", str(wrong_pdf))
    findings = page.count('<article class="finding')
    assert findings == 1
    assert page.count("<image ") == 1 and page.count("data:image/png;base64,") == 1  # page 2 only: the cover has none
    assert page.count('<use href="#img1-2"/>') == findings
    assert "第 2 页第 3 行" in page and "原文：2010601  行政运行  1,511.89  1,503.52  8.73" in page
    assert re.search(r'<td class="reported">1511.89</td><td class="expected">1512.25</td><td class="difference">-0.36</td>', page)
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= ids  # every contents entry, crop and box leads somewhere
    assert not re.search(r'(?:src|href)="(?!#|data:)', page) and "<link" not in page  # nothing fetched from anywhere


def test_a_yaml_finding_shows_its_source_lines(tmp_path: Path) -> None:
    sample = SAMPLES / "panzhihua-xiqu-cppcc-2020.yaml"
    _, page = _html(tmp_path, str(sample))
    lines = sample.read_text(encoding="utf-8").split("\n")
    hits = re.findall(r'<span class="hit" data-severity="\w+"><b>(\d+)</b>(.*?)</span>', page)
    assert hits and "<image " not in page
    for number, shown in hits:
        assert shown == lines[int(number) - 1].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")


def test_pages_are_rendered_once_each_and_missing_pages_are_left_out(wrong_pdf: Path, tmp_path: Path) -> None:
    images = render_pages(wrong_pdf, [2, 2, 9, 0])
    assert list(images) == [2]
    image = images[2]
    assert (image.width, image.height) == pytest.approx((595.0, 842.0), abs=1)
    assert render_pages(tmp_path / "gone.pdf", [1]) == {}
    (tmp_path / "not.pdf").write_bytes(b"%PDF-1.4 nothing")
    assert render_pages(tmp_path / "not.pdf", [1]) == {}


def test_grey_png_is_a_valid_png_of_the_quantised_pixels() -> None:
    from PIL import Image

    width, height, stride = 5, 3, 8
    pixels = bytes(range(0, 256, 11))[: stride * height].ljust(stride * height, b"\xff")
    decoded = Image.open(io.BytesIO(grey_png(width, height, stride, pixels)))
    assert decoded.mode == "L" and decoded.size == (width, height)
    step = 255 / (LEVELS - 1)
    for row in range(height):
        for column in range(width):
            original = pixels[row * stride + column]
            assert abs(decoded.getpixel((column, row)) - original) <= step / 2 + 1
    assert zlib.crc32(grey_png(width, height, stride, pixels)) == zlib.crc32(grey_png(width, height, stride, pixels))  # deterministic


# ---------------------------------------------------------------------------------- in chromium
def _browser(playwright):  # noqa: ANN001, ANN202
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    )


def _ink_rows(png: bytes, left: int, right: int) -> list[int]:
    """The pixel rows of a screenshot with dark pixels between columns ``left`` and ``right``."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    return [y for y in range(image.height) if any(image.getpixel((x, y)) < 110 for x in range(max(0, left), min(image.width, right)))]


def test_in_chromium_the_box_stands_on_the_printed_row(tmp_path: Path, wrong_pdf: Path) -> None:
    """On the screen: the crop shows the page; the box encloses a band of printed ink (the row),
    and hiding the box leaves that ink — the box is drawn on the row, not beside it."""
    require_browser()
    from playwright.sync_api import sync_playwright

    out, _ = _html(tmp_path, "--select", "FR103", str(wrong_pdf))
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page(viewport={"width": 1300, "height": 900}, device_scale_factor=1)
        page.goto(out.as_uri())
        article = page.locator('article[data-rule="FR103"]').first
        crop = article.locator("figure.crop svg")
        crop.scroll_into_view_if_needed()
        svg_rect = crop.bounding_box()
        box_rect = crop.locator("rect.box").bounding_box()
        colour = crop.locator("rect.box").evaluate("r => getComputedStyle(r).stroke")
        page.eval_on_selector_all("rect.box", "boxes => boxes.forEach(b => b.style.display = 'none')")
        shot = crop.screenshot()
        browser.close()
    assert colour == "rgb(208, 0, 0)"  # an error is boxed in red
    # the box in the crop's pixels
    left, right = int(box_rect["x"] - svg_rect["x"]) + 3, int(box_rect["x"] + box_rect["width"] - svg_rect["x"]) - 3
    top, bottom = box_rect["y"] - svg_rect["y"], box_rect["y"] + box_rect["height"] - svg_rect["y"]
    ink = _ink_rows(shot, left, right)
    inside = [y for y in ink if top <= y <= bottom]
    assert len(inside) >= 0.4 * (bottom - top), (top, bottom, ink)  # the row's glyphs fill the box's height
    # one band of ink (one printed row), with white above and below it inside the box: the row is boxed whole
    assert min(inside) > top and max(inside) < bottom
    assert max(inside) - min(inside) + 1 == len(inside), (top, bottom, inside)
    assert abs((min(inside) + max(inside)) / 2 - (top + bottom) / 2) <= 0.15 * (bottom - top), (top, bottom, inside)  # centred on it


def test_in_chromium_the_filters_hide_a_severity_and_the_contents_lead_to_findings(tmp_path: Path) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    out, _ = _html(tmp_path, str(SAMPLES / "panzhihua-xiqu-cppcc-2020.yaml"), str(SAMPLES / "shanghai-putuo-finance-2024.yaml"))
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page()
        page.goto(out.as_uri())
        visible = lambda: page.eval_on_selector_all(  # noqa: E731
            "article.finding", "items => items.filter(a => a.offsetParent !== null).map(a => a.dataset.severity)"
        )
        before = visible()
        page.uncheck('.filters input[value="warning"]')
        after = visible()
        page.check('.filters input[value="warning"]')
        again = visible()
        rules = page.eval_on_selector_all("ul.by-rule", "lists => lists.map(l => [...l.querySelectorAll('li')].map(li => li.dataset.rule))")
        found = page.eval_on_selector_all("section.file", "files => files.map(f => [...f.querySelectorAll('article')].map(a => a.dataset.rule))")
        browser.close()
    assert "warning" in before and "error" in before
    assert after == [severity for severity in before if severity != "warning"]
    assert again == before
    assert rules == [sorted(set(file)) for file in found]  # by rule: each file's rules, each once, in order


def test_a_page_too_costly_to_draw_is_not_drawn_and_its_findings_keep_their_words(
    tmp_path: Path, wrong_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from finrecon.reporters import pages

    assert list(render_pages(wrong_pdf, [2])) == [2]
    monkeypatch.setattr(pages, "MAX_OBJECTS", 5)  # the table page draws its rulings and its words: more than 5 objects
    assert render_pages(wrong_pdf, [2]) == {}
    monkeypatch.undo()
    monkeypatch.setattr(pages, "MAX_IMAGE_PIXELS", 0)
    image_pdf = tmp_path / "image.pdf"
    from reportlab.lib.utils import ImageReader
    from PIL import Image

    picture = Image.new("L", (4, 4), 0)
    image_pdf.write_bytes(pdf([lambda sheet: sheet.drawImage(ImageReader(picture), 100, 100, 40, 40)]))
    assert render_pages(image_pdf, [1]) == {}  # a picture of more pixels than allowed
    monkeypatch.setattr(pages, "MAX_OBJECTS", 5)
    _, page = _html(tmp_path, "--select", "FR103", str(wrong_pdf))
    assert "<image " not in page and "（此页未能显示）" in page and "原文：2010601  行政运行" in page


def test_source_lines_are_numbered_as_yaml_counts_them_and_binary_files_have_none(tmp_path: Path) -> None:
    from finrecon.reporters.html import _source_lines

    text = tmp_path / "r.yaml"
    text.write_bytes("\ufeffa: 1\r\nb: 2\rc: 3\nd: 4\u2028e: 5".encode("utf-8"))
    assert _source_lines(str(text)) == ["a: 1", "b: 2", "c: 3", "d: 4", "e: 5"]
    pdf_file = tmp_path / "r.pdf"
    pdf_file.write_bytes(b"%PDF-1.4\nnot a page\n")
    zipped = tmp_path / "r.xlsx"
    zipped.write_bytes(b"PK\x03\x04\x00\x00rest")
    assert _source_lines(str(pdf_file)) is None and _source_lines(str(zipped)) is None and _source_lines(str(tmp_path / "gone")) is None


def test_the_pdf_is_opened_once_and_each_page_rendered_once_however_many_findings_it_has(
    tmp_path: Path, wrong_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2 as pdfium

    calls = {"open": 0, "render": 0}
    real_open, real_render = pdfium.PdfDocument.__init__, pdfium.PdfPage.render

    def counted_open(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls["open"] += 1
        return real_open(self, *args, **kwargs)

    def counted_render(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls["render"] += 1
        return real_render(self, *args, **kwargs)

    findings = check_file(wrong_pdf, Settings()).findings
    pages = {finding.page for finding in findings}
    assert len(findings) > len(pages) == 2  # the cover's findings and the table's
    monkeypatch.setattr(pdfium.PdfDocument, "__init__", counted_open)
    monkeypatch.setattr(pdfium.PdfPage, "render", counted_render)
    _, page = _html(tmp_path, str(wrong_pdf))
    assert page.count('<article class="finding') == len(findings)
    assert calls == {"open": 2, "render": 2}  # one opening to check, one to draw; one rendering a page
    assert page.count("<image ") == 2


def test_on_a_real_budget_every_finding_has_its_crop_and_every_box_lies_on_its_page(tmp_path: Path) -> None:
    path = shared_pdf("shanghai-putuo-wanli-street-2024-budget.pdf")
    findings = check_file(path, Settings()).findings
    _, page = _html(tmp_path, str(path))
    pages = {int(number): (float(width), float(height)) for number, width, height in re.findall(
        r'<image id="img1-(\d+)" href="data:image/png;base64,[^"]+" x="0" y="0" width="([\d.]+)" height="([\d.]+)"/>', page)}
    assert set(pages) == {finding.page for finding in findings}  # only the pages with findings, each once
    assert page.count("<use href=") == len(findings)
    boxed = [finding for finding in findings if finding.box is not None]
    assert len(boxed) == len(findings)  # every finding of this report stands on a printed line
    for finding in boxed:
        width, height = pages[finding.page]
        x0, top, x1, bottom = finding.box
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, finding


def test_a_paged_finding_of_a_file_that_is_no_pdf_gets_no_picture_and_no_complaint(tmp_path: Path) -> None:
    from finrecon.findings import Finding, Severity
    from finrecon.reporters.html import render
    from finrecon.results import FileResult, Run

    text = tmp_path / "report.txt"
    text.write_text("第一页\f第二页\n", encoding="utf-8")
    finding = Finding("FR808", Severity.WARNING, "text.parts[0]", "m", line=1, page=2, excerpt="第二页")
    page = render(Run([FileResult(str(text), "单位", 2024, [finding])]), "zh")
    assert '<article class="finding warning"' in page and "<image " not in page and "<svg" not in page
    assert "此页未能显示" not in page


def test_a_report_draws_at_most_its_page_budget_and_says_so(tmp_path: Path, wrong_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from finrecon.reporters import html

    _, full = _html(tmp_path, str(wrong_pdf))
    assert full.count("<image ") == 2 and 'class="undrawn"' not in full
    monkeypatch.setattr(html, "MAX_PAGES", 1)
    _, page = _html(tmp_path, str(wrong_pdf), str(wrong_pdf))  # the same file twice: 4 pages with findings
    assert page.count("<image ") == 1 and 'id="img1-1"' in page
    assert "本报告最多绘制 1 页" in page and page.count("（此页未能显示）") == page.count('<article class="finding') - page.count('<use href="#img1-1"/>')


def _ink_in_box(image, box: tuple[float, float, float, float]) -> tuple[int, int]:  # noqa: ANN001 - a PageImage
    """Dark pixels of the rendered page inside ``box`` (PDF points), and all its pixels there."""
    from PIL import Image

    picture = Image.open(io.BytesIO(image.png))
    scale = picture.width / image.width
    x0, top, x1, bottom = (round(value * scale) for value in box)
    pixels = [(x, y) for y in range(top, min(bottom, picture.height - 1) + 1) for x in range(x0, min(x1, picture.width - 1) + 1)]
    return sum(1 for pixel in pixels if picture.getpixel(pixel) < 128), len(pixels)


@pytest.mark.parametrize("case", ["upright", "turned without its text", "turned with its text"])
def test_every_box_falls_on_printed_ink_of_the_drawn_page_however_the_page_is_turned(case: str, tmp_path: Path) -> None:
    """A page /Rotate'd without its text is read as its text runs, and drawn so: its boxes fall on
    the printed rows (before, the picture was drawn as shown and the boxes fell on white)."""
    from . import hostile_pdfs as hostile

    data = {"upright": _wrong_sum_pdf, "turned without its text": hostile.rotated_table,
            "turned with its text": lambda: hostile.turned_with_its_text(90)}[case]()
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    boxed = [finding for finding in check_file(path, Settings()).findings if finding.box is not None]
    assert boxed
    images = render_pages(path, {finding.page for finding in boxed})
    for finding in boxed:
        ink, pixels = _ink_in_box(images[finding.page], finding.box)
        assert ink > 0.02 * pixels, (finding.rule, finding.page, finding.box, ink, pixels)
