"""Table models of the Stale uploads window: the uploads of a bucket, and the parts of one upload."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.stale import ServerPart, StaleUpload, Totals, format_size, utcnow
from ui.messages import state_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: The raw value a column sorts by (age as seconds, bytes as an integer), not its display text.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: The :class:`StaleUpload` of a row.
UPLOAD_ROLE = Qt.ItemDataRole.UserRole + 1

KEY, UPLOAD_ID, INITIATED, AGE, CLASS, PARTS, BYTES, OWNER = range(8)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _t(text: str) -> str:
    return QCoreApplication.translate("StaleWindow", text)


def format_age(seconds: float) -> str:
    s = max(0, int(seconds))
    if s < 3600:
        return _t("%1 min").replace("%1", str(s // 60))
    if s < 86400:
        return _t("%1 h %2 min").replace("%1", str(s // 3600)).replace("%2", str(s % 3600 // 60))
    return _t("%1 d %2 h").replace("%1", str(s // 86400)).replace("%2", str(s % 86400 // 3600))


class StaleModel(QAbstractTableModel):
    """Unfinished uploads of one bucket; rows arrive in batches while the listing runs."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StaleUpload] = []
        self._now = utcnow()
        self._totals = Totals(0, 0, 0, 0)

    # ---- Qt API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            _t("Key"),
            _t("Upload ID"),
            _t("Initiated"),
            _t("Age"),
            _t("Class"),
            _t("Parts"),
            _t("Size"),
            _t("Owner"),
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
                return _t("Parts unknown: %1").replace("%1", u.error)
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
            return _t("Orphan")
        return _t("#%1 %2").replace("%1", str(u.owner.transfer_id)).replace("%2", state_text(u.owner.state))

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

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._parts: list[ServerPart] = []

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._parts)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [_t("Part"), _t("Size"), _t("ETag"), _t("Last modified")]
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
            return _t("%1 bytes").replace("%1", str(p.size))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 1):
            return _RIGHT
        return None

    def set_parts(self, parts: list[ServerPart]) -> None:
        self.beginResetModel()
        self._parts = list(parts)
        self.endResetModel()

    def parts(self) -> list[ServerPart]:
        return list(self._parts)
