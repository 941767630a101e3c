"""The loader: Decimals from the source text, positions, and a clean error for every bad input."""

from __future__ import annotations

import codecs
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finrecon.readers import Limits, LoadError, load_report, load_text
from finrecon.yamltree import _NUMBER, _SPECIAL, _plain_scalar, parse_tree, read_text

META = "meta: {unit: 测试, year: 2020}\n"


def error_of(text: str, limits: Limits = Limits()) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_text(text, "r.yaml", limits)
    return caught.value


def test_numbers_are_decimals_from_the_text_with_their_printed_precision() -> None:
    tree, source = parse_tree("a: 39.20\nb: 2,940.05\nc: '7'\nd: NO\ne: 0.1\n")
    assert tree == {"a": Decimal("39.20"), "b": Decimal("2940.05"), "c": "7", "d": "NO", "e": Decimal("0.1")}
    assert str(tree["a"]) == "39.20"
    assert source.locate(("b",)) == (2, 4)
    assert source.locate_key(("c",)) == (3, 1)
    assert source.key_position(("c", "x")) is None  # a path that does not exist has no key


def test_figure_positions_point_at_the_value() -> None:
    loaded = load_text(META + "narrative:\n  income:\n    total: 456.53\n")
    figure = loaded.report.figure("narrative.income.total")
    assert figure is not None and figure.value == Decimal("456.53")
    assert loaded.source.locate(figure.loc) == (4, 12)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        (META + "meta2: 1\nmeta2: 2\n", 3, 1, "重复的键"),
        (META + "narrative:\n  totl: 5\n", 3, 3, "是否想写 “total”"),
        (META + "narrative:\n  total: 五百万元\n", 3, 10, "应为阿拉伯数字"),
        (META + "narrative:\n  total: .nan\n", 3, 10, "应为阿拉伯数字"),
        (META + "narrative:\n  total: 1e400\n", 3, 10, "应为阿拉伯数字"),
        (META + "narrative:\n  total: true\n", 3, 10, "不是真/假值"),
        (META + "narrative: [1, 2]\n", 2, 12, "映射"),
        ("meta: {unit: x, year: 20.5}\n", 1, 23, "整数"),
        ("meta: {unit: x}\n", 1, 7, "缺少必填项 “year”"),
        ("meta: {unit: x, year: 2024, all_units_administrative: 是}\n", 1, 55, "应为 true 或 false"),
        (META + "x: !!python/object:os.system ls\n", 2, 4, "不支持的 YAML 标签"),
        (META + "narrative:\n\ttotal: 1\n", 3, 1, "YAML 语法错误"),
        (META + "a: [1, 2\n", 3, 1, "YAML 语法错误"),
        ("- 1\n- 2\n", 1, 1, "映射"),
        (META + "---\nb: 1\n", 2, 1, "一个 YAML 文档"),
        (META + "narrative:\n  general_budget:\n    total: {value: 1, share_of: narrative.nowhere}\n", 4, 33, "share_of"),
    ],
)
def test_bad_input_gets_one_line_with_position(text: str, line: int, column: int, words: str) -> None:
    error = error_of(text)
    problem = next((one for one in error.problems() if (one.line, one.column) == (line, column)), None)
    assert problem is not None, error.render_all()
    assert words in problem.message
    assert "\n" not in str(problem) and str(problem).startswith(f"r.yaml:{line}:{column}: ")


def test_every_problem_at_once_each_with_its_line_and_column() -> None:
    text = (
        "meta: {unit: 测试, year: 2020}\n"       # 1
        "narrative:\n"                           # 2
        "  totl: 1\n"                            # 3 unknown key
        "  income: {total: abc}\n"               # 4 not a number
        "  income: {total: 1}\n"                 # 5 repeated key
        "x: !!python/object:os.system ls\n"      # 6 a tag, and an unknown key
        "meta2: 3\n"                             # 7 unknown key
    )
    error = error_of(text)
    assert [(one.line, one.column) for one in error.problems()] == [(3, 3), (4, 19), (5, 3), (6, 1), (6, 4), (7, 1)]
    assert [line.split(": ", 1)[0] for line in error.render_all().splitlines()] == [
        "r.yaml:3:3", "r.yaml:4:19", "r.yaml:5:3", "r.yaml:6:1", "r.yaml:6:4", "r.yaml:7:1",
    ]
    assert "另有" not in error.render_all() and "more problems" not in error.render_all("en")


def test_a_syntax_error_ends_the_list_but_keeps_what_came_before() -> None:
    error = error_of(META + "meta: 1\nb: *nowhere\nc: [\n")
    assert [(one.line, one.column) for one in error.problems()] == [(2, 1), (3, 4), (5, 1)]
    assert "YAML 语法错误" in error.problems()[-1].message


def test_alias_bomb_stops_at_the_node_limit() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    assert "节点过多" in error_of(META + bomb).message


def test_deep_nesting_stops_at_the_depth_limit() -> None:
    assert "嵌套过深" in error_of(META + "x: " + "[" * 100_000 + "]" * 100_000 + "\n").message
    assert "嵌套过深" in error_of(META + "x: " + "{a: " * 70 + "1" + "}" * 70 + "\n").message


def test_encodings(tmp_path: Path) -> None:
    text = META.replace("测试", "西区政协") + "narrative:\n  total: 515.18\n"
    for name, data in {
        "bom.yaml": codecs.BOM_UTF8 + text.encode(),
        "crlf.yaml": text.replace("\n", "\r\n").encode(),
        "utf16.yaml": text.encode("utf-16"),
    }.items():
        (tmp_path / name).write_bytes(data)
        loaded = load_report(tmp_path / name)
        assert loaded.report.meta.unit == "西区政协"
        assert loaded.source.locate(loaded.report.figure("narrative.total").loc) == (3, 10)
    (tmp_path / "gbk.yaml").write_bytes(text.encode("gb18030"))
    with pytest.raises(LoadError) as caught:
        load_report(tmp_path / "gbk.yaml")
    assert "GB18030" in caught.value.message and "iconv" in caught.value.message
    assert caught.value.line == 1


def test_paths(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="文件不存在"):
        load_report(tmp_path / "missing.yaml")
    with pytest.raises(LoadError, match="目录"):
        load_report(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2000)
    with pytest.raises(LoadError, match="文件过大"):
        load_report(big, Limits(max_bytes=1000))
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(LoadError):
        load_report(loop)


# ------------------------------------------------------------------------------ fuzzing
yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=12),
    st.decimals(allow_nan=True, allow_infinity=True, places=None).map(str),
)
yaml_trees = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["meta", "unit", "year", "value", "total", "narrative", "income", "tables", "x"]), children, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_load_or_fail_cleanly(data: bytes) -> None:
    from finrecon.readers.yaml_reader import decode

    try:
        load_text(decode(data), "fuzz.yaml")
    except LoadError as error:
        assert str(error).count("\n") == 0


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(yaml_trees)
def test_any_yaml_tree_loads_or_fails_cleanly(tree: object) -> None:
    import yaml

    text = yaml.safe_dump(tree, allow_unicode=True)
    try:
        load_text(text, "fuzz.yaml")
    except LoadError as error:
        assert error.line is None or error.line >= 1


def test_appropriation_and_its_funds_are_not_both_given() -> None:
    error = error_of(META + "narrative:\n  income: {total: 3.00, appropriation: 2.00, general_budget: 2.00, other: 1.00}\n")
    assert "只能写一种" in error.message and error.line == 3


def _plain_scalar_by_the_pattern(text: str) -> object:
    """What a plain scalar means, read by the number pattern alone (the loader's shortcut must agree)."""
    if text in _SPECIAL:
        return _SPECIAL[text]
    if text[0] in "0123456789+-" and len(text) <= 40 and _NUMBER.fullmatch(text):
        return Decimal(text.replace(",", ""))
    return text


@given(st.one_of(st.text(alphabet="0123456789+-.,eE _１٣xX%", min_size=1, max_size=12), st.text(min_size=1, max_size=8)))
def test_plain_scalars_read_as_the_number_pattern_says(text: str) -> None:
    value = _plain_scalar(text)
    expected = _plain_scalar_by_the_pattern(text)
    assert type(value) is type(expected) and str(value) == str(expected)


def test_source_map_finds_values_keys_and_list_items_and_stops_where_the_tree_ends() -> None:
    _, source = parse_tree("a:\n  - x\n  - {b: 1,  c: 2}\nd: 3\n")
    assert source.locate(("a", 1, "c")) == (3, 16)
    assert source.key_position(("a", 1, "c")) == (3, 13)
    assert source.locate(("a", 0)) == (2, 5)
    assert source.key_position(("a", 0)) is None  # a list item has no key
    assert source.locate(("a", 7)) == (2, 3)  # out of range: the list itself
    assert source.locate(("a", 0, "z")) == (2, 5)  # beneath a scalar: the scalar
    assert source.locate(("nowhere",)) == (1, 1)
    assert source.locate_key(("d",)) == (4, 1)


def test_findings_beneath_an_alias_stand_at_the_alias_and_its_waiver_applies() -> None:
    # What an alias repeats is written at its anchor; a finding in the repeat belongs to the
    # alias's own line, where the accountant wrote it and where a waiver beside it must count.
    from finrecon.engine import check

    text = (
        META
        + "narrative:\n  general_budget:\n    total: 100.00\n    by_class:\n"
        + "      - &wrong {code: '201', name: 一般公共服务支出, value: 40.00, share_pct: 50.00}  # finrecon: ignore[FR201] 原文如此\n"
        + "      - *wrong  # finrecon: ignore[FR201] 原文如此\n"
    )
    loaded = load_text(text)
    assert loaded.source.locate(("narrative", "general_budget", "by_class", 1, "share_pct")) == (7, 9)
    findings = [f for f in check(loaded, ["FR201", "FR911"]) if f.rule in ("FR201", "FR911")]
    assert [(f.rule, f.line, f.status.value) for f in findings] == [("FR201", 6, "waived"), ("FR201", 7, "waived")]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc, whose files stat as empty")
def test_a_file_that_stats_as_empty_is_still_read_whole() -> None:
    # read_text reads as much as stat says and one byte more; a /proc file says 0 and holds more.
    text = read_text(Path("/proc/self/status"), Limits())
    assert text.startswith("Name:") and "\nPid:" in text


@pytest.mark.parametrize(
    ("sample", "built", "not_built"),
    [
        ("minimal-clean.yaml", "tables.Tables", "budget.Budget"),
        ("shanghai-putuo-wanli-street-2024-budget.yaml", "budget.Budget", "tables.Tables"),
    ],
)
def test_only_the_sections_a_report_has_get_their_validators_built(sample: str, built: str, not_built: str) -> None:
    """A final account never builds the budget's validators, nor a budget the final tables' (a cold start's cost)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    probe = (
        "import importlib, sys\n"
        "from finrecon.readers import load_report\n"
        "load_report(sys.argv[1])\n"
        "for name in sys.argv[2:]:\n"
        "    module, cls = name.rsplit('.', 1)\n"
        "    print(getattr(importlib.import_module('finrecon.model.' + module), cls).__pydantic_complete__)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(root / "samples" / sample), built, not_built], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "False"], result.stderr
