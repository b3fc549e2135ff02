"""What every journey needs: a desktop (Xvfb + openbox), the real `skylift` window process,
input through xdotool only, screenshots of the whole screen, and waits on conditions read from
`skylift list --json` or the server.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.env import ROOT
from tests.helpers.xvfb import xvfb_display

MiB = 1024 * 1024
SHOTS = ROOT / "test-artifacts" / "journeys"
DRAG_SOURCE = Path(__file__).with_name("dragsource.py")


def until(what: str, cond: Callable[[], bool], timeout: float, every: float = 0.3) -> None:
    """Wait for ``cond``; a loaded machine gets the whole ``timeout``, never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out after {timeout:.0f} s waiting for: {what}"
        time.sleep(every)


@dataclass
class Desk:
    """One X display with a window manager; ``env`` runs programs (and `skylift`) on it."""

    display: str
    env: dict[str, str]
    shots: Path
    sources: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def xdo(self, *args: str, timeout: float = 30) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, timeout=timeout)
        assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr.decode()}"
        return done.stdout.decode()

    def key(self, *keys: str) -> None:
        """Keys to the focused window, as a keyboard sends them (XTEST)."""
        self.xdo("key", "--delay", "80", *keys)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "40", text)

    def windows(self, name: str) -> list[str]:
        """Visible windows whose title matches the regex ``name``."""
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            env=self.env,
            capture_output=True,
            timeout=30,
        )
        return found.stdout.decode().split()

    def wait_window(self, name: str, timeout: float = 90, proc: subprocess.Popen[bytes] | None = None) -> str:
        """The id of a mapped window titled ``name``, once it exists; a dead app fails at once."""
        found: list[str] = []

        def mapped() -> bool:
            if proc is not None:
                assert proc.poll() is None, f"the window process exited {proc.returncode}"
            found[:] = self.windows(name)
            return bool(found)

        until(f"a window titled {name!r}", mapped, timeout)
        return found[-1]

    def gone(self, name: str, timeout: float = 30) -> None:
        until(f"the window {name!r} closes", lambda: not self.windows(name), timeout)

    def activate(self, wid: str) -> None:
        """Raise and focus a window through the window manager, as a click on it would."""
        self.xdo("windowactivate", "--sync", wid)
        until(f"window {wid} has the focus", lambda: self.xdo("getactivewindow").strip() == wid, 20)

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        out = self.xdo("getwindowgeometry", "--shell", wid)
        g = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])

    def shot(self, name: str) -> None:
        """The whole screen (dialogs and window manager frames included) to SHOTS/name.png."""
        self.shots.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "grab-window.py"), "0", str(self.shots / f"{name}.png")],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )

    def drag(self, paths: list[Path], target: str) -> None:
        """Drag ``paths`` from a separate drag-source window onto the window ``target`` (XDND)."""
        self.close_sources()  # one source window at a time: the one found is the one dragged
        src = subprocess.Popen(
            [sys.executable, str(DRAG_SOURCE), *map(str, paths)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wid = self.wait_window("^Drag source$", proc=src)
            self.activate(wid)
            sx, sy, sw, sh = self.geometry(wid)
            tx, ty, tw, th = self.geometry(target)
            x0, y0 = sx + sw // 2, sy + sh // 2
            x1, y1 = tx + tw // 2, ty + th // 2
            self.xdo("mousemove", "--sync", str(x0), str(y0))
            self.xdo("mousedown", "1")
            # Steps: Qt starts a drag only after the pointer moves past the drag distance, and
            # XDND sends enter/position as the pointer crosses into the target.
            for i in range(1, 21):
                x, y = x0 + (x1 - x0) * i // 20, y0 + (y1 - y0) * i // 20
                self.xdo("mousemove", str(x), str(y))
                time.sleep(0.05)
            self.shot_quiet("drag_over_target")
            self.xdo("mouseup", "1")
        finally:
            # Not ended here: Qt's drag returns at the drop, but the target reads the URLs
            # from the source afterwards, as from a file manager that stays open.
            self.sources.append(src)

    def close_sources(self) -> None:
        for src in self.sources:
            src.terminate()
            src.wait(20)
        self.sources.clear()

    def shot_quiet(self, name: str) -> None:
        try:
            self.shot(name)
        except subprocess.SubprocessError:
            pass


@contextmanager
def desk(tmp_path: Path, test_name: str) -> Iterator[Desk]:
    """Xvfb with openbox on it, so windows get focus and frames as on a desktop."""
    if shutil.which("openbox") is None or shutil.which("xdotool") is None:
        pytest.skip("openbox and xdotool are not installed (scripts/setup.sh test installs them)")
    with xvfb_display("1280x800x24") as display:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
        env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")  # openbox's own config: none, defaults
        wm = subprocess.Popen(
            ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        d = Desk(display, env, SHOTS / test_name)
        try:
            # EWMH answers only once a window manager owns the screen.
            until(
                "openbox manages the screen",
                lambda: (
                    subprocess.run(
                        ["xdotool", "get_num_desktops"], env=env, capture_output=True, timeout=10
                    ).returncode
                    == 0
                ),
                30,
            )
            yield d
        finally:
            d.close_sources()
            wm.terminate()
            wm.wait(10)


class App:
    """The `skylift` window process (``python -m ui``), its stderr in a log file."""

    def __init__(self, d: Desk, log: Path) -> None:
        self.desk = d
        self.log = log
        with log.open("ab") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "ui"], env=d.env, cwd=ROOT, stderr=err)
        self.wid = d.wait_window("^Skylift$", proc=self.proc)

    def focus(self) -> None:
        self.desk.activate(self.wid)

    def quit(self, timeout: float = 60) -> None:
        """Ctrl+Q; the app pauses what runs, writes its checkpoint and exits."""
        if self.proc.poll() is None:
            self.focus()
            self.desk.key("ctrl+q")
        self.wait_exit(timeout)

    def wait_exit(self, timeout: float = 60) -> None:
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
            raise AssertionError(f"the window process did not exit within {timeout:.0f} s") from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)


def rows(env: dict[str, str]) -> list[dict[str, Any]]:
    out = run_cli(env, "list", "--json", check=True, timeout=120).stdout.decode()
    return [json.loads(x) for x in out.splitlines() if x.startswith("{")]


def states(env: dict[str, str]) -> list[str]:
    return [r["state"] for r in rows(env)]


def all_done(env: dict[str, str], count: int) -> bool:
    s = states(env)
    return len(s) == count and all(x == "done" for x in s)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by its path relative to the folder's parent: its sha256."""
    return {
        p.relative_to(folder.parent).as_posix(): sha256(p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def settings(env: dict[str, str], **values: Any) -> None:
    """Write the app's settings file before a launch (a setting as the Settings dialog saves it)."""
    path = Path(env["SKYLIFT_HOME"]) / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    current.update({"language": "en", **values})
    path.write_text(json.dumps(current))


def local_objects(env: dict[str, str], bucket: str = "skylift") -> dict[str, str]:
    """Every object of the built-in storage's ``bucket``: its sha256, read through S3 from a
    server of our own on the home's data (the app must have quit: one server per data dir)."""
    from app.services.local_server import start_local_server
    from tests.helpers.env import ACCESS_KEY, SECRET_KEY
    from tests.helpers.s3 import raw_s3_client

    data = Path(env["SKYLIFT_HOME"]) / "data" / "local-storage"
    server = start_local_server(data, access_key=ACCESS_KEY, secret_key=SECRET_KEY, timeout=120)
    try:
        s3 = raw_s3_client(server.endpoint)
        out: dict[str, str] = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for obj in page.get("Contents", []):
                out[obj["Key"]] = sha256(s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read())
        return out
    finally:
        server.stop()


def part_numbers(targets: list[str]) -> list[int]:
    """The partNumber of each UploadPart request target (query string) in ``targets``."""
    from urllib.parse import parse_qs, urlsplit

    return [int(parse_qs(urlsplit(t).query)["partNumber"][0]) for t in targets]


def sw_home(d: Desk, endpoint: str, bucket: str, **values: Any) -> None:
    """A profile ``sw`` at ``endpoint`` and the Upload-to panel pointed at ``bucket`` on it."""
    from tests.helpers.env import ACCESS_KEY, SECRET_KEY

    d.env.update(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY)
    run_cli(d.env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", endpoint, check=True)
    dest = {"profile": "sw", "bucket": bucket, "prefix": ""}
    settings(d.env, last_destination=dest, part_size=5 * MiB, threshold=5 * MiB, **values)


def drop_and_upload(d: Desk, app: App, paths: list[Path], shot: str) -> None:
    """Drag ``paths`` onto the window and press Enter in the Upload-to panel."""
    d.drag(paths, app.wid)
    panel = d.wait_window("^Upload to$", proc=app.proc)
    d.activate(panel)
    d.shot(shot)
    d.key("Return")
    d.gone("^Upload to$")
