"""The "Upload to" panel's move option: ticked with the mouse, the files go once their objects are
proven; the status bar says so; unticked (the default, every time) nothing is deleted."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.helpers.fixtures import MainWindow, QtBot, S3Client

pytestmark = pytest.mark.gui


def _drive_panel(window: MainWindow, tick_move: bool) -> list[str]:
    """Answer the modal panel as a person would: maybe click the checkbox, then click Upload."""
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.drop_panel import DropPanel

    seen: list[str] = []

    def answer() -> None:
        panel = QApplication.activeModalWidget()
        if not isinstance(panel, DropPanel):
            if panel is not None:
                seen.append(f"another dialog: {type(panel).__name__} {panel.windowTitle()}")
            QTimer.singleShot(50, answer)
            return
        seen.append("checked" if panel.move_files.isChecked() else "unchecked")
        if tick_move:
            box = panel.move_files
            QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        if not panel.upload.isEnabled():  # say why instead of hanging in exec()
            seen.append("refused: " + panel.problem.text())
            panel.reject()
            return
        QTest.mouseClick(panel.upload, Qt.MouseButton.LeftButton)
        if panel.isVisible():
            seen.append("still open after Upload")
            panel.reject()

    QTimer.singleShot(50, answer)
    return seen


def test_ticking_move_deletes_each_file_once_its_object_is_proven(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, raw_s3: S3Client, gui_bucket: str
) -> None:
    from engine.state import State

    root = tmp_path / "outbox"
    root.mkdir()
    want = {name: os.urandom(2000 + i) for i, name in enumerate(("a.jpg", "b.jpg", "c 说明.txt"))}
    for name, data in want.items():
        (root / name).write_bytes(data)
    window.ask_destination = True
    seen = _drive_panel(window, tick_move=True)
    req = window.queue_paths([str(root)])
    assert seen == ["unchecked"]  # off unless asked for, each time
    assert req is not None and req.delete_after
    qtbot.waitUntil(lambda: not any(root.iterdir()), timeout=60000)
    ids = [window.model.id_at(i) for i in range(window.model.count())]
    assert len(ids) == 3
    qtbot.waitUntil(lambda: all(window.model.state_of(i) is State.DONE for i in ids), timeout=10000)
    for name, data in want.items():
        body = raw_s3.get_object(Bucket=gui_bucket, Key=f"drop/outbox/{name}")["Body"].read()
        assert hashlib.sha256(body).hexdigest() == hashlib.sha256(data).hexdigest()
    qtbot.waitUntil(lambda: "Moved" in window.status.currentMessage(), timeout=10000)


def test_without_the_tick_the_files_stay(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, raw_s3: S3Client, gui_bucket: str
) -> None:
    from engine.state import State

    f = tmp_path / "keep.txt"
    f.write_bytes(b"stay here")
    window.ask_destination = True
    _drive_panel(window, tick_move=False)
    req = window.queue_paths([str(f)])
    assert req is not None and not req.delete_after
    qtbot.waitUntil(lambda: window.model.count() == 1, timeout=10000)
    tid = window.model.id_at(0)
    qtbot.waitUntil(lambda: window.model.state_of(tid) is State.DONE, timeout=30000)
    window.controller.core.mover.drain(10)
    assert f.read_bytes() == b"stay here"
