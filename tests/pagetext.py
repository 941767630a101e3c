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
_PAGE_NUMBER = re.compile(r"^\d{1,3}(?=第[一二三四五六七八九十]+部分)")  # a page's number run into the heading below it


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

    lines: list[str] = []
    for raw in text.replace("\f", "\n").split("\n"):
        line = _PAGE_NUMBER.sub("", raw.strip().strip("\t").strip())
        head, stop, tail = line.rpartition("。")
        tail_words = tail.replace(" ", "")
        if stop and tail_words and (heading_words(tail) in known or any(p.search(tail_words) for p in parts_patterns)):
            lines += [head + stop, tail]  # a heading printed on the line its section's last sentence ends
        else:
            lines.append(line)
    for line in lines:
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


# ----------------------------------------------------------------------------- what the statements understood
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_FIGURE = re.compile(r"\d(?:[\d,，.]*\d)?\s*(?:万元|万|亿元|元|%|％)")


def sentence_count(loaded: LoadedReport, read_only: bool = False) -> tuple[int, int, list[str]]:
    """(sentences holding a figure — an amount or a percentage —, those of them a statement
    understood — a statement matched their words —, the others' words) over every paragraph
    of the report's text (``read_only``: of the sections the template's statements read)."""
    from finrecon.readers.sentences import _sections
    from finrecon.template import template_of

    read: set[tuple] | None = None
    if read_only:
        tree = loaded.report.model_dump(mode="json", include={"text"}, exclude_none=True)
        template = template_of(loaded.report)
        read = {tuple(loc) for _, paragraphs in _sections(tree.get("text") or {}, template) for loc, _ in paragraphs} if template else set()
    taken: dict[tuple, list[tuple[int, int]]] = {}
    for text_loc, start, end in loaded.source.understood:
        taken.setdefault(tuple(text_loc), []).append((start, end))
    for text_loc, offset in loaded.source.derived.values():  # the project parts' amounts
        taken.setdefault(tuple(text_loc), []).append((offset, offset + 1))
    text = loaded.report.text
    total = understood = 0
    missed: list[str] = []

    def walk(section, loc: tuple) -> None:  # noqa: ANN001 - a model Section
        for index, paragraph in enumerate(section.paragraphs):
            if read is not None and (*loc, "paragraphs", index) not in read:
                continue
            offsets = taken.get((*loc, "paragraphs", index), [])
            for match in _SENTENCE.finditer(paragraph):
                if not _FIGURE.search(match.group()):
                    continue
                nonlocal total, understood
                total += 1
                if any(start < match.end() and match.start() < end for start, end in offsets):
                    understood += 1
                else:
                    missed.append(match.group().strip())
        for index, child in enumerate(section.sections):
            walk(child, (*loc, "sections", index))

    if text is not None:
        for index, part in enumerate(text.parts):
            walk(part, ("text", "parts", index))
    return total, understood, missed
