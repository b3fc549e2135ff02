"""Watched folders ("keep this folder uploaded"): the saved list, and the watchers running it.

The list lives in the checkpoint database (table ``watch``), so it outlives the process that
watches: ``skylift watch`` with no arguments and the window at launch run every saved watch.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services.core import AppCore, Destination, check_key
from app.services.watcher import FolderWatcher, as_prefix
from engine.state import FINAL, State
from engine.store import Store, TransferRow, now_ns

log = logging.getLogger("skylift.watch")

#: Seconds a file's size and time must hold still before it is uploaded.
DEFAULT_SETTLE = 2.0
#: Seconds between full looks at the folder (events can be missed: network filesystems, or
#: changes made while nothing was watching).
DEFAULT_RESCAN = 60.0


class WatchError(ValueError):
    """A watch that cannot be saved or found (bad input: exit 2 on the command line)."""


@dataclass(frozen=True)
class WatchOptions:
    settle: float = DEFAULT_SETTLE
    rescan: float = DEFAULT_RESCAN
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps(
            {"settle": self.settle, "rescan": self.rescan, "include": self.include, "exclude": self.exclude},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> WatchOptions:
        """Options as saved; a value that is missing or unusable falls back to its default, so a
        hand-edited row cannot stop every other watch from starting."""
        try:
            raw: Any = json.loads(text or "{}")
        except ValueError:
            raw = {}
        if not isinstance(raw, dict):
            raw = {}

        def seconds(name: str, default: float) -> float:
            value = raw.get(name, default)
            ok = isinstance(value, int | float) and 0 < value < 86_400
            return float(value) if ok else default

        def patterns(name: str) -> tuple[str, ...]:
            value = raw.get(name, [])
            return tuple(p for p in value if isinstance(p, str)) if isinstance(value, list) else ()

        return cls(
            seconds("settle", DEFAULT_SETTLE),
            seconds("rescan", DEFAULT_RESCAN),
            patterns("include"),
            patterns("exclude"),
        )


@dataclass(frozen=True)
class Watch:
    id: int
    local_path: str
    dest: Destination
    options: WatchOptions = field(default_factory=WatchOptions)

    def __str__(self) -> str:
        return f"{self.local_path} -> {self.dest}"


def watched_folder(local_path: str) -> str:
    """The folder as saved: absolute, links resolved; refused unless it is a folder."""
    path = Path(local_path).expanduser()
    if not path.exists():
        raise WatchError(f"no such folder: {local_path}; check the path (a watch needs an existing folder)")
    if not path.is_dir():
        raise WatchError(
            f"{local_path} is not a folder; watch the folder that holds it "
            "(to upload one file once, use 'skylift upload')"
        )
    return str(path.resolve())


class WatchList:
    """The saved watches. Reads on the calling thread's connection, writes on the store's writer."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, local_path: str, dest: Destination, options: WatchOptions | None = None) -> int:
        """Save a watch and return its id; the same folder and destination again returns the id
        it has (with the options given now)."""
        folder = watched_folder(local_path)
        prefix = as_prefix(dest.key)
        check_key(prefix)
        opts = (options or WatchOptions()).to_json()

        def fn(con: sqlite3.Connection) -> int:
            row = con.execute("SELECT id FROM profile WHERE name = ?", (dest.profile,)).fetchone()
            if row is None:
                raise WatchError(
                    f"no profile named {dest.profile!r}; add it with 'skylift profile add' "
                    "('skylift profile list' shows the profiles)"
                )
            con.execute(
                "INSERT INTO watch(profile_id, local_path, bucket, prefix, options, created_at)"
                " VALUES(?,?,?,?,?,?) ON CONFLICT(profile_id, local_path, bucket, prefix)"
                " DO UPDATE SET options = excluded.options",
                (row[0], folder, dest.bucket, prefix, opts, now_ns()),
            )
            found = con.execute(
                "SELECT id FROM watch WHERE profile_id = ? AND local_path = ? AND bucket = ? AND prefix = ?",
                (row[0], folder, dest.bucket, prefix),
            ).fetchone()
            return int(found[0])

        return self._store.write(fn).result()

    def remove(self, watch_id: int) -> Watch:
        """Forget a watch (what it uploaded stays); returns what it was."""
        gone = self.get(watch_id)
        if gone is None:
            raise WatchError(f"no watch with id {watch_id}; 'skylift watch --list' shows them")
        self._store.write(lambda con: con.execute("DELETE FROM watch WHERE id = ?", (watch_id,))).result()
        return gone

    def get(self, watch_id: int) -> Watch | None:
        return next((w for w in self.list() if w.id == watch_id), None)

    def list(self) -> list[Watch]:
        rows = self._store.read().execute(
            "SELECT w.id, w.local_path, p.name, w.bucket, w.prefix, w.options FROM watch w"
            " JOIN profile p ON p.id = w.profile_id ORDER BY w.id"
        )
        return [Watch(r[0], r[1], Destination(r[2], r[3], r[4]), WatchOptions.from_json(r[5])) for r in rows]


class Watching:
    """The watchers running in this process, one per watch; owned by the app object (the CLI
    command or the GUI controller), which calls ``close`` before it closes the core."""

    def __init__(self, core: AppCore, on_problem: Callable[[Watch, str], None] | None = None) -> None:
        self.core = core
        self.watches = WatchList(core.store)
        self._on_problem = on_problem
        self._running: dict[int, FolderWatcher] = {}

    def start(self, watch: Watch, once: bool = False, events: bool = True) -> FolderWatcher | None:
        """Start watching (no-op if it runs already); a folder gone since it was saved is said
        through ``on_problem`` and left out, so the other watches still run."""
        if watch.id in self._running:
            return self._running[watch.id]
        if not os.path.isdir(watch.local_path):
            self._problem(watch, f"{watch.local_path} is not a folder any more; it is not watched")
            return None
        w = FolderWatcher(
            self.core,
            watch.local_path,
            watch.dest,
            settle=watch.options.settle,
            rescan=watch.options.rescan,
            include=list(watch.options.include),
            exclude=list(watch.options.exclude),
            events=events,
            once=once,
            on_problem=lambda text: self._problem(watch, text),
        )
        self._running[watch.id] = w
        w.start()
        return w

    def start_all(self, once: bool = False) -> list[FolderWatcher]:
        started = [self.start(w, once=once) for w in self.watches.list()]
        return [w for w in started if w is not None]

    def resume_unfinished(self, watches: list[Watch]) -> list[int]:
        """Transfers an earlier run of these watches left unfinished (Ctrl-C, kill -9) go on from
        where they stopped, rather than being sent again from byte 0 beside their checkpoint.
        Returns their ids (those another live process holds are left to it)."""

        def ours(r: TransferRow) -> bool:
            return any(
                r.profile == w.dest.profile
                and r.bucket == w.dest.bucket
                and r.key.startswith(w.dest.key)
                and r.local_path.startswith(os.path.join(w.local_path, ""))
                for w in watches
            )

        unfinished = [s for s in State if s not in FINAL and s is not State.FAILED]
        rows = [r for r in self.core.store.list_transfers(unfinished) if ours(r)]
        if not rows:
            return []
        loaded = self.core.engine.load([r.id for r in rows])
        self.core.engine.resume(loaded.ids)
        return loaded.ids

    def stop(self, watch_id: int) -> None:
        w = self._running.pop(watch_id, None)
        if w is not None:
            w.stop(5.0)

    def running(self) -> list[FolderWatcher]:
        return list(self._running.values())

    def close(self, timeout: float = 5.0) -> None:
        """Stop every watcher's threads (transfers they queued are the engine's to pause). A
        watcher stuck in a request to a dead endpoint is left behind after ``timeout``: its
        thread is a daemon, and what it would queue is refused once the stop is set."""
        for w in self._running.values():
            w.request_stop()
        for w in self._running.values():
            w.stop(timeout)
        self._running.clear()

    def _problem(self, watch: Watch, text: str) -> None:
        log.warning("watch #%d (%s): %s", watch.id, watch, text)
        if self._on_problem is not None:
            self._on_problem(watch, text)
