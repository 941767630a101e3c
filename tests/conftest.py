from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES

SHARED_PDFS = Path(os.environ.get("FINRECON_SHARED") or ROOT.parent / "shared") / "reports" / "pdf"


def shared_pdf(name: str) -> Path:
    """A real published PDF from ``../shared/reports/pdf`` (never copied into the repository).

    Where the folder is absent the test skips with that reason; CI sets ``FINRECON_REQUIRE_SHARED``
    so that an absent folder fails instead of passing silently.
    """
    path = SHARED_PDFS / name
    if not path.exists():
        if os.environ.get("FINRECON_REQUIRE_SHARED", "") not in ("", "0"):
            pytest.fail(f"{path} is required (FINRECON_REQUIRE_SHARED is set)")
        pytest.skip(f"{path} is absent: the real published reports live in ../shared/reports/pdf")
    return path
