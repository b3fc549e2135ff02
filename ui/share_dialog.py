"""Share links in the window: "Copy Object URL" and "Copy Share Link…" for one object.

The queue's and the bucket browser's context menus both add these two actions; the link is made
by ``app.services.share`` (what ``skylift share`` uses) on the control pool, never the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import LOCAL
from app.gui.controller import Controller
from app.services import share

#: The expiry choices, in seconds; None: the user types a duration.
CHOICES: tuple[int | None, ...] = (3600, 86400, share.MAX_SECONDS, None)


def add_share_actions(
    menu: QMenu,
    parent: QWidget,
    controller: Controller,
    where: tuple[str, str, str],
    say: Callable[[str], None],
) -> tuple[QAction, QAction]:
    """Add both actions for the object ``where`` = (profile, bucket, key) to ``menu``."""
    profile, bucket, key = where
    url = menu.addAction(QCoreApplication.translate("Share", "Copy Object URL"))
    link = menu.addAction(QCoreApplication.translate("Share", "Copy Share Link…"))

    def copy_url() -> None:
        def done(result: object) -> None:
            if isinstance(result, share.Link):
                QGuiApplication.clipboard().setText(result.url)
                say(QCoreApplication.translate("Share", "Copied %1").replace("%1", result.url))
            else:
                say(
                    QCoreApplication.translate("Share", "Cannot make the link: %1").replace("%1", str(result))
                )

        controller.run_async(lambda: share.object_url(controller.core.profiles, profile, bucket, key), done)

    def open_dialog() -> None:
        dialog = ShareDialog(controller, profile, bucket, key, parent)
        dialog.open()

    url.triggered.connect(copy_url)
    link.triggered.connect(open_dialog)
    return url, link


class ShareDialog(QDialog):
    """Choose how long the link works, make it, copy it; shows the link and when it expires."""

    def __init__(
        self, controller: Controller, profile: str, bucket: str, key: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share Link"))
        self._c = controller
        self._where = (profile, bucket, key)
        self.expiry = QComboBox()
        for seconds, text in zip(
            CHOICES, (self.tr("1 hour"), self.tr("1 day"), self.tr("7 days"), self.tr("Custom…")), strict=True
        ):
            self.expiry.addItem(text, seconds)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText(self.tr("e.g. 30m, 12h, 3d (at most 7d)"))
        self.custom.setEnabled(False)
        self.make = QPushButton(self.tr("Create and Copy"))
        self.make.setDefault(True)
        self.link = QLineEdit()
        self.link.setReadOnly(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Object:"), QLabel(f"{profile}:{bucket}/{key}"))
        form.addRow(self.tr("Link works for:"), self.expiry)
        form.addRow("", self.custom)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.make, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.link)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self.expiry.currentIndexChanged.connect(self._on_expiry_changed)
        self.make.clicked.connect(self._on_make_clicked)
        self.resize(560, 0)

    def seconds(self) -> int:
        """The chosen duration; raises ShareError for a custom one that is no duration or too long."""
        chosen = self.expiry.currentData()
        if chosen is None:
            return share.parse_expires(self.custom.text())
        return int(chosen)

    def _on_expiry_changed(self) -> None:
        self.custom.setEnabled(self.expiry.currentData() is None)

    def _on_make_clicked(self) -> None:
        try:
            seconds = self.seconds()
        except share.ShareError as exc:
            self.note.setText(self.tr("Cannot make the link: %1").replace("%1", str(exc)))
            return
        self.make.setEnabled(False)
        self.note.setText(self.tr("Making the link…"))
        profile, bucket, key = self._where
        profiles = self._c.core.profiles
        self._c.run_async(lambda: share.share_link(profiles, profile, bucket, key, seconds), self._on_made)

    def _on_made(self, result: object) -> None:
        self.make.setEnabled(True)
        if not isinstance(result, share.Link) or result.expires_at is None:
            self.note.setText(self.tr("Cannot make the link: %1").replace("%1", str(result)))
            return
        QGuiApplication.clipboard().setText(result.url)
        self.link.setText(result.url)
        self.link.setCursorPosition(0)
        until = result.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = self.tr("Copied to the clipboard. The link works until %1.").replace("%1", until)
        if self._where[0] == LOCAL:
            text += " " + self.tr("The built-in storage serves it only while Skylift runs.")
        self.note.setText(text)
