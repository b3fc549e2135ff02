"""The progress column: a native progress bar with the percentage, drawn by the style."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from ui.transfer_model import ConfirmedRole, ProgressRole


def _fraction(value: object) -> float:
    return max(0.0, min(1.0, float(value))) if isinstance(value, float | int) else 0.0


class ProgressDelegate(QStyledItemDelegate):
    """Draws ``ConfirmedRole`` (0..1, what the server acknowledged) as the bar, and the bytes in
    flight up to ``ProgressRole`` as a lighter segment after it: a pause takes that segment back
    (the parts are sent again), so it must not look like progress that was lost."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Room for a bar inside the row's margins; the tree takes its one row height from here
        # (the flat table sets the same height on its vertical header).
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 10))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # Selection background first, so a selected row looks selected across every column.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        done = _fraction(index.data(ProgressRole))
        confirmed = min(done, _fraction(index.data(ConfirmedRole)))
        bar = QStyleOptionProgressBar()
        r = option.rect.adjusted(3, 3, -3, -3)
        bar.rect = r
        bar.minimum = 0
        bar.maximum = 1000
        bar.progress = int(confirmed * 1000)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.direction = option.direction
        if done - confirmed < 0.002:
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
            return
        # Groove, then the in-flight segment, then the confirmed bar and the text over both.
        groove = style.subElementRect(QStyle.SubElement.SE_ProgressBarGroove, bar, widget)
        style.drawControl(QStyle.ControlElement.CE_ProgressBarGroove, bar, painter, widget)
        inner = groove.adjusted(1, 1, -1, -1)
        x0 = inner.left() + int(inner.width() * confirmed)
        x1 = inner.left() + int(inner.width() * done)
        light = QColor(option.palette.color(QPalette.ColorRole.Highlight))
        light.setAlpha(120)  # still visible on a dark palette, plainly lighter than the bar
        painter.fillRect(QRect(x0, inner.top(), max(1, x1 - x0), inner.height()), light)
        style.drawControl(QStyle.ControlElement.CE_ProgressBarContents, bar, painter, widget)
        style.drawControl(QStyle.ControlElement.CE_ProgressBarLabel, bar, painter, widget)
