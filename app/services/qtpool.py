"""The engine's executor: a QThreadPool, for the CLI and the GUI alike."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QRunnable, QThreadPool

log = logging.getLogger("skylift.pool")


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._fn()
        except BaseException:  # a worker must never take the pool down with it
            log.exception("task failed")


class QtPoolExecutor:
    """``submit(fn)`` on a private QThreadPool; the engine needs nothing more."""

    def __init__(self, max_threads: int) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max(1, max_threads))

    def submit(self, fn: Callable[[], None]) -> None:
        self.pool.start(_Task(fn))

    def set_max_threads(self, n: int) -> None:
        self.pool.setMaxThreadCount(max(1, n))

    def wait(self, timeout_ms: int = -1) -> bool:
        return bool(self.pool.waitForDone(timeout_ms))
