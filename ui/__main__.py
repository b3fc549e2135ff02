"""The ``skylift`` entry point (and ``python -m ui``): the window when no command is given,
otherwise the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.cli import main as cli_main
from ui.launch import run_gui


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, gui=run_gui)


if __name__ == "__main__":
    sys.exit(main())
