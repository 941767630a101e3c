"""The figures the 情况说明 states in words, read from its sentences into ``narrative`` (and
``other``, ``performance``) — for a PDF and for YAML that gives the text alike.

“…收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：…”
becomes ``narrative.total: {value: 2995.39, change: -56.95, change_pct: -1.87, reason: …}``, and
the source map learns that each of these numbers stands in that paragraph, at its offset, so that
a finding on it points at the printed words.  A figure the report writes under ``narrative:``
itself is kept as written: the text only fills what is not there.
"""

from __future__ import annotations

from typing import Any

from .budget_sentences import derive_budget
from .source import SourceMap


def derive(tree: dict[str, Any], source: SourceMap) -> None:
    """Fill ``tree`` with the figures its text states, where the tree does not give them already."""
    if isinstance(tree.get("meta"), dict) and tree["meta"].get("kind") == "budget":
        return derive_budget(tree, source)  # a budget's sentences: readers/budget_sentences.py
