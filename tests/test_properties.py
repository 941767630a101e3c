"""Whole reports, consistent by construction: no error; move one figure past rounding: an error there.

The generator draws exact amounts (four decimals), computes every total, share, change and
completion rate exactly, then prints each the way a report does (two decimals, half up).  Whatever
rounding does to the printed figures, the rules must stay silent.  Then one printed figure is
moved by more than rounding can explain, and some error must name it (as its path or among the
figures the check used).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finrecon.engine import check
from finrecon.findings import Severity
from finrecon.readers import load_text

CENT = Decimal("0.01")
amounts = st.integers(min_value=100_0000, max_value=1_000_000_0000).map(lambda n: Decimal(n).scaleb(-4))
SOURCES = ("general_budget", "other", "business", "superior_subsidy")
# Real 类 and 项 from the shipped catalogue, so that the codes rules have nothing to say either.
CLASSES = (
    ("201", "一般公共服务支出", (("2010601", "行政运行"), ("2010602", "一般行政管理事务"), ("2010607", "信息化建设"))),
    ("208", "社会保障和就业支出", (("2080501", "行政单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"), ("2080506", "机关事业单位职业年金缴费支出"))),
    ("210", "卫生健康支出", (("2101101", "行政单位医疗"), ("2101102", "事业单位医疗"), ("2101103", "公务员医疗补助"))),
    ("221", "住房保障支出", (("2210201", "住房公积金"), ("2210202", "提租补贴"), ("2210203", "购房补贴"))),
)


def p(value: Decimal) -> Decimal:
    """As a report prints it."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return p(part / whole * 100)


@st.composite
def reports(draw):  # noqa: ANN201 - (template, list of (path, printed value))
    sources = draw(st.lists(amounts, min_size=1, max_size=4))
    income = sum(sources)
    classes = []
    for index in range(draw(st.integers(1, 4))):
        items = draw(st.lists(amounts, min_size=1, max_size=3))
        classes.append((CLASSES[index][0], items))
    expenditure = sum(sum(items) for _, items in classes)
    basic = expenditure * Decimal(draw(st.integers(10, 90))) / 100
    project = expenditure - basic
    grand = max(income, expenditure) + draw(amounts)
    opening, closing = grand - income, grand - expenditure
    prior = draw(amounts)
    # A budget near what was spent, as in any real report: a completion rate printed 0.07% could
    # not tell a budget of 133 333 from one of 146 666, and no rule should pretend it can.
    budget = expenditure * Decimal(draw(st.integers(50, 150))) / 100
    costs, costs_prior = draw(amounts), draw(amounts)

    figures: list[tuple[str, Decimal]] = []

    def fig(path: str, value: Decimal) -> str:
        figures.append((path, value))
        return f"@{len(figures) - 1}@"

    source_lines = "".join(
        f"      {name}: {{value: {fig(f'narrative.income.{name}', p(v))}, share_pct: {fig(f'narrative.income.{name}.share_pct', pct(v, income))}}}\n"
        for name, v in zip(SOURCES, sources)
    )
    table_sources = "".join(f"        {name}: {fig(f'tables.summary.income.{name}', p(v))}\n" for name, v in zip(SOURCES, sources))
    by_class, items_yaml, table_rows = "", "", ""
    for c, (code, items) in enumerate(classes):
        total = sum(items)
        by_class += (
            f"        - {{code: '{code}', name: {CLASSES[c][1]}, value: {fig(f'narrative.general_budget.by_class[{c}]', p(total))}, "
            f"share_pct: {fig(f'narrative.general_budget.by_class[{c}].share_pct', pct(total, expenditure))}}}\n"
        )
        table_rows += f"          - {{code: '{code}', total: {fig(f'tables.general_budget.rows[{c}].total', p(total))}}}\n"
    row = len(classes)
    item_index = 0
    for c, (code, items) in enumerate(classes):
        for i, value in enumerate(items):
            item_code, item_name = CLASSES[c][2][i]
            items_yaml += f"        - {{code: '{item_code}', name: {item_name}, value: {fig(f'narrative.general_budget.items[{item_index}]', p(value))}}}\n"
            table_rows += f"          - {{code: '{item_code}', total: {fig(f'tables.general_budget.rows[{row}].total', p(value))}}}\n"
            item_index += 1
            row += 1
    text = f"""meta: {{unit: 生成单位, year: 2024}}
tables:
  summary:
    income:
{table_sources}        total: {fig('tables.summary.income.total', p(income))}
        opening_balance: {fig('tables.summary.income.opening_balance', p(opening))}
        grand_total: {fig('tables.summary.income.grand_total', p(grand))}
    expenditure:
        total: {fig('tables.summary.expenditure.total', p(expenditure))}
        closing_balance: {fig('tables.summary.expenditure.closing_balance', p(closing))}
        grand_total: {fig('tables.summary.expenditure.grand_total', p(grand))}
  general_budget:
        total: {{total: {fig('tables.general_budget.total.total', p(expenditure))}}}
        rows:
{table_rows}narrative:
    total: {{value: {fig('narrative.total', p(grand))}, change: {fig('narrative.total.change', p(grand - prior))}, change_pct: {fig('narrative.total.change_pct', pct(grand - prior, prior))}}}
    income:
      total: {fig('narrative.income.total', p(income))}
{source_lines}    expenditure:
      total: {fig('narrative.expenditure.total', p(expenditure))}
      basic: {{value: {fig('narrative.expenditure.basic', p(basic))}, share_pct: {fig('narrative.expenditure.basic.share_pct', pct(basic, expenditure))}}}
      project: {{value: {fig('narrative.expenditure.project', p(project))}, share_pct: {fig('narrative.expenditure.project.share_pct', pct(project, expenditure))}}}
    general_budget:
      total: {{value: {fig('narrative.general_budget.total', p(expenditure))}, budget: {fig('narrative.general_budget.total.budget', p(budget))}, completion_pct: {fig('narrative.general_budget.total.completion_pct', pct(expenditure, budget))}}}
      by_class:
{by_class}      items:
{items_yaml}other:
    operating_costs: {{value: {fig('other.operating_costs', p(costs))}, prior: {fig('other.operating_costs.prior', p(costs_prior))}, change: {fig('other.operating_costs.change', p(costs - costs_prior))}, change_pct: {fig('other.operating_costs.change_pct', pct(costs - costs_prior, costs_prior))}}}
"""
    return text, figures


def render(template: str, figures: list[tuple[str, Decimal]]) -> str:
    return re.sub(r"@(\d+)@", lambda m: str(figures[int(m.group(1))][1]), template)


def errors(text: str):  # noqa: ANN201
    return [f for f in check(load_text(text, "generated.yaml")) if f.severity is Severity.ERROR]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_consistent_report_has_no_error(report) -> None:  # noqa: ANN001
    template, figures = report
    assert errors(render(template, figures)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.data())
def test_one_figure_moved_past_rounding_is_named(report, data) -> None:  # noqa: ANN001
    template, figures = report
    index = data.draw(st.integers(0, len(figures) - 1))
    path, value = figures[index]
    moved = list(figures)
    moved[index] = (path, p(value + max(abs(value) / 10, Decimal(1))))
    found = errors(render(template, moved))
    assert any(path == f.path or path in f.related for f in found), (path, value, [(f.rule, f.path) for f in found])


# --------------------------------------------------------------------------- the JSON report's encoder
_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=True, allow_infinity=True)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES, st.integers(min_value=0, max_value=3))
@settings(max_examples=300, deadline=None)
def test_json_report_writes_what_json_dumps_writes(value: object, depth: int) -> None:
    """``--format json`` indents each report with its own encoder (json's is pure Python with an
    indent): byte for byte what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes there."""
    import json

    from finrecon.reporters.json_report import _indented

    assert _indented(value, depth) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
