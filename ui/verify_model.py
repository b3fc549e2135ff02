"""The results table of the Verify window, its view's fixed geometry, and the inbox that
brings results from the verify thread to the GUI thread."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from app.gui.api import Skipped, format_size
from app.services.compare import Comparison, Verdict
from app.services.core import AppCore
from app.services.verify import Summary, VerifyRequest, run_verify, sources_of
from ui.verify_texts import arg, detail_text, method_text, verdict_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

NAME, RESULT, HOW, LOCAL_SIZE, SERVER_SIZE, DETAIL = range(6)
#: The Comparison of a row.
RESULT_ROLE = Qt.ItemDataRole.UserRole
#: The widest text each fixed-width column usually holds; the view sizes columns from these.
COLUMN_SAMPLES = {
    RESULT: "Same size, unproven",
    HOW: "recorded at upload",
    LOCAL_SIZE: "1023.9 MiB",
    SERVER_SIZE: "1023.9 MiB",
}
RED = frozenset({Verdict.DIFFERENT, Verdict.MISSING, Verdict.FAILED, Verdict.UNREADABLE})
AMBER = frozenset({Verdict.ONLY_ON_SERVER, Verdict.UNPROVEN, Verdict.CHANGED})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _dot(color: QColor) -> QIcon:
    pm = QPixmap(12, 12)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pm)


class VerifyModel(QAbstractTableModel):
    """Results of one verify run, in the order they came. Rows are only ever appended in batches
    (one insert per batch); "only problems" keeps its own list, so switching is one reset and a
    batch costs the same with 100 rows as with 100,000."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Comparison] = []
        self._problems: list[Comparison] = []
        self._only_problems = False
        self._prefix = ""
        self.counts: Counter[Verdict] = Counter()
        # Darker shades on a light base, lighter on a dark one: both must stay legible.
        dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._red = QColor("#ff6b6b" if dark else "#c62828")
        self._amber = QColor("#f0b429" if dark else "#a15c00")
        self._green = QColor("#5cc27a" if dark else "#2e7d32")
        self._icons = {"red": _dot(self._red), "amber": _dot(self._amber), "green": _dot(self._green)}

    @property
    def _rows(self) -> list[Comparison]:
        return self._problems if self._only_problems else self._all

    # ---- Qt API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            QCoreApplication.translate("VerifyWindow", "Name"),
            QCoreApplication.translate("VerifyWindow", "Result"),
            QCoreApplication.translate("VerifyWindow", "How"),
            QCoreApplication.translate("VerifyWindow", "Local size"),
            QCoreApplication.translate("VerifyWindow", "Server size"),
            QCoreApplication.translate("VerifyWindow", "Detail"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = 0) -> Any:
        rows = self._rows
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        c = rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, col)
        if role == RESULT_ROLE:
            return c
        if col == RESULT and role == Qt.ItemDataRole.DecorationRole:
            return self._icons[self._tone(c.verdict)]
        if col == RESULT and role == Qt.ItemDataRole.ForegroundRole:
            tone = self._tone(c.verdict)
            return None if tone == "green" else self._red if tone == "red" else self._amber
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (LOCAL_SIZE, SERVER_SIZE):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == NAME:
                return c.key + (f"\n{c.path}" if c.path else "")
            if col in (LOCAL_SIZE, SERVER_SIZE):
                size = c.local_size if col == LOCAL_SIZE else c.remote_size
                return (
                    None
                    if size is None
                    else arg(QCoreApplication.translate("VerifyWindow", "%1 bytes"), f"{size:,}")
                )
            if col == DETAIL and c.detail:
                return detail_text(c.detail)
        return None

    def _tone(self, v: Verdict) -> str:
        return "red" if v in RED else "amber" if v in AMBER else "green"

    def _display(self, c: Comparison, col: int) -> str:
        if col == NAME:
            return c.key[len(self._prefix) :] if c.key.startswith(self._prefix) else c.key
        if col == RESULT:
            return verdict_text(c.verdict)
        if col == HOW:
            return method_text(c.method)
        if col in (LOCAL_SIZE, SERVER_SIZE):
            size = c.local_size if col == LOCAL_SIZE else c.remote_size
            return "" if size is None else format_size(size)
        return detail_text(c.detail)

    # ---- updates ------------------------------------------------------------------------------
    def append(self, batch: list[Comparison]) -> None:
        if not batch:
            return
        problems = [c for c in batch if c.verdict is not Verdict.SAME]
        shown = problems if self._only_problems else batch
        first = len(self._rows)
        if shown:
            self.beginInsertRows(_ROOT, first, first + len(shown) - 1)
        self._all.extend(batch)
        self._problems.extend(problems)
        self.counts.update(c.verdict for c in batch)
        if shown:
            self.endInsertRows()

    def clear(self, prefix: str = "") -> None:
        """Empty, for a run whose keys are under ``prefix`` (the Name column shows what follows)."""
        self.beginResetModel()
        self._prefix = prefix
        self._all, self._problems = [], []
        self.counts = Counter()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        if only == self._only_problems:
            return
        self.beginResetModel()
        self._only_problems = only
        self.endResetModel()

    def results(self) -> list[Comparison]:
        return list(self._all)

    def result(self, row: int) -> Comparison:
        return self._rows[row]

    @property
    def total_rows(self) -> int:
        """Results of the run, whatever the filter shows."""
        return len(self._all)

    @property
    def files_done(self) -> int:
        return len(self._all) - self.counts[Verdict.ONLY_ON_SERVER]


def results_view(model: VerifyModel) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.setShowGrid(False)
    t.setWordWrap(False)
    t.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    v = t.verticalHeader()
    v.setVisible(False)
    # Fixed row heights and column widths from the font: the view never measures 100,000 rows.
    v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    v.setDefaultSectionSize(t.fontMetrics().height() + 8)
    header = t.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    fm = t.fontMetrics()
    for col, sample in COLUMN_SAMPLES.items():
        # Room for the verdict's dot and the cell margins; a translated header may be the widest.
        text = max(sample, str(model.headerData(col, Qt.Orientation.Horizontal)), key=len)
        header.resizeSection(col, fm.horizontalAdvance(text) + 36)
    header.resizeSection(NAME, fm.horizontalAdvance("M") * 30)
    header.resizeSection(DETAIL, fm.horizontalAdvance("M") * 12)
    return t


def buddy(text: str, w: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(w)
    return label


# ---- the verify thread --------------------------------------------------------------------------


class VerifyInbox:
    """What the verify thread found so far, drained by the window's timer."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.results: list[Comparison] = []
        #: Files to compare; None while the folder is walked.
        self.total: int | None = None
        self.skipped = 0
        self.summary: Summary | None = None
        self.error: Exception | None = None
        self.done = False

    def add(self, c: Comparison) -> None:
        with self.lock:
            self.results.append(c)

    def skip(self, s: Skipped) -> None:
        with self.lock:
            self.skipped += 1

    def take(self) -> list[Comparison]:
        with self.lock:
            out, self.results = self.results, []
            return out


def verify_in_thread(
    core: AppCore,
    req: VerifyRequest,
    inbox: VerifyInbox,
    stop: threading.Event,
    finished: Callable[[], None],
) -> None:
    """The body of the window's verify thread; ``finished`` is called last, whatever happened."""
    summary: Summary | None = None
    error: Exception | None = None
    try:
        sources = sources_of(req, inbox.skip, stop)
        with inbox.lock:
            inbox.total = len(sources)
        summary = Summary(stopped=True) if stop.is_set() else run_verify(core, req, sources, inbox.add, stop)
    except Exception as exc:  # said in the window; a thread's traceback would reach nobody
        error = exc
    with inbox.lock:
        inbox.summary, inbox.error, inbox.done = summary, error, True
    finished()
