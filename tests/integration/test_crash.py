"""Crash recovery through the real CLI: SIGKILL at many points, then ``skylift resume --all``."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ROOT

if TYPE_CHECKING:
    from tests.helpers.fixtures import S3Backend, S3Client


pytestmark = pytest.mark.integration

MiB = 1024 * 1024
PART = 5 * MiB
CONCURRENCY = 2
SIZE = 8 * PART + 123_457


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _kill_when(proc: subprocess.Popen[bytes], fraction: float | None, state: str | None) -> int:
    """Read JSON lines until the condition holds, SIGKILL, and return the last bytes_done seen."""
    assert proc.stdout is not None
    last_done = 0
    for raw in proc.stdout:
        ev = json.loads(raw)
        if ev["event"] == "progress":
            last_done = ev["bytes_done"]
        hit = (fraction is not None and ev["event"] == "progress" and last_done >= fraction * SIZE) or (
            state is not None and ev["event"] == "state" and ev["state"] == state
        )
        if hit:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    return last_done


# Kill points: right at the first progress report, at fractions of the bytes (shuffled a little
# each run, seed printed), and at the moment the CLI reports "completing".
_SEED = int(os.environ.get("SKYLIFT_KILL_SEED", random.randrange(1 << 30)))
_RNG = random.Random(_SEED)
KILL_POINTS: list[tuple[float | None, str | None]] = [
    (0.0, None),
    *[(round(f + _RNG.uniform(-0.05, 0.05), 3), None) for f in (0.2, 0.45, 0.7, 0.9)],
    (None, "completing"),
]


@pytest.mark.parametrize(("fraction", "state"), KILL_POINTS, ids=lambda v: str(v))
def test_kill9_then_resume_all_completes_the_exact_bytes(
    tmp_path: Path,
    cli_home: dict[str, str],
    s3_backend: S3Backend,
    raw_s3: S3Client,
    fraction: float | None,
    state: str | None,
) -> None:
    print(f"kill seed {_SEED}")
    bucket = "crash-" + tmp_path.name[-20:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(SIZE))
    proc = _start(
        cli_home,
        "upload",
        str(src),
        f"sw:{bucket}/big.bin",
        "--json",
        "--part-size",
        "5MiB",
        "--concurrency",
        str(CONCURRENCY),
        "--bwlimit",
        "8MiB/s",
    )
    seen = _kill_when(proc, fraction, state)
    assert proc.returncode == -signal.SIGKILL

    res = run_cli(cli_home, "resume", "--all", "--json")
    assert res.returncode == 0, res.stderr.decode()
    summary = json_events(res.stdout, "summary")
    if not summary:
        # The kill came after the run had finished (its last lines were still in the pipe): the
        # checkpoint must say done. The deterministic variants are in test_matrix.py.
        listed = [json.loads(x) for x in run_cli(cli_home, "list", "--json").stdout.decode().splitlines()]
        assert [t["state"] for t in listed] == ["done"]
        summary = [{"state": "done", "bytes_sent": 0}]
        seen = SIZE
    assert [s["state"] for s in summary] == ["done"]
    body = raw_s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read()
    assert body == src.read_bytes()
    # Bytes this resume sent that the killed run had already reported as sent: at most the parts
    # that were in flight when it died.
    resent = summary[0]["bytes_sent"] - (SIZE - seen)
    point = state if fraction is None else fraction
    print(f"kill at {point}: seen {seen}, resume sent {summary[0]['bytes_sent']}, re-sent {max(resent, 0)}")
    assert resent <= CONCURRENCY * PART
    assert raw_s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_sigint_pauses_safely_and_exits_130(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: S3Backend, raw_s3: S3Client
) -> None:
    bucket = "sigint-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    src = tmp_path / "f.bin"
    src.write_bytes(os.urandom(4 * PART))
    proc = _start(
        cli_home,
        "upload",
        str(src),
        f"sw:{bucket}/f.bin",
        "--json",
        "--part-size",
        "5MiB",
        "--bwlimit",
        "8MiB/s",
    )
    assert proc.stdout is not None
    for raw in proc.stdout:
        if json.loads(raw)["event"] == "progress":
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    listed = [json.loads(x) for x in run_cli(cli_home, "list", "--json").stdout.decode().splitlines()]
    assert [t["state"] for t in listed] == ["paused"]
    assert listed[0]["upload_id"]
    res = run_cli(cli_home, "resume", str(listed[0]["id"]), "--json")
    assert res.returncode == 0, res.stderr.decode()
    assert raw_s3.get_object(Bucket=bucket, Key="f.bin")["Body"].read() == src.read_bytes()
