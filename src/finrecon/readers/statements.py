"""A template's statements, compiled: what each section's sentences say, and where each figure goes.

The statements are data, in the template (``layouts/*.yaml``, ``statements:``): a pattern with the
lexicon's ``{slots}`` (``lexicon.py``), matched against the section's words with spaces,
line breaks and quotation marks removed (so “三公” is 三公, and ``(`` is ``（``), and the tree path
its figures go to.  Another template's wording is another such list; no code changes.

A pattern's named groups are the figure's fields: ``value``, ``budget`` (年初预算),
``adjusted_budget`` (全年预算/调整预算), ``share_pct``, ``completion_pct``, ``prior`` and any other
field of the target (``outbound_groups``; ``targets__projects`` for a field of a field).  Some
groups say how to read the others:

* ``change`` / ``change_pct`` are signed by ``change_word`` / ``pct_word`` (减少, 下降 → negative);
  ``change_pct_alone`` by ``pct_only``; ``flat`` (持平) is a change of 0 with no percentage;
* ``completion_of`` says which budget a completion rate is of (年初预算, 全年预算, or just 预算);
* ``change_reason`` / ``budget_reason`` are the reasons given for a change or for 决算 ≠ 预算,
  with the direction word they state (``change_direction``/``budget_direction``, or the change's
  own word);
* ``wording`` and ``purpose`` are words, kept as printed; ``sentence`` keeps the whole sentence
  the match stands in (as a nil statement's ``text``).

A target may name the figure by a printed word (``{name}``, through the template's ``names``),
add an item to a list for every match (``[+]``), or stand for the item the section is numbered
into (``[]``: the template's ``items``).  In a list whose items are one thing by their name (the
template's ``keyed``: a project), ``[name]`` is an item named by the match's ``name`` group and
``[last]`` the one named last (since the section the template's ``restart`` names); items of one
name are joined where they agree.  ``fixed`` gives what a statement says without printing it (the
subject of a nil statement).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from ..lexicon import GROUPS, expand

if TYPE_CHECKING:
    from ..template import Template


@dataclass(frozen=True)
class Statement:
    """One thing a section's sentences say: a pattern and where its figures go."""

    sections: tuple[str, ...]
    pattern: str
    target: str
    names: Mapping[str, str] = field(default_factory=dict)
    fixed: Mapping[str, str] = field(default_factory=dict)
    every: bool = False  # every match (a list of like clauses), not only the first


class StatementError(ValueError):
    """A template statement that does not compile (its template, its index, the problem)."""


def statements(template: Template) -> tuple[Statement, ...]:
    """The template's statements, their slots filled and their groups (``use:``) spread out."""
    return _statements(template)


@functools.cache  # one entry per template
def _statements(template: Template) -> tuple[Statement, ...]:
    found: list[Statement] = []
    for index, spec in enumerate(template.statements):
        names = template.names.get(spec.names, None) if spec.names else {}
        if spec.names and names is None:
            raise StatementError(f"{template.name}: statements[{index}]: no names table {spec.names!r}")
        if spec.use is not None:
            if spec.use not in GROUPS:
                raise StatementError(f"{template.name}: statements[{index}]: no statement group {spec.use!r}")
            patterns = GROUPS[spec.use]
        elif spec.pattern is not None:
            patterns = (spec.pattern,)
        else:
            raise StatementError(f"{template.name}: statements[{index}]: neither pattern nor use")
        for pattern in patterns:
            try:
                expanded = expand(pattern, names)
                re.compile(expanded)
            except (ValueError, re.error) as error:
                raise StatementError(f"{template.name}: statements[{index}]: {error}") from None
            found.append(Statement(tuple(spec.sections), expanded, spec.target, names or {}, dict(spec.fixed), spec.every))
    return tuple(found)


@functools.cache  # one entry per template
def compiled(template: Template) -> dict[str, list[tuple[Statement, re.Pattern[str]]]]:
    """Each section's statements, compiled once."""
    by_section: dict[str, list[tuple[Statement, re.Pattern[str]]]] = {}
    for statement in statements(template):
        pattern = re.compile(statement.pattern)
        for section in statement.sections:
            by_section.setdefault(section, []).append((statement, pattern))
    return by_section
