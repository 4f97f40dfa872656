"""Reliability, part 2: no output carries an attack, and no input ends in an internal error."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app

runner = CliRunner()
LNREV = str(Path(sys.executable).with_name("lnrev"))


def invoke(*args: str):
    return runner.invoke(app, list(args))


def level(name: str, source: str = "s") -> str:
    return (
        f"[targets.a]\nname = {json.dumps(name)}\ntarget = {{ value = 50, by = 2030 }}\n"
        f"observations = [{{ at = 2021, value = 40, source = {json.dumps(source)} }}]\n"
    )


def test_error_messages_neutralise_control_characters_from_the_file(write_targets):
    write_targets('[targets.a]\nname = "A"\n"x\\u001b]52;c;aGk=\\u0007\\u001b[2J" = 1\n')
    result = invoke("validate")
    assert result.exit_code == 3
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "unknown key" in result.stderr


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_text_that_a_spreadsheet_would_run_is_inert(write_targets, start):
    write_targets(level(f"{start}HYPERLINK(1)"))
    rows = list(csv.DictReader(io.StringIO(invoke("status", "--format", "csv").stdout)))
    name = rows[0]["name"]
    assert name == "HYPERLINK(1)" if start == "\r" else name == f"'{start}HYPERLINK(1)"
    assert rows[0]["latest_value"] == "40.0"  # numbers as they are
    assert json.loads(invoke("status", "--json").stdout)["targets"][0]["name"] == (
        f"{start}HYPERLINK(1)"
    )  # JSON keeps the exact text


def test_markdown_shows_html_and_links_as_written(write_targets):
    write_targets(level("<script>alert(1)</script> [click](javascript:alert(1)) <b>x</b>"))
    out = invoke("status", "--format", "markdown").stdout
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "\\[click\\](javascript:alert(1))" in out


@pytest.mark.parametrize("hidden", ["\u202e", "\u2066", "\u2069", "\u200b", "\ufeff"])
def test_bidirectional_and_invisible_characters_are_shown_escaped(write_targets, hidden):
    write_targets(level(f"safe{hidden}evil"))
    escaped = f"safe\\u{ord(hidden):04x}evil"
    for args in (("status",), ("status", "--format", "markdown"), ("gap", "a")):
        out = invoke(*args).stdout
        shown = (
            escaped.replace("\\", "\\\\") if "markdown" in args else escaped
        )  # as Markdown writes a backslash
        assert hidden not in out and shown in out, args
    assert json.loads(invoke("status", "--json").stdout)["targets"][0]["name"] == (
        f"safe{hidden}evil"
    )


def test_a_line_break_in_a_name_keeps_one_row_on_one_line(write_targets):
    write_targets(level("first line\nsecond line"))
    out = invoke("status").stdout
    assert "first line second line" in out
    assert not any(line.strip().startswith("second line") for line in out.splitlines())


def test_huge_yoy_figures_give_null_not_invalid_json(write_targets):
    write_targets(
        '[targets.a]\nkind = "change"\nname = "A"\ntarget = { change = 1, by = 2030 }\n'
        "baseline = { at = 2020 }\nobservations = [{ at = 2021, yoy = 1e308 }, { at = 2022, yoy = 1e308 }]\n"
    )
    result = invoke("status", "--json")
    assert result.exit_code == 0
    target = json.loads(result.stdout)["targets"][0]
    assert target["latest"]["value"] is None and target["gap"] is None
    assert invoke("gap", "a", "--json").exit_code == 0
    assert invoke("gap", "a").exit_code == 0  # the chart too


@pytest.mark.parametrize(
    "text",
    [
        '[targets.a]\nname = "A\\e"\ntarget = { value = 1, by = 2025 }\n',
        '[targets.a]\nname = "A\\x41"\ntarget = { value = 1, by = 2025 }\n',
        '[targets.a]\nname = "A"\ntarget = { value = 1, by = 2025, }\n',
        '\ufeff[targets.a]\nname = "A"\ntarget = { value = 1, by = 2025 }\n',
    ],
    ids=["escape e", "escape x", "trailing comma", "byte-order mark"],
)
def test_reading_and_editing_accept_exactly_the_same_files(write_targets, text):
    write_targets(text)
    for args in (("validate",), ("status",), ("record", "a", "1", "--at", "2021", "--source", "s")):
        result = invoke(*args)
        assert result.exit_code == 3, args
        assert "TOML syntax" in result.stderr and "internal error" not in result.stderr


def run(args: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run([LNREV, *args], capture_output=True, text=True, check=False, **options)


def test_a_closed_standard_output_is_one_line(tmp_path):
    done = subprocess.run(
        f"{LNREV} status >&-", shell=True, capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 3
    assert done.stderr == "lnrev: error: standard output is closed\n"


@pytest.mark.parametrize("args", [["status"], ["status", "--json"], ["gap", "clean-energy"]])
def test_a_full_disk_on_standard_output_is_one_line(tmp_path, args):
    with open("/dev/full", "w") as full:
        done = subprocess.run([LNREV, *args], stdout=full, stderr=subprocess.PIPE, text=True,
                              cwd=tmp_path, check=False)  # fmt: skip
    assert done.returncode == 3
    assert done.stderr == "lnrev: error: cannot write the output (No space left on device)\n"


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_an_output_that_cannot_encode_chinese_gets_escapes(tmp_path, fmt):
    (tmp_path / "targets.toml").write_text(level("清洁能源 share"), encoding="utf-8")
    done = run(
        ["status", "--format", fmt],
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    if fmt == "json":  # ASCII escapes, the same data
        assert done.stdout.isascii()
        assert json.loads(done.stdout)["targets"][0]["name"] == "清洁能源 share"
    else:
        assert "\\u6e05\\u6d01\\u80fd\\u6e90 share" in done.stdout.replace("\\\\", "\\")


def test_an_unreadable_file_is_exit_3_whichever_way_it_is_named(tmp_path):
    missing = str(tmp_path / "missing.toml")
    by_option = run(["status", "-f", missing])
    by_environment = run(["status"], env={**os.environ, "LNREV_FILE": missing})
    assert by_option.returncode == by_environment.returncode == 3
    assert by_option.stderr == by_environment.stderr == f"{missing}: no such file\n"


def test_every_observation_after_the_deadline_is_said_so(write_targets):
    write_targets(
        '[targets.a]\nname = "A"\ntarget = { value = 1, by = 2020 }\n'
        "observations = [{ at = 2021, value = 1 }]\n"
    )
    note = json.loads(invoke("status", "--json").stdout)["targets"][0]["note"]
    assert note == "every observation known is after the deadline 2020-12-31"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id,at,value,source,value\nshare,2021,1,s,2\n",
            "rows.csv:1: column 'value' appears twice",
        ),
        ('id,at,value,source\nshare,2021,"1,s\n', "not readable as CSV (unexpected end of data)"),
        (
            "id,at,value,source\nshare,2021,1," + "x" * 140_000 + "\n",
            "field larger than field limit",
        ),
        ("id,at,value,source\nshare,2021,١٢,s\n", "rows.csv:2: value: expected a number, got '١٢'"),
    ],
    ids=["duplicated column", "unclosed quote", "huge cell", "non-ASCII digits"],
)
def test_a_doubtful_csv_is_refused_in_one_line(write_targets, tmp_path, text, message):
    path = write_targets(level("A").replace("targets.a", "targets.share"))
    before = path.read_bytes()
    (tmp_path / "rows.csv").write_text(text, encoding="utf-8")
    result = invoke("import", "rows.csv")
    assert result.exit_code == 3 and message in result.stderr
    assert "internal error" not in result.stderr
    assert path.read_bytes() == before


def test_raw_text_writes_csv_text_exactly(write_targets):
    write_targets(level("=HYPERLINK(1)", source="@source"))
    raw = list(
        csv.DictReader(io.StringIO(invoke("status", "--format", "csv", "--raw-text").stdout))
    )
    assert raw[0]["name"] == "=HYPERLINK(1)"
    rows = list(csv.reader(io.StringIO(invoke("sources", "--format", "csv").stdout)))
    assert rows[1][1] == "'@source"
    rows = list(csv.reader(io.StringIO(invoke("sources", "--format", "csv", "--raw-text").stdout)))
    assert rows[1][1] == "@source"


def test_a_chart_of_the_largest_numbers_says_it_cannot_be_drawn(write_targets):
    write_targets(
        '[targets.a]\nname = "A"\ntarget = { value = 1, by = 2030 }\n'
        "observations = [{ at = 2021, value = 1e308 }, { at = 2022, value = -1e308 }]\n"
    )
    result = invoke("gap", "a")
    assert result.exit_code == 0
    assert "no chart: its values span more than a number can hold" in result.stdout
