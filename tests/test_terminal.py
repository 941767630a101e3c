"""The terminal's wrapping: Chinese between characters, other words at spaces, never a word cut
that fits on a line, and nothing of the text lost."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from finrecon.reporters.table import wrap

WORDS = st.lists(
    st.one_of(
        st.sampled_from(["the", "report", "says", "-1.05%", "519.39", "（本年数）", "，", "。", "“均达标”", "'区级'", "(the", "city's)", " ", "  "]),
        st.text(alphabet="财政拨款收入支出总计增减率应为以上年数基", min_size=1, max_size=12),
        st.text(alphabet="abcdefghij._/-", min_size=1, max_size=30),
    ),
    max_size=40,
)


@given(WORDS, st.integers(min_value=8, max_value=100))
def test_wrapping_loses_nothing_and_keeps_to_the_width(parts: list[str], width: int) -> None:
    text = "".join(parts)
    lines = wrap(text, width)
    assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", text)
    assert all(cell_len(line) <= width for line in lines)
    assert all(line == line.strip() or not line.strip() or not line[0].isspace() for line in lines)


def test_english_words_and_paths_break_only_at_spaces() -> None:
    text = "grand total of appropriation income and expenditure: see narrative.appropriation_total.change_pct"
    lines = wrap(text, 45)
    words = set(text.split())
    assert all(word in words for line in lines for word in line.split())


def test_chinese_breaks_between_characters_but_never_before_a_closing_mark() -> None:
    lines = wrap("财政拨款收入支出总计增减率应为 -1.0378%（以上年数 519.39 为基数），报告为 -1.05%", 20)
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line[0] in "，。）：；" for line in lines)
    assert "-1.0378%（以上年数" not in "".join(lines) or any("（以" in line for line in lines)


def test_a_path_longer_than_the_line_breaks_after_a_dot() -> None:
    assert wrap("narrative.appropriation_total.change_pct", 20) == ["narrative.", "appropriation_total.", "change_pct"]


def test_each_paragraph_starts_a_line() -> None:
    assert wrap("第一段\n第二段", 40) == ["第一段", "第二段"]
