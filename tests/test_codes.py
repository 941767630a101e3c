"""Classification codes end to end: the catalogue, --catalog, and a report with planted errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon.catalog import builtin, load_catalog
from finrecon.cli import app
from finrecon.engine import check
from finrecon.readers import LoadError, load_text
from finrecon.rules.base import Options

PLANTED = """meta: {unit: 测试, year: 2020}
narrative:
  general_budget:
    by_class:
      - {code: "201", name: 一般公共服务支出, value: 10.00}
    items:
      - {code: "2010201", name: 一般行政管理事务, wording: "一般公共服务（类）政协事务（类）行政运行（项）", value: 10.00}
"""


def test_planted_code_name_mismatch_and_kuan_labelled_lei_are_both_found() -> None:
    findings = [(f.rule, f.path) for f in check(load_text(PLANTED), ["FR701", "FR705"])]
    assert findings == [
        ("FR701", "narrative.general_budget.items[0]"),
        ("FR705", "narrative.general_budget.items[0]"),
    ]


def test_catalogue_says_which_year_it_follows_and_covers_the_samples(samples) -> None:
    catalog = builtin()
    assert "2024" in catalog.follows
    for sample in samples.glob("*.yaml"):
        from finrecon.readers import load_report

        assert not [f for f in check(load_report(sample), ["FR704"])], sample


def test_user_catalogue_extends_and_overrides(tmp_path: Path) -> None:
    csv_file = tmp_path / "codes.csv"
    csv_file.write_text("code,name,former,since\n2019901,地方特色事务\n2010601,本地行政运行\n", encoding="utf-8")
    catalog = load_catalog(csv_file)
    assert catalog.get("2019901").name == "地方特色事务"
    assert catalog.get("2010601").name == "本地行政运行"
    assert catalog.get("210").former == "医疗卫生与计划生育支出"  # kept from the shipped catalogue
    yaml_file = tmp_path / "codes.yaml"
    yaml_file.write_text('"2019901": 地方特色事务\n', encoding="utf-8")
    assert load_catalog(yaml_file).get("2019901").name == "地方特色事务"
    report = load_text("meta: {unit: x, year: 2024}\ntables:\n  general_budget:\n    rows:\n      - {code: '2019901', name: 地方特色事务, total: 1.00}\n")
    assert [f.rule for f in check(report, ["FR701", "FR704"])] == ["FR704"]
    assert check(report, ["FR701", "FR704"], Options(catalog=load_catalog(csv_file))) == []


def test_bad_catalogue_is_a_clean_exit_2(tmp_path: Path, samples) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name\nabc,名称\n", encoding="utf-8")
    with pytest.raises(LoadError):
        load_catalog(bad)
    result = CliRunner().invoke(app, ["check", "--catalog", str(bad), str(samples / "minimal-clean.yaml")])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.yaml", "economic: [1]\n"),
        ("b.yaml", "functional: {'201': 一般公共服务支出}\nrenamed: [1]\n"),
        ("c.yaml", "functional: {'201': 一般公共服务支出}\nrenamed: {'201': {former: 旧名, since: abc}}\n"),
        ("d.csv", "code,name,former,since\n201,一般公共服务支出,旧名,2018²\n"),
        ("e.yaml", "- 1\n"),
    ],
)
def test_malformed_catalogues_are_load_errors(name: str, content: str, tmp_path: Path) -> None:
    catalog = tmp_path / name
    catalog.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError):
        load_catalog(catalog)
