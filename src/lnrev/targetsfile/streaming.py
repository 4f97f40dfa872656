"""Reading and assessing a targets file one target at a time: what `lnrev status` does.

Each target's section is parsed, validated and assessed, then its data and its model are let go,
so that a file of 100,000 targets is never held whole as parsed data or as models: the memory is
the text and what the report keeps of each assessment. The result is the one the whole-file
reader gives: the same tables validate the same keys (`model.targets_file.head_of`, `target_of`),
and whatever is not in the plain form or does not validate is read again whole, by `load`, whose
messages name every problem with its line. Models are built on first use, so a file without a
bound target never builds the bound target's tables.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import NamedTuple

from pydantic import ValidationError

from lnrev.engine.results import Assessment
from lnrev.engine.rules import Rules
from lnrev.errors import LnrevError
from lnrev.model.tables import Plan
from lnrev.model.targets_file import FileHead, head_of, target_of
from lnrev.reports.status import assess_target
from lnrev.targetsfile.loading import TargetsLocation, read_text, read_toml, validate
from lnrev.targetsfile.parsing import parse
from lnrev.targetsfile.sections import Sections, sections, target_texts


class AssessedFile(NamedTuple):
    plan: Plan | None
    rules: Rules
    assessments: list[Assessment]
    """Every target in file order, as `keep` left it."""


class _ReadWhole(Exception):
    """The file is not in the plain form after all: read it whole."""


def assess_each(
    location: TargetsLocation,
    rules_for: Callable[[FileHead], Rules],
    keep: Callable[[Assessment], Assessment] = lambda assessment: assessment,
) -> AssessedFile:
    """Every target of the file assessed by the rules `rules_for` makes of its head (the plan and
    the assessment settings), each passed through `keep` as it is assessed."""
    text = read_text(location)
    found = sections(text)
    if found is not None:
        try:
            return _by_section(text, found, rules_for, keep)
        except _ReadWhole:
            pass
    targets = validate(read_toml(text, location), text, location.label)
    del text
    rules = rules_for(FileHead(targets.plan, targets.assessment))
    assessments = [
        keep(assess_target(id_, target, rules)) for id_, target in targets.targets.items()
    ]
    return AssessedFile(targets.plan, rules, assessments)


def _by_section(
    text: str,
    found: Sections,
    rules_for: Callable[[FileHead], Rules],
    keep: Callable[[Assessment], Assessment],
) -> AssessedFile:
    try:
        head = head_of(parse(found.head))
        rules = rules_for(head)
    except (tomllib.TOMLDecodeError, ValidationError, ValueError, LnrevError):
        raise _ReadWhole from None  # a usage error, too, comes after the file's own problems
    assessments = []
    for target_id, section in target_texts(text, found):
        try:
            data = parse(section)
            if list(data) != ["targets"] or list(data["targets"]) != [target_id]:
                raise _ReadWhole
            target = target_of(target_id, data["targets"][target_id], head.plan_base)
        except (tomllib.TOMLDecodeError, ValidationError, ValueError):
            raise _ReadWhole from None
        assessments.append(keep(assess_target(target_id, target, rules)))
    return AssessedFile(head.plan, rules, assessments)
