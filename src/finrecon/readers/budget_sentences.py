"""A budget's project parts (项目经费情况说明): each part one project, whose “年度预算安排” section
states its total, its parts and the 合计 printed — “2025年度项目总预算1170.00万，其中支持企业规模化
发展870.00万，…，合计1170.00万。” — read into ``budget.projects``.  The words are the template's
(``projects:`` in ``layouts/*.yaml``); the numbers the lexicon's.

The sentences of the 预算编制说明 and 其他相关情况说明 are read by the statement engine
(``readers/sentences.py``) from the template's statements, as a 决算's are.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Iterator

from ..model.document import MAX_PARAGRAPH
from ..lexicon import AMOUNT_UNIT, COPULA, NUMBER, number
from .source import SourceMap, TreePath

if TYPE_CHECKING:
    from ..template import Projects


@functools.cache
def _patterns(spec: Projects) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(spec.part),
        re.compile(spec.plan),
        re.compile(rf"{spec.total}{COPULA}\s*(?P<amount>{NUMBER})\s*{AMOUNT_UNIT}"),
        # Bounded, and a start tried only where a digit follows within reach (a cheap scan): linear,
        # and fast, on 10⁵ spaces or 为 (the lazy name alone tried forty lengths at every start).
        re.compile(rf"(?=[^，,。；;：:\d]{{2,44}}\d)(?P<name>[^，,。；;：:\d]{{2,40}}?){COPULA}\s{{0,3}}(?P<amount>{NUMBER})\s{{0,3}}{AMOUNT_UNIT}(?=[，,。；;]|$)"),
        re.compile(rf"^(?:{spec.joining})?[，,、]?" if spec.joining else r"^[，,、]?"),
    )


def derive_projects(tree: dict[str, Any], source: SourceMap, spec: Projects) -> None:
    """Fill ``tree["budget"]["projects"]`` from the project parts, where the tree does not give them."""
    text = tree.get("text")
    if not isinstance(text, dict) or not isinstance(text.get("parts"), list):
        return
    budget = tree.get("budget")
    if isinstance(budget, dict) and "projects" in budget:
        return
    projects = _Reader(source, spec).projects(text["parts"])
    if projects:
        tree.setdefault("budget", {})["projects"] = projects


def _walk(section: dict[str, Any], loc: TreePath) -> Iterator[tuple[TreePath, str]]:
    for index, paragraph in enumerate(section.get("paragraphs") or []):
        if isinstance(paragraph, str) and len(paragraph) <= MAX_PARAGRAPH:
            yield (*loc, "paragraphs", index), paragraph
    for index, child in enumerate(section.get("sections") or []):
        if isinstance(child, dict):
            yield from _walk(child, (*loc, "sections", index))


class _Reader:
    def __init__(self, source: SourceMap, spec: Projects) -> None:
        self.source, self.spec = source, spec
        self.part, self.plan, self.total, self.part_amount, self.joining = _patterns(spec)

    # ------------------------------------------------------------------ 项目经费情况说明
    def projects(self, parts: list[Any]) -> list[dict[str, Any]]:
        pattern = self.part
        projects: list[dict[str, Any]] = []
        for index, part in enumerate(parts):
            if not (isinstance(part, dict) and isinstance(part.get("heading"), str) and pattern.search(part["heading"].replace(" ", ""))):
                continue
            loc: TreePath = ("budget", "projects", len(projects))
            project: dict[str, Any] = {"name": part["heading"].replace(" ", "")}
            self.source.derive((*loc, "name"), ("text", "parts", index, "heading"), 0)
            for child, section in enumerate(part.get("sections") or []):
                if isinstance(section, dict) and isinstance(section.get("heading"), str) and self.plan.search(section["heading"]):
                    for text_loc, paragraph in _walk(section, ("text", "parts", index, "sections", child)):
                        self._plan(project, loc, paragraph, text_loc)
            projects.append(project)
        return projects

    def _plan(self, project: dict[str, Any], loc: TreePath, paragraph: str, text_loc: TreePath) -> None:
        """The amounts of a 年度预算安排 sentence: the project's total, its parts, the 合计 printed."""
        total = self.total.search(paragraph)
        if total and "total" not in project:
            project["total"] = number(total.group("amount"))
            self.source.derive((*loc, "total"), text_loc, total.start("amount"))
        elif total and project.get("total") == number(total.group("amount")):
            self.source.understood.append((text_loc, total.start("amount"), total.end("amount")))  # the total printed again, the same
        for match in self.part_amount.finditer(paragraph):
            if total and match.start("amount") == total.start("amount"):
                continue
            name = self.joining.sub("", match.group("name")).strip()
            if not name:
                continue
            if name == self.spec.stated_total:
                if "stated_total" not in project:
                    project["stated_total"] = number(match.group("amount"))
                    self.source.derive((*loc, "stated_total"), text_loc, match.start("amount"))
                continue
            parts = project.setdefault("parts", [])
            self.source.derive((*loc, "parts", len(parts)), text_loc, match.start("amount"))
            parts.append({"name": name, "value": number(match.group("amount"))})

