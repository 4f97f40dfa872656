"""Parsing TOML text: tomllib, the standard library's TOML 1.0 parser, is the one rule.

Reading (whole or a target at a time) and editing accept exactly the files tomllib accepts, with
tomllib's values. A faster parser (rtoml) was used before; it reads TOML 1.1 and differs from
tomllib in ways no guard can follow exactly (a line break in an inline table, a CRLF multi-line
string, a time without seconds), so it is not used; docs/reliability.md gives what that costs.
"""

from __future__ import annotations

import tomllib
from typing import Any


def parse(text: str) -> dict[str, Any]:
    """The TOML document as Python data; tomllib.TOMLDecodeError if it is not valid TOML 1.0,
    including values nested deeper than a parser can follow (arrays in arrays in arrays...)."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply to read") from None
