"""The habits of hledger, gh, sqlite-utils and csvkit users, through the real command line: -o FILE,
--color, dates as people type them, ids by pattern, -f -, the scheme's own verdict words,
--sort -KEY with --limit, and --round for CSV."""

import calendar
import csv
import io
import json
import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.engine.results import Assessment, Measures, Reading
from lnrev.engine.verdicts import Label, Verdict
from lnrev.reports import selection
from lnrev.targetsfile.typed_values import read_day, read_when
from lnrev.views.csv_table import rounded

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
AS_OF = "2025-06-30"

FILE = """
[targets.share]
name = "A share"
unit = "%"
binding = true
target = { value = 50, by = 2025 }
observations = [{ at = 2020, value = 40 }, { at = 2023, value = 46 }]

[targets.slow]
name = "Slow"
unit = "%"
target = { value = 50, by = 2025 }
observations = [{ at = 2020, value = 40 }, { at = 2023, value = 41 }]

[targets.gdp-growth-2023]
kind = "growth"
name = "GDP 2023"
target = { rate = 5, by = 2023 }
baseline = { at = 2022 }
observations = [{ at = 2023, rate = 4.0 }]

[targets.gdp-growth-2024]
kind = "growth"
name = "GDP 2024"
target = { rate = 5, by = 2024 }
baseline = { at = 2023 }
observations = [{ at = 2024, rate = 5.0 }]

[targets.noisy]
name = "Float noise"
unit = "%"
target = { value = 56.8, by = 2025 }
observations = [{ at = 2020, value = 47.3 }, { at = 2024, value = 50.5 }]
"""
# share on_track; slow limited_progress; gdp-growth-2023 missed; gdp-growth-2024 met;
# noisy limited_progress, its gap 56.8 - 50.5 = 6.299999999999997 in binary floating point.


@pytest.fixture(autouse=True)
def _targets(write_targets):
    write_targets(FILE)


def invoke(*args: str, **kwargs):
    return runner.invoke(app, [*args, "--as-of", AS_OF], **kwargs)


def ids(result) -> list[str]:
    assert result.exit_code in (0, 1), result.output
    return [target["id"] for target in json.loads(result.stdout)["targets"]]


def lnrev(*args: str, input: bytes | None = None, env: dict | None = None):
    """The installed console script as a real process, its stdout a pipe."""
    return subprocess.run(
        [sys.executable, "-c", "from lnrev.cli import main; main()", *args],
        input=input, capture_output=True, check=False,
        env={**os.environ, "LNREV_FILE": "", **(env or {})},
    )  # fmt: skip


# -o / --output ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("s.json", "json"), ("s.csv", "csv"), ("s.md", "markdown"), ("S.MD", "markdown")],
)
@pytest.mark.parametrize("command", [("status",), ("gap", "share"), ("sources",)])
def test_output_takes_its_format_from_the_extension(tmp_path, command, name, fmt):
    result = invoke(*command, "-o", name)
    assert (result.exit_code, result.stdout) == (0, "")
    printed = invoke(*command, "--format", fmt).stdout
    assert (tmp_path / name).read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("command", [("status",), ("gap", "share", "--no-chart"), ("sources",)])
def test_output_txt_is_the_table_as_plain_text_and_html_the_table_as_drawn(tmp_path, command):
    assert invoke(*command, "-o", "s.txt").exit_code == 0
    text = (tmp_path / "s.txt").read_text(encoding="utf-8")
    assert text == invoke(*command).stdout  # the table as piped: plain, full width
    assert "\x1b" not in text and "share" in text
    assert invoke(*command, "-o", "s.html").exit_code == 0
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "share" in page


def test_format_overrides_the_extension(tmp_path):
    assert invoke("status", "-o", "out.txt", "--format", "json").exit_code == 0
    assert json.loads((tmp_path / "out.txt").read_text())["as_of"] == AS_OF
    assert invoke("status", "-o", "out.dat", "--json").exit_code == 0
    assert json.loads((tmp_path / "out.dat").read_text())["as_of"] == AS_OF


def test_an_unknown_extension_is_a_usage_error_and_writes_nothing(tmp_path):
    result = invoke("status", "-o", "status.xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: -o status.xlsx: no format is known by the extension .xlsx; use .json, .csv, .md,"
        " .markdown, .html, .htm, .txt or --format\n"
    )
    assert not (tmp_path / "status.xlsx").exists()


def test_output_replaces_a_file_whole_keeping_its_permissions(tmp_path):
    out = tmp_path / "status.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert invoke("status", "-o", "status.json").exit_code == 0
    assert json.loads(out.read_text())["targets"][0]["id"] == "share"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_output_where_nothing_can_be_written_is_bad_input(tmp_path):
    result = invoke("status", "-o", "missing/status.json")
    assert result.exit_code == 3
    assert result.stderr.startswith("missing/status.json: cannot write in missing")


def test_fail_on_still_exits_1_when_the_report_goes_to_a_file(tmp_path):
    result = invoke("status", "--fail-on", "missed", "-o", "s.csv")
    assert result.exit_code == 1 and (tmp_path / "s.csv").read_text().startswith("id,name")


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("-o", "r.md"), "# "),
        (("-o", "r.markdown"), "# "),
        (("-o", "r.html"), "<!DOCTYPE html>"),
        (("-o", "r.htm"), "<!DOCTYPE html>"),
        (("-o", "r.md", "--format", "html"), "<!DOCTYPE html>"),
        (("-o", "r.html", "--format", "markdown"), "# "),
    ],
)
def test_report_output_is_markdown_for_md(tmp_path, args, start):
    result = invoke("report", *args)
    assert (result.exit_code, result.stdout) == (0, "")
    assert (tmp_path / args[1]).read_text(encoding="utf-8").startswith(start)


def test_report_md_is_what_format_markdown_prints(tmp_path):
    assert invoke("report", "-o", "r.md").exit_code == 0
    printed = invoke("report", "--format", "markdown").stdout
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == printed


# --color, NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE ------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # a pipe: plain
        (("--color", "always"), {}, True),  # `| less -R`
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the option beats the environment
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "3"}, True),
        ((), {"FORCE_COLOR": "0"}, False),
        ((), {"FORCE_COLOR": ""}, False),
        ((), {"CLICOLOR_FORCE": "1"}, True),
        ((), {"CLICOLOR_FORCE": "0"}, False),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ],
)
def test_colour_in_a_pipe(args, env, coloured):
    done = lnrev("status", "-f", "targets.toml", "--as-of", AS_OF, *args, env=env)
    assert done.returncode == 0, done.stderr
    assert (b"\x1b[" in done.stdout) is coloured
    assert b"A share" in done.stdout


def test_colour_always_colours_gap_and_sources_too():
    for command in (("gap", "share"), ("sources",)):
        done = lnrev(*command, "-f", "targets.toml", "--color", "always")
        assert done.returncode == 0 and b"\x1b[" in done.stdout, command


def test_colour_never_goes_into_json_csv_or_a_file(tmp_path):
    for fmt in ("json", "csv", "markdown"):
        done = lnrev("status", "-f", "targets.toml", "--format", fmt, "--color", "always")
        assert b"\x1b" not in done.stdout, fmt
    lnrev("status", "-f", "targets.toml", "--color", "always", "-o", str(tmp_path / "s.txt"))
    assert "\x1b" not in (tmp_path / "s.txt").read_text()


def test_a_bad_color_is_a_usage_error():
    result = invoke("status", "--color", "sometimes")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --color: expected auto, always, never as color")


# Dates as people type them -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2025-06", "2025-06-30"),
        ("2024-02", "2024-02-29"),
        ("2025-Q1", "2025-03-31"),
        ("2025-Q2", "2025-06-30"),
        ("2025-q3", "2025-09-30"),
        ("2025-Q4", "2025-12-31"),
        ("2025", "2025-12-31"),
        ("2025-06-15", "2025-06-15"),
        ("today", date.today().isoformat()),
        ("Yesterday", (date.today() - timedelta(days=1)).isoformat()),
    ],
)
def test_as_of_as_people_type_it(typed, day):
    for command in (("status",), ("gap", "share")):
        result = runner.invoke(app, [*command, "--as-of", typed, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["as_of"] == day


@pytest.mark.parametrize("typed", ["2025-13", "2025-00", "2025-Q5", "2025-Q0", "25-06", "tomorrow"])
def test_a_date_lnrev_cannot_read_is_a_usage_error(typed):
    result = runner.invoke(app, ["status", "--as-of", typed])
    assert result.exit_code == 2
    assert f"got '{typed}'" in result.stderr


def test_record_at_a_month_or_quarter_writes_its_last_day(tmp_path):
    for typed in ("2024-06", "2024-Q3"):
        result = runner.invoke(app, ["record", "share", "47", "--at", typed, "--source", "s"])
        assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["record", "share", "48", "--at", "2025-01", "--source", "s",
                               "--published", "today"]).exit_code == 0  # fmt: skip
    text = (tmp_path / "targets.toml").read_text()
    assert '{ at = 2024-06-30, value = 47.0, source = "s" }' in text
    assert '{ at = 2024-09-30, value = 47.0, source = "s" }' in text
    assert f"published = {date.today().isoformat()}" in text
    gap = json.loads(runner.invoke(app, ["gap", "share", "--json", "--as-of", "2025-Q1"]).stdout)
    assert [h["at"] for h in gap["history"]][-3:] == ["2024-06-30", "2024-09-30", "2025-01-31"]
    removed = runner.invoke(app, ["remove", "share", "--at", "2024-Q3", "--yes"])
    assert removed.exit_code == 0 and "2024-09-30" not in (tmp_path / "targets.toml").read_text()


def test_record_says_the_date_it_wrote(tmp_path):
    result = runner.invoke(app, ["record", "share", "47", "--at", "2024-06", "--source", "s"])
    assert result.stdout == "recorded targets.share at 2024-06-30 in targets.toml\n"


# Ids by pattern ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (("gdp-growth-*",), ["gdp-growth-2023", "gdp-growth-2024"]),
        (("gdp-growth-202[4-9]",), ["gdp-growth-2024"]),
        (("?low",), ["slow"]),
        (("s*", "*-2024"), ["share", "slow", "gdp-growth-2024"]),  # file order, each once
        (("*",), ["share", "slow", "gdp-growth-2023", "gdp-growth-2024", "noisy"]),
    ],
)
def test_ids_by_shell_style_pattern(patterns, expected):
    assert ids(invoke("status", *patterns, "--json")) == expected


def test_a_pattern_that_matches_nothing_names_the_nearest_ids():
    result = invoke("status", "gdp-grwth-*")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no target matches 'gdp-grwth-*' in targets.toml;"
        " nearest: gdp-growth-2024, gdp-growth-2023\n"
    )
    far = invoke("status", "zzz*")
    assert far.exit_code == 2
    assert far.stderr == (
        "error: no target matches 'zzz*' in targets.toml;"
        " ids: share, slow, gdp-growth-2023, gdp-growth-2024, noisy\n"
    )


def test_a_plain_id_still_suggests_the_closest():
    result = invoke("status", "shar")
    assert (result.exit_code, result.stderr) == (
        2, "error: no target 'shar' in targets.toml (did you mean 'share'?)\n",
    )  # fmt: skip


def test_the_report_takes_patterns_too(tmp_path):
    assert invoke("report", "gdp-growth-*", "-o", "r.md").exit_code == 0
    text = (tmp_path / "r.md").read_text()
    assert "GDP 2023" in text and "GDP 2024" in text and "A share" not in text


# -f - ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [("status", "--json"), ("gap", "share", "--json"), ("sources", "--json"),
     ("report", "--format", "markdown"), ("validate",)],
)  # fmt: skip
def test_read_only_commands_read_the_file_from_standard_input(tmp_path, command):
    text = (tmp_path / "targets.toml").read_bytes()
    (tmp_path / "targets.toml").unlink()  # nothing to discover: the file comes from stdin
    dated = [] if command == ("validate",) else ["--as-of", AS_OF]
    from_stdin = runner.invoke(app, [*command, *dated, "-f", "-"], input=text)
    assert from_stdin.exit_code == 0, from_stdin.output
    (tmp_path / "elsewhere.toml").write_bytes(text)
    from_file = runner.invoke(app, [*command, *dated, "-f", "elsewhere.toml"])
    label = "&lt;stdin&gt;" if command[0] == "report" else "<stdin>"
    assert from_stdin.stdout == from_file.stdout.replace("elsewhere.toml", label)


def test_standard_input_in_a_real_pipe(tmp_path):
    done = lnrev("status", "-f", "-", "--json", "--as-of", AS_OF, input=FILE.encode())
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["file"] == "<stdin>" and len(document["targets"]) == 5


def test_problems_in_standard_input_name_it():
    result = invoke("status", "-f", "-", input=b'[targets.a]\nname = "A"\nname = "B"\n')
    assert result.exit_code == 3
    assert result.stderr.startswith("<stdin>:3: TOML syntax:")
    bad = runner.invoke(app, ["validate", "-f", "-"], input=b"\xff")
    assert (bad.exit_code, bad.stderr) == (3, "<stdin>:1: not UTF-8 text (byte 0xff)\n")


@pytest.mark.parametrize(
    "command",
    [("record", "share", "1", "--at", "2025", "--source", "s"), ("remove", "share", "--yes"),
     ("add", "new", "--name", "N", "--target", "5", "--by", "2026"), ("edit",)],
)  # fmt: skip
def test_standard_input_cannot_be_edited(tmp_path, command):
    before = (tmp_path / "targets.toml").read_bytes()
    result = runner.invoke(app, [*command, "-f", "-"], input=FILE)
    assert (result.exit_code, result.stderr) == (
        2, "error: -f -: standard input can be read, not edited; name the file to change\n",
    )  # fmt: skip
    assert (tmp_path / "targets.toml").read_bytes() == before


# --verdict in the scheme's words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--scheme", "ndrc", "--verdict", "lagging"), ["slow", "noisy"]),
        (("--scheme", "ndrc", "--verdict", "滞后"), ["slow", "noisy"]),
        (("--scheme", "ndrc", "--verdict", "not achieved,achieved"), ["gdp-growth-2023", "gdp-growth-2024"]),
        (("--scheme", "ndrc", "--verdict", "broadly-as-expected"), ["share"]),
        (("--scheme", "ndrc", "--verdict", "missed"), ["gdp-growth-2023"]),  # machine names too
        (("--scheme", "unsd2022", "--verdict", "limited or no progress"), ["slow", "noisy"]),
        (("--scheme", "unsd2022", "--verdict", "Target Achieved"), ["gdp-growth-2024"]),
        (("--verdict", "on track"), ["share"]),
    ],
)  # fmt: skip
def test_verdict_takes_the_schemes_own_words(args, expected):
    assert ids(invoke("status", *args, "--json")) == expected


def test_the_files_own_scheme_gives_the_words(write_targets):
    write_targets(FILE + '\n[assessment]\nscheme = "ndrc"\n')
    assert ids(invoke("status", "--verdict", "lagging", "--json")) == ["slow", "noisy"]


def test_fail_on_takes_the_schemes_words():
    assert invoke("status", "--scheme", "ndrc", "--fail-on", "lagging").exit_code == 1
    assert invoke("status", "--scheme", "ndrc", "--fail-on", "lagging", "share").exit_code == 0


def test_a_word_of_another_scheme_is_a_usage_error():
    result = invoke("status", "--verdict", "lagging")
    assert (result.exit_code, result.stderr) == (
        2, "error: --verdict: 'lagging' is a verdict of the ndrc scheme, not of eurostat (the"
        " scheme in use; --scheme changes it)\n",
    )  # fmt: skip


# --sort -KEY, --limit ----------------------------------------------------------------------------


def test_sort_descending_and_limit():
    assert ids(invoke("status", "--sort", "-gap", "--limit", "2", "--json")) == ["slow", "noisy"]
    assert ids(invoke("status", "--sort", "gap", "--limit", "2", "--json")) == [
        "gdp-growth-2024", "gdp-growth-2023",
    ]  # fmt: skip
    report = invoke("report", "--sort", "-id", "--limit", "1", "--format", "markdown").stdout
    assert "Slow" in report and "A share" not in report


@pytest.mark.parametrize("args", [("--limit", "0"), ("--sort", "-name"), ("--sort", "--gap")])
def test_bad_sort_or_limit_is_a_usage_error(args):
    assert invoke("status", *args).exit_code == 2


# --round for CSV ---------------------------------------------------------------------------------


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_is_exact_unless_rounded(tmp_path):
    exact = rows(invoke("status", "--format", "csv").stdout)
    assert exact[4]["gap"] == "6.299999999999997"
    assert invoke("status", "-o", "s.csv", "--round", "2").exit_code == 0
    rounded = rows((tmp_path / "s.csv").read_text())
    assert rows(invoke("status", "--format", "csv", "--round", "2").stdout) == rounded
    assert rounded[4]["gap"] == "6.3"
    assert rounded[4]["baseline_value"] == "47.3" and rounded[4]["binding"] == "false"
    assert [row["id"] for row in rounded] == [row["id"] for row in exact]
    whole = rows(invoke("gap", "noisy", "--format", "csv", "--round", "0").stdout)
    assert whole[0]["gap"] == "6" and whole[0]["latest_value"] == "50"


def test_json_keeps_every_digit_and_round_is_refused_for_it():
    document = json.loads(invoke("status", "noisy", "--json").stdout)
    assert document["targets"][0]["gap"] == 56.8 - 50.5 == 6.299999999999997
    result = invoke("status", "--json", "--round", "2")
    assert (result.exit_code, result.stderr) == (
        2, "error: --round rounds CSV only, not json (JSON keeps every digit)\n",
    )  # fmt: skip


# Properties of the pieces -------------------------------------------------------------------------

TODAY = date(2026, 3, 1)


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_a_month_is_its_last_day(year, month):
    day = read_when(f"{year:04d}-{month:02d}", TODAY)
    assert (day.year, day.month, day.day) == (year, month, calendar.monthrange(year, month)[1])
    assert read_day(f"{year:04d}-{month:02d}", TODAY) == day


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=4))
def test_a_quarter_is_the_last_day_of_its_third_month(year, quarter):
    assert read_when(f"{year:04d}-Q{quarter}", TODAY) == read_when(
        f"{year:04d}-{3 * quarter:02d}", TODAY
    )


@given(st.text(max_size=14))
def test_any_text_is_a_point_or_a_complaint(text):
    try:
        point = read_when(text, TODAY)
    except ValueError as error:
        assert str(error).endswith(f"got {text.strip()!r}")
    else:
        assert isinstance(point, int | date)


@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), max_size=12))
def test_descending_is_ascending_reversed_with_no_gap_last(gaps):
    assessments = [_with_gap(str(n), gap) for n, gap in enumerate(gaps)]
    up = [a.measures.gap for a in selection.sort(assessments, "gap")]
    down = [a.measures.gap for a in selection.sort(assessments, "-gap")]
    measured = sorted(gap for gap in gaps if gap is not None)
    assert up == measured + [None] * gaps.count(None)
    assert down == measured[::-1] + [None] * gaps.count(None)


@given(st.floats(-1e9, 1e9), st.integers(min_value=0, max_value=6))
def test_rounding_is_within_half_a_unit_and_never_negative_zero(number, decimals):
    value = rounded(number, decimals)
    assert abs(value - number) <= 0.5 * 10**-decimals + 1e-9 * max(1, abs(number))
    assert str(value) not in ("-0.0", "-0")
    assert isinstance(value, int) == (decimals == 0)


def _with_gap(id_: str, gap: float | None) -> Assessment:
    measures = Measures(gap=gap)
    return Assessment(
        id_, id_, "%", "level", False, "increase", "linear", None, None, None,
        Reading(2025, 1.0), measures, Verdict.ON_TRACK, Label("on track", "进度正常"), None, (),
        None, (),
    )  # fmt: skip
