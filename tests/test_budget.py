"""Budgets (部门预算 / 单位预算): money units, hints, and what the rule cases cannot say."""

from __future__ import annotations

from decimal import Decimal

from finrecon.engine import check
from finrecon.readers import load_text


def _findings(text: str, *rules: str):
    return check(load_text(text, "budget.yaml"), list(rules) or None)


def test_a_digit_slip_two_readings_explain_gets_no_hint() -> None:
    # 15.00 against 100.00 stated +50%: 100.00 typed for 10.00, or 15.00 for 150.00 — say neither.
    (finding,) = _findings(
        "meta: {unit: 测试, year: 2024, kind: budget}\n"
        "budget:\n  statement:\n    items:\n      - {name: 行政运行, value: 15.00, prior: 100.00, change_pct: 50.00}\n",
        "FR302",
    )
    assert finding.hint is None


def test_a_table_in_yuan_is_scaled_to_the_report_unit_exactly() -> None:
    loaded = load_text(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        "budget:\n  tables:\n    summary:\n      money_unit: 元\n      income: {grand_total: \"1,234,567.89\"}\n"
        "  statement:\n    income: {total: 123.46}\n",
        "budget.yaml",
    )
    cell = loaded.report.numbers["budget.tables.summary.income.grand_total"]
    text = loaded.report.numbers["budget.statement.income.total"]
    assert (cell.value, cell.unit, cell.scale) == (Decimal("1234567.89"), "元", Decimal("0.0001"))
    assert (text.unit, text.scale) == (None, None)  # the report's own unit
    assert loaded.report.figure("budget.tables.summary.income.grand_total").bound is cell
    assert check(loaded) == []


def test_a_report_without_foreign_units_is_not_scaled() -> None:
    loaded = load_text("meta: {unit: 测试, year: 2024}\ntables:\n  summary:\n    money_unit: 万元\n    income: {total: 1.00}\n", "final.yaml")
    assert loaded.report.__dict__["_scaled"] is False
    assert loaded.report.numbers["tables.summary.income.total"].scale is None


def test_figures_of_one_foreign_unit_are_shown_as_printed() -> None:
    (finding,) = _findings(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        "budget:\n  tables:\n    income:\n      money_unit: 元\n      rows:\n"
        "        - {code: \"201\", name: 一般公共服务支出, total: 2932700, appropriation: 2923700}\n",
        "FR103",
    )
    assert (finding.reported, finding.expected, finding.difference) == ("2932700", "2923700", "9000")
    assert finding.message.endswith("（单位：元）")


def test_mixed_units_say_which_table_was_converted_in_english_too() -> None:
    loaded = load_text(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        "budget:\n  tables:\n    summary:\n      money_unit: 元\n      income: {grand_total: 1234567.89}\n"
        "  statement:\n    income: {total: 123.47}\n",
        "budget.yaml",
    )
    from finrecon.rules.base import Options

    (finding,) = check(loaded, ["FR502"], Options(lang="en"))
    assert "(in 万元; budget.tables.summary in 元, converted exactly" in finding.message
    assert finding.expected == "123.456789"
