"""Drawing a `trajectory.Chart` in the terminal with plotext (imported only by commands that draw).

Text from the targets file (the title, the unit) loses its control characters, as in every view.
The x axis is decimal time with ticks at year-ends, labelled as the ISO dates lnrev writes
everywhere (the end of 2024 is 2024-12-31); the y axis carries the unit.
"""

from __future__ import annotations

from lnrev.views.chart import Chart, year_end_label, year_ticks
from lnrev.views.wording import plain

MARKERS = {
    "target": "─",
    "required": "braille",
    "projection": "dot",
    "interval": "┃",
    "observed": "●",
}
SYMBOLS = {"─": "─", "braille": "⢕", "dot": "•", "┃": "┃", "●": "●"}
DRAWING_ORDER = ("target", "required", "projection", "interval", "observed")  # observations on top


def render(chart: Chart, width: int, height: int, colour: bool) -> str:
    """The chart as text, `width` x `height` terminal cells, then a one-line legend below it
    (a legend box inside the plot would hide the data). ANSI colours only if `colour`."""
    if not chart.drawable():
        return "no chart: its values span more than a number can hold"
    import plotext

    plotext.terminal.limit(False, False)  # the width asked for, whatever the terminal says
    figure = plotext.figure
    figure.clear()
    figure.plot_size(width, height)
    figure.theme("simple")
    drawn = sorted((s for s in chart.series if s.points), key=lambda s: DRAWING_ORDER.index(s.role))
    for series in drawn:
        times, values = zip(*series.points, strict=True)
        signal = figure.signal(list(times), list(values), marker=MARKERS[series.role])
        if series.role != "observed":
            signal.lines()
        figure.draw(signal)
    xs = [t for series in drawn for t, _ in series.points]
    if xs:
        positions = year_ticks(min(xs), max(xs))
        figure.ruler("x").ticks(positions, [year_end_label(t) for t in positions])
    figure.label(plain(chart.y_label), axis="y")
    figure.title(plain(chart.title))
    legend = "   ".join(f"{SYMBOLS[MARKERS[s.role]]} {plain(s.label)}" for s in reversed(drawn))
    return figure.build().string(colorless=not colour) + "\n" + legend
