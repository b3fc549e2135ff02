"""Every model passes qtmodeltester, empty, filled, filtered, sorted and after updates."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.gui.api import State
from app.gui.bridge import TransferChanges, TransferInfo
from app.services.browser import Entry
from ui.bucket_browser import ListingModel
from ui.transfer_model import (
    COL_NAME,
    COL_SIZE,
    FILTERS,
    ConfirmedRole,
    ProgressRole,
    SortRole,
    TransferModel,
)

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
    assert "R1" in tip and "access key was refused" in tip


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


def _drop(first: int, n: int, batch: int, label: str = "album") -> list[TransferInfo]:
    return [
        TransferInfo(
            i,
            f"img{i:03}.jpg",
            "sw",
            "b",
            f"k/{label}/img{i:03}.jpg",
            100 * i,
            State.QUEUED,
            0,
            batch=batch,
            batch_label=label,
        )
        for i in range(first, first + n)
    ]


def test_grouped_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    m = TransferModel()
    m.set_grouped(True)
    qtmodeltester.check(m)
    m.add([_info(1), *_drop(2, 20, 7), _info(22)])
    m.add(_drop(23, 10, 7))  # the walk's next batch joins the same group
    m.add(_drop(40, 5, 8, ""))
    qtmodeltester.check(m)
    assert m.rowCount() == 4  # a lone file, the album, a lone file, five loose files
    assert [m.index(r, 0).data() for r in range(4)] == ["file001.bin", "album", "file022.bin", "5 files"]
    album = m.index(1, 0)
    assert m.rowCount(album) == 30 and m.parent(m.index(0, 0, album)) == album
    m.apply(
        TransferChanges(
            done={2: 150, 3: 300},
            confirmed={2: 100, 3: 0},
            speed={2: 50.0, 3: 25.0},
            states={2: (State.RUNNING, "", ""), 3: (State.RUNNING, "", ""), 4: (State.FAILED, "auth", "")},
        )
    )
    qtmodeltester.check(m)
    sizes = sum(100 * i for i in (*range(2, 22), *range(23, 33)))
    assert m.index(1, COL_SIZE).data(SortRole) == sizes
    assert m.index(1, 3).data(ProgressRole) == pytest.approx(450 / sizes)
    assert m.index(1, 3).data(ConfirmedRole) == pytest.approx(100 / sizes)
    assert m.index(1, 4).data(SortRole) == 75.0
    assert m.index(1, 6).data() == "Uploading · 0 of 30"
    assert m.index(1, 7).data() == "1 failed"
    for name in FILTERS:
        m.set_filter(name)
        qtmodeltester.check(m)
    m.set_filter("failed")
    assert m.rowCount() == 1 and m.rowCount(m.index(0, 0)) == 1
    m.set_filter("all")
    m.sort(COL_SIZE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(m)
    assert m.index(0, 0).data() == "album"
    kids = m.index(0, 0)
    assert m.index(0, 0, kids).data() == "img032.jpg"
    m.remove([2, 3, 40])
    qtmodeltester.check(m)
    assert m.rowCount(m.index(0, 0)) == 28
    m.set_grouped(False)
    qtmodeltester.check(m)
    assert m.rowCount() == 2 + 28 + 4


def test_a_tick_touches_only_the_rows_that_changed_and_their_group() -> None:
    m = TransferModel()
    m.set_grouped(True)
    m.add(_drop(1, 500, 3))
    group = m.index(0, 0)
    seen: list[tuple[int, int, bool]] = []
    layouts: list[int] = []
    m.dataChanged.connect(lambda a, b: seen.append((a.row(), b.row(), a.parent().isValid())))
    m.layoutChanged.connect(lambda: layouts.append(1))
    m.apply(TransferChanges(done={10: 5, 11: 5, 400: 5}, confirmed={10: 0, 11: 0, 400: 0}))
    assert layouts == []
    assert sorted(seen) == [(0, 0, False), (9, 10, True), (399, 399, True)]
    assert m.index(0, 3, QModelIndex()).data(ProgressRole) == pytest.approx(15 / (100 * sum(range(1, 501))))
    assert m.rowCount(group) == 500
