"""What every reader shares: where a value was printed (``Place``), the source map behind it,
the limits on what one input may cost, and the error an unusable input becomes.

A reader's only job is a ``Report`` whose every figure and word can say where it was printed:
a YAML line and column, or a PDF page, line and the printed excerpt.  Rules never ask; the
engine asks the loaded report's source map for the ``Place`` of each finding.

All but ``LoadedReport`` live in the leaf ``finrecon/inputs.py``, which the catalogue shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..inputs import Box, Limits, combined, LoadError, NotAReport, Place, PrintedLine, SourceMap, Tree, TreePath, named, read_bytes

if TYPE_CHECKING:
    from ..model import Report
    from ..waivers import Waiver

__all__ = ["Box", "combined", "Limits", "LoadError", "LoadedReport", "NotAReport", "Place", "PrintedLine", "SourceMap", "Tree", "TreePath", "named", "read_bytes"]


@dataclass
class LoadedReport:
    """A report as a reader produced it, with the map of where each of its values was printed."""

    file: str
    report: Report
    source: SourceMap
    waivers: dict[int, Waiver] = field(default_factory=dict)
