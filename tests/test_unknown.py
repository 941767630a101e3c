"""Unknown is not zero: a figure printed but not read or placed leaves every identity over it unevaluated."""

from __future__ import annotations

from pathlib import Path

from finrecon.engine import check
from finrecon.readers import load_report, load_text

from .pdfs import both, pdf, table, text

COVER = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
HEAD = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
WIDTHS = (60, 160, 90, 90, 90)


def _general_budget(*rows: tuple[str, ...]) -> bytes:
    return pdf([COVER, both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, 180, WIDTHS, [HEAD, *rows]))])


def _load(tmp_path: Path, data: bytes):  # noqa: ANN202
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return load_report(path)


def test_a_row_the_reader_could_not_place_is_unknown_not_zero(tmp_path: Path) -> None:
    """201 prints 100.00 over 20101's 60.00 and a row of 40.00 with no code or name: the reader
    cannot tell where the 40.00 goes, so 201 = Σ its 款 is not evaluated (no false FR102), and
    FR923 says which checks it skipped."""
    loaded = _load(tmp_path, _general_budget(
        ("201", "一般公共服务支出", "100.00", "100.00", ""),
        ("20101", "人大事务", "60.00", "60.00", ""),
        ("", "", "40.00", "40.00", ""),
    ))
    unread = loaded.report.printed.unread
    assert [(item.page, item.kind, item.unknown) for item in unread] == [(2, "figures", ["tables.general_budget.*"])]
    findings = check(loaded)
    assert not [f for f in findings if f.rule.startswith("FR1")]
    (skipped,) = [f for f in findings if f.rule == "FR923"]
    assert "因此未核对" in skipped.message and "FR102" in skipped.message
    assert "tables.general_budget.rows[0].total" in skipped.related


def test_a_cell_not_read_leaves_its_own_checks_unknown_and_the_others_checked(tmp_path: Path) -> None:
    """A 项目支出 cell printing “8.3七” is not a figure: its row's total is not checked against it,
    while another row that does not add up is still found."""
    loaded = _load(tmp_path, _general_budget(
        ("2010601", "行政运行", "1,511.89", "1,503.52", "8.3七"),
        ("2010602", "一般行政管理事务", "595.77", "500.00", "90.00"),
    ))
    assert [item.unknown for item in loaded.report.printed.unread] == [["tables.general_budget.rows[0].project"]]
    row_totals = [f.path for f in check(loaded) if f.rule == "FR103"]
    assert row_totals == ["tables.general_budget.rows[1].total"]


def test_the_same_report_with_the_row_read_is_checked_as_before(tmp_path: Path) -> None:
    """The control: with no unread figure, the short sum is an error."""
    loaded = _load(tmp_path, _general_budget(
        ("201", "一般公共服务支出", "100.00", "100.00", ""),
        ("20101", "人大事务", "60.00", "60.00", ""),
    ))
    assert sorted(f.path for f in check(loaded) if f.rule == "FR102") == ["tables.general_budget.rows[0].basic", "tables.general_budget.rows[0].total"]


def test_a_model_may_mark_a_figure_unknown_and_no_identity_uses_it() -> None:
    """The marker is the model's, not the PDF reader's: any reader (or a YAML author) sets it."""
    report = """meta: {unit: 测试单位, year: 2024}
tables:
  summary:
    income: {general_budget: 2940.05, total: 2946.25, opening_balance: 49.14, grand_total: 2995.39}
    expenditure: {total: 2946.25, closing_balance: 49.14, grand_total: 2995.39}
  appropriation:
    income: {general_budget: 2940.05}
printed:
  pages: 7
  unread: [{page: 3, text: "收入支出决算总表：上级补助收入 6.2O", unknown: [tables.summary.income.superior_subsidy]}]
"""
    findings = check(load_text(report))
    assert [f.rule for f in findings if f.rule.startswith(("FR1", "FR5"))] == []
    (fr923,) = [f for f in findings if f.rule == "FR923"]
    assert "本年收入合计" in fr923.message
    # Without the marker the blank is 0, and the sum is short by 6.20.
    plain = check(load_text(report.split("printed:")[0]))
    assert [(f.rule, f.path) for f in plain if f.rule == "FR101"] == [("FR101", "tables.summary.income.total")]


def test_an_amount_under_a_head_the_template_does_not_know_is_reported_not_dropped(tmp_path: Path) -> None:
    loaded = _load(tmp_path, pdf([COVER, both(text((180, 130, "一般公共预算财政拨款支出决算表")), table(44, 180, (60, 140, 80, 80, 80, 80), [
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出", "其他资金"),
        ("201", "一般公共服务支出", "100.00", "60.00", "30.00", "10.00"),
    ]))]))
    assert [(item.kind, item.unknown) for item in loaded.report.printed.unread] == [("figures", ["tables.general_budget.*"])]
    findings = check(loaded)
    assert not [f for f in findings if f.rule.startswith("FR1")]  # 100 ≠ 60 + 30 is no finding: 10.00 may be a part
    assert [f.rule for f in findings if f.rule == "FR923"] == ["FR923"]


def test_an_equality_the_reader_assumed_leaves_only_the_identities_over_both_its_figures_unknown() -> None:
    from finrecon.model.unknown import Unknowns

    unknown = Unknowns(["budget.tables.income.total.appropriation=budget.tables.summary.income.appropriation", "budget.tables.income.*"])
    assert unknown and unknown.regions == ("budget.tables.income",)  # the equality is no region
    both = ["budget.tables.income.total.appropriation", "budget.tables.summary.income.appropriation"]
    assert unknown.assumed_in(both) == "budget.tables.income.total.appropriation=budget.tables.summary.income.appropriation"
    assert unknown.assumed_in([both[0], "budget.tables.summary.income.grand_total"]) is None
    assert Unknowns(["a.b=c.d"]) and Unknowns(["a.b=c.d"]).region_of("a.b") is None  # placed, not absent: no region
