"""The queue's columns, its data roles and its filter tabs (shared by the model and its rows)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.gui.api import ACTIVE, State

COL_NAME, COL_DEST, COL_SIZE, COL_PROGRESS, COL_SPEED, COL_ETA, COL_STATE, COL_ERROR = range(8)
COLUMNS = 8
#: data(role=SortRole) gives plain numbers/strings; ProgressRole gives a 0..1 float.
SortRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3
StateRole = Qt.ItemDataRole.UserRole + 4
#: The acknowledged share (0..1); ProgressRole minus this is in flight.
ConfirmedRole = Qt.ItemDataRole.UserRole + 5
#: A group row's batch id (None on a file's row).
BatchRole = Qt.ItemDataRole.UserRole + 6

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
