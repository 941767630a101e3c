"""A report's section validated by its own model, whose validator is built the first time a report
has that section.

pydantic builds one validator for a whole model at its first use: for ``Report``, every table,
the narrative, the budget, the words and the printed pages — a third of a cold start.  A section
marked ``Section()`` is validated by its own model instead, so a final account written in YAML
never builds the budget's validator, nor a budget the final accounts' tables.  Errors keep their
paths (``narrative.income.total``): pydantic prefixes a section's errors with its field's name.
The JSON Schema is the section model's own, as if the field were plainly typed.
"""

from __future__ import annotations

import functools
from typing import Any, get_args

from pydantic_core import core_schema


@functools.cache
def _figure_built() -> None:
    """``Figure``, which every section holds, built once on its own before the first section: each
    section's validator then takes its schema as built instead of generating it again (~2 ms of a
    cold start, for a report with four sections)."""
    from .figure import Figure

    Figure.model_rebuild()


class Section:
    """``Annotated[Tables | None, Section()]``: validate the section with ``Tables`` when it is there."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        model = next(arg for arg in get_args(source) if arg is not type(None))

        def validate(value: Any) -> Any:
            if value is None:
                return None
            _figure_built()
            return model.model_validate(value)

        return core_schema.no_info_plain_validator_function(validate, metadata={"section": model})

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: Any) -> Any:
        model = schema["metadata"]["section"]  # type: ignore[index]
        return handler(core_schema.nullable_schema(model.__pydantic_core_schema__))
