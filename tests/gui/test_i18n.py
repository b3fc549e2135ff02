"""The Chinese translation is complete, compiles, loads, and covers every engine error code."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication

from app.gui.api import ErrorCode, State
from tests.gui.language import in_language
from tests.helpers.env import ROOT
from ui import i18n, messages

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, QApplication, QtBot


pytestmark = pytest.mark.gui
TS = ROOT / "resources" / "i18n" / "skylift_zh_CN.ts"


def _unfinished(message: ET.Element) -> bool:
    """No translation, an empty one, or one marked (unfinished, obsolete, vanished)."""
    t = message.find("translation")
    if t is None or t.get("type"):
        return True
    # A plural message holds its text in one <numerusform> per plural form of the language.
    forms = [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]
    return not all(f.strip() for f in forms)


def test_every_source_text_has_a_finished_translation() -> None:
    root = ET.parse(TS).getroot()
    msgs = list(root.iter("message"))
    assert len(msgs) > 150
    bad = [m.findtext("source") for m in msgs if _unfinished(m)]
    assert bad == []


def test_placeholders_survive_translation() -> None:
    for m in ET.parse(TS).getroot().iter("message"):
        src, tr = m.findtext("source") or "", m.findtext("translation") or ""
        for ph in ("%1", "%2", "%3", "%4"):
            assert (ph in src) == (ph in tr), (src, tr)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = i18n.install(qapp, "zh_CN")
    assert installed, "skylift_zh_CN.qm did not load"
    yield
    for t in installed:
        QCoreApplication.removeTranslator(t)
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))


def test_codes_and_states_are_translated(chinese: None) -> None:
    for code in ErrorCode:
        text = messages.error_text(code.value)
        assert text != code.value and not text.isascii(), code
    for st in State:
        assert not messages.state_text(st).isascii(), st
    assert messages.speed_text(2048) == "2.0 KiB/秒"


def test_english_is_the_source(qapp: QApplication) -> None:
    assert messages.error_text("network") == "The server cannot be reached"
    assert messages.error_text("something_new") == "something_new"


def test_the_catalogue_holds_every_string_in_the_code(tmp_path: Path) -> None:
    """A string added to ui/ or app/ without re-running lupdate would show in English only."""
    import shutil
    import subprocess
    import sys

    root = TS.parents[2]
    fresh = tmp_path / "fresh.ts"
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or "pyside6-lupdate"
    sources = sorted(str(p) for d in ("ui", "app") for p in (root / d).rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def texts(path: Path) -> set[tuple[str, str]]:
        return {
            (ctx.findtext("name") or "", m.findtext("source") or "")
            for ctx in ET.parse(path).getroot().iter("context")
            for m in ctx.iter("message")
        }

    assert texts(fresh) - texts(TS) == set()


def _accelerator(text: str) -> str:
    """The letter after a single ``&`` (``&&`` is a literal ampersand), lower-cased; "" if none."""
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else ""


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_commands_share_an_accelerator(language: str, controller: Controller, qtbot: QtBot) -> None:
    """Within each menu, and within the Verify window's buttons and labels, Alt+letter is unique."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

    from ui.main_window import MainWindow
    from ui.verify_window import VerifyWindow

    with in_language(language):
        main = MainWindow(controller, ask_destination=False)
        qtbot.addWidget(main)
        verify = VerifyWindow(controller)
        qtbot.addWidget(verify)
        groups = {m.title(): [a.text() for a in m.actions()] for m in main.findChildren(QMenu)}
        groups["menu bar"] = [a.text() for a in main.menuBar().actions()]
        groups["verify window"] = [b.text() for b in verify.findChildren(QAbstractButton)] + [
            label.text() for label in verify.findChildren(QLabel) if label.buddy() is not None
        ]
        assert len(groups["verify window"]) >= 8
        for name, texts in groups.items():
            keys = [k for k in map(_accelerator, texts) if k]
            assert len(keys) == len(set(keys)), (name, texts)
        if language == "zh_CN":
            assert not verify.windowTitle().isascii() and not main.commands.verify.text().isascii()
        main.ask_on_quit = False
        main.close()
