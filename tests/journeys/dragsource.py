"""A drag source for the journeys: a small window that starts a real X11 drag of file URLs.

Usage: DISPLAY=:N python tests/journeys/dragsource.py PATH...
Pressing the mouse anywhere in the window starts a QDrag carrying the paths as file URLs, so a
drop reaches Skylift through XDND exactly as one from a file manager does.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel


class Source(QLabel):
    def __init__(self, paths: list[str]) -> None:
        super().__init__("\n".join(paths))
        self.paths = paths
        self.setWindowTitle("Drag source")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #ffe9a8; font-size: 14px;")
        self.resize(300, 200)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(p) for p in self.paths])
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.CopyAction)


def main(argv: list[str]) -> int:
    app = QApplication(["dragsource"])
    src = Source(argv)
    src.move(0, 0)
    src.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
