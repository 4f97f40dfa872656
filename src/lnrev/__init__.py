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

from lnrev.api import GapReport, Report, assess, changes, gap, gap_report, history
from lnrev.errors import BadInput, LnrevError, UsageError
from lnrev.version import __version__

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
