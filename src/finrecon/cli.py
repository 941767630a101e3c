"""The command line: thin glue from arguments to loader, engine and reporters. No logic here."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(
    name="finrecon",
    help="检查部门决算报告（YAML）中的合计、占比、增减与表述是否一致。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


_THRESHOLD = {"error": 3, "warning": 2, "info": 1, "never": 99}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"finrecon {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="显示版本并退出。")
    ] = None,
) -> None:
    """finrecon — 部门决算公开前的自动核对。"""


def _fail(message: str) -> None:
    sys.stderr.write(f"finrecon: {message}\n")
    raise typer.Exit(2)


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="报告文件、目录（递归查找 *.yaml/*.yml）或通配符。", show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式。")] = OutputFormat.table,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="达到此严重程度即以 1 退出。")] = FailOn.error,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="只运行这些规则（ID 或前缀，如 FR2）。")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="不运行这些规则（ID 或前缀）。")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="单个文件的大小上限（字节）。")] = 16 * 1024 * 1024,
    max_depth: Annotated[int, typer.Option("--max-depth", min=1, max=10_000, help="YAML 嵌套深度上限。")] = 64,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="YAML 节点数上限（别名按展开计算）。")] = 500_000,
    catalog: Annotated[
        Optional[Path], typer.Option("--catalog", help="补充或覆盖科目目录（YAML 或 CSV：编码,名称[,曾用名,更名年份]）。")
    ] = None,
) -> None:
    """检查报告，列出所有不一致之处。退出码：0 无问题，1 有问题，2 输入无法使用。"""
    from .catalog import load_catalog
    from .engine import check as run_rules
    from .engine import selected
    from .load import Limits, LoadError, load_report
    from .reporters import reporter
    from .results import FileResult, Run
    from .rules import REGISTRY
    from .rules.base import Options

    for prefix in (select or []) + (ignore or []):
        if not any(rule_id.startswith(prefix) for rule_id in REGISTRY):
            _fail(f"没有以 “{prefix}” 开头的规则；用 finrecon rules 查看全部规则")
    rule_ids = selected(select, ignore)
    options = Options()
    if catalog is not None:
        try:
            options = Options(catalog=load_catalog(catalog))
        except LoadError as error:
            _fail(str(error))
    limits = Limits(max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes)
    from .discover import discover

    paths, problems = discover(files)
    results = []
    for argument, problem in problems:
        sys.stderr.write(f"{argument}: {problem}\n")
        results.append(FileResult(argument, error=f"{argument}: {problem}"))
    for file in paths:
        try:
            loaded = load_report(file, limits)
        except LoadError as error:
            sys.stderr.write(f"{error}\n")
            results.append(FileResult(str(file), error=str(error)))
            continue
        meta = loaded.report.meta
        results.append(FileResult(str(file), meta.unit, meta.year, run_rules(loaded, rule_ids, options)))
    run = Run(results)
    if output_format is OutputFormat.json:
        sys.stdout.write(reporter("json").render(run))
    else:
        from rich.console import Console

        reporter("table").render(run, Console(highlight=False))
    if run.unreadable:
        raise typer.Exit(2)
    raise typer.Exit(1 if run.worst() >= _THRESHOLD[fail_on.value] else 0)


@app.command()
def schema() -> None:
    """打印报告的 JSON Schema（schemas/report.schema.json 即其输出）。"""
    from .model import Report

    document = Report.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = "https://finrecon.dev/schemas/report.schema.json"
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


@app.command("rules")
def list_rules() -> None:
    """列出全部规则：ID、默认严重程度、标题。"""
    from .rules import all_rules

    for rule in all_rules():
        typer.echo(f"{rule.id}  {rule.severity.value:<7}  {rule.title}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="规则 ID，如 FR201。")]) -> None:
    """打印一条规则的说明：检查什么、为什么、通过与不通过的例子。"""
    from .rules import REGISTRY

    rule = REGISTRY.get(rule_id.upper())
    if rule is None:
        _fail(f"没有规则 “{rule_id}”；用 finrecon rules 查看全部规则")
    typer.echo(f"{rule.id} {rule.title}（默认：{rule.severity.value}）\n\n{rule.doc()}")


def run() -> None:
    """Console-script entry point: never a traceback, whatever happens."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("finrecon: 已中断\n")
        raise SystemExit(2) from None
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get("FINRECON_DEBUG"):
            raise
        sys.stderr.write(f"finrecon: 内部错误（{type(error).__name__}: {error}）；请报告此问题\n")
        raise SystemExit(2) from None
