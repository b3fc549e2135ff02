"""One owner per transfer, as the person at the main window meets it: buttons clicked, rows
selected with the mouse, the question after a crash answered in its own dialog, the bytes then
checked on the server."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli, start_cli
from tests.helpers.env import ROOT
from tests.helpers.s3 import raw_s3_client

pytestmark = pytest.mark.gui
MiB = 1024 * 1024


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _click_row(w: Any, tid: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    row = next(r for r in range(w.model.rowCount()) if w.model.id_at(r) == tid)
    rect = w.table.visualRect(w.model.index(row, 0))
    QTest.mouseClick(
        w.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )


def _click(w: Any, action: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    button = w.toolbar.widgetForAction(action)
    assert button is not None and button.isEnabled(), f"{action.text()} is not clickable"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer_next_question(button_text: str) -> None:
    """Click a button of the next modal dialog, as the person would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        button.click()

    QTimer.singleShot(50, answer)


def _window(qtbot: Any, settings: Any | None = None) -> Any:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from app.services.settings import Settings
    from ui.main_window import MainWindow

    settings = settings or Settings.load(resolve_paths().settings)
    settings.language, settings.notifications, settings.keep_awake = "en", False, False
    w = MainWindow(Controller(resolve_paths(), settings), ask_destination=False)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def closing() -> Iterator[list[Any]]:
    windows: list[Any] = []
    yield windows
    for w in windows:
        w.ask_on_quit = False
        w.close()


@pytest.mark.parametrize("answer", ["Resume", "Keep Paused"])
def test_after_kill9_the_relaunched_window_shows_paused_rows_whose_buttons_work(
    answer: str, gui_home: Path, weed: Any, gui_bucket: str, tmp_path: Path, qtbot: Any, closing: list[Any]
) -> None:
    from engine.state import State

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run_cli(env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)
    raw = raw_s3_client(weed.endpoint)
    raw.create_bucket(Bucket=gui_bucket)
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(6 * 5 * MiB))
    proc = start_cli(
        env,
        "upload",
        str(src),
        f"sw:{gui_bucket}/big.bin",
        "--json",
        "--part-size",
        "5MiB",
        "--concurrency",
        "2",
        "--bwlimit",
        "6MiB/s",
    )
    assert proc.stdout is not None
    for raw_line in proc.stdout:
        ev = json.loads(raw_line)
        if ev["event"] == "part":  # one part acknowledged: the checkpoint holds real progress
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)

    from app.services.paths import resolve_paths
    from app.services.settings import Settings

    settings = Settings.load(resolve_paths().settings)
    settings.bwlimit = 4 * MiB  # slow enough to press Pause while it runs
    _answer_next_question(answer)
    w = _window(qtbot, settings)
    closing.append(w)
    w.controller.start()
    qtbot.waitUntil(lambda: w.model.count() == 1, timeout=15000)
    tid = w.model.id_at(0)
    if answer == "Keep Paused":
        qtbot.waitUntil(lambda: w.model.state_of(tid) is State.PAUSED, timeout=10000)
        assert w.model.state_of(tid) is State.PAUSED  # never a row stuck "uploading" at 0 B/s
        _click_row(w, tid)
        _click(w, w.commands.resume)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.RUNNING, timeout=10000)
    _click_row(w, tid)
    _click(w, w.commands.pause)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.PAUSED, timeout=10000)
    w.controller.set_bwlimit(0)
    _click(w, w.commands.resume_all)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.DONE, timeout=60000)
    body = raw.get_object(Bucket=gui_bucket, Key="big.bin")["Body"].read()
    assert _sha(body) == _sha(src.read_bytes())


def test_retry_after_the_file_changed_starts_again_and_finishes(
    window: Any, controller: Any, gui_bucket: str, weed: Any, tmp_path: Path, qtbot: Any
) -> None:
    from engine.state import State

    w = window
    src = tmp_path / "report.bin"
    src.write_bytes(os.urandom(4 * 5 * MiB))
    controller.set_bwlimit(4 * MiB)
    w.queue_paths([str(src)])
    qtbot.waitUntil(lambda: w.model.count() == 1 and w.model.done_bytes > 0, timeout=20000)
    tid = w.model.id_at(0)
    _click_row(w, tid)
    _click(w, w.commands.pause)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.PAUSED, timeout=10000)
    changed = os.urandom(3 * 5 * MiB + 77)
    src.write_bytes(changed)
    _click(w, w.commands.resume)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.FAILED, timeout=10000)
    assert w.model.error_of(tid) == "file_changed"
    controller.set_bwlimit(0)
    _click(w, w.commands.retry)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.DONE, timeout=60000)
    body = (
        raw_s3_client(weed.endpoint)
        .get_object(Bucket=gui_bucket, Key=w.model.destination_of(tid)[2])["Body"]
        .read()
    )
    assert _sha(body) == _sha(changed)


def test_an_adopted_upload_shows_in_the_queue_at_once_and_finishes(
    window: Any, gui_bucket: str, weed: Any, tmp_path: Path, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from engine.state import State
    from ui.stale_window import StaleWindow

    w = window
    raw = raw_s3_client(weed.endpoint)
    data = os.urandom(5 * MiB) + os.urandom(700)
    uid = raw.create_multipart_upload(Bucket=gui_bucket, Key="video/orphan.mp4")["UploadId"]
    raw.upload_part(
        Bucket=gui_bucket, Key="video/orphan.mp4", UploadId=uid, PartNumber=1, Body=data[: 5 * MiB]
    )
    local = tmp_path / "orphan.mp4"
    local.write_bytes(data)
    assert w.model.count() == 0
    w.commands.stale.trigger()  # Tools > Stale Uploads…
    (stale,) = [x for x in QApplication.topLevelWidgets() if isinstance(x, StaleWindow) and x.isVisible()]
    stale.inform = lambda title, text: None
    stale.choose_file = lambda: str(local)
    stale.select_target("sw", gui_bucket)
    with qtbot.waitSignal(stale.listing_finished, timeout=30000):
        stale.list_button.click()
    stale.table.selectRow(0)
    stale.adopt_button.click()
    # At once: within a few of the queue's refresh ticks, not after a restart.
    qtbot.waitUntil(lambda: w.model.count() == 1, timeout=5000)
    tid = w.model.id_at(0)
    qtbot.waitUntil(lambda: w.model.state_of(tid) is State.DONE, timeout=60000)
    stale.close()
    body = raw.get_object(Bucket=gui_bucket, Key="video/orphan.mp4")["Body"].read()
    assert _sha(body) == _sha(data)
