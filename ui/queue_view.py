"""The queue's view: a tree (a drop's group row opens onto its files), used like a table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QTreeView


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
