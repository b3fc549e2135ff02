"""A bucket in another region than the profile says: followed once, learned, and said."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli, s3_home
from tests.helpers.fixtures import LocalServer, S3Client
from tests.helpers.region_gate import RegionGate

REGION = "eu-central-1"


@pytest.fixture
def gate(weed: LocalServer) -> Iterator[RegionGate]:
    g = RegionGate(int(weed.endpoint.rsplit(":", 1)[1]), REGION)
    yield g
    g.close()


def _profile_region(env: dict[str, str]) -> str:
    out = run_cli(env, "profile", "list", check=True).stdout.decode()
    (line,) = [x for x in out.splitlines() if x.startswith("far ")]
    return line.split()[3]


@pytest.mark.parametrize("size", [10_000, 11 * 2**20])
def test_upload_follows_the_bucket_to_its_region(
    size: int, gate: RegionGate, tmp_path: Path, raw_s3: S3Client
) -> None:
    """A small file (the lean PUT) and a multipart one (botocore) both end in the right region."""
    bucket = "rg-" + uuid.uuid4().hex[:12]
    raw_s3.create_bucket(Bucket=bucket)
    env = s3_home(tmp_path / "home", "far", gate.endpoint)
    data = os.urandom(size)
    (tmp_path / "f.bin").write_bytes(data)
    res = run_cli(
        env,
        "upload",
        str(tmp_path / "f.bin"),
        f"far:{bucket}/f.bin",
        "--threshold",
        "5MiB",
        "--part-size",
        "5MiB",
    )
    err = res.stderr.decode()
    assert res.returncode == 0, err
    assert f"bucket {bucket} is in region {REGION}; profile far uses it" in err
    body = raw_s3.get_object(Bucket=bucket, Key="f.bin")["Body"].read()
    assert hashlib.sha256(body).hexdigest() == hashlib.sha256(data).hexdigest()
    assert gate.refused, "the gate never saw the wrong region: nothing was tested"
    assert _profile_region(env) == REGION
    # Learned: the next run asks the right region first and is refused nothing.
    before = len(gate.refused)
    (tmp_path / "g.bin").write_bytes(data)
    again = run_cli(
        env,
        "upload",
        str(tmp_path / "g.bin"),
        f"far:{bucket}/g.bin",
        "--threshold",
        "5MiB",
        "--part-size",
        "5MiB",
    )
    assert again.returncode == 0, again.stderr.decode()
    assert gate.refused[before:] == []
    assert "is in region" not in again.stderr.decode()
