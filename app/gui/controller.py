"""The GUI's one door into the engine: queue control, drops, settings, network watch, shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.gui.bridge import QtBridge, TransferChanges
from app.gui.keep_awake import KeepAwake
from app.gui.network import NetworkMonitor
from app.gui.uploads import EnqueueJob, EnqueueResult, UploadRequest
from app.services import browser
from app.services.conflicts import ConflictQuestion
from app.services.core import AppCore, Destination
from app.services.local_server import StorageEvent, StorageNotice
from app.services.paths import Paths
from app.services.progress import ProgressAccumulator
from app.services.qtpool import QtPoolExecutor
from app.services.settings import Settings, apply_to_engine
from app.services.watches import Watch, WatchError, Watching, WatchOptions
from engine.errors import ErrorCode, SkyliftError
from engine.lease import held_message
from engine.state import State

log = logging.getLogger("skylift.controller")

_LIVE = frozenset({State.QUEUED, State.RUNNING, State.PAUSING, State.COMPLETING, State.VERIFYING})
#: Failures a plain resume cannot cure: the file must be read again from the start.
_RESTART_CODES = frozenset({ErrorCode.FILE_CHANGED.value, ErrorCode.FILE_MISSING.value})


class Controller(QObject):
    """Owns AppCore, the event bridge and the worker pool for everything that is not an upload.

    Signals:
        unfinished_found(int): transfers from an earlier run are back (paused); how many.
        loaded(): the checkpoint DB has been read into the queue.
        enqueue_progressed(EnqueueResult): a drop's walk queued more files, or finished.
        conflict_asked(ConflictQuestion): the walk needs the user to decide about an existing object.
        transfers_removed(list[int]): rows removed from the list.
        network_status_changed(bool, str): an endpoint went offline or came back.
        task_failed(str): a background action (retry, remove, listing) failed; the message.
        notice(str): something the user should know happened in the background; a code, such as
            a :class:`StorageNotice` value (ui/messages.py words it).
        watches_changed(): a watched folder was added or removed.
        call_finished(object, object): internal; a worker's result for a GUI callback.
    """

    unfinished_found = Signal(int)
    loaded = Signal()
    enqueue_progressed = Signal(object)
    conflict_asked = Signal(object)
    transfers_removed = Signal(list)
    network_status_changed = Signal(bool, str)
    task_failed = Signal(str)
    notice = Signal(str)
    #: (profile, bucket, region): a bucket was found in another region and is used there.
    region_learned = Signal(str, str, str)
    call_finished = Signal(object, object)
    #: The move option settled a file: (path, why it stays; empty when it was deleted).
    file_moved = Signal(str, str)
    watches_changed = Signal()

    def __init__(self, paths: Paths, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths.create()
        self.settings = settings or Settings.load(paths.settings)
        self.accumulator = ProgressAccumulator()
        self.core = AppCore(
            paths, self.accumulator, self.settings.engine_settings(), self.settings.network_options()
        )
        self.engine = self.core.engine
        self.control = QtPoolExecutor(3)
        self.bridge = QtBridge(self.accumulator, self.engine.progress_of, self.engine.busy, parent=self)
        self.awake = KeepAwake()
        self.network = NetworkMonitor(
            self._probe, self._pause_held, self._resume_held, self.live_ids_of, parent=self
        )
        self.network.status_changed.connect(self.network_status_changed)
        self._remove_after_cancel: set[int] = set()
        self._jobs: list[EnqueueJob] = []
        self.bridge.transfers_changed.connect(self._on_transfers_changed)
        self.call_finished.connect(self._on_call_finished)
        self.core.profiles.local_storage.add_listener(self._on_local_storage_event)
        # From a pool thread: the signal crosses to the GUI thread queued.
        self.core.profiles.on_region(lambda p, b, r: self.region_learned.emit(p, b, r))
        self.core.mover.on_result(self.file_moved.emit)
        self._closed = False
        self._stale: Any = None
        #: The watched folders' watchers run for as long as the window does (started in ``start``).
        self.watching = Watching(self.core, on_problem=self._on_watch_problem)

    # ---- start-up -------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the checkpoint DB on a worker; unfinished transfers come back paused."""
        self.control.submit(self._load)
        self.watching.start_all()

    def _load(self) -> None:
        try:
            # The engine announces every row it takes in (Added); the queue shows its views.
            loaded = self.engine.load(include_finished=True)
        except Exception as exc:
            log.exception("loading the queue failed")
            self.task_failed.emit(str(exc))
            return
        for tid, holder in sorted(loaded.held.items()):
            log.warning("%s", held_message(tid, holder))
        if loaded.held:
            ids = ", ".join(f"#{i}" for i in sorted(loaded.held))
            text = self.tr("Another Skylift process is uploading these transfers; they are not shown: %1")
            self.task_failed.emit(text.replace("%1", ids))
        self.loaded.emit()
        self.core.mover.sweep()  # moves a killed run proved but did not finish
        resumable = [i for i in loaded.ids if self.engine.state_of(i) is State.PAUSED]
        if resumable:
            if self.settings.auto_resume:
                self.resume(resumable)
            else:
                self.unfinished_found.emit(len(resumable))

    # ---- queue control --------------------------------------------------------------------------
    def enqueue(self, request: UploadRequest) -> EnqueueJob:
        job = EnqueueJob(
            self.core,
            request,
            self.enqueue_progressed.emit,
            self.conflict_asked.emit,
            self.paths.cache,
        )
        self._jobs.append(job)
        self.bridge.note_busy()
        self.control.submit(job.run)
        return job

    def pause(self, ids: list[int]) -> None:
        self.network.forget(ids)
        self.engine.pause(ids)

    def resume(self, ids: list[int]) -> None:
        self.network.forget(ids)
        self._renew_refused(ids)
        self.bridge.note_busy()
        self.engine.resume(ids)

    def pause_all(self) -> None:
        self.engine.pause_all()

    def resume_all(self) -> None:
        self._renew_refused(self.engine.ids([State.PAUSED]))
        self.bridge.note_busy()
        self.engine.resume_all()

    def _renew_refused(self, ids: list[int]) -> None:
        """Transfers paused because the server refused the key go on with credentials read
        again, not with the backend that holds the refused ones."""
        for profile in {v.profile for v in self.engine.views(ids) if v.error_code == ErrorCode.AUTH}:
            self.core.profiles.renew(profile)

    def cancel(self, ids: list[int]) -> None:
        self.network.forget(ids)
        self.engine.cancel(ids)

    def retry(self, ids: list[int]) -> None:
        """Failed transfers: resume; those whose file changed start again from byte 0."""
        views = self.engine.views(ids)
        restart = [v.id for v in views if v.error_code in _RESTART_CODES]
        plain = [v.id for v in views if v.error_code not in _RESTART_CODES]
        if plain:
            self.resume(plain)
        if restart:
            self.network.forget(restart)
            self.bridge.note_busy()
            self.engine.restart(restart)

    def restart_from_zero(self, ids: list[int]) -> None:
        """Failed transfers uploaded again from byte 0, on a new upload (the old one aborted)."""
        self.network.forget(ids)
        self.bridge.note_busy()
        self.engine.restart(ids)

    def remove(self, ids: list[int]) -> None:
        """Forget finished rows; failed ones are cancelled first so no upload id leaks."""
        views = self.engine.views(ids)
        gone = [v.id for v in views if v.state in (State.DONE, State.CANCELLED)]
        failed = [v.id for v in views if v.state is State.FAILED]
        if failed:
            self._remove_after_cancel.update(failed)
            self.engine.cancel(failed)
        if gone:
            self._delete(gone)

    def _delete(self, ids: list[int]) -> None:
        gone = self.engine.forget(ids)
        self.core.store.delete_transfers(gone)
        self.transfers_removed.emit(gone)

    def set_bwlimit(self, rate: int) -> None:
        self.settings.bwlimit = max(0, rate)
        self.engine.set_bwlimit(rate or None)
        self.save_settings()

    def apply_settings(self, new: Settings) -> None:
        """Concurrency, bandwidth, sizes and retries reach running transfers at once."""
        new.sanitize()
        self.settings = new
        apply_to_engine(new, self.core.settings, self.engine, self.core.executor)
        self.core.profiles.set_network(new.network_options())
        if not new.keep_awake:
            self.awake.release()
        self.save_settings()

    def save_settings(self) -> None:
        try:
            self.settings.save(self.paths.settings)
        except OSError as exc:
            self.task_failed.emit(str(exc))

    def live_ids_of(self, profile: str) -> list[int]:
        return self.engine.ids(_LIVE, profile)

    def state_of(self, transfer_id: int) -> State | None:
        """The engine's state of a transfer (None: not in the list)."""
        views = self.engine.views([transfer_id])
        return views[0].state if views else None

    def transfer_ids(self) -> list[int]:
        return self.engine.ids()

    def active_count(self) -> int:
        return len(self.engine.ids(_LIVE))

    # ---- background calls -----------------------------------------------------------------------
    def run_async(self, fn: Callable[[], Any], done: Callable[[object], None] | None) -> None:
        """Run ``fn`` on the control pool; ``done(result_or_exception)`` runs on the GUI thread."""

        def work() -> None:
            try:
                result: object = fn()
            except Exception as exc:
                result = exc
                if done is None:
                    self.task_failed.emit(str(exc))
            self.call_finished.emit(done, result)

        self.control.submit(work)

    def _on_local_storage_event(self, event: StorageEvent) -> None:
        # Called on the storage's owner thread; the queued signal carries it to the GUI thread.
        if event.notice is not StorageNotice.STOPPED:  # a restart follows at once: say how it went
            self.notice.emit(event.notice.value)

    def _on_call_finished(self, done: object, result: object) -> None:
        if callable(done):
            done(result)

    def list_buckets(self, profile: str, done: Callable[[object], None]) -> None:
        self.run_async(lambda: browser.list_buckets(self.core.profiles, profile), done)

    def delete_object(self, profile: str, bucket: str, key: str, done: Callable[[object], None]) -> None:
        self.run_async(lambda: browser.delete_object(self.core.profiles, profile, bucket, key), done)

    def list_prefix(self, profile: str, bucket: str, prefix: str, done: Callable[[object], None]) -> None:
        self.run_async(lambda: browser.list_prefix(self.core.profiles, profile, bucket, prefix), done)

    def stale_service(self) -> Any:
        """The stale-uploads service (another part of the app), made on first use, kept after."""
        if self._stale is None:
            from app.services.stale import StaleService

            self._stale = StaleService(self.core)
        return self._stale

    # ---- watched folders -------------------------------------------------------------------------
    def upload_destination(self) -> Destination | None:
        """Where the "Upload to" panel would send files now (its remembered destination, else the
        first profile's default bucket); None when no bucket is known yet."""
        names = [p.name for p in self.core.profiles.all()]
        if not names:
            return None
        last = self.settings.last_destination
        if last.profile in names:
            profile, bucket, prefix = last.profile, last.bucket, last.prefix
        else:
            profile, bucket, prefix = names[0], self.core.profiles.get(names[0]).default_bucket, ""
        prefix = prefix.strip().lstrip("/")
        return Destination(profile, bucket.strip(), prefix) if bucket.strip() else None

    def watch_folder(self, folder: str, dest: Destination) -> Watch:
        """Save a watch of ``folder`` and start it; raises ValueError (WatchError, a bad
        destination) with the words to show."""
        watch = self.watching.watches.get(self.watching.watches.add(folder, dest, WatchOptions()))
        if watch is None:
            raise WatchError(f"{folder} could not be saved as a watched folder")
        self.watching.start(watch)
        self.watches_changed.emit()
        return watch

    def unwatch(self, watch_id: int) -> None:
        """Stop watching and forget the watch; what it uploaded stays on the server."""
        self.watching.stop(watch_id)
        self.watching.watches.remove(watch_id)
        self.watches_changed.emit()

    def watches(self) -> list[Watch]:
        return self.watching.watches.list()

    def _on_watch_problem(self, watch: Watch, text: str) -> None:
        # Called on the watcher's thread; the signal is queued to the GUI thread.
        self.task_failed.emit(f"{watch.local_path}: {text}")

    # ---- network watch --------------------------------------------------------------------------
    def _probe(self, profile: str) -> None:
        def work() -> None:
            try:
                self.core.profiles.backend(profile).list_buckets()
                ok = True
            except (SkyliftError, OSError) as exc:
                log.info("probe of %s: %s", profile, exc)
                ok = False
            except Exception as exc:
                log.info("probe of %s: %r", profile, exc)
                ok = False
            self.network.report_probe(profile, ok)

        self.control.submit(work)

    def _pause_held(self, ids: list[int]) -> None:
        self.engine.pause(ids)

    def _resume_held(self, ids: list[int]) -> None:
        self.bridge.note_busy()
        self.engine.resume(ids)

    # ---- bookkeeping from the bridge ----------------------------------------------------------
    def _on_transfers_changed(self, changes: TransferChanges) -> None:
        removable: list[int] = []
        # Failed, or paused because the network gave up on it (the window's engine pauses those).
        stopped = [
            tid
            for tid, (state, code, _d) in changes.states.items()
            if state is State.FAILED or (state is State.PAUSED and code == ErrorCode.NETWORK.value)
        ]
        for v in self.engine.views(stopped):
            if v.state in (State.FAILED, State.PAUSED):
                self.network.note_failure(v.id, v.profile, v.error_code)
        for tid, (state, _code, _detail) in changes.states.items():
            if state is State.CANCELLED and tid in self._remove_after_cancel:
                self._remove_after_cancel.discard(tid)
                removable.append(tid)
        if removable:
            self._delete(removable)
        if self.settings.keep_awake and self.engine.busy():
            self.awake.hold()
        elif not self.engine.busy():
            self.awake.release()

    # ---- shutdown -------------------------------------------------------------------------------
    def close(self, timeout_s: float = 30.0) -> None:
        """Stop walks, pause every transfer, wait until the checkpoint is safe."""
        if self._closed:
            return
        self._closed = True
        for job in self._jobs:
            job.stop.set()
        self.bridge.timer.stop()
        self.network.timer.stop()
        self.watching.close()
        self.control.wait(int(timeout_s * 1000))
        if self._stale is not None:
            self._stale.close()
        self.awake.release()
        self.core.close(timeout_s)


__all__ = ["ConflictQuestion", "Controller", "EnqueueResult", "UploadRequest"]
