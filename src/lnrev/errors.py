"""Exit codes and the domain errors the commands turn into them (contract section 8)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from lnrev.suggestions import did_you_mean


class ExitCode(IntEnum):
    OK = 0
    CHECK_FAILED = 1
    USAGE = 2
    BAD_INPUT = 3


class LnrevError(Exception):
    """An error a user can act on: printed as its lines, no traceback, with its exit code."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class BadInput(LnrevError):
    """The targets file cannot be read, parsed or validated: every problem, one line each."""

    exit_code = ExitCode.BAD_INPUT


class UsageError(LnrevError):
    """The command line asks for something that does not exist (e.g. an unknown target id)."""

    exit_code = ExitCode.USAGE


class OutputClosed(Exception):
    """Whoever reads lnrev's output stopped reading (`lnrev status --json | head -c 100`):
    there is nothing more to write, and nothing went wrong."""


def no_such_target(target_id: str, ids: Iterable[str], label: str) -> UsageError:
    """An unknown target id is a usage error (exit 2) in every command, with the closest id."""
    ids = list(ids)
    hint = did_you_mean(target_id, ids) or f"; ids: {', '.join(ids)}"
    return UsageError([f"error: no target {target_id!r} in {label}{hint}"])
