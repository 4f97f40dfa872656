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
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Array, Comment, InlineTable, Table

from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.errors import BadInput, no_such_target
from lnrev.model.fields import SLUG_PATTERN
from lnrev.model.kinds import DEFAULT_KIND, OBSERVATION_FIELDS, kind_of
from lnrev.model.kinds.base import Kind
from lnrev.suggestions import did_you_mean
from lnrev.targetsfile.atomic import locked, replace_atomically
from lnrev.targetsfile.loading import TargetsLocation, read_text, validate

OBSERVATION_ORDER = ("at", *OBSERVATION_FIELDS, "published", "source", "note")

Document = tomlkit.TOMLDocument


class Refusal(Exception):
    """An edit that would lose or contradict something: nothing is written, the reason is shown."""


class UnknownTarget(Refusal):
    """The command line names a target the file does not have (a usage error, exit 2)."""

    def __init__(self, target_id: str, ids: list[str]) -> None:
        super().__init__(f"no target {target_id!r}{did_you_mean(target_id, ids)}")
        self.target_id, self.ids = target_id, ids


def edit(location: TargetsLocation, change: Callable[[Document], None]) -> None:
    """Apply `change` to the targets file in one locked, validated, atomic cycle."""
    if location.embedded:
        raise BadInput(
            [
                f"{location.label}: the targets file shipped with lnrev is read-only;"
                " run `lnrev init` to make your own copy, then edit that"
            ]
        )
    read_text(location)  # a missing or unreadable file is reported before any lock is taken
    with locked(location.path, location.label):
        text = read_text(location)
        validate(tomllib.loads(text), text, location.label)  # never edit a file already invalid
        try:
            document = tomlkit.parse(text)
        except TOMLKitError as error:
            raise BadInput([f"{location.label}: cannot be edited safely: {error}"]) from None
        try:
            change(document)
        except UnknownTarget as unknown:
            raise no_such_target(unknown.target_id, unknown.ids, location.label) from None
        except Refusal as refusal:
            raise BadInput([f"{location.label}: {refusal}"]) from None
        edited = tomlkit.dumps(document)
        validate(tomllib.loads(edited), edited, f"{location.label} (as edited, not written)")
        replace_atomically(location.path, edited, location.label)


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
) -> None:
    """Add an observation to a target; one at the same point in time is refused unless `replace`."""
    target = _target(document, target_id)
    kind = str(target.get("kind", DEFAULT_KIND))
    given = [key for key in OBSERVATION_FIELDS if key in observation]
    allowed = kind_of(kind).observation_fields
    if not given or given[0] not in allowed:
        raise Refusal(
            f"targets.{target_id} is a {kind} target: it takes {' or '.join(allowed)},"
            f" not {given[0] if given else 'nothing'}"
        )
    observations = target.get("observations")
    at = observation["at"]
    same = _at_same_point(observations, at)
    if same is not None and not replace:
        existing = observations[same]
        values = ", ".join(f"{key} {existing[key]}" for key in allowed if key in existing)
        raise Refusal(
            f"targets.{target_id} has an observation at {iso(at)} already ({values});"
            " use --replace to overwrite it"
        )
    ordered = {key: observation[key] for key in OBSERVATION_ORDER if key in observation}
    if same is not None:
        _overwrite(observations[same], ordered)
    elif isinstance(observations, AoT):
        table = tomlkit.table()
        table.update(ordered)
        for item in [tomlkit.nl(), *_comments_after_last_key(observations[-1])]:
            table.add(item)  # a blank line, then the comments that introduce what follows
        observations.append(table)
    elif isinstance(observations, Array):
        observations.append(inline_table(ordered))
    else:
        array = tomlkit.array()
        array.multiline(True)
        array.append(inline_table(ordered))
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


def _target(document: Document, target_id: str) -> Table | InlineTable:
    targets = document.get("targets", {})
    if target_id not in targets:
        raise UnknownTarget(target_id, list(targets))
    return targets[target_id]


def _at_same_point(observations: Any, at: Point) -> int | None:
    moment = decimal_year(at)
    for index, existing in enumerate(observations or ()):
        if decimal_year(existing["at"]) == moment:
            return index
    return None


def _add_after_last_key(table: Table | InlineTable, key: str, item: Any) -> None:
    """Add a key right after the table's last key, before any comment or blank line that ends
    it (those usually introduce what follows). tomlkit offers this only as a private method; if
    that ever goes, the key is appended, which is as valid, only placed less neatly."""
    keys = [
        k.key
        for k, value in table.value.body
        if k is not None and not isinstance(value, Table | AoT)
    ]
    try:
        table.value._insert_after(keys[-1], key, item)
    except (AttributeError, IndexError, TypeError):
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
    for key in list(existing.keys()):
        del existing[key]
    for key, value in fields.items():
        existing[key] = value
