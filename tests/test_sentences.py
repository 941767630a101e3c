"""The 情况说明's figures read from its sentences: from the published PDF, from text pasted into
YAML, and the places findings on them point at."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from finrecon.engine import check
from finrecon.model import Report
from finrecon.model.bind import model_class_at
from finrecon.model.figure import Figure
from finrecon.readers import LoadError, load_report, load_text
from finrecon.readers.sentences import MAX_PARAGRAPH, target_path
from finrecon.readers.statements import statements
from finrecon.template import templates

SHANGHAI = templates()["shanghai-district-final"]
HEADINGS = SHANGHAI.narrative_sections

from .conftest import shared_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "shanghai-putuo-finance-2024.yaml"
TEXT_ONLY = Path(__file__).parent / "data" / "shanghai-putuo-finance-2024-text.yaml"
META = "meta: {unit: 测试单位, year: 2024}\n"


@pytest.fixture(scope="module")
def putuo_pdf():
    return load_report(shared_pdf("shanghai-putuo-finance-2024-final.pdf"))


def numbers(report: Report, sections: tuple[str, ...] = ("tables", "narrative", "other", "performance")) -> dict[str, str]:
    """Every number of ``sections`` as printed, by path; a coded row by its code, not its position."""
    found: dict[str, str] = {}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, BaseModel):
            for name in type(node).model_fields:
                walk(getattr(node, name), f"{path}.{name}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}[{getattr(item, 'code', None) or index}]")
        elif isinstance(node, Decimal) or (isinstance(node, int) and not isinstance(node, bool)):
            found[path] = format(node, "f") if isinstance(node, Decimal) else str(node)

    for section in sections:
        walk(getattr(report, section), section)
    return found


def located(loaded, rule: str, path: str):  # noqa: ANN001, ANN201
    (finding,) = [f for f in check(loaded) if f.rule == rule and f.path == path]
    return finding


# --------------------------------------------------------------------------- the published PDF
def test_the_pdf_gives_every_number_of_the_sample(putuo_pdf) -> None:
    """Tables, narrative, other matters and 预算绩效管理: the same numbers, figure by figure, printed
    alike (6.2 stays 6.2, 6.20 stays 6.20) — and the PDF gives no number the sample lacks."""
    sample = numbers(load_report(SAMPLE).report)
    pdf = numbers(putuo_pdf.report)
    assert {path: pdf.get(path) for path in sample if pdf.get(path) != sample[path]} == {}
    assert sorted(set(pdf) - set(sample)) == []
    assert len(sample) > 250  # the whole report, not an empty comparison


def test_the_pdf_reports_every_finding_of_the_sample(putuo_pdf) -> None:
    def key(finding):  # noqa: ANN001, ANN202
        return finding.rule, finding.path, finding.reported, finding.expected

    sample = [key(f) for f in check(load_report(SAMPLE))]
    pdf = [key(f) for f in check(putuo_pdf)]
    assert set(sample) <= set(pdf)
    # …and besides them what the printed PDF alone shows (page 14 is blank), and what its words
    # show (FR808): three enumerations — 二、收入, 三、支出, 五（二）结构 — end their paragraph on “；”.
    assert pdf == [
        ("FR920", "printed.empty_pages[0]", None, None),
        ("FR808", "text.parts[2].sections[1].paragraphs[0]", "占0.21%；", "占0.21%。"),
        ("FR808", "text.parts[2].sections[2].paragraphs[0]", "占20.51%；", "占20.51%。"),
        ("FR502", "narrative.appropriation_total", "0.3", "2961.68"),
        ("FR201", "narrative.general_budget.by_class[0].share_pct", "71.73", "71.65"),
        ("FR808", "text.parts[2].sections[4].sections[1].paragraphs[0]", "占15.16%；", "占15.16%。"),
        ("FR914", "narrative.three_public.outbound", "0.00", None),
        ("FR902", "narrative.three_public.outbound.completion_pct", "0", None),
        ("FR902", "narrative.three_public.vehicle.completion_pct", "0", None),
    ]


def test_a_finding_on_a_figure_of_the_text_stands_on_its_printed_line(putuo_pdf) -> None:
    # Page 21, line 14: “上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，”
    total = located(putuo_pdf, "FR502", "narrative.appropriation_total")
    assert (total.page, total.line, total.column) == (21, 14, 26)
    assert total.excerpt.startswith("上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元")
    # Page 21, line 25: “（类）2106.66万元，占71.73%；…” — the share, not the start of its paragraph.
    share = located(putuo_pdf, "FR201", "narrative.general_budget.by_class[0].share_pct")
    assert (share.page, share.line, share.column) == (21, 25, 15)
    assert "占71.73%" in share.excerpt
    # Page 23, lines 11 and 12: the two “完成预算的0%” of items table 7 budgets nothing for.
    outbound = located(putuo_pdf, "FR902", "narrative.three_public.outbound.completion_pct")
    vehicle = located(putuo_pdf, "FR902", "narrative.three_public.vehicle.completion_pct")
    assert (outbound.page, outbound.line, outbound.column) == (23, 11, 30)
    assert (vehicle.page, vehicle.line) == (23, 12)
    assert outbound.excerpt.startswith("0%，其中：因公出国（境）费决算为0.00万元，完成预算的0%")


def test_what_the_pdf_text_states_besides_the_figures(putuo_pdf) -> None:
    narrative = putuo_pdf.report.narrative
    total = narrative.general_budget.total
    assert [(r.about, r.direction) for r in total.reasons] == [("change", "减少"), ("budget", "小于")]
    assert total.completion_of == "budget" and total.reason is None
    item = narrative.general_budget.items[0]
    assert (item.code, item.name, item.purpose) == ("2010601", "行政运行", "局本部人员经费及公用经费等的基本支出")
    assert item.wording == "一般公共服务支出（类）财政事务（款）行政运行（项）"
    assert [(r.about, r.direction, r.text) for r in narrative.general_budget.items[1].reasons] == [("budget", "基本持平", "决算数与预算数基本持平")]
    assert [(s.about, s.text) for s in narrative.nil_statements] == [
        ("three_public", "上海市普陀区财政局2024年度无“三公”经费财政拨款支出。"),
        ("government_fund", "上海市普陀区财政局2024年度无政府性基金预算财政拨款收入和支出。"),
        ("state_capital", "上海市普陀区财政局2024年度无国有资本经营预算财政拨款收入和支出。"),
    ]
    assert narrative.appropriation_total.change == 0 and narrative.appropriation_total.change_pct is None  # “持平”


# --------------------------------------------------------------------------- text pasted into YAML
def test_pasted_text_gives_the_narrative_of_the_sample() -> None:
    pasted = numbers(load_report(TEXT_ONLY).report, ("narrative", "other", "performance"))
    sample = numbers(load_report(SAMPLE).report, ("narrative", "other", "performance"))
    assert pasted == sample


def test_a_finding_on_pasted_text_stands_on_its_line_and_column() -> None:
    loaded = load_report(TEXT_ONLY)
    lines = TEXT_ONLY.read_text(encoding="utf-8").splitlines()
    row = next(number for number, line in enumerate(lines, start=1) if "占71.73%" in line)
    share = located(loaded, "FR201", "narrative.general_budget.by_class[0].share_pct")
    assert (share.line, share.column) == (row, lines[row - 1].index("71.73") + 1)
    # No tables: nothing else to compare; the words give the PDF's three paragraphs ending on “；”.
    assert [f.rule for f in check(loaded)] == ["FR808", "FR808", "FR201", "FR808"]


def test_a_figure_written_under_narrative_wins_over_the_text() -> None:
    text = TEXT_ONLY.read_text(encoding="utf-8") + "narrative:\n  total: {value: 2995.40}   # written by hand\n"
    loaded = load_text(text, "hand.yaml")
    narrative = loaded.report.narrative
    assert narrative.total.value == Decimal("2995.40") and narrative.total.change is None  # the hand's, whole
    assert narrative.income.total.value == Decimal("2946.25")  # the rest from the text
    assert loaded.source.place(("narrative", "total")).line == len(text.splitlines())
    assert loaded.source.place(("narrative", "income", "total")).line < len(text.splitlines()) - 1


def test_reports_without_text_are_read_as_before() -> None:
    loaded = load_text(META + "narrative:\n  total: 100.00\n")
    assert loaded.report.narrative.total.value == Decimal("100.00") and loaded.report.other is None


# --------------------------------------------------------------------------- how sentences are read
def read(section: str, *paragraphs: str, kind: str = "final") -> Report:
    pasted = "".join(f"        - |-\n          {paragraph}\n" for paragraph in paragraphs)
    text = f"meta: {{unit: 测试单位, year: 2024, kind: {kind}}}\ntext:\n  parts:\n    - heading: {section}\n      paragraphs:\n{pasted}"
    return load_text(text).report


def test_numbers_are_kept_as_printed_whatever_the_spacing() -> None:
    narrative = read("一、收入支出决算总体情况说明", "本单位2024年度收入支出总计 2,995.39 万元。与 2023 年度相比，收入支出总计增加 6.2 万元，增长 0.21%。").narrative
    assert (narrative.total.value, narrative.total.change, narrative.total.change_pct) == (Decimal("2995.39"), Decimal("6.2"), Decimal("0.21"))
    assert format(narrative.total.change, "f") == "6.2"
    assert narrative.total.reasons == ()  # no reason printed: none invented


def test_decreases_are_negative_and_flat_is_zero() -> None:
    down = read("一、收入支出决算总体情况说明", "收入支出总计100.00万元。与2023年度相比，收入支出总计减少5.00万元，下降4.76%。主要原因是人员减少。")
    assert (down.narrative.total.change, down.narrative.total.change_pct) == (Decimal("-5.00"), Decimal("-4.76"))
    assert [(r.about, r.direction, r.text) for r in down.narrative.total.reasons] == [("change", "减少", "人员减少")]
    flat = read("十一、其他重要事项的情况说明", "机关运行经费支出0万元，比2023年度持平。")
    assert flat.other is None  # a heading the table does not know is not read
    flat = read("（一）机关运行经费支出情况", "机关运行经费支出0万元，比2023年度持平。")
    assert (flat.other.operating_costs.value, flat.other.operating_costs.change, flat.other.operating_costs.change_pct) == (Decimal("0"), Decimal("0"), None)


def test_completion_rates_say_which_budget_they_are_of() -> None:
    initial = read("（三）一般公共预算财政拨款支出决算具体情况", "一般公共预算财政拨款支出年初预算为0万元，全年预算为50.00万元，支出决算为40.00万元，完成年初预算的80.00%。")
    total = initial.narrative.general_budget.total
    assert (total.budget, total.adjusted_budget, total.completion_of, total.completion_pct) == (Decimal("0"), Decimal("50.00"), "budget", Decimal("80.00"))
    adjusted = read("（三）一般公共预算财政拨款支出决算具体情况", "调整预算为50.00万元，支出决算为40.00万元，完成调整预算的80.00%。")
    assert adjusted.narrative.general_budget.total.completion_of == "adjusted_budget"
    plain = read("（一）“三公”经费财政拨款支出决算总体情况说明。", "“三公”经费财政拨款支出年初预算为1.00万元，支出决算为0.50万元，完成预算的50%。")
    assert (plain.narrative.three_public.total.completion_of, plain.narrative.three_public.total.completion_pct) == (None, Decimal("50"))


def test_a_final_items_headline_is_kept_apart_from_its_actual() -> None:
    """“…（项）32.00万元。年初预算为35.60万元，支出决算为30.00万元”: the amount after the 科目 is the
    item's headline, the 支出决算 its value (FR813 compares them); an item without one has none."""
    heading = "（三）一般公共预算财政拨款支出决算具体情况"
    both = read(heading, "1、一般公共服务支出（类）财政事务（款）信息化建设（项）32.00万元。年初预算为35.60万元，支出决算为30.00万元。")
    item = both.narrative.general_budget.items[0]
    assert (item.name, item.headline, item.budget, item.value) == ("信息化建设", Decimal("32.00"), Decimal("35.60"), Decimal("30.00"))
    dashed = read(heading, "1、“一般公共服务支出-财政事务-信息化建设”科目32.00万元。支出决算为30.00万元。")
    assert (dashed.narrative.general_budget.items[0].headline, dashed.narrative.general_budget.items[0].value) == (Decimal("32.00"), Decimal("30.00"))
    plain = read(heading, "1、一般公共服务支出（类）财政事务（款）信息化建设（项）。年初预算为35.60万元，支出决算为30.00万元。")
    assert (plain.narrative.general_budget.items[0].headline, plain.narrative.general_budget.items[0].value) == (None, Decimal("30.00"))


def test_the_rate_of_a_zero_initial_budget_that_is_the_full_years_is_found() -> None:
    text = (
        META + "text:\n  parts:\n    - heading: （三）一般公共预算财政拨款支出决算具体情况\n      paragraphs:\n"
        "        - 一般公共预算财政拨款支出年初预算为0万元，全年预算为50.00万元，支出决算为40.00万元，完成年初预算的80.00%。决算数大于预算数的主要原因：追加预算。\n"
    )
    found = [(f.rule, f.path, f.line) for f in check(load_text(text)) if f.rule.startswith("FR9")]
    assert found == [("FR902", "narrative.general_budget.total.completion_pct", 6)]
    (finding,) = [f for f in check(load_text(text)) if f.rule == "FR902"]
    assert "全年预算 50.00" in finding.message and "完成全年预算的80.00%" in finding.message


def test_items_are_coded_through_the_catalogue_even_when_pasted_as_one_paragraph() -> None:
    items = read(
        "（三）一般公共预算财政拨款支出决算具体情况",
        "一般公共预算财政拨款支出年初预算为200.00万元，支出决算为195.00万元，完成年初预算的97.50%。其中："
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：人员经费。年初预算为150.00万元，支出决算为146.00万元。决算数小于预算数的主要原因：人员减少。"
        "2、一般行政管理事务（项）。主要用于：宣传。年初预算为50.00万元，支出决算为49.00万元。决算数小于预算数的主要原因：节约。"
        "3、示例支出（类）示例事务（款）示例项目（项）。年初预算为0万元，支出决算为0万元。决算数与预算数持平。",
    ).narrative.general_budget
    assert [(i.code, i.name, i.budget, i.value) for i in items.items] == [
        ("2010601", "行政运行", Decimal("150.00"), Decimal("146.00")),
        ("2010602", "一般行政管理事务", Decimal("50.00"), Decimal("49.00")),  # under the 款 of the item above
        (None, "示例项目", Decimal("0"), Decimal("0")),  # a 科目 the catalogue does not know: no code guessed
    ]
    assert items.total.reasons == ()  # the items' reasons are theirs, not the total's
    assert [r.text for r in items.items[0].reasons] == ["人员减少"]


def test_three_public_detail_counts_and_included_reception() -> None:
    three = read(
        "（二）“三公”经费财政拨款支出决算具体情况说明。",
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算1.00万元，占20.00%；公务用车购置及运行维护费支出决算2.00万元，占40.00%；公务接待费支出决算2.00万元，占40.00%。具体情况如下：",
        "1、因公出国（境）费支出1.00万元。全年安排因公出国（境）团组1个、累计3人次。开支内容包括：考察。",
        "2、公务用车购置及运行维护费支出2.00万元。其中：公务用车购置支出为0万元。公务用车运行维护支出2.00万元。主要用于燃料。2024年，本单位开支财政拨款的公务用车保有量为2辆。",
        "3、公务接待费支出2.00万元。其中：国内公务接待支出2.00万（含外宾接待支出0.50万元）。主要用于调研，接待5批次、40人次。",
    ).narrative.three_public
    assert (three.outbound.value, three.outbound.share_pct, three.outbound_groups, three.outbound_people) == (Decimal("1.00"), Decimal("20.00"), 1, 3)
    assert (three.vehicle_purchase.value, three.vehicle_operation.value, three.vehicles_owned) == (Decimal("0"), Decimal("2.00"), 2)
    assert (three.domestic_reception.value, three.domestic_foreign_reception.value) == (Decimal("2.00"), Decimal("0.50"))
    assert (three.domestic_reception_batches, three.domestic_reception_people) == (5, 40)


def test_a_budget_report_is_not_read_with_the_final_accounts_wording() -> None:
    report = read("一、收入支出决算总体情况说明", "收入支出总计100.00万元。", kind="budget")
    assert report.narrative is None


def test_what_is_no_sentence_is_not_read() -> None:
    long = "收入支出总计100.00万元。" + "很" * MAX_PARAGRAPH
    assert read("一、收入支出决算总体情况说明", long).narrative is None
    odd = load_text(META + "text:\n  parts:\n    - heading: 一、收入支出决算总体情况说明\n      sections: [{heading: 二、收入决算情况说明}]\n").report
    assert odd.narrative is None


# --------------------------------------------------------------------------- the table itself
@pytest.mark.parametrize("template", [t for t in templates().values() if t.kind == "final"], ids=lambda t: t.name)
def test_every_statement_puts_its_figures_where_the_model_has_a_field(template) -> None:  # noqa: ANN001
    specials = {
        "name", "change_word", "pct_word", "pct_only", "change_pct_alone", "change_direction", "budget_direction", "flat", "completion_of",
        "change_reason", "budget_reason", "sentence",
    }
    HEADINGS = template.narrative_sections  # noqa: N806
    ITEMS = {key: (items.target, items.start) for key, items in template.items.items()}  # noqa: N806
    for statement in statements(template):
        assert set(statement.sections) <= {*HEADINGS.values(), *template.part_sections.values()}, statement
        targets = [target_path(statement.target.replace("{name}", name)) for name in statement.names.values()] or [target_path(statement.target)]
        for target in targets:
            loc = tuple(part for part in target if not part.startswith("["))
            if target[-1] == "[]":
                assert any(statement.target.startswith(list_path) for list_path, _ in ITEMS.values()), statement
            for group in re.compile(statement.pattern).groupindex:
                if group in specials:
                    continue
                path = (*loc, *group.split("__")) if group != "value" else loc
                parent, name = model_class_at(path[:-1]), path[-1]
                if group == "value" and model_class_at(path) is not None:
                    assert issubclass(model_class_at(path), Figure), (statement.pattern, path)
                    continue
                assert parent is not None and name in parent.model_fields, (statement.pattern, group, path)


def test_a_template_instruction_is_no_nil_statement() -> None:
    report = read("（一）机关运行经费支出情况", "无机关运行经费支出的部门，作下述说明：", "上海市XX局2024年度无机关运行经费支出。")
    assert [(s.about, s.text) for s in report.narrative.nil_statements] == [("operating_costs", "上海市XX局2024年度无机关运行经费支出。")]


def test_a_figure_printed_again_differently_is_kept_and_every_rule_runs_on_it() -> None:
    report_text = (
        META + "text:\n  parts:\n"
        "    - heading: （一）一般公共预算财政拨款支出决算总体情况\n      paragraphs: [一般公共预算财政拨款支出2940.05万元。]\n"
        "    - heading: （二）一般公共预算财政拨款支出决算结构情况\n      paragraphs: [一般公共预算财政拨款支出2940.05万元，主要用于以下方面：]\n"
        "    - heading: （三）一般公共预算财政拨款支出决算具体情况\n      paragraphs: [一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2904.05万元。]\n"
    )
    loaded = load_text(report_text)
    assert loaded.report.narrative.general_budget.total.printed_again == [Decimal("2904.05")]  # the same 2940.05 is no news
    assert [(f.rule, f.path, f.line) for f in check(loaded) if f.rule == "FR504"] == [("FR504", "narrative.general_budget.total.printed_again[0]", 9)]


def test_the_text_never_adds_what_contradicts_the_hand_written_figures() -> None:
    text = (
        META + "text:\n  parts:\n    - heading: 二、收入决算情况说明\n      paragraphs:\n"
        "        - 本年收入合计100.00万元，其中：一般公共预算财政拨款收入90.00万元，占90.00%；其他收入10.00万元，占10.00%。\n"
        "narrative:\n  income:\n    appropriation: 90.00\n"
    )
    income = load_text(text).report.narrative.income  # 财政拨款收入 by hand: its funds are not added beside it
    assert (income.appropriation.value, income.general_budget, income.other.value) == (Decimal("90.00"), None, Decimal("10.00"))


def test_numbers_longer_than_a_report_prints_are_not_read() -> None:
    digits = "1" * 30
    narrative = read("一、收入支出决算总体情况说明", f"收入支出总计{digits}.05万元。与2023年度相比，收入支出总计增加{digits}万元。").narrative
    assert narrative is None  # neither the whole (too long) nor a tail of it
    check(load_text(META + f"text:\n  parts:\n    - heading: 一、收入支出决算总体情况说明\n      paragraphs: ['收入支出总计0.{'1' * 10}万元。']\n"))


_PIECES = (
    "收入支出总计", "本年收入合计", "财政拨款收入", "主要原因：", "1、", "（类）", "（款）", "（项）", "行政运行", "12.5万元", "0万元",
    "2,940.05", "，占", "3%", "完成年初预算的", "无机关运行经费支出", "决算数小于预算数的主要原因：", "决算数与预算数基本持平",
    "年初预算为", "全年预算为", "支出决算为", "其中：", "与2023年度相比，", "比2023年度", "增加", "减少", "增长", "下降", "持平",
    "团组", "个", "人次", "批次", "辆", "评级为“优”的项目", "发现问题", "因公出国（境）费", "公务接待费", "含外宾接待支出",
    "采购金额", "中标或成交的", "。", "；", "，", " ", "\n", "“", "XX", "9" * 25,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(sorted(HEADINGS)), min_size=1, max_size=4), st.lists(st.lists(st.sampled_from(_PIECES), max_size=60), min_size=1, max_size=4))
def test_any_words_under_any_heading_load_and_check_without_a_traceback(headings: list[str], paragraphs: list[list[str]]) -> None:
    sections = "".join(
        f"    - heading: 一、{heading}\n      paragraphs:\n" + "".join(f"        - {json.dumps(''.join(words), ensure_ascii=False)}\n" for words in paragraphs)
        for heading in headings
    )
    try:
        loaded = load_text(META + "text:\n  parts:\n" + sections)
    except LoadError as error:  # pragma: no cover - a derivation the model refuses would be a bug
        pytest.fail(f"the text's figures were refused: {error}")
    check(loaded)


def test_income_stated_both_as_appropriation_and_by_fund_keeps_the_appropriation() -> None:
    income = read("二、收入决算情况说明", "本年收入合计100.00万元，其中：财政拨款收入100.00万元，占100.00%；一般公共预算财政拨款收入100.00万元。").narrative.income
    assert (income.appropriation.value, income.general_budget) == (Decimal("100.00"), None)
