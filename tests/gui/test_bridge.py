"""The bridge turns many engine events into one batch per tick, and says when a batch is done."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from app.gui.bridge import QtBridge, TransferChanges, TransferInfo
from app.services.progress import ProgressAccumulator
from engine.events import Added, Finished, Progress, StateChanged, TransferView
from engine.state import State

if TYPE_CHECKING:
    from tests.helpers.fixtures import QtBot


pytestmark = pytest.mark.gui


def test_one_tick_one_batch(qtbot: QtBot) -> None:
    acc = ProgressAccumulator()
    done = {1: 0, 2: 0}
    busy = [True]
    bridge = QtBridge(acc, lambda i: (done[i], done[i]), lambda: busy[0], interval_ms=50)
    batches: list[TransferChanges] = []
    added: list[list[TransferInfo]] = []
    states: list[tuple[int, int]] = []
    bridge.transfers_changed.connect(batches.append)
    bridge.transfers_added.connect(added.append)
    bridge.per_transfer = True
    bridge.transfer_state_changed.connect(lambda i, s: states.append((i, s)))
    acc.emit(Added((TransferView(1, "p", "/x/a", "b", "a", 100, State.QUEUED, 0),)))
    for _ in range(1000):  # a thousand chunks of 1 byte: one signal, not a thousand
        acc.emit(Progress(1, 1, 1))
    done[1] = 1000
    acc.emit(StateChanged(1, State.RUNNING))
    with qtbot.waitSignal(bridge.transfers_changed, timeout=2000):
        pass
    assert len(added) == 1 and (added[0][0].id, added[0][0].name) == (1, "a")
    assert len(batches) == 1
    assert batches[0].done == {1: 1000} and batches[0].states[1][0] is State.RUNNING
    assert states == [(1, int(State.RUNNING))]
    acc.emit(StateChanged(1, State.DONE))
    acc.emit(Finished(1, State.DONE, "b", "a", 100, 100, 0, "etag"))
    busy[0] = False
    with qtbot.waitSignal(bridge.batch_finished, timeout=2000) as sig:
        pass
    assert sig.args == [1, 0]
    bridge.timer.stop()
