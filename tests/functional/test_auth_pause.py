"""A refused key pauses the profile's transfers (keeping their uploads), stepped by hand.

The refusals of real servers (moto with IAM enforcement, SeaweedFS, the OSS gateway) are in
tests/integration/test_credentials.py; here the order of every task is the test's choice, so the
transfers caught mid-flight by another's refusal are the same on every run.
"""

from __future__ import annotations

from typing import Any

from engine.backends.base import PartResult
from engine.backends.errors import classify_code
from engine.backends.s3 import S3Backend
from engine.errors import ErrorCode
from engine.events import ListSink
from engine.scheduler import Engine
from engine.state import State
from engine.store import ProfileRow
from tests.functional.conftest import PROFILE, Harness, StepExecutor, _settings, assert_legal

KiB = 1024


class Refusing:
    """The real backend, except that while ``refuse`` is set its UploadPart gets the answer AWS
    gives a key whose session token has expired (classified by the engine's own table)."""

    def __init__(self, backend: S3Backend) -> None:
        self._backend = backend
        self.refuse = False
        self.refused = 0
        self.created = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)

    def create_upload(self, *args: Any, **kw: Any) -> str:
        self.created += 1
        return self._backend.create_upload(*args, **kw)

    def upload_part(self, *args: Any, **kw: Any) -> PartResult:
        if self.refuse:
            self.refused += 1
            raise classify_code("ExpiredToken", "The provided token has expired.", 400, "R-expired")
        return self._backend.upload_part(*args, **kw)


def test_refused_key_pauses_the_profiles_transfers_and_resume_finishes_them(harness: Harness) -> None:
    h = harness
    refusing = Refusing(h.backend)
    h.store.save_profile(ProfileRow(name="other", provider="s3", path_style=True))
    sink, ex = ListSink(), StepExecutor()
    engine = Engine(
        h.store,
        lambda name: refusing if name == PROFILE else h.backend,
        ex,
        sink,
        _settings(),
    )
    try:
        _refuse_then_resume(h, engine, sink, ex, refusing)
    finally:
        engine.close()


def _refuse_then_resume(
    h: Harness, engine: Engine, sink: ListSink, ex: StepExecutor, refusing: Refusing
) -> None:
    size = 2 * (5 * 1024 * KiB) + 3 * KiB  # three parts
    (a, a_data), (b, b_data), (c, c_data) = (h.write_file(n, size, seed=i) for i, n in enumerate("abc"))
    rows = [h.row(a, "a"), h.row(b, "b"), h.row(c, "c")]
    rows[2].profile = "other"
    ta, tb, tc = engine.add(rows)
    refusing.refuse = True
    ex.run_all()

    views = {v.id: v for v in engine.views()}
    for tid in (ta, tb):
        v = views[tid]
        assert (v.state, v.error_code) == (State.PAUSED, ErrorCode.AUTH), v
        assert "ExpiredToken" in v.error_detail and "renew its session token" in v.error_detail
        assert_legal(sink, tid)
    # The other profile's key was not refused: its transfer went on to the end.
    assert views[tc].state is State.DONE
    assert h.server_bytes("c") == c_data
    # Not every part of the profile's queue was sent to be refused: the first refusal held the rest.
    assert 1 <= refusing.refused < 6
    h.store.flush()
    kept = {tid: (r.upload_id, r.state) for tid in (ta, tb) if (r := h.store.get_transfer(tid)) is not None}
    assert all(uid and st is State.PAUSED for uid, st in kept.values()), kept

    refusing.refuse = False  # the key was fixed
    engine.resume([ta, tb])
    ex.run_all()
    assert [v.state for v in engine.views([ta, tb])] == [State.DONE, State.DONE]
    assert h.server_bytes("a") == a_data and h.server_bytes("b") == b_data
    h.store.flush()
    for tid in (ta, tb):
        row = h.store.get_transfer(tid)
        assert row is not None and row.error_code is None
        assert_legal(sink, tid)
    # The uploads begun before the refusal were continued, not begun again.
    assert refusing.created == 2
    assert not h.server_uploads()
