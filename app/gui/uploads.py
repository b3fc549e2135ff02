"""Queueing dropped files and folders on a worker: walk, resolve conflicts, plan, add in batches."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.services.conflicts import ConflictQuestion, Policy, SkipSame, policy_named
from app.services.core import (
    AppCore,
    Destination,
    DestinationError,
    Enqueued,
    UploadOptions,
    destination_problem,
)
from engine.errors import SkyliftError
from engine.objectopts import ObjectOptions
from engine.sources import Skipped, Source, empty_dirs, iter_sources

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
    #: a name from app.services.conflicts.NAMES
    conflict: str = "overwrite"
    storage_class: str = ""
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    empty_folders: bool = False
    #: Move: delete each file once its object is proven (never on any other outcome).
    delete_after: bool = False
    #: Overrides the type guessed from each name ("" keeps the guess).
    content_type: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    #: Headers, ACL, tags and encryption, as the panel's Options section set them.
    object_options: ObjectOptions = field(default_factory=ObjectOptions)

    @property
    def key_prefix(self) -> str:
        p = self.prefix.strip().lstrip("/")
        return p if not p or p.endswith("/") else p + "/"


@dataclass
class Survey:
    """What a drop holds, counted before it is queued: the Upload to panel shows it."""

    files: int = 0
    bytes: int = 0
    #: The first file's key below the destination's prefix (the panel puts the prefix in front).
    first_key: str = ""
    #: False when counting stopped at the cap (the totals are "at least").
    complete: bool = True


def survey(paths: list[str], include: list[str], exclude: list[str], cap: int = 500_000) -> Survey:
    """Count the files a drop would queue, with the same walk and filters the queueing uses."""
    out = Survey()
    for src in iter_sources(paths, "", include, exclude):
        if not out.first_key:
            out.first_key = src.key
        out.files += 1
        out.bytes += src.size
        if out.files >= cap:
            out.complete = False
            break
    return out


@dataclass
class EnqueueResult:
    queued: int = 0
    skipped: int = 0
    error: str = ""
    finished: bool = False
    #: What the walk could not upload (unreadable, special files, links to folders), to be said.
    not_queued: list[Skipped] = field(default_factory=list)


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

    def run(self) -> None:
        req = self.request
        dest = Destination(req.profile, req.bucket, req.key_prefix)
        opts = UploadOptions(
            storage_class=req.storage_class,
            include=req.include,
            exclude=req.exclude,
            delete_after=req.delete_after,
            metadata=dict(req.metadata),
            content_type=req.content_type,
            object=req.object_options,
        )
        counts = Enqueued(progressed=lambda e: self._report(EnqueueResult(e.queued, e.skipped)))
        try:
            # The panel says this while the user types; a drop with "don't ask" still lands here.
            problem = destination_problem(dest.bucket, dest.key)
            if problem is not None:
                raise DestinationError(problem)
            self.core.enqueue(
                req.paths,
                dest,
                opts,
                batch=BATCH,
                batch_seconds=BATCH_SECONDS,
                skipped=self.result.not_queued.append,
                policy=self._policy(dest),
                report=counts,
                extra=self._markers(dest) if req.empty_folders else (),
                stop=self.stop,
            )
        except (OSError, SkyliftError, ValueError) as exc:
            log.warning("queueing %s failed: %s", req.paths, exc)
            self.result.error = str(exc)
        except Exception as exc:  # the GUI must hear of any failure, or the drop just vanishes
            log.exception("queueing failed")
            self.result.error = repr(exc)
        self.result.queued, self.result.skipped = counts.queued, counts.skipped
        self.result.finished = True
        self._report(self.result)

    def _policy(self, dest: Destination) -> Policy:
        req = self.request
        if req.conflict == "skip-same" and req.delete_after:
            mover = self.core.mover
            # A file left alone because its object is proven the same is moved too (a run
            # that stopped before deleting it).
            return SkipSame(on_same=lambda src, _proof: mover.same(dest.profile, dest.bucket, src))
        return policy_named(req.conflict, self._ask, self.stop)

    def _markers(self, dest: Destination) -> Iterator[Source]:
        """Folder markers ("dir/") for empty folders, uploaded from one empty file."""
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
