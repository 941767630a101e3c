"""Benchmark: how fast finrecon starts, and how a batch of PDFs scales with --jobs.

(a) Cold start, each a whole process: ``finrecon --version``, and ``finrecon check
    samples/minimal-clean.yaml`` (the target: 0.25 s).  Wall seconds, and the CPU seconds the
    process used (user + system): on a shared machine the CPU time moves far less than the wall.
(b) A batch of real PDFs: the shared reports (``../shared/reports/pdf``, 8 of them) copied K
    times into a scratch folder (24 files by default), checked with ``--jobs 1`` and ``--jobs 2``.
    The speed-up is taken within each round, so that a machine that speeds up or slows down
    moves both together (the target: 1.7× on 2 cores).

Every measurement takes turns, round after round, and the median is printed.  With
``--baseline SRC`` (the ``src`` folder of another checkout, e.g. ``git archive <commit> src |
tar -x -C /tmp/base``) the same measurements of that code take turns with this one's.

    python benchmarks/startup.py --runs 15 --rounds 5 --copies 3
    python benchmarks/startup.py --baseline /tmp/base/src
    python benchmarks/startup.py --smoke            # CI: runs everything once, judges nothing
"""

from __future__ import annotations

import argparse
import os
import resource
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


def run(command: list[str], env: dict[str, str], expect: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of ``command``, its output thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code not in expect:
        raise SystemExit(f"{' '.join(command[:4])} … exited {code}, expected {expect}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def finrecon(*arguments: str) -> list[str]:
    """The console script beside this Python, as a user runs it (else ``python -m finrecon``)."""
    script = Path(sys.executable).parent / "finrecon"
    return [str(script), *arguments] if script.exists() else [sys.executable, "-m", "finrecon", *arguments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="cold starts of each command; the median is printed")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the batch (--jobs 1 then --jobs 2); 0: no batch")
    parser.add_argument("--copies", type=int, default=3, help="copies of each shared PDF in the batch")
    parser.add_argument("--baseline", type=Path, help="the src folder of another checkout, measured in turn with this one")
    parser.add_argument("--smoke", action="store_true", help="one run of each, one copy: a smoke test, not a measurement")
    arguments = parser.parse_args()
    runs, rounds, copies = (1, 1, 1) if arguments.smoke else (arguments.runs, arguments.rounds, arguments.copies)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    print(f"machine: {os.uname().sysname} {os.uname().machine}, {cores} cores, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    # A user's Python writes the byte-code of what it imports once and reads it after; with
    # PYTHONDONTWRITEBYTECODE set (as in some shells and CI) a fresh tree, such as a baseline
    # unpacked by ``git archive``, would compile every module at every start instead.
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    variants = {"this": environment}
    if arguments.baseline:
        variants["baseline"] = dict(environment, PYTHONPATH=str(arguments.baseline.resolve()))

    for env in variants.values():  # warm the file cache and write the byte-code of all a check imports
        run(finrecon("--version"), env, (0,))
        run(finrecon("check", "--jobs", "1", str(SAMPLE)), env, (0,))
    starts: dict[tuple[str, str], list[tuple[float, float]]] = {}
    commands = {"--version": finrecon("--version"), f"check {SAMPLE.name}": finrecon("check", "--jobs", "1", str(SAMPLE))}
    for _ in range(runs):
        for name, env in variants.items():
            for label, command in commands.items():
                starts.setdefault((name, label), []).append(run(command, env, (0,)))
    print(f"(a) cold start, median of {runs}:")
    for (name, label), values in starts.items():
        wall, cpu = statistics.median(w for w, _ in values), statistics.median(c for _, c in values)
        print(f"    {name:<9} finrecon {label:<28} {wall:6.3f} s wall  {cpu:6.3f} s CPU")

    pdfs = sorted(SHARED.glob("*.pdf"))
    if not rounds:
        return
    if not pdfs:
        print(f"(b) skipped: no PDFs in {SHARED} (set FINRECON_SHARED)")
        return
    with tempfile.TemporaryDirectory(prefix="finrecon-startup-") as scratch:
        for copy in range(copies):
            for pdf in pdfs:
                shutil.copy(pdf, Path(scratch) / f"{copy}-{pdf.name}")
        count = len(pdfs) * copies
        times: dict[tuple[str, int], list[tuple[float, float]]] = {}
        for _ in range(rounds):
            for name, env in variants.items():
                for jobs in (1, 2):
                    times.setdefault((name, jobs), []).append(run(finrecon("check", "--jobs", str(jobs), "--format", "json", scratch), env))
        print(f"(b) {count} PDFs ({len(pdfs)} reports × {copies}), median of {rounds} rounds:")
        for name in variants:
            one, two = times[(name, 1)], times[(name, 2)]
            speedup = statistics.median(a[0] / b[0] for a, b in zip(one, two))
            first, second = statistics.median(w for w, _ in one), statistics.median(w for w, _ in two)
            cpu_one, cpu_two = statistics.median(c for _, c in one), statistics.median(c for _, c in two)
            print(
                f"    {name:<9} --jobs 1 {first:6.2f} s ({cpu_one:.2f} s CPU), --jobs 2 {second:6.2f} s ({cpu_two:.2f} s CPU):"
                f" {speedup:.2f}× (best round {max(a[0] / b[0] for a, b in zip(one, two)):.2f}×)"
            )


if __name__ == "__main__":
    main()
