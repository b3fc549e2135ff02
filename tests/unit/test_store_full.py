"""The checkpoint writer when the database cannot grow: SQLite's own SQLITE_FULL, made with
``PRAGMA max_page_count`` so it runs anywhere (the real full disk is tests/reliability/test_disk.py,
which needs root for its tmpfs)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from engine.store import CheckpointUnwritable, PartRow, ProfileRow, Store, TransferRow


def _pages(con: sqlite3.Connection, extra: int) -> None:
    count = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count={count + extra}")


def test_a_full_database_fails_the_writes_and_the_writer_lives_on(tmp_path: Path) -> None:
    store = Store(tmp_path / "skylift.db")
    heard: list[CheckpointUnwritable] = []
    told = threading.Event()

    def hear(exc: CheckpointUnwritable) -> None:
        heard.append(exc)
        told.set()

    store.on_write_failure(hear)
    try:
        store.save_profile(ProfileRow(name="p", provider="aws"))
        (tid,) = store.add_transfers([TransferRow("p", "/f", 1 << 30, 0, "b", "k", 5 << 20, True)])
        store.write(lambda con: _pages(con, 0)).result()
        big = "x" * 100_000  # more than the pages left
        with pytest.raises(CheckpointUnwritable, match="is full"):
            store.add_part(tid, PartRow(1, 5 << 20, big, "c")).result(timeout=10)
        assert told.wait(10), "the failure was not reported to the listener"
        assert store.failed is heard[0]
        # Room again (space freed): the same writer takes the next write.
        store.write(lambda con: _pages(con, 1000)).result()
        store.add_part(tid, PartRow(1, 5 << 20, "etag", "c")).result(timeout=10)
        assert store.parts(tid) == {1: PartRow(1, 5 << 20, "etag", "c", store.parts(tid)[1].done_at)}
    finally:
        store.close()
