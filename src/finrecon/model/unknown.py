"""What the report prints but finrecon could not read: unknown, never zero.

A figure the report leaves out is a blank cell, and a blank cell is 0.  A figure the reader saw
printed but could not read, or could not place in a row and column, is something else: it is
*unknown*.  Its reader says where it would stand (``printed.unread[*].unknown``): a figure
(``tables.summary.income.other``), a list that misses an item it could not place
(``tables.income.rows``), or a whole table (``tables.income``).  An absent figure there is no
blank, and no identity is evaluated over it (``rules/identities.py``).
"""

from __future__ import annotations

from typing import Iterable


class Unknowns:
    """The report paths under which an absent figure is unknown, not 0."""

    __slots__ = ("regions",)

    def __init__(self, regions: Iterable[str] = ()) -> None:
        self.regions: tuple[str, ...] = tuple(sorted(set(regions)))

    def __bool__(self) -> bool:
        return bool(self.regions)

    def __repr__(self) -> str:
        return f"Unknowns({list(self.regions)!r})"

    def region_of(self, path: str) -> str | None:
        """The unknown region ``path`` lies in (the path itself or one that holds it), or ``None``."""
        for region in self.regions:
            if path == region or (path.startswith(region) and path[len(region)] in ".["):
                return region
        return None


NOTHING_UNKNOWN = Unknowns()
