"""Editing a targets file without ever damaging it or losing anything in it.

Every edit is one cycle under the file's lock: read, check the file is valid, change it with tomlkit
(which keeps every comment, blank line and the order of the file), check the result is valid, and
replace the file atomically. A refused or failed edit writes nothing. The targets file shipped
inside lnrev is never written: `lnrev init` makes a copy to edit.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Array, Comment, InlineTable, Table

from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.errors import BadInput, UsageError, no_such_target
from lnrev.model.fields import SLUG_PATTERN
from lnrev.model.kinds import DEFAULT_KIND, OBSERVATION_FIELDS, kind_of
from lnrev.model.kinds.base import Kind
from lnrev.suggestions import did_you_mean
from lnrev.targetsfile.atomic import locked, replace_atomically, the_file_itself
from lnrev.targetsfile.loading import (
    TargetsLocation,
    embedded_targets,
    read_text,
    read_toml,
    validate,
)

OBSERVATION_ORDER = ("at", *OBSERVATION_FIELDS, "published", "source", "note")

Document = tomlkit.TOMLDocument


class Refusal(Exception):
    """An edit that would lose or contradict something: nothing is written, the reason is shown."""


class ChangedMeanwhile(BadInput):
    """The file was changed by someone else while a whole new version of it was being made."""


class UnknownTarget(Refusal):
    """The command line names a target the file does not have (a usage error, exit 2)."""

    def __init__(self, target_id: str, ids: list[str]) -> None:
        super().__init__(f"no target {target_id!r}{did_you_mean(target_id, ids)}")
        self.target_id, self.ids = target_id, ids


def edit(
    location: TargetsLocation,
    change: Callable[[Document], None],
    write: bool = True,
    only: str | None = None,
) -> None:
    """Apply `change` to the targets file in one locked, validated, atomic cycle (checked, and
    not written, unless `write`). A change that touches `only` one target is made on that
    target's own section of the text when it can be (see `_section`): tomlkit then reads a few
    lines instead of the whole file, which on a file of 10,000 targets is most of the time.

    Before anything is written, tomllib reads the edited text back: it must equal the original
    document with exactly the change made, nothing else (see `_check_only_the_change`)."""
    refuse_embedded(location)
    read_text(location)  # a missing or unreadable file is reported before any lock is taken
    path = the_file_itself(location.path, location.label)
    with locked(path, location.label):
        text = read_text(location._replace(path=path))
        data = read_toml(text, location)
        validate(data, text, location.label)  # never edit an invalid file
        section = _section(text, data, only) if only is not None else None
        before, part, after = section or ("", text, "")
        document = _editable(part, location.label)
        if section is None and document.unwrap() != data:
            raise BadInput([f"{location.label}: cannot be edited safely: read two ways"])
        try:
            change(document)
        except UnknownTarget as unknown:
            raise no_such_target(unknown.target_id, unknown.ids, location.label) from None
        except UnknownPoint as unknown:
            raise UsageError([f"error: {unknown}"]) from None
        except Refusal as refusal:
            raise BadInput([f"{location.label}: {refusal}"]) from None
        edited = with_line_endings_of(text, before + tomlkit.dumps(document) + after)
        edited_location = location._replace(label=f"{location.label} (as edited, not written)")
        edited_data = read_toml(edited, edited_location)
        _check_only_the_change(data, edited_data, document, only if section else None, location)
        del data, document  # what a large file's whole validation may need, it gets
        validate(edited_data, edited, edited_location.label)
        if write:
            replace_atomically(path, edited, location.label)


def _editable(text: str, label: str) -> Document:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as error:
        raise BadInput([f"{label}: cannot be edited safely: {error}"]) from None


def _check_only_the_change(
    data: dict, edited: dict, document: Document, only: str | None, location: TargetsLocation
) -> None:
    """The edited text, read by tomllib, must be the original document with exactly the change
    tomlkit made: the whole changed document, or (for a section edit) the original with that
    one target's table replaced by, or removed as, the changed section says."""
    if only is None:
        expected = document.unwrap()
    else:
        changed = document.unwrap().get("targets", {})
        targets = {key: value for key, value in data["targets"].items() if key != only}
        if only in changed:
            targets[only] = changed[only]
        expected = {**data, "targets": targets}
    if _without_empty_targets(edited) != _without_empty_targets(expected):
        raise BadInput(
            [f"{location.label}: the edit would change more than it should; nothing was written"]
        )


def _without_empty_targets(document: dict) -> dict:
    """A document without a `targets` table that holds nothing: removing the last target may
    leave an empty `[targets]` or none at all, and both say the same."""
    if document.get("targets") == {}:
        return {key: value for key, value in document.items() if key != "targets"}
    return document


def with_line_endings_of(original: str, edited: str) -> str:
    """`edited` with the line endings of `original`: a file written with CRLF throughout keeps
    CRLF on every line, new ones included (tomlkit writes LF); any other file is left as is."""
    crlf = original.count("\r\n")
    if not crlf or crlf != original.count("\n"):
        return edited
    return edited.replace("\r\n", "\n").replace("\n", "\r\n")


def _section(text: str, data: dict, target_id: str) -> tuple[str, str, str] | None:
    """The text before a target's `[targets.ID]` section, the section (its header and its own
    sub-tables), and the text after; or None (the whole file is edited) where the text holds a
    multi-line string (a header may be quoted in one), a line beginning with `[` that is not a
    header on its own, the target's tables apart, or a section that does not read as exactly
    that target."""
    if '"""' in text or "'''" in text:
        return None
    headers = _headers(text)
    if headers is None:
        return None
    own = [index for index, (_, path) in enumerate(headers) if path[:2] == ("targets", target_id)]
    if not own or headers[own[0]][1] != ("targets", target_id):
        return None
    first, last = own[0], own[-1]
    if own != list(range(first, last + 1)):
        return None
    start = headers[first][0]
    end = headers[last + 1][0] if last + 1 < len(headers) else len(text)
    part = text[start:end]
    try:
        read = tomllib.loads(part)
    except tomllib.TOMLDecodeError:
        return None
    if read != {"targets": {target_id: data.get("targets", {}).get(target_id)}}:
        return None
    return text[:start], part, text[end:]


_PLAIN_HEADER_CHARACTERS = frozenset(
    "[]._-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)


def _headers(text: str) -> list[tuple[int, tuple[str, ...]]] | None:
    """Where each table header starts and its key path, in file order; None if a line that
    begins with `[` (after any blanks) does not read on its own as one header. Used only on text
    without multi-line strings, where every header begins a line. No regular expression: a line
    of any length is looked at once."""
    found = []
    position = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" \t")
        if stripped.startswith("["):
            path = _header_path(stripped.rstrip("\r"))
            if path is None:
                return None
            found.append((position, path))
        position += len(line) + 1
    return found


def _header_path(line: str) -> tuple[str, ...] | None:
    """The key path of a header line (`[targets.a]`, `[[targets.a.observations]]`, quoted keys,
    blanks, a comment), read by tomllib unless it is written plainly; None if it is no header."""
    if _PLAIN_HEADER_CHARACTERS.issuperset(line):
        brackets = 2 if line.startswith("[[") else 1
        inner = line[brackets:-brackets]
        parts = tuple(inner.split("."))
        plain = line.endswith("]" * brackets) and all(parts) and not {"[", "]"} & set(inner)
        return parts if plain else None
    try:
        table: object = tomllib.loads(line)
    except tomllib.TOMLDecodeError:
        return None
    path: list[str] = []
    while isinstance(table, dict | list) and table:
        if isinstance(table, list):
            table = table[-1]
            continue
        if len(table) != 1:
            return None
        key, table = next(iter(table.items()))
        path.append(key)
    return tuple(path) if path and table == {} else None


def replace_text(location: TargetsLocation, before: str, after: str) -> None:
    """Replace the file's text by `after` (a whole edited version), under its lock and only if
    it still reads `before`: an edit made meanwhile by someone else is never overwritten."""
    refuse_embedded(location)
    path = the_file_itself(location.path, location.label)
    with locked(path, location.label):
        if read_text(location._replace(path=path)) != before:
            raise ChangedMeanwhile([f"{location.label}: changed while it was being edited"])
        replace_atomically(path, after, location.label)


def refuse_embedded(location: TargetsLocation) -> None:
    """The shipped targets file is never edited, however it is named: embedded in the package,
    or the same file reached as ./targets.toml or --file in a source checkout."""
    if location.embedded or _is_shipped(location.path):
        raise BadInput(
            [
                f"{location.label}: the targets file shipped with lnrev is read-only;"
                " run `lnrev init` to make your own copy, then edit that"
            ]
        )


def _is_shipped(path: Path) -> bool:
    try:
        return path.exists() and path.samefile(embedded_targets())
    except OSError:
        return False


def add_target(document: Document, target_id: str, fields: dict[str, Any], form: Kind) -> None:
    """Append `[targets.ID]` with its keys; an id already in the file is refused, and so is an
    index without a base year when the plan has no base."""
    if form.baseline_form == "index" and "baseline" not in fields and not _plan_base(document):
        raise Refusal(
            f"a {form.name} target needs --baseline-at (the year its index is 100),"
            " or a base in the file's [plan]"
        )
    if "targets" not in document:
        document["targets"] = tomlkit.table(is_super_table=True)
    if not re.fullmatch(SLUG_PATTERN, target_id):
        raise Refusal(
            f"target id {target_id!r} is not a slug: use lowercase letters, digits and hyphens"
            " (e.g. clean-energy)"
        )
    targets = document["targets"]
    if target_id in targets:
        raise Refusal(f"targets.{target_id} exists already; choose another id")
    table = tomlkit.table()
    for key, value in fields.items():
        table[key] = inline_table(value) if isinstance(value, dict) else value
    targets[target_id] = table


def record_observation(
    document: Document, target_id: str, observation: dict[str, Any], replace: bool = False
) -> str:
    """Add an observation to a target; one at the same point in time is refused unless `replace`."""
    with Recorder(document) as recorder:
        return recorder.record(target_id, observation, "replace" if replace else "refuse")


class Recorder:
    """Records observations into a document, remembering the points in time of each target it
    has seen, so that recording many (an import) looks each one up once instead of rescanning
    the target's observations for every row."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._moments: dict[str, dict[float, int]] = {}
        self._arrays: list[Array] = []

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *error: object) -> None:
        """Index each array appended to once, at the end (see `_append_to`)."""
        for array in self._arrays:
            del array._reindex
            array._reindex()

    def record(self, target_id: str, observation: dict[str, Any], on_existing: str) -> str:
        """Record `observation`: "added", or with one already at its point in time "replaced" or
        "skipped" as `on_existing` says ("replace", "skip"), or a Refusal ("refuse")."""
        target = _target(self.document, target_id)
        kind = str(target.get("kind", DEFAULT_KIND))
        given = [key for key in OBSERVATION_FIELDS if key in observation]
        allowed = kind_of(kind).observation_fields
        if not given or given[0] not in allowed:
            raise Refusal(
                f"targets.{target_id} is a {kind} target: it takes {' or '.join(allowed)},"
                f" not {given[0] if given else 'nothing'}"
            )
        observations = target.get("observations")
        moments = self._moments_of(target_id, observations)
        at = observation["at"]
        same = moments.get(decimal_year(at))
        ordered = {key: observation[key] for key in OBSERVATION_ORDER if key in observation}
        if same is not None:
            if on_existing == "skip":
                return "skipped"
            if on_existing != "replace":
                existing = observations[same]
                values = _values_of(existing, allowed)
                raise Refusal(
                    f"targets.{target_id} has an observation at {iso(at)} already ({values});"
                    " use --replace to overwrite it"
                )
            _overwrite(observations[same], ordered)
            return "replaced"
        self._append(target, observations, ordered)
        moments[decimal_year(at)] = len(moments)
        return "added"

    def _append(self, target: Table | InlineTable, observations: Any, fields: dict) -> None:
        """Add an observation in the form the target already uses: a table of an array of
        tables, an inline table in an array, or a new array.

        tomlkit re-indexes an array after every item added to it, which made an import of many
        rows to one target quadratic; the recorder re-indexes each array once, when it is done.
        """
        if isinstance(observations, Array):
            if observations not in self._arrays:
                observations._reindex = _not_yet  # re-indexed once, on leaving the recorder
                self._arrays.append(observations)
            observations.append(inline_table(fields))
        else:
            _append(target, observations, fields)

    def _moments_of(self, target_id: str, observations: Any) -> dict[float, int]:
        if target_id not in self._moments:
            self._moments[target_id] = {
                decimal_year(existing["at"]): index
                for index, existing in enumerate(observations or ())
            }
        return self._moments[target_id]


def _not_yet() -> None:
    """Stands in for an array's re-indexing while a recorder appends to it."""


def _append(target: Table | InlineTable, observations: Any, fields: dict[str, Any]) -> None:
    """Add an observation as a table of an array of tables, or in a new array."""
    if isinstance(observations, AoT):
        table = tomlkit.table()
        table.update(fields)
        for item in [tomlkit.nl(), *_comments_after_last_key(observations[-1])]:
            table.add(item)  # a blank line, then the comments that introduce what follows
        observations.append(table)
    else:
        array = tomlkit.array()
        array.multiline(True)
        array.append(inline_table(fields))
        _add_after_last_key(target, "observations", array)


def _plan_base(document: Document) -> Any:
    plan = document.get("plan")
    return plan.get("base") if plan is not None else None


def plain_value_field(document: Document, target_id: str) -> str:
    """What a bare VALUE records for a target: its kind's first value field (a growth target's
    rate, the value of every other kind)."""
    kind = str(_target(document, target_id).get("kind", DEFAULT_KIND))
    return kind_of(kind).observation_fields[0]


def inline_table(fields: dict[str, Any]) -> InlineTable:
    """`{ at = 2024-06-30, value = 50.5 }`, spaced like a hand-written file."""
    body = ", ".join(f"{key} = {tomlkit.item(value).as_string()}" for key, value in fields.items())
    return tomlkit.parse(f"x = {{ {body} }}")["x"]


class UnknownPoint(Refusal):
    """The command line names an observation the target does not have (a usage error, exit 2)."""


def remove_target(document: Document, target_id: str) -> str:
    """Remove a target with everything it holds; what was removed, in words. Comments around it
    stay: one before it may head a whole group of targets."""
    target = _target(document, target_id)
    count = len(target.get("observations") or ())
    targets = document["targets"]
    del targets[target_id]
    return f"targets.{target_id} and its {count} observation{'' if count == 1 else 's'}"


def remove_observation(document: Document, target_id: str, at: Point) -> str:
    """Remove the observation of a target at a point in time; what was removed, in words."""
    target = _target(document, target_id)
    observations = target.get("observations") or []
    points = [existing["at"] for existing in observations]
    moments = [decimal_year(point) for point in points]
    if decimal_year(at) not in moments:
        written = [iso(point) for point in points]
        hint = did_you_mean(iso(at), written) or (
            f"; its observations are at {', '.join(written)}" if written else "; it has none"
        )
        raise UnknownPoint(f"targets.{target_id} has no observation at {iso(at)}{hint}")
    index = moments.index(decimal_year(at))
    kind = kind_of(str(target.get("kind", DEFAULT_KIND)))
    existing = observations[index]
    values = _values_of(existing, kind.observation_fields)
    del observations[index]
    if not observations:
        del target["observations"]
    return f"the observation of targets.{target_id} at {iso(at)} ({values})"


def _values_of(observation: Any, fields: tuple[str, ...]) -> str:
    """ "value 40", "yoy -2.7": an observation's value as written."""
    return ", ".join(f"{key} {observation[key]}" for key in fields if key in observation)


def _target(document: Document, target_id: str) -> Table | InlineTable:
    targets = document.get("targets", {})
    if target_id not in targets:
        raise UnknownTarget(target_id, list(targets))
    return targets[target_id]


def _add_after_last_key(table: Table | InlineTable, key: str, item: Any) -> None:
    """Add a key right after the table's last key, before any comment or blank line that ends
    it (those usually introduce what follows). tomlkit offers this only as a private method; if
    that ever goes, the key is appended, which is as valid, only placed less neatly."""
    try:
        keys = [
            k.key
            for k, value in table.value.body
            if k is not None and not isinstance(value, Table | AoT)
        ]
        table.value._insert_after(keys[-1], key, item)
    except (AttributeError, IndexError, TypeError):  # a table written with dotted keys, say
        table[key] = item


def _comments_after_last_key(table: Table) -> list[Any]:
    """Take the comments (and the blank lines among them) that end a table: in TOML they introduce
    what follows it, so a table appended after this one goes before them. The first blank lines
    stay where they are, keeping the tables apart."""
    body = table.value.body
    end = len(body)
    while end and body[end - 1][0] is None:
        end -= 1
    start = next((i for i in range(end, len(body)) if isinstance(body[i][1], Comment)), len(body))
    moved = [item for _, item in body[start:]]
    del body[start:]  # trailing items carry no key, so the table's key index is unaffected
    return moved


def _overwrite(existing: Table | InlineTable, fields: dict[str, Any]) -> None:
    """Replace an observation's value and the keys given, in place: its other keys (published,
    note), their order and its comments stay as they were."""
    for key in OBSERVATION_FIELDS:
        if key in existing and key not in fields:
            del existing[key]
    for key, value in fields.items():
        if key != "at":  # the same point in time, as written
            existing[key] = value
