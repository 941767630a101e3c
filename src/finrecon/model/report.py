"""A whole report — a 部门决算, or a 部门预算/单位预算 (``budget``): metadata, tables, narrative, performance, other matters, the words."""

from typing import Annotated, Literal

from pydantic import BaseModel, StrictBool

from .figure import Field, Figure, Stated, Strict
from .section import Section

from .budget import Budget
from .document import Organisation, Printed, Text
from .narrative import Narrative, OtherMatters
from .performance import Performance
from .unknown import NOTHING_UNKNOWN, Unknowns
from .tables import Tables


class Meta(Strict):
    """Who published the report, for which year, and how it prints its figures."""

    unit: str = Field(title="单位名称", en="reporting unit")
    year: int = Field(title="决算年度", en="financial year", ge=1990, le=2100)
    money_unit: Literal["万元", "元"] = Field("万元", title="金额单位", en="money unit")
    amount_decimals: int = Field(2, title="金额打印小数位", en="decimals printed for amounts", ge=0, le=6)
    percent_decimals: int = Field(2, title="百分比打印小数位", en="decimals printed for percentages", ge=0, le=6)
    region: str | None = Field(None, title="地区", en="region")
    template: str | None = Field(None, title="模板", en="template", description="e.g. sichuan, shanghai")
    source: str | None = Field(None, title="来源", en="source")
    kind: Literal["final", "budget"] = Field(
        "final", title="报告类型", en="report kind", description="final: 部门决算; budget: 部门预算/单位预算"
    )
    scope: Literal["department", "unit"] | None = Field(None, title="报告范围", en="scope", description="department: 部门; unit: 单位")
    all_units_administrative: StrictBool | None = Field(
        None,
        title="所属单位均为行政单位或参公事业单位", en="every unit administrative or managed as civil service",
        description="true when every unit the report covers is a 行政单位 or a 参照公务员法管理的事业单位 "
        "(部门决算单位构成): 机关运行经费 then equals 公用经费 (FR503); leave out when unknown",
    )


class Report(Strict):
    """A 部门决算 report as finrecon reads it. Every section is optional."""

    meta: Meta = Field(title="基本信息", en="report details")
    tables: Annotated[Tables | None, Section()] = Field(None, title="决算表", en="tables")
    narrative: Annotated[Narrative | None, Section()] = Field(None, title="情况说明", en="narrative")
    performance: Annotated[Performance | None, Section()] = Field(None, title="预算绩效", en="performance")
    other: Annotated[OtherMatters | None, Section()] = Field(None, title="其他重要事项", en="other matters")
    organisation: Annotated[Organisation | None, Section()] = Field(None, title="单位构成", en="units of the department")
    budget: Annotated[Budget | None, Section()] = Field(
        None, title="部门预算", en="budget", description="a budget's tables, 预算编制说明 and other matters (meta.kind: budget)"
    )
    text: Annotated[Text | None, Section()] = Field(None, title="文字", en="text", description="cover, contents, headings and paragraphs as printed")
    printed: Annotated[Printed | None, Section()] = Field(None, title="印刷版面", en="printed pages", description="what only the PDF shows (written by the PDF reader)")

    # ``bind_report`` stores what it collects in the instance ``__dict__`` (see the properties).

    @property
    def index(self) -> dict[str, Figure]:
        """Every figure by its path (as ``Figure.path`` spells it), once the report is bound."""
        return self.__dict__.get("_figures", {})

    def figure(self, path: str) -> Figure | None:
        """The figure at ``path``, once the report is bound."""
        return self.index.get(path)

    @property
    def numbers(self) -> dict[str, Stated]:
        """Every number the report prints by its path: each figure's value (``….total``) and what
        it states besides (``….total.budget``, ``….total.share_pct``)."""
        return self.__dict__.get("_numbers", {})

    @property
    def stating(self) -> list[Figure]:
        """The figures that state more than their value (a share, a change, a budget, a reason …)."""
        return self.__dict__.get("_stating", [])

    @property
    def texts(self) -> list[tuple[str, str]]:
        """Every text of the report (names, wordings, reasons, conclusions …) with its path."""
        return self.__dict__.get("_texts", [])

    @property
    def figure_texts(self) -> list[tuple[str, str, str]]:
        """What figures say in words, with their paths: (path, field, text) for each reason,
        purpose and uncoded 科目 wording (a coded one is checked against its code)."""
        return self.__dict__.get("_figure_texts", [])

    @property
    def not_read(self) -> frozenset[str]:
        """The paths of the tables (and parts) the reader could not read, or that the input does not
        carry (``printed.unread``): no rule concludes anything from them, not even that a blank is 0."""
        printed = getattr(self, "printed", None)
        return frozenset(item.path for item in printed.unread if item.path) if printed is not None else frozenset()

    @property
    def rows(self) -> list[BaseModel]:
        """Every table row that declares a row total and its parts (``ROW_TOTAL`` / ``ROW_PARTS``)."""
        return self.__dict__.get("_rows", [])

    @property
    def unknown(self) -> Unknowns:
        """Where the report prints a figure that could not be read or placed: an absent figure
        there is unknown, not a blank cell (0); see ``model/unknown.py``."""
        return self.__dict__.get("_unknown", NOTHING_UNKNOWN)
