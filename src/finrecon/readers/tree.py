"""The plain tree every reader builds → a validated, bound ``Report``.

Readers differ in where their text comes from; from the tree on, a report is a report: the
figures the 情况说明 states in words are read from its sentences (where the report gives them
only as text), pydantic validates the whole, and binding tells every figure its path and name.
An error is placed wherever the reader says the value was printed.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..i18n import Msg, t
from ..model import Report
from ..model.bind import bind_report, model_class_at, unknown_references
from ..model.figure import LocalizedValueError
from ..template import Template, TemplateError, attach, choose
from .source import LoadError, NotAReport, Place, SourceMap, combined


class _Choices(Msg):
    """“'万元' 或 '元'” / “'万元' or '元'”: a list of choices joined in the message's language."""

    def __init__(self, choices: list[str]) -> None:
        super().__init__("list.or")
        self.choices = choices

    def render(self, lang: str = "zh") -> str:
        return t("list.or", lang).join(f"“{c}”" if lang == "zh" else f"'{c}'" for c in self.choices)


def _describe(error: dict[str, Any], root: type[BaseModel] | None = None) -> Msg:
    kind, loc = error["type"], tuple(error["loc"])
    name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        model = model_class_at(loc[:-1], root)
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


def _chosen(tree: dict[str, Any], source: SourceMap, file: str, template: str | None) -> Template | None:
    """The report's one template (see ``derive_and_validate``)."""
    meta = tree.get("meta") if isinstance(tree.get("meta"), dict) else {}
    named, kind = meta.get("template"), meta.get("kind", "final")
    try:
        if template is None and source.template is not None:
            return source.template
        return choose(template, meta=named if isinstance(named, str) else None, kind=kind if isinstance(kind, str) else None)
    except TemplateError as error:
        raise LoadError(Msg("load.template", problem=str(error)), file=file) from None


def _error(message: Msg, place: Place, file: str) -> LoadError:
    return LoadError(message, place.line, place.column, file, place.page)


def invalid(error: ValidationError, source: SourceMap, file: str, root: type[BaseModel] | None = None) -> LoadError:
    """Every problem pydantic found in a tree at once, each where it stands, in either language:
    a report's (``Report``) or a layout file's (``root``: ``Template``)."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        place = (source.key_place(loc) if item["type"] == "extra_forbidden" else None) or source.place(loc)
        problems.append(_error(_describe(item, root), place, file))
    return combined(problems)


def kind_mismatch(requested: Template, printed: Template | None) -> Msg | None:
    """Why ``--template`` cannot read this file: its kind (部门预算) is not what the cover prints
    (部门决算, which the template ``printed`` recognises) — read with it, the file would give a
    misleading error (“no 单位名称”) or false alarms.  ``None`` where they agree, or where no
    template recognises the cover (then the user's template is the reading, as asked)."""
    if printed is None or printed.kind == requested.kind:
        return None
    return Msg("load.template_kind", template=requested.name, kind=Msg(f"kind.{requested.kind}"),
               printed=Msg(f"kind.{printed.kind}"), other=printed.name)


def load_layout(path: str) -> Template:
    """A layout file given as ``--template my.yaml``, read as a report YAML is: every problem at
    once, each ``file:line:col`` in the chosen language; ``LoadError`` for a file that is none."""
    from pathlib import Path

    from ..template import Template
    from ..yamltree import parse_tree, read_text
    from .source import Limits, named

    problems: list[LoadError] = []
    try:
        tree, source = parse_tree(read_text(Path(path), Limits()), Limits(), problems)
    except LoadError as error:
        raise named(combined([*problems, error]), path) from None
    if problems:
        raise named(combined(problems), path)
    try:
        return Template.model_validate(tree)
    except ValidationError as error:
        raise invalid(error, source, path, Template) from None


def derive_and_validate(tree: Any, source: SourceMap, file: str, skip_non_reports: bool = False, template: str | None = None) -> Report:
    """The report the tree describes, with the figures its sentences state; ``LoadError`` if it is none.

    Its template is chosen here, once (``template``: ``--template``; else the one the reader read
    with; else the one ``meta.template`` names; else the first of the report's kind), and goes with
    the report to the sentence reader and the rules."""
    if skip_non_reports and not (isinstance(tree, dict) and "meta" in tree):
        raise NotAReport(Msg("load.not_report"), file=file)
    if not isinstance(tree, dict):
        raise _error(Msg("load.not_mapping"), source.place(()), file)
    chosen = _chosen(tree, source, file, template)
    if isinstance(tree.get("text"), dict) and chosen is not None:
        from .sentences import derive  # the sentence readers are loaded only for a report that has text

        derive(tree, source, chosen)
    for after_text in getattr(source, "after_text", ()):  # what a reader adds after the text's own (readers/forms.py)
        after_text(tree)
    try:
        report = Report.model_validate(tree)
    except ValidationError as error:
        raise invalid(error, source, file) from None
    bind_report(report)
    attach(report, chosen)
    unknown = [_error(Msg("load.share_of", reference=reference), source.place(path), file) for reference, path in unknown_references(report)]
    if unknown:
        raise combined(unknown)
    return report


