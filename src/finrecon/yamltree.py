"""YAML text → (plain tree with Decimals, source positions): what the YAML reader
(``readers/yaml_reader.py``) builds a ``Report`` from, and the catalogue (``catalog.py``) its
entries.  A leaf beside ``inputs.py``: it imports neither.

The tree is built from libyaml's event stream (PyYAML's C parser) by one iterative walk, which
gives in a single pass:

* every number as a ``Decimal`` made from the scalar's own text (never through a float), so
  ``39.20`` keeps its two printed decimals;
* the line and column of every value and every key;
* duplicate keys rejected, only plain YAML 1.2 scalars interpreted (``NO`` stays a string);
* no tag is ever constructed (``!!python/object`` is refused), and limits on nesting depth, node
  count (aliases counted as expanded, so an alias bomb stops early) and file size.

Every problem becomes a ``LoadError`` carrying the position; nothing here prints or exits.
"""

from __future__ import annotations

import codecs
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import yaml

from .i18n import Msg
from .inputs import Limits, LoadError, Place, SourceMap, TreePath, read_bytes

try:  # libyaml's parser alone: events are all the loader reads, nothing is constructed
    from yaml._yaml import CParser as _EventLoader
except ImportError:  # pragma: no cover - libyaml is part of every PyYAML wheel we install
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

Position = tuple[int, int]


class YamlSource(SourceMap):
    """Line and column (1-based) of every value and every mapping key of a parsed tree.

    Positions are kept beside each container (by its identity, while the tree is alive): for a
    mapping, key → (key mark, value mark); for a sequence, the mark of each item.  A mark is
    libyaml's own (0-based) and becomes a position only when asked for.  Looking one up walks
    the tree along the path.
    """

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text  # kept to find a character inside a scalar, for a finding only
        self._split: list[str] | None = None  # its lines, split when first asked
        self.root: Any = None
        self.root_mark: Any = None
        self.entries: dict[int, dict[Any, tuple[Any, Any]] | list[Any]] = {}

    def _walk(self, path: TreePath) -> Iterator[tuple[Any, Any]]:
        """(value mark, key mark or None) of each step of ``path`` that exists."""
        node = self.root
        for part in path:
            entries = self.entries.get(id(node))
            if type(entries) is dict:
                if type(part) is int or part not in entries:  # type: ignore[operator]
                    return
                key_mark, mark = entries[part]  # type: ignore[index]
            elif type(entries) is list and type(part) is int and 0 <= part < len(entries):  # type: ignore[arg-type]
                key_mark, mark = None, entries[part]  # type: ignore[index]
            else:
                return
            yield mark, key_mark
            if type(mark) is _AliasMark:
                return  # what an alias stands for is written at its anchor: here, the alias is the place
            node = node[part]

    def locate(self, path: TreePath) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor that has one."""
        found = self.root_mark
        for found, _ in self._walk(path):  # noqa: B007 - the last step that exists
            pass
        return _position(found) if found is not None else (1, 1)

    def key_position(self, path: TreePath) -> Position | None:
        """Position of the mapping key that names the value at ``path``, if there is one."""
        steps = list(self._walk(path))
        key_mark = steps[-1][1] if path and len(steps) == len(path) else None
        return _position(key_mark) if key_mark is not None else None

    def locate_key(self, path: TreePath) -> Position:
        return self.key_position(path) or self.locate(path)

    def _lines(self) -> list[str]:
        """The text's lines, split once (asked only for findings inside a text)."""
        if self._split is None:
            self._split = self.text.splitlines()
        return self._split

    # ------------------------------------------------------------ the reader interface
    def place_of(self, loc: TreePath) -> Place:
        return Place(*self.locate(loc))

    def key_place(self, loc: TreePath) -> Place | None:
        key = self.key_position(loc)
        return Place(*key) if key else None

    def place_in_text(self, loc: TreePath, offset: int) -> Place:
        """The character ``offset`` of the text at ``loc``: exact in a one-line scalar and in a
        literal block (``|``); elsewhere (folded text) the scalar's own position."""
        steps = list(self._walk(loc))
        mark = steps[-1][0] if loc and len(steps) == len(loc) else None
        if mark is None or type(mark) is _AliasMark or not hasattr(mark, "index"):
            return self.place_of(loc)
        line, column = _position(mark)
        lines = self._lines()
        head = self.text[mark.index : mark.index + 1]
        if head == "|":
            node = self.root
            for part in loc:
                node = node[part]
            before = str(node)[:offset]
            row = line + before.count("\n")  # the block's text starts on the line after its header
            if row < len(lines):
                source_line = lines[row]
                indent = len(source_line) - len(source_line.lstrip(" "))
                return Place(row + 1, indent + len(before) - (before.rfind("\n") + 1) + 1)
            return Place(line, column)
        column += offset + (1 if head in ("'", '"') else 0)
        if head == ">" or line > len(lines) or column > len(lines[line - 1]) + 1:
            return Place(*_position(mark))  # folded over lines: the scalar's start is the place
        return Place(line, column)


# ----------------------------------------------------------------------------------- bytes → text


def _position_of_offset(data: bytes, offset: int) -> Position:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 with a BOM; anything else is refused by name."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise LoadError(Msg("load.bom_invalid", codec=codec.upper()), 1, 1) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position_of_offset(data, error.start)
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            raise LoadError(Msg("load.not_utf8"), line, column) from error
        raise LoadError(Msg("load.gb18030"), line, column) from error


def read_text(path: Path, limits: Limits) -> str:
    return decode(read_bytes(path, limits))


# ----------------------------------------------------------------------------------- text → tree
_NUMBER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?")
# The plain scalars YAML 1.2's core schema reads as null and booleans (``NO`` stays text).
_SPECIAL: dict[str, Any] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_NUMBER_START = frozenset("0123456789+-")
_SPECIAL_START = frozenset(name[0] for name in _SPECIAL if name)
_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_MAP_TAGS = frozenset({None, "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "tag:yaml.org,2002:seq"})
_NO_KEY = object()


def _plain_scalar(text: str) -> Any:
    """A plain scalar's value: null, a boolean, a Decimal for a number as ``_NUMBER`` reads it, or text."""
    if not text:
        return None
    head = text[0]  # most scalars are words: told apart by their first character
    if head in _SPECIAL_START and text in _SPECIAL:
        return _SPECIAL[text]
    if head in _NUMBER_START and len(text) <= 40:
        # The common 12 / 12.34 / -5.39 without the pattern; anything else (1,234.5) through it.
        whole, point, fraction = (text[1:] if text[0] in "+-" else text).partition(".")
        if whole.isdecimal() and (fraction.isdecimal() or not point):
            return Decimal(text)
        if _NUMBER.fullmatch(text):
            return Decimal(text.replace(",", ""))
    return text


class _Frame:
    """An open mapping or sequence while its events come in."""

    __slots__ = ("container", "marks", "is_mapping", "key", "key_mark", "anchor", "start_nodes")

    def __init__(self, container: Any, marks: Any, anchor: str | None, start_nodes: int) -> None:
        self.container = container
        self.marks = marks  # the container's entry in the source map
        self.is_mapping = type(container) is dict
        self.key: Any = _NO_KEY
        self.key_mark: Any = None
        self.anchor = anchor
        self.start_nodes = start_nodes


class _AliasMark:
    """Where an alias (``*name``) stands.  The source map does not look beneath it: the positions
    of what it repeats are the anchor's, and a finding there belongs to the alias's line."""

    __slots__ = ("line", "column")

    def __init__(self, mark: Any) -> None:
        self.line, self.column = mark.line, mark.column


def _position(mark: Any) -> Position:
    """libyaml's 0-based mark as a 1-based (line, column)."""
    return mark.line + 1, mark.column + 1


class _Dropped:
    """The key a repeated key's value is kept under while the rest is read; dropped at the end."""

    __slots__ = ()


def parse_tree(text: str, limits: Limits = Limits(), problems: list[LoadError] | None = None) -> tuple[Any, YamlSource]:
    """Build the plain tree (dict / list / Decimal / str / bool / None) and its source map.

    Given a ``problems`` list, the problems reading can go on after (a repeated key: its first
    value is kept; a tag: the value is read as untagged) are added to it, and the rest is read;
    otherwise the first raises.  The loop is written out by hand: it is the loader's hot path.
    """
    dropped: list[tuple[Any, Any, _Dropped]] = []

    def problem(error: LoadError) -> None:
        if problems is None:
            raise error
        problems.append(error)

    source = YamlSource(text)
    entries = source.entries
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    nodes = 0
    documents = 0
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    frame: _Frame | None = None  # the innermost open mapping or sequence

    # The event classes as locals: the loop below tells them apart once per event.
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stream_end, document_start = yaml.StreamEndEvent, yaml.DocumentStartEvent
    parser = _EventLoader(text)
    try:
        while True:
            event = parser.get_event()  # libyaml's events without PyYAML's generator around them
            kind = type(event)
            if kind is scalar or kind is alias:
                mark = event.start_mark
                is_key = frame is not None and frame.is_mapping and frame.key is _NO_KEY
                if kind is alias:
                    if is_key:
                        raise LoadError(Msg("load.alias_key"), *_position(mark))
                    if event.anchor not in anchors:
                        problem(LoadError(Msg("load.undefined_alias", anchor=event.anchor), *_position(mark)))
                    value, size = anchors.get(event.anchor, (None, 1))
                    mark = _AliasMark(mark)
                else:
                    if event.tag not in _STR_TAGS:
                        problem(LoadError(Msg("load.tag", tag=event.tag), *_position(mark)))
                    if is_key:
                        key = event.value
                        if key in frame.container:  # type: ignore[union-attr]
                            first = frame.marks[key][0].line + 1  # type: ignore[union-attr]
                            problem(LoadError(Msg("load.duplicate", key=key, first=Msg("load.duplicate_first", line=first)), *_position(mark)))
                            key = _Dropped()
                            dropped.append((frame.container, frame.marks, key))  # type: ignore[union-attr]
                        frame.key = key  # type: ignore[union-attr]
                        frame.key_mark = mark  # type: ignore[union-attr]
                        continue
                    value = event.value
                    if not event.style and event.tag is None:  # plain style (libyaml: ''): maybe a number
                        value = _plain_scalar(value)
                    size = 1
                    if event.anchor:
                        anchors[event.anchor] = (value, 1)
                nodes += size
                if nodes > max_nodes:
                    raise LoadError(Msg("load.nodes", limit=max_nodes), *_position(mark))
                opened = None
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                if frame is not None and frame.is_mapping and frame.key is _NO_KEY:
                    raise LoadError(Msg("load.complex_key"), *_position(mark))
                allowed = _MAP_TAGS if kind is mapping_start else _SEQ_TAGS
                if event.tag not in allowed:
                    problem(LoadError(Msg("load.tag", tag=event.tag), *_position(mark)))
                if len(stack) >= max_depth:
                    raise LoadError(Msg("load.depth", limit=max_depth), *_position(mark))
                nodes += 1
                if nodes > max_nodes:
                    raise LoadError(Msg("load.nodes", limit=max_nodes), *_position(mark))
                value = {} if kind is mapping_start else []
                opened = _Frame(value, {} if kind is mapping_start else [], event.anchor, nodes)
                entries[id(value)] = opened.marks
            elif kind is mapping_end or kind is sequence_end:
                closed = stack.pop()
                if closed.anchor:
                    anchors[closed.anchor] = (closed.container, nodes - closed.start_nodes + 1)
                frame = stack[-1] if stack else None
                continue
            elif kind is stream_end or event is None:
                break
            else:
                if kind is document_start:
                    documents += 1
                    if documents > 1:
                        raise LoadError(Msg("load.documents"), *_position(event.start_mark))
                continue
            # A scalar, an alias or a new container: its place is the root, under the pending key,
            # or the end of the open sequence.
            if frame is None:
                source.root, source.root_mark = value, mark
            elif frame.is_mapping:
                frame.container[frame.key] = value
                frame.marks[frame.key] = (frame.key_mark, mark)
                frame.key = _NO_KEY
            else:
                frame.container.append(value)
                frame.marks.append(mark)
            if opened is not None:
                frame = opened
                stack.append(frame)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise LoadError(Msg("load.control_char", code=f"{error.character:04X}"), line, column) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "?"
        message = Msg("load.depth", limit=limits.max_depth) if "nesting depth" in problem else Msg("load.syntax", problem=problem)
        if mark is None:
            raise LoadError(message) from error
        raise LoadError(message, mark.line + 1, mark.column + 1) from error
    except yaml.YAMLError as error:
        raise LoadError(Msg("load.yaml", problem=str(error).splitlines()[0])) from error
    finally:
        parser.dispose()
    for container, marks, key in dropped:
        del container[key], marks[key]
    return source.root, source
