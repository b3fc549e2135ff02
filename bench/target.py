"""The server side: SeaweedFS on loopback, a fresh bucket per run, and checking what arrived."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.local_server import LocalServer, start_local_server

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef

REGION = "us-east-1"
_WARMUP_KEY = "bench-warmup"


@dataclass
class Target:
    server: LocalServer
    s3: S3Client  # a boto3 S3 client for setup and checks, never timed

    @property
    def endpoint(self) -> str:
        return self.server.endpoint

    @property
    def access_key(self) -> str:
        return self.server.access_key

    @property
    def secret_key(self) -> str:
        return self.server.secret_key

    def cpu_seconds(self) -> float:
        return self.server.cpu_seconds()

    def stop(self) -> None:
        self.server.stop()


def start(data_dir: Path) -> Target:
    import boto3
    from botocore.config import Config

    server = start_local_server(data_dir)
    s3 = boto3.client(
        "s3",
        endpoint_url=server.endpoint,
        region_name=REGION,
        aws_access_key_id=server.access_key,
        aws_secret_access_key=server.secret_key,
        config=Config(
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            retries={"max_attempts": 5, "mode": "standard"},
        ),
    )
    return Target(server, s3)


def bucket_name(*parts: str) -> str:
    name = "-".join(parts).lower()
    name = re.sub(r"[^a-z0-9-]+", "-", name).strip("-")
    return name[:63].rstrip("-")


def prepare_bucket(t: Target, bucket: str) -> None:
    """Create the run's bucket and write one small object, so the server has grown the bucket's
    volumes before the clock starts and no client pays for that."""
    t.s3.create_bucket(Bucket=bucket)
    t.s3.put_object(Bucket=bucket, Key=_WARMUP_KEY, Body=b"x")


def listing(t: Target, bucket: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for page in t.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            if obj["Key"] != _WARMUP_KEY:
                out[obj["Key"]] = int(obj["Size"])
    return out


def verify(t: Target, bucket: str, files: list[Path]) -> tuple[bool, str]:
    """Every file arrived once with its size. Keys are compared by base name, because each tool
    lays out a folder's keys its own way; a HEAD per object confirms the size the listing says."""
    got = listing(t, bucket)
    want = Counter((p.name, p.stat().st_size) for p in files)
    have = Counter((k.rsplit("/", 1)[-1], size) for k, size in got.items())
    if have != want:
        missing = sum((want - have).values())
        extra = sum((have - want).values())
        return False, f"server holds {len(got)} objects: {missing} expected missing, {extra} unexpected"
    # HEAD is cheap next to the upload; for the many-small-files case a sample is enough.
    keys = sorted(got)
    for key in keys if len(keys) <= 20 else keys[:: len(keys) // 20]:
        head = t.s3.head_object(Bucket=bucket, Key=key)
        if int(head["ContentLength"]) != got[key]:
            return False, f"HEAD {key}: {head['ContentLength']} bytes, listing says {got[key]}"
    return True, ""


def snapshot(t: Target, bucket: str) -> dict[str, tuple[str, str]]:
    """Each object's (ETag, LastModified) from the listing: what a re-upload of it would change."""
    out: dict[str, tuple[str, str]] = {}
    for page in t.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            if obj["Key"] != _WARMUP_KEY:
                out[obj["Key"]] = (str(obj.get("ETag", "")), obj["LastModified"].isoformat())
    return out


def unchanged(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> tuple[bool, str]:
    """No object written, added or deleted between two snapshots. LastModified has one-second
    resolution: the caller lets a second pass after the snapshot before the client runs, so a
    rewrite of identical bytes cannot hide behind an unchanged ETag and the same second."""
    if before == after:
        return True, ""
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    gone, new = len(before.keys() - after.keys()), len(after.keys() - before.keys())
    first = f" (first: {changed[0]}: {before[changed[0]]} -> {after[changed[0]]})" if changed else ""
    return False, f"the re-run wrote {len(changed)} objects, added {new}, deleted {gone}{first}"


def drop_bucket(t: Target, bucket: str) -> None:
    """Delete everything, including unfinished multipart uploads, so the disk does not fill up
    over a full run (deleting the bucket drops its SeaweedFS collection and volumes)."""
    try:
        uploads = t.s3.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
        for u in uploads:
            t.s3.abort_multipart_upload(Bucket=bucket, Key=u["Key"], UploadId=u["UploadId"])
        keys = [*listing(t, bucket), _WARMUP_KEY]
        for i in range(0, len(keys), 1000):
            batch: list[ObjectIdentifierTypeDef] = [{"Key": k} for k in keys[i : i + 1000]]
            t.s3.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
        for _ in range(10):
            try:
                t.s3.delete_bucket(Bucket=bucket)
                return
            except t.s3.exceptions.ClientError:
                time.sleep(0.5)
    except Exception as exc:  # cleanup must never sink the run; the disk check will tell
        print(f"  (could not drop bucket {bucket}: {exc})")


def presign_put(t: Target, bucket: str, key: str) -> str:
    return str(
        t.s3.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=6 * 3600)
    )
