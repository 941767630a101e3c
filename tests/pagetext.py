"""A test helper: page text (form feeds between pages, as ``pdftotext`` writes) → the ``text:``
tree the readers build, so that the statement engine can be fed real reports' words.

This is not the ``.txt`` reader (another issue): it only splits lines into parts, sections and
paragraphs by the template's own headings.  A line is a heading where, without its number,
spaces and quotation marks, it is one of the template's headings (or starts a part); a paragraph
runs over lines and pages until a line ends with 。 ： or ；.
"""

from __future__ import annotations

import re
from typing import Any

from finrecon.readers.sentences import heading_words
from finrecon.readers.source import LoadedReport, Place, SourceMap
from finrecon.readers.tree import derive_and_validate
from finrecon.template import Template

_ENDS = ("。", "：", ":", "；")


def text_tree(text: str, template: Template) -> dict[str, Any]:
    """The ``text:`` of a report printed as ``text``, split by ``template``'s headings."""
    known = {heading_words(heading) for heading in (*template.headings, *template.narrative_sections)}
    parts_patterns = [re.compile(pattern) for pattern in template.parts]
    parts: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None  # the section paragraphs go to
    pending: list[str] = []

    def flush() -> None:
        nonlocal current
        if pending:
            if current is None:
                current = {"heading": "", "paragraphs": []}
                parts.append(current)
            current.setdefault("paragraphs", []).append("".join(pending))
            pending.clear()

    for raw in text.replace("\f", "\n").split("\n"):
        line = raw.strip().strip("\t").strip()
        if not line:
            continue
        words = line.replace(" ", "").replace("\u3000", "")
        if len(words) <= 40 and any(pattern.search(words) for pattern in parts_patterns):
            flush()
            current = {"heading": line}
            parts.append(current)
            continue
        if len(words) <= 40 and heading_words(line) in known:
            flush()
            section = {"heading": line}
            part = parts[-1] if parts else None
            if part is None:
                part = {"heading": ""}
                parts.append(part)
            part.setdefault("sections", []).append(section)
            current = section
            continue
        pending.append(line)
        if words.endswith(_ENDS):
            flush()
    flush()
    return {"parts": parts}


class TextSource(SourceMap):
    """Places by tree path only (this helper keeps no page:line)."""

    def place_of(self, loc: tuple) -> Place:  # noqa: ARG002
        return Place()


def load(text: str, template: Template, unit: str = "测试单位", year: int = 2020) -> LoadedReport:
    """The report the engine reads from ``text`` with ``template`` (no tables), ready to check."""
    tree = {"meta": {"unit": unit, "year": year, "kind": template.kind, "template": template.template}, "text": text_tree(text, template)}
    source = TextSource()
    return LoadedReport("<text>", derive_and_validate(tree, source, "<text>", template=template.name), source)


def read(text: str, template: Template, unit: str = "测试单位", year: int = 2020):  # noqa: ANN201 - a Report
    return load(text, template, unit, year).report
