"""The transfer queue model: column arrays in memory, shown flat or grouped by drop.

Rows live in parallel lists (storage order = queue order). The top level lists storage rows and,
grouped by drop, groups (``~index`` in ``_top``); a group's ``kids`` list its visible rows. Both
come from the filter and the sort, computed only when those change or rows come and go. Nothing
is read from the DB per paint, and a tick of progress becomes one ``dataChanged`` per run of
changed rows (per parent), the groups' sums moving by the same deltas.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon

from app.gui.api import State, format_size
from app.gui.bridge import TransferChanges, TransferInfo
from ui import messages
from ui.icons import icon
from ui.transfer_columns import (
    _FILTER_STATES,
    _MAX_RANGES,
    _MERGE_GAP,
    COL_DEST,
    COL_ERROR,
    COL_ETA,
    COL_NAME,
    COL_PROGRESS,
    COL_SIZE,
    COL_SPEED,
    COL_STATE,
    COLUMNS,
    FILTERS,
    BatchRole,
    ConfirmedRole,
    IdRole,
    ProgressRole,
    SortRole,
    StateRole,
)
from ui.transfer_groups import Group, progress_tooltip

__all__ = [
    "COLUMNS",
    "COL_DEST",
    "COL_ERROR",
    "COL_ETA",
    "COL_NAME",
    "COL_PROGRESS",
    "COL_SIZE",
    "COL_SPEED",
    "COL_STATE",
    "FILTERS",
    "BatchRole",
    "ConfirmedRole",
    "IdRole",
    "ProgressRole",
    "SortRole",
    "StateRole",
    "TransferModel",
]

Index = QModelIndex | QPersistentModelIndex

_COLUMNS = ("_ids", "_names", "_dests", "_sizes", "_done", "_confirmed", "_speed", "_states")
_COLUMNS_MORE = ("_codes", "_details", "_paths", "_batches")


#: States whose error is shown: a failure, and a pause the engine chose (a refused key, or
#: the network in the window).
_SAYS_WHY = frozenset({State.FAILED, State.PAUSED})


class TransferModel(QAbstractItemModel):
    """Queue rows for the main window's tree, flat or one group per drop (``set_grouped``).

    Signals: the standard model signals only; totals are read by the status bar after a tick.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._names: list[str] = []
        self._dests: list[str] = []
        self._sizes: list[int] = []
        self._done: list[int] = []
        self._confirmed: list[int] = []
        self._speed: list[float] = []
        self._states: list[State] = []
        self._codes: list[str] = []
        self._details: list[str] = []
        self._paths: list[str] = []
        self._batches: list[int] = []
        self._row_of: dict[int, int] = {}
        #: Storage row -> its group's index in ``_groups`` (-1: queued alone).
        self._gi: list[int] = []
        self._groups: list[Group] = []
        self._group_of: dict[int, int] = {}
        self._grouped = False
        self._top: list[int] = []
        #: Storage row -> its row under its parent (top level or group), -1 while hidden.
        self._pos: list[int] = []
        self._filter = "all"
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._text = ""
        # Running totals so the status bar never sums 100,000 rows per tick.
        self.total_bytes = 0
        self.done_bytes = 0
        self.total_speed = 0.0
        self._count_by_state: dict[State, int] = dict.fromkeys(State, 0)
        self._bold: QFont | None = None

    # ---- tree structure -------------------------------------------------------------------------
    def _entry(self, index: Index) -> int:
        """The storage row (>= 0) or ``~group`` an index stands for."""
        gid = index.internalId()
        if gid == 0:
            return self._top[index.row()]
        return self._groups[gid - 1].kids[index.row()]

    def _valid(self, index: Index) -> bool:
        if not index.isValid() or index.model() is not self:
            return False
        gid = index.internalId()
        if gid == 0:
            return index.row() < len(self._top)
        return gid - 1 < len(self._groups) and index.row() < len(self._groups[gid - 1].kids)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._top) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._top):
            return QModelIndex()
        e = self._top[parent.row()]
        if e >= 0 or row >= len(self._groups[~e].kids):
            return QModelIndex()
        return self.createIndex(row, column, ~e + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(self._groups[index.internalId() - 1].pos, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0 or parent.internalId() != 0 or parent.row() >= len(self._top):
            return 0
        e = self._top[parent.row()]
        return len(self._groups[~e].kids) if e < 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

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

    # ---- data -----------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        e = self._entry(index)
        if e < 0:
            if role == Qt.ItemDataRole.FontRole and index.column() == COL_NAME:
                return self._bold_font()
            return self._groups[~e].data(index.column(), role)
        r = e
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ProgressRole:
            return self._fraction(r, self._done[r])
        if role == ConfirmedRole:
            return self._fraction(r, self._confirmed[r])
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
            if col == COL_PROGRESS and self._states[r] is not State.DONE:
                return progress_tooltip(self._confirmed[r], self._done[r])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SIZE, COL_SPEED, COL_ETA):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._states[r] is State.FAILED:
            # A failure must not look like the rows around it: a mark on the name, its state in red.
            if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
                return _failed_icon()
            if role == Qt.ItemDataRole.ForegroundRole and col in (COL_STATE, COL_ERROR):
                return QColor(FAILED_RED)
        return None

    def _bold_font(self) -> QFont:
        # A drop's row reads as a heading over its files.
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    def _fraction(self, r: int, n: int) -> float:
        size = self._sizes[r]
        if self._states[r] is State.DONE:
            return 1.0
        return n / size if size else 0.0

    def _display(self, r: int, col: int) -> str:
        if col == COL_NAME:
            return self._names[r]
        if col == COL_DEST:
            return self._dests[r]
        if col == COL_SIZE:
            return format_size(self._sizes[r])
        if col == COL_PROGRESS:
            return f"{int(self._fraction(r, self._done[r]) * 100)}%"
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

    def _top_key(self, e: int, col: int) -> Any:
        return self._sort_key(e, col) if e >= 0 else self._groups[~e].sort_key(col)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < COLUMNS else None
        self._relayout()

    # ---- grouping and filtering -----------------------------------------------------------------
    @property
    def grouped(self) -> bool:
        return self._grouped

    def set_grouped(self, on: bool) -> None:
        """One row per drop (its files under it), or every file on its own row."""
        if on == self._grouped:
            return
        self.beginResetModel()
        self._grouped = on
        self._build_view()
        self.endResetModel()

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
        t = self._text
        if not t or t in self._names[r].lower() or t in self._dests[r].lower():
            return True
        # Typing a dropped folder's name finds its group with all its files.
        gi = self._gi[r]
        return self._grouped and gi >= 0 and t in self._groups[gi].name_text().lower()

    def _parent_group(self, r: int) -> int:
        """The group a row is shown under, or -1 at the top level."""
        return self._gi[r] if self._grouped else -1

    def _keys(self, indexes: list[QModelIndex]) -> list[tuple[int, int]]:
        """Stable names for persistent indexes: (transfer id, 0) or (batch, 1)."""
        out = []
        for i in indexes:
            if not self._valid(i):
                out.append((0, -1))
                continue
            e = self._entry(i)
            out.append((self._ids[e], 0) if e >= 0 else (self._groups[~e].batch, 1))
        return out

    def _index_of(self, key: tuple[int, int], col: int) -> QModelIndex:
        ident, kind = key
        if kind == 1:
            g = self._groups[self._group_of[ident]] if ident in self._group_of else None
            return self.createIndex(g.pos, col, 0) if g is not None and g.pos >= 0 else QModelIndex()
        r = self._row_of.get(ident, -1) if kind == 0 else -1
        if r < 0 or self._pos[r] < 0:
            return QModelIndex()
        gi = self._parent_group(r)
        return self.createIndex(self._pos[r], col, gi + 1 if gi >= 0 else 0)

    def _indexes_of(self, keys: list[tuple[int, int]], old: list[QModelIndex]) -> list[QModelIndex]:
        return [self._index_of(k, i.column()) for k, i in zip(keys, old, strict=True)]

    def _relayout(self) -> None:
        """Recompute the view; keep the selection (persistent indexes) on the same transfers."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = self._keys(old)
        self._build_view()
        self.changePersistentIndexList(
            old, [self._index_of(k, i.column()) for k, i in zip(keys, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _build_view(self) -> None:
        for g in self._groups:
            g.kids, g.pos = [], -1
        top: list[int] = []
        groups = self._groups
        for r in range(len(self._ids)):
            if not self._passes(r):
                continue
            gi = self._parent_group(r)
            if gi < 0:
                top.append(r)
                continue
            kids = groups[gi].kids
            if not kids:
                top.append(~gi)  # a group takes the place of its first visible file
            kids.append(r)
        if self._sort is not None:
            col, order = self._sort
            desc = order == Qt.SortOrder.DescendingOrder
            top.sort(key=lambda e: self._top_key(e, col), reverse=desc)
            for g in groups:
                if len(g.kids) > 1:
                    g.kids.sort(key=lambda r: self._sort_key(r, col), reverse=desc)
        self._top = top
        self._pos = [-1] * len(self._ids)
        for i, e in enumerate(top):
            if e >= 0:
                self._pos[e] = i
            else:
                groups[~e].pos = i
        for g in groups:
            for i, r in enumerate(g.kids):
                self._pos[r] = i

    # ---- updates from the bridge ----------------------------------------------------------------
    def add(self, infos: Iterable[TransferInfo]) -> None:
        """Append rows in one beginInsertRows per parent (per batch, never per file)."""
        fresh = [i for i in infos if i.id not in self._row_of]
        if not fresh:
            return
        start = len(self._ids)
        touched: set[int] = set()
        for info in fresh:
            r = len(self._ids)
            dest = f"{info.profile}:{info.bucket}/{info.key}"
            self._row_of[info.id] = r
            self._ids.append(info.id)
            self._names.append(info.name)
            self._dests.append(dest)
            self._sizes.append(info.size)
            self._done.append(info.done)
            self._confirmed.append(info.confirmed)
            self._speed.append(0.0)
            self._states.append(info.state)
            self._codes.append(info.error_code if info.state in _SAYS_WHY else "")
            self._details.append(info.error_detail if info.state in _SAYS_WHY else "")
            self._paths.append(info.local_path)
            self._batches.append(info.batch)
            self._pos.append(-1)
            self.total_bytes += info.size
            self.done_bytes += info.done
            self._count_by_state[info.state] += 1
            gi = self._join_group(r, info.batch, info.batch_label, dest) if info.batch else -1
            self._gi.append(gi)
            if gi >= 0:
                touched.add(gi)
        if self._sort is not None:
            self._relayout()
            return
        self._insert_new(start, touched)

    def _join_group(self, r: int, batch: int, label: str, dest: str) -> int:
        gi = self._group_of.get(batch)
        if gi is None:
            gi = len(self._groups)
            self._group_of[batch] = gi
            self._groups.append(Group(batch, label, dest.rpartition("/")[0] + "/"))
        g = self._groups[gi]
        g.add_dest(dest)
        g.size += self._sizes[r]
        g.done += self._done[r]
        g.confirmed += self._confirmed[r]
        g.counts[self._states[r]] += 1
        return gi

    def _insert_new(self, start: int, touched: set[int]) -> None:
        new_top: list[int] = []
        under: dict[int, list[int]] = {}
        for r in range(start, len(self._ids)):
            if not self._passes(r):
                continue
            gi = self._parent_group(r)
            if gi < 0:
                new_top.append(r)
                continue
            if self._groups[gi].pos < 0 and gi not in under:
                new_top.append(~gi)
            under.setdefault(gi, []).append(r)
        # Files joining groups already shown: one insert per group.
        for gi, rows in under.items():
            g = self._groups[gi]
            if g.pos < 0:
                continue
            first = len(g.kids)
            self.beginInsertRows(self.createIndex(g.pos, 0, 0), first, first + len(rows) - 1)
            for r in rows:
                self._pos[r] = len(g.kids)
                g.kids.append(r)
            self.endInsertRows()
        if new_top:
            first = len(self._top)
            self.beginInsertRows(QModelIndex(), first, first + len(new_top) - 1)
            for e in new_top:
                if e >= 0:
                    self._pos[e] = len(self._top)
                else:
                    g = self._groups[~e]
                    g.pos = len(self._top)
                    for r in under[~e]:
                        self._pos[r] = len(g.kids)
                        g.kids.append(r)
                self._top.append(e)
            self.endInsertRows()
        self._emit_groups(touched)

    def apply(self, changes: TransferChanges) -> None:
        changed: set[int] = set()
        touched: set[int] = set()
        membership = False
        gi_of = self._gi
        groups = self._groups
        for tid, done in changes.done.items():
            r = self._row_of.get(tid)
            if r is None:
                continue
            delta = done - self._done[r]
            self.done_bytes += delta
            self._done[r] = done
            # A pause takes the in-flight bytes back, so a paused row's ``done`` is its confirmed
            # figure: the bar keeps the solid part and loses only the light one.
            confirmed = min(done, changes.confirmed.get(tid, self._confirmed[r]))
            cdelta = confirmed - self._confirmed[r]
            self._confirmed[r] = confirmed
            if (gi := gi_of[r]) >= 0:
                groups[gi].done += delta
                groups[gi].confirmed += cdelta
                touched.add(gi)
            changed.add(r)
        for tid, speed in changes.speed.items():
            r = self._row_of.get(tid)
            if r is not None and self._speed[r] != speed:
                if (gi := gi_of[r]) >= 0:
                    groups[gi].speed += speed - self._speed[r]
                    touched.add(gi)
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
            g = groups[gi_of[r]] if gi_of[r] >= 0 else None
            if state is State.DONE:
                self.done_bytes += self._sizes[r] - self._done[r]
                if g is not None:
                    g.done += self._sizes[r] - self._done[r]
                    g.confirmed += self._sizes[r] - self._confirmed[r]
                self._done[r] = self._confirmed[r] = self._sizes[r]
            if state is not State.RUNNING:
                if g is not None:
                    g.speed -= self._speed[r]
                self._speed[r] = 0.0
            if g is not None:
                g.counts[old] -= 1
                g.counts[state] += 1
                if g.speed < 1.0 and not g.active():
                    g.speed = 0.0  # float sums drift; a stopped group shows no speed at all
                touched.add(gi_of[r])
            self._codes[r] = code if state in _SAYS_WHY else ""
            self._details[r] = detail if state in _SAYS_WHY else ""
            changed.add(r)
            membership = membership or before != self._passes(r)
        self.total_speed = changes.total_speed
        if membership:
            self._relayout()
            return
        self._emit_rows(changed)
        self._emit_groups(touched)

    def _emit_rows(self, rows: set[int]) -> None:
        """Changed rows, by parent: one dataChanged per run of rows (runs a few rows apart are
        merged, and a scatter of many runs becomes one signal: the view repaints only what it
        shows anyway)."""
        by_parent: dict[int, list[int]] = {}
        for r in rows:
            if (p := self._pos[r]) >= 0:
                by_parent.setdefault(self._parent_group(r), []).append(p)
        for gi, positions in by_parent.items():
            self._emit_ranges(sorted(positions), gi + 1 if gi >= 0 else 0)

    def _emit_groups(self, touched: set[int]) -> None:
        positions = sorted(p for gi in touched if (p := self._groups[gi].pos) >= 0)
        if positions and self._grouped:
            self._emit_ranges(positions, 0, first_col=COL_NAME)

    def _emit_ranges(self, positions: list[int], parent_id: int, first_col: int = COL_SIZE) -> None:
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
            self.dataChanged.emit(
                self.createIndex(first, first_col, parent_id), self.createIndex(last, COL_ERROR, parent_id)
            )

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
        keys = self._keys(old)
        keep = [r for r in range(len(self._ids)) if r not in gone]
        for r in gone:
            self.total_bytes -= self._sizes[r]
            self.done_bytes -= self._done[r]
            self._count_by_state[self._states[r]] -= 1
        for name in _COLUMNS + _COLUMNS_MORE:
            col = getattr(self, name)
            setattr(self, name, [col[r] for r in keep])
        self._row_of = {tid: r for r, tid in enumerate(self._ids)}
        self._regroup()
        self._build_view()
        if big:
            self.endResetModel()
            return
        self.changePersistentIndexList(
            old, [self._index_of(k, i.column()) for k, i in zip(keys, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _regroup(self) -> None:
        """Sums from scratch after rows went (rare, and O(rows) like the removal itself)."""
        labels = {g.batch: g.label for g in self._groups}
        self._groups, self._group_of, self._gi = [], {}, []
        for r, batch in enumerate(self._batches):
            gi = self._join_group(r, batch, labels[batch], self._dests[r]) if batch else -1
            if gi >= 0:
                self._groups[gi].speed += self._speed[r]
            self._gi.append(gi)

    # ---- queries --------------------------------------------------------------------------------
    def id_at(self, row: int) -> int:
        """The transfer on a top-level row (-1 on a group's row)."""
        e = self._top[row]
        return self._ids[e] if e >= 0 else -1

    def ids_of(self, index: Index) -> list[int]:
        """The transfers a row stands for: its own, or all of a group's files (also hidden ones)."""
        if not self._valid(index):
            return []
        e = self._entry(index)
        if e >= 0:
            return [self._ids[e]]
        gi = ~e
        return [self._ids[r] for r, g in enumerate(self._gi) if g == gi]

    def states_of(self, index: Index) -> set[State]:
        """The states of the transfers a row stands for, from a group's counts (no walk)."""
        if not self._valid(index):
            return set()
        e = self._entry(index)
        if e >= 0:
            return {self._states[e]}
        return {st for st, n in self._groups[~e].counts.items() if n}

    def group_row(self, batch: int) -> int:
        """The top-level row of a drop's group, or -1."""
        gi = self._group_of.get(batch)
        return -1 if gi is None or not self._grouped else self._groups[gi].pos

    def row_of_id(self, transfer_id: int) -> int:
        """The visible row of a transfer under its parent, or -1."""
        r = self._row_of.get(transfer_id)
        return -1 if r is None else self._pos[r]

    def index_of_id(self, transfer_id: int, column: int = 0) -> QModelIndex:
        return self._index_of((transfer_id, 0), column)

    def batch_of(self, transfer_id: int) -> int:
        r = self._row_of.get(transfer_id)
        return 0 if r is None else self._batches[r]

    def confirmed_of(self, transfer_id: int) -> int:
        r = self._row_of.get(transfer_id)
        return 0 if r is None else self._confirmed[r]

    def state_of(self, transfer_id: int) -> State | None:
        r = self._row_of.get(transfer_id)
        return None if r is None else self._states[r]

    def path_of(self, transfer_id: int) -> str:
        r = self._row_of.get(transfer_id)
        return "" if r is None else self._paths[r]

    def detail_of(self, transfer_id: int) -> str:
        r = self._row_of.get(transfer_id)
        return "" if r is None else self._details[r]

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


#: Failed rows' state and error text, and the status bar's "N failed".
FAILED_RED = "#d93025"
_FAILED_ICON: list[QIcon] = []


def _failed_icon() -> QIcon:
    if not _FAILED_ICON:
        _FAILED_ICON.append(icon("cancel"))
    return _FAILED_ICON[0]
