"""The typed template: every layout file loads as a ``Template``; a typo fails naming the key and
the file; the JSON Schema is committed; the template is chosen once and reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from finrecon import template
from finrecon.readers import LoadError, load_text
from finrecon.template import Template, TemplateError, choose, load_template, template_of, templates

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "src" / "finrecon" / "layouts"


def test_the_committed_schema_is_current() -> None:
    result = subprocess.run([sys.executable, "-m", "finrecon.template"], capture_output=True, text=True, check=True)
    committed = (ROOT / "schemas" / "template.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "schemas/template.schema.json is stale: run `python -m finrecon.template > schemas/template.schema.json`"


def test_every_layout_validates_against_the_schema_and_loads() -> None:
    schema = json.loads((ROOT / "schemas" / "template.schema.json").read_text(encoding="utf-8"))
    files = sorted(LAYOUTS.glob("*.yaml"))
    assert files
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
        loaded = load_template(path)
        assert loaded.name == path.stem  # a template is named as its file
    assert set(templates()) == {path.stem for path in files}


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda data: data.update(narative_part="情况说明"), "narative_part"),  # a typo: unknown key
        (lambda data: data.update(priority="high"), "priority"),  # a wrong type
        (lambda data: data["cover"].update(recognize="部门决算"), "cover.recognize"),
        (lambda data: data["tables"]["income"].update(shape="columns"), "tables.income.shape"),
        (lambda data: data.pop("kind"), "kind"),
    ],
)
def test_a_layout_with_an_unknown_key_or_a_wrong_type_fails_naming_the_key_and_the_file(tmp_path: Path, change, key: str) -> None:  # noqa: ANN001
    data = yaml.safe_load((LAYOUTS / "shanghai-district-final.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        load_template(path)
    assert str(error.value).startswith(f"{path}: {key}:")


def test_recognition_goes_by_priority_not_by_file_order(monkeypatch: pytest.MonkeyPatch) -> None:
    base = templates()["shanghai-district-final"]
    low = base.model_copy(update={"name": "aaa-low", "priority": -5, "default": False})
    high = base.model_copy(update={"name": "zzz-high", "priority": 50, "default": False})
    monkeypatch.setattr(template, "templates", lambda: {"aaa-low": low, "shanghai-district-final": base, "zzz-high": high})
    assert choose(cover="上海市普陀区财政局2024年度部门决算").name == "zzz-high"
    assert choose(kind="final").name == "shanghai-district-final"  # nothing to recognise: the kind's default
    assert choose(cover="某某县2024年度政府工作报告") is None


def test_a_sichuan_cover_is_read_with_the_sichuan_template_and_a_shanghai_cover_with_shanghais() -> None:
    assert choose(cover="政协攀枝花市西区委员会2020年度部门决算").name == "sichuan-district-final"
    assert choose(cover="上海市普陀区财政局2024年度部门决算").name == "shanghai-district-final"
    assert choose(cover="上海市普陀区2025年区级部门预算预算主管部门：上海市普陀区人民政府办公室").name == "shanghai-district-budget"
    assert choose(kind="final").name == "shanghai-district-final" and choose(kind="budget").name == "shanghai-district-budget"


def test_the_choice_is_made_once_in_this_order() -> None:
    assert choose("shanghai-district-budget", meta="shanghai", kind="final").name == "shanghai-district-budget"  # --template first
    assert choose(meta="SHANGHAI-budget", kind="budget").name == "shanghai-district-budget"  # then meta.template, in any case
    assert choose(meta="no-such", kind="budget").name == "shanghai-district-budget"  # then the first of the kind
    with pytest.raises(TemplateError):
        choose("no-such-template")


def test_the_chosen_template_travels_with_the_report() -> None:
    text = "meta: {unit: 测试, year: 2025, kind: budget}\n"
    assert template_of(load_text(text).report).name == "shanghai-district-budget"
    assert template_of(load_text(text, template="shanghai-district-final").report).name == "shanghai-district-final"
    with pytest.raises(LoadError) as error:
        load_text(text, template="no-such-template")
    assert "no-such-template" in error.value.render("en")


def test_the_template_is_a_frozen_typed_model() -> None:
    chosen = templates()["shanghai-district-final"]
    assert isinstance(chosen, Template) and chosen.kind == "final" and chosen.priority == 10 and chosen.default
    with pytest.raises(Exception):
        chosen.priority = 3  # type: ignore[misc]


def test_a_layout_file_given_as_template_reports_every_problem_placed_in_the_chosen_language(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from finrecon.cli import app

    text = (LAYOUTS / "shanghai-district-final.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    wrong = {"priority:": "priority: ten", "kind:": "kind: finl", "default:": "defalt: true"}
    where = {}
    for number, line in enumerate(lines):
        for key, replacement in wrong.items():
            if line.startswith(key) and key not in where:
                lines[number], where[key] = replacement, number + 1
    layout = tmp_path / "my.yaml"
    layout.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ROOT / "samples" / "minimal-clean.yaml"
    for lang, words in (("zh", ("此处应为整数", "未知的键")), ("en", ("an integer is expected", "unknown key 'defalt'"))):
        result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", lang, "--template", str(layout), str(report)])
        assert result.exit_code == 2
        problems = result.stderr.splitlines()
        assert [line.split(": ", 1)[0] for line in problems] == [f"{layout}:{where[key]}:{1 if key == 'default:' else len(key) + 2}" for key in ("kind:", "priority:", "default:")]
        assert all(word in result.stderr for word in words), result.stderr
        assert "Input should be" not in result.stderr and "Traceback" not in result.stderr


def test_every_layout_reads_the_same_as_a_layout_file() -> None:
    from finrecon.readers.tree import load_layout

    for path in sorted(LAYOUTS.glob("*.yaml")):
        assert load_layout(str(path)) == load_template(path), path.name


@pytest.mark.parametrize(("pdf", "wrong", "right"), [
    ("shanghai-putuo-finance-2024-final.pdf", "shanghai-district-budget", "shanghai-district-final"),
    ("shanghai-putuo-wanli-street-2024-budget.pdf", "shanghai-district-final", "shanghai-district-budget"),
])
def test_a_template_of_the_other_kind_is_refused_saying_what_the_cover_prints(pdf: str, wrong: str, right: str) -> None:
    from typer.testing import CliRunner

    from .conftest import shared_pdf
    from finrecon.cli import app

    path = shared_pdf(pdf)
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "--lang", "en", "--format", "json", "--template", wrong, str(path)])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["reports"][0]["error"]
    assert f"template {wrong} reads a" in error and f"--template {right}" in error, error
    assert "unit" not in error.split(":", 2)[-1].split("(")[0]  # not the misleading “no 单位名称”
    assert CliRunner().invoke(app, ["check", "--jobs", "1", "--template", right, str(path)]).exit_code in (0, 1)
