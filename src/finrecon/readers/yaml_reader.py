"""The YAML reader: text → (plain tree with Decimals, source positions) → ``Report``.

The text becomes a tree in ``finrecon/yamltree.py`` (shared with the catalogue); here the tree
becomes a validated ``Report`` with its waivers.  Every problem becomes a ``LoadError`` carrying
the position; nothing here prints or exits.
"""

from __future__ import annotations

from typing import Any

from ..waivers import parse_waivers
from ..yamltree import YamlSource, decode, parse_tree, read_text
from .source import Limits, LoadedReport, LoadError, NotAReport, combined, named
from .tree import derive_and_validate

__all__ = ["YamlSource", "decode", "load_text", "load_yaml", "parse_tree", "read_text"]


def load_text(
    text: str, name: str = "<input>", limits: Limits = Limits(), skip_non_reports: bool = False, meta: dict[str, Any] | None = None,
    template: str | None = None,
) -> LoadedReport:
    """Parse and validate a report given as text; ``meta`` overrides what its ``meta:`` says,
    ``template`` names its template where its own should not choose."""
    problems: list[LoadError] = []
    try:
        tree, source = parse_tree(text, limits, problems)
    except LoadError as error:
        raise named(combined([*problems, error]), name)
    if meta and isinstance(tree, dict) and isinstance(tree.get("meta"), dict):
        tree["meta"].update(meta)
    try:
        report = derive_and_validate(tree, source, name, skip_non_reports, template)
    except NotAReport:
        raise
    except LoadError as error:
        raise named(combined([*problems, error]), name)
    if problems:
        raise named(combined(problems), name)
    return LoadedReport(name, report, source, parse_waivers(text))


def load_yaml(
    data: bytes, name: str, limits: Limits = Limits(), skip_non_reports: bool = False, meta: dict[str, Any] | None = None,
    template: str | None = None,
) -> LoadedReport:
    """Decode, parse and validate one YAML report; raise ``LoadError`` for anything unusable."""
    try:
        text = decode(data)
    except LoadError as error:
        raise named(error, name)
    return load_text(text, name, limits, skip_non_reports, meta, template)
