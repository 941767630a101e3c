"""What the 情况说明 of a Shanghai district 部门决算 says in its sentences, and where each figure goes.

The template is data: which heading is which section (``HEADINGS``, from the layout's
``narrative_sections``), and for each section the
statements its sentences make (``STATEMENTS``): a pattern, matched against the section's words
with spaces, line breaks and quotation marks removed (so “三公” is 三公, and ``(`` is ``（``), and
the tree path its figures go to.  Another template's wording is another table like this one.

A pattern's named groups are the figure's fields: ``value``, ``budget`` (年初预算),
``adjusted_budget`` (全年预算/调整预算), ``share_pct``, ``completion_pct``, ``prior`` and any other
field of the target (``outbound_groups``; ``targets__projects`` for a field of a field).  Some
groups say how to read the others:

* ``change`` / ``change_pct`` are signed by ``change_word`` / ``pct_word`` (减少, 下降 → negative);
  ``flat`` (持平) is a change of 0 with no percentage;
* ``completion_of`` says which budget a completion rate is of (年初预算, 全年预算, or just 预算);
* ``change_reason`` / ``budget_reason`` are the reasons given for a change or for 决算 ≠ 预算,
  with the direction word they state (``change_direction``/``budget_direction``, or the change's
  own word);
* ``wording`` and ``purpose`` are words, kept as printed; ``sentence`` keeps the whole sentence
  the match stands in (as a nil statement's ``text``).

A target may name the figure by a printed word (``{name}``, through ``names``), add an item to a
list for every match (``[+]``), or stand for the item the section is numbered into (``[]``: see
``ITEMS``).  ``fixed`` gives what a statement says without printing it (the subject of a nil
statement).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping



@dataclass(frozen=True)
class Statement:
    """One thing a section's sentences say: a pattern and where its figures go."""

    sections: tuple[str, ...]
    pattern: str
    target: str
    names: Mapping[str, str] = field(default_factory=dict)
    fixed: Mapping[str, str] = field(default_factory=dict)
    every: bool = False  # every match (a list of like clauses), not only the first


# --------------------------------------------------------------------------- how things are printed
# A number as printed — 2940.05, 2,940.05, 6.2, 0 — whole, never the tail of a longer one, and no
# longer than a report prints (as YAML numbers, at most 40 characters).
_A = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,10})?(?![\d.])"
START = r"(?<![^：；，。、])"  # at the start of a clause (keeps list patterns linear)


def amount(name: str) -> str:
    """An amount in 万元 (“2940.05万元”; “3.5万” where the template drops the 元)."""
    return rf"(?P<{name}>{_A})万元?"


def pct(name: str) -> str:
    return rf"(?P<{name}>{_A})%"


def count(name: str) -> str:
    return rf"(?<![\d.,])(?P<{name}>\d{{1,9}})(?![\d.])"


def alternatives(names: Mapping[str, str]) -> str:
    """The printed names of ``names`` as one alternation, longest first (一般公共预算财政拨款收入
    before 财政拨款收入)."""
    return "|".join(sorted(names, key=len, reverse=True))


YEAR = r"(?:比|与|较)(?:\d{4}年度?|上年度?|上一年度?)(?:相比|比较)?，?"
CHANGE = (
    rf"(?:(?P<change_word>增加|减少)了?{amount('change')}(?:，(?P<pct_word>增长|下降)了?{pct('change_pct')})?"
    r"|(?P<flat>(?:基本)?持平))"
)
CHANGE_REASON = r"(?:[。，；]?其?主要原因(?:是|为|如下)?：?(?P<change_reason>[^。]*[^。：]))?"
BUDGET_REASON = r"决算数?(?P<budget_direction>大于|小于|等于)预算数?的?主要原因(?:是|为|如下)?：?(?P<budget_reason>[^。]*[^。：])"
BUDGET_FLAT = r"(?P<budget_reason>决算数?与预算数?(?P<budget_direction>(?:基本)?持平|相等|一致))"
COMPLETION = rf"完成(?P<completion_of>年初预算|全年预算|调整预算|预算)(?:数)?的?{pct('completion_pct')}"


def budget_statements(sections: tuple[str, ...], target: str) -> list[Statement]:
    """“年初预算为B万元，支出决算为X万元，完成年初预算的C%。决算数小于预算数的主要原因：…”"""
    return [
        Statement(sections, rf"年初预算(?:数)?为{amount('budget')}", target),
        Statement(sections, rf"(?:全年|调整)预算(?:数)?为{amount('adjusted_budget')}", target),
        Statement(sections, rf"(?:支出)?决算(?:数)?为{amount('value')}", target),
        Statement(sections, COMPLETION, target),
        Statement(sections, BUDGET_REASON, target),
        Statement(sections, BUDGET_FLAT, target),
    ]


# --------------------------------------------------------------------------- the sections
# Which part states the narrative (第三部分 …决算情况说明) and which heading starts which of its
# sections are the template's: its ``narrative_part`` and ``narrative_sections``.

# Sections numbered into items (“1、…（项）。主要用于：…”): the list each item goes to, and where an
# item starts (at the start of a paragraph, or after a full stop when they are pasted as one).
ITEMS: dict[str, tuple[str, str]] = {
    "general_budget_items": ("narrative.general_budget.items", r"(?<![^。：；])\d{1,3}[、.](?!\d)"),
}

# A list whose items name a 科目: the code's length and whether the wording walks 类 → 款 → 项.
CODED: dict[str, int] = {
    "narrative.general_budget.by_class": 3,
    "narrative.general_budget.items": 7,
}

_INCOME = {
    "财政拨款收入": "appropriation",
    "一般公共预算财政拨款收入": "general_budget",
    "政府性基金预算财政拨款收入": "government_fund",
    "国有资本经营预算财政拨款收入": "state_capital",
    "上级补助收入": "superior_subsidy",
    "事业收入": "business",
    "经营收入": "operating",
    "附属单位上缴收入": "subordinate_remittance",
    "其他收入": "other",
}
_EXPENDITURE = {
    "基本支出": "basic",
    "项目支出": "project",
    "上缴上级支出": "remit_to_superior",
    "经营支出": "operating",
    "对附属单位补助支出": "subsidy_to_subordinate",
}
_BASIC = {"人员经费": "personnel", "公用经费": "public"}
_THREE_PUBLIC = {
    "因公出国（境）费": "outbound",
    "公务用车购置及运行维护费": "vehicle",
    "公务用车购置及运行费": "vehicle",
    "公务接待费": "reception",
}
_PROCUREMENT = {"货物": "goods", "工程": "works", "服务": "services"}
_RATINGS = {"优": "excellent", "良": "good", "合格": "passed", "不合格": "failed"}
_STAGES = {"编报绩效目标": "targets", "绩效跟踪评价": "monitoring", "绩效跟踪": "monitoring", "绩效自评": "self_assessment"}


def _share(of: str = "") -> str:
    """“，占15.16%” or “，占本年支出合计的100.00%”: a share of the total the figure is counted in
    (a share that names another base is not read)."""
    named = f"(?:{of}的?)?" if of else ""
    return rf"(?:，占{named}{pct('share_pct')})?"


def _nil(subject: str, about: str, section: str) -> Statement:
    """“…2024年度无政府性基金预算财政拨款收入和支出。”: the sentence as printed, and what it is about."""
    # (not the template's instruction “无…支出的部门，作下述说明：”)
    return Statement((section,), rf"(?P<sentence>无{subject})(?!的)", "narrative.nil_statements[+]", fixed={"about": about})


T = "narrative.three_public"
STATEMENTS: tuple[Statement, ...] = (
    # 一、收入支出决算总体情况说明
    Statement(("total",), rf"收入支出总计{amount('value')}", "narrative.total"),
    Statement(("total",), rf"{YEAR}(?:收入支出总计)?{CHANGE}{CHANGE_REASON}", "narrative.total"),
    # 二、收入决算情况说明
    Statement(("income",), rf"本年收入合计{amount('value')}", "narrative.income.total"),
    Statement(
        ("income",), rf"{START}(?:其中：)?(?P<name>{alternatives(_INCOME)}){amount('value')}{_share('本年收入合计')}",
        "narrative.income.{name}", names=_INCOME, every=True,
    ),
    # 三、支出决算情况说明
    Statement(("expenditure",), rf"本年支出合计{amount('value')}", "narrative.expenditure.total"),
    Statement(
        ("expenditure",), rf"{START}(?:其中：)?(?P<name>{alternatives(_EXPENDITURE)}){amount('value')}{_share('本年支出合计')}",
        "narrative.expenditure.{name}", names=_EXPENDITURE, every=True,
    ),
    # 四、财政拨款收入支出决算总体情况说明
    Statement(("appropriation_total",), rf"财政拨款收入支出总计{amount('value')}", "narrative.appropriation_total"),
    Statement(("appropriation_total",), rf"{YEAR}(?:财政拨款收入支出总计)?{CHANGE}{CHANGE_REASON}", "narrative.appropriation_total"),
    # 五（一）总体情况: the total, its share of 本年支出合计 and its change
    Statement(("general_budget",), rf"一般公共预算财政拨款支出{amount('value')}{_share('本年支出合计')}", "narrative.general_budget.total"),
    Statement(("general_budget",), rf"{YEAR}(?:一般公共预算财政拨款支出)?{CHANGE}{CHANGE_REASON}", "narrative.general_budget.total"),
    # 五（二）结构情况: “一般公共服务支出（类）2106.66万元，占71.73%；…”
    Statement(("general_budget_by_class",), rf"一般公共预算财政拨款支出{amount('value')}", "narrative.general_budget.total"),
    Statement(
        ("general_budget_by_class",),
        rf"{START}(?:主要用于以下方面：|其中：)?(?P<wording>[^：；，。、\d]{{2,40}}（类）){amount('value')}{_share()}",
        "narrative.general_budget.by_class[+]", every=True,
    ),
    # 五（三）具体情况: the total against its budget, then each 项
    *budget_statements(("general_budget_items",), "narrative.general_budget.total"),
    Statement(("general_budget_items",), r"^\d{1,3}[、.](?P<wording>[^。]{2,120}?)(?:。|主要用于)", "narrative.general_budget.items[]"),
    Statement(("general_budget_items",), r"主要用于：?(?P<purpose>[^。]*[^。：])", "narrative.general_budget.items[]"),
    *budget_statements(("general_budget_items",), "narrative.general_budget.items[]"),
    # 六、基本支出: 人员经费 and 公用经费
    Statement(("basic",), rf"一般公共预算财政拨款基本支出{amount('value')}", "narrative.basic.total"),
    Statement(("basic",), rf"{START}(?:其中：)?(?P<name>{alternatives(_BASIC)}){amount('value')}", "narrative.basic.{name}", names=_BASIC, every=True),
    # 七（一）“三公”经费 against the budget, each of the three, then against last year
    Statement(("three_public",), rf"三公经费(?:财政拨款)?支出年初预算(?:数)?为{amount('budget')}", f"{T}.total"),
    Statement(("three_public",), rf"三公经费(?:财政拨款)?支出(?:全年|调整)预算(?:数)?为{amount('adjusted_budget')}", f"{T}.total"),
    Statement(("three_public",), rf"预算(?:数)?为{_A}万元?，支出决算(?:数)?为{amount('value')}(?:，{COMPLETION})?", f"{T}.total"),
    Statement(
        ("three_public",), rf"{START}(?:其中：)?(?P<name>{alternatives(_THREE_PUBLIC)})(?:支出)?决算(?:数)?为{amount('value')}(?:，{COMPLETION})?",
        f"{T}.{{name}}", names=_THREE_PUBLIC, every=True,
    ),
    Statement(("three_public",), rf"三公经费(?:财政拨款)?支出{BUDGET_REASON}", f"{T}.total"),
    Statement(("three_public",), rf"三公经费财政拨款支出决算数?{YEAR}{CHANGE}", f"{T}.total"),
    Statement(
        ("three_public",), rf"{START}(?:其中：)?(?P<name>{alternatives(_THREE_PUBLIC)})支出决算{CHANGE}",
        f"{T}.{{name}}", names=_THREE_PUBLIC, every=True,
    ),
    Statement(
        ("three_public",), rf"(?P<name>{alternatives(_THREE_PUBLIC)})支出(?P<change_direction>减少|增加)的主要原因(?:是|为)?：?(?P<change_reason>[^。]*[^。：])",
        f"{T}.{{name}}", names=_THREE_PUBLIC, every=True,
    ),
    # 七（二）具体情况: shares of the total, each one's money and counts
    Statement(
        ("three_public_detail",), rf"{START}(?:其中：|决算中，)?(?P<name>{alternatives(_THREE_PUBLIC)})支出决算{amount('value')}{_share()}",
        f"{T}.{{name}}", names=_THREE_PUBLIC, every=True,
    ),
    Statement(
        ("three_public_detail",), rf"{START}\d{{1,2}}[、.](?P<name>{alternatives(_THREE_PUBLIC)})支出{amount('value')}",
        f"{T}.{{name}}", names=_THREE_PUBLIC, every=True,
    ),
    Statement(("three_public_detail",), rf"团组{count('outbound_groups')}个[，、]?(?:累计|共)?{count('outbound_people')}人次", T),
    Statement(("three_public_detail",), rf"公务用车购置(?:费)?支出(?:为)?{amount('value')}", f"{T}.vehicle_purchase"),
    Statement(("three_public_detail",), rf"购置(?:公务用车|车辆){count('vehicles_purchased')}辆", T),
    Statement(("three_public_detail",), rf"公务用车运行维护(?:费)?支出(?:为)?{amount('value')}", f"{T}.vehicle_operation"),
    Statement(("three_public_detail",), rf"公务用车保有量为?{count('vehicles_owned')}辆", T),
    Statement(("three_public_detail",), rf"国内公务接待(?:费)?支出(?:为)?{amount('value')}", f"{T}.domestic_reception"),
    Statement(("three_public_detail",), rf"含外宾接待(?:费)?支出(?:为)?{amount('value')}", f"{T}.domestic_foreign_reception"),
    Statement(("three_public_detail",), rf"接待{count('domestic_reception_batches')}批次[，、]{count('domestic_reception_people')}人次", T),
    _nil("三公经费财政拨款支出", "three_public", "three_public_detail"),
    # 八、九 政府性基金 / 国有资本经营
    Statement(("government_fund",), rf"政府性基金预算财政拨款(?:收入{_A}万元?，)?支出(?:收入)?{amount('value')}", "narrative.government_fund_expenditure"),
    _nil("政府性基金预算财政拨款(?:收入和)?支出", "government_fund", "government_fund"),
    Statement(("state_capital",), rf"国有资本经营预算财政拨款(?:收入{_A}万元?，)?支出(?:收入)?{amount('value')}", "narrative.state_capital_expenditure"),
    _nil("国有资本经营预算财政拨款(?:收入和)?支出", "state_capital", "state_capital"),
    # 十、预算绩效管理情况
    Statement(
        ("performance",), rf"(?P<name>{alternatives(_STAGES)})的(?:\d{{4}}年度)?项目{count('projects')}个，涉及预算金额{amount('amount')}",
        "performance.management.{name}", names=_STAGES, every=True,
    ),
    Statement(("performance",), rf"平均得分(?P<average_score>{_A})分", "performance.management"),
    Statement(("performance",), rf"评级为(?P<name>{alternatives(_RATINGS)})的项目{count('value')}个", "performance.management.ratings.{name}", names=_RATINGS, every=True),
    Statement(("performance",), rf"发现问题{count('problems_found')}个", "performance.management"),
    Statement(("performance",), rf"(?:已经|已)完成整改的?{count('problems_fixed')}个", "performance.management"),
    Statement(("performance",), rf"正在整改的?{count('problems_in_progress')}个", "performance.management"),
    # 十一（一）机关运行经费
    Statement(("operating_costs",), rf"机关运行经费(?:支出)?{amount('value')}(?:，{YEAR}{CHANGE}{CHANGE_REASON})?", "other.operating_costs"),
    _nil("机关运行经费支出", "operating_costs", "operating_costs"),
    # 十一（二）政府采购
    Statement(("procurement",), rf"政府采购(?:支出)?(?:总)?金额(?:（以合同签订为准）)?为?{amount('value')}", "other.procurement.total"),
    Statement(("procurement",), rf"(?P<name>{alternatives(_PROCUREMENT)})采购(?:金额)?{amount('value')}", "other.procurement.{name}", names=_PROCUREMENT, every=True),
    Statement(("procurement",), rf"面向中小企业预留(?:政府采购)?项目(?:预算)?金额{amount('value')}", "other.procurement.sme_reserved"),
    Statement(("procurement",), rf"面向小微企业预留(?:政府采购)?项目(?:预算)?金额{amount('value')}", "other.procurement.small_micro_reserved"),
    Statement(
        ("procurement",), rf"面向中小企业预留的?(?:政府采购)?项目中，?由中小企业供应商中标或成交的?，?采购金额{amount('value')}",
        "other.procurement.sme_awarded_reserved",
    ),
    Statement(
        ("procurement",), rf"面向小微企业预留的?(?:政府采购)?项目中，?由小微企业供应商中标或成交的?，?采购金额{amount('value')}",
        "other.procurement.small_micro_awarded_reserved",
    ),
    Statement(
        ("procurement",), rf"其他(?:政府采购)?项目中，?由中小企业供应商中标或成交的?，?采购金额{amount('value')}",
        "other.procurement.sme_awarded_other",
    ),
    # 十一（三）国有资产
    Statement(("assets",), rf"共有车辆{count('vehicles')}辆", "other.assets"),
    Statement(("assets",), rf"单价100万元（含）以上设备（不含车辆）{count('equipment_over_1m')}台", "other.assets"),
    Statement(("assets",), rf"单价50万元以上通用设备{count('general_equipment_over_500k')}台", "other.assets"),
    Statement(("assets",), rf"单价100万元以上专用设备{count('special_equipment_over_1m')}台", "other.assets"),
)

# The statements of each kind of report (``meta.kind``); a budget's 预算编制说明 is another table.
TEMPLATES: dict[str, tuple[Statement, ...]] = {"final": STATEMENTS}
