"""A drop shown as one row: running sums over its files, and how the row reads.

The sums change by deltas as the files' rows change, so a tick costs what changed, never a walk
over a 100,000-file drop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.gui.api import ACTIVE, State, format_size
from ui import messages
from ui.transfer_columns import (
    COL_DEST,
    COL_ERROR,
    COL_ETA,
    COL_NAME,
    COL_PROGRESS,
    COL_SIZE,
    COL_SPEED,
    COL_STATE,
    BatchRole,
    ConfirmedRole,
    ProgressRole,
    SortRole,
    StateRole,
)


class Group:
    """One batch (drop) of transfers; ``kids`` are the storage rows shown under it, in order."""

    __slots__ = ("batch", "confirmed", "counts", "dest", "done", "kids", "label", "pos", "size", "speed")

    def __init__(self, batch: int, label: str, dest: str) -> None:
        self.batch = batch
        self.label = label
        #: The destination all its files share (the longest common folder).
        self.dest = dest
        self.size = 0
        self.done = 0
        self.confirmed = 0
        self.speed = 0.0
        self.counts: dict[State, int] = dict.fromkeys(State, 0)
        self.kids: list[int] = []
        #: Its row among the top-level rows, or -1 while the filter hides all its files.
        self.pos = -1

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    def add_dest(self, dest: str) -> None:
        if dest.startswith(self.dest):
            return
        common = self.dest
        while common and not dest.startswith(common):
            common = common[: common.rstrip("/").rfind("/") + 1] if "/" in common.rstrip("/") else ""
        self.dest = common

    def state(self) -> State:
        """The one state that stands for the group (the filter tabs and the toolbar use it)."""
        c = self.counts
        for st in (State.RUNNING, State.COMPLETING, State.VERIFYING, State.PAUSING):
            if c[st]:
                return State.RUNNING
        for st in (State.QUEUED, State.PAUSED, State.FAILED, State.CANCELLED):
            if c[st]:
                return st
        return State.DONE

    def name_text(self) -> str:
        return self.label or files_text(self.files)

    def state_text(self) -> str:
        st = self.state()
        n, done = self.files, self.counts[State.DONE]
        if st is State.DONE:
            return messages.state_text(State.DONE)
        return (
            QCoreApplication.translate("Groups", "%1 · %2 of %3")
            .replace("%1", messages.state_text(st))
            .replace("%2", f"{done:,}")
            .replace("%3", f"{n:,}")
        )

    def error_text(self) -> str:
        failed = self.counts[State.FAILED]
        return failed_text(failed) if failed else ""

    def active(self) -> bool:
        return any(self.counts[s] for s in ACTIVE)

    def data(self, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(col)
        if role in (ProgressRole, ConfirmedRole):
            if self.size == 0:
                return 1.0 if self.state() is State.DONE else 0.0
            return (self.done if role == ProgressRole else self.confirmed) / self.size
        if role == SortRole:
            return self.sort_key(col)
        if role == StateRole:
            return int(self.state())
        if role == BatchRole:
            return self.batch
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_PROGRESS:
                return progress_tooltip(self.confirmed, self.done)
            return self.dest if col == COL_DEST else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SIZE, COL_SPEED, COL_ETA):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, col: int) -> str:
        if col == COL_NAME:
            return self.name_text()
        if col == COL_DEST:
            return self.dest
        if col == COL_SIZE:
            return format_size(self.size)
        if col == COL_PROGRESS:
            return f"{int(self.done * 100 / self.size) if self.size else 100 * (self.state() is State.DONE)}%"
        if col == COL_SPEED:
            return messages.speed_text(self.speed)
        if col == COL_ETA:
            return messages.eta_text((self.size - self.done) / self.speed) if self.speed >= 1 else ""
        if col == COL_STATE:
            return self.state_text()
        if col == COL_ERROR:
            return self.error_text()
        return ""

    def sort_key(self, col: int) -> Any:
        if col == COL_NAME:
            return self.name_text().lower()
        if col == COL_DEST:
            return self.dest
        if col == COL_SIZE:
            return self.size
        if col == COL_PROGRESS:
            return self.done / self.size if self.size else float(self.state() is State.DONE)
        if col == COL_SPEED:
            return self.speed
        if col == COL_ETA:
            return (self.size - self.done) / self.speed if self.speed >= 1 else float("inf")
        if col == COL_STATE:
            return int(self.state())
        if col == COL_ERROR:
            return "" if not self.counts[State.FAILED] else "failed"
        return 0


class GroupWords(QObject):
    """Counted words. A QObject because lupdate marks plural forms only in ``self.tr(s, "", n)``;
    English has no catalogue, so it picks its singular itself."""

    def files(self, n: int) -> str:
        return self.tr("%n file", "", n) if n == 1 else self.tr("%n files", "", n)

    def failed(self, n: int) -> str:
        return self.tr("%n failed", "", n)


_words: list[GroupWords] = []


def _counted() -> GroupWords:
    if not _words:
        _words.append(GroupWords())
    return _words[0]


def _grouped_digits(text: str, n: int) -> str:
    # %Ln follows the locale, which is often "C" (no separators); the queue writes 1,234 throughout.
    return text.replace(str(n), f"{n:,}", 1)


def files_text(n: int) -> str:
    return _grouped_digits(_counted().files(n), n)


def failed_text(n: int) -> str:
    return _grouped_digits(_counted().failed(n), n)


def progress_tooltip(confirmed: int, done: int) -> str:
    """Acknowledged bytes and bytes still in flight, which a pause sends again later."""
    text = QCoreApplication.translate("Groups", "Confirmed by the server: %1").replace(
        "%1", format_size(confirmed)
    )
    if done > confirmed:
        text += "\n" + QCoreApplication.translate("Groups", "In flight: %1").replace(
            "%1", format_size(done - confirmed)
        )
    return text
