"""One watched folder: notice new and changed files, wait until they hold still, queue them."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

from watchdog.observers.api import BaseObserver

from app.services.conflicts import policy_named
from app.services.core import AppCore, Destination, UploadOptions
from app.services.fsevents import follow
from app.services.settling import Settling
from app.services.uploadopts import chosen_from
from engine.errors import ErrorCode, SkyliftError
from engine.sources import Skipped, Source, iter_sources, source_in
from engine.state import State
from engine.store import StoreError

log = logging.getLogger("skylift.watch")

#: A transfer in one of these states is over: a later change to its file may be queued again.
_OVER = frozenset({State.DONE, State.CANCELLED, State.FAILED})
#: The server refused the key (a HEAD's bare 403 cannot say whether for its signature or its rights).
_REFUSED = frozenset({ErrorCode.AUTH, ErrorCode.ACCESS_DENIED})
#: Seconds before queueing is tried again after it failed (the endpoint away, say).
RETRY_QUEUE = 5.0
#: Seconds between looks at a settled file whose key is still being uploaded.
BUSY_RECHECK = 1.0
#: Sources handed to one enqueue: events are taken in between, in a long first scan too.
CHUNK = 500


def as_prefix(key: str) -> str:
    """A watch uploads a folder: its destination key is a prefix, as ``skylift upload`` makes it."""
    return key if not key or key.endswith("/") else key + "/"


class FolderWatcher:
    """Keeps one folder uploaded to one destination, with the keys ``skylift upload FOLDER DEST``
    gives its files (``DEST prefix + folder name + / + path inside``).

    A file is queued only once its size and modification time have been the same on two looks at
    least ``settle`` seconds apart, so a file still being written is never sent half-written.
    Changes are heard from the OS (watchdog) and, as a safety net for missed events (network
    filesystems, changes made while nothing watched), found by a full look every ``rescan``
    seconds. Queueing uses the ``skip-same`` policy: a file the server already holds is not sent
    again. While a transfer for a key is unfinished in this engine, the key is not queued again;
    once it is over, a later change queues it anew (a transfer that failed is not tried again
    until its file changes; ``skylift resume`` or Retry can). A file deleted locally is **not**
    deleted on the server: a watch only ever adds and replaces objects. Skylift's own folders
    (checkpoint, logs, the built-in storage) are never uploaded, even inside a watched folder:
    every upload changes the checkpoint, which would be uploaded again, for ever.

    Threads: the watcher's own thread owns every piece of its state (what was seen, what was
    queued); watchdog's observer thread only hands paths over through a lock-protected set.
    ``stop()`` ends both. With ``once``, the thread looks at the folder twice, ``settle`` seconds
    apart, queues what held still, and ends (``done`` is set).
    """

    def __init__(
        self,
        core: AppCore,
        folder: str,
        dest: Destination,
        settle: float = 2.0,
        rescan: float = 60.0,
        include: list[str] | None = None,
        exclude: list[str] | None = None,
        events: bool = True,
        once: bool = False,
        on_problem: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.core = core
        # Resolved, as the saved watch is: event paths then start with it, as the walk's do.
        self.folder = os.path.realpath(folder)
        self.dest = Destination(dest.profile, dest.bucket, as_prefix(dest.key))
        self.settle = settle
        self.rescan = rescan
        # A watch has no flags of its own for object options: the profile's upload defaults apply.
        found = core.store.get_profile(dest.profile)
        picked = chosen_from(found.upload_defaults if found is not None else {})
        self.opts = UploadOptions(
            metadata=picked.metadata,
            include=list(include or []),
            exclude=list(exclude or []),
            content_type=picked.content_type,
            object=picked.object,
        )
        self._events = events
        self._once = once
        #: ``once`` ended early because the server refused the profile's key.
        self.refused = False
        self._on_problem = on_problem or (lambda text: None)
        self._clock = clock
        self._stop = threading.Event()
        self._wake = threading.Event()
        #: Thread: done with its work (``once``) or stopped.
        self.done = threading.Event()
        # Shared with the observer thread, under the lock.
        self._lock = threading.Lock()
        self._changed: dict[str, bool] = {}
        # Owned by the watcher thread.
        self._looks = Settling(settle)
        self._said: set[str] = set()
        self._failing = False
        self._observer: BaseObserver | None = None
        own = (core.paths.data, core.paths.config, core.paths.logs, core.paths.cache)
        self._own = tuple(os.path.join(os.path.realpath(p), "") for p in own)
        self._thread = threading.Thread(target=self._run, name=f"skylift-watch {self.folder}", daemon=True)

    # ---- owner's side ---------------------------------------------------------------------------
    def start(self) -> None:
        if self._events and not self._once:
            self._observer = self._observe()
        self._thread.start()

    def request_stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """End the watcher's threads; the transfers it queued stay with the engine."""
        self.request_stop()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)
            self._observer = None
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _observe(self) -> BaseObserver | None:
        try:
            return follow(self.folder, self._hand_over)
        except OSError as exc:
            # inotify's watch limit, a filesystem without events: the rescan still finds files.
            self._on_problem(
                f"cannot follow changes as they happen ({exc}); looking every {self.rescan:g} s instead"
            )
            return None

    def _hand_over(self, path: str, is_dir: bool) -> None:
        with self._lock:
            self._changed[path] = self._changed.get(path, False) or is_dir
        self._wake.set()

    # ---- the watcher thread ---------------------------------------------------------------------
    def _run(self) -> None:
        try:
            if self._once:
                self._run_once()
            else:
                self._run_forever()
        except Exception as exc:  # the owner must hear of it, or the folder silently stops syncing
            log.exception("watching %s failed", self.folder)
            self._on_problem(f"watching stopped: {exc!r}")
        finally:
            self.done.set()

    def _run_once(self) -> None:
        self._scan()
        if self._stop.wait(self.settle):
            return
        ready = [s for p in self._looks.pending() if (s := self._look_at(p)) is not None]
        while ready and not self._stop.is_set():
            ready = self._queue(ready)
            if ready:
                self._stop.wait(RETRY_QUEUE)

    def _run_forever(self) -> None:
        self._scan()
        next_scan = self._clock() + self.rescan
        while not self._stop.is_set():
            due = self._looks.next_due()
            wake_at = next_scan if due is None else min(next_scan, due)
            self._wake.wait(max(0.0, wake_at - self._clock()))
            self._wake.clear()
            if self._stop.is_set():
                break
            with self._lock:
                changed, self._changed = self._changed, {}
            for path, is_dir in changed.items():
                self._heard(path, is_dir)
            if self._clock() >= next_scan:
                self._scan()
                next_scan = self._clock() + self.rescan
            now = self._clock()
            ready = [s for p in self._looks.due(now) if (s := self._look_at(p)) is not None]
            self._queue(ready)

    def _heard(self, path: str, is_dir: bool) -> None:
        if not is_dir:
            self._look_at(path)
            return
        # A folder moved in arrives as one event: its files are only found by walking it.
        for d, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                self._look_at(os.path.join(d, name))

    def _scan(self) -> None:
        seen: set[str] = set()
        for src in iter_sources(
            [self.folder], self.dest.key, self.opts.include, self.opts.exclude, self._skip
        ):
            seen.add(src.path)
            self._looks.seen(src, self._clock())
            if self._stop.is_set():
                return
        # Files gone since: nothing to upload (and nothing is deleted on the server).
        self._looks.keep_only(seen)

    def _skip(self, s: Skipped) -> None:
        if s.path not in self._said:
            self._said.add(s.path)
            self._on_problem(f"{s.path}: not uploaded: {s.reason}")

    def _look_at(self, path: str) -> Source | None:
        src = source_in(self.folder, path, self.dest.key, self.opts.include, self.opts.exclude)
        if src is None or src.path.startswith(self._own):
            self._looks.gone(path)
            return None
        return self._looks.seen(src, self._clock())

    def _queue(self, ready: list[Source]) -> list[Source]:
        """Queue settled files whose keys are free; returns the ones that could not be queued now
        (the endpoint away): they are looked at again later."""
        if not ready:
            return []
        busy = self._busy_keys()
        now = self._clock()
        free = []
        for src in ready:
            if src.key in busy:
                self._looks.later(src.path, now + BUSY_RECHECK)
            else:
                free.append(src)
        left: list[Source] = []
        for i in range(0, len(free), CHUNK):
            chunk = free[i : i + CHUNK]
            if left or self._stop.is_set():
                left.extend(chunk)
                continue
            try:
                self.core.enqueue(
                    [], self.dest, self.opts, extra=chunk, policy=policy_named("skip-same"), stop=self._stop
                )
            except (SkyliftError, OSError, StoreError) as exc:
                if self._once and isinstance(exc, SkyliftError) and exc.code in _REFUSED:
                    # A refused key does not cure itself during one look: say so and end it.
                    self.refused = True
                    self._on_problem(f"cannot queue {len(free)} file(s): {exc}")
                    return []
                if not self._failing:
                    self._on_problem(f"cannot queue {len(free)} file(s) now ({exc}); trying again")
                self._failing = True
                left.extend(chunk)
                continue
            self._failing = False
            self._looks.queued(chunk)
        for src in left:
            self._looks.later(src.path, now + RETRY_QUEUE)
        return left

    def _busy_keys(self) -> set[str]:
        return {
            v.key
            for v in self.core.engine.views()
            if v.profile == self.dest.profile and v.bucket == self.dest.bucket and v.state not in _OVER
        }
