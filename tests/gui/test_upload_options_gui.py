"""The "Upload to" panel's Options section: prefilled from the profile's upload defaults, edited
as a person would, queued through the same path as the command line, and found on the object."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.helpers.fixtures import MainWindow, QtBot, S3Client

pytestmark = pytest.mark.gui


def _fill_panel(window: MainWindow) -> list[str]:
    """Open Options, check the prefill, type over some of it, then click Upload."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.drop_panel import DropPanel

    seen: list[str] = []

    def answer() -> None:
        panel = QApplication.activeModalWidget()
        if not isinstance(panel, DropPanel):
            QTimer.singleShot(50, answer)
            return
        box = panel.options
        seen.append("hidden" if not box.body.isVisible() else "shown")
        QTest.mouseClick(box.toggle, Qt.MouseButton.LeftButton)
        seen.append("shown" if box.body.isVisible() else "hidden")
        seen.append(f"prefilled cache-control={box.cache_control.text()}")
        seen.append(f"prefilled tags={box.tags.toPlainText()}")
        box.content_disposition.setText("attachment")
        box.tags.setPlainText(box.tags.toPlainText() + "\nenv=prod")
        box.metadata.setPlainText("owner=ops")
        box.acl.setCurrentIndex(box.acl.findData("private"))
        box.encryption.setCurrentIndex(box.encryption.findData("aes256"))
        # a bad line is said and blocks Upload until it is fixed
        box.tags.setPlainText(box.tags.toPlainText() + "\nnoequals")
        seen.append("blocked" if not panel.upload.isEnabled() else "not blocked")
        seen.append(panel.problem.text())
        box.tags.setPlainText(box.tags.toPlainText().replace("\nnoequals", ""))
        if not panel.upload.isEnabled():
            seen.append("refused: " + panel.problem.text())
            panel.reject()
            return
        QTest.mouseClick(panel.upload, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, answer)
    return seen


def test_panel_options_reach_the_transfer_and_the_object(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, raw_s3: S3Client, gui_bucket: str
) -> None:
    from engine.state import State

    core = window.controller.core
    core.profiles.set_upload_defaults("sw", {"cache_control": "max-age=60", "tags": {"team": "web"}})
    f = tmp_path / "report.pdf"
    f.write_bytes(os.urandom(5000))
    window.ask_destination = True
    seen = _fill_panel(window)
    req = window.queue_paths([str(f)])
    assert req is not None, seen
    assert seen[:4] == ["hidden", "shown", "prefilled cache-control=max-age=60", "prefilled tags=team=web"]
    assert seen[4] == "blocked" and "noequals" in seen[5], seen
    qtbot.waitUntil(lambda: window.model.count() == 1, timeout=10000)
    tid = window.model.id_at(0)
    qtbot.waitUntil(lambda: window.model.state_of(tid) is State.DONE, timeout=30000)
    row = core.store.get_transfer(tid)
    assert row is not None
    assert row.options == {
        "cache_control": "max-age=60",
        "content_disposition": "attachment",
        "acl": "private",
        "tags": {"team": "web", "env": "prod"},
        "sse": "aes256",
    }
    assert row.metadata.get("owner") == "ops"
    head = raw_s3.head_object(Bucket=gui_bucket, Key="drop/report.pdf")
    assert head["CacheControl"] == "max-age=60"
    assert head["ContentDisposition"] == "attachment"
    assert head["ServerSideEncryption"] == "AES256"
    assert head["Metadata"]["owner"] == "ops"
    tags = raw_s3.get_object_tagging(Bucket=gui_bucket, Key="drop/report.pdf")["TagSet"]
    assert {t["Key"]: t["Value"] for t in tags} == {"team": "web", "env": "prod"}
