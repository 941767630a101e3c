"""``finrecon extract``: a report (PDF, Word, Excel, web page or text) → finrecon's YAML, for an
accountant to correct and keep.

Every number is written exactly as printed (``6.20`` keeps its zero), every text as read, and a
``# p.N`` comment marks the page of each table, heading and paragraph and of each figure read
from a sentence (a draft's own place where it has no pages: ``# paragraph n``, ``# 表1!B4``).
Reading the YAML back gives the same report: ``finrecon check`` of the extracted file finds what
``finrecon check`` of the report finds, lines for places.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from pathlib import Path

from .readers.source import Limits, SourceMap, TreePath

_ORDER = ("meta", "tables", "budget", "narrative", "other", "performance", "organisation", "text", "printed")
_FLOW_MAX = 160  # a mapping of scalars shorter than this is written on one line


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if value is None:
        return "null"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _key(key: str) -> str:
    return key if key.isidentifier() else json.dumps(key, ensure_ascii=False)


def _flat(value: Any) -> bool:
    return isinstance(value, dict) and all(not isinstance(item, (dict, list)) for item in value.values())


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{_key(key)}: {_scalar(item)}" for key, item in mapping.items()) + "}"


class _Writer:
    def __init__(self, source: SourceMap | None) -> None:
        self.source = source
        self.lines: list[str] = []
        self.last_page: dict[int, int | None] = {}
        self.labelled = False  # a place named by another medium (第 n 段, 表!C7) was written

    def page_comment(self, loc: TreePath) -> str:
        """`` # p.N`` where the value at ``loc`` was printed on a PDF page (or a text's), or the
        place another medium names (`` # 收入决算表!C7``)."""
        if self.source is None:
            return ""
        place = self.source.place(loc)
        if place.label:
            self.labelled = True
            return f"  # {place.label}"
        return f"  # p.{place.page}" if place.page else ""

    def _commented(self, loc: TreePath) -> bool:
        """Tables (a 决算's and a budget's), headings, paragraphs and every figure read from the
        text carry their page."""
        if (len(loc) == 2 and loc[0] == "tables") or (len(loc) == 3 and loc[:2] == ("budget", "tables")):
            return True
        if loc and loc[0] == "text" and (loc[-1] == "heading" or (len(loc) >= 2 and loc[-2] in ("paragraphs", "contents"))):
            return True
        return self.source is not None and loc in self.source.derived

    def mapping(self, mapping: dict[str, Any], loc: TreePath, indent: int) -> None:
        pad = "  " * indent
        keys = list(mapping)
        if not loc:
            keys = [key for key in _ORDER if key in mapping] + [key for key in mapping if key not in _ORDER]
        for key in keys:
            value = mapping[key]
            here = (*loc, key)
            comment = self.page_comment(here) if self._commented(here) else ""
            if isinstance(value, dict) and value:
                line = f"{pad}{_key(key)}: {_flow(value)}" if _flat(value) else ""
                if line and len(line) <= _FLOW_MAX:
                    self.lines.append(line + comment)
                else:
                    self.lines.append(f"{pad}{_key(key)}:{comment}")
                    self.mapping(value, here, indent + 1)
            elif isinstance(value, list):
                if not value:
                    self.lines.append(f"{pad}{_key(key)}: []{comment}")
                    continue
                self.lines.append(f"{pad}{_key(key)}:{comment}")
                self.sequence(value, here, indent + 1)
            else:
                self.lines.append(f"{pad}{_key(key)}: {_scalar(value) if value != {} else '{}'}{comment}")

    def sequence(self, items: list[Any], loc: TreePath, indent: int) -> None:
        pad = "  " * indent
        for index, item in enumerate(items):
            here = (*loc, index)
            comment = self.page_comment(here) if self._commented(here) else ""
            if isinstance(item, dict):
                if _flat(item) and len(pad) + len(_flow(item)) + 2 <= _FLOW_MAX:
                    self.lines.append(f"{pad}- {_flow(item)}{comment}")
                    continue
                self.lines.append(f"{pad}-{comment}")
                self.mapping(item, here, indent + 1)
            elif isinstance(item, list):
                self.lines.append(f"{pad}-{comment}")
                self.sequence(item, here, indent + 1)
            else:
                self.lines.append(f"{pad}- {_scalar(item)}{comment}")


def read_any(
    path: Path, limits: Limits, overrides: dict[str, Any] | None = None, template: str | None = None,
) -> tuple[dict[str, Any], SourceMap]:
    """The report tree of a PDF, a Word file, a workbook, a web page, a page text, or
    ``a.docx+a.xlsx``, and where each value was printed; ``LoadError`` for anything else.
    ``overrides``: ``--unit``, ``--year``; ``template``: ``--template``."""
    from .i18n import Msg
    from .readers import OLD_FORMATS, LoadError, is_pdf, medium_of, read_bytes, split_parts

    name = str(path)
    if "+" in name and not path.exists() and len(split_parts(name)) > 1:
        from .readers.combined import read_combined

        return read_combined(split_parts(name), limits, overrides, template)
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        raise LoadError(Msg("media.old_format", suffix=suffix, hint=OLD_FORMATS[suffix]))
    data = read_bytes(path, limits)
    if is_pdf(data):
        from .readers.pdf import read_pdf

        return read_pdf(data, limits, name, overrides, template)
    medium = medium_of(name)
    if medium is None:
        from .formats import suffixes

        raise LoadError(Msg("pdf.not_pdf", suffixes=suffixes(yaml=False)))
    from .readers.combined import read_medium

    return read_medium(medium, data, name, limits, overrides, template)


def to_yaml(tree: dict[str, Any], source: SourceMap | None = None, origin: str | None = None) -> str:
    """The report tree as YAML that finrecon reads back to the same report."""
    writer = _Writer(source)
    writer.mapping(tree, (), 0)
    where = ("the comment after a table, paragraph or figure says where it was printed" if writer.labelled
             else "“# p.N” says on which page")
    header = [
        f"# Extracted by finrecon from {origin}." if origin else "# Extracted by finrecon.",
        f"# Every number is as printed; {where}. Correct a misreading here and check this file.",
        "# `finrecon schema` prints the schema an editor can check this file against.",
    ]
    return "\n".join(header + writer.lines) + "\n"
