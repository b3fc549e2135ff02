"""Pause the queue when an endpoint is unreachable, probe it, resume when it answers again."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from engine.errors import ErrorCode

log = logging.getLogger("skylift.network")


class NetworkMonitor(QObject):
    """Watches failures with the ``network`` code and owns the pause-probe-resume cycle.

    Signals:
        status_changed(bool, str): online?, the profile that went offline or came back.
        probe_answered(str, bool): internal; a probe for the profile finished (ok?).
    """

    status_changed = Signal(bool, str)
    probe_answered = Signal(str, bool)

    def __init__(
        self,
        probe: Callable[[str], None],
        pause: Callable[[list[int]], None],
        resume: Callable[[list[int]], None],
        live_ids_of: Callable[[str], list[int]],
        interval_ms: int = 3000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self._pause = pause
        self._resume = resume
        self._live_ids_of = live_ids_of
        #: profile -> transfers this monitor paused or saw fail for the network
        self._held: dict[str, set[int]] = {}
        self._probing: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer)
        self.probe_answered.connect(self._on_probe_answered)

    @property
    def online(self) -> bool:
        return not self._held

    def offline_profiles(self) -> list[str]:
        return sorted(self._held)

    def note_failure(self, transfer_id: int, profile: str, code: str) -> None:
        if code != ErrorCode.NETWORK.value:
            return
        first = profile not in self._held
        held = self._held.setdefault(profile, set())
        held.add(transfer_id)
        if first:
            # The rest of this endpoint's queue would fail one by one; hold it instead.
            others = [i for i in self._live_ids_of(profile) if i != transfer_id]
            held.update(others)
            self._pause(others)
            log.warning("%s is unreachable: %d transfers paused until it answers", profile, len(held))
            self.status_changed.emit(False, profile)
            if not self.timer.isActive():
                self.timer.start()

    def forget(self, ids: list[int]) -> None:
        """The user took these over (paused, cancelled, resumed by hand)."""
        for held in self._held.values():
            held.difference_update(ids)

    def _on_timer(self) -> None:
        for profile in list(self._held):
            if profile not in self._probing:
                self._probing.add(profile)
                self._probe(profile)

    def report_probe(self, profile: str, ok: bool) -> None:
        """Thread-safe: called by the probe worker."""
        self.probe_answered.emit(profile, ok)

    def _on_probe_answered(self, profile: str, ok: bool) -> None:
        self._probing.discard(profile)
        if not ok or profile not in self._held:
            return
        ids = sorted(self._held.pop(profile))
        log.info("%s answers again: resuming %d transfers", profile, len(ids))
        self._resume(ids)
        if not self._held:
            self.timer.stop()
        self.status_changed.emit(True, profile)
