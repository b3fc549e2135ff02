"""The move option: a local file is deleted only once its object is complete and a checksum the
server reports proves it holds the file's bytes, and the file has not changed since. On every
other outcome (failed, paused, killed, unproven, changed) the file stays.

The sequence for one file is upload -> Complete -> the engine's verify -> DONE recorded -> HEAD +
checksum proof here -> unlink. A process killed anywhere in it leaves the file; running the same
command again (skip-same is the default with the move option) proves the object and deletes then.
One thread owns the deletions, so the run waits for it before it says what it did.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from app.services.compare import BY_RECORD, Comparer, Comparison, Verdict
from engine.backends.base import Backend
from engine.digests import Digests
from engine.sources import Source
from engine.store import Store

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


class Mover:
    def __init__(self, store: Store, backend_for: Callable[[str], Backend]) -> None:
        self._store = store
        self._digests = Digests(store)
        self._backend_for = backend_for
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self.result = Moved()
        self._thread = threading.Thread(target=self._run, name="skylift-move", daemon=True)
        self._thread.start()

    def uploaded(self, transfer_id: int) -> None:
        """A transfer is DONE: prove its object and delete the file it was made from."""
        row = self._store.get_transfer(transfer_id)
        if row is None:
            return
        src = Source(row.local_path, row.key, row.size, row.mtime_ns)
        self._jobs.put(_Job(row.profile, row.bucket, src))

    def same(self, profile: str, bucket: str, src: Source, proof: Comparison) -> None:
        """skip-same left the object alone: it is the file's (a run killed before deleting)."""
        self._jobs.put(_Job(profile, bucket, src))

    def finish(self) -> Moved:
        self._jobs.put(None)
        self._thread.join()
        return self.result

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                why = self._move(job)
            except Exception as exc:  # a failed proof keeps the file; the run still says why
                log.warning("move: %s kept: %s", job.src.path, exc)
                why = f"could not prove the object: {exc}"
            if why:
                self.result.kept.append((job.src.path, why))
            else:
                self.result.deleted.append(job.src.path)

    def _move(self, job: _Job) -> str:
        """Delete the file, or say why it stays."""
        src = job.src
        if not _unchanged(src):
            return "the file changed after it was uploaded"
        backend = self._backend_for(job.profile)
        # The recorded ETag alone is not enough to delete on: ask the server for its checksum.
        proof = Comparer(backend, self._digests, job.profile, job.bucket, trust_record=False)
        info = backend.head(job.bucket, src.key)
        result = proof.compare(src, info, headed=True)
        if result.verdict is not Verdict.SAME or result.method == BY_RECORD:
            return _kept_because(result)
        if not _unchanged(src):
            return "the file changed while its object was checked"
        os.remove(src.path)
        log.info("move: deleted %s (object %s proven by %s)", src.path, src.key, result.method)
        return ""


def _unchanged(src: Source) -> bool:
    try:
        st = os.stat(src.path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == (src.size, src.mtime_ns)


def _kept_because(result: Comparison) -> str:
    if result.verdict is Verdict.UNPROVEN:
        return f"the server cannot prove the object holds the file's bytes ({result.detail})"
    if result.verdict is Verdict.MISSING:
        return "the object is not on the server"
    return f"the object is not the file's ({result.verdict.value}, by {result.method or 'size'})"
