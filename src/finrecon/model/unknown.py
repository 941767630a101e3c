"""What the report prints but finrecon could not read: unknown, never zero.

A figure the report leaves out is a blank cell, and a blank cell is 0.  A figure the reader saw
printed but could not read, or could not place in a row and column, is something else: it is
*unknown*.  Its reader says where it would stand (``printed.unread[*].unknown``):

* a report path (``tables.summary.income.other``, ``tables.income``): a figure absent there is
  unknown, not blank — the figure itself, or any figure of that row, list or table;
* a path ending in ``.*`` (``tables.summary.*``): a figure somewhere in that table could not be
  placed at all — it may be one more part of any sum over the table, so no sum with a term there
  is known either, even where every term it names is printed;
* two report paths joined by ``=`` (``budget.tables.income.total.appropriation=budget.tables.summary.income.appropriation``):
  the reader placed the first figure by assuming it equals the second (a page text's row whose
  blank cells left no trace, ``readers/text_rows.py``): an identity with both as terms would only
  confirm the reading, so it is not evaluated — every other identity over either figure is.

No identity is evaluated over an unknown (``rules/identities.py``).
"""

from typing import Iterable


class Unknowns:
    """The report paths under which an absent figure is unknown, not 0."""

    __slots__ = ("regions", "unplaced", "assumed")

    def __init__(self, regions: Iterable[str] = ()) -> None:
        named = set(regions)
        self.assumed: tuple[tuple[str, frozenset[str]], ...] = tuple(sorted((region, frozenset(region.split("="))) for region in named if "=" in region))
        named -= {region for region, _ in self.assumed}
        self.unplaced: tuple[str, ...] = tuple(sorted({region[:-2] for region in named if region.endswith(".*")}))
        self.regions: tuple[str, ...] = tuple(sorted({region.removesuffix(".*") for region in named}))

    def __bool__(self) -> bool:
        return bool(self.regions or self.assumed)

    def assumed_in(self, paths: Iterable[str]) -> str | None:
        """The equality the reader assumed (``a=b``) where both its figures are among ``paths``."""
        terms = set(paths)
        return next((region for region, pair in self.assumed if pair <= terms), None)

    def __repr__(self) -> str:
        return f"Unknowns({list(self.regions)!r}, unplaced={list(self.unplaced)!r}, assumed={[region for region, _ in self.assumed]!r})"

    @staticmethod
    def _under(path: str, regions: tuple[str, ...]) -> str | None:
        for region in regions:
            if path == region or (path.startswith(region) and path[len(region)] in ".["):
                return region
        return None

    def region_of(self, path: str) -> str | None:
        """The unknown region an absent figure at ``path`` lies in (the path itself or one that
        holds it), or ``None`` where an absent figure is a blank."""
        return self._under(path, self.regions)

    def unplaced_in(self, path: str) -> str | None:
        """The region holding ``path`` where a figure could not be placed at all: a sum with a term
        there may miss a part, printed or not."""
        return self._under(path, self.unplaced) if self.unplaced else None


def region(path: str) -> str:
    """What a reader wrote (``tables.summary.*``) as the region an equation names."""
    return path.removesuffix(".*")


NOTHING_UNKNOWN = Unknowns()
