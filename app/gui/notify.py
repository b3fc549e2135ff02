"""Desktop notifications where there is no tray to show them (GNOME has none by default)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

log = logging.getLogger("skylift.notify")


def desktop_notify(title: str, text: str, urgent: bool = False) -> bool:
    """Show a notification through the desktop's notification service; False if there is none.

    Linux: ``notify-send`` (libnotify, the freedesktop Notifications service). Elsewhere the tray
    icon's balloon is the platform's way, so this is not needed.
    """
    if not sys.platform.startswith("linux"):
        return False
    exe = shutil.which("notify-send")
    if exe is None:
        return False
    argv = [exe, "--app-name=Skylift", "--icon=skylift", f"--urgency={'critical' if urgent else 'normal'}"]
    try:
        subprocess.Popen(
            [*argv, "--", title, text],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError as exc:
        log.info("notify-send failed: %s", exc)
        return False
    return True
