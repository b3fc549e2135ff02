"""Whether a window can open here: without a display Qt aborts the process, so ask first."""

from __future__ import annotations

import os
import sys


def display_problem() -> str | None:
    """Why no window can open, naming the variables that fix it; None if one can."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Run Skylift in a desktop session, "
        "or set QT_QPA_PLATFORM=offscreen for a window nobody sees (the command line needs no display)"
    )
