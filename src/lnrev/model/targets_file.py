"""A whole targets file: the plan, the assessment settings and the targets, in file order."""

from __future__ import annotations

from lnrev.model.fields import Strict, TargetId
from lnrev.model.kinds import AnyTarget
from lnrev.model.tables import AssessmentSettings, Plan


class TargetsFile(Strict):
    """A whole targets file: the plan, the assessment settings and the targets, in file order."""

    plan: Plan | None = None
    assessment: AssessmentSettings = AssessmentSettings()
    targets: dict[TargetId, AnyTarget] = {}
