"""The figures a budget's words state, read from its sentences into ``budget.statement`` (预算编制说明)
and ``budget.other`` (其他相关情况说明) — for a PDF and for YAML that gives the text alike.

“…收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元；…” becomes
``budget.statement.income: {total: 15621.11, appropriation: {value: 15621.11, change: -876.75}}``,
and each item of “财政拨款支出主要内容” a ``BudgetItem`` with its 科目 code, found among the table
rows its wording names.  The source map learns where each number was printed (the paragraph and
the offset in it), so that a finding on it points at the printed words.  A section the tree
gives already (``budget.statement:`` written in YAML) is kept as written.

Words that are not there are not guessed: a sentence that does not say its figure in the
template's words gives no figure.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any, Iterator, NamedTuple

from ..model.document import MAX_PARAGRAPH
from ..subjects import code_named, names_of
from .source import SourceMap, TreePath

# An amount as a report prints one, read whole or not at all: at most 18 digits before the point
# and 6 after (the YAML reader's limit is 40 characters), never a part of a longer run of digits.
_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,6})?(?![\d.,]\d)"
_AMOUNT = rf"(?P<amount>{_NUMBER})\s*万元"
# “，比2023年预算减少876.75万元” / “。比2024年预算持平” / “，与2024年预算持平”
_CHANGE = rf"(?:[，。,]?\s*(?:比|与)(?P<year>\d{{4}})年(?:度)?(?P<base>预算执行数|预算)(?P<direction>增加|减少|持平)(?:(?P<change>{_NUMBER})\s*万元)?)?"
_REASON = re.compile(r"主要原因[是为]?[：:]?(?P<reason>[^。；;]*)")


def _labelled(labels: dict[str, tuple[str, ...]], joiner: str = r"(?:预算数)?(?:为)?") -> re.Pattern[str]:
    """A pattern that finds each label (longest first) with the amount printed after it."""
    names = sorted(labels, key=len, reverse=True)
    return re.compile(rf"(?P<label>{'|'.join(map(re.escape, names))}){joiner}\s*{_AMOUNT}{_CHANGE}")


_STATEMENT_REASON = re.compile(r"财政拨款收入支出(?:增加|减少|持平|增减|变化)?的主要原因[是为]?[：:]?(?P<reason>[^。]*)")

# “1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。
#   2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。”
_ITEM = re.compile(
    rf"^\s*\d{{1,3}}\s*[.．、]\s*[“\"](?P<wording>[^”\"]+)[”\"]\s*(?:科目)?\s*{_AMOUNT}[，,。]?\s*"
    rf"(?:主要用于[：:]?(?P<purpose>[^。]*)。?)?"
)
_EXECUTION = re.compile(
    rf"(?P<prior_year>\d{{4}})年(?:当年)?预算执行数为(?P<prior>{_NUMBER})\s*万元[，,]\s*"
    rf"(?P<year>\d{{4}})年(?:度)?预算安排(?P<arranged>{_NUMBER})\s*万元[，,]\s*"
    rf"比(?P<base_year>\d{{4}})年(?:当年)?预算执行数(?P<direction>增加|减少|持平|增长|下降)(?:(?P<pct>{_NUMBER})\s*[%％])?"
)

def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _signed(amount: Decimal, direction: str) -> Decimal:
    return -amount if direction in ("减少", "下降") else amount


def _zero_like(amount: Decimal) -> Decimal:
    """“持平”: no change at all, at the precision of the amount beside it."""
    return Decimal(0).quantize(amount) if amount.as_tuple().exponent < 0 else Decimal(0)  # type: ignore[operator]


# 项目经费情况说明, its “六、年度预算安排”: “2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，
# …，合计1170.00万。” or “第一季度用款计划158.05万元，第二季度用款计划158.05万元，…”.
_PLAN_SECTION = re.compile(r"年度预算安排$")
_PLAN_TOTAL = re.compile(rf"项目总预算(?:为)?\s*(?P<amount>{_NUMBER})\s*万元?")
# Bounded, and a start tried only where a digit follows within reach (a cheap scan): linear, and
# fast, on 10⁵ spaces or 为 (the lazy name alone tried forty lengths at every start).
_PLAN_PART = re.compile(rf"(?=[^，,。；;：:\d]{{2,44}}\d)(?P<name>[^，,。；;：:\d]{{2,40}}?)(?:为)?\s{{0,3}}(?P<amount>{_NUMBER})\s{{0,3}}万元?(?=[，,。；;]|$)")


class _Template(NamedTuple):
    """What a budget template prints in its sentences (``layouts/*.yaml``): the parts that state
    figures, the labels before an amount and where each figure goes, the counts."""

    parts: dict[str, str]
    statement: dict[str, tuple[str, ...]]
    statement_pattern: re.Pattern[str] | None
    other: dict[str, tuple[str, ...]]
    other_pattern: re.Pattern[str] | None
    counts: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]


def _template(name: str | None) -> _Template:
    """The budget template named ``name`` (``meta.template``, in any case), else the one its
    layout marks ``default: true`` (a report that names none is read as Shanghai's, whatever
    other templates are added)."""
    from .layouts import layouts  # the templates are data, shared with the PDF reader

    budgets = [layout for layout in layouts().values() if layout.get("kind") == "budget"]
    wanted = name.casefold() if name else None
    layout = next((item for item in budgets if str(item.get("template", "")).casefold() == wanted), None)
    if layout is None:
        layout = next((item for item in budgets if item.get("default")), {})
    return _read_template(layout.get("name", ""))


@functools.cache  # one entry per layout file
def _read_template(name: str) -> _Template:
    """The sentence labels of the layout named ``name`` (none: an empty template), compiled once."""
    from .layouts import layouts

    layout = layouts().get(name, {})

    def labels(key: str) -> dict[str, tuple[str, ...]]:
        return {str(label): tuple(str(path).split(".")) for label, path in (layout.get(key) or {}).items()}

    statement, other = labels("statement_labels"), labels("other_labels")
    return _Template(
        parts={key: layout.get(key) or "(?!)" for key in ("statement_part", "other_part", "project_part")},
        statement=statement,
        statement_pattern=_labelled(statement, joiner=r"(?:为)?") if statement else None,
        other=other,
        other_pattern=_labelled(other) if other else None,
        counts=tuple((re.compile(pattern), path) for pattern, path in labels("other_counts").items()),
    )


def derive_budget(tree: dict[str, Any], source: SourceMap) -> None:
    """Fill ``tree["budget"]`` with the figures its text states, where the tree does not give them."""
    text = tree.get("text")
    if not isinstance(text, dict) or not isinstance(text.get("parts"), list):
        return
    meta = tree.get("meta")
    name = meta.get("template") if isinstance(meta, dict) else None
    template = _template(name if isinstance(name, str) else None)
    parts = template.parts
    statement_part, other_part = parts["statement_part"], parts["other_part"]
    budget = tree.setdefault("budget", {})
    if not isinstance(budget, dict):
        return
    reader = _Reader(tree, source, template)
    if "statement" not in budget:
        statement = reader.statement(_paragraphs(text["parts"], statement_part))
        if statement:
            budget["statement"] = statement
    if "other" not in budget:
        other = reader.other(_paragraphs(text["parts"], other_part))
        if other:
            budget["other"] = other
    if "projects" not in budget:
        projects = reader.projects(text["parts"], parts["project_part"])
        if projects:
            budget["projects"] = projects
    if not budget:
        del tree["budget"]


def _paragraphs(parts: list[Any], heading: str) -> list[tuple[TreePath, str]]:
    """Every paragraph of the parts whose heading matches, with its tree path, in print order."""
    pattern = re.compile(heading)
    found: list[tuple[TreePath, str]] = []
    for index, part in enumerate(parts):
        if isinstance(part, dict) and isinstance(part.get("heading"), str) and pattern.search(part["heading"].replace(" ", "")):
            found += _walk(part, ("text", "parts", index))
    return found


def _walk(section: dict[str, Any], loc: TreePath) -> Iterator[tuple[TreePath, str]]:
    for index, paragraph in enumerate(section.get("paragraphs") or []):
        if isinstance(paragraph, str) and len(paragraph) <= MAX_PARAGRAPH:
            yield (*loc, "paragraphs", index), paragraph
    for index, child in enumerate(section.get("sections") or []):
        if isinstance(child, dict):
            yield from _walk(child, (*loc, "sections", index))


class _Reader:
    def __init__(self, tree: dict[str, Any], source: SourceMap, template: _Template) -> None:
        self.source, self.template = source, template
        self.rows = list(_table_rows(tree))

    # ------------------------------------------------------------------ 预算编制说明
    def statement(self, paragraphs: list[tuple[TreePath, str]]) -> dict[str, Any]:
        statement: dict[str, Any] = {}
        items: list[dict[str, Any]] = []
        for text_loc, paragraph in paragraphs:
            item = _ITEM.match(paragraph)
            if item:
                items.append(self._item(item, paragraph, text_loc, len(items)))
                continue
            for match in self.template.statement_pattern.finditer(paragraph) if self.template.statement_pattern else ():
                path = self.template.statement[match.group("label")]
                if _get(statement, path) is None:  # the first statement of a figure counts
                    self._figure(statement, ("budget", "statement"), path, match, text_loc)
            reason = _STATEMENT_REASON.search(paragraph)
            if reason and "reason" not in statement and reason.group("reason").strip():
                statement["reason"] = reason.group("reason").strip()
                self.source.derive(("budget", "statement", "reason"), text_loc, reason.start("reason"))
        if items:
            statement["items"] = items
        return statement

    def _item(self, match: re.Match[str], paragraph: str, text_loc: TreePath, index: int) -> dict[str, Any]:
        loc: TreePath = ("budget", "statement", "items", index)
        wording = match.group("wording").strip()
        names = names_of(wording)
        item: dict[str, Any] = {"value": _number(match.group("amount")), "name": names[-1] if names else wording, "wording": wording}
        code = code_named(wording, self.rows)
        if code is not None:
            item["code"] = code
        self.source.derive(loc, text_loc, match.start("amount"))
        self.source.derive((*loc, "wording"), text_loc, match.start("wording"))
        purpose = match.group("purpose")
        if purpose and purpose.strip():
            item["purpose"] = purpose.strip()
            self.source.derive((*loc, "purpose"), text_loc, match.start("purpose"))
        execution = _EXECUTION.search(paragraph, match.end())
        if execution:
            prior = _number(execution.group("prior"))
            item["prior"] = prior
            self.source.derive((*loc, "prior"), text_loc, execution.start("prior"))
            item["arranged"] = _number(execution.group("arranged"))
            self.source.derive((*loc, "arranged"), text_loc, execution.start("arranged"))
            direction = execution.group("direction")
            if execution.group("pct") is not None:
                item["change_pct"] = _signed(_number(execution.group("pct")), direction)
                self.source.derive((*loc, "change_pct"), text_loc, execution.start("pct"))
            elif direction == "持平":
                item["change"] = _zero_like(item["value"])
                self.source.derive((*loc, "change"), text_loc, execution.start("direction"))
            reason = _REASON.search(paragraph, execution.end())
            if reason and reason.group("reason").strip():
                item["reason"] = reason.group("reason").strip()
                self.source.derive((*loc, "reason"), text_loc, reason.start("reason"))
        return item

    # ------------------------------------------------------------------ 其他相关情况说明
    def other(self, paragraphs: list[tuple[TreePath, str]]) -> dict[str, Any]:
        other: dict[str, Any] = {}
        for text_loc, paragraph in paragraphs:
            for match in self.template.other_pattern.finditer(paragraph) if self.template.other_pattern else ():
                path = self.template.other[match.group("label")]
                if _get(other, path) is None:
                    self._figure(other, ("budget", "other"), path, match, text_loc)
                    reason = _REASON.match(paragraph[match.end() :].lstrip("，,。 "))
                    if reason and reason.group("reason").strip() and match.group("direction"):
                        figure = _get(other, path)
                        figure["reason"] = reason.group("reason").strip()
                        offset = match.end() + len(paragraph[match.end() :]) - len(paragraph[match.end() :].lstrip("，,。 "))
                        self.source.derive(("budget", "other", *path, "reason"), text_loc, offset + reason.start("reason"))
            for pattern, path in self.template.counts:
                count = pattern.search(paragraph)
                if count and _get(other, path) is None:
                    _put(other, path, int(count.group("count")))
                    self.source.derive(("budget", "other", *path), text_loc, count.start("count"))
        return other

    # ------------------------------------------------------------------ 项目经费情况说明
    def projects(self, parts: list[Any], heading: str) -> list[dict[str, Any]]:
        pattern = re.compile(heading)
        projects: list[dict[str, Any]] = []
        for index, part in enumerate(parts):
            if not (isinstance(part, dict) and isinstance(part.get("heading"), str) and pattern.search(part["heading"].replace(" ", ""))):
                continue
            loc: TreePath = ("budget", "projects", len(projects))
            project: dict[str, Any] = {"name": part["heading"].replace(" ", "")}
            self.source.derive((*loc, "name"), ("text", "parts", index, "heading"), 0)
            for child, section in enumerate(part.get("sections") or []):
                if isinstance(section, dict) and isinstance(section.get("heading"), str) and _PLAN_SECTION.search(section["heading"]):
                    for text_loc, paragraph in _walk(section, ("text", "parts", index, "sections", child)):
                        self._plan(project, loc, paragraph, text_loc)
            projects.append(project)
        return projects

    def _plan(self, project: dict[str, Any], loc: TreePath, paragraph: str, text_loc: TreePath) -> None:
        """The amounts of a 年度预算安排 sentence: the project's total, its parts, the 合计 printed."""
        total = _PLAN_TOTAL.search(paragraph)
        if total and "total" not in project:
            project["total"] = _number(total.group("amount"))
            self.source.derive((*loc, "total"), text_loc, total.start("amount"))
        for match in _PLAN_PART.finditer(paragraph):
            if total and match.start("amount") == total.start("amount"):
                continue
            name = re.sub(r"^(?:其中|另)?[，,、]?", "", match.group("name")).strip()
            if not name:
                continue
            if name == "合计":
                if "stated_total" not in project:
                    project["stated_total"] = _number(match.group("amount"))
                    self.source.derive((*loc, "stated_total"), text_loc, match.start("amount"))
                continue
            parts = project.setdefault("parts", [])
            self.source.derive((*loc, "parts", len(parts)), text_loc, match.start("amount"))
            parts.append({"name": name, "value": _number(match.group("amount"))})

    # ------------------------------------------------------------------ one figure
    def _figure(self, section: dict[str, Any], at: TreePath, path: tuple[str, ...], match: re.Match[str], text_loc: TreePath) -> None:
        """The amount ``match`` found, as a figure at ``path``, with the change it states."""
        amount = _number(match.group("amount"))
        figure: dict[str, Any] = {"value": amount}
        loc = (*at, *path)
        self.source.derive(loc, text_loc, match.start("amount"))
        direction = match.group("direction")
        if direction:
            if match.group("change") is not None:
                figure["change"] = _signed(_number(match.group("change")), direction)
                self.source.derive((*loc, "change"), text_loc, match.start("change"))
            elif direction == "持平":
                figure["change"] = _zero_like(amount)
                self.source.derive((*loc, "change"), text_loc, match.start("direction"))
        _put(section, path, figure)


def _table_rows(tree: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(code, name) of every row of the budget's tables by 科目, to find the 项 an item names."""
    tables = (tree.get("budget") or {}).get("tables") if isinstance(tree.get("budget"), dict) else None
    if not isinstance(tables, dict):
        return
    for key in ("general_budget", "government_fund", "state_capital", "expenditure", "income"):
        table = tables.get(key)
        rows = table.get("rows") if isinstance(table, dict) else None
        for row in rows if isinstance(rows, list) else ():
            if isinstance(row, dict) and row.get("code") is not None and isinstance(row.get("name"), str):
                yield str(row["code"]).replace(" ", ""), row["name"]


def _get(node: dict[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(node, dict):
            return None
        node = node.get(part)  # type: ignore[assignment]
    return node


def _put(node: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value
