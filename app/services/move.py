"""The move option: a local file is deleted only once its object is complete and a checksum the
server reports proves it holds the file's bytes, and the file has not changed since. On every
other outcome (failed, paused, killed, unproven, changed) the file stays.

The sequence for one file is upload -> Complete -> the engine's verify -> DONE recorded -> HEAD +
checksum proof here -> unlink. A process killed anywhere in it leaves the file; running the same
command again (skip-same is the default with the move option) proves the object and deletes then;
so do ``skylift resume`` and the window, from the transfer's recorded intent (``delete_after``).
One thread owns the deletions, so a run waits for it before it says what it did.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from app.services.compare import BY_RECORD, Comparer, Comparison, Verdict
from engine.backends.base import Backend
from engine.digests import Digests
from engine.errors import SkyliftError
from engine.sources import Source
from engine.state import State
from engine.store import Store, StoreError

log = logging.getLogger("skylift.move")


@dataclass
class Moved:
    deleted: list[str] = field(default_factory=list)
    #: (path, why it stays)
    kept: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    profile: str
    bucket: str
    src: Source
    #: The transfer whose ``delete_after`` intent this settles (0: a skip-same proof).
    transfer_id: int = 0


class _Retry(Exception):
    """The proof could not be had now (the server did not answer): the intent stays for later."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code


@dataclass(frozen=True)
class Why:
    """Why a file stays: a code the window translates, and the sentence the command line prints."""

    code: str
    text: str


#: Codes of ``Why``.
CHANGED, UNPROVEN, MISSING, DIFFERENT, UNREACHABLE, STOPPED, ERROR = (
    "changed",
    "unproven",
    "missing",
    "different",
    "unreachable",
    "stopped",
    "error",
)


DELETED = Why("", "")


class Mover:
    """Owned by ``AppCore``: one thread does every deletion, in the order the proofs were asked."""

    def __init__(self, store: Store, backend_for: Callable[[str], Backend]) -> None:
        self._store = store
        self._digests = Digests(store)
        self._backend_for = backend_for
        self._jobs: queue.Queue[_Job | int | None] = queue.Queue()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending = 0
        self._result = Moved()
        self._listeners: list[Callable[[str, str], None]] = []
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._run, name="skylift-move", daemon=True)
        self._thread.start()

    def on_result(self, listener: Callable[[str, str], None]) -> None:
        """``listener(path, code)`` for each file settled: ``code`` (a ``Why`` code) is empty when
        it was deleted."""
        self._listeners.append(listener)

    def uploaded(self, transfer_id: int) -> None:
        """A transfer is DONE (an event; cheap): if it was asked to move, prove and delete."""
        self._put(transfer_id)

    def same(self, profile: str, bucket: str, src: Source) -> None:
        """skip-same left the object alone because it is the file's (a run killed before it
        deleted): prove it once more, by the server's checksum, and delete."""
        self._put(_Job(profile, bucket, src))

    def sweep(self) -> int:
        """Queue the transfers DONE with the move still to do (the process that uploaded them
        stopped first); returns how many."""
        rows = [
            r
            for r in self._store.list_transfers([State.DONE])
            if r.delete_after and os.path.exists(r.local_path)
        ]
        for r in rows:
            self._put(r.id)
        return len(rows)

    def drain(self, timeout: float | None = None) -> Moved:
        """Wait until every queued proof is settled; returns what was settled since the last drain."""
        with self._lock:
            self._idle.wait_for(lambda: self._pending == 0, timeout)
            out, self._result = self._result, Moved()
        return out

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop after the proof under way: the queued ones keep their intent in the checkpoint
        (``sweep`` finds them next time), and nothing is deleted after this returns."""
        self._closing.set()
        self._jobs.put(None)
        self._thread.join(timeout_s)

    def _put(self, job: _Job | int) -> None:
        with self._lock:
            self._pending += 1
        self._jobs.put(job)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                self._settle(job)
            finally:
                with self._lock:
                    self._pending -= 1
                    self._idle.notify_all()

    def _settle(self, item: _Job | int) -> None:
        if self._closing.is_set():
            return
        job = self._job_for(item) if isinstance(item, int) else item
        if job is None:
            return
        try:
            why = self._move(job)
        except _Retry as exc:
            why = Why(exc.code, str(exc))
        except Exception as exc:  # a failed proof keeps the file; the run still says why
            log.warning("move: %s kept: %s", job.src.path, exc)
            why = Why(ERROR, f"could not prove the object: {exc}")
        else:
            if job.transfer_id:
                # Settled either way: deleted, or a file that is no longer the one uploaded. (A
                # checkpoint closed under a late proof keeps the intent: the next sweep finds
                # the file gone and clears it.)
                with contextlib.suppress(StoreError):
                    self._store.update_transfer(job.transfer_id, delete_after=False)
            if why is None:
                return
        with self._lock:
            if why.code:
                self._result.kept.append((job.src.path, why.text))
            else:
                self._result.deleted.append(job.src.path)
        for listener in list(self._listeners):
            listener(job.src.path, why.code)

    def _job_for(self, transfer_id: int) -> _Job | None:
        # The DONE came from the engine's event (its state write may still be queued) or from
        # ``sweep``'s query of DONE rows: either way the transfer is done; the row says whether
        # it was asked to move.
        row = self._store.get_transfer(transfer_id)
        if row is None or not row.delete_after:
            return None
        if not os.path.exists(row.local_path):
            self._store.update_transfer(transfer_id, delete_after=False)  # moved already
            return None
        src = Source(row.local_path, row.key, row.size, row.mtime_ns)
        return _Job(row.profile, row.bucket, src, transfer_id)

    def _move(self, job: _Job) -> Why | None:
        """Delete the file (``DELETED``), say why it stays, or None: no file to move any more."""
        src = job.src
        if not os.path.lexists(src.path):
            return None  # moved already (a sweep and a skip-same proof can both name a file)
        if not _unchanged(src):
            return Why(CHANGED, "the file changed after it was uploaded")
        backend = self._backend_for(job.profile)
        # The recorded ETag alone is not enough to delete on: ask the server for its checksum.
        proof = Comparer(backend, self._digests, job.profile, job.bucket, trust_record=False)
        try:
            info = backend.head(job.bucket, src.key)
        except SkyliftError as exc:
            raise _Retry(
                UNREACHABLE, f"could not ask the server for the object ({exc}); tried again next run"
            ) from None
        result = proof.compare(src, info, headed=True)
        if result.verdict is not Verdict.SAME or result.method == BY_RECORD:
            return _kept_because(result)
        if not _unchanged(src):
            return Why(CHANGED, "the file changed while its object was checked")
        if self._closing.is_set():
            raise _Retry(STOPPED, "the run ended before the file could be deleted; tried again next run")
        os.remove(src.path)
        log.info("move: deleted %s (object %s proven by %s)", src.path, src.key, result.method)
        return DELETED


def _unchanged(src: Source) -> bool:
    try:
        st = os.stat(src.path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == (src.size, src.mtime_ns)


def _kept_because(result: Comparison) -> Why:
    if result.verdict is Verdict.UNPROVEN:
        return Why(UNPROVEN, f"the server cannot prove the object holds the file's bytes ({result.detail})")
    if result.verdict is Verdict.MISSING:
        return Why(MISSING, "the object is not on the server")
    return Why(
        DIFFERENT, f"the object is not the file's ({result.verdict.value}, by {result.method or 'size'})"
    )
