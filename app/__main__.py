"""``python -m app``: the command line only (the ``skylift`` entry point, which also opens the
window, is ``ui.__main__``)."""

from __future__ import annotations

import sys


def main() -> int:
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
