"""Engine events to Qt signals: a GUI-thread timer drains the accumulator a few times a second."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.progress import ProgressAccumulator
from engine.events import Finished, TransferView
from engine.state import State

#: How fast speeds follow the measurement (exponential moving average weight of a new sample).
_SMOOTH = 0.3
_STOPPED = frozenset({State.DONE, State.FAILED, State.CANCELLED, State.PAUSED})


@dataclass
class TransferInfo:
    """What the queue shows of one transfer; plain values, created off the GUI thread."""

    id: int
    name: str
    profile: str
    bucket: str
    key: str
    size: int
    state: State
    done: int
    local_path: str = ""
    error_code: str = ""
    error_detail: str = ""
    #: Bytes of acknowledged parts (``done`` counts in-flight bytes too).
    confirmed: int = 0
    #: The drop it came with (0: none) and the drop's label ("": some files, counted by the UI).
    batch: int = 0
    batch_label: str = ""

    @classmethod
    def from_view(cls, v: TransferView) -> TransferInfo:
        name = v.local_path.replace("\\", "/").rsplit("/", 1)[-1] or v.key
        return cls(
            id=v.id,
            name=name,
            profile=v.profile,
            bucket=v.bucket,
            key=v.key,
            size=v.size,
            state=v.state,
            done=v.done,
            local_path=v.local_path,
            error_code=v.error_code,
            error_detail=v.error_detail,
            confirmed=v.confirmed,
            batch=v.batch,
            batch_label=v.batch_label,
        )


@dataclass
class TransferChanges:
    """One tick's worth of news: absolute bytes done, speeds and new states, by transfer id."""

    done: dict[int, int] = field(default_factory=dict)
    #: absolute bytes of acknowledged parts, for the transfers in ``done``
    confirmed: dict[int, int] = field(default_factory=dict)
    speed: dict[int, float] = field(default_factory=dict)
    #: id -> (state, error code, error detail)
    states: dict[int, tuple[State, str, str]] = field(default_factory=dict)
    #: bytes per second over all transfers
    total_speed: float = 0.0

    def empty(self) -> bool:
        return not (self.done or self.speed or self.states)


class QtBridge(QObject):
    """Turns the engine's event stream into a few batched signals on the GUI thread.

    Signals:
        transfers_added(list[TransferInfo]): rows queued (or loaded) since the last tick.
        transfers_changed(TransferChanges): progress, speeds and states since the last tick.
        transfer_state_changed(int, int): one transfer's new state (id, State value).
        transfer_failed(int, str, str): id, error code, detail.
        batch_finished(int, int): the queue went idle; transfers done and failed meanwhile.
        ticked(): after every drain, so views can refresh totals.
    """

    transfers_added = Signal(list)
    transfers_changed = Signal(object)
    transfer_state_changed = Signal(int, int)
    transfer_failed = Signal(int, str, str)
    batch_finished = Signal(int, int)
    ticked = Signal()

    def __init__(
        self,
        accumulator: ProgressAccumulator,
        progress_of: Callable[[int], tuple[int, int]],
        busy: Callable[[], bool],
        interval_ms: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._acc = accumulator
        #: id -> (bytes done including in flight, bytes acknowledged)
        self._progress_of = progress_of
        self._busy = busy
        #: Emit ``transfer_state_changed`` per transfer: a listener sets this. (Asking Qt each tick
        #: whether the signal is connected hung once: the GUI thread waited inside that call while
        #: a pool thread held the GIL.)
        self.per_transfer = False
        self._speeds: dict[int, float] = {}
        self._total_speed = 0.0
        self._last = time.monotonic()
        self._batch_done = 0
        self._batch_failed = 0
        self._was_busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_tick)
        self.timer.start()

    def note_busy(self) -> None:
        """The queue got work outside the engine's events (e.g. a resume): arm batch_finished."""
        self._was_busy = True

    def _on_tick(self) -> None:
        now = time.monotonic()
        dt = max(1e-3, now - self._last)
        self._last = now
        drained = self._acc.drain()
        # Rows come from the engine's own views (Added), taken when it took the transfers in; the
        # states and bytes since then are in this same drain, applied below.
        added = [TransferInfo.from_view(v) for v in drained.added]
        if added:
            self.transfers_added.emit(added)
        changes = TransferChanges()
        sent_total = 0
        for tid, (_, sent) in drained.progress.items():
            changes.done[tid], changes.confirmed[tid] = self._progress_of(tid)
            sent_total += sent
            rate = max(0.0, sent / dt)
            old = self._speeds.get(tid, rate)
            self._speeds[tid] = old + _SMOOTH * (rate - old)
        for tid in list(self._speeds):
            if tid not in drained.progress:
                # No bytes this tick: let the speed fall off rather than freeze at its last value.
                self._speeds[tid] *= 1 - _SMOOTH
                if self._speeds[tid] < 1.0:
                    self._speeds[tid] = 0.0
            changes.speed[tid] = self._speeds[tid]
            if self._speeds[tid] == 0.0:
                del self._speeds[tid]
        self._total_speed += _SMOOTH * (sent_total / dt - self._total_speed)
        if self._total_speed < 1.0:
            self._total_speed = 0.0
        changes.total_speed = self._total_speed
        # A part acknowledged in a tick that sent nothing more (the last part) still moves the
        # confirmed figure; a pause's taken-back bytes arrive as Progress and are read above.
        for part in drained.part_events:
            if part.transfer_id not in changes.done:
                tid = part.transfer_id
                changes.done[tid], changes.confirmed[tid] = self._progress_of(tid)
        for ev in drained.states:
            changes.states[ev.transfer_id] = (ev.state, ev.error_code or "", ev.detail or "")
            if ev.state not in _STOPPED:
                self._was_busy = True
            if ev.state in _STOPPED:
                self._speeds.pop(ev.transfer_id, None)
        for fin in drained.finished:
            self._count(fin)
        if not changes.empty() or drained.parts:
            self.transfers_changed.emit(changes)
        # Thousands of small files finish per minute: emit one by one only for a listener.
        per_id = self.per_transfer
        for tid, (st, code, detail) in changes.states.items():
            if per_id:
                self.transfer_state_changed.emit(tid, int(st))
            if st is State.FAILED:
                self.transfer_failed.emit(tid, code, detail)
        if self._was_busy and not self._busy():
            self._was_busy = False
            done, failed = self._batch_done, self._batch_failed
            self._batch_done = self._batch_failed = 0
            if done or failed:
                self.batch_finished.emit(done, failed)
        self.ticked.emit()

    def _count(self, fin: Finished) -> None:
        if fin.state is State.DONE:
            self._batch_done += 1
        elif fin.state is State.FAILED:
            self._batch_failed += 1
