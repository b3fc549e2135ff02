"""Profiles › Import…: the candidates from the usual files, checkboxes, and only the checked ones saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, QtBot

pytestmark = pytest.mark.gui


def test_import_checked_candidates(
    controller: Controller, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.services.keystore import load_secret
    from ui.import_dialog import ImportDialog
    from ui.profile_dialog import ProfileDialog

    home = tmp_path / "user"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        "[gui-keep]\naws_access_key_id = AKIAKEEP\naws_secret_access_key = keep-secret\n"
        "[gui-drop]\naws_access_key_id = AKIADROP\naws_secret_access_key = drop-secret\n"
    )
    (home / ".ossutilconfig").write_text(
        "[Credentials]\nendpoint = oss-cn-beijing.aliyuncs.com\naccessKeyID = LTAIx\nstsToken = t\n"
    )
    monkeypatch.setenv("HOME", str(home))
    for var in ("AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "RCLONE_CONFIG", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(var, raising=False)

    profiles = ProfileDialog(controller)
    qtbot.addWidget(profiles)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(50, answer)
            return
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            seen.append(item.text())
            if item.text().startswith("gui-drop"):
                item.setCheckState(Qt.CheckState.Unchecked)
        qtbot.mouseClick(dialog.import_btn, Qt.MouseButton.LeftButton)
        seen.append(dialog.summary.text())
        dialog.reject()

    QTimer.singleShot(50, answer)
    qtbot.mouseClick(profiles.import_btn, Qt.MouseButton.LeftButton)
    assert any(s.startswith("gui-keep — aws") for s in seen), seen
    assert any("skipped" in s and "stsToken" in s for s in seen), seen
    assert seen[-1].startswith("Imported: gui-keep")
    names = {p.name for p in controller.core.profiles.all()}
    assert "gui-keep" in names and "gui-drop" not in names
    row = controller.core.profiles.get("gui-keep")
    assert load_secret(row.keyring_ref) == "keep-secret"
    listed = [profiles.list.item(i).text() for i in range(profiles.list.count())]
    assert "gui-keep" in listed
    controller.core.profiles.remove("gui-keep")
