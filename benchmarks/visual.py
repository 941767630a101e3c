"""Benchmark: the visual report (``--format html``) of each real PDF — its size and what it costs.

For every PDF in ``../shared/reports/pdf/``: the findings, the pages that have one (each drawn and
embedded once), the size of the page, the size of its pictures alone, and the time to render the
html once the report is checked (median of N rounds, in one process, after a warm-up).  Then the
same for all of them in one page, as ``finrecon check FOLDER --format html`` writes it.

    python benchmarks/visual.py --rounds 3
    python benchmarks/visual.py --smoke          # CI: runs everything once, judges nothing
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FINRECON_SHARED") or ROOT.parent / "shared") / "reports" / "pdf"


def measure(results, rounds: int) -> tuple[int, int, int, float]:  # noqa: ANN001 - FileResults
    """Bytes of the page, bytes of its pictures, pages drawn, median seconds to render it."""
    from finrecon.reporters.html import render
    from finrecon.results import Run

    run = Run(list(results))
    page = render(run, "zh")
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        render(run, "zh")
        times.append(time.perf_counter() - start)
    pictures = re.findall(r'href="data:image/png;base64,([^"]+)"', page)
    size = sum(len(base64.b64decode(picture)) for picture in pictures)
    return len(page.encode("utf-8")), size, len(pictures), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="one round, no judgement (CI)")
    args = parser.parse_args()
    rounds = 1 if args.smoke else args.rounds
    pdfs = sorted(SHARED.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {SHARED}: nothing to measure")
        return 0
    from finrecon.runner import Settings, check_file

    results = [check_file(path, Settings()) for path in pdfs]
    print(f"{'report':<52} {'findings':>8} {'pages':>5} {'html KB':>8} {'pictures KB':>11} {'render s':>8}")
    for path, result in zip(pdfs, results):
        size, pictures, pages, seconds = measure([result], rounds)
        print(f"{path.name:<52} {len(result.findings):>8} {pages:>5} {size / 1024:>8.0f} {pictures / 1024:>11.0f} {seconds:>8.2f}")
    size, pictures, pages, seconds = measure(results, rounds)
    findings = sum(len(result.findings) for result in results)
    print(f"{'all ' + str(len(pdfs)) + ' in one page':<52} {findings:>8} {pages:>5} {size / 1024:>8.0f} {pictures / 1024:>11.0f} {seconds:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
