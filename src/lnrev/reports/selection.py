"""Which assessments to show, in what order, and whether a watch should fail (pure).

`--sort verdict` puts what needs attention first: missed, deterioration, limited progress,
acceleration needed, pending, on track, met, then insufficient data. `--sort gap` puts the largest
distance still to go first (in the target's direction, nulls last); `--sort deadline` the
earliest deadline first; `--sort id` alphabetical. Python's sort is stable, so ties keep file order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from lnrev.engine.results import Assessment
from lnrev.engine.timeline import decimal_year
from lnrev.engine.verdicts import Verdict

SORT_KEYS = ("verdict", "gap", "deadline", "id")
ATTENTION_ORDER = (
    Verdict.MISSED,
    Verdict.DETERIORATION,
    Verdict.LIMITED_PROGRESS,
    Verdict.ACCELERATION_NEEDED,
    Verdict.PENDING,
    Verdict.ON_TRACK,
    Verdict.MET,
    Verdict.INSUFFICIENT_DATA,
)


SETTLED = frozenset({Verdict.MET, Verdict.MISSED})
"""Verdicts no later figure can change: the deadline's figure is in."""


def select(
    assessments: Iterable[Assessment],
    ids: Iterable[str] = (),
    verdicts: Iterable[Verdict] = (),
    binding: bool | None = None,
    kinds: Iterable[str] = (),
    open_only: bool = False,
) -> list[Assessment]:
    """The assessments that pass every filter given (an empty filter lets everything through);
    `open_only` keeps those whose verdict is not settled (`SETTLED`)."""
    ids, verdicts, kinds = set(ids), set(verdicts), set(kinds)
    return [
        a
        for a in assessments
        if (not ids or a.id in ids)
        and (not verdicts or a.verdict in verdicts)
        and (binding is None or a.binding == binding)
        and (not kinds or a.kind in kinds)
        and not (open_only and a.verdict in SETTLED)
    ]


def sort(assessments: list[Assessment], key: str | None) -> list[Assessment]:
    """The assessments in the order `--sort` asks for (file order when None)."""
    if key is None:
        return list(assessments)
    return sorted(assessments, key=_SORTERS[key])


def failing(assessments: Iterable[Assessment], fail_on: Iterable[Verdict]) -> list[Assessment]:
    """The shown assessments whose verdict is one `--fail-on` watches for."""
    watched = set(fail_on)
    return [a for a in assessments if a.verdict in watched]


def _remaining(a: Assessment) -> float:
    gap = a.measures.gap
    if gap is None:
        return math.inf  # nulls last
    return -(gap if a.direction != "decrease" else -gap)


_SORTERS = {
    "verdict": lambda a: ATTENTION_ORDER.index(a.verdict),
    "gap": _remaining,
    "deadline": lambda a: decimal_year(a.target.at),
    "id": lambda a: a.id,
}
