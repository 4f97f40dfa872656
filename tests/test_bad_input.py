"""Bad input never crashes lnrev: it is loaded, or refused with exit 3 and located problems."""

import copy
import tomllib
from datetime import date, datetime
from typing import Any

import pytest
from conftest import kind_example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.errors import BadInput
from lnrev.reports.status import assess_file
from lnrev.targetsfile.loading import validate

runner = CliRunner()

VALID = """
[assessment]
method = "compound"

[targets.share]
name = "Share"
unit = "%"
binding = true
target = { value = 56.8, by = 2025 }
baseline = { at = 2020, value = 45.0 }
observations = [{ at = 2024-06-30, value = 50.5, published = 2024-07-16, source = "s" }]
expectations = [{ at = 2024, value = 50, note = "n" }]
""" + "".join(kind_example(kind, kind, "compound") for kind in ("change", "growth", "bound"))
BASE = tomllib.loads(VALID)

odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["at", "value", "x", "kind", "by"]), st.integers(), max_size=3),
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return []
    paths = []
    for key, child in items:
        paths.append((*prefix, key))
        paths += _paths(child, (*prefix, key))
    return paths


PATHS = _paths(BASE)


@st.composite
def mutated_files(draw) -> dict:
    """The valid file with 1-4 random keys deleted, retyped, renamed or duplicated."""
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(PATHS))
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            action = draw(st.sampled_from(["delete", "retype", "rename"]))
            if action == "delete" and isinstance(parent, dict):
                del parent[last]
            elif action == "rename" and isinstance(parent, dict):
                parent[draw(st.text(min_size=1, max_size=8))] = parent.pop(last)
            else:
                parent[last] = draw(odd_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return data


@given(mutated_files())
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_files_are_validated_or_refused_with_located_problems(data):
    try:
        targets_file = validate(data, VALID, "t.toml")
    except BadInput as error:
        assert error.lines
        assert all(line.startswith("t.toml") and line.count(": ") >= 1 for line in error.lines)
        return
    for assessment in assess_file(targets_file, date(2026, 11, 23)):
        assert assessment.verdict  # assessing whatever validates never raises


@given(st.text(max_size=400))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_through_the_cli_exits_0_or_3_without_a_traceback(tmp_path, text):
    path = tmp_path / "fuzz.toml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["status", "--json", "-f", str(path)])
    assert result.exit_code in (0, 3)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 3:
        assert result.stderr.startswith(str(path))


@given(
    st.lists(
        st.sampled_from(
            ["status", "gap", "share", "--json", "--as-of", "2025", "x", "-f", "--file"]
        ),
        max_size=5,
    )
)
@settings(max_examples=200)
def test_random_command_lines_exit_0_2_or_3(args):
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 2, 3)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_datetime_where_a_date_belongs_is_refused():
    data = copy.deepcopy(BASE)
    data["targets"]["share"]["observations"][0]["published"] = datetime(2024, 7, 16, 9, 0)
    with pytest.raises(BadInput) as caught:
        validate(data, VALID, "t.toml")
    assert caught.value.lines == [
        "t.toml:11: targets.share.observations[0].published: expected a date (2024-07-16),"
        " got the date-time 2024-07-16T09:00:00"
    ]
