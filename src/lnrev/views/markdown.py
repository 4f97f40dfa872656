"""Markdown for reports: pipe tables with the numbers rounded as in the terminal table, in the
language asked for (English by default)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lnrev.engine.results import Assessment
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import iso
from lnrev.engine.verdicts import Caveat
from lnrev.reports.bibliography import Bibliography
from lnrev.reports.progress import ProgressReport
from lnrev.views import wording
from lnrev.views.language import EN, Language

if TYPE_CHECKING:  # types only: the reports of history and changes load the file model
    from lnrev.reports.over_time import Changes, Timeline

STATUS_COLUMNS = (
    "Target", "Latest", "Target by", "Gap", "Progress", "Time elapsed", "Required", "Pace so far",
    "Projected", "Verdict",
)  # fmt: skip
HISTORY_COLUMNS = ("at", "value", "recorded", "assessed", "source")


MARKDOWN_SYNTAX = re.compile(r"([\\`\[\]|])")


def cell(text: str) -> str:
    """Text from the file, inert in Markdown: on one line, with no raw HTML (`<b>` is shown as
    written) and no Markdown syntax (links, emphasis, pipes are escaped)."""
    text = wording.one_line(text).replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SYNTAX.sub(r"\\\1", text)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def status_markdown(assessments: list[Assessment], caption: str, lang: Language = EN) -> str:
    """The status table as Markdown, then its caption and summary in italics."""
    header = tuple(lang.say(column) for column in STATUS_COLUMNS)
    rows = [_status_row(a, lang) for a in assessments]
    return table(header, rows) + f"\n*{cell(caption)}*\n"


def _status_row(a: Assessment, lang: Language) -> tuple[str, ...]:
    unit = wording.shown_unit(a)
    name = f"{a.name} ({a.id}{', ' + lang.say('binding') if a.binding else ''})"
    if a.latest is None:
        latest = "—"
    elif wording.only_baseline(a):
        latest = "— (" + lang.say("no figure since", base=wording.point_words(a.baseline.at)) + ")"
    else:
        latest = f"{wording.with_unit(a.latest.value, unit)} ({iso(a.latest.at)})"
    return (
        name,
        latest,
        lang.say("by date", value=wording.goal_value(a), by=iso(a.target.at)),
        wording.gap_with_unit(a),
        wording.percent(a.measures.progress),
        wording.percent(a.measures.time_elapsed),
        wording.required_rate(a),
        wording.actual_rate(a),
        wording.with_unit(a.measures.projected, unit),
        _verdict(a, lang),
    )


def _verdict(a: Assessment, lang: Language) -> str:
    """The verdict as the scheme names it, with its caveats in brackets."""
    caveats = wording.caveat_marks(a, lang)
    breach = wording.breach_words(a, lang)
    words = wording.verdict_words(a, lang) + (f" [{caveats}]" if caveats else "")
    return words + (f" ({breach})" if breach else "")


def gap_markdown(a: Assessment, lang: Language = EN) -> str:
    """One target: its numbers as a field / value table, then its observations."""
    fields = wording.measure_rows(a, lang)
    unit = wording.shown_unit(a)
    history = [
        (
            iso(h.at),
            wording.with_unit(h.value, unit),
            wording.recorded_text(a, index),
            lang.say("yes" if h.considered else "no"),
            wording.source_text(h.source),
        )
        for index, h in enumerate(a.history)
    ]
    sentences = [wording.in_words(a, lang), wording.trend_words(a, lang)]
    sentences.append(wording.reached_by_words(a, lang))
    said = "".join(f"{cell(sentence)}\n\n" for sentence in sentences if sentence)
    heading = f"### {cell(a.name)} ({a.id})\n\n{said}"
    fields_header = (lang.say("Field"), lang.say("value").capitalize())
    history_header = tuple(lang.say(column).capitalize() for column in HISTORY_COLUMNS)
    return (
        heading
        + table(fields_header, [(lang.say("row verdict"), _verdict(a, lang)), *fields])
        + "\n"
        + _methods_markdown(a, lang)
        + table(history_header, history)
    )


def _methods_markdown(a: Assessment, lang: Language) -> str:
    """The verdict under each published method, as a table under its heading."""
    if not a.methods:
        return ""
    header = tuple(lang.say(column) for column in wording.METHOD_COLUMNS)
    return f"**{lang.say('By method')}**\n\n" + table(header, wording.method_rows(a, lang)) + "\n"


def report_markdown(report: ProgressReport, lang: Language = EN) -> str:
    """The progress report as Markdown, for an issue or a document: the heading, the verdict
    counts, the status table, then each target in depth with its caveats and sources (no charts)."""
    rules = report.rules
    heading, meta = wording.report_heading(report, lang)
    assessments = report.assessments
    parts = [
        f"# {cell(heading)}\n\n*{cell(meta)}*\n",
        f"## {lang.say('Verdicts')}\n\n{cell(wording.summary_line(assessments, lang))}\n",
    ]
    if assessments:
        methods = sorted({a.method for a in assessments if a.method})
        caption = wording.status_caption(report.file_label, rules, methods, lang)
        parts.append(
            f"## {lang.say('Progress chart')}\n\n" + status_markdown(assessments, caption, lang)
        )
    else:
        parts.append(lang.say("no targets") + "\n")
    shown = {caveat for a in assessments for caveat in a.caveats}
    legend = [
        f"- {lang.say(caveat.value)}: {wording.caveat_legend(caveat, rules, lang)}\n"
        for caveat in Caveat
        if caveat in shown
    ]
    if legend:
        parts.append("".join(legend))
    for entry in report.entries:
        parts.append(_target_markdown(entry.assessment, entry.sources, rules, lang))
    return "\n".join(parts)


def _target_markdown(a: Assessment, sources: Bibliography, rules: Rules, lang: Language) -> str:
    text = gap_markdown(a, lang)
    if a.caveats:
        text += f"\n**{lang.say('Caveats')}**\n\n" + "".join(
            f"- {cell(wording.caveat_sentence(a, caveat, rules, lang))}\n" for caveat in a.caveats
        )
    if sources.references:
        text += f"\n**{lang.say('Sources')}**\n\n" + "".join(
            f"{number}. {cell(wording.source_text(reference.source))}\n"
            for number, reference in enumerate(sources.references, start=1)
        )
    return text


def history_markdown(timeline: Timeline, caption: str, lang: Language = EN) -> str:
    """`lnrev history` as its story, a list of sentences, then a table, one row per date, then
    its caption."""
    story = "".join(f"- {cell(line)}\n" for line in wording.history_story(timeline, lang))
    header = tuple(lang.say(column) for column in wording.HISTORY_COLUMNS)
    rows = table(header, wording.history_rows(timeline, lang))
    return f"{story}\n{rows}\n*{cell(caption)}*\n"


def changes_markdown(found: Changes, caption: str, lang: Language = EN) -> str:
    """`lnrev changes` as a table, one row per target that changed, then its caption."""
    if not found.changes:
        return cell(wording.no_changes(found, lang)) + f"\n\n*{cell(caption)}*\n"
    header = tuple(lang.say(column) for column in wording.CHANGES_COLUMNS)
    return table(header, wording.changes_rows(found, lang)) + f"\n*{cell(caption)}*\n"


def sources_markdown(bibliography: Bibliography, caption: str) -> str:
    """The bibliography as a numbered table, then what names no source, then the caption."""
    rows = [
        (
            str(number),
            wording.source_text(reference.source),
            "; ".join(wording.citation_text(c) for c in reference.cited_by),
        )
        for number, reference in enumerate(bibliography.references, start=1)
    ]
    text = table(("#", "Source", "Cited by"), rows)
    if bibliography.unsourced:
        missing = ", ".join(wording.citation_text(c) for c in bibliography.unsourced)
        text += f"\n**No source:** {cell(missing)}\n"
    return text + f"\n*{cell(caption)}*\n"
