"""A 科目 as the text words it, and the table row it names.

The text names a 项 by its 类, 款 and 项 names — “一般公共服务支出（类）统计信息事务（款）专项普查活动
（项）” or “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行” — never by its code.  The tables
print code and name side by side; the row the text means is the 项 whose name, and whose 款's and
类's names, are the ones the text gives.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

_LEVEL_MARK = re.compile(r"[（(]\s*(类|款|项)\s*[）)]")
_DASH = re.compile(r"\s{0,8}[-－—–]\s{0,8}")  # bounded: a run of spaces costs a linear scan


@lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Names compared as printed: full-width and half-width alike, spaces ignored (the catalogue,
    the tables and the text alike)."""
    return unicodedata.normalize("NFKC", name).replace(" ", "").replace("\u3000", "")


def names_of(wording: str) -> list[str]:
    """The names a 科目 wording gives, 类 first: ``[一般公共服务支出, 统计信息事务, 专项普查活动]``."""
    parts = _LEVEL_MARK.split(wording)
    if len(parts) > 1:
        names = [parts[i] for i in range(0, len(parts) - 1, 2)]
    else:
        names = _DASH.split(wording)
    return [cleaned for name in names if (cleaned := normalise_name(name).strip("，,、“”\"'：:"))]


def code_named(wording: str, rows: Iterable[tuple[str, str]]) -> str | None:
    """The code of the row ``wording`` names among ``rows`` (code, name), or ``None``.

    Each name must be the name of a row one level below the row the name before it named: 类
    (3 digits), 款 (5), 项 (7).  A wording that names no such chain, or more than one, names no row.
    """
    names = names_of(wording)
    if not names or len(names) > 3:
        return None
    by_name: dict[tuple[int, str], set[str]] = {}
    for code, name in rows:
        if code and name and len(code) in (3, 5, 7):
            by_name.setdefault((len(code), normalise_name(name)), set()).add(code)
    candidates = by_name.get((3, names[0]), set())
    for length, name in zip((5, 7), names[1:]):
        candidates = {code for code in by_name.get((length, name), set()) if code[:-2] in candidates}
    return next(iter(candidates)) if len(candidates) == 1 else None
