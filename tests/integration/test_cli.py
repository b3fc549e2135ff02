"""The CLI contract: exit codes, JSON lines, folders, stdin, restart, the built-in local storage."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ROOT

if TYPE_CHECKING:
    from tests.helpers.fixtures import S3Backend, S3Client


pytestmark = pytest.mark.integration
MiB = 1024 * 1024


@pytest.fixture
def bucket_name(tmp_path: Path, s3_backend: S3Backend) -> str:
    name = "cli-" + tmp_path.name[-20:].lower().replace("_", "-")
    s3_backend.make_bucket(name)
    return name


def test_folder_keeps_its_tree_and_summaries_carry_the_contract_fields(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: S3Client
) -> None:
    root = tmp_path / "photos"
    (root / "2024" / "trip").mkdir(parents=True)
    (root / "a.txt").write_bytes(b"a" * 10)
    (root / "2024" / "trip" / "b.jpg").write_bytes(os.urandom(6 * MiB))
    (root / "2024" / "skip.tmp").write_bytes(b"x")
    res = run_cli(
        cli_home,
        "upload",
        str(root),
        f"sw:{bucket_name}/backup/",
        "--json",
        "--exclude",
        "*.tmp",
        "--part-size",
        "5MiB",
        "--threshold",
        "5MiB",
        "--meta",
        "owner=qa",
        "--storage-class",
        "STANDARD",
    )
    assert res.returncode == 0, res.stderr.decode()
    summaries = {s["key"]: s for s in json_events(res.stdout, "summary")}
    assert set(summaries) == {"backup/photos/a.txt", "backup/photos/2024/trip/b.jpg"}
    big = summaries["backup/photos/2024/trip/b.jpg"]
    assert {"id", "state", "bucket", "key", "size", "bytes_sent", "parts", "etag"} <= set(big)
    assert (big["state"], big["size"], big["parts"], big["bytes_sent"]) == ("done", 6 * MiB, 2, 6 * MiB)
    assert big["etag"].endswith("-2")
    head = raw_s3.head_object(Bucket=bucket_name, Key="backup/photos/2024/trip/b.jpg")
    # The user's metadata, and the part size a later verify needs to recompute the checksum.
    assert head["Metadata"] == {"owner": "qa", "skylift-part-size": str(5 * MiB)}
    assert head["ContentType"] == "image/jpeg"


def test_stdin_streams_into_parts(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: S3Client
) -> None:
    data = os.urandom(12 * MiB + 5)
    res = run_cli(
        cli_home, "upload", "-", f"sw:{bucket_name}/stream.bin", "--json", "--part-size", "5MiB", input=data
    )
    assert res.returncode == 0, res.stderr.decode()
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["size"], s["parts"]) == ("done", len(data), 3)
    assert raw_s3.get_object(Bucket=bucket_name, Key="stream.bin")["Body"].read() == data


def test_killed_stdin_upload_is_reported_not_resumable_and_its_parts_aborted(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: S3Client
) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "upload",
            "-",
            f"sw:{bucket_name}/s.bin",
            "--json",
            "--part-size",
            "5MiB",
        ],
        env=cli_home,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(os.urandom(11 * MiB))
    proc.stdin.flush()
    tick = threading.Event()
    for _ in range(200):
        if raw_s3.list_multipart_uploads(Bucket=bucket_name).get("Uploads"):
            break
        tick.wait(0.05)
    else:
        raise AssertionError("the stdin upload never created its multipart upload")
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    res = run_cli(cli_home, "resume", "--all", "--json")
    assert res.returncode == 1
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("failed", "stream_not_resumable")
    assert raw_s3.list_multipart_uploads(Bucket=bucket_name).get("Uploads", []) == []


def test_changed_file_fails_clearly_then_restart_uploads_the_new_bytes(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: S3Client
) -> None:
    src = tmp_path / "doc.bin"
    src.write_bytes(os.urandom(12 * MiB))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "upload",
            str(src),
            f"sw:{bucket_name}/doc.bin",
            "--json",
            "--part-size",
            "5MiB",
            "--bwlimit",
            "6MiB/s",
        ],
        env=cli_home,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    for raw in proc.stdout:
        if json.loads(raw)["event"] == "progress":
            break
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    assert proc.returncode == 130
    src.write_bytes(os.urandom(12 * MiB + 1))
    res = run_cli(cli_home, "resume", "--all", "--json")
    assert res.returncode == 1
    (s,) = json_events(res.stdout, "summary")
    assert s["error_code"] == "file_changed"
    assert raw_s3.list_objects_v2(Bucket=bucket_name).get("KeyCount") == 0, "nothing completed"
    old_ids = [u["UploadId"] for u in raw_s3.list_multipart_uploads(Bucket=bucket_name)["Uploads"]]
    assert len(old_ids) == 1, "the checkpoint's upload is kept until the user decides"
    res = run_cli(cli_home, "restart", str(s["id"]), "--json")
    assert res.returncode == 0, res.stderr.decode()
    assert raw_s3.get_object(Bucket=bucket_name, Key="doc.bin")["Body"].read() == src.read_bytes()
    assert raw_s3.list_multipart_uploads(Bucket=bucket_name).get("Uploads", []) == []


def test_builtin_local_storage_starts_on_demand_and_stops_on_exit(tmp_path: Path) -> None:
    env = dict(os.environ, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    env.pop("AWS_ACCESS_KEY_ID", None)
    env.pop("AWS_SECRET_ACCESS_KEY", None)
    src = tmp_path / "hello.txt"
    src.write_bytes(b"hello local storage\n")
    res = run_cli(env, "upload", str(src), "skylift/hello.txt", "--json")
    assert res.returncode == 0, res.stderr.decode()
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["bucket"], s["key"]) == ("done", "skylift", "hello.txt")
    listed = run_cli(env, "profile", "list").stdout.decode()
    assert listed.startswith("local")
    data_dir = tmp_path / "home" / "data" / "local-storage"
    assert data_dir.is_dir()
    assert not (data_dir / "weed.pid").exists(), "the server stops when Skylift exits"
    res = run_cli(env, "list", "--json")
    assert json.loads(res.stdout.decode().splitlines()[0])["state"] == "done"
