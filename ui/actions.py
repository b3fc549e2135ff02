"""The main window's actions (toolbar, menus, context menu) and their enabled rules."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.gui.api import State
from ui.icons import icon

_PAUSABLE = frozenset({State.QUEUED, State.RUNNING})
_RESUMABLE = frozenset({State.PAUSED})
_CANCELLABLE = frozenset({State.QUEUED, State.RUNNING, State.PAUSING, State.PAUSED, State.FAILED})
_REMOVABLE = frozenset({State.DONE, State.CANCELLED, State.FAILED})


class Actions(QObject):
    """Every command of the main window, created once; the window connects the triggers."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

        def make(
            name: str,
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            tip: str = "",
        ) -> QAction:
            a = QAction(icon(name), text, parent)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.setToolTip(f"{tip or text.replace('&', '')}")
            a.setStatusTip(tip or text.replace("&", ""))
            return a

        self.add_files = make("add-file", self.tr("Add &Files…"), QKeySequence.StandardKey.Open)
        self.add_folder = make("add-folder", self.tr("Add F&older…"), "Ctrl+Shift+O")
        self.watch_folder = make(
            "add-folder",
            self.tr("&Keep a Folder Uploaded…"),
            tip=self.tr("Upload a folder's new and changed files as they appear, from now on"),
        )
        self.watched_folders = make("", self.tr("&Watched Folders…"))
        self.pause = make("pause", self.tr("&Pause"), "Ctrl+P", self.tr("Pause the selected transfers"))
        self.resume = make("resume", self.tr("&Resume"), "Ctrl+R", self.tr("Resume the selected transfers"))
        self.cancel = make(
            "cancel", self.tr("&Cancel"), "Ctrl+Backspace", self.tr("Cancel and abort on the server")
        )
        self.retry = make("retry", self.tr("Re&try"), "Ctrl+T", self.tr("Try the failed transfers again"))
        self.remove = make("remove", self.tr("Re&move from List"), QKeySequence.StandardKey.Delete)
        self.pause_all = make("pause-all", self.tr("Pause &All"), "Ctrl+Shift+P")
        self.resume_all = make("resume-all", self.tr("Resume A&ll"), "Ctrl+Shift+R")
        self.browse = make("browse", self.tr("&Open in Bucket Browser"), "Ctrl+B")
        self.clear_finished = make("clear", self.tr("Clear &Finished"), "Ctrl+Shift+Del")
        self.select_all = make("", self.tr("&Select All"), QKeySequence.StandardKey.SelectAll)
        self.settings = make("settings", self.tr("&Settings…"), QKeySequence.StandardKey.Preferences)
        self.profiles = make("profile", self.tr("&Profiles…"), "Ctrl+Shift+K")
        self.bucket_browser = make("browse", self.tr("Bucket &Browser…"))
        self.quit = make("", self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.about = make("", self.tr("&About Skylift"))
        self.getting_started = make("", self.tr("&Getting Started"), QKeySequence.StandardKey.HelpContents)
        self.open_logs = make(
            "", self.tr("Open &Log Folder"), tip=self.tr("Show the log files in the file manager")
        )
        self.stale = make("", self.tr("Stale &Uploads…"))
        self.verify = make(
            "", self.tr("&Verify Folder…"), tip=self.tr("Compare a local folder with what is on the server")
        )
        self.group_by_drop = make(
            "",
            self.tr("&Group by Drop"),
            "Ctrl+G",
            self.tr("Show each drop as one row; expand it to see its files"),
        )
        self.group_by_drop.setCheckable(True)
        if not self.settings.shortcut().toString():
            self.settings.setShortcut(QKeySequence("Ctrl+,"))
        # Icon-only in the toolbar (text in the tooltip and menus): at 1024 px every action stays
        # visible instead of hiding behind the overflow chevron, in English and in Chinese.
        for quiet in (self.remove, self.browse, self.clear_finished):
            quiet.setPriority(QAction.Priority.LowPriority)
        self.toolbar = [
            self.add_files,
            self.add_folder,
            None,
            self.pause,
            self.resume,
            self.cancel,
            self.retry,
            self.remove,
            None,
            self.pause_all,
            self.resume_all,
            None,
            self.browse,
            self.clear_finished,
        ]

    def update(self, selected: Iterable[State], any_active: bool, any_paused: bool, any_done: bool) -> None:
        states = set(selected)
        self.pause.setEnabled(bool(states & _PAUSABLE))
        self.resume.setEnabled(bool(states & _RESUMABLE))
        self.cancel.setEnabled(bool(states & _CANCELLABLE))
        self.retry.setEnabled(State.FAILED in states)
        self.remove.setEnabled(bool(states & _REMOVABLE))
        self.browse.setEnabled(len(states) > 0)
        self.pause_all.setEnabled(any_active)
        self.resume_all.setEnabled(any_paused)
        self.clear_finished.setEnabled(any_done)
