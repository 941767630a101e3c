"""The rulebook. Importing this package registers every rule; ``REGISTRY`` maps ID → rule class.

Families: FR1xx sums, FR2xx shares, FR3xx year-on-year, FR4xx budget completion and execution,
FR5xx cross-table and narrative-vs-table, FR6xx performance, FR7xx classification, FR8xx wording,
FR9xx structure (FR92x: what only the printed PDF shows).
"""

from . import budget, changes, codes, cross, performance, printed, shares, structure, sums, waivers, wording  # noqa: F401 - registration
from . import pages, parts, years  # noqa: F401 - registration (cells; parts across tables; the cross-year stage)
from .base import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule", "all_rules"]


def all_rules() -> list[type[Rule]]:
    return [REGISTRY[rule_id] for rule_id in sorted(REGISTRY)]
