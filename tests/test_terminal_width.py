"""What a person sees in a real terminal of a given width: at every width, every target's id, gap,
required rate and verdict, in English and in Chinese; nothing cut, nothing too wide."""

import collections
import fcntl
import functools
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

from lnrev.cli.options import TABLE_COLUMNS
from lnrev.engine.verdicts import SCHEME_NAMES
from lnrev.views.status_table import COLUMN_NAMES

ROOT = Path(__file__).resolve().parents[1]
LNREV = str(Path(sys.executable).with_name("lnrev"))
WIDTHS = (60, 80, 100, 120, 200)
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
FILES = [
    ROOT / "targets.toml",
    ROOT / "examples" / "china-14th-fyp.toml",
    ROOT / "examples" / "china-15th-fyp.toml",
]
AS_OF = "2026-11-24"


def in_terminal(width: int, *args: str, cwd: Path | None = None) -> str:
    """The screen text of `lnrev ARGS` run in a pseudo-terminal `width` columns wide."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of that size, then lnrev as a person starts it
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
        if cwd is not None:
            os.chdir(cwd)
        # an explicit environment: readline, once loaded, sets COLUMNS and LINES behind os.environ
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("COLUMNS", "LINES", "NO_COLOR", "LNREV_LANG")
        }
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


def run(*args: str, **env: str) -> str:
    done = subprocess.run(
        [LNREV, *args], capture_output=True, text=True, check=True,
        env={**os.environ, "COLUMNS": "", **env},
    )  # fmt: skip
    return done.stdout


@functools.cache
def markdown_rows(path: Path, lang: str, *args: str) -> tuple[dict, ...]:
    """The cells of the Markdown status table, by its English column names."""
    english = run("status", "--format", "markdown", "-f", str(path), "--as-of", AS_OF, *args)
    header = [cell.strip().lower() for cell in english.splitlines()[0].strip("|").split("|")]
    text = run(
        "status", "--format", "markdown", "-f", str(path), "--as-of", AS_OF, "--lang", lang, *args
    )
    rows = [line.strip("|").split("|") for line in text.splitlines()[2:] if line.startswith("|")]
    return tuple(dict(zip(header, (cell.strip() for cell in row), strict=True)) for row in rows)


@functools.cache
def assessed(path: Path, *args: str) -> tuple[dict, ...]:
    return tuple(
        json.loads(run("status", "--json", "-f", str(path), "--as-of", AS_OF, *args))["targets"]
    )


def verdict_words(cell: str, lang: str) -> list[str]:
    """What must be on screen of a verdict: in English each word (a line may break between
    words), in Chinese each phrase (a line may break after its comma, never inside it)."""
    verdict = cell.split("\\[")[0].split(" (")[0].strip()
    return verdict.split() if lang == "en" else [p for p in re.split(r"[，,]\s*", verdict) if p]


def assert_answers_every_target(screen: str, width: int, path: Path, lang: str, *args: str):
    lines = screen.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(lines, key=cell_len)
    assert "…" not in screen  # nothing cut to an ellipsis
    wanted = collections.Counter()
    rows = markdown_rows(path, lang, *args)
    for target, row in zip(assessed(path, *args), rows, strict=True):
        assert re.search(rf"(^|\s){re.escape(target['id'])}(\s|$)", screen, re.M), target["id"]
        for words in verdict_words(row["verdict"], lang):
            assert words in screen, (target["id"], words)
        wanted.update(NUMBER.findall(row["gap"]) + NUMBER.findall(row["required"]))
    missing = wanted - collections.Counter(NUMBER.findall(screen))
    assert not missing, f"gap or required figures not on screen: {sorted(missing.elements())}"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_width_shows_id_gap_required_and_verdict(path, width, lang):
    screen = in_terminal(width, "status", "-f", str(path), "--as-of", AS_OF, "--lang", lang)
    assert_answers_every_target(screen, width, path, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scheme", SCHEME_NAMES)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_scheme_answers_in_80_columns(path, scheme, lang):
    args = ("--scheme", scheme)
    screen = in_terminal(80, "status", "-f", str(path), "--as-of", AS_OF, "--lang", lang, *args)
    assert_answers_every_target(screen, 80, path, lang, *args)
    assert "│" not in screen and "╭" not in screen  # a table, not boxes


def test_80_columns_keep_a_table_with_latest_and_target():
    screen = in_terminal(80, "status", "--as-of", AS_OF)
    header = screen.splitlines()[0].split()
    assert header[:3] == ["Target", "Latest", "Target"] and "Gap" in header
    assert "Required" in header and header[-1] == "Verdict"
    assert re.search(
        r"^clean-energy\s+50\.5%\s+56\.8%\s+\+6\.3 pp\s+\+4\.19 pp/yr\s+pending,", screen, re.M
    )
    assert "left out at 80 columns: the bar, the dates" in " ".join(screen.split())


def test_what_gives_way_first_is_what_matters_least():
    wide = in_terminal(200, "status", "--as-of", AS_OF)
    assert "left out" not in wide and "Pace so far" in wide and "2024-06-30" in wide
    at_120 = in_terminal(120, "status", "--as-of", AS_OF)
    assert "Chance" in at_120 and "Projected" in at_120
    flat = " ".join(at_120.split())
    assert (
        "left out at 120 columns: the bar, the dates, the age note, progress | time, pace" in flat
    )
    assert "Pace so far" not in in_terminal(100, "status", "--as-of", AS_OF)
    wide_flag = in_terminal(100, "status", "--as-of", AS_OF, "--wide")
    assert "Pace so far" in wide_flag and "left out" not in wide_flag


def test_the_narrowest_terminal_gets_one_block_per_target_with_the_answer_first():
    screen = in_terminal(60, "status", "--as-of", AS_OF)
    assert "clean-energy\n  gap +6.3 pp · required +4.19 pp/yr\n  pending, likely met\n" in screen
    assert "50.5% on 2024-06-30 (2.4 years old) → 56.8% by 2025-12-31" in screen
    assert "no figure since the 2020 baseline → -14.5% by 2025-12-31" in screen


def test_chinese_verdicts_are_never_broken_inside_a_phrase():
    screen = in_terminal(80, "status", "--lang", "zh", "--as-of", AS_OF)
    assert "待最终数据，" in screen and "可能已实现" in screen
    assert "80 列宽度下省略" in screen  # the number stays with its word


def test_columns_chooses_and_orders_the_columns():
    screen = in_terminal(80, "status", "--as-of", AS_OF, "--columns", "verdict,id,gap")
    assert screen.splitlines()[0].split() == ["Verdict", "Id", "Gap"]
    assert re.search(r"^pending, likely met\s+clean-energy\s+\+6\.3 pp\s*$", screen, re.M)
    piped = run("status", "--as-of", AS_OF, "--columns", "id,progress,time", "-f", str(FILES[0]))
    assert piped.splitlines()[0].split() == ["Id", "Progress", "Time"]
    assert re.search(r"^clean-energy\s+14%\s+11%$", piped, re.M)


def test_the_command_line_knows_every_column_of_the_table():
    assert TABLE_COLUMNS == COLUMN_NAMES


def test_the_chance_column_shows_the_trend_probability():
    args = ("-f", str(FILES[1]), "--as-of", "2025-11-01", "--columns", "id,chance,verdict")
    screen = run("status", *args, "energy-intensity")
    probability = json.loads(run("status", "--json", *args[:4], "energy-intensity"))["targets"][0][
        "trend"
    ]["probability"]
    assert re.search(rf"^energy-intensity\s+{round(probability * 100)}%\s", screen, re.M)


def test_an_unknown_column_is_refused_with_the_list():
    done = subprocess.run([LNREV, "status", "--columns", "id,gapp"], capture_output=True, text=True)
    assert done.returncode == 2
    names = (
        "id, name, latest, target, gap, progress, time, required, pace, projected, chance, verdict"
    )
    assert done.stderr.startswith(f"error: --columns: expected {names}")
    assert "got 'gapp'" in done.stderr


@pytest.mark.parametrize("width", [80, 120])
def test_gap_fits_and_never_cuts_a_url(width):
    screen = in_terminal(width, "gap", "clean-energy", "--as-of", AS_OF)
    lines = screen.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert "https://en.people.cn/n3/2024/0424/c90000-20160759.html" in screen
    assert "https://newenergy.giec.cas.cn/zhdt/202407/t20240716_794400.html" in screen
    assert "[2] Xinhua, “辽宁清洁能源装机和发电量占比双破50%”, 2024-07-16" in screen


@pytest.mark.parametrize("width", [60, 80])
def test_sources_never_cut_a_url_or_a_title(width):
    screen = in_terminal(width, "sources")
    assert "…" not in screen
    assert "\n    https://en.people.cn/n3/2024/0424/c90000-20160759.html\n" in screen
    assert "\n    https://newenergy.giec.cas.cn/zhdt/202407/t20240716_794400.html\n" in screen
    flat = " ".join(screen.split())
    assert "“NE China's Liaoning strives for full revitalization”" in flat
    assert "“辽宁清洁能源装机和发电量占比双破50%”" in screen
    for line in screen.splitlines():
        if "https://" not in line:
            assert cell_len(line) <= width, line


def test_the_chart_follows_columns_when_piped():
    out = run("gap", "clean-energy", "--as-of", AS_OF, COLUMNS="70")
    chart = [line for line in out.splitlines() if "⠀" in line or "│" in line or "┤" in line]
    assert chart, out
    assert all(cell_len(line) <= 70 for line in chart), max(chart, key=cell_len)


def test_piped_output_keeps_every_column_and_honours_columns():
    done = run("status", "--as-of", AS_OF, "-f", str(FILES[0]))
    assert "Pace so far" in done and "left out" not in done and "2024-06-30" in done
    narrow = run("status", "--as-of", AS_OF, "-f", str(FILES[0]), COLUMNS="80")
    assert all(cell_len(line) <= 80 for line in narrow.splitlines())
    assert "left out at 80 columns" in narrow


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_golden_status(snapshot, path, width, lang):
    """Reviewed by eye: each shipped file as a person sees it in a terminal of this width."""
    screen = in_terminal(
        width, "status", "-f", path.name, "--as-of", AS_OF, "--lang", lang, cwd=path.parent
    )
    assert screen == snapshot
