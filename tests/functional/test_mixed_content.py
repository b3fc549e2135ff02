"""A file changed in place while paused, with its size and time put back (``cp -p``, ``rsync -t``,
a restore tool): the resume must not complete an object made of old and new bytes."""

from __future__ import annotations

import os

from engine.state import State
from tests.functional.conftest import PART, Harness
from tests.functional.test_scheduler import _row, _start_two_parts


def test_a_part_whose_bytes_changed_under_the_same_size_and_time_stops_the_resume(harness: Harness) -> None:
    h = harness
    tid, data = _start_two_parts(h, "restored.bin")
    h.engine.pause([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.PAUSED
    h.store.flush()  # part 1's row is durable, as it long is when a person edits the file
    assert sorted(h.store.parts(tid)) == [1]
    path = h.tmp / "restored.bin"
    st = path.stat()
    changed = bytearray(data)
    changed[PART // 2] ^= 0xFF  # one byte inside part 1, which the server already holds
    path.write_bytes(bytes(changed))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and time as before

    h.engine.resume([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.FAILED
    row = _row(h, tid)
    assert row.error_code == "file_changed"
    assert row.error_detail is not None and "part 1" in row.error_detail
    listed = h.raw.list_objects_v2(Bucket=h.bucket).get("Contents", [])
    assert [o.get("Key") for o in listed] == [], "no object made of old and new bytes"

    h.engine.restart([tid])
    h.executor.run_all()
    assert h.engine.state_of(tid) is State.DONE
    assert h.server_bytes("restored.bin") == bytes(changed)
