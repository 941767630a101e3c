"""Output formats. Each reporter is given the whole run at once and returns one document.

Reporters are imported lazily so that ``finrecon check`` pays only for the one it uses.
Two kinds:

* streaming — ``write(results, out, lang) -> Tally`` writes each report's findings as they come,
  so a run over ten thousand files holds none of them (json, csv, markdown, sarif, github);
* whole — ``render(run, lang)`` needs every result at once and returns text, or bytes for xlsx
  (html, junit, xlsx; the terminal table is ``render(run, console, lang)``).
"""

from __future__ import annotations

import io
from importlib import import_module
from types import ModuleType

from ..results import Run

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


STREAMING = frozenset({"json", "csv", "markdown", "sarif", "github"})


def reporter(name: str) -> ModuleType:
    return import_module(f".{FORMATS[name]}", __name__)


def render_text(name: str, run: Run, lang: str) -> str | bytes:
    """The whole document of any non-table format, for a run already gathered."""
    module = reporter(name)
    if name in STREAMING:
        buffer = io.StringIO()
        module.write(run.files, buffer, lang)
        return buffer.getvalue()
    return module.render(run, lang)
