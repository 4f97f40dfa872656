"""Parsing TOML text: rtoml where it is installed (2-3x faster on large files), else tomllib.

tomllib (the standard library's TOML 1.0 parser) stays the reference. Whatever rtoml refuses is
parsed again by tomllib, which either accepts it (a float literal beyond the double range, which
tomllib reads as infinity and the file model then refuses by name) or raises the error lnrev
reports, with its line and column. The test suite checks that both return the same data.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

try:
    import rtoml
except ImportError:  # an install without its optional accelerator still works, only slower
    rtoml = None


BEYOND_TOML_1_0 = tuple(map(re.compile, (r"\A\ufeff", r"\\[ex]", r",\s*}", r"{[^}\n]*\n")))
"""What rtoml accepts and TOML 1.0 (tomllib, tomlkit) does not: a byte-order mark, the escapes
\\e and \\x, a trailing comma or a line break in an inline table. Where the text may hold one,
tomllib decides, so that reading and editing accept exactly the same files. (Each is searched on
its own: one pattern of four alternatives scans a large file three times slower.)"""


def parse(text: str) -> dict[str, Any]:
    """The TOML document as Python data; tomllib.TOMLDecodeError if it is not valid TOML 1.0,
    including values nested deeper than a parser can follow (arrays in arrays in arrays...)."""
    if rtoml is not None and not any(form.search(text) for form in BEYOND_TOML_1_0):
        try:
            return rtoml.loads(text)
        except ValueError:  # rtoml.TomlParsingError is one
            pass
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply to read") from None
