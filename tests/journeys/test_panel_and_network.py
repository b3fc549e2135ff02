"""Journeys 4 and 6: Enter in the Upload-to panel uploads; an endpoint that goes away pauses
the queue, which says so, and resumes by itself when it answers again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.local_server import LocalServer
from tests.helpers.httpfault import HttpFaultProxy
from tests.helpers.s3 import raw_s3_client
from tests.journeys.app import App, Desk, MiB, all_done, desk, drop_and_upload, rows, sha256, sw_home, until

pytestmark = pytest.mark.gui


@pytest.fixture
def d(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Desk]:
    with desk(tmp_path, request.node.name) as x:
        yield x


def _bucket(tmp_path: Path, weed: LocalServer) -> str:
    bucket = "journey-" + tmp_path.name[-12:].lower().replace("_", "-")
    raw_s3_client(weed.endpoint).create_bucket(Bucket=bucket)
    return bucket


def _held(row: dict[str, Any]) -> bool:
    return bool(row["state"] == "paused")


def test_prefix_typed_in_the_upload_to_panel_then_enter_uploads_there(
    tmp_path: Path, d: Desk, weed: LocalServer
) -> None:
    bucket = _bucket(tmp_path, weed)
    sw_home(d, weed.endpoint, bucket)
    src = tmp_path / "季度 report.pdf"
    src.write_bytes(os.urandom(2 * MiB + 3))
    app = App(d, tmp_path / "app.log")
    try:
        d.drag([src], app.wid)
        panel = d.wait_window("^Upload to$", proc=app.proc)
        d.activate(panel)
        # Profile, Bucket, Browse…, Prefix: the panel's tab order, as a keyboard user walks it.
        d.key("Tab", "Tab", "Tab")
        d.type("reports/2026 q1/")
        d.shot("1_prefix_typed")
        d.key("Return")
        d.gone("^Upload to$")
        until("the file is uploaded", lambda: all_done(d.env, 1), 120)
        d.shot("2_done")
    finally:
        app.quit()
    (row,) = rows(d.env)
    assert row["key"] == "reports/2026 q1/季度 report.pdf"
    body = raw_s3_client(weed.endpoint).get_object(Bucket=bucket, Key=row["key"])["Body"].read()
    assert sha256(body) == sha256(src.read_bytes())


def test_endpoint_gone_mid_upload_pauses_says_so_and_resumes_by_itself(
    tmp_path: Path, d: Desk, weed: LocalServer
) -> None:
    proxy = HttpFaultProxy(int(weed.endpoint.rsplit(":", 1)[1]))
    try:
        bucket = _bucket(tmp_path, weed)
        # One at a time, so the second file is still queued when the endpoint goes away.
        sw_home(d, proxy.endpoint, bucket, bwlimit=3 * MiB, retries=2, retry_interval=0.5, concurrency=1)
        first, second = tmp_path / "backup 備份.tar", tmp_path / "second one.tar"
        first.write_bytes(os.urandom(6 * 5 * MiB + 99))
        second.write_bytes(os.urandom(2 * 5 * MiB + 1))
        app = App(d, tmp_path / "app.log")
        try:
            drop_and_upload(d, app, [first, second], "1_upload_to")
            until(
                "a part is sent",
                lambda: max((r["bytes_done"] for r in rows(d.env)), default=0) >= 5 * MiB,
                120,
            )
            proxy.go_down()
            # The whole queue pauses, none of it fails; the transfer that met the outage says why.
            until("the queue is held for the network", lambda: all(_held(r) for r in rows(d.env)), 180)
            assert "network" in {r["error_code"] for r in rows(d.env)}
            d.shot("2_offline_paused")  # the status bar says "Offline — paused"
            held = sum(r["bytes_done"] for r in rows(d.env))
            proxy.come_back()
            until("the queue finishes by itself", lambda: all_done(d.env, 2), 240)
            d.shot("3_back_and_done")
        finally:
            app.quit()
        assert held < first.stat().st_size + second.stat().st_size
        raw = raw_s3_client(weed.endpoint)
        for row in rows(d.env):
            body = raw.get_object(Bucket=bucket, Key=row["key"])["Body"].read()
            assert sha256(body) == sha256(Path(row["path"]).read_bytes())
    finally:
        proxy.close()
