"""Small Word, Excel and web-page files of a report, written for the media readers' tests.

A draft is its paragraphs and its tables (title, lines under the title, rows of cells with their
spans, notes after), from either of two sources: the report a published PDF prints (read by the
PDF reader's flow: its cover, contents, headings, paragraphs and ruled tables, cells with their
spans as printed), or a report's model (``samples/*.yaml``: each table's figures under the header
rows the template prints, the 情况说明 written in the template's sentences).  One set of writers
puts a draft out as an accountant's draft would hold it: paragraphs in a Word file or a web page,
each table with its title and header rows as printed, and in a workbook one sheet per table with
numbers as numbers — what the final-accounts software exports.
"""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal
from dataclasses import dataclass
from pathlib import Path

from finrecon.readers.pdf import reader_for, template_for
from finrecon.readers.pdf.flow import Flow, normal
from finrecon.readers.pdf.layout import read_pages
from finrecon.readers.pdf.tables import amount


def pdf_flow(path: Path) -> Flow:
    pages = read_pages(path.read_bytes())
    first = next(page for page in pages if page.lines)
    spec = template_for(normal("".join(line.text for line in first.lines)))
    assert spec is not None
    return reader_for(spec).read(pages)


Row = list[tuple[str, int]]  # (text, columns spanned)


def table_rows(grid) -> list[Row]:  # noqa: ANN001 - a pdf Grid
    return [[(cell.text, cell.last - cell.first + 1) for cell in cells] for cells in grid.rows]


def paragraphs(flow: Flow) -> list[tuple[str, str]]:
    """(kind, text) in print order: the cover, the contents, and each part's headings and paragraphs."""
    out = [("p", line.text) for line in flow.cover] + [("p", line.text) for line in flow.contents]

    def section(node, depth: int) -> None:  # noqa: ANN001
        out.append((f"h{min(depth + 1, 6)}", node.heading.text))
        out.extend(("p", piece.text) for piece in node.paragraphs)
        for child in node.children:
            section(child, depth + 1)

    for node in flow.parts:
        section(node, 0)
    return out


def tables(flow: Flow) -> list[tuple[str, list[str], list[Row], list[str]]]:
    """(title, lines under the title, rows, notes after) of each table."""
    found = []
    for block in flow.tables:
        rows = [row for grid in block.grids for row in table_rows(grid) if any(text for text, _ in row)]
        found.append((block.title.text, [line.text for line in block.before], rows, [piece.text for piece in block.after]))
    return found


Table = tuple[str, list[str], list[Row], list[str]]


@dataclass(frozen=True)
class Draft:
    """What the writers put out: (kind, text) paragraphs in print order, and the tables."""

    paragraphs: list[tuple[str, str]]
    tables: list[Table]


def _draft(source) -> Draft:  # noqa: ANN001 - a Draft, or a pdf Flow
    return source if isinstance(source, Draft) else Draft(paragraphs(source), tables(source))


# ---------------------------------------------------------------------------------- Word
def docx_bytes(source: Flow | Draft, with_text: bool = True, with_tables: bool = True) -> bytes:
    import docx

    draft = _draft(source)
    document = docx.Document()
    if with_text:
        for kind, text in draft.paragraphs:
            document.add_paragraph(text)
    if with_tables:
        for title, before, rows, after in draft.tables:
            document.add_paragraph(title)
            for line in before:
                document.add_paragraph(line)
            width = max(sum(span for _, span in row) for row in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                column = 0
                for text, span in row:
                    cell = table.cell(r, column)
                    if span > 1:
                        cell = cell.merge(table.cell(r, column + span - 1))
                    cell.text = text
                    column += span
            for line in after:
                document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------- Excel
def _number(text: str):  # noqa: ANN202 - a number as the software stores it, or the text
    value = amount(text)
    if value is None:
        return text or None, None
    places = -value.as_tuple().exponent if value.as_tuple().exponent < 0 else 0
    stored = float(value) if places else int(value)
    return stored, ("#,##0." + "0" * places) if places else "#,##0"


def xlsx_bytes(source: Flow | Draft) -> bytes:
    """One sheet per table: the title across the top, 编制部门 and 单位, the header rows as
    printed, the figures as numbers with the decimals they print."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for index, (title, before, rows, after) in enumerate(_draft(source).tables, start=1):
        sheet = book.create_sheet(f"表{index}")
        width = max(sum(span for _, span in row) for row in rows)
        sheet.cell(1, 1, title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        r = 2
        for line in before:
            sheet.cell(r, 1, line)
            r += 1
        for row in rows:
            column = 1
            for text, span in row:
                value, number_format = _number(text)
                cell = sheet.cell(r, column, value)
                if number_format:
                    cell.number_format = number_format
                if span > 1:
                    sheet.merge_cells(start_row=r, start_column=column, end_row=r, end_column=column + span - 1)
                column += span
            r += 1
        for line in after:
            sheet.cell(r, 1, line)
            r += 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------- web page
def html_bytes(source: Flow | Draft) -> bytes:
    draft = _draft(source)
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>report</title>",
             "<script>alert('never run')</script><style>p{}</style></head><body><div class='article'>"]
    for kind, text in draft.paragraphs:
        parts.append(f"<{kind}>{html.escape(text)}</{kind}>")
    for title, before, rows, after in draft.tables:
        parts.append(f"<p>{html.escape(title)}</p>")
        parts += [f"<p>{html.escape(line)}</p>" for line in before]
        parts.append("<table border='1'>")
        for row in rows:
            parts.append("<tr>" + "".join(
                f"<td{f' colspan={span}' if span > 1 else ''}>{html.escape(text)}</td>" for text, span in row) + "</tr>")
        parts.append("</table>")
        parts += [f"<p>{html.escape(line)}</p>" for line in after]
    parts.append("</div></body></html>")
    return "\n".join(parts).encode("utf-8")


def page_text(source: Flow | Draft) -> str:
    """The words only, as a portal's text version carries them: no tables."""
    return "\n".join(text for _, text in _draft(source).paragraphs) + "\n"


# ---------------------------------------------------------------------------------- a report's model
# The second source: a report as finrecon's model holds it (a sample's YAML), printed as the
# template prints it.  The header rows, row names and sentences below are the Shanghai district
# template's (shanghai-district-final-template-2024.pdf), written out as the final-accounts software
# and the compiler would: a fixture of the test, independent of the readers' own layout file.
CN = "一二三四五六七八九十"


def _ordinal(n: int) -> str:
    assert 1 <= n < 20
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def _fig(figure) -> str:  # noqa: ANN001 - a Figure or None: its value as printed, a blank cell for none
    return "" if figure is None or figure.value is None else str(figure.value)


def _budget(figure) -> str:  # noqa: ANN001
    return "" if figure is None or figure.budget is None else str(figure.budget)


def _cells(*texts: str) -> Row:
    return [(text, 1) for text in texts]


def _split_code(code: str, levels: int) -> list[str]:
    """201 / 20106 / 2010601 in the 类, 款, 项 columns as the tables print them (201 | 06 | 01)."""
    return [piece for piece in (code[:3], code[3:5], code[5:7])[:levels] if piece]


_CODED_HEAD = {  # the coded tables' value columns: (header as printed, row field)
    "income": [("本年收入合计", "total"), ("财政拨款收入", "appropriation"), ("上级补助收入", "superior_subsidy"), ("事业收入", "business"),
               ("经营收入", "operating"), ("附属单位上缴收入", "subordinate_remittance"), ("其他收入", "other")],
    "expenditure": [("本年支出合计", "total"), ("基本支出", "basic"), ("项目支出", "project"), ("上缴上级支出", "remit_to_superior"),
                    ("经营支出", "operating"), ("对附属单位补助支出", "subsidy_to_subordinate")],
    "general_budget": [("合计", "total"), ("基本支出", "basic"), ("项目支出", "project")],
    "government_fund": [("年初结转和结余", "opening_balance"), ("本年收入", "income"), ("小计", "expenditure"), ("基本支出", "basic"),
                        ("项目支出", "project"), ("年末结转和结余", "closing_balance")],
}
_CODED_HEAD["state_capital"] = _CODED_HEAD["government_fund"]


def _coded(table, key: str) -> list[Row]:  # noqa: ANN001 - a coded table of the model
    columns = _CODED_HEAD[key]
    width = len(columns)
    if key in ("government_fund", "state_capital"):
        head = [[("项目", 4), ("年初结转和结余", 1), ("本年收入", 1), ("本年支出", 3), ("年末结转和结余", 1)],
                [("支出功能分类科目编码", 3), ("科目名称", 1), ("", 1), ("", 1), ("小计", 1), ("基本支出", 1), ("项目支出", 1), ("", 1)]]
    else:
        head = [[("项目", 4)] + _cells(*(name for name, _ in columns)),
                [("支出功能分类科目编码", 3), ("科目名称", 1)] + _cells(*[""] * width)]
    rows = head + [_cells("类", "款", "项", "") + _cells(*[""] * width)]
    total = getattr(table, "total", None)
    rows.append([("合计", 4)] + _cells(*(_fig(getattr(total, field, None)) for _, field in columns)))
    for row in table.rows:
        code = _split_code(row.code, 3)
        rows.append(_cells(*code, *[""] * (3 - len(code)), row.name) + _cells(*(_fig(getattr(row, field, None)) for _, field in columns)))
    return rows


_SUMMARY_INCOME = [("一般公共预算财政拨款收入", "general_budget"), ("政府性基金预算财政拨款收入", "government_fund"),
                   ("国有资本经营预算财政拨款收入", "state_capital"), ("上级补助收入", "superior_subsidy"), ("事业收入", "business"),
                   ("经营收入", "operating"), ("附属单位上缴收入", "subordinate_remittance"), ("其他收入", "other")]


def _sides(left: list[Row], right: list[Row]) -> list[Row]:
    """Two halves side by side, the shorter padded with blank rows above its closing rows."""
    lw, rw = len(left[0]), len(right[0])
    size = max(len(left), len(right))
    return [(left[i] if i < len(left) else _cells(*[""] * lw)) + (right[i] if i < len(right) else _cells(*[""] * rw)) for i in range(size)]


def _summary(table) -> list[Row]:  # noqa: ANN001
    income, spent = table.income, table.expenditure
    left = [_cells(f"{_ordinal(n)}、{name}", _fig(getattr(income, field))) for n, (name, field) in enumerate(_SUMMARY_INCOME, 1)]
    right = [_cells(f"{_ordinal(n)}、{row.name}", _fig(row.amount)) for n, row in enumerate(spent.by_class, 1)]
    pad = max(len(left), len(right))
    left += [_cells("", "")] * (pad - len(left))
    right += [_cells("", "")] * (pad - len(right))
    left += [_cells("本年收入合计", _fig(income.total)), _cells("使用非财政拨款结余", _fig(income.non_appropriation_balance_used)),
             _cells("年初结转和结余", _fig(income.opening_balance)), _cells("总计", _fig(income.grand_total))]
    right += [_cells("本年支出合计", _fig(spent.total)), _cells("结余分配", _fig(spent.balance_distribution)),
              _cells("年末结转和结余", _fig(spent.closing_balance)), _cells("总计", _fig(spent.grand_total))]
    return [[("收入", 2), ("支出", 2)], _cells("项目", "决算数", "项目", "决算数")] + _sides(left, right)


_FUNDS = [("一般公共预算财政拨款", "general_budget"), ("政府性基金预算财政拨款", "government_fund"), ("国有资本经营预算财政拨款", "state_capital")]


def _by_fund(name: str, figures) -> Row:  # noqa: ANN001 - a ByFund (合计 and each fund) or None
    return _cells(name, _fig(getattr(figures, "total", None)), *(_fig(getattr(figures, field, None)) for _, field in _FUNDS))


def _appropriation(table) -> list[Row]:  # noqa: ANN001
    left = [_cells(f"{_ordinal(n)}、{name}", _fig(getattr(table.income, field))) for n, (name, field) in enumerate(_FUNDS, 1)]
    right = [_by_fund(f"{_ordinal(n)}、{row.name}", row) for n, row in enumerate(table.by_class, 1)]
    pad = max(len(left), len(right))
    left += [_cells("", "")] * (pad - len(left))
    right += [_cells(*[""] * 5)] * (pad - len(right))
    opening = table.opening_balance
    left += [_cells("本年收入合计", _fig(table.income.total)), _cells("年初财政拨款结转和结余", _fig(getattr(opening, "total", None)))]
    left += [_cells(f"{_ordinal(n)}、{name}", _fig(getattr(opening, field, None))) for n, (name, field) in enumerate(_FUNDS, 1)]
    left += [_cells("总计", _fig(table.income_grand_total))]
    right += [_by_fund("本年支出合计", table.expenditure), _by_fund("年末财政拨款结转和结余", table.closing_balance)]
    right += [_cells(*[""] * 5)] * 3 + [_by_fund("总计", table.expenditure_grand_total)]
    head = [[("收入", 2), ("支出", 5)], _cells("项目", "决算数", "项目", "合计", *(name for name, _ in _FUNDS))]
    return head + _sides(left, right)


def _basic(table) -> list[Row]:  # noqa: ANN001 - 人员经费 (301, 303) on the left, 公用经费 (302, 310 …) on the right
    half = [("经济分类科目编码", 2), ("科目名称", 1), ("决算数", 1)]
    def entry(row) -> Row:  # noqa: ANN001
        code = _split_code(row.code, 2)
        return _cells(*code, *[""] * (2 - len(code)), row.name, _fig(row.amount))
    left = [entry(row) for row in table.rows if row.code[:3] in ("301", "303")]
    right = [entry(row) for row in table.rows if row.code[:3] not in ("301", "303")]
    pad = max(len(left), len(right))
    left += [_cells("", "", "", "")] * (pad - len(left))
    right += [_cells("", "", "", "")] * (pad - len(right))
    closing = [[("人员经费合计", 3), (_fig(table.personnel_total), 1), ("公用经费合计", 3), (_fig(table.public_total), 1)]]
    return [half + half, _cells("类", "款", "", "", "类", "款", "", "")] + _sides(left, right) + closing


_THREE_PUBLIC = ["total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]


def _three_public(table) -> list[Row]:  # noqa: ANN001
    head = [
        [("财政拨款“三公”经费", 12)],
        [("合计", 2), ("因公出国（境）费", 2), ("公务用车购置及运行费", 6), ("公务接待费", 2)],
        [("", 2), ("", 2), ("小计", 2), ("公务用车购置费", 2), ("公务用车运行费", 2), ("", 2)],
        _cells(*["预算数", "决算数"] * 6),
    ]
    figures = [getattr(table, field) for field in _THREE_PUBLIC]
    return head + [_cells(*(text for figure in figures for text in (_budget(figure), _fig(figure))))]


TITLES = [  # the nine tables: model field, title as printed, rows of the model
    ("summary", "收入支出决算总表", _summary),
    ("income", "收入决算表", lambda table: _coded(table, "income")),
    ("expenditure", "支出决算表", lambda table: _coded(table, "expenditure")),
    ("appropriation", "财政拨款收入支出决算总表", _appropriation),
    ("general_budget", "一般公共预算财政拨款支出决算表", lambda table: _coded(table, "general_budget")),
    ("basic", "一般公共预算财政拨款基本支出决算表", _basic),
    ("three_public", "财政拨款“三公”经费支出决算表", _three_public),
    ("government_fund", "政府性基金预算财政拨款收入支出决算表", lambda table: _coded(table, "government_fund")),
    ("state_capital", "国有资本经营预算财政拨款收入支出决算表", lambda table: _coded(table, "state_capital")),
]


def model_tables(report) -> list[Table]:  # noqa: ANN001 - a Report
    found = []
    for field, title, rows in TITLES:
        table = getattr(report.tables, field, None)
        if table is None:
            continue
        before = ([f"编制部门：{table.compiler}"] if table.compiler else []) + [f"单位：{report.meta.money_unit}"]
        after = [table.empty_statement] if table.empty_statement else []
        found.append((title, before, rows(table), after))
    return found


# The 情况说明 in the template's sentences, each figure the model states put where the template
# prints it; what the model does not state is not written (no sentence, no heading).
_INCOME_NAMES = [("财政拨款收入", "appropriation"), ("一般公共预算财政拨款收入", "general_budget"), ("政府性基金预算财政拨款收入", "government_fund"),
                 ("国有资本经营预算财政拨款收入", "state_capital"), ("上级补助收入", "superior_subsidy"), ("事业收入", "business"),
                 ("经营收入", "operating"), ("附属单位上缴收入", "subordinate_remittance"), ("其他收入", "other")]
_EXPENDITURE_NAMES = [("基本支出", "basic"), ("项目支出", "project"), ("上缴上级支出", "remit_to_superior"), ("经营支出", "operating"),
                      ("对附属单位补助支出", "subsidy_to_subordinate")]
_THREE_NAMES = [("因公出国（境）费", "outbound"), ("公务用车购置及运行维护费", "vehicle"), ("公务接待费", "reception")]


def _money(value) -> str:  # noqa: ANN001
    return f"{value}万元"


def _change(figure) -> str:  # noqa: ANN001 - “减少56.95万元，下降1.87%” / “持平”
    if figure.change is None:
        return ""
    if figure.change == 0:
        return "持平"
    word, pct_word = ("增加", "增长") if figure.change > 0 else ("减少", "下降")
    pct = f"，{pct_word}{abs(figure.change_pct)}%" if figure.change_pct is not None else ""
    return f"{word}{_money(abs(figure.change))}{pct}"


def _reason(text: str | None, cue: str = "主要原因：") -> str:
    return "" if not text else (text if text.startswith(("与", "决算数")) else cue + text)


def _two_reasons(text: str | None) -> tuple[str, str]:
    """A figure's one ``reason`` as the template prints it in two places: why it changed (after the
    change, “主要原因：…”) and why the 决算 differs from the budget (“决算数小于预算数的主要原因：…”,
    after the budget).  The sample's YAML keeps both sentences, each with its cue, in one text."""
    change, budget = [], []
    for sentence in re.findall(r"[^。]+。?", text or ""):
        cue = re.match(r"(?P<cue>[^：。]*?)的?主要原因[：:](?P<body>.*)", sentence)
        if cue and "预算数" in cue.group("cue"):
            budget.append(sentence)
        else:
            change.append(cue.group("body") if cue else sentence)
    return "".join(change), "".join(budget)


def _parts_of(statement, names: list[tuple[str, str]]) -> str:  # noqa: ANN001 - “其中：X1万元，占P%；…”
    pieces = []
    for name, field in names:
        figure = getattr(statement, field, None)
        if figure is not None and figure.value is not None:
            pieces.append(f"{name}{_money(figure.value)}" + (f"，占{figure.share_pct}%" if figure.share_pct is not None else ""))
    return "其中：" + "；".join(pieces) + "。" if pieces else ""


def _against_budget(figure) -> str:  # noqa: ANN001 - an item's 决算 against its 年初预算, and why they differ
    said = f"年初预算为{_money(figure.budget)}，支出决算为{_money(figure.value)}。" if figure.budget is not None else ""
    if figure.reason and figure.budget is not None and figure.value != figure.budget and "持平" not in figure.reason:
        said += f"决算数{'小于' if figure.value < figure.budget else '大于'}预算数的主要原因：{figure.reason}"
    elif figure.reason:
        said += figure.reason
    return said


def model_paragraphs(report) -> list[tuple[str, str]]:  # noqa: ANN001 - a Report
    unit, year = report.meta.unit, report.meta.year
    last = f"与{year - 1}年度相比"
    n = report.narrative
    out: list[tuple[str, str]] = [("p", unit), ("p", f"{year}年度部门决算")]
    out.append(("h1", f"第三部分{unit}{year}年度部门决算情况说明"))
    numbered = iter(range(1, 20))

    def section(title: str, *paragraphs: str, level: str = "h2") -> None:
        said = [text for text in paragraphs if text]
        if said:
            out.append((level, f"{_ordinal(next(numbered))}、{title}" if level == "h2" else title))
            out.extend(("p", text) for text in said)

    if n.total is not None:
        t = n.total
        section("收入支出决算总体情况说明", f"{unit}{year}年度收入支出总计{_money(t.value)}。"
                + (f"{last}，收入支出总计{_change(t)}。" if t.change is not None else "") + _reason(t.reason))
    if n.income is not None:
        section("收入决算情况说明", f"本年收入合计{_money(n.income.total.value)}，" + _parts_of(n.income, _INCOME_NAMES))
    if n.expenditure is not None:
        section("支出决算情况说明", f"本年支出合计{_money(n.expenditure.total.value)}，" + _parts_of(n.expenditure, _EXPENDITURE_NAMES))
    if n.appropriation_total is not None:
        t = n.appropriation_total
        section("财政拨款收入支出决算总体情况说明", f"{unit}{year}年度财政拨款收入支出总计{_money(t.value)}。"
                + (f"{last}，财政拨款收入支出总计{_change(t)}。" if t.change is not None else "") + _reason(t.reason))
    if n.general_budget is not None:
        g, t = n.general_budget, n.general_budget.total
        out.append(("h2", f"{_ordinal(next(numbered))}、一般公共预算财政拨款支出决算情况说明"))
        out.append(("h3", "（一）一般公共预算财政拨款支出决算总体情况"))
        change_reason, budget_reason = _two_reasons(t.reason)
        out.append(("p", f"一般公共预算财政拨款支出{_money(t.value)}" + (f"，占本年支出合计的{t.share_pct}%" if t.share_pct is not None else "") + "。"
                    + (f"{last}，一般公共预算财政拨款支出{_change(t)}。" if t.change is not None else "") + _reason(change_reason)))
        if g.by_class:
            out.append(("h3", "（二）一般公共预算财政拨款支出决算结构情况"))
            out.append(("p", f"一般公共预算财政拨款支出{_money(t.value)}，主要用于以下方面："
                        + "；".join(f"{row.wording}{_money(row.value)}，占{row.share_pct}%" for row in g.by_class) + "。"))
        if g.items or t.budget is not None:
            out.append(("h3", "（三）一般公共预算财政拨款支出决算具体情况"))
            completion = f"，完成年初预算的{t.completion_pct}%" if t.completion_pct is not None else ""
            out.append(("p", f"一般公共预算财政拨款支出年初预算为{_money(t.budget)}，支出决算为{_money(t.value)}{completion}。{budget_reason}其中："))
            out.extend(("p", f"{i}、{item.wording}。" + _against_budget(item)) for i, item in enumerate(g.items, 1))
    if n.basic is not None:
        b = n.basic
        section("一般公共预算财政拨款基本支出决算情况说明", f"一般公共预算财政拨款基本支出{_money(b.total.value)}。"
                + _parts_of(b, [("人员经费", "personnel"), ("公用经费", "public")]))
    if n.three_public is not None:
        tp, t = n.three_public, n.three_public.total
        parts = []
        for name, field in _THREE_NAMES:
            f = getattr(tp, field)
            if f is not None:
                parts.append(f"{name}支出决算为{_money(f.value)}" + (f"，完成预算的{f.completion_pct}%" if f.completion_pct is not None else ""))
        against = (f"“三公”经费财政拨款支出年初预算为{_money(t.budget)}，支出决算为{_money(t.value)}"
                   + (f"，完成预算的{t.completion_pct}%" if t.completion_pct is not None else "") + "，其中：" + "；".join(parts) + "。")
        if t.reason and t.budget is not None and t.value != t.budget:
            against += f"{year}年度“三公”经费支出决算数{'小于' if t.value < t.budget else '大于'}预算数的主要原因：{t.reason}"
        changes = [f"{name}支出决算{_change(getattr(tp, field))}" for name, field in _THREE_NAMES if getattr(tp, field) is not None and getattr(tp, field).change is not None]
        compared = (f"{year}年度“三公”经费财政拨款支出决算数与{year - 1}年度{_change(t)}。" if t.change is not None else "") + ("其中：" + "；".join(changes) + "。" if changes else "")
        out.append(("h2", f"{_ordinal(next(numbered))}、财政拨款“三公”经费支出决算情况说明"))
        out.append(("h3", "（一）“三公”经费财政拨款支出决算总体情况说明。"))
        out.extend(("p", text) for text in (against, compared) if text)
    m = report.performance.management if report.performance is not None else None
    if m is not None:
        stages = "；".join(f"{name}的{year}年度项目{getattr(m, field).projects}个，涉及预算金额{_fig(getattr(m, field).amount)}万元"
                          for name, field in (("编报绩效目标", "targets"), ("绩效跟踪评价", "monitoring"), ("绩效自评", "self_assessment")))
        ratings = "；".join(f"绩效评级为“{name}”的项目{getattr(m.ratings, field)}个" for name, field in (("优", "excellent"), ("良", "good"), ("合格", "passed"), ("不合格", "failed")))
        section("预算绩效管理情况", f"{unit}{year}年度预算绩效管理工作开展情况如下：{stages}，平均得分{m.average_score}分（其中，{ratings}。"
                f"绩效自评中共发现问题{m.problems_found}个，已经完成整改的{m.problems_fixed}个，正在整改的{m.problems_in_progress}个）。")
    o = report.other
    if o is not None:
        out.append(("h2", f"{_ordinal(next(numbered))}、其他重要事项的情况说明"))
        if o.operating_costs is not None:
            c = o.operating_costs
            out.append(("h3", "（一）机关运行经费支出情况"))
            out.append(("p", f"机关运行经费支出{_money(c.value)}" + (f"，比{year - 1}年度{_change(c)}。" if c.change is not None else "。") + _reason(c.reason, "主要原因是")))
        if o.procurement is not None:
            pr = o.procurement
            v = {field: _fig(getattr(pr, field)) for field in type(pr).model_fields}
            out.append(("h3", "（二）政府采购支出情况"))
            out.append(("p", f"{unit}{year}年度政府采购金额（以合同签订为准）为{v['total']}万元，其中：货物采购金额{v['goods']}万元、工程采购金额{v['works']}万元、"
                        f"服务采购金额{v['services']}万元。{year}年度本部门面向中小企业预留政府采购项目预算金额{v['sme_reserved']}万元，面向小微企业预留政府采购项目预算金额"
                        f"{v['small_micro_reserved']}万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{v['sme_awarded_reserved']}万元；"
                        f"在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{v['small_micro_awarded_reserved']}万元；在其他政府采购项目中，"
                        f"由中小企业供应商中标或成交的，采购金额{v['sme_awarded_other']}万元。"))
        if o.assets is not None:
            out.append(("h3", "（三）国有资产占有使用情况说明"))
            out.append(("p", f"截至{year}年12月31日，{unit}共有车辆{o.assets.vehicles}辆。单价100万元（含）以上设备（不含车辆）{o.assets.equipment_over_1m}台（套）。"))
    return out


def model_draft(report) -> Draft:  # noqa: ANN001 - a Report (a sample's YAML, loaded)
    """The report a model holds, as a draft: the 情况说明's paragraphs and the nine tables."""
    return Draft(model_paragraphs(report), model_tables(report))


__all__ = ["Decimal", "Draft", "docx_bytes", "model_draft", "html_bytes", "page_text", "pdf_flow", "xlsx_bytes"]




# ------------------------------------------------------------------ a list numbered by Word, or <ol>
_NUMBERED = r"^\d{1,2}、(?P<words>.*（类）.*（项）.*)$"  # an item of 具体情况 as the PDF prints it


def list_numbered(flow: Flow) -> list[tuple[str, str]]:
    """(kind, text) as ``paragraphs``, the items numbered “1、” turned into items of a list ("li"):
    their number left to the list (Word's List Number style, an html <ol>), as a draft holds them."""
    import re

    out = []
    for kind, text in paragraphs(flow):
        match = re.match(_NUMBERED, text)
        out.append(("li", match.group("words")) if kind == "p" and match else (kind, text))
    return out


def docx_list_numbered_bytes(flow: Flow) -> bytes:
    """The text of a Word draft whose items are in Word's own list numbering (no number in the text)."""
    import docx

    document = docx.Document()
    for kind, text in list_numbered(flow):
        document.add_paragraph(text, style="List Number") if kind == "li" else document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_ol_bytes(flow: Flow) -> bytes:
    """A web page whose items are an <ol> (the browser numbers them, the text holds no number)."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>report</title></head><body>"]
    inside = False
    for kind, text in list_numbered(flow):
        if (kind == "li") != inside:
            parts.append("<ol>" if not inside else "</ol>")
            inside = not inside
        parts.append(f"<{kind}>{html.escape(text)}</{kind}>")
    parts.append("</ol></body></html>" if inside else "</body></html>")
    return "\n".join(parts).encode("utf-8")
