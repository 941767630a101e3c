"""Coverage: numbers placed out of numbers printed, sentences understood out of sentences with figures.

Measured from what the reader says is printed and the places of the model's numbers; the real
reports' numbers are held as a floor that may only rise (README, “What the PDF reader reads”).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.coverage import FIGURE, TABLE_FIGURE, measure, of
from finrecon.readers import load_report, load_text

from .conftest import shared_pdf
from .pdfs import final_report


def _loaded(tmp_path: Path, data: bytes):  # noqa: ANN202
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return load_report(path)


def test_every_figure_of_a_small_report_is_placed(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, final_report())
    coverage = measure(loaded.report, loaded.source)
    # table 5: 5 rows × 3 amounts, one blank; the text: 2995.39, 56.95, 1.87
    assert (coverage.table_printed, coverage.table_placed) == (14, 14)
    assert (coverage.numbers_printed, coverage.numbers_placed) == (17, 17)
    assert (coverage.sentences, coverage.understood) == (2, 2)
    assert coverage.missed == []


def test_what_no_statement_read_is_listed_page_by_page(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, final_report(more=[(96, 210, "二、其他事项"), (96, 240, "本单位本年另行安排专项经费12.34万元，用于设备更新。")]))
    block = of(loaded.report, loaded.source, details=True)
    assert (block["numbers"]["printed"], block["numbers"]["placed"]) == (18, 17)
    assert block["sentences"] == {"with_figures": 3, "understood": 2}
    assert [(item["page"], item["text"], item["where"]) for item in block["missed"]] == [
        (4, "12.34", "本单位本年另行安排专项经费12.34万元，用于设备更新。"),
        (4, "本单位本年另行安排专项经费12.34万元，用于设备更新。", "sentence"),
    ]


def test_a_yaml_report_has_no_printed_pages_to_measure() -> None:
    loaded = load_text("meta: {unit: 测试单位, year: 2024}\n")
    assert of(loaded.report, loaded.source) is None


@pytest.mark.parametrize(("line", "figures"), [
    ("收入支出总计2995.39万元，下降1.87%。", ["2995.39", "1.87"]),
    ("项目总预算1720.00万，合计29,381.00", ["1720.00", "29,381.00"]),
    ("2024年度项目4个，平均得分99.43分，建筑高度29.8米", []),
])
def test_a_printed_figure_in_the_text_is_an_amount_or_a_rate(line: str, figures: list[str]) -> None:
    assert [match.group() for match in FIGURE.finditer(line)] == figures


def test_a_printed_figure_in_a_table_has_decimals_or_separators() -> None:
    assert [m.group() for m in TABLE_FIGURE.finditer("2010601 行政运行 1,511.89 -8.37 2024")] == ["1,511.89", "-8.37"]


def test_the_json_report_carries_the_coverage_block_and_check_coverage_lists_it(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(final_report())
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "-j", "1"])
    block = json.loads(result.stdout)["reports"][0]["coverage"]
    assert block == {
        "numbers": {"printed": 17, "placed": 17, "in_tables": {"printed": 14, "placed": 14}, "in_text": {"printed": 3, "placed": 3}},
        "sentences": {"with_figures": 2, "understood": 2},
    }
    shown = CliRunner().invoke(app, ["check", str(path), "--coverage", "--lang", "en", "-j", "1"])
    assert "numbers: 17 of 17 printed were placed" in shown.stdout and "sentences with figures: 2 of 2 understood" in shown.stdout
    listed = CliRunner().invoke(app, ["check", str(path), "--coverage", "-f", "json", "-j", "1"])
    assert json.loads(listed.stdout)["reports"][0]["coverage"]["missed"] == []


# The real reports: (numbers placed, printed; in tables placed, printed; sentences understood, with figures)
# as measured when coverage was first published (README).  A floor: more read is fine, less is not.
# Every figure printed in a table is placed; every sentence with a figure is understood but the
# blank template's (the target: at least 97 %).
REAL = {
    "shanghai-district-final-template-2024.pdf": (0, 1, 0, 0, 0, 1),
    "shanghai-putuo-commerce-2025-budget.pdf": (350, 352, 287, 287, 39, 39),
    "shanghai-putuo-commerce-2025-unit-budget.pdf": (341, 343, 300, 300, 35, 35),
    "shanghai-putuo-finance-2024-final.pdf": (272, 275, 195, 195, 41, 41),
    "shanghai-putuo-government-office-2025-budget.pdf": (260, 262, 221, 221, 32, 32),
    "shanghai-putuo-government-office-2025-unit-budget.pdf": (270, 272, 231, 231, 32, 32),
    "shanghai-putuo-wanli-street-2024-budget.pdf": (686, 688, 525, 525, 87, 87),
    "shanghai-putuo-wanli-street-2025-budget.pdf": (592, 594, 525, 525, 54, 54),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_the_real_reports_are_read_at_least_as_well_as_published(name: str) -> None:
    placed, printed, table_placed, table_printed, understood, sentences = REAL[name]
    loaded = load_report(shared_pdf(name))
    coverage = measure(loaded.report, loaded.source)
    assert coverage.table_placed == coverage.table_printed, "every figure printed in a table is placed"
    assert coverage.table_printed >= table_printed, "a figure printed in a table is no longer seen"
    # Shares, not counts: a reader that sees more of what is printed may not read less of it.
    assert coverage.numbers_placed * printed >= placed * coverage.numbers_printed
    assert coverage.understood * sentences >= understood * coverage.sentences
    if name != "shanghai-district-final-template-2024.pdf":  # a blank template states no figures to read
        assert coverage.understood * 100 >= 97 * coverage.sentences



@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False), st.sampled_from(["万元", "元", "%", "万"]),
       st.text(alphabet="收入支出合计其中比上年增加减少，、：", max_size=12))
def test_an_amount_printed_with_its_unit_is_one_figure_whatever_stands_around_it(amount: Decimal, unit: str, words: str) -> None:
    printed = f"{amount:,.2f}" if amount >= 1000 else f"{amount:.2f}"
    found = [match.group() for match in FIGURE.finditer(f"{words}{printed}{unit}{words}")]
    assert found == [printed] and Decimal(found[0].replace(",", "")) == amount
