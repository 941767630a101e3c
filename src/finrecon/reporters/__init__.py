"""Output formats. Each reporter is given the whole run at once and returns one document.

Reporters are imported lazily so that ``finrecon check`` pays only for the one it uses.
``render(run, lang)`` returns text (``str``) or, for xlsx, ``bytes``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

FORMATS = {
    "table": "table",
    "json": "json_report",
    "csv": "csv_report",
    "xlsx": "xlsx",
    "markdown": "markdown",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}


def reporter(name: str) -> ModuleType:
    return import_module(f".{FORMATS[name]}", __name__)
