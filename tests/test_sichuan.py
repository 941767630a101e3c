"""The Sichuan template (layouts/sichuan-district-final.yaml, data only): the seed report's
narrative, read by the statement engine, gives the figures its hand-made transcription gives
(samples/panzhihua-xiqu-cppcc-2020.yaml) — and the same published errors (FR302, FR201)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from finrecon.engine import check
from finrecon.readers import load_report
from finrecon.template import templates

from .pagetext import load

ROOT = Path(__file__).resolve().parent.parent
SICHUAN = templates()["sichuan-district-final"]


@pytest.fixture(scope="module")
def seed():  # noqa: ANN201
    import os

    path = Path(os.environ.get("FINRECON_SHARED", ROOT.parent / "shared")) / "seeds" / "000_5bad65b3efb8bad8.txt"
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is required in CI")
        pytest.skip(f"{path} is not here (FINRECON_SHARED)")
    return load(path.read_text(encoding="utf-8"), SICHUAN, unit="政协攀枝花市西区委员会", year=2020)


@pytest.fixture(scope="module")
def sample():  # noqa: ANN201
    return load_report(ROOT / "samples" / "panzhihua-xiqu-cppcc-2020.yaml").report


def _figures(node, path: str = ""):  # noqa: ANN001, ANN202
    """(path, field, value) of every number under ``node``."""
    from pydantic import BaseModel

    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _figures(getattr(node, name), f"{path}.{name}" if path else name)
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from _figures(item, f"{path}[{index}]")
    elif isinstance(node, (Decimal, int)) and not isinstance(node, bool):
        yield path, Decimal(node)


def test_the_seed_narrative_gives_the_figures_of_its_transcription(seed, sample) -> None:  # noqa: ANN001
    seed = seed.report
    wanted = dict(_figures(sample.narrative, "narrative")) | dict(_figures(sample.other, "other"))
    got = dict(_figures(seed.narrative, "narrative")) | dict(_figures(seed.other, "other"))
    missing = {path: value for path, value in wanted.items() if path not in got}
    different = {path: (value, got[path]) for path, value in wanted.items() if path in got and got[path] != value}
    assert different == {}
    assert missing == {}  # every figure the transcription holds, the engine reads from the text
    assert seed.narrative.appropriation_total.change_pct == Decimal("-1.05")
    assert seed.narrative.general_budget.total.share_pct == Decimal("97.20")
    assert [item.code for item in seed.narrative.general_budget.items] == [item.code for item in sample.narrative.general_budget.items]
    assert [item.name for item in seed.narrative.general_budget.items] == [item.name for item in sample.narrative.general_budget.items]
    assert [item.code for item in seed.narrative.general_budget.by_class] == [item.code for item in sample.narrative.general_budget.by_class]


def test_the_seed_narrative_shows_its_published_arithmetic_errors(seed) -> None:  # noqa: ANN001
    findings = check(seed)
    wrong_base = [f for f in findings if f.rule == "FR302" and f.path.startswith("narrative.appropriation_total")]
    wrong_total = [f for f in findings if f.rule == "FR201" and f.path.startswith("narrative.general_budget.total")]
    assert wrong_base and wrong_total


def test_the_seed_is_read_with_the_sichuan_template_chosen_by_meta(seed) -> None:  # noqa: ANN001
    from finrecon.template import template_of

    assert template_of(seed.report).name == "sichuan-district-final"


# --------------------------------------------------------------------------- projects and the year's work
SEED_TEXT = Path(__import__("os").environ.get("FINRECON_SHARED", ROOT.parent / "shared")) / "seeds" / "000_5bad65b3efb8bad8.txt"


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the seed lives in ../shared/seeds (FINRECON_SHARED)")
def test_the_seed_projects_are_read_from_its_text_as_its_transcription_gives_them(sample) -> None:  # noqa: ANN001
    report = load_report(SEED_TEXT).report
    fields = ("name", "budget", "executed", "execution_rate_pct")
    assert [tuple(getattr(p, f) for f in fields) for p in report.performance.projects] == [
        tuple(getattr(p, f) for f in fields) for p in sample.performance.projects
    ]
    # the self-assessment reports' 资金到位 and 资金使用, one project each with the 综述's (they agree)
    assert [(p.arrived, p.paid, p.paid_pct) for p in report.performance.projects] == [
        (Decimal("21.55"), Decimal("21.55"), Decimal("100")),
        (Decimal("24.36"), Decimal("24.36"), Decimal("100")),
        (Decimal("19.32"), Decimal("8.67"), Decimal("44.88")),
    ]
    work = [(item.wording, item.amount, item.rate_pct) for item in report.organisation.work]
    assert ("社会资金", Decimal("16.17"), None) in work and ("占委员提案总数", None, Decimal("62.5")) in work
    assert any(wording.endswith("慰问金") and amount == Decimal("3.2") for wording, amount, _ in work)
    assert len(work) == 7  # no figure of the 部门概况 without a cue word is taken
    assert not [f for f in check(load_report(SEED_TEXT)) if f.rule in ("FR402", "FR403", "FR902")]


def _report(sections: str) -> str:
    return (
        "meta: {unit: 某单位, year: 2020, template: sichuan}\n"
        "text:\n  parts:\n"
        "    - heading: 第二部分 2020年度部门决算情况说明\n      sections:\n"
        "        - heading: （四）预算绩效管理情况\n          paragraphs:\n"
        "            - 本部门对2个项目开展了绩效自评。\n"
        "            - （1）甲经费项目绩效目标完成情况综述。项目全年预算数19.32万元，执行数为8.67万元，完成预算的44.88%。通过项目实施，保障了工作。\n"
        "            - （2）乙经费项目绩效目标完成情况。预算执行率100%，年初预算安排5万元，实际支出5万元。\n"
        "    - heading: 第四部分 附件\n      sections:\n" + sections
    )


def test_a_project_stated_otherwise_in_its_self_assessment_is_kept_apart_and_compared() -> None:
    from finrecon.readers import load_text

    loaded = load_text(_report(
        "        - heading: 一、项目概况\n          paragraphs: [甲经费项目全年预算安排21.32万元。主要用于工作。]\n"
        "        - heading: 二、项目资金申报及使用情况\n          paragraphs: ['2．资金到位。截止评价时点该项目资金21.32万元全部到位。', '3．资金使用。共计支付工作经费8.67万元，完成进度40.67%。']\n"
        "        - heading: 四、项目绩效情况\n          paragraphs: ['该项目全年预算数21.32万元，执行数为8.67万元，完成预算的40.67%。']\n"
    ), "某单位.yaml")
    projects = loaded.report.performance.projects
    assert [(p.name, p.budget, p.executed, p.execution_rate_pct) for p in projects] == [
        ("甲经费", Decimal("19.32"), Decimal("8.67"), Decimal("44.88")),
        ("乙经费", Decimal("5"), Decimal("5"), Decimal("100")),
        ("甲经费", Decimal("21.32"), Decimal("8.67"), Decimal("40.67")),  # the annex's, as printed: not dropped
    ]
    assert (projects[2].arrived, projects[2].paid, projects[2].paid_pct) == (Decimal("21.32"), Decimal("8.67"), Decimal("40.67"))
    findings = check(loaded)
    assert [(f.rule, f.path) for f in findings if f.rule in ("FR402", "FR403")] == [("FR403", "performance.projects[2].budget")]


def test_a_self_assessment_that_names_no_project_is_not_given_to_the_one_named_before() -> None:
    from finrecon.readers import load_text

    loaded = load_text(_report(
        "        - heading: 一、项目概况\n          paragraphs: [乙经费项目全年预算安排5万元。]\n"
        "        - heading: 四、项目绩效情况\n          paragraphs: ['该项目共计支付5万元，完成进度100%。']\n"
        "        - heading: 一、项目概况\n          paragraphs: [本项目用于保障工作。]\n"
        "        - heading: 四、项目绩效情况\n          paragraphs: ['该项目共计支付3万元，完成进度60%。']\n"
    ), "某单位.yaml")
    projects = loaded.report.performance.projects
    assert [(p.name, p.paid, p.paid_pct) for p in projects] == [("甲经费", None, None), ("乙经费", Decimal("5"), Decimal("100"))]


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the seed lives in ../shared/seeds (FINRECON_SHARED)")
def test_a_wrong_rate_in_the_seed_projects_text_is_found_where_it_is_printed(tmp_path) -> None:  # noqa: ANN001
    text = SEED_TEXT.read_text(encoding="utf-8")
    wrong = text.replace("完成预算的44.88%", "完成预算的48.88%").replace("完成进度44.88%", "完成进度40.88%")
    assert wrong.count("48.88%") == 2 and wrong.count("40.88%") == 1  # the 综述, its self-assessment's 四（一）, its 资金使用
    path = tmp_path / "000_5bad65b3efb8bad8.txt"
    path.write_text(wrong, encoding="utf-8")
    found = [f for f in check(load_report(path)) if f.rule == "FR402"]
    assert [(f.path, f.reported, f.expected) for f in found] == [
        ("performance.projects[2].execution_rate_pct", "48.88", "44.88"),
        ("performance.projects[2].paid_pct", "40.88", "44.88"),
    ]
    assert all(f.line > 0 and "完成" in f.excerpt for f in found)


# --------------------------------------------------------------------------- keyed items: never drop, never invent
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ITEM = st.fixed_dictionaries(
    {"name": st.sampled_from(["甲经费", "乙经费"])},
    optional={field: st.sampled_from([Decimal("19.32"), Decimal("21.32"), Decimal("8.67")]) for field in ("budget", "executed", "paid")},
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ITEM, max_size=8))
def test_joining_a_projects_items_keeps_every_number_and_adds_none(items) -> None:  # noqa: ANN001
    from finrecon.readers.sentences import _Found, _join_keyed

    found = _Found()
    loc = ("performance", "projects")
    found.tree = {"performance": {"projects": [dict(item) for item in items]}}
    for index, item in enumerate(items):
        for field in item:
            found.places[(*loc, index, field)] = (("text",), index)
    _join_keyed(found, loc, "name")
    joined = found.tree["performance"]["projects"]
    stated = {(item["name"], field, value) for item in items for field, value in item.items() if field != "name"}
    kept = {(item["name"], field, value) for item in joined for field, value in item.items() if field != "name"}
    assert kept == stated  # every number printed is in some item of its name, and no other
    assert len({item["name"] for item in joined}) == len({item["name"] for item in items})
    for first, item in enumerate(joined):  # two items of one name are two because they disagree
        for other in joined[first + 1 :]:
            if other["name"] == item["name"]:
                assert any(item[field] != other[field] for field in item.keys() & other.keys()), (item, other)
    for index, item in enumerate(joined):  # each value still knows where it was printed
        assert all((*loc, index, field) in found.places for field in item)


def test_projects_worded_otherwise_are_read_by_their_cue_words_and_a_project_named_by_none_is_not_understood() -> None:
    from finrecon.coverage import measure
    from finrecon.readers import load_text

    loaded = load_text(
        "meta: {unit: 某单位, year: 2021, template: sichuan}\n"
        "text:\n  parts:\n"
        "    - heading: 第二部分 2021年度部门决算情况说明\n      sections:\n"
        "        - heading: （四）预算绩效管理情况\n          paragraphs:\n"
        "            - （1）“社区治理专项”项目：全年预算数为120.5万元，实际支出118.2万元，预算执行率98.09%。\n"
        "            - （2）1.2万元的项目，执行数为1万元，完成预算的83.33%。\n"
        "    - heading: 第四部分 附件\n      sections:\n"
        "        - heading: 二、项目资金申报及使用情况\n"
        "          paragraphs: ['1.资金计划。社区治理专项项目年初预算安排120.5万元。', '2.资金到位。到位资金120.5万元。', '3.资金使用。累计支付资金118.2万元，支付进度98.09%。']\n"
        "        - heading: 一、项目概况\n          paragraphs: [项目用于其他。]\n"
        "        - heading: 四、项目绩效情况\n          paragraphs: ['该项目共计支付3万元，完成进度60%。']\n",
        "某单位.yaml",
    )
    projects = loaded.report.performance.projects
    assert [p.model_dump(exclude_none=True, exclude_defaults=True) for p in projects] == [{
        "name": "社区治理专项", "budget": Decimal("120.5"), "executed": Decimal("118.2"), "execution_rate_pct": Decimal("98.09"),
        "arrived": Decimal("120.5"), "paid": Decimal("118.2"), "paid_pct": Decimal("98.09"),
    }]
    # （2） names no project, and the second report names none: their figures are not read, nor understood
    coverage = measure(loaded.report, loaded.source)
    assert (coverage.understood, coverage.sentences) == (4, 6)
    assert [item.text for item in coverage.missed] == ["（2）1.2万元的项目，执行数为1万元，完成预算的83.33%。", "该项目共计支付3万元，完成进度60%。"]


def test_a_figure_of_the_years_work_is_understood_by_its_cue_word_only() -> None:
    from finrecon.coverage import measure
    from finrecon.readers import load_text

    loaded = load_text(
        "meta: {unit: 某单位, year: 2021, template: sichuan}\n"
        "text:\n  parts:\n"
        "    - heading: 第一部分 某单位概况\n      sections:\n"
        "        - heading: 一、基本职能及主要工作\n          paragraphs:\n"
        "            - 全年走访困难群众76户，送去慰问金 3.2万元。完成固定资产投资5000万元。群众满意率达98.5%，占全区总数的12%。\n",
        "某单位.yaml",
    )
    work = [(item.wording, item.amount, item.rate_pct) for item in loaded.report.organisation.work]
    assert work == [("送去慰问金", Decimal("3.2"), None), ("群众满意率", None, Decimal("98.5")), ("占全区总数", None, Decimal("12"))]
    coverage = measure(loaded.report, loaded.source)
    assert [item.text for item in coverage.missed] == ["完成固定资产投资5000万元。"]  # no cue word says what it is
    assert not [f for f in check(loaded) if f.path.startswith("organisation.work")]  # no rule checks them
