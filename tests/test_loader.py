"""What the loader refuses (contract section 6), and where it finds the targets file."""

import os
from pathlib import Path

import pytest

from lnrev.errors import BadInput
from lnrev.targetsfile.loading import (
    EMBEDDED_LABEL,
    TargetsLocation,
    discover,
    embedded_targets,
    load,
)

VALID = """\
[targets.clean-energy]
name = "Clean energy"
unit = "%"
target = { value = 56.8, by = 2025 }
observations = [
  { at = 2024-04-23, value = 49.5 },
  { at = 2024-06-30, value = 50.5 },
]
"""


def problems(write_targets, text: str) -> list[str]:
    path = write_targets(text)
    with pytest.raises(BadInput) as caught:
        load(TargetsLocation(path, "targets.toml"))
    return caught.value.lines


def test_a_valid_file_loads(write_targets):
    path = write_targets(VALID)
    targets = load(TargetsLocation(path, "targets.toml"))
    assert list(targets.targets) == ["clean-energy"]
    assert targets.targets["clean-energy"].kind == "level"


def test_wrong_type_names_file_line_and_key(write_targets):
    text = VALID.replace("value = 56.8", 'value = "abc"')
    assert problems(write_targets, text) == [
        "targets.toml:4: targets.clean-energy.target.value: expected a number, got 'abc'"
    ]


def test_toml_syntax_error(write_targets):
    assert problems(write_targets, VALID.replace('name = "Clean energy"', "name = ")) == [
        "targets.toml:2: TOML syntax: Invalid value (column 8)"
    ]


def test_unknown_key_with_did_you_mean(write_targets):
    text = VALID.replace('unit = "%"', 'unti = "%"')
    assert problems(write_targets, text) == [
        "targets.toml:3: targets.clean-energy.unti: unknown key 'unti' (did you mean 'unit'?)"
    ]


def test_missing_field(write_targets):
    text = VALID.replace('name = "Clean energy"\n', "")
    assert problems(write_targets, text) == [
        "targets.toml:1: targets.clean-energy.name: missing required key"
    ]


@pytest.mark.parametrize("number", ["nan", "inf", "-inf"])
def test_nan_and_infinite_numbers(write_targets, number):
    text = VALID.replace("value = 50.5", f"value = {number}")
    assert problems(write_targets, text) == [
        f"targets.toml:7: targets.clean-energy.observations[1].value: expected a finite number, got {number}"
    ]


def test_two_observations_at_one_point_in_time(write_targets):
    # 2024 (a year) and 2024-12-31 are the same point
    text = VALID.replace("at = 2024-04-23", "at = 2024").replace(
        "at = 2024-06-30", "at = 2024-12-31"
    )
    assert problems(write_targets, text) == [
        "targets.toml:7: targets.clean-energy.observations[1].at: a second observation at 2024-12-31"
        " (the first is observations[0])"
    ]


def test_a_deadline_not_after_the_baseline(write_targets):
    text = VALID.replace('unit = "%"', 'unit = "%"\nbaseline = { at = 2025, value = 40 }')
    assert problems(write_targets, text) == [
        "targets.toml:5: targets.clean-energy.target.by: the deadline 2025-12-31 is not after the baseline"
        " 2025-12-31"
    ]


def test_fields_of_another_kind(write_targets):
    text = VALID.replace("value = 50.5", "yoy = 1")
    assert problems(write_targets, text) == [
        "targets.toml:7: targets.clean-energy.observations[1].value: missing required key",
        "targets.toml:7: targets.clean-energy.observations[1].yoy: 'yoy' does not belong to a level target"
        " (change targets use it)",
    ]


def test_both_max_and_min(write_targets):
    text = """\
[targets.u]
kind = "bound"
name = "u"
target = { max = 5.5, min = 1, by = 2025 }
"""
    assert problems(write_targets, text) == [
        "targets.toml:4: targets.u.target: give exactly one of max or min, got both"
    ]


CHANGE = """\
[targets.e]
kind = "change"
name = "e"
target = { change = -13.5, by = 2025 }
baseline = { at = 2020 }
observations = [
  { at = 2021, OBS },
]
"""


@pytest.mark.parametrize(
    ("fields", "got"), [("value = -2, yoy = -2", "value and yoy"), ('source = "x"', "neither")]
)
def test_change_observation_needs_exactly_one_value(write_targets, fields, got):
    assert problems(write_targets, CHANGE.replace("OBS", fields)) == [
        "targets.toml:7: targets.e.observations[0]: give exactly one of value (cumulative % change)"
        f" or yoy (% on the previous), got {got}"
    ]


def test_change_needs_a_baseline_and_observations_after_it(write_targets):
    text = CHANGE.replace("OBS", "yoy = -2").replace("at = 2021", "at = 2020")
    assert problems(write_targets, text) == [
        "targets.toml:7: targets.e.observations[0].at: 2020-12-31 is not after the baseline 2020-12-31"
    ]
    text = CHANGE.replace("OBS", "yoy = -2").replace("baseline = { at = 2020 }\n", "")
    assert problems(write_targets, text) == [
        "targets.toml:1: targets.e.baseline: missing required key (or set the plan's base: [plan] base)"
    ]


def test_ids_must_be_slugs(write_targets):
    text = VALID.replace("[targets.clean-energy]", "[targets.Clean_Energy]")
    assert problems(write_targets, text) == [
        "targets.toml:1: targets.Clean_Energy: target id 'Clean_Energy' is not a slug: use lowercase"
        " letters, digits and hyphens (e.g. clean-energy)"
    ]


def test_thresholds_out_of_order(write_targets):
    text = "[assessment]\non_track = 0.5\n\n" + VALID
    assert problems(write_targets, text) == [
        "targets.toml:1: assessment: thresholds must be in order on_track >= acceleration_needed >="
        " limited_progress, got 0.5 / 0.6 / 0.0"
    ]


@pytest.mark.parametrize("kind", ["growth", "bound"])
def test_method_on_growth_or_bound(write_targets, kind):
    goal = (
        "{ rate = 6, by = 2025 }\nbaseline = { at = 2020 }"
        if kind == "growth"
        else "{ max = 6, by = 2025 }"
    )
    text = f'[targets.x]\nkind = "{kind}"\nname = "x"\nmethod = "linear"\ntarget = {goal}\n'
    assert problems(write_targets, text) == [
        f"targets.toml:4: targets.x.method: 'method' does not belong to a {kind} target"
        " (level and change targets use it)"
    ]


def test_unknown_kind(write_targets):
    text = VALID.replace('unit = "%"', 'kind = "levle"')
    assert problems(write_targets, text) == [
        "targets.toml:3: targets.clean-energy.kind: expected 'level', 'change', 'growth' or 'bound',"
        " got 'levle' (did you mean 'level'?)"
    ]


def test_dates_not_date_times(write_targets):
    text = VALID.replace("at = 2024-06-30", "at = 2024-06-30T12:00:00")
    assert problems(write_targets, text) == [
        "targets.toml:7: targets.clean-energy.observations[1].at: expected a year (2025) or a date"
        " (2024-06-30), got the date-time 2024-06-30T12:00:00"
    ]


def test_every_problem_is_listed_at_once_in_line_order(write_targets):
    text = VALID.replace("value = 56.8", "value = true").replace("value = 49.5", "value = 'x'")
    text += "\n[targets.second]\nname = 3\ntarget = { value = 1, by = 2025 }\n"
    assert problems(write_targets, text) == [
        "targets.toml:4: targets.clean-energy.target.value: expected a number, got true",
        "targets.toml:6: targets.clean-energy.observations[0].value: expected a number, got 'x'",
        "targets.toml:11: targets.second.name: expected a text, got 3",
    ]


def test_array_of_tables_lines(write_targets):
    text = """\
[targets.t]
name = "t"
target = { value = 5, by = 2025 }

[[targets.t.observations]]
at = 2021
value = 1

[[targets.t.observations]]
at = 2022
value = "two"
"""
    assert problems(write_targets, text) == [
        "targets.toml:11: targets.t.observations[1].value: expected a number, got 'two'"
    ]


def test_source_must_be_text_or_table(write_targets):
    text = VALID.replace('unit = "%"', 'unit = "%"\nsource = { title = "T", year = 2024 }')
    assert problems(write_targets, text) == [
        "targets.toml:4: targets.clean-energy.source.year: unknown key 'year'"
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "not a regular file"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.write_bytes(b'[plan]\nname = "\xff"\n'), "2: not UTF-8 text (byte 0xff)"),
    ],
)
def test_unreadable_files_are_one_clear_line(tmp_path, make, message):
    path = tmp_path / "odd.toml"
    make(path)
    with pytest.raises(BadInput) as caught:
        load(TargetsLocation(path, "odd.toml"))
    assert caught.value.lines == [
        f"odd.toml:{message}" if message[0].isdigit() else f"odd.toml: {message}"
    ]


def test_discovery_order(tmp_path, monkeypatch, write_targets):
    explicit = write_targets(VALID, name="explicit.toml")
    from_env = write_targets(VALID, name="env.toml")
    assert discover(None).embedded and discover(None).label == EMBEDDED_LABEL
    write_targets(VALID)  # ./targets.toml
    assert discover(None).label == "targets.toml"
    monkeypatch.setenv("LNREV_FILE", str(from_env))
    assert discover(None).path == from_env
    assert discover(explicit).path == explicit


def test_the_embedded_default_is_the_repository_targets_file():
    embedded = embedded_targets()
    repository_file = Path(__file__).resolve().parents[1] / "targets.toml"
    assert embedded.read_bytes() == repository_file.read_bytes()
    targets = load(TargetsLocation(embedded, EMBEDDED_LABEL))
    assert "clean-energy" in targets.targets


def test_growth_rates_must_be_above_minus_100(write_targets):
    text = """\
[targets.g]
kind = "growth"
name = "g"
target = { rate = -100, by = 2025-06-30 }
baseline = { at = 2020 }
observations = [{ at = 2021, rate = -150 }]
"""
    assert problems(write_targets, text) == [
        "targets.toml:4: targets.g.target.rate: must be greater than -100, got -100",
        "targets.toml:6: targets.g.observations[0].rate: must be greater than -100, got -150",
    ]


def test_source_dates_are_a_year_a_month_or_a_day(write_targets):
    for written in ("2022", '"2023-02"', "2024-04-23"):
        path = write_targets(
            VALID.replace('unit = "%"', f'unit = "%"\nsource = {{ title = "T", date = {written} }}')
        )
        assert (
            load(TargetsLocation(path, "targets.toml")).targets["clean-energy"].source.title == "T"
        )
    text = VALID.replace('unit = "%"', 'unit = "%"\nsource = { title = "T", date = "Feb 2023" }')
    assert problems(write_targets, text) == [
        "targets.toml:4: targets.clean-energy.source.date: expected a date (2024-04-23), a year (2022)"
        " or a month ('2023-02'), got 'Feb 2023'"
    ]


V2_REFUSALS = [
    (
        '[assessment]\nscheme = "ndcr"\npublication_lag = -1\nstale_after = -0.5\nmin_span = -1\n',
        [
            "targets.toml:2: assessment.scheme: expected 'eurostat', 'unsd2022', 'unsd2023', 'sdsn' or 'ndrc', got"
            " 'ndcr' (did you mean 'ndrc'?)",
            "targets.toml:3: assessment.publication_lag: must be at least 0, got -1",
            "targets.toml:4: assessment.stale_after: must be at least 0, got -0.5",
            "targets.toml:5: assessment.min_span: must be at least 0, got -1",
        ],
    ),
    (
        "[assessment]\npublication_lag = 1.5\n",
        ["targets.toml:2: assessment.publication_lag: expected a whole number, got 1.5"],
    ),
    (
        '[targets.a]\nname = "a"\ntarget = { value = 1, delta = 1, by = 2025 }\n\n'
        '[targets.b]\nname = "b"\ntarget = { by = 2025 }\n',
        [
            "targets.toml:3: targets.a.target: give exactly one of value or delta, got value and"
            " delta",
            "targets.toml:7: targets.b.target: give exactly one of value or delta, got neither",
        ],
    ),
    (
        '[targets.a]\nname = "a"\ntarget = { value = 1, by = 2025 }\n'
        "observations = [{ at = 2021, value = 1, published = 2021-06-30 }]\n",
        [
            "targets.toml:4: targets.a.observations[0].published: 2021-06-30 is before the"
            " observation's own date 2021-12-31"
        ],
    ),
    (
        '[plan]\nbase = 2020\n\n[targets.g]\nkind = "growth"\nname = "g"\n'
        "target = { rate = 1, by = 2020 }\nobservations = [{ at = 2020, rate = 1 }]\n\n"
        '[targets.l]\nname = "l"\ntarget = { value = 1, by = 2019 }\n',
        [
            "targets.toml:7: targets.g.target.by: the deadline 2020-12-31 is not after the plan's"
            " base 2020-12-31",
            "targets.toml:8: targets.g.observations[0].at: 2020-12-31 is not after the plan's base"
            " 2020-12-31",
            "targets.toml:12: targets.l.target.by: the deadline 2019-12-31 is not after the plan's"
            " base 2020-12-31",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), V2_REFUSALS)
def test_what_contract_v2_refuses(write_targets, text, expected):
    assert problems(write_targets, text) == expected


def test_a_change_target_needs_a_baseline_or_the_plan_base(write_targets):
    text = '[targets.c]\nkind = "change"\nname = "c"\ntarget = { change = -1, by = 2025 }\n'
    assert problems(write_targets, text) == [
        "targets.toml:1: targets.c.baseline: missing required key (or set the plan's base:"
        " [plan] base)"
    ]
    path = write_targets("[plan]\nbase = 2020\n\n" + text)
    assert load(TargetsLocation(path, "targets.toml")).targets["c"].baseline is None
