"""lnrev from Python: `lnrev.assess` and `lnrev.gap` say exactly what the command line's JSON says,
on the shipped and example files and on generated ones; errors are raised, never printed."""

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import KIND_EXAMPLES, kind_example
from hypothesis import given, settings
from test_streaming import plain_files
from typer.testing import CliRunner

import lnrev
from lnrev.cli import app
from lnrev.engine.results import Assessment
from lnrev.engine.verdicts import Verdict
from lnrev.views.csv_table import FLAT_COLUMNS, flatten

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [ROOT / "targets.toml", *sorted((ROOT / "examples").glob("*.toml"))]
AS_OF = "2026-11-24"
runner = CliRunner()


def cli_json(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def cli_error(*args: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
@pytest.mark.parametrize("scheme", [None, "ndrc", "unsd2022"])
def test_assess_is_status_json_on_the_shipped_files(path, scheme):
    options = ["--scheme", scheme] if scheme else []
    expected = cli_json("status", "-f", str(path), "--as-of", AS_OF, *options)
    report = lnrev.assess(path, as_of=AS_OF, scheme=scheme)
    printed = runner.invoke(app, ["status", "-f", str(path), "--as-of", AS_OF, *options, "--json"])
    assert report.to_json() + "\n" == printed.stdout  # character for character, as piped
    assert report.to_dicts() == expected["targets"]
    assert report.to_document() == expected
    assert json.loads(report.to_json()) == expected
    assert json.loads(report.to_json(indent=2)) == expected
    assert report.summary == expected["summary"]
    assert (report.file, report.as_of, report.scheme) == (
        str(path), date(2026, 11, 24), expected["scheme"],
    )  # fmt: skip


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_gap_is_gap_json_for_every_target_of_the_shipped_files(path):
    for target in lnrev.assess(path, as_of=AS_OF).targets:
        expected = cli_json("gap", target.id, "-f", str(path), "--as-of", AS_OF)
        assert lnrev.gap(target.id, path, as_of=AS_OF) == expected


@given(text=plain_files())
@settings(max_examples=60)
def test_generated_files_say_the_same_from_python_and_from_the_command_line(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("api") / "t.toml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["status", "-f", str(path), "--as-of", AS_OF, "--json"])
    if result.exit_code == 0:
        assert lnrev.assess(str(path), as_of=AS_OF).to_document() == json.loads(result.stdout)
        assert lnrev.assess(text, as_of=AS_OF).to_dicts() == json.loads(result.stdout)["targets"]
        return
    with pytest.raises(lnrev.LnrevError) as raised:
        lnrev.assess(path, as_of=AS_OF)
    assert raised.value.exit_code == result.exit_code
    assert raised.value.lines == result.stderr.splitlines()


def test_the_targets_are_typed_assessments(write_targets):
    write_targets(kind_example("level", "share", "linear"))
    report = lnrev.assess(as_of="2024-06-30")  # ./targets.toml, as the command line finds it
    (share,) = report.targets
    assert isinstance(share, Assessment) and share.id == "share"
    assert share.verdict is Verdict.ON_TRACK and share.history == ()
    assert share.latest.value == 46 and share.measures.gap == 4
    assert report.file == "targets.toml" and report.plan is None


def test_text_is_read_as_a_file_is(write_targets):
    text = "".join(kind_example(kind, kind) for kind in sorted(KIND_EXAMPLES))
    path = write_targets(text, name="kinds.toml")
    from_text = lnrev.assess(text, as_of=AS_OF)
    assert from_text.file == "<text>"
    assert from_text.to_dicts() == lnrev.assess(path, as_of=AS_OF).to_dicts()
    assert lnrev.gap("growth", text, as_of=AS_OF) == lnrev.gap("growth", path, as_of=AS_OF)


def test_none_finds_the_file_as_the_command_line_does(write_targets, monkeypatch):
    assert lnrev.assess(as_of=AS_OF).file == "embedded:targets.toml"
    write_targets(kind_example("level", "here", "linear"))
    assert [t.id for t in lnrev.assess(as_of=AS_OF).targets] == ["here"]
    other = write_targets(kind_example("bound", "there"), name="other.toml")
    monkeypatch.setenv("LNREV_FILE", str(other))
    assert [t.id for t in lnrev.assess(as_of=AS_OF).targets] == ["there"]


@pytest.mark.parametrize(
    ("as_of", "day"),
    [
        (date(2025, 6, 30), date(2025, 6, 30)),
        (datetime(2025, 6, 30, 23, 59), date(2025, 6, 30)),
        ("2025-06-30", date(2025, 6, 30)),
        ("2025", date(2025, 12, 31)),
        ("2024-02", date(2024, 2, 29)),
        ("2025-Q1", date(2025, 3, 31)),
        ("2025-q4", date(2025, 12, 31)),
        ("today", date.today()),
        ("yesterday", date.today() - timedelta(days=1)),
        (None, date.today()),
    ],
)
def test_as_of_is_a_date_or_text_as_as_of_takes_it(as_of, day):
    assert lnrev.assess(as_of=as_of).as_of == day
    assert lnrev.gap("clean-energy", as_of=as_of)["as_of"] == day.isoformat()


def test_bad_input_is_raised_with_the_command_lines_message(write_targets, capsys):
    write_targets('[targets.x]\nname = "X"\ntarget = { value = "high", by = 2025 }\n')
    code, lines = cli_error("status")
    with pytest.raises(lnrev.BadInput) as raised:
        lnrev.assess()
    assert (raised.value.exit_code, raised.value.lines) == (code, lines) == (
        3, ["targets.toml:3: targets.x.target.value: expected a number, got 'high'"],
    )  # fmt: skip
    assert str(raised.value) == lines[0]
    assert capsys.readouterr() == ("", "")  # nothing printed


def test_an_unknown_id_is_a_usage_error_with_the_closest(capsys):
    code, lines = cli_error("gap", "clean-enrgy")
    with pytest.raises(lnrev.UsageError) as raised:
        lnrev.gap("clean-enrgy")
    assert isinstance(raised.value, lnrev.LnrevError)
    assert (raised.value.exit_code, raised.value.lines) == (code, lines)
    assert "did you mean 'clean-energy'?" in lines[0]
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: lnrev.assess(scheme="ndcr"), "error: scheme: expected eurostat, unsd2022, unsd2023, sdsn, ndrc as scheme, got 'ndcr' (did you mean 'ndrc'?)"),
        (lambda: lnrev.assess(as_of="2025-13"), "error: as_of: expected a year (2025), a date (2024-06-30), a month (2025-06), a quarter (2025-Q2), today or yesterday, got '2025-13'"),
        (lambda: lnrev.gap("clean-energy", as_of="Q2"), "error: as_of: expected a year (2025), a date (2024-06-30), a month (2025-06), a quarter (2025-Q2), today or yesterday, got 'Q2'"),
        (lambda: lnrev.assess("missing.toml"), "missing.toml: no such file"),
        (lambda: lnrev.assess("[targets.a]\nname = \n"), "<text>:2: TOML syntax: Invalid value (column 8)"),
    ],
)  # fmt: skip
def test_arguments_lnrev_cannot_use_raise(call, message):
    with pytest.raises(lnrev.LnrevError) as raised:
        call()
    assert str(raised.value) == message


def test_a_scheme_the_files_thresholds_refuse_is_a_usage_error(write_targets):
    write_targets(kind_example("level", "a", "linear") + "[assessment]\nlimited_progress = 0.55\n")
    code, lines = cli_error("status", "--scheme", "unsd2022")
    with pytest.raises(lnrev.UsageError) as raised:
        lnrev.assess(scheme="unsd2022")
    assert (raised.value.exit_code, raised.value.lines) == (code, lines)


def test_the_dataframe_has_the_csv_columns_with_dates_as_dates():
    report = lnrev.assess(ROOT / "examples" / "china-14th-fyp.toml", as_of=AS_OF, scheme="ndrc")
    frame = report.to_dataframe()
    assert list(frame.columns) == FLAT_COLUMNS and len(frame) == len(report.targets)
    first = flatten(report.to_dicts()[0])
    row = frame.iloc[0]
    assert row["id"] == first["id"] and row["gap"] == first["gap"]
    assert row["latest_at"].date().isoformat() == first["latest_at"]
    assert str(frame["target_by"].dtype).startswith("datetime64")
    assert frame.set_index("id").loc["forest-coverage", "label"] == "achieved"


def test_without_pandas_the_dataframe_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError) as raised:
        lnrev.assess(as_of=AS_OF).to_dataframe()
    assert str(raised.value) == "Report.to_dataframe needs pandas: pip install 'lnrev[pandas]'"


def test_the_public_names_are_documented():
    for name in lnrev.__all__:
        if name != "__version__":
            assert getattr(lnrev, name).__doc__, name


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_history_is_history_json_for_every_target_of_the_shipped_files(path):
    for target in lnrev.assess(path, as_of=AS_OF).targets:
        expected = cli_json("history", target.id, "-f", str(path), "--as-of", AS_OF)
        assert lnrev.history(target.id, path, as_of=AS_OF) == expected


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
@pytest.mark.parametrize("since", ["2021-12-31", "2024-06-30", "2025-12-31"])
def test_changes_is_changes_json_on_the_shipped_files(path, since):
    expected = cli_json("changes", "--since", since, "-f", str(path), "--as-of", AS_OF)
    assert lnrev.changes(since, path, as_of=AS_OF) == expected
    assert lnrev.changes(date.fromisoformat(since), str(path), as_of=AS_OF) == expected


def test_history_of_clean_energy_reads_the_shipped_dates():
    timeline = lnrev.history("clean-energy", ROOT / "targets.toml", as_of="2026-01-31")
    verdicts = [(moment["as_of"], moment["verdict"]) for moment in timeline["timeline"]]
    assert verdicts == [
        ("2024-04-23", "insufficient_data"),
        ("2024-07-16", "on_track"),
        ("2025-12-31", "pending"),
        ("2026-01-31", "pending"),
    ]
    assert timeline["as_of"] == "2026-01-31"


def test_history_and_changes_raise_what_the_command_line_prints():
    path = str(ROOT / "targets.toml")
    code, lines = cli_error("history", "clean-enrgy", "-f", path)
    with pytest.raises(lnrev.UsageError) as raised:
        lnrev.history("clean-enrgy", path)
    assert code == 2
    assert str(raised.value).splitlines() == lines
    code, lines = cli_error("changes", "--since", "2026-01-01", "--as-of", "2025-12-31", "-f", path)
    with pytest.raises(lnrev.UsageError) as raised:
        lnrev.changes("2026-01-01", path, as_of="2025-12-31")
    assert code == 2
    assert str(raised.value).splitlines() == lines
    with pytest.raises(lnrev.UsageError, match=r"^error: since: "):
        lnrev.changes("not a date", path)
