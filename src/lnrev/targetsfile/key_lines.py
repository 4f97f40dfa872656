"""Which line of a TOML document each key stands on, so that a problem can name its line.

tomllib returns values without positions. This scanner walks a document that tomllib has already
accepted and records the line of every key path: `("targets", "gdp", "observations", 1, "value")`
for the `value` of the second observation, whether observations are written as an inline array or
as `[[targets.gdp.observations]]` tables. Only positions are read; values are tomllib's business.
"""

from __future__ import annotations

import contextlib
import re
import tomllib

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every key path of a valid TOML document to its 1-based line (first definition wins)."""
    scanner = _Scanner(text)
    # Positions are a courtesy: whatever was mapped before a surprise is still right.
    with contextlib.suppress(IndexError, ValueError, RecursionError, tomllib.TOMLDecodeError):
        scanner.document()
    return scanner.lines


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of a key path, or of its nearest enclosing key that was found."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def dotted(path: KeyPath) -> str:
    """A key path as an analyst would write it: targets.gdp.observations[1].value."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
            text += f".{key}" if text else key
    return text


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.lines: dict[KeyPath, int] = {}
        self.tables_in_array: dict[KeyPath, int] = {}
        self._counted = (0, 1)  # a position and its line: lines are counted once, onwards

    @property
    def line(self) -> int:
        """The line of the current position, counting only the newlines since the last time it
        was asked (the scanner moves forward), so that the whole scan stays linear."""
        counted, line = self._counted if self._counted[0] <= self.pos else (0, 1)
        line += self.text.count("\n", counted, self.pos)
        self._counted = (self.pos, line)
        return line

    def document(self) -> None:
        table: KeyPath = ()
        while self._skip(newlines=True):
            line = self.line
            if self.text.startswith("[[", self.pos):
                self.pos += 2
                *parents, last = self._key()
                array = (*self._resolve(parents), last)
                count = self.tables_in_array.get(array, 0)
                self.tables_in_array[array] = count + 1
                self.lines.setdefault(array, line)
                table = (*array, count)
                self.pos = self.text.index("]]", self.pos) + 2
            elif self.text.startswith("[", self.pos):
                self.pos += 1
                table = self._resolve(self._key())
                self.pos = self.text.index("]", self.pos) + 1
            else:
                self._key_value(table)
                continue
            self._record(table, line)

    def _resolve(self, parts: list[str]) -> KeyPath:
        """A header's path, with the current index of each array of tables it passes through."""
        path: KeyPath = ()
        for part in parts:
            path = (*path, part)
            if path in self.tables_in_array:
                path = (*path, self.tables_in_array[path] - 1)
        return path

    def _record(self, path: KeyPath, line: int) -> None:
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], line)

    def _skip(self, newlines: bool) -> bool:
        """Skip blanks (and comments and newlines where allowed); False at the end of the text."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            else:
                return True
        return False

    def _key(self) -> list[str]:
        parts = []
        while True:
            self._skip(newlines=False)
            char = self.text[self.pos]
            if char in "\"'":
                start = self.pos
                self._string()
                parts.append(tomllib.loads("k = " + self.text[start : self.pos])["k"])
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if match is None:
                    raise ValueError("no key here")
                parts.append(match.group())
                self.pos = match.end()
            self._skip(newlines=False)
            if self.text[self.pos] != ".":
                return parts
            self.pos += 1

    def _key_value(self, table: KeyPath) -> None:
        line = self.line
        path = (*table, *self._key())
        self._record(path, line)
        self.pos = self.text.index("=", self.pos) + 1
        self._skip(newlines=False)
        self._value(path)

    def _value(self, path: KeyPath) -> None:
        char = self.text[self.pos]
        if char in "\"'":
            self._string()
        elif char == "[":
            self._array(path)
        elif char == "{":
            self._inline_table(path)
        else:
            match = _SCALAR_END.search(self.text, self.pos)
            self.pos = match.start() if match else len(self.text)

    def _array(self, path: KeyPath) -> None:
        self.pos += 1
        index = 0
        while self._skip(newlines=True) and self.text[self.pos] != "]":
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self._record((*path, index), self.line)
            self._value((*path, index))
            index += 1
        self.pos += 1

    def _inline_table(self, path: KeyPath) -> None:
        self.pos += 1
        while self._skip(newlines=True) and self.text[self.pos] != "}":
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self._key_value(path)
        self.pos += 1

    def _string(self) -> None:
        quote = self.text[self.pos]
        if self.text.startswith(quote * 3, self.pos):
            self.pos += 3
            closing = quote * 3
        else:
            self.pos += 1
            closing = quote
        while not self.text.startswith(closing, self.pos):
            self.pos += 2 if quote == '"' and self.text[self.pos] == "\\" else 1
            if self.pos >= len(self.text):
                raise ValueError("unterminated string")
        self.pos += len(closing)
        while closing == quote * 3 and self.text.startswith(quote, self.pos):
            self.pos += 1  # a multi-line string may end with up to two extra quotes
