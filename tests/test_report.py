"""`lnrev report`: the self-contained HTML page and its Markdown twin, read as text.

What a browser makes of the page is in test_report_browser.py; here: the command and its options,
the content, escaping of hostile text, the SVG charts against the terminal chart's numbers, and the
contrast of every colour pair.
"""

import json
import math
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.engine.verdicts import Verdict
from lnrev.reports.status import assess_file
from lnrev.targetsfile.loading import TargetsLocation, load
from lnrev.views import html_report, svg_chart
from lnrev.views.chart import chart_of

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "targets.toml"
AS_OF = "2026-12-01"
runner = CliRunner()

HOSTILE = """
[plan]
name = "<b>Plan</b> & co"

[targets.evil]
name = "<script>alert(1)</script>"
unit = "%\\" onmouseover=\\"alert(2)"
note = "<img src=x onerror=alert(3)>"
source = { title = "</title><script>alert(4)</script>", url = "javascript:alert(5)" }
target = { value = 50, by = 2025 }
observations = [
  { at = 2020, value = 40, source = { title = "ok", url = " JavaScript:alert(6)" } },
  { at = 2023, value = 46, source = { title = "fine", url = "https://example.org/a?b=1&c=<2>" } },
]
"""


def report(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def shipped_verdicts(*args: str) -> dict[str, str]:
    result = runner.invoke(app, ["status", "--json", "-f", str(SHIPPED), "--as-of", AS_OF, *args])
    return {t["id"]: t["verdict"] for t in json.loads(result.stdout)["targets"]}


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_the_page_is_self_contained_and_names_every_target_with_its_verdict():
    code, page, _ = report("-f", str(SHIPPED), "--as-of", AS_OF)
    assert code == 0
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    tags = parsed(page)
    names = {tag for tag, _ in tags.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    assert not any(key in ("src", "srcset") for _, attrs in tags.tags for key in attrs)
    csp = [a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv")]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    cells = {a["data-id"]: a["data-verdict"] for t, a in tags.tags if t == "li" and "data-id" in a}
    sections = {
        a["data-id"]: a["data-verdict"] for t, a in tags.tags if t == "section" and "data-id" in a
    }
    assert cells == sections == shipped_verdicts()
    assert len(cells) == 11
    text = "".join(tags.text)
    assert "as of 2026-12-01 · scheme: eurostat · file:" in text
    assert "11 targets" in text and "pending, likely met" in text


def test_the_report_says_what_status_says():
    """The counts, the grid and the sections come from the same assessments as `status`."""
    _, page, _ = report("-f", str(SHIPPED), "--as-of", AS_OF)
    status = runner.invoke(app, ["status", "-f", str(SHIPPED), "--as-of", AS_OF]).stdout
    summary = re.search(r"11 targets: (.*)", status).group(1).strip()
    counts = re.findall(r'<span class="n">(\d+)</span> ([a-z ]+)</li>', page)
    assert ", ".join(f"{n} {label}" for n, label in counts) == summary
    assert "aimed at 56.8% by 2025-12-31; the deadline passed 0.92 years ago" in page
    assert "+4.19 pp/yr or +8.14 %/yr" in page  # the required pace, as `gap` shows it
    assert "the pace rests on 68 days of data" in page  # a caveat in words


def test_output_file_written_whole_and_replaced(tmp_path):
    out = tmp_path / "report.html"
    code, stdout, _ = report("-f", str(SHIPPED), "--as-of", AS_OF, "-o", str(out))
    assert (code, stdout) == (0, "")
    first = out.read_text(encoding="utf-8")
    assert first.endswith("</html>\n")
    out.chmod(0o640)
    code, _, _ = report("-f", str(SHIPPED), "--as-of", "2024-12-31", "-o", str(out))
    assert code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert "as of 2024-12-31" in out.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_in_a_missing_folder_is_one_line_and_writes_nothing(tmp_path):
    code, _, stderr = report("-f", str(SHIPPED), "-o", str(tmp_path / "no" / "r.html"))
    assert code == 3
    assert len(stderr.splitlines()) == 1 and "nothing was written" in stderr


def test_output_to_a_folder_is_refused(tmp_path):
    code, _, stderr = report("-f", str(SHIPPED), "-o", str(tmp_path))
    assert code == 2
    assert "is a directory" in stderr and len(stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "filters",
    [("--binding",), ("--expected",), ("--verdict", "pending,met"), ("--kind", "growth"),
     ("gdp-growth-2021", "cpi-2026"), ("--sort", "verdict")],
)  # fmt: skip
def test_filters_and_order_are_those_of_status(filters):
    _, page, _ = report("-f", str(SHIPPED), "--as-of", AS_OF, *filters)
    shown = re.findall(r'<section class="target" id="t-([a-z0-9-]+)"', page)
    assert shown == list(shipped_verdicts(*filters))


def test_no_target_matching_says_so():
    code, page, _ = report("-f", str(SHIPPED), "--as-of", AS_OF, "--verdict", "deterioration")
    assert code == 0 and "No target matches the filters." in page


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("--format", "pdf"), 2, "error: --format: expected html, markdown as format, got 'pdf'"),
        (("nope",), 2, "no target 'nope'"),
        (("--binding", "--expected"), 2, "--binding and --expected exclude each other"),
        (("--scheme", "un"), 2, "--scheme"),
        (("--as-of", "25"), 2, "--as-of"),
    ],
)
def test_usage_errors(args, code, message):
    exit_code, _, stderr = report("-f", str(SHIPPED), *args)
    assert exit_code == code
    assert message in stderr and len(stderr.splitlines()) == 1


def test_chinese_and_the_ndrc_names():
    code, page, _ = report("-f", str(SHIPPED), "--as-of", AS_OF, "--lang", "zh", "--scheme", "ndrc")
    assert code == 0
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')
    text = "".join(parsed(page).text)
    for words in ("进展一览", "评估结果", "主要数据", "方案：ndrc", "待最终数据", "未实现"):
        assert words in text, words


def test_hostile_text_is_inert():
    path = Path("hostile.toml")
    path.write_text(HOSTILE, encoding="utf-8")
    code, page, _ = report("-f", str(path), "--as-of", AS_OF)
    assert code == 0
    tags = parsed(page)
    names = [tag for tag, _ in tags.tags]
    assert "script" not in names and "img" not in names and "b" not in names
    assert not [k for _, attrs in tags.tags for k in attrs if k.startswith("on")]
    hrefs = [a["href"] for t, a in tags.tags if t == "a"]
    assert hrefs == [
        "#t-evil", "https://example.org/a?b=1&c=<2>", "#progress-chart",
    ]  # fmt: skip
    text = "".join(tags.text)
    assert "<script>alert(1)</script>" in text  # shown as written
    assert "javascript:alert(5)" in text and "JavaScript:alert(6)" in text  # as text, not links


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "section",
    "ul", "ol", "li", "span", "a", "br", "dl", "div", "dt", "dd", "figure", "figcaption", "svg",
    "g", "line", "polyline", "circle", "text", "table", "thead", "tbody", "tr", "th", "td",
    "footer",
}  # fmt: skip


@given(text=st.text(min_size=1, max_size=40))
@settings(max_examples=60)
def test_any_text_from_the_file_stays_text(text, tmp_path_factory):
    folder = tmp_path_factory.mktemp("any")
    quoted = json.dumps(text)  # a TOML basic string is JSON's, for these characters
    path = folder / "t.toml"
    path.write_text(
        f"[plan]\nname = {quoted}\n[targets.a]\nname = {quoted}\nunit = {quoted}\nnote = {quoted}\n"
        f"source = {{ title = {quoted}, url = {quoted} }}\n"
        "target = { value = 50, by = 2025 }\n"
        "observations = [{ at = 2020, value = 40 }, { at = 2023, value = 46 }]\n",
        encoding="utf-8",
    )
    code, page, stderr = report("-f", str(path), "--as-of", AS_OF)
    if code != 0:  # a text TOML itself refuses (a lone surrogate) is a clean error
        assert code == 3 and "Traceback" not in stderr
        return
    tags = parsed(page)
    assert {tag for tag, _ in tags.tags} <= ALLOWED_TAGS
    assert not [k for _, attrs in tags.tags for k in attrs if k.startswith("on")]
    for tag, attrs in tags.tags:
        if tag == "a":
            assert attrs["href"].startswith(("#", "http://", "https://")), attrs


def test_markdown_report():
    code, text, _ = report("-f", str(SHIPPED), "--as-of", AS_OF, "--format", "markdown")
    assert code == 0
    assert text.startswith(
        "# Liaoning Province: targets of the 14th Five-Year Plan period and annual work reports\n"
    )
    assert "## Verdicts\n\n11 targets: 1 met, 2 missed, 3 pending, 5 insufficient data\n" in text
    assert "| Target | Latest | Target by |" in text
    for target_id in shipped_verdicts():
        assert re.search(rf"^### .* \({target_id}\)$", text, re.MULTILINE), target_id
    assert "**Caveats**\n\n- the latest figure is 2.42 years old\n" in text
    assert "<svg" not in text and "<" not in text.replace("&lt;", "")


def test_markdown_report_in_chinese():
    _, text, _ = report(
        "-f", str(SHIPPED), "--as-of", AS_OF, "--format", "markdown", "--lang", "zh"
    )
    assert "## 评估结果\n\n11 个目标：" in text and "| 目标 | 最新 | 目标值 |" in text


def test_latin1_output_keeps_every_character_as_a_reference():
    done = subprocess.run(
        [sys.executable, "-m", "lnrev", "report", "-f", str(SHIPPED), "--as-of", AS_OF, "--lang", "zh"],
        capture_output=True, env={**os.environ, "PYTHONIOENCODING": "latin-1"}, check=False,
    )  # fmt: skip
    assert done.returncode == 0
    page = done.stdout.decode("ascii")  # nothing beyond ASCII: references instead
    assert "&#36827;&#23637;&#19968;&#35272;" in page  # 进展一览
    assert "进展一览" in "".join(parsed(page).text)  # and a browser reads them back


# --- the charts ----------------------------------------------------------------------------------


def shipped_assessments():
    return assess_file(load(TargetsLocation(SHIPPED, "targets.toml")), date(2026, 12, 1))


def svg_of(a) -> ET.Element:
    return ET.fromstring(svg_chart.svg(chart_of(a), a.name))


SVG = "{http://www.w3.org/2000/svg}"


def marks(group: ET.Element) -> list[tuple[float, float]]:
    """The drawn points of a series: its circles' centres or its polyline's points."""
    circles = group.findall(f"{SVG}circle")
    if circles:
        return [(float(c.get("cx")), float(c.get("cy"))) for c in circles]
    line = group.find(f"{SVG}polyline")
    return [tuple(map(float, pair.split(","))) for pair in line.get("points").split()]


@pytest.mark.parametrize("a", shipped_assessments(), ids=lambda a: a.id)
def test_svg_draws_the_terminal_charts_points_on_linear_axes(a):
    chart = chart_of(a)
    root = svg_of(a)
    groups = {
        g.get("class").split()[1]: g for g in root.iter(f"{SVG}g") if "series" in g.get("class", "")
    }
    drawn = {s.role: s.points for s in chart.series if s.points}
    assert set(groups) == {*drawn, "deadline"}
    pairs: tuple[list, list] = ([], [])  # (value, pixel) on the time axis and on the value axis
    for role, points in drawn.items():
        recorded = [
            tuple(map(float, p.split(","))) for p in groups[role].get("data-points").split()
        ]
        assert recorded == list(points)  # the same numbers as the terminal chart, unrounded
        drawn_marks = marks(groups[role])
        if role == "target":  # a level across the whole plot, at its value
            assert [x for x, _ in drawn_marks] == [
                svg_chart.LEFT,
                svg_chart.WIDTH - svg_chart.RIGHT,
            ]
            pairs[1].extend((points[0][1], y) for _, y in drawn_marks)
            continue
        assert len(drawn_marks) == len(points)
        for (t, v), (x, y) in zip(points, drawn_marks, strict=True):
            pairs[0].append((t, x))
            pairs[1].append((v, y))
    deadline = root.find(f"{SVG}g[@class='series deadline']/{SVG}line")
    assert float(groups["deadline"].get("data-points")) == chart.deadline
    pairs[0].append((chart.deadline, float(deadline.get("x1"))))
    for axis in pairs:  # pixel = offset + slope * value, to the hundredth of a unit
        (low, p_low), (high, p_high) = min(axis), max(axis)
        if low == high:
            continue
        slope = (p_high - p_low) / (high - low)
        for value, pixel in axis:
            assert pixel == pytest.approx(p_low + slope * (value - low), abs=0.011)


def test_svg_scales_with_its_container():
    root = svg_of(shipped_assessments()[0])
    assert root.get("viewBox") == f"0 0 {svg_chart.WIDTH} {svg_chart.HEIGHT}"
    assert root.get("width") is None and root.get("height") is None


@given(
    values=st.lists(
        st.floats(min_value=-1e300, max_value=1e300, allow_nan=False), min_size=1, max_size=4
    ),
    goal=st.floats(min_value=-1e300, max_value=1e300, allow_nan=False),
)
@settings(max_examples=150)
def test_any_level_target_draws_finite_svg(values, goal, tmp_path_factory):
    observations = ", ".join(f"{{ at = {2021 + i}, value = {v!r} }}" for i, v in enumerate(values))
    path = tmp_path_factory.mktemp("svg") / "t.toml"
    path.write_text(
        f'[targets.a]\nname = "A"\ntarget = {{ value = {goal!r}, by = 2030 }}\n'
        f"observations = [{observations}]\n",
        encoding="utf-8",
    )
    a = assess_file(load(TargetsLocation(path, "t.toml")), date(2026, 12, 1))[0]
    drawing = svg_chart.svg(chart_of(a), a.name)
    if drawing:
        for element in ET.fromstring(drawing).iter():
            for key in ("x", "y", "cx", "cy", "x1", "y1", "x2", "y2"):
                if element.get(key) is not None:
                    assert math.isfinite(float(element.get(key))), (key, element.attrib)
            for pair in (element.get("points") or "").split():
                assert all(math.isfinite(float(c)) for c in pair.split(",")), pair


def test_nice_ticks():
    assert svg_chart.nice_ticks(49.1, 59.0) == [50, 52, 54, 56, 58]
    assert svg_chart.nice_ticks(-0.3, 0.3) == pytest.approx([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3])
    assert svg_chart.nice_ticks(5.0, 5.0) == []


# --- colours -------------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_enough_everywhere():
    assert set(html_report.VERDICT_COLOURS) == set(Verdict) == set(html_report.VERDICT_SYMBOLS)
    for background, border in html_report.VERDICT_COLOURS.values():
        assert contrast(html_report.INK, background) >= 7  # text in a cell: WCAG AAA
        assert contrast(border, background) >= 3  # the cell's edge, a graphic: WCAG 1.4.11
        assert contrast(border, "#ffffff") >= 4.5
    for style in svg_chart.SERIES_STYLES.values():
        colour = re.search(r'stroke="(#[0-9a-f]{6})"', style).group(1)
        assert contrast(colour, "#ffffff") >= 3, style
    css = html_report.STYLE
    for colour in re.findall(r"(?:--muted|a \{ color): (#[0-9a-f]{6})", css):
        assert contrast(colour, "#ffffff") >= 4.5
    assert len(set(html_report.VERDICT_SYMBOLS.values())) == len(Verdict)  # never colour alone


def test_cells_mark_binding_targets_outlooks_and_caveats():
    china = ROOT / "examples" / "china-14th-fyp.toml"
    _, page, _ = report("-f", str(china), "--as-of", AS_OF)
    result = runner.invoke(app, ["status", "--json", "-f", str(china), "--as-of", AS_OF])
    cells = dict(re.findall(r'<li class="cell [^"]*" data-id="([a-z0-9-]+)"(.*?)</li>', page))
    for target in json.loads(result.stdout)["targets"]:
        cell = cells[target["id"]]
        assert ('class="binding"' in cell) == target["binding"], target["id"]
        assert re.findall(r'data-caveat="([a-z_]+)"', cell) == target["caveats"]
        if target["outlook"]:
            assert "awaiting final figure, likely met" in cell
    assert sum(t["binding"] for t in json.loads(result.stdout)["targets"]) >= 2
