"""The "Watched folders" dialog: the folders kept uploaded, and Remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.controller import Controller
from app.services.watches import Watch

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class WatchModel(QAbstractTableModel):
    """A view of the saved watches (the checkpoint DB holds them): folder, destination."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Watch] = []

    def set_watches(self, watches: list[Watch]) -> None:
        self.beginResetModel()
        self._rows = list(watches)
        self.endResetModel()

    def watch_at(self, row: int) -> Watch:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        w = self._rows[index.row()]
        return w.local_path if index.column() == 0 else str(w.dest)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Folder"), self.tr("Uploads to"))[section] if 0 <= section < 2 else None
        return None


class WatchDialog(QDialog):
    """Lists the watched folders; Remove stops watching one (its uploads stay on the server)."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watched Folders"))
        self._controller = controller
        self.model = WatchModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr(
                "New and changed files in these folders are uploaded once they stop changing. "
                "Files deleted here are not deleted on the server."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.remove = QPushButton(self.tr("&Remove"))
        self.remove.setToolTip(self.tr("Stop watching the selected folder"))
        buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(640, 300)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.watches_changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_watches(self._controller.watches())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove.setEnabled(self.table.selectionModel().hasSelection())

    def _on_remove_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        for index in rows:
            self._controller.unwatch(self.model.watch_at(index.row()).id)
