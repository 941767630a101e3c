"""The real samples, end to end: every arithmetic discrepancy they contain, and nothing else.

Each expected finding is pinned with the computation that justifies it.  Figures consistent
within rounding are listed too, in comments, where a fixed-tolerance checker would go wrong.
"""

from __future__ import annotations

import json
import subprocess
import sys

from finrecon.engine import check
from finrecon.load import load_report


def findings(sample: str) -> list[tuple[str, str, str | None, str | None]]:
    from tests.conftest import SAMPLES

    return [(f.rule, f.path, f.reported, f.expected) for f in check(load_report(SAMPLES / sample))]


def test_panzhihua_seed_findings() -> None:
    assert findings("panzhihua-xiqu-cppcc-2020.yaml") == [
        # 四: 财政拨款收支总计 514 (printed without decimals: [513.5, 514.5]), down 5.39, stated −1.05 %.
        # Prior = 514 + 5.39 = 519.39; 5.39 / 519.39 = 1.0378 %, interval [1.0358 %, 1.0397 %],
        # which misses [1.045 %, 1.055 %].  5.39 / 514 = 1.0486 % reproduces it: this year as base.
        ("FR302", "narrative.appropriation_total.change_pct", "-1.05", "-1.0378"),
        # 五（一）: 500.78 “占本年支出合计的97.20%”; 本年支出合计 is 500.91 (三), and
        # 500.78 / 500.91 = 99.974 % → 99.97.  97.20 % = 500.78 / 515.18 (the 收支总计).
        ("FR201", "narrative.general_budget.total.share_pct", "97.20", "99.97"),
    ]
    # Consistent within rounding, and so not reported:
    #   三: 446.27 + 54.63 = 500.90 against 500.91 (two parts: [500.89, 500.91] meets [500.905, 500.915]);
    #   五（三）: 8.18 + 28.3 = 36.48 against 36.47 (28.3 printed with one decimal);
    #   五（一）: 6 / (500.78 + 6) = 1.184 % against −1.18 % (6 printed without decimals);
    #   十: 9.15 / 50.70 = 18.047 % against −18.05 %; projects: 8.67 / 19.32 = 44.876 % against 44.88 %.


def test_shanghai_findings() -> None:
    assert findings("shanghai-putuo-finance-2024.yaml") == [
        # 四: “财政拨款收入支出总计0.3万元” while table 4's 总计 is 2961.68 (= 2940.05 + 21.63).
        ("FR502", "narrative.appropriation_total", "0.3", "2961.68"),
        # 五（二）: 一般公共服务支出 2106.66 “占71.73%” of 2940.05; 2106.66 / 2940.05 = 71.654 % → 71.65.
        # (The four printed shares add to 100.07 %; with 71.65 they add to 99.99 %.)
        ("FR201", "narrative.general_budget.by_class[0].share_pct", "71.73", "71.65"),
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
    assert document["summary"]["error"] == 2
    assert document["reports"][0]["findings"][1]["hint"].startswith("97.20% = 500.78 / 515.18")
