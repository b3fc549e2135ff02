"""The ``skylift`` entry point (and ``python -m ui``): the window when no command is given,
otherwise the command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from app.cli import COMMANDS
from app.cli import main as cli_main
from ui.launch import run_gui


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # `skylift FILE...` (a file manager's "Open with"): the window, with those files to upload.
    if args and all(not a.startswith("-") and a not in COMMANDS and os.path.exists(a) for a in args):
        return run_gui(args)
    return cli_main(args, gui=run_gui)


if __name__ == "__main__":
    sys.exit(main())
