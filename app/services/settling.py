"""When a file in a watched folder has stopped changing: the looks at it, and what was queued.

Plain bookkeeping with no threads or I/O of its own; one watcher thread owns an instance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.sources import Source


@dataclass
class _Look:
    """A file as last seen: ``since`` is when it was first seen with this size and time; ``due``
    when to look at it again."""

    size: int
    mtime_ns: int
    since: float
    due: float


class Settling:
    """A file is ready once its (size, mtime_ns) was the same on two looks ``settle`` seconds or
    more apart; a version already queued is not ready again until it changes."""

    def __init__(self, settle: float) -> None:
        self.settle = settle
        self._pending: dict[str, _Look] = {}
        self._queued: dict[str, tuple[int, int]] = {}

    def seen(self, src: Source, now: float) -> Source | None:
        """Note one look at a file; the source when it has held still long enough to queue."""
        stat = (src.size, src.mtime_ns)
        look = self._pending.get(src.path)
        if look is None and self._queued.get(src.path) == stat:
            return None  # queued (or found on the server) as it is now
        if look is None or (look.size, look.mtime_ns) != stat:
            self._pending[src.path] = _Look(src.size, src.mtime_ns, now, now + self.settle)
            return None
        if now - look.since < self.settle:
            look.due = look.since + self.settle
            return None
        return src

    def gone(self, path: str) -> None:
        self._pending.pop(path, None)

    def keep_only(self, paths: set[str]) -> None:
        """Forget files not among ``paths`` (deleted, or excluded now)."""
        self._pending = {p: look for p, look in self._pending.items() if p in paths}
        self._queued = {p: stat for p, stat in self._queued.items() if p in paths}

    def queued(self, sources: Iterable[Source]) -> None:
        for src in sources:
            self._queued[src.path] = (src.size, src.mtime_ns)
            self._pending.pop(src.path, None)

    def later(self, path: str, at: float) -> None:
        """Look at a ready file again at ``at`` (its key is busy, or queueing failed)."""
        look = self._pending.get(path)
        if look is not None:
            look.due = at

    def pending(self) -> list[str]:
        return list(self._pending)

    def due(self, now: float) -> list[str]:
        return [p for p, look in self._pending.items() if look.due <= now]

    def next_due(self) -> float | None:
        return min((look.due for look in self._pending.values()), default=None)
