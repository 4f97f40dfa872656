"""What a person sees in a real terminal of a given width: every target named, nothing too wide."""

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[1]
LNREV = str(Path(sys.executable).with_name("lnrev"))
WIDTHS = (60, 80, 100, 120, 160, 200)
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
FILES = [ROOT / "targets.toml", ROOT / "examples" / "china-14th-fyp.toml"]


def in_terminal(width: int, *args: str) -> str:
    """The screen text of `lnrev ARGS` run in a pseudo-terminal `width` columns wide."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of that size, then lnrev as a person starts it
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
        # an explicit environment: readline, once loaded, sets COLUMNS and LINES behind os.environ
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
        os.execve(LNREV, [LNREV, *args], env)
    raw = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        raw += chunk
    os.waitpid(pid, 0)
    return ESCAPES.sub("", raw.decode("utf-8", "replace")).replace("\r", "")


def assessed(path: Path) -> list[dict]:
    done = subprocess.run(
        [LNREV, "status", "--json", "-f", str(path), "--as-of", "2026-11-24"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)["targets"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_status_names_every_target_and_fits_the_terminal(path, width):
    screen = in_terminal(width, "status", "-f", str(path), "--as-of", "2026-11-24")
    lines = screen.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert "…" not in screen  # nothing cut to an ellipsis
    for target in assessed(path):
        assert re.search(rf"(^|\s){re.escape(target['id'])}(\s|$)", screen, re.M), target["id"]
        assert target["label"].split(",")[0] in screen


def test_a_narrow_terminal_says_what_it_left_out_and_wide_shows_it():
    narrow = in_terminal(100, "status", "--as-of", "2026-11-24")
    assert "left out at 100 columns: the bar, projected, pace so far, required, gap" in narrow
    assert "Pace so far" not in narrow
    wide = in_terminal(100, "status", "--as-of", "2026-11-24", "--wide")
    assert "Pace so far" in wide and "left out" not in wide


def test_the_narrowest_terminal_gets_one_block_per_target():
    screen = in_terminal(60, "status", "--as-of", "2026-11-24")
    assert "clean-energy · Clean-energy share" in screen
    assert "50.5% on 2024-06-30 (2.4 years old) → 56.8% by 2025-12-31" in screen
    assert "pending, likely met · stale, short span, late baseline" in screen


@pytest.mark.parametrize("width", [80, 120])
def test_gap_fits_and_never_cuts_a_url(width):
    screen = in_terminal(width, "gap", "clean-energy", "--as-of", "2026-11-24")
    lines = screen.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert "https://en.people.cn/n3/2024/0424/c90000-20160759.html" in screen
    assert "https://newenergy.giec.cas.cn/zhdt/202407/t20240716_794400.html" in screen
    assert "[2] Xinhua, “辽宁清洁能源装机和发电量占比双破50%”, 2024-07-16" in screen


def test_piped_output_keeps_every_column_and_honours_columns():
    done = subprocess.run(
        [LNREV, "status", "--as-of", "2026-11-24"],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env={**os.environ, "COLUMNS": ""},
    )  # fmt: skip
    assert "Pace so far" in done.stdout and "left out" not in done.stdout
    narrow = subprocess.run(
        [LNREV, "status", "--as-of", "2026-11-24"],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env={**os.environ, "COLUMNS": "80"},
    )  # fmt: skip
    assert all(len(line) <= 80 for line in narrow.stdout.splitlines())
    assert "left out at 80 columns" in narrow.stdout


@pytest.mark.parametrize("width", [80, 120])
def test_golden_status_of_the_shipped_file(snapshot, width):
    """Reviewed by eye: the shipped file as a person sees it in a terminal of this width."""
    assert in_terminal(width, "status", "--as-of", "2026-11-24") == snapshot


@pytest.mark.parametrize("width", [60, 80, 120])
def test_chinese_is_measured_in_cells_and_never_cut(width):
    screen = in_terminal(width, "status", "--lang", "zh", "--as-of", "2026-11-24")
    lines = screen.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(lines, key=cell_len)
    assert "…" not in screen
    assert "11 个目标：1 已实现，2 未实现，3 待最终数据，5 数据不足" in screen
