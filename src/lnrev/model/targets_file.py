"""A whole targets file: the plan, the assessment settings and the targets, in file order."""

from __future__ import annotations

from pydantic import model_validator

from lnrev.model.fields import Strict, TargetId
from lnrev.model.kinds import AnyTarget, kind_of
from lnrev.model.tables import AssessmentSettings, Plan, Problems, refuse


class TargetsFile(Strict):
    """A whole targets file: the plan, the assessment settings and the targets, in file order."""

    plan: Plan | None = None
    assessment: AssessmentSettings = AssessmentSettings()
    targets: dict[TargetId, AnyTarget] = {}

    @property
    def plan_base(self):
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
