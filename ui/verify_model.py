"""The results table of the Verify window, the words for verdicts and methods, and the inbox that
brings results from the verify thread to the GUI thread."""

from __future__ import annotations

import os
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

from app.gui.api import ErrorCode, Skipped, SkyliftError, format_size
from app.services.compare import BY_RECORD, BY_SIZE, Comparison, Verdict
from app.services.core import AppCore, destination_problem
from app.services.verify import Summary, VerifyRequest, run_verify, sources_of
from ui import messages

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("VerifyWindow", text)


def arg(text: str, *values: object) -> str:
    """Fill ``%1``, ``%2``… of a translated text (translators may reorder them)."""
    for n, v in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{n}", str(v))
    return text


def verdict_text(v: Verdict) -> str:
    return {
        Verdict.SAME: _tr("Same"),
        Verdict.DIFFERENT: _tr("Different"),
        Verdict.MISSING: _tr("Missing on server"),
        Verdict.ONLY_ON_SERVER: _tr("Only on server"),
        Verdict.UNPROVEN: _tr("Same size, unproven"),
        Verdict.CHANGED: _tr("Changed while read"),
        Verdict.UNREADABLE: _tr("Unreadable"),
        Verdict.FAILED: _tr("Not checked"),
    }[v]


def method_text(method: str) -> str:
    """How a verdict was reached, in words; an unknown method code is shown as it is."""
    words = {
        "sha256": _tr("SHA-256"),
        "crc32": _tr("CRC32"),
        "crc32-parts": _tr("CRC32 (parts)"),
        "crc64": _tr("CRC64"),
        "md5": _tr("MD5"),
        "md5-parts": _tr("MD5 (parts)"),
        BY_RECORD: _tr("recorded at upload"),
        BY_SIZE: _tr("size only"),
    }
    return words.get(method, method)


def detail_text(detail: str) -> str:
    """The service's own sentences, translated; the system's words (strerror) pass through."""
    known = {
        "the file changed while it was read": _tr("the file changed while it was read"),
        "the server shows no checksum that can be compared": _tr(
            "the server shows no checksum that can be compared"
        ),
        "the object was uploaded in parts of unknown size: its checksum cannot be recomputed": _tr(
            "the object was uploaded in parts of unknown size: its checksum cannot be recomputed"
        ),
    }
    return known.get(detail, detail)


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
            _tr("Name"),
            _tr("Result"),
            _tr("How"),
            _tr("Local size"),
            _tr("Server size"),
            _tr("Detail"),
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
                return c.path or c.key
            if col in (LOCAL_SIZE, SERVER_SIZE):
                size = c.local_size if col == LOCAL_SIZE else c.remote_size
                return None if size is None else arg(_tr("%1 bytes"), f"{size:,}")
            if col == DETAIL and c.detail:
                return detail_text(c.detail)
        return None

    def _tone(self, v: Verdict) -> str:
        return "red" if v in RED else "amber" if v in AMBER else "green"

    def _display(self, c: Comparison, col: int) -> str:
        if col == NAME:
            return c.key
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

    def clear(self) -> None:
        self.beginResetModel()
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
    header.resizeSection(NAME, fm.horizontalAdvance("M") * 26)
    header.resizeSection(DETAIL, fm.horizontalAdvance("M") * 16)
    return t


def buddy(text: str, w: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(w)
    return label


def key_prefix(prefix: str) -> str:
    p = prefix.strip().lstrip("/")
    return p if not p or p.endswith("/") else p + "/"


def start_problem(folder: str, profile: str, bucket: str, key: str) -> str | None:
    """Why a run cannot start with these inputs (said in the window), or None."""
    if not folder:
        return _tr("Choose the folder to verify.")
    if not os.path.isdir(folder):
        return arg(_tr("There is no folder %1. Choose a folder that exists."), folder)
    if not profile:
        return _tr("Add a profile first (Tools › Profiles…).")
    if not bucket:
        return _tr("Enter the bucket the folder was uploaded to.")
    problem = destination_problem(bucket, key)
    if problem is not None:
        return arg(_tr("Cannot verify against that destination: %1."), problem)
    return None


# ---- texts of the status and summary lines ------------------------------------------------------


def _counted(n: int, one: str, many: str) -> str:
    """English needs two forms; %1 is the number either way."""
    return arg(one if n == 1 else many, f"{n:,}")


def status_text(done: int, total: int, counts: Counter[Verdict]) -> str:
    """``1,234 of 10,000 files · 3 different · 1 missing``."""
    parts = [arg(_tr("%1 of %2 files"), f"{done:,}", f"{total:,}")]
    words = {
        Verdict.DIFFERENT: _tr("%1 different"),
        Verdict.MISSING: _tr("%1 missing"),
        Verdict.ONLY_ON_SERVER: _tr("%1 only on server"),
        Verdict.UNPROVEN: _tr("%1 by size only"),
        Verdict.CHANGED: _tr("%1 changed while read"),
        Verdict.UNREADABLE: _tr("%1 unreadable"),
        Verdict.FAILED: _tr("%1 not checked"),
    }
    parts += [arg(text, f"{counts[v]:,}") for v, text in words.items() if counts[v]]
    return " · ".join(parts)


def summary_text(s: Summary, skipped: int) -> str:
    """The outcome of a finished run in people's words."""
    v = s.verdicts
    same, unproven = v[Verdict.SAME], v[Verdict.UNPROVEN]
    problems = []
    if v[Verdict.DIFFERENT]:
        problems.append(_counted(v[Verdict.DIFFERENT], _tr("1 file differs"), _tr("%1 files differ")))
    if v[Verdict.MISSING]:
        problems.append(_counted(v[Verdict.MISSING], _tr("1 is missing"), _tr("%1 are missing")))
    if v[Verdict.ONLY_ON_SERVER]:
        problems.append(
            _counted(
                v[Verdict.ONLY_ON_SERVER],
                _tr("1 object is only on the server"),
                _tr("%1 objects are only on the server"),
            )
        )
    if v[Verdict.CHANGED]:
        problems.append(
            _counted(
                v[Verdict.CHANGED], _tr("1 changed while it was read"), _tr("%1 changed while they were read")
            )
        )
    if v[Verdict.UNREADABLE]:
        problems.append(_counted(v[Verdict.UNREADABLE], _tr("1 cannot be read"), _tr("%1 cannot be read")))
    if v[Verdict.FAILED]:
        problems.append(
            _counted(v[Verdict.FAILED], _tr("1 could not be checked"), _tr("%1 could not be checked"))
        )
    if not problems:
        if s.files == 0:
            text = _tr("The folder holds no files to verify.")
        elif unproven:
            text = arg(
                _tr("All %1 files are on the server, unchanged (%2 by checksum, %3 by size only)."),
                f"{s.files:,}",
                f"{same:,}",
                f"{unproven:,}",
            )
        else:
            text = arg(
                _tr("All %1 files are on the server, unchanged, each proven by checksum."), f"{s.files:,}"
            )
    else:
        text = arg(_tr("%1."), _tr(", ").join(problems))
        if same + unproven:
            text += " " + _counted(
                same + unproven, _tr("The other file is unchanged."), _tr("The other %1 files are unchanged.")
            )
    if s.stopped:
        text = arg(_tr("Stopped before the end. So far: %1"), text)
    if skipped:
        text += " " + _counted(
            skipped,
            _tr("1 item in the folder was not verified (unreadable, or not a regular file)."),
            _tr("%1 items in the folder were not verified (unreadable, or not regular files)."),
        )
    return text


def error_text(exc: BaseException, bucket: str, profile: str) -> str:
    """A failed run as one sentence saying what to do."""
    if isinstance(exc, SkyliftError):
        why = messages.error_text(exc.code.value) + (f" ({exc.detail})" if exc.detail else "")
        if exc.code is ErrorCode.NO_SUCH_BUCKET:
            return arg(
                _tr("The bucket %1 does not exist (%2). Check its name, then Start again."), bucket, why
            )
        if exc.code in (ErrorCode.AUTH, ErrorCode.ACCESS_DENIED, ErrorCode.CONFIG):
            return arg(
                _tr("The bucket %1 cannot be listed: %2. Check the keys of profile %3 (Tools › Profiles…)."),
                bucket,
                why,
                profile,
            )
        if exc.code is ErrorCode.NETWORK:
            return arg(
                _tr("The server of profile %1 cannot be reached: %2. Check the network, then Start again."),
                profile,
                why,
            )
        return arg(_tr("The bucket %1 cannot be listed: %2. Start again later."), bucket, why)
    return arg(_tr("Verify stopped: %1. Check the folder and profile %2, then Start again."), exc, profile)


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
