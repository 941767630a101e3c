"""The report kinds and templates finrecon knows, read once from ``finrecon/layouts/*.yaml``.

Each file is one template of one kind (a Shanghai district 部门决算, a Shanghai district budget):
how the PDF reader recognises it and reads its tables, which headings and sentences it prints,
and what it prints for the compiler only (its instructions).  Another province's template is
another such file.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.cache
def layouts() -> dict[str, dict[str, Any]]:
    """Every template by its name, in file order."""
    found = {}
    folder = resources.files("finrecon").joinpath("layouts")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".yaml"):
            spec = yaml.load(entry.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
            found[spec["name"]] = spec
    return found
