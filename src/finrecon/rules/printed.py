"""FR92x — what only the printed report shows: blank and repeated pages, text off the page,
figures the reader could not place, and contents that do not match the tables.

The PDF reader records these facts in ``report.printed`` (and an extracted YAML keeps them);
each rule here reads one list of them through one mechanism.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, ClassVar, Iterator

from ..findings import Finding, Severity
from ..i18n import place_label
from ..lexicon import PART_NUMBER, SECTION_NUMBER, SUBSECTION_NUMBER, TABLE, TABLES_PART
from ..model import Report
from ..model.unknown import region
from .base import REGISTRY, EquationRule, Rule, register
from .structure import printed_tables


class PrintedFact(Rule):
    """Base: one finding per item of ``report.printed.<facts>``, worded by the rule's message."""

    severity = Severity.WARNING
    facts: ClassVar[str]

    def params(self, item: Any) -> dict[str, object]:
        return {"page": item} if isinstance(item, int) else item.model_dump()

    def message(self, item: Any) -> str:
        return self.say(self.id, **self.params(item))

    def check(self, report: Report) -> Iterator[Finding]:
        if report.printed is None:
            return
        for index, item in enumerate(getattr(report.printed, self.facts)):
            params = self.params(item)
            yield self.finding(
                ("printed", self.facts, index), f"printed.{self.facts}[{index}]", self.message(item),
                excerpt=params.get("text"),  # type: ignore[arg-type]
            )


@register
class EmptyPage(PrintedFact):
    """A page of the report prints nothing.

    What it checks: every page of the PDF has text on it (a page that holds only an empty table
    row or nothing at all is reported).

    Why: a blank page in a published report — often after the contents, or where a table broke
    badly — looks like something was lost; inspections list it.

    Example: passes — every page prints text.  Warns — page 14 prints no text.
    """

    id = "FR920"
    title = "空白页"
    title_en = "a blank page"
    facts = "empty_pages"


@register
class RepeatedPage(PrintedFact):
    """A page prints exactly what an earlier page prints, or another page's body without its title.

    What it checks: no two pages of the PDF carry the same text; and no page prints only what
    another page prints below its title (its first line, or its first two: the title and the
    编制单位 line) — compared without spaces and line breaks, so a body wrapped differently is
    still the same.  A body shorter than 80 characters is not compared.

    Why: a page printed twice pushes the rest out of place and makes the report look unchecked;
    printed again without its title it is harder to see, and a reader takes it for another table.

    Example: passes — every page differs.  Warns — page 9 repeats page 8; page 12 prints page 11's
    rows without the title above them.
    """

    id = "FR921"
    title = "重复页"
    title_en = "a page printed twice"
    facts = "repeated_pages"

    def message(self, item: Any) -> str:
        return self.say("FR921.untitled" if item.untitled else self.id, page=item.page, same_as=item.same_as)


@register
class TextOffPage(PrintedFact):
    """Text stands outside the page: the file holds it, but nobody sees it printed.

    What it checks: every glyph of the PDF lies within its page.

    Why: text that runs off the page is read by machines (and by finrecon) but not by the people
    the report is published for; what they see is cut off.

    Example: passes — all text on the page.  Warns — the end of 主要职能 runs below page 3.
    """

    id = "FR922"
    title = "文字超出页面"
    title_en = "text runs off the page"
    facts = "off_page"


@register
class RepeatedTable(PrintedFact):
    """A table printed twice: the second printing is not read, so not checked.

    What it checks: each table of the template is printed once (its title appears once outside
    the contents).

    Why: a table printed twice either repeats the first (a layout slip) or differs from it, and
    then one of the two is wrong; a reader cannot tell which figures are the report's.

    Example: passes — 表5 printed once.  Warns — 表5 printed on page 15 and again on page 16.
    """

    id = "FR925"
    title = "表格重复印出"
    title_en = "a table printed twice"
    facts = "repeated_tables"


@register
class OtherReport(PrintedFact):
    """Two reports bound in one file: only the first is read and checked.

    What it checks: after the cover, no page of the PDF is the cover of another report (a page
    of a few lines that prints the template's title, “…2024年度部门决算”).

    Why: a file that holds two reports — the same one twice, or another department's after it —
    would have its tables summed twice or its figures mixed with another's; finrecon reads the
    first report only and says where the next one begins, for it to be published (and checked)
    as a file of its own.

    Example: passes — one cover.  Warns — page 26 is the cover of another 部门决算.
    """

    id = "FR926"
    title = "一个文件中有多份报告"
    title_en = "more than one report in the file"
    facts = "other_reports"


@register
class UnreadTable(PrintedFact):
    """Figures in a table that finrecon could not place, so they are not checked.

    What it checks: every printed figure of a recognised table belongs to a known row and column;
    a table's head is one the template knows; a page is not drawn with more lines or cells than
    the reader reads (a page made of thousands of lines is not read as tables).

    Why: a figure finrecon cannot place is never guessed; it is reported so that nobody takes the
    table for checked.  Usually the table departs from the template (a renamed row or column).
    Such a figure is unknown, not 0: no identity with a term there is evaluated (a sum over the
    table may miss it as a part), and the finding names the checks it skipped.

    Example: passes — every figure placed.  Warns — a figure in an unknown column.
    """

    id = "FR923"
    title = "表格内容无法读取"
    title_en = "table content could not be read"
    facts = "unread"

    listed = 6  # skipped checks named in the message; the others are counted, and all are related

    def check(self, report: Report) -> Iterator[Finding]:
        if report.printed is None:
            return
        skipped = self.skipped(report) if report.unknown else {}
        absent = [(index, item) for index, item in enumerate(report.printed.unread) if item.kind == "absent"]
        for key, found in (("absent", [a for a in absent if "tables" in (a[1].path or "")]), ("no_text", [a for a in absent if "tables" not in (a[1].path or "")])):
            if found:  # coverage, not a discrepancy: which checks did not run, said once
                text = "、".join(dict.fromkeys(item.text for _, item in found))
                finding = self.finding(("printed", self.facts, found[0][0]), f"printed.{self.facts}.{key}", self.say(f"{self.id}.{key}", text=text))
                yield replace(finding, severity=Severity.INFO)
        for index, item in enumerate(report.printed.unread):
            if item.kind == "absent":
                continue
            key = self.id if item.kind == "figures" else f"{self.id}.{item.kind}"
            where = self.say(f"{self.id}.place", place=place_label(item.place, self.lang)) if item.place else self.say(f"{self.id}.page", page=item.page)
            text = item.text + (self.say("FR923.reason", reason=self.say(item.reason, **item.reason_args)) if item.reason else "")
            message = self.say(key, where=where, page=item.page, text=text)
            checks = [check for path in item.unknown for check in skipped.get(region(path), ())]
            checks = list(dict.fromkeys(checks))  # one region may be named by two items, a check by two regions
            if checks:
                shown = self.say("FR923.sep").join(wording for wording, _ in checks[: self.listed]) + (" …" if len(checks) > self.listed else "")
                message += self.say("FR923.skipped", count=len(checks), checks=shown)
            yield self.finding(
                ("printed", self.facts, index), f"printed.{self.facts}[{index}]", message,
                related=tuple(path for _, path in checks), excerpt=(item.printed or item.text) if not item.reason else item.printed,
            )

    def skipped(self, report: Report) -> dict[str, list[tuple[str, str]]]:
        """The identity checks not evaluated because a term is unknown, by the unknown place:
        (“FR101 本年收入合计 = …”, the path the check is about)."""
        found: dict[str, list[tuple[str, str]]] = {}
        for rule_id, kind in sorted(REGISTRY.items()):
            if not issubclass(kind, EquationRule):
                continue
            rule = kind(self.options)
            for equation in rule.skipped(report):
                wording = f"{rule_id} {rule.wording(equation)}"
                found.setdefault(equation.unknown, []).append((wording, equation.left[0].path))  # type: ignore[arg-type]
        return found


_NUMBER_OR_LEADER = re.compile(rf"^(?:{SECTION_NUMBER}|{SUBSECTION_NUMBER}|\d+\s*[.．、])|[…·.]{{2,}}.*$|\d+$")


_PART = re.compile(rf"^{PART_NUMBER}|^{TABLES_PART}$")


def _words(text: str) -> str:
    return _NUMBER_OR_LEADER.sub("", text.replace(" ", "").replace("\u3000", ""))


@register
class ContentsTables(Rule):
    """The contents and the tables must list the same tables.

    What it checks: each table the contents names is printed in the report, and each printed
    table is named in the contents — compared by title, without numbering and page numbers.

    Why: a table listed in the contents and missing from the report (or printed without being
    listed) is what a reviewer notices first; a table left out is a disclosure left out.

    Example: passes — 九张表 all listed and printed.  Warns — the contents lists 表七 but the
    report does not print it.
    """

    id = "FR924"
    title = "目录与表格不符"
    title_en = "contents and tables disagree"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        if report.text is None or not report.text.contents:
            return
        printed = {_words(table.title): path for path, table in printed_tables(report) if table.title}
        if not printed:
            return
        listed = {
            _words(entry): index for index, entry in enumerate(report.text.contents)
            if _words(entry).endswith(TABLE) and not _PART.search(_words(entry))  # “第二部分 …决算表”, “五、部门预算表” are parts
        }
        for words, index in listed.items():
            if words not in printed:
                yield self.finding(("text", "contents", index), f"text.contents[{index}]", self.say("FR924.missing", title=words), excerpt=report.text.contents[index])
        for words, path in printed.items():
            if words not in listed:
                yield self.finding(tuple(path.split(".")), path, self.say("FR924.unlisted", title=words))
