"""Where a Word file, a workbook and a web page print what finrecon read, as every reporter and
coverage say it: the medium's own place (paragraph n, table t row r, sheet!A1, a web page's line and
element path), in the run's language, and never a line of the file it is not."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from finrecon.cli import app

from .conftest import shared_pdf
from .media_files import docx_bytes, html_bytes, pdf_flow, xlsx_bytes

PDF = "shanghai-putuo-finance-2024-final.pdf"


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, Path]:  # noqa: ANN001
    flow = pdf_flow(shared_pdf(PDF))
    folder = tmp_path_factory.mktemp("media")
    files = {
        "docx": ("r.docx", docx_bytes(flow)),
        "html": ("r.html", html_bytes(flow)),
        "text": ("text.docx", docx_bytes(flow, with_tables=False)),
        "xlsx": ("tables.xlsx", xlsx_bytes(flow)),
        "workbook": ("tables2024.xlsx", xlsx_bytes(flow)),
    }
    found = {}
    for key, (name, data) in files.items():
        (folder / name).write_bytes(data)
        found[key] = folder / name
    found["combined"] = Path(f"{found['text']}+{found['xlsx'].name}")
    return found


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.stdout


def _report(path: Path, *args: str) -> dict:
    _, out = _run(str(path), "-f", "json", *args)
    document = json.loads(out)
    return document["reports"][0] if "reports" in document else document


# --------------------------------------------------------------------------------- coverage
@pytest.mark.parametrize("medium", ["docx", "html", "combined", "workbook"])
def test_the_tables_read_from_a_draft_count_as_placed(media, medium) -> None:  # noqa: ANN001
    numbers = _report(media[medium], "--coverage")["coverage"]["numbers"]
    tables = numbers["in_tables"]
    assert tables["printed"] > 100 and tables["placed"] == tables["printed"]  # every cell of the nine tables read
    assert numbers["placed"] >= numbers["printed"] - 5  # the text's few figures no statement reads


def test_coverage_names_a_drafts_places_in_the_run_language(media) -> None:  # noqa: ANN001
    missed = _report(media["docx"], "--coverage")["coverage"].get("missed", [])
    assert missed and all(item["place"].startswith("paragraph ") for item in missed)
    _, out = _run(str(media["docx"]), "--coverage", "--lang", "en")
    assert re.search(r"^    paragraph \d+: ", out, re.M), out
    _, out = _run(str(media["docx"]), "--coverage", "--lang", "zh")
    assert re.search(r"^    第 \d+ 段：", out, re.M), out


# --------------------------------------------------------------------------------- the label
def test_a_place_label_is_worded_in_the_run_language() -> None:
    from finrecon.i18n import label_line, place_label

    assert place_label("paragraph 52", "zh") == "第 52 段" and place_label("paragraph 52", "en") == "paragraph 52"
    assert place_label("table 3 row 5", "zh") == "表 3 第 5 行" and place_label("table 3 row 5", "en") == "table 3 row 5"
    assert place_label("a.docx:paragraph 3", "zh") == "a.docx:第 3 段"
    assert place_label("L54 /html/body/div/p[45]", "en") == "line 54 /html/body/div/p[45]"
    assert place_label("收入决算表!C7", "en") == "收入决算表!C7"  # the sheet's own name
    assert label_line("L54 /html/body/div/p[45]") == 54 and label_line("paragraph 52") is None and label_line("表1!C7") is None


# --------------------------------------------------------------------------------- reporters
def _first(report: dict) -> dict:
    return next(f for f in report["findings"] if f["rule"] == "FR201")


def test_every_reporter_names_a_word_paragraph_never_a_line(media) -> None:  # noqa: ANN001
    docx = str(media["docx"])
    finding = _first(_report(media["docx"]))
    label = finding["place"]
    assert re.fullmatch(r"paragraph \d+", label)  # JSON: the place as data, in no language
    number = label.split()[1]
    for lang, words, wrong in (("zh", f"第 {number} 段", f"第 {number} 行"), ("en", f"paragraph {number}", f"line {number}")):
        for width in ("80", "200"):  # the compact entries, the full table
            result = CliRunner().invoke(app, ["check", docx, "--lang", lang], env={"COLUMNS": width})
            assert words in result.stdout and wrong not in result.stdout, (lang, width)
        for fmt in ("csv", "markdown", "junit", "html"):
            _, out = _run(docx, "-f", fmt, "--lang", lang)
            assert words in out, (fmt, lang)
            if lang == "en":
                assert f"第 {number} 段" not in out, fmt
    _, out = _run(docx, "-f", "csv", "--lang", "en")
    row = next(row for row in csv.reader(io.StringIO(out)) if "FR201" in row)
    assert f"paragraph {number}" in row  # the place column, in English
    # GitHub, JUnit and SARIF: a Word paragraph is no line of the file, so none is given
    _, out = _run(docx, "-f", "github", "--lang", "en")
    line = next(text for text in out.splitlines() if "FR201" in text)
    assert "line=" not in line and f"paragraph {number}" in line
    _, out = _run(docx, "-f", "junit")
    cases = [case for case in ET.fromstring(out).iter("testcase") if case.get("name", "").startswith("FR201")]
    assert cases and all(case.get("line") is None for case in cases)
    _, out = _run(docx, "-f", "sarif", "--lang", "en")
    result = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "FR201")
    location = result["locations"][0]
    assert "region" not in location["physicalLocation"] and location["message"]["text"] == f"paragraph {number}"


def test_a_web_page_is_placed_on_its_own_source_line(media) -> None:  # noqa: ANN001
    html = str(media["html"])
    finding = _first(_report(media["html"]))
    source_line = int(re.match(r"L(\d+) ", finding["place"]).group(1))
    assert source_line is not None and source_line != finding["line"]  # the element's line, not the paragraph's number
    source = media["html"].read_text(encoding="utf-8").splitlines()
    assert finding["excerpt"][:10] in source[source_line - 1]  # the line that prints it
    result = CliRunner().invoke(app, ["check", html, "--lang", "en"], env={"COLUMNS": "80"})
    assert f"line {source_line} /html/" in result.stdout and f"\nline {finding['line']}  FR201" not in result.stdout
    _, out = _run(html, "-f", "github", "--lang", "en")
    line = next(text for text in out.splitlines() if "FR201" in text)
    assert f"line={source_line}," in line
    _, out = _run(html, "-f", "junit")
    case = next(case for case in ET.fromstring(out).iter("testcase") if case.get("name", "").startswith("FR201"))
    assert case.get("line") == str(source_line)
    _, out = _run(html, "-f", "sarif")
    result = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "FR201")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == source_line


def test_a_report_in_two_files_names_the_file_of_each_place(media) -> None:  # noqa: ANN001
    report = _report(media["combined"])
    places = [f["place"] for f in report["findings"] if f.get("place")]
    assert places and all(place.startswith("text.docx:paragraph ") for place in places), places
    result = CliRunner().invoke(app, ["check", str(media["combined"]), "--lang", "zh"], env={"COLUMNS": "80"})
    assert re.search(r"^text\.docx:第 \d+ 段  FR", result.stdout, re.M), result.stdout
    _, out = _run(str(media["combined"]), "-f", "github", "--lang", "en")
    annotations = [text for text in out.splitlines() if "text.docx%3Aparagraph" in text]
    assert annotations and not any("line=" in text for text in annotations)  # neither file has lines to show


# --------------------------------------------------------------------------------- a title only
@pytest.mark.parametrize(("name", "data"), [
    ("t.txt", "上海市某局2024年度部门决算\n".encode()),
    ("t.html", "<html><body><h1>上海市某局2024年度部门决算</h1></body></html>".encode()),
])
def test_a_file_that_prints_only_its_title_is_no_report_and_says_so_once(tmp_path, name, data) -> None:  # noqa: ANN001
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en", "-f", "json"])
    assert result.exit_code == 2  # unusable input: a gate must not pass it as clean
    report = json.loads(result.stdout)["reports"][0]
    assert "no report to check was read" in report["error"] and report["findings"] == []
    assert "carries" not in result.output  # none of the notes on what an input lacks


def test_a_title_and_one_paragraph_is_a_report_without_tables(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "t.txt"
    path.write_text("上海市某局2024年度部门决算\n第一部分 部门概况\n一、主要职能\n负责本区的工作。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en", "-f", "json"])
    assert result.exit_code == 0, result.output
    notes = [f for f in json.loads(result.stdout)["reports"][0]["findings"] if f["rule"] == "FR923"]
    assert [f["path"] for f in notes] == ["printed.unread.absent"]  # the tables not checked, said once; the text is there


# --------------------------------------------------------------------------------- FR923 in a page text
_BUDGET_COVER = "上海市普陀区2026年区级部门预算\n预算主管部门：上海市普陀区某某局\n"
# 20805 and 20808 print the same figures: either may be the 基本支出, so the rows are not read; the
# table's title on page 2, its rows on page 3.
_AMBIGUOUS = (
    "\f2026年部门支出预算总表\n编制部门：上海市普陀区某某局 单位：元\n项目 支出预算\n功能分类科目编码\n功能分类科目名称 合计 基本支出 项目支出\n类 款 项\n"
    "\f208 社会保障和就业支出 500,000 250,000 250,000\n"
    "208 05 行政事业单位养老支出 250,000 250,000\n"
    "208 05 01 行政单位离退休 250,000 250,000\n"
    "208 08 抚恤 250,000 250,000\n"
    "合计 500,000 250,000 250,000\n"
)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_texts_unread_table_is_placed_on_its_page_and_quotes_what_is_printed(tmp_path, lang) -> None:  # noqa: ANN001
    path = tmp_path / "某某局.txt"
    path.write_text(_BUDGET_COVER + _AMBIGUOUS, encoding="utf-8")
    report = _report(path, "--lang", lang)
    unread = [f for f in report["findings"] if f["rule"] == "FR923" and f["path"].startswith("printed.unread[")]
    assert len(unread) == 1
    finding = unread[0]
    assert finding["page"] == 3 and ("on page 3" if lang == "en" else "第 3 页") in finding["message"]  # where the rows are, not the title
    assert finding["excerpt"].startswith("208 05 行政事业单位养老支出 250,000")  # what the page prints, nothing of finrecon's
    assert "未读取" not in finding["excerpt"] and "not read" not in finding["excerpt"]
    if lang == "en":
        assert "3 row(s) print a number of figures" in finding["message"] and "未读取" not in finding["message"]
    else:
        assert "3 行的数字个数" in finding["message"]


# --------------------------------------------------------------------------------- across years
@pytest.mark.parametrize(("lang", "words"), [("zh", "去年.docx 第 12 段"), ("en", "去年.docx, paragraph 12")])
def test_a_cross_year_finding_names_a_drafts_place_not_a_line(lang, words) -> None:  # noqa: ANN001
    from finrecon.rules.base import Options
    from finrecon.rules.years import Comparable, PriorYearFigure, Spot

    rule = PriorYearFigure(Options(lang=lang))
    spot = Spot("narrative.income.total", "收入", "10.00", "万元", None, 12, "本年收入合计10.00万元。", place="paragraph 12")
    assert rule.where(Comparable("去年.docx", "某局", 2023, "final", None), spot) == words
    finding = rule.located(Comparable("今年.docx", "某局", 2024, "final", None), spot, "m", ())
    assert finding.place == "paragraph 12"  # every reporter then words it (not “line 12”)
