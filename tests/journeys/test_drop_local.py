"""Journey 1: a fresh home, folders dropped on the window, the built-in storage."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.journeys.app import App, Desk, MiB, all_done, desk, local_objects, rows, tree, until

pytestmark = pytest.mark.gui


@pytest.fixture
def d(tmp_path: Path) -> Iterator[Desk]:
    with desk(tmp_path, "drop_local") as x:
        yield x


def _folder(root: Path, name: str, sizes: list[int]) -> Path:
    folder = root / name
    (folder / "子 folder").mkdir(parents=True)
    names = ["写真 一.jpg", "notes with spaces.txt", "子 folder/データ.bin", "子 folder/big one.mov"]
    for rel, size in zip(names, sizes, strict=True):
        (folder / rel).write_bytes(os.urandom(size))
    return folder


def test_fresh_home_drop_two_folders_a_minute_apart_on_local_storage(tmp_path: Path, d: Desk) -> None:
    first = _folder(tmp_path / "src", "假期 photos", [0, 1234, 3 * MiB + 7, 9 * MiB + 11])
    second = _folder(tmp_path / "src", "second batch", [17, 70_000, 2 * MiB, 6 * MiB + 1])
    app = App(d, tmp_path / "app.log")
    try:
        d.shot("1_fresh_window")
        d.drag([first], app.wid)
        panel = d.wait_window("^Upload to$", proc=app.proc)
        d.shot("2_upload_to_panel")
        d.activate(panel)
        d.key("Return")
        d.gone("^Upload to$")
        app.focus()
        until("the first folder is uploaded", lambda: all_done(d.env, 4), 300)
        d.shot("3_first_done")

        # The point of this journey: a minute of nothing, long enough for the pool's idle
        # threads to expire (QThreadPool's 30 s), then the same window must still upload.
        time.sleep(60)
        d.drag([second], app.wid)
        panel = d.wait_window("^Upload to$", proc=app.proc)
        d.activate(panel)
        d.key("Return")
        d.gone("^Upload to$")
        until("the second folder is uploaded", lambda: all_done(d.env, 8), 300)
        d.shot("4_second_done")
        assert {r["state"] for r in rows(d.env)} == {"done"}
    finally:
        app.quit()
    expect = {**tree(first), **tree(second)}
    assert local_objects(d.env) == expect
