"""finrecon as a gate: --fail-on, configuration, inline waivers, baselines, pre-commit, init."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "panzhihua-xiqu-cppcc-2020.yaml"
CLEAN = ROOT / "samples" / "minimal-clean.yaml"
WRONG_SHARE = """meta: {unit: 测试单位, year: 2024}
narrative:
  expenditure: {total: 500.91}
  general_budget:
    total: {value: 500.78, share_pct: 97.20}%s
"""


def invoke(*args: str, cwd: Path | None = None, monkeypatch: pytest.MonkeyPatch | None = None):  # noqa: ANN201
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    jobs = ["--jobs", "1"] if args[0] in ("check", "baseline") else []
    return CliRunner().invoke(app, [args[0], *jobs, *args[1:]])


def test_config_in_pyproject_found_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.finrecon]\nignore = ["FR6"]\nfail-on = "never"\nlang = "en"\n', encoding="utf-8")
    nested = tmp_path / "reports" / "2020"
    nested.mkdir(parents=True)
    result = invoke("check", "--format", "json", str(SEED), cwd=nested, monkeypatch=monkeypatch)
    assert result.exit_code == 0  # fail-on never
    rules = {f["rule"] for f in json.loads(result.stdout)["reports"][0]["findings"]}
    assert rules and not any(rule.startswith("FR6") for rule in rules)
    assert json.loads(result.stdout)["reports"][0]["findings"][0]["message"].startswith("grand total of appropriation income and expenditure: the change should be")  # lang = en
    assert invoke("check", "--fail-on", "error", str(SEED), cwd=nested, monkeypatch=monkeypatch).exit_code == 1  # the flag wins


def test_finrecon_toml_and_bad_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "finrecon.toml").write_text('select = ["FR9"]\n', encoding="utf-8")
    assert invoke("check", str(SEED), cwd=tmp_path, monkeypatch=monkeypatch).exit_code == 0  # warnings only
    (tmp_path / "finrecon.toml").write_text('selekt = ["FR9"]\n', encoding="utf-8")
    result = invoke("check", str(SEED), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "selekt" in result.stderr


def test_inline_waiver_keeps_the_finding_visible_and_opens_the_gate(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(WRONG_SHARE % "  # finrecon: ignore[FR201] 原文如此，已与编制人确认", encoding="utf-8")
    result = invoke("check", "--lang", "zh", "--format", "json", str(report))
    assert result.exit_code == 0
    (finding,) = json.loads(result.stdout)["reports"][0]["findings"]
    assert (finding["rule"], finding["status"], finding["note"]) == ("FR201", "waived", "原文如此，已与编制人确认")
    table = invoke("check", "--lang", "zh", str(report))
    assert "已豁免" in table.stdout and "另有 1 项已豁免或已列入基线" in table.stdout.replace("\n", "")


def test_waiver_without_reason_waives_nothing_and_is_reported(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(WRONG_SHARE % "  # finrecon: ignore[FR201]", encoding="utf-8")
    result = invoke("check", "--format", "json", str(report))
    assert result.exit_code == 1
    assert [(f["rule"], f["status"]) for f in json.loads(result.stdout)["reports"][0]["findings"]] == [("FR201", "open"), ("FR910", "open")]


def test_baseline_accepts_known_items_and_fails_only_on_new_ones(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    made = invoke("baseline", str(report), "-o", str(baseline))
    assert made.exit_code == 0 and len(json.loads(baseline.read_text(encoding="utf-8"))["accepted"]) == 20
    # Lines move (a comment added on top), findings stay known: the gate passes, findings stay visible.
    report.write_text("# 复核后重新提交\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    known = invoke("check", "--baseline", str(baseline), "--format", "json", str(report))
    assert known.exit_code == 0
    document = json.loads(known.stdout)
    assert {f["status"] for f in document["reports"][0]["findings"]} == {"baselined"}
    assert document["summary"]["baselined"] == 20 and document["summary"]["error"] == 0
    # A new error fails the gate.
    report.write_text(report.read_text(encoding="utf-8").replace("share_pct: 99.77", "share_pct: 98.77"), encoding="utf-8")
    new = invoke("check", "--baseline", str(baseline), "--format", "json", str(report))
    assert new.exit_code == 1
    assert [f["path"] for f in json.loads(new.stdout)["reports"][0]["findings"] if f["status"] == "open"] == ["narrative.income.general_budget.share_pct"]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert invoke("check", "--baseline", str(bad), str(report)).exit_code == 2


@pytest.mark.parametrize(("sample", "expected"), [(CLEAN, 0), (SEED, 1)])
def test_pre_commit_hook_entry(sample: Path, expected: int) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "finrecon" and hook["types"] == ["yaml"]
    command = shlex.split(hook["entry"]) + hook.get("args", []) + [str(sample)]
    assert command[0] == "finrecon"
    result = subprocess.run([sys.executable, "-m", "finrecon", *command[1:]], capture_output=True, text=True, timeout=60)
    assert result.returncode == expected, result.stderr


def test_init_writes_a_template_that_loads_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "report.yaml"
    assert invoke("init", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:")
    result = invoke("check", "--format", "json", str(target))
    assert result.exit_code in (0, 1)  # loads and validates: a template, not an unusable input
    target.write_text("mine", encoding="utf-8")
    assert invoke("init", str(target)).exit_code == 2 and target.read_text(encoding="utf-8") == "mine"


def test_default_language_follows_the_locale(tmp_path: Path) -> None:
    from finrecon.i18n import default_lang

    assert default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert default_lang({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert default_lang({}) == "en"
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {unit: x, year: 2020}\nnarrative: {totl: 1}\n", encoding="utf-8")
    for lang, words in (("zh_CN.UTF-8", "未知的键 “totl”；是否想写 “total”？"), ("C.UTF-8", "unknown key 'totl'; did you mean 'total'?")):
        result = subprocess.run(
            [sys.executable, "-m", "finrecon", "check", str(bad)], capture_output=True, text=True, timeout=60,
            env={"LANG": lang, "PATH": "/usr/bin:/bin"}, cwd=tmp_path,
        )
        assert result.returncode == 2 and result.stderr == f"{bad}:2:13: {words}\n"


def test_a_row_inserted_above_a_baselined_finding_neither_hides_nor_renews_it(tmp_path: Path) -> None:
    rows = [("301", "工资福利支出"), ("30102", "津贴补贴"), ("30201", "印刷费")]  # 30201 is 办公费: FR701

    def write(items: list[tuple[str, str]]) -> None:
        body = "".join(f"      - {{code: '{code}', name: {name}, amount: 1.00}}\n" for code, name in items)
        (tmp_path / "r.yaml").write_text(f"meta: {{unit: 测试, year: 2024}}\ntables:\n  basic:\n    rows:\n{body}", encoding="utf-8")

    write(rows)
    baseline = tmp_path / "baseline.json"
    assert invoke("baseline", "--select", "FR701", str(tmp_path / "r.yaml"), "-o", str(baseline)).exit_code == 0
    # Insert a new wrong row above: the known finding stays baselined, the new one is open.
    write([rows[0], ("30101", "奖金"), *rows[1:]])
    result = invoke("check", "--select", "FR701", "--baseline", str(baseline), "--format", "json", str(tmp_path / "r.yaml"))
    statuses = {f["reported"]: f["status"] for f in json.loads(result.stdout)["reports"][0]["findings"]}
    assert statuses == {"奖金": "open", "印刷费": "baselined"} and result.exit_code == 1


@pytest.mark.parametrize(
    "content",
    ["[" * 100_000, '{"kind": "baseline", "accepted": [{"fingerprint": "' + "9" * 5000 + '"}]}', "{}", "\xff"],
)
def test_a_broken_baseline_is_a_clean_exit_2(content: str, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="latin-1" if content == "\xff" else "utf-8")
    result = invoke("check", "--baseline", str(baseline), str(CLEAN))
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2


@pytest.mark.parametrize("setting", ["max-depth = 0", "max-bytes = 99999999999999999999", "jobs = -1", 'lang = "fr"', 'fail-on = "sometimes"'])
def test_out_of_range_settings_are_refused(setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "finrecon.toml").write_text(setting + "\n", encoding="utf-8")
    result = invoke("check", str(CLEAN), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2


def test_huge_limits_on_the_command_line_are_refused() -> None:
    assert invoke("check", "--max-bytes", "99999999999999999999", str(CLEAN)).exit_code == 2


def test_a_region_defines_its_own_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "finrecon.toml").write_text(
        'select = ["FR904"]\n[templates]\nsichuan = ["narrative.total", "tables.summary"]\n', encoding="utf-8"
    )
    result = invoke("check", "--format", "json", str(SEED), cwd=tmp_path, monkeypatch=monkeypatch)
    findings = json.loads(result.stdout)["reports"][0]["findings"]
    assert [(f["rule"], f["path"]) for f in findings] == [("FR904", "tables.summary")]
