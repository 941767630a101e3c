"""The figures the 情况说明 states in words, read from its sentences into ``narrative`` (and
``other``, ``performance``) — for a PDF and for YAML that gives the text alike.

“…收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：…”
becomes ``narrative.total: {value: 2995.39, change: -56.95, change_pct: -1.87, reasons: […]}``, and
the source map learns that each of these numbers stands in that paragraph, at its offset, so that
a finding on it points at the printed words.  A figure the report writes under ``narrative:``
itself is kept as written: the text only fills what is not there.

What the sentences say, and where each figure goes, is the template's wording, kept as data in
``statements.py``; here is only the reading.  Numbers are taken exactly as printed (“6.2万元” is
``Decimal("6.2")``), never computed: a figure the text does not print is not there.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from ..model.bind import model_class_at
from ..model.document import MAX_PARAGRAPH
from ..model.figure import Figure
from .source import SourceMap, TreePath
from .. import lexicon
from .statements import Statement, compiled

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..template import Template


_DROPPED = lexicon.DROPPED
_SAME = lexicon.SAME
_LEVEL_MARK = re.compile(lexicon.LEVEL_MARK)
_DASH = re.compile(lexicon.DASH)

# Groups that say how to read the others, and what each completion base is called.
_READING = frozenset({"name", "change_word", "pct_word", "pct_only", "change_direction", "budget_direction"})
_COMPLETION_OF = lexicon.COMPLETION_OF
FLAT = lexicon.FLAT


class Words:
    """A paragraph as the patterns read it: no spaces, line breaks or quotation marks, ASCII
    digits and full-width punctuation (a comma between digits stays a thousands separator) —
    and, for each character, where it stands in the paragraph as printed."""

    __slots__ = ("loc", "printed", "text", "offsets")

    def __init__(self, loc: TreePath, printed: str) -> None:
        self.loc, self.printed = loc, printed
        chars: list[str] = []
        offsets: list[int] = []
        last = len(printed) - 1
        for index, char in enumerate(printed):
            if char in _DROPPED:
                continue
            if char == "," and not (chars and chars[-1].isdigit() and index < last and printed[index + 1].isdigit()):
                char = "，"
            chars.append(char)
            offsets.append(index)
        self.text = "".join(chars).translate(_SAME)
        self.offsets = offsets

    def offset(self, index: int) -> int:
        """Where the character ``index`` of ``text`` stands in the paragraph as printed."""
        return self.offsets[index] if index < len(self.offsets) else len(self.printed)

    def printed_between(self, start: int, end: int) -> str:
        """The printed words from character ``start`` to ``end`` of ``text``, spaces and quotes kept."""
        if end <= start:
            return ""
        words = self.printed[self.offsets[start] : self.offsets[end - 1] + 1]
        return words.replace("\r", "").replace("\n", "").strip()  # a pasted paragraph's line breaks are no words

    def place(self, index: int) -> tuple[TreePath, int]:
        """The paragraph and the printed offset of the character ``index`` of ``text``."""
        return self.loc, self.offset(index)

    def ranges(self, start: int, end: int) -> list[tuple[TreePath, int, int]]:
        """The printed ranges (paragraph, start, end) the characters ``start``–``end`` cover."""
        return [(self.loc, self.offset(start), self.offset(end - 1) + 1)] if end > start else []


class JoinedWords(Words):
    """The words of an item that runs over paragraphs (cut by a line, a page), read as one text;
    each character still knows the paragraph and the place it was printed at."""

    __slots__ = ("segments", "starts")

    def __init__(self, spans: list[tuple[Words, int, int]]) -> None:
        self.loc = spans[0][0].loc
        texts: list[str] = []
        printed: list[str] = []
        offsets: list[int] = []
        self.segments: list[tuple[int, Words, int]] = []  # (where it starts in text, its paragraph, where it starts there)
        position = printed_length = 0
        for words, start, end in spans:
            self.segments.append((position, words, start))
            texts.append(words.text[start:end])
            if end > start:
                first, last = words.offsets[start], (words.offsets[end - 1] + 1)
                printed.append(words.printed[first:last])
                offsets += [printed_length + offset - first for offset in words.offsets[start:end]]
                printed_length += last - first
            position += end - start
        self.text, self.printed, self.offsets = "".join(texts), "".join(printed), offsets
        self.starts = [segment[0] for segment in self.segments]

    def _segment(self, index: int) -> tuple[Words, int]:
        position, words, start = self.segments[max(0, bisect.bisect_right(self.starts, index) - 1)]
        return words, start + index - position

    def place(self, index: int) -> tuple[TreePath, int]:
        words, local = self._segment(min(index, max(0, len(self.text) - 1)))
        return words.loc, words.offset(local)

    def ranges(self, start: int, end: int) -> list[tuple[TreePath, int, int]]:
        found = []
        for number, (position, words, span_start) in enumerate(self.segments):
            stop = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
            low, high = max(start, position), min(end, stop)
            if low < high:
                found += words.ranges(span_start + low - position, span_start + high - position)
        return found


class _Found:
    """What the sentences state: a tree like the report's, and where each of its values stands."""

    def __init__(self) -> None:
        self.tree: dict[str, Any] = {}
        self.places: dict[TreePath, tuple[TreePath, int]] = {}
        self.understood: list[tuple[TreePath, int, int]] = []  # every match: paragraph, printed start, end
        self.named: dict[TreePath, int] = {}  # a keyed list → the item its statements named last ([last] goes on in it)
        self.keyed: frozenset[TreePath] = frozenset()  # the template's keyed lists
        self.owned: dict[tuple[TreePath, int], list[tuple[TreePath, int, int]]] = {}  # a keyed list's item → the words it read

    def node(self, loc: TreePath, create: bool = True, kind: type = dict) -> Any:
        """The dict or list at ``loc``; made (the last one a ``kind``) where it is missing, if ``create``."""
        node: Any = self.tree
        for depth, part in enumerate(loc):
            last = depth == len(loc) - 1
            if isinstance(part, int):
                if not isinstance(node, list):
                    return None
                while create and len(node) <= part:
                    node.append({})
                if part >= len(node):
                    return None
                node = node[part]
            elif not isinstance(node, dict):
                return None
            elif part in node:
                node = node[part]
            elif create:
                following = loc[depth + 1] if not last else None
                node = node.setdefault(part, kind() if last else ([] if isinstance(following, int) else {}))
            else:
                return None
        return node

    def put(self, loc: TreePath, value: Any, place: tuple[TreePath, int]) -> None:
        """``value`` at ``loc``, unless the text stated it already: the first statement counts, and
        a figure's value printed again with another number is kept as printed again."""
        parent = self.node(loc[:-1])
        if not isinstance(parent, dict):
            return
        if loc[-1] in parent:
            if loc[-1] == "value" and isinstance(value, Decimal) and parent["value"] != value and _is_figure(loc[:-1]):
                again = parent.setdefault("printed_again", [])
                self.places[(*loc[:-1], "printed_again", len(again))] = place
                again.append(value)
            return
        parent[loc[-1]] = value
        self.places[loc] = place
        if loc[-1] == "value" and _is_figure(loc[:-1]):
            self.places[loc[:-1]] = place  # a figure stands where its value is printed
        else:
            self.places.setdefault(loc[:-1], place)

    def append(self, loc: TreePath, item: dict[str, Any], place: tuple[TreePath, int]) -> None:
        items = self.node(loc, kind=list)
        if isinstance(items, list):
            self.places[(*loc, len(items))] = place
            items.append(item)


@lru_cache(maxsize=512)
def _class_at(loc: tuple[str | int, ...]) -> type | None:
    return model_class_at(loc)


def _is_figure(loc: TreePath) -> bool:
    kind = _class_at(tuple(loc))
    return kind is not None and issubclass(kind, Figure)


@lru_cache(maxsize=256)
def target_path(template: str) -> tuple[str | int, ...]:
    """``narrative.general_budget.items[]`` → ``("narrative", "general_budget", "items", "[]")``."""
    loc: list[str | int] = []
    for part in template.split("."):
        name, bracket, rest = part.partition("[")
        loc.append(name)
        if bracket:
            loc.append("[" + rest)
    return tuple(loc)


heading_words = lexicon.heading_words  # a heading as the template names it


Paragraphs = list[tuple[TreePath, Any]]  # each paragraph of a section with its tree path


def _sections(text: dict[str, Any], template: Template) -> Iterator[tuple[str, Paragraphs]]:
    """(section, its paragraphs) for every section of the text the template knows, in print order:
    a heading of its ``narrative_sections`` (within the part headed as its ``narrative_part``, or
    every part where none is: pasted sections), and the whole of a part whose heading matches
    one of its ``part_sections``."""
    parts = text.get("parts")
    if not isinstance(parts, list):
        return
    if template.narrative_sections:
        part_words = template.narrative_part
        chosen = [
            index for index, part in enumerate(parts)
            if part_words and isinstance(part, dict) and isinstance(part.get("heading"), str) and part_words in heading_words(part["heading"])
        ]
        found = [section for index in chosen for section in _walk(parts[index], ("text", "parts", index), template.narrative_sections)]
        keys = {key for key, _ in found}
        for index in range(len(parts)):  # a section the narrative part does not hold (an annex's, a pasted one) is read where it is
            if index not in chosen:
                found += [(key, paragraphs) for key, paragraphs in _walk(parts[index], ("text", "parts", index), template.narrative_sections) if key not in keys]
        yield from found
    for pattern, key in _part_patterns(template):
        for index, part in enumerate(parts):
            if isinstance(part, dict) and isinstance(part.get("heading"), str) and pattern.search(part["heading"].replace(" ", "")):
                yield key, list(_everything(part, ("text", "parts", index)))


@lru_cache(maxsize=16)
def _part_patterns(template: Template) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), key) for pattern, key in template.part_sections.items())


def _walk(section: Any, loc: TreePath, headings: dict[str, str]) -> Iterator[tuple[str, Paragraphs]]:
    if not isinstance(section, dict):
        return
    heading, paragraphs = section.get("heading"), section.get("paragraphs")
    key = headings.get(heading_words(heading)) if isinstance(heading, str) else None
    if key is not None and isinstance(paragraphs, list) and paragraphs:  # (a heading of the contents has none)
        yield key, [((*loc, "paragraphs", index), paragraph) for index, paragraph in enumerate(paragraphs)]
    children = section.get("sections")
    if isinstance(children, list):
        for index, child in enumerate(children):
            yield from _walk(child, (*loc, "sections", index), headings)


def _everything(section: dict[str, Any], loc: TreePath) -> Iterator[tuple[TreePath, Any]]:
    """Every paragraph of ``section`` and of the sections under it, in print order."""
    paragraphs = section.get("paragraphs")
    for index, paragraph in enumerate(paragraphs if isinstance(paragraphs, list) else ()):
        yield (*loc, "paragraphs", index), paragraph
    children = section.get("sections")
    for index, child in enumerate(children if isinstance(children, list) else ()):
        if isinstance(child, dict):
            yield from _everything(child, (*loc, "sections", index))


def derive(tree: dict[str, Any], source: SourceMap, template: Template) -> None:
    """Fill ``tree`` with the figures its text states, read with ``template``, where the tree does
    not give them already — a 决算's 情况说明 and a budget's 编制说明 alike."""
    statements = compiled(template)
    text = tree.get("text")
    if not isinstance(text, dict):
        return
    if statements:
        found = _Found()
        found.keyed = frozenset(target_path(list_path) for list_path in template.keyed)
        for key, paragraphs in _sections(text, template):
            if key in statements:
                _read_section(found, key, paragraphs, statements[key], template)
        if found.tree:
            _finish(found, template, tree)
            _merge(tree, found.tree, (), found, source)
        source.understood.extend(found.understood)  # (a keyed item's words once it is kept: ``_join_keyed``)
    if template.projects is not None:
        from .budget_sentences import derive_projects  # a budget's project parts

        derive_projects(tree, source, template.projects)


# --------------------------------------------------------------------------- reading one section
Span = tuple[Words, int, int]  # a paragraph and the characters of it a statement may read


def _read_section(found: _Found, key: str, paragraphs: Paragraphs, statements: list[tuple[Statement, re.Pattern[str]]], template: Template) -> None:
    spans: list[Span] = []
    items: list[list[Span]] = []  # each item's words: where it starts, and where it goes on (a new paragraph, a new page)
    numbered = template.items.get(key)
    starts_pattern = _item_starts(numbered.start) if numbered else None
    for text_loc, paragraph in paragraphs:
        if not isinstance(paragraph, str) or len(paragraph) > MAX_PARAGRAPH:
            continue
        words = Words(text_loc, paragraph)
        if starts_pattern is None:
            spans.append((words, 0, len(words.text)))
            continue
        starts = [match.start() for match in starts_pattern.finditer(words.text)]
        head = (words, 0, starts[0] if starts else len(words.text))
        if head[2] > 0:
            if items and _starts_another(items[-1], words, head[2]):
                items.append([head])  # a 科目 after the item above stated its figures: another item, numbered by the list
            elif items:
                items[-1].append(head)  # the item above goes on here: its words were cut by a line, a page, a paragraph
            else:
                spans.append(head)
        items += [[(words, start, end)] for start, end in zip(starts, (*starts[1:], len(words.text)))]
    if numbered and numbered.announced:
        spans = _before_items(spans, _item_starts(numbered.announced))
    base = 0
    if numbered:
        list_loc = target_path(numbered.target)
        existing = found.node(list_loc, kind=list)
        if not isinstance(existing, list):
            return
        base = len(existing)
        for position, ((words, start, _), *_) in enumerate(items):
            found.node((*list_loc, base + position))  # one item per number, filled below
            found.places.setdefault((*list_loc, base + position), words.place(start))
    joined = [item[0] if len(item) == 1 else _whole(item) for item in items]
    restarted = template.restart.get(key)
    if restarted is not None:  # a section that starts another item (a project's report): what was named before is not its
        found.named.pop(target_path(restarted), None)
    for statement, pattern in statements:
        target = target_path(statement.target)
        if target[-1] == "[]":
            for position, span in enumerate(joined):
                _read(found, statement, pattern, span, (*target[:-1], base + position))
        else:
            for span in spans:
                _read(found, statement, pattern, span, target)


# A clause that names a 科目 by a level mark (“行政单位离退休（项）”), numbered or not; and an amount.
_NAMES_SUBJECT = re.compile(rf"(?<![^。：；]){lexicon.NUMBERING}?{lexicon.MARK_AHEAD}")
_AMOUNT = re.compile(lexicon.amount("amount"))


def _starts_another(item: list[Span], words: Words, end: int) -> bool:
    """Whether the words a paragraph starts with (up to ``end``), which no item start matched, start
    another item rather than go on with ``item``: they name a 科目 by its level mark, and the item
    above has stated a figure already (an item's 科目 comes before its figures — a 科目 cut by a
    page, “…（款）” / “行政单位离退休（项）…”, has none yet)."""
    return _NAMES_SUBJECT.match(words.text, 0, end) is not None and any(_AMOUNT.search(span.text, start, stop) for span, start, stop in item)


def _before_items(spans: list[Span], announced: re.Pattern[str]) -> list[Span]:
    """What a section numbered into items says of its total: its words up to those that announce the
    items (其中：), and never a clause that names a 科目 (“行政运行（项）…”: an item's, be it
    unnumbered).  What it prints after them and before its first item recognised cannot be told from
    the total: it is no one's, and stays unknown — never taken for the total printed again."""
    for index, (words, start, end) in enumerate(spans):
        cut = announced.search(words.text, start, end)
        subject = _NAMES_SUBJECT.search(words.text, start, end)
        if subject is not None and (cut is None or subject.start() < cut.end()):
            return [*spans[:index], (words, start, subject.start())] if subject.start() > start else spans[:index]
        if cut is not None:
            return [*spans[:index], (words, start, cut.end())]
    return spans


def _whole(item: list[Span]) -> Span:
    """An item printed over several paragraphs, as one span of words."""
    words = JoinedWords(item)
    return words, 0, len(words.text)


def _read(found: _Found, statement: Statement, pattern: re.Pattern[str], span: Span, target: tuple[str | int, ...]) -> None:
    words, start, end = span
    text = words.text[start:end]
    matches = pattern.finditer(text) if statement.every else filter(None, [pattern.search(text)])
    keyed = next((list_loc for list_loc in found.keyed if target[: len(list_loc)] == list_loc), None) if found.keyed else None
    for match in matches:
        ranges = words.ranges(start + match.start(), start + match.end())
        loc = _resolve(found, statement, match, target, words.place(start + match.start()))
        if keyed is None:
            found.understood += ranges
        elif loc is not None:  # understood if its item is kept, not where whose it is is unknown
            found.owned.setdefault((keyed, loc[len(keyed)]), []).extend(ranges)  # type: ignore[arg-type]
        if loc is not None:
            _take(found, statement, match, words, start, loc)


def _resolve(found: _Found, statement: Statement, match: re.Match[str], target: tuple[str | int, ...], place: tuple[TreePath, int]) -> TreePath | None:
    """The tree path of what ``match`` is about: ``{name}`` named, ``[+]`` a new list item."""
    loc: list[str | int] = []
    for part in target:
        if part == "{name}":
            name = statement.names.get(match.group("name") or "")
            if name is None:
                return None
            loc.extend(name.split("."))  # a field, or a field of a field (income.total)
        elif part == "[+]":
            items = found.node(tuple(loc), kind=list)
            if not isinstance(items, list):
                return None
            found.append(tuple(loc), {}, place)
            loc.append(len(items) - 1)
        elif part in ("[name]", "[last]"):  # an item of a keyed list (one with its name later: ``_join_keyed``)
            list_loc = tuple(loc)
            items = found.node(list_loc, kind=list)
            if not isinstance(items, list):
                return None
            current = found.named.get(list_loc)
            if part == "[name]":
                name = (match.group("name") or "").strip(_AROUND)
            elif current is None:
                return None  # “该项目…” with no project named before it: whose it is is unknown
            else:
                name = items[current]["name"]
                if not _differs(items[current], match):
                    loc.append(current)
                    continue
            if not name:
                return None
            # a new item: named here, or the one named last stating a figure again otherwise (both kept)
            found.append(list_loc, {"name": name}, place)
            found.places[(*list_loc, len(items) - 1, "name")] = place
            found.named[list_loc] = len(items) - 1
            loc.append(len(items) - 1)
        else:
            loc.append(part)
    return tuple(loc)


_number = lexicon.number


def _differs(item: dict[str, Any], match: re.Match[str]) -> bool:
    """Whether ``match`` states a number of ``item`` that the item already holds otherwise."""
    for name, text in match.groupdict().items():
        if text is None or name in _READING or name not in item:
            continue
        held = item[name]
        if isinstance(held, Decimal) and held != _number(text):
            return True
    return False


def _flat(beside: str | None) -> Decimal:
    if beside is None:
        return FLAT
    value = _number(beside)
    return Decimal(0).quantize(value) if value.as_tuple().exponent < 0 else Decimal(0)  # type: ignore[operator]


_AROUND = "。，,、：:；;“”\"‘’' \n"  # quotes and stops around a 科目's words


@lru_cache(maxsize=32)
def _item_starts(pattern: str) -> re.Pattern[str]:
    return re.compile(lexicon.expand(pattern))


def _take(found: _Found, statement: Statement, match: re.Match[str], words: Words, start: int, loc: TreePath) -> None:
    """Put what one match states at ``loc``, each value with the place it was printed at."""
    groups = {name: value for name, value in match.groupdict().items() if value is not None}

    def place(name: str | int) -> tuple[TreePath, int]:
        return words.place(start + match.start(name))

    def printed(name: str) -> str:
        return words.printed_between(start + match.start(name), start + match.end(name))

    figure = _is_figure(loc)
    for name, text in groups.items():
        if name == "name" and not any(part in statement.target for part in ("{name}", "[name]")):
            found.put((*loc, "name"), text.strip(_AROUND), place(name))  # the name of the item itself (a project's)
            continue
        if name in _READING:
            continue
        if name == "change":
            found.put((*loc, "change"), lexicon.sign(groups.get("change_word")) * _number(text), place(name))
        elif name == "change_pct":
            found.put((*loc, "change_pct"), lexicon.sign(groups.get("pct_word", groups.get("change_word"))) * _number(text), place(name))
        elif name == "change_pct_alone":  # “下降1.87%” with no amount
            found.put((*loc, "change_pct"), lexicon.sign(groups.get("pct_only")) * _number(text), place(name))
        elif name == "flat":  # 持平: no change, at the precision the amount beside it is printed to (else the cent's)
            found.put((*loc, "change"), _flat(groups.get("value")), place(name))
        elif name == "completion_of":
            base = _COMPLETION_OF.get(text)
            if base is not None:
                found.put((*loc, "completion_of"), base, place(name))
        elif name in ("change_reason", "budget_reason"):
            about = name.partition("_")[0]
            direction = groups.get(f"{about}_direction")
            if about == "change" and direction is None:
                direction = groups.get("change_word") or groups.get("pct_word") or groups.get("pct_only") or groups.get("flat")
            reason = {"about": about, "text": printed(name)}
            if direction:
                reason["direction"] = direction
            reasons = found.node((*loc, "reasons"), kind=list)
            if isinstance(reasons, list):
                found.places[(*loc, "reasons", len(reasons), "text")] = place(name)
                found.append((*loc, "reasons"), reason, place(name))
        elif name == "wording":  # the 科目 as printed, without the quotes and stops around it
            found.put((*loc, name), printed(name).strip(_AROUND), place(name))
        elif name in ("purpose", "reason"):
            found.put((*loc, name), printed(name), place(name))
        elif name == "sentence":
            found.put((*loc, "text"), _sentence(words, start + match.start(name), start + match.end(name)), place(name))
        else:
            path: TreePath = (*loc, *name.split("__"))
            if name == "value" and not figure:
                path = loc  # a count or a score: the target itself
            if _is_figure(path):
                path = (*path, "value")
            found.put(path, lexicon.NONE if text in lexicon.NONE_WORDS else _number(text), place(name))
    for name, text in statement.fixed.items():
        found.put((*loc, name), text, place(0))


def _sentence(words: Words, start: int, end: int) -> str:
    """The whole sentence the characters ``start``–``end`` stand in, as printed."""
    text = words.text
    begin = max(text.rfind("。", 0, start), text.rfind("；", 0, start)) + 1
    stop = text.find("。", end)
    return words.printed_between(begin, len(text) if stop < 0 else stop + 1)


# --------------------------------------------------------------------------- what is kept
def _finish(found: _Found, template: Template, tree: dict[str, Any]) -> None:
    """Name the 科目 of each listed figure; drop what the text did not state in full."""
    from ..catalog import builtin  # the catalogue reads YAML with this package's reader

    catalog = builtin()
    rows: list[tuple[str, str]] | None = None
    for list_path, length in template.coded.items():
        items = found.node(target_path(list_path), create=False)
        if isinstance(items, list):
            _name_classes(items, length, catalog)
            if any("code" not in item for item in items if isinstance(item, dict)):
                rows = list(_table_rows(tree, template)) if rows is None else rows
                _name_from_rows(items, rows)
    for list_path, key in template.keyed.items():
        _join_keyed(found, target_path(list_path), key)
    _drop_incomplete(found.tree, ())
    for loc in _EITHER:
        group = found.node(loc, create=False)
        if isinstance(group, dict):
            for name in _excluded(group, loc):
                group.pop(name, None)  # the text states both: 财政拨款收入 counts, as the model wants one


def _join_keyed(found: _Found, list_loc: TreePath, key: str) -> None:
    """The items of a keyed list that name one thing (a project stated in the 综述, in its self-
    assessment's 资金计划 and again in its 项目完成情况) as one item — where they agree.  An item that
    states a figure another of its name states otherwise is kept apart, as printed: both stay
    visible, and the rules check each (never is one of two printed numbers silently dropped).
    An item that names nothing is dropped with what it read (it cannot be told whose it is)."""
    items = found.node(list_loc, create=False)
    if not isinstance(items, list):
        return
    kept: list[dict[str, Any]] = []
    moved: dict[int, int] = {}  # an item's index → the index of the item it is now part of
    first: set[int] = set()  # the indices whose item was kept (its places count before the others')
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not item.get(key):
            continue
        into = next(
            (
                number for number, other in enumerate(kept)
                if other.get(key) == item[key] and all(other[field] == value for field, value in item.items() if field in other)
            ),
            None,
        )
        if into is None:
            kept.append(item)
            moved[index] = len(kept) - 1
            first.add(index)
        else:
            for field, value in item.items():
                kept[into].setdefault(field, value)
            moved[index] = into
    items[:] = kept
    for index in moved:  # the words of the items kept (one named nothing: what it read is not understood)
        found.understood += found.owned.get((list_loc, index), [])
    depth = len(list_loc)
    places: dict[TreePath, tuple[TreePath, int]] = {}
    later: list[tuple[TreePath, tuple[TreePath, int]]] = []
    for path, place in found.places.items():
        if path[:depth] != list_loc or len(path) == depth or not isinstance(path[depth], int):
            places[path] = place
        elif path[depth] in moved:
            new_path = (*list_loc, moved[path[depth]], *path[depth + 1 :])
            if path[depth] in first:
                places[new_path] = place
            else:
                later.append((new_path, place))
    for path, place in later:
        places.setdefault(path, place)
    found.places = places


def _levels(wording: str) -> tuple[list[str], list[str | None]]:
    """The names a 科目 wording prints, 类 first, and the code printed in each level's mark:
    “一般公共服务（201类）政协事务（02款）行政运行（01项）” → names and ["201", "02", "01"].  A word
    after the last mark belongs to the name before it (“一般公共服务（类）支出”)."""
    marks = list(_LEVEL_MARK.finditer(wording))
    if not marks:  # “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”, or a name alone
        names = [name.strip("。，,、 ") for name in _DASH.split(wording)]
        names = [name for name in names if name]
        return names, [None] * len(names)
    names: list[str] = []
    codes: list[str | None] = []
    previous = 0
    for mark in marks:
        name = wording[previous : mark.start()].strip("，,、 ")
        if name:
            names.append(name)
            codes.append(mark.group("code"))
        previous = mark.end()
    tail = wording[previous:].strip(_AROUND)
    if tail == "支出" and names:  # “一般公共服务（类）支出”: 支出 cut off by the mark
        names[-1] += tail
    return names, codes


def _code_of(catalog: Catalog, name: str, digits: int, under: str) -> str | None:
    code = catalog.code_of(name, digits, under=under)
    if code is None and not name.endswith("支出"):
        code = catalog.code_of(name + "支出", digits, under=under)  # a 类 (or 款) printed without its 支出
    return code


def _name_classes(items: list[dict[str, Any]], length: int, catalog: Catalog) -> None:
    """Each item's 科目 name (the last one its wording names) and code — the code its marks print
    (“（210类）…（11款）…（01项）”), else found walking 类 → 款 → 项 in the catalogue; an item that
    names only its 项 (or 款 and 项) is under the one above it.  An item whose name no catalogue
    knows keeps its name and no code: it is never dropped."""
    above: list[str] = []  # the codes of the item above: 类, 款
    levels = (3, 5, 7)[: (3, 5, 7).index(length) + 1]
    for item in items:
        wording = item.get("wording")
        if not isinstance(wording, str):
            continue
        names, printed = _levels(wording.replace("(", "（").replace(")", "）"))
        if not names:
            continue
        item["name"] = names[-1]
        named = levels[-len(names):] if len(names) <= len(levels) else None
        if named is None:
            continue
        start = levels.index(named[0])
        if all(printed) and len(printed) == len(names):
            joined = "".join(above[:start][-1:]) + "".join(str(code) for code in printed)
            if len(joined) == named[-1]:
                item["code"] = joined
                above = [joined[:digits] for digits in levels[:2] if digits < len(joined)]
                continue
        if len(above) < start:
            above = []
            continue  # a 项 named alone, with no 类 and 款 above it to look it up under
        codes = above[:start]
        for name, digits in zip(names[-len(named):], named):
            code = _code_of(catalog, name, digits, codes[-1] if codes else "")
            if code is None:
                break
            codes.append(code)
        else:
            item["code"] = codes[-1]
            above = codes[:2]
            continue
        above = []


def _table_rows(tree: dict[str, Any], template: Template) -> Iterator[tuple[str, str]]:
    """(code, name) of every row by 科目 of the report's own tables (a name newer than the catalogue
    is there)."""
    node: Any = tree
    for part in template.tables_at.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        return
    for table in node.values():
        rows = table.get("rows") if isinstance(table, dict) else None
        for row in rows if isinstance(rows, list) else ():
            if isinstance(row, dict) and row.get("code") is not None and isinstance(row.get("name"), str):
                yield str(row["code"]).replace(" ", ""), row["name"]


def _name_from_rows(items: list[Any], rows: list[tuple[str, str]]) -> None:
    """The code of each item the catalogue did not name, from the table row its wording names."""
    from ..subjects import code_named

    for item in items:
        if isinstance(item, dict) and "code" not in item and isinstance(item.get("wording"), str):
            code = code_named(item["wording"], rows)
            if code is not None:
                item["code"] = code


def _drop_incomplete(node: Any, loc: TreePath) -> bool:
    """Remove figures whose value the text did not state and emptied groups; ``True`` if ``node`` is empty."""
    if isinstance(node, dict):
        for key in list(node):
            if _drop_incomplete(node[key], (*loc, key)):
                del node[key]
        if _is_figure(loc) and ("value" not in node or (loc[-1:] and isinstance(loc[-1], int) and "name" not in node)):
            node.clear()
        return not node
    if isinstance(node, list):
        node[:] = [item for index, item in enumerate(node) if not _drop_incomplete(item, (*loc, index))]
        return not node
    return False


# Fields a group takes one way or the other, never both (财政拨款收入, or its three funds): what the
# report writes itself of one excludes what the text states of the other.
_EITHER: dict[TreePath, tuple[frozenset[str], ...]] = {
    ("narrative", "income"): (frozenset({"appropriation"}), frozenset({"general_budget", "government_fund", "state_capital"})),
}


def _excluded(group: dict[str, Any], loc: TreePath) -> set[str]:
    """The fields ``group`` may not take besides those it has (where it has both, the first way counts)."""
    for names in _EITHER.get(loc, ()):
        if any(group.get(name) is not None for name in names):
            return {name for other in _EITHER[loc] if other is not names for name in other}
    return set()


def _merge(tree: dict[str, Any], found: dict[str, Any], loc: TreePath, everything: _Found, source: SourceMap) -> None:
    """Add what the text states to ``tree`` where the tree says nothing of it: a figure, a list or a
    value the report gives itself is kept as given."""
    excluded = _excluded(tree, loc)
    for key, value in found.items():
        here = (*loc, key)
        if key in excluded:
            continue
        mine = tree.get(key)
        if mine is None:
            tree[key] = value
            for path, (text_loc, offset) in everything.places.items():
                if path[: len(here)] == here:
                    source.derive(path, text_loc, offset)
        elif isinstance(mine, dict) and isinstance(value, dict) and not _is_figure(here):
            _merge(mine, value, here, everything, source)
