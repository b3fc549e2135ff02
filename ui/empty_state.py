"""What an empty queue shows: where dropped files will go, and an invitation to drop them; and
the highlight while a drag hovers over the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from app.services.settings import SavedDestination


def destination_text(dest: SavedDestination) -> str:
    where = f"{dest.profile}: {dest.bucket}/{dest.prefix}".rstrip("/") + "/"
    return where


class EmptyState(QLabel):
    """Centred over the view's viewport while the view has no rows."""

    def __init__(self, view: QAbstractItemView, destination: Callable[[], SavedDestination]) -> None:
        super().__init__(view.viewport())
        self._view = view
        self._destination = destination
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("empty-state")
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def refresh(self, *_: object) -> None:
        model = self._view.model()
        shown = model.rowCount()
        self.setVisible(shown == 0)
        if shown:
            return
        total = model.count() if hasattr(model, "count") else 0
        if total:
            # Transfers exist; the tab or the text filter hides them all.
            nothing = self.tr("No transfers in this view")
            self.setText(f"<p style='color:gray'>{nothing}</p>")
        else:
            title = self.tr("Drop files or folders here")
            where = self.tr("They go to %1; the Upload to panel lets you change that first.").replace(
                "%1", f"<b>{destination_text(self._destination())}</b>"
            )
            hint = self.tr("Or use Add Files and Add Folder in the toolbar.")
            self.setText(
                f"<p style='font-size:15pt'>{title}</p><p>{where}</p><p style='color:gray'>{hint}</p>"
            )
        self._fit()

    def _fit(self) -> None:
        self.setGeometry(self._view.viewport().rect().adjusted(40, 20, -40, -20))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False


def set_drop_highlight(target: QWidget, on: bool) -> None:
    """A coloured frame around the queue while files hover over the window."""
    target.setStyleSheet(f"#{target.objectName()} {{ border: 3px solid palette(highlight); }}" if on else "")
