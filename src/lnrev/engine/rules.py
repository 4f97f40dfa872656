"""How a file asks for its targets to be assessed, and on which date (contract sections 1 and 5).

The `[assessment]` table and the plan's base point, resolved: the scheme with its thresholds (the
file's own keys override the scheme's), the default method, the publication lag and the caveat
thresholds, with the as-of date every duration is measured to.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from lnrev.engine.timeline import Point, as_date
from lnrev.engine.verdicts import EUROSTAT, Scheme, Thresholds


class Rules(NamedTuple):
    as_of: date
    method: str = "linear"
    scheme: Scheme = EUROSTAT
    thresholds: Thresholds = EUROSTAT.thresholds
    publication_lag: int = 0
    """Days after its date that an observation without `published` becomes known."""
    stale_after: float = 1.5
    """Years after which the latest figure is stale (an annual series has missed a release)."""
    min_span: float = 1.0
    """Years of data below which a pace is flagged as resting on a short span."""
    plan_base: Point | None = None
    """The plan's base point (`[plan] base`), the baseline point of targets without their own."""

    def is_known(self, at: Point, published: date | None) -> bool:
        """Was a figure at `at` known on the as-of date (contract section 1)?

        Its point must not lie after the as-of date, and it must have been published by then: on
        its `published` date if given, else `publication_lag` days after its own date. (Decimal
        time grows with the calendar, so dates are compared as they are.)
        """
        day = as_date(at)
        if day > self.as_of:
            return False
        if published is not None:
            return published <= self.as_of
        try:
            return day <= self.as_of - timedelta(days=self.publication_lag)
        except OverflowError:  # a lag reaching back before the year 1: nothing is known yet
            return False
