"""Readers: from a file to a ``Report`` whose figures and words know where they were printed.

Several ways into the same house: YAML written (or extracted) by people, the published PDF, the
drafts (Word, Excel), the web page and the page text.  ``load_report`` tells a PDF by its first
bytes, the others by their names (a Word file and a workbook are both zip packages), and YAML is
what is left.  ``a.docx+a.xlsx`` names one report printed in two files (the 情况说明 in Word, the
tables in the workbook): they are read as one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..i18n import Msg
from .source import Limits, LoadedReport, LoadError, NotAReport, Place, SourceMap, named, read_bytes
from .yaml_reader import load_text, load_yaml

__all__ = ["Limits", "LoadError", "LoadedReport", "NotAReport", "Place", "SourceMap", "load_report", "load_text", "is_pdf", "MEDIA"]

from ..formats import MEDIA  # noqa: E402 - the media read besides YAML and PDF, registered there
OLD_FORMATS = {".doc": ".docx", ".xls": ".xlsx", ".wps": ".docx", ".et": ".xlsx"}


def is_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` (readers accept it anywhere in the first kilobyte)."""
    return b"%PDF-" in data[:1024]


def medium_of(name: str) -> str | None:
    """The medium a file's name says it is, or ``None`` (YAML or PDF: told by the content)."""
    return MEDIA.get(os.path.splitext(name)[1].lower())


def split_parts(name: str) -> list[str]:
    """``a.docx+b.xlsx`` → its files (split only after a draft's suffix: a folder may hold a +)."""
    pieces = _JOINED.split(name)  # the suffix is captured: put it back on its part
    return [pieces[i] + pieces[i + 1] for i in range(0, len(pieces) - 1, 2)] + [pieces[-1]]


_JOINED = re.compile(r"(\.(?:docx|docm|xlsx|xlsm|html|htm))\+", re.IGNORECASE)


def load_report(
    path: str | os.PathLike[str], limits: Limits = Limits(), skip_non_reports: bool = False, meta: dict[str, Any] | None = None,
    template: str | None = None,
) -> LoadedReport:
    """Read one report — YAML, PDF, Word, Excel, web page or page text, or ``a.docx+a.xlsx`` —
    and raise ``LoadError`` for anything unusable.  ``meta`` overrides what the report says of
    itself (``--unit``, ``--year``); ``template`` (``--template``) names the report's template,
    where its own (meta.template, its cover) should not choose."""
    name = str(path)
    if "+" in name and not Path(path).exists():
        parts = split_parts(name)
        if len(parts) > 1 and all(parts):
            from .combined import load_combined

            return load_combined(parts, name, limits, meta, template)
    suffix = os.path.splitext(name)[1].lower()
    if suffix in OLD_FORMATS:
        raise LoadError(Msg("media.old_format", suffix=suffix, hint=OLD_FORMATS[suffix]), file=name)
    try:
        data = read_bytes(Path(path), limits)
    except LoadError as error:
        raise named(error, name)
    if is_pdf(data):
        from .pdf import load_pdf  # PDFium is loaded only for PDFs

        return load_pdf(data, name, limits, meta, template)
    if suffix == ".pdf":
        raise LoadError(Msg("pdf.empty" if not data else "pdf.not_pdf_file"), file=name)
    medium = medium_of(name)
    if medium is not None:
        from .combined import load_medium  # each medium's library is loaded only when it is read

        return load_medium(medium, data, name, limits, meta, template)
    if suffix not in (".yaml", ".yml"):  # pyproject.toml: never read as a report
        from ..formats import suffixes

        raise LoadError(Msg("load.not_report_file", suffix=Path(name).suffix or "—", suffixes=suffixes()), file=name)
    return load_yaml(data, name, limits, skip_non_reports, meta, template)
