"""The console script `lnrev`: nothing but the guard around loading the command line.

From the moment this module is loaded until the command starts, an interrupt (Ctrl-C) ends lnrev
as one during a command does, with "lnrev: interrupted" and exit 130, never a Python traceback:
nothing has been read or written yet, so there is nothing to finish.
"""

import _signal  # the signal module without its enums: 1 ms to load instead of 11
import os
import sys

INTERRUPTED = 130


def _interrupted_while_loading(signum: int, frame: object) -> None:
    sys.stderr.write("lnrev: interrupted\n")
    sys.stderr.flush()
    os._exit(INTERRUPTED)


_signal.signal(_signal.SIGINT, _interrupted_while_loading)


def main() -> None:
    from lnrev.cli.application import main as run

    _signal.signal(_signal.SIGINT, _signal.default_int_handler)  # a command handles its own
    run()
