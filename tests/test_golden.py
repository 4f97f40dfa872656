"""Golden outputs of the shipped and example files: every report, in every format, at fixed dates.

They pin what a person and a script see, so that a change of structure is seen to change nothing,
and a change of behaviour shows up as a reviewed snapshot diff (`uv run pytest --snapshot-update`).
"""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    "liaoning": ROOT / "targets.toml",
    "china-14th": ROOT / "examples" / "china-14th-fyp.toml",
}
DATES = ("2024-12-31", "2026-11-24")
FORMATS = ("table", "json", "csv", "markdown")
runner = CliRunner()


@pytest.fixture(autouse=True)
def _copies(tmp_path):
    """The files under their own names in the working directory, so that what the snapshots
    record ("file: china-14th-fyp.toml") does not depend on where the repository lies."""
    for path in FILES.values():
        shutil.copy(path, tmp_path / path.name)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    return f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"


def target_ids(path: Path) -> list[str]:
    import tomllib

    return list(tomllib.loads(path.read_text(encoding="utf-8"))["targets"])


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", FILES)
def test_status(snapshot, name, fmt, as_of):
    assert run("status", "-f", FILES[name].name, "--format", fmt, "--as-of", as_of) == snapshot


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", FILES)
def test_gap_of_every_target(snapshot, name, fmt, as_of):
    path = FILES[name].name
    outputs = [
        run("gap", target_id, "-f", path, "--format", fmt, "--as-of", as_of)
        for target_id in target_ids(FILES[name])
    ]
    assert outputs == snapshot


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("name", FILES)
def test_history_of_every_target(snapshot, name, fmt):
    path = FILES[name].name
    outputs = [
        run("history", target_id, "-f", path, "--format", fmt, "--as-of", DATES[1])
        for target_id in target_ids(FILES[name])
    ]
    assert outputs == snapshot


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("name", FILES)
def test_changes(snapshot, name, fmt):
    path = FILES[name].name
    args = ("changes", "--since", DATES[0], "-f", path, "--format", fmt, "--as-of", DATES[1])
    assert run(*args) == snapshot


@pytest.mark.parametrize("scheme", ["unsd2023", "sdsn"])
def test_the_new_schemes(snapshot, scheme):
    path = FILES["china-14th"].name
    outputs = [
        run("status", "-f", path, "--scheme", scheme, "--as-of", DATES[0]),
        run("gap", "energy-intensity", "-f", path, "--scheme", scheme, "--as-of", DATES[0]),
        run("status", "-f", path, "--scheme", scheme, "--as-of", DATES[0], "--lang", "zh"),
    ]
    assert outputs == snapshot


@pytest.mark.parametrize("name", FILES)
def test_sources(snapshot, name):
    path = FILES[name].name
    assert [run("sources", "-f", path), run("sources", "-f", path, "--json")] == snapshot


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("name", FILES)
def test_report(snapshot, name, fmt):
    assert run("report", "-f", FILES[name].name, "--format", fmt, "--as-of", DATES[1]) == snapshot


BAD_FILES = {
    "syntax": '[targets.a]\nname = "A"\ntarget = { value = 1, by = 2025 \n',
    "many-problems": """
[assessment]
method = "linaer"
on_track = 0.5

[targets.Bad_Id]
name = "x"
target = { value = 1, by = 2025 }

[targets.share]
name = 3
kind = "change"
target = { change = -1, by = 2020 }
baseline = { at = 2020 }
observations = [{ at = 2020, yoy = 1, value = 2 }, { at = 2021, rate = 1 }]

[targets.cap]
kind = "bound"
name = "c"
target = { max = 1, min = 0, by = 2025 }
observations = [{ at = 2021, value = nan }, { at = 2021-12-31, value = 1 }]
""",
    "wrong-kind-field": """
[targets.level]
name = "L"
target = { value = 1, by = 2025 }
observations = [{ at = 2021, yoy = 1 }]
""",
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_messages(snapshot, tmp_path, name):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_FILES[name], encoding="utf-8")
    assert [run("status", "-f", "bad.toml"), run("validate", "bad.toml")] == snapshot


def test_usage_errors(snapshot):
    cases = [
        ("gap", "clean-enrgy"),
        ("status", "--sort", "name"),
        ("status", "--format", "yaml"),
        ("status", "--verdict", "great"),
        ("status", "--as-of", "last week"),
        ("status", "--kind", "levels"),
        ("status", "--binding", "--expected"),
        ("status", "gdp-grwth-*"),
        ("status", "--verdict", "lagging"),
        ("status", "-o", "status.xlsx"),
        ("status", "--round", "2"),
        ("record", "clean-energy", "50", "--at", "2025", "--source", "s", "-f", "-"),
        ("history", "clean-enrgy"),
        ("changes", "--since", "2030-01-01", "--as-of", "2026-01-01"),
        ("status", "--scheme", "sdns"),
    ]
    assert [run(*case) for case in cases] == snapshot
