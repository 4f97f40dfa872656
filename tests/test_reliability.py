"""Files that cannot be read, and edits interrupted: one clear line, and no file ever damaged."""

import os
import random
import subprocess
import sys
import time
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.targetsfile import atomic

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
LNREV = str(Path(sys.executable).with_name("lnrev"))
KILLS = 100


def odd_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Files lnrev cannot read, each with the one line it must print about them."""
    directory = tmp_path / "a-directory"
    directory.mkdir()
    fifo = tmp_path / "a-fifo"
    os.mkfifo(fifo)
    loop = tmp_path / "loop-a"
    loop.symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(loop)
    latin = tmp_path / "latin1.toml"
    latin.write_bytes('[plan]\nname = "Liaoning"\nregion = "Lia\xf3ning"\n'.encode("latin-1"))
    return {
        "directory": (directory, f"{directory}: not a regular file"),
        "fifo": (fifo, f"{fifo}: not a regular file"),
        "missing": (tmp_path / "missing.toml", f"{tmp_path / 'missing.toml'}: no such file"),
        "symlink loop": (loop, f"{loop}: cannot read: Too many levels of symbolic links"),
        "not UTF-8": (latin, f"{latin}:3: not UTF-8 text (byte 0xf3)"),
    }


@pytest.mark.parametrize("kind", ["directory", "fifo", "missing", "symlink loop", "not UTF-8"])
@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["status", "--json"],
        ["gap", "clean-energy"],
        ["sources"],
        ["record", "clean-energy", "1", "--at", "2030", "--source", "s"],
    ],
)
def test_a_file_that_cannot_be_read_is_one_clear_line(tmp_path, kind, command):
    path, line = odd_files(tmp_path)[kind]
    result = runner.invoke(app, [*command, "-f", str(path)])
    assert result.exit_code == 3
    assert result.stderr == line + "\n"
    assert result.stdout == ""


def test_validate_names_an_odd_file_too(tmp_path):
    path, line = odd_files(tmp_path)["fifo"]
    result = runner.invoke(app, ["validate", str(path)])
    assert (result.exit_code, result.stderr) == (3, line + "\n")


def test_an_unreadable_file(tmp_path, monkeypatch):
    # As root every file is readable, so the refusal of the operating system is simulated.
    path = tmp_path / "secret.toml"
    path.write_text("[plan]\n", encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    result = runner.invoke(app, ["status", "-f", str(path)])
    assert (result.exit_code, result.stderr) == (3, f"{path}: permission denied\n")


def test_a_fifo_never_blocks_the_installed_command(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [LNREV, "status", "-f", str(fifo)], capture_output=True, text=True, timeout=30, check=False
    )
    assert (done.returncode, done.stderr) == (3, f"{fifo}: not a regular file\n")


def test_a_full_disk_leaves_the_original_and_says_so(tmp_path, monkeypatch):
    path = tmp_path / "targets.toml"
    path.write_bytes((ROOT / "targets.toml").read_bytes())
    before = path.read_bytes()

    class FullDisk:
        def __init__(self, descriptor, *args, **kwargs):
            os.close(descriptor)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, text):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", FullDisk)
    result = runner.invoke(
        app,
        ["record", "clean-energy", "51", "--at", "2024-09-30", "--source", "s", "-f", str(path)],
    )
    assert result.exit_code == 3
    assert (
        result.stderr
        == f"{path}: writing failed (No space left on device); the file is unchanged\n"
    )
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))


def _observations(path: Path) -> list[dict]:
    """The clean-energy observations, after checking that the whole file still parses."""
    return tomllib.loads(path.read_text(encoding="utf-8"))["targets"]["clean-energy"][
        "observations"
    ]


def test_kill_9_at_random_moments_never_leaves_a_mix(tmp_path):
    path = tmp_path / "targets.toml"
    path.write_bytes((ROOT / "targets.toml").read_bytes())
    started = time.perf_counter()
    subprocess.run(
        [
            LNREV,
            "record",
            "clean-energy",
            "51",
            "--at",
            "2029-12-31",
            "--source",
            "timing",
            "-f",
            str(path),
        ],
        check=True,
    )
    duration = time.perf_counter() - started  # one whole record, to spread the kills across it
    before = _observations(path)
    chance = random.Random(20261123)
    kept = 0
    for number in range(KILLS):
        at = date(2030, 1, 1) + timedelta(days=number)
        process = subprocess.Popen(
            [LNREV, "record", "clean-energy", "52", "--at", at.isoformat(), "--source", f"kill {number}", "-f", str(path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(chance.uniform(0, duration * 1.5))
        process.kill()
        process.wait()
        after = _observations(path)  # always parses
        assert after[: len(before)] == before  # nothing old lost or changed
        assert len(after) in (len(before), len(before) + 1)  # the new one whole, or not at all
        if len(after) > len(before):
            assert after[-1] == {"at": at, "value": 52.0, "source": f"kill {number}"}
            kept += 1
        before = after
    assert 0 < kept < KILLS, kept  # the kills fell both before and after the replace
    validate = subprocess.run(
        [LNREV, "validate", str(path)], capture_output=True, text=True, check=False
    )
    assert validate.returncode == 0, validate.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, fmt):
    big = tmp_path / "big.toml"
    big.write_text(
        "".join(
            f'[targets.t{n}]\nname = "t{n}"\ntarget = {{ value = 60, by = 2030 }}\n'
            for n in range(3_000)
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [LNREV, "status", "--format", fmt, "-f", str(big)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    process.stdout.read(100)  # like `| head -c 100`
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert stderr == b""
