"""After validation: tell every figure where it stands, what it is called and what its share is of.

Rules then work on a figure wherever it stands: ``figure.path`` is its path in the report
(``tables.general_budget.rows[3].total``), ``figure.loc`` the same as a tree path for the source
map, ``figure.label_in(lang)`` its name in a message.  A name is the row or group the figure
stands in and its field's title (``Field(title=…, en=…)``, see ``Stated.label_in``); binding only
records the two, and a name is put together when a finding asks for it.
"""

from __future__ import annotations

import functools
import types
import typing
from decimal import Decimal
from typing import Any, Iterator

from pydantic import BaseModel

from .figure import UNIT_SCALES, Figure, ScaledStated, Stated, Title
from .narrative import ClassFigure
from .report import Report
from .tables import ClassAmount, EconomicRow
from .unknown import Unknowns

Loc = tuple[str | int, ...]


def _row_prefix(model: BaseModel) -> str:
    name = model.__dict__.get("name")
    code = model.__dict__.get("code")
    if name and code:
        return f"{name}（{code}）"
    return name or code or ""


class _Bound:
    """What binding collects: figures, numbers, figures that state more than a value, rows, texts,
    and the spans of numbers printed in another money unit than the report's."""

    __slots__ = ("figures", "numbers", "stating", "rows", "texts", "figure_texts", "unit", "foreign")

    def __init__(self, unit: str = "万元") -> None:
        self.figures: dict[str, Figure] = {}
        self.numbers: dict[str, Stated] = {}
        self.stating: list[Figure] = []
        self.rows: list[BaseModel] = []
        self.texts: list[tuple[str, str]] = []
        self.figure_texts: list[tuple[str, str, str]] = []  # what figures say in words: (path, field, text)
        self.unit = unit  # the report's money unit
        self.foreign: list[tuple[int, int, str]] = []  # (first, end) positions in ``numbers``, and their unit

    def add(self, figure: Figure, path: str, owner: str | Title, title: Title | None, share_base: str | None) -> None:
        """Tell ``figure`` where it stands, what it is called (``owner`` and ``title``, see
        ``Stated.label_in``) and what its share is of; collect it."""
        attributes = figure.__dict__  # see Figure: plain attributes, over the class's unbound values
        stated = Stated(attributes["value"], path, owner, title)
        attributes["bound"], attributes["path"] = stated, path
        if share_base is not None:  # else the class's None stands: nothing to write for most figures
            attributes["default_share_base"] = share_base
        self.figures[path] = figure
        self.numbers[path] = stated
        fields_set = figure.__pydantic_fields_set__
        if len(fields_set) > 1 or "value" not in fields_set:  # more than a bare number
            self.stating.append(figure)
            names, titles = _NUMBERS.get(type(figure)) or _learn_numbers(type(figure))
            for name in names:
                number = attributes[name]
                if number is not None:
                    self.numbers[f"{path}.{name}"] = Stated(number, f"{path}.{name}", stated, titles[name])
            for name in _FIGURE_TEXTS:
                text = attributes.get(name)
                if text:
                    self.texts.append((f"{path}.{name}", text))
                    if name != "name" and not (name == "wording" and attributes.get("code")):
                        self.figure_texts.append((f"{path}.{name}", name, text))
            for index, reason in enumerate(attributes["reasons"]):
                self.texts.append((f"{path}.reasons[{index}].text", reason.text))
                self.figure_texts.append((f"{path}.reasons[{index}].text", "reason", reason.text))


# The texts a figure may carry (``name`` and ``wording`` are a ClassFigure's).  The numbers it may
# state besides its value are read off its fields, below the helpers that read annotations.
_FIGURE_TEXTS = ("reason", "name", "wording", "purpose")


# What a field holds, read once per model class from its annotation: a figure (named by its own
# text, a ClassFigure), a model, a list of figures, models or texts, or something else (told
# apart value by value).  Validation has made every value what its annotation says.
_FIGURE, _NAMED_FIGURE, _MODEL, _FIGURES, _MODELS, _TEXTS, _OTHER = (
    "figure", "named figure", "model", "figures", "models", "texts", "other",
)


@functools.cache
def _plan(kind: type[BaseModel]) -> tuple[tuple[str, str, Title, bool], ...]:
    """Each field of ``kind``: its name, what it holds, its titles, and whether it is a share."""
    plan = []
    for name, field in kind.model_fields.items():
        inner, is_list = _inner(field.annotation)
        holds = _OTHER
        is_class = isinstance(inner, type)
        if is_class and issubclass(inner, Figure):
            holds = _FIGURES if is_list else _NAMED_FIGURE if issubclass(inner, ClassFigure) else _FIGURE
        elif is_class and issubclass(inner, BaseModel):
            holds = _MODELS if is_list else _MODEL
        elif is_list and inner is str:
            holds = _TEXTS
        elif not is_list and _mentions_model(inner):  # e.g. ``Figure | str``: binding would miss it
            raise TypeError(f"{kind.__name__}.{name}: binding cannot tell what {field.annotation} holds")
        plan.append((name, holds, Title.of(field, name), bool(kind.SHARE_BASE) and name != kind.SHARE_BASE))
    return tuple(plan)


def _bind(model: BaseModel, path: str, prefix: str | Title, bound: _Bound) -> None:
    """Bind ``model``'s figures; ``prefix`` names the model (a row as printed, the 合计 row, or the
    field that holds an amount split by fund)."""
    kind = type(model)
    if kind.ROW_PARTS:
        bound.rows.append(model)
    dotted = f"{path}." if path else ""  # children's paths start with it
    share_path = dotted + kind.SHARE_BASE if kind.SHARE_BASE else None
    row_label = _row_prefix(model) if isinstance(model, _NAMED_ROWS) else None
    values = model.__dict__
    for name, holds, title, is_share in _plan(kind):
        value = values[name]
        if value is None:
            continue
        if holds is _FIGURE or holds is _NAMED_FIGURE:
            base = share_path if is_share else (kind.TOTAL_SHARE_BASE if name == "total" else None)
            if holds is _NAMED_FIGURE:  # named by the text: “住房保障支出”
                bound.add(value, dotted + name, value.name, None, base)
            elif row_label is not None:  # named by its row: “行政运行（2010601）”
                bound.add(value, dotted + name, row_label, None, base)
            else:  # the group's name and the field's title: “合计·本年收入合计”
                bound.add(value, dotted + name, prefix, title, base)
        elif holds is _MODELS:  # table rows, sections, projects …
            list_path = dotted + name
            for position, item in enumerate(value):
                _bind(item, f"{list_path}[{position}]", _row_prefix(item), bound)
        elif holds is _FIGURES:
            list_path = dotted + name
            for position, item in enumerate(value):
                bound.add(item, f"{list_path}[{position}]", item.__dict__.get("name") or "", None, share_path)
        elif holds is _TEXTS:
            list_path = dotted + name
            bound.texts.extend([(f"{list_path}[{position}]", item) for position, item in enumerate(value)])
        elif holds is _MODEL:
            first = len(bound.numbers)
            named_by_field = name == "total" or value.NAMED_BY_FIELD  # the 合计 row; a split by fund
            _bind(value, dotted + name, _row_prefix(value) or (title if named_by_field else ""), bound)
            unit = value.__dict__.get("money_unit")  # a printed table's own unit (单位：元)
            if unit is not None and unit != bound.unit and name != "meta":
                bound.foreign.append((first, len(bound.numbers), unit))
        elif isinstance(value, str):
            bound.texts.append((dotted + name, value))
        elif isinstance(value, list):
            list_path = dotted + name
            for position, item in enumerate(value):
                item_path = f"{list_path}[{position}]"
                if isinstance(item, str):
                    bound.texts.append((item_path, item))
                elif isinstance(item, Figure):
                    bound.add(item, item_path, item.__dict__.get("name") or "", None, share_path)
                elif isinstance(item, BaseModel):
                    _bind(item, item_path, _row_prefix(item), bound)


_NAMED_ROWS = (ClassAmount, EconomicRow)  # rows whose figure is named by the row (“行政运行（2010601）”)


def bind_report(report: Report) -> None:
    bound = _Bound(report.meta.money_unit)
    _bind(report, "", "", bound)
    if bound.foreign:
        _scale(bound)
    # Plain attributes in the instance ``__dict__``: read on every rule's hot path.
    report.__dict__.update(
        _figures=bound.figures, _numbers=bound.numbers, _stating=bound.stating, _rows=bound.rows, _texts=bound.texts,
        _figure_texts=bound.figure_texts, _scaled=bool(bound.foreign),
    )
    if report.printed is not None and report.printed.unread:
        report.__dict__["_unknown"] = Unknowns(path for item in report.printed.unread for path in item.unknown)


def _scale(bound: _Bound) -> None:
    """Every number of a table printed in another unit than the report's learns how to be read in
    the report's unit (1 元 = 0.0001 万元, exactly); its value stays as printed."""
    spans = sorted(bound.foreign)
    numbers = list(bound.numbers.items())
    for index, (first, end, unit) in enumerate(spans):
        inner = spans[index + 1 :]
        for position in range(first, end):
            if any(a <= position < b for a, b, _ in inner):
                continue  # a table inside this one says its own unit (not in these templates)
            path, stated = numbers[position]
            scaled = ScaledStated(stated, unit, UNIT_SCALES[unit] / UNIT_SCALES[bound.unit])
            bound.numbers[path] = scaled
            figure = bound.figures.get(path)
            if figure is not None:
                figure.__dict__["bound"] = scaled


def unknown_references(report: Report) -> Iterator[tuple[str, Loc]]:
    for figure in report.stating:  # only a figure that states more than its value names a base
        if figure.share_of and figure.share_of not in report.index:
            yield figure.share_of, (*figure.loc, "share_of")


# ------------------------------------------------------------------ the classes behind a path
def _inner(annotation: Any) -> tuple[Any, bool]:
    """The type behind Optional[...] / Annotated[...] / list[...], and whether it is a list's."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(args) != 1:
                return annotation, is_list
            annotation = args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
            is_list = True
        else:
            return annotation, is_list


def _mentions_model(annotation: Any) -> bool:
    """Whether a model class appears anywhere in the annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_mentions_model(arg) for arg in typing.get_args(annotation))


def _unwrap(annotation: Any) -> Any:
    """The model class behind Optional[...] / list[...] / Annotated[...], if any."""
    return _inner(annotation)[0]


@functools.cache
def numbers_of(kind: type[Figure]) -> tuple[tuple[str, Title], ...]:
    """The numbers a figure of ``kind`` may state besides its value, with their titles (a budget
    item adds its 本年预算安排 to what every figure may state).  Only single numbers: a list field
    holds no number of its own."""
    return tuple(
        (name, Title.of(field, name)) for name, field in kind.model_fields.items()
        if name != "value" and _inner(field.annotation) == (Decimal, False)
    )


# What binding reads off a figure of each kind: the names of its numbers, and their titles.
_NUMBERS: dict[type, tuple[tuple[str, ...], dict[str, Title]]] = {}


def _learn_numbers(kind: type[Figure]) -> tuple[tuple[str, ...], dict[str, Title]]:
    numbers = numbers_of(kind)
    _NUMBERS[kind] = (tuple(name for name, _ in numbers), dict(numbers))
    return _NUMBERS[kind]


def model_class_at(loc: Loc, root: type[BaseModel] | None = None) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (list indices are skipped), in a
    ``Report`` or in ``root`` (a layout file's ``Template``)."""
    model: Any = root or Report
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


@functools.lru_cache(maxsize=1024)
def field_titles(path: str) -> Title | None:
    """The titles of the field at a dotted path without list positions (``performance.projects.budget``)."""
    parts = tuple(path.split("."))
    parent = model_class_at(parts[:-1])
    field = parent.model_fields.get(parts[-1]) if parent else None
    return Title.of(field, parts[-1]) if field else None


def field_title(path: str, lang: str = "zh") -> str:
    """The title of the field at a dotted path (``tables.three_public`` → 表7 …), or the path."""
    titles = field_titles(path)
    return titles.in_(lang) if titles else path
