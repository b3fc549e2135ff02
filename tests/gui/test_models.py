"""Every model passes qtmodeltester, empty, filled, filtered, sorted and after updates."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from app.gui.api import State
from app.gui.bridge import TransferChanges, TransferInfo
from app.services.browser import Entry
from ui.bucket_browser import ListingModel
from ui.transfer_model import COL_NAME, COL_SIZE, FILTERS, ProgressRole, TransferModel

if TYPE_CHECKING:
    from tests.helpers.fixtures import ModelTester, QtBot


pytestmark = pytest.mark.gui


def _info(i: int, state: State = State.QUEUED, size: int = 1000) -> TransferInfo:
    return TransferInfo(i, f"file{i:03}.bin", "sw", "b", f"k/file{i:03}.bin", size, state, 0, f"/tmp/file{i}")


def test_transfer_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    m = TransferModel()
    qtmodeltester.check(m)
    m.add([_info(i, State(1 + i % 9)) for i in range(1, 60)])
    qtmodeltester.check(m)
    for name in FILTERS:
        m.set_filter(name)
        qtmodeltester.check(m)
    m.set_filter("all")
    m.sort(COL_SIZE)
    m.sort(COL_NAME)
    qtmodeltester.check(m)
    m.apply(TransferChanges(done={1: 500}, speed={1: 100.0}, states={2: (State.FAILED, "network", "x")}))
    m.remove([3, 4, 5])
    qtmodeltester.check(m)
    assert m.rowCount() == 56


def test_progress_updates_and_filters_move_rows() -> None:
    m = TransferModel()
    m.add([_info(1), _info(2), _info(3)])
    m.set_filter("active")
    assert m.rowCount() == 3
    m.apply(TransferChanges(done={1: 250}, states={2: (State.DONE, "", "")}))
    assert m.rowCount() == 2
    row = m.row_of_id(1)
    assert m.index(row, 3).data(ProgressRole) == pytest.approx(0.25)
    assert m.index(row, 3).data() == "25%"
    assert m.done_bytes == 250 + 1000
    m.set_filter("done")
    assert [m.id_at(r) for r in range(m.rowCount())] == [2]
    m.apply(TransferChanges(states={3: (State.FAILED, "auth", "InvalidAccessKeyId: nope (request id R1)")}))
    m.set_filter("failed")
    assert m.rowCount() == 1
    tip = m.index(0, 7).data(0x03)  # ToolTipRole
    assert "R1" in tip and "credentials" in tip


def test_sort_keeps_selection_on_the_same_transfer(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPersistentModelIndex, Qt

    m = TransferModel()
    m.add([_info(i, size=1000 - i) for i in range(1, 6)])
    p = QPersistentModelIndex(m.index(0, 0))
    assert m.id_at(p.row()) == 1
    m.sort(COL_SIZE, Qt.SortOrder.AscendingOrder)
    assert m.id_at(p.row()) == 1 and p.row() == 4


def test_listing_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    m = ListingModel()
    qtmodeltester.check(m)
    m.set_entries(
        [
            Entry("photos/", "photos/", True),
            Entry("a.txt", "a.txt", False, 12, datetime(2026, 1, 2, tzinfo=UTC)),
        ]
    )
    qtmodeltester.check(m)
    assert m.index(1, 1).data() == "12 B"
