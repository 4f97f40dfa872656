"""Output for people and for scripts: formats read back, selection, --fail-on, terminal safety."""

import csv
import html
import io
import json
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.reports.status import assess_by, rules_of
from lnrev.targetsfile.loading import TargetsLocation, load
from lnrev.views.csv_table import FLAT_COLUMNS, assessments_csv, flatten
from lnrev.views.json_document import assessment_json, dumps, json_pieces, status_document

runner = CliRunner()
AS_OF = "2025-06-30"  # before the 2025 deadlines

FILE = """
    [targets.share]
    name = "A share"
    unit = "%"
    binding = true
    target = { value = 50, by = 2025 }
    observations = [{ at = 2020, value = 40 }, { at = 2023, value = 46 }]

    [targets.slow]
    name = "Slow | piped"
    unit = "%"
    target = { value = 50, by = 2025 }
    observations = [{ at = 2020, value = 40 }, { at = 2023, value = 41 }]

    [targets.gdp-2023]
    kind = "growth"
    name = "GDP 2023"
    target = { rate = 5, by = 2023 }
    baseline = { at = 2022 }
    observations = [{ at = 2023, rate = 4.0 }]

    [targets.jobs]
    kind = "bound"
    name = "Unemployment"
    unit = "%"
    target = { max = 5.5, by = 2025 }
    observations = [{ at = 2023, value = 5.2 }]
"""
# share: pace 2 a year vs 2 needed -> on_track; slow: 1/3 vs 2 -> limited_progress;
# gdp-2023: 4% vs 5% at the deadline -> missed; jobs: within the ceiling -> on_track.


@pytest.fixture(autouse=True)
def _targets(write_targets):
    write_targets(FILE)


def invoke(*args: str):
    return runner.invoke(app, [*args, "--as-of", AS_OF])


def test_csv_reads_back_with_the_json_fields_flattened():
    document = json.loads(invoke("status", "--json").stdout)
    result = invoke("status", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == ["share", "slow", "gdp-2023", "jobs"]
    assert list(rows[0]) == FLAT_COLUMNS
    for row, target in zip(rows, document["targets"], strict=True):
        assert list(flatten(target)) == FLAT_COLUMNS
        for column, value in flatten(target).items():
            if isinstance(value, bool):
                assert row[column] == str(value).lower()
            elif isinstance(value, float):
                assert float(row[column]) == value  # unrounded
            elif isinstance(value, list):
                assert row[column] == " ".join(value)  # caveat codes
            else:
                assert row[column] == ("" if value is None else str(value))


def test_markdown_is_a_pipe_table_with_a_row_per_target():
    result = invoke("status", "--format", "markdown")
    assert result.exit_code == 0
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 4  # header, separator, four targets
    assert table[1] == "|---|---|---|---|---|---|---|---|---|---|"
    assert all(
        line.count(" | ") == 9 for line in table[2:]
    )  # the pipe in "Slow | piped" is escaped
    assert "Slow \\| piped (slow)" in table[3]
    assert "*file: targets.toml · as of 2025-06-30" in result.stdout


def test_json_format_and_its_alias_agree():
    assert invoke("status", "--format", "json").stdout == invoke("status", "--json").stdout


@pytest.mark.parametrize("format_", ["json", "csv", "markdown", "table"])
def test_gap_in_every_format(format_):
    result = invoke("gap", "share", "--format", format_)
    assert result.exit_code == 0
    if format_ == "json":
        assert json.loads(result.stdout)["id"] == "share"
    elif format_ == "csv":
        assert [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["share"]
    elif format_ == "markdown":
        assert "| ratio | 1 |" in result.stdout  # (46-40)/3 / ((50-40)/5) = 1
    else:
        assert "needs +2 pp a year" in result.stdout


def test_two_formats_at_once_is_a_usage_error():
    result = invoke("status", "--json", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == "error: --json and --format csv ask for two formats; choose one\n"


def _ids(*args: str) -> list[str]:
    result = invoke("status", "--json", *args)
    assert result.exit_code == 0, result.output
    return [target["id"] for target in json.loads(result.stdout)["targets"]]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ((), ["share", "slow", "gdp-2023", "jobs"]),
        (("jobs", "share"), ["share", "jobs"]),  # file order unless sorted
        (("--verdict", "on_track"), ["share", "jobs"]),
        (("--verdict", "missed,limited_progress"), ["slow", "gdp-2023"]),
        (("--binding",), ["share"]),
        (("--expected",), ["slow", "gdp-2023", "jobs"]),
        (("--kind", "growth,bound"), ["gdp-2023", "jobs"]),
        (("--sort", "id"), ["gdp-2023", "jobs", "share", "slow"]),
        (("--sort", "verdict"), ["gdp-2023", "slow", "share", "jobs"]),
        (("--sort", "deadline"), ["gdp-2023", "share", "slow", "jobs"]),
        # still to go, in each target's direction: slow 9, share 4, jobs -0.3 (ceiling), gdp 1 pp
        (("--sort", "-gap"), ["slow", "share", "gdp-2023", "jobs"]),
        (("--sort", "gap"), ["jobs", "gdp-2023", "share", "slow"]),
        (("--sort", "-id"), ["slow", "share", "jobs", "gdp-2023"]),
        (("--sort", "-verdict"), ["share", "jobs", "slow", "gdp-2023"]),  # ties in file order
        (("--sort", "-deadline", "--limit", "2"), ["share", "slow"]),
        (("--sort", "-gap", "--limit", "1"), ["slow"]),
        (("--limit", "3"), ["share", "slow", "gdp-2023"]),
        (("*",), ["share", "slow", "gdp-2023", "jobs"]),
        (("s*",), ["share", "slow"]),
        (("s*", "gdp-202?"), ["share", "slow", "gdp-2023"]),  # file order, each once
        (("s*", "share"), ["share", "slow"]),
        (("[gj]*",), ["gdp-2023", "jobs"]),
    ],
)
def test_selection_and_sorting(args, ids):
    assert _ids(*args) == ids


def test_the_summary_counts_only_what_is_shown():
    summary = json.loads(invoke("status", "--json", "--verdict", "on_track").stdout)["summary"]
    assert summary["on_track"] == 2 and sum(summary.values()) == 2


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--fail-on", "missed,deterioration"), 1),
        (("--fail-on", "deterioration"), 0),
        (("--fail-on", "missed", "share", "jobs"), 0),  # only what is shown counts
        (("--fail-on", "limited_progress", "--format", "csv"), 1),
        (("--fail-on", "missed", "--json"), 1),
    ],
)
def test_fail_on(args, code):
    result = invoke("status", *args)
    assert result.exit_code == code
    assert result.stdout  # the report is printed either way


@pytest.mark.parametrize(
    "args",
    [
        ("--verdict", "misssed"),
        ("--fail-on", "bad"),
        ("--sort", "name"),
        ("--kind", "levle"),
        ("--format", "xml"),
        ("--binding", "--expected"),
        ("--export", "x.png"),
        ("nope",),
    ],
)
def test_bad_selection_is_a_usage_error(args):
    assert invoke("status", *args).exit_code == 2


@pytest.mark.parametrize("suffix", [".svg", ".html"])
def test_export_saves_the_view_for_a_report(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    result = invoke("status", "--export", str(path))
    assert result.exit_code == 0
    saved = html.unescape(path.read_text(encoding="utf-8")).replace("\xa0", " ")
    assert ("<svg" if suffix == ".svg" else "<html") in saved
    assert "A share" in saved and "on track" in saved
    gap = tmp_path / f"gap{suffix}"
    assert invoke("gap", "share", "--format", "json", "--export", str(gap)).exit_code == 0
    assert "needs +2 pp a year" in html.unescape(gap.read_text(encoding="utf-8")).replace(
        "\xa0", " "
    )


def test_file_text_is_never_markup_and_loses_its_control_characters(write_targets):
    write_targets(
        FILE.replace('name = "A share"', 'name = "[bold]x[/] \\u001b[31mred\\u001b[0m \\u0007bell"')
    )
    for args in (
        ("status",),
        ("gap", "share"),
        ("status", "--format", "markdown"),
        ("status", "--format", "csv"),
    ):
        out = invoke(*args).stdout
        shown = "[bold]x[/] [31mred[0m bell"
        if "markdown" in args:  # written so that Markdown shows it as it is
            shown = shown.replace("[", "\\[").replace("]", "\\]")
        assert shown in out, args
        assert "\x1b" not in out and "\x07" not in out
    # JSON keeps the text exactly, escaped by the json module
    assert (
        json.loads(invoke("status", "--json").stdout)["targets"][0]["name"]
        == "[bold]x[/] \x1b[31mred\x1b[0m \x07bell"
    )


def test_piped_output_is_plain_and_never_cut_short(write_targets):
    long_name = "An indicator with a very long name " * 8
    write_targets(FILE.replace('name = "A share"', f'name = "{long_name.strip()}"'))
    out = invoke("status").stdout
    assert "\x1b[" not in out
    assert long_name.strip() in out  # on one line, not wrapped or cut
    assert "█" not in out  # bars only on a terminal
    assert all(line == line.rstrip() for line in out.splitlines())


def _in_a_terminal(args: list[str], **env: str) -> str:
    """Run the installed lnrev with a pseudo-terminal as stdout, and read what it shows."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("lnrev")), *args],
        stdout=terminal, stderr=terminal, env={**os.environ, "COLUMNS": "160", **env},
    )  # fmt: skip
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks).decode()


def test_colour_and_bars_on_a_terminal_and_none_with_no_color(tmp_path):
    env = {"LNREV_FILE": str(tmp_path / "targets.toml"), "NO_COLOR": ""}
    coloured = _in_a_terminal(["status", "--as-of", AS_OF], **env)
    assert "\x1b[" in coloured and "█" in coloured
    plain = _in_a_terminal(["status", "--as-of", AS_OF], **{**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "█" in plain  # still a terminal: bars, but no colour
    chart = _in_a_terminal(["gap", "share", "--as-of", AS_OF], **{**env, "NO_COLOR": "1"})
    assert "\x1b[" not in chart and "● observed" in chart


def test_an_ascii_terminal_gets_an_ascii_table(tmp_path):
    done = subprocess.run(
        [str(Path(sys.executable).with_name("lnrev")), "gap", "share", "--as-of", AS_OF],
        cwd=tmp_path, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"}, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    done.stdout.decode("ascii")  # every byte is ASCII
    assert b"----" in done.stdout and b"Traceback" not in done.stderr


def test_shell_completion_of_target_ids(tmp_path):
    env = {
        **os.environ,
        "_LNREV_COMPLETE": "complete_bash",
        "COMP_WORDS": "lnrev gap s",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(
        [str(Path(sys.executable).with_name("lnrev"))],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["share", "slow"]
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


@pytest.mark.parametrize("ascii_only", [False, True])
def test_status_json_is_written_a_target_at_a_time(ascii_only):
    """Joined, the pieces `status` writes are the whole document's JSON."""
    targets = load(TargetsLocation(Path("targets.toml"), "targets.toml"))
    rules = rules_of(targets, date(2025, 6, 30))
    assessments = assess_by(targets, rules)
    pieces = list(json_pieces(status_document(assessments, None, rules, "x"), False, ascii_only))
    whole = {**status_document(assessments, None, rules, "x"), "targets": [
        assessment_json(a) for a in assessments
    ]}  # fmt: skip
    assert len(pieces) == len(assessments) + 2
    assert "".join(pieces) == dumps(whole, pretty=False, ascii_only=ascii_only)


def test_status_csv_is_written_a_row_at_a_time():
    targets = load(TargetsLocation(Path("targets.toml"), "targets.toml"))
    assessments = assess_by(targets, rules_of(targets, date(2025, 6, 30)))
    rows = list(assessments_csv(assessments))
    assert len(rows) == len(assessments) + 1
    assert [row["id"] for row in csv.DictReader(io.StringIO("".join(rows)))] == [
        a.id for a in assessments
    ]
