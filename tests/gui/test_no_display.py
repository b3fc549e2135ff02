"""Without a display the window cannot open: say so and what to set, instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.env import ROOT


def test_no_display_is_a_clear_message_and_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, "-m", "ui"], env=env, cwd=ROOT, capture_output=True, timeout=60)
    assert res.returncode == 2, res.stderr.decode()
    err = res.stderr.decode()
    assert "DISPLAY" in err and "QT_QPA_PLATFORM=offscreen" in err
    assert "Aborted" not in err and "qt.qpa" not in err
