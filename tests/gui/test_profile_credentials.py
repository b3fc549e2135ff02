"""The profile dialog's credential sources: a key with a session token, an AWS config profile,
the environment."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.gui.api import State
from tests.helpers.env import ACCESS_KEY, SECRET_KEY

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, LocalServer, QtBot

pytestmark = pytest.mark.gui


def _pick(combo: object, data: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_profile_dialog_saves_each_credential_source_and_tests_an_aws_profile(
    controller: Controller,
    qtbot: QtBot,
    weed: LocalServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt

    from app.services import keystore
    from ui.profile_dialog import ProfileDialog

    # An AWS config profile holding the built-in SeaweedFS's key: the dialog's connection test
    # must reach the server through botocore's chain with nothing typed in the key fields.
    (tmp_path / "credentials").write_text(
        f"[dev]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n"
    )
    (tmp_path / "config").write_text("")
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")

    dlg = ProfileDialog(controller)
    qtbot.addWidget(dlg)
    profiles = controller.core.profiles

    dlg.new_btn.click()
    dlg.name.setText("viaaws")
    _pick(dlg.provider, "seaweedfs")
    dlg.endpoint.setText(weed.endpoint)
    _pick(dlg.source, "aws")
    # The key fields mean nothing for this source: they cannot be typed in.
    assert dlg.aws_profile.isEnabled()
    assert not (dlg.key_id.isEnabled() or dlg.secret.isEnabled() or dlg.session_token.isEnabled())
    dlg.aws_profile.setText("dev")
    dlg.test_btn.click()
    qtbot.waitUntil(lambda: dlg.test_btn.isEnabled(), timeout=30000)
    assert dlg.test_result.text().startswith("Connected"), dlg.test_result.text()
    dlg._on_save()
    row = profiles.get("viaaws")
    assert (row.aws_profile, row.access_key_id, row.keyring_ref) == ("dev", "", "")

    # A temporary key: the session token goes to the keyring, never to the checkpoint DB.
    dlg.new_btn.click()
    dlg.name.setText("temp")
    _pick(dlg.provider, "seaweedfs")
    dlg.endpoint.setText(weed.endpoint)
    _pick(dlg.source, "keys")
    assert dlg.session_token.isEnabled() and not dlg.aws_profile.isEnabled()
    dlg.key_id.setText("ASIATEMPKEY")
    dlg.secret.setText("temp-secret-value")
    dlg.session_token.setText("temp-session-token-value")
    dlg._on_save()
    assert dlg.session_token.text() == "" and dlg.secret.text() == ""
    assert keystore.load_secret(keystore.token_ref("temp", "ASIATEMPKEY")) == "temp-session-token-value"
    with sqlite3.connect(controller.paths.db) as conn:
        dump = "\n".join(conn.iterdump())
    assert "temp-session-token-value" not in dump and "temp-secret-value" not in dump
    creds = profiles.credentials(profiles.get("temp"))
    assert (creds.access_key_id, creds.secret, creds.token) == (
        "ASIATEMPKEY",
        "temp-secret-value",
        "temp-session-token-value",
    )

    # The environment / default chain: neither a key nor an AWS profile name is kept.
    dlg.new_btn.click()
    dlg.name.setText("fromenv")
    _pick(dlg.provider, "seaweedfs")
    dlg.endpoint.setText(weed.endpoint)
    _pick(dlg.source, "env")
    dlg._on_save()
    row = profiles.get("fromenv")
    assert (row.aws_profile, row.access_key_id) == ("", "")

    # Selecting a saved profile shows the source it was saved with.
    for name, source in (("viaaws", "aws"), ("temp", "keys"), ("fromenv", "env")):
        items = dlg.list.findItems(name, Qt.MatchFlag.MatchExactly)
        dlg.list.setCurrentItem(items[0])
        assert dlg.source.currentData() == source, name
    assert dlg.aws_profile.text() == ""  # "fromenv" is selected last


def test_a_transfer_paused_for_a_refused_key_says_why_in_the_queue() -> None:
    from app.gui.bridge import TransferChanges, TransferInfo
    from ui.transfer_model import COL_ERROR, TransferModel

    m = TransferModel()
    m.add([TransferInfo(1, "a.bin", "sw", "b", "a.bin", 10, State.RUNNING, 0, "/tmp/a.bin")])
    detail = "ExpiredToken: The provided token has expired; the access key was refused: renew the token"
    m.apply(TransferChanges(states={1: (State.PAUSED, "auth", detail)}))
    expired = "The session token has expired or is invalid — renew it in Profiles"
    assert m.index(0, COL_ERROR).data() == expired
    assert "renew the token" in m.index(0, COL_ERROR).data(0x03)  # ToolTipRole
    # A pause the user asked for carries no error: the column stays empty.
    m.apply(TransferChanges(states={1: (State.QUEUED, "", "")}))
    m.apply(TransferChanges(states={1: (State.PAUSED, "", "")}))
    assert m.index(0, COL_ERROR).data() == ""


@pytest.mark.integration
def test_resume_after_a_refused_key_reads_the_credentials_again(
    controller: Controller, gui_bucket: str, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The environment's secret is wrong: the upload pauses with the reason. Once the
    environment is right, Resume reads the credentials again (the profile row did not change, so
    only the refusal can tell the window to drop the backend holding the refused key)."""
    from app.gui.uploads import UploadRequest

    c = controller
    src = tmp_path / "f.txt"
    src.write_bytes(b"resumed with the right key\n")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    c.core.profiles.renew("sw")  # the fixture's backend was made with the right key
    c.enqueue(UploadRequest([str(src)], "sw", gui_bucket, "", "overwrite"))
    qtbot.waitUntil(lambda: bool(c.engine.ids([State.PAUSED])), timeout=30000)
    (tid,) = c.engine.ids([State.PAUSED])
    (view,) = c.engine.views([tid])
    assert view.error_code == "auth" and "SignatureDoesNotMatch" in view.error_detail, view
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    c.resume([tid])
    qtbot.waitUntil(lambda: c.engine.state_of(tid) in (State.DONE, State.PAUSED, State.FAILED), timeout=30000)
    qtbot.waitUntil(lambda: not c.engine.busy(), timeout=30000)
    assert c.engine.state_of(tid) is State.DONE, c.engine.views([tid])
