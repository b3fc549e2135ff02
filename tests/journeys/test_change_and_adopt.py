"""Journeys 3 and 5: a paused file changed on disk is restarted with Retry; an orphan upload
found in the Stale uploads window is adopted and finishes in the queue."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.local_server import LocalServer
from tests.helpers.s3 import raw_s3_client
from tests.journeys.app import App, Desk, MiB, desk, drop_and_upload, rows, sha256, sw_home, until

pytestmark = pytest.mark.gui


@pytest.fixture
def d(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Desk]:
    with desk(tmp_path, request.node.name) as x:
        yield x


def _bucket(tmp_path: Path, weed: LocalServer) -> str:
    bucket = "journey-" + tmp_path.name[-12:].lower().replace("_", "-")
    raw_s3_client(weed.endpoint).create_bucket(Bucket=bucket)
    return bucket


def test_paused_file_changed_on_disk_is_flagged_and_retry_uploads_the_new_bytes(
    tmp_path: Path, d: Desk, weed: LocalServer
) -> None:
    bucket = _bucket(tmp_path, weed)
    sw_home(d, weed.endpoint, bucket, bwlimit=3 * MiB)
    src = tmp_path / "draft 草稿.psd"
    src.write_bytes(os.urandom(6 * 5 * MiB + 5))
    app = App(d, tmp_path / "app.log")
    try:
        drop_and_upload(d, app, [src], "1_upload_to")
        until(
            "a part is sent", lambda: max((r["bytes_done"] for r in rows(d.env)), default=0) >= 5 * MiB, 120
        )
        app.focus()
        d.key("ctrl+shift+p")  # Pause All
        until("the transfer is paused", lambda: rows(d.env)[0]["state"] == "paused", 60)
        first = rows(d.env)[0]
        d.shot("2_paused")

        src.write_bytes(os.urandom(6 * 5 * MiB + 5))  # saved again by some editor: new bytes
        os.utime(src, (1_900_000_000, 1_900_000_000))
        app.focus()
        d.key("ctrl+shift+r")  # Resume All
        until("the row says the file changed", lambda: rows(d.env)[0]["error_code"] == "file_changed", 60)
        assert rows(d.env)[0]["state"] == "failed"
        d.shot("3_file_changed")

        app.focus()
        d.key("alt+t", "s")  # Transfers > Select All
        d.key("ctrl+t")  # Retry
        until("the upload finishes", lambda: rows(d.env)[0]["state"] == "done", 180)
        d.shot("4_done")
    finally:
        app.quit()
    (row,) = rows(d.env)
    assert row["upload_id"] != first["upload_id"]  # started again from byte 0, a new upload
    body = raw_s3_client(weed.endpoint).get_object(Bucket=bucket, Key=row["key"])["Body"].read()
    assert sha256(body) == sha256(src.read_bytes())


def test_orphan_upload_adopted_from_the_stale_uploads_window_finishes_in_the_queue(
    tmp_path: Path, d: Desk, weed: LocalServer
) -> None:
    bucket = _bucket(tmp_path, weed)
    sw_home(d, weed.endpoint, bucket)
    from tests.helpers.cli import run_cli

    run_cli(d.env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint,
            "--default-bucket", bucket, check=True)  # fmt: skip
    src = tmp_path / "orphan 孤儿.iso"
    data = os.urandom(4 * 5 * MiB + 77)
    src.write_bytes(data)
    # Another machine (or a lost database) began this upload and sent two parts.
    raw = raw_s3_client(weed.endpoint)
    key = "isos/orphan 孤儿.iso"
    uid = raw.create_multipart_upload(Bucket=bucket, Key=key)["UploadId"]
    for n in (1, 2):
        raw.upload_part(
            Bucket=bucket, Key=key, UploadId=uid, PartNumber=n, Body=data[(n - 1) * 5 * MiB : n * 5 * MiB]
        )

    app = App(d, tmp_path / "app.log")
    try:
        app.focus()
        d.key("alt+o", "u")  # Tools > Stale Uploads…
        stale = d.wait_window("^Stale uploads$", proc=app.proc)
        d.activate(stale)
        d.key("alt+l")  # List
        # Adopt stays disabled until the listing has the upload selected: a click in the table's
        # empty part focuses it, Down selects the first row, Alt+A is Adopt; again until the
        # file dialog opens.
        x, y, w, _ = d.geometry(stale)
        chooser: list[str] = []

        def adopt_asks_for_the_file() -> bool:
            d.xdo("mousemove", "--sync", str(x + w // 2), str(y + 300), "click", "1")
            d.key("Down", "alt+a")
            try:  # a dialog slow to map must not get the next round's keys
                chooser[:] = [d.wait_window("^The local file this upload was sending$", timeout=8)]
            except AssertionError:
                return False
            return True

        until(
            "the listing shows the upload and Adopt asks for its file", adopt_asks_for_the_file, 90, every=2
        )
        d.shot("1_choose_file")
        d.activate(chooser[0])
        d.type(str(src))
        d.key("Return")
        d.gone("^The local file this upload was sending$")
        until("the adopted upload is in the queue", lambda: len(rows(d.env)) == 1, 30)
        d.shot("2_adopted")
        d.key("alt+F4")  # openbox closes the Stale uploads window: the queue shows the row
        d.gone("^Stale uploads$")
        until("the adopted upload finishes", lambda: rows(d.env)[0]["state"] == "done", 120)
        d.shot("3_done_in_the_queue")
    finally:
        app.quit()
    body = raw.get_object(Bucket=bucket, Key=key)["Body"].read()
    assert sha256(body) == sha256(data)
    assert raw.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []
