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
