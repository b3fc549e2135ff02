from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from engine.schema import LATEST, MIGRATIONS
from engine.state import State
from engine.store import PartRow, ProfileRow, Store, StoreError, TransferRow


def _v1_db(path: Path) -> None:
    """A database as the first release wrote it, with one transfer and one acknowledged part."""
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0])
    con.execute("INSERT INTO profile(id, name, provider, created_at) VALUES(1, 'p', 'aws', 1)")
    con.execute(
        "INSERT INTO transfer(id, profile_id, local_path, size, mtime_ns, bucket, object_key,"
        " part_size, upload_id, state, queue_pos, created_at, updated_at)"
        " VALUES(7, 1, '/data/f', 100, 5, 'b', 'k', 50, 'up-1', ?, 1, 1, 1)",
        (int(State.PAUSED),),
    )
    con.execute("INSERT INTO part VALUES(7, 1, 50, 'etag1', 'md5', 1)")
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()


def test_migrates_an_old_schema_and_keeps_its_data(tmp_path: Path) -> None:
    db = tmp_path / "skylift.db"
    _v1_db(db)
    store = Store(db)
    try:
        t = store.get_transfer(7)
        assert t is not None
        assert (t.upload_id, t.state, t.size, t.key, t.multipart) == ("up-1", State.PAUSED, 100, "k", True)
        assert store.parts(7) == {1: PartRow(1, 50, "etag1", "md5", 1)}
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST
        con.close()
    finally:
        store.close()
    backups = list(tmp_path.glob("skylift.db.v1.*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT upload_id FROM transfer").fetchone()[0] == "up-1"
    con.close()


def test_refuses_a_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "skylift.db"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version={LATEST + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer Skylift"):
        Store(db)


def _row(profile: str = "p") -> TransferRow:
    return TransferRow(
        profile=profile,
        local_path="/f",
        size=10,
        mtime_ns=1,
        bucket="b",
        key="k",
        part_size=5,
        multipart=True,
        metadata={"a": "b"},
    )


def test_round_trip_and_queue_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        store.save_profile(ProfileRow(name="p", provider="aws"))
        ids = store.add_transfers([_row(), _row()])
        assert ids == sorted(ids)
        store.update_transfer(ids[0], state=State.RUNNING, upload_id="u").result()
        store.add_part(ids[0], PartRow(2, 5, "e2"))
        store.add_part(ids[0], PartRow(1, 5, "e1")).result()
        t = store.get_transfer(ids[0])
        assert t is not None and t.state is State.RUNNING and t.metadata == {"a": "b"}
        assert sorted(store.parts(ids[0])) == [1, 2]
        assert [t.id for t in store.list_transfers([State.QUEUED])] == [ids[1]]
        assert store.upload_owners()["u"].id == ids[0]
    finally:
        store.close()


def test_unknown_profile_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        with pytest.raises(StoreError, match="no profile"):
            store.add_transfers([_row("nope")])
        assert store.list_transfers() == []
    finally:
        store.close()


def test_a_failing_write_does_not_undo_its_batch_neighbours(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        store.save_profile(ProfileRow(name="p", provider="aws"))
        (tid,) = store.add_transfers([_row()])
        bad = store.add_part(tid, PartRow(10_001, 5, "x"))  # violates the CHECK constraint
        good = store.add_part(tid, PartRow(3, 5, "e3"))
        with pytest.raises(sqlite3.IntegrityError):
            bad.result()
        good.result()
        assert list(store.parts(tid)) == [3]
    finally:
        store.close()


def test_profile_with_unfinished_transfers_cannot_be_removed(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        store.save_profile(ProfileRow(name="p", provider="aws"))
        store.add_transfers([_row()])
        with pytest.raises(StoreError, match="unfinished"):
            store.remove_profile("p")
        assert store.get_profile("p") is not None
    finally:
        store.close()


def test_transfers_queued_together_keep_their_batch_and_its_label(tmp_path: Path) -> None:
    """Schema 8: a drop's batch is stored with each transfer, and its label read back with it;
    rows from before (batch 0) read as queued alone."""
    store = Store(tmp_path / "s.db")
    try:
        store.save_profile(ProfileRow(name="p", provider="aws"))
        (alone,) = store.add_transfers([_row()])
        batch = store.create_batch("photos")
        rows = [_row(), _row()]
        for r in rows:
            r.batch = batch
        ids = store.add_transfers(rows)
        read = {t.id: t for t in store.list_transfers()}
        assert [(read[i].batch, read[i].batch_label) for i in ids] == [(batch, "photos")] * 2
        assert (read[alone].batch, read[alone].batch_label) == (0, "")
        got = store.get_transfer(ids[0])
        assert got is not None and got.batch_label == "photos"
    finally:
        store.close()


def test_a_drop_is_named_by_its_folder_and_a_lone_file_has_no_group(tmp_path: Path) -> None:
    from app.services.core import batch_label

    (tmp_path / "photos").mkdir()
    (tmp_path / "a.txt").write_text("a")
    assert batch_label([str(tmp_path / "photos") + "/"]) == "photos"
    assert batch_label([str(tmp_path / "a.txt")]) is None
    assert batch_label([str(tmp_path / "a.txt"), str(tmp_path / "photos")]) == ""
    assert batch_label([]) is None
