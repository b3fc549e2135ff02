"""The Help menu's pages: a short "Getting started" and the log folder in the file manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def getting_started_html() -> str:
    steps = [
        QCoreApplication.translate(
            "Help",
            "<b>Drop files or folders</b> on the window (or use Add Files). The Upload to panel "
            "shows where they go; press Enter to upload.",
        ),
        QCoreApplication.translate(
            "Help",
            "<b>Try it without an account</b>: the built-in <i>local</i> storage keeps uploads on "
            "this computer. Add your own storage in Tools › Profiles (Amazon S3, Aliyun OSS, "
            "MinIO, Cloudflare R2 and others).",
        ),
        QCoreApplication.translate(
            "Help",
            "<b>Pause and resume</b> any time, per file or all at once. Quitting, a crash or a "
            "lost network keeps every confirmed part: the upload goes on from there.",
        ),
        QCoreApplication.translate(
            "Help",
            "<b>Nothing left behind</b>: Tools › Stale Uploads lists unfinished uploads on the "
            "server, resumes the ones that match a local file and aborts the rest.",
        ),
        QCoreApplication.translate(
            "Help",
            "<b>From a terminal</b>: <code>skylift upload FILE PROFILE:BUCKET/PREFIX</code> uses the "
            "same queue; <code>skylift --help</code> lists every command.",
        ),
    ]
    items = "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps)
    return f"<ol>{items}</ol>"


def show_getting_started(parent: QWidget) -> None:
    dlg = QDialog(parent)
    dlg.setWindowTitle(QCoreApplication.translate("Help", "Getting Started"))
    text = QLabel(getting_started_html())
    text.setWordWrap(True)
    text.setMinimumWidth(480)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addWidget(text)
    lay.addWidget(buttons)
    dlg.open()


def open_log_folder(folder: Path) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
