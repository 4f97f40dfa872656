"""rtoml, where installed, reads every TOML document exactly as tomllib (the reference) does."""

import tomllib
from pathlib import Path

import pytest

from lnrev.targetsfile import parsing as toml_text

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [
    "at = 2024-06-30\nyear = 2025\nvalue = 50.5\nnegative = -13.5\nexp = 1e3",
    "when = 2024-06-30T12:00:00\nzoned = 2024-06-30T12:00:00+08:00\nclock = 12:30:00",
    "special = [nan, inf, -inf]\nbig = 99999999999999999999\nhex = 0x10\nunderscored = 1_000",
    'text = "tab\\tquote\\" \\u00e9 中文"\nliteral = \'C:\\path\'\nmulti = """\na\nb"""',
    '[targets.a]\nname = "A"\nobservations = [\n  { at = 2021, value = 1 },\n  { at = 2022, yoy = -2.7 },\n]',
    '[[targets.a.observations]]\nat = 2021\n[[targets.a.observations]]\nat = 2022\n"quoted key" = 1',
    "",
]


def same(ours, reference) -> bool:
    """Equal data; NaN never equals itself, so for it the representations are compared."""
    return ours == reference or repr(ours) == repr(reference)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_same_data_as_tomllib(text):
    assert same(toml_text.parse(text), tomllib.loads(text))


@pytest.mark.parametrize("path", [ROOT / "targets.toml", ROOT / "examples" / "china-14th-fyp.toml"])
def test_shipped_files_read_the_same(path):
    text = path.read_text(encoding="utf-8")
    assert toml_text.parse(text) == tomllib.loads(text)


def test_what_rtoml_refuses_goes_to_tomllib():
    # beyond the double range: rtoml refuses, tomllib reads infinity (which the model then refuses)
    assert toml_text.parse("x = 1e400") == {"x": float("inf")}
    with pytest.raises(tomllib.TOMLDecodeError, match=r"at line 2, column 5"):
        toml_text.parse("a = 1\nb = \n")


def test_without_rtoml_tomllib_does_it_all(monkeypatch):
    monkeypatch.setattr(toml_text, "rtoml", None)
    for text in DOCUMENTS:
        assert same(toml_text.parse(text), tomllib.loads(text))
