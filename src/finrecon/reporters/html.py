"""``--format html``: the visual report — one self-contained page to mail.

Each finding stands beside what it is about: for a PDF, a crop of its page with the printed row
boxed in the colour of its severity; for YAML, the source lines around it.  Then the reported
and expected values, the hint, and a link to the whole page.  A table of contents by page and by
rule leads to each finding; boxes on the page lead back.  Filters by severity need a few lines
of inline script; everything else works without it, and nothing is fetched from anywhere.

Each page with a finding is rendered once (``pages.render_pages``) and embedded once, as an SVG
``<image>`` in PDF points; a crop is an SVG ``<use>`` of that image under a smaller viewBox, so a
page with ten findings costs one picture, and a box is simply the reader's coordinates.
"""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path

from .. import __version__
from ..findings import Finding
from ..i18n import place_label, t
from ..results import FileResult, Run
from .rows import file_line, is_number, summary_line, title, where

SEVERITIES = ("error", "warning", "info")
CONTEXT = 3  # source lines shown above and below a YAML finding's line
MAX_PAGES = 300  # pages drawn in one report (about 20 MB): a run over more shows the rest in words
MARGIN = 40.0  # points of the page shown above and below a boxed row in its crop

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; }
nav, .filters { font-size: 0.9em; } nav ul { margin: 0.2em 0; padding-left: 1.2em; } nav li { margin: 0.15em 0; }
nav a, .pages a { text-decoration: none; } code { font-size: 0.9em; color: #555; }
.filters label { margin-right: 1em; }
article.finding { display: grid; grid-template-columns: minmax(18em, 1fr); gap: 0.6em 1.5em; border: 1px solid #ccc;
  border-left-width: 6px; padding: 0.6em 0.9em; margin: 0.8em 0; }
@media (min-width: 1400px) { article.finding { grid-template-columns: minmax(22em, 1fr) minmax(40em, 2fr); } }
article.finding p { margin: 0.25em 0; }
article.error { background: rgb(255, 235, 235); border-left-color: rgb(208, 0, 0); }
article.warning { background: rgb(255, 248, 220); border-left-color: rgb(230, 149, 0); }
article.info { background: rgb(245, 245, 245); border-left-color: rgb(31, 111, 208); }
article.suppressed { opacity: 0.6; }
.severity { font-weight: bold; }
article.error .severity { color: rgb(192, 0, 0); }
article.warning .severity { color: rgb(176, 112, 0); }
article.info .severity { color: rgb(110, 110, 110); }
table.values { border-collapse: collapse; font-size: 0.9em; margin: 0.3em 0; }
table.values th, table.values td { border: 1px solid #ccc; padding: 2px 8px; text-align: right; font-variant-numeric: tabular-nums; }
table.values th { background: #f3f3f3; font-weight: normal; } table.values td.words { text-align: left; }
p.hint { color: #555; } p.excerpt { color: #333; font-family: serif; }
p.summary { font-weight: bold; } p.unreadable { color: rgb(192, 0, 0); }
figure { margin: 0; } figure svg { display: block; width: 100%; height: auto; background: #fff; border: 1px solid #bbb; }
figure.crop svg { max-width: 1100px; }
figure.page { margin: 1.5em 0; } figure.page svg { max-width: 1200px; }
rect.box { stroke-width: 2px; vector-effect: non-scaling-stroke; }
rect.box[data-severity="error"] { stroke: rgb(208, 0, 0); fill: rgba(208, 0, 0, 0.12); }
rect.box[data-severity="warning"] { stroke: rgb(230, 149, 0); fill: rgba(230, 149, 0, 0.15); }
rect.box[data-severity="info"] { stroke: rgb(31, 111, 208); fill: rgba(31, 111, 208, 0.12); }
pre.source { background: #fff; border: 1px solid #bbb; padding: 0.4em 0; margin: 0; overflow-x: auto; font-size: 0.85em; }
pre.source span { display: block; padding: 0 0.6em; } pre.source span.hit { background: rgba(208, 0, 0, 0.12); }
pre.source span.hit[data-severity="warning"] { background: rgba(230, 149, 0, 0.2); }
pre.source span.hit[data-severity="info"] { background: rgba(31, 111, 208, 0.12); }
pre.source b { display: inline-block; min-width: 3em; color: #888; font-weight: normal; user-select: none; }
body.hide-error [data-severity="error"], body.hide-warning [data-severity="warning"], body.hide-info [data-severity="info"],
body.hide-suppressed .suppressed { display: none; }
@media print { .filters { display: none; } article.finding { break-inside: avoid; } }
"""

SCRIPT = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () { document.body.classList.toggle('hide-' + box.value, !box.checked); });
});
"""


def render(run: Run, lang: str = "zh") -> str:
    from .pages import render_pages

    files = [_File(index, result) for index, result in enumerate(run.files, start=1)]
    budget = MAX_PAGES
    for item in files:
        budget -= item.load(render_pages, budget)
    heading = escape(title(run.files, lang))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{heading}</title><style>{STYLE}</style></head><body>",
        f'<h1 id="top">{heading}</h1>',
        f'<p class="summary" id="summary">{escape(summary_line(run.tally, lang))}</p>',
        _filters(run, lang),
    ]
    if any(item.undrawn for item in files):
        parts.append(f'<p class="undrawn">{escape(t("html.undrawn", lang, pages=MAX_PAGES))}</p>')
    parts += [
        _contents(files, lang),
    ]
    for item in files:
        parts.append(item.section(lang))
    parts.append(f"<footer><p>finrecon {__version__}</p></footer><script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"


def _filters(run: Run, lang: str) -> str:
    counts = run.tally.counts
    boxes = [
        f'<label><input type="checkbox" value="{severity}" checked> {escape(t(f"severity.{severity}", lang))} ({counts[severity]})</label>'
        for severity in SEVERITIES
    ]
    suppressed = counts["waived"] + counts["baselined"]
    if suppressed:
        boxes.append(f'<label><input type="checkbox" value="suppressed" checked> {escape(t("html.suppressed", lang))} ({suppressed})</label>')
    return f'<p class="filters">{escape(t("html.show", lang))} {"".join(boxes)}</p>'


def _contents(files: list[_File], lang: str) -> str:
    from ..rules import all_rules

    titles = {rule.id: rule.title_in(lang) for rule in all_rules()}
    parts = [f'<nav id="contents"><h2>{escape(t("html.contents", lang))}</h2>']
    for item in files:
        if not item.result.findings:
            continue
        parts.append(f'<h3><a href="#file-{item.index}">{escape(item.heading)}</a></h3>')
        pages: dict[int, list[str]] = {}
        for anchor, finding in item.anchored:
            if finding.page is not None:
                pages.setdefault(finding.page, []).append(anchor)
        if pages:
            links = " · ".join(
                f'<a href="#{anchors[0]}">p.{page}</a> ({len(anchors)})' for page, anchors in sorted(pages.items())
            )
            parts.append(f'<p class="by-page">{escape(t("html.by_page", lang))}: {links}</p>')
        rules: dict[str, list[tuple[str, Finding]]] = {}
        for anchor, finding in item.anchored:
            rules.setdefault(finding.rule, []).append((anchor, finding))
        parts.append(f'<p>{escape(t("html.by_rule", lang))}:</p><ul class="by-rule">')
        for rule in sorted(rules):
            links = " · ".join(f'<a href="#{anchor}">{escape(_short_place(finding, lang))}</a>' for anchor, finding in rules[rule])
            worst = max((finding.severity for _, finding in rules[rule]), key=lambda severity: severity.rank)
            parts.append(
                f'<li data-rule="{rule}"><span class="severity" data-level="{worst.value}">{rule}</span> '
                f"{escape(titles.get(rule, ''))} ({len(rules[rule])}): {links}</li>"
            )
        parts.append("</ul>")
    parts.append("</nav>")
    return "\n".join(parts)


def _short_place(finding: Finding, lang: str) -> str:
    if finding.place:  # a Word, Excel or web page: its own place
        return place_label(finding.place, lang)
    if finding.page is not None:
        return f"p.{finding.page}:{finding.line}"
    return f"L{finding.line}" if finding.line else "—"


class _File:
    """One checked file in the report: its findings with their anchors, its pictures or source lines."""

    def __init__(self, index: int, result: FileResult) -> None:
        self.index, self.result = index, result
        self.heading = " ".join(str(part) for part in (result.file, result.unit or "", result.year or "") if part)
        self.anchored = [(f"f{index}-{number}", finding) for number, finding in enumerate(result.findings, start=1)]
        self.images: dict = {}
        self.pdf = False  # a PDF whose pages are drawn (another paged medium has no pictures)
        self.lines: list[str] | None = None
        self.undrawn = False  # pages with findings left undrawn: the report's page budget was spent

    def load(self, render_pages, budget: int) -> int:  # noqa: ANN001
        """Render the pages that have findings (each once, at most ``budget`` of them), or read
        the source lines of a text report; how many pages it drew."""
        findings = self.result.findings
        pages = sorted({finding.page for finding in findings if finding.page is not None})
        if pages and _is_pdf_file(self.result.file):
            self.pdf = True
            self.undrawn = len(pages) > budget
            self.images = render_pages(self.result.file, pages[: max(budget, 0)])
        elif any(file_line(finding) for finding in findings):  # a Word file or workbook has no source lines
            self.lines = _source_lines(self.result.file)
        return len(self.images)

    # ------------------------------------------------------------------ the file's section
    def section(self, lang: str) -> str:
        result = self.result
        parts = [f'<section class="file" id="file-{self.index}"><h2>{escape(self.heading)}</h2>']
        if result.error:
            parts.append(f'<p class="unreadable">{escape(result.error)}</p>')
        elif not result.findings:
            parts.append(f"<p>{escape(t('clean', lang, file=result.file))}</p>")
        for anchor, finding in self.anchored:
            parts.append(self._finding(anchor, finding, lang))
        if self.images:
            parts.append(f'<h3>{escape(t("html.pages", lang))}</h3><div class="pages">')
            for number in sorted(self.images):
                parts.append(self._page(number, lang))
            parts.append("</div>")
        parts.append("</section>")
        return "\n".join(parts)

    def _finding(self, anchor: str, finding: Finding, lang: str) -> str:
        severity = finding.severity.value
        classes = f"finding {severity}" + ("" if finding.counts else " suppressed")
        status = "" if finding.counts else f" · {escape(t(f'status.{finding.status.value}', lang))}"
        if finding.note:
            status += f"：{escape(finding.note)}"
        place = escape(where(finding, lang)) if (finding.page is not None or finding.line or finding.place) else ""
        text = [
            f'<p class="head"><span class="severity">{escape(t(f"severity.{severity}", lang))}</span>{status} '
            f'<b class="rule">{finding.rule}</b> {place} <code>{escape(finding.path)}</code></p>',
            f'<p class="message">{escape(finding.message)}</p>',
        ]
        values = [(key, value) for key, value in (("reported", finding.reported), ("expected", finding.expected), ("difference", finding.difference)) if value]
        if values:
            text.append(
                '<table class="values"><tr>' + "".join(f"<th>{escape(t(f'column.{key}', lang))}</th>" for key, _ in values) + "</tr><tr>"
                + "".join(f'<td class="{key}{"" if is_number(value) else " words"}">{escape(value)}</td>' for key, value in values) + "</tr></table>"
            )
        if finding.excerpt:
            text.append(f'<p class="excerpt">{escape(t("excerpt", lang, excerpt=finding.excerpt))}</p>')
        if finding.hint:
            text.append(f'<p class="hint">{escape(t("hint", lang, hint=finding.hint))}</p>')
        if finding.page in self.images:
            text.append(f'<p><a class="full-page" href="#p{self.index}-{finding.page}">{escape(t("html.full_page", lang))} ({escape(t("html.page", lang, page=finding.page))})</a></p>')
        return (
            f'<article class="{classes}" id="{anchor}" data-rule="{finding.rule}" data-severity="{severity}">'
            f'<div class="text">{"".join(text)}</div>{self._picture(finding, lang)}</article>'
        )

    def _picture(self, finding: Finding, lang: str) -> str:
        """The crop of the page around the finding's row, or the source lines around its line."""
        if finding.page is not None:
            image = self.images.get(finding.page)
            if image is None:
                return f'<p class="no-picture">{escape(t("html.no_picture", lang))}</p>' if self.pdf else ""
            if finding.box is None:  # about the whole page (a blank or repeated page): the page, small
                x, y, width, height = 0.0, 0.0, image.width, image.height
                style = ' style="max-width: 360px"'
            else:
                x0, top, x1, bottom = finding.box
                x, width = 0.0, image.width
                y = max(0.0, top - MARGIN)
                height = min(image.height, bottom + MARGIN) - y
                style = ""
            return (
                f'<figure class="crop"><a href="#p{self.index}-{finding.page}"><svg viewBox="{x:g} {y:g} {width:g} {height:g}"{style} role="img"'
                f' aria-label="{escape(t("html.page", lang, page=finding.page))}">'
                f'<use href="#img{self.index}-{finding.page}"/>{_box(finding)}</svg></a></figure>'
            )
        line = file_line(finding)  # a web page's source line, not the number of its paragraph
        if self.lines is not None and line is not None and 1 <= line <= len(self.lines):
            first, last = max(1, line - CONTEXT), min(len(self.lines), line + CONTEXT)
            rows = []
            for number in range(first, last + 1):
                hit = f' class="hit" data-severity="{finding.severity.value}"' if number == line else ""
                rows.append(f"<span{hit}><b>{number}</b>{escape(self.lines[number - 1])}</span>")
            label = escape(f"{t('html.source', lang)}: {self.result.file}")
            return f'<figure class="source"><pre class="source" aria-label="{label}">{"".join(rows)}</pre></figure>'
        return ""

    def _page(self, number: int, lang: str) -> str:
        """The whole page, once: its picture and a box for each of its findings, each a link to it."""
        image = self.images[number]
        data = base64.b64encode(image.png).decode("ascii")
        boxes = "".join(
            f'<a href="#{anchor}">{_box(finding, title=f"{finding.rule} {finding.message}")}</a>'
            for anchor, finding in self.anchored
            if finding.page == number and finding.box is not None
        )
        return (
            f'<figure class="page" id="p{self.index}-{number}"><figcaption>{escape(t("html.page", lang, page=number))} · '
            f'<a href="#top">{escape(t("html.top", lang))}</a></figcaption>'
            f'<svg viewBox="0 0 {image.width:g} {image.height:g}" role="img">'
            f'<image id="img{self.index}-{number}" href="data:image/png;base64,{data}" x="0" y="0" width="{image.width:g}" height="{image.height:g}"/>'
            f"{boxes}</svg></figure>"
        )


def _box(finding: Finding, title: str | None = None) -> str:
    """The finding's printed row, boxed in its severity's colour (a little larger than the ink)."""
    if finding.box is None:
        return ""
    x0, top, x1, bottom = finding.box
    pad = 2.0
    classes = "box" + ("" if finding.counts else " suppressed")
    label = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<rect class="{classes}" data-severity="{finding.severity.value}" data-rule="{finding.rule}" x="{x0 - pad:g}" y="{top - pad:g}"'
        f' width="{x1 - x0 + 2 * pad:g}" height="{bottom - top + 2 * pad:g}">{label}</rect>'
    )


def _is_pdf_file(file: str) -> bool:
    """Whether the file is (still) a PDF, by its first bytes, as the readers tell."""
    from ..readers import is_pdf

    if not Path(file).is_file():  # never open a pipe or a device, which could block
        return False
    try:
        with open(file, "rb") as stream:
            return is_pdf(stream.read(1024))
    except OSError:
        return False


_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # where YAML counts a new line


def _source_lines(file: str) -> list[str] | None:
    """The lines of a text report, numbered as the YAML reader numbers them; ``None`` if it cannot be read."""
    from ..readers import is_pdf
    from ..readers.source import Limits, LoadError, read_bytes

    try:
        data = read_bytes(Path(file), Limits())
    except LoadError:
        return None
    if b"\x00" in data[:1024] or is_pdf(data):  # a binary file has no lines to show
        return None
    text = data.decode("utf-8-sig", errors="replace")
    return _LINE_BREAK.split(text)
