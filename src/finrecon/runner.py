"""Checking many reports: in order, or in parallel with results kept in input order.

Each worker loads and checks one report at a time and returns only its ``FileResult``, so memory
holds one report per worker plus the findings, however many files there are.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .engine import check
from .i18n import t
from .readers import Limits, LoadError, NotAReport, load_report
from .results import FileResult
from .rules import years
from .rules.base import Options
from .waivers import ConfigWaiver


@dataclass(frozen=True)
class Settings:
    rule_ids: tuple[str, ...] | None = None
    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)
    baseline: frozenset[str] = frozenset()
    skip_non_reports: bool = False  # YAML without a top-level meta: is passed over (pre-commit)
    waivers: tuple[ConfigWaiver, ...] = ()  # the configuration's waivers


def check_file(path: Path, settings: Settings) -> FileResult:
    try:
        loaded = load_report(path, settings.limits, settings.skip_non_reports)
    except NotAReport as error:
        return FileResult(str(path), error=error.render(settings.options.lang), skipped=True)
    except LoadError as error:
        return FileResult(str(path), error=error.render(settings.options.lang))
    meta = loaded.report.meta
    rule_ids = list(settings.rule_ids) if settings.rule_ids is not None else None
    try:
        waivers = [waiver for waiver in settings.waivers if waiver.applies_to(str(path))]
        findings = check(loaded, rule_ids, settings.options, settings.baseline, waivers)
        comparable = years.comparable(loaded, str(path)) if years.wanted(settings.rule_ids) else None
    except Exception as error:  # noqa: BLE001 - a bug must not stop the other files of a batch
        if os.environ.get("FINRECON_DEBUG"):
            raise
        return FileResult(str(path), meta.unit, meta.year, error=f"{path}: " + t("cli.internal", settings.options.lang, error=f"{type(error).__name__}: {error}"))
    return FileResult(str(path), meta.unit, meta.year, findings, comparable=comparable)


def _check_many(job: tuple[list[Path], Settings]) -> list[FileResult]:
    paths, settings = job
    return [check_file(path, settings) for path in paths]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_all(paths: list[Path], settings: Settings, jobs: int = 1) -> Iterator[FileResult]:
    """Results in the order of ``paths``, whatever ``jobs`` is, each as soon as it is ready; then
    the cross-year stage's, which needs every report (``rules/years.py``)."""
    comparables = []
    for result in _check_each(paths, settings, jobs):
        if result.comparable is not None:
            comparables.append(result.comparable)
            result.comparable = None
        yield result
    yield from years.results_across_years(comparables, settings)


def _check_each(paths: list[Path], settings: Settings, jobs: int) -> Iterator[FileResult]:
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1:
        for path in paths:
            yield check_file(path, settings)
        return
    size = max(1, min(64, len(paths) // (jobs * 8) or 1))
    batches = [(paths[start : start + size], settings) for start in range(0, len(paths), size)]
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing is loaded only when it is used

    try:
        pool = ProcessPoolExecutor(max_workers=jobs)
    except (OSError, NotImplementedError):  # no process support here (a locked-down sandbox): go on alone
        yield from _check_each(paths, settings, 1)
        return
    with pool:
        # map() returns results in the order of the batches: the output never depends on --jobs.
        for results in pool.map(_check_many, batches):
            yield from results
