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
    assert "(in 万元; table 1: budget of income and expenditure in 元, converted exactly" in finding.message
    assert finding.message.startswith("income budget: the budget explanation gives 123.47")
    assert finding.expected == "123.456789"


# ----------------------------------------------------------------------------- across money units, by property
from decimal import ROUND_HALF_UP  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CENT = Decimal("0.01")


def _text_against_table(text: Decimal, cell: Decimal) -> list:
    return _findings(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        f"budget:\n  tables:\n    summary:\n      money_unit: 元\n      income: {{grand_total: {cell}}}\n"
        f"  statement:\n    income: {{total: {text}}}\n",
        "FR502",
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**11), st.sampled_from([0, 2]))
def test_a_yuan_figure_rounded_to_wanyuan_is_never_reported(cents: int, decimals: int) -> None:
    """Whatever the 元 figure, its 万元 rounding (half up, to the cent of 万元) agrees with it."""
    cell = (Decimal(cents) / 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = (cell / 10000).quantize(_CENT, rounding=ROUND_HALF_UP)
    assert _text_against_table(text, cell) == []


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**11), st.sampled_from([-1, 1]))
def test_one_cent_of_wanyuan_beyond_the_rounding_is_always_reported(cents: int, sign: int) -> None:
    """Two cents of 万元 from the rounded value is beyond what rounding on both sides allows."""
    cell = Decimal(cents) / 100
    text = (cell / 10000).quantize(_CENT, rounding=ROUND_HALF_UP) + sign * 2 * _CENT
    if text < 0:
        return
    (finding,) = _text_against_table(text, cell)
    assert Decimal(finding.expected) == cell / 10000  # the exact conversion, never rounded


# ----------------------------------------------------------------------------- the sentence reader never breaks
_ODD_TEXTS = [
    "text: {parts: [{heading: 2025年部门预算编制说明, paragraphs: [1.“”万元，主要用于。]}]}",
    "text: {parts: [{heading: 2025年部门预算编制说明, paragraphs: [\"1.“一般公共服务支出（类）（款）（项）”1,2万元，\"]}]}",
    "text: {parts: [{heading: 其他相关情况说明, paragraphs: [“三公”经费预算数为万元，比2024年预算减少万元。]}]}",
    "text: {parts: [{heading: 2025年部门预算编制说明, paragraphs: [收入预算99999999999999999999999999999999999.99万元，比2024年预算持平。]}]}",
    "text: {parts: [{heading: 其他相关情况说明}, 3, {heading: 7}]}",
    "text: {parts: [{heading: 其他相关情况说明, sections: [{heading: x, paragraphs: [共有车辆99999999999999999999999999999999999999辆]}]}]}",
    "budget: 3\ntext: {parts: [{heading: 2025年部门预算编制说明, paragraphs: [收入预算1.00万元]}]}",
]


def test_odd_budget_sentences_never_crash_the_reader() -> None:
    from finrecon.readers import LoadError

    for odd in _ODD_TEXTS:
        text = "meta: {unit: 测试, year: 2025, kind: budget}\n" + odd + "\n"
        try:
            loaded = load_text(text, "odd.yaml")
        except LoadError:
            continue  # refused with a message: fine
        check(loaded)


def test_a_budget_written_in_yaml_with_its_text_is_read_from_its_sentences() -> None:
    loaded = load_text(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        "budget:\n  tables:\n    general_budget:\n      money_unit: 元\n      rows:\n"
        "        - {code: \"210\", name: 卫生健康支出, total: 200000}\n"
        "        - {code: \"21007\", name: 计划生育事务, total: 200000}\n"
        "        - {code: \"2100717\", name: 计划生育服务, total: 200000}\n"
        "text:\n  parts:\n    - heading: 2025年部门预算编制说明\n      paragraphs:\n"
        "        - 1.“卫生健康支出（类）计划生育事务（款）计划生育服务（项）”科目21.00万元，主要用于计划生育服务。\n",
        "budget.yaml",
    )
    (item,) = loaded.report.budget.statement.items
    assert (item.code, item.value, item.purpose) == ("2100717", Decimal("21.00"), "计划生育服务")
    (finding,) = check(loaded, ["FR502"])
    assert (finding.path, finding.line, finding.reported, finding.expected) == ("budget.statement.items[0]", 14, "21.00", "20.0000")
    text_line = "        - 1.“卫生健康支出（类）计划生育事务（款）计划生育服务（项）”科目21.00万元，主要用于计划生育服务。"
    assert text_line[finding.column - 1 :].startswith("21.00")  # the finding stands at the printed amount


def test_a_number_longer_than_a_report_prints_is_not_read_at_all() -> None:
    loaded = load_text(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        "text: {parts: [{heading: 2025年部门预算编制说明, paragraphs: [收入预算" + "1" * 94 + ".00万元，比2024年预算持平。支出预算25.77万元。]}]}\n",
        "budget.yaml",
    )
    statement = loaded.report.budget.statement if loaded.report.budget else None
    assert statement is None or statement.income is None or statement.income.total is None  # not read, not rounded
    assert statement is not None and statement.expenditure.total.value == Decimal("25.77")  # the next one still is


def test_another_budget_template_is_a_file_of_labels_not_code(monkeypatch) -> None:  # noqa: ANN001
    """A template whose 编制说明 says “部门收入预算总额” where Shanghai's says “收入预算”: a layout that
    states it (a names table and one statement) is all the statement engine needs.  A report picks its layout by meta.template (in any
    case); one that names none is read as Shanghai's, the budget of highest priority, even where
    the other file comes first."""
    from finrecon import template

    other = template.Template.model_validate({
        "name": "another-province-budget", "kind": "budget", "template": "another-budget", "priority": 0,
        "cover": {"recognise": "(?!)", "title": "(?!)", "unit": "(?!)"},
        "part_sections": {"预算说明$": "statement"},
        "names": {"statement": {"部门收入预算总额": "income.total"}},
        "statements": [{"sections": ["statement"], "pattern": "{names}{amount:value}", "target": "budget.statement.{name}", "names": "statement"}],
    })
    known = dict(template.templates())
    monkeypatch.setattr(template, "templates", lambda: {other.name: other, **known})
    theirs = load_text(
        "meta: {unit: 测试, year: 2025, kind: budget, template: Another-Budget}\n"
        "text: {parts: [{heading: 2025年部门预算说明, paragraphs: [部门收入预算总额25.77万元。收入预算30.00万元。]}]}\n", "a.yaml",
    )
    assert theirs.report.budget.statement.income.total.value == Decimal("25.77")
    ours = load_text(
        "meta: {unit: 测试, year: 2025, kind: budget}\n"
        "text: {parts: [{heading: 2025年部门预算编制说明, paragraphs: [部门收入预算总额25.77万元。收入预算30.00万元。]}]}\n", "b.yaml",
    )
    assert ours.report.budget.statement.income.total.value == Decimal("30.00")
