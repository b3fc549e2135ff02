"""The transfer queue model: column arrays in memory, filtered and sorted by an index list.

Rows live in parallel lists (storage order = queue order); ``_view`` lists the storage indices
the table shows, after the filter and the sort. Nothing is read from the DB per paint, and one
tick of progress becomes one ``dataChanged`` per contiguous range of changed rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.gui.api import ACTIVE, State, format_size
from app.gui.bridge import TransferChanges, TransferInfo
from ui import messages

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_DEST, COL_SIZE, COL_PROGRESS, COL_SPEED, COL_ETA, COL_STATE, COL_ERROR = range(8)
COLUMNS = 8
#: data(role=SortRole) gives plain numbers/strings; ProgressRole gives a 0..1 float.
SortRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3
StateRole = Qt.ItemDataRole.UserRole + 4

#: Changed rows this close together share one dataChanged; beyond this many ranges, one in all.
_MERGE_GAP = 8
_MAX_RANGES = 32

FILTERS = ("all", "active", "paused", "done", "failed")
_FILTER_STATES: dict[str, frozenset[State]] = {
    "active": frozenset({State.QUEUED}) | ACTIVE,
    "paused": frozenset({State.PAUSED}),
    "done": frozenset({State.DONE}),
    "failed": frozenset({State.FAILED, State.CANCELLED}),
}


#: States whose error is shown: a failure, and a pause the engine chose (a refused key).
_SAYS_WHY = frozenset({State.FAILED, State.PAUSED})


class TransferModel(QAbstractTableModel):
    """Queue rows for the main window's table.

    Signals: the standard model signals only; totals are read by the status bar after a tick.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._names: list[str] = []
        self._dests: list[str] = []
        self._sizes: list[int] = []
        self._done: list[int] = []
        self._speed: list[float] = []
        self._states: list[State] = []
        self._codes: list[str] = []
        self._details: list[str] = []
        self._paths: list[str] = []
        self._row_of: dict[int, int] = {}
        self._view: list[int] = []
        self._pos: list[int] = []
        self._filter = "all"
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._text = ""
        # Running totals so the status bar never sums 100,000 rows per tick.
        self.total_bytes = 0
        self.done_bytes = 0
        self.total_speed = 0.0
        self._count_by_state: dict[State, int] = dict.fromkeys(State, 0)

    # ---- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMNS:
            return None
        return (
            self.tr("Name"),
            self.tr("Destination"),
            self.tr("Size"),
            self.tr("Progress"),
            self.tr("Speed"),
            self.tr("ETA"),
            self.tr("State"),
            self.tr("Error"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._view) or index.parent().isValid():
            return None
        r = self._view[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ProgressRole:
            size = self._sizes[r]
            return (
                1.0 if size == 0 and self._states[r] is State.DONE else self._done[r] / size if size else 0.0
            )
        if role == SortRole:
            return self._sort_key(r, col)
        if role == IdRole:
            return self._ids[r]
        if role == StateRole:
            return int(self._states[r])
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_ERROR:
                return messages.error_tooltip(self._codes[r], self._details[r]) or None
            if col == COL_NAME:
                return self._paths[r]
            if col == COL_DEST:
                return self._dests[r]
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SIZE, COL_SPEED, COL_ETA):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r: int, col: int) -> str:
        if col == COL_NAME:
            return self._names[r]
        if col == COL_DEST:
            return self._dests[r]
        if col == COL_SIZE:
            return format_size(self._sizes[r])
        if col == COL_PROGRESS:
            size = self._sizes[r]
            pct = 100 if self._states[r] is State.DONE else int(self._done[r] * 100 / size) if size else 0
            return f"{pct}%"
        if col == COL_SPEED:
            return messages.speed_text(self._speed[r]) if self._states[r] is State.RUNNING else ""
        if col == COL_ETA:
            if self._states[r] is not State.RUNNING or self._speed[r] < 1:
                return ""
            return messages.eta_text((self._sizes[r] - self._done[r]) / self._speed[r])
        if col == COL_STATE:
            return messages.state_text(self._states[r])
        if col == COL_ERROR:
            return messages.people_text(self._codes[r], self._details[r])
        return ""

    def _sort_key(self, r: int, col: int) -> Any:
        if col == COL_NAME:
            return self._names[r].lower()
        if col == COL_DEST:
            return self._dests[r]
        if col == COL_SIZE:
            return self._sizes[r]
        if col == COL_PROGRESS:
            return self._done[r] / self._sizes[r] if self._sizes[r] else float(self._states[r] is State.DONE)
        if col == COL_SPEED:
            return self._speed[r]
        if col == COL_ETA:
            return (self._sizes[r] - self._done[r]) / self._speed[r] if self._speed[r] >= 1 else float("inf")
        if col == COL_STATE:
            return int(self._states[r])
        if col == COL_ERROR:
            return self._codes[r]
        return self._ids[r]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < COLUMNS else None
        self._relayout()

    # ---- filtering --------------------------------------------------------------------------
    @property
    def filter_name(self) -> str:
        return self._filter

    def set_filter(self, name: str) -> None:
        if name not in FILTERS or name == self._filter:
            return
        self._filter = name
        self._relayout()

    def set_text_filter(self, text: str) -> None:
        text = text.strip().lower()
        if text != self._text:
            self._text = text
            self._relayout()

    def _passes(self, r: int) -> bool:
        if self._filter != "all" and self._states[r] not in _FILTER_STATES[self._filter]:
            return False
        return not self._text or self._text in self._names[r].lower() or self._text in self._dests[r].lower()

    def _relayout(self) -> None:
        """Recompute the view; keep the selection (persistent indexes) on the same transfers."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._view[i.row()] if i.isValid() and i.row() < len(self._view) else -1 for i in old]
        self._build_view()
        new = [
            self.index(self._pos[r], i.column()) if r >= 0 and self._pos[r] >= 0 else QModelIndex()
            for r, i in zip(old_rows, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _build_view(self) -> None:
        view = [r for r in range(len(self._ids)) if self._passes(r)]
        if self._sort is not None:
            col, order = self._sort
            view.sort(key=lambda r: self._sort_key(r, col), reverse=order == Qt.SortOrder.DescendingOrder)
        self._view = view
        self._pos = [-1] * len(self._ids)
        for i, r in enumerate(view):
            self._pos[r] = i

    # ---- updates from the bridge ------------------------------------------------------------
    def add(self, infos: Iterable[TransferInfo]) -> None:
        """Append rows in one beginInsertRows (per batch, never per file)."""
        fresh = [i for i in infos if i.id not in self._row_of]
        if not fresh:
            return
        start = len(self._ids)
        for info in fresh:
            self._row_of[info.id] = len(self._ids)
            self._ids.append(info.id)
            self._names.append(info.name)
            self._dests.append(f"{info.profile}:{info.bucket}/{info.key}")
            self._sizes.append(info.size)
            self._done.append(info.done)
            self._speed.append(0.0)
            self._states.append(info.state)
            self._codes.append(info.error_code if info.state in _SAYS_WHY else "")
            self._details.append(info.error_detail if info.state in _SAYS_WHY else "")
            self._paths.append(info.local_path)
            self._pos.append(-1)
            self.total_bytes += info.size
            self.done_bytes += info.done
            self._count_by_state[info.state] += 1
        if self._sort is not None:
            self._relayout()
            return
        shown = [r for r in range(start, len(self._ids)) if self._passes(r)]
        if shown:
            first = len(self._view)
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
            for r in shown:
                self._pos[r] = len(self._view)
                self._view.append(r)
            self.endInsertRows()

    def apply(self, changes: TransferChanges) -> None:
        changed: set[int] = set()
        membership = False
        for tid, done in changes.done.items():
            r = self._row_of.get(tid)
            if r is not None:
                self.done_bytes += done - self._done[r]
                self._done[r] = done
                changed.add(r)
        for tid, speed in changes.speed.items():
            r = self._row_of.get(tid)
            if r is not None and self._speed[r] != speed:
                self._speed[r] = speed
                changed.add(r)
        for tid, (state, code, detail) in changes.states.items():
            r = self._row_of.get(tid)
            if r is None:
                continue
            before = self._passes(r)
            old = self._states[r]
            self._count_by_state[old] -= 1
            self._count_by_state[state] += 1
            self._states[r] = state
            if state is State.DONE:
                self.done_bytes += self._sizes[r] - self._done[r]
                self._done[r] = self._sizes[r]
            if state is not State.RUNNING:
                self._speed[r] = 0.0
            self._codes[r] = code if state in _SAYS_WHY else ""
            self._details[r] = detail if state in _SAYS_WHY else ""
            changed.add(r)
            membership = membership or before != self._passes(r)
        self.total_speed = changes.total_speed
        if membership:
            self._relayout()
            return
        self._emit_ranges(changed)

    def _emit_ranges(self, rows: set[int]) -> None:
        """One dataChanged per run of changed rows; runs a few rows apart are merged, and a
        scatter of many runs becomes one signal (the view repaints only what it shows anyway)."""
        positions = sorted(p for r in rows if (p := self._pos[r]) >= 0)
        if not positions:
            return
        ranges: list[tuple[int, int]] = []
        start = prev = positions[0]
        for p in positions[1:]:
            if p - prev > _MERGE_GAP:
                ranges.append((start, prev))
                start = p
            prev = p
        ranges.append((start, prev))
        if len(ranges) > _MAX_RANGES:
            ranges = [(positions[0], positions[-1])]
        for first, last in ranges:
            self.dataChanged.emit(self.index(first, COL_SIZE), self.index(last, COL_ERROR))

    def remove(self, ids: Iterable[int]) -> None:
        gone = {r for i in ids if (r := self._row_of.get(i)) is not None}
        if not gone:
            return
        big = len(gone) > 1000
        if big:
            self.beginResetModel()
        else:
            self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [
            self._ids[self._view[i.row()]] if i.isValid() and i.row() < len(self._view) else -1 for i in old
        ]
        keep = [r for r in range(len(self._ids)) if r not in gone]
        for r in gone:
            self.total_bytes -= self._sizes[r]
            self.done_bytes -= self._done[r]
            self._count_by_state[self._states[r]] -= 1
        for name in ("_ids", "_names", "_dests", "_sizes", "_done", "_speed", "_states", "_codes"):
            col = getattr(self, name)
            setattr(self, name, [col[r] for r in keep])
        self._details = [self._details[r] for r in keep]
        self._paths = [self._paths[r] for r in keep]
        self._row_of = {tid: r for r, tid in enumerate(self._ids)}
        self._build_view()
        if big:
            self.endResetModel()
            return
        new = []
        for tid, i in zip(old_ids, old, strict=True):
            r = self._row_of.get(tid, -1)
            new.append(
                self.index(self._pos[r], i.column()) if r >= 0 and self._pos[r] >= 0 else QModelIndex()
            )
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # ---- queries ----------------------------------------------------------------------------
    def id_at(self, row: int) -> int:
        return self._ids[self._view[row]]

    def row_of_id(self, transfer_id: int) -> int:
        """The visible row of a transfer, or -1."""
        r = self._row_of.get(transfer_id)
        return -1 if r is None else self._pos[r]

    def state_of(self, transfer_id: int) -> State | None:
        r = self._row_of.get(transfer_id)
        return None if r is None else self._states[r]

    def error_of(self, transfer_id: int) -> str:
        r = self._row_of.get(transfer_id)
        return "" if r is None else self._codes[r]

    def destination_of(self, transfer_id: int) -> tuple[str, str, str]:
        r = self._row_of[transfer_id]
        profile, _, rest = self._dests[r].partition(":")
        bucket, _, key = rest.partition("/")
        return profile, bucket, key

    def ids_in_state(self, *states: State) -> list[int]:
        want = set(states)
        return [tid for tid, st in zip(self._ids, self._states, strict=True) if st in want]

    def count(self, *states: State) -> int:
        return sum(self._count_by_state[s] for s in states) if states else len(self._ids)

    def remaining_bytes(self) -> int:
        return max(0, self.total_bytes - self.done_bytes)
