"""Each text that was wrong (issue 19, point 3), now right, held by a test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon import cli
from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
FINAL = ROOT / "samples" / "panzhihua-xiqu-cppcc-2020.yaml"
BUDGET = ROOT / "samples" / "shanghai-putuo-wanli-street-2024-budget.yaml"
CLEAN = ROOT / "samples" / "minimal-clean.yaml"


def invoke(*args: str, env: dict[str, str] | None = None):  # noqa: ANN201
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1", **(env or {})})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_junit_never_prints_none(lang: str) -> None:
    result = invoke("check", "--jobs", "1", "--lang", lang, "--format", "junit", str(FINAL), str(BUDGET))
    assert result.exit_code == 1
    assert "None" not in result.stdout
    reported = "报告值" if lang == "zh" else "Reported"
    assert f"{reported}: 97.20" in result.stdout  # where a finding has its values, they are there
    # A finding with no numbers (FR905: a count not given) says nothing of values.
    body = re.search(r'type="FR905/warning">([^<]*)<', result.stdout).group(1)
    assert reported not in body


@pytest.mark.parametrize(("files", "zh", "en"), [
    ([BUDGET], "finrecon 部门预算核对报告", "finrecon budget check"),
    ([FINAL], "finrecon 部门决算核对报告", "finrecon final-accounts check"),
])
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_budget_is_titled_as_a_budget(fmt: str, files: list[Path], zh: str, en: str) -> None:
    for lang, expected in (("zh", zh), ("en", en)):
        stdout = invoke("check", "--jobs", "1", "--lang", lang, "--format", fmt, *map(str, files)).stdout
        assert (f'<h1 id="top">{expected}</h1>' if fmt == "html" else f"# {expected}\n") in stdout
    other = "部门决算" if "预算" in zh else "部门预算"
    assert other not in invoke("check", "--jobs", "1", "--lang", "zh", "--format", fmt, *map(str, files)).stdout.split("\n", 3)[0]


def test_a_mix_of_budgets_and_final_accounts_has_a_plain_title() -> None:
    stdout = invoke("check", "--jobs", "1", "--lang", "zh", "--format", "html", str(FINAL), str(BUDGET)).stdout
    assert '<h1 id="top">finrecon 核对报告</h1>' in stdout


def test_help_names_pdfs_and_budgets_and_no_python_types() -> None:
    main = invoke("--help").stdout
    assert "PDF" in main and "部门预算" in main and "YAML only" not in main
    for command in ("check", "baseline"):
        text = invoke(command, "--help").stdout
        assert ".pdf" in text and ".docx" in text
        assert "<list[str]>" not in text and "<int range>" not in text
    assert "--export FORMAT:PATH" in invoke("check", "--help").stdout


def test_rules_in_chinese_name_severities_in_chinese() -> None:
    lines = invoke("rules", "--lang", "zh").stdout.splitlines()
    assert lines and all(re.match(r"FR\d{3}  (错误|警告|提示)  \S", line) for line in lines)
    assert not re.search(r"\b(error|warning|info)\b", "\n".join(lines))


def test_xlsx_is_not_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    result = invoke("check", "--jobs", "1", "--lang", "en", "--format", "xlsx", str(CLEAN))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "-o" in result.stderr
    written = tmp_path / "x.xlsx"
    assert invoke("check", "--jobs", "1", "--format", "xlsx", "-o", str(written), str(CLEAN)).exit_code == 0
    assert written.read_bytes().startswith(b"PK")


def test_xlsx_to_a_pipe_is_written() -> None:
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--format", "xlsx", str(CLEAN)])
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK")


def test_an_empty_folder_is_no_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("check", "--jobs", "1", "--lang", "en", str(empty))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"{empty}: no report found: no .pdf, .yaml, .yml, .docx, .xlsx, .html, .htm, .txt file in this folder\n"
    both = invoke("check", "--jobs", "1", "--lang", "en", "--format", "json", str(empty), str(CLEAN))
    assert both.exit_code == 2  # an argument that names nothing is unusable input
    assert json.loads(both.stdout)["summary"]["files"] == 1 and json.loads(both.stdout)["summary"]["unreadable"] == 0


def test_a_file_that_is_no_report_is_refused_by_its_extension(tmp_path: Path) -> None:
    result = invoke("check", "--jobs", "1", "--lang", "en", str(ROOT / "pyproject.toml"))
    assert result.exit_code == 2
    assert "pyproject.toml: not a report file (extension .toml)" in result.stderr
    notes = tmp_path / "notes"
    notes.write_text("meta: {unit: x, year: 2020}\n", encoding="utf-8")
    assert "extension —" in invoke("check", "--jobs", "1", "--lang", "en", str(notes)).stderr


def test_no_web_site_the_project_does_not_have(tmp_path: Path) -> None:
    schema = json.loads(invoke("schema").stdout)
    assert schema["$id"] == "urn:finrecon:schema:report"
    assert json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))["$id"] == schema["$id"]
    sarif = json.loads(invoke("check", "--jobs", "1", "--format", "sarif", str(CLEAN)).stdout)
    assert "informationUri" not in sarif["runs"][0]["tool"]["driver"]
    target = tmp_path / "report.yaml"
    assert invoke("init", str(target)).exit_code == 0
    assert "finrecon.dev" not in target.read_text(encoding="utf-8")
    assert "$schema=report.schema.json" in target.read_text(encoding="utf-8")
    template = json.loads((ROOT / "schemas" / "template.schema.json").read_text(encoding="utf-8"))
    assert template["$id"] == "urn:finrecon:schema:template"
    for tree in (ROOT / "src", ROOT / "schemas", ROOT / "docs"):
        for path in tree.rglob("*"):
            if path.suffix in (".py", ".json", ".md", ".yaml"):
                assert "finrecon.dev" not in path.read_text(encoding="utf-8"), path


def test_every_yaml_problem_in_the_terminal_and_in_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "meta: {unit: x, year: 2020}\nnarrative:\n  totl: 1\n  income: {total: abc}\ntables:\n  foo: 1\nmeta2: 3\nother: {x: 1}\n",
        encoding="utf-8",
    )
    where = ["3:3", "4:19", "6:3", "7:1", "8:9"]
    table = invoke("check", "--jobs", "1", "--lang", "en", str(bad))
    assert table.exit_code == 2
    assert [line.split(": ", 1)[0] for line in table.stderr.splitlines()] == [f"{bad}:{place}" for place in where]
    result = invoke("check", "--jobs", "1", "--lang", "en", "--format", "json", str(bad))
    report = json.loads(result.stdout)["reports"][0]
    assert [f"{p['line']}:{p['column']}" for p in report["problems"]] == where
    assert report["problems"][0]["message"] == "unknown key 'totl'; did you mean 'total'?"
    assert report["error"].splitlines()[1] == f"{bad}:4:19: a number in digits (like 455.47) is expected, not 'abc'"


def test_explain_in_chinese_is_chinese_for_every_rule() -> None:
    from finrecon.rules import REGISTRY
    from finrecon.rules.explain_zh import EXPLANATIONS

    assert sorted(set(REGISTRY) - set(EXPLANATIONS)) == []  # a new rule needs its Chinese explanation
    assert sorted(set(EXPLANATIONS) - set(REGISTRY)) == []
    for rule_id in REGISTRY:
        text = invoke("explain", rule_id, "--lang", "zh").stdout
        assert text.startswith(f"{rule_id} {REGISTRY[rule_id].title}（")
        assert all(word in text for word in ("检查什么：", "为什么：", "示例："))
        assert "``" not in text, rule_id
        assert not re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", text), (rule_id, re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", text))
        assert not re.search(r"\b(error|warning|info)\b", text.splitlines()[0])


def test_explain_in_english_is_the_rules_docstring() -> None:
    text = invoke("explain", "FR201", "--lang", "en").stdout
    assert text.startswith("FR201 a share does not match its computation — 占比与计算不符 (error)")
    assert "What it checks" in text


def test_explain_in_english_prints_no_rst_literals() -> None:
    from finrecon.rules import REGISTRY

    for rule_id in REGISTRY:
        text = invoke("explain", rule_id, "--lang", "en").stdout
        assert "``" not in text, rule_id
    assert "share_pct" in invoke("explain", "FR201", "--lang", "en").stdout


def test_help_and_errors_name_every_kind_of_file_read(tmp_path: Path) -> None:
    from finrecon.formats import READERS, SEARCHED

    assert set(SEARCHED) <= set(READERS)
    texts = {
        "help": invoke("--help").stdout,
        "check --help": " ".join(invoke("check", "--help").stdout.split()),
        "empty folder": invoke("check", "--jobs", "1", "--lang", "en", str(tmp_path)).stderr,
        "pyproject.toml": invoke("check", "--jobs", "1", "--lang", "en", str(ROOT / "pyproject.toml")).stderr,
    }
    for what in ("empty folder", "pyproject.toml"):
        assert all(suffix in texts[what] for suffix in SEARCHED), (what, texts[what])
    assert all(suffix in texts["check --help"] for suffix in SEARCHED), texts["check --help"]
    assert all(kind in texts["help"] for kind in ("PDF", "Word", "Excel", "YAML")), texts["help"]
    assert "PDF 或 YAML" not in texts["help"]
    # exit 0 is not “no problem”: it is no open finding at the --fail-on level, as the README says
    assert "0 无问题" not in texts["check --help"]
    assert "--fail-on" in texts["check --help"].split("Arguments:")[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| 0 | no open finding at or above `--fail-on` (default `error`) |" in readme
