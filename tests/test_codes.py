"""Classification codes end to end: the catalogue, --catalog, and a report with planted errors."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from finrecon.catalog import builtin, load_catalog, normalise_name
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
        ("f.yaml", "functional: {'20139': {name: 社会工作事务, from: 二〇二四}}\n"),
        ("g.yaml", "functional: {'20139': {title: 社会工作事务}}\n"),
        ("h.csv", "20139,社会工作事务,,,2024,later\n"),
    ],
)
def test_malformed_catalogues_are_load_errors(name: str, content: str, tmp_path: Path) -> None:
    catalog = tmp_path / name
    catalog.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError):
        load_catalog(catalog)


# ------------------------------------------------------------------ what the catalogue covers
PDF_CODES = Path(__file__).parent / "data" / "pdf-codes.csv"
CATALOGUE = Path(__file__).resolve().parent.parent / "src" / "finrecon" / "catalogs" / "classification-2024.yaml"


def _pdf_codes() -> list[dict[str, str]]:
    """Every (code, name) pair the real reports in shared/reports/pdf print in their tables, with file and page."""
    with PDF_CODES.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_every_code_the_real_reports_print_is_in_the_catalogue_under_the_name_they_print() -> None:
    catalog = builtin()
    rows = _pdf_codes()
    assert len({row["code"] for row in rows}) >= 150 and len({row["file"] for row in rows}) == 8
    wrong = []
    for row in rows:
        year = int(re.search(r"20\d\d", row["file"]).group(0))
        entry = catalog.get(row["code"])
        if entry is None or not entry.in_force(year) or normalise_name(entry.name_in(year)) != normalise_name(row["name"]):
            wrong.append((row["file"], row["page"], row["code"], row["name"], entry))
    assert not wrong


def test_every_catalogue_entry_says_where_it_comes_from_and_pdf_means_printed_by_a_pdf() -> None:
    printed = {row["code"] for row in _pdf_codes()}
    entries = re.findall(r'^  "(\d+)": .*?# (.+)$', CATALOGUE.read_text(encoding="utf-8"), re.M)
    assert len(entries) == len(builtin().entries)
    for code, tags in entries:
        sources = set(tags.split(" (")[0].split())
        assert sources and sources <= {"pdf", "issue", "mof"}, (code, tags)
        assert ("pdf" in sources) == (code in printed), code


# The 类 of the 一般公共预算, as table 4 of the 2024 final report prints them (pages 12–13), in order.
TABLE_4_CLASSES = (
    "一般公共服务支出 外交支出 国防支出 公共安全支出 教育支出 科学技术支出 文化旅游体育与传媒支出 社会保障和就业支出 卫生健康支出 "
    "节能环保支出 城乡社区支出 农林水支出 交通运输支出 资源勘探工业信息等支出 商业服务业等支出 金融支出 援助其他地区支出 "
    "自然资源海洋气象等支出 住房保障支出 粮油物资储备支出 国有资本经营预算支出 灾害防治及应急管理支出 其他支出 债务还本支出 "
    "债务付息支出 抗疫特别国债安排的支出"
).split()


def test_every_class_the_final_report_lists_is_a_class_of_the_catalogue() -> None:
    classes = {entry.name: code for code, entry in builtin().entries.items() if len(code) == 3 and code.startswith("2")}
    assert [name for name in TABLE_4_CLASSES if name not in classes] == []
    assert sorted(classes[name] for name in TABLE_4_CLASSES) == [classes[name] for name in TABLE_4_CLASSES]  # in code order


def test_the_name_in_force_is_the_one_of_the_reports_year() -> None:
    entry = builtin().get("22001")
    assert (entry.name_in(2018), entry.name_in(2019), entry.name_in(2024)) == ("国土资源事务", "自然资源事务", "自然资源事务")
    social_work = builtin().get("20139")
    assert not social_work.in_force(2023) and social_work.in_force(2024) and social_work.in_force(2025)

    def report(year: int, name: str) -> str:
        return f"meta: {{unit: x, year: {year}}}\ntables:\n  general_budget:\n    rows:\n      - {{code: '22001', name: {name}, total: 1.00}}\n"

    assert check(load_text(report(2018, "国土资源事务")), ["FR701", "FR703"]) == []  # the name then in force
    assert [(f.rule, f.expected) for f in check(load_text(report(2024, "国土资源事务")), ["FR701", "FR703"])] == [("FR703", "自然资源事务")]
    assert [(f.rule, f.expected) for f in check(load_text(report(2018, "测绘事务")), ["FR701"])] == [("FR701", "国土资源事务")]
    assert [(f.rule, f.expected) for f in check(load_text(report(2024, "测绘事务")), ["FR701"])] == [("FR701", "自然资源事务")]


def test_a_user_catalogue_gives_the_years_a_code_holds_in_yaml_or_csv(tmp_path: Path) -> None:
    yaml_file = tmp_path / "codes.yaml"
    yaml_file.write_text('functional:\n  "2019901": {name: 地方特色事务, from: 2023, until: 2024}\n', encoding="utf-8")
    csv_file = tmp_path / "codes.csv"
    csv_file.write_text("code,name,former,since,from,until\n2019901,地方特色事务,,,2023,2024\n", encoding="utf-8")
    for file in (yaml_file, csv_file):
        entry = load_catalog(file).get("2019901")
        assert (entry.valid_from, entry.valid_until) == (2023, 2024)
        assert [entry.in_force(year) for year in (2022, 2023, 2024, 2025)] == [False, True, True, False]
    overridden = tmp_path / "rename.csv"
    overridden.write_text("2013901,社会工作行政运行\n", encoding="utf-8")
    assert load_catalog(overridden).get("2013901").valid_from == 2024  # the shipped years stay with a renamed code
