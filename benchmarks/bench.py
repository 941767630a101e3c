"""Benchmark: finrecon against the parse-only floor and against check-jsonschema.

Generates N synthetic reports the size of the Shanghai sample (all nine tables) from a seeded
generator, then measures, in one run and each as a whole process:

  (a) the floor — only parsing the same files with PyYAML's C loader, in one process;
  (b) ``finrecon check`` of all of them, with ``--jobs 1`` and with ``--jobs`` = cores;
  (c) ``check-jsonschema`` validating them against schemas/report.schema.json;

and prints times and ratios (each round's ratios taken within the round), the cold start of ``finrecon --version`` and of checking one
sample, and the peak memory (RSS of the largest process) at two sizes, to show it stays flat.

    python benchmarks/bench.py --reports 1000 --memory 1000 10000
    python benchmarks/bench.py --reports 40 --smoke        # CI: runs everything, judges nothing
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "samples" / "shanghai-putuo-finance-2024.yaml"
SCHEMA = ROOT / "schemas" / "report.schema.json"
_AMOUNT = re.compile(r"(?<![\w.\"'])(\d+\.\d+)(?![\w.])")
_PERCENT_KEY = re.compile(r"(share_pct|change_pct|completion_pct)\s*:\s*$")


def generate(count: int, folder: Path, seed: int = 2024) -> list[Path]:
    """Reports shaped like the Shanghai sample: every amount scaled by one factor per report.

    Shares and percentages keep their printed values; amounts keep their printed decimals.
    """
    rng = random.Random(seed)
    text = TEMPLATE.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        factor = Decimal(rng.randint(50, 200)).scaleb(-2)

        def scale(match: re.Match[str]) -> str:
            if _PERCENT_KEY.search(text[max(0, match.start() - 20) : match.start()]):
                return match.group(1)
            value = Decimal(match.group(1))
            return str((value * factor).quantize(Decimal(1).scaleb(value.as_tuple().exponent), rounding=ROUND_HALF_UP))

        body = _AMOUNT.sub(scale, text).replace("上海市普陀区财政局", f"合成单位{number:05d}")
        path = folder / f"report-{number:05d}.yaml"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def timed(command: list[str], repeat: int = 1, expect: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Median wall seconds of ``command`` and the largest peak RSS (KiB) of any of its processes."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
    )
    seconds, peaks = [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True).stdout.split()
        seconds.append(float(out[0]))
        peaks.append(int(out[1]))
        code = int(out[2])
        if code not in expect:
            raise SystemExit(f"{' '.join(command[:4])} … exited {code}, expected {expect}")
    return statistics.median(seconds), max(peaks)


def floor_command(paths_file: Path) -> list[str]:
    script = (
        "import sys, yaml\n"
        "for name in open(sys.argv[1], encoding='utf-8').read().split():\n"
        "    with open(name, 'rb') as stream:\n"
        "        yaml.load(stream, Loader=yaml.CSafeLoader)\n"
    )
    return [sys.executable, "-c", script, str(paths_file)]


def finrecon_command(folder: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "finrecon", "check", "--format", "json", "--jobs", str(jobs), str(folder)]


def jsonschema_command(paths: list[Path]) -> list[str] | None:
    beside = Path(sys.executable).parent / "check-jsonschema"
    tool = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    return [tool, "--schemafile", str(SCHEMA), *map(str, paths)] if tool else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000, help="synthetic reports to check (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is printed")
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="sizes at which to measure peak memory, e.g. 1000 10000")
    parser.add_argument("--smoke", action="store_true", help="one run of each: a smoke test, not a measurement")
    args = parser.parse_args()
    repeat = 1 if args.smoke else args.repeat
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    print(f"machine: {os.uname().sysname} {os.uname().machine}, {cores} cores, Python {sys.version.split()[0]}")

    with tempfile.TemporaryDirectory(prefix="finrecon-bench-") as scratch:
        folder = Path(scratch) / "reports"
        folder.mkdir()
        started = time.perf_counter()
        paths = generate(args.reports, folder)
        listing = Path(scratch) / "paths.txt"
        listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"generated {len(paths)} reports of {size:.1f} KiB each in {time.perf_counter() - started:.1f} s")

        # The measurements take turns, round after round, and each round's ratios are taken within
        # the round: a shared machine that speeds up or slows down moves the floor and finrecon
        # together, and the median of the rounds' ratios does not move with it.
        commands = {
            "floor": (floor_command(listing), (0,)),
            # Every synthetic report keeps the sample's published errors: finrecon must exit 1.
            "jobs1": (finrecon_command(folder, 1), (1,)),
            "jobsN": (finrecon_command(folder, cores), (1,)),
        }
        command = jsonschema_command(paths)
        if command:
            commands["jsonschema"] = (command, (0,))
        rounds: list[dict[str, float]] = []
        for _ in range(repeat):
            rounds.append({key: timed(argv, 1, expect)[0] for key, (argv, expect) in commands.items()})

        def median(key: str, over_floor: bool = False) -> float:
            return statistics.median(r[key] / r["floor"] if over_floor else r[key] for r in rounds)

        heading = f"measurement (median of {repeat} rounds)" if repeat > 1 else "measurement (one round)"
        print(f"\n{heading:<44}{'seconds':>9}{'ms/report':>11}{'× floor':>9}")
        rows = [
            ("(a) floor: PyYAML CSafeLoader, parse only", "floor"),
            ("(b) finrecon check --jobs 1", "jobs1"),
            (f"(b) finrecon check --jobs {cores}", "jobsN"),
            ("(c) check-jsonschema", "jsonschema"),
        ]
        for label, key in rows:
            if key in commands:
                value = median(key)
                print(f"{label:<44}{value:>9.2f}{value / len(paths) * 1000:>11.2f}{median(key, over_floor=True):>9.2f}")
            else:
                print(f"{label:<44}{'not installed (pip install check-jsonschema)':>29}")
        if "jsonschema" in commands:
            faster = statistics.median(r["jsonschema"] / r["jobsN"] for r in rounds)
            print(f"finrecon --jobs {cores} is {faster:.1f}× faster than check-jsonschema")

    version, _ = timed([sys.executable, "-m", "finrecon", "--version"], max(repeat, 5) if not args.smoke else 1)
    one, one_peak = timed([sys.executable, "-m", "finrecon", "check", "--jobs", "1", str(TEMPLATE)], max(repeat, 5) if not args.smoke else 1, (1,))
    print(f"\ncold start: finrecon --version {version:.3f} s; finrecon check of one sample {one:.3f} s ({one_peak / 1024:.0f} MiB)")

    for count in args.memory:
        with tempfile.TemporaryDirectory(prefix="finrecon-mem-") as scratch:
            folder = Path(scratch)
            generate(count, folder)
            for jobs in (1, cores):
                seconds, peak = timed(finrecon_command(folder, jobs), 1, expect=(1,))
                print(f"memory: {count:>6} reports, --jobs {jobs}: peak RSS {peak / 1024:.0f} MiB (largest process), {seconds:.1f} s")


if __name__ == "__main__":
    main()
