"""The built-in ``local`` storage through the real app layer: it outlives idle pool threads.

The embedded SeaweedFS is tied to the thread that forked it (``PR_SET_PDEATHSIG``). QThreadPool
retires idle threads after ``expiryTimeout``, so a server forked by a worker died half a minute
after the queue went quiet. These tests shrink the expiry to a second and let real time pass.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.core import AppCore, Destination, UploadOptions
from app.services.paths import resolve_paths
from app.services.profiles import LOCAL, LOCAL_BUCKET
from engine.events import Finished, ListSink
from engine.scheduler import EngineSettings
from engine.state import State

pytestmark = pytest.mark.integration
MiB = 1024 * 1024
EXPIRY_MS = 1000


def wait_for(cond: Callable[[], bool], timeout: float, what: str, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped (Popen.poll() cannot tell while another
    thread is blocked in wait() on the same child)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def record_workers(core: AppCore) -> set[int]:
    """Native ids of the pool threads that run the engine's tasks, from now on."""
    seen: set[int] = set()
    submit = core.executor.submit

    def recording(fn: Callable[[], None]) -> None:
        def task() -> None:
            seen.add(threading.get_native_id())
            fn()

        submit(task)

    core.executor.submit = recording  # type: ignore[method-assign]
    return seen


def running(tids: set[int]) -> set[int]:
    return {t for t in tids if Path(f"/proc/self/task/{t}").exists()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def core(tmp_path: Path) -> Iterator[tuple[AppCore, ListSink]]:
    sink = ListSink()
    settings = EngineSettings(concurrency=2, part_size=5 * MiB, threshold=5 * MiB)
    c = AppCore(resolve_paths(str(tmp_path / "home")), sink, settings)
    c.executor.pool.setExpiryTimeout(EXPIRY_MS)
    yield c, sink
    c.close(10)


def upload(core: AppCore, sink: ListSink, path: Path, key: str) -> Finished:
    (tid,) = core.enqueue([str(path)], Destination(LOCAL, LOCAL_BUCKET, key), UploadOptions())
    assert core.engine.wait_idle(120), "the upload did not finish within 120 s"
    (done,) = [e for e in sink.of(Finished) if isinstance(e, Finished) and e.transfer_id == tid]
    return done


def raw_client(core: AppCore) -> Any:
    """A boto3 client of its own, so what the server holds is checked independently of Skylift."""
    import boto3
    from botocore.config import Config

    server = core.profiles.local_server
    assert server is not None
    return boto3.client(
        "s3",
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id=server.access_key,
        aws_secret_access_key=server.secret_key,
        config=Config(
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )


def test_local_storage_outlives_the_pool_threads_that_first_asked_for_it(
    core: tuple[AppCore, ListSink], tmp_path: Path
) -> None:
    c, sink = core
    first, second = tmp_path / "first.bin", tmp_path / "second.bin"
    first.write_bytes(os.urandom(7 * MiB))  # two parts: several pool threads take part
    second.write_bytes(os.urandom(6 * MiB + 123))

    workers = record_workers(c)
    done = upload(c, sink, first, "idle/first.bin")
    assert done.state is State.DONE, done.detail
    server = c.profiles.local_server
    assert server is not None
    pid = server.pid

    # The condition is the passage of time itself: every worker of the pool retires once it has
    # been idle for EXPIRY_MS. Before the fix the server was forked by one of them.
    assert workers
    wait_for(lambda: not running(workers), 30, "the pool's idle threads to retire")
    # SIGTERM from the dying thread takes a moment to bring weed down: watch for a while.
    watch_until = time.monotonic() + 3 * EXPIRY_MS / 1000
    while time.monotonic() < watch_until:
        assert alive(pid), "the built-in storage died when the pool retired its idle threads"
        time.sleep(0.1)

    done = upload(c, sink, second, "idle/second.bin")
    assert done.state is State.DONE, f"second upload: {done.error_code}: {done.detail}"
    assert c.profiles.local_server is not None and c.profiles.local_server.pid == pid, "restarted, not kept"

    s3 = raw_client(c)
    for path, key in ((first, "idle/first.bin"), (second, "idle/second.bin")):
        body = s3.get_object(Bucket=LOCAL_BUCKET, Key=key)["Body"].read()
        assert sha256(body) == sha256(path.read_bytes()), key


def test_a_killed_server_is_restarted_on_the_same_endpoint_and_the_app_is_told(
    core: tuple[AppCore, ListSink], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from app.services.local_server import StorageEvent, StorageNotice

    caplog.set_level(logging.INFO, logger="skylift.local_storage")
    c, sink = core
    events: list[StorageEvent] = []
    c.profiles.local_storage.add_listener(events.append)
    first, second = tmp_path / "first.bin", tmp_path / "second.bin"
    first.write_bytes(os.urandom(6 * MiB))
    second.write_bytes(os.urandom(7 * MiB + 5))

    done = upload(c, sink, first, "crash/first.bin")
    assert done.state is State.DONE, done.detail
    old = c.profiles.local_server
    assert old is not None

    os.kill(old.pid, signal.SIGKILL)
    wait_for(lambda: bool(events), 10, "the owner to notice that the server died")
    assert events[0].notice is StorageNotice.STOPPED
    # Upload while it is still restarting: the request waits for the server instead of failing.
    done = upload(c, sink, second, "crash/second.bin")
    assert done.state is State.DONE, f"upload after the crash: {done.error_code}: {done.detail}"

    assert [e.notice for e in events] == [StorageNotice.STOPPED, StorageNotice.RESTARTED]
    new = c.profiles.local_server
    assert new is not None and new.pid != old.pid and alive(new.pid) and not alive(old.pid)
    # Same key pair and, the port being free, the same endpoint: backends made before stay good.
    assert (new.endpoint, new.access_key, new.secret_key) == (old.endpoint, old.access_key, old.secret_key)
    s3 = raw_client(c)
    for path, key in ((first, "crash/first.bin"), (second, "crash/second.bin")):
        body = s3.get_object(Bucket=LOCAL_BUCKET, Key=key)["Body"].read()
        assert sha256(body) == sha256(path.read_bytes()), key
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("stopped unexpectedly" in m and str(old.pid) in m for m in warnings), warnings
    assert any("was restarted" in m for m in warnings), warnings


def test_close_stops_the_server_and_joins_its_owner_thread(tmp_path: Path) -> None:
    c = AppCore(resolve_paths(str(tmp_path / "home")), ListSink())
    try:
        assert c.profiles.test(LOCAL) == [LOCAL_BUCKET]
        server = c.profiles.local_server
        assert server is not None and alive(server.pid)
        (owner,) = [t for t in threading.enumerate() if t.name == "skylift-local-storage"]
    finally:
        c.close(10)
    assert not owner.is_alive()
    assert not alive(server.pid), "weed outlived Skylift's close()"
    assert not (server.data_dir / "weed.pid").exists()
    assert c.profiles.local_server is None


_HOLDER = """
import sys, threading
from app.services.core import AppCore
from app.services.paths import resolve_paths
from engine.events import NullSink

core = AppCore(resolve_paths(sys.argv[1]), NullSink())
asked = threading.Event()
# Started from a pool worker, as uploads do.
core.executor.submit(lambda: (core.profiles.test("local"), asked.set()))
asked.wait(120)
print(core.profiles.local_server.pid, flush=True)
sys.stdin.read()
"""


def test_a_sigkilled_skylift_takes_its_builtin_storage_with_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path / "home")],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode().strip()
        assert line.isdigit(), f"the holder printed {line!r}"
        pid = int(line)
        assert alive(pid)
    finally:
        proc.kill()
        proc.wait()
    wait_for(lambda: not alive(pid), 30, "weed to follow the SIGKILLed Skylift")


def test_close_while_the_server_is_still_starting_leaves_no_weed(tmp_path: Path) -> None:
    from app.services.local_server import LocalServerError, LocalStorage

    storage = LocalStorage(tmp_path / "storage", (LOCAL_BUCKET,))
    outcome: list[object] = []

    def ask() -> None:
        try:
            outcome.append(storage.server())
        except LocalServerError as exc:
            outcome.append(exc)

    asker = threading.Thread(target=ask)
    asker.start()
    pid_file = tmp_path / "storage" / "weed.pid"
    wait_for(pid_file.exists, 30, "weed to be spawned")
    pid = int(pid_file.read_text())
    storage.close()
    asker.join(30)
    assert not alive(pid), "weed outlived close() during its start"
    assert len(outcome) == 1
    assert isinstance(outcome[0], LocalServerError) and "shut down" in str(outcome[0]), outcome


def test_a_restart_that_fails_is_reported_and_requests_get_a_clear_error(
    core: tuple[AppCore, ListSink], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.local_server import StorageEvent, StorageNotice
    from engine.errors import ErrorCode, SkyliftError

    c, _sink = core
    events: list[StorageEvent] = []
    c.profiles.local_storage.add_listener(events.append)
    assert c.profiles.test(LOCAL) == [LOCAL_BUCKET]
    server = c.profiles.local_server
    assert server is not None
    # From now on the program cannot start: the restart must fail, and say so.
    monkeypatch.setattr("app.services.local_server.weed_binary", lambda: "/bin/false")
    os.kill(server.pid, signal.SIGKILL)
    wait_for(lambda: len(events) >= 2, 60, "the restart to be attempted")
    assert [e.notice for e in events] == [StorageNotice.STOPPED, StorageNotice.RESTART_FAILED]
    assert "exited with code 1" in events[1].detail
    with pytest.raises(SkyliftError) as err:
        c.profiles.test(LOCAL)
    assert err.value.code is ErrorCode.NETWORK
    assert "built-in local storage could not start" in err.value.detail
