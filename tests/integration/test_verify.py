"""``skylift verify`` against real servers: every outcome, and how each was decided."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ROOT
from tests.helpers.targets import OssTarget, S3Target, Target

pytestmark = pytest.mark.integration

MiB = 1024 * 1024


def _home(tmp_path: Path, target: Target) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SKYLIFT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT), **target.env})
    add = ["profile", "add", "t", "--provider", target.provider, "--endpoint", target.endpoint]
    run_cli(env, *add, *target.profile_args, check=True)
    return env


def _put(target: Target, bucket: str, key: str, data: bytes) -> None:
    """Another tool writes the object."""
    if isinstance(target, S3Target):
        target.raw.put_object(Bucket=bucket, Key=key, Body=data)
    else:
        assert isinstance(target, OssTarget)
        target.raw(bucket).put_object(key, data)


def _by_key(out: bytes) -> dict[str, dict[str, Any]]:
    return {e["key"]: e for e in json_events(out, "file")}


def test_every_outcome_of_a_folder(tmp_path: Path, target: Target) -> None:
    env = _home(tmp_path, target)
    bucket = target.new_bucket()
    root = tmp_path / "photos"
    (root / "trip").mkdir(parents=True)
    files = {
        "same.jpg": os.urandom(3000),
        "trip/changed-on-server.jpg": os.urandom(4000),
        "trip/gone.jpg": os.urandom(500),
        "big.raw": os.urandom(11 * MiB),
    }
    for rel, data in files.items():
        (root / rel).write_bytes(data)
    up = ["--threshold", "5MiB", "--part-size", "5MiB"]
    run_cli(env, "upload", str(root), f"t:{bucket}/backup/", *up, check=True)
    _put(target, bucket, "backup/photos/trip/changed-on-server.jpg", os.urandom(4000))
    _put(target, bucket, "backup/photos/only-there.txt", b"left by someone")
    (root / "new.jpg").write_bytes(b"not uploaded yet")
    if isinstance(target, S3Target):
        target.raw.delete_object(Bucket=bucket, Key="backup/photos/trip/gone.jpg")
    else:
        assert isinstance(target, OssTarget)
        target.raw(bucket).delete_object("backup/photos/trip/gone.jpg")

    res = run_cli(
        env, "verify", str(root), f"t:{bucket}/backup/", "--json", "--report", str(tmp_path / "r.csv")
    )
    assert res.returncode == 1, res.stderr.decode()
    got = _by_key(res.stdout)
    assert len(got) == 6, res.stdout.decode() + res.stderr.decode()
    p = "backup/photos/"
    assert got[p + "same.jpg"]["verdict"] == "same"
    assert got[p + "big.raw"]["verdict"] == "same"
    assert got[p + "trip/changed-on-server.jpg"]["verdict"] == "different"
    assert got[p + "trip/changed-on-server.jpg"]["method"] not in ("size", "")  # by checksum
    assert got[p + "trip/gone.jpg"]["verdict"] == "missing"
    assert got[p + "new.jpg"]["verdict"] == "missing"
    assert got[p + "only-there.txt"]["verdict"] == "only-on-server"
    (summary,) = json_events(res.stdout, "summary")
    assert (summary["files"], summary["same"], summary["different"], summary["missing"]) == (5, 2, 1, 2)
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert {r["key"]: r["verdict"] for r in rows} == {k: e["verdict"] for k, e in got.items()}

    # Without the records of the upload, the server's own checksums decide.
    fresh = run_cli(
        env,
        "verify",
        str(root / "same.jpg"),
        str(root / "big.raw"),
        f"t:{bucket}/backup/photos/",
        "--json",
        "--no-cache",
    )
    assert fresh.returncode == 0, fresh.stderr.decode()
    methods = {k.rsplit("/", 1)[1]: e["method"] for k, e in _by_key(fresh.stdout).items()}
    if target.provider == "oss":
        assert methods == {"same.jpg": "md5", "big.raw": "crc64"}
    else:
        assert methods == {"same.jpg": "md5", "big.raw": "crc32-parts"}


def test_a_local_change_that_keeps_size_and_time_is_caught_without_the_cache(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any
) -> None:
    """The cache trusts size and mtime (as rsync and aws s3 sync do); --no-cache reads the bytes."""
    bucket = "vfy-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    f = tmp_path / "ledger.csv"
    f.write_bytes(b"1,2,3\n")
    run_cli(cli_home, "upload", str(f), f"sw:{bucket}/", check=True)
    st = f.stat()
    f.write_bytes(b"1,2,4\n")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert run_cli(cli_home, "verify", str(f), f"sw:{bucket}/").returncode == 0
    res = run_cli(cli_home, "verify", str(f), f"sw:{bucket}/", "--no-cache")
    assert res.returncode == 1
    assert "different by sha256" in res.stdout.decode()


def test_an_object_in_parts_of_unknown_size_is_compared_by_size_and_said(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = "vfy-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    data = os.urandom(17 * MiB)
    f = tmp_path / "odd.bin"
    f.write_bytes(data)
    up = raw_s3.create_multipart_upload(Bucket=bucket, Key="odd.bin")["UploadId"]
    parts, at = [], 0
    for n, size in enumerate((6 * MiB, 5 * MiB, 6 * MiB), 1):
        etag = raw_s3.upload_part(
            Bucket=bucket, Key="odd.bin", UploadId=up, PartNumber=n, Body=data[at : at + size]
        )
        parts.append({"PartNumber": n, "ETag": etag["ETag"]})
        at += size
    raw_s3.complete_multipart_upload(
        Bucket=bucket, Key="odd.bin", UploadId=up, MultipartUpload={"Parts": parts}
    )
    res = run_cli(cli_home, "verify", str(f), f"sw:{bucket}/", "--json")
    assert res.returncode == 0, res.stderr.decode()
    (got,) = json_events(res.stdout, "file")
    assert (got["verdict"], got["method"]) == ("unproven", "size")
    assert "unknown size" in got["detail"]
    strict = run_cli(cli_home, "verify", str(f), f"sw:{bucket}/", "--require-checksum")
    assert strict.returncode == 1
    assert "no checksum that can decide" in strict.stderr.decode()


def test_bad_input(tmp_path: Path, cli_home: dict[str, str]) -> None:
    missing = run_cli(cli_home, "verify", str(tmp_path / "nope"), "sw:bucket/")
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr.decode()
    alone = run_cli(cli_home, "verify", "sw:bucket/")
    assert alone.returncode == 2 and "DEST" in alone.stderr.decode()
    (tmp_path / "f").write_bytes(b"x")
    report = run_cli(
        cli_home, "verify", str(tmp_path / "f"), "sw:bucket/", "--report", str(tmp_path / "no" / "r.csv")
    )
    assert report.returncode == 2 and "cannot write the report" in report.stderr.decode()


def test_objects_the_patterns_leave_out_are_not_only_on_server(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = "vfy-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    (root / "main.c").write_bytes(b"int main;")
    (root / "build.tmp").write_bytes(b"scratch")
    (root / ".git" / "HEAD").write_bytes(b"ref")
    run_cli(cli_home, "upload", str(root), f"sw:{bucket}/", check=True)  # everything, patterns aside
    raw_s3.put_object(Bucket=bucket, Key="proj/stray.txt", Body=b"?")
    res = run_cli(
        cli_home, "verify", str(root), f"sw:{bucket}/", "--exclude", "*.tmp", "--exclude", ".git", "--json"
    )
    got = {e["key"]: e["verdict"] for e in json_events(res.stdout, "file")}
    assert got == {"proj/main.c": "same", "proj/stray.txt": "only-on-server"}
