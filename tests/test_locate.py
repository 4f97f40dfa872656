"""Key paths to lines, for the awkward corners of TOML."""

import tomllib

from lnrev.targetsfile.key_lines import dotted, key_lines, line_of

DOCUMENT = '''\
# a comment with [brackets] and = signs
[plan]
name = """multi
line [not a table]
"""
"quoted.key" = 'x'

[targets.a]   # trailing comment
target = { value = 1, by = 2025 }
observations = [
  { at = 2021, value = 1, source = { title = "T, with a comma }" } },

  { at = 2022, value = 2 },
]

[[targets.a.expectations]]
at = 2023
[[targets.a.expectations]]
at = 2024

[targets.b.target]
value = 3
'''


def test_every_key_has_its_line():
    tomllib.loads(DOCUMENT)  # the scanner only runs on documents tomllib accepts
    lines = key_lines(DOCUMENT)
    assert lines[("plan",)] == 2
    assert lines[("plan", "name")] == 3
    assert lines[("plan", "quoted.key")] == 6
    assert lines[("targets", "a")] == 8
    assert lines[("targets", "a", "target", "by")] == 9
    assert lines[("targets", "a", "observations", 0, "source", "title")] == 11
    assert lines[("targets", "a", "observations", 1)] == 13
    assert lines[("targets", "a", "observations", 1, "value")] == 13
    assert lines[("targets", "a", "expectations", 0, "at")] == 17
    assert lines[("targets", "a", "expectations", 1, "at")] == 19
    assert lines[("targets", "b", "target", "value")] == 22


def test_unknown_paths_fall_back_to_the_nearest_known_key():
    lines = key_lines(DOCUMENT)
    assert line_of(lines, ("targets", "a", "observations", 1, "missing")) == 13
    assert line_of(lines, ("nowhere",)) is None


def test_dotted_paths_read_like_toml():
    assert (
        dotted(("targets", "gdp", "observations", 1, "value"))
        == "targets.gdp.observations[1].value"
    )
    assert dotted(("plan", "quoted.key")) == 'plan."quoted.key"'
