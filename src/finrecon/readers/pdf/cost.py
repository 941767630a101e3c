"""What a PDF will cost PDFium to lay out, measured on its structure before PDFium opens a page.

A page's cost is the content PDFium parses for it: its own content streams, and every form
(XObject) it draws, as many times as it draws it, with the forms those draw in turn.  A file of
a few kilobytes may cost gigabytes so (a form drawn a thousand times; forms thirty deep each
drawing the next twice; five hundred pages sharing one content stream), and PDFium would exhaust
the memory before a single glyph could be counted.  The structure is read with pikepdf (qpdf):
objects, resources and streams as PDF defines them, object streams and inheritance included.

The measure holds only if qpdf reads what PDFium will parse.  Where it does not — qpdf cannot open
the file, or sets an object aside as null (an integer of 31 digits makes qpdf drop the whole page
dictionary it stands in, while PDFium reads it as a number and lays the page out), or counts
other pages than PDFium — the cost cannot be measured and the file is refused: a form drawn
2²⁷ times behind such an object made PDFium allocate until the kernel killed the process.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ...i18n import Msg
from ..source import Limits, LoadError

_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")


_NULLED = re.compile(r"object (\d+) (\d+)\b[^:]*: treating object as null")


def check_cost(data: bytes, limits: Limits, pages: int | None = None) -> None:
    """``LoadError`` for a PDF a page of which, or the whole of which, costs more than ``limits``
    allow, or whose cost cannot be measured because qpdf does not read what PDFium will parse
    (``pages``: the pages PDFium counts, once it has opened the file)."""
    try:
        import pikepdf
    except ImportError:  # pragma: no cover - a dependency; without it PDFium is trusted
        return
    try:
        document = pikepdf.open(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - damaged, encrypted …
        if pages is None:
            return  # PDFium's opening, still to come, gives the reason
        raise LoadError(Msg("pdf.unmeasured_file")) from None  # PDFium opened what qpdf could not
    with document:
        costs = _Costs(limits.max_page_content, limits.max_form_depth)
        total = 0
        counted = len(document.pages)
        _refuse_nulled(document, None)
        if pages is not None and counted != pages:
            raise LoadError(Msg("pdf.unmeasured_pages", pages=pages, counted=counted))
        for number, page in enumerate(document.pages, start=1):
            try:
                cost = costs.page(page.obj)
            except _TooDeep:
                raise LoadError(Msg("pdf.form_depth", limit=limits.max_form_depth), page=number) from None
            except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
                continue  # a part qpdf cannot read: PDFium will say what it makes of it
            _refuse_nulled(document, number)
            if cost > limits.max_page_content:
                raise LoadError(Msg("pdf.page_content", limit=limits.max_page_content), page=number)
            total += cost
            if total > limits.max_content:
                raise LoadError(Msg("pdf.content", limit=limits.max_content), page=number)


def _refuse_nulled(document: Any, page: int | None) -> None:
    """``LoadError`` once qpdf has set aside as null an object it could not parse: what stands in
    it is unknown to the measure, and PDFium may read it (qpdf parses objects as they are used,
    so this is asked after each page)."""
    for warning in document.get_warnings():
        found = _NULLED.search(warning)
        if found:
            raise LoadError(Msg("pdf.unmeasured", object=found[1]), page=page)


class _TooDeep(Exception):
    """Forms drawn within forms deeper than the bound (the measure recurses once a level)."""


class _Costs:
    """Content bytes per stream and per form, each stream read once however often it is drawn."""

    def __init__(self, ceiling: int, depth: int = 32) -> None:
        self.ceiling = ceiling  # a cost above it is only “too much”: counting stops there
        self.depth = depth  # forms within forms: deeper is refused (1 200 deep once overflowed
        # Python's stack here, the page went unmeasured, and PDFium drew 2**40 forms)
        self.streams: dict[tuple[int, int], tuple[int, list[bytes]]] = {}
        self.forms: dict[tuple[int, int], int] = {}

    def page(self, page: Any) -> int:
        import pikepdf

        contents = page.get("/Contents")
        parts = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        resources = _inherited(page, "/Resources")
        cost = 0
        for part in parts:
            if not isinstance(part, pikepdf.Stream):
                continue
            size, names = self._stream(part)
            cost += size + self._draws(names, resources, 1)
            if cost > self.ceiling:
                return cost
        return cost

    def _stream(self, stream: Any) -> tuple[int, list[bytes]]:
        key = stream.objgen
        found = self.streams.get(key) if key != (0, 0) else None
        if found is None:
            try:
                content = stream.read_bytes()
            except Exception:  # noqa: BLE001 - undecodable: PDFium reads it as it can
                content = b""
            found = (len(content), _DO.findall(content))
            if key != (0, 0):
                self.streams[key] = found
        return found

    def _draws(self, names: list[bytes], resources: Any, depth: int) -> int:
        if not names or resources is None:
            return 0
        xobjects = resources.get("/XObject")
        if xobjects is None:
            return 0
        cost = 0
        for name in names:
            target = xobjects.get("/" + name.decode("latin-1"))
            if target is not None:
                cost += self._form(target, depth)
                if cost > self.ceiling:
                    return cost
        return cost

    def _form(self, form: Any, depth: int) -> int:
        import pikepdf

        if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != "/Form":
            return 0
        key = form.objgen
        if key in self.forms:
            return self.forms[key]
        if depth > self.depth:
            raise _TooDeep
        self.forms[key] = 0  # drawn inside itself: PDFium draws it no deeper
        size, names = self._stream(form)
        cost = min(size + self._draws(names, form.get("/Resources"), depth + 1), self.ceiling + 1)
        self.forms[key] = cost
        return cost


def _inherited(page: Any, key: str) -> Any:
    node, seen = page, 0
    while node is not None and seen < 64:
        value = node.get(key)
        if value is not None:
            return value
        node, seen = node.get("/Parent"), seen + 1
    return None
