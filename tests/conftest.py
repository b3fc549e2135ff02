"""Session-wide real servers: SeaweedFS on loopback (the same launcher the app uses)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ACCESS_KEY = "skylift-test-key"
SECRET_KEY = "skylift-test-secret-0123456789"


@pytest.fixture(scope="session")
def weed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from app.services.local_server import start_local_server

    server = start_local_server(tmp_path_factory.mktemp("weed"), access_key=ACCESS_KEY, secret_key=SECRET_KEY)
    yield server
    server.stop()


@pytest.fixture
def s3_backend(weed: object) -> object:
    from engine.backends.s3 import S3Backend
    from engine.providers import get_provider

    return S3Backend(
        get_provider("seaweedfs"),
        weed.endpoint,
        "us-east-1",
        True,  # type: ignore[attr-defined]
        ACCESS_KEY,
        SECRET_KEY,
    )


@pytest.fixture
def bucket(s3_backend: object) -> str:
    name = "t-" + uuid.uuid4().hex[:16]
    s3_backend.make_bucket(name)  # type: ignore[attr-defined]
    return name


@pytest.fixture
def raw_s3(weed: object) -> object:
    """A plain boto3 client for checking what the server holds, independent of Skylift."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=weed.endpoint,
        region_name="us-east-1",  # type: ignore[attr-defined]
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    ex = ThreadPoolExecutor(max_workers=8)
    yield ex
    ex.shutdown(wait=True, cancel_futures=False)


@pytest.fixture
def cli_home(tmp_path: Path, weed: object, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for ``skylift`` subprocesses: own SKYLIFT_HOME and a profile ``sw``."""
    env = dict(os.environ)
    env.update(
        {
            "SKYLIFT_HOME": str(tmp_path / "home"),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "PYTHONPATH": str(ROOT),
        }
    )
    run_cli(env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)  # type: ignore[attr-defined]
    return env


def run_cli(
    env: dict[str, str], *args: str, check: bool = False, input: bytes | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        input=input,
        timeout=timeout,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"skylift {' '.join(args)} exited {proc.returncode}:\n"
            f"{proc.stdout.decode()}\n{proc.stderr.decode()}"
        )
    return proc
