"""Benchmark: reading published PDFs — which library, and what finrecon costs per report.

(a) The library choice.  Both candidates read the real 25-page 部门决算 in
    ``../shared/reports/pdf/``: pypdfium2 (PDFium) giving every character with its box and the
    page's paths, as finrecon's reader uses it; and pdfplumber (pdfminer.six) giving its
    characters, and its characters plus its table finder on every page.  Median of N rounds,
    in one process, after a warm-up.
(b) finrecon itself: extract + check of that report in one process (the reader, the sentences,
    validation, every rule), median seconds per report; and the peak memory of a whole
    ``finrecon check`` process.
(c) A batch: ``finrecon check --jobs 1`` and ``--jobs 2`` over K copies of the report, to see
    that it scales.

    python benchmarks/pdf.py --rounds 7 --batch 48
    python benchmarks/pdf.py --smoke                      # CI: runs everything once, judges nothing
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FINRECON_SHARED") or ROOT.parent / "shared") / "reports" / "pdf"
FINAL = SHARED / "shanghai-putuo-finance-2024-final.pdf"


def median_seconds(work, rounds: int) -> float:  # noqa: ANN001 - a function of no arguments
    work()  # warm-up: imports, caches
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pypdfium2_reader(data: bytes):  # noqa: ANN201
    from finrecon.readers.pdf.layout import read_pages

    return lambda: read_pages(data)


def pdfplumber_chars(path: Path):  # noqa: ANN201
    import pdfplumber

    def work() -> None:
        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.chars  # noqa: B018 - the characters with their boxes
                page.lines  # noqa: B018 - and the rulings

    return work


def pdfplumber_tables(path: Path):  # noqa: ANN201
    import pdfplumber

    def work() -> None:
        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.extract_tables()

    return work


def finrecon_in_process(path: Path):  # noqa: ANN201
    from finrecon.engine import check
    from finrecon.readers import load_report

    return lambda: check(load_report(path))


def peak_rss_kib(command: list[str]) -> int:
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    return int(subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True).stdout)


def wall(command: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command[:3])} … exited {code}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=24, help="copies of the shared PDFs checked as a batch")
    parser.add_argument("--smoke", action="store_true", help="one round, a small batch, no judgement (CI)")
    arguments = parser.parse_args()
    if not FINAL.exists():
        raise SystemExit(f"{FINAL} is absent: the PDF benchmark needs ../shared/reports/pdf")
    rounds = 1 if arguments.smoke else arguments.rounds
    data = FINAL.read_bytes()

    print(f"(a) reading {FINAL.name} (25 pages), median of {rounds} rounds, one process")
    rows = [("pypdfium2: glyphs, lines and rulings (finrecon's reader)", pypdfium2_reader(data))]
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        print("    pdfplumber is not installed (pip install '.[bench]'): skipped")
    else:
        rows += [("pdfplumber: characters and rulings", pdfplumber_chars(FINAL)), ("pdfplumber: extract_tables on every page", pdfplumber_tables(FINAL))]
    for label, work in rows:
        print(f"    {label:<58} {median_seconds(work, rounds):8.3f} s")

    seconds = median_seconds(finrecon_in_process(FINAL), rounds)
    finrecon = [sys.executable, "-m", "finrecon", "check", "--jobs", "1", str(FINAL)]
    print(f"(b) extract + check in one process: {seconds:.3f} s per report; peak RSS of `finrecon check`: {peak_rss_kib(finrecon) / 1024:.0f} MiB")

    copies = 4 if arguments.smoke else arguments.batch
    with tempfile.TemporaryDirectory() as folder:
        for index in range(copies):
            shutil.copy(FINAL, Path(folder) / f"{index:04d}-{FINAL.name}")
        for jobs in (1, 2):
            command = [sys.executable, "-m", "finrecon", "check", "--jobs", str(jobs), "--format", "json", folder]
            took = wall(command, 1 if arguments.smoke else 3)
            print(f"(c) {copies} PDFs, --jobs {jobs}: {took:.2f} s ({took / copies * 1000:.0f} ms per report)")


if __name__ == "__main__":
    main()
