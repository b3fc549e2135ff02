"""The desktop app killed with -9 while it uploads, then launched again, as a person would meet it.

The real `skylift` window process under Xvfb, real time passing, kill -9, a second launch; the
checkpoint is read with `skylift list` and the object's bytes on the server. Screenshots of each
step go to test-artifacts/journeys/crash/.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.local_server import LocalServer
from tests.helpers.cli import paused_upload, run_cli
from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.s3 import raw_s3_client
from tests.journeys.app import App, Desk, MiB, desk, rows, sha256, until

pytestmark = pytest.mark.gui


def _row(env: dict[str, str]) -> dict[str, Any]:
    (row,) = rows(env)
    return row


@pytest.fixture
def d(tmp_path: Path) -> Iterator[Desk]:
    with desk(tmp_path, "crash") as x:
        yield x


def test_kill9_of_the_window_mid_upload_then_relaunch_finishes_the_exact_bytes(
    tmp_path: Path, weed: LocalServer, d: Desk
) -> None:
    env = d.env
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
    gui = App(d, tmp_path / "app.log")
    until("the window sends a part", lambda: _row(env)["bytes_done"] >= before + 5 * MiB, 60)
    d.shot("crash_1_uploading")
    gui.proc.send_signal(signal.SIGKILL)
    gui.proc.wait(30)
    crashed = _row(env)
    assert crashed["state"] == "running"  # what a crash leaves in the checkpoint

    again = App(d, tmp_path / "app.log")
    try:
        until(
            "the relaunched window sends more parts",
            lambda: _row(env)["bytes_done"] > crashed["bytes_done"],
            60,
        )
        # The relaunched window holds it now: a command line resume is refused and sends nothing.
        other = run_cli(env, "resume", str(tid), "--json", timeout=60)
        assert other.returncode == 3, other.stderr.decode()
        assert f"(pid {again.proc.pid})" in other.stderr.decode()
        d.shot("crash_2_relaunched")
        until("the upload finishes", lambda: _row(env)["state"] == "done", 120)
        d.shot("crash_3_done")
    finally:
        try:
            again.quit(20)
        except (AssertionError, subprocess.SubprocessError):
            again.kill()
    body = raw.get_object(Bucket=bucket, Key="video.mp4")["Body"].read()
    assert sha256(body) == sha256(src.read_bytes())
    assert raw.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []
