"""The cover: unit and year read through spaces, line breaks and full-width digits; else from
the rest of the report or the file name; ``--unit`` and ``--year`` override."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.readers import LoadError, load_report

from .pdfs import both, pdf, table, text

BODY = both(text((180, 130, "一般公共预算财政拨款支出决算表"), (44, 160, "编制单位：上海市示例区测试局")), table(44, 180, (60, 160, 90, 90, 90), [
    ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    ("2010601", "行政运行", "1,511.89", "1,503.52", "8.37"),
]))


def _load(tmp_path: Path, *lines: tuple[float, float, str], name: str = "r.pdf", **meta):  # noqa: ANN003, ANN202
    path = tmp_path / name
    path.write_bytes(pdf([text(*lines, size=24), BODY]))
    return load_report(path, meta=meta or None).report


@pytest.mark.parametrize(("lines", "unit", "year"), [
    pytest.param([(150, 300, "上海市示例区测试局"), (160, 340, "2024 年度部门决算")], "上海市示例区测试局", 2024, id="a space before 年度"),
    pytest.param([(150, 300, "上海市示例区测试局"), (160, 340, "2024 年度"), (160, 370, "部门决算")], "上海市示例区测试局", 2024, id="the title over two lines"),
    pytest.param([(150, 300, "上海市普陀区人民政府"), (200, 330, "办公室"), (160, 380, "2024年度部门决算")], "上海市普陀区人民政府办公室", 2024, id="the unit over two lines"),
    pytest.param([(150, 300, "上海市示例区测试局"), (160, 340, "２０２４年度部门决算")], "上海市示例区测试局", 2024, id="full-width digits"),
    pytest.param([(250, 120, "公开版"), (150, 300, "上海市示例区测试局"), (160, 340, "2024年度部门决算")], "上海市示例区测试局", 2024, id="a line printed apart is not the unit"),
])
def test_the_cover_is_read_through_spaces_breaks_and_full_width_digits(tmp_path: Path, lines, unit: str, year: int) -> None:  # noqa: ANN001
    report = _load(tmp_path, *lines)
    assert (report.meta.unit, report.meta.year) == (unit, year)
    assert report.text.cover.unit == unit


def test_a_budget_unit_named_over_two_lines_after_its_label(tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf([text((120, 160, "上海市示例区2025年区级部门预算"), (200, 284, "预算主管部门：上海市示例区人民政府"), (290, 304, "办公室"))]))
    meta = load_report(path).report.meta
    assert (meta.unit, meta.year, meta.scope) == ("上海市示例区人民政府办公室", 2025, "department")


def test_a_cover_without_a_year_takes_it_from_the_report_or_the_file_name(tmp_path: Path) -> None:
    # The year printed nowhere but in the file's name; the unit on the cover.
    report = _load(tmp_path, (150, 300, "上海市示例区测试局"), (160, 340, "部门决算"), name="test-2023-final.pdf")
    assert (report.meta.unit, report.meta.year) == ("上海市示例区测试局", 2023)


def test_a_cover_without_a_unit_takes_it_from_the_compiler_line(tmp_path: Path) -> None:
    report = _load(tmp_path, (160, 340, "2024年度部门决算"))
    assert (report.meta.unit, report.meta.year) == ("上海市示例区测试局", 2024)


def test_unit_and_year_given_on_the_command_line_override_the_cover(tmp_path: Path) -> None:
    report = _load(tmp_path, (150, 300, "上海市示例区测试局"), (160, 340, "2024年度部门决算"), unit="上海市示例区另一局", year=2023)
    assert (report.meta.unit, report.meta.year) == ("上海市示例区另一局", 2023)
    path = tmp_path / "r.pdf"
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--unit", "上海市示例区另一局", "--year", "2023", "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.stdout)
    assert (document["reports"][0]["unit"], document["reports"][0]["year"]) == ("上海市示例区另一局", 2023)


def test_a_report_with_no_year_anywhere_exits_2_naming_the_option(tmp_path: Path) -> None:
    path = tmp_path / "none.pdf"
    path.write_bytes(pdf([text((150, 300, "上海市示例区测试局"), (160, 340, "部门决算"))]))
    with pytest.raises(LoadError) as error:
        load_report(path)
    assert "--year" in error.value.render("en")
    assert load_report(path, meta={"year": 2024}).report.meta.year == 2024


def test_a_contents_entry_that_wraps_is_one_entry_and_no_false_fr924(tmp_path: Path) -> None:
    """“八、政府性基金预算财政拨款收入支出决算” / “表”: the second line is the end of the entry,
    not an entry “表” of its own that no table answers."""
    from finrecon.engine import check

    cover = text((150, 300, "上海市示例区测试局"), (160, 340, "2024年度部门决算"), size=24)
    contents = text(
        (260, 80, "目 录"),
        (60, 120, "一、一般公共预算财政拨款支出决算表"),
        (60, 150, "二、政府性基金预算财政拨款收入支出决算"),
        (60, 170, "表"),
        (60, 200, "三、财政拨款收入支出决算情况说明"),
        size=24,
    )
    fund = both(text((150, 130, "政府性基金预算财政拨款收入支出决算表")), table(44, 180, (60, 160, 90, 90, 90), [
        ("科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出"),
    ]))
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf([cover, contents, BODY, fund]))
    loaded = load_report(path)
    assert loaded.report.text.contents == [
        "一、一般公共预算财政拨款支出决算表",
        "二、政府性基金预算财政拨款收入支出决算表",
        "三、财政拨款收入支出决算情况说明",
    ]
    assert loaded.source.place(("text", "contents", 1), 20).line == loaded.source.place(("text", "contents", 1)).line + 1
    assert not [f.message for f in check(loaded) if f.rule == "FR924"]


def test_a_cover_without_a_unit_takes_it_from_a_title_of_the_contents(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    path.write_bytes(pdf([
        text((160, 340, "2024年度部门决算"), size=24),
        text((270, 90, "目录"), (72, 140, "第二部分 上海市示例区测试局2024年度部门决算表"), (96, 170, "一、收入支出决算总表")),
    ]))
    assert load_report(path).report.meta.unit == "上海市示例区测试局"


@pytest.mark.parametrize(("name", "unit", "year"), [
    ("shanghai-putuo-ecology-environment-2025-final.txt", "上海市普陀区生态环境局", 2025),
    ("shanghai-putuo-urban-management-2026-budget.txt", "上海市普陀区城市管理行政执法局", 2026),
])
def test_the_covers_of_the_real_page_texts_are_read(tmp_path: Path, name: str, unit: str, year: int) -> None:
    """The newer reports' covers as printed (“2025 年度部门决算”, a space before 年度), set as a PDF."""
    from .conftest import SHARED_PDFS

    source = SHARED_PDFS.parent / "text" / name
    if not source.exists():
        pytest.skip(f"{source} is absent: the real page texts live in ../shared/reports/text")
    cover = source.read_text(encoding="utf-8").split("\f")[0].splitlines()
    path = tmp_path / "cover.pdf"
    path.write_bytes(pdf([text(*((120, 200 + 40 * index, line) for index, line in enumerate(cover) if line.strip()), size=18)]))
    meta = load_report(path).report.meta
    assert (meta.unit, meta.year) == (unit, year)


def test_unit_and_year_given_on_the_command_line_override_a_yaml_report_too() -> None:
    from finrecon.readers import load_text

    meta = load_text("meta: {unit: 测试单位, year: 2024}\n", meta={"unit": "另一单位", "year": 2023}).report.meta
    assert (meta.unit, meta.year) == ("另一单位", 2023)
