"""A dropped folder is one row: its sums, its commands, the flat view, a relaunch; and a pause
keeps the acknowledged bytes on the bar. The real controller runs against SeaweedFS."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction

from app.gui.api import State, format_size
from engine.backends.base import ObjectSpec
from engine.errors import ErrorCode, SkyliftError
from tests.gui.test_queue import drop
from tests.gui.test_share_gui import _choose_from_context_menu
from ui.transfer_model import COL_NAME, COL_SIZE, COL_STATE, BatchRole, ConfirmedRole, ProgressRole

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, MainWindow, QtBot


pytestmark = [pytest.mark.gui, pytest.mark.integration]


def _folder(tmp_path: Path, n: int, size: int = 100) -> Path:
    folder = tmp_path / "photos"
    (folder / "sub").mkdir(parents=True)
    for i in range(n):
        (folder / ("sub" if i % 3 == 0 else "") / f"p{i:03}.jpg").write_bytes(b"x" * (size + i))
    return folder


def _grouped(window: MainWindow) -> None:
    """Turn the view to groups the way a user does: the toggle's action, checked."""
    if not window.commands.group_by_drop.isChecked():
        window.group_button.click()
    assert window.model.grouped


def _group_index(window: MainWindow) -> QModelIndex:
    m = window.model
    assert m.rowCount() == 1
    index = m.index(0, COL_NAME)
    assert index.data(BatchRole), "the drop is not a group row"
    return index


def _click(window: MainWindow, action: QAction, qtbot: QtBot) -> None:
    button = window.toolbar.widgetForAction(action)
    assert button.isEnabled(), action.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_dropped_folder_is_one_row_whose_sums_match_its_files(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    _grouped(window)
    folder = _folder(tmp_path, 40)
    drop(window, [folder])
    m = window.model
    qtbot.waitUntil(lambda: m.count(State.DONE) == 40, timeout=60000)
    group = _group_index(window)
    assert group.data() == "photos"
    assert m.rowCount(group) == 40
    sizes = sum(p.stat().st_size for p in folder.rglob("*.jpg"))
    assert m.index(0, COL_SIZE).data() == format_size(sizes)
    assert m.total_bytes == sizes
    kids = [m.index(r, COL_NAME, group) for r in range(40)]
    assert {k.data() for k in kids} == {p.name for p in folder.rglob("*.jpg")}
    assert m.index(0, COL_STATE).data() == "Done"
    assert m.index(0, 3).data(ProgressRole) == 1.0
    # Expanding shows the files; the view asks the model, no widget per row.
    window.tree.expand(group)
    assert window.tree.isExpanded(group)
    assert window.table.indexWidget(kids[0]) is None


def test_pause_and_resume_on_the_group_row_act_on_all_its_files(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    _grouped(window)
    c = window.controller
    c.settings.concurrency = 1
    c.set_bwlimit(64 * 1024)  # slow: the drop is still going when the user pauses it
    folder = _folder(tmp_path, 12, size=60 * 1024)
    drop(window, [folder])
    m = window.model
    qtbot.waitUntil(lambda: m.count() == 12 and m.count(State.RUNNING) > 0, timeout=30000)
    window.table.selectRow(0)
    _click(window, window.commands.pause, qtbot)
    ids = window.selected_ids()
    assert len(ids) == 12
    qtbot.waitUntil(lambda: all(m.state_of(i) in (State.PAUSED, State.DONE) for i in ids), timeout=20000)
    assert m.count(State.PAUSED) > 0
    assert m.index(0, COL_STATE).data().startswith("Paused · ")
    c.set_bwlimit(0)
    window.table.selectRow(0)
    _click(window, window.commands.resume, qtbot)
    qtbot.waitUntil(lambda: m.count(State.DONE) == 12, timeout=60000)
    assert m.index(0, COL_STATE).data() == "Done"


def test_retry_on_the_group_retries_only_its_failed_files(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _grouped(window)
    folder = _folder(tmp_path, 6)
    m = window.model
    c = window.controller
    # The server refuses two of the files once (a refusal is not retried by itself).
    refused = {"drop/photos/p001.jpg", "drop/photos/p002.jpg"}
    backend = c.core.profiles.backend("sw")
    real_put = backend.put_small

    def put_small(obj: ObjectSpec, body: Any, digest: Any) -> Any:
        if obj.key in refused:
            raise SkyliftError(ErrorCode.ACCESS_DENIED, "refused by the test")
        return real_put(obj, body, digest)

    monkeypatch.setattr(backend, "put_small", put_small)
    drop(window, [folder])
    qtbot.waitUntil(lambda: m.count() == 6 and m.count(State.DONE, State.FAILED) == 6, timeout=30000)
    failed = set(m.ids_in_state(State.FAILED))
    assert len(failed) == 2
    assert m.index(0, 7).data() == "2 failed"
    assert m.index(0, COL_STATE).data() == "Failed · 4 of 6"
    retried: list[list[int]] = []
    real_retry = c.retry

    def spy(ids: list[int]) -> None:
        retried.append(list(ids))
        real_retry(ids)

    monkeypatch.setattr(c, "retry", spy)
    refused.clear()
    window.table.selectRow(0)
    assert window.commands.retry.isEnabled()
    # Right click on the group's row, then Retry from its menu (arrow keys and Return).
    seen = _choose_from_context_menu(window.table, 0, window.commands.retry.text())
    assert window.commands.retry.text() in seen
    assert len(retried) == 1 and set(retried[0]) == failed
    qtbot.waitUntil(lambda: m.count(State.DONE) == 6, timeout=30000)
    assert m.index(0, COL_STATE).data() == "Done" and m.index(0, 7).data() == ""


def test_the_flat_view_is_one_click_away_and_remembered(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    _grouped(window)
    folder = _folder(tmp_path, 5)
    drop(window, [folder])
    m = window.model
    qtbot.waitUntil(lambda: m.count(State.DONE) == 5, timeout=30000)
    assert m.rowCount() == 1
    window.group_button.click()
    assert not m.grouped and m.rowCount() == 5
    assert window.controller.settings.group_by_drop is False
    saved = window.controller.paths.settings.read_text()
    assert '"group_by_drop": false' in saved
    # The filters and the text filter work in both views.
    window.search.setText("p003")
    assert m.rowCount() == 1
    window.group_button.click()
    assert m.grouped and m.rowCount() == 1 and m.rowCount(m.index(0, 0)) == 1
    window.search.setText("photos")  # the folder's name finds its group with every file
    assert m.rowCount(m.index(0, 0)) == 5
    window.search.clear()
    window.filters.setCurrentIndex(4)  # Failed
    assert m.rowCount() == 0
    window.filters.setCurrentIndex(3)  # Done
    assert m.rowCount() == 1


def test_the_group_survives_a_relaunch(
    controller: Controller, window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from ui.main_window import MainWindow as Window

    _grouped(window)
    folder = _folder(tmp_path, 8)
    drop(window, [folder])
    qtbot.waitUntil(lambda: window.model.count(State.DONE) == 8, timeout=30000)
    batch = window.model.index(0, 0).data(BatchRole)
    window.ask_on_quit = False
    window.close()
    controller.close(10)
    again = Controller(resolve_paths(), controller.settings.copy())
    try:
        w2 = Window(again, ask_destination=False)
        again.start()
        qtbot.waitUntil(lambda: w2.model.count() == 8, timeout=20000)
        assert w2.model.grouped
        assert w2.model.rowCount() == 1
        assert w2.model.index(0, 0).data(BatchRole) == batch
        assert w2.model.index(0, 0).data() == "photos"
        assert w2.model.rowCount(w2.model.index(0, 0)) == 8
        w2.ask_on_quit = False
        w2.close()
    finally:
        again.close(10)


def test_a_paused_multipart_transfer_keeps_its_confirmed_bytes(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    c = window.controller
    c.settings.part_size = c.core.settings.part_size = 5 * 1024 * 1024
    c.settings.threshold = c.core.settings.threshold = 5 * 1024 * 1024
    c.set_bwlimit(8 * 1024 * 1024)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(1024 * 1024) * 60)
    window.queue_paths([str(big)])
    m = window.model
    qtbot.waitUntil(lambda: m.rowCount() == 1 and m.state_of(m.id_at(0)) is State.RUNNING, timeout=10000)
    tid = m.id_at(0)
    # While parts are in flight the bar has a light segment beyond the confirmed one.
    qtbot.waitUntil(lambda: m.confirmed_of(tid) > 0, timeout=30000)
    assert m.index(0, 3).data(ProgressRole) >= m.index(0, 3).data(ConfirmedRole) > 0
    window.table.selectRow(0)
    _click(window, window.commands.pause, qtbot)
    qtbot.waitUntil(lambda: m.state_of(tid) is State.PAUSED, timeout=10000)
    confirmed = m.confirmed_of(tid)
    assert confirmed > 0 and confirmed % (5 * 1024 * 1024) == 0
    assert m.index(0, 3).data(ConfirmedRole) > 0
    # The paused row's figure is the confirmed one: nothing in flight is left to show.
    assert m.index(0, 3).data(ProgressRole) == pytest.approx(m.index(0, 3).data(ConfirmedRole))
    assert m.index(0, 3).data() == f"{confirmed * 100 // big.stat().st_size}%"
