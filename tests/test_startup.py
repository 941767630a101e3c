"""What a cold start loads, and what a worker does when it starts (issue 19, point 5).

The time itself is measured by benchmarks/startup.py, never here: these tests pin what is *not*
loaded for one YAML check, and that a worker collects garbage although the command line
pauses the collector for its start.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from finrecon import runner

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
    for module in ("importlib.metadata", "pypdfium2", "finrecon.readers.pdf", "rich.table", "openpyxl", "multiprocessing", "concurrent.futures", "finrecon.coverage"):
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
