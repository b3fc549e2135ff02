"""The desktop entry and icon that put Skylift in the applications menu and "Open With".

The entry names no MIME types: an upload manager should be offered for files, never become the
default program that opens folders or unknown files. ``Exec`` passes the chosen files (``%F``),
which opens the window (or the running one) with "Upload to" for them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "skylift.svg"


@dataclass(frozen=True)
class Installed:
    entry: Path
    icon: Path


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> str:
    """The program the menu should start: the bundle's executable, or this environment's skylift."""
    if getattr(sys, "frozen", False):
        # The bundle has a windowed `skylift` beside the console `skylift-cli` that may run this.
        window = Path(sys.executable).with_name("skylift.exe" if sys.platform == "win32" else "skylift")
        return str(window) if window.exists() else sys.executable
    beside = Path(sys.executable).with_name("skylift")
    if beside.exists():
        return str(beside)
    found = shutil.which("skylift")
    if found:
        return found
    raise FileNotFoundError("the 'skylift' program was not found; install Skylift (pip install -e .) first")


def entry_text(exe: str) -> str:
    quoted = '"' + exe.replace("\\", "\\\\").replace('"', '\\"') + '"' if " " in exe else exe
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Skylift",
            "GenericName=Upload Manager",
            "GenericName[zh_CN]=上传管理器",
            "Comment=Resumable uploads to object storage",
            "Comment[zh_CN]=可断点续传的对象存储上传工具",
            f"Exec={quoted} %F",
            f"TryExec={exe}",
            "Icon=skylift",
            "Terminal=false",
            "Categories=Network;FileTransfer;",
            "Keywords=S3;OSS;upload;object storage;",
            "StartupWMClass=skylift",
            "",
        ]
    )


def install() -> Installed:
    base = data_home()
    entry = base / "applications" / "skylift.desktop"
    icon = base / "icons" / "hicolor" / "scalable" / "apps" / "skylift.svg"
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(entry_text(launcher()), encoding="utf-8")
    shutil.copyfile(ICON, icon)
    _refresh(entry.parent)
    return Installed(entry, icon)


def remove() -> Installed:
    base = data_home()
    icon = base / "icons" / "hicolor" / "scalable" / "apps" / "skylift.svg"
    gone = Installed(base / "applications" / "skylift.desktop", icon)
    gone.entry.unlink(missing_ok=True)
    gone.icon.unlink(missing_ok=True)
    _refresh(gone.entry.parent)
    return gone


def _refresh(applications: Path) -> None:
    # Menus pick the entry up without it on most desktops; the cache only makes it quicker.
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run([tool, str(applications)], capture_output=True, check=False)
