"""lnrev: are declared policy targets on track? The Python API, which the `lnrev` command uses.

    >>> import lnrev
    >>> report = lnrev.assess("targets.toml", as_of="2025-Q4", scheme="ndrc")
    >>> report.summary, report.targets[0].verdict, report.to_dicts()[0]["gap"]
    >>> lnrev.gap("clean-energy", "targets.toml")["history"]

`assess` returns a `Report` (what `lnrev status` shows), `gap` a dict (what `lnrev gap ID --json`
prints), `history` and `changes` dicts (what `lnrev history ID --json` and `lnrev changes --since
DATE --json` print). Errors are raised as `LnrevError`: `BadInput` for a file that cannot be read or
validated, `UsageError` for an argument lnrev cannot use; their message is the command line's.
Importing lnrev loads neither typer, click nor rich.
"""

from lnrev.version import __version__

TYPE_CHECKING = False  # typing itself is not loaded: this module is the first the command loads
if TYPE_CHECKING:
    from lnrev.api import GapReport, Report, assess, changes, gap, gap_report, history
    from lnrev.errors import BadInput, LnrevError, UsageError

_EXPORTS = {
    **dict.fromkeys(
        ("GapReport", "Report", "assess", "changes", "gap", "gap_report", "history"), "lnrev.api"
    ),
    **dict.fromkeys(("BadInput", "LnrevError", "UsageError"), "lnrev.errors"),
}


def __getattr__(name: str) -> object:
    """The API, loaded on first use (PEP 562): the console script, which loads this package
    first, is guarded against an interrupt at once instead of after the whole API has loaded."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'lnrev' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_EXPORTS[name]), name)


__all__ = [
    "BadInput",
    "GapReport",
    "LnrevError",
    "Report",
    "UsageError",
    "__version__",
    "assess",
    "changes",
    "gap",
    "gap_report",
    "history",
]
