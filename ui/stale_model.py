"""Table models of the Stale uploads window (the uploads of a bucket, the parts of one upload) and
the plumbing that brings results from worker threads to the GUI thread."""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)

from app.services.stale import (
    AbortPlan,
    AbortResult,
    AbortStatus,
    Adopted,
    LifecycleStatus,
    ServerPart,
    StaleUpload,
    Totals,
    format_size,
    monthly_cost,
    utcnow,
)
from ui.messages import pick, state_text

_Index = QModelIndex | QPersistentModelIndex
_T = TypeVar("_T")
_ROOT = QModelIndex()

#: The raw value a column sorts by (age as seconds, bytes as an integer), not its display text.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: The :class:`StaleUpload` of a row.
UPLOAD_ROLE = Qt.ItemDataRole.UserRole + 1

KEY, UPLOAD_ID, INITIATED, AGE, CLASS, PARTS, BYTES, OWNER = range(8)
#: The widest text each fixed-width column usually holds; the view sizes columns from these.
COLUMN_SAMPLES = {
    UPLOAD_ID: "0123456789abcdef0123456789",
    INITIATED: "2026-12-31 23:59",
    AGE: "365 d 23 h",
    CLASS: "STANDARD_IA",
    PARTS: "10000",
    BYTES: "1023.9 MiB",
    OWNER: "#99999 Uploading",
}
PART_SAMPLES = {0: "10000", 1: "1023.9 MiB", 3: "2026-12-31 23:59:59"}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _emit_drops_true() -> bool:
    class _Probe(QObject):
        probed = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    probe.probed.emit()
    return sys.getrefcount(True) < before


#: PySide6 6.12's ``SignalInstance.emit`` returns ``True`` without a reference of its own, so every
#: emit from Python takes one from ``True``; after a few hundred the interpreter aborts with
#: "bool_dealloc". Measured once here, compensated in :func:`emit`.
_EMIT_DROPS_TRUE = _emit_drops_true()
if _EMIT_DROPS_TRUE:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)`` without the PySide6 reference bug described above."""
    # PySide6's stub says emit() returns None; it returns a bool, which the workaround needs.
    result = signal.emit(*args)  # type: ignore[func-returns-value]
    if _EMIT_DROPS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def arg(text: str, *values: object) -> str:
    """Fill ``%1``, ``%2``… of a translated text (translators may reorder them)."""
    for n, v in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{n}", str(v))
    return text


def format_age(seconds: float) -> str:
    s = max(0, int(seconds))
    if s < 3600:
        return arg(QCoreApplication.translate("StaleWindow", "%1 min"), s // 60)
    if s < 86400:
        return arg(QCoreApplication.translate("StaleWindow", "%1 h %2 min"), s // 3600, s % 3600 // 60)
    return arg(QCoreApplication.translate("StaleWindow", "%1 d %2 h"), s // 86400, s % 86400 // 3600)


class StaleModel(QAbstractTableModel):
    """Unfinished uploads of one bucket; rows arrive in batches while the listing runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StaleUpload] = []
        self._now = utcnow()
        self._totals = Totals(0, 0, 0, 0)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- Qt API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            QCoreApplication.translate("StaleWindow", "Key"),
            QCoreApplication.translate("StaleWindow", "Upload ID"),
            QCoreApplication.translate("StaleWindow", "Initiated"),
            QCoreApplication.translate("StaleWindow", "Age"),
            QCoreApplication.translate("StaleWindow", "Class"),
            QCoreApplication.translate("StaleWindow", "Parts"),
            QCoreApplication.translate("StaleWindow", "Size"),
            QCoreApplication.translate("StaleWindow", "Owner"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        u = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(u, col)
        if role == SORT_ROLE:
            return self._sort_value(u, col)
        if role == UPLOAD_ROLE:
            return u
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (AGE, PARTS, BYTES):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if u.error:
                return arg(QCoreApplication.translate("StaleWindow", "Parts unknown: %1"), u.error)
            if col == OWNER and u.owner is not None:
                return u.owner.local_path
            if col in (KEY, UPLOAD_ID):
                return u.key if col == KEY else u.upload_id
        return None

    def _display(self, u: StaleUpload, col: int) -> str:
        if col == KEY:
            return u.key
        if col == UPLOAD_ID:
            return u.upload_id
        if col == INITIATED:
            return u.initiated.astimezone().strftime("%Y-%m-%d %H:%M")
        if col == AGE:
            return format_age(u.age(self._now).total_seconds())
        if col == CLASS:
            return u.storage_class or "STANDARD"
        if col == PARTS:
            return "?" if u.parts is None else str(u.parts)
        if col == BYTES:
            return format_size(u.bytes)
        if u.owner is None:
            return QCoreApplication.translate("StaleWindow", "Orphan")
        return arg(
            QCoreApplication.translate("StaleWindow", "#%1 %2"),
            u.owner.transfer_id,
            state_text(u.owner.state),
        )

    def _sort_value(self, u: StaleUpload, col: int) -> Any:
        if col == INITIATED:
            return u.initiated.timestamp()
        if col == AGE:
            return (self._now - u.initiated).total_seconds()
        if col == PARTS:
            return -1 if u.parts is None else u.parts
        if col == BYTES:
            return u.bytes
        if col == OWNER:
            return -1 if u.owner is None else u.owner.transfer_id
        return self._display(u, col)

    # ---- updates ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._resort()

    def _resort(self) -> None:
        if self._sort is None or len(self._rows) < 2:
            return
        col, order = self._sort
        emit(self.layoutAboutToBeChanged)
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].upload_id for i in old]
        self._rows.sort(key=lambda u: self._sort_value(u, col), reverse=order == Qt.SortOrder.DescendingOrder)
        if old:
            pos = {u.upload_id: r for r, u in enumerate(self._rows)}
            self.changePersistentIndexList(
                old, [self.index(pos[uid], i.column()) for uid, i in zip(ids, old, strict=True)]
            )
        emit(self.layoutChanged)

    def reset(self, now: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = []
        self._now = now or datetime.now(UTC)
        self._totals = Totals(0, 0, 0, 0)
        self.endResetModel()

    def append(self, batch: list[StaleUpload]) -> None:
        if not batch:
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(batch) - 1)
        self._rows.extend(batch)
        self._totals = _add(self._totals, Totals.of(batch))
        self.endInsertRows()
        self._resort()

    def remove_ids(self, ids: set[str]) -> None:
        """Drop rows by upload id (after an abort), one contiguous range at a time."""
        row = len(self._rows) - 1
        while row >= 0:
            if self._rows[row].upload_id not in ids:
                row -= 1
                continue
            end = row
            while row - 1 >= 0 and self._rows[row - 1].upload_id in ids:
                row -= 1
            self.beginRemoveRows(_ROOT, row, end)
            del self._rows[row : end + 1]
            self.endRemoveRows()
            row -= 1
        self._totals = Totals.of(self._rows)

    def upload(self, row: int) -> StaleUpload:
        return self._rows[row]

    def uploads(self) -> list[StaleUpload]:
        return list(self._rows)

    @property
    def totals(self) -> Totals:
        return self._totals

    @property
    def now(self) -> datetime:
        return self._now


def _add(a: Totals, b: Totals) -> Totals:
    return Totals(a.uploads + b.uploads, a.parts + b.parts, a.bytes + b.bytes, a.owned + b.owned)


class PartsModel(QAbstractTableModel):
    """The parts of one upload: number, size, ETag, last modified."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts: list[ServerPart] = []

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._parts)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            QCoreApplication.translate("StaleWindow", "Part"),
            QCoreApplication.translate("StaleWindow", "Size"),
            QCoreApplication.translate("StaleWindow", "ETag"),
            QCoreApplication.translate("StaleWindow", "Last modified"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        p = self._parts[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(p.number)
            if col == 1:
                return format_size(p.size)
            if col == 2:
                return p.etag
            return p.last_modified.astimezone().strftime("%Y-%m-%d %H:%M:%S") if p.last_modified else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return arg(QCoreApplication.translate("StaleWindow", "%1 bytes"), p.size)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 1):
            return _RIGHT
        return None

    def set_parts(self, parts: list[ServerPart]) -> None:
        self.beginResetModel()
        self._parts = list(parts)
        self.endResetModel()

    def parts(self) -> list[ServerPart]:
        return list(self._parts)


# ---- texts of the abort confirmations -----------------------------------------------------------


def totals_text(t: Totals, price_per_gb_month: float) -> str:
    cost = monthly_cost(t.bytes, price_per_gb_month)
    return arg(
        QCoreApplication.translate(
            "StaleWindow", "Uploads: %1 (%2 owned, %3 orphaned) · parts: %4 · %5 · est. %6 per month"
        ),
        t.uploads,
        t.owned,
        t.uploads - t.owned,
        t.parts,
        format_size(t.bytes),
        f"{cost:.4f}",
    )


def lifecycle_text(st: LifecycleStatus) -> str:
    if not st.supported:
        return arg(
            QCoreApplication.translate("StaleWindow", "Bucket rule: not available here (%1)."), st.detail
        )
    if st.days is None:
        return QCoreApplication.translate(
            "StaleWindow", "Bucket rule: none; stale uploads stay until someone aborts them."
        )
    return arg(
        QCoreApplication.translate(
            "StaleWindow", "Bucket rule: incomplete uploads are aborted after %1 days."
        ),
        st.days,
    )


def adopt_text(a: Adopted) -> str:
    r = a.report
    if a.transfer_id is not None:
        return arg(
            QCoreApplication.translate(
                "StaleWindow", "Adopted as transfer #%1: %2 parts (%3) verified; uploading the rest."
            ),
            a.transfer_id,
            len(r.parts),
            format_size(r.bytes_present),
        )
    if r.mismatch_part is not None:
        return arg(
            QCoreApplication.translate("StaleWindow", "Not adopted: part %1 differs from the file."),
            r.mismatch_part,
        )
    return arg(QCoreApplication.translate("StaleWindow", "Not adopted: %1"), r.detail)


def abort_texts(plan: AbortPlan) -> tuple[str, list[str], str]:
    """The question (stating the bytes freed), notes on kept uploads, and the HEAD-guard warning."""
    question = arg(
        pick(
            len(plan.items),
            QCoreApplication.translate("StaleWindow", "Abort %1 upload and free %2 (%3 bytes)?"),
            QCoreApplication.translate("StaleWindow", "Abort %1 uploads and free %2 (%3 bytes)?"),
        ),
        len(plan.items),
        format_size(plan.bytes),
        plan.bytes,
    )
    notes = []
    if plan.refused:
        notes.append(
            arg(
                pick(
                    len(plan.refused),
                    QCoreApplication.translate(
                        "StaleWindow",
                        "%1 upload belongs to an unfinished transfer and will be kept; cancel it first.",
                    ),
                    QCoreApplication.translate(
                        "StaleWindow",
                        "%1 uploads belong to unfinished transfers and will be kept; cancel those first.",
                    ),
                ),
                len(plan.refused),
            )
        )
    warning = ""
    if plan.warned:
        warning = arg(
            QCoreApplication.translate(
                "StaleWindow",
                "For %1 of them an object with the same key was written after the upload began. "
                "The id may belong to an upload that completed, and aborting such ids has destroyed "
                "object data on some servers. Abort these too?",
            ),
            len(plan.warned),
        ) + "".join(f"\n{i.upload.key}" for i in plan.warned[:10])
    return question, notes, warning


def result_texts(result: AbortResult, told: set[str]) -> tuple[str, list[str]]:
    """A one-line summary, and the uploads that need the user's attention (but not the refusals
    in ``told``: the confirmation already named those)."""
    text = arg(
        pick(
            len(result.of(AbortStatus.ABORTED)),
            QCoreApplication.translate("StaleWindow", "Aborted %1 upload, freed %2."),
            QCoreApplication.translate("StaleWindow", "Aborted %1 uploads, freed %2."),
        ),
        len(result.of(AbortStatus.ABORTED)),
        format_size(result.bytes_freed),
    )
    bad = (AbortStatus.FAILED, AbortStatus.REFUSED_OWNED, AbortStatus.NEEDS_CONFIRMATION)
    problems = [
        f"{o.upload.key}: {o.detail}"
        for o in result.outcomes
        if o.status in bad and not (o.status is AbortStatus.REFUSED_OWNED and o.upload.upload_id in told)
    ]
    problems += [
        arg(
            QCoreApplication.translate(
                "StaleWindow", "%1: parts %2 reappeared after the abort; abort it again."
            ),
            o.upload.key,
            ", ".join(str(p.number) for p in o.reappeared),
        )
        for o in result.reappeared
    ]
    return text, problems


# ---- background plumbing of the window ---------------------------------------------------------


class _Relay(QObject):
    """Carries a worker's result to the GUI thread. Signals: ``finished(object)``, ``failed(object)``."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the user, never lost in a worker
            emit(self._relay.failed, exc)
        else:
            emit(self._relay.finished, result)


class ListingInbox:
    """Rows and counts from the listing thread, drained by the GUI timer."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rows: list[StaleUpload] = []
        self.listed = self.sized = 0
        self.done = False
        self.error: Exception | None = None

    def take(self) -> tuple[list[StaleUpload], int, int, bool, Exception | None]:
        with self.lock:
            rows, self.rows = self.rows, []
            return rows, self.listed, self.sized, self.done, self.error


class Runner(QObject):
    """Runs callables on a private QThreadPool; results come back on the GUI thread."""

    def __init__(self, parent: QObject, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()

    def run(
        self, fn: Callable[[], _T], done: Callable[[_T], None], failed: Callable[[Exception], None]
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        # The relay's signals carry ``object``; what arrives is fn's result, or the exception it raised.
        def on_finished(result: _T) -> None:
            finish()
            done(result)

        def on_failed(exc: Exception) -> None:
            finish()
            failed(exc)

        relay.finished.connect(on_finished)
        relay.failed.connect(on_failed)
        self._pool.start(_Job(fn, relay))

    def wait(self, ms: int) -> bool:
        return bool(self._pool.waitForDone(ms))
