"""Which assessments to show, in what order, and whether a watch should fail (pure).

`--sort verdict` puts what needs attention first: missed, deterioration, limited progress,
acceleration needed, pending, on track, met, then insufficient data. `--sort gap` puts the
smallest distance still to go first (in the target's direction); `--sort deadline` the earliest
deadline first; `--sort id` alphabetical. A leading `-` reverses the order (`--sort -gap`: the
most still to do first); a target with no gap comes last either way. Python's sort is stable, so
ties keep file order. Ids are chosen by shell-style patterns (`gdp-growth-*`), and verdicts by
their machine names or by the words of the scheme in use (`lagging` under `ndrc`).
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable

from lnrev.engine.results import Assessment
from lnrev.engine.timeline import decimal_year
from lnrev.engine.verdicts import SCHEMES, Scheme, Verdict

SORT_KEYS = ("verdict", "gap", "deadline", "id")
DESCENDING = "-"
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
    """The assessments in the order `--sort` asks for (file order when None); `-key` is the
    reverse order, with what has no value for the key (a gap of null) still last."""
    if key is None:
        return list(assessments)
    name = key.removeprefix(DESCENDING)
    measured = [a for a in assessments if _SORTERS[name](a) is not None]
    unmeasured = [a for a in assessments if _SORTERS[name](a) is None]
    ordered = sorted(measured, key=_SORTERS[name], reverse=key.startswith(DESCENDING))
    return ordered + unmeasured


def matching(patterns: Iterable[str], ids: Iterable[str]) -> tuple[set[str], list[str]]:
    """The ids that shell-style `patterns` (`gdp-growth-*`, `cpi-202?`, or a plain id) match,
    and the patterns that match none."""
    ids = list(ids)
    matched: set[str] = set()
    unmatched = []
    for pattern in patterns:
        if is_pattern(pattern):
            found = [id_ for id_ in ids if fnmatch.fnmatchcase(id_, pattern)]
        else:
            found = [pattern] if pattern in ids else []
        matched.update(found)
        if not found:
            unmatched.append(pattern)
    return matched, unmatched


def nearest(pattern: str, ids: Iterable[str], count: int = 3) -> list[str]:
    """The ids closest to a pattern that matched none (its wildcards left out), closest first."""
    plain = pattern.translate(str.maketrans("", "", "*?[]"))
    return difflib.get_close_matches(plain, list(ids), n=count, cutoff=0.4)


def is_pattern(text: str) -> bool:
    """Whether an id as typed is a shell-style pattern (has *, ? or [) rather than a plain id."""
    return any(character in text for character in "*?[")


def word(text: str) -> str:
    """A verdict's name as typed, compared loosely: `on_track`, `on-track` and `On track` are
    one word."""
    return " ".join(text.replace("_", " ").replace("-", " ").lower().split())


def scheme_words(scheme: Scheme) -> dict[str, set[Verdict]]:
    """Every word a scheme names verdicts by, with the verdicts it names (`lagging`: three under
    `ndrc`), in English and in Chinese, and the machine names every scheme shares."""
    named: dict[str, set[Verdict]] = {word(v.value): {v} for v in Verdict}
    labels = [(label, {verdict}) for verdict, label in scheme.labels.items()]
    labels += [
        (scheme.achieved_early, {Verdict.MET}),
        (scheme.faster_than_expected, {Verdict.ON_TRACK}),
    ]
    for label, verdicts in labels:
        if label is not None:
            for name in (word(label.en), label.zh):
                named.setdefault(name, set()).update(verdicts)
    return named


def known_verdict_word(text: str) -> bool:
    """Whether any scheme names a verdict so (checked before the file names the scheme in use)."""
    return any(word(text) in scheme_words(scheme) for scheme in SCHEMES.values())


def verdicts_named(texts: Iterable[str], scheme: Scheme) -> list[Verdict]:
    """The verdicts these words name under `scheme`, in the summary's order; ValueError for a
    word another scheme uses but this one does not."""
    named = scheme_words(scheme)
    chosen: set[Verdict] = set()
    for text in texts:
        if word(text) not in named:
            users = [s.name for s in SCHEMES.values() if word(text) in scheme_words(s)]
            raise ValueError(
                f"{text!r} is a verdict of the {' and '.join(users)} scheme, not of"
                f" {scheme.name} (the scheme in use; --scheme changes it)"
            )
        chosen |= named[word(text)]
    return [verdict for verdict in Verdict if verdict in chosen]


def failing(assessments: Iterable[Assessment], fail_on: Iterable[Verdict]) -> list[Assessment]:
    """The shown assessments whose verdict is one `--fail-on` watches for."""
    watched = set(fail_on)
    return [a for a in assessments if a.verdict in watched]


def _remaining(a: Assessment) -> float | None:
    """The distance still to go in the target's direction (negative once passed)."""
    gap = a.measures.gap
    if gap is None:
        return None
    return gap if a.direction != "decrease" else -gap


_SORTERS = {
    "verdict": lambda a: ATTENTION_ORDER.index(a.verdict),
    "gap": _remaining,
    "deadline": lambda a: decimal_year(a.target.at),
    "id": lambda a: a.id,
}
