"""Hostile and broken input: every case ends quickly, in bounded memory, with a clean exit.

The resource tests run the real CLI in a subprocess under an address-space limit and a timeout
(a hang guard, many times the normal cost: the seconds are measured by ``benchmarks/hostile.py``);
the fuzz tests drive the CLI in-process over arbitrary bytes and arbitrary YAML trees.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from finrecon.cli import app

from .work import assert_linear, python_calls

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space for the whole interpreter
TIME_LIMIT = 60.0  # a hang guard, not a speed claim: each case ends in about a second alone


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "finrecon", args[0], "--lang", "zh", *args[1:]],
        capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory,
    )


def _alias_bomb() -> str:
    lines = ["meta: {unit: x, year: 2020}", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


HOSTILE = {
    "alias-bomb": _alias_bomb(),
    "deep-nesting": "meta: {unit: x, year: 2020}\nx: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deep-mappings": "meta: {unit: x, year: 2020}\nx:\n" + "".join(" " * i + "a:\n" for i in range(3000)),
    "python-object": "meta: {unit: x, year: 2020}\nx: !!python/object/apply:os.system ['touch /tmp/finrecon-pwned']\n",
    "many-nodes": "meta: {unit: x, year: 2020}\nx:\n" + "- 1\n" * 1_500_000,
    "huge-scalar": "meta: {unit: x, year: 2020}\nx: '" + "数" * 4_000_000 + "'\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_ends_fast_in_bounded_memory(name: str, tmp_path: Path) -> None:
    report = tmp_path / f"{name}.yaml"
    report.write_text(HOSTILE[name], encoding="utf-8")
    result = run_limited("check", str(report))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()  # each problem one line, at its place in the file
    assert lines and all(line.startswith(f"{report}:") for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("/tmp/finrecon-pwned").exists()


def test_file_of_hundreds_of_megabytes_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(300 * 1024 * 1024)  # sparse: costs no disk
    result = run_limited("check", str(big))
    assert result.returncode == 2 and "文件过大" in result.stderr


def test_limits_can_be_raised_for_a_real_report_that_needs_more(tmp_path: Path) -> None:
    report = tmp_path / "nested.yaml"
    report.write_text("meta: {unit: x, year: 2020}\nnarrative: {total: 1.00}\n", encoding="utf-8")
    assert run_limited("check", "--max-depth", "1", str(report)).returncode == 2
    assert run_limited("check", "--max-depth", "3", str(report)).returncode == 0


def test_pipes_devices_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run_limited("check", str(fifo), "/dev/zero")
    assert result.returncode == 2
    assert result.stderr.count("不是普通文件") == 2
    from finrecon.readers import LoadError, load_report

    report = tmp_path / "locked.yaml"
    report.write_text("meta: {unit: x, year: 2020}\n", encoding="utf-8")

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003 - stands in for a file we may not read
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(LoadError, match="没有读取权限"):
        load_report(report)


def test_directories_and_globs(tmp_path: Path) -> None:
    from finrecon.discover import discover

    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.yml", "a.yaml", ".hidden/x.yaml", "notes.md", "c/r.pdf", "d/r.docx", "d/r.xlsx", "d/~$r.docx", "d/README.txt", "d/w.html", "d/w.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, problems = discover([str(tmp_path), str(tmp_path / "*.yaml")])
    d = tmp_path / "d"
    # a Word file and a workbook of one stem are one report
    assert files == [tmp_path / "a.yaml", tmp_path / "b" / "2.yml", tmp_path / "c" / "r.pdf", d / "r.docx+r.xlsx", d / "w.html", d / "w.txt"]
    assert problems == []
    (tmp_path / "empty").mkdir()
    problems = discover([str(tmp_path / "a.yaml"), str(tmp_path / "empty"), str(tmp_path / "*.none")])[1]
    assert [(argument, problem.render("zh"), position) for argument, problem, position in problems] == [
        (str(tmp_path / "empty"), "目录中没有报告文件（.pdf, .yaml, .yml, .docx, .xlsx, .html, .htm, .txt）", 1),
        (str(tmp_path / "*.none"), "没有文件与此模式匹配", 1),
    ]
    result = CliRunner().invoke(app, ["check", str(tmp_path / "empty")])
    assert result.exit_code == 2


# ------------------------------------------------------------------------------ CLI fuzzing
def _cli_exit(data: bytes) -> int:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "fuzz.yaml"
        report.write_bytes(data)
        result = CliRunner().invoke(app, ["check", "--format", "json", str(report)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_cli_on_any_bytes_exits_cleanly(data: bytes) -> None:
    assert _cli_exit(data) in (0, 1, 2)


report_keys = st.sampled_from(["meta", "unit", "year", "narrative", "income", "total", "value", "share_pct", "tables", "summary", "other", "operating_costs", "change", "prior", "budget"])
leaves = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=8),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**6).map(str),
)
trees = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(report_keys, inner, max_size=4)), max_leaves=25)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_cli_on_any_yaml_tree_exits_cleanly(tree: object) -> None:
    if isinstance(tree, dict):
        tree = {"meta": {"unit": "x", "year": 2020}, **tree}
    assert _cli_exit(yaml.safe_dump(tree, allow_unicode=True).encode()) in (0, 1, 2)


# Valid reports that are merely large or odd: every rule runs on them, in linear time.  Linear is
# asserted by counting the work (Python calls, cProfile) at n, 2n and 4n, never by a clock, so that
# machine load cannot fail it; the seconds are measured in benchmarks/ (regular expressions, whose
# work is not in calls, in benchmarks/hostile.py).
def _many_rows(count: int) -> str:
    rows = "".join(f"      - {{code: '3{i % 99 + 1:02d}{i % 89 + 10:02d}', name: 名称{i}, amount: 1.00}}\n" for i in range(count))
    return "meta: {unit: x, year: 2024}\ntables:\n  basic:\n    rows:\n" + rows


def _many_wrong_shares(count: int) -> str:
    items = "".join(f"      - {{code: '201', name: 一般公共服务支出, value: {i + 1}.00, share_pct: 50.00}}\n" for i in range(count))
    return "meta: {unit: x, year: 2024}\nnarrative:\n  general_budget:\n    total: 100000.00\n    by_class:\n" + items


def _long_wording(count: int) -> str:
    return ("meta: {unit: x, year: 2024}\nnarrative:\n  general_budget:\n    items:\n"
            "      - {code: '2010201', name: 行政运行, value: 1.00, wording: '" + "政" * count + "'}\n")


# each case: how it is built, its full size, and the smallest of the three sizes that are counted
VALID_BUT_LARGE = {
    "sixty-thousand-rows": (_many_rows, 60_000, 1000),
    "long-wording": (_long_wording, 300_000, 5000),
    "ten-thousand-wrong-shares": (_many_wrong_shares, 10_000, 500),
}


def _check_in_process(text: str, where: Path) -> tuple[int, str, int]:
    """Exit code, output and the Python calls of one ``finrecon check`` of ``text``."""
    report = where / "report.yaml"
    report.write_text(text, encoding="utf-8")
    result, calls = python_calls(lambda: CliRunner().invoke(app, ["check", "--jobs", "1", "--format", "json", str(report)]))
    return result.exit_code, result.output, calls


@pytest.mark.parametrize("name", sorted(VALID_BUT_LARGE))
def test_valid_but_large_reports_are_checked(name: str, tmp_path: Path) -> None:
    build, full, _ = VALID_BUT_LARGE[name]
    code, output, _ = _check_in_process(build(full), tmp_path)
    assert code in (0, 1), output
    assert "Traceback" not in output


@pytest.mark.parametrize("name", sorted(VALID_BUT_LARGE))
def test_valid_but_large_reports_are_checked_in_linear_time(name: str, tmp_path: Path) -> None:
    build, _, small = VALID_BUT_LARGE[name]
    _check_in_process(build(10), tmp_path)  # what is built once (validators, lazy imports) is not counted
    assert_linear([_check_in_process(build(small * factor), tmp_path)[2] for factor in (1, 2, 4)])
