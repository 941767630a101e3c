"""预算绩效: project performance tables and the self-assessment conclusions a report states."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from .figure import Amount, Count, Figure, Percent, Strict
from .tables import ByFund


def _text(value: Any) -> Any:
    """Indicator values are texts (“大于5次”); a bare number keeps its printed form."""
    if isinstance(value, Decimal):
        return str(value)
    return value


IndicatorText = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number"]})]


class Indicator(Strict):
    """One row of a 项目绩效目标完成情况表."""

    level1: str = Field(title="一级指标")
    level2: str = Field(title="二级指标")
    level3: str = Field(title="三级指标")
    target: IndicatorText = Field(title="预期指标值")
    actual: IndicatorText = Field(title="实际完成指标值")


class Project(Strict):
    """A project's performance table: money, goals, indicators and the conclusions stated for it."""

    name: str = Field(title="项目名称")
    unit: str | None = Field(None, title="预算单位")
    budget: Amount = Field(title="预算数")
    executed: Amount = Field(title="执行数")
    execution_rate_pct: Percent | None = Field(None, title="预算执行率（%）", description="as stated")
    appropriation_budget: Amount | None = Field(None, title="其中-财政拨款（预算）")
    appropriation_executed: Amount | None = Field(None, title="其中-财政拨款（执行）")
    other_budget: Amount | None = Field(None, title="其它资金（预算）")
    other_executed: Amount | None = Field(None, title="其它资金（执行）")
    goal: str | None = Field(None, title="年度预期目标")
    goal_result: str | None = Field(None, title="年度目标实际完成")
    indicators: list[Indicator] = Field(default_factory=list, title="绩效指标")
    conclusions: list[str] = Field(
        default_factory=list, title="自评结论", description="claims as stated, e.g. “无偏离绩效目标的情况”"
    )


class StageCount(Strict):
    """Projects at one stage of performance management and the budget they cover."""

    projects: Count | None = Field(None, title="项目数（个）")
    amount: Figure | None = Field(None, title="涉及预算金额")


class Ratings(Strict):
    """How many self-assessed projects got each rating."""

    excellent: Count | None = Field(None, title="评级为“优”的项目（个）")
    good: Count | None = Field(None, title="评级为“良”的项目（个）")
    passed: Count | None = Field(None, title="评级为“合格”的项目（个）")
    failed: Count | None = Field(None, title="评级为“不合格”的项目（个）")


class PerformanceManagement(Strict):
    """预算绩效管理情况: projects and amounts per stage, the average score, the ratings, the problems found."""

    targets: StageCount | None = Field(None, title="编报绩效目标")
    monitoring: StageCount | None = Field(None, title="绩效跟踪评价")
    self_assessment: StageCount | None = Field(None, title="绩效自评")
    average_score: Percent | None = Field(None, title="平均得分（分）")
    ratings: Ratings | None = Field(None, title="绩效评级")
    problems_found: Count | None = Field(None, title="发现问题（个）")
    problems_fixed: Count | None = Field(None, title="已完成整改（个）")
    problems_in_progress: Count | None = Field(None, title="正在整改（个）")


class Performance(Strict):
    """预算绩效管理情况 and the attached self-assessments."""

    management: PerformanceManagement | None = Field(None, title="预算绩效管理情况")
    appropriation_income: ByFund | None = Field(None, title="部门财政资金收入")
    appropriation_expenditure: ByFund | None = Field(None, title="部门财政资金支出")
    conclusions: list[str] = Field(default_factory=list, title="部门整体自评结论")
    projects: list[Project] = Field(default_factory=list, title="项目")
