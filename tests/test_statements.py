"""The statement engine on the variety real reports print, with made-up sentences: the 科目 of an
item with or without quotes, numbering and codes in its level marks, split over paragraphs;
figures recognised by their cue words in any order; reasons and purposes after their cue words;
and an item no catalogue knows kept as printed."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from finrecon.engine import check
from finrecon.readers import load_text

BUDGET = "meta: {unit: 示例局, year: 2026, kind: budget}\ntext:\n  parts:\n    - heading: 2026年部门预算编制说明\n      paragraphs:\n"
FINAL = "meta: {unit: 示例局, year: 2024}\ntext:\n  parts:\n"


def budget(*paragraphs: str):  # noqa: ANN201 - a Report
    return load_text(BUDGET + "".join(f"        - {json.dumps(p, ensure_ascii=False)}\n" for p in paragraphs)).report


def final(heading: str, *paragraphs: str):  # noqa: ANN201 - a Report
    body = f"    - heading: {heading}\n      paragraphs:\n" + "".join(f"        - {json.dumps(p, ensure_ascii=False)}\n" for p in paragraphs)
    return load_text(FINAL + body).report


_EXECUTION = "2025年当年预算执行数为100.00万元，2026年预算安排114.97万元，比2025年预算执行数增加14.97%。主要原因是：人员增加。"


@pytest.mark.parametrize(
    "headline",
    [
        "一般公共服务支出（201类）政府办公厅（室）及相关机构事务（03款）行政运行（01项）114.97万元。主要用于：机关日常运转。",  # codes, no number, no quotes
        "1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”114.97万元，主要用于机关日常运转。",  # quoted, 1.
        "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）114.97万元，主要用于：机关日常运转。",  # 1、 no quotes
        "（1）“一般公共服务支出（201类）政府办公厅（室）及相关机构事务（03款）行政运行（01项）”114.97万元，主要用于机关日常运转。",
        "1. “一般公共服务支出 （类） 政府办公厅（室）及相关机构事务（款）\n行政运行（项）” 114.97 万元，主要用于机关日常运转。",  # spaces, a line break
    ],
)
def test_a_budget_item_however_its_subject_is_printed(headline: str) -> None:
    (item,) = budget("财政拨款支出主要内容如下：", headline + _EXECUTION).budget.statement.items
    assert (item.code, item.name, item.value) == ("2010301", "行政运行", Decimal("114.97"))
    assert item.purpose == "机关日常运转"
    assert (item.prior, item.arranged, item.change_pct) == (Decimal("100.00"), Decimal("114.97"), Decimal("14.97"))
    assert [(reason.about, reason.direction, reason.text) for reason in item.reasons] == [("change", "增加", "人员增加")]


def test_a_budget_items_figures_by_their_cue_words_last_year_named_in_words() -> None:
    (item,) = budget(
        "1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”110.00万元，主要用于机关运转。"
        "本年预算安排110.00万元，上年预算执行数为100.00万元，比上年预算执行数增长10.00%。原因是人员增加。"
    ).budget.statement.items
    assert (item.prior, item.arranged, item.change_pct) == (Decimal("100.00"), Decimal("110.00"), Decimal("10.00"))
    assert [(reason.direction, reason.text) for reason in item.reasons] == [("增长", "人员增加")]


def test_a_budget_item_split_over_paragraphs_and_its_figures_in_another_order() -> None:
    report = budget(
        "1.“住房保障支出（类）住房改革支出（款）住房公积金（项）”50.00万元，主要用于职工住房",  # cut by a page
        "公积金。2026年预算安排50.00万元，2025年当年预算执行数为50.00万元，比2025年预算执行数持平。原因是：标准未变。",
        "2.“住房保障支出（类）住房改革支出（款）购房补贴（项）”20.00万元，主要用于购房补贴。",
    )
    first, second = report.budget.statement.items
    assert (first.code, first.arranged, first.prior, first.change) == ("2210201", Decimal("50.00"), Decimal("50.00"), Decimal("0.00"))
    assert first.purpose == "职工住房公积金"  # the words on both sides of the cut: the item is read whole
    assert [(reason.direction, reason.text) for reason in first.reasons] == [("持平", "标准未变")]
    assert (second.code, second.value) == ("2210203", Decimal("20.00"))


def test_an_item_whose_name_no_catalogue_knows_is_kept_as_printed_and_counted() -> None:
    report = budget(
        "1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”10.00万元，主要用于运转。",
        "2.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）某某新设事务（项）”5.00万元，主要用于试点。",
        "3.“城乡社区支出（类）城乡社区管理事务（款）城管执法（项）”1.00万元，主要用于执法。",
    )
    items = report.budget.statement.items
    assert [(item.name, item.code, item.value) for item in items] == [
        ("行政运行", "2010301", Decimal("10.00")), ("某某新设事务", None, Decimal("5.00")), ("城管执法", "2120104", Decimal("1.00")),
    ]
    assert sum(item.value for item in items) == Decimal("16.00")  # every printed item counts


def test_a_budget_items_unknown_name_is_reported_by_the_catalogue_rules_not_dropped() -> None:
    loaded = load_text(BUDGET + "        - 1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）某某新设事务（项）”5.00万元，主要用于试点。\n")
    assert len(loaded.report.budget.statement.items) == 1
    check(loaded)  # no traceback; the item stays in every sum


@pytest.mark.parametrize(
    ("paragraph", "code"),
    [
        ("1、社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）。主要用于：离退休费。", "2080501"),
        ("1.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”，主要用于：离退休费。", "2080501"),
    ],
)
def test_a_final_item_with_its_figures_in_any_order(paragraph: str, code: str) -> None:
    figures = "支出决算为9.50万元，年初预算为10.00万元，全年预算为9.80万元，完成全年预算的96.94%。决算数小于预算数的主要原因：人员减少。"
    (item,) = final("（三）一般公共预算财政拨款支出决算具体情况", paragraph + figures).narrative.general_budget.items
    assert (item.code, item.value, item.budget, item.adjusted_budget) == (code, Decimal("9.50"), Decimal("10.00"), Decimal("9.80"))
    assert (item.completion_pct, item.completion_of) == (Decimal("96.94"), "adjusted_budget")
    assert [(reason.about, reason.direction, reason.text) for reason in item.reasons] == [("budget", "小于", "人员减少")]


_ITEM = "1. 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）"


@pytest.mark.parametrize(
    ("words", "reasons"),
    [
        ("支出决算为10.00万元，年初预算为9.00万元。主要原因：退休人员增加。", [("budget", None, "退休人员增加")]),
        ("年初预算为9.00万元，支出决算为10.00万元，主要原因是退休人员增加。", [("budget", None, "退休人员增加")]),
        ("原因是：退休人员增加。支出决算为10.00万元，年初预算为9.00万元。", [("budget", None, "退休人员增加")]),
        ("主要用于：离退休费。支出决算为10.00万元，年初预算为9.00万元，原因是退休人员增加。", [("budget", None, "退休人员增加")]),
        ("支出决算为10.00万元，年初预算为9.00万元。增加的主要原因：退休人员增加。", [("budget", "增加", "退休人员增加")]),
        ("支出决算为10.00万元，年初预算为9.00万元。决算数大于预算数的主要原因：退休人员增加。", [("budget", "大于", "退休人员增加")]),
        ("支出决算为10.00万元，年初预算为9.00万元。原因是：", []),  # a cue with nothing after it gives no reason
        ("支出决算为10.00万元，年初预算为9.00万元。主要原因是。", []),
    ],
)
def test_a_final_items_reason_by_any_of_its_cue_words(words: str, reasons: list) -> None:
    (item,) = final("（三）一般公共预算财政拨款支出决算具体情况", _ITEM + ("，" if words.startswith(("原因", "主要")) else "") + words).narrative.general_budget.items
    assert (item.value, item.budget) == (Decimal("10.00"), Decimal("9.00"))
    assert [(reason.about, reason.direction, reason.text) for reason in item.reasons] == reasons


def test_an_item_whose_levels_drop_their_支出_is_coded() -> None:
    (item,) = final("（三）一般公共预算财政拨款支出决算具体情况", "1. 社会保障和就业（类）行政事业单位养老（款）事业单位离退休（项）支出决算为20.00万元。").narrative.general_budget.items
    assert (item.code, item.name) == ("2080502", "事业单位离退休")


@pytest.mark.parametrize(
    ("sentence", "change", "change_pct", "reason"),
    [
        ("收入支出总计100.00万元。与2023年度相比，收入支出总计减少5.00万元，下降4.76%。主要原因：人员减少。", "-5.00", "-4.76", "人员减少"),
        ("收入支出总计100.00万元，比2023年增加5.00万元，增长5.26%，主要原因是项目增加。", "5.00", "5.26", "项目增加"),
        ("收入支出总计100.00万元，比上年增长5.26%。原因是项目增加。", None, "5.26", "项目增加"),
        ("收入支出总计100.00万元，与2023年度持平。", "0.00", None, None),
        ("收入支出总计100.00万元。同比减少5.00万元，下降4.76%。主要变动原因是人员减少。", "-5.00", "-4.76", "人员减少"),
    ],
)
def test_a_change_and_its_reason_by_their_cue_words(sentence: str, change: str | None, change_pct: str | None, reason: str | None) -> None:
    total = final("一、收入支出决算总体情况说明", sentence).narrative.total
    assert total.value == Decimal("100.00")
    assert (total.change, total.change_pct) == (Decimal(change) if change else None, Decimal(change_pct) if change_pct else None)
    assert [r.text for r in total.reasons] == ([reason] if reason else [])


def test_shares_and_class_codes_in_the_structure() -> None:
    by_class = final(
        "（二）一般公共预算财政拨款支出决算结构情况",
        "一般公共预算财政拨款支出100.00万元，主要用于以下方面：一般公共服务支出（201类）60.00万元，占60.00%；社会保障和就业支出（类）40.00万元，占40.00%。",
    ).narrative.general_budget.by_class
    assert [(row.code, row.value, row.share_pct) for row in by_class] == [("201", Decimal("60.00"), Decimal("60.00")), ("208", Decimal("40.00"), Decimal("40.00"))]


def test_one_number_pattern_reads_a_number_whole_or_not_at_all() -> None:
    import re

    from finrecon.lexicon import NUMBER

    number = re.compile(NUMBER)
    assert [m.group() for m in number.finditer("2,940.05万元，6.2万元，0万元，12345.678")] == ["2,940.05", "6.2", "0", "12345.678"]
    assert number.search("1" * 30) is None  # longer than any report prints: not its tail either
    assert [m.group() for m in number.finditer("1,23万元")] == []  # a separator that is none: neither 1 nor 23 is read
    # The wording rules read it in squeezed text, where “，” is “,”: after words a comma is a clause's.
    assert [m.group() for m in number.finditer("联防联控,24小时,减少,30万,1,234")] == ["24", "30", "1,234"]


def test_an_item_no_catalogue_places_still_counts_in_the_total_and_no_class_is_judged_without_it() -> None:
    loaded = load_text(
        FINAL
        + "    - heading: （二）一般公共预算财政拨款支出决算结构情况\n      paragraphs:\n"
        + "        - 一般公共预算财政拨款支出30.00万元，主要用于以下方面：社会保障和就业支出（类）30.00万元，占100.00%。\n"
        + "    - heading: （三）一般公共预算财政拨款支出决算具体情况\n      paragraphs:\n"
        + "        - 1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项），主要用于：退休费。年初预算为10.00万元，支出决算为10.00万元。\n"
        + "        - 2.社会保障和就业支出（类）抚恤（款）某某新设抚恤（项），主要用于：抚恤金。\n"
        + "        - 年初预算为20.00万元，支出决算为20.00万元。\n"  # the item's figures, in the next paragraph
    )
    items = loaded.report.narrative.general_budget.items
    assert [(item.name, item.code, item.value) for item in items] == [("行政单位离退休", "2080501", Decimal("10.00")), ("某某新设抚恤", None, Decimal("20.00"))]
    assert loaded.report.narrative.general_budget.total.printed_again is None  # the cut item's figures are its own, not the total's
    assert [f for f in check(loaded) if f.rule == "FR102"] == []  # 30.00 = 10.00 + 20.00: every printed item counts


def test_a_total_that_misses_a_printed_item_is_reported() -> None:
    loaded = load_text(
        FINAL
        + "    - heading: （三）一般公共预算财政拨款支出决算具体情况\n      paragraphs:\n"
        + "        - 一般公共预算财政拨款支出年初预算为40.00万元，支出决算为40.00万元。其中：\n"
        + "        - 1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项），主要用于：退休费。年初预算为10.00万元，支出决算为10.00万元。\n"
        + "        - 2.社会保障和就业支出（类）抚恤（款）某某新设抚恤（项），主要用于：抚恤金。年初预算为20.00万元，支出决算为20.00万元。\n"
    )
    assert [(f.rule, f.path, f.reported, f.expected) for f in check(loaded) if f.rule == "FR102"] == [("FR102", "narrative.general_budget.total", "40.00", "30.00")]


# --------------------------------------------------------------------------- any words, any template
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from finrecon.readers import LoadError  # noqa: E402
from finrecon.template import templates  # noqa: E402

_PIECES = (
    "收入支出总计", "收、支总计", "本年收入合计", "财政拨款收入", "收入预算", "支出预算", "主要原因：", "主要原因是", "原因是", "主要用于：",
    "1、", "2.", "（1）", "①", "（类）", "（208类）", "（05款）", "（01项）", "（项）", "行政运行", "12.5万元", "0万元", "2,940.05", "，占", "3%",
    "完成年初预算的", "完成预算", "年初预算为", "全年预算为", "支出决算为", "预算执行数为", "预算安排", "比2023年预算执行数", "与2023年度相比，",
    "比2025年预算", "增加", "减少", "增长", "下降", "持平", "各", "决算数小于预算数的主要原因：", "无公务车辆", "共有车辆", "辆", "台（套）",
    "。", "；", "，", "：", " ", "\n", "“", "”", "-", "9" * 25,
)
_PART_HEADINGS = {"statement": "2026年部门预算编制说明", "other": "其他相关情况说明"}


def _headings(template) -> list[str]:  # noqa: ANN001
    return sorted(template.narrative_sections) + [_PART_HEADINGS.get(key, key) for key in template.part_sections.values()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_words_under_any_heading_of_any_template_load_and_check(data) -> None:  # noqa: ANN001
    template = data.draw(st.sampled_from(sorted(templates().values(), key=lambda t: t.name)))
    headings = data.draw(st.lists(st.sampled_from(_headings(template)), min_size=1, max_size=3))
    paragraphs = data.draw(st.lists(st.lists(st.sampled_from(_PIECES), max_size=50), min_size=1, max_size=4))
    meta = f"meta: {{unit: 示例局, year: 2026, kind: {template.kind}}}\n"
    body = "".join(
        f"    - heading: {json.dumps(heading, ensure_ascii=False)}\n      paragraphs:\n"
        + "".join(f"        - {json.dumps(''.join(words), ensure_ascii=False)}\n" for words in paragraphs)
        for heading in headings
    )
    try:
        loaded = load_text(meta + "text:\n  parts:\n" + body, template=template.name)
    except LoadError as error:  # pragma: no cover - a derivation the model refuses would be a bug
        pytest.fail(f"the text's figures were refused: {error}")
    check(loaded)


@pytest.mark.parametrize("kind", ["final", "budget"])
def test_an_items_subject_cut_between_two_paragraphs_is_read_whole_and_each_figure_placed_where_printed(kind: str) -> None:
    if kind == "final":
        text = FINAL + "    - heading: （三）一般公共预算财政拨款支出决算具体情况\n      paragraphs:\n"
        first, second = "1.社会保障和就业支出（类）行政事业单位养老支出（款）", "行政单位离退休（项），主要用于：退休费。年初预算为10.00万元，支出决算为9.50万元。"
        path = ("narrative", "general_budget", "items", 0)
    else:
        text = BUDGET
        first, second = "1.“社会保障和就业支出（类）行政事业单位养老支出（款）", "行政单位离退休（项）”9.50万元，主要用于退休费。"
        path = ("budget", "statement", "items", 0)
    loaded = load_text(text + f"        - {first}\n        - {second}\n")
    report = loaded.report
    (item,) = report.narrative.general_budget.items if kind == "final" else report.budget.statement.items
    assert (item.code, item.name, item.value, item.purpose) == ("2080501", "行政单位离退休", Decimal("9.50"), "退休费")
    assert item.wording.startswith("社会保障和就业支出（类）行政事业单位养老支出（款）") and item.wording.endswith("行政单位离退休（项）")
    paragraph, offset = loaded.source.derived[(*path, "value")]
    assert paragraph[-1] == 1 and second[offset:].startswith("9.50")  # the value stands in the second paragraph, at its words


@pytest.mark.parametrize(("sentence", "reason"), [("财政拨款收入支出减少的主要原因是项目支出减少。", "项目支出减少"), ("财政拨款收入支出增加的主要原因是：。", None)])
def test_a_budgets_reason_cue_with_nothing_after_it_gives_no_reason(sentence: str, reason: str | None) -> None:
    report = budget(sentence).budget
    assert (report.statement.reason if report and report.statement else None) == reason
