"""The words the wording rules (FR8xx) read, gathered once per report, and the small tools they share.

``passages(report)`` lists every text a reader of the printed report sees, in print order, each
with its tree path and what kind of text it is: the cover, the contents, the headings, the
paragraphs, the tables' titles, 编制单位 lines and notes, and the texts of figures (reasons,
purposes, 科目 wordings, “本年度无…” statements).  A figure's text that a paragraph prints word
for word (read from that paragraph) is left out: the paragraph is scanned, once.

A rule reports on a passage with the ``offset`` of the words it quotes, so that the finding
stands on the printed line of those words (PDF) or at their column (YAML).
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from decimal import Decimal
from typing import Any, Callable, Iterator, NamedTuple, Sequence

from .. import lexicon
from ..model import Report
from ..model.document import MAX_PARAGRAPH
from ..model.figure import loc_of

Loc = tuple[str | int, ...]


class Pattern:
    """A regular expression compiled the first time a rule uses it, not when finrecon starts.

    The wording rules hold some sixty patterns and a report asks for a handful of them (most wait
    for words the report rarely prints): compiling them all made every start some 10 ms slower.
    It answers as the compiled ``re.Pattern`` does (``search``, ``finditer`` …, ``pattern``, ``flags``).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        # Asked only for what the object lacks: the first use compiles, and keeps the compiled
        # pattern's methods as the object's own, so that later uses cost no more than re's.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

# What a passage is.
COVER, CONTENTS, HEADING, PARAGRAPH = "cover", "contents", "heading", "paragraph"
TITLE, COMPILER, NOTE = "title", "compiler", "note"
REASON, PURPOSE, WORDING, STATEMENT = "reason", "purpose", "wording", "statement"

PROSE = frozenset({PARAGRAPH, NOTE, REASON, PURPOSE, STATEMENT})  # sentences
TITLES = frozenset({COVER, CONTENTS, HEADING, TITLE, COMPILER})  # lines that name things


class Passage(NamedTuple):
    """One printed text: where it stands, its words, what it is, and the paragraph after it."""

    loc: Loc
    path: str
    text: str
    kind: str
    following: str | None = None  # the next paragraph under the same heading, if any


def passages(report: Report) -> list[Passage]:
    """Every text of the report a wording rule reads, in print order; computed once per report."""
    cached = report.__dict__.get("_passages")
    if cached is None:
        cached = report.__dict__["_passages"] = list(_gather(report))
    return cached


def digest(report: Report) -> str:
    """Every passage's words as compared (``squeeze``), one passage a line: a rule whose pattern
    finds nothing here has nothing to look for passage by passage.  Computed once per report."""
    cached = report.__dict__.get("_digest")
    if cached is None:
        lines = [squeeze(passage.text)[0] for passage in passages(report)]
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        report.__dict__["_digest_starts"] = starts
        cached = report.__dict__["_digest"] = "\n".join(lines)
    return cached


def touched(report: Report, pattern: re.Pattern[str]) -> Iterator[Passage]:
    """The passages in which ``pattern`` (written for one squeezed text, matching within a line)
    matches, in print order: one scan of the digest, so a rule visits only the texts it can
    report on."""
    everything = digest(report)
    starts = report.__dict__["_digest_starts"]
    found = passages(report)
    search = _by_line(pattern).search
    position, size = 0, len(everything)
    while position <= size:
        match = search(everything, position)
        if match is None:
            return
        index = bisect.bisect_right(starts, match.start()) - 1
        yield found[index]
        position = starts[index + 1] if index + 1 < len(starts) else size + 1


@functools.lru_cache(maxsize=64)
def _by_line(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if "^" not in pattern.pattern and "$" not in pattern.pattern:
        return pattern  # MULTILINE changes only what ^ and $ match: no second compile
    return re.compile(pattern.pattern, pattern.flags | re.MULTILINE)


_READ_FROM_TEXT = 6  # a figure's text this long that a paragraph prints was read from it (shorter ones may be anywhere)
_FIGURE_TEXTS = {"reason": REASON, "purpose": PURPOSE, "wording": WORDING}


def _gather(report: Report) -> Iterator[Passage]:
    text = report.text
    paragraphs: list[str] = []
    if text is not None:
        cover = text.cover
        if cover is not None:
            if cover.unit:
                yield Passage(("text", "cover", "unit"), "text.cover.unit", cover.unit, COVER)
            if cover.title:
                yield Passage(("text", "cover", "title"), "text.cover.title", cover.title, COVER)
            for index, line in enumerate(cover.lines):
                yield Passage(("text", "cover", "lines", index), f"text.cover.lines[{index}]", line, COVER)
        for index, line in enumerate(text.contents):
            yield Passage(("text", "contents", index), f"text.contents[{index}]", line, CONTENTS)
        for index, part in enumerate(text.parts):
            yield from _section(part, ("text", "parts", index), f"text.parts[{index}]", paragraphs)
    for where, tables in ((("tables",), report.tables), (("budget", "tables"), report.budget.tables if report.budget else None)):
        if tables is None:
            continue
        for name in type(tables).model_fields:
            table = getattr(tables, name)
            if table is None:
                continue
            loc, base = (*where, name), ".".join((*where, name))
            if table.title:
                yield Passage((*loc, "title"), f"{base}.title", table.title, TITLE)
            if table.compiler:
                yield Passage((*loc, "compiler"), f"{base}.compiler", table.compiler, COMPILER)
            for index, note in enumerate(table.notes):
                yield Passage((*loc, "notes", index), f"{base}.notes[{index}]", note, NOTE)
            if table.empty_statement:
                yield Passage((*loc, "empty_statement"), f"{base}.empty_statement", table.empty_statement, NOTE)
    read_from = _read_from(paragraphs, report)
    for path, field, words in report.figure_texts:
        if not read_from(words):
            yield Passage(loc_of(path), path, words, _FIGURE_TEXTS[field])
    if report.narrative is not None:
        for index, statement in enumerate(report.narrative.nil_statements):
            words = statement.text
            if words and not read_from(words):
                yield Passage(("narrative", "nil_statements", index, "text"), f"narrative.nil_statements[{index}].text", words, STATEMENT)


_SEARCH_BUDGET = 200_000_000  # characters scanned to tell a figure's text read from a paragraph


def _read_from(paragraphs: list[str], report: Report) -> Callable[[str], bool]:
    """Whether a figure's text is one the paragraphs print (the sentence readers took it from
    there: its words are read once, as the paragraph's).  Each answer scans the printed text;
    where the report is so large that the scans would run into minutes, every figure's text is
    read on its own (a sentence may then be quoted twice, never missed)."""
    printed = "\n".join(paragraph for paragraph in paragraphs if len(paragraph) <= MAX_PARAGRAPH)
    texts = len(report.figure_texts) + (len(report.narrative.nil_statements) if report.narrative else 0)
    if texts * len(printed) > _SEARCH_BUDGET:
        return lambda words: False
    return lambda words: len(words) >= _READ_FROM_TEXT and words in printed


def _section(section, loc: Loc, path: str, paragraphs: list[str]) -> Iterator[Passage]:  # noqa: ANN001 - a model Section
    yield Passage((*loc, "heading"), f"{path}.heading", section.heading, HEADING)
    texts = section.paragraphs
    paragraphs.extend(texts)
    for index, words in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else None
        yield Passage((*loc, "paragraphs", index), f"{path}.paragraphs[{index}]", words, PARAGRAPH, following)
    for index, child in enumerate(section.sections):
        yield from _section(child, (*loc, "sections", index), f"{path}.sections[{index}]", paragraphs)


# ------------------------------------------------------------------------------ words
_SENTENCE_END = re.compile(r"[。；！？]")


def sentence_at(text: str, start: int, end: int | None = None, limit: int = 60) -> str:
    """The sentence (between 。；！？) holding ``text[start:end]``, at most ``limit`` characters
    around the words: what a finding quotes.  It looks no further than ``limit`` characters either
    way, so that quoting costs the same in a paragraph of any length."""
    end = start if end is None else end
    window_start = max(0, start - limit)
    head = max((m.end() for m in _SENTENCE_END.finditer(text, window_start, start)), default=window_start)
    tail_match = _SENTENCE_END.search(text, end, end + limit)
    tail = tail_match.end() if tail_match else min(len(text), end + limit)
    if tail - head > limit:
        head = max(head, start - limit // 3)
        tail = min(tail, max(end, head + limit))
    return text[head:tail].strip()


# A printed amount, 1234.56 or 1,234.56, taken whole: the lexicon's ``NUMBER`` (one pattern for
# the statements and the wording rules; in squeezed text “，” is “,” too, and it is made for that).
NUMBER = lexicon.NUMBER


def amount(printed: str) -> Decimal:
    """A printed number as the Decimal it states, thousands separators dropped."""
    return Decimal(printed.replace(",", ""))


# Spaces the PDF leaves between glyphs do not count when words are compared.
_SPACES = re.compile(r"\s+")  # what str.isspace calls a space, the ideographic one (U+3000) too
_WORDS = re.compile(r"\S+")
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII → half-width


_CACHED_TEXT = 4_000  # characters: a longer text is squeezed each time it is asked for, not kept


def squeeze(text: str) -> tuple[str, Sequence[int]]:
    """``text`` without spaces and with full-width ASCII made half-width, and for each of its
    characters its position in ``text`` (so that a match in the squeezed text has an offset).
    Short texts are cached (several rules ask for the same text, and a batch of reports repeats
    its phrases); a long one is not, so that no paragraph outlives its report."""
    if len(text) <= _CACHED_TEXT:
        return _squeeze_cached(text)
    return _squeeze(text)


def _squeeze(text: str) -> tuple[str, Sequence[int]]:
    if not _SPACES.search(text):
        return text.translate(_WIDTH), range(len(text))
    positions = array("I")  # four bytes a character, however long the text
    for run in _WORDS.finditer(text):
        positions.extend(range(run.start(), run.end()))
    return _SPACES.sub("", text).translate(_WIDTH), positions


_squeeze_cached = functools.lru_cache(maxsize=4096)(_squeeze)


def compact(text: str) -> str:
    """``text`` as words are compared: no spaces, full-width ASCII half-width."""
    return squeeze(text)[0]


def edit_distance_one(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with exactly one character changed, added, dropped, or two
    neighbours swapped."""
    if word == target:
        return False
    lw, lt = len(word), len(target)
    if abs(lw - lt) > 1:
        return False
    if lw == lt:
        diffs = [i for i in range(lw) if word[i] != target[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == target[diffs[1]] and word[diffs[1]] == target[diffs[0]]
    shorter, longer = (word, target) if lw < lt else (target, word)
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    return shorter[i:] == longer[i + 1 :]


def near_misses(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` that are ``phrase`` with one character changed, added, dropped or two
    swapped, inside it (its first and last characters kept).

    An edit leaves the first or the second half of the phrase intact: only where a half is printed
    is a window compared, so the search costs a few ``str.find`` per phrase.
    """
    size = len(phrase)
    middle = size // 2
    halves = ((phrase[:middle], 0), (phrase[middle:], middle))
    exact = text.count(phrase)
    if all(text.count(half) == exact * phrase.count(half) for half, _ in halves):
        return  # every half printed is part of the phrase printed whole: nothing else to compare
    first, last = phrase[0], phrase[-1]
    seen: set[tuple[int, int]] = set()
    for half, at in halves:
        position = text.find(half)
        while position >= 0:
            for length in (size - 1, size, size + 1):
                if at == 0:
                    start, end = position, position + length
                else:  # the second half ends the window
                    end = position + len(half)
                    start = end - length
                if start < 0 or end > len(text) or (start, end) in seen:
                    continue
                seen.add((start, end))
                window = text[start:end]
                if window[0] == first and window[-1] == last and edit_distance_one(window, phrase):
                    yield start, end
            position = text.find(half, position + 1)


def overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def spans_of(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where each of ``words`` is printed in ``text``."""
    found = []
    for word in words:
        position = text.find(word)
        while position >= 0:
            found.append((position, position + len(word)))
            position = text.find(word, position + 1)
    return found


# ------------------------------------------------------------------------------ template data
@functools.cache
def template_wording() -> dict[str, tuple[str, ...]]:
    """What the blank templates print for the compiler and not for the reader: every template's
    ``wording:`` block (``finrecon/layouts/*.yaml``), merged.  Not only the report's own template:
    an instruction of any blank template finrecon knows is never a published report's text."""
    from ..template import templates

    merged: dict[str, list[str]] = {}
    for template in templates().values():
        merged.setdefault("instructions", []).extend(template.wording.instructions)
    return {key: tuple(dict.fromkeys(items)) for key, items in merged.items()}


def template_words(report: Report, key: str) -> Any:
    """The report's template's ``wording.<key>`` (``finrecon/layouts/*.yaml``); where that template
    has none, every template's merged (a list, a mapping of lists, or the first text given)."""
    from ..template import template_of

    chosen = template_of(report)
    own = getattr(chosen.wording, key) if chosen is not None else None
    if own:
        return _frozen(own)
    return _merged_words(key)


@functools.cache
def _merged_words(key: str) -> Any:
    from ..template import templates

    values = [getattr(template.wording, key) for template in templates().values() if getattr(template.wording, key)]
    if not values:
        return None
    if isinstance(values[0], list):
        return tuple(dict.fromkeys(item for value in values for item in value))
    if isinstance(values[0], dict):
        merged: dict[str, Any] = {}
        for value in values:
            for name, items in value.items():
                if isinstance(items, list):
                    merged[name] = tuple(dict.fromkeys((*merged.get(name, ()), *items)))
                else:
                    merged.setdefault(name, items)
        return merged
    return values[0]


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return {name: tuple(items) if isinstance(items, list) else items for name, items in value.items()}
    return value
