"""Every regular expression finrecon runs, and texts made to make each of them slow.

Used by ``benchmarks/hostile.py`` (which times them) and by ``tests/test_hostile_regex.py`` (which
only checks that the collection finds them).  A pattern is found three ways: compiled at module
level (``re.Pattern`` or the wording rules' lazy ``Pattern``, alone or in a tuple, list or dict),
written as a literal in a ``re.search(...)``-style call, or held as data by a layout template.
A hostile text is a long run of the characters the pattern itself matches: each literal
character of the pattern, digits with their separators, and the pattern's own literals in turn.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import finrecon

_CALLS = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "compile"}
_META = set("\\^$.|?*+()[]{}")


def _sources() -> Iterator[tuple[str, str]]:
    """Every ``finrecon`` module's name and its source."""
    root = Path(finrecon.__file__).parent
    for path in sorted(root.rglob("*.py")):
        name = "finrecon." + ".".join(path.relative_to(root).with_suffix("").parts)
        yield name.removesuffix(".__init__"), path.read_text(encoding="utf-8")


def _from_values(value: Any, depth: int = 0) -> Iterator[str]:
    from finrecon.rules.texts import Pattern

    if isinstance(value, (re.Pattern, Pattern)):
        if isinstance(value.pattern, str):
            yield value.pattern
    elif depth < 3 and isinstance(value, (list, tuple)):
        for item in value:
            yield from _from_values(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _from_values(item, depth + 1)


def _from_layouts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if any(char in value for char in "()[]|?*+\\"):
            try:
                re.compile(value)
            except re.error:
                return
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _from_layouts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _from_layouts(item)


def patterns() -> dict[str, str]:
    """Every pattern finrecon runs, by the place it is written (first place, if several)."""
    found: dict[str, str] = {}
    for name, source in _sources():
        if name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for attribute, value in list(vars(module).items()):
            for pattern in _from_values(value):
                found.setdefault(pattern, f"{name}.{attribute}")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                function = node.func
                if isinstance(function, ast.Attribute) and function.attr in _CALLS and isinstance(function.value, ast.Name) and function.value.id == "re":
                    found.setdefault(node.args[0].value, f"{name}:{node.lineno}")
    from finrecon.readers.statements import compiled
    from finrecon.template import templates

    for name, template in templates().items():
        for pattern in _from_layouts(template.model_dump(exclude={"statements"})):
            found.setdefault(pattern, f"layouts/{name}")
        for section, statements in compiled(template).items():  # the statements, their slots filled in
            for index, (_, pattern) in enumerate(statements):
                found.setdefault(pattern.pattern, f"layouts/{name}:statements:{section}:{index}")
    return dict(sorted((place, pattern) for pattern, place in found.items()))


def literals(pattern: str) -> list[str]:
    """The characters the pattern spells out (outside escapes), in order, once each; ``\\d`` as “1”."""
    seen: list[str] = []
    escaped = False
    pattern = re.sub(r"\(\?(?:[:=!]|<[=!]|P<\w+>)|\{\d*,?\d*\}", "(", pattern)  # group syntax and counts
    for char in pattern:
        if escaped:
            escaped = False
            if char in "dD":
                char = "1"
            elif char.isascii() and char.isalpha():
                continue
        elif char == "\\":
            escaped = True
            continue
        elif char in _META or (char.isascii() and char.isalpha()):
            continue
        if char not in seen:
            seen.append(char)
    return seen


def hostile_texts(pattern: str, size: int) -> dict[str, str]:
    """Texts of ``size`` characters built to be slow for ``pattern``: runs of each character it
    spells out, numbers with separators, and its own literals repeated in turn."""
    chars = literals(pattern)
    texts = {f"run of {char!r}": char * size for char in chars}
    for unit in ("1", "1,", "1.", "1,111", "11.", "1.1", "1。", "一", " "):
        texts.setdefault(f"run of {unit!r}", (unit * (size // len(unit) + 1))[:size])
    if chars:
        skeleton = "".join(chars)
        texts["its literals in turn"] = (skeleton * (size // len(skeleton) + 1))[:size]
        texts["its literals, each doubled"] = ("".join(char * 2 for char in chars) * (size // (2 * len(chars)) + 1))[:size]
    return texts
