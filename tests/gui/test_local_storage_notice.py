"""The GUI hears when the built-in storage died and was restarted, in the status bar."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.gui.api import LOCAL, LOCAL_BUCKET, StorageNotice

pytestmark = [pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def local_window(tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from app.services.settings import Settings
    from ui.main_window import MainWindow

    settings = Settings(language="en", notifications=False, keep_awake=False)
    c = Controller(resolve_paths(str(tmp_path / "home")), settings)
    w = MainWindow(c, ask_destination=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.ask_on_quit = False
    w.close()
    c.close(10)


def test_a_killed_builtin_storage_is_restarted_and_the_window_says_so(local_window: Any, qtbot: Any) -> None:
    c = local_window.controller
    assert c.core.profiles.test(LOCAL) == [LOCAL_BUCKET]
    server = c.core.profiles.local_server
    with qtbot.waitSignal(c.notice, timeout=90_000) as sig:
        os.kill(server.pid, signal.SIGKILL)
    assert sig.args == [StorageNotice.RESTARTED.value]
    assert local_window.status.currentMessage() == (
        "The built-in storage stopped unexpectedly and was restarted"
    )
    assert c.core.profiles.test(LOCAL) == [LOCAL_BUCKET]
    assert c.core.profiles.local_server.pid != server.pid
