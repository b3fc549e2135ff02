"""Journeys 2 and 7: the window killed (-9) or quit mid-upload, launched again, and resumed:
only what the server lacks is sent again, and the object holds the file's bytes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.local_server import LocalServer
from tests.helpers.httpfault import HttpFaultProxy
from tests.helpers.s3 import raw_s3_client
from tests.journeys.app import (
    App,
    Desk,
    MiB,
    desk,
    drop_and_upload,
    part_numbers,
    rows,
    sha256,
    sw_home,
    until,
)

pytestmark = pytest.mark.gui
SIZE = 6 * 5 * MiB + 4321  # seven 5 MiB parts at 3 MiB/s: about ten seconds of upload


@pytest.fixture
def proxy(weed: LocalServer) -> Iterator[HttpFaultProxy]:
    p = HttpFaultProxy(int(weed.endpoint.rsplit(":", 1)[1]))
    yield p
    p.close()


def _setup(tmp_path: Path, d: Desk, weed: LocalServer, proxy: HttpFaultProxy) -> tuple[Any, str, Path]:
    bucket = "journey-" + tmp_path.name[-12:].lower().replace("_", "-")
    raw = raw_s3_client(weed.endpoint)
    raw.create_bucket(Bucket=bucket)
    sw_home(d, proxy.endpoint, bucket, bwlimit=3 * MiB)
    src = tmp_path / "片 video file.mp4"
    src.write_bytes(os.urandom(SIZE))
    return raw, bucket, src


def _row(env: dict[str, str]) -> dict[str, Any]:
    (row,) = rows(env)
    return row


def _server_parts(raw: Any, bucket: str, row: dict[str, Any]) -> set[int]:
    key = row["key"]
    got = raw.list_parts(Bucket=bucket, Key=key, UploadId=row["upload_id"])
    return {int(p["PartNumber"]) for p in got.get("Parts", [])}


def _check(raw: Any, bucket: str, src: Path, key: str) -> None:
    body = raw.get_object(Bucket=bucket, Key=key)["Body"].read()
    assert sha256(body) == sha256(src.read_bytes())
    assert raw.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def _interrupted(
    tmp_path: Path, d: Desk, weed: LocalServer, proxy: HttpFaultProxy, how: str, name: str
) -> tuple[Any, str, Path, set[int], int]:
    """Drop the file, stop the window mid-upload (``kill`` -9 or ``quit`` with Pause and Quit);
    returns what the server holds then and where the proxy's log stood."""
    raw, bucket, src = _setup(tmp_path, d, weed, proxy)
    app = App(d, tmp_path / "app.log")
    try:
        drop_and_upload(d, app, [src], f"{name}_1_upload_to")
        until("two parts are sent", lambda: (rows(d.env) or [{}])[0].get("bytes_done", 0) >= 10 * MiB, 120)
        d.shot(f"{name}_2_uploading")
        if how == "kill":
            app.kill()
        else:
            app.focus()
            d.key("ctrl+q")
            d.wait_window("^Quit Skylift$", proc=app.proc)
            d.shot(f"{name}_3_asked")
            d.key("Return")  # "Pause and Quit" is the default button
            app.wait_exit(120)
    finally:
        app.kill()
    row = _row(d.env)
    assert row["state"] == ("running" if how == "kill" else "paused"), row
    return raw, bucket, src, _server_parts(raw, bucket, row), len(proxy.seen)


def _sent_again(proxy: HttpFaultProxy, mark: int, had: set[int]) -> set[int]:
    return set(part_numbers([s.target for s in proxy.seen[mark:] if s.step == "part"])) & had


@pytest.fixture
def d(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Desk]:
    with desk(tmp_path, request.node.name) as x:
        yield x


def test_kill9_then_relaunch_and_resume_sends_only_the_missing_parts(
    tmp_path: Path, d: Desk, weed: LocalServer, proxy: HttpFaultProxy
) -> None:
    raw, bucket, src, had, mark = _interrupted(tmp_path, d, weed, proxy, "kill", "kill")
    assert had, "the server held no part when the window was killed"
    app = App(d, tmp_path / "app.log")
    try:
        d.wait_window("^Unfinished transfers$", proc=app.proc)
        d.shot("kill_3_offered")
        d.key("Return")  # Resume
        until("the upload finishes", lambda: _row(d.env)["state"] == "done", 180)
        d.shot("kill_4_done")
    finally:
        app.quit()
    assert _sent_again(proxy, mark, had) == set()
    _check(raw, bucket, src, _row(d.env)["key"])


def test_kill9_then_keep_paused_then_resume_all(
    tmp_path: Path, d: Desk, weed: LocalServer, proxy: HttpFaultProxy
) -> None:
    raw, bucket, src, had, mark = _interrupted(tmp_path, d, weed, proxy, "kill", "keep")
    app = App(d, tmp_path / "app.log")
    try:
        d.wait_window("^Unfinished transfers$", proc=app.proc)
        d.key("Escape")  # Keep Paused
        d.gone("^Unfinished transfers$")
        until("the transfer is shown paused", lambda: _row(d.env)["state"] == "paused", 60)
        d.shot("keep_3_kept_paused")
        assert [s for s in proxy.seen[mark:] if s.step == "part"] == []
        app.focus()
        d.key("ctrl+shift+r")  # Transfers > Resume All
        until("the upload finishes", lambda: _row(d.env)["state"] == "done", 180)
        d.shot("keep_4_done")
    finally:
        app.quit()
    assert _sent_again(proxy, mark, had) == set()
    _check(raw, bucket, src, _row(d.env)["key"])


def test_quit_while_uploading_pause_and_quit_then_relaunch_resumes(
    tmp_path: Path, d: Desk, weed: LocalServer, proxy: HttpFaultProxy
) -> None:
    raw, bucket, src, had, mark = _interrupted(tmp_path, d, weed, proxy, "quit", "quit")
    app = App(d, tmp_path / "app.log")
    try:
        d.wait_window("^Unfinished transfers$", proc=app.proc)
        d.shot("quit_4_offered")
        d.key("Return")  # Resume
        until("the upload finishes", lambda: _row(d.env)["state"] == "done", 180)
        d.shot("quit_5_done")
    finally:
        app.quit()
    assert _sent_again(proxy, mark, had) == set()
    _check(raw, bucket, src, _row(d.env)["key"])
