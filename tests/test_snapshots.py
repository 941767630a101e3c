"""The table and JSON outputs in both languages, pinned.

Run with FINRECON_UPDATE_SNAPSHOTS=1 to rewrite the files after an intended change, then read
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).parent / "snapshots"
FILES = ["samples/panzhihua-xiqu-cppcc-2020.yaml", "samples/shanghai-putuo-finance-2024.yaml", "samples/minimal-clean.yaml"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_output_snapshot(fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", lang, "--format", fmt, *FILES], env={"COLUMNS": "140", "NO_COLOR": "1"})
    assert result.exit_code == 1
    snapshot = SNAPSHOTS / f"{fmt}.{lang}.txt"
    if os.environ.get("FINRECON_UPDATE_SNAPSHOTS"):
        snapshot.write_text(result.stdout, encoding="utf-8")
    assert snapshot.exists(), f"missing snapshot {snapshot.name}: run with FINRECON_UPDATE_SNAPSHOTS=1"
    assert result.stdout == snapshot.read_text(encoding="utf-8")
