"""Small dialogs and the openers of the bigger windows, so the main window stays short."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from app.gui.api import ConflictQuestion, Skipped, format_size
from app.gui.controller import Controller
from ui import messages

if TYPE_CHECKING:
    from ui.stale_window import StaleWindow
    from ui.verify_window import VerifyWindow


def ask_resume(parent: QWidget, count: int) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unfinished transfers"))
    box.setText(
        messages.plural(
            count,
            QCoreApplication.translate("Dialogs", "%1 transfer did not finish last time."),
            QCoreApplication.translate("Dialogs", "%1 transfers did not finish last time."),
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("Dialogs", "Resume them now? They stay paused otherwise.")
    )
    resume = box.addButton(QCoreApplication.translate("Dialogs", "Resume"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Dialogs", "Keep Paused"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(resume)
    box.exec()
    return box.clickedButton() is resume


def confirm_quit(parent: QWidget, running: int) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Quit Skylift"))
    box.setText(
        messages.plural(
            running,
            QCoreApplication.translate("Dialogs", "%1 transfer is still running."),
            QCoreApplication.translate("Dialogs", "%1 transfers are still running."),
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Dialogs", "They will be paused safely and can be resumed at the next start."
        )
    )
    quit_btn = box.addButton(
        QCoreApplication.translate("Dialogs", "Pause and Quit"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(quit_btn)
    box.exec()
    return box.clickedButton() is quit_btn


def confirm_cancel(parent: QWidget, count: int) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "Cancel transfers"),
        messages.plural(
            count,
            QCoreApplication.translate(
                "Dialogs", "Cancel %1 transfer? Its uploaded parts are deleted from the server."
            ),
            QCoreApplication.translate(
                "Dialogs", "Cancel %1 transfers? Their uploaded parts are deleted from the server."
            ),
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_conflict(parent: QWidget, q: ConflictQuestion) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Object exists"))
    box.setText(
        QCoreApplication.translate("Dialogs", "%1 already exists in the bucket.").replace("%1", q.key)
    )
    box.setInformativeText(
        QCoreApplication.translate("Dialogs", "Local file: %1. Object: %2.")
        .replace("%1", format_size(q.local_size))
        .replace("%2", format_size(q.remote_size))
    )
    overwrite = box.addButton(
        QCoreApplication.translate("Dialogs", "Overwrite"), QMessageBox.ButtonRole.AcceptRole
    )
    rename = box.addButton(
        QCoreApplication.translate("Dialogs", "Keep Both"), QMessageBox.ButtonRole.AcceptRole
    )
    skip = box.addButton(QCoreApplication.translate("Dialogs", "Skip"), QMessageBox.ButtonRole.RejectRole)
    all_box = QCheckBox(QCoreApplication.translate("Dialogs", "Apply to all"))
    box.setCheckBox(all_box)
    box.setDefaultButton(skip)
    box.exec()
    clicked = box.clickedButton()
    answer = "overwrite" if clicked is overwrite else "rename" if clicked is rename else "skip"
    q.reply(answer, all_box.isChecked())


def about(parent: QWidget, version: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Dialogs", "About Skylift"),
        QCoreApplication.translate("Dialogs", "Skylift %1\nResumable uploads to object storage.").replace(
            "%1", version
        ),
    )


def open_bucket_browser(
    parent: QWidget,
    controller: Controller,
    profile: str = "",
    bucket: str = "",
    prefix: str = "",
    select: str = "",
) -> QWidget:
    from ui.bucket_browser import BucketBrowser

    dlg = BucketBrowser(controller, profile or controller.settings.last_destination.profile, parent)
    dlg.set_location(bucket, prefix if prefix != "/" else "", select)
    dlg.show()
    return dlg


def open_profiles(parent: QWidget, controller: Controller) -> None:
    from ui.profile_dialog import ProfileDialog

    ProfileDialog(controller, parent).exec()


def stale_window_class() -> type[StaleWindow] | None:
    """The stale-uploads window, if that part of the app is installed."""
    try:
        cls: type[StaleWindow] = importlib.import_module("ui.stale_window").StaleWindow
        return cls
    except (ImportError, AttributeError):
        return None


def open_stale(parent: QWidget, controller: Controller) -> None:
    cls = stale_window_class()
    if cls is None:
        return
    win = cls(controller.stale_service(), parent)
    win.show()


def open_verify(parent: QWidget, controller: Controller, existing: VerifyWindow | None) -> VerifyWindow:
    """The Verify folder window; the one already open is brought to the front instead."""
    from ui.verify_window import VerifyWindow

    win = existing or VerifyWindow(controller, parent)
    win.show()
    win.raise_()
    win.activateWindow()
    return win


def tell_not_queued(parent: QWidget, items: list[Skipped]) -> None:
    """Say what a drop could not queue; an unreadable folder may hold files the user wanted."""
    lines = [f"{item.path}: {messages.skip_text(item)}" for item in items[:12]]
    if len(items) > 12:
        lines.append(
            QCoreApplication.translate("Dialogs", "… and %1 more").replace("%1", f"{len(items) - 12:,}")
        )
    box = QMessageBox(parent)
    lost = any(item.lost for item in items)
    box.setIcon(QMessageBox.Icon.Warning if lost else QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Not everything was queued"))
    box.setText(
        QCoreApplication.translate(
            "Dialogs",
            "Some items could not be queued (the reasons are below). Fix them and drop them again.",
        )
        if lost
        else QCoreApplication.translate("Dialogs", "Special files and links to folders were left out.")
    )
    box.setDetailedText("\n".join(lines))
    box.setInformativeText("\n".join(lines[:3]))
    box.exec()


def error_details(parent: QWidget, code: str, detail: str) -> None:
    """The error in people's words; the server's own (code, request id, message) behind the
    box's Show Details toggle, where a long raw text cannot stretch the dialog."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "What went wrong"))
    box.setText(messages.people_text(code, detail))
    box.setDetailedText(f"{code}\n{detail}" if detail else code)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
