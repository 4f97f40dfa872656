"""The command line: parse options, call reports and the targets file, hand views to the output.

`application` holds the typer application and the console script, `options` what commands share
(the file options, error reporting, target lookup), `report_commands` status / gap / sources and
`edit_commands` the commands that keep a targets file. The top layer: nothing imports it.
"""

from lnrev.cli.application import app, main

__all__ = ["app", "main"]
