"""Queueing dropped files and folders on a worker: walk, resolve conflicts, plan, add in batches."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.services.core import AppCore, Destination, UploadOptions, check_key
from engine.errors import SkyliftError
from engine.sources import Skipped, Source, empty_dirs
from engine.store import TransferRow

log = logging.getLogger("skylift.uploads")

#: Rows handed to the engine at once; also the most the GUI sees per tick from one walk.
BATCH = 1000
#: ...or fewer, if this much time passed, so the first files start at once in a slow walk.
BATCH_SECONDS = 0.25


@dataclass
class UploadRequest:
    paths: list[str]
    profile: str
    bucket: str
    prefix: str = ""
    #: overwrite | skip | rename | ask
    conflict: str = "overwrite"
    storage_class: str = ""
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    empty_folders: bool = False

    @property
    def key_prefix(self) -> str:
        p = self.prefix.strip().lstrip("/")
        return p if not p or p.endswith("/") else p + "/"


@dataclass
class ConflictQuestion:
    """Asked from the walk thread; the GUI sets ``answer`` and ``apply_all`` and calls ``reply``."""

    key: str
    local_size: int
    remote_size: int
    answer: str = "skip"
    apply_all: bool = False
    _event: threading.Event = field(default_factory=threading.Event)

    def reply(self, answer: str, apply_all: bool) -> None:
        self.answer, self.apply_all = answer, apply_all
        self._event.set()

    def wait(self, stop: threading.Event) -> None:
        while not self._event.wait(0.2):
            if stop.is_set():
                self.answer = "skip"
                return


@dataclass
class EnqueueResult:
    queued: int = 0
    skipped: int = 0
    error: str = ""
    finished: bool = False
    #: What the walk could not upload (unreadable, special files, links to folders), to be said.
    not_queued: list[Skipped] = field(default_factory=list)


def renamed_key(key: str, n: int) -> str:
    """``a/b.txt`` -> ``a/b (1).txt``: the usual desktop way to keep both."""
    head, slash, name = key.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext, dot = name, "", ""
    return f"{head}{slash}{stem} ({n}){dot}{ext}"


class EnqueueJob:
    """One drop: runs ``run()`` on a worker thread; reports through the callbacks it was given."""

    def __init__(
        self,
        core: AppCore,
        request: UploadRequest,
        report: Callable[[EnqueueResult], None],
        ask: Callable[[ConflictQuestion], None],
        marker_dir: Path,
    ) -> None:
        self.core = core
        self.request = request
        self._report = report
        self._ask = ask
        self._marker_dir = marker_dir
        self.stop = threading.Event()
        self.result = EnqueueResult()
        self._policy = request.conflict
        self._keys: set[str] = set()

    def run(self) -> None:
        req = self.request
        dest = Destination(req.profile, req.bucket, req.key_prefix)
        opts = UploadOptions(storage_class=req.storage_class, include=req.include, exclude=req.exclude)
        rows: list[TransferRow] = []
        last = time.monotonic()
        try:
            check_key(dest.key)
            for src in self._all_sources(dest, opts):
                if self.stop.is_set():
                    break
                resolved = self._resolve(src)
                if resolved is None:
                    self.result.skipped += 1
                    continue
                rows.append(self.core.plan(resolved, dest, opts))
                if len(rows) >= BATCH or time.monotonic() - last > BATCH_SECONDS:
                    self._flush(rows)
                    rows, last = [], time.monotonic()
            if rows and not self.stop.is_set():
                self._flush(rows)
        except (OSError, SkyliftError, ValueError) as exc:
            log.warning("queueing %s failed: %s", req.paths, exc)
            self.result.error = str(exc)
        except Exception as exc:  # the GUI must hear of any failure, or the drop just vanishes
            log.exception("queueing failed")
            self.result.error = repr(exc)
        self.result.finished = True
        self._report(self.result)

    def _all_sources(self, dest: Destination, opts: UploadOptions) -> Iterator[Source]:
        yield from self.core.sources(self.request.paths, dest, opts, self.result.not_queued.append)
        if self.request.empty_folders:
            marker = self._marker()
            st = marker.stat()
            for p in self.request.paths:
                if os.path.isdir(p):
                    for key in empty_dirs(p, dest.key):
                        yield Source(str(marker), key, 0, st.st_mtime_ns)

    def _marker(self) -> Path:
        """An empty file to upload folder markers ("dir/") from: the engine uploads files."""
        self._marker_dir.mkdir(parents=True, exist_ok=True)
        marker = self._marker_dir / "empty-folder-marker"
        if not marker.exists():
            marker.write_bytes(b"")
        return marker

    def _flush(self, rows: list[TransferRow]) -> None:
        self.core.engine.add(rows)  # the engine announces the rows (Added) to every view
        self.result.queued += len(rows)
        self._report(EnqueueResult(self.result.queued, self.result.skipped))

    def _resolve(self, src: Source) -> Source | None:
        if self._policy == "overwrite":
            return src
        backend = self.core.profiles.backend(self.request.profile)
        info = backend.head(self.request.bucket, src.key)
        if info is None:
            return src
        policy = self._policy
        if policy == "ask":
            q = ConflictQuestion(src.key, src.size, info.size)
            self._ask(q)
            q.wait(self.stop)
            policy = q.answer
            if q.apply_all:
                self._policy = policy
        if policy == "skip":
            # Object times have one-second resolution (truncated): allow for it.
            local = datetime.fromtimestamp(src.mtime_ns / 1e9, UTC) - timedelta(seconds=2)
            newer = info.last_modified is None or info.last_modified >= local
            # "Skip if same": same size and the object is not older than the file.
            if self.request.conflict == "skip" and not (info.size == src.size and newer):
                return src
            return None
        if policy == "rename":
            for n in range(1, 10_000):
                key = renamed_key(src.key, n)
                if key not in self._keys and backend.head(self.request.bucket, key) is None:
                    self._keys.add(key)
                    return Source(src.path, key, src.size, src.mtime_ns)
            return None
        return src
