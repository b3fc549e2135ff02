"""Keep the computer from sleeping while transfers run, where the OS lets us; else do nothing."""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import sys

log = logging.getLogger("skylift.awake")


class KeepAwake:
    """``hold()`` / ``release()``; idempotent. Linux: systemd-inhibit; macOS: caffeinate;
    Windows: SetThreadExecutionState. Anything missing is skipped silently (logged)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        if self._held:
            return
        self._held = True
        try:
            if sys.platform == "win32":
                import ctypes

                es_continuous, es_system_required = 0x80000000, 0x00000001
                ctypes.windll.kernel32.SetThreadExecutionState(  # type: ignore[attr-defined]
                    es_continuous | es_system_required
                )
            elif sys.platform == "darwin":
                self._spawn(["caffeinate", "-i"])
            else:
                self._spawn(
                    [
                        "systemd-inhibit",
                        "--what=sleep:idle",
                        "--who=Skylift",
                        "--why=Uploading files",
                        "--mode=block",
                        "sleep",
                        "infinity",
                    ]
                )
        except OSError as exc:
            log.info("cannot keep the computer awake here: %s", exc)

    def _spawn(self, argv: list[str]) -> None:
        if shutil.which(argv[0]) is None:
            log.info("%s not found; sleep is not inhibited", argv[0])
            return
        self._proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        if sys.platform == "win32":
            with contextlib.suppress(OSError, AttributeError):
                import ctypes

                ctypes.windll.kernel32.SetThreadExecutionState(0x80000000)  # type: ignore[attr-defined]
        if self._proc is not None:
            self._proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(2)
            self._proc = None
