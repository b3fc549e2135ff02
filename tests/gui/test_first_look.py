"""What a person sees first: the empty queue's invitation, the drop highlight, the Help menu, a
failure that cannot hide, the speed graph, one unit system, and toolbar buttons without
mnemonic clutter in either language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragLeaveEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMenu, QToolBar, QToolButton

from app.gui.api import State
from app.gui.bridge import TransferInfo
from tests.gui.language import in_language
from ui.throughput import SECONDS, ThroughputGraph
from ui.transfer_model import FILTERS

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, MainWindow, QtBot

pytestmark = pytest.mark.gui
MiB = 1024 * 1024


def _info(i: int, state: State) -> TransferInfo:
    return TransferInfo(i, f"f{i}.bin", "sw", "b", f"k/f{i}.bin", 1000, state, 0, f"/tmp/f{i}")


def test_an_empty_queue_says_where_drops_go(window: MainWindow, qtbot: QtBot) -> None:
    empty = window.empty_state
    qtbot.waitUntil(empty.isVisible)
    dest = window.controller.settings.last_destination
    assert f"{dest.profile}: {dest.bucket}/{dest.prefix}" in empty.text()
    assert "Drop files or folders here" in empty.text()
    window.model.add([_info(1, State.DONE)])
    assert not empty.isVisible()
    window.filters.setCurrentIndex(FILTERS.index("failed"))
    assert empty.isVisible() and "No transfers in this view" in empty.text()


def test_the_window_lights_up_while_files_hover(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    central = window.centralWidget()
    assert central is not None
    assert "border" in central.styleSheet()
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert central.styleSheet() == ""


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def file_urls() -> Iterator[_Opened]:
    """Where the desktop would open file:// URLs (no file manager runs here)."""
    seen = _Opened()
    QDesktopServices.setUrlHandler("file", seen, "open")  # type: ignore[arg-type]  # str at run time
    yield seen
    QDesktopServices.unsetUrlHandler("file")


def test_help_menu_opens_getting_started_and_the_log_folder(
    window: MainWindow, qtbot: QtBot, file_urls: _Opened
) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    texts = [a.text() for a in help_menu.actions()]
    assert texts[:2] == ["&Getting Started", "Open &Log Folder"], texts
    help_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.findChild(QDialog) is not None)
    dialog = window.findChild(QDialog)
    assert dialog is not None and "Stale Uploads" in " ".join(w.text() for w in dialog.findChildren(QLabel))
    dialog.reject()
    help_menu.actions()[1].trigger()
    assert [u.toLocalFile() for u in file_urls.urls] == [str(window.controller.paths.logs)]


def test_a_failure_shows_in_the_status_bar_and_leads_to_the_failed_tab(window: MainWindow) -> None:
    window.model.add([_info(1, State.DONE), _info(2, State.FAILED), _info(3, State.FAILED)])
    window.status.refresh()
    link = window.status.failed
    assert link.isVisible() and "2 failed" in link.text()
    link.linkActivated.emit("failed")  # what a click on the link's text emits
    assert window.filters.currentIndex() == FILTERS.index("failed")
    assert window.model.rowCount() == 2


def test_the_speed_graph_keeps_five_minutes_and_shows_idle_as_zero(qapp: QApplication) -> None:
    g = ThroughputGraph()
    g.resize(120, 20)
    g.add(1000.2, 5 * MiB)
    g.add(1000.7, 6 * MiB)  # same second: the newer figure
    g.add(1010.0, 1 * MiB)  # nine idle seconds in between
    assert list(g.samples) == [(1000, 6 * MiB), (1009, 0.0), (1010, 1 * MiB)]
    assert g.peak == 6 * MiB
    points = g.points()
    assert points[-1].x() == pytest.approx(119) and points[0].x() < points[-1].x()
    assert min(p.y() for p in points) == pytest.approx(1)  # the peak touches the top
    g.add(1010.0 + SECONDS, 2 * MiB)
    assert all(t > 1010 for t, _ in g.samples)
    assert "6.0 MiB/s" not in g.toolTip()


def test_bandwidth_limit_is_set_in_mib_per_second(controller: Controller, qtbot: QtBot) -> None:
    from ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(controller.settings, [])
    qtbot.addWidget(dlg)
    assert dlg.bwlimit.suffix() == " MiB/s"
    dlg.bwlimit.setValue(2.5)
    assert dlg.result_settings().bwlimit == int(2.5 * MiB)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_toolbar_buttons_show_no_mnemonics(language: str, controller: Controller, qtbot: QtBot) -> None:
    from ui.main_window import MainWindow

    with in_language(language):
        main = MainWindow(controller, ask_destination=False)
        qtbot.addWidget(main)
        bar = main.findChild(QToolBar, "transfers-toolbar")
        assert bar is not None
        texts = [b.text() for b in bar.findChildren(QToolButton) if b.defaultAction() is not None]
        assert len(texts) >= 10
        for t in texts:
            assert "&" not in t and "(" not in t and not t.endswith("…"), texts
        main.ask_on_quit = False
        main.close()


@pytest.mark.parametrize(
    ("code", "detail", "words"),
    [
        (
            "auth",
            "InvalidAccessKeyId: The AWS Access Key Id you provided does not exist",
            "access key id in Profiles",
        ),
        (
            "auth",
            "SignatureDoesNotMatch: The request signature we calculated does not match",
            "secret in Profiles",
        ),
        ("auth", "ExpiredToken: The provided token has expired.", "renew it in Profiles"),
        ("server", "RequestTimeTooSkewed: The difference between the request time", "date and time"),
        ("access_denied", "AccessDenied: Access Denied; this key has no permission", "write access"),
        ("no_such_bucket", "NoSuchBucket: The specified bucket does not exist", "create it"),
        ("network", "SSL: CERTIFICATE_VERIFY_FAILED certificate verify failed", "Settings › Network"),
        ("network", "Could not connect: [Errno 111] Connection refused", "is it running"),
        ("network", "timed out: the server sent nothing back in time", "tries again"),
        ("file_changed", "size 10 -> 12", "The file changed since it was queued"),
    ],
)
def test_errors_are_said_in_peoples_words(code: str, detail: str, words: str, qapp: QApplication) -> None:
    from ui import messages

    said = messages.people_text(code, detail)
    assert words in said
    assert detail in messages.error_tooltip(code, detail)  # the raw words stay one look away


def test_stale_bytes_are_banded_by_age(qapp: QApplication) -> None:
    from datetime import UTC, datetime, timedelta

    from app.services.stale import StaleUpload
    from ui.age_chart import AgeChart, bytes_by_age

    now = datetime(2026, 12, 3, tzinfo=UTC)

    def up(days: float, size: int) -> StaleUpload:
        return StaleUpload("k", f"id{days}", now - timedelta(days=days), bytes=size)

    uploads = [up(0.5, 10), up(3, 20), up(6.9, 1), up(10, 300), up(45, 4000), up(400, 50_000)]
    assert bytes_by_age(uploads, now) == [10, 21, 300, 4000, 50_000]
    chart = AgeChart()
    chart.set_uploads(uploads, now)
    assert chart.values[-1] == 50_000 and chart.sizeHint().height() > 5 * chart.fontMetrics().height()


def test_upload_to_panel_counts_previews_and_remembers_the_prefix_per_bucket(
    controller: Controller, tmp_path: Path, qtbot: QtBot
) -> None:
    from ui.drop_panel import DropPanel

    folder = tmp_path / "相册 2026"
    (folder / "b").mkdir(parents=True)
    (folder / "a.jpg").write_bytes(b"x" * 1500)
    (folder / "b" / "c.jpg").write_bytes(b"y" * 2500)
    (folder / "skip.tmp").write_bytes(b"z")
    controller.settings.exclude = ["*.tmp"]
    panel = DropPanel(controller, [str(folder)], None)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: "2 files" in panel.totals.text(), timeout=10000)
    assert "3.9 KiB" in panel.totals.text()
    bucket = controller.settings.last_destination.bucket
    # The bucket's last prefix ("drop/" in these tests) is filled in, said so, and selected.
    assert panel.prefix.text() == "drop/" and panel.prefix.selectedText() == "drop/"
    assert panel.prefix_note.isVisibleTo(panel)
    assert f"{bucket}/drop/相册 2026/a.jpg" in panel.preview.text()
    qtbot.keyClicks(panel.prefix, "2026/trip")  # typing replaces the selected prefix
    assert panel.prefix.text() == "2026/trip" and not panel.prefix_note.isVisibleTo(panel)
    assert f"{bucket}/2026/trip/相册 2026/a.jpg" in panel.preview.text()
    panel.remember()
    # Another bucket starts empty; coming back to this one brings its prefix back.
    panel.bucket.setEditText("other-bucket")
    assert panel.prefix.text() == "" and not panel.prefix_note.isVisibleTo(panel)
    panel.bucket.setEditText(bucket)
    assert panel.prefix.text() == "2026/trip"


def test_add_files_opens_in_the_last_folder_used(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    from PySide6.QtCore import QDir, QTimer
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "one.txt").write_bytes(b"1")
    window.controller.settings.last_folder = ""
    opened: list[str] = []

    def answer(pick: str | None) -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, lambda: answer(pick))
            return
        dlg = dialogs[0]
        opened.append(dlg.directory().absolutePath())
        if pick is None:
            dlg.reject()
        else:
            # As a person does: the file's path typed into the name field, then Enter.
            edit = dlg.findChild(QLineEdit, "fileNameEdit")
            assert edit is not None
            edit.setText(pick)
            QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, lambda: answer(None))
    window.commands.add_files.trigger()
    assert opened == [QDir.homePath()]
    QTimer.singleShot(50, lambda: answer(str(folder / "one.txt")))
    window.commands.add_files.trigger()
    qtbot.waitUntil(lambda: window.model.count() == 1, timeout=30000)
    QTimer.singleShot(50, lambda: answer(None))
    window.commands.add_files.trigger()
    assert opened[-1] == str(folder)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_toolbar_action_shows_at_1024_by_700(
    language: str, controller: Controller, qtbot: QtBot
) -> None:
    from ui.main_window import MainWindow

    with in_language(language):
        main = MainWindow(controller, ask_destination=False)
        qtbot.addWidget(main)
        main.resize(1024, 700)
        main.show()
        bar = main.findChild(QToolBar, "transfers-toolbar")
        assert bar is not None
        qtbot.waitUntil(lambda: bar.width() <= 1024)
        actions = [a for a in main.commands.toolbar if a is not None]
        hidden = [a.text() for a in actions if not bar.widgetForAction(a).isVisible()]
        assert hidden == [], hidden
        main.ask_on_quit = False
        main.close()


def test_failures_show_on_their_rows_and_their_tab(window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    from ui.transfer_model import COL_NAME, COL_STATE, FAILED_RED

    window.model.add([_info(1, State.DONE), _info(2, State.FAILED), _info(3, State.PAUSED)])
    window.controller.bridge.ticked.emit()
    labels = [window.filters.tabText(i) for i in range(window.filters.count())]
    assert labels == ["All", "Active", "Paused (1)", "Done (1)", "Failed (1)"], labels
    failed = FILTERS.index("failed")
    assert window.filters.tabTextColor(failed) == QColor(FAILED_RED)
    row = window.model.row_of_id(2)
    assert window.model.index(row, COL_NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert window.model.index(row, COL_STATE).data(Qt.ItemDataRole.ForegroundRole) == QColor(FAILED_RED)
    done = window.model.row_of_id(1)
    assert window.model.index(done, COL_NAME).data(Qt.ItemDataRole.DecorationRole) is None


def test_window_size_and_columns_come_back_after_a_restart(
    gui_home: Path, weed: object, qapp: QApplication, qtbot: QtBot
) -> None:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from app.services.settings import Settings
    from ui.main_window import MainWindow
    from ui.queue_view import header_of
    from ui.transfer_model import COL_DEST

    def launch() -> tuple[Controller, MainWindow]:
        c = Controller(resolve_paths(), Settings.load(resolve_paths().settings))
        w = MainWindow(c, ask_destination=False)
        w.show()
        return c, w

    _c, w = launch()
    # Smaller than the test screen (800 x 600 offscreen): a restored window is kept on screen.
    w.resize(760, 560)
    header_of(w.table).resizeSection(COL_DEST, 333)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (760, 560))
    size = w.size()
    w.ask_on_quit = False
    w.close()  # as Quit does: the layout is saved with the rest
    c2, w2 = launch()
    try:
        qtbot.waitUntil(lambda: w2.size() == size)
        assert header_of(w2.table).sectionSize(COL_DEST) == 333
    finally:
        w2.ask_on_quit = False
        w2.close()
        c2.close(10)


def test_error_details_from_the_rows_menu_keep_the_raw_words_behind_a_toggle(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.gui.bridge import TransferChanges
    from tests.gui.test_share_gui import _choose_from_context_menu

    detail = "SignatureDoesNotMatch: The request signature we calculated does not match (request id R9)"
    window.model.add([_info(1, State.RUNNING)])
    window.model.apply(TransferChanges(states={1: (State.FAILED, "auth", detail)}))
    window.table.selectRow(0)
    _choose_from_context_menu(window.table, 0, "Error Details…")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert box.text() == "The secret key does not match the access key — check the secret in Profiles"
    assert "R9" in box.detailedText() and "R9" not in box.text()
    box.close()
