"""A 100,000-row queue scrolls and takes progress ticks without stalling the event loop.

A 10 ms QTimer probe records the gaps between its ticks; the worst gap is the stall. The
numbers are written to test-artifacts/stall.json and printed; the bound asserted is loose.
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView, QTreeView

from app.gui.api import State
from app.gui.bridge import TransferChanges, TransferInfo
from bench.queue_scale import Probe
from tests.helpers.env import ROOT
from ui.delegates import ProgressDelegate
from ui.transfer_model import COL_PROGRESS, IdRole, ProgressRole, TransferModel

if TYPE_CHECKING:
    from tests.helpers.fixtures import ModelTester, QtBot


pytestmark = pytest.mark.gui

ROWS = 100_000
ARTIFACTS = ROOT / "test-artifacts"


def test_100k_rows_scroll_and_update_without_stalling(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = TransferModel()
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(view))
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.resize(1000, 600)
    qtbot.addWidget(view)
    view.show()
    results: dict[str, dict[str, float]] = {}

    # 1. Rows arrive the way a folder walk delivers them: 1,000 per bridge tick.
    probe = Probe()
    probe.start()
    next_id = iter(range(1, ROWS + 1))

    def add_batch() -> None:
        batch = []
        for _ in range(1000):
            i = next(next_id, None)
            if i is None:
                break
            batch.append(TransferInfo(i, f"f{i:06}.jpg", "sw", "b", f"p/f{i:06}.jpg", 4096, State.QUEUED, 0))
        model.add(batch)

    adder = QTimer()
    adder.setInterval(20)
    adder.timeout.connect(add_batch)
    adder.start()
    qtbot.waitUntil(lambda: model.rowCount() == ROWS, timeout=60000)
    adder.stop()
    results["queueing"] = probe.stop()

    # 2. Progress ticks (5 per second, 2,000 rows each, some state changes) while scrolling.
    rng = random.Random(7)
    probe = Probe()
    probe.start()
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1
        ids = rng.sample(range(1, ROWS + 1), 2000)
        ch = TransferChanges(
            done={i: rng.randrange(4096) for i in ids},
            speed={i: 1e5 for i in ids[:500]},
            states={i: (State.RUNNING, "", "") for i in ids[:200]},
            total_speed=5e7,
        )
        model.apply(ch)
        bar = view.verticalScrollBar()
        bar.setValue((bar.value() + 3000) % max(1, bar.maximum()))

    ticker = QTimer()
    ticker.setInterval(200)
    ticker.timeout.connect(tick)
    ticker.start()
    qtbot.waitUntil(lambda: ticks >= 15, timeout=60000)
    ticker.stop()
    results["updating"] = probe.stop()

    # 3. A filter switch re-lays out all rows at once: a stall users can notice, measure it.
    probe = Probe()
    probe.start()
    model.set_filter("active")
    model.set_filter("all")
    qtbot.waitUntil(lambda: len(probe.gaps) >= 5, timeout=10000)
    results["filter_switch"] = probe.stop()

    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "stall.json").write_text(json.dumps(results, indent=2))
    print("event-loop stall (ms):", json.dumps(results))
    assert model.rowCount() == ROWS
    # Loose: the target is 100 ms on a quiet machine; this one is shared and busy.
    assert results["updating"]["max_ms"] < 1000, results
    assert results["queueing"]["max_ms"] < 1000, results


def test_a_100k_file_drop_is_one_group_and_ticks_stay_virtual(qtbot: QtBot) -> None:
    """Grouped, a 100,000-file drop is one row that opens onto its files. A tick of progress
    neither resets nor re-lays out the model: it changes a bounded number of row ranges, and the
    group's sums follow by the same deltas (checked against a full recount at the end)."""
    model = TransferModel()
    model.set_grouped(True)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(view))
    view.resize(1000, 600)
    qtbot.addWidget(view)
    view.show()
    for start in range(0, ROWS, 1000):
        model.add(
            [
                TransferInfo(i, f"f{i:06}.jpg", "sw", "b", f"p/f{i:06}.jpg", 4096, State.QUEUED, 0, batch=1)
                for i in range(start + 1, start + 1001)
            ]
        )
    assert model.rowCount() == 1
    group = model.index(0, 0)
    assert model.rowCount(group) == ROWS
    assert group.data() == "100,000 files"
    view.expand(group)
    qtbot.wait(50)
    resets: list[int] = []
    layouts: list[int] = []
    changed: list[tuple[int, int, bool]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.layoutChanged.connect(lambda: layouts.append(1))
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row(), a.parent().isValid())))
    rng = random.Random(11)
    per_tick: list[int] = []
    for _ in range(15):
        before = len(changed)
        ids = rng.sample(range(1, ROWS + 1), 2000)
        model.apply(
            TransferChanges(
                done={i: rng.randrange(4096) for i in ids},
                confirmed={i: 0 for i in ids},
                speed={i: 1e5 for i in ids[:500]},
                states={i: (State.RUNNING, "", "") for i in ids[:200]},
                total_speed=5e7,
            )
        )
        qtbot.wait(1)
        per_tick.append(len(changed) - before)
    assert resets == [] and layouts == []
    # One signal per run of rows, at most _MAX_RANGES for the files plus one for the group row.
    assert max(per_tick) <= 33, per_tick
    assert all(b >= a for a, b, _ in changed)
    assert model.index(0, 0, group).data(IdRole) == 1
    assert model.index(0, 3).data(ProgressRole) == pytest.approx(model.done_bytes / model.total_bytes)
    assert model.index(0, 6).data().startswith("Uploading · 0 of 100,000")
    # No widget per row: the view paints from the model.
    assert view.indexWidget(model.index(5, 0, group)) is None
