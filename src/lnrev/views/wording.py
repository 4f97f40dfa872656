"""Numbers and sentences for people: rounding, units and rates in the indicator's own terms.

Rounding happens here and only here; JSON carries the unrounded values. A rate reads as the
indicator does: "+4.19 pp/yr" for a linear pace of a share in %, "+7.1 %/yr" for compound growth.
No rich in this module, so that every view (table, gap, Markdown) shares it. Sentences are the
language's phrases (`views.language`); numbers, dates and ids are the same in every language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from lnrev.engine.course import leaning
from lnrev.engine.results import Assessment, MethodVerdict, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, as_date, as_written, iso
from lnrev.engine.verdicts import Caveat, Verdict
from lnrev.model.fields import Source, SourceRef
from lnrev.model.kinds import kind_of
from lnrev.reports.bibliography import Citation
from lnrev.reports.progress import ProgressReport
from lnrev.views.language import EN, Language

if TYPE_CHECKING:  # types only: the reports of history and changes load the file model
    from lnrev.reports.over_time import Changes, Timeline

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""Zero-width and bidirectional formatting characters: they can reorder or hide what a reader
sees, so they are shown as escapes."""
_BREAKS = re.compile(r"[\n\r\t]+")


def plain(text: str) -> str:
    """Text from the targets file, safe to show: control characters (ANSI escapes included)
    removed, invisible and bidirectional characters shown as escapes (\\u202e)."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return _INVISIBLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def one_line(text: str) -> str:
    """`plain` text on one line: a name with a line break stays one row of a table."""
    return _BREAKS.sub(" ", plain(text))


def number(value: float | None) -> str:
    """A value rounded for reading: two decimals, trailing zeros dropped; tiny or huge in e-form."""
    if value is None:
        return "—"
    if value != 0 and not 0.01 <= abs(value) < 1e9:
        return f"{value:.3g}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def with_unit(value: float | None, unit: str) -> str:
    """56.8% for a share, 650 Mt for a quantity with a unit, the bare number without one."""
    if value is None:
        return "—"
    unit = plain(unit)
    if unit in ("%", ""):
        return f"{number(value)}{unit}"
    return f"{number(value)} {unit}"


def shown_unit(assessment: Assessment) -> str:
    """The unit values are shown in: a change target is reported in cumulative %."""
    return kind_of(assessment.kind).reported_unit(assessment.unit)


def change_unit(assessment: Assessment) -> str:
    """The unit of a difference or a linear pace: percentage points for a share in % ("pp",
    "pp of GDP" for "% of GDP"), else the unit itself."""
    unit = plain(shown_unit(assessment))
    return "pp" + unit[1:] if unit.startswith("%") else unit


def gap_with_unit(assessment: Assessment) -> str:
    """The gap with what it counts: "+6.3 pp" for a share (and for a growth target, points of
    the rate), "+1 years" for a quantity; a bound's gap is the headroom left to it."""
    gap = assessment.measures.gap
    if gap is None:
        return "—"
    unit = change_unit(assessment)
    return f"{signed(gap)} {unit}".strip()


def goal_value(assessment: Assessment) -> str:
    """The target's value as it reads: "56.8%", and a bound as a bound, "≤ 5.5%" or "≥ 650"."""
    value = with_unit(assessment.target.value, shown_unit(assessment))
    if assessment.kind != "bound" or assessment.target.value is None:
        return value
    return f"{'≤' if assessment.direction == 'decrease' else '≥'} {value}"


def only_baseline(assessment: Assessment) -> bool:
    """True when nothing has been observed since a declared (or the plan's) baseline: the
    latest reading is then the baseline itself, which is not a figure of the period. (A baseline
    taken from the first observation is a figure.)"""
    a = assessment
    return (
        a.baseline is not None
        and a.baseline_from != "first_observation"
        and a.latest is not None
        and a.latest.at == a.baseline.at
    )


def point_words(at: Point) -> str:
    """A point in time as people name it: "2020" for a year's end, else the date."""
    day = as_date(at)
    return str(day.year) if (day.month, day.day) == (12, 31) else day.isoformat()


def breach_words(assessment: Assessment, lang: Language = EN) -> str:
    """Why a bound was missed: "5.7% on 2022-12-31, above the ceiling" ("" when not)."""
    breach = assessment.breach
    if breach is None:
        return ""
    side = "above the ceiling" if assessment.direction == "decrease" else "below the floor"
    value = with_unit(breach.value, shown_unit(assessment))
    return lang.say(side, value=value, at=iso(breach.at))


def name_in(assessment: Assessment, lang: Language = EN) -> str:
    """The target's name to show."""
    return assessment.name


def required_rate(assessment: Assessment, per: str = "/yr") -> str:
    """The annual pace still needed, in the terms of the target's method ("—" once met)."""
    if assessment.verdict is Verdict.MET:
        return "—"
    m = assessment.measures
    return _rate(assessment, m.required_change_per_year, m.required_growth_per_year, per)


def actual_rate(assessment: Assessment, per: str = "/yr") -> str:
    """The annual pace so far, in the terms of the target's method."""
    m = assessment.measures
    return _rate(assessment, m.actual_change_per_year, m.actual_growth_per_year, per)


def _rate(assessment: Assessment, change: float | None, growth: float | None, per: str) -> str:
    if assessment.method is None:
        return "—"
    if assessment.method == "linear":
        return "—" if change is None else f"{signed(change)} {change_unit(assessment)}{per}".strip()
    return "—" if growth is None else f"{signed(growth * 100)} %{per}"


def percent(share: float | None) -> str:
    """A share as a whole percentage, 56%; one beyond what a float holds a hundred times over
    (progress of 1e307 against a tiny gap) in e-form, 2e+309%."""
    if share is None:
        return "—"
    if abs(share) < 1e15:
        return f"{round(share * 100)}%"  # round() gives 0, never -0
    mantissa, exponent = f"{share:.0e}".split("e")
    return f"{mantissa}e{int(exponent) + 2:+}%"


def status_caption(file: str, rules: Rules, methods: list[str], lang: Language = EN) -> str:
    """ "file: targets.toml · as of 2026-11-24 · scheme: eurostat · method: linear (in use: …)"."""
    return lang.say(
        "caption",
        file=plain(file),
        as_of=rules.as_of.isoformat(),
        scheme=rules.scheme.name,
        method=rules.method,
        in_use=", ".join(methods) or lang.say("none"),
    )


def report_heading(report: ProgressReport, lang: Language = EN) -> tuple[str, str]:
    """The title of a progress report (the plan's name) and the line under it: as-of date,
    scheme and file."""
    plan = report.plan
    title = plain(plan.name) if plan and plan.name else lang.say("report title")
    meta = lang.say(
        "report meta",
        as_of=report.rules.as_of.isoformat(),
        scheme=report.rules.scheme.name,
        file=plain(report.file_label),
    )
    return title, meta


def verdict_words(a: Assessment, lang: Language = EN) -> str:
    """The verdict as the scheme names it, with the outlook of a pending target:
    "pending, likely met", "achieved early", "lagging"."""
    label = lang.label(a.label)
    if a.outlook is None:
        return label
    return lang.say("with outlook", label=label, outlook=lang.say(a.outlook.value))


def summary_line(assessments: list[Assessment], lang: Language = EN) -> str:
    """ "3 targets: 1 met, 1 on track, 1 pending": each name the scheme gives, in verdict order."""
    ordered = sorted(assessments, key=lambda a: list(Verdict).index(a.verdict))
    counts = Counter(lang.label(a.label) for a in ordered)
    total = lang.say("target" if len(assessments) == 1 else "targets", count=len(assessments))
    if not counts:
        return total
    parts = lang.say("list").join(f"{n} {label}" for label, n in counts.items())
    return lang.say("summary", total=total, parts=parts)


def position_words(a: Assessment, lang: Language = EN) -> str:
    """ "50.5% on 2024-06-30 → 56.8% by 2025-12-31": where a target is and where it must be."""
    unit = shown_unit(a)
    if a.latest is None:
        latest = lang.say("no figure yet")
    elif only_baseline(a):
        latest = lang.say("no figure since", base=point_words(a.baseline.at))
    else:
        latest = lang.say("value on", value=with_unit(a.latest.value, unit), at=iso(a.latest.at))
        if Caveat.STALE in a.caveats:
            latest += lang.say("aged", years=number(a.measures.data_age))
    return lang.say("position", latest=latest, target=goal_value(a), by=iso(a.target.at))


def caveat_marks(a: Assessment, lang: Language = EN) -> str:
    """ "stale, short span": the caveats of a row, in the contract's order."""
    return lang.say("list").join(lang.say(caveat.value) for caveat in a.caveats)


def caveat_legend(caveat: Caveat, rules: Rules, lang: Language = EN) -> str:
    """What a caveat mark means, under a table that shows it."""
    years = {Caveat.STALE: rules.stale_after, Caveat.SHORT_SPAN: rules.min_span}.get(caveat)
    return lang.say(f"{caveat.value} legend", years=number(years))


def caveat_sentence(a: Assessment, caveat: Caveat, rules: Rules, lang: Language = EN) -> str:
    """One caveat of one target, in a sentence with its own numbers."""
    key = f"{caveat.value} sentence"
    if caveat is Caveat.METHODS_DISAGREE:
        return lang.say(
            key,
            favourable=_schemes_leaning(a, 1, lang),
            unfavourable=_schemes_leaning(a, -1, lang),
        )
    if caveat is Caveat.STALE:
        return lang.say(key, years=number(a.measures.data_age))
    if caveat is Caveat.SHORT_SPAN:
        return lang.say(key, days=(as_date(a.latest.at) - as_date(a.baseline.at)).days)
    return lang.say(key, at=iso(a.baseline.at), base=iso(rules.plan_base))


def _schemes_leaning(a: Assessment, side: int, lang: Language) -> str:
    """ "eurostat, unsd2022 (on track)": the schemes whose verdict leans to one side."""
    return lang.say("list").join(
        lang.say("scheme says", scheme=method.scheme, verdict=method_verdict_words(method, lang))
        for method in a.methods
        if leaning(method) == side
    )


def method_verdict_words(method: MethodVerdict, lang: Language = EN) -> str:
    """A published method's verdict as its scheme names it, with its outlook."""
    label = lang.label(method.label)
    if method.outlook is None:
        return label
    return lang.say("with outlook", label=label, outlook=lang.say(method.outlook.value))


def method_rows(a: Assessment, lang: Language = EN) -> list[tuple[str, str, str, str, str]]:
    """The published methods side by side: scheme, method, verdict, ratio, projected."""
    unit = shown_unit(a)
    return [
        (
            method.scheme,
            method.method or "—",
            method_verdict_words(method, lang),
            number(method.ratio),
            with_unit(method.projected, unit),
        )
        for method in a.methods
    ]


METHOD_COLUMNS = ("col scheme", "col method", "col verdict", "col ratio", "col projected")


def trend_words(a: Assessment, lang: Language = EN) -> str | None:
    """ "on 4 points the straight-line trend gives -13.7% at the deadline, 80% between -15.9%
    and -11.6%: a 57% chance the target is met" (None without a trend)."""
    trend = a.trend
    if trend is None:
        return None
    unit = shown_unit(a)
    sentence = lang.say(
        "trend sentence",
        points=trend.points,
        line=lang.say(f"trend {trend.scale}"),
        projected=with_unit(trend.projected, unit),
        low=with_unit(trend.low, unit),
        high=with_unit(trend.high, unit),
        probability=percent(trend.probability),
    )
    return sentence + (lang.say("trend rough") if trend.points == 3 else "")


def reached_by_words(a: Assessment, lang: Language = EN) -> str | None:
    """ "at the pace so far the target is reached by the end of 2027" (None without a year)."""
    if a.reached_by is None:
        return None
    return lang.say("reached by", year=a.reached_by)


HISTORY_COLUMNS = ("col as of", "col verdict", "col caveats", "col latest", "col ratio")
CHANGES_COLUMNS = ("col target", "col before", "col after", "col latest", "col reasons")


def entry_words(a: Assessment, lang: Language = EN) -> tuple[str, str, str]:
    """A target on one date: its verdict (with outlook), its caveat marks, its latest figure."""
    latest = "—"
    if a.latest is not None and a.latest.value is not None:
        latest = lang.say(
            "value on", value=with_unit(a.latest.value, shown_unit(a)), at=iso(a.latest.at)
        )
    return verdict_words(a, lang), caveat_marks(a, lang), latest


def history_rows(timeline: Timeline, lang: Language = EN) -> list[tuple[str, ...]]:
    """One row per date of `lnrev history`: as of, verdict, caveats, latest, ratio."""
    rows = []
    for moment in timeline.moments:
        verdict, caveats, latest = entry_words(moment.assessment, lang)
        ratio = number(moment.assessment.measures.ratio)
        rows.append((moment.as_of.isoformat(), verdict, caveats, latest, ratio))
    return rows


def history_story(timeline: Timeline, lang: Language = EN) -> list[str]:
    """`lnrev history` in sentences, one per date: what happened (a new figure, the deadline
    passing, time passing) and what it made of the verdict ("2024-07-16: a new figure, 50.5% at
    2024-06-30, made it on track")."""
    sentences = []
    before: Assessment | None = None
    for moment in timeline.moments:
        now = moment.assessment
        verdict = verdict_words(now, lang)
        changed = before is None or verdict != verdict_words(before, lang)
        sentences.append(
            lang.say(
                "story made" if changed else "story kept",
                day=moment.as_of.isoformat(),
                cause=story_cause(before, now, moment.as_of, lang),
                verdict=verdict,
            )
        )
        before = now
    return sentences


def story_cause(before: Assessment | None, now: Assessment, day: date, lang: Language) -> str:
    """What happened on `day`: a new latest figure, the deadline, else the passing of time."""
    if now.latest is not None and now.latest.value is not None:
        if before is None or before.latest != now.latest:
            value = with_unit(now.latest.value, shown_unit(now))
            return lang.say("story new figure", value=value, at=iso(now.latest.at))
    elif before is None:
        return lang.say("no figure yet")
    if day == as_date(now.target.at):
        return lang.say("story deadline")
    return lang.say("story aged")


def changes_rows(found: Changes, lang: Language = EN) -> list[tuple[str, ...]]:
    """One row per target of `lnrev changes`: target, verdict before and after, latest figure
    before → after, and why."""
    rows = []
    for change in found.changes:
        before, after = entry_words(change.before, lang), entry_words(change.after, lang)
        verdicts = [
            verdict + (f" [{caveats}]" if caveats else "")
            for verdict, caveats, _ in (before, after)
        ]
        latest = before[2] if before[2] == after[2] else f"{before[2]} → {after[2]}"
        why = lang.say("list").join(lang.say(f"reason {reason}") for reason in change.reasons)
        rows.append((change.after.id, *verdicts, latest, why))
    return rows


def no_changes(found: Changes, lang: Language = EN) -> str:
    return lang.say("no changes", since=found.since.isoformat(), as_of=found.as_of.isoformat())


def history_caption(timeline: Timeline, file: str, rules: Rules, lang: Language = EN) -> str:
    return lang.say(
        "history caption",
        id=timeline.id,
        file=plain(file),
        as_of=timeline.as_of.isoformat(),
        scheme=rules.scheme.name,
    )


def changes_caption(found: Changes, file: str, rules: Rules, lang: Language = EN) -> str:
    return lang.say(
        "changes caption",
        file=plain(file),
        since=found.since.isoformat(),
        as_of=found.as_of.isoformat(),
        scheme=rules.scheme.name,
    )


def method_line(a: Assessment, rules: Rules, lang: Language = EN) -> str:
    """The method and the scheme's bands a verdict was reached by (or how a bound is checked)."""
    if a.method is None:
        return lang.say("bound line")
    bands = rules.thresholds
    return lang.say(
        "method line",
        method=a.method,
        scheme=rules.scheme.name,
        on_track=number(bands.on_track),
        acceleration_needed=number(bands.acceleration_needed),
        limited_progress=number(bands.limited_progress),
    )


def goal_text(assessment: Assessment, lang: Language = EN) -> str:
    """The target in words: "56.8% by 2025-12-31", "-13.5% vs 2020-12-31 by 2025-12-31"."""
    a = assessment
    template = kind_of(a.kind).goal_template(a)
    return lang.say(
        template,
        value=with_unit(a.target.value, shown_unit(a)),
        signed=signed(a.target.value),
        base=iso(a.baseline.at) if a.baseline else "—",
        by=iso(a.target.at),
    )


def in_words(assessment: Assessment, lang: Language = EN) -> str:
    """What the numbers mean, in one sentence an analyst could paste into a report."""
    a = assessment
    goal = goal_text(a, lang)
    if a.latest is None or a.latest.value is None:
        return lang.say("aims, no data", goal=goal)
    latest = lang.say(
        "value on", value=with_unit(a.latest.value, shown_unit(a)), at=iso(a.latest.at)
    )
    if not kind_of(a.kind).has_course:
        if a.verdict is Verdict.PENDING:
            return lang.say(
                "had to stay", goal=goal, passed=_deadline_passed(a, lang), latest=latest
            )
        return lang.say("must stay", goal=goal, latest=latest)
    if a.verdict is Verdict.MET:
        return lang.say("reached", goal=goal, latest=latest)
    if a.verdict is Verdict.MISSED:
        return lang.say("missed", goal=goal, latest=latest)
    if a.verdict is Verdict.PENDING:
        return _pending_words(a, goal, latest, lang)
    per_year = lang.say("a year")
    sentence = lang.say("needs", rate=required_rate(a, per_year), at=iso(a.latest.at), goal=goal)
    if actual_rate(a) != "—":
        sentence += lang.say("pace so far is", rate=actual_rate(a, per_year))
    return sentence


def _deadline_passed(a: Assessment, lang: Language) -> str:
    return lang.say("deadline passed", years=number(-a.measures.years_left))


def _pending_words(a: Assessment, goal: str, latest: str, lang: Language) -> str:
    """A target whose deadline has passed before its figure is known: what is known, what the
    last pace implies."""
    sentence = lang.say("aimed", goal=goal, passed=_deadline_passed(a, lang), latest=latest)
    if a.outlook is None:
        return sentence + lang.say("no pace")
    return sentence + lang.say(
        "would have reached",
        rate=actual_rate(a, lang.say("a year")),
        projected=with_unit(a.measures.projected, shown_unit(a)),
        outlook=lang.say(a.outlook.value),
    )


def source_text(source: Source | None, with_url: bool = True) -> str:
    """A source on one line: publisher, “title”, date, url (the url left for a line of its own
    where `with_url` is false)."""
    if source is None:
        return "—"
    if not isinstance(source, SourceRef):
        return plain(source)
    date = as_written(source.date) if source.date is not None else None
    parts = [source.publisher, f"“{source.title}”", date, source.url if with_url else None]
    return plain(", ".join(part for part in parts if part))


def source_url(source: Source | None) -> str | None:
    return plain(source.url) if isinstance(source, SourceRef) and source.url else None


def recorded_text(a: Assessment, index: int) -> str:
    """An observation as recorded in the file: "yoy -2.7%", "rate 5.8%/yr since 2020-12-31",
    "value 50.5" (the computed value on the reporting scale stands beside it)."""
    entry = a.history[index]
    since = a.history[index - 1].at if index else (a.baseline.at if a.baseline else None)
    words = []
    for key, value in entry.recorded.items():
        if key == "yoy":
            words.append(f"yoy {signed(value)}%")
        elif key == "rate":
            words.append(f"rate {signed(value)}%/yr" + (f" since {iso(since)}" if since else ""))
        else:
            words.append(f"{key} {number(value)}")
    return ", ".join(words)


def citation_text(citation: Citation) -> str:
    """ "clean-energy observation 2024-06-30", "clean-energy target", "plan"."""
    parts = [citation.target, citation.what, iso(citation.at) if citation.at is not None else None]
    return " ".join(part for part in parts if part)


def measure_rows(a: Assessment, lang: Language = EN) -> list[tuple[str, str]]:
    """Every number of an assessment as (label, text) rows, for the in-depth views."""
    m, unit = a.measures, shown_unit(a)
    baseline = _reading(a.baseline, unit, lang)
    if a.baseline_from is not None:
        baseline += f" ({a.baseline_from.replace('_', ' ')})"
    target = lang.say("by date", value=with_unit(a.target.value, unit), by=iso(a.target.at))
    pace = _both(m.actual_change_per_year, m.actual_growth_per_year, a, lang)
    required = _both(m.required_change_per_year, m.required_growth_per_year, a, lang)
    return [
        (lang.say("row baseline"), baseline),
        (lang.say("row latest"), _reading(a.latest, unit, lang)),
        (lang.say("row target"), target),
        (lang.say("row gap"), gap_with_unit(a)),
        (lang.say("row progress"), percent(m.progress)),
        (lang.say("row time"), percent(m.time_elapsed)),
        _time_left(m.years_left, lang),
        (
            lang.say("row age"),
            "—" if m.data_age is None else lang.say("years", years=number(m.data_age)),
        ),
        (lang.say("row pace"), pace),
        (lang.say("row required"), required),
        (lang.say("row projected"), with_unit(m.projected, unit)),
        (lang.say("row ratio"), number(m.ratio)),
    ]


def _time_left(years_left: float | None, lang: Language) -> tuple[str, str]:
    """ "years left  1.07", or once the deadline is behind: "deadline  passed 0.93 years ago"."""
    if years_left is not None and years_left < 0:
        return lang.say("row deadline"), lang.say("passed ago", years=number(-years_left))
    return lang.say("row years left"), number(years_left)


def _both(change: float | None, growth: float | None, a: Assessment, lang: Language) -> str:
    linear = f"{signed(change)} {change_unit(a)}/yr" if change is not None else None
    compound = f"{signed(growth * 100)} %/yr" if growth is not None else None
    return lang.say("or").join(part for part in (linear, compound) if part) or "—"


def _reading(reading: Reading | None, unit: str, lang: Language) -> str:
    if reading is None:
        return "—"
    return lang.say("at date", value=with_unit(reading.value, unit), at=iso(reading.at))
