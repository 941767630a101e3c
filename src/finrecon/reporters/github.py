"""``--format github``: workflow commands, so that findings show on the changed lines of a PR."""

from __future__ import annotations

from typing import Iterable, TextIO

from ..findings import Severity
from ..results import FileResult, Tally
from .rows import file_line, place_label, printable

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, property_value: bool = False) -> str:
    text = printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def write(results: Iterable[FileResult], out: TextIO, lang: str = "zh") -> Tally:
    tally = Tally()
    for result in tally.tallied(results):
        if result.error:
            out.write(f"::error file={_escape(result.file, True)},title=finrecon::{_escape(result.error)}\n")
        for finding in result.findings:
            if not finding.counts:
                continue
            message = finding.message + (f" — {finding.excerpt}" if finding.excerpt else "") + (f" — {finding.hint}" if finding.hint else "")
            if finding.place:  # a Word, Excel or web page: its own place in the title; a line only where the file has it
                line = file_line(finding)
                at = f"line={line}," if line is not None else ""
                title = f"{finding.rule} {place_label(finding.place, lang)} {finding.path}"
            elif finding.page is None:
                at = f"line={finding.line},col={finding.column},"
                title = f"{finding.rule} {finding.path}"
            else:  # a PDF has no lines GitHub can show: the page goes into the title (a page text's file line, where it has one)
                at = f"line={finding.file_line}," if finding.file_line is not None else ""
                title = f"{finding.rule} p.{finding.page} {finding.path}"
            out.write(f"::{LEVELS[finding.severity]} file={_escape(result.file, True)},{at}title={_escape(title, True)}::{_escape(message)}\n")
    return tally
