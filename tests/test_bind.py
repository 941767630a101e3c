"""Binding: every figure learns where it stands; every printed number is one ``Stated``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
from pydantic import BaseModel

from finrecon.engine import check
from finrecon.readers import load_report
from finrecon.model import Figure, Report
from finrecon.model.bind import _inner, _plan
from finrecon.model.figure import TITLE_EN, Strict, loc_of
from finrecon.rules.base import Options

SAMPLES = sorted(Path(__file__).parent.parent.joinpath("samples").glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_every_figure_and_every_number_it_states_is_bound(sample: Path) -> None:
    report = load_report(sample).report
    assert report.index, "a sample with no figures tests nothing"
    for path, figure in report.index.items():
        assert figure.path == path and figure.bound.path == path
        assert figure.bound.value == figure.value  # an unbound figure would say NaN
        assert report.numbers[path] is figure.bound
        for name in ("share_pct", "prior", "change", "change_pct", "budget", "completion_pct"):
            stated = getattr(figure, name)
            if stated is not None:
                assert report.numbers[f"{path}.{name}"].value == stated
                assert figure in report.stating
    assert len(report.numbers) >= len(report.index)


def test_a_tree_path_is_read_off_a_report_path() -> None:
    assert loc_of("tables.general_budget.rows[3].total") == ("tables", "general_budget", "rows", 3, "total")
    assert loc_of("narrative.total.share_pct") == ("narrative", "total", "share_pct")
    assert loc_of("") == ()


def test_a_field_binding_cannot_read_is_refused_when_the_class_is_first_bound() -> None:
    class Ambiguous(Strict):
        either: Figure | str | None = None

    with pytest.raises(TypeError, match="Ambiguous.either"):
        _plan(Ambiguous)


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[type[BaseModel]]:
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        inner = _inner(field.annotation)[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            yield from _models(inner, seen)


MODELS = list(_models(Report, set()))
_CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_of_every_model_is_titled_in_chinese_and_in_english(model: type[BaseModel]) -> None:
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        english = extra.get(TITLE_EN)
        assert field.title and _CJK.search(field.title), f"{model.__name__}.{name} has no Chinese title"
        assert isinstance(english, str) and english and not _CJK.search(english), f"{model.__name__}.{name} has no English title"


def test_the_models_walked_include_every_kind_of_figure_and_row() -> None:
    names = {model.__name__ for model in MODELS}
    assert {"Figure", "ClassFigure", "IncomeRow", "EconomicRow", "Project", "Indicator", "Assets", "Meta"} <= names


def test_a_figure_is_named_by_its_row_or_group_and_its_fields_title_in_either_language() -> None:
    report = load_report(SAMPLES[[path.stem for path in SAMPLES].index("shanghai-putuo-finance-2024")]).report
    named = {
        "narrative.general_budget.total": ("一般公共预算财政拨款支出", "general-budget appropriation expenditure"),
        "narrative.general_budget.total.budget": ("一般公共预算财政拨款支出预算数", "budget of general-budget appropriation expenditure"),
        "tables.income.total.total": ("合计·本年收入合计", "total row · total income"),
        "tables.appropriation.opening_balance.general_budget": (
            "年初财政拨款结转和结余·一般公共预算财政拨款", "opening appropriation carry-over and balance · general-budget appropriation",
        ),
        "tables.general_budget.rows[2].basic": ("行政运行（2010601）·基本支出", "行政运行（2010601） · basic expenditure"),
        "tables.summary.expenditure.by_class[0].amount": ("一般公共服务支出（201）", "一般公共服务支出（201）"),
    }
    for path, (zh, en) in named.items():
        assert (report.numbers[path].label_in("zh"), report.numbers[path].label_in("en")) == (zh, en), path
        assert report.numbers[path].label == zh


def test_english_messages_name_figures_by_their_english_labels_not_their_paths() -> None:
    messages = [finding.message for sample in SAMPLES for finding in check(load_report(sample), options=Options(lang="en"))]
    assert "general-budget appropriation expenditure as a share of total expenditure should be 99.97%, the report says 97.20%" in messages
    assert not [message for message in messages if re.search(r"\b(?:narrative|tables|other|performance)\.[a-z_]", message)]
