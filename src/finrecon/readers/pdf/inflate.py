"""How many bytes a PDF's compressed streams inflate to, counted before PDFium inflates them.

``--max-bytes`` bounds the file; a Flate stream of one megabyte may inflate to a gigabyte, and
PDFium holds a stream whole once it inflates it.  So each Flate stream PDFium may inflate while
the reader reads (page contents, forms, fonts, object and cross-reference streams) is inflated
here first, a megabyte at a time and thrown away, and the file refused once the total passes
``Limits.max_inflated``.  Pictures are not counted: the reader never decodes them.
"""

from __future__ import annotations

import re
import zlib

from ...i18n import Msg
from ..source import LoadError

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20
_NEVER_DECODED = re.compile(rb"/Subtype\s*/Image|/Type\s*/(?:EmbeddedFile|Metadata|XObject\s*/Subtype\s*/Image)")
_DICTIONARY = 4096  # bytes before ``stream`` searched for its dictionary


def check_inflated(data: bytes, limit: int) -> int:
    """The bytes the file's Flate streams inflate to; ``LoadError`` once they pass ``limit``."""
    total = 0
    position = 0
    while True:
        match = _STREAM.search(data, position)
        if match is None:
            return total
        start = match.end()
        if data[match.start() - 3 : match.start()] == b"end":
            position = start
            continue  # the “stream” of “endstream”
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        position = end + len(b"endstream")
        head = data[max(0, match.start() - _DICTIONARY) : match.start()]
        head = head[head.rfind(b"obj") + 1 :] if b"obj" in head else head
        if b"/FlateDecode" not in head or _NEVER_DECODED.search(head):
            total += end - start
        else:
            total += _inflated(data[start:end], limit - total)
        if total > limit:
            raise LoadError(Msg("pdf.inflated", limit=limit))


def _inflated(stream: bytes, budget: int) -> int:
    """The bytes ``stream`` inflates to, counted no further than ``budget`` and one chunk."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        piece = inflater.decompress(stream, _CHUNK)
        while True:
            size += len(piece)
            tail = inflater.unconsumed_tail
            if size > budget or inflater.eof or not tail:
                return size
            piece = inflater.decompress(tail, _CHUNK)
            if not piece and len(inflater.unconsumed_tail) == len(tail):
                return size + len(tail)  # no progress: what is left is not Flate data
    except zlib.error:  # damaged, or under another filter first: PDFium will say what it makes of it
        return size + len(stream)
