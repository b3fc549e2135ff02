"""The window's language for one test: Skylift's and Qt's translators in, then out again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale

from ui import i18n


@contextmanager
def in_language(language: str) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = i18n.install(app, language)
    try:
        yield
    finally:
        for tr in installed:
            QCoreApplication.removeTranslator(tr)
        QLocale.setDefault(QLocale("en_US"))
