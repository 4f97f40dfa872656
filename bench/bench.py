"""Whole-process timings of lnrev beside the floors it cannot beat, in one run, side by side.

    uv run python bench/bench.py            # floors, shipped file, 1,000 and 10,000 targets
    uv run python bench/bench.py --large    # also 100,000 targets (about 130 MB of TOML)
    uv run python bench/bench.py --runs 21  # more runs per command (default 15)
    uv run python bench/bench.py --editing  # also editing: import 4,000 and 20,000 CSV rows to
                                            # one target, one record on 10,000 targets

Each command is run as its own process, several times; the table gives the median, min and max
wall-clock time and the peak memory (maximum resident set size) of the process. The start-up
commands are run in turn, round after round, and so are the large files of every size, so that
the machine's noise falls on all of them alike. The goals are ratios between lines of the same
run, comparable across machines; each is printed with its ratio, its limit and whether it is met.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PYTHON = sys.executable
LNREV = str(Path(sys.executable).with_name("lnrev"))
ROOT = Path(__file__).resolve().parents[1]
# `import pydantic` is lazy: it loads pydantic-core and the schema builder only when a first model
# is defined. This floor pays that once, as any program validating with pydantic must.
ONE_MODEL = (
    "import typer, tomllib\nfrom pydantic import BaseModel\nclass Point(BaseModel):\n    x: int"
)
ONE_MODEL_AND_TABLE = ONE_MODEL.replace("tomllib", "tomllib, rich.table")
OBSERVATIONS_PER_TARGET = 20
# As installed for real: bytecode caches written on first import and used after (some shells,
# this project's own workplace among them, set PYTHONDONTWRITEBYTECODE, which would make every
# run compile every module from source).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Timing:
    name: str
    median: float
    fastest: float
    slowest: float
    peak_mb: float


def run_once(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one run of `command`, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=ENVIRONMENT
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(commands: dict[str, tuple[str, list[str]]], runs: int) -> dict[str, Timing]:
    """Time each command `runs` times, in turn, after one warm-up run of each."""
    samples: dict[str, list[tuple[float, float]]] = {key: [] for key in commands}
    for _, command in commands.values():
        run_once(command)  # warm the file cache and write the bytecode caches
    for _ in range(runs):
        for key, (_, command) in commands.items():
            samples[key].append(run_once(command))
    return {key: _timing(name, samples[key]) for key, (name, _) in commands.items()}


def _timing(name: str, samples: list[tuple[float, float]]) -> Timing:
    seconds = [s for s, _ in samples]
    peak = max(m for _, m in samples)
    return Timing(name, statistics.median(seconds), min(seconds), max(seconds), peak)


def generate(path: Path, targets: int) -> Path:
    """A targets file of `targets` level targets with OBSERVATIONS_PER_TARGET observations each,
    every one still open (behind the pace its deadline of 2030 needs): `status` computes the five
    published methods, the trend with its interval and probability, and reached_by for each."""
    with path.open("w", encoding="utf-8") as out:
        out.write('[plan]\nname = "Generated benchmark plan"\n\n')
        for number in range(targets):
            out.write(
                f'[targets.t{number}]\nname = "Generated target {number}"\nunit = "%"\n'
                f"target = {{ value = {60 + number % 7}, by = 2030 }}\n"
                f'source = "generated for the benchmark"\nobservations = [\n'
            )
            for k in range(OBSERVATIONS_PER_TARGET):
                value = 40 + k * 0.5 + (number % 13) / 10
                out.write(f'  {{ at = {2005 + k}, value = {value:.3f}, source = "generated" }},\n')
            out.write("]\n\n")
    return path


def csv_rows(path: Path, rows: int) -> Path:
    """`rows` observations of one target, one a day from 1950 on, as `lnrev import` reads them."""
    first = date(1950, 1, 1).toordinal()
    with path.open("w", encoding="utf-8") as out:
        out.write("id,at,value,source\n")
        for day in range(rows):
            out.write(f"t0,{date.fromordinal(first + day).isoformat()},{day / 10:.1f},csv\n")
    return path


def editing(directory: Path, runs: int) -> dict[str, Timing]:
    """Whole-process timings of the editing commands on large inputs; each run edits a fresh
    copy of its file (the copy is part of the timing, and negligible)."""
    fresh = directory / "fresh.toml"
    fresh.write_text('[targets.t0]\nname = "T0"\ntarget = { value = 100, by = 2030 }\n')
    big = generate(directory / "big.toml", 10_000)

    def copy_then(source: Path, *args: str) -> list[str]:
        work = directory / "work.toml"
        lnrev = " ".join([LNREV, *args, "-f", str(work)])
        return ["sh", "-c", f"cp {source} {work} && {lnrev} > /dev/null"]

    commands = {
        f"import{rows}": (
            f"lnrev import, {rows:,} rows to one target",
            copy_then(fresh, "import", str(csv_rows(directory / f"rows{rows}.csv", rows))),
        )
        for rows in (4_000, 20_000)
    }
    timings = measure(commands, runs)
    record = copy_then(big, "record", "t1", "5", "--at", "2031", "--source", "bench")
    timings |= measure({"record10000": ("lnrev record, 10,000 targets", record)}, 1)
    return timings


def table(timings: list[Timing]) -> str:
    lines = ["| command | median s | min s | max s | peak MB |", "|---|---:|---:|---:|---:|"]
    for t in timings:
        lines.append(
            f"| {t.name} | {t.median:.3f} | {t.fastest:.3f} | {t.slowest:.3f} | {t.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--large", action="store_true", help="also 100,000 targets")
    parser.add_argument("--editing", action="store_true", help="also import and record")
    options = parser.parse_args()
    sizes = [1_000, 10_000, *([100_000] if options.large else [])]

    def python(code: str) -> list[str]:
        return [PYTHON, "-c", code]

    timings = measure(
        {
            "floor": ("python -c pass", python("pass")),
            "core": (
                "floor: import typer, pydantic, tomllib",
                python("import typer, pydantic, tomllib"),
            ),
            "rich": (
                "floor: ... + rich.table",
                python("import typer, pydantic, tomllib, rich.table"),
            ),
            "model": ("floor: ... + one pydantic model", python(ONE_MODEL)),
            "model_rich": (
                "floor: ... + one pydantic model + rich.table",
                python(ONE_MODEL_AND_TABLE),
            ),
            "version": ("lnrev --version", [LNREV, "--version"]),
            "status": ("lnrev status", [LNREV, "status", "-f", "targets.toml"]),
            "json": ("lnrev status --json", [LNREV, "status", "--json", "-f", "targets.toml"]),
        },
        options.runs,
    )
    with tempfile.TemporaryDirectory() as directory:
        scale: dict[str, tuple[str, list[str]]] = {}
        for size in sizes:
            path = generate(Path(directory) / f"targets-{size}.toml", size)
            mb = path.stat().st_size / 1e6
            load = f"import tomllib; tomllib.load(open({str(path)!r}, 'rb'))"
            scale[f"load{size}"] = (f"tomllib.load, {size:,} targets ({mb:.0f} MB)", python(load))
            scale[f"json{size}"] = (
                f"lnrev status --json, {size:,} targets",
                [LNREV, "status", "--json", "-f", str(path)],
            )
        timings |= measure(scale, 3 if options.large else 5)  # every size in each round
        if options.editing:
            timings |= editing(Path(directory), 3)
    machine = f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"
    print(f"lnrev benchmark, {date.today().isoformat()}, {machine}, {platform.platform()}\n")
    print(table(list(timings.values())))
    print("\n| goal | ratio | at most | met |\n|---|---:|---:|---|")
    for name, ratio, limit in goals(timings):
        print(f"| {name} | {ratio:.2f} | {limit} | {'yes' if ratio <= limit else 'NO'} |")


def goals(timings: dict[str, Timing]) -> list[tuple[str, float, float]]:
    """Each goal as (what, ratio, the most it may be), from the lines measured in this run."""
    t = {key: value.median for key, value in timings.items()}
    peak = {key: value.peak_mb for key, value in timings.items()}
    found = [
        ("lnrev status --json / floor with one pydantic model", t["json"] / t["model"], 1.15),
        (
            "lnrev status / floor with one pydantic model and rich.table",
            t["status"] / t["model_rich"],
            1.15,
        ),
        ("lnrev --version / typer+pydantic+tomllib floor", t["version"] / t["core"], 1.05),
        ("status --json, 10,000 targets / tomllib.load of it", t["json10000"] / t["load10000"], 1),
        (
            "status --json, 10,000 targets: peak memory / tomllib.load's",
            peak["json10000"] / peak["load10000"],
            1.5,
        ),
        ("status --json, 10,000 targets / 1,000 targets", t["json10000"] / t["json1000"], 11.0),
    ]
    if "json100000" in t:
        found += [
            (
                "status --json, 100,000 targets / 10,000 targets",
                t["json100000"] / t["json10000"],
                11.0,
            ),
            (
                "status --json, 100,000 / 10,000 targets: peak memory",
                peak["json100000"] / peak["json10000"],
                11.0,
            ),
            ("status --json, 100,000 targets: peak MB", peak["json100000"], 1024.0),
        ]
    if "import20000" in timings:
        found += [
            ("import of 20,000 rows, seconds", t["import20000"], 10.0),
            ("import of 20,000 rows, peak MB", peak["import20000"], 300.0),
            ("import, 20,000 rows / 4,000 rows", t["import20000"] / t["import4000"], 5.5),
        ]
    return found


if __name__ == "__main__":
    main()
