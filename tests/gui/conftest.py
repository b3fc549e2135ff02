"""GUI fixtures: a controller with a profile ``sw`` on the session SeaweedFS, and the window."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, LocalServer, MainWindow, QApplication, QtBot


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """scripts/setup.sh compiles the .qm files; a bare ``pytest`` in a fresh clone does it here."""
    import subprocess
    import sys

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def gui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("SKYLIFT_HOME", str(home))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    return home


@pytest.fixture
def gui_bucket() -> str:
    return "g-" + uuid.uuid4().hex[:12]


@pytest.fixture
def controller(
    gui_home: Path, weed: LocalServer, gui_bucket: str, qapp: QApplication
) -> Iterator[Controller]:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from app.services.settings import SavedDestination, Settings

    # The flat view: these tests count files as rows; tests of drops as groups turn it on.
    settings = Settings(language="en", notifications=False, keep_awake=False, group_by_drop=False)
    settings.last_destination = SavedDestination("sw", gui_bucket, "drop/")
    c = Controller(resolve_paths(), settings)
    c.core.profiles.add("sw", "seaweedfs", endpoint=weed.endpoint)
    c.core.profiles.backend("sw").make_bucket(gui_bucket)
    yield c
    c.close(10)


@pytest.fixture
def window(controller: Controller, qtbot: QtBot) -> Iterator[MainWindow]:
    from ui.main_window import MainWindow

    w = MainWindow(controller, ask_destination=False)
    # Not qtbot.addWidget: qtbot would close the window before this fixture's teardown, and a
    # test that ends with a transfer still running would then wait on the quit question forever.
    w.show()
    yield w
    w.ask_on_quit = False
    w.close()
    w.deleteLater()


def engine_pause_is_broken() -> bool:
    """engine/backends/s3.py's classify() raises TypeError (``tuple | type``) on client errors,
    so a pause mid-part fails the transfer as "internal" instead of pausing it."""
    import botocore.exceptions as bex

    from engine.backends.s3 import classify
    from engine.errors import Interrupted

    try:
        classify(bex.HTTPClientError(error=Interrupted()))
    except TypeError:
        return True
    return False


def engine_single_put_is_broken() -> bool:
    """A single-PUT upload goes RUNNING -> DONE, which engine/state.py does not allow."""
    from engine.state import State, can_transition

    return not can_transition(State.RUNNING, State.DONE)
