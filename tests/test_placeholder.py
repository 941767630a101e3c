"""FR907 looks for placeholder marks with plain substring searches before it runs its pattern:
the marks must cover every placeholder the pattern knows, or a placeholder would go unseen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from finrecon.rules.structure import _PLACEHOLDER, _PLACEHOLDER_MARKS


@given(st.text(alphabet="XxＸｘ×＊*某○AB1290 _＿\u3000\n年度。.…", max_size=12))
def test_every_placeholder_the_pattern_finds_holds_a_mark(text: str) -> None:
    if _PLACEHOLDER.search(text):
        assert any(mark in text for mark in _PLACEHOLDER_MARKS), text


def test_each_kind_of_placeholder_is_found() -> None:
    for text in ("上海市XX局", "××单位", "ＸＸ", "＊＊", "**", "某某科室", "○○年", "20  年度", "20XX年", "19__年", "20年度", "。。。", "…。."):
        assert _PLACEHOLDER.search(text) and any(mark in text for mark in _PLACEHOLDER_MARKS), text
