"""``--delete-after-verify``: a file is deleted only once its object is complete and proven, and a
process killed at any step of that sequence loses no file. The real ``skylift`` process, SeaweedFS
behind a fault proxy that holds one request so the kill lands exactly at that step."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from app.services.local_server import LocalServer
from tests.helpers.cli import run_cli, s3_home
from tests.helpers.env import ROOT
from tests.helpers.httpfault import HttpFaultProxy
from tests.reliability.faultrig import wait_until

pytestmark = pytest.mark.integration

MiB = 1024 * 1024
UP = ["--threshold", "5MiB", "--part-size", "5MiB", "--retries", "2", "--retry-interval", "0.1"]


@pytest.fixture
def proxy(weed: LocalServer) -> Iterator[HttpFaultProxy]:
    port = urlsplit(weed.endpoint).port
    assert port is not None
    p = HttpFaultProxy(port)
    yield p
    p.close()


@pytest.fixture
def home(tmp_path: Path, proxy: HttpFaultProxy) -> dict[str, str]:
    return s3_home(tmp_path / "home", "p", proxy.endpoint)


def _bucket(s3_backend: Any, tmp_path: Path) -> str:
    name = "mv-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(name)
    return name


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _object_sha(raw_s3: Any, bucket: str, key: str) -> str | None:
    try:
        return _sha(raw_s3.get_object(Bucket=bucket, Key=key)["Body"].read())
    except raw_s3.exceptions.NoSuchKey:
        return None


def test_a_folder_is_moved_file_by_file(
    tmp_path: Path, home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = _bucket(s3_backend, tmp_path)
    root = tmp_path / "outbox"
    (root / "sub").mkdir(parents=True)
    want = {"a.txt": os.urandom(100), "sub/b.bin": os.urandom(12 * MiB), "sub/空 c.txt": b""}
    for rel, data in want.items():
        (root / rel).write_bytes(data)
    res = run_cli(home, "upload", str(root), f"p:{bucket}/", "--delete-after-verify", *UP)
    assert res.returncode == 0, res.stderr.decode()
    assert "moved 3 file(s)" in res.stderr.decode()
    assert [p for p in root.rglob("*") if p.is_file()] == []
    for rel, data in want.items():
        assert _object_sha(raw_s3, bucket, f"outbox/{rel}") == _sha(data)


@pytest.mark.parametrize(
    ("step", "after"),
    [
        ("part", 1),  # a part on its way
        ("complete", 0),  # Complete sent, not answered
        ("head", 0),  # the engine's check of the completed object
        ("head", 1),  # DONE recorded, the move's own proof under way
    ],
)
@pytest.mark.parametrize("then", ["upload again", "resume"])
def test_killed_at_each_step_no_file_is_lost(
    tmp_path: Path,
    home: dict[str, str],
    proxy: HttpFaultProxy,
    s3_backend: Any,
    raw_s3: Any,
    step: str,
    after: int,
    then: str,
) -> None:
    bucket = _bucket(s3_backend, tmp_path)
    root = tmp_path / "outbox"
    root.mkdir()
    data = os.urandom(11 * MiB)
    f = root / "video.mp4"
    f.write_bytes(data)
    proxy.add(step, "stall", after=after)
    args = ["upload", str(root), f"p:{bucket}/", "--delete-after-verify", *UP]
    proc = subprocess.Popen([sys.executable, "-m", "app", *args], env=home, cwd=ROOT)
    try:
        wait_until(lambda: any(s.faulted == "stall" for s in proxy.of(step)), f"the {step} held")
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    proxy.clear()
    proxy.release()
    assert f.read_bytes() == data, "the file must stay until its object is proven"

    # The move's intent survives in the transfer: either way of going on finishes it.
    again = run_cli(home, *args) if then == "upload again" else run_cli(home, "resume", "--all")
    assert again.returncode == 0, again.stderr.decode()
    assert not f.exists()
    assert _object_sha(raw_s3, bucket, "outbox/video.mp4") == _sha(data)


def test_a_file_changed_while_its_object_is_proven_stays(
    tmp_path: Path, home: dict[str, str], proxy: HttpFaultProxy, s3_backend: Any
) -> None:
    bucket = _bucket(s3_backend, tmp_path)
    f = tmp_path / "draft.txt"
    f.write_bytes(b"version 1")
    proxy.add("head", "slow", after=1)  # the move's HEAD: the file changes meanwhile
    args = ["upload", str(f), f"p:{bucket}/", "--delete-after-verify", *UP]
    proc = subprocess.Popen([sys.executable, "-m", "app", *args], env=home, cwd=ROOT, stderr=subprocess.PIPE)
    wait_until(lambda: len(proxy.of("head")) >= 2, "the move's HEAD")
    f.write_bytes(b"version 2, longer")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err.decode()
    assert f.read_bytes() == b"version 2, longer"
    assert "kept: the file changed" in err.decode()


def test_an_object_another_tool_wrote_is_replaced_before_the_file_goes(
    tmp_path: Path, home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    """skip-same finds the object differs, uploads the file, and then moves it: never deletes on a
    name match alone."""
    bucket = _bucket(s3_backend, tmp_path)
    f = tmp_path / "same-name.txt"
    f.write_bytes(b"mine, 20 bytes long.")
    raw_s3.put_object(Bucket=bucket, Key="same-name.txt", Body=b"theirs, 20 bytes....")
    res = run_cli(home, "upload", str(f), f"p:{bucket}/", "--delete-after-verify", *UP)
    assert res.returncode == 0, res.stderr.decode()
    assert not f.exists()
    assert _object_sha(raw_s3, bucket, "same-name.txt") == _sha(b"mine, 20 bytes long.")
