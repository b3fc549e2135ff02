"""The engine against real servers: every test runs for each protocol in TARGET_KINDS."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from engine.events import Finished, ListSink, Progress
from engine.scheduler import Engine
from engine.state import State
from tests.helpers.rig import Rig, make_rig, random_file
from tests.helpers.targets import Target

pytestmark = pytest.mark.integration


@pytest.fixture
def rig(tmp_path: Path, target: Target, pool: ThreadPoolExecutor) -> Iterator[Rig]:
    r = make_rig(tmp_path, target, pool)
    yield r
    r.close()


def _sizes(part: int) -> list[int]:
    return [0, 1000, part - 1, part, 2 * part + part // 2]


@pytest.mark.parametrize("which", range(5), ids=["empty", "1KB", "under", "threshold", "2.5parts"])
def test_upload_round_trips_byte_for_byte(rig: Rig, tmp_path: Path, which: int) -> None:
    size = _sizes(rig.part_size)[which]
    rig.engine.settings.threshold = rig.part_size
    src = random_file(tmp_path / "src.bin", size)
    multipart = size >= rig.part_size
    (tid,) = rig.engine.add([rig.row(src, "obj/src.bin", multipart=multipart)])
    fin = rig.run(tid)
    assert fin.state is State.DONE, fin
    assert rig.target.get(rig.bucket, "obj/src.bin") == src.read_bytes()
    assert fin.bytes_sent == size
    assert fin.parts == (len(range(0, size, rig.part_size)) if multipart else 0)
    assert rig.target.uploads(rig.bucket) == []


@pytest.mark.parametrize("rows", [True, False], ids=["rows", "crash-before-rows"])
@pytest.mark.parametrize("held", [[], [1, 2], [1, 4], [5]], ids=["none", "1-2", "1+4", "last"])
def test_resume_sends_only_the_missing_parts(rig: Rig, tmp_path: Path, held: list[int], rows: bool) -> None:
    size = 4 * rig.part_size + rig.part_size // 3
    src = random_file(tmp_path / "src.bin", size)
    row = rig.seed(src, "big.bin", held, rows)
    held_bytes = sum(min(rig.part_size, size - (n - 1) * rig.part_size) for n in held)
    rig.engine.load([row.id])
    rig.engine.resume([row.id])
    fin = rig.run(row.id)
    assert fin.state is State.DONE, fin
    assert fin.bytes_sent == size - held_bytes
    assert rig.target.get(rig.bucket, "big.bin") == src.read_bytes()
    assert rig.target.uploads(rig.bucket) == []


def test_a_server_part_that_differs_from_the_file_is_sent_again(rig: Rig, tmp_path: Path) -> None:
    size = 3 * rig.part_size
    src = random_file(tmp_path / "src.bin", size)
    row = rig.seed(src, "k", [], rows=False)
    assert row.upload_id is not None
    # Part 2 on the server holds other bytes of the right size: it must not count.
    rig.target.put_part(rig.bucket, "k", row.upload_id, 2, os.urandom(rig.part_size))
    rig.engine.load([row.id])
    rig.engine.resume([row.id])
    fin = rig.run(row.id)
    assert fin.state is State.DONE
    assert fin.bytes_sent == size
    assert rig.target.get(rig.bucket, "k") == src.read_bytes()


def _wait_for_bytes(rig: Rig, tid: int, n: int) -> None:
    import threading

    seen = threading.Event()

    def check() -> bool:
        return rig.sent(tid) >= n

    for _ in range(600):
        if check():
            return
        seen.wait(0.05)
    raise AssertionError(f"transfer {tid} never sent {n} bytes")


def test_pause_cuts_a_part_in_flight_keeps_the_upload_and_resumes(rig: Rig, tmp_path: Path) -> None:
    size = 2 * rig.part_size
    src = random_file(tmp_path / "src.bin", size)
    rig.engine.set_concurrency(1)
    rig.engine.set_bwlimit(max(rig.part_size // 4, 64 * 1024))
    (tid,) = rig.engine.add([rig.row(src, "p.bin")])
    _wait_for_bytes(rig, tid, 1)
    rig.engine.pause([tid])
    assert rig.engine.wait_idle(10)
    assert rig.engine.state_of(tid) is State.PAUSED
    sent_before = rig.sent(tid)
    assert 0 < sent_before < rig.part_size, "the pause should cut the first part mid-flight"
    row = rig.store.get_transfer(tid)
    assert row is not None and row.upload_id is not None
    assert (("p.bin", row.upload_id)) in rig.target.uploads(rig.bucket)
    done_after_pause = sum(e.done for e in rig.sink.of(Progress) if e.transfer_id == tid)
    assert done_after_pause == 0, "bytes of the interrupted part are taken back"
    rig.engine.set_bwlimit(None)
    rig.engine.resume([tid])
    fin = rig.run(tid)
    assert fin.state is State.DONE
    assert rig.target.get(rig.bucket, "p.bin") == src.read_bytes()


def test_file_modified_while_paused_fails_clearly_and_completes_nothing(rig: Rig, tmp_path: Path) -> None:
    src = random_file(tmp_path / "src.bin", 3 * rig.part_size)
    row = rig.seed(src, "m.bin", [1], rows=True)
    with src.open("r+b") as f:
        f.seek(10)
        f.write(b"edited")
    rig.engine.load([row.id])
    rig.engine.resume([row.id])
    fin = rig.run(row.id)
    assert fin.state is State.FAILED
    assert fin.error_code == "file_changed"
    assert rig.backend.head(rig.bucket, "m.bin") is None
    kept = rig.store.get_transfer(row.id)
    assert kept is not None and kept.upload_id == row.upload_id, "the checkpoint is not dropped"
    assert ("m.bin", row.upload_id) in rig.target.uploads(rig.bucket)


def test_no_such_upload_starts_afresh_and_the_old_id_is_gone(rig: Rig, tmp_path: Path) -> None:
    src = random_file(tmp_path / "src.bin", 2 * rig.part_size + 7)
    row = rig.seed(src, "n.bin", [1], rows=True)
    assert row.upload_id is not None
    rig.target.abort(rig.bucket, "n.bin", row.upload_id)
    rig.engine.load([row.id])
    rig.engine.resume([row.id])
    fin = rig.run(row.id)
    assert fin.state is State.DONE
    assert fin.bytes_sent == src.stat().st_size
    new = rig.store.get_transfer(row.id)
    assert new is not None and new.upload_id != row.upload_id
    assert rig.target.uploads(rig.bucket) == []
    assert rig.target.get(rig.bucket, "n.bin") == src.read_bytes()


def test_cancel_aborts_the_upload_on_the_server(rig: Rig, tmp_path: Path) -> None:
    src = random_file(tmp_path / "src.bin", 3 * rig.part_size)
    rig.engine.set_bwlimit(max(rig.part_size // 4, 64 * 1024))
    (tid,) = rig.engine.add([rig.row(src, "c.bin")])
    _wait_for_bytes(rig, tid, 1)
    rig.engine.cancel([tid])
    fin = rig.run(tid)
    assert fin.state is State.CANCELLED and fin.error_code is None
    assert rig.target.uploads(rig.bucket) == []
    assert rig.store.parts(tid) == {}


def test_many_small_files_share_the_slots(rig: Rig, tmp_path: Path) -> None:
    rows = []
    for i in range(40):
        rows.append(rig.row(random_file(tmp_path / f"s{i}", 1000 + i), f"small/{i}", multipart=False))
    ids = rig.engine.add(rows)
    assert rig.engine.wait_idle(120)
    assert all(rig.finished(i).state is State.DONE for i in ids)
    for i in (0, 17, 39):
        assert rig.target.get(rig.bucket, f"small/{i}") == (tmp_path / f"s{i}").read_bytes()


def test_crash_after_the_server_completed_resumes_to_done_without_sending(
    rig: Rig, tmp_path: Path, pool: ThreadPoolExecutor
) -> None:
    """The process died between the server finishing Complete and the checkpoint hearing of it:
    the checkpoint is exactly as Skylift leaves it then (all part rows, state completing)."""
    size = 2 * rig.part_size + 11
    src = random_file(tmp_path / "src.bin", size)
    (tid,) = rig.engine.add([rig.row(src, "done.bin")])
    assert rig.run(tid).state is State.DONE
    rig.store.update_transfer(tid, state=State.COMPLETING, etag="").result()
    sink = ListSink()
    restarted = Engine(rig.store, lambda name: rig.backend, pool, sink, rig.engine.settings)
    restarted.load([tid])
    restarted.resume([tid])
    assert restarted.wait_idle(60)
    (fin,) = [e for e in sink.of(Finished) if e.transfer_id == tid]
    assert fin.state is State.DONE, fin
    assert fin.bytes_sent == 0
    assert rig.target.get(rig.bucket, "done.bin") == src.read_bytes()
    assert rig.target.uploads(rig.bucket) == []
