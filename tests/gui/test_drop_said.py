"""A drop whose folder holds things that cannot be uploaded says so in a dialog, in the UI's words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_a_dropped_folder_with_a_fifo_and_a_folder_link_queues_the_rest_and_says_why(
    window: MainWindow, tmp_path: Path, qtbot: object
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from engine.state import State

    root = tmp_path / "shoot"
    root.mkdir()
    (root / "a.jpg").write_bytes(b"a" * 10)
    os.mkfifo(root / "camera.fifo")
    (root / "elsewhere").mkdir()
    (root / "more").symlink_to(root / "elsewhere", target_is_directory=True)
    said: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        said.append((box.windowTitle(), box.detailedText()))
        box.accept()

    QTimer.singleShot(50, read_and_close)
    window.queue_paths([str(root)])
    qtbot.waitUntil(lambda: bool(said), timeout=15000)  # type: ignore[attr-defined]
    title, detail = said[0]
    assert title == "Not everything was queued"
    assert f"{root / 'camera.fifo'}: not a regular file (a pipe, socket or device)" in detail
    assert f"{root / 'more'}: a link to a folder, not followed" in detail
    qtbot.waitUntil(lambda: window.model.count() == 1, timeout=10000)  # type: ignore[attr-defined]
    tid = window.model.id_at(0)
    qtbot.waitUntil(lambda: window.model.state_of(tid) is State.DONE, timeout=30000)  # type: ignore[attr-defined]
