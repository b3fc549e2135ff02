"""The scheduler: a queue of transfers, a fixed number of request slots, pause, resume, cancel.

Each unit of work (prepare, one part, complete, one small file) is a task handed to the executor;
when it ends, the scheduler picks the next one. No thread sleeps on a flag: pauses interrupt the
part bodies, and the executor only ever holds as many tasks as there are slots.
"""

from __future__ import annotations

import heapq
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from engine.backends.base import Backend, NoSuchUpload
from engine.clock import Clock, SystemClock
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.events import EventSink, Finished, PartDone, Progress, StateChanged
from engine.job import Job, Phase, StepContext, complete, prepare, put_small, upload_part, verify
from engine.plan import DEFAULT_PART_SIZE, DEFAULT_THRESHOLD
from engine.ratelimit import TokenBucket
from engine.retry import RetryPolicy
from engine.state import ACTIVE, FINAL, INTERRUPTED, State, check_transition
from engine.store import PartRow, Store, TransferRow

log = logging.getLogger("skylift.engine")
T = TypeVar("T")


class Executor(Protocol):
    def submit(self, fn: Callable[[], None]) -> object: ...


@dataclass
class EngineSettings:
    #: Requests in flight at once, across all transfers (parts or whole small files).
    concurrency: int = 4
    #: At most this many parts of one file in flight (0: no limit beyond ``concurrency``).
    parts_per_file: int = 0
    part_size: int = DEFAULT_PART_SIZE
    threshold: int = DEFAULT_THRESHOLD
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    bwlimit: int | None = None


class Engine:
    def __init__(
        self,
        store: Store,
        backend_for: Callable[[str], Backend],
        executor: Executor,
        sink: EventSink,
        settings: EngineSettings | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or EngineSettings()
        self._executor = executor
        self._sink = sink
        self._backend_for = backend_for
        self._lock = threading.RLock()
        self._count_lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._jobs: dict[int, Job] = {}
        self._active: list[Job] = []
        self._queued: list[tuple[int, int]] = []  # heap of (queue_pos, id)
        self._tasks = 0
        self._live = 0  # transfers queued or active
        self.limiter = TokenBucket(self.settings.bwlimit, clock)
        self._ctx = StepContext(
            store=store,
            backend_for=backend_for,
            limiter=self.limiter,
            retry=self.settings.retry,
            clock=clock or SystemClock(),
            on_bytes=self._on_bytes,
            on_unsent=self._on_unsent,
        )

    # ---- public control -----------------------------------------------------------------------
    def add(self, rows: list[TransferRow]) -> list[int]:
        """Queue new transfers (already planned) and start them as slots allow."""
        ids = self.store.add_transfers(rows)
        with self._lock:
            for row in rows:
                self._jobs[row.id] = Job(row)
                self._live += 1
                heapq.heappush(self._queued, (row.queue_pos, row.id))
                self._sink.emit(StateChanged(row.id, row.state))
            self._pump()
        return ids

    def load(self, ids: Iterable[int] | None = None) -> list[int]:
        """Take transfers from the checkpoint into this engine (paused, unless already final).

        A transfer that was active when its process died comes back paused.
        """
        rows = (
            self.store.list_transfers()
            if ids is None
            else [r for i in ids if (r := self.store.get_transfer(i)) is not None]
        )
        loaded = []
        done_bytes = self.store.bytes_done()  # one query, not one per transfer
        with self._lock:
            for row in rows:
                if row.id in self._jobs or row.state in FINAL:
                    continue
                job = Job(row)
                if row.state in INTERRUPTED:
                    job.was_completing = row.state in (State.COMPLETING, State.VERIFYING)
                    row.state = State.PAUSED
                    self.store.update_transfer(row.id, state=State.PAUSED)
                elif row.state is State.QUEUED:
                    row.state = State.PAUSED
                self._jobs[row.id] = job
                job.bytes_done = done_bytes.get(row.id, 0)
                loaded.append(row.id)
        return loaded

    def resume(self, ids: Iterable[int]) -> None:
        with self._lock:
            for i in ids:
                job = self._jobs.get(i)
                if job is None:
                    continue
                st = job.row.state
                if st is State.PAUSING:
                    job.resume_after_pause = True
                elif st in (State.PAUSED, State.FAILED):
                    job.error = None
                    job.interrupt = threading.Event()
                    job.phase = Phase.PREPARE
                    self._set_state(job, State.QUEUED)
                    heapq.heappush(self._queued, (job.row.queue_pos, job.id))
            self._pump()

    def resume_all(self) -> None:
        with self._lock:
            self.resume([j.id for j in self._jobs.values() if j.row.state is State.PAUSED])

    def pause(self, ids: Iterable[int]) -> None:
        with self._lock:
            for i in ids:
                job = self._jobs.get(i)
                if job is None:
                    continue
                job.resume_after_pause = False
                st = job.row.state
                if st is State.QUEUED:
                    self._set_state(job, State.PAUSED)
                elif st is State.RUNNING:
                    job.interrupt.set()
                    if job.tasks:
                        self._set_state(job, State.PAUSING)
                    else:
                        self._settle(job)

    def pause_all(self) -> None:
        with self._lock:
            self.pause(list(self._jobs))

    def cancel(self, ids: Iterable[int]) -> None:
        """Stop the transfers and abort their multipart uploads on the server."""
        with self._lock:
            for i in ids:
                job = self._jobs.get(i)
                if job is None or job.row.state in FINAL:
                    continue
                job.cancel_requested = True
                job.interrupt.set()
                if job.row.state in (State.COMPLETING, State.VERIFYING):
                    continue  # Complete is one request; cancelling now would race it
                if job.tasks == 0:
                    self._start_cancel(job)

    def set_bwlimit(self, rate: int | None) -> None:
        self.limiter.set_rate(rate)

    def set_concurrency(self, n: int) -> None:
        with self._lock:
            self.settings.concurrency = max(1, n)
            self._pump()

    @property
    def step_context(self) -> StepContext:
        return self._ctx

    def bytes_done(self, transfer_id: int) -> int:
        with self._lock:
            job = self._jobs.get(transfer_id)
            return job.bytes_done if job else 0

    def forget(self, ids: Iterable[int]) -> list[int]:
        """Drop finished transfers from memory (Remove from list, Clear finished); returns them."""
        gone = []
        with self._lock:
            for i in ids:
                job = self._jobs.get(i)
                if job is not None and job.row.state in (State.DONE, State.CANCELLED, State.FAILED):
                    if job.tasks == 0:
                        del self._jobs[i]
                        gone.append(i)
        return gone

    def job_ids(self) -> list[int]:
        with self._lock:
            return list(self._jobs)

    def state_of(self, transfer_id: int) -> State:
        with self._lock:
            return self._jobs[transfer_id].row.state

    def busy(self) -> bool:
        with self._lock:
            return self._tasks > 0 or self._live > 0

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is queued or running; True if that happened within ``timeout``."""
        with self._idle:
            return self._idle.wait_for(lambda: not self.busy(), timeout)

    # ---- scheduling ---------------------------------------------------------------------------
    def _pump(self) -> None:
        while self._tasks < self.settings.concurrency:
            task = self._next_task()
            if task is None:
                break
            self._tasks += 1
            self._executor.submit(task)

    def _next_task(self) -> Callable[[], None] | None:
        for job in self._active:
            task = self._task_for(job)
            if task is not None:
                return task
        while self._queued:
            _, tid = heapq.heappop(self._queued)
            queued = self._jobs.get(tid)
            if queued is None or queued.row.state is not State.QUEUED:
                continue
            self._set_state(queued, State.RUNNING)
            self._active.append(queued)
            task = self._task_for(queued)
            if task is not None:
                return task
        return None

    def _task_for(self, job: Job) -> Callable[[], None] | None:
        if job.row.state is not State.RUNNING or job.error is not None or job.cancel_requested:
            return None
        if job.phase is Phase.PREPARE:
            job.phase = Phase.PREPARING
            job.tasks += 1
            if not job.row.multipart:
                return lambda: self._run(job, self._do_small)
            return lambda: self._run(job, self._do_prepare)
        if job.phase is Phase.UPLOADING and job.pending:
            limit = self.settings.parts_per_file
            if limit and job.tasks >= limit:
                return None
            number = job.pending.pop(0)
            job.tasks += 1
            return lambda: self._run(job, lambda: self._do_part(job, number), number)
        if job.phase is Phase.UPLOADING and job.tasks == 0:
            job.phase = Phase.COMPLETING
        if job.phase is Phase.COMPLETING and job.tasks == 0:
            job.phase = Phase.IDLE
            job.tasks += 1
            self._set_state(job, State.COMPLETING)
            return lambda: self._run(job, self._do_complete)
        return None

    def _run(self, job: Job, step: Callable[..., None], number: int = 0) -> None:
        """Run one step on a worker thread; whatever happens, settle the job and refill slots."""
        try:
            step() if number else step(job)
        except Interrupted:
            with self._lock:
                if number:
                    job.return_part(number)
                if job.phase is Phase.PREPARING:
                    job.phase = Phase.PREPARE
        except SkyliftError as exc:
            self._fail(job, exc, number)
        except Exception as exc:
            log.exception("transfer %d: unexpected error", job.id)
            self._fail(job, SkyliftError(ErrorCode.INTERNAL, repr(exc)), number)
        finally:
            with self._lock:
                job.tasks -= 1
                self._tasks -= 1
                self._settle(job)
                self._pump()
                if not self.busy():
                    self._idle.notify_all()

    def _fail(self, job: Job, exc: SkyliftError, number: int) -> None:
        with self._lock:
            if number:
                job.return_part(number)
            if job.error is None:
                job.error = exc
                log.warning("transfer %d failed: %s", job.id, exc)
            job.interrupt.set()

    def _settle(self, job: Job) -> None:
        """Called under the lock when a task of ``job`` ended: move it to its next state."""
        if job.tasks:
            return
        st = job.row.state
        if job.cancel_requested:
            if st not in FINAL and st not in (State.COMPLETING, State.VERIFYING):
                self._start_cancel(job)
            return
        if job.error is not None and st in (State.RUNNING, State.PAUSING, State.COMPLETING, State.VERIFYING):
            self._finish(job, State.FAILED, job.error)
        elif st is State.PAUSING or (st is State.RUNNING and job.interrupt.is_set()):
            self._set_state(job, State.PAUSED)
            self._deactivate(job)
            if job.resume_after_pause:
                job.resume_after_pause = False
                self.resume([job.id])

    def _deactivate(self, job: Job) -> None:
        if job in self._active:
            self._active.remove(job)

    # ---- steps (worker threads) ------------------------------------------------------------------
    def _control(self, job: Job, fn: Callable[[], T]) -> T:
        """Retry a control request (create, list, complete, head) through transient failures."""
        attempt = 0
        while True:
            try:
                return fn()
            except SkyliftError as exc:
                attempt += 1
                if exc.code not in (ErrorCode.NETWORK, ErrorCode.SERVER) or (
                    attempt > self.settings.retry.retries
                ):
                    raise
                delay = self.settings.retry.delay(attempt)
                log.info("transfer %d: %s; retry %d in %.1f s", job.id, exc, attempt, delay)
                if self._ctx.clock.wait(job.interrupt, delay):
                    raise Interrupted() from None

    def _do_prepare(self, job: Job) -> None:
        self._control(job, lambda: prepare(self._ctx, job))
        with self._lock:
            done = sum(p.size for p in job.done.values())
            with self._count_lock:
                delta = done - job.bytes_done
                job.bytes_done = done
            if delta:
                self._sink.emit(Progress(job.id, delta, 0))

    def _do_small(self, job: Job) -> None:
        result = put_small(self._ctx, job)
        with self._lock:
            job.done = {1: result}
            job.row.etag = result.etag
            self._finish(job, State.DONE)

    def _do_part(self, job: Job, number: int) -> None:
        result = upload_part(self._ctx, job, number)
        self.store.add_part(job.id, PartRow(number, result.size, result.etag, result.checksum))
        with self._lock:
            job.done[number] = result
        self._sink.emit(PartDone(job.id, number, result.size))

    def _do_complete(self, job: Job) -> None:
        try:
            etag, parts, expected = self._control(job, lambda: complete(self._ctx, job))
        except NoSuchUpload as exc:
            raise SkyliftError(ErrorCode.SERVER, f"the upload vanished during Complete: {exc}") from None
        with self._lock:
            job.row.etag = etag
            self._set_state(job, State.VERIFYING)
        backend = self._ctx.backend_for(job.row.profile)
        self._control(job, lambda: verify(backend, job.row, parts, etag, expected))
        with self._lock:
            self._finish(job, State.DONE)

    def _start_cancel(self, job: Job) -> None:
        job.tasks += 1
        self._tasks += 1  # the abort is a request like any other

        def run() -> None:
            code: SkyliftError | None = None
            row = job.row
            if row.upload_id:
                try:
                    self._backend_for(row.profile).abort(row.bucket, row.key, row.upload_id)
                except NoSuchUpload:
                    pass
                except SkyliftError as exc:
                    code = SkyliftError(ErrorCode.ABORT_FAILED, exc.detail, exc.request_id)
            with self._lock:
                job.tasks -= 1
                self._tasks -= 1
                if code is None:
                    self.store.replace_parts(job.id, [])
                job.cancel_requested = False
                self._finish(job, State.CANCELLED, code)
                self._pump()
                if not self.busy():
                    self._idle.notify_all()

        self._executor.submit(run)

    # ---- bookkeeping (under the lock) -------------------------------------------------------------
    def _set_state(self, job: Job, state: State, error: SkyliftError | None = None) -> None:
        old = job.row.state
        if old is state:
            return
        check_transition(old, state)
        live = {State.QUEUED} | ACTIVE
        self._live += (state in live) - (old in live)
        job.row.state = state
        code = error.code.value if error else None
        detail = error.detail if error else None
        if error is not None and error.request_id:
            detail = f"{detail} (request id {error.request_id})"
        job.row.error_code, job.row.error_detail = code, detail
        fields: dict[str, object] = {"state": state, "error_code": code, "error_detail": detail}
        if state is State.DONE:
            fields["etag"] = job.row.etag
        self.store.update_transfer(job.id, **fields)
        self._sink.emit(StateChanged(job.id, state, code, detail))

    def _finish(self, job: Job, state: State, error: SkyliftError | None = None) -> None:
        self._set_state(job, state, error)
        self._deactivate(job)
        row = job.row
        self._sink.emit(
            Finished(
                transfer_id=job.id,
                state=state,
                bucket=row.bucket,
                key=row.key,
                size=row.size,
                bytes_sent=job.bytes_sent,
                parts=len(job.done) if row.multipart else 0,
                etag=row.etag,
                error_code=error.code.value if error else None,
                detail=error.detail if error else None,
            )
        )

    def _on_bytes(self, job: Job, n: int) -> None:
        # Its own small lock: the scheduler's lock is busy, and this runs for every chunk.
        with self._count_lock:
            job.bytes_sent += n
            job.bytes_done += n
        self._sink.emit(Progress(job.id, n, n))

    def _on_unsent(self, job: Job, n: int) -> None:
        if n:
            with self._count_lock:
                job.bytes_done -= n
            self._sink.emit(Progress(job.id, -n, 0))
