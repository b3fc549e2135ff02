"""The scheduler stepped by hand against moto: pause, cancel, restart, crash recovery, leases, adopt.

Each test chooses the order in which the engine's tasks run (``StepExecutor``), then checks what
the server holds and what the checkpoint says, not only the events the engine emitted.
"""

from __future__ import annotations

import os
import socket
import subprocess

from engine.events import Added, Finished, PartDone, StateChanged
from engine.lease import Holder, _start_time, is_dead, this_process
from engine.state import State
from engine.store import TransferRow
from tests.functional.conftest import PART, Harness, assert_legal
from tests.helpers.s3 import upload_parts

KiB = 1024


def _parts_sent(h: Harness, transfer_id: int, since: int = 0) -> list[int]:
    """Part numbers acknowledged by the server (one PartDone per UploadPart) after event ``since``."""
    return [
        e.number for e in h.sink.events[since:] if isinstance(e, PartDone) and e.transfer_id == transfer_id
    ]


def _row(h: Harness, transfer_id: int) -> TransferRow:
    """The checkpoint's copy, after every queued write is committed."""
    h.store.flush()
    row = h.store.get_transfer(transfer_id)
    assert row is not None
    return row


def _dead_pid() -> int:
    """A pid with no process behind it: a child that has exited and been reaped."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    assert _start_time(proc.pid) is None
    return proc.pid


def _start_two_parts(h: Harness, name: str, size: int = PART + 7 * KiB) -> tuple[int, bytes]:
    """Queue a two-part file and step it until part 1 is acknowledged (part 2 still handed out)."""
    path, data = h.write_file(name, size)
    (tid,) = h.engine.add([h.row(path, name)])
    assert len(h.executor.pending) == 1, "the upload is prepared before any part is handed out"
    h.executor.run_next()  # prepare: CreateMultipartUpload, the upload id made durable
    assert len(h.executor.pending) == 2, "both parts are handed out once the upload exists"
    h.executor.run_next()  # part 1
    assert _parts_sent(h, tid) == [1]
    return tid, data


def test_pause_between_parts_then_resume_sends_only_the_missing_part(harness: Harness) -> None:
    """A pause lets in-flight work settle, keeps the upload, and a resume reconciles with
    ListParts instead of sending part 1 again."""
    h = harness
    tid, data = _start_two_parts(h, "pause.bin")
    h.engine.pause([tid])
    assert h.engine.state_of(tid) is State.PAUSING, "part 2 is still in flight"
    h.executor.run_all()  # part 2 sees the interrupt before sending anything
    assert h.engine.state_of(tid) is State.PAUSED
    paused = _row(h, tid)
    assert paused.state is State.PAUSED
    assert paused.upload_id is not None and paused.upload_id in h.server_uploads()
    part1 = h.store.parts(tid)
    assert sorted(part1) == [1]

    mark = len(h.sink.events)
    h.engine.resume([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert _parts_sent(h, tid, mark) == [2], "only the missing part goes up after the resume"
    assert h.server_bytes("pause.bin") == data
    assert h.server_uploads() == []
    done = _row(h, tid)
    assert (done.state, done.upload_id, done.size) == (State.DONE, paused.upload_id, len(data))
    assert done.etag.strip('"').endswith("-2")
    parts = h.store.parts(tid)
    assert sorted(parts) == [1, 2] and parts[1].etag == part1[1].etag
    assert_legal(h.sink, tid)


def test_cancel_mid_upload_aborts_it_and_clears_the_checkpoint(harness: Harness) -> None:
    """Cancel waits for the part in flight, then aborts: no billed parts are left on the server."""
    h = harness
    tid, _ = _start_two_parts(h, "cancel.bin")
    upload_id = _row(h, tid).upload_id
    assert upload_id is not None and h.server_uploads() == [upload_id]
    h.engine.cancel([tid])
    h.executor.run_all()  # part 2 (interrupted), then the abort request
    assert h.engine.state_of(tid) is State.CANCELLED
    assert h.server_uploads() == []
    assert h.backend.head(h.bucket, "cancel.bin") is None
    row = _row(h, tid)
    assert (row.state, row.upload_id) == (State.CANCELLED, None)
    assert h.store.parts(tid) == {}
    assert [f.state for f in h.sink.of(Finished) if f.transfer_id == tid] == [State.CANCELLED]
    assert_legal(h.sink, tid)


def test_changed_file_fails_and_restart_uploads_it_from_byte_zero(harness: Harness) -> None:
    """A file rewritten while paused must not be completed from old parts: it fails with
    file_changed; restart aborts the old upload and sends the new bytes whole."""
    h = harness
    tid, _ = _start_two_parts(h, "changed.bin")
    h.engine.pause([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.PAUSED
    old_upload = _row(h, tid).upload_id
    assert old_upload is not None

    path, new = h.write_file("changed.bin", PART + 40 * KiB, seed=2)
    h.engine.resume([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.FAILED
    (view,) = h.engine.views([tid])
    assert view.error_code == "file_changed"
    failed = _row(h, tid)
    assert (failed.state, failed.error_code) == (State.FAILED, "file_changed")
    assert _parts_sent(h, tid) == [1], "nothing was sent from the changed file"

    mark = len(h.sink.events)
    assert h.engine.restart([tid]) == [tid]
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert sorted(_parts_sent(h, tid, mark)) == [1, 2], "a restart sends every part again"
    assert h.server_bytes("changed.bin") == new
    assert h.server_uploads() == [], "the old upload was aborted, the new one completed"
    done = _row(h, tid)
    assert (done.state, done.size, done.error_code) == (State.DONE, len(new), None)
    assert done.upload_id != old_upload
    assert done.mtime_ns == path.stat().st_mtime_ns
    assert sum(p.size for p in h.store.parts(tid).values()) == len(new)
    assert_legal(h.sink, tid)


def test_load_takes_over_a_transfer_a_dead_process_left_running(harness: Harness) -> None:
    """A row left RUNNING under a dead holder's lease comes back paused and held by this engine;
    its upload (part 1 on the server, no part row: the crash came before the row) is continued."""
    h = harness
    path, data = h.write_file("crash.bin", PART + 9 * KiB)
    upload_id = upload_parts(h.raw, h.bucket, "crash.bin", [data[:PART]])
    dead = Holder(socket.gethostname(), this_process().boot_id, _dead_pid(), "1")
    assert is_dead(dead)
    (tid,) = h.store.add_transfers([h.row(path, "crash.bin", state=State.RUNNING, upload_id=upload_id)], dead)
    h.store.update_transfer(tid, upload_checksum=h.backend.provider.checksum.value).result()
    assert h.store.holder_of(tid) == dead

    loaded = h.engine.load()
    assert (loaded.ids, loaded.held) == ([tid], {})
    assert h.engine.state_of(tid) is State.PAUSED
    assert h.executor.pending == [], "a loaded transfer waits for resume"
    (added,) = h.sink.of(Added)
    assert [(v.id, v.state) for v in added.views] == [(tid, State.PAUSED)]
    assert _row(h, tid).state is State.PAUSED
    assert h.store.holder_of(tid) == h.engine.holder

    h.engine.resume([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert _parts_sent(h, tid) == [2], "part 1 is proven from the file, not sent again"
    assert h.server_bytes("crash.bin") == data
    assert h.server_uploads() == []
    done = _row(h, tid)
    assert (done.state, done.upload_id) == (State.DONE, upload_id)
    assert sorted(h.store.parts(tid)) == [1, 2]
    assert_legal(h.sink, tid)


def test_a_live_holders_transfer_is_left_alone_until_it_lets_go(harness: Harness) -> None:
    """Two processes on one checkpoint: the second is told who holds the transfer and touches
    nothing; once the first quits (close releases its lease) the second takes it and finishes."""
    h = harness
    tid, data = _start_two_parts(h, "lease.bin")
    first = h.engine.holder
    ppid = os.getppid()
    started = _start_time(ppid)
    assert started, "the pytest parent's start time is readable"
    other = Holder(first.host, first.boot_id, ppid, started)
    assert other != first and not is_dead(first) and not is_dead(other)
    eng2, sink2, ex2 = h.second_engine(other)

    before = _row(h, tid)
    assert before.state is State.RUNNING
    loaded = eng2.load([tid])
    assert (loaded.ids, loaded.held) == ([], {tid: first})
    assert sink2.events == [] and ex2.pending == [] and eng2.views() == []
    eng2.store.flush()
    assert eng2.store.get_transfer(tid) == before, "the held transfer's row is untouched"
    assert h.store.holder_of(tid) == first

    # The first process pauses its work and quits.
    h.engine.pause([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.PAUSED
    h.engine.close()
    assert h.store.holder_of(tid) is None

    loaded = eng2.load([tid])
    assert (loaded.ids, loaded.held) == ([tid], {})
    assert eng2.store.holder_of(tid) == other
    (added,) = sink2.of(Added)
    assert [(v.id, v.state) for v in added.views] == [(tid, State.PAUSED)]
    eng2.resume([tid])
    ex2.run_all()
    assert eng2.state_of(tid) is State.DONE
    assert [e.number for e in sink2.of(PartDone)] == [2]
    assert h.server_bytes("lease.bin") == data
    assert h.server_uploads() == []
    assert _row(h, tid).state is State.DONE


def test_adopt_continues_an_orphan_upload_sending_only_what_it_lacks(harness: Harness) -> None:
    """An upload begun elsewhere (part 1 on the server) is announced at once, then its part is
    proven against the file and only part 2 goes up; the same upload id is completed."""
    h = harness
    path, data = h.write_file("orphan.bin", PART + 11 * KiB)
    upload_id = upload_parts(h.raw, h.bucket, "orphan.bin", [data[:PART]])
    tid = h.engine.adopt(h.row(path, "orphan.bin", upload_id=upload_id))
    assert h.executor.ran == 0
    (added,) = h.sink.of(Added)
    assert [(v.id, v.key, v.size) for v in added.views] == [(tid, "orphan.bin", len(data))]

    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert _parts_sent(h, tid) == [2]
    assert h.server_bytes("orphan.bin") == data
    assert h.server_uploads() == []
    done = _row(h, tid)
    assert (done.state, done.upload_id) == (State.DONE, upload_id)
    assert sorted(h.store.parts(tid)) == [1, 2]
    assert_legal(h.sink, tid)


def test_resume_while_pausing_takes_effect_once_the_part_in_flight_settles(harness: Harness) -> None:
    """Pause then resume before the in-flight part ends: the transfer passes through PAUSED and
    carries on by itself, on the same upload, without the user asking again."""
    h = harness
    tid, data = _start_two_parts(h, "flip.bin")
    upload_id = _row(h, tid).upload_id
    h.engine.pause([tid])
    h.engine.resume([tid])
    assert h.engine.state_of(tid) is State.PAUSING, "the resume waits for the part in flight"
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert _parts_sent(h, tid) == [1, 2]
    assert h.server_bytes("flip.bin") == data
    assert h.server_uploads() == []
    done = _row(h, tid)
    assert (done.state, done.upload_id) == (State.DONE, upload_id)
    assert State.PAUSED in [e.state for e in h.sink.of(StateChanged) if e.transfer_id == tid]
    assert_legal(h.sink, tid)


def test_cancel_while_paused_aborts_the_kept_upload(harness: Harness) -> None:
    """A paused transfer still owns billed parts on the server: cancelling it aborts them."""
    h = harness
    tid, _ = _start_two_parts(h, "paused-cancel.bin")
    h.engine.pause([tid])
    h.executor.run_all()
    upload_id = _row(h, tid).upload_id
    assert h.engine.state_of(tid) is State.PAUSED and h.server_uploads() == [upload_id]
    h.engine.cancel([tid])
    h.executor.run_all()  # the abort request
    assert h.engine.state_of(tid) is State.CANCELLED
    assert h.server_uploads() == []
    row = _row(h, tid)
    assert (row.state, row.upload_id) == (State.CANCELLED, None)
    assert h.store.parts(tid) == {}
    assert_legal(h.sink, tid)


def test_pause_during_prepare_keeps_the_new_upload_for_the_resume(harness: Harness) -> None:
    """A pause while CreateMultipartUpload is in flight: the upload id it returns is recorded
    (a forgotten id would leak), no part goes up, and the resume uses that same upload."""
    h = harness
    path, data = h.write_file("early.bin", PART + 5 * KiB)
    (tid,) = h.engine.add([h.row(path, "early.bin")])
    h.engine.pause([tid])
    assert h.engine.state_of(tid) is State.PAUSING
    h.executor.run_all()  # prepare runs to its end
    assert h.engine.state_of(tid) is State.PAUSED
    paused = _row(h, tid)
    assert paused.upload_id is not None and h.server_uploads() == [paused.upload_id]
    assert _parts_sent(h, tid) == [] and h.store.parts(tid) == {}

    h.engine.resume([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert sorted(_parts_sent(h, tid)) == [1, 2]
    assert h.server_bytes("early.bin") == data
    assert h.server_uploads() == []
    assert _row(h, tid).upload_id == paused.upload_id
    assert_legal(h.sink, tid)


def _order(h: Harness, ids: dict[int, str]) -> list[str]:
    return [f"{ids[e.transfer_id]}{e.number}" for e in h.sink.events if isinstance(e, PartDone)]


def test_slots_go_round_the_files_so_one_big_file_cannot_take_them_all(harness: Harness) -> None:
    """Two four-part files on two request slots: their parts alternate (before, the first file
    took every slot until its last part was handed out)."""
    h = harness
    h.engine.settings.concurrency = 2
    h.engine.set_concurrency(2)
    a, _ = h.write_file("a.bin", 4 * PART, seed=1)
    b, _ = h.write_file("b.bin", 4 * PART, seed=2)
    ta, tb = h.engine.add([h.row(a, "a.bin"), h.row(b, "b.bin")])
    h.executor.run_all()
    order = _order(h, {ta: "a", tb: "b"})
    assert sorted(order) == ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"]
    assert order.index("b1") < order.index("a4"), order
    assert sum(x[0] == "a" for x in order[:4]) <= 3, order


def test_files_at_once_holds_the_next_file_back_until_one_finishes(harness: Harness) -> None:
    h = harness
    h.engine.settings.files_at_once = 1
    a, data_a = h.write_file("a.bin", 2 * PART, seed=3)
    b, data_b = h.write_file("b.bin", 2 * PART, seed=4)
    ta, tb = h.engine.add([h.row(a, "a.bin"), h.row(b, "b.bin")])
    running = []
    while h.executor.pending:
        running.append({v.id for v in h.engine.views([ta, tb]) if v.state is State.RUNNING})
        h.executor.run_next()
    assert all(len(r) <= 1 for r in running), running
    assert {ta} in running and {tb} in running
    assert h.server_bytes("a.bin") == data_a and h.server_bytes("b.bin") == data_b
