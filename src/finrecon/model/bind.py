"""After validation: tell every figure where it stands, what it is called and what its share is of.

Rules then work on a figure wherever it stands: ``figure.path`` is its path in the report
(``tables.general_budget.rows[3].total``), ``figure.loc`` the same as a tree path for the source
map, ``figure.label`` its name in the report's own words.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Iterator

from pydantic import BaseModel

from .figure import Figure
from .narrative import ClassFigure
from .report import Report
from .tables import ClassAmount, EconomicRow

Loc = tuple[str | int, ...]


def path_text(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _row_prefix(model: BaseModel) -> str:
    name = getattr(model, "name", None)
    code = getattr(model, "code", None)
    if name and code:
        return f"{name}（{code}）"
    return name or code or ""


def _bind(model: BaseModel, loc: Loc, prefix: str, index: dict[str, Figure]) -> None:
    share_base = getattr(type(model), "SHARE_BASE", None)
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        child = (*loc, name)
        if isinstance(value, Figure):
            title = info.title or name
            if isinstance(value, ClassFigure):
                title = value.name
            elif isinstance(model, (ClassAmount, EconomicRow)):
                title = _row_prefix(model)
            elif prefix:
                title = f"{prefix}·{title}"
            value._path, value._loc, value._label = path_text(child), child, title
            if share_base and name != share_base:
                value._share_base = path_text((*loc, share_base))
            elif name == "total" and hasattr(type(model), "TOTAL_SHARE_BASE"):
                value._share_base = type(model).TOTAL_SHARE_BASE
            index[value._path] = value
        elif isinstance(value, BaseModel):
            _bind(value, child, _row_prefix(value) or ("合计" if name == "total" else ""), index)
        elif isinstance(value, list):
            for position, item in enumerate(value):
                if isinstance(item, Figure):
                    item._path, item._loc = path_text((*child, position)), (*child, position)
                    item._label = getattr(item, "name", "") or item._path
                    if share_base:
                        item._share_base = path_text((*loc, share_base))
                    index[item._path] = item
                elif isinstance(item, BaseModel):
                    _bind(item, (*child, position), _row_prefix(item), index)


def bind_report(report: Report) -> None:
    index: dict[str, Figure] = {}
    _bind(report, (), "", index)
    report._figures = index


def unknown_references(report: Report) -> Iterator[tuple[str, Loc]]:
    for figure in report._figures.values():
        if figure.share_of and figure.share_of not in report._figures:
            yield figure.share_of, (*figure.loc, "share_of")


# ------------------------------------------------------------------ the classes behind a path
def _unwrap(annotation: Any) -> Any:
    """The model class behind Optional[...] / list[...] / Annotated[...], if any."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def model_class_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (list indices are skipped)."""
    model: Any = Report
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def field_title(path: str) -> str:
    """The Chinese title of the field at a dotted path (``tables.three_public`` → 表7 …)."""
    parts = tuple(path.split("."))
    parent = model_class_at(parts[:-1])
    field = parent.model_fields.get(parts[-1]) if parent else None
    return (field.title if field else None) or path
