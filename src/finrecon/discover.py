"""From command-line arguments to report files: files, directories (recursively) and globs."""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path

from .formats import SEARCHED
from .i18n import Msg

SUFFIXES = SEARCHED  # matched whatever the case: r.PDF, r.Yaml
_NOT_REPORTS = frozenset({"readme.txt", "requirements.txt", "license.txt", "robots.txt"})


def _walk(directory: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(_together(Path(root), sorted(
            name for name in files
            if name.lower().endswith(SUFFIXES) and not name.startswith(".") and not name.startswith("~$") and name.lower() not in _NOT_REPORTS
        )))
    return found


_DRAFTS = (".docx", ".html", ".htm", ".xlsx")  # a report's text before its tables


def _together(folder: Path, names: list[str]) -> list[Path]:
    """A folder's report files; a Word file (or web page) and a workbook with the same stem are one
    report, named ``r.docx+r.xlsx`` (readers/__init__.py reads them as one)."""
    stems: dict[str, list[str]] = {}
    for name in names:
        stem, suffix = os.path.splitext(name)
        if suffix.lower() in _DRAFTS:
            stems.setdefault(stem, []).append(name)
    joined: dict[str, str] = {}
    for stem, members in stems.items():
        if len(members) > 1 and any(m.lower().endswith(".xlsx") for m in members):
            ordered = sorted(members, key=lambda m: _DRAFTS.index(os.path.splitext(m)[1].lower()))
            joined[ordered[0]] = "+".join(ordered)
            joined.update({member: "" for member in ordered[1:]})
    return [folder / joined.get(name, name) for name in names if joined.get(name, name)]


_WILD = frozenset("*?[")


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A glob with ``**`` (any number of folders), ``*``, ``?`` and ``[…]`` as a regex over paths."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 1 :]:
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end]
            out.append("[" + ("^" + re.escape(body[1:]) if body.startswith("!") else re.escape(body)) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def _glob(pattern: str) -> list[Path]:
    """Files matching ``pattern``; ``**`` walks folders without following links (no loops)."""
    if "**" not in pattern:
        return sorted(Path(match) for match in glob.glob(pattern) if Path(match).is_file())
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _WILD & set(part)), len(parts))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    regex = _pattern_regex("/".join(parts[fixed:]))
    found = []
    for root, dirs, files in os.walk(base, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            relative = (Path(root) / name).relative_to(base).as_posix()
            if regex.fullmatch(relative):
                found.append(Path(root) / name)
    return sorted(found)


def discover(arguments: list[str]) -> tuple[list[Path], list[tuple[str, Msg, int]]]:
    """The report files the arguments name, in order and each once, and the arguments that name
    none — each with the number of files before it, so that output keeps the arguments' order.

    A directory stands for every file below it whose suffix is read (``formats.SEARCHED``) (hidden folders skipped, links not
    followed); an argument with * ? [ that is not itself a file is a glob (``**`` recurses).
    """
    files: list[Path] = []
    seen: set[Path] = set()
    problems: list[tuple[str, Msg, int]] = []

    def add(found: list[Path]) -> None:
        for item in found:
            if item not in seen:
                seen.add(item)
                files.append(item)

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            below = _walk(path)
            if not below:
                problems.append((argument, Msg("discover.empty_dir", suffixes=", ".join(SEARCHED)), len(files)))
            add(below)
        elif not path.exists() and any(char in argument for char in "*?["):
            matches = _glob(argument)
            if not matches:
                problems.append((argument, Msg("discover.no_match"), len(files)))
            add(matches)
        else:
            add([path])
    return files, problems
