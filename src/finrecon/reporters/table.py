"""``--format table``: what an accountant reads in a terminal, at any width, colour-coded by severity.

Two layouts, chosen by the console's width:

* compact (below ``WIDE`` columns, and on a pipe, which rich gives 80): one entry per finding —
  its place (``line 40``, ``p.21 line 3``), rule, severity and path on one line, then the message
  in full, the printed text and the likely cause, each wrapped at the width: Chinese between any
  two characters (never before a closing mark such as ，or ）), other words only at spaces, and a
  path too long for a line only after a ``.`` ``/`` ``_`` or ``-``;
* the full table, from ``WIDE`` columns.

A batch shows each file's findings, then one line per file and the summary, last, where they
stay on screen.  ``quiet`` prints the summary alone.  Colours come from rich, which leaves them
out on a pipe and where ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import re
import unicodedata

from rich.console import Console
from rich.text import Text

from ..findings import Finding, Severity
from ..i18n import t
from ..results import FileResult, Run
from .rows import printable, summary_line, where

WIDE = 140  # columns from which the full table fits: its message column is then 50 wide
INDENT = 4  # the message, printed text and likely cause stand under the entry's first line
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

# ----------------------------------------------------------------------------------- wrapping
# Marks that never begin a line (they close what stands before them) and marks that never end one.
_CLOSING = frozenset("，。、；：！？）》」』”’】〕〉…％,.;:!?)]}%'\"")
_OPENING = frozenset("（《「『“‘【〔〈([{")
_ATOM = re.compile(r"\s+|[^\s]")  # a run of whitespace, or one character
_BREAK_AFTER = frozenset("./_-\\[")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _cells(text: str) -> int:
    return sum(2 if _wide(char) else 1 for char in text)


def _tokens(text: str) -> list[str]:
    """Text cut where a line may break: whitespace runs, each wide (Chinese) character, and runs of
    other characters (words); closing marks kept with what they close, opening marks with what they open."""
    tokens: list[str] = []
    glue_next = False
    for match in _ATOM.finditer(text):
        char = match.group(0)
        space = char.isspace()
        if space:
            tokens.append(char)
            glue_next = False
            continue
        previous = tokens[-1] if tokens else ""
        # A straight quote after a space, first, or after an opening mark opens what follows.
        opening = char in _OPENING or (char in "'\"" and (glue_next or not previous or previous[-1].isspace()))
        joins_word = previous and not previous[-1].isspace() and not _wide(previous[-1]) and not _wide(char)
        if glue_next or (previous and not previous[-1].isspace() and char in _CLOSING and not opening) or joins_word:
            tokens[-1] += char
        else:
            tokens.append(char)
        glue_next = opening
    return tokens


def _split_long(word: str, width: int) -> list[str]:
    """A word wider than the line, cut after the last ``.`` ``/`` ``_`` ``-`` that fits, else anywhere."""
    pieces = []
    while _cells(word) > width:
        cut, used = 0, 0
        for index, char in enumerate(word):
            used += 2 if _wide(char) else 1
            if used > width:
                break
            if char in _BREAK_AFTER:
                cut = index + 1
        if not cut:
            cut, used = 0, 0
            for char in word:
                used += 2 if _wide(char) else 1
                if used > width:
                    break
                cut += 1
        pieces.append(word[: max(cut, 1)])
        word = word[max(cut, 1) :]
    return [*pieces, word] if word else pieces


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, each paragraph of it (``\\n``) starting a line.

    Nothing is cut mid-word but a word longer than a whole line; no line starts or ends with the
    space it broke at.  Joining the lines with the spaces dropped gives the text back.
    """
    width = max(width, 4)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for token in _tokens(paragraph):
            size = _cells(token)
            if token.isspace():
                if line:
                    line, used = line + token, used + size
                continue
            if used + size <= width:
                line, used = line + token, used + size
                continue
            if line.strip():
                lines.append(line.rstrip())
            line, used = "", 0
            if size > width:
                *full, token = _split_long(token, width)
                lines.extend(full)
                size = _cells(token)
            line, used = token, size
        lines.append(line.rstrip())
    return lines


# ----------------------------------------------------------------------------------- compact
def _place(finding: Finding, lang: str) -> str:
    if finding.place:  # a Word, Excel or web page: its own place (“第 12 段”, “表1!C7”), not a line of the file
        return where(finding, lang)
    if finding.page is not None:
        return t("place.page", lang, page=finding.page, line=finding.line)
    return t("line", lang, line=finding.line)


def _heading(result: FileResult) -> str:
    heading = f"{result.file} — {result.unit or ''} {result.year or ''}".rstrip(" —")
    return printable(heading + (f" [{result.template}]" if result.template else ""))


def _block(console: Console, text: str, style: str, indent: int) -> None:
    for line in wrap(printable(text), console.width - indent):
        console.print(Text(" " * indent + line, style=style), overflow="ignore", crop=False, soft_wrap=True)


def _entry(console: Console, finding: Finding, lang: str) -> None:
    severity = STYLES[finding.severity] if finding.counts else "dim"
    head = Text()
    head.append(_place(finding, lang), style="bold")
    head.append("  ")
    head.append(finding.rule, style=severity)
    head.append(" " + t(f"severity.{finding.severity.value}", lang), style=severity)
    if not finding.counts:
        head.append(" (" + t(f"status.{finding.status.value}", lang) + ")", style="dim")
    head.append("  ")
    # The head line wraps like any text; its styles follow the characters they were given.
    plain = head.plain + printable(finding.path)
    styles = [(span.start, span.end, span.style) for span in head.spans]
    offset = 0
    for number, line in enumerate(wrap(plain, console.width)):
        start = plain.index(line, offset)
        offset = start + len(line)
        text = Text(("" if number == 0 else " " * INDENT) + line)
        shift = 0 if number == 0 else INDENT
        for begin, end, style in styles:
            if begin < offset and end > start:
                text.stylize(style, max(begin, start) - start + shift, min(end, offset) - start + shift)
        if number:
            text.stylize("dim", shift)
        elif len(head.plain) < len(line):
            text.stylize("dim", len(head.plain))
        console.print(text, overflow="ignore", crop=False, soft_wrap=True)
    muted = "dim" if not finding.counts else ""
    _block(console, finding.message, muted, INDENT)
    if finding.excerpt:
        _block(console, t("excerpt", lang, excerpt=finding.excerpt), "dim", INDENT)
    if finding.hint:
        _block(console, t("hint", lang, hint=finding.hint), "dim" if muted else "italic", INDENT)


def _compact(result: FileResult, console: Console, lang: str) -> None:
    _block(console, _heading(result), "bold", 0)
    for finding in result.findings:
        _entry(console, finding, lang)
    console.print()


def _unreadable(result: FileResult, console: Console, lang: str) -> None:
    """A file that could not be used, with every problem where it stands (they went to stderr too,
    as they came: here they stay with the rest of the report, also where stdout is a file)."""
    _block(console, _heading(result) + " — " + t("status.unreadable", lang), "bold red", 0)
    if result.problems:
        for problem in result.problems:
            if problem.get("page") is not None:
                place = t("place.page", lang, page=problem["page"], line=problem.get("line") or 1)
            elif problem.get("line") is not None:
                place = t("place.line_column", lang, line=problem["line"], column=problem.get("column") or 1)
            else:
                place = ""
            _block(console, f"{place}  {problem['message']}".strip(), "red", INDENT)
    else:
        for line in (result.error or "").splitlines():
            _block(console, line.removeprefix(f"{result.file}: ").removeprefix(f"{result.file}:"), "red", INDENT)
    console.print()


def _folder(files: list[str]) -> str:
    """The folder every file is in, to name them from it (the folder once, in the heading); "" if none."""
    try:
        folder = os.path.commonpath([os.path.dirname(file) for file in files])
    except ValueError:  # absolute and relative paths mixed, or none
        return ""
    return folder if folder and all(file.startswith(folder.rstrip(os.sep) + os.sep) for file in files) else ""


def _totals(run: Run, console: Console, lang: str) -> None:
    """One line per file, last: its counts, then its name (wrapped under itself)."""
    labels = [t(f"severity.{key}", lang) for key in ("error", "warning", "info")]
    widths = [max(_cells(label), 3) for label in labels]
    head = "  ".join(" " * (w - _cells(label)) + label for label, w in zip(labels, widths))
    folder = _folder([result.file for result in run.files])
    heading = t("column.file", lang) + (f" ({printable(folder)}{os.sep})" if folder else "")
    _block(console, head + "  " + heading, "bold", 0)
    head_cells = _cells(head)
    lead = head_cells + 2
    for result in run.files:
        if result.error:
            label = t("status.unreadable", lang)
            counts = Text(" " * max(head_cells - _cells(label), 0) + label, style="bold red")
        else:
            numbers = result.counts()
            counts = Text()
            for index, (key, w) in enumerate(zip(("error", "warning", "info"), widths)):
                value = numbers[key]
                counts.append(("  " if index else "") + str(value).rjust(w), style=STYLES[Severity(key)] if value else "")
        name = result.file[len(folder) + 1 :] if folder else result.file
        for number, line in enumerate(wrap(printable(name), max(console.width - lead, 10))):
            text = counts.copy() if number == 0 else Text(" " * head_cells)
            text.append("  " + line)
            console.print(text, overflow="ignore", crop=False, soft_wrap=True)


# ----------------------------------------------------------------------------------- wide
def _full(result: FileResult, console: Console, lang: str) -> None:
    from rich.table import Table  # only where there is room for it

    table = Table(title=Text(_heading(result)), title_justify="left", show_lines=True, expand=False)
    paths = [printable(f.path) for f in result.findings]
    path_width = min(max(map(len, paths), default=10), 40)
    table.add_column(t("column.rule", lang), no_wrap=True, min_width=5)
    table.add_column(t("column.where", lang), width=max(path_width, 16))
    table.add_column(t("column.reported", lang), justify="right", overflow="fold", max_width=14)
    table.add_column(t("column.expected", lang), justify="right", overflow="fold", max_width=14)
    table.add_column(t("column.difference", lang), justify="right", overflow="fold", max_width=12)
    table.add_column(t("column.message", lang), overflow="fold", ratio=4)
    for finding, path in zip(result.findings, paths):
        style = STYLES[finding.severity] if finding.counts else "dim"
        message = printable(
            finding.message
            + ("\n" + t("excerpt", lang, excerpt=finding.excerpt) if finding.excerpt else "")
            + ("\n" + t("hint", lang, hint=finding.hint) if finding.hint else "")
        )
        status = "" if finding.counts else "\n" + t(f"status.{finding.status.value}", lang)
        table.add_row(
            Text(f"{finding.rule}\n{t(f'severity.{finding.severity.value}', lang)}{status}", style=style),
            Text(where(finding, lang) + "\n" + "\n".join(wrap(path, max(path_width, 16)))),
            Text(_short(finding.reported)),
            Text(_short(finding.expected)),
            Text(_short(finding.difference)),
            Text(message, style="dim" if finding.severity is Severity.INFO or not finding.counts else ""),
        )
    console.print(table)


def _short(text: str | None, limit: int = 24) -> str:
    """Long texts (a whole claim) are cut in the table; the message and the JSON export keep them whole."""
    if not text:
        return ""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ----------------------------------------------------------------------------------- the run
def render(run: Run, console: Console, lang: str = "zh", quiet: bool = False) -> None:
    tally = run.tally
    if not quiet:
        wide = console.width >= WIDE
        for result in run.files:
            if result.error:
                _unreadable(result, console, lang)
            elif not result.findings:
                console.print(Text("✓ " + t("clean", lang, file=_heading(result)), style="green"), overflow="fold")
            elif wide:
                _full(result, console, lang)
            else:
                _compact(result, console, lang)
        if len(run.files) > 1:
            _totals(run, console, lang)
    style = STYLES[Severity.ERROR] if tally.counts["error"] else (STYLES[Severity.WARNING] if tally.counts["warning"] else "green")
    for line in wrap(summary_line(tally, lang), console.width):
        console.print(Text(line, style=style), overflow="ignore", crop=False, soft_wrap=True)
