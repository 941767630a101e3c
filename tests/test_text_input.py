"""Text input end to end (issues 17 and 18): a heading the template knows is a heading without its
number, in every medium; a chart's caption and leftovers are no sentences; the seed report, read
from its text alone, shows its two published errors and no false alarm."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon.cli import app
from finrecon.engine import check
from finrecon.readers import load_report
from finrecon.readers.media import WholeReader, whole_line
from finrecon.readers.pdf import reader_for
from finrecon.template import templates

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FINRECON_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_5bad65b3efb8bad8.txt"

# A made-up Sichuan-template text whose first section headings lost their numbers.
UNNUMBERED = (
    "四川省某县某局\n2021年度部门决算\n\f"
    "第二部分 2021年度部门决算情况说明\n"
    "收入支出决算总体情况说明\n"
    "2021年度收、支总计200.00万元。与2020年相比，收、支总计各增加20.00万元，增长11.11%。主要变动原因是人员增加。\n"
    " 收入决算情况说明\n"
    "2021年本年收入合计180.00万元，其中：一般公共预算财政拨款收入180.00万元，占100%。\n"
    " 支出决算情况说明\n"
    "2021年本年支出合计190.00万元，其中：基本支出150.00万元，占78.95%；项目支出40.00万元，占21.05%。\n"
    "（图3：支出决算结构图）（饼状图）\n"
    "[image: image4.png]220\n210\n200\n2020%\n"
    "四、财政拨款收入支出决算总体情况说明\n"
    "2021年财政拨款收、支总计190.00万元。与2020年相比，财政拨款收、支总计各增加10.00万元，增长5.56%。主要变动原因是人员增加。\n"
)


def _sections(report):  # noqa: ANN001, ANN202
    return [(section.heading, section.paragraphs) for part in report.text.parts for section in part.sections]


def test_a_heading_the_template_knows_is_a_heading_without_its_number(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "某局.txt"
    path.write_text(UNNUMBERED, encoding="utf-8")
    report = load_report(path).report
    headings = [heading for heading, _ in _sections(report)]
    assert headings == ["收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "四、财政拨款收入支出决算总体情况说明"]
    assert report.narrative.total.value == 200 and report.narrative.income.total.value == 180 and report.narrative.expenditure.total.value == 190
    findings = check(load_report(path))
    assert not [f for f in findings if f.rule == "FR904" and f.path in ("narrative.total", "narrative.income", "narrative.expenditure")]
    assert not [f for f in findings if f.rule == "FR808"]


def test_a_line_that_only_mentions_a_heading_is_not_one(tmp_path) -> None:  # noqa: ANN001
    text = UNNUMBERED.replace(" 收入决算情况说明\n", " 收入决算情况说明如下。\n")
    path = tmp_path / "某局.txt"
    path.write_text(text, encoding="utf-8")
    headings = [heading for heading, _ in _sections(load_report(path).report)]
    assert "收入决算情况说明如下。" not in headings


def test_a_chart_caption_stands_alone_and_its_leftovers_are_no_paragraph(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "某局.txt"
    path.write_text(UNNUMBERED, encoding="utf-8")
    paragraphs = dict(_sections(load_report(path).report))["支出决算情况说明"]
    assert paragraphs[-1] == "（图3：支出决算结构图）（饼状图）"  # its own paragraph, not glued to the sentence
    assert not any("2020%" in paragraph or "210" in paragraph for paragraph in paragraphs)


def test_a_whole_paragraph_medium_takes_the_same_headings() -> None:
    from finrecon.readers.pdf.flow import Line

    reader = reader_for(templates()["sichuan-district-final"], WholeReader)
    texts = ["第二部分 2021年度部门决算情况说明", "收入决算情况说明", "本年收入合计180.00万元。", "（一）一般公共预算财政拨款支出决算总体情况", "一般公共预算财政拨款支出决算结构情况", "支出100万元。", "五、一般公共预算财政拨款基本支出决算情况说明"]
    lines: list[Line] = [whole_line(number, text) for number, text in enumerate(texts, start=1)]
    flow = reader.read_blocks([(1, float(line.number), line) for line in lines])
    part = flow.parts[0]
    assert [node.level for node in part.children] == [1, 1]  # under a part: a 一、 heading
    numbered = part.children[0].children
    assert [normal_text(node.heading.text) for node in numbered] == ["（一）一般公共预算财政拨款支出决算总体情况", "一般公共预算财政拨款支出决算结构情况"]
    assert [node.level for node in numbered] == [2, 2]  # a sibling of the （一） before it
    assert normal_text(part.children[1].heading.text) == "五、一般公共预算财政拨款基本支出决算情况说明"


def normal_text(text: str) -> str:
    return text.replace(" ", "")


@pytest.mark.skipif(not SEED.exists(), reason="the seed lives in ../shared/seeds (FINRECON_SHARED)")
def test_the_seed_text_alone_shows_its_two_published_errors_and_no_false_alarm() -> None:
    result = CliRunner().invoke(app, ["check", "--lang", "en", "--format", "json", str(SEED)])
    assert result.exit_code == 1, result.output
    import json

    findings = json.loads(result.output)["reports"][0]["findings"]
    by_rule = {}
    for finding in findings:
        by_rule.setdefault(finding["rule"], []).append(finding)
    fr302 = [f for f in by_rule.get("FR302", []) if f["path"] == "narrative.appropriation_total.change_pct"]
    fr201 = [f for f in by_rule.get("FR201", []) if f["path"] == "narrative.general_budget.total.share_pct"]
    assert len(fr302) == 1 and len(fr201) == 1
    for finding, words in ((fr302[0], "下降1.05%"), (fr201[0], "占本年支出合计的97.20%")):
        assert finding["page"] == 1 and finding["line"] > 0 and words in finding["excerpt"]
    assert {f["rule"] for f in findings if f["severity"] == "error"} == {"FR302", "FR201"}
    assert "FR904" not in by_rule  # the sections whose headings lost their numbers are read
    assert not [f for f in by_rule.get("FR808", []) if "图" in f["excerpt"] or not any("\u4e00" <= c <= "\u9fff" for c in f["excerpt"])]


def test_a_table_the_template_does_not_define_is_left_unread_not_read_as_sentences(tmp_path) -> None:  # noqa: ANN001
    form = (
        "\f财政项目支出绩效目标申报表\n（2021年度）\n项目名称 某某经费 项目性质 经常性项目\n项目资金总额 1,000,000.00 年度资金申请总额 500,000.00\n"
        "\"1.完成年度任务。 \"1.完成年度\n2.新增问题“零增长”。 任务。\n数量指标 完成年度计划 =100.00(%)\n"
    )
    path = tmp_path / "某局.txt"
    path.write_text(UNNUMBERED + form, encoding="utf-8")
    loaded = load_report(path)
    paragraphs = [paragraph for _, paragraphs in _sections(loaded.report) for paragraph in paragraphs]
    assert not any("申报表" in paragraph or "零增长" in paragraph or "完成年度" in paragraph for paragraph in paragraphs)
    unread = [item for item in loaded.report.printed.unread if item.text.startswith("财政项目支出绩效目标申报表")]
    assert len(unread) == 1 and unread[0].page == 3
    assert [f for f in check(loaded) if f.rule == "FR923" and "申报表" in f.message]
    assert not [f for f in check(loaded) if f.rule == "FR808"]


def test_a_line_that_names_a_table_in_passing_stays_text(tmp_path) -> None:  # noqa: ANN001
    text = UNNUMBERED.replace("（图3：支出决算结构图）（饼状图）\n", "详见支出决算表\n")
    path = tmp_path / "某局.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_report(path)
    assert not [item for item in loaded.report.printed.unread if "支出决算表" in item.text]


def test_a_known_heading_with_a_note_in_brackets_wrapped_over_two_lines_is_a_heading(tmp_path) -> None:  # noqa: ANN001
    text = (  # lines wrapped at 30 characters, as the page prints them
        "上海市普陀区某局\n2025年度部门决算\n\f第一部分 上海市普陀区某局概况\n一、主要职能\n"
        "负责本区某某领域的各项管理工作，组织协调有关工作的实施和监督\n检查。\n"
        "二、部门决算单位构成（仅有一个单位的部门，本部分内容为“机\n构设置”）\n"
        "从预算单位构成看，上海市普陀区某局部门决算包括：上海市普陀\n区某局本级决算。\n"
    )
    path = tmp_path / "某局.txt"
    path.write_text(text, encoding="utf-8")
    sections = _sections(load_report(path).report)
    assert [heading.replace(" ", "") for heading, _ in sections][1] == "二、部门决算单位构成（仅有一个单位的部门，本部分内容为“机构设置”）"
    assert [paragraph.replace(" ", "") for paragraph in sections[1][1]] == ["从预算单位构成看，上海市普陀区某局部门决算包括：上海市普陀区某局本级决算。"]


# The page texts and the seed, measured as published in the README (“Coverage”): (numbers placed,
# printed; in tables placed, printed; sentences understood, with figures).  A floor: more read is
# fine, less is not.  The tables' lines a page text prints but the reader could not put in columns
# count as printed and not placed.
TEXTS = {
    "reports/text/shanghai-putuo-ecology-environment-2025-final.txt": (853, 864, 747, 747, 61, 62),
    "reports/text/shanghai-putuo-urban-management-2026-budget.txt": (272, 275, 232, 232, 31, 31),
    "seeds/000_5bad65b3efb8bad8.txt": (125, 149, 17, 17, 72, 73),
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_page_texts_and_the_seed_are_read_at_least_as_well_as_published(name: str) -> None:
    from finrecon.coverage import measure

    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not here (FINRECON_SHARED)")
    placed, printed, table_placed, table_printed, understood, sentences = TEXTS[name]
    loaded = load_report(path)
    coverage = measure(loaded.report, loaded.source)
    assert coverage.table_printed >= table_printed, "a figure printed in a table is no longer seen"
    assert coverage.numbers_placed * printed >= placed * coverage.numbers_printed
    assert coverage.table_placed * max(table_printed, 1) >= table_placed * coverage.table_printed
    assert coverage.understood * sentences >= understood * coverage.sentences
    assert coverage.understood * 100 >= 97 * coverage.sentences  # the target on every real report
    if table_placed == table_printed:  # every figure of its tables placed (the budget's: see the README)
        assert coverage.table_placed == coverage.table_printed

