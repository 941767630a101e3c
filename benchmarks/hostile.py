"""Benchmark: hostile input (issue 20) — every case in bounded time and memory.

(a) Every regular expression finrecon runs (``regex_audit.patterns()``: compiled at module level,
    written in a ``re.*`` call, or held by a layout template) over texts of 10⁵ characters built
    to slow it: runs of each character it spells out, digits with their separators, its own
    literals in turn.  Each is timed at 10⁴ and 10⁵ characters: a linear pattern takes about
    ten times as long for ten times the text, a quadratic one a hundred.  A pattern that already
    takes half a second at 5 000 characters is reported super-linear without the long run.
    Budget: 1 s per pattern and text at 10⁵ characters.
(b) Each hostile PDF of ``tests/hostile_pdfs.py`` through ``finrecon check`` in a process of its
    own: wall time, peak resident memory (``wait4``), exit code and the message.
    Budget: 5 s and 500 MB each.
(c) The inputs whose seconds the unit tests once asserted with a clock (they now count the work,
    ``tests/work.py``): hostile YAML, a waiver line of a million spaces, a PDF of 2 000 pages, pages
    ruled beyond what is read, a paragraph of thousands of findings and one of two million
    characters, each through ``finrecon check`` in a process of its own.
    Budget: the seconds each test once claimed (5 or 10 s; 60 s for the two million characters).

    python benchmarks/hostile.py            # all three, the numbers for README's bad-input table
    python benchmarks/hostile.py --smoke    # CI: everything once at small sizes, judges nothing
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import regex_audit  # noqa: E402

PATTERN_BUDGET = 1.0  # seconds, one pattern over one hostile text of 10⁵ characters
CASE_SECONDS, CASE_MEGABYTES = 5.0, 500


def _scan(compiled: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    for _ in compiled.finditer(text):
        pass
    return time.perf_counter() - start


def audit_patterns(size: int, smoke: bool) -> bool:
    patterns = regex_audit.patterns()
    rows = []  # (seconds at size, seconds at size/10, place, text)
    for place, pattern in patterns.items():
        compiled = re.compile(pattern)
        small = regex_audit.hostile_texts(pattern, 5000)
        for what in small:
            if _scan(compiled, small[what]) > 0.5:
                rows.append((float("inf"), float("inf"), place, what))
                continue
            tenth = _scan(compiled, regex_audit.hostile_texts(pattern, size // 10)[what])
            whole = _scan(compiled, regex_audit.hostile_texts(pattern, size)[what])
            rows.append((whole, tenth, place, what))
    rows.sort(reverse=True)
    texts = len(rows)
    print(f"(a) {len(patterns)} patterns, {texts} hostile texts of {size:,} characters each")
    print(f"    {'seconds':>8} {'at 1/10':>8} {'ratio':>6}  pattern — text")
    for whole, tenth, place, what in rows[:12]:
        ratio = whole / tenth if tenth > 0 else float("nan")
        print(f"    {whole:8.3f} {tenth:8.3f} {ratio:6.1f}  {place} — {what}")
    over = [row for row in rows if row[0] > PATTERN_BUDGET]
    print(f"    over the {PATTERN_BUDGET:.0f} s budget: {len(over)}" + ("" if not over else ": " + ", ".join(f"{p} ({w})" for _, _, p, w in over)))
    return smoke or not over


def _cases(smoke: bool) -> dict[str, tuple[str, Callable[[], bytes]]]:
    from tests import hostile_pdfs as hostile

    scale = 10 if smoke else 1
    return {
        "1 a page of 200 000 digits": ("1", lambda: hostile.many_digits(200_000 // scale)),
        "1 a paragraph of 40 000 digits": ("1", lambda: hostile.digits_paragraph(40_000 // scale)),
        "2 stray rulings across table 1": ("2", hostile.stray_rulings),
        "3 one ruling 10⁸ pt long": ("3", lambda: hostile.long_ruling(1e8)),
        "3 one ruling 10⁹ pt long": ("3", lambda: hostile.long_ruling(1e9)),
        "4 499 pages sharing one content stream": ("4", hostile.shared_stream),
        "4 40 pages of 20 000 glyphs (within the content bounds)": ("4", lambda: hostile.shared_stream(40 // scale)),
        "4 a form drawn 1 500 times": ("4", lambda: hostile.xobject_repeated(1500)),
        "4 forms nested 30 deep, each drawing the next twice": ("4", lambda: hostile.deep_xobjects(30)),
        "4 forms nested 1 200 deep, each drawing the next twice": ("4", lambda: hostile.deep_xobjects(1200)),
        "4 forms 27 deep behind a page qpdf cannot parse": ("4", lambda: hostile.hidden_from_qpdf("page")),
        "4 forms 27 deep behind a form qpdf cannot parse": ("4", lambda: hostile.hidden_from_qpdf("form")),
        "5 a flate bomb: 1 MB inflating to 1 GB": ("5", lambda: hostile.flate_bomb((1 << 30) // scale)),
        "6 an inverted MediaBox": ("6", hostile.inverted_mediabox),
        "6 a zero MediaBox": ("6", hostile.zero_mediabox),
        "6 a CID font without ToUnicode": ("6", hostile.no_tounicode),
        "6 a Type3 font": ("6", hostile.type3_font),
        "6 a full-width year on the cover": ("6", hostile.full_width_year),
        "7 the same report twice in one PDF": ("7", hostile.concatenated),
        "7 a page turned 90° whose text was not": ("7", hostile.rotated_table),
    }


def _summary(stdout: bytes) -> str:
    import json

    try:
        report = json.loads(stdout)["reports"][0]
    except (ValueError, KeyError, IndexError):
        return "(no JSON)"
    rules: dict[str, int] = {}
    for finding in report.get("findings", []):
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    return "read: " + ", ".join(f"{rule}×{count}" for rule, count in sorted(rules.items()))


def measure(path: Path) -> tuple[float, float, int, str]:
    """Seconds, peak resident MiB, exit code and message of ``finrecon check`` on ``path``,
    the memory that of the process alone (``wait4``)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "finrecon", "check", "--lang", "en", "--format", "json", str(path)], stdout=out, stderr=err,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # reaped here: keep Popen from waiting again
    message = (stderr.decode("utf-8", "replace").strip().splitlines() or [""])[0] or _summary(stdout)
    return seconds, usage.ru_maxrss / 1024, code, message


def hostile_pdfs(smoke: bool) -> bool:
    print("\n(b) hostile PDFs through `finrecon check` (a process each)")
    print(f"    {'case':<52} {'size':>9} {'seconds':>8} {'MiB':>6} exit  message")
    within = True
    with tempfile.TemporaryDirectory() as folder:
        for name, (_, build) in _cases(smoke).items():
            path = Path(folder) / "hostile.pdf"
            path.write_bytes(build())
            seconds, megabytes, code, message = measure(path)
            message = message.replace(str(path), "hostile.pdf")
            within &= seconds < CASE_SECONDS and megabytes < CASE_MEGABYTES and code in (0, 1, 2)
            print(f"    {name:<52} {path.stat().st_size:>9,} {seconds:8.2f} {megabytes:6.0f} {code:>4}  {message}")
    print(f"    budget: {CASE_SECONDS:.0f} s and {CASE_MEGABYTES} MB each — {'met' if within else 'NOT MET'}")
    return smoke or within


def _yaml_paragraph(paragraph: str) -> bytes:
    return ("meta: {unit: 示例局, year: 2024}\ntext:\n  parts:\n    - heading: 一、说明\n"
            f"      paragraphs: [\"{paragraph}\"]\n").encode()


def _once_timed(smoke: bool) -> dict[str, tuple[str, float, Callable[[], bytes]]]:
    """name → (suffix, the seconds its unit test once claimed, how it is built)."""
    from tests.pdfs import pdf, text
    from tests.test_hostile import HOSTILE
    from tests.test_pdf import _ruled, _strokes

    scale = 10 if smoke else 1
    cover = text((200, 300, "上海市示例区测试局"), (220, 340, "2024年度部门决算"))
    sentence = "2024年度支出决算为1234.56万元，比2023年度增加12.34万元，增长1.01%。主要原因是人员增加。"
    cases: dict[str, tuple[str, float, Callable[[], bytes]]] = {
        f"yaml: {name}": (".yaml", 10.0, lambda name=name: HOSTILE[name].encode()) for name in sorted(HOSTILE)
    }
    cases["a waiver line of 10⁶ spaces"] = (".yaml", 10.0, lambda: (
        "meta: {unit: x, year: 2024}  # finrecon: ignore[FR201] r" + " " * (1_000_000 // scale) + "x\n").encode())
    cases["a PDF of 2 000 pages (over the page limit)"] = (".pdf", 5.0, lambda: pdf([text((72, 72, "页"))] * 2000))
    cases["pages ruled into 45 000 cells and 4 100 strokes"] = (".pdf", 10.0, lambda: pdf([cover, _ruled(250, 180, 3.2), _strokes(4100)]))
    cases["a paragraph of 60 000 characters, 3 000 findings"] = (".yaml", 10.0, lambda: _yaml_paragraph(
        "增长8.21，" * (3000 // scale) + "支出" * (5000 // scale) + "（类）" * (2000 // scale) + "“" * (1000 // scale)))
    cases["a paragraph of 2 000 000 characters"] = (".yaml", 60.0, lambda: _yaml_paragraph(
        sentence * (2_000_000 // scale // len(sentence))))
    return cases


def once_timed(smoke: bool) -> bool:
    print("\n(c) inputs the unit tests once timed, through `finrecon check` (a process each)")
    print(f"    {'case':<52} {'seconds':>8} {'budget':>7} {'MiB':>6} exit  message")
    within = True
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, budget, build) in _once_timed(smoke).items():
            path = Path(folder) / f"hostile{suffix}"
            path.write_bytes(build())
            seconds, megabytes, code, message = measure(path)
            message = message.replace(str(path), path.name)[:60]
            within &= seconds < budget and code in (0, 1, 2)
            print(f"    {name:<52} {seconds:8.2f} {budget:7.0f} {megabytes:6.0f} {code:>4}  {message}")
    print(f"    budget: each case's own — {'met' if within else 'NOT MET'}")
    return smoke or within


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="everything once, at small sizes; judge nothing")
    parser.add_argument("--only", choices=["patterns", "pdfs", "timed"], help="one part only")
    arguments = parser.parse_args()
    ok = True
    if arguments.only in (None, "patterns"):
        ok &= audit_patterns(10_000 if arguments.smoke else 100_000, arguments.smoke)
    if arguments.only in (None, "pdfs"):
        ok &= hostile_pdfs(arguments.smoke)
    if arguments.only in (None, "timed"):
        ok &= once_timed(arguments.smoke)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
