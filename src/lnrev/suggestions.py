"""One way to suggest a name and to check a choice, for every place that does either."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def did_you_mean(given: Any, choices: Iterable[str]) -> str:
    """ " (did you mean 'level'?)" for the closest choice, or "" when none is close."""
    if not isinstance(given, str):
        return ""
    close = difflib.get_close_matches(given, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def either(choices: Iterable[str]) -> str:
    """Choices as a sentence lists them: "a, b or c"."""
    *first, last = choices
    return f"{', '.join(first)} or {last}" if first else last


def check_choice(value: str, choices: Iterable[str], what: str) -> str:
    """`value` if it is one of `choices`, else ValueError: "expected a, b or c as WHAT, got 'x'"."""
    choices = tuple(choices)
    if value not in choices:
        raise ValueError(
            f"expected {', '.join(choices)} as {what}, got {value!r}{did_you_mean(value, choices)}"
        )
    return value
