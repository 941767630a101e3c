"""The one figure type every section uses, and the scalar types it is made of.

A ``Figure`` keeps what the report prints — the Decimal value with its printed precision — and,
optionally, what the report states about it: its share of a total, its prior-year value or stated
change, its budget and completion rate.  In YAML a figure is either a bare number (``455.47``) or a
mapping (``{value: 455.47, share_pct: 99.77}``).
"""

import functools
import re
from decimal import Decimal, InvalidOperation
from types import FunctionType
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

import pydantic
from pydantic import BaseModel, ConfigDict, PlainValidator, WithJsonSchema, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from ..i18n import Msg
from ..interval import Interval, half_unit

_NUMBER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?")


class LocalizedValueError(ValueError):
    """A validation error whose message the loader renders in the user's language."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.text = Msg(key, **params)
        super().__init__(self.text.render("zh"))


def _to_decimal(value: Any, *, percent: bool) -> Decimal:
    if isinstance(value, bool):
        raise LocalizedValueError("value.bool")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise LocalizedValueError("value.finite")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if percent and text.endswith(("%", "％")):
            text = text[:-1].strip()
        if len(text) <= 40 and _NUMBER.fullmatch(text):
            try:
                return Decimal(text.replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
                pass
        raise LocalizedValueError("value.digits", value=repr(value))
    raise LocalizedValueError("value.number", kind=type(value).__name__)


# The loader's numbers are finite Decimals already: the usual case answered without a second call
# (every figure of every report passes here).
def _amount(value: Any) -> Decimal:
    if type(value) is Decimal and value.is_finite():
        return value
    return _to_decimal(value, percent=False)


def _percent(value: Any) -> Decimal:
    if type(value) is Decimal and value.is_finite():
        return value
    return _to_decimal(value, percent=True)


def _count(value: Any) -> int:
    number = _to_decimal(value, percent=False)
    if number != number.to_integral_value() or number < 0:
        raise LocalizedValueError("value.count", value=number)
    return int(number)


def _code(value: Any) -> str:
    text = str(value).replace(" ", "") if isinstance(value, (str, Decimal, int)) else None
    if not text or not text.isdigit():
        raise LocalizedValueError("value.code", value=repr(value))
    return text


_NUMBER_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[+-]?[0-9][0-9,]*(\.[0-9]+)?$"}]}
_PERCENT_SCHEMA = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[+-]?[0-9][0-9,]*(\.[0-9]+)?\s*[%％]?$"}]
}

# Each validator returns the finished value (a finite Decimal, a whole number, a string of digits):
# pydantic has nothing to check after it (PlainValidator), which spares a second look at every
# number of every report.
Amount = Annotated[Decimal, PlainValidator(_amount), WithJsonSchema(_NUMBER_SCHEMA)]
"""Money as printed, in the report's money unit."""
Percent = Annotated[Decimal, PlainValidator(_percent), WithJsonSchema(_PERCENT_SCHEMA)]
"""A percentage as printed, without the % sign (``99.77`` or ``"99.77%"``)."""
Count = Annotated[int, PlainValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0})]
"""A number of things: trips, people, vehicles, receptions."""
Code = Annotated[str, PlainValidator(_code), WithJsonSchema({"type": ["string", "integer"]})]
"""A 政府收支分类科目 code: 类 3 digits, 款 5, 项 7."""


TITLE_EN = "title_en"  # where ``Field`` keeps the English title (it shows in the JSON Schema too)


def Field(default: Any = PydanticUndefined, *, en: str, **options: Any) -> Any:  # noqa: N802 - pydantic's name
    """pydantic's ``Field``, with the field's English title beside its Chinese ``title``.

    Every field of the report is named twice, in one place: ``title`` as the report prints it
    (what Chinese messages and the JSON Schema call it), ``en`` what English messages call it.
    """
    factory = options.get("default_factory")
    if factory is not None and not isinstance(factory, FunctionType):
        # pydantic reads a factory's signature: a builtin's (``list``) from its text, with the
        # tokenizer, and a model class's by building it — 45 fields, a tenth of the cold start.
        options["default_factory"] = lambda: factory()
    return pydantic.Field(default, json_schema_extra={TITLE_EN: en}, **options)


class Title(NamedTuple):
    """What a field is called: as the report prints it, and in English."""

    zh: str
    en: str

    @classmethod
    def of(cls, field: FieldInfo, name: str) -> "Title":
        """A field's titles; its name stands in for a title it lacks."""
        extra = field.json_schema_extra
        en = extra.get(TITLE_EN) if isinstance(extra, dict) else None
        return cls(field.title or name, en if isinstance(en, str) else name)

    def in_(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Strict(BaseModel):
    """Base of every report model: a misspelt key is an error, not silently ignored.

    The class variables say how a model's figures relate, for ``bind`` and the rules; they are
    declared here so that every model has them (a missing class attribute would cost a slow
    lookup through pydantic's metaclass).
    """

    model_config = ConfigDict(extra="forbid", frozen=False, validate_default=False, defer_build=True)

    SHARE_BASE: ClassVar[str | None] = None  # the figures of this group are shares of this field
    TOTAL_SHARE_BASE: ClassVar[str | None] = None  # what the group's own total is a share of
    ROW_TOTAL: ClassVar[str] = "total"  # a table row: ROW_TOTAL = Σ ROW_PARTS
    ROW_PARTS: ClassVar[tuple[str, ...]] = ()
    NAMED_BY_FIELD: ClassVar[bool] = False  # its figures are named after the field holding it (“本年收入·合计”)


PATH_PART = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")  # a name, or a list position


@functools.lru_cache(maxsize=8192)
def loc_of(path: str) -> tuple[str | int, ...]:
    """The tree path of a report path: ``tables.rows[3].total`` → ``("tables", "rows", 3, "total")``."""
    return tuple(int(index) if index else name for name, index in PATH_PART.findall(path))


UNIT_SCALES: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000)}
"""How many 元 one of each money unit is."""


class Stated:
    """A number the report prints, where it stands, what it is called, and how far rounding may
    have moved it: ``half`` is half of its last printed digit (0.005 for 12.34).

    ``path`` is its report path (``tables.general_budget.rows[3].total``, ``….total.budget`` for an
    attribute), ``loc`` the same as a tree path for the source map, ``label_in(lang)`` its name in
    a message: the name of what it belongs to joined to its field's title (see ``label_in``).
    Made once per number when the report is bound: rules read thousands, and ask for ``loc``,
    ``half`` and a label only now and then, so those are worked out when first asked.
    """

    __slots__ = ("value", "path", "_owner", "_title", "_loc", "_half")

    # A number in the report's own money unit (every number, but those of a table that prints
    # another unit: see ``ScaledStated``).  Class attributes: nothing to store per number.
    unit: str | None = None
    scale: Decimal | None = None

    def __init__(self, value: Decimal, path: str, owner: "str | Title | Stated" = "", title: Title | None = None) -> None:
        self.value, self.path, self._owner, self._title = value, path, owner, title
        self._loc: tuple[str | int, ...] | None = None
        self._half: Decimal | None = None

    def label_in(self, lang: str) -> str:
        """What a message in ``lang`` calls this number.

        The owner is a row as the report prints it (“行政运行（2010601）”, the same in both
        languages), a group's title (“合计” / “total row”), or, for what a figure states besides its
        value, that figure: “行政运行（2010601）·基本支出” / “行政运行（2010601） · basic expenditure”,
        “公务接待费预算数” / “budget of spending on official receptions”.  Without a title the owner
        alone is the name; without either, the path.
        """
        owner, title = self._owner, self._title
        name = owner if isinstance(owner, str) else owner.label_in(lang) if isinstance(owner, Stated) else owner.in_(lang)
        if title is None:
            return name or self.path
        field = title.en if lang == "en" else title.zh
        if not name:
            return field
        if isinstance(owner, Stated):
            return f"{field} of {name}" if lang == "en" else f"{name}{field}"
        return f"{name} · {field}" if lang == "en" else f"{name}·{field}"

    @property
    def label(self) -> str:
        """Its name in the report's own words (Chinese)."""
        return self.label_in("zh")

    def title_in(self, lang: str) -> str:
        """The title of its field alone (“基本支出”), or its whole name when it has none."""
        return self._title.in_(lang) if self._title is not None else self.label_in(lang)

    def __repr__(self) -> str:
        return f"Stated({self.value!r}, {self.path!r})"

    @classmethod
    def exact(cls, value: Decimal, path: str, owner: "str | Title | Stated" = "", title: Title | None = None) -> "Stated":
        """A number that is no rounded print: a count, or the 0 of a blank cell (no half-unit)."""
        stated = cls(value, path, owner, title)
        stated._half = Decimal(0)
        return stated

    @property
    def loc(self) -> tuple[str | int, ...]:
        if self._loc is None:
            self._loc = loc_of(self.path)
        return self._loc

    @property
    def half(self) -> Decimal:
        """Half of the last printed digit: a sum that adds up exactly never needs it."""
        if self._half is None:
            self._half = half_unit(self.value)
        return self._half

    @property
    def interval(self) -> Interval:
        return Interval(self.value - self.half, self.value + self.half)


class ScaledStated(Stated):
    """A number printed in another money unit than the report's (a budget table in 元, its text
    in 万元): ``value`` as printed, in ``unit``; ``value × scale`` is the same amount in the
    report's unit, exactly (1,234,567.89 元 × 0.0001 = 123.456789 万元)."""

    __slots__ = ("unit", "scale")

    def __init__(self, stated: Stated, unit: str, scale: Decimal) -> None:
        super().__init__(stated.value, stated.path, stated._owner, stated._title)
        self._half = stated._half
        self.unit, self.scale = unit, scale

    def __repr__(self) -> str:
        return f"ScaledStated({self.value!r} {self.unit}, {self.path!r})"


# What an unbound figure says it is: no number at all, so that using one fails loudly.
_UNBOUND = Stated(Decimal("NaN"), "", "")


class Reason(Strict):
    """One reason the text gives, and the direction word it states (“减少的主要原因：…”)."""

    about: Literal["change", "budget"] = Field(
        title="说明对象", en="what it explains", description="change: against last year; budget: 决算数 against 预算数"
    )
    direction: str | None = Field(None, title="方向词", en="direction word", description="as printed: 增加/减少/持平/增长/下降, 大于/小于/等于")
    text: str = Field(title="原因", en="reason")


class Figure(Strict):
    """A printed amount and what the report states about it."""

    value: Amount = Field(title="数值", en="value", description="the figure as printed")
    share_pct: Percent | None = Field(None, title="占比（%）", en="share (%)", description="stated share of a total")
    share_of: str | None = Field(
        None,
        title="占比基数", en="share base",
        description="path of the figure the share is of; by default the total of the group it stands in",
    )
    prior: Amount | None = Field(None, title="上年数", en="prior-year figure")
    change: Amount | None = Field(None, title="增减额", en="change", description="signed: a decrease is negative")
    change_pct: Percent | None = Field(None, title="增减率（%）", en="change (%)", description="signed: a decrease is negative")
    budget: Amount | None = Field(None, title="预算数", en="budget", description="年初预算")
    adjusted_budget: Amount | None = Field(None, title="全年预算数", en="full-year (adjusted) budget", description="全年预算（调整预算）")
    completion_pct: Percent | None = Field(None, title="预算完成率（%）", en="budget completion (%)")
    completion_of: Literal["budget", "adjusted_budget"] | None = Field(
        None, title="完成率基数", en="budget the completion is of",
        description="which budget the text says the rate is of: 年初预算 (budget, the default) or 全年预算",
    )
    reason: str | None = Field(None, title="原因说明", en="reason", description="the reason stated for a change or for 决算 ≠ 预算")
    reasons: tuple[Reason, ...] = Field(
        (), title="原因说明（逐条）", en="reasons", description="each reason with the direction word it states"
    )
    printed_again: list[Amount] | None = Field(
        None, title="文中另处所印数值", en="printed again in the text as",
        description="the same figure printed again in the text with another number, as printed there",
    )

    # Where the figure stands and what it is called, set by ``bind_report`` after validation.  It
    # writes them into the instance ``__dict__``, where Python finds them before these class
    # values (what an unbound figure says): plain attributes, read on every rule's hot path.
    bound: ClassVar[Stated] = _UNBOUND  # the figure's value as stated
    path: ClassVar[str] = ""  # tables.general_budget.rows[3].total
    default_share_base: ClassVar[str | None] = None  # the total of its group, unless share_of says

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_number(cls, data: Any) -> Any:
        if isinstance(data, (Decimal, int, str)):  # bool included, so that its error names the value
            return {"value": data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        return {"anyOf": [*_NUMBER_SCHEMA["anyOf"], schema]}

    @property
    def loc(self) -> tuple[str | int, ...]:
        """The figure's place as a tree path, for the source map."""
        return self.bound.loc

    @property
    def label(self) -> str:
        """Its name in the report's own words."""
        return self.bound.label

    def label_in(self, lang: str) -> str:
        """What a message in ``lang`` calls it."""
        return self.bound.label_in(lang)

    @property
    def share_base(self) -> str | None:
        """The path of the figure this one's share is of."""
        return self.share_of or self.default_share_base
