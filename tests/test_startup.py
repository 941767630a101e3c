"""What a cold start loads, and what a worker does when it starts (issue 19, point 5).

The time itself is measured by benchmarks/startup.py, never here: these tests pin what is *not*
loaded for one YAML check, and that a worker collects garbage although the command line
pauses the collector for its start.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from finrecon import runner, template

ROOT = Path(__file__).resolve().parent.parent


def test_one_yaml_check_loads_only_what_it_needs() -> None:
    env = {**os.environ, "COLUMNS": "80"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "finrecon", "check", "--jobs", "1", str(ROOT / "samples" / "minimal-clean.yaml")],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "finrecon.model" in loaded and "finrecon.rules" in loaded  # the probe sees imports at all
    for module in ("importlib.metadata", "pypdfium2", "finrecon.readers.pdf", "rich.table", "openpyxl", "multiprocessing", "concurrent.futures", "finrecon.coverage", "json", "importlib.resources", "zipfile"):
        assert module not in loaded, module


def test_a_check_without_a_configuration_file_loads_no_toml_reader(tmp_path: Path) -> None:
    report = tmp_path / "minimal-clean.yaml"
    report.write_bytes((ROOT / "samples" / "minimal-clean.yaml").read_bytes())
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "finrecon", "check", "--jobs", "1", report.name],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env={**os.environ, "COLUMNS": "80"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "finrecon.config" in loaded and "tomllib" not in loaded


def test_a_worker_collects_garbage_though_the_start_paused_the_collector() -> None:
    settings = runner.Settings(rule_ids=("FR101",))
    before = runner._WORKER_SETTINGS
    gc.disable()
    try:
        runner._start_worker(settings)
        assert gc.isenabled()
        assert runner._WORKER_SETTINGS is settings  # given once, not with every batch
    finally:
        gc.enable()
        runner._WORKER_SETTINGS = before


def _run_cli(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``finrecon`` as the console script runs it, with an exit handler that says when Python tears down."""
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('torn down\\n'))\n"
        "from finrecon.cli import run\n"
        f"sys.argv = ['finrecon', *{arguments!r}]\n"
        "run()\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=cwd, env={**os.environ, "COLUMNS": "80"})


def test_a_check_ends_without_tearing_the_interpreter_down_and_loses_no_output(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from finrecon.cli import app

    sample = str(ROOT / "samples" / "shanghai-putuo-finance-2024.yaml")
    expected = CliRunner().invoke(app, ["check", "--jobs", "1", "-f", "json", sample])
    result = _run_cli(["check", "--jobs", "1", "-f", "json", sample], tmp_path)
    assert result.returncode == expected.exit_code == 1  # the sample has findings: the exit code is kept
    assert result.stdout == expected.stdout  # every byte written before the process ends
    assert "torn down" not in result.stderr  # the interpreter's teardown was skipped
    written = tmp_path / "findings.json"
    result = _run_cli(["check", "--jobs", "1", "-f", "json", "-o", str(written), sample], tmp_path)
    assert result.returncode == 1 and written.read_text(encoding="utf-8") == expected.stdout


def test_with_workers_python_exits_as_usual(tmp_path: Path) -> None:
    samples = [str(path) for path in sorted((ROOT / "samples").glob("*.yaml"))]
    result = _run_cli(["check", "--jobs", "2", "-f", "json", *samples], tmp_path)
    assert result.returncode == 1 and result.stdout.startswith("{")
    assert "torn down" in result.stderr  # multiprocessing's own exit handlers reap the workers


# ------------------------------------------------------------------ the validated templates' cache
@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    template.templates.cache_clear()
    yield tmp_path / "cache" / "finrecon"
    template.templates.cache_clear()


def _validated() -> dict[str, template.Template]:
    folder = ROOT / "src" / "finrecon" / "layouts"
    found = [template.load_template(path) for path in sorted(folder.glob("*.yaml"))]
    return {item.name: item for item in sorted(found, key=lambda item: (-item.priority, item.name))}


def test_the_templates_read_back_from_the_cache_are_those_validated(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = template.templates()
    assert first == _validated() and list(first) == list(_validated())
    assert len(list(cache_home.glob("templates-*.pickle"))) == 1
    template.templates.cache_clear()

    def no_parsing(*arguments: object) -> None:
        raise AssertionError("a layout file was parsed although the cache holds it")

    monkeypatch.setattr(template, "load_template", no_parsing)
    again = template.templates()
    assert again == first and list(again) == list(first)


def test_a_changed_layout_is_validated_again_and_fails_naming_its_key(cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template.templates()  # the shipped layouts, cached
    template.templates.cache_clear()
    folder = tmp_path / "layouts"
    shutil.copytree(ROOT / "src" / "finrecon" / "layouts", folder)
    changed = folder / "sichuan-district-final.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("priority: 20", "priority: 20\nproirity: 5", 1), encoding="utf-8")
    monkeypatch.setattr(template, "data_file", lambda relative: tmp_path / relative)
    with pytest.raises(template.TemplateError, match="sichuan-district-final.yaml: proirity:"):
        template.templates()


def test_a_damaged_or_foreign_cache_file_is_passed_over(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template.templates()
    (cached,) = cache_home.glob("templates-*.pickle")
    expected = _validated()
    parsed: list[object] = []
    validate = template.load_template
    monkeypatch.setattr(template, "load_template", lambda *arguments: parsed.append(arguments) or validate(*arguments))
    cached.write_bytes(b"not a pickle")
    template.templates.cache_clear()
    assert template.templates() == expected and parsed  # validated again, and written again
    parsed.clear()
    template.templates.cache_clear()
    assert template.templates() == expected and not parsed
    cached.chmod(0o666)  # a file another user could have written is never unpickled
    template.templates.cache_clear()
    assert template.templates() == expected and parsed


def test_an_unwritable_cache_folder_costs_only_time(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("a file where the folder would be", encoding="utf-8")
    assert template.templates() == _validated()


def test_one_file_builds_no_cross_year_summary_and_two_do(monkeypatch: pytest.MonkeyPatch) -> None:
    from finrecon.rules import years

    built: list[str] = []
    comparable = years.comparable
    monkeypatch.setattr(years, "comparable", lambda loaded, file: built.append(file) or comparable(loaded, file))
    one = ROOT / "samples" / "shanghai-putuo-finance-2024.yaml"
    alone = list(runner.check_all([one], runner.Settings(), jobs=1))
    assert built == [] and len(alone) == 1 and alone[0].findings
    two = [one, ROOT / "samples" / "minimal-clean.yaml"]
    assert [result.file for result in runner.check_all(two, runner.Settings(), jobs=1)] == [str(path) for path in two]
    assert built == [str(path) for path in two]


@pytest.mark.parametrize(
    "arguments",
    [["check", "--help"], ["check", "--no-such-option", "x.yaml"], ["check"], ["rules"], ["--help"], ["chek", "x.yaml"], ["explain", "FR101"]],
    ids=lambda arguments: " ".join(arguments),
)
def test_a_process_that_builds_only_its_command_says_what_the_whole_app_says(arguments: list[str], tmp_path: Path) -> None:
    whole = (
        "import sys\n"
        "import finrecon.cli as cli\n"
        "cli._only_the_command = lambda arguments: None  # every command built, as before\n"
        f"sys.argv = ['finrecon', *{arguments!r}]\n"
        "cli.run()\n"
    )
    env = {**os.environ, "COLUMNS": "80"}
    expected = subprocess.run([sys.executable, "-c", whole], capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    result = _run_cli(arguments, tmp_path)
    assert result.returncode == expected.returncode
    assert (result.stdout, result.stderr.replace("torn down\n", "")) == (expected.stdout, expected.stderr)


def test_a_command_line_naming_its_command_builds_that_one_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from finrecon import cli

    every = list(cli.app.registered_commands)
    monkeypatch.setattr(cli.app, "registered_commands", list(every))
    for arguments in (["--help"], ["chek", "x.yaml"], []):
        cli._only_the_command(arguments)
        assert cli.app.registered_commands == every
    cli._only_the_command(["check", "x.yaml"])
    assert [info.callback for info in cli.app.registered_commands] == [cli.check]
