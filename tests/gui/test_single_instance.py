"""One window per checkpoint: a second ``skylift FILE`` hands the file to the running window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.gui


def _listening(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    ok = bool(sock.waitForConnected(200))
    sock.abort()
    return ok


def test_a_second_launch_hands_its_file_to_the_running_window_and_exits_0(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.gui.single import instance_name
    from app.services.paths import resolve_paths

    home = tmp_path / "home"
    monkeypatch.setenv("SKYLIFT_HOME", str(home))
    env = dict(os.environ, SKYLIFT_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    name = instance_name(resolve_paths().create().db)
    first = subprocess.Popen([sys.executable, "-m", "ui"], env=env, cwd=ROOT, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not _listening(name):
            assert first.poll() is None, first.stderr.read() if first.stderr else b""
            assert time.monotonic() < deadline, "the first window never listened"
        photo = tmp_path / "photo one.jpg"
        photo.write_bytes(b"x" * 1000)
        second = subprocess.run(
            [sys.executable, "-m", "ui", str(photo)], env=env, cwd=ROOT, capture_output=True, timeout=60
        )
        assert second.returncode == 0, second.stderr.decode()
        assert "handed over to the Skylift window that is already open" in second.stderr.decode()
        assert first.poll() is None  # the running window is still the one
        log = home / "logs" / "skylift.log"
        deadline = time.monotonic() + 30
        while "another launch handed over 1 path(s)" not in (log.read_text() if log.exists() else ""):
            assert time.monotonic() < deadline, "the running window never heard of the file"
            time.sleep(0.1)
    finally:
        first.terminate()
        first.wait(30)
