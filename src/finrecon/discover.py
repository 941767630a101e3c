"""From command-line arguments to report files: files, directories (recursively) and globs."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from .i18n import Msg

SUFFIXES = (".yaml", ".yml")


def _walk(directory: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(files) if name.endswith(SUFFIXES) and not name.startswith("."))
    return found


def discover(arguments: list[str]) -> tuple[list[Path], list[tuple[str, Msg]]]:
    """The report files the arguments name, in a stable order, and the arguments that name none.

    A directory stands for every *.yaml / *.yml below it (hidden folders skipped, links not
    followed); an argument with * ? [ that is not itself a file is a glob (``**`` recurses).
    """
    files: list[Path] = []
    problems: list[tuple[str, Msg]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            below = _walk(path)
            if not below:
                problems.append((argument, Msg("discover.empty_dir")))
            files.extend(below)
        elif not path.exists() and any(char in argument for char in "*?["):
            matches = sorted(Path(match) for match in glob.glob(argument, recursive=True) if Path(match).is_file())
            if not matches:
                problems.append((argument, Msg("discover.no_match")))
            files.extend(matches)
        else:
            files.append(path)
    unique = list(dict.fromkeys(files))
    return unique, problems
