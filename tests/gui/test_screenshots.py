"""Screenshots under a real X server (Xvfb): English and Chinese, light and dark, the dialogs,
and the drop -> pause -> quit -> relaunch -> resume flow. PNGs go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.xvfb import xvfb_display

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer


pytestmark = [pytest.mark.gui, pytest.mark.integration, pytest.mark.slow]
OUT = ROOT / "test-artifacts" / "screenshots"
SCRIPT = Path(__file__).with_name("render_screens.py")


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    with xvfb_display("1600x1000x24", "-dpi", "96") as display:
        yield display


def _render(xvfb: str, weed: LocalServer, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        {
            "DISPLAY": xvfb,
            "QT_QPA_PLATFORM": "xcb",
            "SKYLIFT_HOME": str(tmp_path / ("home-" + uuid.uuid4().hex[:6])),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "PYTHONPATH": str(ROOT),
            "LANG": "C.UTF-8",
        }
    )
    bucket = "shots-" + uuid.uuid4().hex[:8]
    argv = [sys.executable, str(SCRIPT), str(OUT), *args[:2], weed.endpoint, bucket, *args[2:]]
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        # A real Secret Service, so the profile dialog shows the keyring it stores secrets in.
        argv = ["dbus-run-session", "--", "bash", str(ROOT / "tests" / "keyring-session.sh"), *argv]
    proc = subprocess.run(
        argv,
        env=env,
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.mark.parametrize(
    ("lang", "scheme"), [("en", "light"), ("zh_CN", "light"), ("en", "dark"), ("zh_CN", "dark")]
)
def test_screenshots(xvfb: str, weed: LocalServer, tmp_path: Path, lang: str, scheme: str) -> None:
    _render(xvfb, weed, tmp_path, lang, scheme)
    tag = f"{lang}_{scheme}"
    for name in ("main", "drop_panel", "profile_dialog", "bucket_browser", "settings", "verify"):
        png = OUT / f"{name}_{tag}.png"
        assert png.stat().st_size > 10_000, png


def test_flow_screenshots(xvfb: str, weed: LocalServer, tmp_path: Path) -> None:
    _render(xvfb, weed, tmp_path, "en", "light", "--flow")
    for step in ("1_uploading", "2_paused", "3_relaunched", "4_finished"):
        assert (OUT / f"flow_{step}.png").stat().st_size > 10_000
