"""Builds the engine on a QThreadPool with the store, profiles and an event sink.

The CLI and the GUI both go through :class:`AppCore`, so what the tests and the benchmark run is
what users run.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from app.services.paths import Paths
from app.services.profiles import NetworkOptions, Profiles
from app.services.qtpool import QtPoolExecutor
from engine.events import EventSink
from engine.plan import choose_part_size, is_multipart
from engine.scheduler import Engine, EngineSettings
from engine.sources import Skipped, Source, iter_sources
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


def check_key(key: str) -> None:
    """Refuse keys servers mangle: '.'/'..' segments are resolved away by some (the object lands
    elsewhere) and break the signature on others (SeaweedFS: SignatureDoesNotMatch)."""
    if any(seg in (".", "..") for seg in key.split("/")):
        raise DestinationError(
            f"the key {key!r} has a '.' or '..' segment, which servers resolve or reject; "
            "choose a key without them"
        )


@dataclass
class UploadOptions:
    storage_class: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


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
        self.engine = Engine(self.store, self.profiles.backend, self.executor, sink, self.settings)

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
            content_type=src.content_type,
            storage_class=opts.storage_class,
            metadata=dict(opts.metadata),
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
    ) -> list[int]:
        """Plan and queue every file under ``paths``, in batches so uploads start at once; what
        the walk cannot upload goes to ``skipped``."""
        self.profiles.get(dest.profile)
        ids: list[int] = []
        rows: list[TransferRow] = []
        for src in self.sources(paths, dest, opts, skipped):
            rows.append(self.plan(src, dest, opts))
            if len(rows) >= batch:
                ids += self.engine.add(rows)
                rows = []
        if rows:
            ids += self.engine.add(rows)
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
        self.executor.wait(int(timeout_s * 1000))
        self.engine.close()
        self.store.close()
        self.profiles.close()
