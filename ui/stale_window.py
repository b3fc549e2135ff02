"""The Stale uploads window: unfinished multipart uploads of a bucket, their cost, and actions.

Listing runs on a worker thread; rows reach the model in batches from a GUI-thread timer, so a
bucket with ten thousand stale uploads stays responsive. Every other request (parts, HEAD checks,
abort, adopt, lifecycle) runs on the same small pool and reports back through a relay signal.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.stale import (
    AbortPlan,
    AbortResult,
    AbortStatus,
    Adopted,
    LifecycleStatus,
    ServerPart,
    StaleError,
    StaleService,
    StaleUpload,
    select,
)
from ui.age_chart import AgeChart
from ui.messages import pick
from ui.stale_model import (
    AGE,
    COLUMN_SAMPLES,
    KEY,
    PART_SAMPLES,
    ListingInbox,
    PartsModel,
    Runner,
    StaleModel,
    abort_texts,
    adopt_text,
    arg,
    emit,
    lifecycle_text,
    result_texts,
    totals_text,
)

DRAIN_MS = 150
#: The GIL switch interval while a listing runs. The ListParts workers parse XML in Python, and
#: every cell the table paints calls into Python and must win the GIL back first: with busy
#: workers the default 5 ms left the window frozen for hundreds of milliseconds at a time, and
#: 1 ms cut those stalls several times over.
LISTING_SWITCH_INTERVAL = 0.001
_T = TypeVar("_T")


class StaleWindow(QWidget):
    """Signals: ``listing_finished(int)`` with the number of uploads listed."""

    listing_finished = Signal(int)

    def __init__(self, service: StaleService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.service = service
        self.setWindowTitle(self.tr("Stale uploads"))
        self.resize(1100, 640)
        self._runner = Runner(self, threads=2)
        self._inbox: ListingInbox | None = None
        self._cancel: threading.Event | None = None
        self._target = ("", "")
        self._saved_switch: float | None = None
        #: Replaceable in tests: ask the user a yes/no question.
        self.confirm: Callable[[str, str], bool] = self._confirm_box
        self.choose_file: Callable[[], str] = self._choose_file
        self.ask_days: Callable[[str, int], int | None] = self._ask_days
        self.inform: Callable[[str, str], None] = self._inform_box
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self._on_drain)
        self._fill_profiles()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.profile = QComboBox()
        self.bucket = QComboBox()
        self.bucket.setEditable(True)
        self.bucket.setMinimumWidth(180)
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("prefix (optional)"))
        self.older = QSpinBox()
        self.older.setRange(0, 3650)
        self.older.setSuffix(self.tr(" days"))
        self.older.setSpecialValueText(self.tr("any age"))
        self.list_button = QPushButton(self.tr("&List"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        top = QHBoxLayout()
        for label, w in (
            (self.tr("Profile:"), self.profile),
            (self.tr("Bucket:"), self.bucket),
            (self.tr("Prefix:"), self.prefix),
            (self.tr("Older than:"), self.older),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(w)
        top.addWidget(self.list_button)
        top.addWidget(self.cancel_button)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()

        self.model = StaleModel(self)
        self.table = QTableView()
        # The model sorts itself: a QSortFilterProxyModel asks Python for every comparison and
        # took seconds per sort (and per batch) on 10,000 rows.
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AGE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        # Fixed widths from the font, not ResizeToContents: measuring 10,000 rows on every batch
        # would freeze the window.
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        for col, sample in COLUMN_SAMPLES.items():
            header.resizeSection(col, fm.horizontalAdvance(sample) + 20)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

        self.parts_model = PartsModel(self)
        self.parts_table = QTableView()
        self.parts_table.setModel(self.parts_model)
        self.parts_table.verticalHeader().setVisible(False)
        parts_header = self.parts_table.horizontalHeader()
        parts_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, sample in PART_SAMPLES.items():
            parts_header.resizeSection(col, fm.horizontalAdvance(sample) + 20)
        self.parts_table.setWordWrap(False)
        self.parts_label = QLabel(self.tr("Select an upload to see its parts."))
        parts_box = QWidget()
        pl = QVBoxLayout(parts_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.parts_label)
        pl.addWidget(self.parts_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(parts_box)
        split.setSizes([420, 160])

        self.resume_button = QPushButton(self.tr("&Resume"))
        self.adopt_button = QPushButton(self.tr("&Adopt…"))
        self.abort_button = QPushButton(self.tr("A&bort Selected…"))
        self.abort_old_button = QPushButton(self.tr("Abort &Older Than…"))
        self.rule_button = QPushButton(self.tr("Set Bucket &Rule…"))
        actions = QHBoxLayout()
        for b in (self.resume_button, self.adopt_button, self.abort_button, self.abort_old_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.rule_button)

        self.totals = QLabel()
        self.price = QDoubleSpinBox()
        self.price.setDecimals(4)
        self.price.setRange(0, 100)
        self.price.setSingleStep(0.001)
        self.price.setSuffix(self.tr(" per GB-month"))
        self.lifecycle = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(QLabel(self.tr("Price:")))
        bottom.addWidget(self.price)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress, 1)
        status_row.addWidget(self.status, 2)
        lay.addLayout(status_row)
        lay.addWidget(split, 1)
        lay.addLayout(actions)
        lay.addLayout(bottom)
        self.ages = AgeChart()
        lay.addWidget(self.ages)
        lay.addWidget(self.lifecycle)

        self.profile.currentTextChanged.connect(self._on_profile_changed)
        self.list_button.clicked.connect(self.start_listing)
        self.cancel_button.clicked.connect(self.cancel_listing)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.resume_button.clicked.connect(self._on_resume)
        self.adopt_button.clicked.connect(self._on_adopt)
        self.abort_button.clicked.connect(self._on_abort_selected)
        self.abort_old_button.clicked.connect(self._on_abort_older)
        self.rule_button.clicked.connect(self._on_set_rule)
        self.price.editingFinished.connect(self._on_price_edited)
        self._update_actions()
        self._show_totals()

    # ---- background helpers ---------------------------------------------------------------------
    def _run(
        self,
        fn: Callable[[], _T],
        done: Callable[[_T], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        self._runner.run(fn, done, failed or self._show_error)

    def _show_error(self, exc: Exception) -> None:
        detail = getattr(exc, "detail", "") or str(exc)
        self.status.setText(arg(self.tr("Error: %1"), detail))

    def wait_idle(self, ms: int = 30000) -> bool:
        return self._runner.wait(ms)

    # ---- profile, bucket, price ---------------------------------------------------------------
    def _fill_profiles(self) -> None:
        names = self.service.profile_names()
        self.profile.addItems(names)
        default = self.service.default_profile()
        if default in names:
            self.profile.setCurrentText(default)

    def _on_profile_changed(self, name: str) -> None:
        if not name:
            return
        self.price.setValue(self.service.price(name))
        self.bucket.clear()
        self.bucket.setEditText(self.service.default_bucket(name))
        self._run(lambda: self.service.buckets(name), lambda b: self._on_buckets(name, b), lambda e: None)
        self._show_totals()

    def _on_buckets(self, profile: str, buckets: list[str]) -> None:
        if profile != self.profile.currentText():
            return
        text = self.bucket.currentText()
        self.bucket.clear()
        self.bucket.addItems(buckets)
        self.bucket.setEditText(text or (buckets[0] if buckets else ""))

    def _on_price_edited(self) -> None:
        if self.profile.currentText():
            self.service.set_price(self.profile.currentText(), self.price.value())
        self._show_totals()

    def select_target(self, profile: str, bucket: str, prefix: str = "") -> None:
        self.profile.setCurrentText(profile)
        self.bucket.setEditText(bucket)
        self.prefix.setText(prefix)

    # ---- listing ------------------------------------------------------------------------------
    def start_listing(self) -> None:
        profile, bucket = self.profile.currentText(), self.bucket.currentText().strip()
        if not profile or not bucket:
            self.status.setText(self.tr("Choose a profile and a bucket."))
            return
        self.cancel_listing()
        self._target = (profile, bucket)
        self.model.reset()
        self.parts_model.set_parts([])
        days = self.older.value()
        inbox = ListingInbox()
        cancel = threading.Event()
        self._inbox, self._cancel = inbox, cancel
        prefix, now = self.prefix.text(), self.model.now
        svc = self.service

        def progress(listed: int, sized: int) -> None:
            with inbox.lock:
                inbox.listed, inbox.sized = listed, sized

        def work() -> None:
            try:
                for u in svc.list_uploads(
                    profile,
                    bucket,
                    prefix,
                    cancel=cancel,
                    on_progress=progress,
                    older_than=timedelta(days=days) if days else None,
                    now=now,
                ):
                    with inbox.lock:
                        inbox.rows.append(u)
            except Exception as exc:
                with inbox.lock:
                    inbox.error = exc
            finally:
                with inbox.lock:
                    inbox.done = True

        self._run(work, lambda _: None)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Listing…"))
        self.list_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._timer.start()
        if self._saved_switch is None:
            self._saved_switch = sys.getswitchinterval()
            sys.setswitchinterval(min(self._saved_switch, LISTING_SWITCH_INTERVAL))
        self._run(lambda: svc.lifecycle(profile, bucket), self._on_lifecycle, lambda e: None)

    def cancel_listing(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _on_drain(self) -> None:
        inbox = self._inbox
        if inbox is None:
            return
        rows, listed, sized, done, error = inbox.take()
        self.model.append(rows)
        self.status.setText(arg(self.tr("Uploads listed: %1, sized: %2"), str(listed), str(sized)))
        self._show_totals()
        if not done:
            return
        self._timer.stop()
        self._restore_switch()
        self._inbox = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.list_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        cancelled = self._cancel is not None and self._cancel.is_set()
        self._cancel = None
        if error is not None:
            self._show_error(error)
        elif cancelled:
            self.status.setText(
                arg(self.tr("Listing cancelled; uploads listed: %1."), str(self.model.rowCount()))
            )
        else:
            n = self.model.rowCount()
            self.status.setText(
                arg(pick(n, self.tr("%1 unfinished upload."), self.tr("%1 unfinished uploads.")), str(n))
            )
        self._update_actions()
        emit(self.listing_finished, self.model.rowCount())

    def _show_totals(self) -> None:
        self.totals.setText(totals_text(self.model.totals, self.price.value()))
        self.ages.set_uploads(self.model.uploads(), self.model.now)

    def _on_lifecycle(self, st: LifecycleStatus) -> None:
        self.lifecycle.setText(lifecycle_text(st))
        self.rule_button.setEnabled(st.supported)

    # ---- selection and parts ------------------------------------------------------------------
    def selected(self) -> list[StaleUpload]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.upload(i.row()) for i in sorted(rows, key=lambda i: i.row())]

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_actions()
        sel = self.selected()
        if len(sel) != 1:
            self.parts_model.set_parts([])
            self.parts_label.setText(self.tr("Select one upload to see its parts."))
            return
        u = sel[0]
        profile, bucket = self._target
        self.parts_label.setText(arg(self.tr("Parts of %1"), u.key))
        self._run(
            lambda: self.service.parts(profile, bucket, u.key, u.upload_id),
            lambda parts: self._on_parts(u, parts),
        )

    def _on_parts(self, u: StaleUpload, parts: list[ServerPart]) -> None:
        sel = self.selected()
        if len(sel) == 1 and sel[0].upload_id == u.upload_id:
            self.parts_model.set_parts(parts)

    def _update_actions(self) -> None:
        sel = self.selected()
        one = sel[0] if len(sel) == 1 else None
        self.resume_button.setEnabled(one is not None and one.owner is not None)
        self.adopt_button.setEnabled(one is not None and (one.owner is None or not one.owner.blocks_abort))
        self.abort_button.setEnabled(bool(sel))
        self.abort_old_button.setEnabled(self.model.rowCount() > 0)

    # ---- actions ------------------------------------------------------------------------------
    def _on_resume(self) -> None:
        (u,) = self.selected()
        try:
            tid = self.service.resume_owned(u)
        except StaleError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(arg(self.tr("Transfer #%1 is back in the queue."), str(tid)))

    def _on_adopt(self) -> None:
        (u,) = self.selected()
        path = self.choose_file()
        if not path:
            return
        profile, bucket = self._target
        self.status.setText(arg(self.tr("Checking %1 against the uploaded parts…"), path))
        self._run(
            lambda: self.service.adopt(profile, bucket, u.key, u.upload_id, path, u.storage_class),
            self._on_adopted,
        )

    def _on_adopted(self, a: Adopted) -> None:
        text = adopt_text(a)
        self.status.setText(text)
        if a.transfer_id is None:
            self.inform(self.tr("Adopt upload"), text + "\n\n" + a.report.detail)

    def _on_abort_selected(self) -> None:
        self._plan_and_abort(self.selected())

    def _on_abort_older(self) -> None:
        days = self.ask_days(self.tr("Abort uploads older than (days):"), max(1, self.older.value() or 7))
        if days is None:
            return
        chosen, _ = select(self.model.uploads(), older_than=timedelta(days=days), now=self.model.now)
        if not chosen:
            self.status.setText(arg(self.tr("No listed upload is older than %1 days."), str(days)))
            return
        self._plan_and_abort(chosen)

    def _plan_and_abort(self, uploads: list[StaleUpload]) -> None:
        if not uploads:
            return
        profile, bucket = self._target
        n = len(uploads)
        self.status.setText(
            arg(pick(n, self.tr("Checking %1 upload…"), self.tr("Checking %1 uploads…")), str(n))
        )
        self._run(lambda: self.service.plan_abort(profile, bucket, uploads), self._on_plan)

    def _on_plan(self, plan: AbortPlan) -> None:
        question, notes, warning = abort_texts(plan)
        if not plan.items:
            self.status.setText(self.tr("Nothing to abort."))
            if notes:
                self.inform(self.tr("Abort uploads"), "\n".join(notes))
            return
        if not self.confirm(self.tr("Abort uploads"), "\n\n".join([question, *notes])):
            self.status.setText(self.tr("Nothing aborted."))
            return
        confirm_warned = bool(warning) and self.confirm(self.tr("Possibly completed uploads"), warning)
        profile, bucket = self._target
        told = {u.upload_id for u in plan.refused}
        self._run(
            lambda: self.service.abort(profile, bucket, plan, confirm_warned),
            lambda result: self._on_aborted(result, told),
        )

    def _on_aborted(self, result: AbortResult, told: set[str]) -> None:
        gone = result.of(AbortStatus.ABORTED) + result.of(AbortStatus.ALREADY_GONE)
        self.model.remove_ids({o.upload.upload_id for o in gone})
        self._show_totals()
        text, problems = result_texts(result, told)
        self.status.setText(text)
        if problems:
            self.inform(self.tr("Abort uploads"), text + "\n\n" + "\n".join(problems))
        self._update_actions()

    def _on_set_rule(self) -> None:
        days = self.ask_days(self.tr("Abort incomplete uploads after (days, 0 removes the rule):"), 7)
        if days is None:
            return
        profile, bucket = self.profile.currentText(), self.bucket.currentText().strip()
        self._run(lambda: self.service.set_lifecycle(profile, bucket, days or None), self._on_lifecycle)

    # ---- dialogs ------------------------------------------------------------------------------
    def _confirm_box(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _inform_box(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _choose_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The local file this upload was sending"))
        return path

    def _ask_days(self, label: str, value: int) -> int | None:
        days, ok = QInputDialog.getInt(self, self.windowTitle(), label, value, 0, 3650)
        return int(days) if ok else None

    def _restore_switch(self) -> None:
        if self._saved_switch is not None:
            sys.setswitchinterval(self._saved_switch)
            self._saved_switch = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_listing()
        self._timer.stop()
        self._runner.wait(10000)
        self._restore_switch()
        super().closeEvent(event)
