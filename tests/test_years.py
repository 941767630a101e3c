"""The cross-year stage (rules/years.py) through the runner: reports matched by meta, whatever
their file names and --jobs; a finding names both files; each file is counted once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finrecon.interval import Interval
from finrecon.readers import Limits, load_report, load_text
from finrecon.results import Tally
from finrecon.rules import years
from finrecon.runner import Settings, check_all

from .conftest import shared_pdf

LAST = "meta: {unit: 示例街道办事处, year: 2024, kind: budget}\nbudget: {other: {three_public: {total: 46.91}}}\n"
THIS = "meta: {unit: 示例街道办事处, year: 2025, kind: budget}\nbudget: {other: {three_public: {total: {value: 37.91, change: -10}}}}\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_pair_matched_by_meta_not_file_name(tmp_path: Path, jobs: int) -> None:
    # The file names say nothing of the year, and the later year comes first.
    (tmp_path / "a.yaml").write_text(THIS, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(LAST, encoding="utf-8")
    paths = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    results = list(check_all(paths, Settings(rule_ids=("FR311",)), jobs))
    assert [r.continued for r in results] == [False, False, True]
    (finding,) = results[-1].findings
    assert results[-1].file == str(paths[0]) and finding.rule == "FR311"
    assert str(paths[0]) in finding.message and str(paths[1]) in finding.message
    assert (finding.reported, finding.expected, finding.line) == ("47.91", "46.91", 2)
    tally = Tally()
    for result in results:
        tally.add(result)
    assert tally.files == 2 and tally.counts["warning"] == 1
    assert all(result.comparable is None for result in results)  # nothing held past the stage


def test_no_stage_when_its_rules_are_not_selected(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(THIS, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(LAST, encoding="utf-8")
    results = list(check_all([tmp_path / "a.yaml", tmp_path / "b.yaml"], Settings(rule_ids=("FR101",))))
    assert len(results) == 2


def test_street_office_budgets_agree_across_years() -> None:
    """万里街道's 2025 budget states eleven 上年预算 figures (比2024年预算增加/减少…): each is 2024's."""
    comparables = []
    for year in (2024, 2025):
        path = shared_pdf(f"shanghai-putuo-wanli-street-{year}-budget.pdf")
        comparables.append(years.comparable(load_report(path, Limits(), False), str(path)))
    last, this = comparables
    compared = [target for (kind, target) in this.priors if kind == "budget" and target in last.figures]
    assert len(compared) == 11 and "budget.other.three_public.total" in compared
    assert len(set(this.classes) & set(last.classes)) == 97
    assert years.across_years(comparables, years.year_rules(None, None)) == {}


def test_a_bug_in_the_stage_is_an_error_line_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text(THIS, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(LAST, encoding="utf-8")

    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(years, "across_years", broken)
    monkeypatch.delenv("FINRECON_DEBUG", raising=False)
    results = list(check_all([tmp_path / "a.yaml", tmp_path / "b.yaml"], Settings(rule_ids=("FR311",))))
    assert [r.error is None for r in results] == [True, True, False] and "boom" in results[-1].error


_CENTS = st.integers(min_value=-10**8, max_value=10**8).map(lambda cents: Decimal(cents).scaleb(-2))


@given(value=_CENTS, change=_CENTS, last=_CENTS)
def test_a_prior_is_reported_exactly_when_the_intervals_do_not_meet(value: Decimal, change: Decimal, last: Decimal) -> None:
    this = f"meta: {{unit: 示例局, year: 2025, kind: budget}}\nbudget: {{other: {{three_public: {{total: {{value: {value}, change: {change}}}}}}}}}\n"
    before = f"meta: {{unit: 示例局, year: 2024, kind: budget}}\nbudget: {{other: {{three_public: {{total: {last}}}}}}}\n"
    comparables = [years.comparable(load_text(text, name), name) for text, name in ((before, "a.yaml"), (this, "b.yaml"))]
    found = years.across_years(comparables, years.year_rules(["FR311"], None))
    stated = Interval(value - change - Decimal("0.01"), value - change + Decimal("0.01"))  # two half-cents
    assert bool(found) == (not stated.meets(Interval.printed(last)))
    if found:
        (finding,) = found["b.yaml"]
        assert Decimal(finding.difference) == value - change - last
