"""The stale bytes by age, as bars: what has sat on the server longest, and how much of it.

One look tells whether the leftovers are last night's interrupted backup or a year of
forgotten uploads, which is the question before "Abort older than…".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.gui.api import format_size
from app.services.stale import StaleUpload

#: Upper bounds of the age bands (the last is open).
BANDS = (timedelta(days=1), timedelta(days=7), timedelta(days=30), timedelta(days=90))


def band_labels() -> list[str]:
    return [
        QCoreApplication.translate("AgeChart", "under a day"),
        QCoreApplication.translate("AgeChart", "1–7 days"),
        QCoreApplication.translate("AgeChart", "7–30 days"),
        QCoreApplication.translate("AgeChart", "30–90 days"),
        QCoreApplication.translate("AgeChart", "over 90 days"),
    ]


def bytes_by_age(uploads: Iterable[StaleUpload], now: datetime) -> list[int]:
    out = [0] * (len(BANDS) + 1)
    for u in uploads:
        age = now - u.initiated
        i = next((n for n, top in enumerate(BANDS) if age < top), len(BANDS))
        out[i] += u.bytes
    return out


class AgeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [0] * (len(BANDS) + 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("Bytes the unfinished uploads keep on the server, by their age"))

    def set_uploads(self, uploads: Iterable[StaleUpload], now: datetime) -> None:
        self.values = bytes_by_age(uploads, now)
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height() + 2
        return QSize(360, line * len(self.values) + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        fm = self.fontMetrics()
        labels = band_labels()
        line = fm.height() + 2
        label_w = max(fm.horizontalAdvance(t) for t in labels) + 8
        size_w = fm.horizontalAdvance("9999.9 MiB") + 8
        bar_w = max(10, self.width() - label_w - size_w)
        top = max(self.values) or 1
        for i, (label, value) in enumerate(zip(labels, self.values, strict=True)):
            y = 2 + i * line
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(0, y, label_w - 8, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            w = bar_w * value / top
            # Older bands in a warmer colour: those are the ones most likely forgotten.
            color = (
                pal.color(QPalette.ColorRole.Highlight)
                if i < 2
                else Qt.GlobalColor.darkYellow
                if i < 4
                else Qt.GlobalColor.red
            )
            if value:
                p.fillRect(QRectF(label_w, y + 2, max(2.0, w), line - 4), color)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(label_w + max(2.0, w) + 4, y, size_w, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                format_size(value) if value else "—",
            )
