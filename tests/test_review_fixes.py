"""Hardening found by review: outputs that are links or pipes, protected inputs, terminal escapes,
linear waiver parsing, globs through link loops, Ctrl-C, non-report YAML, untranslated text."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CLEAN = SAMPLES / "minimal-clean.yaml"
SEED = SAMPLES / "panzhihua-xiqu-cppcc-2020.yaml"


def invoke(*args: str):  # noqa: ANN201
    return CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", "zh", *args])


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert invoke("--format", "json", "--output", str(link), str(CLEAN)).exit_code == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_output_to_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = invoke("--format", "json", "--output", str(pipe), str(CLEAN))
    reader.join(timeout=30)
    assert result.exit_code == 0 and json.loads(received[0])["summary"]["files"] == 1
    assert pipe.is_fifo()


def test_baseline_and_catalogue_are_inputs_too(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert CliRunner().invoke(app, ["baseline", "--jobs", "1", str(SEED), "-o", str(baseline)]).exit_code == 0
    before = baseline.read_text(encoding="utf-8")
    assert invoke("--baseline", str(baseline), "--format", "json", "--output", str(baseline), str(SEED)).exit_code == 2
    assert baseline.read_text(encoding="utf-8") == before
    catalog = tmp_path / "codes.csv"
    catalog.write_text("201,一般公共服务支出\n", encoding="utf-8")
    assert invoke("--catalog", str(catalog), "--export", f"csv:{catalog}", str(CLEAN)).exit_code == 2
    assert catalog.read_text(encoding="utf-8") == "201,一般公共服务支出\n"


def test_terminal_escapes_in_a_report_never_reach_the_terminal(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text('meta: {unit: "XX\\e]0;pwned\\a\\e[2J", year: 2024}\n', encoding="utf-8")
    for fmt in ("table", "github"):
        result = invoke("--format", fmt, "--fail-on", "never", str(report), str(CLEAN))
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\x1b" in result.stdout


def test_a_long_waiver_line_is_read_in_linear_time(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text("meta: {unit: x, year: 2024}  # finrecon: ignore[FR201] r" + " " * 1_000_000 + "x\n", encoding="utf-8")
    # a hang guard, not a speed claim: the regular expression this replaced, ``(.*?)\s*$`` over the
    # reason, is quadratic — hours for this line; every pattern's seconds: benchmarks/regex_audit.py
    result = subprocess.run([sys.executable, "-m", "finrecon", "check", "--format", "json", str(report)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_glob_through_a_link_loop_ends_and_names_each_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "a.yaml")
    (folder / "loop").symlink_to(".")
    (folder / "again").symlink_to("..")
    result = invoke("--format", "json", str(folder / "**" / "*.yaml"))
    assert result.exit_code == 0
    assert [Path(r["file"]).name for r in json.loads(result.stdout)["reports"]] == ["a.yaml"]


def test_ctrl_c_is_exit_2_with_a_word(tmp_path: Path) -> None:
    for number in range(800):
        shutil.copy(SAMPLES / "shanghai-putuo-finance-2024.yaml", tmp_path / f"r{number:03d}.yaml")
    process = subprocess.Popen(
        [sys.executable, "-m", "finrecon", "check", "--lang", "zh", "--jobs", "1", "--format", "json", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 2 and "已中断" in stderr and "Traceback" not in stderr


def test_pre_commit_passes_over_yaml_that_is_not_a_report(tmp_path: Path) -> None:
    workflow = tmp_path / "ci.yml"
    workflow.write_text("on: push\njobs: {test: {runs-on: ubuntu-latest}}\n", encoding="utf-8")
    for sample, expected in ((CLEAN, 0), (SEED, 1)):
        result = subprocess.run(
            [sys.executable, "-m", "finrecon", "check", "--lang", "zh", "--jobs", "1", "--skip-non-reports", str(workflow), str(sample)],
            capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == expected, result.stderr
        assert "不是部门决算报告" in result.stderr


def test_unreadable_files_stay_in_tabular_exports(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [\n", encoding="utf-8")
    csv_file = tmp_path / "out.csv"
    assert invoke(f"--export=csv:{csv_file}", str(broken), str(CLEAN)).exit_code == 2
    text = csv_file.read_text(encoding="utf-8-sig")
    assert str(broken) in text and "无法读取" in text


def test_errors_from_validation_read_in_the_users_language(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text("meta: {unit: x, year: 1800}\n", encoding="utf-8")
    assert "取值应不小于 1990" in invoke(str(report)).stderr
    report.write_text("meta: {unit: x, year: 2020, money_unit: 千元}\n", encoding="utf-8")
    assert "取值只能是 “万元” 或 “元”" in invoke(str(report)).stderr
    english = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", "en", str(report)])
    assert "the value must be '万元' or '元'" in english.stderr


def test_a_waiver_above_a_block_mapping_figure_waives_it(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        "meta: {unit: 测试, year: 2024}\nnarrative:\n  expenditure: {total: 500.91}\n  general_budget:\n"
        "    total:  # finrecon: ignore[FR201] 原文如此\n      value: 500.78\n      share_pct: 97.20\n",
        encoding="utf-8",
    )
    result = invoke("--format", "json", str(report))
    assert result.exit_code == 0
    assert [(f["rule"], f["status"]) for f in json.loads(result.stdout)["reports"][0]["findings"]] == [("FR201", "waived")]


def test_a_located_finding_is_the_finding_with_its_place_and_nothing_else_changed() -> None:
    """``Finding.located`` builds the dataclass by position, for speed: it must equal
    ``dataclasses.replace`` with the same place on a finding that has every field set, so a field
    added to ``Finding`` cannot silently shift the others."""
    import dataclasses

    from finrecon.findings import Finding, Severity, Status

    values = {
        "rule": "FR101", "severity": Severity.WARNING, "path": "tables.summary", "message": "m", "reported": "1",
        "expected": "2", "difference": "-1", "hint": "h", "related": ("a", "b"), "loc": ("tables",), "offset": 3,
        "line": 9, "column": 8, "page": 7, "excerpt": "e", "fingerprint": "f", "status": Status.WAIVED, "note": "n",
        "box": (1.0, 2.0, 3.0, 4.0), "place": "old!A1", "file_line": 40,
    }
    assert set(values) == {field.name for field in dataclasses.fields(Finding)}
    finding = Finding(**values)
    placed = finding.located(1, 2, 3, "printed", "print", Status.OPEN, "why", (5.0, 6.0, 7.0, 8.0), "表1!C7", 12)
    expected = dataclasses.replace(
        finding, loc=(), offset=None, line=1, column=2, page=3, excerpt="printed", fingerprint="print", status=Status.OPEN, note="why",
        box=(5.0, 6.0, 7.0, 8.0), place="表1!C7", file_line=12,
    )
    assert [getattr(placed, name) for name in values] == [getattr(expected, name) for name in values]
