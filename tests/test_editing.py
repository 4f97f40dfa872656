"""Keeping the targets file: every edit adds its lines and changes nothing else, or writes nothing."""

import difflib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.targetsfile.loading import TargetsLocation, embedded_targets, load

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]

FILE = """\
# Test targets: a comment at the top

[targets.share]   # a level target
name = "A share"
unit = "%"
target = { value = 50, by = 2025 }

[[targets.share.observations]]
at = 2021
value = 40
source = "first"

# a comment between targets

[targets.energy]
kind = "change"
name = "Energy per GDP"
target = { change = -13.5, by = 2025 }
baseline = { at = 2020 }
observations = [
  { at = 2021, yoy = -2.7, source = "NBS" },  # kept
]

[targets.gdp]
kind = "growth"
name = "GDP"
target = { rate = 6, by = 2025 }
baseline = { at = 2020 }
# no observations yet

[targets.jobs]
kind = "bound"
name = "Unemployment"
target = { max = 5.5, by = 2025 }
"""


def invoke(*args: str):
    return runner.invoke(app, list(args))


def added_lines(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`, asserting that nothing of `old` changed or moved."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old_lines, new_lines, autojunk=False
    ).get_opcodes():
        assert tag in ("equal", "insert"), f"{tag}: {old_lines[i1:i2]} -> {new_lines[j1:j2]}"
        if tag == "insert":
            added += new_lines[j1:j2]
    return added


@pytest.fixture
def targets(write_targets) -> Path:
    return write_targets(FILE)


def test_record_into_an_array_of_tables_adds_only_its_lines(targets):
    before = targets.read_text()
    result = invoke(
        "record",
        "share",
        "44.5",
        "--at",
        "2023-06-30",
        "--source",
        "Bureau",
        "--published",
        "2023-08-01",
        "--note",
        "half year",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "recorded targets.share at 2023-06-30 in targets.toml\n"
    added = added_lines(before, targets.read_text())
    assert [line for line in added if line != "\n"] == [
        "[[targets.share.observations]]\n",
        "at = 2023-06-30\n",
        "value = 44.5\n",
        "published = 2023-08-01\n",
        'source = "Bureau"\n',
        'note = "half year"\n',
    ]
    assert added.count("\n") == 1  # one blank line keeps the new table apart
    after = targets.read_text()
    assert after.index('note = "half year"') < after.index("# a comment between targets")


def test_record_into_an_inline_array_adds_only_its_line(targets):
    before = targets.read_text()
    assert (
        invoke(
            "record", "energy", "-0.1", "--yoy", "--at", "2022", "--source", "NBS 2022"
        ).exit_code
        == 0
    )
    assert added_lines(before, targets.read_text()) == [
        '  { at = 2022, yoy = -0.1, source = "NBS 2022" },\n'
    ]


def test_record_a_first_observation_after_the_last_key(targets):
    before = targets.read_text()
    assert invoke("record", "gdp", "5.8", "--at", "2021", "--source", "stats").exit_code == 0
    after = targets.read_text()
    assert added_lines(before, after) == [
        "observations = [\n",
        '    { at = 2021, rate = 5.8, source = "stats" },\n',
        "]\n",
    ]
    assert after.index("observations = [") < after.index("# no observations yet")
    assert load(TargetsLocation(targets, "t")).targets["gdp"].observations[0].rate == 5.8


def test_add_appends_a_table_and_changes_nothing_else(targets):
    before = targets.read_text()
    result = invoke(
        "add", "intensity", "--kind", "change", "--name", "CO2 per GDP", "--target", "-18",
        "--by", "2025", "--baseline-at", "2020", "--binding", "--unit", "%", "--source", "plan",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert added_lines(before, targets.read_text()) == [
        "\n",
        "[targets.intensity]\n",
        'kind = "change"\n',
        'name = "CO2 per GDP"\n',
        'unit = "%"\n',
        "binding = true\n",
        "target = { change = -18.0, by = 2025 }\n",
        "baseline = { at = 2020 }\n",
        'source = "plan"\n',
    ]


@pytest.mark.parametrize(
    ("args", "table"),
    [
        (["--target", "56.8", "--by", "2025", "--baseline", "45", "--baseline-at", "2020"],
         {"name": "x", "target": {"value": 56.8, "by": 2025}, "baseline": {"at": 2020, "value": 45.0}}),
        (["--kind", "growth", "--target", "6", "--by", "2025", "--baseline-at", "2020"],
         {"kind": "growth", "name": "x", "target": {"rate": 6.0, "by": 2025}, "baseline": {"at": 2020}}),
        (["--kind", "bound", "--target", "650", "--by", "2025", "--floor"],
         {"kind": "bound", "name": "x", "target": {"min": 650.0, "by": 2025}}),
    ],
)  # fmt: skip
def test_add_each_kind(targets, args, table):
    assert invoke("add", "new", "--name", "x", *args).exit_code == 0
    assert tomllib.loads(targets.read_text())["targets"]["new"] == table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["record", "share", "1", "--yoy", "--at", "2024", "--source", "s"], "targets.toml: targets.share is a level target: it takes value, not yoy"),
        (["record", "energy", "1", "--rate", "--at", "2024", "--source", "s"], "targets.toml: targets.energy is a change target: it takes value or yoy, not rate"),
        (["record", "share", "abc", "--at", "2024", "--source", "s"], "error: VALUE: expected a number, got 'abc'"),
        (["record", "share", "nan", "--at", "2024", "--source", "s"], "error: VALUE: expected a finite number, got 'nan'"),
        (["record", "share", "1", "--at", "2024-02-30", "--source", "s"], "error: --at: expected a year (2025), a date (2024-06-30), a month (2025-06), a quarter (2025-Q2), today or yesterday, got '2024-02-30'"),
        (["record", "share", "1", "--at", "2024", "--published", "soon", "--source", "s"], "error: --published: expected a date (2024-07-16), today or yesterday, got 'soon'"),
        (["record", "share", "41", "--at", "2021", "--source", "s"], "targets.toml: targets.share has an observation at 2021-12-31 already (value 40); use --replace to overwrite it"),
        (["add", "share", "--name", "x", "--target", "1", "--by", "2025"], "targets.toml: targets.share exists already; choose another id"),
        (["add", "Bad_Id", "--name", "x", "--target", "1", "--by", "2025"], "targets.toml: target id 'Bad_Id' is not a slug: use lowercase letters, digits and hyphens (e.g. clean-energy)"),
        (["add", "g", "--kind", "growth", "--name", "x", "--target", "1", "--by", "2025"], "targets.toml: a growth target needs --baseline-at (the year its index is 100), or a base in the file's [plan]"),
        (["add", "n", "--name", "x", "--target", "1", "--by", "2019", "--baseline", "1", "--baseline-at", "2020"], "targets.toml (as edited, not written):38: targets.n.target.by: the deadline 2019-12-31 is not after the baseline 2020-12-31"),
    ],
)  # fmt: skip
def test_refused_edits_exit_3_with_one_line_and_write_nothing(targets, args, message):
    before = targets.read_bytes()
    result = invoke(*args)
    assert result.exit_code == 3
    assert result.stderr == message + "\n"
    assert targets.read_bytes() == before


@pytest.mark.parametrize(
    ("target_id", "hint"),
    [("nope", "; ids: share, energy, gdp, jobs"), ("shar", " (did you mean 'share'?)")],
)
def test_an_unknown_target_id_is_a_usage_error_as_in_every_command(targets, target_id, hint):
    before = targets.read_bytes()
    result = invoke("record", target_id, "1", "--at", "2024", "--source", "s")
    assert result.exit_code == 2
    assert result.stderr == f"error: no target {target_id!r} in targets.toml{hint}\n"
    assert targets.read_bytes() == before


def test_an_index_target_takes_the_plan_base(targets):
    text = targets.read_text()
    targets.write_text("[plan]\nbase = 2020\n\n" + text)
    assert (
        invoke(
            "add", "g", "--kind", "growth", "--name", "x", "--target", "5", "--by", "2025"
        ).exit_code
        == 0
    )
    assert "baseline" not in tomllib.loads(targets.read_text())["targets"]["g"]


def test_replace_overwrites_the_observation_at_that_point(targets):
    result = invoke("record", "share", "41", "--at", "2021", "--source", "revised", "--replace")
    assert result.exit_code == 0
    observations = tomllib.loads(targets.read_text())["targets"]["share"]["observations"]
    assert observations == [{"at": 2021, "value": 41.0, "source": "revised"}]


def test_the_embedded_default_is_never_written():
    before = embedded_targets().read_bytes()
    result = invoke("record", "clean-energy", "51", "--at", "2024-09-30", "--source", "s")
    assert result.exit_code == 3
    assert "run `lnrev init`" in result.stderr
    assert embedded_targets().read_bytes() == before


def test_editing_an_invalid_file_is_refused(write_targets):
    path = write_targets(FILE.replace('name = "A share"', "name = 1"))
    before = path.read_bytes()
    result = invoke("record", "share", "41", "--at", "2022", "--source", "s")
    assert result.exit_code == 3
    assert result.stderr == "targets.toml:4: targets.share.name: expected a text, got 1\n"
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("replace", "could not replace the file (No space left on device); it is unchanged"),
        ("fsync", "writing failed (No space left on device); the file is unchanged"),
    ],
)
def test_a_failing_write_or_replace_leaves_the_original(targets, monkeypatch, step, message):
    before = targets.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, full_disk)
    result = invoke("record", "share", "41", "--at", "2022", "--source", "s")
    assert result.exit_code == 3
    assert result.stderr == f"targets.toml: {message}\n"
    assert targets.read_bytes() == before
    assert sorted(p.name for p in targets.parent.iterdir()) == [
        ".targets.toml.lock",
        "targets.toml",
    ]


def test_an_edit_keeps_the_file_permissions(targets):
    targets.chmod(0o640)
    assert invoke("record", "share", "41", "--at", "2022", "--source", "s").exit_code == 0
    assert targets.stat().st_mode & 0o777 == 0o640


def test_twenty_concurrent_records_are_all_kept(targets):
    lnrev = str(Path(sys.executable).with_name("lnrev"))
    processes = [
        subprocess.Popen(
            [lnrev, "record", "share", str(40 + day / 10), "--at", f"2022-03-{day:02d}", "--source", f"run {day}"],
            cwd=targets.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for day in range(1, 21)
    ]  # fmt: skip
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    observations = load(TargetsLocation(targets, "t")).targets["share"].observations
    assert len(observations) == 1 + 20
    assert sorted(o.source for o in observations[1:]) == sorted(
        f"run {day}" for day in range(1, 21)
    )


CSV_HEADER = "id,at,value,yoy,rate,source,published,note\n"


def test_import_records_every_row(targets, tmp_path):
    csv = tmp_path / "obs.csv"
    csv.write_text(
        CSV_HEADER
        + "share,2022,42,,,Bureau,2023-02-28,\nenergy,2022,,-0.1,,NBS,,\ngdp,2021,,,5.8,stats,,first year\n"
    )
    result = invoke("import", str(csv))
    assert result.exit_code == 0, result.output
    assert result.stdout == "imported into targets.toml: 3 observations added\n"
    data = load(TargetsLocation(targets, "t")).targets
    assert data["share"].observations[-1].value == 42
    assert data["energy"].observations[-1].yoy == -0.1
    assert data["gdp"].observations[0].note == "first year"


def test_import_with_a_bad_row_writes_nothing_and_names_every_bad_row(targets, tmp_path):
    before = targets.read_bytes()
    csv = tmp_path / "obs.csv"
    csv.write_text(
        CSV_HEADER
        + "share,2022,42,,,Bureau,,\n"  # good
        + "nope,2022,1,,,s,,\n"  # no such target
        + "share,2023,abc,,,s,,\n"  # not a number
        + "share,2021,40,,,s,,\n"  # a point already observed
        + "energy,2023,1,-1,,s,,\n"  # two values
    )
    result = invoke("import", str(csv))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{csv}:3: no target 'nope'",
        f"{csv}:4: value: expected a number, got 'abc'",
        f"{csv}:5: targets.share has an observation at 2021-12-31 already (value 40); use --replace to overwrite it",
        f"{csv}:6: give exactly one of value, yoy or rate, got value and yoy",
        f"{csv}: nothing was imported",
    ]
    assert targets.read_bytes() == before


def test_import_header_problems(targets, tmp_path):
    csv = tmp_path / "obs.csv"
    csv.write_text("id,when,valu\n")
    result = invoke("import", str(csv))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{csv}:1: missing column 'at'",
        f"{csv}:1: missing column 'source'",
        f"{csv}:1: missing a value column (value, yoy or rate)",
        f"{csv}:1: unknown column 'when'; columns: id, at, source, value, yoy, rate, published, note",
        f"{csv}:1: unknown column 'valu' (did you mean 'value'?)",
    ]


def test_validate(targets, write_targets):
    result = invoke("validate")
    assert result.exit_code == 0
    assert result.stdout == "ok: 4 targets, 2 observations\n"
    bad = write_targets(FILE.replace("value = 50", "value = '50'"), name="bad.toml")
    result = invoke("validate", str(bad))
    assert result.exit_code == 3
    assert result.stderr == f"{bad}:6: targets.share.target.value: expected a number, got '50'\n"


def test_init_copies_the_shipped_targets_and_the_schema(tmp_path):
    result = invoke("init")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "targets.toml").read_bytes() == embedded_targets().read_bytes()
    assert (tmp_path / "targets.schema.json").read_bytes() == (
        ROOT / "targets.schema.json"
    ).read_bytes()
    before = (tmp_path / "targets.toml").read_bytes()
    again = invoke("init")
    assert again.exit_code == 3
    assert (
        again.stderr
        == "targets.toml: exists already; lnrev init never overwrites a file; nothing was written\n"
    )
    assert (tmp_path / "targets.toml").read_bytes() == before


def test_init_empty_is_a_valid_template_with_an_example_of_each_kind_and_form(tmp_path):
    assert invoke("init", "plan.toml", "--empty").exit_code == 0
    assert load(TargetsLocation(tmp_path / "plan.toml", "plan.toml")).targets == {}
    # Uncomment the examples (everything from "# [plan]" on, section rules excepted): still valid.
    template = (tmp_path / "plan.toml").read_text()
    examples = template[template.index("# [plan]") :].splitlines()
    uncommented = [
        line[2:] if line.startswith("# ") and not line.startswith("# ---") else line
        for line in examples
    ]
    (tmp_path / "full.toml").write_text("\n".join(uncommented) + "\n")
    full = load(TargetsLocation(tmp_path / "full.toml", "full.toml"))
    assert sorted(target.kind for target in full.targets.values()) == [
        "bound",
        "change",
        "growth",
        "level",
        "level",
    ]
    assert full.targets["life-expectancy"].target.delta == 1.0
    assert full.plan.base == 2020
    assert full.assessment.scheme == "eurostat" and full.assessment.publication_lag == 0


def test_an_installed_lnrev_record_runs_as_a_subprocess(targets):
    lnrev = str(Path(sys.executable).with_name("lnrev"))
    shutil.copy(targets, targets.parent / "copy.toml")
    done = subprocess.run(
        [lnrev, "record", "share", "43", "--at", "2023", "--source", "s", "-f", "copy.toml"],
        cwd=targets.parent, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (
        load(TargetsLocation(targets.parent / "copy.toml", "c"))
        .targets["share"]
        .observations[-1]
        .value
        == 43
    )
