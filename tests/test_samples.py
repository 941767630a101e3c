"""The real samples, end to end: every arithmetic discrepancy they contain, and nothing else.

Each expected finding is pinned with the computation that justifies it.  Figures consistent
within rounding are listed too, in comments, where a fixed-tolerance checker would go wrong.
"""

from __future__ import annotations

import json
import subprocess
import sys

from finrecon.engine import check
from finrecon.readers import load_report


def findings(sample: str) -> list[tuple[str, str, str | None, str | None]]:
    from tests.conftest import SAMPLES

    return [(f.rule, f.path, f.reported, f.expected) for f in check(load_report(SAMPLES / sample))]


def hints(sample: str) -> dict[str, str | None]:
    from tests.conftest import SAMPLES

    return {f.path: f.hint for f in check(load_report(SAMPLES / sample)) if f.rule.startswith(("FR2", "FR3", "FR4"))}


def test_every_wrong_percentage_carries_a_hint_where_a_cause_reproduces_it() -> None:
    assert hints("panzhihua-xiqu-cppcc-2020.yaml") == {
        "narrative.appropriation_total.change_pct": "-1.05% = -5.39 / 514（本年数），而增减率应以上年数 519.39 为基数：疑似用本年数作了基数",
        "narrative.general_budget.total.share_pct": "97.20% = 500.78 / 515.18（收入支出总计），而不是 / 500.91（本年支出合计）：疑似用错了基数",
    }
    assert hints("shanghai-putuo-finance-2024.yaml") == {"narrative.general_budget.by_class[0].share_pct": None}


def test_panzhihua_seed_findings() -> None:
    assert findings("panzhihua-xiqu-cppcc-2020.yaml") == [
        # 四: 财政拨款收支总计 514 (printed without decimals: [513.5, 514.5]), down 5.39, stated −1.05 %.
        # Prior = 514 + 5.39 = 519.39; 5.39 / 519.39 = 1.0378 %, interval [1.0358 %, 1.0397 %],
        # which misses [1.045 %, 1.055 %].  5.39 / 514 = 1.0486 % reproduces it: this year as base.
        ("FR302", "narrative.appropriation_total.change_pct", "-1.05", "-1.0378"),
        # 五（一）: 500.78 “占本年支出合计的97.20%”; 本年支出合计 is 500.91 (三), and
        # 500.78 / 500.91 = 99.974 % → 99.97.  97.20 % = 500.78 / 515.18 (the 收支总计).
        ("FR201", "narrative.general_budget.total.share_pct", "97.20", "99.97"),
        # 五（三）1: “政协事务（类）” — 20102 政协事务 is a 款.
        ("FR705", "narrative.general_budget.items[0]", "政协事务（类）", "政协事务（款）"),
        # 七（二）3: “国内公务接待3批次” — the number of people received is not given.
        ("FR905", "narrative.three_public.domestic_reception", None, None),
        # 附件1: “各项指标均达标” and “数量、质量、社会效益和服务对象满意度指标均达标”, while the tables
        # show 4 missed targets (3 of them 数量; the 时效 one is outside the second claim's categories).
        ("FR604", "performance.conclusions[1]", CLAIMS["department_all"], MISSED_ALL),
        ("FR604", "performance.conclusions[3]", CLAIMS["department_categories"], MISSED_QUANTITY),
        # 政协会议经费: 参会率 target 95 % answered “已完成”; 时效 “5月召开” → held in June;
        # cost 21.55万元 answered “已完成”.
        ("FR602", "performance.projects[0].indicators[1]", "已完成", "参会率达95%"),
        ("FR601", "performance.projects[0].indicators[2]", "因疫情影响会议推迟至6月召开", "5月召开"),
        ("FR602", "performance.projects[0].indicators[3]", "已完成", "21.55万元"),
        # …and its three conclusions all claim success, 时效 included.
        ("FR604", "performance.projects[0].conclusions[0]", CLAIMS["meeting_0"], MISSED_MEETING),
        ("FR604", "performance.projects[0].conclusions[1]", CLAIMS["meeting_1"], MISSED_MEETING),
        ("FR604", "performance.projects[0].conclusions[2]", CLAIMS["no_problem"], MISSED_MEETING),
        # 政协业务经费: “大于5次” → 5次, “大于10次” → 10次 (equal is not greater).
        ("FR601", "performance.projects[1].indicators[0]", "5次", "大于5次"),
        ("FR601", "performance.projects[1].indicators[3]", "10次", "大于10次"),
        ("FR604", "performance.projects[1].conclusions[0]", CLAIMS["business_0"], MISSED_BUSINESS),
        ("FR604", "performance.projects[1].conclusions[1]", CLAIMS["business_1"], MISSED_BUSINESS),
        ("FR604", "performance.projects[1].conclusions[2]", CLAIMS["no_problem"], MISSED_BUSINESS),
        # 政协履职能力提升经费: 学习培训 10次 → 5次; two conclusions still claim 数量 indicators 均达标.
        ("FR601", "performance.projects[2].indicators[0]", TRAINING_ACTUAL, "10次"),
        ("FR604", "performance.projects[2].conclusions[0]", CLAIMS["capacity_0"], MISSED_TRAINING),
        ("FR604", "performance.projects[2].conclusions[1]", CLAIMS["capacity_1"], MISSED_TRAINING),
    ]
    # Consistent within rounding, and so not reported:
    #   三: 446.27 + 54.63 = 500.90 against 500.91 (two parts: [500.89, 500.91] meets [500.905, 500.915]);
    #   五（三）: 8.18 + 28.3 = 36.48 against 36.47 (28.3 printed with one decimal);
    #   五（一）: 6 / (500.78 + 6) = 1.184 % against −1.18 % (6 printed without decimals);
    #   十: 9.15 / 50.70 = 18.047 % against −18.05 %; projects: 8.67 / 19.32 = 44.876 % against 44.88 %;
    #   成本指标: 5 + 2 + 15 + 2.36 = 24.36 and 14.32 + 5 = 19.32, 3.67 + 5 = 8.67 — as budgeted and executed.


TRAINING_ACTUAL = "5次（因新冠肺炎疫情影响，减少人员聚集及学习培训活动。）"
CLAIMS = {
    "department_all": "政协会议经费等3个项目全年绩效目标完成情况较好，各项指标均达标，确保区政协七届五次会议顺利召开，完成机关各项考核达标工作和区委交办的其他工作任务。",
    "department_categories": "全年各项目按照工作计划顺利推进，数量、质量、社会效益和服务对象满意度指标均达标。",
    "meeting_0": "因受疫情影响，区政协七届五次会议推迟到2020年6月召开，全年召开4次常委会议、6次主席会议、4次专委会对口协商会议，该项目专项资金数量、质量、时效、成本指标均达标，按工作进度共计支付21.55万元，完成进度100%。",
    "meeting_1": "该项目按照工作计划顺利推进，数量、质量、时效、社会效益和服务对象满意度指标均达标，保障了西区政协会议的顺利召开。",
    "no_problem": "在该项目自评中未发现问题，且无偏离绩效目标的情况。",
    "business_0": "该项目按照工作计划的顺利推进，专项资金的数量、质量、时效、成本指标均达标。",
    "business_1": "该项目按照工作计划顺利推进，数量、质量、时效、社会效益和服务对象满意度指标均达标，保障了西区政协业务工作的有序推进。",
    "capacity_0": "该项目按照工作计划的顺利推进，专项资金的数量、质量、时效、成本指标均达标。",
    "capacity_1": "该项目按照工作计划顺利推进，数量、质量、时效、社会效益和服务对象满意度指标均达标，保障了政协履职能力提升工作的有序推进。",
}
MISSED_MEETING = "政协会议经费·会议时间：目标“5月召开”，实际“因疫情影响会议推迟至6月召开”"
MISSED_BUSINESS = "政协业务经费·提案工作：目标“大于5次”，实际“5次”；政协业务经费·视察调研：目标“大于10次”，实际“10次”"
MISSED_TRAINING = f"政协履职能力提升经费·学习培训：目标“10次”，实际“{TRAINING_ACTUAL}”"
MISSED_QUANTITY = f"{MISSED_BUSINESS}；{MISSED_TRAINING}"
MISSED_ALL = f"{MISSED_MEETING}；{MISSED_QUANTITY}"


def test_shanghai_findings() -> None:
    assert findings("shanghai-putuo-finance-2024.yaml") == [
        # 四: “财政拨款收入支出总计0.3万元” while table 4's 总计 is 2961.68 (= 2940.05 + 21.63).
        ("FR502", "narrative.appropriation_total", "0.3", "2961.68"),
        # 五（二）: 一般公共服务支出 2106.66 “占71.73%” of 2940.05; 2106.66 / 2940.05 = 71.654 % → 71.65.
        # (The four printed shares add to 100.07 %; with 71.65 they add to 99.99 %.)  No other total of
        # the report reproduces 71.73 %, so there is no hint.
        ("FR201", "narrative.general_budget.by_class[0].share_pct", "71.73", "71.65"),
        # A note (FR914): 七 gives 因公出国（境）费 and 公务用车 as 0.00万元, where table 7 leaves the cells blank.
        ("FR914", "narrative.three_public.outbound", "0.00", None),
        # 七: 因公出国（境）费 and 公务用车 have no budget (blank in table 7), yet “完成预算的0%” is printed.
        ("FR902", "narrative.three_public.outbound.completion_pct", "0", None),
        ("FR902", "narrative.three_public.vehicle.completion_pct", "0", None),
    ]
    # Consistent within rounding, and so not reported (a fixed tolerance of 0 would flag them all):
    #   表1 社会保障和就业 326.71 against 表3/表5 326.72 — the intervals touch at 326.715;
    #   表2 类 rows 2112.86 + 326.72 + 60.99 + 445.69 = 2946.26 against 合计 2946.25 (four parts);
    #   表6 301 items add to 2082.86 against 2082.85; 302 items add to 171.09 against 171.07 (12 parts);
    #   五（三）item budgets add to 2993.93 against 年初预算 2993.92; 政府采购 4.79 + 0 + 246.47 = 251.26
    #   against 251.25; 79.49 % = 2336.91 / 2940.05 = 79.4854 %.


def test_minimal_clean_sample_passes(samples) -> None:
    assert check(load_report(samples / "minimal-clean.yaml")) == []


def test_cli_exit_codes_on_samples(samples) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "finrecon", *args], capture_output=True, text=True, timeout=60)

    assert run("check", str(samples / "minimal-clean.yaml")).returncode == 0
    seed = run("check", "--format", "json", str(samples / "panzhihua-xiqu-cppcc-2020.yaml"))
    assert seed.returncode == 1
    document = json.loads(seed.stdout)
    assert document["summary"]["error"] == 12
    assert document["reports"][0]["findings"][1]["hint"].startswith("97.20% = 500.78 / 515.18")
