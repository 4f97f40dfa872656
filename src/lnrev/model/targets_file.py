"""A whole targets file: the plan, the assessment settings and the targets, in file order.

`TargetsFile` validates a whole file at once. `head_of` and `target_of` validate the same file a
piece at a time, with the same tables and the same rules, for a large file read one target at a
time (`targetsfile.streaming`); whatever they refuse, that reader hands to `TargetsFile`, whose
messages name every problem.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from pydantic import model_validator

from lnrev.engine.timeline import Point
from lnrev.model.fields import SLUG_PATTERN, Strict, TargetId
from lnrev.model.kinds import AnyTarget, kind_name, kind_of
from lnrev.model.tables import AssessmentSettings, Plan, Problems, Target, refuse

_SLUG = re.compile(SLUG_PATTERN)


class TargetsFile(Strict):
    """A whole targets file: the plan, the assessment settings and the targets, in file order."""

    plan: Plan | None = None
    assessment: AssessmentSettings = AssessmentSettings()
    targets: dict[TargetId, AnyTarget] = {}

    @property
    def plan_base(self) -> Point | None:
        return self.plan.base if self.plan is not None else None

    @model_validator(mode="after")
    def _plan_rules(self) -> TargetsFile:
        """The rules of targets whose baseline point is the plan's base (contract section 7)."""
        problems: Problems = []
        for id_, target in self.targets.items():
            problems += [
                (("targets", id_, *path), message)
                for path, message in kind_of(target.kind).plan_rules(target, self.plan_base)
            ]
        refuse(problems)
        return self


class FileHead(NamedTuple):
    """The plan and the assessment settings: what every target of a file is assessed with."""

    plan: Plan | None
    assessment: AssessmentSettings

    @property
    def plan_base(self) -> Point | None:
        return self.plan.base if self.plan is not None else None


def head_of(data: dict[str, Any]) -> FileHead:
    """The file's tables but its targets, validated as `TargetsFile` validates them (pydantic's
    ValidationError, or ValueError for a key it does not know)."""
    if not set(data) <= {"plan", "assessment"}:
        raise ValueError("a key TargetsFile refuses")
    plan = Plan.model_validate(data["plan"]) if "plan" in data else None
    assessment = AssessmentSettings.model_validate(data.get("assessment", {}))
    return FileHead(plan, assessment)


def target_of(target_id: str, table: Any, plan_base: Point | None) -> Target:
    """One target, validated as `TargetsFile` validates it: its id, its kind's tables and the
    rules that need the plan's base (ValidationError, or ValueError where a rule is broken)."""
    kind = kind_name(table)
    if kind is None or not _SLUG.match(target_id):
        raise ValueError("an id or a kind TargetsFile refuses")
    target = kind_of(kind).target_model.model_validate(table)
    if kind_of(kind).plan_rules(target, plan_base):
        raise ValueError("a rule of the plan's base is broken")
    return target
