"""The table and JSON outputs in both languages, pinned.

Run with FINRECON_UPDATE_SNAPSHOTS=1 to rewrite the files after an intended change, then read
the diff before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).parent / "snapshots"
FILES = ["samples/panzhihua-xiqu-cppcc-2020.yaml", "samples/shanghai-putuo-finance-2024.yaml", "samples/minimal-clean.yaml"]


def _matches(text: str, name: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("FINRECON_UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.exists(), f"missing snapshot {snapshot.name}: run with FINRECON_UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_snapshot(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", lang, "--format", "json", *FILES], env={"COLUMNS": "140", "NO_COLOR": "1"})
    assert result.exit_code == 1
    _matches(result.stdout, f"json.{lang}.txt")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 160])
def test_terminal_snapshot(width: int, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compact entries below 140 columns, the full table from there; the summary last."""
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", lang, *FILES], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert max(map(cell_len, lines)) <= width
    assert lines[-1].startswith("14 " if lang == "en" else "14 个错误")  # the summary, last, on screen
    _matches(result.stdout, f"table.{lang}.{width}.txt")


def test_a_pipe_gets_the_80_column_entries_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped to less or a file, rich knows no width but 80: the compact entries, and no escape codes."""
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    result = subprocess.run(
        [sys.executable, "-m", "finrecon", "check", "--jobs", "1", "--lang", "en", *FILES],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    assert result.stdout == (SNAPSHOTS / "table.en.80.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("no_color", "red"), [(False, True), (True, False)])
def test_colour_by_severity_unless_no_color(no_color: bool, red: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    env = {"COLUMNS": "80", "FORCE_COLOR": "1", "NO_COLOR": "1" if no_color else ""}
    if not no_color:
        env.pop("NO_COLOR")
    stdout = CliRunner().invoke(app, ["check", "--lang", "en", FILES[0]], env=env).stdout
    assert ("\x1b[1;31mFR302" in stdout) is red  # an error's rule in bold red
    assert ("\x1b[31" in stdout or "\x1b[1;31" in stdout) is red


@pytest.mark.parametrize(("width", "table"), [(139, False), (140, True)])
def test_the_full_table_from_140_columns(width: int, table: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    stdout = CliRunner().invoke(app, ["check", "--lang", "en", FILES[0]], env={"COLUMNS": str(width), "NO_COLOR": "1"}).stdout
    assert ("┃ Rule" in stdout) is table
    assert ("line 40  FR302 error" in stdout) is not table


def test_quiet_prints_the_summary_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "--quiet", "--lang", "en", *FILES], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 1
    assert result.stdout == "14 errors, 8 warnings, 3 notes in 3 file(s)\n"  # FR914: the sample's 三公 text gives 0 where table 7 is blank


def test_unreadable_files_are_shown_with_every_problem_and_paths_of_any_kind_mix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An absolute path beside a relative one; a broken YAML's problems in the terminal output too."""
    monkeypatch.chdir(ROOT)
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {unit: x, year: 2020}\nnarrative:\n  totl: 1\n  income: {total: abc}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", "en", str(bad), FILES[2]], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 2
    out = result.stdout
    words = " ".join(out.split())  # the long temporary path wraps
    assert f"{bad} — unreadable line 3, column 3 unknown key 'totl'; did you mean 'total'? line 4, column 19 " in words
    assert "\n    line 3, column 3  unknown key" in out
    assert out.rstrip().endswith("0 errors, 0 warnings, 0 notes in 2 file(s), 1 unreadable")
    assert "\n          unreadable  /" in out  # its totals line, the path (absolute, wrapped) after it
    assert "\n    0        0     0  samples/minimal-clean.yaml\n" in out
