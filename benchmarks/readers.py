"""How long each media reader takes for a 25-page report, and the libraries it was chosen over.

Run: python benchmarks/readers.py   (needs ../shared/reports/pdf and the `bench` and `test` extras)

The drafts are written from the published Shanghai report (tests/media_files.py): a Word file and
a web page with its text and nine tables, a workbook of the nine tables, a page text.  Each number
is the best of five runs of the whole reader (file bytes → validated ``Report``).

Measured on the project's machine (2 cores, shared), 2026-12-07: docx 0.026 s, xlsx 0.032 s,
html 0.018 s, txt 0.005 s, the 31-page page text with tables 0.019 s, the 25-page ``pdftotext
-layout`` text (tables by position) 0.024 s; a 50 MB page of 2.4 million
paragraphs refused in 0.05 s.  Parse only: python-docx 0.014 s against lxml on document.xml
0.002 s (and python-docx repeats a merged cell in every column it spans, which would read one
figure twice) → lxml; web page ×20: lxml.html 0.010 s, selectolax (lexbor) 0.006 s, html5lib
0.510 s → lxml.html, which gives each element's source line for the places and is already loaded
for Word.  Text: UTF-8 and GB18030 are tried first (strict decoders, no guessing), and
charset-normalizer only for anything else.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from finrecon.readers import load_report  # noqa: E402
from tests.media_files import docx_bytes, html_bytes, page_text, pdf_flow, xlsx_bytes  # noqa: E402

PDF = ROOT.parent / "shared" / "reports" / "pdf" / "shanghai-putuo-finance-2024-final.pdf"
TEXT = ROOT.parent / "shared" / "reports" / "text" / "shanghai-putuo-ecology-environment-2025-final.txt"
LAYOUT = ROOT.parent / "shared" / "reports" / "shanghai-putuo-finance-bureau-2024.txt"


def best(run, times: int = 5) -> float:  # noqa: ANN001
    found = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        found.append(time.perf_counter() - start)
    return min(found)


def main() -> None:
    flow = pdf_flow(PDF)
    folder = Path(tempfile.mkdtemp())
    files = {
        "docx": ("r.docx", docx_bytes(flow)), "xlsx": ("r2024.xlsx", xlsx_bytes(flow)),
        "html": ("r.html", html_bytes(flow)), "txt": ("r.txt", page_text(flow).encode("gb18030")),
    }
    for key, (name, data) in files.items():
        (folder / name).write_bytes(data)
    print("reader  seconds (best of 5, bytes → Report)")
    for key, (name, _) in files.items():
        print(f"{key:6}  {best(lambda: load_report(folder / name)):.3f}")
    print(f"txt*    {best(lambda: load_report(TEXT)):.3f}   (*the 31-page page text in ../shared, with its tables)")
    print(f"txt-l*  {best(lambda: load_report(LAYOUT)):.3f}   (*the 25-page pdftotext -layout text in ../shared, tables by position)")

    # A 50 MB web page (read with --max-bytes 64 MB): bounded time, one line if it is no report.
    from finrecon.readers import Limits, LoadError

    big = folder / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>\xe6\x94\xb6\xe5\x85\xa5 123.45</p>" * 2_400_000 + b"</body></html>")
    start = time.perf_counter()
    try:
        load_report(big, Limits(max_bytes=64 * 1024 * 1024))
    except LoadError as error:
        print(f"html 50MB {time.perf_counter() - start:.2f} s → {error.render('en')[-60:]}")

    # Libraries: the parse alone of the same inputs.
    import docx
    import lxml.html
    from lxml import etree

    docx_path = folder / "r.docx"
    print("\nparse only            seconds")
    print(f"python-docx           {best(lambda: [p.text for p in docx.Document(docx_path).paragraphs]):.3f}")
    import zipfile

    print(f"lxml (document.xml)   {best(lambda: etree.fromstring(zipfile.ZipFile(docx_path).read('word/document.xml'))):.3f}")
    page = (folder / "r.html").read_bytes() * 20
    print(f"lxml.html  ×20 page   {best(lambda: lxml.html.document_fromstring(page)):.3f}")
    try:
        from selectolax.lexbor import LexborHTMLParser

        print(f"selectolax ×20 page   {best(lambda: LexborHTMLParser(page).body):.3f}")
    except ImportError:
        print("selectolax            (not installed)")
    try:
        import html5lib

        print(f"html5lib   ×20 page   {best(lambda: html5lib.parse(page), times=2):.3f}")
    except ImportError:
        print("html5lib              (not installed)")


if __name__ == "__main__":
    main()
