"""Report models (pydantic v2): one figure type, the nine tables, narrative, performance.

The modules of the report's models are written without ``from __future__ import annotations``:
pydantic then takes each field's type as the object it is, instead of compiling and evaluating its
text at import — for every model, the class variables of ``Strict`` and ``Figure`` too (about
1 200 annotations, ~11 ms of every cold start).  A name used before it is defined is quoted
(``list["Section"]``, ``-> "Stated"``).
"""

from .figure import Figure, Stated
from .narrative import ClassFigure, Narrative, OtherMatters
from .performance import Indicator, Performance, Project
from .report import Meta, Report
from .tables import Tables, ThreePublicExpenses

__all__ = [
    "ClassFigure", "Figure", "Indicator", "Meta", "Narrative", "OtherMatters", "Performance",
    "Project", "Report", "Stated", "Tables", "ThreePublicExpenses",
]
