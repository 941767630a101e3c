"""The real published reports in ../shared/reports/pdf, end to end (skipped where they are absent)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.engine import check
from finrecon.readers import load_report

from .conftest import shared_pdf

FINAL = "shanghai-putuo-finance-2024-final.pdf"


def _findings(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.rule, f.path, f.reported, f.expected) for f in check(load_report(path))]


def test_extraction_is_deterministic_and_reads_back_to_the_same_findings(tmp_path: Path) -> None:
    pdf = shared_pdf(FINAL)
    runner = CliRunner()
    first, second = (runner.invoke(app, ["extract", str(pdf)]) for _ in range(2))
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert "  # p.8" in first.stdout  # table 2 starts on page 8
    extracted = tmp_path / "final.yaml"
    extracted.write_text(first.stdout, encoding="utf-8")
    assert sorted(_findings(extracted)) == sorted(_findings(pdf))  # in page order there, in line order here


def test_extract_never_overwrites_without_force(tmp_path: Path) -> None:
    pdf = shared_pdf(FINAL)
    target = tmp_path / "mine.yaml"
    target.write_text("# my corrections\n", encoding="utf-8")
    refused = CliRunner().invoke(app, ["extract", str(pdf), "-o", str(target), "--lang", "en"])
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "# my corrections\n"
    assert CliRunner().invoke(app, ["extract", str(pdf), "-o", str(target), "--force"]).exit_code == 0
    assert "tables:" in target.read_text(encoding="utf-8")


def test_the_final_report_reads_its_nine_tables_and_its_units() -> None:
    report = load_report(shared_pdf(FINAL)).report
    tables = report.tables
    printed = [getattr(tables, name).title for name in type(tables).model_fields]
    assert printed == [
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ]
    assert [unit.name for unit in report.organisation.units] == ["上海市普陀区财政局（本级）", "上海市普陀区财政局财政所", "上海市普陀区国库收付中心"]
    assert report.printed.empty_pages == [14] and not report.printed.unread
