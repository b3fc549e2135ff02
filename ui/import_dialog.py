"""Import profiles from the AWS CLI, ossutil and rclone: what was found, with checkboxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.controller import Controller
from app.services import profile_import as pi

_TOOLS = {"aws": "AWS CLI", "ossutil": "ossutil", "rclone": "rclone"}


class ImportDialog(QDialog):
    """Reads each tool's usual files; the checked candidates become profiles (secrets to the keyring)."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Profiles"))
        self._c = controller
        self.candidates: list[pi.Candidate] = []
        self.list = QListWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.import_btn = QPushButton(self.tr("Import Checked"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.import_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Found in the usual places of other tools:")))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        self.import_btn.clicked.connect(self._on_import_clicked)
        self._fill()
        self.resize(640, 400)

    def _fill(self) -> None:
        existing = {p.name for p in self._c.core.profiles.all()}
        looked: list[str] = []
        for source in pi.SOURCES:
            try:
                found, read = pi.find(source)
            except OSError as exc:
                looked.append(f"{_TOOLS[source]}: {exc}")
                continue
            if not read:
                continue
            for c in found.candidates:
                item = QListWidgetItem(f"{c.name} — {c.provider}, {c.origin}")
                item.setData(Qt.ItemDataRole.UserRole, len(self.candidates))
                self.candidates.append(c)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                taken = c.name in existing
                item.setCheckState(Qt.CheckState.Unchecked if taken else Qt.CheckState.Checked)
                if taken:
                    item.setToolTip(self.tr("A profile of that name exists; importing replaces it."))
                self.list.addItem(item)
            for s in found.skipped:
                item = QListWidgetItem(
                    self.tr("%1 — skipped: %2").replace("%1", s.name or s.origin).replace("%2", s.reason)
                )
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(item)
        if not self.candidates:
            self.summary.setText(
                self.tr("No profiles found in the AWS CLI, ossutil or rclone configuration.")
            )
        self.import_btn.setEnabled(bool(self.candidates))
        if looked:
            self.summary.setText("\n".join(looked))

    def checked(self) -> list[pi.Candidate]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            index = item.data(Qt.ItemDataRole.UserRole)
            if index is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(self.candidates[int(index)])
        return out

    def _on_import_clicked(self) -> None:
        outcomes = pi.import_candidates(
            self._c.core.profiles, self._c.core.store, self.checked(), replace=True
        )
        made = [o.name for o in outcomes if o.created]
        lines = [self.tr("Imported: %1").replace("%1", ", ".join(made) or "-")]
        lines += [f"{o.name}: {o.reason}" for o in outcomes if not o.created]
        self.summary.setText("\n".join(lines))
        self.import_btn.setEnabled(False)
