"""The console script `lnrev`: nothing but the guard around loading the command line.

An interrupt (Ctrl-C) that comes while the command line is still being loaded ends lnrev as
one during a command does, with "interrupted" and exit 130, never a Python traceback.
"""

import sys

INTERRUPTED = 130


def main() -> None:
    try:
        from lnrev.cli.application import main as run
    except KeyboardInterrupt:
        sys.stderr.write("lnrev: interrupted\n")
        sys.exit(INTERRUPTED)
    run()
