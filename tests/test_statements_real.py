"""The statement engine on real reports: the sentences that hold a figure, and how many of them a
statement understood (benchmarks/sentences.py prints the counts for every report in ../shared)."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

from finrecon.readers import load_report
from finrecon.template import templates

from .conftest import SHARED_PDFS, shared_pdf
from .pagetext import load, sentence_count

TEXTS = SHARED_PDFS.parent / "text"


def _text(name: str) -> str:
    path = TEXTS / name
    if not path.exists():
        if os.environ.get("FINRECON_REQUIRE_SHARED", "") not in ("", "0"):
            pytest.fail(f"{path} is required (FINRECON_REQUIRE_SHARED is set)")
        pytest.skip(f"{path} is absent: the page texts live in ../shared/reports/text")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["shanghai-putuo-finance-2024-final.pdf", "shanghai-putuo-wanli-street-2024-budget.pdf"])
def test_every_sentence_with_a_figure_of_a_real_pdf_is_understood(name: str) -> None:
    total, understood, missed = sentence_count(load_report(shared_pdf(name)))
    assert total >= 40 and understood == total, missed


def test_the_2025_final_page_text_is_understood_but_for_one_slip() -> None:
    loaded = load(_text("shanghai-putuo-ecology-environment-2025-final.txt"), templates()["shanghai-district-final"], year=2025)
    total, understood, missed = sentence_count(loaded)
    assert (total, understood) == (62, 61), missed
    assert missed == ["公务接待费支出决算减少为 0.00万元，与 2024 年持平。"]  # 减少 to 0.00 and 持平 at once: no statement reads it
    items = loaded.report.narrative.general_budget.items
    assert len(items) == 20 and sum(item.value for item in items) == loaded.report.narrative.general_budget.total.value


def test_the_2026_budget_page_text_items_and_statements_are_read() -> None:
    loaded = load(_text("shanghai-putuo-urban-management-2026-budget.txt"), templates()["shanghai-district-budget"], year=2026)
    statement = loaded.report.budget.statement
    assert [item.value for item in statement.items][:3] == [Decimal("261.47"), Decimal("230.25"), Decimal("115.12")]
    assert [item.name for item in statement.items][-3:] == ["城管执法", "住房公积金", "购房补贴"]  # item 7 starts mid-line, after item 6's 。
    assert all(item.purpose for item in statement.items)
    assert statement.income.appropriation.change == Decimal("-19.79")
    total, understood, missed = sentence_count(loaded, read_only=True)
    assert understood == total >= 25, missed
