"""Project performance forms (项目绩效目标完成情况表, 绩效目标申报表) → ``performance.projects``.

A form is read by its labels, never by its layout: whatever prints it — a Word table saved as
text (one cell a line), a page's lines of cells separated by spaces, a grid — gives a stream of
cells in reading order, and each label the template names (``forms`` in the layout YAML) takes
the cell after it as its value.  A label printed twice (预算数 其中-财政拨款 … 执行数 其中-财政拨款) gives
its fields in order.  A label whose cell is blank or not a number where a number is due leaves
its field unknown (absent), never 0.

The indicators follow their head (一级指标 二级指标 三级指标 预期指标值 …): a run of level words (the
template's level-1 and level-2 kinds, also where a cell wraps before its final 指标) opens a row,
the next cells are its 三级指标, its target and, where the head has the column, its actual.  A
target keeps its printed words and, read from them, its comparison (“≥” of “≥90.00(%)”) and its
number.  A merged level-2 cell stands for the rows under it; a level-1 word printed on another
row is not guessed (left blank).

The reader takes the form's lines out of the text (they are no paragraphs) and gives them back
as printed table lines, for coverage to see that its figures were placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..indicators import parse
from ..inputs import Place
from ..template import FormIndicators, FormSpec, Template
from .pdf.flow import NUMBERED, Line, normal
from .media import grid_of
from .pdf.grid import Grid

_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_CLOSING = re.compile(r"[：:]$")
_LONG = 12  # a line longer than this after a form of cells is the text again


@dataclass
class Cell:
    text: str
    page: int
    line: int
    excerpt: str


@dataclass
class Form:
    spec: FormSpec
    title: Cell
    cells: list[Cell] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # what it printed, for coverage


def _key(text: str, opening: str = "") -> str:
    """A cell's words as a label: without what opens it (其中-) and its final colon."""
    words = normal(text)
    return _CLOSING.sub("", re.sub(opening, "", words, count=1) if opening else words)


def _title_of(item: Any, titles: list[tuple[FormSpec, re.Pattern[str]]]) -> FormSpec | None:
    if isinstance(item, Line):
        words = normal(item.text)
    elif isinstance(item, Grid) and item.rows and item.rows[0]:
        words = normal(item.rows[0][0].text)
    else:
        return None
    return next((spec for spec, pattern in titles if pattern.fullmatch(words)), None)


def take(blocks: list[tuple[int, float, Any]], spec: Template, parts: list[re.Pattern[str]]) -> tuple[list[tuple[int, float, Any]], list[Form]]:
    """The blocks without the forms the template names, and the forms (their cells in reading order).
    A form runs to the end of its page, to the next form or part; printed as cells, to the first
    line of text after them."""
    if not spec.forms:
        return blocks, []
    titles = [(form, re.compile(form.title)) for form in spec.forms]
    headings = {normal(heading) for heading in (*spec.headings, *spec.narrative_sections)}
    blocks = [piece for block in blocks for piece in _split(block, titles)]
    kept: list[tuple[int, float, Any]] = []
    forms: list[Form] = []
    index = 0
    while index < len(blocks):
        page, _, item = blocks[index]
        form_spec = _title_of(item, titles)
        if form_spec is None:
            kept.append(blocks[index])
            index += 1
            continue
        end = index + 1
        as_cells = isinstance(item, Grid)
        while end < len(blocks):
            other_page, _, other = blocks[end]
            if other_page != page or _title_of(other, titles) is not None:
                break
            if isinstance(other, Line):
                words = normal(other.text)
                bare = NUMBERED.sub("", words, count=1).rstrip("。")
                if any(pattern.search(words) or pattern.search(bare) for pattern in parts) or bare in headings:
                    break  # a part, or a heading the template knows: the text again
                if as_cells and (len(words) > _LONG or NUMBERED.match(words)):
                    break
            end += 1
        form = _cells(form_spec, blocks[index:end])
        if not read(form)[0]:  # no label of it printed: a line that names the form (a contents entry)
            kept.append(blocks[index])
            index += 1
            continue
        forms.append(form)
        index = end
    return kept, forms


def _split(block: tuple[int, float, Any], titles: list[tuple[FormSpec, re.Pattern[str]]]) -> list[tuple[int, float, Any]]:
    """A grid of cells cut before each form title among them (a form printed right after another's
    cells is another form), its rows kept."""
    page, top, item = block
    if not isinstance(item, Grid) or not any(
        pattern.fullmatch(normal(cell.text)) for row in item.rows for cell in row for _, pattern in titles
    ):
        return [block]
    pieces: list[list[list[tuple[str, int, int]]]] = [[]]
    for row in item.rows:
        current: list[tuple[str, int, int]] = []
        for cell in row:
            if not cell.text.strip():
                continue
            if any(pattern.fullmatch(normal(cell.text)) for _, pattern in titles):
                if current:
                    pieces[-1].append(current)
                current = []
                pieces.append([])
            current.append((cell.text, 1, getattr(cell, "at", 0) or 0))
        if current:
            pieces[-1].append(current)
    out: list[tuple[int, float, Any]] = []
    for rows in pieces:
        if rows:
            first = rows[0][0][2]
            out.append((page, float(first) - 0.5 if first else top, grid_of(page, rows, top=float(first) - 0.5 if first else top)))
    return out


def _cells(spec: FormSpec, blocks: list[tuple[int, float, Any]]) -> Form:
    cells: list[Cell] = []
    lines: list[Line] = []
    for page, _, item in blocks:
        if isinstance(item, Line):
            lines.append(item)
            cells.extend(Cell(word, page, item.number, item.text) for word in item.text.split())
            continue
        for row in item.rows:
            for cell in row:
                text = cell.text.strip()
                number = getattr(cell, "at", 0) or 0
                if text:
                    cells.append(Cell(text, page, number, text))
                    lines.append(Line(page, number, 0.0, float(len(text)), float(number), 2.0, text))
    title, rest = cells[0], cells[1:]
    return Form(spec, title, rest, lines)


def _number(text: str) -> Decimal | None:
    words = normal(text)
    if not _NUMBER.fullmatch(words):
        return None
    try:
        return Decimal(words.replace(",", "").replace("−", "-"))
    except InvalidOperation:  # pragma: no cover - the pattern admits none
        return None


_MONEY = {"budget", "executed", "appropriation_budget", "appropriation_executed", "other_budget", "other_executed"}


def read(form: Form) -> tuple[dict[str, Any], dict[tuple[str | int, ...], Cell]]:
    """The project a form states (fields of ``model.performance.Project``) and where each value was
    printed (a path inside the project → its cell)."""
    spec = form.spec
    labels = [(re.compile(label), fields) for label, fields in spec.fields.items()]
    given: dict[int, int] = {}
    project: dict[str, Any] = {}
    places: dict[tuple[str | int, ...], Cell] = {}
    blanks: list[tuple[str, str]] = []
    cells = form.cells
    goals = [re.compile(head) for head in spec.goals]
    indicators = spec.indicators
    head = re.compile(indicators.head) if indicators else None
    index = 0
    while index < len(cells):
        key = _key(cells[index].text, spec.opening)
        if head is not None and indicators is not None and head.fullmatch(key):
            rows, rows_places = _indicators(indicators, cells[index:])
            if rows:
                project["indicators"] = rows
                places.update(rows_places)
            break
        if len(goals) == 2 and goals[0].fullmatch(key) and index + 1 < len(cells) and goals[1].fullmatch(_key(cells[index + 1].text, spec.opening)):
            index += 2
            for name in ("goal", "goal_result"):
                if index < len(cells) and not _is_label(_key(cells[index].text, spec.opening), labels, head, goals):
                    project[name] = cells[index].text
                    places[(name,)] = cells[index]
                    index += 1
            continue
        found = next(((position, fields) for position, (pattern, fields) in enumerate(labels) if pattern.fullmatch(key)), None)
        index += 1
        if found is None:
            continue
        position, fields = found
        count = given.get(position, 0)
        given[position] = count + 1
        if count >= len(fields):
            continue
        name = fields[count]
        value_cell = cells[index] if index < len(cells) else None
        if value_cell is None or _is_label(_key(value_cell.text, spec.opening), labels, head, goals):
            blanks.append((name, _key(cells[index - 1].text, spec.opening)))  # a blank cell: unknown
            continue
        if name.startswith("funds.") or name in _MONEY:
            number = _number(value_cell.text)
            if number is None:
                blanks.append((name, _key(cells[index - 1].text, spec.opening)))  # not a number where one is due: unknown
                continue
            if name.startswith("funds."):
                funds = project.setdefault("funds", {"money_unit": spec.money_unit} if spec.money_unit else {})
                funds[name.split(".", 1)[1]] = {"value": number}
                places[("funds", name.split(".", 1)[1])] = value_cell
            else:
                project[name] = number
                places[(name,)] = value_cell
        else:
            project[name] = value_cell.text
            places[(name,)] = value_cell
        index += 1
    if "name" not in project:
        return {}, {}
    if blanks:
        project["_blank"] = blanks  # taken out by ``merge``
    return project, places


def _is_label(key: str, labels: list[tuple[re.Pattern[str], list[str]]], head: re.Pattern[str] | None, goals: list[re.Pattern[str]]) -> bool:
    return any(pattern.fullmatch(key) for pattern, _ in labels) or (head is not None and head.fullmatch(key) is not None) or any(
        goal.fullmatch(key) for goal in goals
    )


def _level(text: str, spec: FormIndicators) -> str | None:
    words = normal(text)
    for candidate in (words, words + spec.joiner):
        if candidate in spec.level1 or candidate in spec.level2:
            return candidate
    return None


def _indicators(spec: FormIndicators, cells: list[Cell]) -> tuple[list[dict[str, Any]], dict[tuple[str | int, ...], Cell]]:
    """The rows under the indicators' head: a run of level words, then 三级指标, target (and actual)."""
    target_head = re.compile(spec.target)
    actual_head = re.compile(spec.actual) if spec.actual else None
    index = 0
    has_actual = False
    head = re.compile(spec.head)
    while index < len(cells):  # the head: 一级指标 二级指标 三级指标 预期指标值 (实际完成指标值)
        key = _key(cells[index].text)
        if actual_head is not None and actual_head.fullmatch(key):
            has_actual = True
        elif not (head.fullmatch(key) or target_head.fullmatch(key) or re.fullmatch(spec.columns, key)):
            break
        index += 1
    rows: list[dict[str, Any]] = []
    places: dict[tuple[str | int, ...], Cell] = {}
    level1, level2 = "", ""
    run: list[str] = []
    filled: list[Cell] = []
    wanted = 3 if has_actual else 2

    def close() -> None:
        if not filled:
            return
        row: dict[str, Any] = {"level1": level1, "level2": level2, "level3": filled[0].text, "target": filled[1].text if len(filled) > 1 else ""}
        at = len(rows)
        places[("indicators", at)] = filled[0]
        if len(filled) > 1:
            reading = parse(filled[1].text)
            places[("indicators", at, "target")] = filled[1]
            if reading.comparator is not None:
                row["comparison"] = reading.comparator.value
            if len(reading.measures) == 1:
                row["target_number"] = reading.measures[0].number
                places[("indicators", at, "target_number")] = filled[1]
        if len(filled) > 2:
            row["actual"] = filled[2].text
            places[("indicators", at, "actual")] = filled[2]
            reading = parse(filled[2].text)
            if len(reading.measures) == 1:
                row["actual_number"] = reading.measures[0].number
                places[("indicators", at, "actual_number")] = filled[2]
        rows.append(row)
        filled.clear()

    for cell in cells[index:]:
        if normal(cell.text) in spec.ignored:
            continue
        level = _level(cell.text, spec)
        if level is not None:  # a level word opens a row
            close()
            run.append(level)
            continue
        if run:
            if len(run) >= 2:
                level1, level2 = run[-2], run[-1]
                if level1 in spec.level2 and level1 not in spec.level1 and level2 in spec.level1:
                    level1, level2 = level2, level1  # the level-1 cell printed between a wrapped level-2 cell's lines
            elif run[0] in spec.level2:
                level1, level2 = "", run[0]
            else:
                level1 = run[0]
            run.clear()
        filled.append(cell)
        if len(filled) == wanted:
            close()
            level1 = ""  # a level-1 word printed once stands for its own row only, unless printed again
    close()
    return rows, places


def merge(tree: dict[str, Any], source: Any, forms: list[Form]) -> None:
    """Each form as a project of ``performance.projects``: the one of its name the text states, where
    every figure both give is the same (what the form adds is added; what it gives again is placed
    as printed again, ``source.printed_again``); else a project of its own, after those the text
    states (kept twice, as printed, and compared: FR403)."""
    for form in forms:
        project, places = read(form)
        if not project:
            continue
        projects = tree.setdefault("performance", {}).setdefault("projects", [])
        blanks = project.pop("_blank", [])
        at = next((index for index, known in enumerate(projects) if isinstance(known, dict) and _agrees(known, project)), None)
        base = ("performance", "projects", len(projects) if at is None else at)
        if at is None:
            projects.append(project)
            source.put(base, _place(form.title))
        else:
            known = projects[at]
            again = getattr(source, "printed_again", None)
            if again is None:
                again = source.printed_again = []
            for key, value in project.items():
                if key in known:
                    if (key,) in places and isinstance(value, Decimal):
                        again.append(((*base, key), _place(places.pop((key,)))))
                    else:
                        places = {path: cell for path, cell in places.items() if path[0] != key}
                    continue
                known[key] = value
        for path, cell in places.items():
            source.put((*base, *path), _place(cell))
        blanks = [(name, label) for name, label in blanks if name.startswith("funds.")]  # the parts of a sum
        if blanks:  # a label printed with no figure: unknown, not 0 — no sum over it is evaluated (FR923 says so)
            printed = tree.setdefault("printed", {"pages": 1})
            words = "、".join(label for _, label in blanks)
            printed.setdefault("unread", []).append({
                "page": form.title.page, "text": f"{normal(form.title.text)}（{project['name']}）：{words}", "kind": "figures",
                "unknown": [".".join(("performance", f"projects[{base[2]}]", name)) for name, _ in blanks],
            })
            source.put(("printed", "unread", len(printed["unread"]) - 1), _place(form.title))


def _agrees(known: dict[str, Any], form: dict[str, Any]) -> bool:
    """Whether a project the text states is the form's: the same name, and the same figure wherever both give one."""
    if known.get("name") != form.get("name"):
        return False
    return all(known[key] == value for key, value in form.items() if key in known and isinstance(value, Decimal))


def _place(cell: Cell) -> Place:
    return Place(cell.line, 1, cell.page, cell.excerpt)
