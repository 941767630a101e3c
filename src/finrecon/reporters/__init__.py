"""Output formats. Each reporter is given the whole run at once and returns or prints it.

Reporters are imported lazily so that ``finrecon check`` pays only for the one it uses.
"""

from __future__ import annotations

from importlib import import_module

FORMATS = {"table": "table", "json": "json_report"}


def reporter(name: str):  # noqa: ANN201 - a module with render()
    return import_module(f".{FORMATS[name]}", __name__)
