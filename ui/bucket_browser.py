"""Bucket browser: buckets, prefixes and objects with size and date; picks destinations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import format_size
from app.gui.controller import Controller
from app.services.browser import Entry, Listing
from ui import messages
from ui.share_dialog import add_share_actions

Index = QModelIndex | QPersistentModelIndex


class ListingModel(QAbstractTableModel):
    """One level of a bucket: folders (prefixes) then objects."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._folder = QStyle.StandardPixmap.SP_DirIcon
        self._file = QStyle.StandardPixmap.SP_FileIcon

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return (self.tr("Name"), self.tr("Size"), self.tr("Modified"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.name
            if col == 1:
                return "" if e.is_prefix else format_size(e.size)
            if col == 2:
                return e.modified.astimezone().strftime("%Y-%m-%d %H:%M") if e.modified else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            from PySide6.QtWidgets import QApplication

            return QApplication.style().standardIcon(self._folder if e.is_prefix else self._file)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BucketBrowser(QDialog):
    """Browse a profile's buckets; with ``pick=True`` the OK button returns (bucket, prefix)."""

    def __init__(
        self, controller: Controller, profile: str, parent: QWidget | None = None, pick: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bucket Browser"))
        self._c = controller
        self._profile = profile
        self._prefix = ""
        self.profile = QComboBox()
        for p in controller.core.profiles.all():
            self.profile.addItem(p.name, p.name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile)))
        self.bucket = QComboBox()
        self.bucket.setMinimumContentsLength(16)
        self.up = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogToParent), "")
        self.up.setToolTip(self.tr("Up one level"))
        self.refresh = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload), "")
        self.refresh.setToolTip(self.tr("Refresh"))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.model = ListingModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile:")))
        top.addWidget(self.profile)
        top.addWidget(QLabel(self.tr("Bucket:")))
        top.addWidget(self.bucket, 1)
        top.addWidget(self.up)
        top.addWidget(self.refresh)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            if pick
            else QDialogButtonBox.StandardButton.Close
        )
        if pick:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Upload Here"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.path)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        self.bucket.currentTextChanged.connect(self._on_bucket_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.up.clicked.connect(self._on_up_clicked)
        self.refresh.clicked.connect(self._list)
        self._wanted_bucket = ""
        self.resize(640, 420)
        self._on_profile_changed()

    def set_location(self, bucket: str, prefix: str, select: str = "") -> None:
        """Open at ``bucket``/``prefix``; ``select`` is a key to select once it is listed."""
        self._select = select
        self._wanted_bucket = bucket
        self._prefix = prefix.lstrip("/")
        if bucket and self.bucket.findText(bucket) >= 0:
            self.bucket.setCurrentText(bucket)

    def picked(self) -> tuple[str, str]:
        return self.bucket.currentText(), self._prefix

    def _on_profile_changed(self) -> None:
        self._profile = str(self.profile.currentData() or "")
        self.bucket.clear()
        self.model.set_entries([])
        if self._profile:
            self.status.setText(self.tr("Loading…"))
            self._c.list_buckets(self._profile, self._on_buckets_listed)

    def _on_buckets_listed(self, result: object) -> None:
        if isinstance(result, Exception):
            self.status.setText(str(result))
            return
        names = [str(b) for b in result] if isinstance(result, list) else []
        prefix = self._prefix
        self.bucket.blockSignals(True)
        self.bucket.addItems(names)
        if self._wanted_bucket in names:
            self.bucket.setCurrentText(self._wanted_bucket)
        self.bucket.blockSignals(False)
        self._prefix = prefix
        self._list()

    def _on_bucket_changed(self, _text: str) -> None:
        self._prefix = ""
        self._list()

    def _list(self) -> None:
        bucket = self.bucket.currentText()
        self.path.setText(f"{self._profile}:{bucket}/{self._prefix}")
        if not bucket:
            self.status.setText(self.tr("No buckets"))
            return
        self.status.setText(self.tr("Loading…"))
        self._c.list_prefix(self._profile, bucket, self._prefix, self._on_listed)

    def _on_listed(self, result: object) -> None:
        if isinstance(result, Exception):
            self.status.setText(str(result))
            return
        if not isinstance(result, Listing):
            return
        self.model.set_entries(result.entries)
        wanted = getattr(self, "_select", "")
        keys = [e.key for e in result.entries]
        if wanted in keys:
            self.view.selectRow(keys.index(wanted))
            self.view.scrollTo(self.model.index(keys.index(wanted), 0))
            self._select = ""
        n = len(result.entries)
        text = messages.plural(n, self.tr("%1 item"), self.tr("%1 items"))
        if result.truncated:
            text += " " + self.tr("(first %1 shown)").replace("%1", str(n))
        self.status.setText(text)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        e = self.model.entries[index.row()]
        if e.is_prefix:
            self._prefix = e.key
            self._list()

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or self.model.entries[index.row()].is_prefix:
            return  # links are for objects; a prefix is no object
        self.view.selectRow(index.row())
        where = (self._profile, self.bucket.currentText(), self.model.entries[index.row()].key)
        menu = QMenu(self)
        add_share_actions(menu, self, self._c, where, self.status.setText)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete…"))
        delete.triggered.connect(lambda: self._delete(*where))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _delete(self, profile: str, bucket: str, key: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete object"),
            self.tr("Delete %1 from %2? This cannot be undone.").replace("%1", key).replace("%2", bucket),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._c.delete_object(profile, bucket, key, self._on_deleted)

    def _on_deleted(self, result: object) -> None:
        if isinstance(result, BaseException):
            code = str(getattr(getattr(result, "code", None), "value", ""))
            detail = str(getattr(result, "detail", result))
            why = messages.people_text(code, detail) or detail
            self.status.setText(self.tr("Not deleted: %1").replace("%1", why))
            return
        self.status.setText(self.tr("Deleted %1").replace("%1", str(result)))
        self._list()

    def _on_up_clicked(self) -> None:
        if self._prefix:
            self._prefix = self._prefix.rstrip("/").rpartition("/")[0]
            self._prefix = self._prefix + "/" if self._prefix else ""
            self._list()
