"""Reliability, part 2: no edit splits or drops data (symlinks, modes, owners, replacing, init,
large imports, odd layouts)."""

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app

runner = CliRunner()

FILE = """\
[targets.share]
name = "A share"
unit = "%"
target = { value = 50, by = 2025 }
observations = [
  # the first figure
  { at = 2021, value = 40, published = 2022-02-28, source = "first", note = "as reported" },
]
"""


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_an_edit_through_a_symlink_writes_the_file_it_points_to(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "work").mkdir()
    real = tmp_path / "real" / "t.toml"
    real.write_text(FILE)
    link = tmp_path / "work" / "t.toml"
    link.symlink_to(Path("..") / "real" / "t.toml")
    result = invoke("record", "share", "44", "--at", "2022", "--source", "s", "-f", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()  # the link is kept
    assert "value = 44" in real.read_text()  # and the real file got the observation
    assert (tmp_path / "real" / ".t.toml.lock").exists()  # one lock for every path to it
    assert not (tmp_path / "work" / ".t.toml.lock").exists()


def test_a_read_only_file_is_refused(write_targets):
    path = write_targets(FILE)
    path.chmod(0o444)
    result = invoke("record", "share", "44", "--at", "2022", "--source", "s")
    assert result.exit_code == 3
    assert result.stderr == "targets.toml: the file is read-only; nothing was written\n"
    assert path.read_text() == FILE


def test_an_edit_keeps_the_mode_and_owner(write_targets):
    path = write_targets(FILE)
    path.chmod(0o640)
    before = path.stat()
    assert invoke("record", "share", "44", "--at", "2022", "--source", "s").exit_code == 0
    after = path.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


def test_init_creates_files_with_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        assert invoke("init", "plan.toml", "--empty").exit_code == 0
    finally:
        os.umask(old)
    for name in ("plan.toml", "targets.schema.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640


def test_init_writes_both_files_or_neither(tmp_path):
    (tmp_path / "targets.schema.json").symlink_to(tmp_path / "missing" / "schema.json")
    result = invoke("init", "plan.toml")
    assert result.exit_code == 3
    assert result.stderr == (
        "targets.schema.json: a link to a missing file; lnrev init never overwrites a file;"
        " nothing was written\n"
    )
    assert not (tmp_path / "plan.toml").exists()


def test_replace_changes_only_the_value_and_the_options_given(write_targets):
    path = write_targets(FILE)
    result = invoke("record", "share", "41", "--at", "2021", "--source", "revised", "--replace")
    assert result.exit_code == 0, result.output
    assert path.read_text() == FILE.replace("value = 40", "value = 41.0").replace(
        '"first"', '"revised"'
    )  # published, note and the comment kept, in place


def test_replace_of_a_yoy_by_a_value_keeps_the_rest(write_targets):
    path = write_targets(
        '[targets.e]\nkind = "change"\nname = "E"\ntarget = { change = -10, by = 2025 }\n'
        'baseline = { at = 2020 }\nobservations = [{ at = 2021, yoy = -2, note = "n" }]\n'
    )
    assert invoke("record", "e", "-3", "--at", "2021", "--source", "s", "--replace").exit_code == 0
    text = path.read_text()
    assert "yoy" not in text and "value = -3.0" in text and 'note = "n"' in text


def test_an_import_of_many_rows_to_one_target_keeps_every_row(write_targets, tmp_path):
    write_targets(FILE)
    rows = ["id,at,value,source"] + [f"share,{1000 + i},{i},s" for i in range(1000)]
    (tmp_path / "rows.csv").write_text("\n".join(rows) + "\n")
    assert invoke("import", "rows.csv").exit_code == 0
    assert invoke("validate").stdout == "ok: 1 target, 1001 observations\n"
    again = invoke("record", "share", "1", "--at", "1950", "--source", "s")
    assert "has an observation at 1950-12-31 already (value 950.0)" in again.stderr


def test_a_file_written_with_dotted_keys_can_be_edited(write_targets):
    path = write_targets('targets.a.name = "A"\ntargets.a.target = { value = 1, by = 2025 }\n')
    result = invoke("record", "a", "1", "--at", "2021", "--source", "s")
    assert result.exit_code == 0, result.output
    assert invoke("validate").stdout == "ok: 1 target, 1 observation\n"
    assert path.read_text().startswith('targets.a.name = "A"')


@pytest.mark.parametrize("kind", ["symlink", "directory"])
def test_a_lock_file_that_is_not_a_file_is_one_line_at_once(write_targets, tmp_path, kind):
    write_targets(FILE)
    lock = tmp_path / ".targets.toml.lock"
    if kind == "symlink":
        lock.symlink_to(tmp_path / "elsewhere")
    else:
        lock.mkdir()
    result = invoke("record", "share", "44", "--at", "2022", "--source", "s")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"targets.toml: cannot create the lock file {lock} (")


SPLIT = """\
[targets.a]
name = "A"
target = { value = 50, by = 2025 }

[targets.b]
name = "B"
target = { value = 5, by = 2025 }

[targets.a.baseline]   # a part of a, written after b
at = 2020
value = 40
"""


@pytest.mark.parametrize(
    "text",
    [SPLIT, SPLIT.replace("[targets.a]", '[targets."a"]'), FILE.replace("share", "a")],
    ids=["split over the file", "quoted id", "in one section"],
)
def test_an_edit_of_one_target_changes_only_that_target_however_it_is_written(write_targets, text):
    path = write_targets(text)
    result = invoke("record", "a", "44", "--at", "2022", "--source", "s")
    assert result.exit_code == 0, result.output
    after = path.read_text()
    assert after.count("value = 44.0") == 1
    assert invoke("validate").stdout.startswith("ok: ")
    lines = set(after.splitlines())
    assert set(text.splitlines()) - lines <= {"observations = ["}  # nothing else was lost
