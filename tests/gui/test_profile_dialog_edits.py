"""The Profiles dialog as people meet it: the keyring by its known name, unsaved edits never
dropped on Close without asking, and the built-in storage's real address."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, QtBot

pytestmark = pytest.mark.gui


def _answer_next_box(button: QMessageBox.StandardButton, asked: list[str]) -> None:
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, look)
            return
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(50, look)


def _dialog(controller: Controller, qtbot: QtBot, name: str) -> object:
    from ui.profile_dialog import ProfileDialog

    dlg = ProfileDialog(controller)
    qtbot.addWidget(dlg)
    dlg.show()
    item = dlg.list.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    dlg.list.setCurrentItem(item)
    return dlg


def test_close_with_unsaved_edits_asks_and_each_answer_does_what_it_says(
    controller: Controller, qtbot: QtBot
) -> None:
    from ui.profile_dialog import ProfileDialog

    dlg = _dialog(controller, qtbot, "sw")
    assert isinstance(dlg, ProfileDialog)
    close: Callable[[], None] = dlg.buttons.button(QDialogButtonBox.StandardButton.Close).click
    dlg.region.clear()
    QTest.keyClicks(dlg.region, "eu-west-9")  # typed: an edit
    asked: list[str] = []
    _answer_next_box(QMessageBox.StandardButton.Cancel, asked)
    close()
    assert asked and "sw" in asked[0] and dlg.isVisible()
    _answer_next_box(QMessageBox.StandardButton.Save, asked)
    close()
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert controller.core.profiles.get("sw").region == "eu-west-9"

    again = _dialog(controller, qtbot, "sw")
    assert isinstance(again, ProfileDialog)
    QTest.keyClicks(again.region, "x")
    _answer_next_box(QMessageBox.StandardButton.Discard, asked)
    again.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert controller.core.profiles.get("sw").region == "eu-west-9"
    assert len(asked) == 3


def test_close_without_edits_does_not_ask(controller: Controller, qtbot: QtBot) -> None:
    from ui.profile_dialog import ProfileDialog

    dlg = _dialog(controller, qtbot, "sw")
    assert isinstance(dlg, ProfileDialog)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert not dlg.isVisible()


@pytest.mark.skipif(not os.environ.get("SKYLIFT_TEST_KEYRING"), reason="needs the test keyring session")
def test_the_keyring_is_named_as_people_know_it(controller: Controller, qtbot: QtBot) -> None:
    from ui.profile_dialog import ProfileDialog

    dlg = _dialog(controller, qtbot, "sw")
    assert isinstance(dlg, ProfileDialog)
    assert "GNOME Keyring (Secret Service)" in dlg.keyring.text()
    assert "keyring.backends" in dlg.keyring.toolTip()


def test_the_built_in_storage_shows_its_address(controller: Controller, qtbot: QtBot) -> None:
    from ui.profile_dialog import ProfileDialog

    controller.core.profiles.backend("local")  # starts it, as a first upload would
    server = controller.core.profiles.local_server
    assert server is not None
    dlg = _dialog(controller, qtbot, "local")
    assert isinstance(dlg, ProfileDialog)
    assert dlg.endpoint.text() == server.endpoint and not dlg.endpoint.isEnabled()
    assert server.endpoint in dlg.test_result.text()
