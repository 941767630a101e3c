"""预算绩效: project performance tables and the self-assessment conclusions a report states."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from .figure import Amount, Field, Percent, Strict
from .tables import ByFund


def _text(value: Any) -> Any:
    """Indicator values are texts (“大于5次”); a bare number keeps its printed form."""
    if isinstance(value, Decimal):
        return str(value)
    return value


IndicatorText = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number"]})]


class Indicator(Strict):
    """One row of a 项目绩效目标完成情况表."""

    level1: str = Field(title="一级指标", en="level-1 indicator")
    level2: str = Field(title="二级指标", en="level-2 indicator")
    level3: str = Field(title="三级指标", en="level-3 indicator")
    target: IndicatorText = Field(title="预期指标值", en="target")
    actual: IndicatorText = Field(title="实际完成指标值", en="actual")


class Project(Strict):
    """A project's performance table: money, goals, indicators and the conclusions stated for it."""

    name: str = Field(title="项目名称", en="project name")
    unit: str | None = Field(None, title="预算单位", en="budget unit")
    budget: Amount = Field(title="预算数", en="budget")
    executed: Amount = Field(title="执行数", en="executed")
    execution_rate_pct: Percent | None = Field(None, title="预算执行率（%）", en="execution rate (%)", description="as stated")
    appropriation_budget: Amount | None = Field(None, title="其中-财政拨款（预算）", en="of which appropriation (budget)")
    appropriation_executed: Amount | None = Field(None, title="其中-财政拨款（执行）", en="of which appropriation (executed)")
    other_budget: Amount | None = Field(None, title="其它资金（预算）", en="other funds (budget)")
    other_executed: Amount | None = Field(None, title="其它资金（执行）", en="other funds (executed)")
    goal: str | None = Field(None, title="年度预期目标", en="annual goal")
    goal_result: str | None = Field(None, title="年度目标实际完成", en="annual goal achieved")
    indicators: list[Indicator] = Field(default_factory=list, title="绩效指标", en="indicators")
    conclusions: list[str] = Field(
        default_factory=list, title="自评结论", en="self-assessment conclusions", description="claims as stated, e.g. “无偏离绩效目标的情况”"
    )


class Performance(Strict):
    """预算绩效管理情况 and the attached self-assessments."""

    appropriation_income: ByFund | None = Field(None, title="部门财政资金收入", en="department appropriation income")
    appropriation_expenditure: ByFund | None = Field(None, title="部门财政资金支出", en="department appropriation expenditure")
    conclusions: list[str] = Field(default_factory=list, title="部门整体自评结论", en="department self-assessment conclusions")
    projects: list[Project] = Field(default_factory=list, title="项目", en="projects")
