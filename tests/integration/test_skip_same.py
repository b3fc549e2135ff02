"""``--if-exists skip-same`` decides by content against SeaweedFS: the checksums Skylift records,
the server's own checksums, and objects other tools made."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import json_events, run_cli

pytestmark = pytest.mark.integration

MiB = 1024 * 1024


def _bucket(s3_backend: Any, tmp_path: Path, tag: str) -> str:
    name = f"{tag}-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(name)
    return name


def _stamps(raw_s3: Any, bucket: str) -> dict[str, tuple[Any, str]]:
    pages = raw_s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {o["Key"]: (o["LastModified"], o["ETag"]) for p in pages for o in p.get("Contents", [])}


def _folder(root: Path, n: int, size: int = 1000) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"f{i:04d}.bin").write_bytes(os.urandom(size))
    return root


def test_rerun_of_an_unchanged_folder_sends_nothing_and_says_so(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = _bucket(s3_backend, tmp_path, "rerun")
    src = _folder(tmp_path / "many", 300)
    dest = f"sw:{bucket}/"
    run_cli(cli_home, "upload", str(src), dest, check=True)
    before = _stamps(raw_s3, bucket)
    again = run_cli(cli_home, "upload", str(src), dest, "--if-exists", "skip-same", "--json")
    assert again.returncode == 0, again.stderr.decode()
    assert "300 unchanged, skipped" in again.stderr.decode()
    (said,) = json_events(again.stdout, "skipped")
    assert said["count"] == 300 and said["unproven"] == 0
    assert not json_events(again.stdout, "summary")  # no transfer ran
    assert _stamps(raw_s3, bucket) == before


def test_same_size_other_bytes_on_the_server_is_uploaded(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    """The old rule (same size, not older) would have kept the server's wrong bytes."""
    bucket = _bucket(s3_backend, tmp_path, "other")
    f = tmp_path / "report.txt"
    f.write_bytes(b"A" * 5000)
    run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", check=True)
    raw_s3.put_object(Bucket=bucket, Key="report.txt", Body=b"B" * 5000)  # another tool, later
    res = run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", "--if-exists", "skip-same")
    assert res.returncode == 0, res.stderr.decode()
    assert "unchanged" not in res.stderr.decode()
    assert raw_s3.get_object(Bucket=bucket, Key="report.txt")["Body"].read() == b"A" * 5000


def test_same_size_other_bytes_locally_is_uploaded(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = _bucket(s3_backend, tmp_path, "local")
    f = tmp_path / "notes.txt"
    f.write_bytes(b"first version.")
    run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", check=True)
    f.write_bytes(b"other version.")  # same size; a new mtime
    res = run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", "--if-exists", "skip-same")
    assert res.returncode == 0, res.stderr.decode()
    assert raw_s3.get_object(Bucket=bucket, Key="notes.txt")["Body"].read() == b"other version."


def test_a_multipart_object_is_proven_by_its_composite_checksum_without_a_record(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    """A fresh home (no record, no cached digest): the part size in the object's metadata lets the
    composite CRC32 be recomputed from the file."""
    bucket = _bucket(s3_backend, tmp_path, "multi")
    f = tmp_path / "big.bin"
    f.write_bytes(os.urandom(12 * MiB))
    up = ["--threshold", "5MiB", "--part-size", "5MiB"]
    run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", *up, check=True)
    head = raw_s3.head_object(Bucket=bucket, Key="big.bin", ChecksumMode="ENABLED")
    assert head["Metadata"]["skylift-part-size"] == str(5 * MiB)
    assert head["ChecksumCRC32"].endswith("-3")
    fresh = _fresh_home(cli_home, tmp_path / "home2")
    before = _stamps(raw_s3, bucket)
    res = run_cli(fresh, "upload", str(f), f"sw:{bucket}/", "--if-exists", "skip-same", *up)
    assert "1 unchanged, skipped" in res.stderr.decode(), res.stderr.decode()
    assert _stamps(raw_s3, bucket) == before


def test_a_small_object_carries_its_sha256(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = _bucket(s3_backend, tmp_path, "sha")
    f = tmp_path / "small.bin"
    data = os.urandom(70_000)
    f.write_bytes(data)
    run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", check=True)
    head = raw_s3.head_object(Bucket=bucket, Key="small.bin")
    assert head["Metadata"]["skylift-sha256"] == hashlib.sha256(data).hexdigest()


def test_objects_other_tools_made_are_compared_too(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    """boto3's managed upload: 8 MiB parts, no Skylift metadata. The usual part sizes are tried."""
    import boto3.s3.transfer as s3t

    bucket = _bucket(s3_backend, tmp_path, "peer")
    f = tmp_path / "peer.bin"
    f.write_bytes(os.urandom(20 * MiB))
    cfg = s3t.TransferConfig(multipart_threshold=8 * MiB, multipart_chunksize=8 * MiB)
    raw_s3.upload_file(str(f), bucket, "peer.bin", Config=cfg)
    small = tmp_path / "peer-small.txt"
    small.write_bytes(b"x" * 100)
    raw_s3.put_object(Bucket=bucket, Key="peer-small.txt", Body=small.read_bytes())
    before = _stamps(raw_s3, bucket)
    for path in (f, small):
        res = run_cli(cli_home, "upload", str(path), f"sw:{bucket}/", "--if-exists", "skip-same")
        assert "1 unchanged, skipped" in res.stderr.decode(), res.stderr.decode()
    assert _stamps(raw_s3, bucket) == before


def _fresh_home(env: dict[str, str], home: Path) -> dict[str, str]:
    fresh = {**env, "SKYLIFT_HOME": str(home)}
    endpoint = json_profile_endpoint(env)
    run_cli(fresh, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", endpoint, check=True)
    return fresh


def json_profile_endpoint(env: dict[str, str]) -> str:
    out = run_cli(env, "profile", "list", check=True).stdout.decode()
    for word in out.split():
        if word.startswith("http"):
            return word
    raise AssertionError(f"no endpoint in {out!r}")
