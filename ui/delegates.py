"""The progress column: a native progress bar with the percentage, drawn by the style."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from ui.transfer_model import ProgressRole


class ProgressDelegate(QStyledItemDelegate):
    """Draws ``ProgressRole`` (0..1) as a progress bar; colours come from the palette."""

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
        value = index.data(ProgressRole)
        frac = float(value) if isinstance(value, float | int) else 0.0
        bar = QStyleOptionProgressBar()
        r = option.rect.adjusted(3, 3, -3, -3)
        bar.rect = r
        bar.minimum = 0
        bar.maximum = 1000
        bar.progress = max(0, min(1000, int(frac * 1000)))
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.direction = option.direction
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
