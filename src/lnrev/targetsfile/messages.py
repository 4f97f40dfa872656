"""Validation errors in the analyst's words: the key path, then what is wrong with it.

pydantic reports where a value failed (with its own union tags in the path) and a message meant for
programmers. This module walks each error's location through the file model, drops the tags, and
rewrites the message the way a TOML author reads it: "expected a number, got 'abc'", "unknown key
'vaule' (did you mean 'value'?)", "'yoy' does not belong to a level target (change targets use it)".
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import BaseModel, Tag, ValidationError

from lnrev.model.fields import describe
from lnrev.model.kinds import KIND_CHOICES, KIND_NAMES, KINDS
from lnrev.model.targets_file import TargetsFile
from lnrev.suggestions import did_you_mean
from lnrev.targetsfile.key_lines import KeyPath

_KIND_MODELS = {name: kind.tables for name, kind in KINDS.items()}

_EXPECTED = {
    "float_type": "a number",
    "int_type": "a whole number",
    "string_type": "a text",
    "bool_type": "true or false",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
    "list_type": "an array",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a targets file, at a key path (empty for the file as a whole)."""

    path: KeyPath
    message: str


def problems_from(error: ValidationError) -> list[Problem]:
    """Every problem of a failed validation of the targets file, in the analyst's words."""
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        path, parent = _walk(detail["loc"])
        if detail["type"] == "target_rules":
            problems += [Problem((*path, *sub), text) for sub, text in detail["ctx"]["problems"]]
        else:
            problems.append(_explain(detail, path, parent))
    return problems


def _explain(detail: Any, path: KeyPath, parent: type[BaseModel] | None) -> Problem:
    error_type, value = detail["type"], detail["input"]
    if error_type == "missing":
        return Problem(path, "missing required key")
    if error_type == "extra_forbidden":
        return Problem(path, _unknown_key(str(path[-1]), parent))
    if error_type in _EXPECTED:
        return Problem(path, f"expected {_EXPECTED[error_type]}, got {describe(value)}")
    if error_type == "finite_number":
        return Problem(path, f"expected a finite number, got {describe(value)}")
    if error_type == "literal_error":
        hint = did_you_mean(value, typing.get_args(_annotation_at(parent, path[-1])))
        return Problem(path, f"expected {detail['ctx']['expected']}, got {describe(value)}{hint}")
    if error_type == "kind" and isinstance(value, dict):
        hint = did_you_mean(value.get("kind"), KIND_NAMES)
        got = describe(value.get("kind"))
        return Problem((*path, "kind"), f"expected {KIND_CHOICES}, got {got}{hint}")
    if error_type == "string_pattern_mismatch" and path and path[-1] == "[key]":
        return Problem(
            path[:-1],
            f"target id {describe(value)} is not a slug: use lowercase letters, digits and hyphens"
            " (e.g. clean-energy)",
        )
    if error_type == "greater_than_equal":
        return Problem(path, f"must be at least {detail['ctx']['ge']:g}, got {describe(value)}")
    if error_type == "greater_than":
        return Problem(path, f"must be greater than {detail['ctx']['gt']:g}, got {describe(value)}")
    if error_type == "source_type":
        return Problem(path, f"{detail['msg']}, got {describe(value)}")
    return Problem(path, detail["msg"])


def _unknown_key(key: str, parent: type[BaseModel] | None) -> str:
    if parent is None:
        return f"unknown key {key!r}"
    for kind, models in _KIND_MODELS.items():
        if parent in models:
            position = models.index(parent)
            users = [
                other
                for other, others in _KIND_MODELS.items()
                if position < len(others) and key in _keys(others[position])
            ]
            if kind == "growth" and key == "direction":
                return (
                    "'direction' does not belong to a growth target: it is always judged upward"
                    " (the average rate must at least hold)"
                )
            if users:
                users_text = " and ".join(users)
                return f"{key!r} does not belong to a {kind} target ({users_text} targets use it)"
    return f"unknown key {key!r}{did_you_mean(key, _keys(parent))}"


def _keys(table: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in table.model_fields.items()]


def _annotation_at(parent: type[BaseModel] | None, key: str | int) -> Any:
    for name, field in parent.model_fields.items() if parent else ():
        if key in (name, field.alias):
            return _strip(field.annotation)
    return None


def _walk(loc: tuple[str | int, ...]) -> tuple[KeyPath, type[BaseModel] | None]:
    """The key path of an error location, without union tags, and the table model it ends in."""
    path: list[str | int] = []
    current: Any = TargetsFile
    parent: type[BaseModel] | None = None
    for part in loc:
        current = _strip(current)
        tagged = _tagged_members(current)
        if part in tagged:
            current = tagged[part]
            continue
        path.append(part)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            parent, current = current, _annotation_at(current, part)
        elif origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            current = None
    return tuple(path), parent


def _strip(annotation: Any) -> Any:
    """The type inside Annotated[...] and `X | None`, unless it is a union of tagged members."""
    while True:
        if typing.get_origin(annotation) is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) in (Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _tagged_members(annotation: Any) -> dict[str, Any]:
    if typing.get_origin(annotation) not in (Union, types.UnionType):
        return {}
    members = {}
    for member in typing.get_args(annotation):
        if typing.get_origin(member) is Annotated:
            inner, *metadata = typing.get_args(member)
            members.update({tag.tag: inner for tag in metadata if isinstance(tag, Tag)})
    return members
