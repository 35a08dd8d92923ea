"""Date-times as people write them in configuration: ISO 8601 with a time zone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic_core import PydanticCustomError

EXAMPLE = "2026-03-01T09:00:00+01:00"
#: Dates outside these years are typing mistakes (9999-12-31), not plans.
FIRST_YEAR = 1900
LAST_YEAR = 2200


def parse_aware_datetime(value: Any) -> Any:
    """Accept an ISO date-time with a time zone (``2026-03-01T09:00:00+01:00``)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise PydanticCustomError(
                "datetime_format",
                "'{value}' is not a date-time: write it as 2026-03-01T09:00:00+01:00",
                {"value": value},
            ) from None
    else:
        raise PydanticCustomError(
            "datetime_type", "must be a date-time such as 2026-03-01T09:00:00+01:00"
        )
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise PydanticCustomError(
            "datetime_range",
            "'{value}' is out of range: write a real date between {first} and {last}",
            {"value": str(value).strip(), "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise PydanticCustomError(
            "datetime_naive",
            "'{value}' has no time zone, so it is ambiguous: add one, "
            "e.g. {value}+01:00 (Italy in winter) or {value}Z (UTC)",
            {"value": str(value).strip()},
        )
    return parsed
