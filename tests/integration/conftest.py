"""The ``target`` fixture: every matrix test runs once per storage protocol."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.oss_gateway import OssGateway
from tests.helpers.targets import OssTarget, S3Target, Target

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
