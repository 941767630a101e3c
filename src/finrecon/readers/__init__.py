"""Readers: from a file to a ``Report`` whose figures and words know where they were printed.

Two ways into the same house: YAML written (or extracted) by people, and the published PDF.
``load_report`` tells them apart by their first bytes, not by their names.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..i18n import Msg
from .source import Limits, LoadedReport, LoadError, NotAReport, Place, SourceMap, named, read_bytes
from .yaml_reader import load_text, load_yaml

__all__ = ["Limits", "LoadError", "LoadedReport", "NotAReport", "Place", "SourceMap", "load_report", "load_text", "is_pdf"]


def is_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` (readers accept it anywhere in the first kilobyte)."""
    return b"%PDF-" in data[:1024]


def load_report(
    path: str | os.PathLike[str], limits: Limits = Limits(), skip_non_reports: bool = False, meta: dict[str, Any] | None = None,
    template: str | None = None,
) -> LoadedReport:
    """Read one report, YAML or PDF; raise ``LoadError`` for anything unusable.  ``meta`` overrides
    what the report says of itself (``--unit``, ``--year``); ``template`` (``--template``) names the
    report's template, where its own (meta.template, its cover) should not choose."""
    name = str(path)
    try:
        data = read_bytes(Path(path), limits)
    except LoadError as error:
        raise named(error, name)
    if is_pdf(data):
        from .pdf import load_pdf  # PDFium is loaded only for PDFs

        return load_pdf(data, name, limits, meta, template)
    if name.lower().endswith(".pdf"):
        raise LoadError(Msg("pdf.empty" if not data else "pdf.not_pdf_file"), file=name)
    if not name.lower().endswith((".yaml", ".yml")):  # pyproject.toml, notes.txt: never read as a report
        raise LoadError(Msg("load.not_report_file", suffix=Path(name).suffix or "—"), file=name)
    return load_yaml(data, name, limits, skip_non_reports, meta, template)
