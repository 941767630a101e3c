"""One file that crashes the reader loses only itself: ten good reports and one crashing file give
ten complete reports and one error entry naming the file, in JSON, CSV, SARIF and JUnit, with
``--jobs 1`` and ``--jobs 2``; ``extract`` says the same in one line.

The crash is real code raising inside the reader: the CLI runs in a subprocess whose PDF reader
raises ``IndexError`` (as ``Grid.cell`` did on stray rulings, issue 20) for the file that carries
a marker comment.  The workers of ``--jobs 2`` are forked from it and inherit the fault.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.pdfs import final_report

MARKER = b"%FINRECON-TEST-CRASH"
FAULTY_CLI = f"""
import sys
import finrecon.readers.pdf as pdf
real = pdf.read_pdf
def read_pdf(data, *args, **kwargs):
    if {MARKER!r} in data:
        raise IndexError(4)  # what Grid.cell raised on stray rulings
    return real(data, *args, **kwargs)
pdf.read_pdf = read_pdf
from finrecon.cli import run
sys.argv[0] = "finrecon"
run()
"""


def faulty(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", FAULTY_CLI, *args], capture_output=True, text=True, timeout=240, cwd=cwd)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for number in range(10):
        (folder / f"good-{number:02d}.pdf").write_bytes(final_report(unit=f"上海市示例区{'甲乙丙丁戊己庚辛壬癸'[number]}局"))
    (folder / "crash.pdf").write_bytes(final_report() + b"\n" + MARKER + b"\n")
    return folder


GOOD = [f"good-{number:02d}.pdf" for number in range(10)]


def _files_in(fmt: str, text: str) -> tuple[set[str], list[str]]:
    """The files a document reports on, and its error entries' messages."""
    if fmt == "json":
        document = json.loads(text)
        assert document["summary"]["files"] == 11 and document["summary"]["unreadable"] == 1
        return {report["file"] for report in document["reports"] if not report.get("error")}, [r["error"] for r in document["reports"] if r.get("error")]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        return {row["File"] for row in rows if row["Status"] != "unreadable"}, [row["Message"] for row in rows if row["Status"] == "unreadable"]
    if fmt == "sarif":
        run = json.loads(text)["runs"][0]
        files = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in run["results"]}
        notes = [note["message"]["text"] for invocation in run["invocations"] for note in invocation.get("toolExecutionNotifications", [])]
        return files, notes
    root = ET.fromstring(text)  # junit
    suites = {suite.get("name"): suite for suite in root}
    errors = [error.get("message") or error.text or "" for suite in suites.values() for error in suite.iter("error")]
    return {name for name, suite in suites.items() if suite.get("errors") == "0"}, errors


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "csv", "sarif", "junit"])
def test_a_crashing_file_loses_only_itself(batch: Path, tmp_path: Path, fmt: str, jobs: str) -> None:
    output = tmp_path / f"out.{fmt}"
    result = faulty("check", "--lang", "en", "--jobs", jobs, "--format", fmt, "-o", str(output), ".", cwd=batch)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == ["crash.pdf: internal error (IndexError: 4); please report it"]
    assert "Traceback" not in result.stderr
    files, errors = _files_in(fmt, output.read_text(encoding="utf-8"))
    assert files == set(GOOD)  # every good report, complete (each has its findings)
    assert len(errors) == 1 and "crash.pdf" in errors[0] and "internal error" in errors[0]


def test_each_good_report_is_complete_beside_a_crash(batch: Path) -> None:
    alone = faulty("check", "--lang", "en", "--jobs", "1", "--format", "json", "good-03.pdf", cwd=batch)
    together = faulty("check", "--lang", "en", "--jobs", "2", "--format", "json", ".", cwd=batch)
    [mine] = [report for report in json.loads(together.stdout)["reports"] if report["file"] == "good-03.pdf"]
    assert mine == json.loads(alone.stdout)["reports"][0]


def test_extract_names_the_file_in_one_line(batch: Path) -> None:
    result = faulty("extract", "--lang", "en", "crash.pdf", cwd=batch)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == ["crash.pdf: internal error (IndexError: 4); please report it"]


def test_memory_run_out_is_the_files_own_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from finrecon import runner

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(runner, "load_report", exhausted)
    result = runner.check_file(tmp_path / "big.pdf", runner.Settings())
    assert result.error is not None and result.error.startswith(f"{tmp_path / 'big.pdf'}: ") and "\n" not in result.error


DYING_CLI = FAULTY_CLI.replace("raise IndexError(4)  # what Grid.cell raised on stray rulings", "import os; os._exit(134)  # PDFium aborting the process")


def test_a_worker_that_dies_loses_only_its_file(batch: Path) -> None:
    """``--jobs 2``: the file that kills its worker process (as PDFium aborting would) becomes its
    error entry; the files of the batches the dead pool left are checked in processes of their own."""
    result = subprocess.run([sys.executable, "-c", DYING_CLI, "check", "--lang", "en", "--jobs", "2", "--format", "json", "."],
                            capture_output=True, text=True, timeout=240, cwd=batch)
    assert result.returncode == 2, result.stderr
    assert result.stdout.rstrip().endswith("}"), f"a partial document; stderr: {result.stderr}"  # what failed, said
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 11 and document["summary"]["unreadable"] == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("crash.pdf: internal error (BrokenProcessPool") and line.endswith("please report it")
    assert {report["file"] for report in document["reports"] if not report.get("error")} == set(GOOD)
