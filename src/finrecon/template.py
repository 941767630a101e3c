"""The templates finrecon knows: one typed ``Template`` per ``finrecon/layouts/*.yaml``, chosen once.

A template is everything one family of reports prints the same way: how its cover is known, its
parts and headings, its nine tables, the sentences of its 情况说明 (``statements``, read by
``readers/sentences.py`` through the lexicon of national conventions in ``lexicon.py``),
what it requires (FR904), and what the blank template prints for the compiler only.  Adding
another province's wording is adding one YAML file: a key this model does not know, or a value
of the wrong type, fails when the file is loaded, naming the key and the file.

The template of a report is chosen once (``choose``): by ``--template`` (a name, or a YAML file
of this shape), else by the report's ``meta.template``, else by recognising its cover — the
templates are tried by their ``priority``, highest first (never by file order).  The choice travels
with the report (``attach`` / ``template_of``) to the readers and the rules.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import data_file

__all__ = ["Template", "TemplateError", "templates", "choose", "load_template", "attach", "template_of", "schema"]


class _Strict(BaseModel):
    # The validator is built when a layout file is first validated, not at import: a start that
    # finds the templates in its cache (``templates``) never builds it.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Cover(_Strict):
    """How the cover is known and read (patterns over the cover's lines, spaces removed)."""

    recognise: str = Field(description="a cover that prints this (a regular expression) is a report of this template")
    title: str = Field(description="the title line: groups year, and unit or scope where it prints them")
    unit: str = Field(description="a line that names the unit (group unit)")
    scopes: dict[str, str] = Field(default_factory=dict, description="the title's word → meta.scope")
    unit_above: str | None = Field(
        None, description="a title printed under the unit's name, where no cover names it (2020年部门整体支出绩效评价报告): the line above it is the unit"
    )


class Classes(_Strict):
    path: str
    value: str | None = None
    total: str | None = Field(None, description="the row (a path of rows) the classes sum to, column by column (支出总计 → expenditure_grand_total)")


class TableSpec(_Strict):
    """One of the nine tables: its title and which printed column and row is which field."""

    title: str
    shape: Literal["coded", "sides", "row"]
    columns: dict[str, str] = Field(default_factory=dict)
    rows: list[tuple[str, str]] = Field(default_factory=list)
    classes: Classes | None = None
    labels: dict[str, str] = Field(default_factory=dict)
    total: str = "^合计$"
    part_of_code: dict[str, str] = Field(
        default_factory=dict,
        description="a 科目 code's first digits → the one column besides the first (合计) a row of that code fills: where a page text "
        "prints a row with blank cells (which leave no trace), its figures are placed in these two columns (301 工资福利支出 → 人员经费)",
    )

    totals_from: dict[str, str] = Field(
        default_factory=dict,
        description="a column → the figure elsewhere (a path of the tables, the table's key first: summary.income.appropriation) that is "
        "the column's total (the 合计 row; in a two-sided table, the classes' total row): an identity the rules check (FR501, FR104). "
        "Where a page text prints rows with fewer figures than columns and the column sums alone leave more than one placement, "
        "the rows are placed by it where that is unique, and it is then not checked",
    )

    def spec(self) -> dict[str, Any]:
        """As the table reader reads it."""
        return self.model_dump(exclude_none=True)


class Wording(_Strict):
    """The template's own words the wording rules compare the text with."""

    instructions: list[str] = Field(default_factory=list, description="what the blank template prints for the compiler only (FR805)")
    fixed_phrases: list[str] = Field(default_factory=list, description="fixed phrases, as compared: no spaces, half-width brackets (FR810)")
    right_as_printed: list[str] = Field(default_factory=list, description="printed forms one character from a fixed phrase that are right (FR810)")
    year_phrases: list[str] = Field(
        default_factory=list,
        description="phrases after a year, {year} standing for its four digits ({year}年度): one printed with a character dropped that makes no other (2024度) (FR810)",
    )
    alternatives: list[str] = Field(
        default_factory=list,
        description="the template's alternatives as printed, 增加（减少）: one left (FR804), its two words run together (增加减少, FR804) or one doubled (增加增加, FR810)",
    )
    name_slots: dict[Literal["cover", "compiler", "heading", "paragraph", "note", "title"], list[str]] = Field(
        default_factory=dict, description="where the template prints the unit's own name: patterns with group name, by kind of text (FR802)"
    )
    level_phrase: str | None = Field(None, description="the words of another level's template (市级… in a district's report) (FR802)")
    scope_words: dict[Literal["department", "unit"], str] = Field(
        default_factory=dict, description="the words of a 部门 report and of a 单位 report (FR803)"
    )
    own_year_after: str | None = Field(None, description="words after a year that make it the report's own: 2024年度收入支出总计 (FR801)")
    own_year_before: str | None = Field(None, description="words before a year that make it the report's own: 编报绩效目标的2024年度 (FR801)")
    own_year_opening: str | None = Field(
        None, description="a budget's opening sentence whose first year (group 1) is the report's own: 2025年，…收入预算 (FR801)"
    )
    unchosen: list[str] = Field(
        default_factory=list,
        description="other alternatives of the template, patterns over the squeezed text, found left unchosen where they stand: 部门(单位) before 共有车辆 (FR804)",
    )
    other_level: str | None = Field(None, description="the other level's word that level_phrase begins with: 市级 (FR802)")
    own_level: str | None = Field(None, description="the report's own level's word that stands for other_level in the right form: 区级 (FR802)")


class StatementSpec(_Strict):
    """One thing a section's sentences say: a pattern (with the lexicon's ``{slots}``) and where
    its figures go.  See ``readers/sentences.py`` for the groups and the targets."""

    sections: list[str] = Field(min_length=1, description="the sections (values of narrative_sections) it is read in")
    pattern: str | None = Field(None, description="a regular expression; {amount:NAME}, {pct:NAME}, {count:NAME}, {names} … are the lexicon's")
    use: str | None = Field(None, description="instead of a pattern: a group of the lexicon's statements (budget: 年初预算/决算/完成/原因)")
    target: str = Field(
        description="the tree path its figures go to; {name} through names, [+] a new list item, [] the numbered item, "
        "[name] an item named by the group name, [last] an item of the name named last (a keyed list's)"
    )
    names: str | None = Field(None, description="the key of a names table: the printed word of group name → the field")
    fixed: dict[str, str] = Field(default_factory=dict, description="what the statement says without printing it")
    every: bool = Field(False, description="every match (a list of like clauses), not only the first")


class Items(_Strict):
    """A section numbered into items (“1、…（项）…”): the list each item goes to, where an item starts,
    and how long the 科目 code of its items is."""

    target: str
    start: str = Field(description="a regular expression where an item starts (the lexicon's {item} is a numbered start)")
    code_length: Literal[3, 5, 7] = 7
    announced: str | None = Field(
        None,
        description="a regular expression for the words that announce the items (其中：): what the section prints after them "
        "and before its first item is neither its total's nor an item's, and stays unknown",
    )


class Projects(_Strict):
    """A budget's project parts (项目经费情况说明): each part one project, its plan section stating
    the project's total, its parts, and the 合计 printed."""

    part: str = Field(description="a part heading (spaces removed) that is a project's (a regular expression)")
    plan: str = Field(description="the heading of its section that states the amounts (a regular expression)")
    total: str = Field(description="the words before the project's total")
    stated_total: str = Field(description="the name of the part that is the printed sum of the others")
    joining: str = Field("", description="words that may open a part's name and are not the name (其中, 另)")


class FormIndicators(_Strict):
    """The indicator rows of a project performance form: their head and the words of their levels."""

    head: str = Field(description="the cell that opens the indicators' head (一级指标), a regular expression over its words")
    target: str = Field(description="the head of the target column (预期指标值, 年度指标值)")
    actual: str | None = Field(None, description="the head of the actual column (实际完成指标值); none: the form states targets only")
    level1: list[str] = Field(default_factory=list, description="the level-1 kinds (产出指标, 效益指标 …)")
    level2: list[str] = Field(default_factory=list, description="the level-2 kinds (数量指标, 服务对象满意度指标 …)")
    columns: str = Field(r"[一二三]级指标", description="the other cells of the head (二级指标, 三级指标)")
    joiner: str = Field("指标", description="the word a level's cell may wrap before (经济效益 / 指标)")
    ignored: list[str] = Field(
        default_factory=lambda: ["指标", "绩效", "绩效指标"], description="cells that are no row's: the left column's words (绩效 / 指标), a wrapped level's end"
    )


class FormSpec(_Strict):
    """A project performance form the report prints (项目绩效目标完成情况表, 绩效目标申报表): its title and
    the labels of its fields, read label by label wherever the form prints them (``readers/forms.py``)."""

    title: str = Field(description="the form's title (a regular expression over its words, spaces removed)")
    money_unit: str | None = Field(None, description="the unit of its money where it is not the report's (项目资金（元）)")
    fields: dict[str, list[str]] = Field(
        description="a label (a regular expression over a cell's words, “其中” and a final colon left out) → the project's fields it "
        "gives, in order: a label printed twice gives the first, then the second (预算数 其中-财政拨款 … 执行数 其中-财政拨款)"
    )
    goals: list[str] = Field(default_factory=list, description="the heads of the goal and of what was achieved (预期目标, 实际完成目标)")
    opening: str = Field(r"^其中\s*[：:\-—－]?", description="words before a label that are not the label (其中-财政拨款)")
    indicators: FormIndicators | None = None


class Template(_Strict):
    """One template of one kind of report (a ``layouts/*.yaml`` file)."""

    name: str = Field(description="the template's own name (the file's stem)")
    kind: Literal["final", "budget"] = Field(description="meta.kind: final (部门决算) or budget (部门预算/单位预算)")
    template: str = Field(description="meta.template: the family whose sections FR904 requires")
    priority: int = Field(description="recognition order: a cover that two templates recognise is the higher one's")
    default: bool = Field(False, description="the template of its kind for a report that names none and whose cover is not read")
    money_unit: str | None = None
    tables_at: str = "tables"
    cover: Cover
    parts: list[str] = Field(default_factory=list)
    headings: list[str] = Field(default_factory=list)
    narrative_part: str | None = None
    narrative_sections: dict[str, str] = Field(default_factory=dict)
    statements: list[StatementSpec] = Field(default_factory=list)
    names: dict[str, dict[str, str]] = Field(default_factory=dict, description="printed words → fields, for statements' {names}")
    items: dict[str, Items] = Field(default_factory=dict, description="section → its numbered items")
    coded: dict[str, Literal[3, 5, 7]] = Field(default_factory=dict, description="a list whose items name a 科目 → the code's length")
    restart: dict[str, str] = Field(
        default_factory=dict,
        description="a section → the keyed list it starts another item of (a project's self-assessment report starts at its 项目概况): [last] does not reach back over it",
    )
    keyed: dict[str, str] = Field(
        default_factory=dict,
        description="a list whose items are one thing by a field (performance.projects → name): the items the statements made of one name are one item, where they agree",
    )
    part_sections: dict[str, str] = Field(
        default_factory=dict, description="a part whose heading (spaces removed) matches the pattern → the section its whole text is"
    )
    projects: Projects | None = Field(None, description="a budget's 项目经费情况说明: one part per project")
    tables: dict[str, TableSpec] = Field(default_factory=dict)
    compiler: str = Field(
        r"编制(?:单位|部门)", description="the label of the line under a table's title that names who compiled it (a regular expression, its colon left out)"
    )
    unit_list: dict[Literal["name", "note"], str] = Field(
        default_factory=lambda: {"name": "单位名称", "note": "备注"},
        description="the header of the department's list of its units (部门决算单位构成): the names' column, the notes' column",
    )
    empty_table: str = Field(r"本表(?:无数据|为空)", description="words under a table that say it is empty: the line is its empty_statement (a regular expression)")
    required: list[str] = Field(default_factory=list, description="the sections and tables a report of this template must carry (FR904)")
    text_parts: dict[str, str] | None = Field(
        None,
        description="the parts of the text (a report's path → its title) a medium without them (a workbook of tables) says were not checked; none: the Ministry's (lexicon.TEXT_PARTS)",
    )
    wording: Wording = Field(default_factory=Wording)
    forms: list[FormSpec] = Field(default_factory=list, description="project performance forms the report prints (readers/forms.py)")

    def __hash__(self) -> int:  # frozen, and compared by name: a cache key
        return hash(self.name)


class TemplateError(ValueError):
    """A layout file that is not a template (its path and what is wrong), or a name none has."""


def load_template(path: str | Path, text: str | None = None) -> Template:
    """The template of one YAML file; ``TemplateError`` naming the file and the key."""
    try:
        data = yaml.load(text if text is not None else Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise TemplateError(f"{path}: {error}") from None
    try:
        return Template.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top)"
        raise TemplateError(f"{path}: {key}: {first['msg']}") from None


@functools.cache
def templates() -> dict[str, Template]:
    """Every built-in template by its name, highest priority first."""
    folder = data_file("layouts")
    files = [(entry.name, entry.read_text(encoding="utf-8")) for entry in sorted(folder.iterdir(), key=lambda item: item.name)]
    files = [(name, text) for name, text in files if name.endswith(".yaml")]
    cache = _cache_file(files)
    found = _from_cache(cache, len(files)) if cache is not None else None
    if found is None:
        found = [load_template(f"finrecon/layouts/{name}", text) for name, text in files]
        if cache is not None:
            _to_cache(cache, found)
    found.sort(key=lambda item: (-item.priority, item.name))
    return {item.name: item for item in found}


# The built-in templates, validated, are kept in the user's cache folder ($XDG_CACHE_HOME/finrecon,
# else ~/.cache/finrecon): parsing the layout files' YAML and building the validator for them is a
# tenth of a cold start, reading them back a hundredth.  The file is named by a digest of every
# layout file's name and text, of this module (the models' shape), and of the versions of finrecon,
# pydantic and Python: a layout changed in any way is validated again, and fails loudly then.  A
# cache that cannot be read, written or trusted is passed over, never an error.
_CACHE_PREFIX = "templates-"


def _cache_file(files: list[tuple[str, str]]) -> Path | None:
    import hashlib
    import os
    import sys

    from pydantic.version import VERSION

    from . import __version__

    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        digest = hashlib.sha256(f"{__version__}\0{VERSION}\0{sys.version}\0".encode())
        digest.update(Path(__file__).read_bytes())
    except (OSError, RuntimeError):  # no home folder, or this module is not a file
        return None
    for name, text in files:
        digest.update(f"\0{name}\0{text}".encode())
    return base / "finrecon" / f"{_CACHE_PREFIX}{digest.hexdigest()[:40]}.pickle"


def _from_cache(path: Path, count: int) -> list[Template] | None:
    import os

    try:
        import _pickle as pickle  # the C unpickler alone: pickle.py imports more than it reads
    except ImportError:  # pragma: no cover - another Python than CPython
        import pickle  # type: ignore[no-redef]
    try:
        for owned in (path.parent, path):  # only a file none but this user could have written
            status = os.stat(owned)
            if status.st_uid != os.getuid() or status.st_mode & 0o022:
                return None
        found = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - absent, unreadable or damaged: validate the layouts again
        return None
    if not (isinstance(found, list) and len(found) == count and all(type(item) is Template for item in found)):
        return None
    return found


def _to_cache(path: Path, found: list[Template]) -> None:
    import os
    import pickle

    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as stream:
            pickle.dump(found, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # another process's run reads a whole file or none
        week_ago = os.path.getmtime(path) - 7 * 86400
        for stale in path.parent.glob(f"{_CACHE_PREFIX}*.pickle"):  # another version's, written over a week before
            if stale != path and os.path.getmtime(stale) < week_ago:
                stale.unlink(missing_ok=True)  # (one still in use is written again at its next start)
    except OSError:  # a read-only or full disk: the next run validates again
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass


def named(name: str) -> Template | None:
    """The template called ``name`` (its own name or its family's, in any case), or the YAML file
    ``name`` when it is one (``--template path/to/layout.yaml``)."""
    if name.endswith((".yaml", ".yml")) and Path(name).is_file():
        from .readers.tree import load_layout  # every problem at once, placed, in the user's language (LoadError)

        return load_layout(name)
    wanted = name.casefold()
    for item in templates().values():
        if item.name.casefold() == wanted:
            return item
    return next((item for item in templates().values() if item.template.casefold() == wanted), None)


def choose(requested: str | None = None, *, meta: str | None = None, kind: str | None = None, cover: str | None = None) -> Template | None:
    """The one template of a report: ``requested`` (``--template``), else ``meta`` (meta.template)
    where a template has that name, else the highest-priority template whose cover pattern
    ``cover`` matches (a PDF), else the template of ``kind`` marked ``default`` (else its
    highest-priority one).  ``None`` where nothing fits (a cover no template knows)."""
    import re

    if requested:
        chosen = named(requested)
        if chosen is None:
            raise TemplateError(f"--template {requested}: " + ", ".join(templates()))
        return chosen
    if meta:
        chosen = named(meta)
        if chosen is not None and (kind is None or chosen.kind == kind):
            return chosen
    ranked = sorted(templates().values(), key=lambda item: (-item.priority, item.name))
    if cover is not None:
        return next((item for item in ranked if re.search(item.cover.recognise, cover)), None)
    of_kind = [item for item in ranked if kind is None or item.kind == kind]
    return next((item for item in of_kind if item.default), of_kind[0] if of_kind else None)


def attach(report: Any, template: Template | None) -> None:
    """The report's chosen template, kept with it for the rules."""
    report.__dict__["_template"] = template


def template_of(report: Any) -> Template | None:
    """The template chosen for ``report`` (when it was loaded), else the one its meta names."""
    if "_template" in report.__dict__:
        return report.__dict__["_template"]
    meta = report.meta
    chosen = choose(meta=meta.template, kind=meta.kind)
    report.__dict__["_template"] = chosen
    return chosen


def schema() -> dict[str, Any]:
    """The JSON Schema of a layout file (``schemas/template.schema.json``)."""
    return Template.model_json_schema()


if __name__ == "__main__":  # python -m finrecon.template > schemas/template.schema.json
    import json
    import sys

    document = schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = "urn:finrecon:schema:template"  # the project has no web site
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
