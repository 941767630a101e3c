"""预算绩效: project performance tables and the self-assessment conclusions a report states."""

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from .figure import Amount, Count, Field, Figure, Percent, Strict
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
    actual: IndicatorText | None = Field(
        None, title="实际完成指标值", en="actual", description="not there where the form prints none (a 绩效目标申报表 states targets only)"
    )
    comparison: str | None = Field(None, title="比较", en="comparison", description="the target's comparison as printed: “≥” of “≥90.00(%)”")
    target_number: Decimal | None = Field(None, title="预期指标值（数）", en="target number", description="the one number a target prints, as read")
    actual_number: Decimal | None = Field(None, title="实际完成指标值（数）", en="actual number", description="the one number an actual prints, as read")


class ProjectFunds(Strict):
    """项目资金 of a 项目绩效目标申报表: the project's whole money and what is requested for the year,
    each with its parts, in the form's own unit (元)."""

    money_unit: str | None = Field(None, title="金额单位", en="money unit", description="the form's unit: （元）")
    total: Figure | None = Field(None, title="项目资金总额", en="project funds in total")
    total_appropriation: Figure | None = Field(None, title="其中：财政资金", en="of which appropriations")
    total_other: Figure | None = Field(None, title="其他资金（总额）", en="other funds (in total)")
    requested: Figure | None = Field(None, title="年度资金申请总额", en="funds requested for the year")
    appropriation: Figure | None = Field(None, title="其中：当年财政拨款", en="of which this year's appropriation")
    carried_over: Figure | None = Field(None, title="上年结转资金", en="carried over from last year")
    other: Figure | None = Field(None, title="其他资金（申请）", en="other funds (requested)")


class Project(Strict):
    """A project's performance table: money, goals, indicators and the conclusions stated for it —
    and what the text states of it (预算绩效管理情况's 综述, the annexed self-assessment report's
    资金计划、到位及使用情况).  A figure the report does not print is not there (``None``)."""

    name: str = Field(title="项目名称", en="project name")
    unit: str | None = Field(None, title="预算单位", en="budget unit")
    budget: Amount | None = Field(None, title="预算数", en="budget")
    executed: Amount | None = Field(None, title="执行数", en="executed")
    execution_rate_pct: Percent | None = Field(None, title="预算执行率（%）", en="execution rate (%)", description="as stated")
    arrived: Amount | None = Field(None, title="到位资金", en="funds arrived", description="资金到位: “该项目资金21.55万元全部到位”")
    paid: Amount | None = Field(None, title="已支付资金", en="funds paid", description="资金使用: “共计支付工作经费21.55万元”")
    paid_pct: Percent | None = Field(None, title="完成进度（%）", en="progress (%)", description="资金使用: “完成进度100%”, paid ÷ budget, as stated")
    appropriation_budget: Amount | None = Field(None, title="其中-财政拨款（预算）", en="of which appropriation (budget)")
    appropriation_executed: Amount | None = Field(None, title="其中-财政拨款（执行）", en="of which appropriation (executed)")
    other_budget: Amount | None = Field(None, title="其它资金（预算）", en="other funds (budget)")
    other_executed: Amount | None = Field(None, title="其它资金（执行）", en="other funds (executed)")
    funds: ProjectFunds | None = Field(None, title="项目资金", en="project funds", description="a 绩效目标申报表's money")
    goal: str | None = Field(None, title="年度预期目标", en="annual goal")
    goal_result: str | None = Field(None, title="年度目标实际完成", en="annual goal achieved")
    indicators: list[Indicator] = Field(default_factory=list, title="绩效指标", en="indicators")
    conclusions: list[str] = Field(
        default_factory=list, title="自评结论", en="self-assessment conclusions", description="claims as stated, e.g. “无偏离绩效目标的情况”"
    )


class StageCount(Strict):
    """Projects at one stage of performance management and the budget they cover."""

    projects: Count | None = Field(None, title="项目数（个）", en="projects")
    amount: Figure | None = Field(None, title="涉及预算金额", en="budget covered")


class Ratings(Strict):
    """How many self-assessed projects got each rating."""

    excellent: Count | None = Field(None, title="评级为“优”的项目（个）", en="projects rated excellent")
    good: Count | None = Field(None, title="评级为“良”的项目（个）", en="projects rated good")
    passed: Count | None = Field(None, title="评级为“合格”的项目（个）", en="projects rated pass")
    failed: Count | None = Field(None, title="评级为“不合格”的项目（个）", en="projects rated fail")


class PerformanceManagement(Strict):
    """预算绩效管理情况: projects and amounts per stage, the average score, the ratings, the problems found."""

    targets: StageCount | None = Field(None, title="编报绩效目标", en="performance targets set")
    monitoring: StageCount | None = Field(None, title="绩效跟踪评价", en="performance monitored")
    self_assessment: StageCount | None = Field(None, title="绩效自评", en="performance self-assessed")
    average_score: Percent | None = Field(None, title="平均得分（分）", en="average score")
    ratings: Ratings | None = Field(None, title="绩效评级", en="ratings")
    problems_found: Count | None = Field(None, title="发现问题（个）", en="problems found")
    problems_fixed: Count | None = Field(None, title="已完成整改（个）", en="problems fixed")
    problems_in_progress: Count | None = Field(None, title="正在整改（个）", en="problems being fixed")


class Performance(Strict):
    """预算绩效管理情况 and the attached self-assessments."""

    management: PerformanceManagement | None = Field(None, title="预算绩效管理情况", en="performance management")
    appropriation_income: ByFund | None = Field(None, title="部门财政资金收入", en="department appropriation income")
    appropriation_expenditure: ByFund | None = Field(None, title="部门财政资金支出", en="department appropriation expenditure")
    conclusions: list[str] = Field(default_factory=list, title="部门整体自评结论", en="department self-assessment conclusions")
    projects: list[Project] = Field(default_factory=list, title="项目", en="projects")
