"""`lnrev history ID` and `lnrev changes --since DATE` (contract section 13): the engine run at
each date a verdict could change, with the JSON the contract gives and a plain table."""

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.model.targets_file import TargetsFile
from lnrev.reports import over_time
from lnrev.reports.status import assess_file

runner = CliRunner()

FILE = """
[assessment]
publication_lag = 30

[targets.share]
name = "Clean-energy share"
unit = "%"
baseline = { at = 2020, value = 40 }
target = { value = 50, by = 2025 }
observations = [
  { at = 2021, value = 42 },                          # known 2022-01-30 (lag)
  { at = 2022, value = 43, published = 2023-03-01 },  # known 2023-03-01
  { at = 2023, value = 44.5, published = 2024-02-28 },
]

[targets.jobs]
kind = "bound"
name = "Unemployment"
target = { max = 5.5, by = 2024 }
observations = [{ at = 2023, value = 5.2, published = 2024-01-17 }]
"""


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_history_lists_the_verdict_on_each_date_it_could_change(write_targets):
    """The share is assessed on 2022-01-30 (42 known: 2 a year against 2, on track), 2023-03-01
    (43: 1.5 a year, ratio 0.75), 2024-02-28 (44.5: ratio 0.75), 2025-12-31 (its deadline:
    pending) and the as-of date."""
    write_targets(FILE)
    result = invoke("history", "share", "--json", "--as-of", "2026-01-15")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["schema_version", "id", "as_of", "timeline"]
    assert (document["schema_version"], document["id"], document["as_of"]) == (
        3,
        "share",
        "2026-01-15",
    )
    timeline = document["timeline"]
    assert [entry["as_of"] for entry in timeline] == [
        "2022-01-30", "2023-03-01", "2024-02-28", "2025-12-31", "2026-01-15"
    ]  # fmt: skip
    assert list(timeline[0]) == [
        "as_of",
        "verdict",
        "label",
        "outlook",
        "caveats",
        "latest",
        "ratio",
    ]
    assert [entry["verdict"] for entry in timeline] == [
        "on_track", "acceleration_needed", "acceleration_needed", "pending", "pending"
    ]  # fmt: skip
    assert timeline[0]["latest"] == {"at": "2021-12-31", "value": 42.0}
    assert timeline[0]["ratio"] == 1.0
    assert timeline[1]["ratio"] == 0.75
    assert timeline[2]["latest"] == {"at": "2023-12-31", "value": 44.5}
    assert timeline[2]["ratio"] == 0.75  # 4.5 in 3 years against 2 a year
    # pending: 44.5 + 1.5 * 2 = 47.5 < 50 at the linear pace
    assert timeline[3]["outlook"] == "likely_missed"
    assert timeline[3]["label"] == "pending"


def test_history_is_what_status_says_on_each_date(write_targets):
    write_targets(FILE)
    timeline = json.loads(invoke("history", "share", "--json", "--as-of", "2026-01-15").stdout)[
        "timeline"
    ]
    for entry in timeline:
        status = json.loads(invoke("status", "--json", "--as-of", entry["as_of"]).stdout)
        target = status["targets"][0]
        for key in ("verdict", "label", "outlook", "caveats", "latest", "ratio"):
            assert entry[key] == target[key], (entry["as_of"], key)


def test_history_stops_at_the_as_of_date(write_targets):
    write_targets(FILE)
    document = json.loads(invoke("history", "share", "--json", "--as-of", "2023-06-30").stdout)
    assert [e["as_of"] for e in document["timeline"]] == ["2022-01-30", "2023-03-01", "2023-06-30"]


def test_history_of_a_bound_and_of_an_unknown_target(write_targets):
    write_targets(FILE)
    document = json.loads(invoke("history", "jobs", "--json", "--as-of", "2025-01-01").stdout)
    assert [(e["as_of"], e["verdict"]) for e in document["timeline"]] == [
        ("2024-01-17", "on_track"), ("2024-12-31", "pending"), ("2025-01-01", "pending")
    ]  # fmt: skip
    assert document["timeline"][0]["ratio"] is None
    result = invoke("history", "shares")
    assert result.exit_code == 2
    assert "did you mean 'share'?" in result.stderr


def test_history_as_a_table(write_targets):
    write_targets(FILE)
    result = invoke("history", "share", "--as-of", "2026-01-15")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    header = lines.index("") + 1  # the story's five sentences, a blank line, then the table
    assert header == 6
    assert lines[header].split() == ["as", "of", "verdict", "caveats", "latest", "ratio"]
    assert "2022-01-30   on track" in result.stdout
    assert "pending, likely missed" in result.stdout
    assert lines[-1] == "share · file: targets.toml · as of 2026-01-15 · scheme: eurostat"
    chinese = invoke("history", "share", "--as-of", "2026-01-15", "--lang", "zh").stdout
    assert "截至" in chinese and "待最终数据，可能未实现" in chinese


def test_changes_names_each_target_that_changed_and_why(write_targets):
    write_targets(FILE)
    result = invoke("changes", "--since", "2023-06-30", "--as-of", "2025-01-15", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["schema_version", "since", "as_of", "file", "changes"]
    assert (document["since"], document["as_of"], document["file"]) == (
        "2023-06-30", "2025-01-15", "targets.toml"
    )  # fmt: skip
    share, jobs = document["changes"]
    assert list(share) == ["id", "name", "before", "after", "reasons"]
    assert list(share["before"]) == ["verdict", "label", "outlook", "caveats", "latest", "ratio"]
    # the share: a new figure (44.5, known 2024-02-28), the verdict unchanged
    assert share["before"]["latest"] == {"at": "2022-12-31", "value": 43.0}
    assert share["after"]["latest"] == {"at": "2023-12-31", "value": 44.5}
    assert share["before"]["verdict"] == share["after"]["verdict"] == "acceleration_needed"
    assert share["reasons"] == ["new_figure"]
    # the bound: a new figure and its deadline 2024-12-31 passed
    assert (jobs["before"]["verdict"], jobs["after"]["verdict"]) == ("insufficient_data", "pending")
    assert jobs["reasons"] == ["new_figure", "deadline_passed"]


def test_changes_from_the_passage_of_time_alone_are_aged(write_targets):
    # nothing new for the share between 2024-03-01 and 2025-08-31 but its figure of 2023-12-31
    # turning stale (1.67 years old); the bound's deadline passed meanwhile
    write_targets(FILE)
    document = json.loads(
        invoke("changes", "--since", "2024-03-01", "--as-of", "2025-08-31", "--json").stdout
    )
    share, jobs = document["changes"]
    assert jobs["reasons"] == ["deadline_passed"]
    assert share["before"]["caveats"] == [] and share["after"]["caveats"] == ["stale"]
    assert share["reasons"] == ["aged"]


def test_a_ratio_alone_is_no_change(write_targets):
    write_targets(FILE)
    # 2024-03-01 to 2024-06-30: nothing known, nothing stale; the ratio is the same anyway
    document = json.loads(
        invoke("changes", "--since", "2024-03-01", "--as-of", "2024-06-30", "--json").stdout
    )
    assert document["changes"] == []
    table = invoke("changes", "--since", "2024-03-01", "--as-of", "2024-06-30")
    assert table.stdout.splitlines()[0] == "nothing changed between 2024-03-01 and 2024-06-30"


def test_changes_since_a_date_not_before_the_as_of_date_is_a_usage_error(write_targets):
    write_targets(FILE)
    for since in ("2025-01-15", "2026-01-01"):
        result = invoke("changes", "--since", since, "--as-of", "2025-01-15")
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: --since {since} is not before the as-of date 2025-01-15\n"
        )
    result = invoke("changes", "--since", "last week")
    assert result.exit_code == 2
    missing = invoke("changes")
    assert missing.exit_code == 2 and "--since" in missing.stderr


def test_changes_as_a_table_csv_and_markdown(write_targets):
    write_targets(FILE)
    args = ("changes", "--since", "2023-06-30", "--as-of", "2025-01-15")
    table = invoke(*args).stdout
    assert "44.5% on 2023-12-31" in table and "new figure, deadline passed" in table
    csv = invoke(*args, "--format", "csv").stdout.splitlines()
    assert csv[0].startswith("id,name,before_verdict,before_label,before_outlook,before_caveats")
    assert csv[2].endswith("new_figure deadline_passed")
    markdown = invoke(*args, "--format", "markdown").stdout
    assert markdown.startswith("| target | before | after | latest | why |")


def test_history_and_changes_run_as_commands(write_targets, tmp_path):
    write_targets(FILE)
    lnrev = [str(Path(sys.executable).with_name("lnrev"))]
    result = subprocess.run(
        [*lnrev, "history", "share", "--json", "--as-of", "2024-06-30"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["timeline"][-1]["as_of"] == "2024-06-30"
    result = subprocess.run(
        [*lnrev, "changes", "--since", "2025-01-01", "--as-of", "2024-06-30"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "error: --since 2025-01-01 is not before the as-of date 2024-06-30\n"


@given(
    figures=st.lists(
        st.tuples(
            st.integers(min_value=2021, max_value=2027),
            st.floats(min_value=1, max_value=100),
            st.integers(min_value=0, max_value=400),
        ),
        max_size=6,
        unique_by=lambda figure: figure[0],
    ),
    lag=st.integers(min_value=0, max_value=90),
    as_of=st.dates(min_value=date(2021, 1, 1), max_value=date(2029, 12, 31)),
    since_days=st.integers(min_value=1, max_value=2000),
)
def test_history_and_changes_are_status_at_each_date(figures, lag, as_of, since_days):
    """Every entry of a history is the assessment on its date; its dates are the days figures
    became known, the deadline and the as-of date, in order, none after the as-of date; a change
    is listed exactly when what it compares differs."""
    observations = [
        {"at": year, "value": value, "published": date(year, 12, 31) + timedelta(days=delay)}
        if delay % 2
        else {"at": year, "value": value}
        for year, value, delay in figures
    ]
    targets = TargetsFile.model_validate(
        {
            "assessment": {"publication_lag": lag},
            "targets": {
                "t": {
                    "name": "t",
                    "baseline": {"at": 2020, "value": 50.0},
                    "target": {"value": 60.0, "by": 2025},
                    "observations": observations,
                }
            },
        }
    )
    timeline = over_time.history(targets, "t", as_of)
    days = [moment.as_of for moment in timeline.moments]
    assert days == sorted(set(days)) and days[-1] == as_of
    known = {o.get("published", date(o["at"], 12, 31) + timedelta(days=lag)) for o in observations}
    assert set(days) == {day for day in known | {date(2025, 12, 31), as_of} if day <= as_of}
    for moment in timeline.moments:
        expected = assess_file(targets, moment.as_of)[0]
        assert moment.assessment == expected._replace(history=())
    since = as_of - timedelta(days=since_days)
    found = over_time.changes(targets, since, as_of)
    before, after = assess_file(targets, since)[0], assess_file(targets, as_of)[0]
    seen = [(a.verdict, a.label, a.outlook, a.caveats, a.latest) for a in (before, after)]
    assert len(found.changes) == (seen[0] != seen[1])


def test_history_reads_as_a_story_in_english_and_chinese(write_targets):
    """Each date in a sentence: 42 for 2021 known through the 30-day lag, 43 and 44.5 on their
    `published` dates, then the deadline and the passage of time."""
    write_targets(FILE)
    english = invoke("history", "share", "--as-of", "2026-01-15", "--format", "markdown")
    chinese = invoke(
        "history", "share", "--as-of", "2026-01-15", "--format", "markdown", "--lang", "zh"
    )
    assert english.stdout.splitlines()[:5] == [
        "- 2022-01-30: a new figure, 42% at 2021-12-31, made it on track",
        "- 2023-03-01: a new figure, 43% at 2022-12-31, made it acceleration needed",
        "- 2024-02-28: a new figure, 44.5% at 2023-12-31, left it acceleration needed",
        "- 2025-12-31: the deadline passed, made it pending, likely missed",
        "- 2026-01-15: time passed, left it pending, likely missed",
    ]
    assert chinese.stdout.splitlines()[:5] == [
        "- 2022-01-30：新数据 42%（2021-12-31），转为进度正常",
        "- 2023-03-01：新数据 43%（2022-12-31），转为需加快",
        "- 2024-02-28：新数据 44.5%（2023-12-31），仍为需加快",
        "- 2025-12-31：截止日期已过，转为待最终数据，可能未实现",
        "- 2026-01-15：时间推移，仍为待最终数据，可能未实现",
    ]


def test_the_shipped_clean_energy_story_on_the_terminal():
    """The shipped file's real history: insufficient data in April 2024, on track from
    2024-07-16, pending since its deadline 2025-12-31."""
    shipped = str(Path(__file__).resolve().parents[1] / "targets.toml")
    result = invoke("history", "clean-energy", "-f", shipped, "--as-of", "2026-01-31")
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    text = "\n".join(lines)
    assert "2024-04-23: a new figure, 49.5% at 2024-04-23, made it insufficient" in text
    assert "2024-07-16: a new figure, 50.5% at 2024-06-30, made it on track" in text
    assert "2025-12-31: the deadline passed, made it pending, likely met" in text
    assert "2026-01-31: time passed, left it pending, likely met" in text


def test_changes_fail_on_watches_the_verdict_after_the_change(write_targets, tmp_path):
    """For cron: exit 1 when a listed change ends in a watched verdict, 0 otherwise, 2 for a
    verdict the scheme does not have; the output is the same either way."""
    write_targets(FILE)
    since = ("changes", "--since", "2022-12-31", "--as-of", "2023-06-30")
    plain = invoke(*since)
    watched = invoke(*since, "--fail-on", "acceleration_needed")
    assert (plain.exit_code, watched.exit_code) == (0, 1)
    assert watched.stdout == plain.stdout
    assert invoke(*since, "--fail-on", "on_track").exit_code == 0
    assert invoke(*since, "--fail-on", "on_trak").exit_code == 2
    process = subprocess.run(
        [sys.executable, "-m", "lnrev", *since, "--fail-on", "acceleration_needed", "--json"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert process.returncode == 1
    assert json.loads(process.stdout)["changes"][0]["after"]["verdict"] == "acceleration_needed"
