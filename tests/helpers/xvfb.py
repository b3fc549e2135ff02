"""A private Xvfb for tests that need a real X server (screenshots with real fonts and DPI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def xvfb_display(screen: str, *extra: str) -> Iterator[str]:
    """Start Xvfb with one ``screen`` (``WxHxDEPTH``); yields its DISPLAY, skips if not installed."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/setup.sh test installs it)")
    # -displayfd: Xvfb picks a free display itself and writes its number once it is ready, so
    # parallel sessions (other GUI tests) never race for the same number.
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp", *extra],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    number = b""
    end = time.monotonic() + 30
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk or time.monotonic() > end:
                proc.kill()
                raise RuntimeError("Xvfb did not start")
            number += chunk
    try:
        yield f":{int(number)}"
    finally:
        proc.terminate()
        proc.wait(10)
