"""The values of a targets file: points in time, dates, sources, and the strictness of every table.

A point is a year (2025, its end) or a local date; a source is a text or a bibliographic table whose
date keeps the precision it was written with. Every table refuses unknown keys, wrong types, NaN and
infinite numbers. Errors are raised in the analyst's words ("expected a year (2025) or a date").
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StringConstraints,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from lnrev.engine.timeline import FIRST_YEAR, LAST_YEAR, Point

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

Method = Literal["linear", "compound", "unsd"]
Direction = Literal["increase", "decrease"]
TargetId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
GrowthRate = Annotated[float, Field(gt=-100)]
"""An annual % growth: -100% leaves nothing, and below it compounding has no real value."""


def describe(value: Any) -> str:
    """How a value from the file is quoted back in an error message, in TOML's own words."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _point(value: Any) -> Point:
    """A year (int) or a local date; a date-time, a bool or a year out of range is refused."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if FIRST_YEAR <= value <= LAST_YEAR:
            return value
        raise PydanticCustomError(
            "point_range", "a year must be between 1 and 9999, got {got}", {"got": value}
        )
    raise PydanticCustomError(
        "point_type",
        "expected a year (2025) or a date (2024-06-30), got {got}",
        {"got": describe(value)},
    )


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise PydanticCustomError(
        "date_type", "expected a date (2024-07-16), got {got}", {"got": describe(value)}
    )


PointField = Annotated[
    Point,
    PlainValidator(_point),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "format": "date"},
            ],
            "description": "A year (its end) or a local date.",
        }
    ),
]
DateField = Annotated[
    date, PlainValidator(_date), WithJsonSchema({"type": "string", "format": "date"})
]


class Strict(BaseModel):
    """Every table of the file: unknown keys, wrong types, NaN and infinite numbers are refused."""

    model_config = ConfigDict(
        extra="forbid", strict=True, allow_inf_nan=False, frozen=True, defer_build=True
    )


def _publication_date(value: Any) -> int | str | date:
    """A source's date as precise as it is known: a year, a month ("2023-02") or a day."""
    if isinstance(value, str) and _MONTH.fullmatch(value):
        return value
    if isinstance(value, date | int) and not isinstance(value, bool):
        return _point(value)
    raise PydanticCustomError(
        "publication_date",
        "expected a date (2024-04-23), a year (2022) or a month ('2023-02'), got {got}",
        {"got": describe(value)},
    )


PublicationDate = Annotated[
    int | str | date,
    PlainValidator(_publication_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"},
                {"type": "string", "format": "date"},
            ]
        }
    ),
]


class SourceRef(Strict):
    """A bibliographic source: publisher, title, date (and URL where one exists)."""

    model_config = {**Strict.model_config, "defer_build": False}

    title: str
    publisher: str | None = None
    date: PublicationDate | None = None
    url: str | None = None


def _source_form(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict | SourceRef):
        return "table"
    return None


Source = Annotated[
    Annotated[str, Tag("text")] | Annotated[SourceRef, Tag("table")],
    Discriminator(
        _source_form,
        custom_error_type="source_type",
        custom_error_message="expected a text or a table {title, publisher, date, url}",
    ),
]
