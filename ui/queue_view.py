"""The queue's views: a tree (a drop's group row opens onto its files) and a flat table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QTreeView

from ui.transfer_columns import (
    COL_DEST,
    COL_ERROR,
    COL_ETA,
    COL_NAME,
    COL_PROGRESS,
    COL_SIZE,
    COL_SPEED,
    COL_STATE,
)


class QueueTable(QTableView):
    """The flat queue: every file on its own row (the model has no groups then)."""


class QueueView(QTreeView):
    """A QTreeView with the table calls the window and its scripts use on top-level rows."""

    def selectRow(self, row: int) -> None:
        model = self.model()
        index = model.index(row, 0, QModelIndex())
        if not index.isValid():
            return
        self.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def header_of(t: QueueView | QueueTable) -> QHeaderView:
    return t.header() if isinstance(t, QueueView) else t.horizontalHeader()


def set_up(t: QueueView | QueueTable, model: QAbstractItemModel, progress: QStyledItemDelegate) -> None:
    """The settings both views share: rows selected whole, sorting, the column widths."""
    t.setModel(model)
    t.setItemDelegateForColumn(COL_PROGRESS, progress)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    t.setSortingEnabled(True)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    t.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    t.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    if isinstance(t, QueueView):
        # One row height for all: the view never measures 100,000 rows.
        t.setUniformRowHeights(True)
        t.setAllColumnsShowFocus(True)
    else:
        t.setShowGrid(False)
        v = t.verticalHeader()
        v.setVisible(False)
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.setDefaultSectionSize(t.fontMetrics().height() + 10)
    h = header_of(t)
    h.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    h.setHighlightSections(False)
    h.setStretchLastSection(True)
    em = t.fontMetrics().horizontalAdvance("M")
    # Destination wide enough to read, Speed wide enough for "10.0 MiB/秒"; the error takes what
    # is left (its whole text, with the server's words, is the row's tooltip).
    widths = {
        COL_NAME: 16,
        COL_DEST: 26,
        COL_SIZE: 8,
        COL_PROGRESS: 10,
        COL_SPEED: 9,
        COL_ETA: 6,
        COL_STATE: 13,
        COL_ERROR: 10,
    }
    for col, w in widths.items():
        t.setColumnWidth(col, w * em)
