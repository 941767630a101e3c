"""The README's samples table says what the tool gives: each sample's counts by severity and its
rules, checked here against ``finrecon check``, so that the table cannot go stale."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from finrecon.cli import app

ROOT = Path(__file__).resolve().parent.parent
_ROW = re.compile(r"^\| `(samples/[^`]+)` \| [^|]+ \| ([^|]+) \|$", re.M)
_COUNT = re.compile(r"(\d+) (error|warning|note)s?\b")
_RULE = re.compile(r"(?:(\d+) × )?(FR\d{3})")
_SEVERITY = {"error": "error", "warning": "warning", "note": "info"}


def _claims() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Samples"):]
    section = section[: section.index("\n## ", 1)]
    return {name: result.strip() for name, result in _ROW.findall(section)}


def test_every_sample_is_in_the_readme_table() -> None:
    assert sorted(_claims()) == sorted(f"samples/{path.name}" for path in (ROOT / "samples").glob("*.yaml"))


def test_the_readme_samples_table_says_what_the_tool_gives() -> None:
    for name, claim in _claims().items():
        result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", "en", "--format", "json", str(ROOT / name)])
        findings = json.loads(result.stdout)["reports"][0]["findings"]
        severities = Counter(finding["severity"] for finding in findings)
        rules = Counter(finding["rule"] for finding in findings)
        if claim == "clean":
            assert not findings, (name, rules)
            continue
        counts, _, listed = claim.partition(":")
        said = Counter({_SEVERITY[kind]: int(number) for number, kind in _COUNT.findall(counts)})
        assert said == severities, (name, claim, dict(severities))
        named = Counter()
        for times, rule in _RULE.findall(listed):
            named[rule] += int(times or 1)
        assert named == rules, (name, claim, dict(rules))


def test_the_readme_names_every_kind_a_folder_search_finds() -> None:
    from finrecon.formats import SEARCHED

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "*.yml and *.pdf below" not in readme
    for line in readme.splitlines():
        if "below reports/" in line and "(" in line or "directories (every" in line:
            assert all(suffix in line for suffix in SEARCHED), line


def test_the_readme_install_names_every_dependency() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme[readme.index("## Install"):]
    install = install[: install.index("\n## ", 1)]
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0]
        assert name.lower() in install.lower(), name
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        for script in re.findall(r"benchmarks/[\w.]+\.py", line):
            assert (ROOT / script).is_file(), line
