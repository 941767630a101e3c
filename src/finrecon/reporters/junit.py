"""``--format junit``: JUnit XML that CI servers read — a test suite per report, a failure per finding."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..i18n import t
from ..results import Run
from .rows import file_line, printable, where


def _values(finding, lang: str) -> str:  # noqa: ANN001 - a Finding
    """“报告值: 97.20  应为: 99.97  差额: -2.77”, each only where the finding has it (never None)."""
    pairs = (("column.reported", finding.reported), ("column.expected", finding.expected), ("column.difference", finding.difference))
    return "  ".join(f"{t(key, lang)}: {value}" for key, value in pairs if value is not None)


def render(run: Run, lang: str = "zh") -> str:
    suites = ET.Element("testsuites", name="finrecon")
    total_tests = total_failures = total_errors = 0
    for result in run.files:
        suite = ET.SubElement(suites, "testsuite", name=result.file)
        tests = failures = errors = 0
        if result.error:
            case = ET.SubElement(suite, "testcase", classname=result.file, name="load")
            ET.SubElement(case, "error", message=result.error, type="LoadError").text = result.error
            tests, errors = 1, 1
        elif not result.findings:
            ET.SubElement(suite, "testcase", classname=result.file, name="finrecon")
            tests = 1
        for finding in result.findings:
            tests += 1
            case = ET.SubElement(suite, "testcase", classname=result.file, name=f"{finding.rule} {finding.path}", file=result.file)
            line = file_line(finding)  # none for a Word paragraph or a workbook's cell
            if line is not None:
                case.set("line", str(line))
            body = "\n".join(part for part in (
                where(finding, lang),
                finding.message,
                t("excerpt", lang, excerpt=finding.excerpt) if finding.excerpt else "",
                t("hint", lang, hint=finding.hint) if finding.hint else "",
                _values(finding, lang),
            ) if part)
            if finding.counts:
                failures += 1
                ET.SubElement(case, "failure", message=finding.message, type=f"{finding.rule}/{finding.severity.value}").text = body
            else:
                skipped = ET.SubElement(case, "skipped", message=t(f"status.{finding.status.value}", lang) + (f"：{finding.note}" if finding.note else ""))
                skipped.text = body
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        total_tests, total_failures, total_errors = total_tests + tests, total_failures + failures, total_errors + errors
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", str(total_errors))
    for element in suites.iter():
        element.attrib = {key: printable(value) for key, value in element.attrib.items()}
        if element.text:
            element.text = printable(element.text)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
