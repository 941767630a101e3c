"""Report models (pydantic v2): one figure type, the nine tables, narrative, performance."""

from .figure import Figure, Stated
from .narrative import ClassFigure, Narrative, OtherMatters
from .performance import Indicator, Performance, Project
from .report import Meta, Report
from .tables import Tables, ThreePublicExpenses

__all__ = [
    "ClassFigure", "Figure", "Indicator", "Meta", "Narrative", "OtherMatters", "Performance",
    "Project", "Report", "Stated", "Tables", "ThreePublicExpenses",
]
