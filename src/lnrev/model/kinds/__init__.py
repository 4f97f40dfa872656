"""The registry of target kinds: every part of lnrev that depends on a kind asks here.

Adding a kind is one new module beside these (its tables, its assessment, its words and chart scale)
and one line in KINDS.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag

from lnrev.model.kinds.base import Kind
from lnrev.model.kinds.bound import BOUND
from lnrev.model.kinds.change import CHANGE
from lnrev.model.kinds.growth import GROWTH
from lnrev.model.kinds.level import LEVEL
from lnrev.suggestions import either

KINDS: dict[str, Kind] = {kind.name: kind for kind in (LEVEL, CHANGE, GROWTH, BOUND)}
DEFAULT_KIND = LEVEL.name
KIND_NAMES = tuple(KINDS)
OBSERVATION_FIELDS = tuple(
    dict.fromkeys(field for kind in KINDS.values() for field in kind.observation_fields)
)
"""Every key that can carry an observation's value, in a stable order (value, yoy, rate)."""


def kind_of(name: str) -> Kind:
    return KINDS[name]


def kind_name(value: Any) -> str | None:
    """The kind a target table declares (level when it says none); None for an unknown kind."""
    if isinstance(value, dict):
        kind = value.get("kind", DEFAULT_KIND)
        return kind if isinstance(kind, str) and kind in KINDS else None
    return getattr(value, "kind", None)


KIND_CHOICES = either(repr(name) for name in KIND_NAMES)
"""The kinds as a message lists them: 'level', 'change', 'growth' or 'bound'."""


AnyTarget = Annotated[
    Union[tuple(Annotated[kind.target_model, Tag(kind.name)] for kind in KINDS.values())],  # noqa: UP007
    Discriminator(
        kind_name,
        custom_error_type="kind",
        custom_error_message=f"expected a table with kind = {KIND_CHOICES}",
    ),
]
