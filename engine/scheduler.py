"""The scheduler: a queue of transfers, a fixed number of request slots, and settling.

Each unit of work (restart, prepare, one part, Complete, one small file, one part of a stream)
is a task handed to the executor; when it ends, the scheduler settles its transfer and picks the
next task. The transfers' coordinators (``engine.transfer``) own their state; the scheduler keeps
only the slots, the queue and the claim this process holds on its transfers (a lease in the DB).
Lock order: the scheduler's lock, then a transfer's.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from engine.backends.base import Backend, NoSuchUpload, PartResult
from engine.clock import Clock, SystemClock
from engine.digests import Digests, Made, upload_digests
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.events import Added, EventSink, TransferView
from engine.lease import Holder, is_dead, this_process
from engine.plan import DEFAULT_PART_SIZE, DEFAULT_THRESHOLD
from engine.ratelimit import TokenBucket
from engine.retry import RetryPolicy
from engine.state import ACTIVE, FINAL, INTERRUPTED, State
from engine.steps import (
    StepContext,
    abort_upload,
    complete,
    prepare,
    put_small,
    restart,
    send_part,
    upload_part,
    verify,
)
from engine.store import CheckpointUnwritable, Store, StoreError, TransferRow
from engine.stream import next_chunk, start_stream
from engine.transfer import Phase, StreamState, Transfer

log = logging.getLogger("skylift.engine")
_LIVE = frozenset({State.QUEUED}) | ACTIVE


class Executor(Protocol):
    def submit(self, fn: Callable[[], None]) -> object: ...


@dataclass
class EngineSettings:
    #: Requests in flight at once, across all transfers (parts or whole small files).
    concurrency: int = 4
    #: At most this many parts of one file in flight (0: no limit beyond ``concurrency``).
    parts_per_file: int = 0
    #: At most this many files uploading at once (0: as many as ``concurrency`` keeps busy).
    files_at_once: int = 0
    #: A transfer the network gave up on pauses (keeping its parts) instead of failing: the
    #: window watches the endpoint and resumes it; a command line says it failed and stops.
    pause_on_network: bool = False
    part_size: int = DEFAULT_PART_SIZE
    threshold: int = DEFAULT_THRESHOLD
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    bwlimit: int | None = None
    #: On resume, prove the parts the server holds against the file (not only its size and time).
    reprove_parts: bool = True


@dataclass
class Loaded:
    """What ``Engine.load`` took in, and what another live process holds (left untouched)."""

    ids: list[int] = field(default_factory=list)
    held: dict[int, Holder] = field(default_factory=dict)


class Engine:
    def __init__(
        self,
        store: Store,
        backend_for: Callable[[str], Backend],
        executor: Executor,
        sink: EventSink,
        settings: EngineSettings | None = None,
        clock: Clock | None = None,
        holder: Holder | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or EngineSettings()
        self.holder = holder or this_process()
        self._executor = executor
        self._sink = sink
        self._backend_for = backend_for
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)
        self._transfers: dict[int, Transfer] = {}
        self._held: set[int] = set()
        self._active: list[Transfer] = []
        #: Where the next round-robin look over ``_active`` starts.
        self._turn = 0
        self._queued: list[tuple[int, int]] = []  # heap of (queue_pos, id)
        self._tasks = 0
        self._live = 0  # transfers queued or active
        self.limiter = TokenBucket(self.settings.bwlimit, clock)
        self._clock = clock or SystemClock()
        #: Requests in flight allowed now: halved when the server says SlowDown, then raised by
        #: one after every 4 x limit requests that succeed, back up to ``settings.concurrency``.
        self._limit = self.settings.concurrency
        self._good = 0
        self._throttled_at = -1e9
        #: The process is leaving with requests still stuck in flight (see ``abandon``).
        self._abandoned = False
        #: The last refused key's error, already spread to its profile's other transfers.
        self._refusal: SkyliftError | None = None
        self._digests = Digests(store)
        self._ctx = StepContext(
            backend_for=backend_for,
            limiter=self.limiter,
            retry=self.settings.retry,
            clock=self._clock,
            part_size=lambda: self.settings.part_size,
            threshold=lambda: self.settings.threshold,
            reprove=lambda: self.settings.reprove_parts,
            on_throttle=self._throttle,
            on_retry=sink.emit,
        )
        #: SSE-C keys given to this run: the app adds them, the steps read them (memory only).
        self.keys = self._ctx.keys
        store.on_write_failure(self._on_checkpoint_failure)

    # ---- taking transfers in ------------------------------------------------------------------
    def add(self, rows: list[TransferRow]) -> list[int]:
        """Queue new transfers (already planned), held by this process from the same transaction."""
        for row in rows:
            row.state = State.QUEUED
        ids = self.store.add_transfers(rows, self.holder)
        with self._lock:
            made = [self._take_in(row) for row in rows]
            self._held.update(ids)
            for t in made:
                self._live += 1
                heapq.heappush(self._queued, (t.row.queue_pos, t.id))
            self._sink.emit(Added(tuple(t.view() for t in made)))
            self._pump()
        return ids

    def adopt(self, row: TransferRow) -> int:
        """Take over an upload begun elsewhere: its parts are proven against the file in prepare."""
        if not row.upload_id or not row.multipart:
            raise ValueError("an adopted transfer names the multipart upload it continues")
        (tid,) = self.add([row])
        return tid

    def add_stream(self, row: TransferRow, source: BinaryIO) -> int:
        """Queue an upload from a non-seekable source of unknown length (standard input)."""
        row.state = State.QUEUED
        (tid,) = self.store.add_transfers([row], self.holder)
        with self._lock:
            t = self._take_in(row)
            t.stream = StreamState(source)
            self._held.add(tid)
            self._live += 1
            heapq.heappush(self._queued, (row.queue_pos, tid))
            self._sink.emit(Added((t.view(),)))
            self._pump()
        return tid

    def load(self, ids: Iterable[int] | None = None, include_finished: bool = False) -> Loaded:
        """Take transfers from the checkpoint into this engine, paused unless finished.

        Unfinished ones are claimed for this process first; those another live process holds
        are reported in ``Loaded.held`` and not touched. A transfer that was active when its
        process died comes back paused.
        """
        wanted = None if ids is None else list(ids)

        def read() -> list[TransferRow]:
            if wanted is None:
                return self.store.list_transfers()
            return [r for i in wanted if (r := self.store.get_transfer(i)) is not None]

        first = [r for r in read() if r.id not in self._transfers]
        got, held = self.store.claim([r.id for r in first if r.state not in FINAL], self.holder, is_dead)
        mine = set(got)
        # Read again now that the claim is ours: the last holder may have written until it let go.
        rows = [r for r in read() if r.id not in self._transfers] if mine else first
        done_bytes = self.store.bytes_done()  # one query, not one per transfer
        out = Loaded(held=held)
        with self._lock:
            made: list[Transfer] = []
            for row in rows:
                if row.state in FINAL and not include_finished:
                    continue
                if row.state not in FINAL and row.id not in mine:
                    continue
                t = self._take_in(row)
                t.bytes_done = done_bytes.get(row.id, 0)
                dying = row.state
                if dying in INTERRUPTED or dying is State.QUEUED:
                    # Through the coordinator (checked, written); views hear it in the Added view.
                    t.was_completing = dying in (State.COMPLETING, State.VERIFYING)
                    t.set_state(State.PAUSED, announce=False)
                if row.state not in FINAL:
                    self._held.add(row.id)
                    out.ids.append(row.id)
                made.append(t)
            if made:
                self._sink.emit(Added(tuple(t.view() for t in made)))
        return out

    def _take_in(self, row: TransferRow) -> Transfer:
        t = Transfer(row, self.store, self._sink)
        self._transfers[row.id] = t
        return t

    # ---- control --------------------------------------------------------------------------------
    def resume(self, ids: Iterable[int]) -> None:
        with self._lock:
            for i in ids:
                t = self._transfers.get(i)
                if t is None:
                    continue
                if t.state is State.PAUSING:
                    t.resume_after_pause = True
                elif t.state in (State.PAUSED, State.FAILED):
                    self._requeue(t, t.phase if t.phase is Phase.RESTART_DUE else Phase.PREPARE_DUE)
            self._pump()

    def restart(self, ids: Iterable[int]) -> list[int]:
        """Start again from byte 0 with the file as it is now; the old upload is aborted first."""
        out = []
        with self._lock:
            for i in ids:
                t = self._transfers.get(i)
                if t is not None and t.state in (State.PAUSED, State.FAILED) and t.stream is None:
                    self._requeue(t, Phase.RESTART_DUE)
                    out.append(i)
            self._pump()
        return out

    def _requeue(self, t: Transfer, phase: Phase) -> None:
        t.error = None
        t.interrupt = threading.Event()
        t.phase = phase
        self._set(t, State.QUEUED)
        heapq.heappush(self._queued, (t.row.queue_pos, t.id))

    def resume_all(self) -> None:
        with self._lock:
            self.resume([t.id for t in self._transfers.values() if t.state is State.PAUSED])

    def pause(self, ids: Iterable[int]) -> None:
        with self._lock:
            for i in ids:
                t = self._transfers.get(i)
                if t is None:
                    continue
                t.resume_after_pause = False
                if t.stream is not None and t.state in _LIVE:
                    # A stream cannot be read again: pausing it ends it, and its parts go.
                    self._cancel(
                        t, SkyliftError(ErrorCode.STREAM_NOT_RESUMABLE, "interrupted; the upload was aborted")
                    )
                elif t.state is State.QUEUED:
                    self._set(t, State.PAUSED)
                elif t.state is State.RUNNING:
                    t.interrupt.set()
                    if t.tasks:
                        self._set(t, State.PAUSING)
                    else:
                        self._settle(t)

    def pause_all(self) -> None:
        with self._lock:
            self.pause(list(self._transfers))

    def cancel(self, ids: Iterable[int]) -> None:
        """Stop the transfers and abort their multipart uploads on the server."""
        with self._lock:
            for i in ids:
                t = self._transfers.get(i)
                if t is not None and t.state not in FINAL:
                    self._cancel(t, None)

    def _cancel(self, t: Transfer, reason: SkyliftError | None) -> None:
        t.cancel_requested = True
        t.cancel_reason = reason
        t.interrupt.set()
        if t.state in (State.COMPLETING, State.VERIFYING):
            return  # Complete is one request; cancelling now would race it
        if t.tasks == 0:
            self._start_abort(t)

    def set_bwlimit(self, rate: int | None) -> None:
        self.limiter.set_rate(rate)

    def set_retry(self, policy: RetryPolicy) -> None:
        """Retry count and interval for the next error, on every transfer."""
        self.settings.retry = policy
        self._ctx.retry = policy

    def set_concurrency(self, n: int) -> None:
        with self._lock:
            self.settings.concurrency = self._limit = max(1, n)
            self._pump()

    @property
    def in_flight_limit(self) -> int:
        """Requests allowed in flight now (lower than the setting while the server throttles)."""
        with self._lock:
            return min(self._limit, self.settings.concurrency)

    def _throttle(self) -> None:
        with self._lock:
            now = self._clock.monotonic()
            # Every request in flight may meet the same SlowDown: one halving per second.
            if now - self._throttled_at < 1.0:
                return
            self._throttled_at = now
            self._good = 0
            limit = max(1, min(self._limit, self.settings.concurrency) // 2)
            if limit < self._limit:
                log.warning("the server asked to slow down: %d requests at once for now", limit)
            self._limit = limit

    def _recovering(self) -> None:
        if self._limit >= self.settings.concurrency:
            return
        self._good += 1
        if self._good >= 4 * self._limit:
            self._limit, self._good = self._limit + 1, 0

    def forget(self, ids: Iterable[int]) -> list[int]:
        """Drop finished transfers from this engine (Remove from list, Clear finished)."""
        gone = []
        with self._lock:
            for i in ids:
                t = self._transfers.get(i)
                if t is not None and t.state in (State.DONE, State.CANCELLED, State.FAILED) and t.tasks == 0:
                    del self._transfers[i]
                    self._held.discard(i)
                    gone.append(i)
        self.store.release(gone, self.holder)
        return gone

    def abandon(self) -> list[int]:
        """The process exits now, though requests are stuck in flight (a stalled link can hold a
        socket for minutes): record every transfer still pausing as paused, which its checkpoint
        already allows (a part is recorded only after the server acknowledged it), and ignore
        whatever the stuck requests do before the process is gone. Transfers completing stay
        "completing": a resume looks at the server before completing again. Returns the ids
        recorded as paused."""
        with self._lock:
            self._abandoned = True
            paused = [t for t in self._transfers.values() if t.state is State.PAUSING]
            for t in paused:
                self._set(t, State.PAUSED)
                self._deactivate(t)
            self._idle.notify_all()
        return [t.id for t in paused]

    @property
    def abandoned(self) -> bool:
        with self._lock:
            return self._abandoned

    def close(self) -> None:
        """Give up this process's claim on every transfer (the process is about to exit)."""
        with self._lock:
            held, self._held = list(self._held), set()
        # A lease that cannot be given back is taken over by the next process (this one is dead).
        with contextlib.suppress(CheckpointUnwritable):
            self.store.release(held, self.holder).result()

    def _on_checkpoint_failure(self, exc: CheckpointUnwritable) -> None:
        """The checkpoint cannot follow the transfers any more: stop them all (what the server got
        meanwhile is proven on resume), rather than upload on with nothing to resume from."""
        error = SkyliftError(ErrorCode.CHECKPOINT, str(exc))
        with self._lock:
            for t in list(self._transfers.values()):
                if t.state in ACTIVE:
                    self._fail(t, error, 0)
                elif t.state is State.QUEUED:
                    self._finish(t, State.FAILED, error)
            if not self.busy():
                self._idle.notify_all()

    # ---- reading --------------------------------------------------------------------------------
    def views(self, ids: Iterable[int] | None = None) -> list[TransferView]:
        with self._lock:
            ts = (
                list(self._transfers.values())
                if ids is None
                else [t for i in ids if (t := self._transfers.get(i)) is not None]
            )
        return [t.view() for t in ts]

    def ids(self, states: Iterable[State] | None = None, profile: str | None = None) -> list[int]:
        wanted = None if states is None else frozenset(states)
        with self._lock:
            return [
                t.id
                for t in self._transfers.values()
                if (wanted is None or t.state in wanted) and (profile is None or t.row.profile == profile)
            ]

    def transfer(self, transfer_id: int) -> Transfer | None:
        with self._lock:
            return self._transfers.get(transfer_id)

    def state_of(self, transfer_id: int) -> State:
        with self._lock:
            return self._transfers[transfer_id].state

    def bytes_done(self, transfer_id: int) -> int:
        with self._lock:
            t = self._transfers.get(transfer_id)
        return t.view().done if t else 0

    def progress_of(self, transfer_id: int) -> tuple[int, int]:
        """(bytes done including those in flight, bytes of acknowledged parts)."""
        with self._lock:
            t = self._transfers.get(transfer_id)
        if t is None:
            return 0, 0
        v = t.view()
        return v.done, v.confirmed

    def busy(self) -> bool:
        with self._lock:
            return not self._abandoned and (self._tasks > 0 or self._live > 0)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is queued or running; True if that happened within ``timeout``."""
        with self._idle:
            return self._idle.wait_for(lambda: not self.busy(), timeout)

    # ---- scheduling (under the lock) ----------------------------------------------------------------
    def _pump(self) -> None:
        while self._tasks < min(self.settings.concurrency, self._limit):
            task = self._next_task()
            if task is None:
                break
            self._tasks += 1
            self._executor.submit(task)

    def _next_task(self) -> Callable[[], None] | None:
        # Round robin: the slot goes to the file after the one served last, so one big file
        # cannot take every slot while the others wait.
        n = len(self._active)
        for i in range(n):
            t = self._active[(self._turn + i) % n]
            task = self._task_for(t)
            if task is not None:
                self._turn = (self._turn + i + 1) % n
                return task
        files = self.settings.files_at_once
        while self._queued and not (files and len(self._active) >= files):
            _, tid = heapq.heappop(self._queued)
            queued = self._transfers.get(tid)
            if queued is None or queued.state is not State.QUEUED:
                continue
            self._set(queued, State.RUNNING)
            self._active.append(queued)
            task = self._task_for(queued)
            if task is not None:
                return task
        return None

    def _task_for(self, t: Transfer) -> Callable[[], None] | None:
        if t.state is not State.RUNNING or t.error is not None or t.cancel_requested:
            return None
        if t.phase is Phase.RESTART_DUE:
            return self._one_step(t, self._do_restart)
        if t.phase is Phase.PREPARE_DUE:
            if t.stream is not None:
                return self._one_step(t, self._do_stream_start)
            return self._one_step(t, self._do_prepare if t.row.multipart else self._do_small)
        if t.phase is Phase.SENDING:
            limit = self.settings.parts_per_file
            if limit and t.tasks >= limit:
                return None
            if t.stream is not None:
                if t.stream.eof:
                    return self._complete_when_quiet(t)
                t.tasks += 1
                return lambda: self._run(t, lambda: self._do_stream_part(t))
            if t.pending:
                number = t.take_part()
                return lambda: self._run(t, lambda: self._do_part(t, number), number)
            return self._complete_when_quiet(t)
        if t.phase is Phase.COMPLETE_DUE:
            return self._complete_when_quiet(t)
        return None

    def _one_step(self, t: Transfer, step: Callable[[Transfer], None]) -> Callable[[], None]:
        t.step_of, t.phase = t.phase, Phase.IN_STEP
        t.tasks += 1
        return lambda: self._run(t, lambda: step(t))

    def _complete_when_quiet(self, t: Transfer) -> Callable[[], None] | None:
        t.phase = Phase.COMPLETE_DUE
        if t.tasks:
            return None
        t.phase = Phase.SETTLED
        t.tasks += 1
        self._set(t, State.COMPLETING)
        return lambda: self._run(t, lambda: self._do_complete(t))

    def _run(self, t: Transfer, step: Callable[[], None], number: int = 0) -> None:
        """Run one step on a worker thread; whatever happens, settle the transfer and refill slots."""
        ok = False
        try:
            step()
            ok = True
        except Interrupted:
            with self._lock:
                if number:
                    t.return_part(number)
                if t.phase is Phase.IN_STEP:
                    t.phase = t.step_of  # the step is due again on resume
        except SkyliftError as exc:
            self._fail(t, exc, number)
        except NoSuchUpload as exc:
            self._fail(t, SkyliftError(ErrorCode.SERVER, f"the upload vanished: {exc}"), number)
        except StoreError as exc:
            self._fail(t, SkyliftError(ErrorCode.CHECKPOINT, str(exc)), number)
        except Exception as exc:
            log.exception("transfer %d: unexpected error", t.id)
            self._fail(t, SkyliftError(ErrorCode.INTERNAL, repr(exc)), number)
        finally:
            with self._lock:
                # Once abandoned, the process is leaving: a stuck request's end changes nothing.
                if not self._abandoned:
                    self._task_ended(t, ok)

    def _task_ended(self, t: Transfer, ok: bool) -> None:
        t.tasks -= 1
        self._tasks -= 1
        if ok:
            self._recovering()
        self._settle(t)
        self._pump()
        if not self.busy():
            self._idle.notify_all()

    def _fail(self, t: Transfer, exc: SkyliftError, number: int) -> None:
        with self._lock:
            if number:
                t.return_part(number)
            if t.error is None:
                t.error = exc
                log.warning("transfer %d failed: %s", t.id, exc)
            t.interrupt.set()

    def _settle(self, t: Transfer) -> None:
        """Called under the lock when a task of ``t`` ended: move it to its next state."""
        if t.tasks:
            return
        st = t.state
        if t.cancel_requested:
            if st not in FINAL and st not in (State.COMPLETING, State.VERIFYING):
                self._start_abort(t)
            return
        if t.error is not None and t.stream is not None and st in ACTIVE:
            # A failed stream cannot continue later: its parts go now.
            self._cancel(t, t.error)
        elif t.error is not None and st in ACTIVE and t.error.code is ErrorCode.AUTH:
            self._hold_for_credentials(t, t.error)
        elif (
            t.error is not None
            and st in ACTIVE
            and t.error.code is ErrorCode.NETWORK
            and self.settings.pause_on_network
        ):
            self._set(t, State.PAUSED, t.error)
            self._deactivate(t)
            t.resume_after_pause = False
        elif t.error is not None and st in ACTIVE:
            self._finish(t, State.FAILED, t.error)
        elif st is State.PAUSING or (st is State.RUNNING and t.interrupt.is_set()):
            self._set(t, State.PAUSED)
            self._deactivate(t)
            if t.resume_after_pause:
                t.resume_after_pause = False
                self.resume([t.id])

    def _hold_for_credentials(self, t: Transfer, error: SkyliftError) -> None:
        """The server refused the key (expired token, wrong secret): pause, not fail. The upload
        id and the acknowledged parts stay; a resume once the profile's key is fixed goes on.
        The profile's other transfers would be refused one by one: they pause with the same
        words now."""
        self._set(t, State.PAUSED, error)
        self._deactivate(t)
        t.resume_after_pause = False
        if error is self._refusal:
            return  # one of the transfers this refusal already held, settling now
        self._refusal = error
        for other in list(self._transfers.values()):
            if other is t or other.row.profile != t.row.profile or other.stream is not None:
                continue
            if other.state is State.QUEUED:
                self._set(other, State.PAUSED, error)
            elif other.state is State.RUNNING and other.error is None:
                # Settles through here again once its requests in flight have stopped.
                other.error = error
                other.interrupt.set()
                if not other.tasks:
                    self._settle(other)

    def _deactivate(self, t: Transfer) -> None:
        if t in self._active:
            self._active.remove(t)

    def _set(self, t: Transfer, state: State, error: SkyliftError | None = None) -> None:
        old = t.set_state(state, error)
        self._live += (state in _LIVE) - (old in _LIVE)

    def _finish(self, t: Transfer, state: State, error: SkyliftError | None = None) -> None:
        self._set(t, state, error)
        self._deactivate(t)
        self._sink.emit(t.finished())

    # ---- steps (worker threads) -------------------------------------------------------------------
    def _do_restart(self, t: Transfer) -> None:
        size, mtime_ns, part_size, multipart = restart(self._ctx, t)
        t.replan(size, mtime_ns, part_size, multipart)
        with self._lock:
            t.phase = Phase.PREPARE_DUE

    def _do_prepare(self, t: Transfer) -> None:
        def local() -> dict[int, PartResult]:
            rows = self.store.parts(t.id)
            return {n: PartResult(n, p.etag, p.size, p.checksum) for n, p in rows.items()}

        t.apply_prepared(prepare(self._ctx, t, local))

    def _do_small(self, t: Transfer) -> None:
        result = put_small(self._ctx, t)
        self._small_done(t, result)

    def _small_done(self, t: Transfer, result: PartResult, size: int | None = None) -> None:
        t.record_object(result.etag, size)
        self._remember(t, [result])
        with self._lock:
            t.done = {1: result}
            self._finish(t, State.DONE)

    def _do_part(self, t: Transfer, number: int) -> None:
        t.record_part(upload_part(self._ctx, t, t.parts[number - 1]))

    def _do_stream_start(self, t: Transfer) -> None:
        assert t.stream is not None
        small = start_stream(self._ctx, t)
        if small is not None:
            data, result = small
            self._small_done(t, result, len(data))
            return
        with self._lock:
            t.phase = Phase.SENDING

    def _do_stream_part(self, t: Transfer) -> None:
        chunk = next_chunk(self._ctx, t)
        if chunk is None:
            return
        number, data = chunk
        backend = self._backend_for(t.row.profile)
        t.record_part(send_part(self._ctx, t, backend, t.row.upload_id or "", number, data))

    def _do_complete(self, t: Transfer) -> None:
        parts = [t.done[p.number] for p in t.parts]
        if t.stream is not None:
            t.record_object("", t.stream.size)
        etag = complete(self._ctx, t, parts)
        t.record_object(etag)
        with self._lock:
            self._set(t, State.VERIFYING)
        verify(self._ctx, t, parts, etag)
        self._remember(t, parts)
        with self._lock:
            self._finish(t, State.DONE)

    def _remember(self, t: Transfer, parts: list[PartResult]) -> None:
        """What the verified upload proved about the file and the object: a re-run or a verify
        then needs neither to read the file again nor to ask the server for more than a list."""
        if t.stream is not None:
            return
        row = t.row
        provider = self._backend_for(row.profile).provider
        self._digests.put(upload_digests(provider, row, parts))
        if row.etag:
            made = Made(row.local_path, row.size, row.mtime_ns, row.etag)
            self._digests.record_made(row.profile, row.bucket, row.key, made)

    def _start_abort(self, t: Transfer) -> None:
        """Cancel: abort the multipart upload on the server, then settle as cancelled."""
        t.tasks += 1
        self._tasks += 1  # the abort is a request like any other

        def run() -> None:
            failure: SkyliftError | None = None
            if t.row.upload_id:
                try:
                    abort_upload(self._ctx, t)
                except SkyliftError as exc:
                    failure = SkyliftError(ErrorCode.ABORT_FAILED, exc.detail, exc.request_id)
            with self._lock:
                if self._abandoned:
                    return
            if failure is None:
                t.forget_upload()
            with self._lock:
                t.tasks -= 1
                self._tasks -= 1
                t.cancel_requested = False
                reason = failure or t.cancel_reason
                failed = t.stream is not None and t.error is not None
                self._finish(t, State.FAILED if failed else State.CANCELLED, reason)
                self._pump()
                if not self.busy():
                    self._idle.notify_all()

        self._executor.submit(run)
