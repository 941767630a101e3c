"""Work counted, never timed: the Python calls an action makes (cProfile), and whether they grow
linearly with the input.  A clock in a unit test fails under load; a count does not.  Seconds are
measured by the scripts in ``benchmarks/`` (regular expressions, whose work is not in calls, by
``benchmarks/hostile.py`` and ``benchmarks/regex_audit.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def python_calls(action: Callable[[], T]) -> tuple[T, int]:
    """What ``action()`` returns and the Python calls (functions and built-ins) it made."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    try:
        result = action()
    finally:
        profile.disable()
    return result, pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def assert_linear(calls: list[int]) -> None:
    """``calls`` counted at n, 2n and 4n: linear work doubles its growth from n→2n to 2n→4n,
    quadratic work quadruples it."""
    assert calls[2] - calls[1] <= 2.6 * (calls[1] - calls[0]) + calls[0] // 100, calls
