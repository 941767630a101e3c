"""What ``finrecon extract`` and the package say they read: every kind ``formats.py`` lists, in
the help, in the extracted YAML's header and in the package's description — never “PDF only”."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from finrecon import formats
from finrecon.cli import app

from .conftest import SAMPLES
from .media_files import docx_bytes, model_draft

ROOT = Path(__file__).resolve().parent.parent


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return re.sub(r"\s+", " ", result.output)


def test_extract_help_names_every_kind_it_reads() -> None:
    text = _help("extract")
    assert "{pdf}" not in text.lower() and "已公开的 PDF 报告" not in text
    for suffix in formats.SEARCHED:
        if formats.READERS[suffix] != "yaml":
            assert suffix in text, suffix
    assert formats.kinds("zh", yaml=False) in text and formats.kinds("en", yaml=False) in text


def test_a_drafts_extracted_yaml_does_not_speak_of_pages(tmp_path) -> None:  # noqa: ANN001
    from finrecon.readers import load_report

    draft = tmp_path / "report.docx"
    draft.write_bytes(docx_bytes(model_draft(load_report(SAMPLES / "shanghai-putuo-finance-2024.yaml").report)))
    out = tmp_path / "back.yaml"
    result = CliRunner().invoke(app, ["extract", str(draft), "-o", str(out)])
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8").splitlines()[:3]
    assert "# paragraph " in out.read_text(encoding="utf-8")
    assert not any("p.N" in line for line in header), header
    assert any("where it was printed" in line for line in header), header


def test_the_package_description_names_every_kind_read() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    description = project["description"]
    for reader in dict.fromkeys(formats.READERS.values()):
        assert formats.NAMES[reader][1].lower() in description.lower(), reader
    assert "as YAML or as the published PDF" not in description


def test_extract_refuses_a_kind_it_does_not_read_naming_those_it_does(tmp_path) -> None:  # noqa: ANN001
    report = tmp_path / "report.yaml"
    report.write_text("meta: {unit: x, year: 2024}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--lang", "en", str(report)])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith(str(report)) and "\n" not in line, line
    assert all(suffix in line for suffix in formats.SEARCHED if formats.READERS[suffix] != "yaml"), line
