"""The tray icon: progress in the tooltip, a menu, notifications, drops where the OS allows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from app.gui.api import ACTIVE, State, format_size
from app.gui.notify import desktop_notify
from ui import messages
from ui.actions import Actions
from ui.icons import icon
from ui.transfer_model import TransferModel


class Tray:
    """Wraps QSystemTrayIcon; everything is a no-op where the desktop has no tray."""

    def __init__(self, window: QMainWindow, actions: Actions) -> None:
        self._window = window
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon = QSystemTrayIcon(icon("skylift", tint=False), window)
        menu = QMenu(window)
        show = menu.addAction(QCoreApplication.translate("Tray", "Show Skylift"))
        show.triggered.connect(self._on_show)
        menu.addSeparator()
        menu.addActions([actions.pause_all, actions.resume_all])
        menu.addSeparator()
        menu.addAction(actions.quit)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.setToolTip("Skylift")
        if self.available:
            self.icon.show()

    def _on_show(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._on_show()

    def hide_to_tray_instead(self) -> bool:
        # Closing the window quits: a hidden upload manager surprises people more than it helps.
        return False

    def hide(self) -> None:
        self.icon.hide()

    def update_progress(self, model: TransferModel) -> None:
        if not self.available:
            return
        active = model.count(State.QUEUED, *ACTIVE)
        if not active:
            self.icon.setToolTip("Skylift")
            return
        pct = int(model.done_bytes * 100 / model.total_bytes) if model.total_bytes else 0
        self.icon.setToolTip(
            QCoreApplication.translate("Tray", "Skylift — %1 active, %2% (%3 of %4)")
            .replace("%1", str(active))
            .replace("%2", str(pct))
            .replace("%3", format_size(model.done_bytes))
            .replace("%4", format_size(model.total_bytes))
        )

    def _show(self, title: str, text: str, kind: QSystemTrayIcon.MessageIcon) -> None:
        if self.available:
            self.icon.showMessage(title, text, kind, 8000)
        else:
            desktop_notify(title, text, urgent=kind == QSystemTrayIcon.MessageIcon.Warning)

    def notify_batch(self, done: int, failed: int) -> None:
        if failed:
            text = (
                QCoreApplication.translate("Tray", "%1 uploaded, %2 failed")
                .replace("%1", str(done))
                .replace("%2", str(failed))
            )
            kind = QSystemTrayIcon.MessageIcon.Warning
        else:
            text = messages.plural(
                done,
                QCoreApplication.translate("Tray", "%1 file uploaded"),
                QCoreApplication.translate("Tray", "%1 files uploaded"),
            )
            kind = QSystemTrayIcon.MessageIcon.Information
        self._show(QCoreApplication.translate("Tray", "Uploads finished"), text, kind)

    def notify_failure(self, model: TransferModel, transfer_id: int, code: str) -> None:
        row = model.row_of_id(transfer_id)
        name = str(model.index(row, 0).data()) if row >= 0 else str(transfer_id)
        self._show(
            QCoreApplication.translate("Tray", "Upload failed"),
            f"{name}: {messages.error_text(code)}",
            QSystemTrayIcon.MessageIcon.Warning,
        )
