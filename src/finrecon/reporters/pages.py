"""A PDF's pages as small pictures, for the visual report (``--format html``).

Each page that has a finding is rendered once by PDFium (pypdfium2, which the PDF reader already
uses) in 16 shades of grey, and written as a PNG with the standard library's zlib: printed text on
white compresses far better as PNG than as JPEG (a dense page at 1.5×: 58 KB against 149 KB for
JPEG at quality 60, and no larger than a 16-colour palette PNG from Pillow), so no imaging library
is needed.  The boxes the report draws on a page are not in the picture: the page is drawn in
PDF points, turned as the reader reads it (a page turned without its text is drawn as its text
runs), so a box is the printed line's coordinates as the reader found them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCALE = 1.5  # pixels per PDF point: 108 dpi, text stays legible in a crop
MAX_SIDE = 2400  # pixels: a page of absurd size is drawn smaller, never as a giant bitmap
MAX_OBJECTS = 50_000  # a page that draws more than this is not rendered (its findings keep their text)
MAX_IMAGE_PIXELS = 40_000_000  # nor one whose pictures hold more pixels than this (a decompression bomb)
LEVELS = 16  # shades of grey


@dataclass(frozen=True)
class PageImage:
    """One rendered page: its number, its size in PDF points as a viewer shows it, and the PNG."""

    number: int
    width: float
    height: float
    png: bytes


def render_pages(path: str | Path, numbers: Iterable[int], scale: float = SCALE) -> dict[int, PageImage]:
    """The pages ``numbers`` (1-based) of the PDF at ``path``, each rendered once.

    A file that cannot be opened any more, a page that is not there or that draws too much, is
    left out: the report then shows the finding's words without the picture.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    wanted = sorted(set(numbers))
    if not wanted or not Path(path).is_file():
        return {}
    try:
        document = pdfium.PdfDocument(str(path))  # PDFium reads the pages it needs, not the whole file
    except (pdfium.PdfiumError, OSError):
        return {}
    images: dict[int, PageImage] = {}
    try:
        count = len(document)
        for number in wanted:
            if not 1 <= number <= count:
                continue
            try:
                page = document[number - 1]
            except pdfium.PdfiumError:
                continue
            try:
                if too_costly(page):
                    continue
                width, height = page.get_size()
                if width <= 0 or height <= 0:
                    continue
                size = min(scale, MAX_SIDE / max(width, height))
                turn = (reading_rotation(page) - page.get_rotation()) % 360
                bitmap = page.render(scale=size, rotation=turn, grayscale=True, force_bitmap_format=raw.FPDFBitmap_Gray)
                png = grey_png(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
                images[number] = PageImage(number, round(bitmap.width / size, 2), round(bitmap.height / size, 2), png)
            finally:
                page.close()
    finally:
        document.close()
    return images


def reading_rotation(page) -> int:  # noqa: ANN001 - a pypdfium2 page
    """The turn in which the PDF reader reads the page (its text's, where a page is turned without
    its text): the page is drawn in it, so that its boxes, in the reader's coordinates, fall on it."""
    import pypdfium2.raw as raw

    from ..readers.pdf.layout import _reading_rotation

    text_page = page.get_textpage()
    try:
        return _reading_rotation(text_page, raw.FPDFText_CountChars(text_page), page.get_rotation() % 360)
    finally:
        text_page.close()


def too_costly(page) -> bool:  # noqa: ANN001 - a pypdfium2 page
    """Whether drawing the page could take more time or memory than a report's page ever needs:
    more objects than ``MAX_OBJECTS``, or pictures of more than ``MAX_IMAGE_PIXELS`` in all."""
    import ctypes

    import pypdfium2.raw as raw

    count = raw.FPDFPage_CountObjects(page.raw)
    if count > MAX_OBJECTS:
        return True
    pixels = 0
    width, height = ctypes.c_uint(), ctypes.c_uint()
    for index in range(count):
        item = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(item) == raw.FPDF_PAGEOBJ_IMAGE and raw.FPDFImageObj_GetImagePixelSize(item, width, height):
            pixels += width.value * height.value
            if pixels > MAX_IMAGE_PIXELS:
                return True
    return False


_QUANTISE = bytes(round(round(value * (LEVELS - 1) / 255) * 255 / (LEVELS - 1)) for value in range(256))


def grey_png(width: int, height: int, stride: int, pixels: bytes) -> bytes:
    """An 8-bit greyscale PNG of ``pixels`` (one byte a pixel, rows ``stride`` bytes apart),
    quantised to ``LEVELS`` shades so that deflate finds long runs."""
    rows = b"".join(b"\x00" + pixels[row * stride : row * stride + width].translate(_QUANTISE) for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # Level 6 with the filtered strategy: on the real reports' pages six times as fast as level 9, 7 % larger
    # (docs/benchmarks.md).
    packer = zlib.compressobj(6, zlib.DEFLATED, 15, 9, zlib.Z_FILTERED)
    data = packer.compress(rows) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit, greyscale, deflate, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
