"""A drop shown as one row: running sums over its files, and how the row reads.

The sums change by deltas as the files' rows change, so a tick costs what changed, never a walk
over a 100,000-file drop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui.api import ACTIVE, State, format_size
from ui import messages


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


def files_text(n: int) -> str:
    # English picks its own singular; other languages use their plural forms of "%n files".
    if n == 1:
        return QCoreApplication.translate("Groups", "%n file", "", n)
    return QCoreApplication.translate("Groups", "%n files", "", n)


def failed_text(n: int) -> str:
    return QCoreApplication.translate("Groups", "%n failed", "", n)


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
