"""Session-wide real servers: SeaweedFS on loopback (the same launcher the app uses)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Re-exported: tests written against the old locations import these from here.
from tests.helpers.cli import run_cli, s3_home
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.oss_gateway import OssGateway
from tests.helpers.s3 import raw_s3_client
from tests.helpers.targets import OssTarget, S3Target, Target

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer, S3Backend, S3Client

__all__ = ["ACCESS_KEY", "ROOT", "SECRET_KEY", "run_cli"]


@pytest.fixture(scope="session")
def weed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    from app.services.local_server import start_local_server

    server = start_local_server(tmp_path_factory.mktemp("weed"), access_key=ACCESS_KEY, secret_key=SECRET_KEY)
    yield server
    server.stop()


@pytest.fixture
def s3_backend(weed: LocalServer) -> S3Backend:
    from engine.backends.s3 import S3Backend
    from engine.providers import get_provider

    return S3Backend(get_provider("seaweedfs"), weed.endpoint, "us-east-1", True, ACCESS_KEY, SECRET_KEY)


@pytest.fixture
def bucket(s3_backend: S3Backend) -> str:
    name = "t-" + uuid.uuid4().hex[:16]
    s3_backend.make_bucket(name)
    return name


@pytest.fixture
def raw_s3(weed: LocalServer) -> S3Client:
    """A plain boto3 client for checking what the server holds, independent of Skylift."""
    return raw_s3_client(weed.endpoint)


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    ex = ThreadPoolExecutor(max_workers=8)
    yield ex
    ex.shutdown(wait=True, cancel_futures=False)


@pytest.fixture
def cli_home(tmp_path: Path, weed: LocalServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for ``skylift`` subprocesses: own SKYLIFT_HOME and a profile ``sw``."""
    return s3_home(tmp_path / "home", "sw", weed.endpoint)


#: Protocols the shared matrix covers.
TARGET_KINDS = ["s3", "oss"]


@pytest.fixture(scope="session")
def oss_gateway_session() -> Iterator[OssGateway]:
    gateway = OssGateway(ACCESS_KEY, SECRET_KEY)
    yield gateway
    gateway.stop()


@pytest.fixture
def oss_gateway(oss_gateway_session: OssGateway) -> Iterator[OssGateway]:
    """The session's OSS gateway, with its fault knobs and request log reset after each test."""
    yield oss_gateway_session
    oss_gateway_session.reset()


@pytest.fixture(params=TARGET_KINDS)
def target(request: pytest.FixtureRequest) -> Target:
    if request.param == "s3":
        weed = request.getfixturevalue("weed")
        return S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)
    if request.param == "oss":
        gateway = request.getfixturevalue("oss_gateway")
        return OssTarget(gateway.endpoint, ACCESS_KEY, SECRET_KEY, region=gateway.region)
    raise AssertionError(f"unknown target {request.param}")
