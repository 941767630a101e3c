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
