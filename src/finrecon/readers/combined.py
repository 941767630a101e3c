"""The readers of drafts, web pages and page texts, by medium; and one report in several files.

``load_medium`` reads one file of a medium; ``load_combined`` reads ``a.docx+a.xlsx`` — the
情况说明 in a Word file and the tables in the workbook the final-accounts software exported — as
one report: their words and tables one after the other, in the order named, each place keeping
its file's name.  Each medium's library is imported only when a file of that medium is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..i18n import Msg
from .media import Document, build, join_files
from .source import Limits, LoadedReport, LoadError, named, read_bytes
from .tree import derive_and_validate


def document_of(medium: str, data: bytes, name: str, limits: Limits) -> Document:
    """The lines and grids of one file of a medium that gives its paragraphs whole."""
    if medium == "docx":
        from .docx import docx_document

        return docx_document(data, name, limits)
    if medium == "xlsx":
        from .xlsx import xlsx_document

        return xlsx_document(data, name, limits)
    if medium == "html":
        from .html import html_document

        return html_document(data, name, limits)
    raise LoadError(Msg("media.combine", part=name))


def read_medium(
    medium: str, data: bytes, name: str, limits: Limits = Limits(), overrides: dict[str, Any] | None = None, template: str | None = None,
) -> tuple[dict[str, Any], Any]:
    """The report tree of one file of a medium and where each of its values was printed
    (``overrides``: ``--unit``, ``--year``; ``template``: ``--template``)."""
    try:
        if medium == "txt":
            from .txt import read_txt

            return read_txt(data, limits, name, overrides, template)
        return build(document_of(medium, data, name, limits), template=template, overrides=overrides)
    except RecursionError as error:  # a document nested deeper than any report
        raise LoadError(Msg("media.xml", problem="nested too deeply")) from error


def load_medium(
    medium: str, data: bytes, name: str, limits: Limits = Limits(), overrides: dict[str, Any] | None = None, template: str | None = None,
) -> LoadedReport:
    try:
        tree, source = read_medium(medium, data, name, limits, overrides, template)
        return LoadedReport(name, derive_and_validate(tree, source, name), source)
    except LoadError as error:
        raise named(error, name)


def read_combined(
    parts: list[str], limits: Limits = Limits(), overrides: dict[str, Any] | None = None, template: str | None = None,
) -> tuple[dict[str, Any], Any]:
    from . import medium_of

    documents: list[tuple[str, Document]] = []
    folder = os.path.dirname(parts[0])
    parts = [part if os.path.dirname(part) or not folder else os.path.join(folder, part) for part in parts]  # a.docx+b.xlsx: b beside a
    for part in parts:
        medium = medium_of(part)
        if medium not in ("docx", "xlsx", "html"):
            raise LoadError(Msg("media.combine", part=part), file=part)
        try:
            data = read_bytes(Path(part), limits)
            documents.append((os.path.basename(part), document_of(medium, data, part, limits)))
        except LoadError as error:
            raise named(error, part)
        except RecursionError as error:
            raise LoadError(Msg("media.xml", problem="nested too deeply"), file=part) from error
    return build(join_files(documents), template=template, overrides=overrides)


def load_combined(
    parts: list[str], name: str, limits: Limits = Limits(), overrides: dict[str, Any] | None = None, template: str | None = None,
) -> LoadedReport:
    """``a.docx+a.xlsx``: one report printed in several files."""
    try:
        tree, source = read_combined(parts, limits, overrides, template)
        return LoadedReport(name, derive_and_validate(tree, source, name), source)
    except LoadError as error:
        raise named(error, name)
