"""The ``target`` fixture: every matrix test runs once per storage protocol."""

from __future__ import annotations

import pytest

from tests.conftest import ACCESS_KEY, SECRET_KEY
from tests.integration.targets import S3Target, Target

#: Protocols the shared matrix covers; the OSS gateway target joins as "oss".
TARGET_KINDS = ["s3"]


@pytest.fixture(params=TARGET_KINDS)
def target(request: pytest.FixtureRequest) -> Target:
    if request.param == "s3":
        weed = request.getfixturevalue("weed")
        return S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)
    raise AssertionError(f"unknown target {request.param}")
