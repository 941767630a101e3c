"""The words of a report: cover, contents, every heading and paragraph, in print order.

Every word has a place: what the PDF reader reads, and what a YAML user pastes, lands here, and
the wording rules read it from here.  The figures the 情况说明 states in its sentences are read
from these paragraphs into ``narrative`` (unless the report gives them there itself).
"""

from typing import Literal

from .figure import Amount, Count, Field, Percent, Strict

MAX_PARAGRAPH = 10_000  # characters: a longer paragraph is no sentence of a report, and its figures are not read


class Section(Strict):
    """A heading and what is printed under it: paragraphs, then subsections, in print order."""

    heading: str = Field(title="标题", en="heading", description="as printed, with its number: 一、收入决算情况说明")
    paragraphs: list[str] = Field(default_factory=list, title="段落", en="paragraphs", description="each paragraph as printed, in order")
    sections: list["Section"] = Field(default_factory=list, title="下级标题", en="subsections")


class Cover(Strict):
    """The cover: whose report it is and what it is called."""

    unit: str | None = Field(None, title="封面单位名称", en="unit on the cover", description="the unit's name as the cover prints it")
    title: str | None = Field(None, title="封面标题", en="title on the cover", description="e.g. 2024年度部门决算")
    lines: list[str] = Field(default_factory=list, title="封面其他文字", en="other lines of the cover")


class Unit(Strict):
    """One unit of the department (部门决算单位构成 / 机构设置)."""

    name: str = Field(title="单位名称", en="unit name")
    note: str | None = Field(None, title="备注", en="note", description="e.g. 预算不单列，并入本级")


class WorkFigure(Strict):
    """A figure the 部门概况 states of the year's work (“送去慰问金3.2万元”, “提案办复率均达100%”,
    “占委员提案总数的62.5%”): what it is of, in the report's words, and the amount or rate.  It is
    the department's account of its work, not of its accounts: no rule checks it."""

    wording: str = Field(title="所述事项", en="what it is of", description="the words before the figure, as printed (慰问金, 社会资金, 办复率)")
    amount: Amount | None = Field(None, title="金额（万元）", en="amount")
    rate_pct: Percent | None = Field(None, title="比率（%）", en="rate (%)")


class Organisation(Strict):
    """Which units the report covers, and of what kind they are."""

    units: list[Unit] = Field(default_factory=list, title="单位构成", en="units")
    administrative: Count | None = Field(None, title="行政单位（家）", en="administrative units")
    civil_service_managed: Count | None = Field(None, title="参照公务员法管理事业单位（家）", en="institutions managed as civil service")
    public_institutions: Count | None = Field(None, title="其他事业单位（家）", en="other public institutions")
    work: list[WorkFigure] = Field(
        default_factory=list, title="主要工作所述数字", en="figures of the year's work", description="部门概况: amounts and rates it states of the work done"
    )


class Text(Strict):
    """The report's words in print order: cover, contents and the parts with their sections."""

    cover: Cover | None = Field(None, title="封面", en="cover")
    contents: list[str] = Field(default_factory=list, title="目录", en="contents", description="each line of the contents, as printed")
    parts: list[Section] = Field(default_factory=list, title="正文", en="parts", description="第一部分 … 第四部分, each with its sections")


class RepeatedPage(Strict):
    """A page that prints exactly what an earlier page prints — or, ``untitled``, another page's
    body without that page's title (compared on the text without spaces)."""

    page: Count = Field(title="页码", en="page")
    same_as: Count = Field(title="与之相同的页码", en="same as page")
    untitled: bool = Field(False, title="缺标题的重复", en="repeated without its title", description="the page repeats the body of page same_as, not its title")


class PageText(Strict):
    """Text on a page, as the reader found it."""

    page: Count = Field(title="页码", en="page")
    text: str = Field(title="文字", en="text")


class Unread(PageText):
    """What the reader could not read on a page, and why: figures it could not place in a known row
    and column (``figures``), a table head unlike the template's (``header``), a page drawn
    with more lines or cells than it reads (``drawing``), or a table an input without tables does
    not carry (``absent``: a page text or web page with only the 情况说明), or a table a page text
    printed without its blank cells whose figures were placed by the table's column sums
    (``summed``: read, and no sum over it checked, since the reading assumed them)."""

    kind: Literal["figures", "header", "drawing", "absent", "summed"] = Field("figures", title="原因", en="why")
    unknown: list[str] = Field(
        default_factory=list, title="因此未知的数字", en="figures left unknown",
        description="where this leaves a figure unknown, as report paths: a figure (tables.summary.income.other), "
        "a list (tables.income.rows) or a whole table (tables.income) — a figure absent there is unknown, not a blank (0); "
        "a path ending in .* (tables.summary.*): a figure that could not be placed anywhere in it, so that no sum over it is known; "
        "no identity is evaluated over an unknown; "
        "two paths joined by = (budget.tables.income.total.appropriation=budget.tables.summary.income.appropriation): the reader placed the first "
        "figure by assuming it equals the second, so no identity with both as terms is evaluated",
    )
    place: str | None = Field(None, title="位置", en="place", description="where a Word, Excel or web page prints it, in no language (表3!A1, paragraph 40, table 2 row 4); else the page says it")
    path: str | None = Field(None, title="表格路径", en="table path", description="the table not read (or, kind absent, not carried by this input), e.g. tables.summary")
    reason: str | None = Field(
        None, title="原因说明", en="reason",
        description="why, as finrecon words it in the run's language: a message key (unread.figures, unread.header, unread.summed, unread.form, media.formula) filled with reason_args; text is then what is printed (the table's title, the cell)",
    )
    reason_args: dict[str, int | str] = Field(default_factory=dict, title="原因参数", en="reason arguments", description="the numbers and names the reason's message is filled with")
    printed: str | None = Field(None, title="原文", en="printed", description="what the page prints there, as printed (the first row not read): the finding's excerpt")


class Printed(Strict):
    """What only the printed PDF shows: its pages, and what the reader could not read."""

    pages: Count = Field(title="页数", en="pages")
    empty_pages: list[Count] = Field(default_factory=list, title="空白页", en="blank pages")
    repeated_pages: list[RepeatedPage] = Field(default_factory=list, title="重复页", en="repeated pages")
    off_page: list[PageText] = Field(default_factory=list, title="超出页面的文字", en="text off the page", description="glyphs outside the page box: read, but never shown")
    unread: list[Unread] = Field(default_factory=list, title="无法读取的表格内容", en="table content not read", description="what the reader could not read, and why")
    repeated_tables: list[PageText] = Field(
        default_factory=list, title="重复印出的表格", en="tables printed twice", description="a table whose title is printed again: the second printing is not read"
    )
    other_reports: list[PageText] = Field(
        default_factory=list, title="同一文件中的其他报告", en="other reports in the file",
        description="the cover of another report bound after this one: from that page on, nothing is read",
    )
