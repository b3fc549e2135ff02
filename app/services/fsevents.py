"""File events from the OS (watchdog) for a watched folder, handed over as paths."""

from __future__ import annotations

import os
from collections.abc import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

#: Told of a path that changed (created, written, moved, deleted) and whether it is a folder.
HandOver = Callable[[str, bool], None]


class _Events(FileSystemEventHandler):
    """Runs on watchdog's thread: only hands paths over (the watcher's thread looks at them)."""

    def __init__(self, hand_over: HandOver) -> None:
        self._hand_over = hand_over

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing to upload
        if event.is_directory and event.event_type == "modified":
            # A file made or removed inside: the file has an event of its own, and walking the
            # folder again for each one would cost a full walk per new file in a big folder.
            return
        self._hand_over(os.fsdecode(event.src_path), event.is_directory)
        if event.dest_path:
            self._hand_over(os.fsdecode(event.dest_path), event.is_directory)


def follow(folder: str, hand_over: HandOver) -> BaseObserver:
    """Start an observer of ``folder`` and everything beneath it; the caller stops and joins it.
    Raises OSError where events cannot be had (inotify's watch limit, some filesystems)."""
    observer = Observer()
    observer.schedule(_Events(hand_over), folder, recursive=True)
    observer.start()
    return observer
