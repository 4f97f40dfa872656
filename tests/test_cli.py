"""The command line: output, JSON shape (contract section 5) and exit codes (section 7)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lnrev import __version__
from lnrev.cli import app

runner = CliRunner()

ASSESSMENT_KEYS = [
    "id", "name", "unit", "kind", "binding", "direction", "method", "baseline", "baseline_from",
    "latest", "target", "gap", "progress", "time_elapsed", "years_left", "data_age",
    "actual_change_per_year", "actual_growth_per_year", "required_change_per_year",
    "required_growth_per_year", "projected", "ratio", "verdict", "label", "outlook", "caveats",
    "note", "methods", "trend", "reached_by",
]  # fmt: skip
VERDICTS = [
    "met", "on_track", "acceleration_needed", "limited_progress", "deterioration", "missed",
    "pending", "insufficient_data",
]  # fmt: skip

TWO_TARGETS = """
    [plan]
    name = "Test plan"
    period = "2021-2025"

    [targets.share]
    name = "A share"
    unit = "%"
    binding = true
    target = { value = 50, by = 2025 }
    observations = [
      { at = 2020, value = 40, source = "Bureau, 2021" },
      { at = 2023, value = 46, source = { publisher = "Bureau", title = "Communiqué", date = 2024-02-28 } },
    ]

    [targets.later]
    name = "Nothing yet"
    target = { value = 1, by = 2030 }
"""
AS_OF = "2025-06-30"  # before the deadline of 2025: the share is on track
LATER = "2026-11-23"  # after it, with no figure for 2025: pending


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_status_json_follows_the_contract(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("status", "--json", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == [
        "schema_version", "as_of", "file", "plan", "scheme", "summary", "targets"
    ]  # fmt: skip
    assert document["schema_version"] == 3
    assert document["scheme"] == "eurostat"
    assert document["as_of"] == AS_OF
    assert document["file"] == "targets.toml"
    assert document["plan"] == {"name": "Test plan", "period": "2021-2025"}
    assert list(document["summary"]) == VERDICTS
    assert document["summary"]["on_track"] == 1 and document["summary"]["insufficient_data"] == 1
    assert sum(document["summary"].values()) == 2
    share, later = document["targets"]
    assert list(share) == ASSESSMENT_KEYS
    assert share["baseline"] == {"at": "2020-12-31", "value": 40}
    assert share["latest"] == {"at": "2023-12-31", "value": 46}
    assert share["target"] == {"by": "2025-12-31", "value": 50}
    assert (
        share["binding"] is True
        and share["method"] == "linear"
        and share["direction"] == "increase"
    )
    assert share["ratio"] == pytest.approx((6 / 3) / (10 / 5), abs=1e-9)
    assert share["verdict"] == "on_track" and share["label"] == "on track"
    assert share["baseline_from"] == "first_observation"
    assert share["outlook"] is None and share["caveats"] == []
    assert share["years_left"] == pytest.approx(2026 - (2025 + 181 / 365), abs=1e-9)
    assert share["data_age"] == pytest.approx(2025 + 181 / 365 - 2024, abs=1e-9)
    assert later["latest"] is None and later["verdict"] == "insufficient_data"
    assert later["baseline_from"] is None and later["data_age"] is None
    assert later["note"] == "no observation known as of 2025-06-30"


def test_status_json_after_the_deadline_is_pending(write_targets):
    write_targets(TWO_TARGETS)
    document = json.loads(invoke("status", "--json", "--as-of", LATER).stdout)
    share = document["targets"][0]
    # pace 2 a year from 46 at the end of 2023 projects 50 at the end of 2025: likely met
    assert share["verdict"] == "pending" and share["outlook"] == "likely_met"
    assert share["projected"] == pytest.approx(50, abs=1e-9)
    assert share["caveats"] == ["stale"]  # 2026.896 - 2024 > 1.5 years
    assert document["summary"]["pending"] == 1


def test_gap_json_adds_schema_version_as_of_and_history(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("gap", "share", "--json", "--as-of", "2022-06-30")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert list(document) == ["schema_version", "as_of", *ASSESSMENT_KEYS, "history"]
    assert document["history"] == [
        {
            "at": "2020-12-31",
            "value": 40,
            "recorded": {"value": 40},
            "considered": True,
            "source": "Bureau, 2021",
        },
        {
            "at": "2023-12-31",
            "value": 46,
            "recorded": {"value": 46},
            "considered": False,
            "source": {"title": "Communiqué", "publisher": "Bureau", "date": "2024-02-28"},
        },
    ]
    assert document["verdict"] == "insufficient_data"


def test_status_table(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("status", "--as-of", AS_OF)
    assert result.exit_code == 0
    out = result.stdout
    assert re.search(r"^share\s+46%\s+50%\s+\+4 pp\s", out, re.M)  # id, latest, target, gap
    assert re.search(r"^binding\s+2023-12-31\s+2025-12-31\s", out, re.M)
    assert re.search(r"^A share\s", out, re.M)
    assert "+2 pp/yr" in out  # required (50 - 46) / 2 and pace so far (46 - 40) / 3
    assert "on track" in out and "insufficient data" in out
    assert "file: targets.toml · as of 2025-06-30 · scheme: eurostat · method: linear" in out
    assert "2 targets: 1 on track, 1 insufficient data" in out
    assert "\x1b[" not in out  # no escape codes when not on a terminal


def test_gap_in_plain_words(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("gap", "share", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "needs +2 pp a year from 2023-12-31 to reach 50% by 2025-12-31;" in result.stdout
    assert "the pace so far is +2 pp a year" in result.stdout
    assert "Bureau, “Communiqué”, 2024-02-28" in result.stdout
    assert "method: linear; scheme: eurostat; thresholds: on track >= 0.95" in result.stdout


def test_gap_in_plain_words_after_the_deadline(write_targets):
    write_targets(TWO_TARGETS)
    out = invoke("gap", "share", "--as-of", LATER).stdout
    assert "verdict: pending, likely met" in out
    assert (
        "aimed at 50% by 2025-12-31; the deadline passed 0.9 years ago and its figure is not known"
        " yet; latest 46% on 2023-12-31; at the pace so far (+2 pp a year) it would have reached"
        " 50%: likely met"
    ) in out
    assert "caveat: the latest figure is 2.9 years old" in out


def test_unknown_target_id_exits_2_with_did_you_mean(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("gap", "shar")
    assert result.exit_code == 2
    assert result.stderr == "error: no target 'shar' in targets.toml (did you mean 'share'?)\n"


def test_bad_input_exits_3_with_every_problem(write_targets):
    write_targets(
        TWO_TARGETS.replace("value = 50,", "value = 'x',").replace('name = "Nothing yet"', "")
    )
    for command in (["status"], ["status", "--json"], ["gap", "share"]):
        result = invoke(*command)
        assert result.exit_code == 3
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            "targets.toml:10: targets.share.target.value: expected a number, got 'x'",
            "targets.toml:16: targets.later.name: missing required key",
        ]
        assert "Traceback" not in result.output


def test_missing_file_exits_3():
    result = invoke("status", "--file", "nowhere.toml")
    assert result.exit_code == 3
    assert result.stderr == "nowhere.toml: no such file\n"


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--bogus"],
        ["status", "--as-of", "2025-13-01"],
        ["status", "--as-of", "soon"],
        ["gap"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args):
    assert invoke(*args).exit_code == 2


def test_as_of_accepts_a_year_for_its_last_day(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("status", "--json", "--as-of", "2023")
    assert json.loads(result.stdout)["as_of"] == "2023-12-31"


def test_file_option_and_environment(write_targets, monkeypatch):
    path = write_targets(TWO_TARGETS, name="elsewhere.toml")
    result = invoke("status", "--json", "-f", str(path))
    assert json.loads(result.stdout)["file"] == str(path)
    monkeypatch.setenv("LNREV_FILE", str(path))
    result = invoke("status", "--json")
    assert json.loads(result.stdout)["file"] == str(path)


def test_the_embedded_default_is_used_when_nothing_else_is_found():
    result = invoke("status", "--json", "--as-of", AS_OF)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["file"] == "embedded:targets.toml"
    assert "clean-energy" in [target["id"] for target in document["targets"]]


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"lnrev {__version__}\n"


COMMANDS = sorted(typer.main.get_command(app).commands)
READS_THE_FILE = {
    "status",
    "gap",
    "sources",
    "validate",
    "add",
    "record",
    "import",
    "remove",
    "edit",
}


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_every_command_has_help_with_examples_one_per_line(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: lnrev")
    lines = result.stdout.splitlines()
    after = [line.strip() for line in lines[lines.index("  Examples:") + 2 :]]
    examples = after[: after.index("")] if "" in after else after
    assert examples, "no example"
    for example in examples:  # each a whole command, not wrapped
        assert re.match(r"([A-Z_]+=\S+ )*lnrev ", example + " "), example
        assert example.count('"') % 2 == 0, example
    if command and command[0] in READS_THE_FILE:
        assert "--file" in result.stdout


def test_help_text_is_never_read_as_markup():
    assert "The target's id, as in [targets.ID]." in invoke("gap", "--help").stdout


def _installed_lnrev() -> str:
    script = Path(sys.executable).with_name("lnrev")
    assert script.exists(), "lnrev is not installed in this environment (run through uv run)"
    return str(script)


def test_installed_command_in_a_subprocess(write_targets, tmp_path):
    write_targets(TWO_TARGETS)
    done = subprocess.run(
        [_installed_lnrev(), "status", "--json", "--as-of", AS_OF],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["on_track"] == 1
    failed = subprocess.run(
        [_installed_lnrev(), "gap", "nope"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert failed.returncode == 2
    assert "Traceback" not in failed.stderr


def test_python_dash_m(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "lnrev", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == f"lnrev {__version__}\n"


def test_scheme_on_the_command_line_overrides_the_file(write_targets):
    write_targets(TWO_TARGETS.replace('period = "2021-2025"', 'period = "2021-2025"\nbase = 2020'))
    document = json.loads(invoke("status", "--json", "--as-of", AS_OF, "--scheme", "ndrc").stdout)
    assert document["scheme"] == "ndrc"
    assert document["plan"]["base"] == "2020-12-31"  # a point is an ISO date in JSON
    share = document["targets"][0]
    assert share["baseline_from"] == "plan"  # the figure at the plan's base
    assert share["verdict"] == "on_track" and share["label"] == "faster than expected"  # ratio 1
    table = invoke("status", "--as-of", AS_OF, "--scheme", "ndrc").stdout
    assert "faster than expected" in table and "scheme: ndrc" in table
    gap = invoke("gap", "share", "--as-of", AS_OF, "--scheme", "unsd2022").stdout
    assert "scheme: unsd2022; thresholds: on track >= 0.95, acceleration needed >= 0.5" in gap


def test_an_unknown_scheme_is_a_usage_error(write_targets):
    write_targets(TWO_TARGETS)
    result = invoke("status", "--scheme", "ndcr")
    assert result.exit_code == 2
    assert (
        "expected eurostat, unsd2022, unsd2023, sdsn, ndrc as scheme, got 'ndcr' (did you mean 'ndrc'?)"
        in (result.stderr)
    )


def test_a_scheme_that_would_put_the_file_thresholds_out_of_order_is_refused(write_targets):
    write_targets("[assessment]\nlimited_progress = 0.55\n" + TWO_TARGETS)
    assert invoke("status", "--as-of", AS_OF).exit_code == 0  # 0.95 / 0.6 / 0.55 with eurostat
    result = invoke("status", "--as-of", AS_OF, "--scheme", "unsd2022")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --scheme unsd2022: with the file's own thresholds the bands would be out of order"
        " (0.95 / 0.5 / 0.55)\n"
    )


BAD_TOML = '[targets.a]\nname = "A"\ntarget = { value = 1, by = 2025 \n'
INVALID = "[targets.a]\nname = 3\ntarget = { value = 1, by = 2025 }\n"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status", "--as-of", AS_OF], 0),  # success
        (["status", "--as-of", AS_OF, "--fail-on", "on_track"], 1),  # a --fail-on check matched
        (["status", "--nope"], 2),  # a bad option
        (["status", "--sort", "name"], 2),  # an unknown option value
        (["gap", "shar"], 2),  # an unknown target id
        (["record", "shar", "1", "--at", "2024", "--source", "s"], 2),  # in every command
        (["status", "--as-of", "last week"], 2),  # a bad --as-of
        (["status", "-f", "missing.toml"], 3),  # a file that cannot be read
        (["status", "-f", "syntax.toml"], 3),  # TOML syntax
        (["status", "-f", "invalid.toml"], 3),  # a validation problem
        (["record", "share", "abc", "--at", "2024", "--source", "s"], 3),  # a bad value typed
    ],
)
def test_exit_codes_as_in_the_readme(write_targets, args, code):
    write_targets(TWO_TARGETS)
    write_targets(BAD_TOML, name="syntax.toml")
    write_targets(INVALID, name="invalid.toml")
    result = invoke(*args)
    assert result.exit_code == code
    if code >= 2:
        assert len(result.stderr.splitlines()) == 1 and "╭" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--as-of", "24"], "error: --as-of: expected a year (2025), a date (2024-06-30), a month (2025-06), a quarter (2025-Q2), today or yesterday, got '24'; see 'lnrev status --help'"),
        (["status", "--fail-on", ""], "error: --fail-on: expected one or more verdicts, got nothing; see 'lnrev status --help'"),
    ],
)  # fmt: skip
def test_doubtful_input_on_the_command_line_is_a_usage_error(write_targets, args, message):
    write_targets(TWO_TARGETS)
    result = invoke(*args)
    assert result.exit_code == 2 and result.stderr == message + "\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "x", "--name", "x", "--target", "1", "--by", "2025", "--floor"], "error: --floor applies to bound targets, not to a level target"),
        (["record", "share", "47", "--at", "2024", "--published", "2024-06-01", "--source", "s"], "error: --published 2024-06-01 is before the observation's own date 2024-12-31 (--at 2024)"),
        (["record", "share", "١٢", "--at", "2024", "--source", "s"], "error: VALUE: expected a number, got '١٢'"),
    ],
)  # fmt: skip
def test_doubtful_values_for_the_file_are_refused(write_targets, args, message):
    path = write_targets(TWO_TARGETS)
    before = path.read_bytes()
    result = invoke(*args)
    assert result.exit_code == 3 and result.stderr == message + "\n"
    assert path.read_bytes() == before


def _complete(words: str, tmp_path) -> list[str]:
    line = words.split(" ")
    done = subprocess.run(
        [_installed_lnrev()],
        env={**os.environ, "_LNREV_COMPLETE": "complete_bash", "COMP_WORDS": words,
             "COMP_CWORD": str(len(line) - 1)},
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout.split()


def test_completion_of_ids_from_the_file_named_and_of_choices(write_targets, tmp_path):
    write_targets(TWO_TARGETS)
    other = write_targets(TWO_TARGETS.replace("targets.later", "targets.lateral"), name="o.toml")
    assert _complete("lnrev gap sh", tmp_path) == ["share"]
    assert _complete(f"lnrev gap -f {other} lat", tmp_path) == ["lateral"]
    assert _complete("lnrev record la", tmp_path) == ["later"]
    assert _complete("lnrev status --format c", tmp_path) == ["csv"]
    assert _complete("lnrev status --scheme n", tmp_path) == ["ndrc"]
    assert _complete("lnrev status --verdict met,pe", tmp_path) == ["met,pending"]
    assert _complete("lnrev gap -f missing.toml x", tmp_path) == []
    assert _complete("lnrev gap -f - x", tmp_path) == []  # standard input is not read to complete
    assert _complete("lnrev status --color a", tmp_path) == ["auto", "always"]


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_a_closed_pipe_is_not_an_error(command, tmp_path):
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {_installed_lnrev()} {' '.join(command)} --help | head -1"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stderr == ""


def test_the_names_shown_in_help_are_the_registry_s():
    from lnrev.cli import options, report_commands
    from lnrev.engine.verdicts import SCHEME_NAMES, Verdict
    from lnrev.model.kinds import KIND_NAMES
    from lnrev.reports.selection import SORT_KEYS
    from lnrev.views.language import LANGUAGE_CODES

    assert report_commands.KINDS == KIND_NAMES
    assert report_commands.SORT_KEYS == SORT_KEYS
    assert tuple(verdict.value for verdict in Verdict) == options.VERDICT_NAMES
    assert options.SCHEMES == SCHEME_NAMES
    assert options.LANGUAGES == LANGUAGE_CODES


def test_status_in_chinese(write_targets):
    write_targets(TWO_TARGETS)
    out = invoke("status", "--as-of", LATER, "--lang", "zh", "--scheme", "ndrc").stdout
    assert "目标" in out and "评估" in out and "差距" in out  # the column headers
    assert "待最终数据，可能已实现" in out  # awaiting final figure, likely met (the NDRC's words)
    assert "2 个目标：1 待最终数据，1 数据不足" in out
    assert "文件：targets.toml · 截至 2026-11-23 · 方案：ndrc" in out
    assert json.loads(invoke("status", "--json", "--lang", "zh").stdout)["scheme"] == "eurostat"


def test_gap_in_chinese_from_the_environment(write_targets, monkeypatch):
    write_targets(TWO_TARGETS)
    monkeypatch.setenv("LNREV_LANG", "zh")
    out = invoke("gap", "share", "--as-of", AS_OF).stdout
    assert "自 2023-12-31 起需 +2 pp/年，方能2025-12-31 前达到 50%；迄今速度为 +2 pp/年" in out
    assert "观测值" in out and "来源" in out


def test_an_unknown_language_is_a_usage_error(write_targets, monkeypatch):
    write_targets(TWO_TARGETS)
    assert invoke("status", "--lang", "fr").exit_code == 2
    monkeypatch.setenv("LNREV_LANG", "fr")
    result = invoke("status")
    assert result.exit_code == 2
    assert result.stderr == "error: LNREV_LANG: expected en, zh, got 'fr'\n"
