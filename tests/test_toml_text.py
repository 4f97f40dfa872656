"""One TOML: lnrev reads, streams and edits exactly the documents tomllib accepts, with tomllib's
values. A differential fuzzer builds TOML text from the forms that parsers disagree on (inline
tables across lines, trailing commas, escapes beyond TOML 1.0, CRLF multi-line strings, times
without seconds, quoted and indented headers, a byte-order mark) and compares every reader of
lnrev with tomllib on it."""

import math
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.targetsfile import editing
from lnrev.targetsfile.loading import TargetsLocation, read_toml
from lnrev.targetsfile.parsing import parse
from lnrev.targetsfile.sections import sections, target_texts

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

KEYS = ["a", "b-c", "d_1", '"quoted key"', "'literal key'", "e.f", '"g".h', "2024"]
SCALARS = [
    "1", "-13.5", "1e3", "1e400", "nan", "-inf", "0x10", "1_000", "99999999999999999999",
    "true", "2024-06-30", "2024-06-30T12:00:00", "2024-06-30T12:00:00+08:00", "12:30:00", "12:30",
    "2024-06-30 12:00", '"tab\\tquote\\" \\u00e9 中文"', '"\\e[31m"', '"\\x41"', "'C:\\path'",
    '"""\na\nb"""', "'''\nraw\\n'''", '"""a\\\n   b"""', '""""quoted""""', '"unclosed',
]  # fmt: skip
INLINE = [
    "{ x = 1, y = 2 }", "{ x = 1, }", "{ x = { y = 1 }, z = 2 }", "{ x = { y = 1 },\n z = 2 }",
    "{ x = 1,\n y = 2 }", "{}", "{ x.y = 1 }", "[1, 2, 3]", "[\n  1,\n  2,\n]", "[[1], [2]]",
    "[{ at = 2021, value = 1 },\n{ at = 2022, value = 2 }]", "[1, 'a']",
]  # fmt: skip
HEADERS = [
    "[t]", "[[t.list]]", "[ t . 'quoted' ]", '["t".x]', "  [indented]", "[t] # comment",
    "[targets.a]", "[targets.'a']", "[[targets.a.observations]]", "[targets.a.baseline]",
]  # fmt: skip


@st.composite
def documents(draw) -> str:
    """A document of a few lines of the forms above, LF or CRLF, with or without a BOM."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            lines.append(draw(st.sampled_from(HEADERS)))
        else:
            value = draw(st.sampled_from(SCALARS if choice == 1 else INLINE))
            lines.append(f"{draw(st.sampled_from(KEYS))} = {value}")
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if draw(st.integers(0, 9)) == 0 else "") + text


def outcome(read, text: str):
    """What a reader makes of a text: its data (NaN shown by its repr) or that it refused."""
    try:
        return repr(read(text))
    except tomllib.TOMLDecodeError:
        return "refused"


@settings(max_examples=400)
@given(documents())
def test_parse_agrees_with_tomllib_on_every_form(text):
    assert outcome(parse, text) == outcome(tomllib.loads, text)


def _read_toml(text: str) -> dict:
    try:
        return read_toml(text, TargetsLocation(Path("x.toml"), "x.toml"))
    except Exception as error:  # BadInput: a located syntax error
        raise tomllib.TOMLDecodeError(str(error)) from None


@settings(max_examples=200)
@given(documents())
def test_reading_for_status_and_for_editing_accepts_what_tomllib_accepts(text):
    assert outcome(_read_toml, text) == outcome(tomllib.loads, text)


@st.composite
def targets_documents(draw) -> str:
    """A targets-shaped document: a head, then targets with sub-tables and values of any form."""
    parts = ['[plan]\nname = "P"\n']
    ids = draw(st.lists(st.sampled_from(["a", "b", "c-1"]), min_size=1, max_size=4))
    for target_id in ids:
        header = draw(st.sampled_from([f"[targets.{target_id}]", f"[targets.'{target_id}']"]))
        body = [header, 'name = "N"']
        for _ in range(draw(st.integers(0, 3))):
            value = draw(st.sampled_from(SCALARS + INLINE))
            body.append(f"{draw(st.sampled_from(['note', 'unit', 'x']))} = {value}")
        if draw(st.booleans()):
            body.append(f"[[targets.{target_id}.observations]]\nat = 2021\nvalue = 1")
        parts.append("\n".join(body) + "\n")
    text = "\n".join(parts)
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@settings(max_examples=300)
@given(targets_documents())
def test_the_reader_by_sections_gives_tomllibs_document(text):
    """Where `status` reads a target at a time, the sections read alone are the whole document."""
    found = sections(text)
    try:
        whole = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        whole = None
    if found is None:
        return
    try:
        head = tomllib.loads(found.head)
        read = {target_id: tomllib.loads(part) for target_id, part in target_texts(text, found)}
    except tomllib.TOMLDecodeError:
        return  # the streaming reader then reads the file whole
    if any(list(data) != ["targets"] or list(data["targets"]) != [i] for i, data in read.items()):
        return  # likewise
    assert whole is not None
    assert repr({**head, "targets": {i: d["targets"][i] for i, d in read.items()}}) == repr(whole)


@settings(max_examples=300)
@given(targets_documents(), st.sampled_from(["a", "b", "c-1"]))
def test_an_edits_section_is_exactly_its_target(text, target_id):
    """The section an edit works on reads as exactly that target, and the rest is left whole."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    found = editing._section(text, data, target_id)
    if found is None:
        return
    before, part, after = found
    assert before + part + after == text
    assert repr(tomllib.loads(part)) == repr({"targets": {target_id: data["targets"][target_id]}})


@pytest.mark.parametrize(
    "text",
    [
        "x = { a = { b = 1 },\n c = 2 }",  # a line break in an inline table, after a nested one
        "x = { a = 1,\n b = 2 }",
        "x = { a = 1, }",
        "t = 12:30",  # a time without seconds
        'x = "\\e"',
        'x = "\\x41"',
        "\ufeffx = 1",
    ],
)
def test_what_toml_1_0_refuses_is_refused(text):
    with pytest.raises(tomllib.TOMLDecodeError):
        parse(text)


def test_a_crlf_multi_line_string_reads_with_lf_as_toml_says():
    assert parse('x = """\r\na\r\nb"""\r\n') == {"x": "a\nb"}


def test_a_float_beyond_the_double_range_is_infinity_as_in_tomllib():
    assert parse("x = 1e400") == {"x": math.inf}
    with pytest.raises(tomllib.TOMLDecodeError, match=r"at line 2, column 5"):
        parse("a = 1\nb = \n")


@pytest.mark.parametrize("path", [ROOT / "targets.toml", ROOT / "examples" / "china-14th-fyp.toml"])
def test_shipped_files_read_as_tomllib_reads_them(path):
    text = path.read_text(encoding="utf-8")
    assert parse(text) == tomllib.loads(text)


TARGET = '[targets.a]\nname = "A"\ntarget = { value = 50, by = 2030 }\n'


def test_status_and_record_refuse_a_line_break_in_an_inline_table(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TARGET + "baseline = { at = 2020, value = { x = 1 },\n y = 2 }\n")
    for args in (["status"], ["validate"], ["record", "a", "41", "--at", "2022", "--source", "s"]):
        result = runner.invoke(app, [*args, "-f", str(path)])
        assert result.exit_code == 3, args
        assert "t.toml:4: TOML syntax" in result.stderr


def test_a_time_without_seconds_is_a_syntax_error_not_a_wrong_date(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TARGET + "observations = [{ at = 12:30, value = 1 }]\n")
    result = runner.invoke(app, ["validate", "-f", str(path)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{path}:4: TOML syntax: ")


def test_a_crlf_multi_line_name_is_read_with_lf(tmp_path):
    path = tmp_path / "t.toml"
    text = TARGET.replace('"A"', '"""\nfirst\nsecond"""')
    path.write_bytes(text.replace("\n", "\r\n").encode())
    result = runner.invoke(app, ["status", "--json", "-f", str(path)])
    assert result.exit_code == 0
    assert '"name": "first\\nsecond"' in result.stdout
