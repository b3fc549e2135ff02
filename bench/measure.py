"""Run one client process and measure it: wall time, its CPU and peak RSS, and the server's CPU.

The child's resource usage comes from ``os.wait4`` (kernel accounting of the child and of the
children it waited for), so nothing runs inside the measured process but the client itself.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measured:
    rc: int
    wall_s: float
    user_s: float
    sys_s: float
    peak_rss_mb: float
    server_cpu_s: float
    timed_out: bool
    stdout: Path
    stderr: Path

    def tail(self, n: int = 600) -> str:
        text = self.stderr.read_text(errors="replace").strip() or self.stdout.read_text(errors="replace")
        return text.strip()[-n:]


def run_measured(
    argv: Sequence[str],
    env: dict[str, str],
    cwd: Path,
    out_dir: Path,
    name: str,
    server_cpu: Callable[[], float],
    timeout: float,
) -> Measured:
    out_dir.mkdir(parents=True, exist_ok=True)
    stdout, stderr = out_dir / f"{name}.out", out_dir / f"{name}.err"
    with open(stdout, "wb") as so, open(stderr, "wb") as se:
        cpu0 = server_cpu()
        t0 = time.monotonic()
        proc = subprocess.Popen(list(argv), env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=so, stderr=se)
        timed_out = threading.Event()

        def _expire() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, _expire)
        timer.start()
        try:
            _pid, status, ru = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - t0
        cpu1 = server_cpu()
    # wait4 reaped the child behind Popen's back; tell Popen so it does not wait again.
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        rc=proc.returncode,
        wall_s=wall,
        user_s=ru.ru_utime,
        sys_s=ru.ru_stime,
        peak_rss_mb=ru.ru_maxrss / 1024,  # Linux reports KiB
        server_cpu_s=cpu1 - cpu0,
        timed_out=timed_out.is_set(),
        stdout=stdout,
        stderr=stderr,
    )


def clean_env(extra: dict[str, str], path_dirs: Sequence[str] = ()) -> dict[str, str]:
    """A minimal environment: none of the machine's CA-bundle, proxy or AWS settings leak in (rclone
    refuses to start with AWS_CA_BUNDLE set, and the AWS tools would read ~/.aws)."""
    path = os.pathsep.join([*path_dirs, "/usr/local/bin", "/usr/bin", "/bin"])
    env = {"PATH": path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.update(extra)
    return env
