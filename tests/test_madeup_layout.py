"""A second layout, made up but complete (tests/data/layouts/madeup-final.yaml), read with no
change to the code: the template file is all another wording needs."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.engine import check
from finrecon.readers import load_text
from finrecon.template import load_template, template_of

LAYOUT = Path(__file__).parent / "data" / "layouts" / "madeup-final.yaml"
REPORT = """meta: {unit: 示例局, year: 2024, template: madeup}
text:
  parts:
    - heading: 第二章 决算说明
      sections:
        - heading: 一、资金总览
          paragraphs: [本单位全部资金200.00万元，较上年减少10.00万元，下降4.76%，原因是：项目结束。]
        - heading: 二、收入构成
          paragraphs: [收入合计200.00万元：财政拨款收入180.00万元，占90.00%；其他收入20.00万元，占10.00%。]
        - heading: 三、支出构成
          paragraphs: [支出合计200.00万元：人员和公用支出150.00万元，占75.00%；项目支出50.00万元，占20.00%。]
        - heading: 四、科目明细
          paragraphs:
            - ①社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）：计划10.00万元，实际支出9.00万元，执行率90.00%。
            - ②某某新设科目：计划5.00万元，实际支出5.00万元，执行率100.00%。
        - heading: 五、三公经费
          paragraphs: [三公经费合计1.20万元。]
"""


def test_the_made_up_layout_loads_as_a_template() -> None:
    template = load_template(LAYOUT)
    assert (template.name, template.kind, template.narrative_part) == ("madeup-final", "final", "决算说明")


def test_a_made_up_report_is_read_with_the_made_up_layout_and_no_code() -> None:
    loaded = load_text(REPORT, template=str(LAYOUT))
    narrative = loaded.report.narrative
    assert template_of(loaded.report).name == "madeup-final"
    assert (narrative.total.value, narrative.total.change, narrative.total.change_pct) == (Decimal("200.00"), Decimal("-10.00"), Decimal("-4.76"))
    assert [reason.text for reason in narrative.total.reasons] == ["项目结束"]
    assert (narrative.income.appropriation.value, narrative.income.other.share_pct) == (Decimal("180.00"), Decimal("10.00"))
    assert (narrative.expenditure.basic.value, narrative.expenditure.project.share_pct) == (Decimal("150.00"), Decimal("20.00"))
    first, second = narrative.general_budget.items
    assert (first.code, first.name, first.budget, first.value, first.completion_pct) == ("2080501", "行政单位离退休", Decimal("10.00"), Decimal("9.00"), Decimal("90.00"))
    assert (second.code, second.name, second.value) == (None, "某某新设科目", Decimal("5.00"))  # unknown, kept
    assert narrative.three_public.total.value == Decimal("1.20")
    found = {(f.rule, f.path) for f in check(loaded)}
    assert ("FR201", "narrative.expenditure.project.share_pct") in found  # 50 / 200 is 25 %, not 20 %


def test_the_cli_reads_with_a_layout_file_and_reports_the_choice(tmp_path: Path) -> None:
    report = tmp_path / "madeup.yaml"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--format", "json", "--template", str(LAYOUT), str(report)])
    assert result.exit_code == 1, result.output
    (entry,) = json.loads(result.stdout)["reports"]
    assert entry["template"] == "madeup-final"
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--template", "no-such-layout", str(report)])
    assert result.exit_code == 2 and "no-such-layout" in result.output


# --------------------------------------------------------------------------- wording moved into the template
def _lines_around_a_table(template_path: Path, before: list[str], after: list[str]) -> dict:
    """What the reader keeps of the lines around one table (its 编制单位 line, its money unit, the
    note under it), read with the template ``template_path``."""
    from finrecon.readers.pdf import Builder, PdfSource
    from finrecon.readers.pdf.flow import Line, Piece, TableBlock

    def line(number: int, text: str) -> Line:
        return Line(1, number, 0.0, 100.0, 10.0 * number, 10.0, text)

    def piece(number: int, text: str) -> Piece:
        made = Piece()
        made.add(line(number, text))
        return made

    block = TableBlock("summary", line(1, "收支总表"), before=[line(2 + n, text) for n, text in enumerate(before)],
                       after=[piece(10 + n, text) for n, text in enumerate(after)])
    builder = Builder.__new__(Builder)
    builder.spec, builder.source = load_template(template_path), PdfSource()
    table: dict = {}
    builder._around(block, table, ("tables", "summary"))
    return table


def test_a_made_up_template_s_compiler_label_and_empty_table_words_are_honoured(tmp_path: Path) -> None:
    # The made-up layout prints “填报机关：” (no 单位 in it) over its tables and “此表无内容” under an empty one.
    own = tmp_path / "madeup-own-words.yaml"
    own.write_text(LAYOUT.read_text(encoding="utf-8") + "compiler: 填报机关\nempty_table: 此表无内容\n", encoding="utf-8")
    before, after = ["填报机关：示例局", "单位：万元"], ["本单位无此项收支，此表无内容。"]
    read = _lines_around_a_table(own, before, after)
    assert (read["compiler"], read["money_unit"], read["empty_statement"]) == ("填报机关：示例局", "万元", "本单位无此项收支，此表无内容。")
    assert "notes" not in read
    # Read with the template's defaults (编制单位, 本表无数据), the same lines are a note and no compiler.
    plain = _lines_around_a_table(LAYOUT, before, after)
    assert "compiler" not in plain and "empty_statement" not in plain
    assert plain["notes"] == ["本单位无此项收支，此表无内容。"]
    # And the default words are read as before.
    read = _lines_around_a_table(LAYOUT, ["编制单位：示例局"], ["本单位无政府性基金收支，故本表无数据。"])
    assert (read["compiler"], read["empty_statement"]) == ("编制单位：示例局", "本单位无政府性基金收支，故本表无数据。")


def test_a_made_up_template_s_compiler_label_keeps_its_line_with_the_table_title(tmp_path: Path) -> None:
    from finrecon.readers.pdf import reader_for

    own = tmp_path / "madeup-own-words.yaml"
    own.write_text(LAYOUT.read_text(encoding="utf-8") + "compiler: 填报机关\n", encoding="utf-8")
    assert reader_for(load_template(own)).beside_title.search("填报机关：示例局")
    assert reader_for(load_template(own)).beside_title.search("金额单位：万元")
    assert not reader_for(load_template(LAYOUT)).beside_title.search("填报机关：示例局")


def test_the_moved_wording_fields_are_typed(tmp_path: Path) -> None:
    import pytest

    from finrecon.template import TemplateError

    own = tmp_path / "madeup-unit-list.yaml"
    own.write_text(LAYOUT.read_text(encoding="utf-8") + "unit_list: {name: 单位全称, note: 说明}\n", encoding="utf-8")
    assert load_template(own).unit_list == {"name": "单位全称", "note": "说明"}
    assert load_template(LAYOUT).unit_list == {"name": "单位名称", "note": "备注"}  # the default: what every template so far prints
    wrong = tmp_path / "madeup-wrong.yaml"
    wrong.write_text(LAYOUT.read_text(encoding="utf-8") + "unit_list: {nmae: 单位全称}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="unit_list"):
        load_template(wrong)
    wrong.write_text(LAYOUT.read_text(encoding="utf-8").replace("wording:\n", "wording:\n  unchosen: 部门（单位）\n"), encoding="utf-8")
    with pytest.raises(TemplateError, match="wording.unchosen"):
        load_template(wrong)
