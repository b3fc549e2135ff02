"""A small live graph of the upload speed over the last minutes, for the status bar.

People glance at a shape faster than they read a number: a stall, a throttle or a slow start
shows as a line. Samples are kept one per second; painting is a polyline over at most
``SECONDS`` points, so a tick costs nothing that grows with the queue.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import messages

#: The window of time the graph shows.
SECONDS = 300


class ThroughputGraph(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (whole second, bytes per second) for the last SECONDS seconds.
        self.samples: deque[tuple[int, float]] = deque(maxlen=SECONDS)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("Upload speed over the last five minutes"))

    def sizeHint(self) -> QSize:
        h = max(16, self.fontMetrics().height())
        return QSize(h * 6, h)

    def add(self, now: float, speed: float) -> None:
        second = int(now)
        if self.samples and self.samples[-1][0] == second:
            # Several ticks in one second: the second's figure is its last (the rate is smoothed).
            self.samples[-1] = (second, speed)
        else:
            if self.samples and second - self.samples[-1][0] > 1:
                # Idle seconds (no ticks while nothing ran) are zero, not a straight line.
                self.samples.append((second - 1, 0.0))
            self.samples.append((second, max(0.0, speed)))
        while self.samples and self.samples[0][0] <= second - SECONDS:
            self.samples.popleft()
        self._say()
        self.update()

    @property
    def peak(self) -> float:
        return max((s for _, s in self.samples), default=0.0)

    def points(self) -> list[QPointF]:
        """The line in widget coordinates: now at the right edge, SECONDS ago at the left."""
        if not self.samples:
            return []
        w, h = self.width() - 1, self.height() - 2
        newest = self.samples[-1][0]
        top = self.peak or 1.0
        return [QPointF(w - (newest - t) * w / (SECONDS - 1), 1 + h - s / top * h) for t, s in self.samples]

    def _say(self) -> None:
        now = self.samples[-1][1] if self.samples else 0.0
        self.setToolTip(
            self.tr("Upload speed over the last five minutes: now %1, peak %2")
            .replace("%1", messages.speed_text(now))
            .replace("%2", messages.speed_text(self.peak))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        line = self.points()
        if len(line) < 2:
            return
        accent = pal.color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(70)
        area = QPolygonF(
            [QPointF(line[0].x(), self.height() - 1), *line, QPointF(line[-1].x(), self.height() - 1)]
        )
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawPolygon(area)
        p.setPen(accent)
        p.drawPolyline(QPolygonF(line))
