"""Keep a Folder Uploaded… and the Watched Folders dialog, on the real window and SeaweedFS."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QFileDialog

from app.gui.api import State
from app.services.core import Destination

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, MainWindow, ModelTester, QtBot, S3Client

pytestmark = [pytest.mark.gui, pytest.mark.integration]


def test_the_action_watches_a_folder_and_the_dialog_removes_it(
    window: MainWindow,
    controller: Controller,
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    raw_s3: S3Client,
    gui_bucket: str,
) -> None:
    from ui.watch_dialog import WatchDialog

    window.ask_on_quit = False
    folder = tmp_path / "album"
    folder.mkdir()
    asked: list[Any] = []

    def pick(*args: Any) -> str:
        asked.append(args)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    window.commands.watch_folder.trigger()
    assert asked and asked[0][2] == QDir.homePath()  # the dialog starts in the home folder
    (watch,) = controller.watches()
    # The Upload-to panel's remembered destination (sw:BUCKET/drop/ in these fixtures).
    assert watch.local_path == str(folder.resolve())
    assert watch.dest == Destination("sw", gui_bucket, "drop/")
    data = os.urandom(50_000)
    (folder / "one.jpg").write_bytes(data)

    def on_server() -> bool:
        try:
            return raw_s3.get_object(Bucket=gui_bucket, Key="drop/album/one.jpg")["Body"].read() == data
        except raw_s3.exceptions.NoSuchKey:
            return False

    qtbot.waitUntil(on_server, timeout=60_000)
    # The watched upload is a row of the queue like any other.
    qtbot.waitUntil(lambda: window.model.count(State.DONE) == 1, timeout=10_000)

    dialog = WatchDialog(controller, window)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == str(folder.resolve())
    assert not dialog.remove.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.remove.isEnabled()
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    assert controller.watches() == []
    assert dialog.model.rowCount() == 0
    assert controller.watching.running() == []


def test_saved_watches_start_with_the_window(controller: Controller, tmp_path: Path, gui_bucket: str) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    controller.watching.watches.add(str(folder), Destination("sw", gui_bucket, "s/"))
    assert controller.watching.running() == []
    controller.start()
    (running,) = controller.watching.running()
    assert running.folder == str(folder.resolve())
    controller.close(10)
    assert running.done.is_set()
