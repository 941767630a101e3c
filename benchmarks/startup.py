"""Benchmark: how fast finrecon starts, and how a batch of PDFs scales with --jobs.

(a) Cold start, each a whole process (the median of N runs):
    ``finrecon --version``, and ``finrecon check samples/minimal-clean.yaml`` (the target: 0.25 s).
(b) A batch of real PDFs: the shared reports (``../shared/reports/pdf``, 8 of them) copied K
    times into a scratch folder (24 files by default), checked with ``--jobs 1`` and ``--jobs 2``.
    The two take turns round after round and the speed-up is taken within each round, so that
    a shared machine that speeds up or slows down moves both together (the target: 1.7× on 2 cores).

    python benchmarks/startup.py --runs 9 --rounds 3 --copies 3
    python benchmarks/startup.py --smoke            # CI: runs everything once, judges nothing
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
SAMPLE = ROOT / "samples" / "minimal-clean.yaml"
SHARED = Path(os.environ.get("FINRECON_SHARED") or ROOT.parent / "shared") / "reports" / "pdf"


def wall(command: list[str], expect: tuple[int, ...] = (0, 1)) -> float:
    """Wall seconds of one run of ``command``, its output thrown away."""
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    took = time.perf_counter() - start
    if code not in expect:
        raise SystemExit(f"{' '.join(command[:4])} … exited {code}, expected {expect}")
    return took


def finrecon(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "finrecon", *arguments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="cold starts of each command; the median is printed")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the batch (--jobs 1 then --jobs 2)")
    parser.add_argument("--copies", type=int, default=3, help="copies of each shared PDF in the batch")
    parser.add_argument("--smoke", action="store_true", help="one run of each, one copy: a smoke test, not a measurement")
    arguments = parser.parse_args()
    runs, rounds, copies = (1, 1, 1) if arguments.smoke else (arguments.runs, arguments.rounds, arguments.copies)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    print(f"machine: {os.uname().sysname} {os.uname().machine}, {cores} cores, Python {sys.version.split()[0]}")

    wall(finrecon("--version"))  # warm the file cache and the byte-code
    version = statistics.median(wall(finrecon("--version"), (0,)) for _ in range(runs))
    one = statistics.median(wall(finrecon("check", "--jobs", "1", str(SAMPLE)), (0,)) for _ in range(runs))
    print(f"(a) cold start, median of {runs}: finrecon --version {version:.3f} s; finrecon check {SAMPLE.name} {one:.3f} s")

    pdfs = sorted(SHARED.glob("*.pdf"))
    if not pdfs:
        print(f"(b) skipped: no PDFs in {SHARED} (set FINRECON_SHARED)")
        return
    with tempfile.TemporaryDirectory(prefix="finrecon-startup-") as scratch:
        for copy in range(copies):
            for pdf in pdfs:
                shutil.copy(pdf, Path(scratch) / f"{copy}-{pdf.name}")
        count = len(pdfs) * copies
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(rounds):
            for jobs in (1, 2):
                times[jobs].append(wall(finrecon("check", "--jobs", str(jobs), "--format", "json", scratch)))
        speedup = statistics.median(one / two for one, two in zip(times[1], times[2]))
        first, second = statistics.median(times[1]), statistics.median(times[2])
        print(
            f"(b) {count} PDFs, median of {rounds} rounds: --jobs 1 {first:.2f} s ({first / count * 1000:.0f} ms a report), "
            f"--jobs 2 {second:.2f} s ({second / count * 1000:.0f} ms a report): {speedup:.2f}×"
        )


if __name__ == "__main__":
    main()
