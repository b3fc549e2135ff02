"""Verify a folder: every local file against its object, and every object no file accounts for.

Shared by ``skylift verify`` and the window's "Verify folder…". The listing is one request per
1,000 objects; files are compared on a few threads (a HEAD and a read each, at most, and neither
when the upload's record still holds), so a folder takes about as long as listing it plus reading
what must be read.
"""

from __future__ import annotations

import csv
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TextIO

from app.services.compare import NOT_COMPARED, Comparer, Comparison, Stopped, Verdict
from app.services.core import AppCore, Destination
from app.services.remote_index import RemoteIndex
from engine.errors import SkyliftError
from engine.sources import Skipped, Source, excluded, iter_sources

#: Comparisons in flight at once: enough to hide a HEAD's round trip behind another's read.
WORKERS = 8


@dataclass
class Summary:
    verdicts: Counter[Verdict] = field(default_factory=Counter)
    #: Same files, by how they were proven (``size``: by size only).
    methods: Counter[str] = field(default_factory=Counter)
    files: int = 0
    stopped: bool = False

    def add(self, c: Comparison) -> None:
        self.verdicts[c.verdict] += 1
        if c.verdict is Verdict.SAME:
            self.methods[c.method] += 1
        if c.verdict is not Verdict.ONLY_ON_SERVER:
            self.files += 1

    def all_same(self, require_checksum: bool = False) -> bool:
        ok = {Verdict.SAME} if require_checksum else {Verdict.SAME, Verdict.UNPROVEN}
        return not self.stopped and all(v in ok for v, n in self.verdicts.items() if n)


@dataclass(frozen=True)
class VerifyRequest:
    paths: list[str]
    dest: Destination
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    use_cache: bool = True


#: The columns of a report, ``skylift verify --report`` and the window's "Save report…" alike.
REPORT_COLUMNS = ("key", "path", "verdict", "method", "local_size", "remote_size", "detail")


class ReportWriter:
    """A CSV report written row by row as results come, so a stopped run keeps what it found.
    Opening raises OSError."""

    def __init__(self, path: str) -> None:
        self._file: TextIO = open(path, "w", newline="", encoding="utf-8")
        self._csv: Any = csv.writer(self._file)
        self._csv.writerow(REPORT_COLUMNS)

    def add(self, c: Comparison) -> None:
        self._csv.writerow([c.key, c.path, c.verdict.value, c.method, c.local_size, c.remote_size, c.detail])

    def close(self) -> None:
        self._file.close()


def write_report(path: str, results: Iterable[Comparison]) -> None:
    """Results gathered earlier (the window keeps them) as one CSV report. Raises OSError."""
    report = ReportWriter(path)
    try:
        for c in results:
            report.add(c)
    finally:
        report.close()


def sources_of(
    req: VerifyRequest,
    skipped: Callable[[Skipped], None] | None = None,
    stop: threading.Event | None = None,
) -> list[Source]:
    """The files to compare; a set ``stop`` ends the walk early (a window closed while a folder of
    100,000 files is walked must not wait for the walk)."""
    out: list[Source] = []
    for src in iter_sources(req.paths, req.dest.key, req.include, req.exclude, skipped):
        if stop is not None and stop.is_set():
            break
        out.append(src)
    return out


def run_verify(
    core: AppCore,
    req: VerifyRequest,
    sources: list[Source],
    on_result: Callable[[Comparison], None],
    stop: threading.Event | None = None,
) -> Summary:
    """Compare ``sources`` (from ``sources_of``) and report each result as it comes, files first,
    then the objects only on the server. Raises SkyliftError when the bucket cannot be listed."""
    stop = stop or threading.Event()
    backend = core.profiles.backend(req.dest.profile)
    index = RemoteIndex(backend, req.dest.bucket, req.paths, req.dest.key)
    comparer = Comparer(backend, core.digests, req.dest.profile, req.dest.bucket, req.use_cache, stop)
    summary = Summary()
    seen: set[str] = set()

    def one(src: Source) -> Comparison:
        if stop.is_set():
            raise Stopped()
        try:
            return comparer.compare(src, index.get(src.key))
        except SkyliftError as exc:
            return Comparison(src.key, src.path, Verdict.FAILED, NOT_COMPARED, src.size, None, str(exc))

    for prefix in index.prefixes:
        index.under(prefix)  # listed here, once, not by the first worker to need it
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="skylift-verify") as pool:
        try:
            for result in _in_order(pool, one, sources, WORKERS * 8):
                seen.add(result.key)
                summary.add(result)
                on_result(result)
        except Stopped:
            summary.stopped = True
            return summary
    for prefix in index.prefixes:
        for key, info in sorted(index.under(prefix).items()):
            rel = key[len(prefix) :]
            # An object the patterns leave out is not the folder's business (nor is a folder marker).
            if key in seen or key.endswith("/") or excluded(rel, req.include, req.exclude):
                continue
            result = Comparison(key, "", Verdict.ONLY_ON_SERVER, NOT_COMPARED, None, info.size)
            summary.add(result)
            on_result(result)
    return summary


def _in_order(
    pool: ThreadPoolExecutor, fn: Callable[[Source], Comparison], items: Iterable[Source], window: int
) -> Iterator[Comparison]:
    """``pool.map`` with at most ``window`` items submitted ahead (100,000 futures at once would
    hold every result in memory until the first is read)."""
    pending: list[Future[Comparison]] = []
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.pop(0).result()
    while pending:
        yield pending.pop(0).result()
