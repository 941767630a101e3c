"""Coverage: what finrecon read of what the report prints, and what it did not.

Two measures, both from what any reader supplies — the lines it says the input prints
(``SourceMap.printed_lines``: on a PDF each text line outside the tables and each table cell)
and the place of every number of the model (``SourceMap.place``, ``SourceMap.derived``):

* numbers placed out of numbers printed — a printed figure (in a table an amount with
  decimals or thousands separators, in the text a number followed by 万元, 万, 元 or %, or an amount that ends its line) is *placed*
  when a number of the model stands on the same page and line with the same value (a
  statement's number, at the same column);
* sentences understood out of sentences with a figure — a sentence of the text (up to 。；！？)
  that prints a figure is *understood* when a statement read at least one number from it (an
  amount, a rate or a count), or matched over one of its figures (the same figure printed again,
  read and found equal: ``SourceMap.understood``).

What is not placed or not understood is listed page by page (``check --coverage``): an
accountant learns what finrecon did not check, a developer what to teach it next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

from .i18n import place_label, t
from .inputs import SourceMap, TreePath
from .model import Figure, Report

# A figure in a table: an amount with thousands separators or decimals (the table states its unit).
TABLE_FIGURE = re.compile(r"(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d,]|\.\d)")
# A figure in the text: an amount or a percentage with its unit (not 29.8米, 99.43分, nor 2024年).
# (its unit may be the next line's first word).
FIGURE = re.compile(
    r"(?<![\d.,])-?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s*(?:亿|万|元|%|％))"
    r"|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=\s*$))"
)
_SENTENCE_END = re.compile(r"[。；;！？!?]")


@dataclass(frozen=True)
class Missed:
    """A figure no table cell or statement took, or a sentence with figures no statement read."""

    page: int | None
    line: int | None
    text: str  # the figure as printed, or the sentence
    where: str  # the printed line (a number), or ``sentence``
    place: str | None = None  # where a Word file, workbook or web page prints it (``Place.label``): it has no pages


@dataclass
class Coverage:
    numbers_printed: int = 0
    numbers_placed: int = 0
    table_printed: int = 0
    table_placed: int = 0
    sentences: int = 0  # sentences that print a figure
    understood: int = 0
    missed: list[Missed] = field(default_factory=list)
    measured_numbers: bool = True  # False where the reader says nothing of what is printed (YAML)

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        """The JSON report's ``coverage`` block (with ``details``, what was missed, page by page)."""
        block: dict[str, Any] = {}
        if self.measured_numbers:
            block["numbers"] = {
                "printed": self.numbers_printed, "placed": self.numbers_placed,
                "in_tables": {"printed": self.table_printed, "placed": self.table_placed},
                "in_text": {"printed": self.numbers_printed - self.table_printed, "placed": self.numbers_placed - self.table_placed},
            }
        block["sentences"] = {"with_figures": self.sentences, "understood": self.understood}
        if details:
            block["missed"] = [
                {"page": item.page, "line": item.line, "text": item.text, "where": item.where, **({"place": item.place} if item.place else {})}
                for item in self.missed
            ]
        return block


def _value(printed: str) -> Decimal:
    return abs(Decimal(printed.replace(",", "")))


def _number_places(report: Report, source: SourceMap) -> Iterator[tuple[int | None, int, int | None, Decimal]]:
    """Where each number of the model was printed: (page, line, column or None, value).  A number a
    statement read has its exact column; a table cell its page and line."""
    derived = source.derived
    taken: set[TreePath] = set()
    for stated in report.numbers.values():
        loc = stated.loc
        found = derived.get(loc) or derived.get((*loc, "value"))
        taken.update((loc, (*loc, "value")))
        if found is not None:
            place = source.place_in_text(*found)
            yield place.page, place.line, place.column, abs(stated.value)
        else:  # not read from a sentence (where ``derived`` would say): where the reader put it
            place = source.place_of(loc)
            yield place.page, place.line, None, abs(stated.value)
    for loc, found in derived.items():  # a number a statement read that is no figure's (a project's 预算数, a count)
        if loc not in taken:
            value = _model_value(report, loc)
            if isinstance(value, Decimal):
                place = source.place_in_text(*found)
                yield place.page, place.line, place.column, abs(value)
    for loc, place in getattr(source, "printed_again", ()):  # printed again elsewhere, read and found equal (a form's 预算数)
        value = _model_value(report, loc)
        if isinstance(value, Decimal):
            yield place.page, place.line, None, abs(value)
    for loc in getattr(source, "places", {}):  # a number a reader put where it was printed (a form's 预算数, a target's number)
        if loc in taken or loc in derived or not loc or loc[0] != "performance":
            continue
        value = _model_value(report, loc)
        if isinstance(value, Decimal):
            place = source.place_of(loc)
            yield place.page, place.line, None, abs(value)


def _paragraphs(report: Report) -> Iterator[tuple[TreePath, str]]:
    """Every paragraph of the text with its tree path, in print order."""
    if report.text is None:
        return

    def walk(sections: list[Any], loc: TreePath) -> Iterator[tuple[TreePath, str]]:
        for index, section in enumerate(sections):
            here = (*loc, index)
            for number, paragraph in enumerate(section.paragraphs):
                yield (*here, "paragraphs", number), paragraph
            yield from walk(section.sections, (*here, "sections"))

    yield from walk(report.text.parts, ("text", "parts"))


def measure(report: Report, source: SourceMap) -> Coverage:
    """What the report prints against what finrecon read of it."""
    coverage = Coverage(measured_numbers=bool(source.printed_lines))
    _numbers(report, source, coverage)
    _sentences(report, source, coverage)
    coverage.missed.sort(key=lambda item: (item.page or 0, item.line or 0, item.where == "sentence"))
    return coverage


def _numbers(report: Report, source: SourceMap, coverage: Coverage) -> None:
    by_line: dict[tuple[int | None, int], list[tuple[int | None, Decimal]]] = {}
    for page, line, column, value in _number_places(report, source):
        by_line.setdefault((page, line), []).append((column, value))
    for printed in source.printed_lines:
        figures = list((TABLE_FIGURE if printed.in_table else FIGURE).finditer(printed.text))
        if not figures:
            continue
        placed = by_line.get((printed.page, printed.line), [])
        for match in figures:
            value = _value(match.group())
            coverage.numbers_printed += 1
            coverage.table_printed += printed.in_table
            taken = _take(placed, value, match.start() + 1, match.end() + 1)
            if taken:
                coverage.numbers_placed += 1
                coverage.table_placed += printed.in_table
            else:
                coverage.missed.append(Missed(printed.page, printed.line, match.group(), printed.text.strip(), _label(source, printed.line)))


def _label(source: SourceMap, line: int) -> str | None:
    """The medium's own name of a printed line (a Word paragraph, a cell), where it names its places."""
    labels = getattr(source, "labels", None)
    return labels.get(line) if labels else None


def _take(placed: list[tuple[int | None, Decimal]], value: Decimal, first: int, end: int) -> bool:
    """Take the model's number that stands for this printed one: one read at its column, else one
    of the same value on its line.  Each number of the model is taken once."""
    for index, (column, number) in enumerate(placed):
        if column is not None and first <= column < end and number == value:
            del placed[index]
            return True
    for index, (column, number) in enumerate(placed):
        if number == value and column is None:
            del placed[index]
            return True
    for index, (column, number) in enumerate(placed):
        if number == value:
            del placed[index]
            return True
    return False


def _model_value(report: Report, loc: TreePath) -> Any:
    """What the model holds at ``loc`` (``None`` where nothing is)."""
    node: Any = report
    for part in loc:
        node = (node[part] if part < len(node) else None) if isinstance(part, int) and isinstance(node, list) else getattr(node, str(part), None)
        if node is None:
            return None
    return node


def _read_a_number(report: Report, loc: TreePath) -> bool:
    """Whether what a statement read at ``loc`` is a number: an amount, a rate, a count (not a
    reason, a purpose or a name)."""
    node = _model_value(report, loc)
    return isinstance(node, (int, Decimal, Figure)) and not isinstance(node, bool)


def _sentences(report: Report, source: SourceMap, coverage: Coverage) -> None:
    read: dict[TreePath, list[int]] = {}
    for loc, (text_loc, offset) in source.derived.items():
        if _read_a_number(report, loc):
            read.setdefault(text_loc, []).append(offset)
    spans: dict[TreePath, list[tuple[int, int]]] = {}
    for text_loc, first, last in source.understood:  # every statement's match, a figure printed again too
        spans.setdefault(text_loc, []).append((first, last))
    for loc, paragraph in _paragraphs(report):
        offsets = read.get(loc, [])
        matched = spans.get(loc, [])
        start = 0
        for end in [match.end() for match in _SENTENCE_END.finditer(paragraph)] + [len(paragraph)]:
            if end <= start:
                continue
            sentence = paragraph[start:end]
            if FIGURE.search(sentence):
                coverage.sentences += 1
                figures = [start + match.start() for match in FIGURE.finditer(sentence)]
                if any(start <= offset < end for offset in offsets) or any(first <= at < last for at in figures for first, last in matched):
                    coverage.understood += 1
                else:
                    place = source.place_in_text(loc, start + len(sentence) - len(sentence.lstrip()))
                    coverage.missed.append(Missed(place.page, place.line, sentence.strip(), "sentence", place.label))
            start = end


def percent(part: int, whole: int) -> str:
    """A share as the README and the terminal print it: 99.5 %, and 100 % only when it is all."""
    if not whole:
        return "—"
    share = Decimal(part * 100) / Decimal(whole)
    text = format(share.quantize(Decimal("0.1")), "f")
    return "99.9" if text == "100.0" and part < whole else text


def render(file: str, block: dict[str, Any], lang: str = "zh") -> str:
    """``check --coverage`` in the terminal, from a report's ``coverage`` block: the two measures,
    then page by page what was missed."""
    lines = [t("coverage.head", lang, file=file)]
    numbers = block.get("numbers")
    if numbers is not None:
        tables = numbers["in_tables"]
        lines.append(t(
            "coverage.numbers", lang, placed=numbers["placed"], printed=numbers["printed"], share=percent(numbers["placed"], numbers["printed"]),
            table_placed=tables["placed"], table_printed=tables["printed"],
        ))
    sentences = block["sentences"]
    lines.append(t(
        "coverage.sentences", lang, understood=sentences["understood"], sentences=sentences["with_figures"],
        share=percent(sentences["understood"], sentences["with_figures"]),
    ))
    page: object = -1
    for item in block.get("missed", ()):
        if item.get("place"):  # a Word file, workbook or web page: no pages, each its own place
            at = place_label(item["place"], lang)
            key = "coverage.sentence_at" if item["where"] == "sentence" else "coverage.number_at"
            lines.append("    " + t(key, lang, place=at, number=item["text"], text=item["text"] if item["where"] == "sentence" else item["where"]))
            continue
        if item["page"] != page:
            page = item["page"]
            lines.append(t("coverage.page", lang, page=page if page is not None else "—"))
        if item["where"] == "sentence":
            lines.append("    " + t("coverage.sentence", lang, line=item["line"], text=item["text"]))
        else:
            lines.append("    " + t("coverage.number", lang, line=item["line"], number=item["text"], text=item["where"]))
    return "\n".join(lines) + "\n"


def of(report: Report, source: SourceMap, details: bool = False) -> dict[str, Any] | None:
    """The ``coverage`` block of a report read from printed pages; ``None`` for one that is none (YAML)."""
    if not source.printed_lines:
        return None
    return measure(report, source).as_dict(details)
