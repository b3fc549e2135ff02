"""Builds and shows the desktop window: the application object, translations, controller and MainWindow."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.gui.api import StoreError
from app.services.logsetup import setup_logging
from app.services.paths import Paths, resolve_paths
from app.services.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.gui.controller import Controller
    from ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Skylift")
    app.setOrganizationName("Skylift")
    app.setDesktopFileName("skylift")
    return app


def build_window(
    paths: Paths | None = None, settings: Settings | None = None, start: bool = True
) -> tuple[Controller, MainWindow]:
    """The controller and main window, translated per the settings; ``start`` loads the queue."""
    from app.gui.controller import Controller
    from ui import i18n
    from ui.main_window import MainWindow

    app = make_application()
    paths = (paths or resolve_paths()).create()
    settings = settings or Settings.load(paths.settings)
    lang = settings.language_code(i18n.system_locale())
    # Keep the translators referenced for the app's lifetime (Qt does not own them).
    app.setProperty("skylift_language", lang)
    _translators.extend(i18n.install(app, lang))
    controller = Controller(paths, settings)
    window = MainWindow(controller)
    window.setWindowIcon(window.app_icon())
    app.setWindowIcon(window.app_icon())
    if start:
        controller.start()
    return controller, window


_translators: list[object] = []


def run_gui(files: list[str] | None = None) -> int:
    """The window, or — when one already runs on this checkpoint — hand ``files`` to it and exit."""
    from app.gui.single import SingleInstance, hand_over, instance_name
    from app.services.display import display_problem

    problem = display_problem()
    if problem:
        # Qt would abort the process (exit 134) with a message about plugins; say what to do.
        print(f"skylift: {problem}", file=sys.stderr)
        return 2
    try:
        paths = resolve_paths().create()
        setup_logging(paths.logs)
    except OSError as exc:
        print(f"skylift: cannot use the folder {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    app = make_application()
    name = instance_name(paths.db)
    files = [os.path.abspath(f) for f in files or []]
    if hand_over(name, files):
        print("skylift: handed over to the Skylift window that is already open", file=sys.stderr)
        return 0
    single = SingleInstance(name, app)
    single.listen()
    try:
        _controller, window = build_window(paths)
    except StoreError as exc:
        # The checkpoint cannot be opened (garbage, read-only, newer): say so, touch nothing.
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        title = QCoreApplication.translate("Launch", "Skylift cannot open its queue")
        QMessageBox.critical(None, title, str(exc))
        return 1
    window.show()

    def take(handed: list[str]) -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if handed:
            window.queue_paths(handed)

    single.paths_received.connect(take)
    if files:
        QTimer.singleShot(0, lambda: window.queue_paths(files))
    return int(app.exec())
