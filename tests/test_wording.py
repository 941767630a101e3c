"""The wording rules (FR8xx) beyond their cases: on the real PDFs, at the printed line of the
words, on texts of any shape, and the helpers they share."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finrecon.engine import check
from finrecon.readers import load_text
from finrecon.rules import REGISTRY
from finrecon.rules.texts import edit_distance_one, near_misses, passages, sentence_at, squeeze, template_wording
from finrecon.rules.wording import Mention, _unpaired, mentions

from tests.conftest import ROOT, shared_pdf
from tests.work import assert_linear, python_calls

WORDING = sorted(rule for rule in REGISTRY if rule.startswith("FR8"))


@pytest.fixture
def pdfs() -> Path:
    """The folder of the real published PDFs (skips, or fails in CI, where it is absent)."""
    return shared_pdf("shanghai-putuo-finance-2024-final.pdf").parent


def _pdf_findings(folder: Path, name: str) -> list:
    from finrecon.readers.pdf import load_pdf

    loaded = load_pdf(shared_pdf(name).read_bytes(), name)
    return [f for f in check(loaded) if f.rule.startswith("FR8") or f.rule == "FR907"]


# ------------------------------------------------------------------------------ the real PDFs
def test_the_published_final_has_three_paragraphs_ending_on_a_semicolon(pdfs: Path) -> None:
    """上海市普陀区财政局 2024 部门决算, published with care: its only wording findings are the three
    enumerations (二、收入, 三、支出, 五（二）结构) whose last item ends on “；” and the paragraph there."""
    found = _pdf_findings(pdfs, "shanghai-putuo-finance-2024-final.pdf")
    assert [(f.rule, f.page, f.line, f.excerpt) for f in found] == [
        ("FR808", 21, 9, "其他收入6.2万元，占0.21%；"),
        ("FR808", 21, 12, "项目支出603.14万元，占20.51%；"),
        ("FR808", 21, 27, "住房保障支出（类）445.69万元，占15.16%；"),
    ]


def test_the_blank_template_shows_every_instruction_and_alternative_and_nothing_else(pdfs: Path) -> None:
    found = _pdf_findings(pdfs, "shanghai-district-final-template-2024.pdf")
    rules = {f.rule for f in found}
    # Placeholders, unchosen alternatives, instructions; and the one paragraph the template leaves
    # without its 。 (“…（不涉及的不列）” under 五（二）).  No year, name, direction, unit or 科目 finding.
    assert rules == {"FR907", "FR804", "FR805", "FR808"}
    assert [f.excerpt for f in found if f.rule == "FR808"] == ["教育支出（类）XXX万元，占XX%……（不涉及的不列）"]
    quoted = {re.sub(r"\s", "", f.reported or "") for f in found if f.rule == "FR805"}
    every = {re.sub(r"\s", "", item) for item in template_wording()["instructions"]}
    assert every <= quoted, every - quoted
    assert {f.reported for f in found if f.rule == "FR804"} == {
        "增加（减少）", "增长（下降）", "大于（小于）", "小于（大于）", "减少（增加）", "下降（增长）", "部门（单位）",
    }


def test_the_budgets_wording_findings_stand_on_their_printed_lines(pdfs: Path) -> None:
    """万里街道 2024 部门预算: each finding on the page and line that prints its words."""
    found = {(f.rule, f.reported): (f.page, f.line) for f in _pdf_findings(pdfs, "shanghai-putuo-wanli-street-2024-budget.pdf")}
    assert found[("FR806", "增加")] == (6, 18)  # item 4: “…经费增加。” on the item's second line
    assert found[("FR814", "城乡社区管理事务一般行政管理事务")] == (9, 4)  # item 26's purpose
    assert found[("FR814", "事业单位离退休经费增加")] == (7, 21)  # item 15's reason
    assert found[("FR810", "公务车用车运行费")] == (32, 6)
    assert found[("FR802", "市级财政拨款")] == (5, 11)


# ------------------------------------------------------------------------------ where findings stand
def test_a_finding_inside_a_yaml_paragraph_stands_at_its_words() -> None:
    line = "      paragraphs: [与2023年度相比，收入支出总计增加（减少）5.00万元。]"
    loaded = load_text("meta: {unit: 示例局, year: 2024}\ntext:\n  parts:\n    - heading: 一、总体情况\n" + line + "\n")
    (finding,) = check(loaded, ["FR804"])
    assert (finding.line, finding.column) == (5, line.index("增加（减少）") + 1)
    assert finding.excerpt == "与2023年度相比，收入支出总计增加（减少）5.00万元。"


def test_a_finding_in_a_block_paragraph_stands_on_the_line_of_its_words() -> None:
    loaded = load_text(
        "meta: {unit: 示例局, year: 2024}\n"
        "text:\n  parts:\n    - heading: 一、总体情况\n      paragraphs:\n        - |-\n"
        "          与2023年度相比，收入支出总计减少5.00万元，\n"
        "          下降4.76%。主要原因是。\n"
    )
    (finding,) = check(loaded, ["FR807"])
    assert (finding.line, finding.column) == (8, 19)  # the second line of the block, at 主要原因是


# ------------------------------------------------------------------------------ rounding
@pytest.mark.parametrize(
    ("prior", "value", "word", "contradicted"),
    [
        ("10.0", "10.04", "持平", False),  # 9.95–10.05 and 10.035–10.045 meet: they can be equal
        ("10.00", "10.04", "持平", True),
        ("10.00", "10.00", "增加", False),  # 9.996 → 10.004 is an increase both print as 10.00
        ("10.00", "9.98", "增加", True),
        ("9.995", "10.00", "增加", False),  # 10.00 may be 10.004: above 9.9955
        ("114.00", "110.60", "减少", False),
        ("114.00", "110.60", "增加", True),
    ],
)
def test_a_direction_word_is_judged_on_rounding_intervals(prior: str, value: str, word: str, contradicted: bool) -> None:
    loaded = load_text(
        "meta: {unit: 示例局, year: 2024}\nother:\n  operating_costs:\n"
        f"    value: {value}\n    prior: {prior}\n    reasons: [{{about: change, direction: {word}, text: 说明}}]\n"
    )
    assert bool(check(loaded, ["FR806"])) is contradicted


# ------------------------------------------------------------------------------ any text
_ALPHABET = "0123456789.,，。；：、（）()“”《》年度月日万元%增加减少持平大于小于主要原因是用于类款项科目XX部门单位上海市普陀区财政局 \n"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=120), min_size=1, max_size=4), st.text(alphabet=_ALPHABET, max_size=40))
def test_no_text_breaks_a_wording_rule(paragraphs: list[str], reason: str) -> None:
    import json

    report = {
        "meta": {"unit": "上海市普陀区财政局", "year": 2024, "kind": "budget", "scope": "unit"},
        "text": {"cover": {"unit": "上海市普陀区财政局"}, "parts": [{"heading": "一、" + paragraphs[0][:20], "paragraphs": paragraphs}]},
        "other": {"operating_costs": {"value": 1.00, "prior": 2.00, "reason": reason or "无"}},
    }
    loaded = load_text(json.dumps(report, ensure_ascii=False))
    for finding in check(loaded, WORDING):
        assert finding.line >= 1 and finding.message


def test_a_long_hostile_paragraph_is_read_in_linear_time() -> None:
    """A paragraph of 60 000 characters with thousands of things to report: quoting each finding
    looks only around its words, and a 科目 name is never longer than 40 characters.  The work is
    counted at n, 2n and 4n, never timed (the regular expressions' seconds: benchmarks/regex_audit.py)."""

    def loaded(n: int, stop: str = "，"):  # noqa: ANN202 - a LoadedReport
        hostile = f"增长8.21{stop}" * (3 * n) + "支出" * (5 * n) + "（类）" * (2 * n) + "“" * n
        return load_text(
            "meta: {unit: 示例局, year: 2024}\ntext:\n  parts:\n    - heading: 一、说明\n"
            f"      paragraphs: [\"{hostile}\"]\n"
        )

    found = check(loaded(1000), WORDING)
    assert sum(f.rule == "FR809" for f in found) == 3000
    for stop in "，。":  # sentences that end (。) make a quote that looks back to the paragraph's start cost calls
        reports = [loaded(n, stop) for n in (250, 500, 1000)]
        assert_linear([python_calls(lambda report=report: check(report, WORDING))[1] for report in reports])


def test_the_wording_rules_say_the_same_twice() -> None:
    import yaml

    for rule in WORDING:
        spec = yaml.safe_load((ROOT / "tests" / "rules" / f"{rule}.yaml").read_text(encoding="utf-8"))
        for case in spec["cases"]:
            runs = [[(f.rule, f.path, f.line, f.column, f.message) for f in check(load_text(case["report"]), WORDING)] for _ in range(2)]
            assert runs[0] == runs[1], (rule, case["name"])


# ------------------------------------------------------------------------------ the helpers
def test_squeezed_text_maps_back_to_the_printed_characters() -> None:
    printed = "“一般公共服务支出 （类）统计信息事务（款）”  25.77万元"
    squeezed, positions = squeeze(printed)
    assert squeezed == "“一般公共服务支出(类)统计信息事务(款)”25.77万元"
    assert all(printed[positions[i]].translate({0xFF08: "(", 0xFF09: ")"}) == char for i, char in enumerate(squeezed) if char not in "()")
    assert printed[positions[squeezed.index("25.77")]:].startswith("25.77")


@given(st.text(alphabet="公务 \u3000\t\n\u00a0（）(ＡＢ12", max_size=60), st.integers(min_value=0, max_value=5000))
def test_a_squeezed_text_of_any_length_maps_back_to_its_characters(text: str, padding: int) -> None:
    """Long texts are squeezed without the cache, short ones with it: the same answer either way."""
    text = text + "财" * padding
    squeezed, positions = squeeze(text)
    kept = [index for index, char in enumerate(text) if not char.isspace()]
    assert list(positions) == kept
    assert squeezed == "".join(text[index] for index in kept).translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def test_a_paragraph_of_megabytes_is_checked_in_bounded_time() -> None:
    """A 情况说明 pasted as one paragraph of two million characters, its sentences repeated: the
    wording rules read it once each, and no long text is kept in a cache between reports."""
    sentence = "2024年度支出决算为1234.56万元，比2023年度增加12.34万元，增长1.01%。主要原因是人员增加。"
    paragraph = sentence * (2_000_000 // len(sentence))
    loaded = load_text(
        "meta: {unit: 上海市普陀区财政局, year: 2024}\ntext:\n  parts:\n    - heading: 一、总体情况\n"
        f"      paragraphs: [\"{paragraph}\"]\n"
    )
    assert check(loaded, WORDING) == []

    def counted(length: int) -> int:  # the work, not the seconds (those: benchmarks/hostile.py)
        text = sentence * (length // len(sentence))
        report = load_text(
            "meta: {unit: 上海市普陀区财政局, year: 2024}\ntext:\n  parts:\n    - heading: 一、总体情况\n"
            f"      paragraphs: [\"{text}\"]\n"
        )
        return python_calls(lambda: check(report, WORDING))[1]

    assert_linear([counted(length) for length in (25_000, 50_000, 100_000)])
    from finrecon.rules.texts import _squeeze_cached

    _squeeze_cached.cache_clear()
    squeeze(paragraph + " ")
    assert _squeeze_cached.cache_info().currsize == 0  # a long text is not kept
    squeeze(sentence + " ")
    assert _squeeze_cached.cache_info().currsize == 1  # a short one is


def _distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment), computed plainly."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[len(a)][len(b)]


@given(st.text(alphabet="公务用车运行费", max_size=9), st.text(alphabet="公务用车运行费", min_size=1, max_size=9))
def test_one_edit_means_distance_one(word: str, target: str) -> None:
    assert edit_distance_one(word, target) == (_distance(word, target) == 1)


@given(st.text(alphabet="公务车用运行费维护及，。", max_size=40))
def test_every_near_miss_is_one_edit_inside_the_phrase(text: str) -> None:
    phrase = "公务用车运行费"
    for start, end in near_misses(text, phrase):
        window = text[start:end]
        assert _distance(window, phrase) == 1 and window[0] == phrase[0] and window[-1] == phrase[-1]


def test_near_misses_find_the_misspelling_and_not_the_phrase() -> None:
    text = "公务用车运行费21.56万元，主要原因是公务车用车运行费保持不变。"
    assert [text[s:e] for s, e in near_misses(text, "公务用车运行费")] == ["公务车用车运行费"]


def test_the_names_of_a_chain_and_their_levels() -> None:
    text = squeeze("1. “一般公共服务支出 （类）政府办公厅（室）及相关机构事务（款）行政运行（项）”科目")[0]
    assert [(m.name, m.level, m.chain) for m in mentions(text)] == [
        ("一般公共服务支出", "类", 1), ("政府办公厅(室)及相关机构事务", "款", 1), ("行政运行", "项", 1),
    ]
    dashed = squeeze("“住房保障支出-住房改革支出-住房公积金”科目174.14万元")[0]
    assert [(m.name, m.level) for m in mentions(dashed)] == [("住房保障支出", "类"), ("住房改革支出", "款"), ("住房公积金", "项")]
    assert all(isinstance(m, Mention) for m in mentions(dashed))


@pytest.mark.parametrize(
    ("text", "unpaired"),
    [
        ("“三公”经费（不含车辆）。", None),
        ("主要措施包括：1）加强预算管理；2）规范支出审核。", None),
        ("“三公经费财政拨款支出。", (0, "“")),
        ("公务用车购置及运行费（含运行维护费。", (10, "（")),
        ("政府采购金额（以合同签订为准)为251.25万元。", None),  # a full-width bracket closed half-width: one pair
        ("“收入（含上级补助”）", (3, "（")),
    ],
)
def test_quotes_and_brackets_pair(text: str, unpaired: tuple[int, str] | None) -> None:
    assert _unpaired(text) == unpaired


def test_a_quoted_sentence_is_its_own_sentence_however_long_the_paragraph() -> None:
    paragraph = "甲" * 5000 + "。主要原因是。" + "乙" * 5000
    start = paragraph.index("主要原因是")
    assert sentence_at(paragraph, start, start + 5) == "主要原因是。"


@pytest.mark.parametrize("budget", [None, 0])
def test_figure_texts_read_from_a_paragraph_are_scanned_there_once(budget: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reason the sentence reader took from a paragraph is read once, as the paragraph's; where
    telling them apart would scan too much (a search budget of 0 here), the figure's text is read
    on its own as well: it may be quoted twice, it is never lost."""
    from finrecon.rules import texts

    if budget is not None:
        monkeypatch.setattr(texts, "_SEARCH_BUDGET", budget)
    loaded = load_text(
        "meta: {unit: 示例局, year: 2024}\n"
        "text:\n  parts:\n    - heading: 一、总体情况\n"
        "      paragraphs: [机关运行经费支出1.00万元，比2023年度增加0.10万元。主要原因是办公设备更新。]\n"
        "other:\n  operating_costs: {value: 1.00, change: 0.10, reason: 办公设备更新。}\n"
    )
    kinds = [(p.path, p.kind) for p in passages(loaded.report)]
    assert (("other.operating_costs.reason", "reason") in kinds) is (budget == 0)
    assert ("text.parts[0].paragraphs[0]", "paragraph") in kinds
