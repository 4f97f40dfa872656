"""The fuzz campaign: whatever the file and the command line, lnrev answers without a traceback.

Random mutations of a valid targets file (lines deleted, duplicated or truncated; values replaced
by other types, NaN, infinities, huge, tiny and negative numbers, unicode and control characters;
random bytes) and random command lines of every command, run through the real CLI. Every run must
exit 0, 1, 2 or 3, never raise, and explain every failure on stderr. The number of cases of each
test is fixed (max_examples), so the campaign's size is known: docs/reliability.md reports it.
"""

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lnrev.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SHIPPED = (ROOT / "targets.toml").read_text(encoding="utf-8")
EXAMPLE = (ROOT / "examples" / "china-14th-fyp.toml").read_text(encoding="utf-8")
FILE_CASES = 300
COMMAND_CASES = 300
TIGHT = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

HOSTILE_VALUES = [
    "nan", "-nan", "inf", "-inf", "1e308", "-1e308", "1e-320", "0", "-0.0", "-1", "-100",
    "99999999999999999999999", "true", '"56.8"', "''", '"[bold]x[/]"', '"\\u001b[31mred"',
    '"\\u0000"', '"中文"', "2024-02-29", "2024-02-30", "2024-06-30T12:00:00Z", "12:00:00", "[]",
    "[1, 2]", "{}", "{ value = 1 }", '"\\ud7ff"', "0x7fffffffffffffff", "10000", "-9999",
]  # fmt: skip
TOKEN = re.compile(r"(?<== )[^\n#]+")  # the value of a `key = value` line


def check(result) -> None:
    """The contract of every run: a known exit code, no exception, every failure explained."""
    assert result.exit_code in (0, 1, 2, 3), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if result.exit_code == 3:
        lines = result.stderr.splitlines()
        assert lines, "a refusal must say why"
        assert all(re.match(r"\S[^:]*(:\d+)?: \S", line) for line in lines), lines  # "where: what"
    if result.exit_code == 2:  # a usage error, or bare `lnrev`, which shows its help
        assert result.output.strip(), "a usage error must say what is wrong"


@st.composite
def mutated_text(draw) -> str:
    """A shipped file with 1-5 mutations of its text."""
    lines = draw(st.sampled_from([SHIPPED, EXAMPLE])).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["delete", "duplicate", "value", "unicode", "truncate", "bytes"])
        )
        if action == "delete":
            del lines[index]
        elif action == "duplicate":  # duplicate keys, tables and observations
            lines.insert(index, lines[index])
        elif action == "value" and TOKEN.search(lines[index]):
            value = draw(st.sampled_from(HOSTILE_VALUES))
            lines[index] = TOKEN.sub(lambda _, value=value: value, lines[index], count=1)
        elif action == "unicode":
            lines[index] = lines[index][:-1] + draw(st.text(max_size=6)) + "\n"
        elif action == "truncate":
            lines = lines[: index + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        else:
            lines.insert(index, draw(st.binary(max_size=12)).decode("latin-1"))
    return "".join(lines)


@given(
    mutated_text(),
    st.sampled_from(
        [
            ["status"],
            ["status", "--json"],
            ["gap", "clean-energy"],
            ["gap", "energy-intensity"],
            ["gap", "gdp-growth-2023"],
            ["validate"],
            ["sources"],
        ]
    ),
)
@settings(TIGHT, max_examples=FILE_CASES)
def test_mutated_files(tmp_path, text, command):
    path = tmp_path / "fuzz.toml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    arguments = [*command, str(path)] if command == ["validate"] else [*command, "-f", str(path)]
    check(runner.invoke(app, arguments))


WORDS = [
    "status", "gap", "sources", "validate", "record", "add", "import", "init", "schema",
    "clean-energy", "gdp-growth-2023", "nope", "Bad_ID", "--json", "--format", "csv", "markdown",
    "xml", "--as-of", "2024", "2024-13-01", "2024-06-30", "soon", "--verdict", "missed,on_track",
    "--fail-on", "insufficient_data", "--sort", "gap", "--kind", "growth", "--binding",
    "--expected", "--name", "x", "--target", "-13.5", "abc", "nan", "--by", "2025", "--at",
    "--source", "s", "--yoy", "--rate", "--replace", "--published", "--baseline", "--baseline-at",
    "--unit", "%", "--floor", "--empty", "--export", "out.svg", "out.png", "--no-chart", "-h",
    "--version", "56.8", "--", "",
]  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=9))
@settings(TIGHT, max_examples=COMMAND_CASES)
def test_random_command_lines(tmp_path, words):
    target = tmp_path / "targets.toml"
    target.write_text(SHIPPED, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            *words,
            *(
                ["-f", str(target)]
                if words and words[0] not in ("init", "schema", "validate")
                else []
            ),
        ],
    )
    check(result)


def test_duplicate_tables_empty_and_binary_files(tmp_path):
    duplicate = tmp_path / "duplicate.toml"
    duplicate.write_text(SHIPPED + '\n[targets.clean-energy]\nname = "again"\n', encoding="utf-8")
    result = runner.invoke(app, ["status", "-f", str(duplicate)])
    assert result.exit_code == 3 and "TOML syntax" in result.stderr
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["status", "--json", "-f", str(empty), "--as-of", "2026-11-23"])
    assert result.exit_code == 0 and '"targets": []' in result.stdout
    binary = tmp_path / "binary.toml"
    binary.write_bytes(bytes(range(256)) * 40)
    result = runner.invoke(app, ["status", "-f", str(binary)])
    assert (result.exit_code, result.stderr) == (
        3,
        f"{binary}:2: not UTF-8 text (byte 0x80)\n",
    )  # 0x0a comes first


def test_ten_megabyte_files(tmp_path):
    valid = tmp_path / "valid.toml"
    block = "\n".join(
        f'[targets.t{n}]\nname = "t{n}"\ntarget = {{ value = 60, by = 2030 }}\nobservations = [\n'
        + "".join(
            f'  {{ at = {2005 + k}, value = {40 + k}.5, source = "s" }},\n' for k in range(20)
        )
        + "]\n"
        for n in range(10_500)
    )
    valid.write_text(block, encoding="utf-8")
    assert valid.stat().st_size > 10_000_000
    result = runner.invoke(app, ["status", "--json", "-f", str(valid), "--as-of", "2026-11-23"])
    assert result.exit_code == 0
    assert '"on_track": 10500' in result.stdout
    garbage = tmp_path / "garbage.toml"
    garbage.write_text("x = [" * 2_000_000, encoding="utf-8")  # 10 MB that never closes
    result = runner.invoke(app, ["status", "-f", str(garbage)])
    assert result.exit_code == 3 and result.stderr.startswith(f"{garbage}")
