"""The items of a 决算's 具体情况 whatever numbering precedes their 科目 — “（一）”, “（1）”, “一、”,
“1、”, “1.”, “①” — or none (Word's own list numbering and an html <ol> leave none in the text):
each is read as an item, by its 科目, and its figures are never taken for the total printed again
(no false FR504).  A subsection heading numbered “（一）” is no item; words after 其中： that cannot be
told from the total stay unknown."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from finrecon.coverage import measure
from finrecon.engine import check
from finrecon.readers import load_report, load_text

from .conftest import shared_pdf
from .media_files import docx_bytes, docx_list_numbered_bytes, html_ol_bytes, pdf_flow, xlsx_bytes

FINAL = "meta: {unit: 示例局, year: 2024}\ntext:\n  parts:\n    - heading: （三）一般公共预算财政拨款支出决算具体情况\n      paragraphs:\n"
TOTAL = "一般公共预算财政拨款支出年初预算为30.00万元，支出决算为30.00万元。其中："
NUMBERINGS = [("（一）", "（二）"), ("（1）", "（2）"), ("一、", "二、"), ("1、", "2、"), ("1.", "2."), ("①", "②"), ("", "")]


def _loaded(*paragraphs: str, template: str | None = None):  # noqa: ANN202 - a LoadedReport
    text = FINAL + "".join(f"        - {json.dumps(p, ensure_ascii=False)}\n" for p in paragraphs)
    return load_text(text, template=template) if template else load_text(text)


def _subject(name: str, quoted: bool, codes: bool) -> str:
    marks = ("（208类）", "（05款）", "（01项）" if name == "行政单位离退休" else "（02项）") if codes else ("（类）", "（款）", "（项）")
    words = f"社会保障和就业支出{marks[0]}行政事业单位养老支出{marks[1]}{name}{marks[2]}"
    return f"“{words}”" if quoted else words


@pytest.mark.parametrize("codes", [False, True], ids=["no-codes", "codes"])
@pytest.mark.parametrize("quoted", [False, True], ids=["bare", "quoted"])
@pytest.mark.parametrize(("first", "second"), NUMBERINGS, ids=[first or "none" for first, _ in NUMBERINGS])
def test_a_final_item_is_read_whatever_its_numbering(first: str, second: str, quoted: bool, codes: bool) -> None:
    loaded = _loaded(
        TOTAL,
        f"{first}{_subject('行政单位离退休', quoted, codes)}，主要用于：退休费。年初预算为10.00万元，支出决算为10.00万元。",
        f"{second}{_subject('事业单位离退休', quoted, codes)}，主要用于：退休费。年初预算为20.00万元，支出决算为20.00万元。",
    )
    general = loaded.report.narrative.general_budget
    assert [(item.code, item.name, item.budget, item.value, item.purpose) for item in general.items] == [
        ("2080501", "行政单位离退休", Decimal("10.00"), Decimal("10.00"), "退休费"),
        ("2080502", "事业单位离退休", Decimal("20.00"), Decimal("20.00"), "退休费"),
    ]
    assert (general.total.value, general.total.budget, general.total.printed_again) == (Decimal("30.00"), Decimal("30.00"), None)
    assert [finding.rule for finding in check(loaded)] == []


@pytest.mark.parametrize(("first", "second"), NUMBERINGS[:-1], ids=[first for first, _ in NUMBERINGS[:-1]])
def test_items_in_one_paragraph_after_the_total_are_told_apart(first: str, second: str) -> None:
    loaded = _loaded(
        TOTAL + f"{first}{_subject('行政单位离退休', False, False)}，年初预算为10.00万元，支出决算为10.00万元；"
        f"{second}{_subject('事业单位离退休', False, False)}，年初预算为20.00万元，支出决算为20.00万元。"
    )
    general = loaded.report.narrative.general_budget
    assert [(item.code, item.value) for item in general.items] == [("2080501", Decimal("10.00")), ("2080502", Decimal("20.00"))]
    assert general.total.printed_again is None and not [finding for finding in check(loaded) if finding.rule == "FR504"]


def test_a_subsection_heading_numbered_like_an_item_is_no_item() -> None:
    loaded = _loaded(
        "（一）一般公共预算财政拨款支出决算总体情况",  # a heading the text left among the paragraphs
        TOTAL,
        f"（一）{_subject('行政单位离退休', False, False)}，主要用于：退休费。年初预算为30.00万元，支出决算为30.00万元。",
        "（二）一般公共预算财政拨款支出决算结构情况",
    )
    general = loaded.report.narrative.general_budget
    assert [(item.code, item.value) for item in general.items] == [("2080501", Decimal("30.00"))]
    assert general.total.value == Decimal("30.00") and general.total.printed_again is None


def test_what_cannot_be_told_from_the_total_stays_unknown() -> None:
    """After 其中：, words that state figures but print no 科目 are neither the total (they are its
    parts) nor an item (no 科目 says which): not read, and so never the total printed again."""
    loaded = _loaded(TOTAL, "行政运行支出年初预算为10.00万元，支出决算为10.00万元。", "一般行政管理事务年初预算为20.00万元，支出决算为20.00万元。")
    general = loaded.report.narrative.general_budget
    assert (general.total.value, general.total.budget, general.total.printed_again) == (Decimal("30.00"), Decimal("30.00"), None)
    assert not general.items
    assert [finding.rule for finding in check(loaded) if finding.rule == "FR504"] == []
    missed = [missed.text for missed in measure(loaded.report, loaded.source).missed]  # reported as not checked
    assert missed == ["行政运行支出年初预算为10.00万元，支出决算为10.00万元。", "一般行政管理事务年初预算为20.00万元，支出决算为20.00万元。"]


def test_a_total_stated_again_differently_before_its_list_is_still_reported() -> None:
    """The cut is at 其中：, not at the total: a total printed twice otherwise is still FR504."""
    loaded = _loaded("一般公共预算财政拨款支出年初预算为30.00万元，支出决算为30.00万元。", "一般公共预算财政拨款支出决算为31.00万元。其中：")
    assert loaded.report.narrative.general_budget.total.printed_again == [Decimal("31.00")]
    assert [finding.rule for finding in check(loaded)] == ["FR504"]


@pytest.mark.parametrize("numbering", ["（一）", "①", ""], ids=["（一）", "①", "none"])
def test_a_sichuan_item_whatever_its_numbering(numbering: str) -> None:
    loaded = _loaded(
        "2020年一般公共预算支出决算数为30.00万元，完成预算100%。其中：",
        f"{numbering}社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）：支出决算为30.00万元，完成预算100%。",
        template="sichuan-district-final",
    )
    general = loaded.report.narrative.general_budget
    assert [(item.code, item.value, item.completion_pct) for item in general.items] == [("2080501", Decimal("30.00"), Decimal("100"))]
    assert general.total.printed_again is None


PDF = "shanghai-putuo-finance-2024-final.pdf"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:  # noqa: ANN001
    flow = pdf_flow(shared_pdf(PDF))
    folder = tmp_path_factory.mktemp("numbered")
    files = {"listed.docx": docx_list_numbered_bytes(flow), "ol.html": html_ol_bytes(flow), "tables.xlsx": xlsx_bytes(flow), "text.docx": docx_bytes(flow, with_tables=False)}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {"docx": folder / "listed.docx", "html": folder / "ol.html", "text": folder / "text.docx", "xlsx": folder / "tables.xlsx"}


@pytest.mark.parametrize("medium", ["docx", "html"])
def test_a_draft_whose_items_are_numbered_by_the_list_reads_them_as_the_printed_numbers(drafts, medium) -> None:  # noqa: ANN001
    """The finance bureau's 2024 report with its 11 items in Word's list numbering (or an <ol>):
    the same items, and the same findings, as its text with the numbers printed."""
    listed = load_report(Path(f"{drafts[medium]}+{drafts['xlsx'].name}") if medium == "docx" else drafts[medium])
    printed = load_report(Path(f"{drafts['text']}+{drafts['xlsx'].name}") if medium == "docx" else drafts["text"])
    items = listed.report.narrative.general_budget.items
    assert len(items) == 11 and all(item.code and item.value is not None and item.budget is not None for item in items)
    assert [(item.code, item.value, item.budget) for item in items] == [
        (item.code, item.value, item.budget) for item in printed.report.narrative.general_budget.items
    ]
    assert listed.report.narrative.general_budget.total.printed_again is None
    rules = [finding.rule for finding in check(listed)]
    assert "FR504" not in rules
    if medium == "docx":
        assert sorted((f.rule, f.reported, f.expected) for f in check(listed)) == sorted((f.rule, f.reported, f.expected) for f in check(printed))


def test_an_item_that_names_only_its_xiang_is_never_the_total() -> None:
    """A 科目 named by its 项 alone, unnumbered, with no 其中： before it: not the total (it names a
    科目), and, with no item above it, no one's — unknown."""
    loaded = _loaded("一般公共预算财政拨款支出年初预算为30.00万元，支出决算为30.00万元。", "行政单位离退休（项），年初预算为10.00万元，支出决算为10.00万元。")
    general = loaded.report.narrative.general_budget
    assert (general.total.value, general.total.printed_again) == (Decimal("30.00"), None)
    assert [finding.rule for finding in check(loaded) if finding.rule == "FR504"] == []


def test_an_unnumbered_xiang_after_an_item_that_stated_its_figures_is_another_item() -> None:
    loaded = _loaded(
        TOTAL,
        f"{_subject('行政单位离退休', False, False)}，年初预算为10.00万元，支出决算为10.00万元。",
        "事业单位离退休（项），年初预算为20.00万元，支出决算为20.00万元。",  # under the 款 of the item above
    )
    general = loaded.report.narrative.general_budget
    assert [(item.code, item.name, item.value) for item in general.items] == [
        ("2080501", "行政单位离退休", Decimal("10.00")), ("2080502", "事业单位离退休", Decimal("20.00")),
    ]
    assert all(item.printed_again is None for item in general.items) and general.total.printed_again is None
    assert [finding.rule for finding in check(loaded)] == []


def test_a_subject_cut_by_a_page_before_its_figures_stays_one_item() -> None:
    loaded = _loaded(TOTAL, "社会保障和就业支出（类）行政事业单位养老支出（款）", "行政单位离退休（项），年初预算为30.00万元，支出决算为30.00万元。")
    (item,) = loaded.report.narrative.general_budget.items
    assert (item.code, item.value) == ("2080501", Decimal("30.00"))


@pytest.mark.parametrize(("first", "second"), NUMBERINGS, ids=[first or "none" for first, _ in NUMBERINGS])
def test_a_subject_printed_as_its_levels_joined_by_dashes_whatever_its_numbering(first: str, second: str) -> None:
    loaded = _loaded(
        TOTAL,
        f"{first}“一般公共服务支出-财政事务-行政运行”科目，年初预算为10.00万元，支出决算为10.00万元。",
        f"{second}一般公共服务支出-财政事务-一般行政管理事务，年初预算为20.00万元，支出决算为20.00万元。",
    )
    general = loaded.report.narrative.general_budget
    assert [(item.code, item.name, item.value) for item in general.items] == [
        ("2010601", "行政运行", Decimal("10.00")), ("2010602", "一般行政管理事务", Decimal("20.00")),
    ]
    assert [finding.rule for finding in check(loaded)] == []
