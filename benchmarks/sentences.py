"""Sentences understood: of the sentences of a report's text that hold a figure (an amount or a
percentage), how many the statement engine understood (placed a figure from their words) — on
every real report in ../shared: the PDFs, the page texts and the seed (the texts split into
paragraphs by the test helper tests/pagetext.py, with the template their cover names).

    python benchmarks/sentences.py            # counts per report
    python benchmarks/sentences.py --missed   # and the sentences not understood (* in a section the statements read)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FINRECON_SHARED") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT / "tests"))

TEXTS = {  # a page text and the template it is read with
    "reports/text/shanghai-putuo-ecology-environment-2025-final.txt": ("shanghai-district-final", 2025),
    "reports/text/shanghai-putuo-urban-management-2026-budget.txt": ("shanghai-district-budget", 2026),
    "seeds/000_5bad65b3efb8bad8.txt": ("sichuan-district-final", 2020),
}


def main() -> None:
    from pagetext import load, sentence_count

    from finrecon.readers import load_report
    from finrecon.template import templates

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--missed", action="store_true")
    arguments = parser.parse_args()
    reports = [(path.name, lambda path=path: load_report(path)) for path in sorted((SHARED / "reports" / "pdf").glob("*.pdf"))]
    reports += [
        (Path(name).name, lambda name=name, spec=spec: load((SHARED / name).read_text(encoding="utf-8"), templates()[spec[0]], year=spec[1]))
        for name, spec in TEXTS.items() if (SHARED / name).exists()
    ]
    sums = [0, 0, 0, 0]
    print(f"{'':52} {'the whole text':>26} {'the sections statements read':>30}")
    print(f"{'report':52} {'figures':>8} {'understood':>10} {'share':>7} {'figures':>10} {'understood':>10} {'share':>8}")
    for name, load_one in reports:
        loaded = load_one()
        total, understood, missed = sentence_count(loaded)
        read_total, read_understood, read_missed = sentence_count(loaded, read_only=True)
        for index, value in enumerate((total, understood, read_total, read_understood)):
            sums[index] += value
        print(
            f"{name:52} {total:8} {understood:10} {understood / total if total else 1:7.1%}"
            f" {read_total:10} {read_understood:10} {read_understood / read_total if read_total else 1:8.1%}"
        )
        if arguments.missed:
            for words in missed:
                print(f"    {'*' if words in read_missed else ' '} {words[:110]}")
    total, understood, read_total, read_understood = sums
    print(f"{'all':52} {total:8} {understood:10} {understood / total:7.1%} {read_total:10} {read_understood:10} {read_understood / read_total:8.1%}")


if __name__ == "__main__":
    main()
