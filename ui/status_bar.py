"""Status bar: totals, aggregate speed and ETA, the bandwidth limit changer, network status."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar, QWidget

from app.gui.api import ACTIVE, State, format_size
from ui import messages
from ui.icons import icon
from ui.throughput import ThroughputGraph
from ui.transfer_model import FAILED_RED, TransferModel

MiB = 1024 * 1024
#: Quick choices for the bandwidth limit; 0 means unlimited.
LIMITS = (0, 256 * 1024, 1 * MiB, 5 * MiB, 10 * MiB, 50 * MiB, 100 * MiB)


class StatusBar(QStatusBar):
    """Signals:
    bwlimit_chosen(int): bytes per second picked in the quick changer (0 = unlimited).
    """

    bwlimit_chosen = Signal(int)
    show_failed = Signal()

    def __init__(self, model: TransferModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.totals = QLabel()
        self.speed = QLabel()
        self.limit = QComboBox()
        self.limit.setToolTip(self.tr("Bandwidth limit for all transfers"))
        self.limit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.network_icon = QLabel()
        self.network = QLabel()
        #: "2 failed", a link to the Failed tab: a failure must not hide among done rows.
        self.failed = QLabel()
        self.failed.setVisible(False)
        self.failed.linkActivated.connect(lambda _link: self.show_failed.emit())
        self.graph = ThroughputGraph()
        self.addWidget(self.totals, 1)
        self.addPermanentWidget(self.failed)
        self.addPermanentWidget(self.graph)
        self.addPermanentWidget(self.speed)
        self.addPermanentWidget(QLabel(self.tr("Limit:")))
        self.addPermanentWidget(self.limit)
        self.addPermanentWidget(self.network_icon)
        self.addPermanentWidget(self.network)
        self._fill_limits(0)
        self.limit.activated.connect(self._on_limit_activated)
        self.set_network(True, [])
        self.refresh()

    def _fill_limits(self, current: int) -> None:
        self.limit.blockSignals(True)
        self.limit.clear()
        values = list(LIMITS)
        if current and current not in values:
            values.append(current)
            values.sort()
        for v in values:
            self.limit.addItem(self.tr("Unlimited") if v == 0 else messages.speed_text(v), v)
        self.limit.setCurrentIndex(values.index(current) if current in values else 0)
        self.limit.blockSignals(False)

    def set_bwlimit(self, rate: int) -> None:
        self._fill_limits(rate)

    def _on_limit_activated(self, i: int) -> None:
        self.bwlimit_chosen.emit(int(self.limit.itemData(i)))

    def set_network(self, online: bool, offline: list[str]) -> None:
        size = self.fontMetrics().height()
        self.network_icon.setPixmap(icon("network-ok" if online else "network-off").pixmap(size, size))
        if online:
            self.network.setText(self.tr("Online"))
            self.network.setToolTip(self.tr("Every endpoint in use answers"))
        else:
            self.network.setText(self.tr("Offline — paused"))
            self.network.setToolTip(
                self.tr("Unreachable: %1. The queue resumes by itself when it answers.").replace(
                    "%1", ", ".join(offline)
                )
            )

    def refresh(self) -> None:
        m = self._model
        files = m.count()
        done = m.count(State.DONE)
        self.totals.setText(
            self.tr("%1 of %2 files · %3 of %4")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{files:,}")
            .replace("%3", format_size(m.done_bytes))
            .replace("%4", format_size(m.total_bytes))
        )
        failed = m.count(State.FAILED)
        self.failed.setVisible(failed > 0)
        if failed:
            color = FAILED_RED
            text = self.tr("%1 failed").replace("%1", f"{failed:,}")
            self.failed.setText(f'<a href="failed" style="color:{color}; font-weight:600">{text}</a>')
            self.failed.setToolTip(self.tr("Show the failed transfers"))
        speed = m.total_speed
        self.graph.add(time.monotonic(), speed)
        if speed >= 1 and m.count(State.QUEUED, *ACTIVE):
            eta = messages.eta_text(m.remaining_bytes() / speed)
            text = messages.speed_text(speed)
            self.speed.setText(text + (" · " + self.tr("%1 left").replace("%1", eta) if eta else ""))
        else:
            self.speed.setText("")
