"""A page text written by ``pdftotext -layout`` (issues 18 and 17): tables read by position against
their head, paragraphs by clause, lines printed out of order put back.  Made-up texts for each
rule; the real finance-bureau text against its PDF, and the coverage of both real texts, where
``../shared`` is here."""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finrecon.catalog import builtin
from finrecon.engine import check
from finrecon.readers import load_report
from finrecon.readers.layout_text import _reorder, in_order, is_layout, layout_lines, table_grids
from finrecon.readers.media import Document
from finrecon.readers.pdf.flow import Line
from finrecon.readers.pdf.tables import TableReader
from finrecon.template import templates

from .conftest import shared_pdf

ROOT = Path(__file__).resolve().parent.parent
REPORTS = Path(os.environ.get("FINRECON_SHARED") or ROOT.parent / "shared") / "reports"
FINAL = templates()["shanghai-district-final"]


def _at(*cells: tuple[int, str]) -> str:
    """A -layout line: each text at its character column."""
    line = ""
    for column, text in cells:
        assert len(line) <= column, (line, column, text)
        line = line.ljust(column) + text
    return line


def _read(key: str, raws: list[str]) -> dict:
    body = [(Line(3, number, 0.0, 0.0, float(number), 2.0, raw.strip()), raw) for number, raw in enumerate(raws, start=1) if raw.strip()]
    grids = table_grids(body, FINAL.tables[key].spec())
    assert not any(grid.unplaced for grid in grids), [grid.unplaced for grid in grids]
    return TableReader(key, FINAL.tables[key].spec(), builtin()).read(grids).tree


# A 支出决算表 as -layout prints it: the head's words over several lines, the 合计 row's figures two
# lines above its label, a row's figures on a line of their own above its code, a name wrapped
# below its code, blank cells as gaps.
EXPENDITURE = [
    _at((16, "项目"), (77, "对附属单位")),
    _at((32, "本年支出合"), (54, "项目支"), (63, "上缴上级支"), (71, "经营支")),
    _at((3, "支出功能分类"), (43, "基本支出"), (79, "补")),
    _at((23, "科目名称"), (34, "计"), (55, "出"), (65, "出"), (72, "出")),
    _at((4, "科目编码"), (78, "助支出")),
    _at((43, "2,336.91"), (54, "603.14")),
    _at((32, "2,940.05")),
    _at((1, "类"), (6, "款"), (10, "项")),
    _at((24, "合计")),
    _at((43, "1,503.52"), (54, "603.14")),
    _at((0, "201"), (16, "一般公共服务支出"), (32, "2,106.66")),
    _at((0, "201"), (6, "06"), (11, "01"), (16, "行政运行"), (32, "1,511.89"), (43, "1,503.52"), (55, "8.37")),
    "",
    _at((0, "208"), (6, "05"), (11, "05"), (33, "160.75"), (43, "160.75")),
    _at((16, "机关事业单位基本养老保险缴")),
    _at((16, "费支出")),
]


def test_a_layout_table_is_read_by_position_against_its_head() -> None:
    tree = _read("expenditure", EXPENDITURE)
    assert tree["total"] == {"total": Decimal("2940.05"), "basic": Decimal("2336.91"), "project": Decimal("603.14")}
    rows = {row["code"]: row for row in tree["rows"]}
    assert rows["201"] == {"code": "201", "name": "一般公共服务支出", "total": Decimal("2106.66"), "basic": Decimal("1503.52"), "project": Decimal("603.14")}
    assert rows["2010601"]["project"] == Decimal("8.37") and rows["2010601"]["basic"] == Decimal("1503.52")
    assert rows["2080505"] == {"code": "2080505", "name": "机关事业单位基本养老保险缴费支出", "total": Decimal("160.75"), "basic": Decimal("160.75")}


def test_a_figure_with_no_column_leaves_the_table_unread_never_guessed() -> None:
    crowded = [*EXPENDITURE[:5], _at((0, "201"), (16, "一般公共服务支出"), (32, "1.00"), (40, "2.00"), (48, "3.00"), (56, "4.00"), (64, "5.00"), (72, "6.00"), (80, "7.00"))]
    body = [(Line(3, number, 0.0, 0.0, float(number), 2.0, raw.strip()), raw) for number, raw in enumerate(crowded, start=1) if raw.strip()]
    grids = table_grids(body, FINAL.tables["expenditure"].spec())
    assert grids[0].unplaced and all(not grid.rows for grid in grids)


def test_a_head_whose_bottom_line_repeats_its_words_names_each_column_after_its_group() -> None:
    three_public = [
        _at((35, "财政拨款“三公”经费")),
        _at((41, "公务用车购置及运行费")),
        _at((9, "合计"), (17, "因公出国（境）费")),
        _at((34, "小计"), (55, "公务用车运行费"), (70, "公务接待费")),
        _at((42, "公务用车购置费")),
        _at(*((position, word) for position, word in zip((0, 10, 16, 22, 28, 35, 41, 48, 54, 60, 66, 75), ("预算数", "决算数") * 6))),
        _at((2, "0.95"), (10, "0.40"), (68, "0.95"), (75, "0.40")),
    ]
    tree = _read("three_public", three_public)
    assert tree["total"] == {"budget": Decimal("0.95"), "value": Decimal("0.40")}
    assert tree["reception"] == {"budget": Decimal("0.95"), "value": Decimal("0.40")}
    assert "outbound" not in tree and "vehicle" not in tree  # blank cells: nothing printed, nothing read


def test_a_two_sided_table_takes_wrapped_labels_and_figures_printed_above_their_row() -> None:
    appropriation = [
        _at((10, "收入"), (52, "支出")),
        _at((52, "一般公共预算"), (68, "政府性基金预")),
        _at((5, "项目"), (16, "决算数"), (31, "项目"), (42, "合计"), (54, "财"), (70, "算")),
        _at((52, "政拨款"), (68, "财政拨款")),
        _at((15, "2,940.05")),
        _at((0, "一、一般公共预算财政拨款"), (26, "一、一般公共服务支出"), (41, "2,106.66"), (57, "2,106.66")),
        _at((0, "二、政府性基金预算财政拨")),
        _at((26, "二、外交支出")),
        _at((0, "款")),
        _at((26, "七、文化旅游体育与传媒支"), (42, "12.00"), (58, "12.00")),
        _at((26, "出")),
        _at((26, "八、社会保障和就业支出"), (42, "833.39"), (58, "833.39")),
        _at((15, "2,940.05"), (41, "2,939.05")),
        _at((3, "本年收入合计"), (29, "本年支出合计"), (53, "2,939.05")),
    ]
    tree = _read("appropriation", appropriation)
    assert tree["income"]["general_budget"] == Decimal("2940.05") and tree["income"]["total"] == Decimal("2940.05")
    assert tree["expenditure"] == {"total": Decimal("2939.05"), "general_budget": Decimal("2939.05")}
    classes = {entry["name"]: entry for entry in tree["by_class"]}
    assert classes["社会保障和就业支出"]["general_budget"] == Decimal("833.39")
    assert classes["文化旅游体育与传媒支出"]["total"] == Decimal("12.00")  # its label wrapped onto a second line


def test_a_coded_table_in_two_halves_takes_each_halfs_codes_names_and_figures() -> None:
    basic = [
        _at((4, "经济分类"), (43, "经济分类")),
        _at((4, "科目编码"), (43, "科目编码")),
        _at((19, "科目名称"), (29, "决算数"), (57, "科目名称"), (69, "决算数")),
        _at((8, "款"), (47, "款")),
        _at((0, "类"), (39, "类")),
        "",
        _at((0, "301"), (28, "2,082.85"), (39, "302"), (69, "171.07")),
        _at((12, "工资福利支出"), (51, "商品和服务支出")),
        "",
        _at((28, "262.33"), (69, "21.21")),
        _at((0, "301"), (7, "01"), (39, "302")),
        _at((12, "基本工资"), (46, "01"), (51, "办公费")),
        "",
        _at((0, "301"), (7, "13"), (39, "302"), (51, "因 公 出 国 （ 境 ） 费")),
        _at((12, "住房公积金"), (46, "12")),
        _at((51, "用")),
        _at((25, "2,152.26"), (70, "184.65")),
        _at((11, "人员经费合计"), (48, "公用经费合计")),
    ]
    tree = _read("basic", basic)
    rows = {row["code"]: row for row in tree["rows"]}
    assert rows["301"]["amount"] == Decimal("2082.85") and rows["302"]["amount"] == Decimal("171.07")
    assert rows["30101"] == {"code": "30101", "name": "基本工资", "amount": Decimal("262.33")}
    assert rows["30201"] == {"code": "30201", "name": "办公费", "amount": Decimal("21.21")}
    assert rows["30212"]["name"] == "因公出国（境）费用" and "amount" not in rows["30113"]
    assert tree["personnel_total"] == Decimal("2152.26") and tree["public_total"] == Decimal("184.65")


BUDGET = templates()["shanghai-district-budget"]


def test_a_head_word_under_an_off_centre_group_takes_the_groups_name() -> None:
    # the 三公 table of a budget: “合计” alone names no column; the group's name above it, set
    # off-centre, makes “…预算数合计”; “小计” takes the group over it, not the wider one
    three_public = [
        _at((31, "2024年“三公”经费预算数")),
        _at((80, "2024年机关运行经")),
        _at((50, "公务用车购置及运行费")),
        _at((84, "费预算数")),
        _at((3, "合计"), (16, "因公出国(境)费"), (37, "公务接待费")),
        _at((42, "小计"), (55, "购置费"), (66, "运行费")),
        _at((8, "47.91"), (27, "0"), (38, "1.35"), (51, "46.56"), (62, "25"), (72, "21.56"), (85, "443.18")),
    ]
    body = [(Line(31, number, 0.0, 0.0, float(number), 2.0, raw.strip()), raw) for number, raw in enumerate(three_public, start=1)]
    spec = BUDGET.tables["three_public"].spec()
    tree = TableReader("three_public", spec, builtin()).read(table_grids(body, spec)).tree
    assert tree == {
        "total": Decimal("47.91"), "outbound": Decimal("0"), "reception": Decimal("1.35"), "vehicle": Decimal("46.56"),
        "vehicle_purchase": Decimal("25"), "vehicle_operation": Decimal("21.56"), "operating_costs": Decimal("443.18"),
    }


def test_a_code_without_its_leading_zero_and_zeros_after_an_amount() -> None:
    head = [_at((10, "项目")), _at((0, "科目编码"), (16, "科目名称"), (33, "合计"), (47, "人员经费"), (60, "公用经费")), _at((1, "类"), (6, "款"))]
    rows = [
        _at((1, "301"), (13, "工资福利支出"), (31, "22,000"), (44, "22,000"), (62, "0")),
        _at((1, "301"), (7, "2"), (13, "津贴补贴"), (31, "22,000"), (44, "22,000"), (62, "0")),
        _at((0, "合计"), (5, "22,000"), (19, "22,000"), (33, "0")),  # alone on the next page, its code and name cells merged
    ]
    lines = [*head, *rows]
    body = [(Line(29 if number < len(lines) else 30, number, 0.0, 0.0, float(number), 2.0, raw.strip()), raw) for number, raw in enumerate(lines, start=1)]
    spec = BUDGET.tables["basic"].spec()
    tree = TableReader("basic", spec, builtin()).read(table_grids(body, spec)).tree
    assert [row["code"] for row in tree["rows"]] == ["301", "30102"]
    assert tree["total"] == {"total": Decimal("22000"), "personnel": Decimal("22000"), "public": Decimal("0")}


def test_a_matching_keeps_the_order_and_takes_the_nearest() -> None:
    assert in_order([37.0, 49.5, 85.0], [33.5, 46.5, 59.0, 65.5, 71.5, 77.5, 83.5]) == [0, 1, 6]
    assert in_order([44.0, 58.0], [43.0, 55.0, 71.0, 80.0]) == [0, 1]


def test_only_a_text_with_columns_is_read_as_layout() -> None:
    assert is_layout("\n".join(EXPENDITURE * 3))
    assert not is_layout("一、收入支出决算总体情况说明\n本年收入合计100.00万元，其中：财政拨款收入100.00万元。\n" * 20)


# A made-up report: a cover, the 情况说明 with lines printed out of order as -layout does, a list of
# units under a head of column words, and a table.
_COVER = "          上海市普陀区某局\n\n        2024年度部门决算\n"
_TEXT = (
    "   第三部分上海市普陀区某局2024年度部门决算情况\n"
    "             说明\n\n"
    "  二、收入决算情况说明\n\n"
    "  本年收入合计100.00万元，其中：财政拨款收入80.00万元，占80.00%；其他收入20.00\n"
    "万元，占20.00%。\n\n"
    "  三、支出决算情况说明\n\n\n"
    "40.00万元，占40.00%。\n"
    "    本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出\n\n\n"
    "  四、财政拨款收入支出决算总体情况说明\n\n"
    "  上海市普陀区某局2024年度财政拨款收入支出总计100.00万元。与2023年度相比，财政拨款\n"
    "收入支出总计增加10.00万元，增长11.11%。主要原因：\n\n"
    "人员增加，以及项目支出中合同支付进度条款等原因增加支付，其他费用按计划正常支\n"
    "付。\n\n"
    "  十、预算绩效管理情况\n\n"
    "  上海市普陀区某局2024年度预算绩效管理工作开展情况如下：本部门制定了预算绩效管理办法，实行\n\n"
    "50.00万元；绩效跟踪评价的2024年度项目2个，涉及预算金额50.00万元；绩效自评\n"
    "全过程绩效管理：编报绩效目标的2024年度项目2个，涉及预算金额\n\n"
    "“优”的项目2个；绩效评级为“良”的项目0个；绩效评级\n"
    "的2024年度项目2个，涉及预算金额50.00万元，平均得分95.00分（其中，绩效评级为\n\n"
    "0个）。\n"
    "为“合格”的项目0个。绩效自评中共发现问题0个，正在整改的\n"
)
_UNITS = (
    "  二、部门决算单位构成\n\n"
    "     序号     单位名称         备注\n"
    "      1 上海市普陀区某局（本级）\n"
    "      2 上海市普陀区某局某所 预算不单列，并入本级\n"
)


def _made_up(tmp_path: Path) -> Path:
    table = "\n".join([_at((32, "支出决算表")), _at((77, "单位：万元")), *EXPENDITURE])
    path = tmp_path / "某局.txt"
    path.write_text("\f".join((_COVER, _UNITS, table, "", _TEXT)), encoding="utf-8")
    return path


def test_lines_printed_out_of_order_are_read_in_order_and_a_line_cut_mid_clause_goes_on(tmp_path: Path) -> None:
    loaded = load_report(_made_up(tmp_path))
    paragraphs = {section.heading.replace(" ", ""): section.paragraphs for part in loaded.report.text.parts for section in part.sections}
    assert paragraphs["三、支出决算情况说明"] == ["本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。"]
    assert paragraphs["四、财政拨款收入支出决算总体情况说明"] == [
        "上海市普陀区某局2024年度财政拨款收入支出总计100.00万元。与2023年度相比，财政拨款收入支出总计增加10.00万元，增长11.11%。"
        "主要原因：人员增加，以及项目支出中合同支付进度条款等原因增加支付，其他费用按计划正常支付。"
    ]
    assert paragraphs["十、预算绩效管理情况"] == [
        "上海市普陀区某局2024年度预算绩效管理工作开展情况如下：本部门制定了预算绩效管理办法，实行全过程绩效管理：编报绩效目标的2024年度项目2个，"
        "涉及预算金额50.00万元；绩效跟踪评价的2024年度项目2个，涉及预算金额50.00万元；绩效自评的2024年度项目2个，涉及预算金额50.00万元，"
        "平均得分95.00分（其中，绩效评级为“优”的项目2个；绩效评级为“良”的项目0个；绩效评级为“合格”的项目0个。绩效自评中共发现问题0个，正在整改的0个）。"
    ]
    assert loaded.report.text.parts[-1].heading.replace(" ", "") == "第三部分上海市普陀区某局2024年度部门决算情况说明"  # its last word centred below
    assert loaded.report.narrative.expenditure.project.value == Decimal("40.00")


def test_a_list_under_a_head_of_column_words_is_a_table_and_a_blank_page_is_said(tmp_path: Path) -> None:
    loaded = load_report(_made_up(tmp_path))
    units = loaded.report.organisation.units
    assert [(unit.name, unit.note) for unit in units] == [("上海市普陀区某局（本级）", None), ("上海市普陀区某局某所", "预算不单列，并入本级")]
    assert loaded.report.printed.empty_pages == [4] and loaded.report.printed.pages == 5
    findings = check(loaded)
    assert not [finding for finding in findings if finding.rule == "FR808"]  # no list item, no cut sentence taken for one
    assert [finding.rule for finding in findings if finding.rule == "FR920"] == ["FR920"]


def _order(page: str) -> list[str]:
    blocks, _ = layout_lines([page])
    document = Document(blocks, kind="wrapped")
    _reorder(document)
    return [line.text for line in document.lines()]


@pytest.mark.parametrize(
    ("page", "read"),
    [
        # a fragment that cannot start a clause, before the line ending mid-clause that it completes
        ("  二、…\n\n15.16%；\n卫生健康支出（类）60.99万元，占\n\n", ["二、…", "卫生健康支出（类）60.99万元，占", "15.16%；"]),
        # a paragraph's indented first line printed after the line that goes on with it
        ("  二、…\n\n级决算。纳入编制范\n  从预算单位构成看，本\n围的单位包括：\n", ["二、…", "从预算单位构成看，本", "级决算。纳入编制范", "围的单位包括："]),
        # after a line cut mid-clause, a pair apart from the rest: the second line first
        ("  本部门制定了管理办法，实行\n\n的项目4个；绩效自评\n全过程绩效管理：涉及预算金额\n\n", ["本部门制定了管理办法，实行", "全过程绩效管理：涉及预算金额", "的项目4个；绩效自评"]),
    ],
)
def test_lines_printed_out_of_order_are_put_back(page: str, read: list[str]) -> None:
    assert _order(page) == read


@pytest.mark.parametrize(
    "page",
    [
        "  主要原因：人员增加。\n             （如持平作持平表述）\n",  # a note set under its sentence, ending in a bracket
        "  …决算数大于预算数\n\n的主要原因：人员增加（如持平作持平表述）\n                       。其中：\n",  # a tail set lower
        "  收入合计100万元。\n\n支出合计100万元，其中：基本支出\n60万元。\n",  # lines in order: the pair is not apart below
        "  收入合计100万元。\n\n支出合计100万元。\n基本支出60万元，项目支出\n\n",  # the line above the pair ended its sentence
    ],
)
def test_lines_in_order_stay_in_order(page: str) -> None:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    assert _order(page) == lines


# ---------------------------------------------------------------------------------- real texts
def _shared_text(name: str) -> Path:
    path = REPORTS / name
    if not path.exists():
        shared_pdf("__absent__.pdf")  # skips with the reason, or fails where FINRECON_REQUIRE_SHARED is set
    return path


def _by_rule_and_page(path: Path) -> Counter:
    loaded = load_report(path)
    return Counter((finding.rule, finding.page) for finding in check(loaded))


def test_the_layout_text_of_a_real_report_gives_its_pdfs_findings() -> None:
    text = _by_rule_and_page(_shared_text("shanghai-putuo-finance-bureau-2024.txt"))
    pdf = _by_rule_and_page(shared_pdf("shanghai-putuo-finance-2024-final.pdf"))
    assert text == pdf


# Coverage of the two -layout texts as published in the README: (numbers placed, printed; in
# tables placed, printed; sentences understood, with figures).  A floor.
LAYOUT_TEXTS = {
    "shanghai-putuo-finance-bureau-2024.txt": (272, 275, 195, 195, 41, 41),
    "shanghai-template-2024.txt": (0, 1, 0, 0, 0, 1),
}


@pytest.mark.parametrize("name", sorted(LAYOUT_TEXTS))
def test_the_layout_texts_are_read_at_least_as_well_as_published(name: str) -> None:
    from finrecon.coverage import measure

    placed, printed, table_placed, table_printed, understood, sentences = LAYOUT_TEXTS[name]
    loaded = load_report(_shared_text(name))
    coverage = measure(loaded.report, loaded.source)
    assert coverage.table_printed >= table_printed and coverage.table_placed == coverage.table_printed
    assert coverage.numbers_placed * printed >= placed * coverage.numbers_printed
    assert coverage.understood * sentences >= understood * coverage.sentences
    if sentences > 1:
        assert coverage.understood * 100 >= 97 * coverage.sentences


def test_the_blank_templates_text_gives_its_pdfs_findings_rule_by_rule() -> None:
    text = _by_rule_and_page(_shared_text("shanghai-template-2024.txt"))
    pdf = _by_rule_and_page(shared_pdf("shanghai-district-final-template-2024.pdf"))
    assert set(text) == set(pdf)
    # the text prints 纳入…的单位包括： as a paragraph of its own (indented), the PDF runs it on: one
    # more FR907 for the same placeholder, on the same page
    assert text - pdf == Counter({("FR907", 4): 1}) and not pdf - text


# ---------------------------------------------------------------------------------- hostile
_FUZZ = settings(max_examples=int(os.environ.get("FINRECON_FUZZ_EXAMPLES", "8")) * 3, deadline=None, suppress_health_check=list(HealthCheck))
_piece = st.sampled_from(["201", "06", "2,940.05", "0.95", "-", "合计", "项目", "本年支出合", "计", "预算数", "决算数", "一、", "（一）", "。", "）", "万元，占", "15.16%；", "\f", "…", "XX", "序号", "单位名称"])
_line = st.lists(st.tuples(st.integers(1, 12), _piece), max_size=8).map(lambda cells: "".join(" " * gap + text for gap, text in cells))


@_FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, 400), st.booleans(), _line), max_size=30))
def test_a_mutated_layout_text_is_read_or_refused_in_one_line(tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, bool, str]]) -> None:
    from finrecon.readers import LoadError

    lines = "\f".join((_COVER, _UNITS, "\n".join([_at((32, "支出决算表")), *EXPENDITURE]), "", _TEXT)).split("\n")
    for position, replace, line in edits:
        position %= len(lines)
        if replace:
            lines[position] = line
        else:
            lines.insert(position, line)
    path = tmp_path_factory.mktemp("fuzz") / "某局.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        loaded = load_report(path)
    except LoadError:
        return
    check(loaded)  # every rule runs on what was read


# Every PDF in ../shared turned into a -layout text by poppler's pdftotext (where it is installed):
# the text gives its PDF's findings, rule by rule and page by page, and its coverage.  FR922 (text
# off the page) is the PDF's alone: a text has no page to run off; the blank template's text sets
# one paragraph apart that its PDF runs on (one FR907 more, above).
@pytest.mark.parametrize("name", [
    "shanghai-putuo-commerce-2025-budget.pdf", "shanghai-putuo-commerce-2025-unit-budget.pdf",
    "shanghai-putuo-government-office-2025-budget.pdf", "shanghai-putuo-government-office-2025-unit-budget.pdf",
    "shanghai-putuo-wanli-street-2024-budget.pdf", "shanghai-putuo-wanli-street-2025-budget.pdf",
])
def test_pdftotext_layout_of_each_real_pdf_gives_its_findings(name: str, tmp_path: Path) -> None:
    import shutil
    import subprocess

    from finrecon.coverage import measure

    pdf = shared_pdf(name)
    if shutil.which("pdftotext") is None:
        reason = "poppler's pdftotext is not installed: no -layout text to compare"
        if os.environ.get("FINRECON_REQUIRE_PDFTOTEXT", "") not in ("", "0"):  # CI installs it (.ci/run)
            pytest.fail(f"{reason}; FINRECON_REQUIRE_PDFTOTEXT requires it")
        pytest.skip(reason)
    text = tmp_path / (pdf.stem + ".txt")
    subprocess.run(["pdftotext", "-layout", str(pdf), str(text)], check=True, capture_output=True)
    assert is_layout(text.read_text(encoding="utf-8"))
    from_pdf, from_text = load_report(pdf), load_report(text)
    assert _counted(from_text) == _counted(from_pdf) - Counter({key: n for key, n in _counted(from_pdf).items() if key[0] == "FR922"})
    pdf_coverage, text_coverage = measure(from_pdf.report, from_pdf.source), measure(from_text.report, from_text.source)
    assert (text_coverage.table_placed, text_coverage.table_printed) == (pdf_coverage.table_placed, pdf_coverage.table_printed)
    assert text_coverage.understood == pdf_coverage.understood


def _counted(loaded) -> Counter:  # noqa: ANN001
    return Counter((finding.rule, finding.page) for finding in check(loaded))
