"""The command line: thin glue from arguments and configuration to runner, engine and reporters."""

# Without ``from __future__ import annotations``: typer reads each command's parameters from its
# annotations, and evaluating them from their text cost every start ~2 ms.  A name imported only
# for type checking is quoted (``"Settings"``).
import gc
import io
import os
import sys
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

def _without_pydantic_plugins() -> None:
    """finrecon uses no pydantic plugin; finding them would import importlib.metadata and scan
    every installed package's metadata (a tenth of a cold start).  pydantic's own switch
    (PYDANTIC_DISABLE_PLUGINS) skips the scan but not the import; a module that finds none does both."""
    import types

    if "pydantic.plugin._loader" not in sys.modules:
        loader = types.ModuleType("pydantic.plugin._loader")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules["pydantic.plugin._loader"] = loader


_without_pydantic_plugins()

import typer  # noqa: E402 - after the setting above
import typer.core  # noqa: E402

from . import __version__
from .formats import kinds, suffixes
from .i18n import Msg, default_lang, t

if TYPE_CHECKING:
    from .runner import Settings

# An argument given a metavar shows it alone, as an option does: not ``FILES <list[str]>``.
_argument_type = typer.core.TyperArgument.display_type_rich
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None if self.metavar else _argument_type(self, ctx)  # type: ignore[method-assign]

app = typer.Typer(
    name="finrecon",
    help=f"检查部门决算、部门预算（{kinds('zh')}）中的合计、占比、增减与表述是否一致 / "
    f"Check 部门决算 (final accounts) and 部门预算 (budgets): {kinds('en')}.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


SCHEMA_ID = "urn:finrecon:schema:report"  # the project's own name for its schema: it has no web site
_THRESHOLD = {"error": 3, "warning": 2, "info": 1, "never": 99}
_PROGRESS_FROM = 50  # files: below this a progress bar only flickers


def _version(value: bool) -> None:
    if value:
        typer.echo(f"finrecon {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="显示版本并退出 / show the version.")
    ] = None,
) -> None:
    """finrecon — 部门决算、部门预算公开前的自动核对 / checks final accounts and budgets before they are published."""


def _fail(lang: str, key: str, **params: object) -> NoReturn:
    sys.stderr.write(f"finrecon: {t(key, lang, **params)}\n")
    raise typer.Exit(2)


# Options shared by `check` and `baseline`.
FilesArg = Annotated[
    list[str],
    typer.Argument(
        help=f"报告文件（{suffixes('/')}）、目录（递归查找其下这些文件）或通配符 / report files ({suffixes()}), folders (every such file below), globs.",
        show_default=False, metavar="FILE|DIR|GLOB",
    ),
]
SelectOpt = Annotated[Optional[list[str]], typer.Option("--select", metavar="RULE", help="只运行这些规则（ID 或前缀，如 FR2，可重复）/ rules to run (repeatable).")]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option("--ignore", metavar="RULE", help="不运行这些规则（ID 或前缀，可重复）/ rules to skip (repeatable).")]
LangOpt = Annotated[Optional[Lang], typer.Option("--lang", help="输出语言，默认随系统区域设置 / output language (default: from the locale).")]
CatalogOpt = Annotated[Optional[Path], typer.Option("--catalog", help="补充或覆盖科目目录（YAML 或 CSV）/ extend the classification catalogue.")]
JobsOpt = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, max=1024, metavar="N", help="并行进程数，默认为 CPU 核数 / parallel workers (default: all cores).")]
MaxBytesOpt = Annotated[Optional[int], typer.Option("--max-bytes", min=1, max=1 << 40, metavar="BYTES", help="单个文件大小上限（字节）/ file size limit.")]
MaxDepthOpt = Annotated[Optional[int], typer.Option("--max-depth", min=1, max=10_000, metavar="N", help="YAML 嵌套深度上限 / nesting limit.")]
TemplateOpt = Annotated[
    Optional[str],
    typer.Option("--template", metavar="NAME|FILE", help="按此模板读取（名称或布局 YAML 文件）/ read with this template (a name or a layout YAML file)."),
]
SkipOpt = Annotated[
    bool, typer.Option("--skip-non-reports", help="跳过没有 meta: 的 YAML 文件（供 pre-commit 使用）/ pass over YAML that is not a report.")
]
MaxNodesOpt = Annotated[Optional[int], typer.Option("--max-nodes", min=1, max=1 << 32, metavar="N", help="YAML 节点数上限（别名按展开计算）/ node limit.")]
MaxPagesOpt = Annotated[Optional[int], typer.Option("--max-pages", min=1, max=100_000, metavar="N", help="PDF 页数上限 / page limit for PDFs.")]
UnitOpt = Annotated[Optional[str], typer.Option("--unit", metavar="NAME", help="单位名称，覆盖封面所印 / the unit's name, over what the cover prints.")]
YearOpt = Annotated[Optional[int], typer.Option("--year", min=1990, max=2100, metavar="YEAR", help="报告年度，覆盖封面所印 / the report's year, over what the cover prints.")]


def _overrides(unit: str | None, year: int | None) -> tuple[tuple[str, object], ...]:
    """What ``--unit`` and ``--year`` say, as the readers take it."""
    return tuple((key, value) for key, value in (("unit", unit), ("year", year)) if value is not None)



@dataclass
class Prepared:
    """Everything `check` and `baseline` settle before the first report is read."""

    language: str
    settings: "Settings"
    paths: list[Path]
    problems: list[tuple[str, Msg, int]]  # an argument naming no file, and where it stands
    jobs: int
    fail_on: str
    protected: list[Path]  # the inputs, which no output may replace: reports, catalogue, baseline


def _prepare(files, select, ignore, lang, catalog, baseline_file, jobs, max_bytes, max_depth, max_nodes, skip=False, max_pages=None) -> Prepared:  # noqa: ANN001
    """Configuration, rule selection and input discovery, shared by `check` and `baseline`."""
    from .baseline import BaselineError
    from .baseline import read as read_baseline
    from .catalog import load_catalog
    from .config import ConfigError, find_config
    from .discover import discover
    from .engine import selected
    from .readers import Limits, LoadError
    from .rules import REGISTRY
    from .rules.base import Options
    from .runner import Settings, default_jobs

    try:
        config = find_config()
    except ConfigError as error:
        _fail(lang.value if lang else default_lang(), "cli.config", path=error.path, reason=error.reason)
    language = lang.value if lang else config.get("lang") or default_lang()
    if language not in ("zh", "en"):
        _fail("en", "cli.config", path=config.source, reason=f"lang must be zh or en, not {language!r}")
    select = select or config.get("select")
    ignore = ignore or config.get("ignore")
    for prefix in (select or []) + (ignore or []):
        if not any(rule_id.startswith(prefix.upper()) for rule_id in REGISTRY):
            _fail(language, "cli.no_rule", prefix=prefix)
    rule_ids = tuple(selected([p.upper() for p in select or []], [p.upper() for p in ignore or []]))
    catalog_path = catalog or config.path("catalog")
    codes = None
    if catalog_path is not None:
        try:
            codes = load_catalog(catalog_path)
        except LoadError as error:
            _fail(language, "cli.config", path=catalog_path, reason=error.text.render(language))
    options = Options(catalog=codes, lang=language, templates=config.get("templates", {}))
    accepted: frozenset[str] = frozenset()
    baseline_path = baseline_file or config.path("baseline")
    if baseline_path is not None:
        try:
            accepted = read_baseline(baseline_path)
        except BaselineError as error:
            _fail(language, "cli.baseline_bad", path=baseline_path, reason=str(error))
    limits = Limits(
        max_bytes=max_bytes or config.get("max-bytes", Limits.max_bytes),
        max_depth=max_depth or config.get("max-depth", Limits.max_depth),
        max_nodes=max_nodes or config.get("max-nodes", Limits.max_nodes),
        max_pages=max_pages or config.get("max-pages", Limits.max_pages),
    )
    settings = Settings(rule_ids, options, limits, accepted, skip, config.get("waivers", ()))
    paths, problems = discover(files)
    fail_on = config.get("fail-on", "error")
    if fail_on not in _THRESHOLD:
        _fail(language, "cli.config", path=config.source, reason=f"fail-on must be one of {', '.join(_THRESHOLD)}")
    protected = [*paths, *(p for p in (catalog_path, baseline_path) if p is not None)]
    return Prepared(language, settings, paths, problems, jobs or config.get("jobs") or default_jobs(), fail_on, protected)


def _results(prepared: Prepared):  # noqa: ANN202 - an iterator of FileResult
    """Results in the order of the arguments, as they come; problems are reported on stderr at once."""
    from .results import FileResult
    from .runner import check_all

    pending = list(prepared.problems)

    def problems_before(position: int) -> None:
        # An argument that names no file (an empty folder, a glob matching nothing) is said on
        # stderr where it stands, and is no file: it is not counted, but the run exits 2.
        while pending and pending[0][2] <= position:
            argument, problem, _ = pending.pop(0)
            _report_error(FileResult(argument, error=f"{argument}: {problem.render(prepared.language)}"))

    def checked():  # noqa: ANN202
        results = check_all(prepared.paths, prepared.settings, prepared.jobs)
        for position, result in enumerate(results):
            if not position:  # the start is over: what is alive now lives to the end
                gc.freeze()
                gc.enable()
            problems_before(position)
            if not _report_error(result).skipped:
                yield result
        problems_before(len(prepared.paths))

    if sys.stderr.isatty() and len(prepared.paths) >= _PROGRESS_FROM:
        from rich.progress import Progress

        with Progress(console=_stderr_console(), transient=True) as progress:
            task = progress.add_task("finrecon", total=len(prepared.paths))
            for result in checked():
                progress.advance(task)
                yield result
    else:
        yield from checked()


def _encode_streams(machine: bool) -> None:
    """A machine format on stdout is UTF-8 whatever the locale; text for people never crashes on
    a character the terminal cannot show."""
    for stream, encoding in ((sys.stdout, "utf-8" if machine else None), (sys.stderr, None)):
        if not hasattr(stream, "reconfigure"):
            continue
        options = {"errors": "backslashreplace", **({"encoding": encoding} if encoding else {})}
        try:
            stream.reconfigure(**options)
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot change any more
            pass


def _report_error(result):  # noqa: ANN001, ANN202
    if result.error:
        from .reporters.rows import printable

        sys.stderr.write(printable(result.error) + "\n")
    return result





def _run(prepared: Prepared):  # noqa: ANN202
    from .results import Run

    return Run(list(_results(prepared)))


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _stderr_console():  # noqa: ANN202
    from rich.console import Console

    return Console(stderr=True)


def _document(run, fmt: str, language: str, for_terminal: bool, quiet: bool = False) -> str | bytes | None:  # noqa: ANN001
    from .reporters import render_text, reporter

    if fmt == "table":
        from rich.console import Console

        if for_terminal:  # the width of the terminal; 80 on a pipe (or $COLUMNS)
            reporter("table").render(run, Console(highlight=False), language, quiet)
            return None
        console = Console(record=True, width=160, file=io.StringIO(), color_system=None, highlight=False)
        reporter("table").render(run, console, language, quiet)
        return console.export_text()
    return render_text(fmt, run, language)


def _parse_exports(exports: list[str], language: str) -> list[tuple[str, Path]]:
    from .reporters import FORMATS

    parsed = []
    for item in exports:
        fmt, _, path = item.partition(":")
        if fmt not in FORMATS or not path:
            _fail(language, "cli.bad_export", formats=", ".join(FORMATS))
        parsed.append((fmt, Path(path)))
    return parsed


def _write(path: Path, data: str | bytes, inputs: list[Path], language: str) -> None:
    from .output import OutputError, write_atomic

    try:
        write_atomic(path, data, inputs)
    except OutputError as error:
        _fail(language, error.key, **error.params)


@app.command()
def check(
    files: FilesArg,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式 / output format.")] = OutputFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="把 --format 的结果写入文件 / write the --format document to a file.")] = None,
    export: Annotated[
        Optional[list[str]], typer.Option("--export", metavar="FORMAT:PATH", help="另外写出 格式:路径，可重复，如 csv:问题.csv / also write FORMAT:PATH (repeatable).")
    ] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="达到此严重程度即以 1 退出 / exit 1 at this severity.")] = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="基线文件：其中已接受的问题不再使检查失败 / accepted findings.")] = None,
    jobs: JobsOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_depth: MaxDepthOpt = None,
    max_nodes: MaxNodesOpt = None,
    max_pages: MaxPagesOpt = None,
    skip_non_reports: SkipOpt = False,
    unit: UnitOpt = None,
    year: YearOpt = None,
    coverage: Annotated[bool, typer.Option("--coverage", help="逐页列出未读取的数字和未理解的句子 / list, page by page, the figures and sentences not read.")] = False,
    template: TemplateOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="终端表格只显示汇总 / table: print the summary only.")] = False,
) -> None:
    """检查报告，列出所有不一致之处。退出码：0 没有达到 --fail-on 级别（默认 error）的问题，1 有，2 输入无法使用。

    Check reports. Exit 0: no open finding at or above --fail-on (default error); 1: at least one; 2: unusable input.
    """
    from .reporters import STREAMING, reporter

    prepared = _prepare(files, select, ignore, lang, catalog, baseline, jobs, max_bytes, max_depth, max_nodes, skip_non_reports, max_pages)
    prepared.settings = replace(prepared.settings, meta=_overrides(unit, year), coverage=coverage)
    if template:
        prepared.settings = _with_template(prepared.settings, template, prepared.language)
    language, protected = prepared.language, prepared.protected
    exports = _parse_exports(export or [], language)
    fmt = output_format.value
    if fmt == "xlsx" and output is None and _stdout_is_terminal():
        _fail(language, "cli.xlsx_terminal")
    if not prepared.paths:  # every argument named no file: say so, and write no document
        for argument, problem, _ in prepared.problems:
            sys.stderr.write(printable_error(f"{argument}: {problem.render(language)}") + "\n")
        raise typer.Exit(2)
    _encode_streams(machine=fmt != "table" and output is None)
    if fmt in STREAMING and not exports:
        # One document, written as results come: memory stays flat however many files there are.
        if output is None:
            tally = reporter(fmt).write(_results(prepared), sys.stdout, language)
        else:
            from .output import OutputError, atomic_stream

            try:
                with atomic_stream(output, protected) as stream:
                    tally = reporter(fmt).write(_results(prepared), stream, language)
            except OutputError as error:
                _fail(language, error.key, **error.params)
    else:
        run = _run(prepared)
        tally = run.tally
        document = _document(run, fmt, language, for_terminal=output is None, quiet=quiet)
        if output is not None:
            _write(output, document, protected, language)  # type: ignore[arg-type]
        elif isinstance(document, bytes):
            sys.stdout.buffer.write(document)
        elif document is not None:
            sys.stdout.write(document)
        for export_format, path in exports:
            _write(path, _document(run, export_format, language, for_terminal=False), protected, language)  # type: ignore[arg-type]
        if coverage and fmt == "table":
            _coverage(run, language)
    if tally.unreadable or prepared.problems:
        raise typer.Exit(2)
    threshold = fail_on.value if fail_on else prepared.fail_on
    raise typer.Exit(1 if tally.worst >= _THRESHOLD[threshold] else 0)


def _coverage(run, language: str) -> None:  # noqa: ANN001 - a Run
    """``--coverage``: after the findings, what each report printed that finrecon did not read."""
    from .coverage import render

    for result in run.files:
        if result.coverage is not None:
            sys.stdout.write("\n" + render(result.file, result.coverage, language))


@app.command("baseline")
def make_baseline(
    files: FilesArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="基线文件路径 / where to write the baseline.")] = Path("finrecon-baseline.json"),
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    lang: LangOpt = None,
    catalog: CatalogOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """把当前所有问题记为已接受，之后的检查只在出现新问题时失败。

    Accept today's findings: later checks with --baseline fail only on new ones.
    """
    from .baseline import render

    prepared = _prepare(files, select, ignore, lang, catalog, None, jobs, None, None, None)
    run = _run(prepared)
    _write(output, render(run), prepared.protected, prepared.language)
    sys.stderr.write(t("cli.written", prepared.language, path=output) + "\n")
    raise typer.Exit(2 if run.unreadable or prepared.problems else 0)


@app.command()
def extract(
    report: Annotated[Path, typer.Argument(
        help=f"报告文件（{kinds('zh', yaml=False)}：{suffixes('/', yaml=False)}）/ the report ({kinds('en', yaml=False)}: {suffixes(yaml=False)}).",
        show_default=False, metavar="REPORT",
    )],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入此 YAML 文件（默认输出到屏幕）/ write the YAML here (default: stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件 / overwrite an existing output file.")] = False,
    lang: LangOpt = None,
    max_bytes: MaxBytesOpt = None,
    max_pages: MaxPagesOpt = None,
    unit: UnitOpt = None,
    year: YearOpt = None,
    template: TemplateOpt = None,
) -> None:
    """把报告读成 finrecon 的 YAML（数字照印、注明出处），供核对修改后检查。

    Read a report into finrecon's YAML: every
    number as printed, each table and paragraph marked with where it was printed (its page, paragraph,
    table row or cell), for an accountant to correct and keep.
    """
    from .extract import read_any, to_yaml
    from .readers import Limits, LoadError, named
    from .readers.tree import derive_and_validate

    language = lang.value if lang else default_lang()
    limits = Limits(max_bytes=max_bytes or Limits.max_bytes, max_pages=max_pages or Limits.max_pages)
    try:
        tree, source = read_any(report, limits, dict(_overrides(unit, year)), template)
        derive_and_validate(tree, source, str(report))  # fills the figures the sentences state; proves it reads back
    except LoadError as error:
        sys.stderr.write(printable_error(named(error, str(report)).render_all(language)) + "\n")
        raise typer.Exit(2) from None
    except Exception as error:  # noqa: BLE001 - a reader's bug: one line naming the file, exit 2
        if os.environ.get("FINRECON_DEBUG"):
            raise
        from .runner import internal_error

        sys.stderr.write(printable_error(internal_error(report, error, language)) + "\n")
        raise typer.Exit(2) from None
    document = to_yaml(tree, source, report.name)
    if output is None:
        _encode_streams(machine=True)
        sys.stdout.write(document)
        return
    if output.exists() and not force:
        _fail(language, "cli.exists_force", path=output)
    _write(output, document, [report], language)
    sys.stderr.write(t("cli.written", language, path=output) + "\n")


def _with_template(settings, name: str, language: str):  # noqa: ANN001, ANN202 - runner.Settings
    """``settings`` reading every report with the template ``name``; exit 2 where there is none."""
    from dataclasses import replace

    from .inputs import LoadError
    from .template import TemplateError, choose

    try:
        choose(name)
    except TemplateError as error:
        _fail(language, "load.template", problem=str(error))
    except LoadError as error:  # a layout file: each of its problems at its line:column, as a report's
        sys.stderr.write(printable_error(error.render_all(language)) + "\n")
        raise typer.Exit(2) from None
    return replace(settings, template=name)


def printable_error(text: str) -> str:
    from .reporters.rows import printable

    return printable(text)


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="要创建的报告文件 / the report file to create.")] = Path("report.yaml"),
    lang: LangOpt = None,
) -> None:
    """写出一份带注释的报告模板，供填写 / write a commented report template to fill in."""
    from importlib import resources

    language = lang.value if lang else default_lang()
    if path.exists():
        _fail(language, "cli.exists", path=path)
    template = resources.files("finrecon").joinpath("templates/report.yaml").read_text(encoding="utf-8")
    _write(path, template, [], language)
    sys.stderr.write(t("cli.written", language, path=path) + "\n")


@app.command()
def schema() -> None:
    """打印报告的 JSON Schema（schemas/report.schema.json 即其输出）/ print the report JSON Schema."""
    import json

    from .model import Report

    document = Report.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = SCHEMA_ID
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


@app.command("rules")
def list_rules(lang: LangOpt = None) -> None:
    """列出全部规则：ID、默认严重程度、标题 / list every rule."""
    from .rules import all_rules

    language = lang.value if lang else default_lang()
    severities = {severity: t(f"severity.{severity.value}", language) for severity in {rule.severity for rule in all_rules()}}
    width = max(len(name) for name in severities.values())
    for rule in all_rules():
        typer.echo(f"{rule.id}  {severities[rule.severity]:<{width}}  {rule.title_in(language)}")


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="规则 ID，如 FR201 / a rule ID.")],
    lang: LangOpt = None,
) -> None:
    """打印一条规则的说明：检查什么、为什么、通过与不通过的例子 / explain a rule."""
    from .rules import REGISTRY

    language = lang.value if lang else default_lang()
    rule = REGISTRY.get(rule_id.upper())
    if rule is None:
        _fail(language, "cli.unknown_rule", rule=rule_id)
    if language == "zh":
        from .rules.explain_zh import EXPLANATIONS

        body = EXPLANATIONS.get(rule.id) or t("cli.explain_untranslated", "zh") + "\n\n" + rule.plain_doc()
        typer.echo(f"{rule.id} {rule.title}（{t(f'severity.{rule.severity.value}', 'zh')}）\n\n{body}")
        return
    typer.echo(f"{rule.id} {rule.title_en} — {rule.title} ({rule.severity.value})\n\n{rule.plain_doc()}")


def _argv_lang() -> str:
    """The language asked for on the command line, for the messages that come before typer's."""
    arguments = sys.argv[1:]
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments) and arguments[index + 1] in ("zh", "en"):
            return arguments[index + 1]
        if argument in ("--lang=zh", "--lang=en"):
            return argument.split("=", 1)[1]
    return default_lang()


def _dash_arguments(arguments: list[str]) -> list[str]:
    """A file whose name begins with “-” (``-上.pdf``) is no option: an existing one is passed on
    as ``./-上.pdf``; an argument that is neither an option nor a file gets a message that says
    how to pass such a name, instead of click's bare “No such option”."""
    if len(arguments) < 2 or "--" in arguments:
        return arguments
    if not any(argument.startswith("-") and argument != "-" for argument in arguments[1:]):
        return arguments  # nothing to look at: click's command is not built twice (a cold start's cost)
    command = typer.main.get_command(app)
    sub = getattr(command, "commands", {}).get(arguments[0])
    if sub is None:
        return arguments
    known = {name for parameter in sub.params for name in (*parameter.opts, *parameter.secondary_opts)} | {"--help"}
    fixed = arguments[:1]
    for argument in arguments[1:]:
        option = argument.split("=", 1)[0]
        if argument.startswith("-") and argument != "-" and option not in known and argument[:2] not in known:  # -ofile.json is -o
            if Path(argument).exists():
                argument = "./" + argument
            elif not argument.lstrip("-")[:1].isascii() or "." in argument or "/" in argument:
                sys.stderr.write(f"finrecon: {t('cli.dash_file', _argv_lang(), name=argument)}\n")
                raise SystemExit(2)
        fixed.append(argument)
    return fixed


def _only_the_command(arguments: list[str]) -> None:
    """A command line that names its command first (``check …``) builds that command alone: typer
    builds click's command for every command of the app at each start, reading each one's
    parameters from its signature (~5 ms for the six that a check does not use).  Any other
    command line (``--help``, a misspelt command) builds them all, as before."""
    from typer.main import get_command_name

    if not arguments or arguments[0].startswith("-"):
        return
    named = [
        info for info in app.registered_commands
        if info.callback is not None and (info.name or get_command_name(info.callback.__name__)) == arguments[0]
    ]
    if named:
        app.registered_commands = named


def _exit_at_once(code: object) -> None:
    """End the process with ``code`` without tearing the interpreter down: freeing every module and
    object one by one, which nothing here needs, is a thirtieth of a cold YAML check.  Only where
    nothing is left to finish: the output flushed, no thread or worker process alive, no file of
    ours open (exports are written and closed by then).  Otherwise (a code that is a message, an
    output that cannot be flushed) Python's own exit does what it always did."""
    if not isinstance(code, int) and code is not None:
        return
    if "multiprocessing" in sys.modules or "concurrent.futures.process" in sys.modules:
        return  # its atexit handlers reap the workers
    threading = sys.modules.get("threading")  # a thread is started through it, if at all
    if threading is not None and threading.active_count() > 1:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: Python's exit reports it as before
        return
    os._exit(code or 0)


def run() -> None:
    """Console-script entry point: never a traceback, whatever happens."""
    # A check allocates many short-lived objects and no reference cycles worth collecting often:
    # fewer collections make a batch about a tenth faster.  Forked workers inherit this.  The start
    # of a run — importing pydantic, the model and rich, building the first report's validators —
    # allocates much and frees little: the collector stays off until the first result is in
    # (``_results``), and what is alive then is frozen.
    gc.set_threshold(50_000, 20, 20)
    gc.disable()
    try:
        _only_the_command(sys.argv[1:])
        sys.argv[1:] = _dash_arguments(sys.argv[1:])
        app()
    except SystemExit as stop:
        if stop.code == 130:  # click's answer to Ctrl-C; ours is 2, with a word
            sys.stderr.write(f"finrecon: {t('cli.interrupted', _argv_lang())}\n")
            raise SystemExit(2) from None
        _exit_at_once(stop.code)
        raise
    except KeyboardInterrupt:
        sys.stderr.write(f"finrecon: {t('cli.interrupted', _argv_lang())}\n")
        raise SystemExit(2) from None
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get("FINRECON_DEBUG"):
            raise
        sys.stderr.write(f"finrecon: {t('cli.internal', _argv_lang(), error=f'{type(error).__name__}: {error}')}\n")
        raise SystemExit(2) from None
