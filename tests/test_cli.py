"""The command line as users and scripts meet it: outputs, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon import __version__
from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def invoke(*args: str):  # noqa: ANN201
    """Run the CLI in-process, in Chinese unless asked otherwise, one worker (fast for one file)."""
    extra = [] if args[0] not in ("check", "baseline") else ["--jobs", "1"] + ([] if "--lang" in args else ["--lang", "zh"])
    return runner.invoke(app, [args[0], *extra, *args[1:]])


def test_json_document_shape(samples) -> None:
    result = invoke("check", "--format", "json", str(samples / "shanghai-putuo-finance-2024.yaml"))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert set(document) >= {"tool", "version", "reports", "summary"}
    assert document["tool"] == "finrecon" and document["version"] == __version__
    report = document["reports"][0]
    assert (report["unit"], report["year"]) == ("上海市普陀区财政局", 2024)
    # info 1: FR914, the text's 0.00 for 因公出国（境）费 and 公务用车 where the “三公” table leaves the cells blank
    assert document["summary"] == {"files": 1, "error": 2, "warning": 2, "info": 1, "waived": 0, "baselined": 0, "unreadable": 0}
    first = report["findings"][0]
    assert set(first) >= {"rule", "severity", "path", "line", "message", "reported", "expected", "difference", "hint", "status"}
    assert (first["rule"], first["reported"], first["expected"], first["difference"]) == ("FR502", "0.3", "2961.68", "-2961.38")
    assert isinstance(first["line"], int) and first["line"] > 1


def test_table_output_and_summary(samples) -> None:
    result = invoke("check", str(samples / "panzhihua-xiqu-cppcc-2020.yaml"))
    assert result.exit_code == 1
    assert "FR201" in result.stdout and "97.20" in result.stdout and "99.97" in result.stdout
    assert "12 个错误，6 个警告，2 个提示" in result.stdout.replace("\n", "")


def test_fail_on_and_select(samples) -> None:
    shanghai = str(samples / "shanghai-putuo-finance-2024.yaml")
    assert invoke("check", "--select", "FR9", shanghai).exit_code == 0  # warnings only
    assert invoke("check", "--select", "FR9", "--fail-on", "warning", shanghai).exit_code == 1
    assert invoke("check", "--fail-on", "never", shanghai).exit_code == 0
    assert invoke("check", "--ignore", "FR2", "--ignore", "FR5", shanghai).exit_code == 0


@pytest.mark.parametrize(
    "args",
    [("check", "missing.yaml"), ("check", "--format", "xml", "x.yaml"), ("check", "--select", "ZZ1", "x.yaml"), ("explain", "FR000")],
)
def test_unusable_input_or_command_line_exits_2(args: tuple[str, ...]) -> None:
    assert invoke(*args).exit_code == 2


def test_one_unreadable_file_does_not_stop_the_others(samples, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {unit: x, year: 2020}\nnarrative: {totl: 1}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "finrecon", "check", "--lang", "zh", "--format", "json", str(bad), str(samples / "minimal-clean.yaml")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}:2:13: 未知的键 “totl”；是否想写 “total”？"
    assert "Traceback" not in result.stderr
    document = json.loads(result.stdout)
    assert [r.get("error") is None for r in document["reports"]] == [False, True]


def test_schema_file_is_current() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    committed = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "schemas/report.schema.json is stale: run `finrecon schema > schemas/report.schema.json`"


def test_samples_validate_against_the_schema_and_name_it(samples) -> None:
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    for sample in sorted(samples.glob("*.yaml")):
        assert sample.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/report.schema.json")
        jsonschema.validate(yaml.safe_load(sample.read_text(encoding="utf-8")), schema)


def test_rules_and_explain() -> None:
    listing = invoke("rules").stdout.splitlines()
    assert any(line.startswith("FR201  error") for line in listing)
    explained = invoke("explain", "fr201")
    assert explained.exit_code == 0 and "Example" in explained.stdout and "占比" in explained.stdout


def test_version() -> None:
    assert invoke("--version").stdout.strip() == f"finrecon {__version__}"


def test_the_docs_list_every_rule() -> None:
    from finrecon.rules import REGISTRY

    listing = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [rule_id for rule_id in REGISTRY if f"| {rule_id} |" not in listing]
    assert not missing, f"docs/rules.md's rule table lacks {missing}"
