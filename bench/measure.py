"""Run one client process and measure it: wall time, its CPU and peak RSS, and the server's CPU.

The child's CPU comes from ``os.wait4`` (kernel accounting of the child and of the children it
waited for), so nothing runs inside the measured process but the client itself. Peak RSS comes from
GNU time wrapped around the client: a process exec'd straight from this one inherits this
process's high-water mark (Linux keeps ``maxrss`` across exec, and fork/vfork start from the
parent's memory), which put every client at ≥ 64 MB; GNU time's own child starts from GNU time's
few hundred KiB.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
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
    rss_file = out_dir / f"{name}.rss"
    gnu_time = gnu_time_binary()
    if gnu_time:
        argv = [gnu_time, "-f", "%M", "-o", str(rss_file), "--", *argv]
    with open(stdout, "wb") as so, open(stderr, "wb") as se:
        cpu0 = server_cpu()
        t0 = time.monotonic()
        proc = subprocess.Popen(
            list(argv),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=so,
            stderr=se,
            start_new_session=True,  # a timeout kills the client's whole group, not only GNU time
        )
        timed_out = threading.Event()

        def _expire() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

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
    rss_kib = float(ru.ru_maxrss)  # Linux reports KiB; an overestimate without GNU time
    if gnu_time:
        try:
            rss_kib = float(rss_file.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass  # killed before GNU time could write: keep wait4's figure
    return Measured(
        rc=proc.returncode,
        wall_s=wall,
        user_s=ru.ru_utime,
        sys_s=ru.ru_stime,
        peak_rss_mb=rss_kib / 1024,
        server_cpu_s=cpu1 - cpu0,
        timed_out=timed_out.is_set(),
        stdout=stdout,
        stderr=stderr,
    )


def gnu_time_binary() -> str | None:
    found = shutil.which("time", path="/usr/bin:/bin")
    return found if found and os.access(found, os.X_OK) else None


def clean_env(extra: dict[str, str], path_dirs: Sequence[str] = ()) -> dict[str, str]:
    """A minimal environment: none of the machine's CA-bundle, proxy or AWS settings leak in (rclone
    refuses to start with AWS_CA_BUNDLE set, and the AWS tools would read ~/.aws)."""
    path = os.pathsep.join([*path_dirs, "/usr/local/bin", "/usr/bin", "/bin"])
    env = {"PATH": path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.update(extra)
    return env
