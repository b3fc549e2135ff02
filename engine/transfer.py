"""One transfer's coordinator: the single owner of its state, phase, parts and counters.

The scheduler decides *when* a transfer's next step runs; everything that *is* the transfer — its
state (every change checked against the state machine and written to the checkpoint), the parts
the server acknowledged, the bytes counted — lives here, behind this object's own lock. The
checkpoint row is the durable copy; views handed to the UI are snapshots taken from here.
"""

from __future__ import annotations

import bisect
import enum
import threading
import time
from dataclasses import dataclass, field
from typing import BinaryIO

from engine.backends.base import ObjectSpec, PartResult
from engine.errors import SkyliftError
from engine.events import EventSink, Finished, PartDone, Progress, StateChanged, TransferView
from engine.fingerprint import META_PART_SIZE, META_SHA256
from engine.objectopts import ObjectOptions
from engine.plan import PartSpec
from engine.redact import redact
from engine.state import State, check_transition
from engine.store import PartRow, Store, TransferRow

#: The local path recorded for uploads read from standard input.
STDIN = "-"


class Phase(enum.Enum):
    """Which step of a transfer the scheduler hands out next (never a user-visible state)."""

    RESTART_DUE = 1  # abort the old upload, look at the file again, plan from byte 0
    PREPARE_DUE = 2  # validate the file, find or create the upload, reconcile with the server
    IN_STEP = 3  # a restart, prepare or single PUT is in flight
    SENDING = 4  # parts go up (for a stream: as they are read)
    COMPLETE_DUE = 5  # every part is on the server; the Complete request is next
    SETTLED = 6  # nothing to hand out until a control action


@dataclass
class Prepared:
    """What the prepare step found: the plan, the parts the server holds, what is left to send."""

    parts: list[PartSpec]
    kept: dict[int, PartResult]
    #: The object is already whole on the server (a crash came during Complete).
    already_complete: bool = False


@dataclass
class StreamState:
    """A non-seekable source: read in order, each part sent as soon as it is read."""

    source: BinaryIO
    read_lock: threading.Lock = field(default_factory=threading.Lock)
    next_number: int = 1
    size: int = 0
    eof: bool = False
    #: The first part, read to tell a small stream (one PUT) from a multipart one.
    first: bytearray | None = None


class Transfer:
    # A queue of 100,000 finished rows lives in memory as these: no per-instance dict, and the
    # interrupt Event (the heaviest member) only once something waits on it.
    __slots__ = (
        "_interrupt",
        "_sink",
        "_store",
        "bytes_done",
        "bytes_sent",
        "cancel_reason",
        "cancel_requested",
        "done",
        "error",
        "lock",
        "parts",
        "pending",
        "phase",
        "resume_after_pause",
        "row",
        "step_of",
        "stream",
        "tasks",
        "was_completing",
    )

    def __init__(self, row: TransferRow, store: Store, sink: EventSink) -> None:
        self.row = row
        self.lock = threading.Lock()
        self._store = store
        self._sink = sink
        self.phase = Phase.PREPARE_DUE
        self.parts: list[PartSpec] = []
        self.done: dict[int, PartResult] = {}
        self.pending: list[int] = []
        self.tasks = 0
        self._interrupt: threading.Event | None = None
        self.cancel_requested = False
        #: Why a cancel ends this transfer, if not the user's wish (a stream that cannot go on).
        self.cancel_reason: SkyliftError | None = None
        #: The phase an in-flight single step came from, to hand it out again if interrupted.
        self.step_of = Phase.PREPARE_DUE
        self.resume_after_pause = False
        #: The process died while completing: the object may already be whole on the server.
        self.was_completing = False
        self.error: SkyliftError | None = None
        self.bytes_sent = 0
        self.bytes_done = 0
        self.stream: StreamState | None = None

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def interrupt(self) -> threading.Event:
        """Set to stop this transfer's steps (pause, cancel, failure); made on first use."""
        if self._interrupt is None:
            self._interrupt = threading.Event()
        return self._interrupt

    @interrupt.setter
    def interrupt(self, event: threading.Event) -> None:
        self._interrupt = event

    @property
    def state(self) -> State:
        return self.row.state

    def spec(self) -> ObjectSpec:
        r = self.row
        meta = dict(r.metadata)
        if r.multipart and r.part_size:
            # The layout a composite checksum needs to be recomputed later (verify, skip-same).
            meta[META_PART_SIZE] = str(r.part_size)
        return ObjectSpec(
            r.bucket, r.key, r.content_type, r.storage_class, meta, ObjectOptions.from_dict(r.options)
        )

    def note_sha256(self, value: str) -> None:
        """The whole file's SHA-256, sent as object metadata with a single PUT. Kept in memory
        only: a run that stops before the PUT is answered computes it again."""
        with self.lock:
            self.row.metadata = {**self.row.metadata, META_SHA256: value}

    # ---- state --------------------------------------------------------------------------------
    def set_state(self, new: State, error: SkyliftError | None = None, announce: bool = True) -> State:
        """Move to ``new`` (checked), record it durably and tell the sink; returns the old state.

        ``announce=False`` is for a transfer not yet announced (its ``Added`` view will carry it).
        """
        with self.lock:
            old = self.row.state
            if old is new and error is None:
                return old
            if old is not new:
                check_transition(old, new)
            code = error.code.value if error else None
            # The detail is kept in the checkpoint and shown: never a signature an error echoed.
            detail = redact(error.detail) if error else None
            if error is not None and error.request_id:
                detail = f"{detail} (request id {error.request_id})"
            self.row.state = new
            self.row.error_code, self.row.error_detail = code, detail
            fields: dict[str, object] = {"state": new, "error_code": code, "error_detail": detail}
            if new is State.DONE:
                fields["etag"] = self.row.etag
                fields["size"] = self.row.size
            self._store.update_transfer(self.id, **fields)
        if announce:
            self._sink.emit(StateChanged(self.id, new, code, detail))
        return old

    def finished(self) -> Finished:
        r = self.row
        with self.lock:
            return Finished(
                transfer_id=self.id,
                state=r.state,
                bucket=r.bucket,
                key=r.key,
                size=r.size,
                bytes_sent=self.bytes_sent,
                parts=len(self.done) if r.multipart else 0,
                etag=r.etag,
                error_code=r.error_code,
                detail=r.error_detail,
                move=r.delete_after,
            )

    # ---- what the steps found -----------------------------------------------------------------
    def set_upload(self, upload_id: str, checksum: str) -> None:
        """A new upload id: durable before any part goes up (a forgotten id leaks billed parts)."""
        with self.lock:
            self.row.upload_id = upload_id
            self.row.upload_checksum = checksum
            self.row.upload_started_at = 0
            self.done = {}
        self._store.update_transfer(
            self.id, upload_id=upload_id, upload_checksum=checksum, upload_started_at=0
        ).result()
        self._store.replace_parts(self.id, []).result()

    def creating_upload(self) -> None:
        """About to ask for a new upload id: durable first, so that if this process dies before
        the id is recorded, the next run knows to look for the upload it left on the server."""
        with self.lock:
            self.row.upload_started_at = time.time_ns()
        self._store.update_transfer(self.id, upload_started_at=self.row.upload_started_at).result()

    def recorded_upload_ids(self) -> set[str]:
        """Upload ids any transfer in the checkpoint holds (never to be aborted as leftovers)."""
        return set(self._store.upload_owners())

    def apply_prepared(self, prep: Prepared) -> None:
        rows = [PartRow(p.number, p.size, p.etag, p.checksum) for p in prep.kept.values()]
        self._store.replace_parts(self.id, rows)
        with self.lock:
            self.parts = prep.parts
            self.done = dict(prep.kept)
            self.pending = [p.number for p in prep.parts if p.number not in prep.kept]
            if prep.already_complete:
                self.was_completing = True
            self.phase = Phase.SENDING if self.pending else Phase.COMPLETE_DUE
            delta = sum(p.size for p in self.done.values()) - self.bytes_done
            self.bytes_done += delta
        if delta:
            self._sink.emit(Progress(self.id, delta, 0))

    def replan(self, size: int, mtime_ns: int, part_size: int, multipart: bool) -> None:
        """Start again from byte 0 with the file as it is now (the old upload is aborted)."""
        with self.lock:
            r = self.row
            r.size, r.mtime_ns, r.part_size, r.multipart = size, mtime_ns, part_size, multipart
            r.upload_id, r.upload_checksum, r.etag = None, "", ""
            self.done, self.parts, self.pending = {}, [], []
            taken_back, self.bytes_done = self.bytes_done, 0
            self.was_completing = False
        self._store.replace_parts(self.id, []).result()
        self._store.update_transfer(
            self.id,
            size=size,
            mtime_ns=mtime_ns,
            part_size=part_size,
            multipart=multipart,
            upload_id=None,
            upload_checksum="",
            etag="",
        ).result()
        if taken_back:
            self._sink.emit(Progress(self.id, -taken_back, 0))

    def record_part(self, result: PartResult) -> None:
        """A part the server acknowledged: its row is written only now."""
        self._store.add_part(self.id, PartRow(result.number, result.size, result.etag, result.checksum))
        with self.lock:
            self.done[result.number] = result
        self._sink.emit(PartDone(self.id, result.number, result.size))

    def record_object(self, etag: str, size: int | None = None) -> None:
        with self.lock:
            self.row.etag = etag
            if size is not None:
                self.row.size = size

    def forget_upload(self) -> None:
        """After an abort: the upload id and its parts are gone from the server."""
        with self.lock:
            self.row.upload_id = None
            self.done = {}
        self._store.replace_parts(self.id, [])
        self._store.update_transfer(self.id, upload_id=None)

    # ---- scheduling bookkeeping (the scheduler calls these under its own lock) ----------------
    def take_part(self) -> int:
        with self.lock:
            self.tasks += 1
            return self.pending.pop(0)

    def return_part(self, number: int) -> None:
        with self.lock:
            bisect.insort(self.pending, number)

    def add_stream_part(self, number: int, size: int) -> PartSpec:
        with self.lock:
            offset = sum(p.size for p in self.parts)
            spec = PartSpec(number, offset, size)
            self.parts.append(spec)
            return spec

    # ---- counters (worker threads, per chunk) -------------------------------------------------
    def count_sent(self, n: int) -> None:
        with self.lock:
            self.bytes_sent += n
            self.bytes_done += n
        self._sink.emit(Progress(self.id, n, n))

    def count_unsent(self, n: int) -> None:
        if n:
            with self.lock:
                self.bytes_done -= n
            self._sink.emit(Progress(self.id, -n, 0))

    def _confirmed(self) -> int:
        """Under the lock. A stopped transfer has taken back its in-flight bytes, and one loaded
        from the checkpoint counted only acknowledged parts: its ``bytes_done`` is the figure."""
        r = self.row
        if r.state is State.DONE:
            return r.size
        if r.state in (State.RUNNING, State.PAUSING, State.COMPLETING, State.VERIFYING):
            return min(self.bytes_done, sum(p.size for p in self.done.values()))
        return self.bytes_done

    def view(self) -> TransferView:
        with self.lock:
            r = self.row
            name = r.local_path
            return TransferView(
                id=r.id,
                profile=r.profile,
                local_path=name,
                bucket=r.bucket,
                key=r.key,
                size=r.size,
                state=r.state,
                done=r.size if r.state is State.DONE else self.bytes_done,
                error_code=r.error_code or "",
                error_detail=r.error_detail or "",
                confirmed=self._confirmed(),
                batch=r.batch,
                batch_label=r.batch_label,
            )
