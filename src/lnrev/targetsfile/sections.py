"""A targets file cut at its table headers, so that a large file is read one target at a time.

A file in the plain form lnrev writes and ships (each target's tables together: `[targets.ID]`,
then any `[targets.ID.baseline]` or `[[targets.ID.observations]]`; `[plan]` and `[assessment]`
beside them; no multi-line string) can be parsed a section at a time: each target's section
parsed alone gives exactly the part of the whole document it holds. Reading it so never holds
the whole file's data at once, which is what keeps the memory of a 100 MB file near the size of
its text.

Every condition below is what makes that exact. A line that begins with `[` at its first column is
a header only outside a multi-line string (there are none) and outside a multi-line array; inside
an array, none of the headers allowed is a value, so the section before it, left with an open
bracket, fails to parse on its own and the whole file is read at once instead. A file in any
other form (a target's tables apart from each other, dotted `targets.` keys, quoted or indented
headers, any other table) gives None: it is read whole, as always.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_HEADER = re.compile(r"\n\[")
"""The start of a line that begins with "[" (a pattern that opens with a literal: a fast scan)."""
_TARGET = re.compile(
    r"(\[\[?)targets\.([a-z0-9][a-z0-9-]*)(?:\.[A-Za-z0-9_-]+)*(\]\]?)[ \t]*(?:#[^\n]*)?"
)
"""`[targets.ID]`, `[targets.ID.baseline]`, `[[targets.ID.observations]]`, ..."""
_HEAD = re.compile(r"\[(?:plan|assessment)\][ \t]*(?:#[^\n]*)?")
_INDENTED_HEADER = re.compile(r"\n[ \t]+\[")
_INDENTED_FIRST_LINE = re.compile(r"[ \t]+\[")


class Sections(NamedTuple):
    head: str
    """The keys before the first header, then the `[plan]` and `[assessment]` tables."""
    targets: tuple[tuple[str, int, int], ...]
    """Each target's id and where its section starts and ends in the text, in file order."""


def sections(text: str) -> Sections | None:
    """The file's sections, or None if it is not in the plain form (see the module's doc)."""
    indented = _INDENTED_FIRST_LINE.match(text) or _INDENTED_HEADER.search(text)
    if "'''" in text or '"""' in text or indented:
        return None
    starts = [0] if text.startswith("[") else []
    starts += [match.start() + 1 for match in _HEADER.finditer(text)]
    ends = [*starts[1:], len(text)] if starts else []
    head = [text[: starts[0] if starts else len(text)]]
    targets: list[list] = []  # [id, start, end]: a target's tables, one after another
    seen: set[str] = set()
    for start, end in zip(starts, ends, strict=True):
        line_end = text.find("\n", start, end)
        header = text[start : end if line_end < 0 else line_end].rstrip("\r")
        target = _TARGET.fullmatch(header)
        if target is not None and len(target.group(1)) == len(target.group(3)):
            target_id = target.group(2)
            if targets and targets[-1][0] == target_id and targets[-1][2] == start:
                targets[-1][2] = end  # the next table of the section's target
            elif target_id in seen:
                return None  # a target's tables apart: the whole file decides
            else:
                seen.add(target_id)
                targets.append([target_id, start, end])
        elif _HEAD.fullmatch(header):
            head.append(text[start:end])
        else:
            return None
    return Sections("".join(head), tuple((t[0], t[1], t[2]) for t in targets))


def target_texts(text: str, found: Sections) -> Iterator[tuple[str, str]]:
    """Each target's id and the text of its section."""
    for target_id, start, end in found.targets:
        yield target_id, text[start:end]
