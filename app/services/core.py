"""Builds the engine on a QThreadPool with the store, profiles and an event sink.

The CLI and the GUI both go through :class:`AppCore`, so what the tests and the benchmark run is
what users run.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from app.services.conflicts import Overwrite, Place, Policy
from app.services.move import Mover
from app.services.paths import Paths
from app.services.profiles import NetworkOptions, Profiles
from app.services.qtpool import QtPoolExecutor
from app.services.remote_index import RemoteIndex
from engine.digests import Digests
from engine.events import Event, EventSink, Finished
from engine.objectopts import ObjectOptions
from engine.plan import choose_part_size, is_multipart
from engine.scheduler import Engine, EngineSettings
from engine.sources import Skipped, Source, iter_sources, key_problem
from engine.state import State
from engine.store import Store, TransferRow

log = logging.getLogger("skylift.app")


_BUCKET = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$")


class DestinationError(ValueError):
    pass


@dataclass(frozen=True)
class Destination:
    profile: str
    bucket: str
    key: str

    def __str__(self) -> str:
        return f"{self.profile}:{self.bucket}/{self.key}"


def parse_destination(text: str, default_profile: str) -> Destination:
    """``PROFILE:BUCKET[/KEY]``; without ``PROFILE:`` the default profile is used."""
    profile, sep, rest = text.partition(":")
    if not sep:
        profile, rest = default_profile, text
    bucket, _, key = rest.partition("/")
    if not profile or not bucket:
        raise DestinationError(
            f"destination {text!r} must look like PROFILE:BUCKET[/KEY] "
            "(end KEY with / to upload into a folder)"
        )
    if not _BUCKET.match(bucket):
        # Servers answer such names with misleading errors (SeaweedFS: a signature mismatch).
        raise DestinationError(f"{bucket!r} is not a bucket name: use 3-255 letters, digits, '.', '-' or '_'")
    check_key(key)
    return Destination(profile, bucket, key)


def destination_problem(bucket: str, key: str) -> str | None:
    """Why ``bucket`` and ``key`` cannot be a destination as typed (the window asks while the user
    types, before anything is queued), or None."""
    if not _BUCKET.match(bucket):
        return f"{bucket!r} is not a bucket name: use 3-255 letters, digits, '.', '-' or '_'"
    problem = key_problem(key)
    return f"{problem}; choose a prefix without that" if problem else None


def check_key(key: str) -> None:
    """Refuse a key servers would mangle or refuse (see ``key_problem``) before any byte is sent."""
    problem = key_problem(key)
    if problem is not None:
        raise DestinationError(f"{problem}; choose a key without that")


@dataclass
class Enqueued:
    """What one enqueue did so far; ``progressed`` hears every batch (the window's progress)."""

    queued: int = 0
    skipped: int = 0
    progressed: Callable[[Enqueued], None] | None = None

    def note_queued(self, n: int) -> None:
        self.queued += n
        if self.progressed is not None:
            self.progressed(self)


@dataclass
class UploadOptions:
    storage_class: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    #: The move option: delete each file once its object is proven (``app.services.move``).
    delete_after: bool = False
    #: Overrides the type guessed from each file's name.
    content_type: str = ""
    #: Headers, ACL, tags and encryption (``transfer.options``).
    object: ObjectOptions = field(default_factory=ObjectOptions)


class _MoveOnDone:
    """The engine's sink, plus: a transfer asked to move that ends DONE goes to the mover."""

    def __init__(self, inner: EventSink, mover: Mover) -> None:
        self._inner = inner
        self._mover = mover

    def emit(self, event: Event) -> None:
        self._inner.emit(event)
        if isinstance(event, Finished) and event.move and event.state is State.DONE:
            self._mover.uploaded(event.transfer_id)


def batch_label(paths: list[str]) -> str | None:
    """What a drop of ``paths`` is called as one group: a folder's name; "" for several files
    (the window counts them in its own words); None for a lone file, which stays a plain row."""
    if len(paths) == 1:
        return os.path.basename(os.path.normpath(paths[0])) if os.path.isdir(paths[0]) else None
    return "" if paths else None


class AppCore:
    def __init__(
        self,
        paths: Paths,
        sink: EventSink,
        settings: EngineSettings | None = None,
        network: NetworkOptions | None = None,
    ) -> None:
        self.paths = paths.create()
        self.settings = settings or EngineSettings()
        self.store = Store(paths.db)
        self.profiles = Profiles(self.store, paths, network)
        self.executor = QtPoolExecutor(self.settings.concurrency + 2)
        self.mover = Mover(self.store, self.profiles.backend)
        self.engine = Engine(
            self.store, self.profiles.backend, self.executor, _MoveOnDone(sink, self.mover), self.settings
        )
        self.digests = Digests(self.store)

    def plan(self, src: Source, dest: Destination, opts: UploadOptions) -> TransferRow:
        """A transfer row for one file: part size and single-vs-multipart fixed per provider."""
        prov = self.profiles.provider(dest.profile)
        multipart = is_multipart(src.size, self.settings.threshold, prov.rules)
        part_size = choose_part_size(src.size, self.settings.part_size, prov.rules) if multipart else 0
        return TransferRow(
            profile=dest.profile,
            local_path=src.path,
            size=src.size,
            mtime_ns=src.mtime_ns,
            bucket=dest.bucket,
            key=src.key,
            part_size=part_size,
            multipart=multipart,
            content_type=opts.content_type or src.content_type,
            storage_class=opts.storage_class,
            metadata=dict(opts.metadata),
            delete_after=opts.delete_after,
            options=opts.object.to_dict(),
        )

    def sources(
        self,
        paths: Iterable[str],
        dest: Destination,
        opts: UploadOptions,
        skipped: Callable[[Skipped], None] | None = None,
    ) -> Iterator[Source]:
        return iter_sources(paths, dest.key, opts.include, opts.exclude, skipped)

    def enqueue(
        self,
        paths: Iterable[str],
        dest: Destination,
        opts: UploadOptions,
        batch: int = 500,
        skipped: Callable[[Skipped], None] | None = None,
        policy: Policy | None = None,
        report: Enqueued | None = None,
        extra: Iterable[Source] = (),
        stop: threading.Event | None = None,
        batch_seconds: float = 0.25,
    ) -> list[int]:
        """The one way files enter the queue, from the command line and the window alike: walk
        ``paths`` (plus ``extra`` sources), let ``policy`` decide about objects that exist, plan,
        and add in batches (by count, or by time so the first files start at once in a slow walk).
        What the walk cannot upload goes to ``skipped``; counts go to ``report`` as they grow."""
        self.profiles.get(dest.profile)
        prov = self.profiles.provider(dest.profile)
        opts.object.check_for(prov.dialect, prov.sse_kms, prov.title)
        policy = policy or Overwrite()
        report = report or Enqueued()
        paths = list(paths)
        backend = self.profiles.backend(dest.profile) if policy.looks else None
        index = RemoteIndex(backend, dest.bucket, paths, dest.key) if backend is not None else None
        place = Place(backend, dest.profile, dest.bucket, self.digests) if backend is not None else None
        ids: list[int] = []
        rows: list[TransferRow] = []
        last = time.monotonic()
        label = batch_label(paths)
        group = 0

        def flush() -> None:
            nonlocal rows, last, group
            if label is not None:
                # Made with the first rows, so a drop that queues nothing leaves no empty group.
                group = group or self.store.create_batch(label)
                for row in rows:
                    row.batch, row.batch_label = group, label
            ids.extend(self.engine.add(rows))
            report.note_queued(len(rows))
            rows, last = [], time.monotonic()

        for src in itertools.chain(self.sources(paths, dest, opts, skipped), extra):
            if stop is not None and stop.is_set():
                break
            if index is not None and place is not None:
                existing = index.get(src.key)
                resolved = src if existing is None else policy.resolve(src, existing, place)
                if resolved is None:
                    report.skipped += 1
                    continue
                src = resolved
            rows.append(self.plan(src, dest, opts))
            if len(rows) >= batch or time.monotonic() - last > batch_seconds:
                flush()
        if rows and not (stop is not None and stop.is_set()):
            flush()
        return ids

    def restart(self, ids: Iterable[int]) -> list[int]:
        """Start transfers again from byte 0 with the file as it is now; the engine aborts the
        old upload first. Transfers not in this engine yet are claimed from the checkpoint."""
        wanted = list(ids)
        self.engine.load([i for i in wanted if self.engine.transfer(i) is None])
        return self.engine.restart(wanted)

    def close(self, timeout_s: float = 30.0) -> None:
        """Pause everything, wait until the checkpoint is safe, then release the resources."""
        self.engine.pause_all()
        self.engine.wait_idle(timeout_s)
        if not self.engine.abandoned:
            self.executor.wait(int(timeout_s * 1000))
        self.engine.close()
        self.mover.close()
        self.store.close()
        self.profiles.close()
