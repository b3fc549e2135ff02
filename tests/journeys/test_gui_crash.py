"""The desktop app killed with -9 while it uploads, then launched again, as a person would meet it.

The real `skylift` window process under Xvfb, real time passing, kill -9, a second launch; the
checkpoint is read with `skylift list` and the object's bytes on the server. Screenshots of each
step go to test-artifacts/journeys/.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.local_server import LocalServer
from tests.helpers.cli import paused_upload, run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.s3 import raw_s3_client
from tests.helpers.xvfb import xvfb_display

pytestmark = pytest.mark.gui
MiB = 1024 * 1024
SHOTS = ROOT / "test-artifacts" / "journeys"


def _row(env: dict[str, str]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = [
        json.loads(x) for x in run_cli(env, "list", "--json", check=True).stdout.decode().splitlines()
    ]
    (row,) = rows
    return row


def _until(what: str, cond: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out waiting for: {what}"
        time.sleep(0.2)


def _window(env: dict[str, str], proc: subprocess.Popen[bytes]) -> str:
    """The id of the mapped Skylift window; polled in 1 s slices so a dead app is seen at once."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the window process exited {proc.returncode}"
        try:
            found = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Skylift$"],
                env=env,
                capture_output=True,
                timeout=1,
            )
        except subprocess.TimeoutExpired:
            continue  # --sync waits until a window matches; not mapped yet
        if found.stdout.strip():
            return found.stdout.split()[0].decode()
    raise AssertionError("no Skylift window was mapped within 90 s")


def _shot(env: dict[str, str], wid: str, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "grab-window.py"), wid, str(SHOTS / f"{name}.png")],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb_display("1280x800x24") as d:
        yield d


def test_kill9_of_the_window_mid_upload_then_relaunch_finishes_the_exact_bytes(
    tmp_path: Path, weed: LocalServer, display: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    env.update(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY)
    run_cli(env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)
    bucket = "journey-" + tmp_path.name[-12:].lower().replace("_", "-")
    raw = raw_s3_client(weed.endpoint)
    raw.create_bucket(Bucket=bucket)
    src = tmp_path / "holiday video.mp4"
    src.write_bytes(os.urandom(8 * 5 * MiB + 12345))

    # A paused transfer, as a quit or Ctrl+C leaves it.
    tid = paused_upload(env, str(src), f"sw:{bucket}/video.mp4", after="part")
    before = _row(env)["bytes_done"]

    # The window resumes unfinished transfers by itself (a setting), slowly enough to be caught.
    settings = tmp_path / "home" / "config" / "settings.json"
    settings.write_text(json.dumps({"auto_resume": True, "bwlimit": 3 * MiB, "language": "en"}))
    gui = subprocess.Popen([sys.executable, "-m", "ui"], env=env, cwd=ROOT, stderr=subprocess.PIPE)
    wid = _window(env, gui)
    _until("the window sends a part", lambda: _row(env)["bytes_done"] >= before + 5 * MiB, 60)
    _shot(env, wid, "crash_1_uploading")
    gui.send_signal(signal.SIGKILL)
    gui.wait(30)
    crashed = _row(env)
    assert crashed["state"] == "running"  # what a crash leaves in the checkpoint

    again = subprocess.Popen([sys.executable, "-m", "ui"], env=env, cwd=ROOT, stderr=subprocess.PIPE)
    try:
        wid = _window(env, again)
        _until(
            "the relaunched window sends more parts",
            lambda: _row(env)["bytes_done"] > crashed["bytes_done"],
            60,
        )
        # The relaunched window holds it now: a command line resume is refused and sends nothing.
        other = run_cli(env, "resume", str(tid), "--json", timeout=60)
        assert other.returncode == 3, other.stderr.decode()
        assert f"(pid {again.pid})" in other.stderr.decode()
        _shot(env, wid, "crash_2_relaunched")
        _until("the upload finishes", lambda: _row(env)["state"] == "done", 120)
        _shot(env, wid, "crash_3_done")
    finally:
        subprocess.run(["xdotool", "key", "--window", wid, "ctrl+q"], env=env, check=False)
        try:
            again.wait(20)
        except subprocess.TimeoutExpired:
            again.kill()
            again.wait(10)
    body = raw.get_object(Bucket=bucket, Key="video.mp4")["Body"].read()
    assert hashlib.sha256(body).hexdigest() == hashlib.sha256(src.read_bytes()).hexdigest()
    assert raw.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []
