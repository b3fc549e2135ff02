"""Commands on transfers in awkward states say what happened and what to do, with the contract's exit code."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import paused_upload, run_cli

pytestmark = pytest.mark.integration
MiB = 1024 * 1024


def _paused(tmp_path: Path, env: dict[str, str], bucket: str) -> tuple[int, Path]:
    src = tmp_path / "data.bin"
    src.write_bytes(os.urandom(3 * 5 * MiB))
    return paused_upload(env, str(src), f"sw:{bucket}/data.bin"), src


@pytest.fixture
def bucket(tmp_path: Path, s3_backend: Any) -> str:
    name = "state-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(name)
    return name


def test_resume_all_names_a_transfer_that_needs_a_restart_and_exits_1(
    tmp_path: Path, cli_home: dict[str, str], bucket: str
) -> None:
    tid, src = _paused(tmp_path, cli_home, bucket)
    src.write_bytes(os.urandom(100))  # changed: a resume fails as file_changed
    first = run_cli(cli_home, "resume", str(tid))
    assert first.returncode == 1
    again = run_cli(cli_home, "resume", "--all")
    err = again.stderr.decode()
    assert again.returncode == 1, err
    assert f"transfer #{tid} was not resumed: file_changed" in err and f"skylift restart {tid}" in err


def test_restart_after_the_source_was_deleted_fails_clearly(
    tmp_path: Path, cli_home: dict[str, str], bucket: str, raw_s3: Any
) -> None:
    tid, src = _paused(tmp_path, cli_home, bucket)
    src.unlink()
    res = run_cli(cli_home, "restart", str(tid), "--json")
    out, err = res.stdout.decode(), res.stderr.decode()
    assert res.returncode == 1, out + err
    assert "Traceback" not in err
    (summary,) = [e for e in map(json.loads, out.splitlines()) if e["event"] == "summary"]
    assert (summary["state"], summary["error_code"]) == ("failed", "file_missing")
    assert raw_s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []  # old upload aborted
