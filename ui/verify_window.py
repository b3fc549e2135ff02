"""The Verify folder window: every file of a local folder against its object, and every object no
file accounts for, by checksum where the server can prove it (``skylift verify`` in a window).

The comparison runs on a thread the window owns; results collect in an inbox that a 100 ms timer
drains into the model in batches, so 100,000 results never flood the event loop.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.controller import Controller
from app.services.core import Destination
from app.services.verify import Summary, VerifyRequest, write_report
from ui.stale_model import emit
from ui.verify_model import VerifyInbox, VerifyModel, buddy, results_view, verify_in_thread
from ui.verify_texts import arg, error_text, key_prefix, start_problem, status_text, summary_text

DRAIN_MS = 100


class VerifyWindow(QDialog):
    """Signals: ``verify_finished(object)``: a run ended; its Summary (``stopped`` set when it was
    stopped), or None when it failed (the window says why)."""

    verify_finished = Signal(object)
    #: From the verify thread (queued): it has ended, drain now rather than at the next tick.
    _thread_ended = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # not modal: shown with show(), the queue stays usable
        self.setWindowTitle(self.tr("Verify folder"))
        self._controller = controller
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._inbox: VerifyInbox | None = None
        self._target = ("", "")
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self._on_drain)
        self._thread_ended.connect(self._on_drain, Qt.ConnectionType.QueuedConnection)
        self._prefill()
        self.resize(1040, 620)

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("The local folder to compare"))
        self.choose = QPushButton(self.tr("&Choose…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        self.profile = QComboBox()
        self.bucket = QComboBox()
        self.bucket.setEditable(True)
        self.bucket.setMinimumContentsLength(18)
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("folder/in/bucket/ (optional)"))
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.profile)
        for text, w in ((self.tr("&Bucket:"), self.bucket), (self.tr("Pr&efix:"), self.prefix)):
            dest_row.addWidget(buddy(text, w))
            dest_row.addWidget(w, 1)
        self.reread = QCheckBox(self.tr("&Read every file again"))
        self.reread.setToolTip(
            self.tr(
                "Ignore the checksums recorded by earlier uploads and verifies: slower, but it also "
                "catches a file changed without a new size or modification time."
            )
        )
        self.start = QPushButton(self.tr("&Start"))
        self.stop = QPushButton(self.tr("S&top"))
        self.stop.setEnabled(False)
        for b in (self.choose, self.stop):
            b.setAutoDefault(False)
        self.start.setDefault(True)
        run_row = QHBoxLayout()
        run_row.addWidget(self.reread)
        run_row.addStretch(1)
        run_row.addWidget(self.start)
        run_row.addWidget(self.stop)
        form = QFormLayout()
        form.addRow(buddy(self.tr("&Folder:"), self.folder), folder_row)
        form.addRow(buddy(self.tr("&Profile:"), self.profile), dest_row)
        form.addRow(run_row)

        self.progress = QProgressBar()
        self.status = QLabel(self.tr("Choose a folder and where it was uploaded, then Start."))
        self.only_problems = QComboBox()
        self.only_problems.addItems([self.tr("All"), self.tr("Only problems")])
        show = buddy(self.tr("S&how:"), self.only_problems)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress, 1)
        status_row.addWidget(self.status, 2)
        status_row.addWidget(show)
        status_row.addWidget(self.only_problems)

        self.model = VerifyModel(self)
        self.table = results_view(self.model)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save = QPushButton(self.tr("Sa&ve Report…"))
        self.save.setAutoDefault(False)
        self.save.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save, 0, Qt.AlignmentFlag.AlignTop)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(status_row)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)

        self.choose.clicked.connect(self._on_choose)
        self.start.clicked.connect(self.start_verify)
        self.stop.clicked.connect(self.stop_verify)
        self.save.clicked.connect(self._on_save)
        self.only_problems.currentIndexChanged.connect(lambda i: self.model.set_only_problems(i == 1))

    def _prefill(self) -> None:
        """The main window's current upload destination; the folder verified last time."""
        s = self._controller.settings
        for row in self._controller.core.profiles.all():
            self.profile.addItem(row.name, row.name)
        last = s.last_destination
        self.profile.setCurrentIndex(max(0, self.profile.findData(last.profile)))
        self.bucket.setEditText(last.bucket)
        self.prefix.setText(last.prefix)
        self.folder.setText(s.verify_folder)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        if self.profile.count():
            self._controller.list_buckets(str(self.profile.currentData()), self._on_buckets_listed)

    def _on_profile_changed(self) -> None:
        name = str(self.profile.currentData() or "")
        self.bucket.clear()
        if name:
            self.bucket.setEditText(self._controller.core.profiles.get(name).default_bucket)
            self._controller.list_buckets(name, self._on_buckets_listed)

    def _on_buckets_listed(self, result: object) -> None:
        if not isinstance(result, list):
            return  # no listing (offline, no permission): typing a bucket name still works
        current = self.bucket.currentText()
        self.bucket.clear()
        self.bucket.addItems([str(b) for b in result])
        self.bucket.setEditText(current or (str(result[0]) if result else ""))

    def _on_choose(self) -> None:
        start = os.path.expanduser(self.folder.text().strip())
        if not os.path.isdir(start):
            start = os.path.expanduser("~")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to verify"), start)
        if folder:
            self.folder.setText(folder)

    # ---- running ------------------------------------------------------------------------------
    def running(self) -> bool:
        return self._thread is not None

    def start_verify(self) -> None:
        if self.running():
            return
        folder = os.path.expanduser(self.folder.text().strip())
        profile = str(self.profile.currentData() or "")
        bucket, key = self.bucket.currentText().strip(), key_prefix(self.prefix.text())
        problem = start_problem(folder, profile, bucket, key)
        if problem is not None:
            self.message.setText(problem)
            return
        self._controller.settings.verify_folder = folder
        self._controller.save_settings()
        req = VerifyRequest(
            [folder], Destination(profile, bucket, key), use_cache=not self.reread.isChecked()
        )
        self.model.clear(key)
        self.message.setText("")
        self._target = (profile, bucket)
        self._inbox, self._stop = VerifyInbox(), threading.Event()
        self._thread = threading.Thread(
            target=verify_in_thread,
            args=(self._controller.core, req, self._inbox, self._stop, lambda: emit(self._thread_ended)),
            name="skylift-verify-window",
            daemon=True,
        )
        self._thread.start()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Reading the folder…"))
        self._set_running(True)
        self._timer.start()

    def stop_verify(self) -> None:
        self._stop.set()
        if self.running():
            self.status.setText(self.tr("Stopping…"))

    def _set_running(self, running: bool) -> None:
        self.start.setEnabled(not running)
        self.stop.setEnabled(running)
        self.save.setEnabled(not running and self.model.total_rows > 0)
        for w in (self.folder, self.choose, self.profile, self.bucket, self.prefix, self.reread):
            w.setEnabled(not running)

    def _on_drain(self) -> None:
        inbox = self._inbox
        if inbox is None:
            return
        self.model.append(inbox.take())
        with inbox.lock:
            total, done, skipped = inbox.total, inbox.done, inbox.skipped
            summary, error = inbox.summary, inbox.error
        if total is not None:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(min(total, self.model.files_done) if total else 1)
            self.status.setText(status_text(self.model.files_done, total, self.model.counts))
        if done:
            self._finish(summary, error, skipped)

    def _finish(self, summary: Summary | None, error: Exception | None, skipped: int) -> None:
        self._timer.stop()
        if self._thread is not None:
            self._thread.join()
        self._thread, self._inbox = None, None
        self._set_running(False)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        if error is not None:
            self.message.setText(error_text(error, self._target[1], self._target[0]))
        elif summary is not None:
            self.message.setText(summary_text(summary, skipped))
        emit(self.verify_finished, None if error is not None else summary)

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save report"),
            os.path.expanduser("~/verify-report.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not path:
            return
        try:
            write_report(path, self.model.results())
        except OSError as exc:
            why = exc.strerror or str(exc)
            self.status.setText(arg(self.tr("Cannot write %1: %2. Choose another place."), path, why))
            return
        # The status line, not the message: the summary of the run stays in view.
        self.status.setText(arg(self.tr("Report saved to %1."), path))

    # ---- closing ------------------------------------------------------------------------------
    def _end_run(self) -> None:
        """Stop the run and wait for its thread: nothing of it may outlive the window."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            thread.join()
        finally:
            QApplication.restoreOverrideCursor()
        self._on_drain()

    def reject(self) -> None:
        # Escape and the title bar's button both end here (QDialog's closeEvent calls reject).
        self._end_run()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._end_run()
        super().closeEvent(event)
