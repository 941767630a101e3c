"""Binding: every figure learns where it stands; every printed number is one ``Stated``."""

from __future__ import annotations

from pathlib import Path

import pytest

from finrecon.readers import load_report
from finrecon.model import Figure
from finrecon.model.bind import _plan
from finrecon.model.figure import Strict, loc_of

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
