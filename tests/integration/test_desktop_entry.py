"""``skylift desktop-install``: a valid menu entry that starts this Skylift with the chosen files."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
from pathlib import Path

from tests.helpers.cli import run_cli
from tests.helpers.env import ROOT


def test_desktop_install_writes_a_valid_entry_that_claims_no_mime_types(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"), SKYLIFT_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = str(ROOT)
    res = run_cli(env, "desktop-install")
    assert res.returncode == 0, res.stderr.decode()
    entry = tmp_path / "share" / "applications" / "skylift.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "skylift.svg"
    assert icon.read_bytes().startswith(b"<")
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # type: ignore[assignment,method-assign]
    parsed.read(entry, encoding="utf-8")
    desk = parsed["Desktop Entry"]
    assert "MimeType" not in desk  # never the default opener of folders or unknown files
    program, *rest = shlex.split(desk["Exec"])
    assert rest == ["%F"] and os.access(program, os.X_OK) and Path(program).name == "skylift"
    res = run_cli(env, "desktop-install", "--remove")
    assert res.returncode == 0 and not entry.exists() and not icon.exists()
