"""The JSON Schema of the targets file, generated from the pydantic models.

Editors that use Taplo (Even Better TOML, for one) read it through the `#:schema` directive at the
top of a targets file, to complete keys and check values as the file is typed. TOML has no null,
so the optional keys that pydantic writes as `X or null` are written as plain `X`.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from lnrev.model.fields import SLUG_PATTERN
from lnrev.model.targets_file import TargetsFile

SCHEMA_FILE = "targets.schema.json"


class _TomlSchema(GenerateJsonSchema):
    """pydantic's generator, with optional keys that are absent rather than null."""

    def nullable_schema(self, schema: Any) -> dict[str, Any]:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: Any) -> dict[str, Any]:
        generated = super().default_schema(schema)
        if generated.get("default", ...) is None:
            del generated["default"]
        return generated


def targets_schema() -> dict[str, Any]:
    schema = TargetsFile.model_json_schema(by_alias=True, schema_generator=_TomlSchema)
    schema["properties"]["targets"]["additionalProperties"] = False  # ids must be slugs
    schema["properties"]["targets"]["propertyNames"] = {"pattern": SLUG_PATTERN}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lnrev targets file",
        **schema,
    }


def schema_text() -> str:
    """The schema as committed in targets.schema.json and printed by `lnrev schema`."""
    return json.dumps(targets_schema(), indent=2, ensure_ascii=False) + "\n"
