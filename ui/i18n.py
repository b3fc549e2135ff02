"""Loading the compiled translations (resources/i18n/*.qm) for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.icons import resource_dir

I18N_DIR = resource_dir() / "i18n"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Skylift's and Qt's own translators for ``language`` ("en" needs none)."""
    out: list[QTranslator] = []
    if language == "en":
        return out
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"skylift_{language}.qm")):
        app.installTranslator(ours)
        out.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        out.append(qt)
    return out


def system_locale() -> str:
    return QLocale.system().name()
