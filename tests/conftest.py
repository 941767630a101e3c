from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The tests, and the finrecon processes they start, keep the validated templates' cache
# (template.py) in a folder of their own, never in the user's ~/.cache.
_CACHE = tempfile.TemporaryDirectory(prefix="finrecon-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE.name
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
