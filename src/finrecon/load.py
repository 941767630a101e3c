"""YAML text → (plain tree with Decimals, source positions) → ``Report``.

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
import difflib
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import yaml
from pydantic import ValidationError

from .i18n import Msg, t
from .model import Report
from .model.figure import LocalizedValueError
from .waivers import Waiver, parse_waivers
from .model.bind import bind_report, model_class_at, unknown_references

try:  # libyaml's parser alone: events are all the loader reads, nothing is constructed
    from yaml._yaml import CParser as _EventLoader
except ImportError:  # pragma: no cover - libyaml is part of every PyYAML wheel we install
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

TreePath = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may cost. Defaults are far above any real report."""

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 500_000


@dataclass
class LoadError(Exception):
    """An input that cannot be used: one line, ``file:line:col: message``, in either language."""

    text: Msg
    line: int | None = None
    column: int | None = None
    file: str = ""

    @property
    def message(self) -> str:
        return self.text.render("zh")

    def render(self, lang: str = "zh") -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.text.render(lang)}"

    def __str__(self) -> str:
        return self.render("zh")


class SourceMap:
    """Line and column (1-based) of every value and every mapping key of a parsed tree.

    Positions are kept beside each container (by its identity, while the tree is alive): for a
    mapping, key → (key mark, value mark); for a sequence, the mark of each item.  A mark is
    libyaml's own (0-based) and becomes a position only when asked for.  Looking one up walks
    the tree along the path.
    """

    __slots__ = ("root", "root_mark", "entries")

    def __init__(self) -> None:
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


@dataclass
class LoadedReport:
    file: str
    report: Report
    source: SourceMap
    waivers: dict[int, Waiver] = field(default_factory=dict)


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
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise LoadError(Msg("load.dir"))
        if not stat.S_ISREG(status.st_mode):
            raise LoadError(Msg("load.not_regular"))
        size = status.st_size
        if size > limits.max_bytes:
            raise LoadError(Msg("load.too_big", size=size, limit=limits.max_bytes))
        with path.open("rb") as stream:
            # As much as stat says, and one byte more to see whether it has grown since (a read of
            # the whole limit would allocate the whole limit, for every file).
            data = stream.read(size + 1)
            if len(data) > size:
                data += stream.read(limits.max_bytes + 1 - len(data))
    except FileNotFoundError as error:
        raise LoadError(Msg("load.missing")) from error
    except PermissionError as error:
        raise LoadError(Msg("load.permission")) from error
    except ValueError as error:  # a NUL in the path
        raise LoadError(Msg("load.os", reason=str(error))) from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LoadError(Msg("load.loop")) from error
        raise LoadError(Msg("load.os", reason=error.strerror or str(error))) from error
    if len(data) > limits.max_bytes:
        raise LoadError(Msg("load.too_big", size=len(data), limit=limits.max_bytes))
    return decode(data)


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


def parse_tree(text: str, limits: Limits = Limits()) -> tuple[Any, SourceMap]:
    """Build the plain tree (dict / list / Decimal / str / bool / None) and its source map.

    The loop is written out by hand: it is the loader's hot path.
    """
    source = SourceMap()
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
                        raise LoadError(Msg("load.undefined_alias", anchor=event.anchor), *_position(mark))
                    value, size = anchors[event.anchor]
                    mark = _AliasMark(mark)
                else:
                    if event.tag not in _STR_TAGS:
                        raise LoadError(Msg("load.tag", tag=event.tag), *_position(mark))
                    if is_key:
                        key = event.value
                        if key in frame.container:  # type: ignore[union-attr]
                            first = frame.marks[key][0].line + 1  # type: ignore[union-attr]
                            raise LoadError(Msg("load.duplicate", key=key, first=Msg("load.duplicate_first", line=first)), *_position(mark))
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
                    raise LoadError(Msg("load.tag", tag=event.tag), *_position(mark))
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
    return source.root, source


# ----------------------------------------------------------------------------------- tree → Report
class _Choices(Msg):
    """“'万元' 或 '元'” / “'万元' or '元'”: a list of choices joined in the message's language."""

    def __init__(self, choices: list[str]) -> None:
        super().__init__("list.or")
        self.choices = choices

    def render(self, lang: str = "zh") -> str:
        return t("list.or", lang).join(f"“{c}”" if lang == "zh" else f"'{c}'" for c in self.choices)


def _describe(error: dict[str, Any]) -> Msg:
    kind, loc = error["type"], tuple(error["loc"])
    name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        model = model_class_at(loc[:-1])
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = Msg("load.did_you_mean", close=close[0]) if close else (Msg("load.known_keys", keys=", ".join(known)) if known else "")
        return Msg("load.unknown_key", key=name, hint=hint)
    if kind == "missing":
        return Msg("load.missing_field", name=name)
    simple = {
        "model_type": "load.want_mapping", "dict_type": "load.want_mapping", "model_attributes_type": "load.want_mapping",
        "list_type": "load.want_list", "string_type": "load.want_text",
        "int_type": "load.want_integer", "int_parsing": "load.want_integer", "int_from_float": "load.want_integer",
        "bool_type": "load.want_boolean",
    }
    if kind in simple:
        return Msg(simple[kind])
    context = error.get("ctx", {})
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return Msg("load.literal", expected=_Choices(choices))
    if kind == "greater_than_equal":
        return Msg("load.min", limit=context.get("ge"))
    if kind == "less_than_equal":
        return Msg("load.max", limit=context.get("le"))
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, LocalizedValueError):
        return cause.text
    return Msg("load.yaml", problem=str(error.get("msg", kind)))


class NotAReport(LoadError):
    """A YAML file with no top-level ``meta:``: some other YAML, skipped when asked to."""


def validate(tree: Any, source: SourceMap, file: str, skip_non_reports: bool = False) -> Report:
    if skip_non_reports and not (isinstance(tree, dict) and "meta" in tree):
        raise NotAReport(Msg("load.not_report"), file=file)
    if not isinstance(tree, dict):
        raise LoadError(Msg("load.not_mapping"), *source.locate(()), file=file)
    try:
        report = Report.model_validate(tree)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            line, column = source.locate_key(loc) if item["type"] == "extra_forbidden" else source.locate(loc)
            problems.append((line, column, len(problems), _describe(item)))
        line, column, _, message = min(problems, key=lambda problem: problem[:3])
        if len(problems) > 1:
            message = Msg("load.with_more", first=message, more=Msg("load.more", count=len(problems) - 1))
        raise LoadError(message, line, column, file) from None
    bind_report(report)
    for reference, path in unknown_references(report):
        raise LoadError(Msg("load.share_of", reference=reference), *source.locate(path), file=file)
    return report


def load_text(text: str, name: str = "<input>", limits: Limits = Limits(), skip_non_reports: bool = False) -> LoadedReport:
    """Parse and validate a report given as text."""
    try:
        tree, source = parse_tree(text, limits)
    except LoadError as error:
        error.file = name
        raise
    return LoadedReport(name, validate(tree, source, name, skip_non_reports), source, parse_waivers(text))


def load_report(path: str | os.PathLike[str], limits: Limits = Limits(), skip_non_reports: bool = False) -> LoadedReport:
    """Read, parse and validate one report file; raise ``LoadError`` for anything unusable."""
    name = str(path)
    try:
        text = read_text(Path(path), limits)
    except LoadError as error:
        error.file = name
        raise
    return load_text(text, name, limits, skip_non_reports)
