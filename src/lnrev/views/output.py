"""One output path for every report: a view, rendered in the format asked for, to stdout or a file.

A view is a report's data with one method per format (`json`, `csv`, `markdown`, `rich`, and
`html` for the progress report). `rendered` is the one switch on the text formats and `present`
the one way to stdout, as hledger's renderers are: status, gap, sources and report all go through
them. Renderers are imported inside the methods, so `--format json` never loads rich, the table
never loads plotext unless it draws, and the HTML report loads neither.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from lnrev.views.environment import REPORT, Environment

if TYPE_CHECKING:  # the views' data, named for readers; importing them would load pydantic
    from rich.console import Console, RenderableType

    from lnrev.engine.results import Assessment
    from lnrev.engine.rules import Rules
    from lnrev.model.tables import Plan, Target
    from lnrev.reports.bibliography import Bibliography
    from lnrev.reports.over_time import Changes, Timeline
    from lnrev.reports.progress import ProgressReport

FORMATS = ("table", "json", "csv", "markdown")
REPORT_FORMATS = ("html", "markdown")
UNBOUNDED = 100_000  # piped output is as wide as its content: never wrapped or cut short
ASCII_FALLBACK = str.maketrans(
    {"—": "-", "·": "|", "“": '"', "”": '"', "█": "#", "░": ".", "●": "o", "→": "->"}
    | {"≤": "<=", "≥": ">="}
)


class View(Protocol):
    def json(self) -> dict[str, Any]: ...
    def csv(self, env: Environment) -> Iterator[str]: ...
    def markdown(self, env: Environment) -> str: ...
    def rich(self, env: Environment) -> RenderableType: ...


class StatusView(NamedTuple):
    """Every target shown, with the verdict counts and a caption naming the file and date."""

    assessments: list[Assessment]
    caption: str
    plan: Plan | None
    rules: Rules
    file_label: str
    filters: str = ""
    """The filters as typed ("--binding"), to say so when nothing matched."""
    columns: tuple[str, ...] | None = None
    """The table's columns by name (--columns); None for the default."""

    def json(self) -> dict[str, Any]:
        from lnrev.views.json_document import status_document

        return status_document(self.assessments, self.plan, self.rules, self.file_label)

    def csv(self, env: Environment) -> Iterator[str]:
        from lnrev.views.csv_table import assessments_csv

        return assessments_csv(self.assessments, env.raw_text, env.decimals)

    def markdown(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.markdown import status_markdown
        from lnrev.views.wording import summary_line

        lang = LANGUAGES[env.lang]
        caption = f"{self.caption} · {summary_line(self.assessments, lang)}"
        return status_markdown(self.assessments, caption, lang)

    def rich(self, env: Environment) -> RenderableType:
        from lnrev.views.terminal import nothing_matched, status_view

        if not self.assessments and self.filters:
            return nothing_matched(self.file_label, self.filters, env)
        return status_view(self.assessments, self.caption, self.rules, env, self.columns)


class GapView(NamedTuple):
    """One target in depth."""

    assessment: Assessment
    target: Target
    rules: Rules
    chart: bool = True

    def json(self) -> dict[str, Any]:
        from lnrev.views.json_document import gap_document

        return gap_document(self.assessment, self.rules.as_of)

    def csv(self, env: Environment) -> Iterator[str]:
        from lnrev.views.csv_table import assessments_csv

        return assessments_csv([self.assessment], env.raw_text, env.decimals)

    def markdown(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.markdown import gap_markdown

        return gap_markdown(self.assessment, LANGUAGES[env.lang])

    def rich(self, env: Environment) -> RenderableType:
        from lnrev.views.terminal import gap_view

        return gap_view(self.assessment, self.target, self.rules, env, self.chart)


class SourcesView(NamedTuple):
    """The bibliography of a file."""

    bibliography: Bibliography
    file_label: str

    @property
    def caption(self) -> str:
        count = len(self.bibliography.references)
        return f"file: {self.file_label} · {count} source{'s' if count != 1 else ''}"

    def json(self) -> dict[str, Any]:
        from lnrev.views.json_document import sources_document

        return sources_document(self.bibliography, self.file_label)

    def csv(self, env: Environment) -> Iterator[str]:
        from lnrev.views.csv_table import sources_csv

        return sources_csv(self.bibliography, env.raw_text)

    def markdown(self, env: Environment) -> str:
        from lnrev.views.markdown import sources_markdown

        return sources_markdown(self.bibliography, self.caption)

    def rich(self, env: Environment) -> RenderableType:
        from lnrev.views.terminal import sources_view

        return sources_view(self.bibliography, self.caption, env)


class HistoryView(NamedTuple):
    """A target's verdict on every date it could have changed."""

    timeline: Timeline
    rules: Rules
    file_label: str

    def caption(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.wording import history_caption

        return history_caption(self.timeline, self.file_label, self.rules, LANGUAGES[env.lang])

    def json(self) -> dict[str, Any]:
        from lnrev.views.json_document import history_document

        return history_document(self.timeline)

    def csv(self, env: Environment) -> Iterator[str]:
        from lnrev.views.csv_table import history_csv

        return history_csv(self.timeline, env.raw_text, env.decimals)

    def markdown(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.markdown import history_markdown

        return history_markdown(self.timeline, self.caption(env), LANGUAGES[env.lang])

    def rich(self, env: Environment) -> RenderableType:
        from lnrev.views.terminal import history_view

        return history_view(self.timeline, self.caption(env), env)


class ChangesView(NamedTuple):
    """The targets whose verdict or latest figure changed between two dates."""

    changes: Changes
    rules: Rules
    file_label: str

    def caption(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.wording import changes_caption

        return changes_caption(self.changes, self.file_label, self.rules, LANGUAGES[env.lang])

    def json(self) -> dict[str, Any]:
        from lnrev.views.json_document import changes_document

        return changes_document(self.changes, self.file_label)

    def csv(self, env: Environment) -> Iterator[str]:
        from lnrev.views.csv_table import changes_csv

        return changes_csv(self.changes, env.raw_text, env.decimals)

    def markdown(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.markdown import changes_markdown

        return changes_markdown(self.changes, self.caption(env), LANGUAGES[env.lang])

    def rich(self, env: Environment) -> RenderableType:
        from lnrev.views.terminal import changes_view

        return changes_view(self.changes, self.caption(env), env)


class ReportView(NamedTuple):
    """The progress report: one page for people to share (HTML), or the same as Markdown."""

    report: ProgressReport

    def html(self, env: Environment) -> str:
        from lnrev.views.html_report import report_html
        from lnrev.views.language import LANGUAGES

        return report_html(self.report, LANGUAGES[env.lang])

    def markdown(self, env: Environment) -> str:
        from lnrev.views.language import LANGUAGES
        from lnrev.views.markdown import report_markdown

        return report_markdown(self.report, LANGUAGES[env.lang])


def rendered(view: View, fmt: str, env: Environment) -> Iterator[str]:
    """A view as text in `fmt` (json, csv, markdown or html), in pieces, as the output's
    encoding allows."""
    if fmt == "json":
        from lnrev.views.json_document import json_pieces

        yield from json_pieces(view.json(), pretty=env.tty, ascii_only=not env.utf)
        yield "\n"
    elif fmt == "csv":
        yield from view.csv(env)
    elif fmt == "html":  # any character beyond the encoding as a character reference
        page = view.html(env)
        yield page if env.utf else page.encode("ascii", "xmlcharrefreplace").decode("ascii")
    else:
        markdown = view.markdown(env)
        yield markdown if env.unicode else markdown.translate(ASCII_FALLBACK)


def present(view: View, fmt: str, env: Environment) -> None:
    """Write a view to stdout in `fmt`."""
    if fmt == "table":
        show(view.rich(env), env)
    else:
        for piece in rendered(view, fmt, env):
            env.write(piece)


def show(renderable: RenderableType, env: Environment) -> None:
    """Print a rich view as `env` allows: on a terminal as rich draws it, elsewhere as
    `table_text` writes it."""
    if env.tty and env.unicode:
        _console(env, env.stdout).print(renderable, crop=False)
        return
    env.write(table_text(renderable, env))


def table_text(renderable: RenderableType, env: Environment) -> str:
    """A rich view as text: without colour no escape code at all (rich's no_color would still
    send bold and dim), in colour only where `env` asks for it (`--color always` in a pipe);
    as wide as its content unless `env` has a width, with no trailing blanks."""
    console = _console(env, io.StringIO())
    with console.capture() as captured:
        console.print(renderable, crop=False)
    text = "".join(_without_trailing_blanks(line) + "\n" for line in captured.get().splitlines())
    return text if env.unicode else text.translate(ASCII_FALLBACK)


_STYLE_CODE = re.compile(r"\x1b\[[0-9;]*m")
_LINE_END = re.compile(r"(?:\s|\x1b\[[0-9;]*m)+$")


def _without_trailing_blanks(line: str) -> str:
    """The line without the blanks at its end, keeping the colour codes among them."""
    end = _LINE_END.search(line)
    if end is None:
        return line
    return line[: end.start()] + "".join(_STYLE_CODE.findall(end.group()))


def _console(env: Environment, file: Any) -> Console:
    from rich.console import Console

    return Console(
        width=env.width or UNBOUNDED,
        color_system="auto" if env.colour else None,
        force_terminal=env.colour or None,
        no_color=False,
        highlight=False,
        legacy_windows=False,
        file=file,
    )


def recorded(renderable: RenderableType) -> Console:
    """A view drawn in colour at its natural width (at most 240 columns), for rich's export."""
    from rich.console import Console

    measuring = Console(width=UNBOUNDED, file=io.StringIO())
    width = min(measuring.measure(renderable).maximum, 240)
    recorder = Console(width=width, record=True, file=io.StringIO(), force_terminal=True)
    recorder.print(renderable)
    return recorder


def exported(view: View, suffix: str) -> str:
    """A view's table as drawn for a report, as an SVG image or an HTML page (rich's console
    export), by the file name's `suffix`."""
    recorder = recorded(view.rich(REPORT))
    if suffix.lower() == ".svg":
        return recorder.export_svg(title="lnrev")
    return recorder.export_html()


FILE_FORMATS = {
    ".json": "json", ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".txt": "table",
}  # fmt: skip
"""The format `-o FILE` writes, from the file's extension (`.txt` is the table as plain text)."""


def file_text(view: View | ReportView, fmt: str, env: Environment) -> str:
    """A view as the whole text of a file: the table as plain text, HTML as the view's own page
    or else its table as drawn (rich's export), every other format as `rendered` writes it."""
    if fmt == "table":
        return table_text(view.rich(env), env)
    if fmt == "html" and not isinstance(view, ReportView):
        return recorded(view.rich(REPORT)).export_html()
    return "".join(rendered(view, fmt, env))
