"""Share links from the window: the finished row's context menu, driven as a person would (the menu
is opened by a context-menu event and its item chosen with the keyboard), then the clipboard's
link downloaded with a plain HTTP client."""

from __future__ import annotations

import hashlib
import os
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

    from tests.helpers.fixtures import MainWindow, QtBot

pytestmark = pytest.mark.gui


def _choose_from_context_menu(view: QAbstractItemView, row: int, item: str) -> list[str]:
    """Open ``view``'s context menu on ``row`` and pick ``item`` with the arrow keys and Return."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMenu

    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, pick)
            return
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        seen.extend(texts)
        if item not in texts:
            menu.close()
            return
        for action in menu.actions():
            if action.text() == item:
                menu.setActiveAction(action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    rect = view.visualRect(view.model().index(row, 0))
    pos = rect.center()
    QTimer.singleShot(50, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)  # returns once the menu closed
    return seen


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return bytes(resp.read())


def test_share_link_from_a_finished_rows_menu(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from engine.state import State
    from ui.share_dialog import ShareDialog

    data = os.urandom(150_000)
    src = tmp_path / "holiday film.bin"
    src.write_bytes(data)
    QGuiApplication.clipboard().clear()
    window.queue_paths([str(src)])
    qtbot.waitUntil(lambda: window.model.count() == 1, timeout=30000)
    tid = window.model.id_at(0)
    qtbot.waitUntil(lambda: window.model.state_of(tid) is State.DONE, timeout=60000)
    window.table.selectRow(0)

    seen = _choose_from_context_menu(window.table, 0, "Copy Share Link…")
    assert "Copy Object URL" in seen and "Copy Share Link…" in seen, seen
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShareDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.expiry.setCurrentIndex(0)  # 1 hour
    qtbot.mouseClick(dialog.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"), timeout=30000)
    link = QGuiApplication.clipboard().text()
    assert dialog.link.text() == link
    assert "works until" in dialog.note.text()
    assert hashlib.sha256(_get(link)).digest() == hashlib.sha256(data).digest()
    dialog.close()


def test_copy_object_url_from_the_menu(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, gui_bucket: str
) -> None:
    from PySide6.QtGui import QGuiApplication

    from engine.state import State

    src = tmp_path / "a.txt"
    src.write_bytes(b"plain\n")
    QGuiApplication.clipboard().clear()
    window.queue_paths([str(src)])
    qtbot.waitUntil(lambda: window.model.count() == 1, timeout=30000)
    tid = window.model.id_at(0)
    qtbot.waitUntil(lambda: window.model.state_of(tid) is State.DONE, timeout=60000)
    window.table.selectRow(0)
    _choose_from_context_menu(window.table, 0, "Copy Object URL")
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"), timeout=30000)
    endpoint = window.controller.core.profiles.get("sw").endpoint
    assert QGuiApplication.clipboard().text() == f"{endpoint}/{gui_bucket}/drop/a.txt"


def test_bucket_browser_menu_copies_an_objects_url(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, gui_bucket: str
) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.bucket_browser import BucketBrowser

    c = window.controller
    backend = c.core.profiles.backend("sw")
    src = tmp_path / "in browser.txt"
    src.write_bytes(b"browse me\n")
    window.queue_paths([str(src)])
    qtbot.waitUntil(lambda: backend.head(gui_bucket, "drop/in browser.txt") is not None, timeout=60000)
    QGuiApplication.clipboard().clear()
    browser = BucketBrowser(c, "sw", window)
    qtbot.addWidget(browser)
    browser.set_location(gui_bucket, "drop/")
    browser.show()
    qtbot.waitUntil(
        lambda: browser.model.rowCount() == 1 and browser.bucket.currentText() == gui_bucket, timeout=30000
    )
    qtbot.waitUntil(lambda: browser.model.entries[0].key == "drop/in browser.txt", timeout=30000)
    seen = _choose_from_context_menu(browser.view, 0, "Copy Object URL")
    assert seen == ["Copy Object URL", "Copy Share Link…", "Delete…"]
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("http"), timeout=30000)
    endpoint = c.core.profiles.get("sw").endpoint
    assert QGuiApplication.clipboard().text() == f"{endpoint}/{gui_bucket}/drop/in%20browser.txt"


def test_bucket_browser_deletes_an_object_after_asking(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, gui_bucket: str
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.bucket_browser import BucketBrowser

    c = window.controller
    backend = c.core.profiles.backend("sw")
    for name in ("keep.txt", "gone.txt"):
        (tmp_path / name).write_bytes(name.encode())
    window.queue_paths([str(tmp_path / "keep.txt"), str(tmp_path / "gone.txt")])
    qtbot.waitUntil(lambda: backend.head(gui_bucket, "drop/keep.txt") is not None, timeout=60000)
    qtbot.waitUntil(lambda: backend.head(gui_bucket, "drop/gone.txt") is not None, timeout=60000)
    browser = BucketBrowser(c, "sw", window)
    qtbot.addWidget(browser)
    browser.set_location(gui_bucket, "drop/")
    browser.show()
    qtbot.waitUntil(lambda: browser.model.rowCount() == 2, timeout=30000)
    row = [e.key for e in browser.model.entries].index("drop/gone.txt")
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, lambda: answer(button))
            return
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.No))
    _choose_from_context_menu(browser.view, row, "Delete…")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert "drop/gone.txt" in asked[0] and "cannot be undone" in asked[0]
    assert backend.head(gui_bucket, "drop/gone.txt") is not None  # "No" deleted nothing
    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Yes))
    _choose_from_context_menu(browser.view, row, "Delete…")
    qtbot.waitUntil(lambda: backend.head(gui_bucket, "drop/gone.txt") is None, timeout=30000)
    qtbot.waitUntil(lambda: [e.key for e in browser.model.entries] == ["drop/keep.txt"], timeout=30000)
    assert backend.head(gui_bucket, "drop/keep.txt") is not None
