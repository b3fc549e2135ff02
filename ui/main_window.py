"""The main window (placeholder until the transfer queue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Skylift")
        self.setCentralWidget(QLabel("Skylift: drop files here (the queue arrives soon)"))
        self.resize(900, 560)
