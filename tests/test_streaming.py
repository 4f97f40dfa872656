"""Reading a file one target at a time gives what reading it whole gives: the same assessments,
or the same messages (the whole-file reader writes them), whatever the file says."""

from datetime import date
from pathlib import Path

import pytest
from conftest import KIND_EXAMPLES, kind_example
from hypothesis import given, settings
from hypothesis import strategies as st

from lnrev.errors import BadInput, UsageError
from lnrev.reports.status import assess_by, rules_of
from lnrev.targetsfile.loading import TargetsLocation, load
from lnrev.targetsfile.sections import sections
from lnrev.targetsfile.streaming import assess_each

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 12, 1)
SHIPPED = [ROOT / "targets.toml", *sorted((ROOT / "examples").glob("*.toml"))]


def by_rules(head):
    return rules_of(head, AS_OF)


def outcome(read) -> tuple:
    try:
        return ("ok", read())
    except (BadInput, UsageError) as error:
        return (type(error).__name__, error.lines)


def streamed(path: Path) -> tuple:
    location = TargetsLocation(path, path.name)
    return outcome(
        lambda: (lambda f: (f.plan, f.rules, f.assessments))(assess_each(location, by_rules))
    )


def whole(path: Path) -> tuple:
    location = TargetsLocation(path, path.name)

    def read():
        targets = load(location)
        rules = rules_of(targets, AS_OF)
        return targets.plan, rules, assess_by(targets, rules)

    return outcome(read)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_files_are_read_a_target_at_a_time_with_the_same_result(path, monkeypatch):
    expected = whole(path)
    assert expected[0] == "ok"

    def never(*args):
        raise AssertionError("read whole")

    monkeypatch.setattr("lnrev.targetsfile.streaming.validate", never)
    assert streamed(path) == expected  # and never read whole


@pytest.mark.parametrize("kind", sorted(KIND_EXAMPLES))
def test_every_kind(write_targets, kind):
    path = write_targets(
        '[plan]\nbase = 2020\n[assessment]\nscheme = "ndrc"\n' + kind_example(kind)
    )
    assert sections(path.read_text()) is not None
    assert streamed(path) == whole(path) and streamed(path)[0] == "ok"


@pytest.mark.parametrize(
    "text",
    [
        '[targets.a]\nname = """A"""\ntarget = { value = 1, by = 2025 }\n',  # multi-line string
        '[targets.a]\nname = "A"\ntarget = { value = 1, by = 2025 }\n[other]\n',  # another table
        '[targets.a]\nname = "A"\n[targets.b]\nname = "B"\n[targets.a.baseline]\nat = 2020\n',
        '  [targets.a]\nname = "A"\n',  # an indented header
        '["targets".a]\nname = "A"\n',  # a quoted key
        '[targets.A_b]\nname = "A"\n',  # not an id: the whole file names the problem
    ],
)
def test_other_forms_are_read_whole(text):
    assert sections(text) is None


def test_sections_keep_a_targets_tables_together():
    text = (
        '[plan]\nbase = 2020\n[targets.a]\nname = "A"\n[[targets.a.observations]]\nat = 2021\n'
        "[assessment]\nscheme = 'ndrc'\n[targets.b]\nname = 'B'\n"
    )
    found = sections(text)
    assert found.head == "[plan]\nbase = 2020\n[assessment]\nscheme = 'ndrc'\n"
    assert [(i, text[s:e]) for i, s, e in found.targets] == [
        ("a", '[targets.a]\nname = "A"\n[[targets.a.observations]]\nat = 2021\n'),
        ("b", "[targets.b]\nname = 'B'\n"),
    ]


LINES = [
    "[targets.a]", "[targets.b]", "[[targets.a.observations]]", "[targets.a.baseline]", "[plan]",
    "[assessment]", "[other]", "[1]", '  [targets.b]', 'name = "A"', 'unit = "%"',
    "target = { value = 50, by = 2025 }", "target = { rate = 5, by = 2025 }", 'kind = "growth"',
    "observations = [", "{ at = 2021, value = 41 },", "{ at = 2023, value = 46 },",
    "{ at = 2023, rate = 4 },", "]", "at = 2020", "value = 40", "base = 2020", 'scheme = "ndrc"',
    'method = "compound"', 'targets.c.name = "C"', "x = 1", '"""', "baseline = { at = 2020 }",
    "publication_lag = 30", "on_track = 0.9", "published = 2024-01-01", "# a comment",
]  # fmt: skip


@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=24))
@settings(max_examples=400)
def test_any_file_reads_the_same_either_way(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("any") / "t.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert streamed(path) == whole(path)


TARGET_FORMS = {
    "inline": '[targets.{id}]\nname = "T"\nunit = "%"\ntarget = {{ value = 50, by = 2025 }}\n'
    "observations = [{{ at = 2021, value = 41 }}, {{ at = 2023, value = 46 }}]\n",
    "tables": '[targets.{id}]\nname = "T"\ntarget = {{ value = 50, by = 2025 }}\n'
    "[[targets.{id}.observations]]\nat = 2021\nvalue = 41\n"
    "[[targets.{id}.observations]]\nat = 2023-06-30\nvalue = 46\npublished = 2023-08-01\n",
    "baseline": '[targets.{id}]\nname = "T"\ntarget = {{ value = 50, by = 2026 }}\n'
    "observations = [{{ at = 2023, value = 46 }}]\n[targets.{id}.baseline]\nat = 2021\nvalue = 41\n",
    "growth": '[targets.{id}]\nkind = "growth"\nname = "G"\ntarget = {{ rate = 5, by = 2025 }}\n'
    "observations = [{{ at = 2021, rate = 5.5 }}, {{ at = 2023, rate = 4 }}]\n",
    "change": '[targets.{id}]\nkind = "change"\nname = "C"\ntarget = {{ change = -13, by = 2025 }}\n'
    "observations = [{{ at = 2022, yoy = -3 }}]\n",
    "bound": '[targets.{id}]\nkind = "bound"\nname = "B"\ntarget = {{ max = 5.5, by = 2026 }}\n'
    "observations = [{{ at = 2024, value = 5.2 }}]\n",
}
HEAD_TABLES = ["[plan]\nbase = 2020\n", '[plan]\nname = "P"\n', '[assessment]\nscheme = "ndrc"\n',
               "[assessment]\npublication_lag = 30\nmethod = 'compound'\n"]  # fmt: skip


@st.composite
def plain_files(draw) -> str:
    """Mostly valid files in the plain form and around it: targets of every form and kind, the
    head tables anywhere, and now and then a line that breaks something."""
    pieces = [
        TARGET_FORMS[draw(st.sampled_from(sorted(TARGET_FORMS)))].format(id=f"t{n}")
        for n in range(draw(st.integers(min_value=1, max_value=5)))
    ]
    for table in draw(st.lists(st.sampled_from(HEAD_TABLES), max_size=2, unique=True)):
        pieces.insert(draw(st.integers(min_value=0, max_value=len(pieces))), table)
    text = "".join(pieces)
    if draw(st.booleans()):
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(min_value=0, max_value=len(lines)))
        lines.insert(at, draw(st.sampled_from(LINES)) + "\n")
        text = "".join(lines)
    return text


@given(text=plain_files())
@settings(max_examples=400)
def test_plain_files_read_the_same_either_way(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("plain") / "t.toml"
    path.write_text(text, encoding="utf-8")
    assert streamed(path) == whole(path)


def test_a_scheme_the_file_refuses_comes_after_the_files_own_problems(write_targets):
    path = write_targets(
        "[assessment]\non_track = 0.4\n[targets.a]\nname = 3\ntarget = { value = 1, by = 2025 }\n"
    )
    location = TargetsLocation(path, path.name)

    def strict_scheme(head):
        raise UsageError(["error: --scheme"])

    with pytest.raises(BadInput):
        assess_each(location, strict_scheme)
