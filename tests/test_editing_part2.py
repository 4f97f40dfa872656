"""Keeping the file, part 2: remove, edit, idempotent imports, and what every edit says."""

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app

runner = CliRunner()
LNREV = str(Path(sys.executable).with_name("lnrev"))

FILE = """\
# Two targets

[targets.share]   # a level target
name = "A share"
unit = "%"
target = { value = 50, by = 2025 }
observations = [
  { at = 2021, value = 40, source = "first" },  # kept
  { at = 2022, value = 42, source = "second" },
]

# the second target
[targets.jobs]
kind = "bound"
name = "Unemployment"
target = { max = 5.5, by = 2025 }
"""


def invoke(*args: str, **options):
    return runner.invoke(app, list(args), **options)


@pytest.fixture
def targets(write_targets) -> Path:
    return write_targets(FILE)


def test_remove_a_target_keeps_everything_else(targets):
    result = invoke("remove", "jobs", "--yes")
    assert result.exit_code == 0
    assert result.stdout == "removed targets.jobs and its 0 observations from targets.toml\n"
    # the comment before it stays: it may head a whole group of targets
    assert targets.read_text() == FILE[: FILE.index("[targets.jobs]")]


def test_remove_one_observation_keeps_its_neighbours_and_comments(targets):
    result = invoke("remove", "share", "--at", "2022", "--yes")
    assert result.exit_code == 0
    assert result.stdout == (
        "removed the observation of targets.share at 2022-12-31 (value 42) from targets.toml\n"
    )
    assert targets.read_text() == FILE.replace(
        '  { at = 2022, value = 42, source = "second" },\n', ""
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["remove", "shar", "--yes"], "error: no target 'shar' in targets.toml (did you mean 'share'?)"),
        (["remove", "share", "--at", "2023", "--yes"], "error: targets.share has no observation at 2023-12-31 (did you mean '2022-12-31'?)"),
        (["remove", "share"], "error: remove asks first on a terminal; add --yes in a script"),
    ],
)  # fmt: skip
def test_remove_refuses_what_does_not_exist_and_never_acts_unasked(targets, args, message):
    result = invoke(*args)
    assert result.exit_code == 2 and result.stderr == message + "\n"
    assert targets.read_text() == FILE


def answered(answer: str, *args: str, cwd: Path) -> str:
    """Run lnrev in a pseudo-terminal and answer its question."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
        os.chdir(cwd)
        os.execv(LNREV, [LNREV, *args])
    os.write(fd, answer.encode())
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.decode()


def test_remove_checks_what_it_names_before_it_asks(targets, tmp_path):
    result = invoke("remove", "jobs", "--at", "1999")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: targets.jobs has no observation at 1999-12-31")
    assert "asks first" not in result.stderr
    screen = answered("y\n", "remove", "jobs", "--at", "1999", cwd=tmp_path)
    assert "[y/N]" not in screen and "has no observation at 1999-12-31" in screen
    assert targets.read_text() == FILE


@pytest.mark.parametrize(("answer", "removed"), [("y\n", True), ("n\n", False)])
def test_remove_asks_on_a_terminal(targets, tmp_path, answer, removed):
    screen = answered(answer, "remove", "jobs", cwd=tmp_path)
    assert "remove targets.jobs and its 0 observations from targets.toml? [y/N]" in screen
    assert ("jobs" not in tomllib.loads(targets.read_text())["targets"]) is removed


def editor_script(tmp_path: Path, *steps: str) -> str:
    """A stand-in for $EDITOR: each run writes the next of `steps` into the file it is given
    (a step of None leaves it as it is)."""
    script = tmp_path / "editor.py"
    counter = tmp_path / "runs"
    script.write_text(
        "import sys, pathlib\n"
        f"counter = pathlib.Path({str(counter)!r})\n"
        "run = int(counter.read_text()) if counter.exists() else 0\n"
        "counter.write_text(str(run + 1))\n"
        f"steps = {list(steps)!r}\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "if steps[run] is not None:\n"
        "    path.write_text(path.read_text().replace(*steps[run].split('=>')))\n"
    )
    return f"{sys.executable} {script}"


def test_edit_saves_a_valid_edit(targets, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, "A share=>The share"))
    result = invoke("edit")
    assert result.exit_code == 0 and result.stdout == "saved targets.toml\n"
    assert targets.read_text() == FILE.replace("A share", "The share")


def test_edit_shows_the_problems_and_offers_to_edit_again(targets, tmp_path, monkeypatch):
    monkeypatch.setenv(
        "VISUAL", editor_script(tmp_path, "value = 50=>value = fifty", "value = fifty=>value = 55")
    )
    screen = answered("y\n", "edit", cwd=tmp_path)
    assert "targets.toml (as edited):6: TOML syntax:" in screen
    assert "edit again? [Y/n]" in screen and "saved targets.toml" in screen
    assert targets.read_text() == FILE.replace("value = 50,", "value = 55,")


def test_edit_from_a_script_does_not_ask_to_edit_again(targets, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", editor_script(tmp_path, "value = 50=>value = fifty"))
    result = invoke("edit", input="y\n")
    assert result.exit_code == 3
    assert "targets.toml (as edited):6: TOML syntax:" in result.stderr
    assert "edit again?" not in result.stderr
    assert result.stderr.endswith("targets.toml: left as it was\n")
    assert targets.read_text() == FILE
    assert (tmp_path / "runs").read_text() == "1"  # the editor ran once


def test_an_abandoned_invalid_edit_leaves_the_file(targets, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, 'name = "A share"=>name = 3'))
    screen = answered("n\n", "edit", cwd=tmp_path)
    assert "targets.share.name: expected a text, got 3" in screen
    assert "edit again? [Y/n]" in screen
    assert screen.endswith("targets.toml: left as it was\r\n")
    assert targets.read_text() == FILE
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("lnrev-*.toml.unused"))


def test_an_edit_that_changes_nothing_writes_nothing(targets, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, None))
    before = targets.stat().st_mtime_ns
    result = invoke("edit")
    assert result.exit_code == 0 and result.stdout == "no change to targets.toml\n"
    assert targets.stat().st_mtime_ns == before


CSV = "id,at,value,source\nshare,2023,44,third\nshare,2024,46,fourth\n"


def test_importing_the_same_rows_again(targets, tmp_path):
    (tmp_path / "rows.csv").write_text(CSV)
    assert invoke("import", "rows.csv").stdout == (
        "imported into targets.toml: 2 observations added\n"
    )
    again = invoke("import", "rows.csv")
    assert again.exit_code == 3 and "already" in again.stderr
    skipped = invoke("import", "rows.csv", "--skip-existing")
    assert skipped.stdout == "imported into targets.toml: 2 observations skipped\n"
    (tmp_path / "rows.csv").write_text(CSV.replace("46", "47"))
    dry = invoke("import", "rows.csv", "--replace", "--dry-run")
    assert dry.stdout == "would import into targets.toml: 2 observations replaced\n"
    assert "value = 46" in targets.read_text()  # a dry run writes nothing
    replaced = invoke("import", "rows.csv", "--replace")
    assert replaced.stdout == "imported into targets.toml: 2 observations replaced\n"
    assert "value = 47" in targets.read_text()


@pytest.mark.parametrize(
    "text",
    [
        "id;at;value;source\nshare;2023;44;third\n",
        "id\tat\tvalue\tsource\nshare\t2023\t44\tthird\n",
        "\ufeff ID , At ,Value, SOURCE \nshare,2023,44,third\n",
    ],
    ids=["semicolons", "tabs", "byte-order mark and loose headers"],
)
def test_import_reads_other_delimiters_and_headers(targets, tmp_path, text):
    (tmp_path / "rows.csv").write_text(text, encoding="utf-8")
    result = invoke("import", "rows.csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "imported into targets.toml: 1 observation added\n"


def test_import_reads_standard_input(targets):
    result = invoke("import", "-", input=CSV)
    assert result.exit_code == 0 and "2 observations added" in result.stdout
    mistake = invoke("import", "-", input="id,at,value,source\nnope,2023,1,s\n")
    assert mistake.stderr.startswith("standard input:2: no target 'nope'")


def test_concurrent_removes_and_records_lose_nothing(targets, tmp_path):
    records = [
        subprocess.Popen([LNREV, "record", "share", str(year), "--at", str(year), "--source", "s"],
                         cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for year in range(2030, 2040)
    ]  # fmt: skip
    remove = subprocess.Popen([LNREV, "remove", "jobs", "--yes"], cwd=tmp_path)
    assert all(process.wait() == 0 for process in [*records, remove])
    data = tomllib.loads(targets.read_text())
    assert "jobs" not in data["targets"]
    years = {observation["at"] for observation in data["targets"]["share"]["observations"]}
    assert years == {2021, 2022, *range(2030, 2040)}


def test_record_help_says_what_each_value_means():
    text = " ".join(invoke("record", "--help").stdout.split())
    assert "the % change since the previous observation" in text
    assert "the average annual % growth since the previous observation" in text
