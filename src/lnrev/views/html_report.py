"""The progress report as one self-contained HTML page: `lnrev report`.

Laid out as the UN SDG Progress Chart lays out its targets (a grid of cells, one per target,
coloured by verdict) and as Open SDG lays out an indicator (a section with its sentence, numbers,
chart and sources). The page carries its style and charts inline and fetches nothing: a Content
Security Policy forbids every request and every script, so it opens offline and stays inert even
if a text slipped through. Every text from the targets file is escaped; a source's URL becomes a
link only when it is http or https. Each verdict has its label and its symbol as well as its
colour, and every colour pair has at least 4.5:1 contrast (WCAG 2.1 AA).
"""

from __future__ import annotations

from html import escape

from lnrev.engine.results import Assessment
from lnrev.engine.timeline import iso
from lnrev.engine.verdicts import Caveat, Verdict
from lnrev.model.fields import SourceRef
from lnrev.reports.bibliography import Bibliography
from lnrev.reports.progress import Entry, ProgressReport
from lnrev.version import __version__
from lnrev.views import wording
from lnrev.views.chart import chart_of
from lnrev.views.language import Language
from lnrev.views.svg_chart import SERIES_STYLES, svg

VERDICT_COLOURS = {
    Verdict.MET: ("#d5efdb", "#1b6e33"),
    Verdict.ON_TRACK: ("#e3f2d3", "#3f6f0e"),
    Verdict.ACCELERATION_NEEDED: ("#fff0bf", "#805a00"),
    Verdict.LIMITED_PROGRESS: ("#ffe1c4", "#9a4600"),
    Verdict.DETERIORATION: ("#fbd6d6", "#a8231c"),
    Verdict.MISSED: ("#f2c6c6", "#861b16"),
    Verdict.PENDING: ("#d3ecf4", "#0a6079"),
    Verdict.INSUFFICIENT_DATA: ("#ebebeb", "#595959"),
}
"""(background, border) of each verdict's cell; its text is INK."""
INK = "#161616"
VERDICT_SYMBOLS = {
    Verdict.MET: "✓",
    Verdict.ON_TRACK: "▲",
    Verdict.ACCELERATION_NEEDED: "△",
    Verdict.LIMITED_PROGRESS: "▽",
    Verdict.DETERIORATION: "▼",
    Verdict.MISSED: "✗",
    Verdict.PENDING: "…",
    Verdict.INSUFFICIENT_DATA: "?",
}
"""A symbol beside each label, so that a cell is read without its colour (printed in grey)."""
LINK_SCHEMES = ("http://", "https://")
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
:root { color-scheme: light; --muted: #4a4a4a; --rule: #d0d0d0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 68rem; padding: 1rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 0; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
a { color: #0b4f9c; }
.meta, .kind, .method, footer { color: var(--muted); font-size: 0.9rem; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em;
  color: var(--muted); font-weight: normal; }
.counts { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; }
.counts li, .badge { border: 2px solid; border-radius: 0.3rem; padding: 0.1rem 0.5rem; }
.counts .n { font-weight: bold; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.5rem;
  list-style: none; padding: 0; margin: 0.5rem 0; }
.cell { border: 2px solid; border-left-width: 0.6rem; border-radius: 0.3rem;
  padding: 0.4rem 0.6rem; }
.cell a { color: inherit; text-decoration: none; display: block; }
.cell .name { font-weight: 600; }
.cell .label { display: block; margin-top: 0.2rem; }
.mark { display: inline-block; border: 1px solid var(--muted); border-radius: 0.2rem;
  padding: 0 0.3rem; margin: 0.15rem 0.2rem 0 0; font-size: 0.8rem; background: #fff; }
.binding { font-weight: bold; }
.legend { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
.target { border-top: 3px solid var(--rule); margin-top: 1.5rem; padding-top: 0.75rem; }
.target > .verdict .badge { display: inline-block; font-weight: 600; }
.words { font-size: 1.05rem; }
.numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
  gap: 0 1.5rem; margin: 0.5rem 0; }
.numbers div { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 0.5rem;
  border-bottom: 1px solid #ececec; padding: 0.15rem 0; }
.numbers dt { color: var(--muted); flex: 1 1 50%; }
.numbers dd { margin: 0 0 0 auto; text-align: right; font-variant-numeric: tabular-nums;
  overflow-wrap: normal; }
figure { margin: 0.75rem 0; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto;
  font: 13px system-ui, sans-serif; fill: var(--ink); }
figcaption ul { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap;
  gap: 0.2rem 1rem; font-size: 0.9rem; }
figcaption svg { width: 2.2rem; height: 0.8rem; vertical-align: middle; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.15rem 0.6rem 0.15rem 0; border-bottom: 1px solid #ececec;
  vertical-align: top; }
td.value { text-align: right; font-variant-numeric: tabular-nums; }
.sources li { margin-bottom: 0.3rem; }
.top { font-size: 0.9rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .grid { grid-template-columns: repeat(3, 1fr); }
  .cell, .target, figure, svg.chart, .numbers div, tr { break-inside: avoid; }
  .target { break-before: page; border-top: none; margin-top: 0; }
  svg.chart { max-width: min(100%, 16cm); }
  .top { display: none; }
  a { color: inherit; }
  .sources a[href]::after { content: ""; }
}
@page { margin: 15mm; }
"""


def report_html(report: ProgressReport, lang: Language) -> str:
    """The whole page."""
    rules = report.rules
    heading, meta = wording.report_heading(report, lang)
    assessments = report.assessments
    style = (
        STYLE
        + f":root {{ --ink: {INK}; }}\n"
        + "".join(
            f".v-{verdict.value} {{ background: {background}; border-color: {border}; }}\n"
            for verdict, (background, border) in VERDICT_COLOURS.items()
        )
    )
    body = [
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        f'<p class="meta">{escape(meta)}</p>',
        *_plan_lines(report, lang),
        "</header>",
        '<section aria-labelledby="verdicts">',
        f'<h2 id="verdicts">{escape(lang.say("Verdicts"))}</h2>',
        _counts(assessments, lang),
        "</section>",
        '<section aria-labelledby="progress-chart">',
        f'<h2 id="progress-chart">{escape(lang.say("Progress chart"))}</h2>',
        _grid(assessments, lang),
        *_caveat_legend(assessments, report, lang),
        "</section>",
        *(_target_section(entry, report, lang) for entry in report.entries),
        f"<footer><p>{escape(lang.say('made by', version=__version__))}</p></footer>",
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{"zh-Hans" if lang.code == "zh" else lang.code}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
            f'<meta name="generator" content="lnrev {__version__}">',
            f"<title>{escape(heading)} · {escape(rules.as_of.isoformat())}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _plan_lines(report: ProgressReport, lang: Language) -> list[str]:
    plan = report.plan
    if plan is None:
        return []
    facts = [wording.plain(part) for part in (plan.region, plan.period) if part]
    if report.rules.plan_base is not None:
        facts.append(lang.say("plan base", base=iso(report.rules.plan_base)))
    lines = [f'<p class="meta">{escape(" · ".join(facts))}</p>'] if facts else []
    if plan.source is not None:
        lines.append(f'<p class="meta">{lang.say("source:", source=source_html(plan.source))}</p>')
    return lines


def _counts(assessments: list[Assessment], lang: Language) -> str:
    """Each verdict that occurs, named as the scheme names it, with how many targets have it."""
    total = lang.say("target" if len(assessments) == 1 else "targets", count=len(assessments))
    counted: dict[tuple[Verdict, str], int] = {}
    for a in sorted(assessments, key=lambda a: list(Verdict).index(a.verdict)):
        key = (a.verdict, lang.label(a.label))
        counted[key] = counted.get(key, 0) + 1
    items = "".join(
        f'<li class="v-{verdict.value}">{VERDICT_SYMBOLS[verdict]} <span class="n">{n}</span>'
        f" {escape(label)}</li>"
        for (verdict, label), n in counted.items()
    )
    return f"<p>{escape(total)}</p>" + (f'<ul class="counts">{items}</ul>' if items else "")


def _grid(assessments: list[Assessment], lang: Language) -> str:
    """The progress chart: one cell per target, its verdict by colour, symbol and label."""
    if not assessments:
        return f"<p>{escape(lang.say('no targets'))}</p>"
    cells = []
    for a in assessments:
        binding = f' · <span class="binding">{escape(lang.say("binding"))}</span>'
        cells.append(
            f'<li class="cell v-{a.verdict.value}" data-id="{escape(a.id)}"'
            f' data-verdict="{a.verdict.value}"><a href="#t-{escape(a.id)}">'
            f'<span class="name">{escape(wording.one_line(a.name))}</span><br>'
            f'<span class="id">{escape(a.id)}</span>{binding if a.binding else ""}'
            f'<span class="label">{VERDICT_SYMBOLS[a.verdict]}'
            f" {escape(wording.verdict_words(a, lang))}</span>"
            f"{_caveat_marks(a, lang)}</a></li>"
        )
    return '<ol class="grid">' + "".join(cells) + "</ol>"


def _caveat_marks(a: Assessment, lang: Language) -> str:
    return "".join(
        f'<span class="mark caveat" data-caveat="{c.value}">⚠ {escape(lang.say(c.value))}</span>'
        for c in a.caveats
    )


def _caveat_legend(
    assessments: list[Assessment], report: ProgressReport, lang: Language
) -> list[str]:
    shown = {caveat for a in assessments for caveat in a.caveats}
    return [
        f'<p class="legend">⚠ {escape(lang.say(caveat.value))}:'
        f" {escape(wording.caveat_legend(caveat, report.rules, lang))}</p>"
        for caveat in Caveat
        if caveat in shown
    ]


def _target_section(entry: Entry, report: ProgressReport, lang: Language) -> str:
    """One target in depth: its sentence, key numbers, chart, caveats and sources."""
    a, target, rules = entry.assessment, entry.target, report.rules
    kind = lang.say("kind binding" if a.binding else "kind not binding", kind=a.kind)
    verdict = (
        f'<span class="badge v-{a.verdict.value}">{VERDICT_SYMBOLS[a.verdict]}'
        f" {escape(wording.verdict_words(a, lang))}</span>"
    )
    note = f' <span class="kind">({escape(wording.plain(a.note))})</span>' if a.note else ""
    parts = [
        f'<section class="target" id="t-{escape(a.id)}" data-id="{escape(a.id)}"'
        f' data-verdict="{a.verdict.value}">',
        f'<h2>{escape(wording.one_line(a.name))} <span class="id">{escape(a.id)}</span></h2>',
        f'<p class="kind">{escape(kind)}</p>',
        f'<p class="verdict">{verdict}{_caveat_marks(a, lang)}{note}</p>',
        f'<p class="words">{escape(wording.in_words(a, lang))}</p>',
        *(
            f'<p class="words">{escape(sentence)}</p>'
            for sentence in (wording.trend_words(a, lang), wording.reached_by_words(a, lang))
            if sentence
        ),
    ]
    if a.caveats:
        sentences = "".join(
            f"<li>{escape(wording.caveat_sentence(a, caveat, rules, lang))}</li>"
            for caveat in a.caveats
        )
        parts.append(f'<h3>{escape(lang.say("Caveats"))}</h3><ul class="caveats">{sentences}</ul>')
    if target.note:
        parts.append(
            f'<p class="kind">{escape(lang.say("note:", note=wording.plain(target.note)))}</p>'
        )
    parts += [
        f"<h3>{escape(lang.say('Key numbers'))}</h3>",
        _numbers(a, lang),
        _figure(a, lang),
        f'<p class="method">{escape(wording.method_line(a, rules, lang))}</p>',
        _methods(a, lang),
        _observations(a, lang),
        _sources(entry.sources, lang),
        f'<p class="top"><a href="#progress-chart">{escape(lang.say("back to the chart"))}</a></p>',
        "</section>",
    ]
    return "\n".join(part for part in parts if part)


def _numbers(a: Assessment, lang: Language) -> str:
    rows = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>"
        for label, value in wording.measure_rows(a, lang)
    )
    return f'<dl class="numbers">{rows}</dl>'


def _figure(a: Assessment, lang: Language) -> str:
    """The chart, with a legend whose every line is drawn as the chart draws it."""
    chart = chart_of(a)
    drawing = svg(chart, lang.say("chart of", name=a.name))
    if not drawing:
        return f'<p class="kind">{escape(lang.say("no chart"))}</p>'
    roles = [s.role for s in chart.series if s.points]
    names = {
        "observed": lang.say("series observed"),
        "required": lang.say("series required"),
        "projection": lang.say("series projection"),
        "interval": lang.say("series interval"),
        "target": lang.say("series target", goal=wording.goal_text(a, lang)),
        "deadline": lang.say("series deadline", by=iso(a.target.at)),
    }
    items = "".join(
        f"<li>{_swatch(role)} {escape(names[role])}</li>"
        for role in ("observed", "required", "projection", "interval", "target", "deadline")
        if role in roles or role == "deadline"
    )
    return f"<figure>{drawing}<figcaption><ul>{items}</ul></figcaption></figure>"


def _swatch(role: str) -> str:
    """A small drawing of how the chart draws `role`, for its legend."""
    style = SERIES_STYLES[role]
    if role == "observed":
        mark = f'<circle cx="18" cy="6" r="4.5" {style}/>'
    elif role == "interval":
        mark = f'<rect x="13" y="1" width="10" height="10" {style}/>'
    else:
        mark = f'<line x1="0" y1="6" x2="36" y2="6" {style}/>'
    return f'<svg viewBox="0 0 36 12" aria-hidden="true">{mark}</svg>'


def _methods(a: Assessment, lang: Language) -> str:
    """The verdict under each published method, as a table (contract section 10)."""
    if not a.methods:
        return ""
    head = "".join(f"<th>{escape(lang.say(column))}</th>" for column in wording.METHOD_COLUMNS)
    rows = "".join(
        f'<tr data-scheme="{escape(scheme)}"><td>{escape(scheme)}</td><td>{escape(method)}</td>'
        f'<td>{escape(verdict)}</td><td class="value">{escape(ratio)}</td>'
        f'<td class="value">{escape(projected)}</td></tr>'
        for scheme, method, verdict, ratio, projected in wording.method_rows(a, lang)
    )
    return (
        f"<h3>{escape(lang.say('By method'))}</h3>"
        f'<table class="methods"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _observations(a: Assessment, lang: Language) -> str:
    """Every observation as a table: the chart's points, readable without it."""
    if not a.history:
        return ""
    unit = wording.shown_unit(a)
    rows = "".join(
        f"<tr><td>{iso(h.at)}</td>"
        f'<td class="value">{escape(wording.with_unit(h.value, unit))}</td>'
        f"<td>{escape(lang.say('yes' if h.considered else 'no'))}</td></tr>"
        for h in a.history
    )
    head = "".join(f"<th>{escape(lang.say(column))}</th>" for column in ("at", "value", "assessed"))
    return (
        f"<h3>{escape(lang.say('Observations'))}</h3>"
        f'<table class="observations"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _sources(bibliography: Bibliography, lang: Language) -> str:
    if not bibliography.references and not bibliography.unsourced:
        return ""
    items = "".join(
        f'<li>{source_html(reference.source)}<br><span class="kind">'
        + escape(
            lang.say("cited by", what="; ".join(map(wording.citation_text, reference.cited_by)))
        )
        + "</span></li>"
        for reference in bibliography.references
    )
    missing = ""
    if bibliography.unsourced:
        what = ", ".join(wording.citation_text(c) for c in bibliography.unsourced)
        missing = f'<p class="kind">{escape(lang.say("no source", what=what))}</p>'
    return f'<h3>{escape(lang.say("Sources"))}</h3><ol class="sources">{items}</ol>{missing}'


def source_html(source) -> str:
    """A source on one line, its URL a link only when it is http or https (a `javascript:` or
    any other URL is shown as text, never followed)."""
    text = escape(wording.source_text(source, with_url=False))
    url = wording.source_url(source) if isinstance(source, SourceRef) else None
    if not url:
        return text
    if url.strip().lower().startswith(LINK_SCHEMES):
        return f'{text}, <a href="{escape(url.strip())}">{escape(url)}</a>'
    return f"{text}, {escape(url)}"
