"""Checking many reports: in order, or in parallel with results kept in input order.

Each worker loads and checks one report at a time and returns only its ``FileResult``, so memory
holds one report per worker plus the findings, however many files there are.
"""

from __future__ import annotations

import gc
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
from .template import template_of
from .waivers import ConfigWaiver


def coverage_of(report, source, details: bool = False):  # noqa: ANN001, ANN201 - coverage.of's
    """``coverage.of``, whose module a report read from YAML (no printed lines) never loads."""
    if not source.printed_lines:
        return None
    from .coverage import of

    return of(report, source, details)


@dataclass(frozen=True)
class Settings:
    rule_ids: tuple[str, ...] | None = None
    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)
    baseline: frozenset[str] = frozenset()
    skip_non_reports: bool = False  # YAML without a top-level meta: is passed over (pre-commit)
    waivers: tuple[ConfigWaiver, ...] = ()  # the configuration's waivers
    meta: tuple[tuple[str, object], ...] = ()  # what overrides each report's own meta (--unit, --year)
    coverage: bool = False  # measure what was read of what was printed (--coverage)
    template: str | None = None  # --template: every report is read with this template
    across_years: bool = True  # each report leaves what the cross-year stage compares (not for a single file)


def check_file(path: Path, settings: Settings) -> FileResult:
    """One file's result, whatever happens while it is read or checked: an unusable input, a
    reader's or a rule's bug, memory run out — each becomes this file's error entry, naming the
    file, and the other files of the batch go on."""
    lang = settings.options.lang
    try:
        loaded = load_report(path, settings.limits, settings.skip_non_reports, dict(settings.meta) or None, settings.template)
    except NotAReport as error:
        return FileResult(str(path), error=error.render(lang), skipped=True)
    except LoadError as error:
        problems = [
            {"line": one.line, "column": one.column, "page": one.page, "message": one.text.render(lang)} for one in error.problems()
        ]
        return FileResult(str(path), error=error.render_all(lang), problems=problems)
    except Exception as error:  # noqa: BLE001 - a reader's bug must not stop the other files of a batch
        if os.environ.get("FINRECON_DEBUG"):
            raise
        return FileResult(str(path), error=internal_error(path, error, lang))
    meta = loaded.report.meta
    rule_ids = list(settings.rule_ids) if settings.rule_ids is not None else None
    try:
        waivers = [waiver for waiver in settings.waivers if any(waiver.applies_to(name) for name in _names(path))]
        findings = check(loaded, rule_ids, settings.options, settings.baseline, waivers)
        comparable = years.comparable(loaded, str(path)) if settings.across_years and years.wanted(settings.rule_ids) else None
    except Exception as error:  # noqa: BLE001 - a bug must not stop the other files of a batch
        if os.environ.get("FINRECON_DEBUG"):
            raise
        return FileResult(str(path), meta.unit, meta.year, error=internal_error(path, error, lang))
    chosen = template_of(loaded.report)
    return FileResult(
        str(path), meta.unit, meta.year, findings,
        coverage=coverage_of(loaded.report, loaded.source, settings.coverage), template=chosen.name if chosen else None, kind=meta.kind,
        comparable=comparable,
    )


def internal_error(path: Path | str, error: BaseException, lang: str) -> str:
    """The one line an unexpected failure becomes: the file, and what to do about it."""
    if isinstance(error, MemoryError):
        return f"{path}: " + t("load.memory", lang)
    what = " ".join(f"{type(error).__name__}: {error}".split())
    return f"{path}: " + t("cli.internal", lang, error=what[:200])


def _isolated(path: Path, settings: Settings) -> FileResult:
    """One file checked in a process of its own: what a batch falls back on when a worker died
    (PDFium may crash a process), so that only the file that killed it is lost."""
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(check_file, path, settings).result()
    except Exception as error:  # noqa: BLE001 - BrokenProcessPool: the file crashed its process
        return FileResult(str(path), error=internal_error(path, error, settings.options.lang))


_WORKER_SETTINGS = Settings()  # a worker's settings, given once when it starts (not with every batch)


def _start_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    gc.enable()  # a command line run starts with the collector paused (cli.run); a worker's start is over


def _check_many(paths: list[Path]) -> list[FileResult]:
    return [check_file(path, _WORKER_SETTINGS) for path in paths]


def _names(path: Path) -> list[str]:
    """A report's file, and for one in several files (``r.docx+r.xlsx``) each of them too."""
    from .readers import split_parts

    parts = split_parts(str(path))
    if len(parts) == 1:
        return parts
    folder = os.path.dirname(parts[0])
    return [str(path), parts[0], *(part if os.path.dirname(part) else os.path.join(folder, part) for part in parts[1:])]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_all(paths: list[Path], settings: Settings, jobs: int = 1) -> Iterator[FileResult]:
    """Results in the order of ``paths``, whatever ``jobs`` is, each as soon as it is ready; then
    the cross-year stage's, which needs every report (``rules/years.py``)."""
    comparables = []
    if len(paths) < 2:  # one report has no other year to be compared with
        from dataclasses import replace

        settings = replace(settings, across_years=False)
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
    batches = [paths[start : start + size] for start in range(0, len(paths), size)]
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing is loaded only when it is used

    gc.freeze()  # what the parent holds now is shared with the forked workers, and never collected by them
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings,))
    except (OSError, NotImplementedError):  # no process support here (a locked-down sandbox): go on alone
        yield from _check_each(paths, settings, 1)
        return
    with pool:
        # Results in the order of the batches: the output never depends on --jobs.  A batch whose
        # worker died is checked again file by file, each in a process of its own.
        futures = [pool.submit(_check_many, batch) for batch in batches]
        for batch, future in zip(batches, futures):
            try:
                results = future.result()
            except Exception:  # noqa: BLE001 - a worker that died (BrokenProcessPool)
                results = [_isolated(path, settings) for path in batch]
            yield from results
