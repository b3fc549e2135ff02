"""One process owns a transfer: the CLI's side of it, through the real ``skylift`` process."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import paused_upload, run_cli, start_cli

pytestmark = pytest.mark.integration
MiB = 1024 * 1024


def _until_progress(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    for raw in proc.stdout:
        if json.loads(raw)["event"] == "progress":
            return
    raise AssertionError(
        f"no progress before exit {proc.wait()}: {proc.stderr.read() if proc.stderr else ''!r}"
    )


def _paused_transfer(tmp_path: Path, env: dict[str, str], bucket: str, size: int) -> tuple[int, Path]:
    """A multipart transfer stopped by SIGINT after its first bytes: paused, upload id kept."""
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(size))
    return paused_upload(env, str(src), f"sw:{bucket}/big.bin"), src


def test_cancel_exits_0_when_the_abort_succeeded(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = "cancel-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    tid, _ = _paused_transfer(tmp_path, cli_home, bucket, 3 * 5 * MiB)
    res = run_cli(cli_home, "cancel", str(tid))
    assert res.returncode == 0, (res.stdout.decode(), res.stderr.decode())
    (row,) = [json.loads(x) for x in run_cli(cli_home, "list", "--json").stdout.decode().splitlines()]
    assert row["state"] == "cancelled"
    assert raw_s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_a_second_resume_of_a_held_transfer_says_who_holds_it_and_sends_nothing(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = "lease-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    tid, src = _paused_transfer(tmp_path, cli_home, bucket, 4 * 5 * MiB)
    first = start_cli(cli_home, "resume", str(tid), "--json", "--bwlimit", "8MiB/s")
    _until_progress(first)  # it holds the transfer now and is sending
    second = run_cli(cli_home, "resume", str(tid), "--json", timeout=60)
    _, err_first = first.communicate(timeout=120)
    assert first.returncode == 0, err_first.decode()
    assert second.returncode == 3, (second.stdout.decode(), second.stderr.decode())
    message = second.stderr.decode()
    assert f"transfer #{tid} is being uploaded by another Skylift process (pid {first.pid})" in message
    assert not [e for e in map(json.loads, second.stdout.decode().splitlines()) if e["event"] == "progress"]
    (row,) = [json.loads(x) for x in run_cli(cli_home, "list", "--json").stdout.decode().splitlines()]
    assert row["state"] == "done", row
    body = raw_s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read()
    assert hashlib.sha256(body).hexdigest() == hashlib.sha256(src.read_bytes()).hexdigest()


def test_a_lease_left_by_a_killed_process_is_taken_over(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = "steal-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    tid, src = _paused_transfer(tmp_path, cli_home, bucket, 3 * 5 * MiB)
    first = start_cli(cli_home, "resume", str(tid), "--json", "--bwlimit", "4MiB/s")
    _until_progress(first)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    res = run_cli(cli_home, "resume", str(tid), "--json")
    assert res.returncode == 0, res.stderr.decode()
    body = raw_s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read()
    assert body == src.read_bytes()
