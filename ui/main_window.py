"""The main window: the transfer queue, its commands, drops, tray and a safe quit."""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QDir, QItemSelection, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import ACTIVE, ConflictQuestion, State, __version__
from app.gui.bridge import TransferChanges, TransferInfo
from app.gui.controller import Controller
from app.gui.uploads import EnqueueJob, EnqueueResult, UploadRequest
from ui import dialogs, help_menu, messages
from ui.actions import Actions
from ui.delegates import ProgressDelegate
from ui.drop_panel import DropPanel
from ui.empty_state import EmptyState, set_drop_highlight
from ui.icons import icon
from ui.queue_view import QueueTable, QueueView, header_of, set_up
from ui.share_dialog import add_share_actions
from ui.status_bar import StatusBar
from ui.transfer_model import (
    COLUMNS,
    FAILED_RED,
    FILTERS,
    BatchRole,
    TransferModel,
)
from ui.tray import Tray

if TYPE_CHECKING:
    from ui.verify_window import VerifyWindow

V = TypeVar("V", QueueView, QueueTable)


def local_paths(urls: list[QUrl]) -> list[str]:
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


class MainWindow(QMainWindow):
    """Signals:
    drop_queued(object): an UploadRequest was handed to the controller (tests wait on it).
    """

    drop_queued = Signal(object)

    def __init__(self, controller: Controller, ask_destination: bool = True) -> None:
        super().__init__()
        self.controller = controller
        #: Tests and scripted drops set this False to take the remembered destination as-is.
        self.ask_destination = ask_destination
        #: Scripted runs (tests, screenshots) quit without the "transfers are running" question.
        self.ask_on_quit = True
        self.setWindowTitle("Skylift")
        self.setWindowIcon(icon("skylift", tint=False))
        self.setAcceptDrops(True)
        self.model = TransferModel(self)
        self.model.set_grouped(controller.settings.group_by_drop)
        self.commands = Actions(self)
        self.commands.group_by_drop.setChecked(controller.settings.group_by_drop)
        # Grouped, a tree; flat, a table: QTreeView lays out every top-level row again after
        # each insert (a Python call per row), which a 100,000-file flat queue cannot afford.
        self.tree = self._make_view(QueueView())
        self.flat = self._make_view(QueueTable())
        self.views = QStackedWidget()
        self.views.addWidget(self.tree)
        self.views.addWidget(self.flat)
        self.views.setCurrentWidget(self.tree if self.model.grouped else self.flat)
        self.filters = QTabBar()
        self.filters.setDrawBase(False)
        self.filters.setExpanding(False)
        for label in self._filter_labels():
            self.filters.addTab(label)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or destination"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        top = QToolBar()
        top.setMovable(False)
        top.addWidget(self.filters)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(spacer)
        self.group_button = QToolButton()
        self.group_button.setDefaultAction(self.commands.group_by_drop)
        self.group_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        top.addWidget(self.group_button)
        top.addWidget(self.search)
        central = QWidget()
        central.setObjectName("drop-target")
        self._central = central
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(top)
        lay.addWidget(self.views)
        self.setCentralWidget(central)
        self._empty = {
            id(v): EmptyState(v, lambda: controller.settings.last_destination) for v in (self.tree, self.flat)
        }
        self.status = StatusBar(self.model, self)
        self.setStatusBar(self.status)
        self.status.set_bwlimit(controller.settings.bwlimit)
        self._make_toolbar()
        self._make_menus()
        self.tray = Tray(self, self.commands)
        self._jobs: list[EnqueueJob] = []
        self._quitting = False
        #: One Verify window, reused: opening it again brings it to the front.
        self.verify_window: VerifyWindow | None = None
        self._connect()
        self._update_actions()
        self._initial_size()
        self._restore_layout()

    def _remember_layout(self) -> None:
        s = self.controller.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        s.queue_columns = bytes(header_of(self.table).saveState().toBase64().data()).decode()
        self.controller.save_settings()

    def _restore_layout(self) -> None:
        s = self.controller.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        if s.queue_columns:
            state = QByteArray.fromBase64(s.queue_columns.encode())
            for view in (self.tree, self.flat):
                header_of(view).restoreState(state)

    def _initial_size(self) -> None:
        # Wide enough that no toolbar action hides behind the overflow chevron (translations are
        # longer than English), but never wider than the screen.
        toolbar = self.findChild(QToolBar, "transfers-toolbar")
        width = max(1100, (toolbar.sizeHint().width() + 40) if toolbar is not None else 0)
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        self.resize(width, 640)

    def _count_tabs(self) -> None:
        """ "Failed (2)": how many each tab holds, so a failure is seen from any tab."""
        states = {
            "active": (State.QUEUED, *ACTIVE),
            "paused": (State.PAUSED,),
            "done": (State.DONE,),
            "failed": (State.FAILED, State.CANCELLED),
        }
        for i, (name, label) in enumerate(zip(FILTERS, self._filter_labels(), strict=True)):
            n = self.model.count(*states[name]) if name in states else 0
            text = f"{label} ({n:,})" if n else label
            if self.filters.tabText(i) != text:
                self.filters.setTabText(i, text)
        failed = FILTERS.index("failed")
        red = self.model.count(State.FAILED) > 0
        self.filters.setTabTextColor(
            failed, QColor(FAILED_RED) if red else self.palette().windowText().color()
        )

    # ---- construction ---------------------------------------------------------------------------
    def _filter_labels(self) -> list[str]:
        return [self.tr("All"), self.tr("Active"), self.tr("Paused"), self.tr("Done"), self.tr("Failed")]

    @property
    def empty_state(self) -> EmptyState:
        """The empty queue's invitation over the view in use."""
        return self._empty[id(self.table)]

    @property
    def table(self) -> QueueView | QueueTable:
        """The queue's view in use: the tree (grouped by drop) or the flat table."""
        return self.tree if self.model.grouped else self.flat

    def _make_view(self, t: V) -> V:
        set_up(t, self.model, ProgressDelegate(t))
        return t

    def _make_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("Transfers"))
        tb.setObjectName("transfers-toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in self.commands.toolbar:
            if a is None:
                tb.addSeparator()
            else:
                # Buttons show no mnemonic: without this, "添加文件(&F)…" reads "添加文件(F)…".
                a.setIconText(messages.button_text(a.text()))
                tb.addAction(a)
        self.toolbar = tb

    def _make_menus(self) -> None:
        a = self.commands
        mb = self.menuBar()
        f = mb.addMenu(self.tr("&File"))
        f.addActions([a.add_files, a.add_folder, a.watch_folder, a.watched_folders])
        f.addSeparator()
        f.addAction(a.quit)
        t = mb.addMenu(self.tr("&Transfers"))
        t.addActions([a.pause, a.resume, a.cancel, a.retry, a.remove])
        t.addSeparator()
        t.addActions([a.pause_all, a.resume_all, a.clear_finished, a.select_all])
        mb.addMenu(self.tr("&View")).addAction(a.group_by_drop)
        tools = mb.addMenu(self.tr("T&ools"))
        tools.addActions([a.profiles, a.bucket_browser, a.browse])
        tools.addActions([a.stale, a.verify])
        tools.addSeparator()
        tools.addAction(a.settings)
        h = mb.addMenu(self.tr("&Help"))
        h.addActions([a.getting_started, a.open_logs])
        h.addSeparator()
        h.addAction(a.about)
        a.stale.setVisible(dialogs.stale_window_class() is not None)

    def _connect(self) -> None:
        c, a, b = self.controller, self.commands, self.controller.bridge
        b.transfers_added.connect(self._on_transfers_added)
        b.transfers_changed.connect(self._on_transfers_changed)
        b.ticked.connect(self._on_ticked)
        b.batch_finished.connect(self._on_batch_finished)
        b.transfer_failed.connect(self._on_transfer_failed)
        c.transfers_removed.connect(self._on_transfers_removed)
        c.unfinished_found.connect(self._on_unfinished_found)
        c.enqueue_progressed.connect(self._on_enqueue_progressed)
        c.conflict_asked.connect(self._on_conflict_asked)
        c.network_status_changed.connect(self._on_network_status_changed)
        c.task_failed.connect(self._on_task_failed)
        c.notice.connect(self._on_notice)
        c.region_learned.connect(self._on_region_learned)
        c.file_moved.connect(self._on_file_moved)
        self.status.bwlimit_chosen.connect(self._on_bwlimit_chosen)
        self.status.show_failed.connect(lambda: self.filters.setCurrentIndex(FILTERS.index("failed")))
        self.filters.currentChanged.connect(self._on_filter_changed)
        self.search.textChanged.connect(self.model.set_text_filter)
        for view in (self.tree, self.flat):
            view.customContextMenuRequested.connect(self._on_context_menu)
            view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.layoutChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        a.add_files.triggered.connect(self._on_add_files)
        a.add_folder.triggered.connect(self._on_add_folder)
        a.watch_folder.triggered.connect(self._on_watch_folder)
        a.watched_folders.triggered.connect(self._on_watched_folders)
        a.pause.triggered.connect(lambda: c.pause(self.selected_ids()))
        # A group's failed files wait for Retry; Resume takes only the paused ones.
        a.resume.triggered.connect(lambda: c.resume(self._selected_in(State.PAUSED)))
        a.cancel.triggered.connect(self._on_cancel)
        a.retry.triggered.connect(self._on_retry)
        a.remove.triggered.connect(self._on_remove)
        a.pause_all.triggered.connect(c.pause_all)
        a.resume_all.triggered.connect(c.resume_all)
        a.clear_finished.triggered.connect(lambda: c.remove(self.model.ids_in_state(State.DONE)))
        a.select_all.triggered.connect(lambda: self.table.selectAll())
        a.group_by_drop.toggled.connect(self._on_group_by_drop_toggled)
        a.browse.triggered.connect(self._on_browse)
        a.bucket_browser.triggered.connect(lambda: dialogs.open_bucket_browser(self, c))
        a.profiles.triggered.connect(lambda: dialogs.open_profiles(self, c))
        a.settings.triggered.connect(self._on_settings)
        a.stale.triggered.connect(lambda: dialogs.open_stale(self, c))
        a.verify.triggered.connect(self._on_verify)
        a.about.triggered.connect(lambda: dialogs.about(self, __version__))
        a.getting_started.triggered.connect(lambda: help_menu.show_getting_started(self))
        a.open_logs.triggered.connect(lambda: help_menu.open_log_folder(c.paths.logs))
        a.quit.triggered.connect(self.close)
        for i in range(len(FILTERS)):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, partial(self.filters.setCurrentIndex, i))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

    # ---- selection ------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The selected transfers; a group's row stands for all its files."""
        seen: dict[int, None] = {}
        for index in self.table.selectionModel().selectedRows():
            seen.update(dict.fromkeys(self.model.ids_of(index)))
        return list(seen)

    def _selected_in(self, *states: State) -> list[int]:
        return [i for i in self.selected_ids() if self.model.state_of(i) in states]

    def _selected_states(self) -> set[State]:
        # From the groups' counts: a selected 100,000-file drop costs nothing per tick.
        out: set[State] = set()
        for index in self.table.selectionModel().selectedRows():
            out |= self.model.states_of(index)
        return out

    def _update_actions(self) -> None:
        m = self.model
        self.commands.update(
            self._selected_states(),
            any_active=m.count(State.QUEUED, *ACTIVE) > 0,
            any_paused=m.count(State.PAUSED) > 0,
            any_done=m.count(State.DONE) > 0,
        )

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_actions()

    # ---- bridge ---------------------------------------------------------------------------------
    def _on_transfers_added(self, infos: list[TransferInfo]) -> None:
        self.model.add(infos)
        self._update_actions()

    def _on_transfers_changed(self, changes: TransferChanges) -> None:
        self.model.apply(changes)
        if changes.states:
            self._update_actions()
            self._count_tabs()

    def _on_transfers_removed(self, ids: list[int]) -> None:
        self.model.remove(ids)
        self._count_tabs()
        self._update_actions()

    def _on_ticked(self) -> None:
        self.status.refresh()
        self._count_tabs()
        self.tray.update_progress(self.model)

    def _on_batch_finished(self, done: int, failed: int) -> None:
        if self.controller.settings.notifications:
            self.tray.notify_batch(done, failed)

    def _on_transfer_failed(self, transfer_id: int, code: str, detail: str) -> None:
        if self.controller.settings.notifications and code != "network":
            self.tray.notify_failure(self.model, transfer_id, code)

    def _on_unfinished_found(self, count: int) -> None:
        if dialogs.ask_resume(self, count):
            # The engine's paused transfers, not the rows shown so far (they arrive on a timer).
            self.controller.resume_all()

    def _on_enqueue_progressed(self, result: EnqueueResult) -> None:
        if result.error:
            QMessageBox.warning(self, self.tr("Cannot queue"), result.error)
        elif result.finished:
            self.status.showMessage(
                messages.pick(
                    result.queued,
                    self.tr("Queued %1 file, skipped %2"),
                    self.tr("Queued %1 files, skipped %2"),
                )
                .replace("%1", f"{result.queued:,}")
                .replace("%2", f"{result.skipped:,}"),
                5000,
            )
            if result.not_queued:
                dialogs.tell_not_queued(self, result.not_queued)
        else:
            self.status.showMessage(
                messages.plural(result.queued, self.tr("Queueing… %1 file"), self.tr("Queueing… %1 files"))
            )

    def _on_conflict_asked(self, question: ConflictQuestion) -> None:
        dialogs.ask_conflict(self, question)

    def _on_network_status_changed(self, online: bool, profile: str) -> None:
        self.status.set_network(self.controller.network.online, self.controller.network.offline_profiles())

    def _on_task_failed(self, message: str) -> None:
        self.status.showMessage(message, 10000)

    def _on_file_moved(self, path: str, code: str) -> None:
        name = os.path.basename(path)
        if code:
            text = self.tr("Kept %1: %2").replace("%1", name).replace("%2", messages.kept_text(code))
            self.status.showMessage(text, 30000)
        else:
            self.status.showMessage(self.tr("Moved %1 to the server").replace("%1", name), 5000)

    def _on_region_learned(self, profile: str, bucket: str, region: str) -> None:
        text = self.tr("Bucket %1 is in region %2; profile %3 uses it from now on")
        self.status.showMessage(
            text.replace("%1", bucket).replace("%2", region).replace("%3", profile), 30000
        )

    def _on_notice(self, code: str) -> None:
        self.status.showMessage(messages.notice_text(code), 30000)

    def _on_bwlimit_chosen(self, rate: int) -> None:
        self.controller.set_bwlimit(rate)

    def _on_group_by_drop_toggled(self, on: bool) -> None:
        old = self.table
        self.model.set_grouped(on)
        new = self.table
        sort, header = header_of(old), header_of(new)
        for col in range(COLUMNS):
            header.resizeSection(col, sort.sectionSize(col))
        header.setSortIndicator(sort.sortIndicatorSection(), sort.sortIndicatorOrder())
        self.views.setCurrentWidget(new)
        self._update_actions()
        self.controller.settings.group_by_drop = on
        self.controller.save_settings()

    def _on_filter_changed(self, i: int) -> None:
        self.model.set_filter(FILTERS[i])

    # ---- commands -------------------------------------------------------------------------------
    def _on_context_menu(self, pos: QPoint) -> None:
        a = self.commands
        menu = QMenu(self)
        menu.addActions([a.pause, a.resume, a.cancel, a.retry, a.remove])
        menu.addSeparator()
        menu.addAction(a.browse)
        ids = self.selected_ids()
        if len(ids) == 1 and self.model.state_of(ids[0]) is State.DONE and not self._group_selected():
            menu.addSeparator()
            where = self.model.destination_of(ids[0])
            add_share_actions(menu, self, self.controller, where, lambda t: self.status.showMessage(t, 10000))
        if len(ids) == 1 and not self._group_selected():
            menu.addSeparator()
            self._add_row_cures(menu, ids[0])
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _add_row_cures(self, menu: QMenu, tid: int) -> None:
        """A single row's own commands: its file, and for a failure the action that cures it."""
        path = self.model.path_of(tid)
        show = menu.addAction(self.tr("Show in Folder"))
        show.setEnabled(bool(path) and os.path.exists(os.path.dirname(path)))
        show.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(path))))
        code, detail = self.model.error_of(tid), self.model.detail_of(tid)
        if code:
            details = menu.addAction(self.tr("Error Details…"))
            details.triggered.connect(lambda: dialogs.error_details(self, code, detail))
        state = self.model.state_of(tid)
        if state is State.FAILED:
            restart = menu.addAction(self.tr("Restart from 0"))
            restart.setToolTip(self.tr("Forget the parts sent and upload the whole file again"))
            restart.triggered.connect(lambda: self.controller.restart_from_zero([tid]))
        if state in (State.FAILED, State.PAUSED) and self.model.error_of(tid) in (
            "auth",
            "access_denied",
            "no_such_bucket",
        ):
            edit = menu.addAction(self.tr("Edit Profile…"))
            edit.triggered.connect(lambda: dialogs.open_profiles(self, self.controller))

    def _on_remove(self) -> None:
        ids = self.selected_ids()
        # A failed transfer still holds an upload on the server: removing it aborts that.
        unfinished = [i for i in ids if self.model.state_of(i) is State.FAILED]
        if unfinished and not dialogs.confirm_cancel(self, len(unfinished)):
            return
        self.controller.remove(ids)

    def _group_selected(self) -> bool:
        return any(i.data(BatchRole) is not None for i in self.table.selectionModel().selectedRows())

    def _on_cancel(self) -> None:
        # A group's finished files are not cancelled, nor counted in the question.
        ids = self._selected_in(State.QUEUED, State.RUNNING, State.PAUSING, State.PAUSED, State.FAILED)
        if ids and dialogs.confirm_cancel(self, len(ids)):
            self.controller.cancel(ids)

    def _on_retry(self) -> None:
        ids = [i for i in self.selected_ids() if self.model.state_of(i) is State.FAILED]
        self.controller.retry(ids)

    def _on_browse(self) -> None:
        ids = self.selected_ids()
        if ids:
            profile, bucket, key = self.model.destination_of(ids[0])
            prefix = key.rpartition("/")[0] + "/"
            dialogs.open_bucket_browser(self, self.controller, profile, bucket, prefix, select=key)

    def _on_add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Files"), self._start_folder())
        if files:
            self._remember_folder(os.path.dirname(files[0]))
            self.queue_paths(files)

    def _on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add Folder"), self._start_folder())
        if folder:
            self._remember_folder(os.path.dirname(folder.rstrip("/")) or folder)
            self.queue_paths([folder])

    def _start_folder(self) -> str:
        """Where file dialogs open: the folder used last, else home (never the app's own cwd)."""
        last = self.controller.settings.last_folder
        return last if last and os.path.isdir(last) else QDir.homePath()

    def _remember_folder(self, folder: str) -> None:
        self.controller.settings.last_folder = folder
        self.controller.save_settings()

    def _on_watch_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Keep a Folder Uploaded"), QDir.homePath())
        if folder:
            self.watch_folder(folder)

    def watch_folder(self, folder: str) -> bool:
        """Keep ``folder`` uploaded to the destination the "Upload to" panel would use now."""
        dest = self.controller.upload_destination()
        if dest is None:
            QMessageBox.information(
                self,
                self.tr("Keep a Folder Uploaded"),
                self.tr("Choose where uploads go first: add a profile with a bucket, or upload a file once."),
            )
            return False
        try:
            watch = self.controller.watch_folder(folder, dest)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Keep a Folder Uploaded"), str(exc))
            return False
        text = self.tr("Watching %1: new and changed files go to %2")
        self.status.showMessage(text.replace("%1", watch.local_path).replace("%2", str(watch.dest)), 10000)
        return True

    def _on_watched_folders(self) -> None:
        from ui.watch_dialog import WatchDialog

        WatchDialog(self.controller, self).exec()

    def _on_verify(self) -> None:
        self.verify_window = dialogs.open_verify(self, self.controller, self.verify_window)

    def _on_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.controller.settings, self.controller.core.profiles.all(), self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.controller.apply_settings(dlg.result_settings())
            self.status.set_bwlimit(self.controller.settings.bwlimit)

    def queue_paths(self, paths: list[str]) -> UploadRequest | None:
        """Ask where the paths go (unless told not to), then hand them to the controller."""
        if not paths:
            return None
        panel = DropPanel(self.controller, paths, self)
        if self.ask_destination and panel.exec() != QDialog.DialogCode.Accepted:
            return None
        panel.remember()
        req = panel.request()
        self.controller.settings.conflict = req.conflict
        self._jobs.append(self.controller.enqueue(req))
        self.drop_queued.emit(req)
        return req

    # ---- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
            set_drop_highlight(self._central, True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        set_drop_highlight(self._central, False)
        super().dragLeaveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        set_drop_highlight(self._central, False)
        paths = local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.queue_paths(paths)

    # ---- quit -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray.hide_to_tray_instead() and not self._quitting:
            event.ignore()
            return
        running = self.model.count(State.QUEUED, *ACTIVE)
        if running and self.ask_on_quit and not self._quitting and not dialogs.confirm_quit(self, running):
            event.ignore()
            return
        self._quitting = True
        self._remember_layout()
        if self.verify_window is not None:
            self.verify_window.close()  # stops its thread before the core it uses goes away
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Pauses everything and waits until the checkpoint is on disk: resume picks it up.
            self.controller.close()
        finally:
            QApplication.restoreOverrideCursor()
        self.tray.hide()
        event.accept()

    def open_url(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def app_icon(self) -> QIcon:
        return icon("skylift", tint=False)
