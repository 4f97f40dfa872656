"""The JSON Schema of the targets file: committed, equal to `lnrev schema`, and true to the files."""

import json
import tomllib
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from lnrev.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [ROOT / "targets.toml", ROOT / "examples" / "china-14th-fyp.toml"]


def as_json(value):
    """TOML data as an editor's schema check sees it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def validator():
    schema = json.loads((ROOT / "targets.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_committed_schema_is_what_lnrev_schema_prints():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "targets.schema.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_files_validate_against_the_schema_and_point_to_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#:schema ")
    assert (path.parent / text.split()[1]).resolve() == ROOT / "targets.schema.json"
    validator().validate(as_json(tomllib.loads(text)))


@pytest.mark.parametrize(
    "bad",
    [
        {"targets": {"x": {"name": "x", "target": {"value": "56.8", "by": 2025}}}},
        {"targets": {"x": {"name": "x", "target": {"value": 1, "by": 2025}, "vaule": 1}}},
        {"targets": {"Bad_Id": {"name": "x", "target": {"value": 1, "by": 2025}}}},
        {
            "targets": {
                "x": {
                    "kind": "growth",
                    "name": "x",
                    "target": {"rate": 6, "by": 2025},
                    "baseline": {"at": 2020},
                    "method": "linear",
                }
            }
        },
        {"targets": {"x": {"name": "x", "target": {"value": 1, "by": "2025-13-01"}}}},
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(bad):
    assert list(validator().iter_errors(bad))
